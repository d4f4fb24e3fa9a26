"""Document metadata (title, type, region, level, year, review year, date, speaker, meeting).

The region and year come from where such documents print them: the title
(``2025年XX省政府工作报告``), the venue line (``在XX省第十四届人民代表大会第三次会议上``),
the issuer line (``XX省人民政府省长 某某``) and the date line; the review year from the
heading of the review part (``2024年工作回顾``) or, for a work report, the year before.
"""

from __future__ import annotations

import re

from gongwen.model import Document, Meta
from gongwen.parsing.quantities import FULL_WIDTH
from gongwen.parsing.toc import TOC_HEADER

TITLE_WORDS = re.compile(r"报告|讲话|致辞|规划|计划|方案|意见|通知|公报|纲要|决定|发言")
DOC_TYPES = [  # (pattern in the title, doc_type) — first match wins
    (re.compile(r"公报$"), "bulletin"),  # …计划执行结果的公报: a communiqué about a plan
    (re.compile(r"工作报告"), "work_report"),
    (re.compile(r"讲话|致辞|发言"), "speech"),
    (re.compile(r"规划|计划|方案|纲要"), "plan"),
    (re.compile(r"公报"), "bulletin"),
]
CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0, "O": 0}
CN_NUM = "[一二三四五六七八九十]{1,3}"
CN_DATE = re.compile(rf"([〇○Ｏ零一二三四五六七八九]{{4}})年({CN_NUM})月({CN_NUM})日")
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
YEAR = re.compile(r"(19\d{2}|20\d{2})\s*年(?!远景)")  # 2035年远景目标 in a plan's title is its horizon
CN_YEAR = re.compile(r"((?:一九|二[〇○零])[〇○零一二三四五六七八九]{2})年(?!远景)")
YEAR_SPACE = re.compile(r"(?<=\d) +(?=年)")
TITLE_SPAN = re.compile(r"(19\d{2}|20\d{2})\s*[—－\-~～至到]\s*(?:19|20)\d{2}\s*年")  # 1976—1985年…规划: from 1976
MEETING = re.compile(r"在(.{2,40}?(?:会议|大会))(?:上|的|$)")
NOT_REGION = ("在", "全", "本", "我", "各", "该")
NAME_LINE = re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}$")
# A speaker line with the office first: 市长 李明华, 县委书记　王建国.
OFFICE_NAME = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:长|书记|主任|主席|委员|代表)[ \u3000]+"
                         r"(?P<name>[\u4e00-\u9fff]{2,4})$")
SALUTATION = re.compile(r"^(?:各位|同志们|尊敬的)")
LETTER_SPACED = re.compile(r"[\u4e00-\u9fff](?: [\u4e00-\u9fff](?![\u4e00-\u9fff])){2,}")  # 政 府 工 作 报 告
# How a work report opens when no title names it (现在，我代表国务院，向大会报告政府工作，请予审议).
WORK_REPORT_OPENING = re.compile(r"我代表[^，,。]{0,20}?(?:政府|国务院)[，,]?\s*向[^。]{1,20}?报告"
                                 r"(?![^。，,]{0,20}?(?:预算|决算))")  # not a budget's report (…报告预算执行情况)
MAX_OPENING_LINES = 6
# Where a title line runs on: a space or bracket, or a dash before its dateline (——1975年1月13日在…会议上).
TITLE_CUT = re.compile(r"[ \u3000(（>]|——(?=(?:\d{4}|[一二〇○零九]{4})年[\d一二三四五六七八九十]{1,2}月|在)")

# Provincial-level divisions: (full name, short name, level).
PROVINCES = [(f"{s}市", s, "province") for s in "北京 天津 上海 重庆".split()] + [
    (f"{s}省", s, "province") for s in
    "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 "
    "台湾".split()] + [
    ("内蒙古自治区", "内蒙古", "province"), ("广西壮族自治区", "广西", "province"),
    ("西藏自治区", "西藏", "province"), ("宁夏回族自治区", "宁夏", "province"),
    ("新疆维吾尔自治区", "新疆", "province"),
    ("香港特别行政区", "香港", "province"), ("澳门特别行政区", "澳门", "province")]
BY_FULL = {full: (short, level) for full, short, level in PROVINCES}
BY_SHORT = {short: full for full, short, _ in PROVINCES}
# Level suffixes, most specific first; an autonomous prefecture/county/banner carries its peoples' names.
PEOPLES = r"(?:[\u4e00-\u9fff]{1,5}?族|维吾尔|蒙古)*"
SUFFIXES = [(re.compile(rf"^(?P<short>[\u4e00-\u9fff]{{{least},}}?){suffix}$"), level) for suffix, level, least in [
    (PEOPLES + "自治州", "prefecture", 2), (PEOPLES + "自治县", "county", 1), (PEOPLES + "自治旗", "county", 1),
    ("特别行政区", "province", 2), (PEOPLES + "自治区", "province", 2),
    ("(?:新区|开发区|高新区)", "other", 2), ("街道", "township", 1), ("地区", "prefecture", 2),
    ("盟", "prefecture", 2), ("州", "prefecture", 1), ("省", "province", 2), ("市", "prefecture", 1),
    ("[县旗]", "county", 1), ("区", "district", 1), ("[镇乡]", "township", 1)]]
UNIT = r"(?:省|自治区|特别行政区|自治州|自治县|自治旗|地区|盟|州|市|区|县|旗|镇|乡|街道)"
# A region name: an optional parent division, then the division itself (浙江省武义县, 南湖区凤桥镇).
REGION_NAME = (r"(?:[\u4e00-\u9fff]{2,9}?(?:省|自治区|市|州|盟))?"
               r"[\u4e00-\u9fff]{1,12}?" + UNIT)
TITLE_REGION = re.compile(r"^(?:\d{4}年)?(" + REGION_NAME
                          + r")(?=人民政府|政府|国民|\d{4}年|20|19|第|[^\u4e00-\u9fff]|$)")
# 在XX省第十四届人民代表大会…  /  在XX省十四届人大…  /  在第十四届全国人民代表大会…
VENUE = re.compile(r"在(" + REGION_NAME + r")(?:第?[一二三四五六七八九十]+届|人民代表大会|人大)")
NATIONAL_VENUE = re.compile(r"第?[一二三四五六七八九十]+届全国人民代表大会")
ISSUER = re.compile(r"(" + REGION_NAME + r")(?:人民政府|政府)?(?:代理?)?"
                    r"(?:省长|市长|主席|区长|县长|州长|盟长|旗长|镇长|乡长)")
REVIEW_HEADING = re.compile(r"(19\d{2}|20\d{2})年[^，。]{0,12}(?:工作回顾|工作总结|回顾|主要工作|执行情况|完成情况)")
PAST_YEAR = re.compile(r"过去(?:的)?一年|刚刚过去的(?:一年|\d{4}年)")
FILE_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")


def _title(lines: list[str]) -> str | None:
    """The last line of the head that names a kind of document; a sentence (…作政府工作报告，请予审议。)
    only when no line does."""
    best = sentence = None
    for line in lines:
        if SALUTATION.match(line) or line.startswith(("——", "—")):
            break
        line = _unspaced(line)
        cut = TITLE_CUT.search(line.translate(FULL_WIDTH))  # ——１９９６年３月５日: the date in full-width digits
        head = line[:cut.start()] if cut else line
        if TITLE_WORDS.search(head) and len(head) <= 40:
            if head.endswith(("。", "；", "：", ":")):  # …执行情况如下： leads into the text, names nothing
                sentence = head
            else:
                best = head
    return best or sentence


def _unspaced(line: str) -> str:
    """``line`` with the spaces of letter-spaced words removed (2006年政 府 工 作 报 告), and the one a PDF leaves
    between a year and 年 (2021 年成都市…统计公报)."""
    if " " not in line:
        return line
    return YEAR_SPACE.sub("", LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), line))


def region_parts(name: str) -> tuple[str, str | None, str | None]:
    """``(region, region_short, region_level)`` of a division name as printed (宁夏 → 宁夏回族自治区)."""
    if name in BY_SHORT:
        name = BY_SHORT[name]
    if name in BY_FULL:
        short, level = BY_FULL[name]
        return name, short, level
    for pattern, level in SUFFIXES:
        if m := pattern.match(name):
            return name, m.group("short"), level
    return name, None, None


def _division(candidate: str) -> str | None:
    """The division a matched name stands for: its last unit, or a province's own name."""
    if candidate.startswith(NOT_REGION) or "在" in candidate:
        return None
    if candidate in BY_FULL:
        return candidate
    for full in BY_FULL:  # 浙江省武义县 → 武义县; 宁夏回族自治区 stays whole
        if candidate.startswith(full) and len(candidate) > len(full):
            return candidate[len(full):]
    return candidate


def _title_region(title: str) -> str | None:
    body = re.sub(r"^\d{4}年", "", title)
    for short, full in BY_SHORT.items():  # 2025年宁夏政府工作报告: a province printed by its short name
        if body.startswith(short) and not body.startswith(full):
            rest = body[len(short):]
            if rest.startswith(("政府", "人民政府", "国民", "2", "1")) or YEAR.match(rest):
                return full
    if m := TITLE_REGION.match(title):
        return _division(m.group(1))
    return None


def _cn_year(text: str) -> int:
    return int("".join(str(CN_DIGITS[c]) for c in text))


def _cn_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + CN_DIGITS[text[1]]
    if text.endswith("十"):
        return CN_DIGITS[text[0]] * 10
    if "十" in text:
        return CN_DIGITS[text[0]] * 10 + CN_DIGITS[text[2]]
    return CN_DIGITS[text]


def _set_region(meta: Meta, name: str | None) -> bool:
    if not name:
        return False
    meta.region, meta.region_short, meta.region_level = region_parts(name)
    return True


def read_meta(front: list[str]) -> Meta:
    """Read what the front matter says about the document."""
    meta = Meta()
    lines = [line.strip() for line in front if line.strip()]
    meta.title = _title(lines)
    head_lines = []
    for line in lines[:40]:
        if SALUTATION.match(line):
            break
        head_lines.append(line)
    joined = "\n".join(head_lines)
    flat = joined.replace("\n", "")  # a venue line the page broke in two
    if meta.title:
        for pattern, doc_type in DOC_TYPES:
            if pattern.search(meta.title):
                meta.doc_type = doc_type
                break
        _set_region(meta, _title_region(meta.title))
        if m := TITLE_SPAN.search(meta.title) or YEAR.search(meta.title):
            meta.year = int(m.group(1))
        elif m := CN_YEAR.search(meta.title):  # 关于一九七九年国民经济计划执行结果的公报
            meta.year = _cn_year(m.group(1))
    if meta.doc_type == "other" and any(WORK_REPORT_OPENING.search(line)
                                        for line in lines[:len(head_lines) + MAX_OPENING_LINES]):
        meta.doc_type = "work_report"  # no title names it, but it opens as a government's report of its work
    if m := DATE.search(joined):
        meta.date = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    elif m := CN_DATE.search(joined):
        meta.date = f"{_cn_year(m.group(1)):04d}-{_cn_number(m.group(2)):02d}-{_cn_number(m.group(3)):02d}"
    if meta.date and meta.year is None:
        meta.year = int(meta.date[:4])
    if m := MEETING.search(joined):
        meta.meeting = m.group(1)
    if meta.region is None:
        if NATIONAL_VENUE.search(flat):
            meta.region, meta.region_short, meta.region_level = "全国", "全国", "national"
        elif m := VENUE.search(flat):
            _set_region(meta, _division(m.group(1)))
    if meta.region is None:
        for line in head_lines:
            if (m := ISSUER.search(line)) and _set_region(meta, _division(m.group(1))):
                break
    # The speaker signs below the title (a bare two-to-four-character line above it is a page word: 打印, 全屏).
    after_title = next((k for k, line in enumerate(lines[:12])
                        if meta.title and _unspaced(line).startswith(meta.title)), 0)
    for line in lines[after_title:12]:
        if m := OFFICE_NAME.match(line):
            meta.speaker = m.group("name")
            break
        if NAME_LINE.match(line) and not SALUTATION.match(line) and not TOC_HEADER.match(line):  # not 目录
            meta.speaker = line.replace(" ", "").replace("\u3000", "")
            break
        if meta.title and line.startswith(meta.title):
            rest = line[len(meta.title):].strip()
            name = TITLE_CUT.split(rest, maxsplit=1)[0]
            if 2 <= len(name) <= 4 and NAME_LINE.match(name):
                meta.speaker = name
                break
    return meta


def read_review_year(doc: Document) -> None:
    """Set ``meta.review_year``: the year a review heading names, else the year before a work report's."""
    for node in doc.outline[:3]:
        m = REVIEW_HEADING.search(node.title.translate(FULL_WIDTH))
        if m and (doc.meta.year is None or int(m.group(1)) < doc.meta.year):
            doc.meta.review_year = int(m.group(1))
            return
    if doc.meta.year is None:
        return
    if doc.meta.doc_type == "work_report":
        doc.meta.review_year = doc.meta.year - 1
        return
    texts = [b.text for b in doc.front] + [b.text for n in doc.outline[:1] for b in n.body[:2]]
    if any(PAST_YEAR.search(t) for t in texts):
        doc.meta.review_year = doc.meta.year - 1


def meta_from_filename(meta: Meta, stem: str) -> list[str]:
    """Fill a missing region or year from a file name; return the fields so filled."""
    filled = []
    if meta.year is None and (m := FILE_YEAR.search(stem)):
        meta.year = int(m.group(1))
        filled.append("year")
    if meta.region is None:
        name = _title_region(FILE_YEAR.sub("", stem).lstrip("年-_ ")) or (
            m.group(0) if (m := re.search(REGION_NAME, FILE_YEAR.sub("", stem))) else None)
        if _set_region(meta, name):
            filled.append("region")
    return filled
