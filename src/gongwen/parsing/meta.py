"""Document metadata (title, type, region, year, date, speaker, meeting) from the front matter."""

from __future__ import annotations

import re

from gongwen.model import Meta

TITLE_WORDS = re.compile(r"报告|讲话|致辞|规划|计划|方案|意见|通知|公报|纲要|决定|发言")
DOC_TYPES = [  # (pattern in the title, doc_type) — first match wins
    (re.compile(r"工作报告"), "work_report"),
    (re.compile(r"讲话|致辞|发言"), "speech"),
    (re.compile(r"规划|计划|方案|纲要"), "plan"),
    (re.compile(r"公报"), "bulletin"),
]
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
YEAR = re.compile(r"(19\d{2}|20\d{2})\s*年")
MEETING = re.compile(r"在(.{2,40}?(?:会议|大会))(?:上|$)")
REGION = re.compile(r"^(?:\d{4}年)?((?:[\u4e00-\u9fff]{2,8}?(?:省|自治区|市|区|县|旗))?[\u4e00-\u9fff]{1,8}?"
                    r"(?:省|自治区|市|区|县|旗|镇|乡|街道))")
VENUE_REGION = re.compile(r"在([\u4e00-\u9fff]{2,4}?(?:省|市|区|县|镇|乡))")
NOT_REGION = ("在", "全", "本", "我", "各", "该")
NAME_LINE = re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}$")
# A speaker line with the office first: 市长 李明华, 县委书记　王建国.
OFFICE_NAME = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:长|书记|主任|主席|委员|代表)[ \u3000]+"
                         r"(?P<name>[\u4e00-\u9fff]{2,4})$")
SALUTATION = re.compile(r"^(?:各位|同志们|尊敬的)")
TITLE_CUT = re.compile(r"[ \u3000(（]")


def _title(lines: list[str]) -> str | None:
    best = None
    for line in lines:
        if SALUTATION.match(line) or line.startswith(("——", "—")):
            break
        head = TITLE_CUT.split(line, maxsplit=1)[0]
        if TITLE_WORDS.search(head) and len(head) <= 40:
            best = head
    return best


def read_meta(front: list[str]) -> Meta:
    """Read what the front matter says about the document."""
    meta = Meta()
    lines = [line.strip() for line in front if line.strip()]
    meta.title = _title(lines)
    joined = "\n".join(lines[:12])
    if meta.title:
        for pattern, doc_type in DOC_TYPES:
            if pattern.search(meta.title):
                meta.doc_type = doc_type
                break
        if m := REGION.match(meta.title):
            region = m.group(1)
            meta.region = region if not region.startswith(("镇", "乡", "县", "区", "市") + NOT_REGION) else None
        if m := YEAR.search(meta.title):
            meta.year = int(m.group(1))
    if m := DATE.search(joined):
        meta.date = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        meta.year = meta.year or int(m.group(1))
    if m := MEETING.search(joined):
        meta.meeting = m.group(1)
    if meta.region is None and (m := VENUE_REGION.search(joined)) and not m.group(1).startswith(NOT_REGION):
        meta.region = m.group(1)
    for line in lines[:12]:
        if m := OFFICE_NAME.match(line):
            meta.speaker = m.group("name")
            break
        if NAME_LINE.match(line) and not SALUTATION.match(line):
            meta.speaker = line.replace(" ", "").replace("\u3000", "")
            break
        if meta.title and line.startswith(meta.title):
            rest = line[len(meta.title):].strip()
            name = TITLE_CUT.split(rest, maxsplit=1)[0]
            if 2 <= len(name) <= 4 and NAME_LINE.match(name):
                meta.speaker = name
                break
    return meta
