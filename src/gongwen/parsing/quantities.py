"""Quantity tokens in a sentence: numbers with units, changes, qualifiers (grammar as data).

Scanning works on a copy of the sentence with full-width digits and signs
mapped to ASCII (same length, so positions agree with the printed text).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

FULL_WIDTH = str.maketrans("０１２３４５６７８９．％，－−／", "0123456789.%,--/")
_FULL_WIDTH_PAIRS = tuple((chr(wide), chr(narrow)) for wide, narrow in FULL_WIDTH.items() if chr(wide) != "，")
_FULL_WIDTH_RARE = re.compile("[" + re.escape("".join(wide for wide, _ in _FULL_WIDTH_PAIRS)) + "]")  # all but ，

# Magnitude prefixes of units, and the base unit each unit measures in.
MAGNITUDES = {"万亿": 1e12, "亿": 1e8, "千万": 1e7, "万": 1e4, "千": 1e3}
BASE_UNITS = {  # unit without magnitude -> base unit
    "元": "元", "美元": "美元", "亩": "亩", "平方米": "平方米", "平方公里": "平方公里", "公顷": "公顷",
    "人公里": "人公里", "吨公里": "吨公里",
    "公里": "公里", "km": "公里", "千米": "公里", "米": "米", "吨": "吨", "公斤": "公斤", "千克": "公斤",
    "立方米": "立方米", "千瓦": "千瓦", "千瓦时": "千瓦时", "人次": "人次", "人": "人", "户": "户", "家": "家",
    "个": "个", "项": "项", "件": "件", "套": "套", "所": "所", "处": "处", "场": "场", "座": "座", "条": "条",
    "台": "台", "辆": "辆", "例": "例", "起": "起", "名": "名", "册": "册", "间": "间", "栋": "栋", "株": "株",
    "棵": "棵", "头": "头", "只": "只", "床": "床", "张": "张", "支": "支", "批": "批", "宗": "宗", "块": "块",
    "岁": "岁", "千瓦小时": "千瓦时", "重量箱": "重量箱", "门": "门", "斤": "斤", "马力": "马力", "份": "份",
    "部": "部", "枚": "枚", "列": "列", "轮": "轮", "吨标准煤": "吨标准煤", "微克每立方米": "微克每立方米",
    "微克/立方米": "微克/立方米", "标箱": "标箱", "标准箱": "标准箱", "架": "架", "艘": "艘", "千伏": "千伏",
    "千伏安": "千伏安", "度": "度", "个工作日": "工作日", "工作日": "工作日", "微克": "微克",
    "剂次": "剂次", "场次": "场次", "户次": "户次", "辆次": "辆次", "批次": "批次", "件次": "件次", "架次": "架次",
    "卷": "卷", "锭": "锭", "担": "担", "双": "双", "匹": "匹", "箱": "箱", "轮次": "轮次", "种": "种", "航次": "航次",
    "℃": "℃",
    "P": "P", "PF": "PF", "PFlops": "PFlops", "EFlops": "EFlops", "EFLOPS": "EFLOPS",  # computing power (算力)
    "m²": "平方米", "㎡": "平方米", "m2": "平方米", "km²": "平方公里", "km2": "平方公里",  # (m<sup>2</sup> reads m2)
    "平米": "平方米", "兆瓦": "兆瓦", "吉瓦": "吉瓦", "兆瓦时": "兆瓦时", "吉瓦时": "吉瓦时",  # 200兆瓦
    "口": "口",  # 沼气池20万口, 水井3口
    "羽": "羽",  # 家禽出笼336.5万羽
    "吨标煤": "吨标准煤",
    "班次": "班次", "款": "款",  # 集装箱班列200班次, 应用软件50款
}
# Classifiers that count things, and the bare magnitude (1000万 people): a count is never a size class.
COUNTERS = frozenset(("", "个", "家", "所", "项", "件", "套", "座", "条", "台", "辆", "人次", "处", "场", "批"))
_UNIT_NAMES = sorted(BASE_UNITS, key=len, reverse=True)
_MAG_NAMES = sorted(MAGNITUDES, key=len, reverse=True)
_MAG = "|".join(_MAG_NAMES)
_UNITS = "|".join(_UNIT_NAMES)
# Atomic: a unit that the word after it rules out (60万千瓦级: a class) is not cut back to a shorter one (万千).
UNIT = (rf"(?>(?:{_MAG})?(?:多|余)?(?:{_MAG})?(?:{_UNITS})(?:[（(][\u4e00-\u9fff]{{1,2}}[）)])?"
        rf"(?:/(?:月|年|日|天|小时|百人|人|亩|立方米|平方米|万元|亿元|公顷))?"
        rf"|(?:{_MAG})(?:多|余)?(?:{_MAG})?)")
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_RANGE_DASH = "[-—~～]"  # between the bounds of a range run together with a figure (0-14岁)
CN_NUMBER = "零〇一二两三四五六七八九十百千"

# A value: number, optional 多/余 (more than), unit. Not after a letter, '+', '第' or another digit.
VALUE = re.compile(
    rf"(?<![A-Za-z+\d.第$])(?P<num>{NUMBER}) ?(?P<more>多|余)?(?P<unit>{UNIT})(?![A-Za-z\d]|月(?!底)|年|日|级|季度)"
)
# A value printed right before another (消除风险251户995人, 道路12条21公里, 投资593亿元28个项目): a figure of its own,
# which VALUE, a value followed by no digit, leaves out. The one after it is read as VALUE reads it.
VALUE_BEFORE_VALUE = re.compile(
    rf"(?<![A-Za-z+\d.第$每])(?P<num>{NUMBER}) ?(?P<more>多|余)?(?P<unit>{UNIT})"
    rf"(?=\d[\d.,]*(?:{_RANGE_DASH}\d[\d.,]*)? ?(?:多|余)?(?:{UNIT}))")  # (or a range after it: 500名0-14岁儿童)
# A count written across a magnitude, as PDFs print it: 3 万 3,883 美元 = 33883 美元.
MIXED = re.compile(rf"(?<![A-Za-z+\d.$])(?P<hi>\d+) ?万 ?(?P<lo>\d{{1,3}},\d{{3}}|\d{{1,4}}) ?"
                   rf"(?P<unit>{_UNITS})")
CN_VALUE = re.compile(rf"(?<![{CN_NUMBER}第])(?P<num>[{CN_NUMBER}]{{1,8}})(?P<more>多|余)?"
                      rf"(?P<unit>(?:万亿|千万|亿|万)(?:多|余)?(?:{_UNITS})?)")
_CN_TAIL = rf"(?P<more>多|余)?(?P<unit>(?>{_UNITS})?)"  # after a numeral in words: 多/余, then its unit if any
_NO_DATE = r"(?![A-Za-z\d]|月|年|日|级|强|季度)"  # not a date, a class or a rank (五月, 十强)
# A count across 亿 and 万 in words (一千三百八十七亿四千万元): in 亿, as it is said and written in digits (1387.4亿元).
CN_COMPOUND = re.compile(rf"(?<![{CN_NUMBER}第])(?P<hi>[{CN_NUMBER}]{{1,8}})亿零?(?P<lo>[{CN_NUMBER}]{{1,8}})"
                         rf"(?P<about>多|余)?万{_CN_TAIL}")
# A count of 亿 written across 万 (一万七千四百亿元 = 17400亿元): the whole numeral counts 亿.
CN_WAN_YI = re.compile(rf"(?<![{CN_NUMBER}第])(?P<hi>[{CN_NUMBER}]{{1,4}})万零?(?P<lo>[{CN_NUMBER}]{{1,8}})"
                       rf"亿{_CN_TAIL}")
# A count across 万 in words, then its unit (十八万六千吨 = 186000吨, as MIXED reads 3万3883美元).
CN_MIXED = re.compile(rf"(?<![{CN_NUMBER}第])(?P<hi>[{CN_NUMBER}]{{1,8}})万零?(?P<lo>[{CN_NUMBER}]{{1,8}})"
                      rf"(?P<more>多|余)?(?P<unit>(?>{_UNITS})){_NO_DATE}")
# A composed numeral (with 十, 百 or 千) right before a unit, no magnitude between: 六百零八元, 三千公里, 八百四十五个.
CN_PLAIN = re.compile(rf"(?<![{CN_NUMBER}第])(?P<num>[{CN_NUMBER}]{{2,8}})(?P<more>多|余)?"
                      rf"(?P<unit>(?>{_UNITS})){_NO_DATE}")
COMPOSED = re.compile("[十百千]")
PERCENT = re.compile(rf"(?<![A-Za-z+\d.$])(?P<num>{NUMBER}) ?(?P<unit>%|‰|个百分点|个多百分点|个千分点|倍)")
# Words that turn a following percentage into a change of the thing named before them.
CHANGE_VERB = re.compile(
    r"(?P<cmp>同比|比上年末?|较上年末?|比去年|比\d{4}年末?|年均|平均)?(?:分别)?"
    r"(?P<verb>增长|增加|提高|提升|上升|上涨|递增|增产|下降|减少|降低|回落|微降|下滑|减产|精简|精减|压减|压缩|削减|缩减|核减|缩短|缩小|再降|升值|贬值|[上下]调|"
    r"(?:增长率|增长速度|增速|增幅|涨幅|上涨幅度|降幅)(?:达到?|为|控制在|保持在|在|(?:回落|下降|提高|上升)?[到至])?)"
    r"(?:了)?(?:均|分别)?(?:保持在|稳定在|控制在)?(?:约|近|超过|超|逾)? ?$"
)
# A rate named after the percentage (确定8%的增长速度, 保持50%以上增幅, 实现40%以上增长): the percentage is a change.
RATE_AFTER = re.compile(r"(?:左右|以上|以下|以内)?的?(?:快速|较快|高速|稳定|平稳|稳步)?"
                        r"(?:增长速度|增长率|增速|增幅|涨幅|增长)"
                        r"(?!点|极|带|动力|空间|潜力|引擎|方式|模式)")  # (not 增长点, 增长极: sources of growth)
# A base a multiple is taken of (是2002年的2.56倍, 为“九五”时期的3倍, 相当于前九年总和的1.6倍): the multiple is a level.
MULTIPLE_OF = re.compile(r"(?:是|为|相当于)[^，,；;。是为]{0,12}$")
# Verbs after which a per-mille figure is a change; after 增长率为 and the like it is a level (出生率6.4‰).
PLAIN_CHANGE_VERBS = ("增长", "增加", "提高", "上升", "下降", "减少", "降低", "回落")
NEGATIVE_VERBS = ("下降", "减少", "降低", "回落", "微降", "下滑", "减产", "精简", "精减", "压减", "压缩", "削减",
                  "缩减", "核减", "缩短", "缩小", "降幅", "再降", "贬值", "下调")
NOTE_CALL_END = re.compile(r"[\[［〔]\d{1,3}[\]］〕]$")  # 比上年下降[43]9.6%: a note call between verb and figure
# A ratio (三次产业结构为7.6:44.8:47.6, 2：1): each term is a value without a unit.
RATIO = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?: ?[:：] ?\d+(?:\.\d+)?){1,4}(?![\d.])")
# A rate per so many people (发病率58/10万, 死亡率268.01/10万): the figure before the slash, the unit the denominator.
PER_POPULATION = re.compile(rf"(?<![\d.])(?P<num>{NUMBER}) ?(?P<unit>/ ?(?:10|十|1|一)?[万千])"
                            r"(?![\d.])(?![\u4e00-\u9fff](?<![的以左和及、]))")  # not 110/10千伏, 1/1万地形图
RATIO_TERM = re.compile(r"\d+(?:\.\d+)?")
# A measure without a unit (基尼系数为0.465, 城乡居民收入倍差为1.81, 收入比缩小到2.5): the number right after it.
# Measures that are pure numbers: a coefficient, a ratio, an index, the sex ratio, an exchange rate.
_UNITLESS = r"系数|倍差|收入比|之比|比值|性别比|指数|汇率"
UNITLESS_NOUN = re.compile(_UNITLESS)
UNITLESS_CUE = re.compile(rf"(?:{_UNITLESS})(?:为|是|达到?|降至|降到|缩小到|缩小至|提高到|上升到|下降到|"
                          rf"(?:比上年|较上年|同比)?(?:缩小|扩大))?\s*$"  # 收入倍差比上年缩小0.03: by how much
                          r"|[，,]\s*(?:比上年|较上年|同比)(?:缩小|扩大)\s*$")  # …倍差为2.01，比上年缩小0.03
# (a qualifier may follow: 居民消费价格指数103左右)
UNITLESS = re.compile(r"(?<![\d.])\d+(?:\.\d+)?"
                      r"(?![\d.%‰:：]|\s*[:：]|\s*(?!左右|以上|以下|以内|上下)[\u4e00-\u9fff%‰])")
RATIO_CUE = re.compile(r"(?:结构|比例|之比|比重|比|构成)(?:调整|优化|变)?(?:为|是|达到?|到)?\s*$")  # (调整为: now)
ABOUT = "约(?<![签节制履合预特公条契邀违集相践守]约)"
# 约 ends words too (签约, 节约, 制约, 履约): those are no qualifier.
QUALIFIER_BEFORE = re.compile(rf"(?P<q>突破|破(?<![打攻]破)|超过|超|{ABOUT}|近|达到?|为|至|控制在)$")
QUALIFIER_AFTER = re.compile(r"^(?P<q>以上|左右|以内|以下|上下)")
# Between the bounds of a range; 一 and --- as OCR prints a dash (550万一600万, 6，800万---7，200万立方米).
_RANGE_SEPS = r"(?:—{1,2}|-{1,4}|–|~|～|至|到|一)"
RANGE_SEP = re.compile(rf"^\s*{_RANGE_SEPS}\s*")
LIST_JOIN = re.compile(r"\s*(?:、|和|及|与|，|,)\s*")  # between two figures of a list
RANGE_SEP_CHAR = re.compile(r"[—\-–~～至到一]")  # a range needs one of these (the separators of RANGE_VALUE)
# A value followed by one of these is a size threshold inside a name (10亿元以上企业), not a figure.
# (a measure after it is what the figure measures, no class: 保持每年60亿斤以上增量, 5000万元以上规模)
THRESHOLD_NEXT = re.compile(r"(?:多|余)?(?:以上|以下|以内)(?=[\u4e00-\u9fff])(?!的|增量|增长|增幅|增速|规模|水平)")
# Power ratings: right before a noun (100兆瓦光伏项目, 15兆瓦燃气轮机), part of the name of what is rated.
RATINGS = frozenset(("兆瓦", "吉瓦"))
# A sum of money before 企业/项目 is a size class (亿元企业, 10亿元重大项目); a count (3000家企业) is not.
SIZE_CLASS_NEXT = re.compile(r"的?(?:重大|优质|重点|制造业|工业)?(?:企业|项目|工程)")
# A range of values or changes: 2-3所, 6—6.5%.
RANGE_VALUE = re.compile(rf"(?<![A-Za-z+\d.第$])(?P<lo>{NUMBER}) ?{_RANGE_SEPS} ?(?P<hi>{NUMBER}) ?"
                         rf"(?P<unit>%|个百分点|{UNIT})(?![A-Za-z\d])")  # 提高1—2个百分点: points
# The first of two point changes (分别下降0.2个和0.1个百分点, 提高2.4和6.5个百分点): its unit is printed once,
# after the last.
POINTS_FIRST = re.compile(rf"(?<![\d.])(?P<num>{NUMBER})个?(?=(?:和|、|及|与)(?:{NUMBER})个(?P<unit>百分点|千分点))")
# A percentage in words, as older reports print them: 百分之十三点四 (13.4%), 千分之五 (5‰).
# Its digits may be written one by one, with · for the point (百分之八七·九: 87.9%).
CN_PERCENT = re.compile(r"(?P<per>百分之|千分之)(?P<num>[零〇一二两三四五六七八九十百]{1,6})"
                        r"(?:[点·](?P<frac>[零〇一二三四五六七八九]{1,4}))?")
# A term of years or days (平均受教育年限达到11.3年, 优良天数由282天增加到310天): 年 and 天 are units only after a
# measure of them (年限, 天数) in the clause.
TERMS = {"年限": re.compile(r"(?<![\d.])(?P<num>\d{1,2}(?:\.\d+)?) ?(?P<unit>年)(?![\d月])"),
         "天数": re.compile(r"(?<![\d.])(?P<num>\d{1,3}(?:\.\d+)?) ?(?P<unit>天)")}
CLAUSE_BREAKS = "，,；;。：:"
CN_DIGITS = str.maketrans("零〇一二两三四五六七八九", "001223456789")
# A number written digit by digit (一一·二亿元 = 11.2亿元, 一一〇亿元, 三二〇〇万吨, 二、六九五万人 = 2,695万人 with
# 、 or ， between thousands, 四九万吨): two digits at least, or one with a point; two consecutive ones are an
# estimate (七八个: seven or eight, see _positional). Not after 百分之 (CN_PERCENT reads those), nor inside a
# numeral with 十/百/千.
_PLACE = "零〇○一二三四五六七八九"
CN_POSITIONAL = re.compile(rf"(?<![{_PLACE}两十百千万亿第])(?<!分之)"
                           rf"(?:[{_PLACE}]{{1,3}}(?:[、,][{_PLACE}]{{3}})+(?:[·・][{_PLACE}]{{1,4}})?"
                           rf"|(?=[{_PLACE}]{{2}}|[{_PLACE}][·・])"
                           rf"(?:[{_PLACE}]{{1,6}}[·・][{_PLACE}]{{1,4}}|[{_PLACE}]*[〇○零][{_PLACE}]*|[{_PLACE}]{{2,6}}))"
                           rf"(?![十百千{_PLACE}])")
# Two numerals in a row, the second one more (七八个: seven or eight; 点零一 stays for CN_PERCENT): words, not digits.
ESTIMATES = frozenset(map("".join, zip("零〇一二三四五六七八", "一一二三四五六七八九", strict=True)))
CN_PLACE_PAIR = re.compile(rf"[{_PLACE}][{_PLACE}·・、,]")  # what every CN_POSITIONAL match holds
CN_POSITIONAL_DIGITS = str.maketrans("零〇○一二三四五六七八九·・、", "000123456789..,")
CJK = re.compile(r"[\u4e00-\u9fff]")
DIGIT = re.compile(r"\d")
# Verbs of work done to things (建成, 培育, 解决 …): a figure right after one is what the work reached.
ACTION_VERBS = ("开工|建成|新建|推行|解决|引导|取消|用好|覆盖|推进|实施|改造|新增|开展|培育|引进|打造|举办|创建|"
                "建设|完成|启动|新开工|整治|安排|发放|培训|帮助|带动|吸引|招引|认定|创成|推动|提升|升级|惠及|确定|"
                "抓好|打好|设立|投入|资助|帮扶|救助|扶持|严守|守住|组建|筹集|筹措|撬动|争取|应对|抵御|战胜|经受")
_ACTED_ON = re.compile(rf"(?:{ACTION_VERBS})$")
PEOPLE_COUNTS = ("人", "户", "名", "人次")  # what work reaches so many of (培训100名以上, 解决20万人以上)
_COUNT_WORD = re.compile(r"\d|[一二三四五六七八九十两百千]+[个家座所项条处批]")  # another figure: 28个, 二十八个
# Places named by how many live in them (2000人以上建制镇, 20户以上自然村): their size, not an amount.
_SETTLEMENT_AFTER = re.compile(r"(?:及|多|余)?(?:以上|以下)的?[\u4e00-\u9fff]{0,2}?(?:村|镇|乡|县|城市|社区|街道)")
_ITEM_END = re.compile(f"[{CLAUSE_BREAKS}、]")  # the end of a clause or of a list item


# How the group that opens a pattern reads once its first character is taken: (first, rest).
_FIRST_AND_REST = {
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?": (r"\d", r"(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"),
    r"\d+": (r"\d", r"\d*"),
    f"[{CN_NUMBER}]{{1,8}}": (f"[{CN_NUMBER}]", f"[{CN_NUMBER}]{{0,7}}"),
    f"[{CN_NUMBER}]{{2,8}}": (f"[{CN_NUMBER}]", f"[{CN_NUMBER}]{{1,7}}"),
    f"[{CN_NUMBER}]{{1,5}}": (f"[{CN_NUMBER}]", f"[{CN_NUMBER}]{{0,4}}"),
}


def _opening_with_a_character(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` rewritten to open with a character class, for speed: the same matches, groups and spans.

    ``(?<![X])(?P<g>[C]…)…`` becomes ``(?P<g>[C](?<![X][C])…)…``, so the regex engine skips to the
    characters of ``[C]`` instead of trying the lookbehind at every position. A pattern of
    another shape is returned as it is.
    """
    head = re.match(r"\(\?<!\[([^\]]*)\]\)\(\?P<(\w+)>", pattern.pattern)
    rest = pattern.pattern[head.end():] if head else ""
    for body, (first, after_first) in _FIRST_AND_REST.items():
        if head and rest.startswith(body + ")"):
            return re.compile(rf"(?P<{head.group(2)}>{first}(?<![{head.group(1)}]{first}){after_first})"
                              + rest[len(body) + 1:], pattern.flags)
    return pattern


def _unit_words(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The words of ``pattern``'s ``unit`` group, any of which a match needs; a catch-all if it is no word list."""
    group = re.search(r"\(\?P<unit>([^()\[\]\\?*+{}.^$]*)\)", pattern.pattern)
    return re.compile("|".join(map(re.escape, group.group(1).split("|"))) if group else "")


PERCENT_UNIT, POINTS_UNIT = _unit_words(PERCENT), _unit_words(POINTS_FIRST)  # cheap tests before those passes
# What scan() runs: the patterns above that open with a lookbehind, opening with a character class.
VALUE_SCAN, PERCENT_SCAN, RANGE_VALUE_SCAN, MIXED_SCAN, CN_VALUE_SCAN, CN_COMPOUND_SCAN, CN_MIXED_SCAN, \
    CN_PLAIN_SCAN, CN_WAN_YI_SCAN = (_opening_with_a_character(p) for p in (VALUE, PERCENT, RANGE_VALUE, MIXED,
                                                                            CN_VALUE, CN_COMPOUND, CN_MIXED, CN_PLAIN,
                                                                            CN_WAN_YI))
VALUE_BEFORE_VALUE_SCAN = _opening_with_a_character(VALUE_BEFORE_VALUE)
VALUE_END = re.compile(rf"\d ?(?:多|余)?(?:{UNIT})$")  # a value ending right here (the first of a chain)
# 500亿级, 10万千瓦级以上, a range (0-14岁)
FIGURE_AT = re.compile(rf"(?:{NUMBER})(?:{_RANGE_DASH}(?:{NUMBER}))? ?(?:多|余)?(?:{UNIT})级?(?:及?以[上下])?的?")
# A magnitude with no numeral after a bound (数字经济规模超万亿元, 近亿人次): one of it, 万亿 alone of money;
# not before a noun it sizes (超千万元企业), nor 亿万 (a multitude), nor 亿 alone (破亿: of what?)
BARE_MAGNITUDE = re.compile(rf"(?<=[超逾近破达到])(?P<unit>万亿|亿|千万|百万)(?!万)(?P<tail>(?>{_UNITS})?)"
                            r"(?=左右|以上|[^\u4e00-\u9fff]|$)")
CLASS_BOUND_BEFORE = re.compile(r"(?:超过|超|逾|不低于|不少于|高于)$")
# What every VALUE_BEFORE_VALUE match holds: the last character a unit can end with, then a digit.
# (a date's 年, 月, 日 ends a unit only after a slash, or in 工作日)
_UNIT_ENDS = {u[-1] for u in (*BASE_UNITS, *MAGNITUDES)} | set("多余）)时人亩米元顷")
UNIT_BEFORE_DIGIT = re.compile("(?:[" + re.escape("".join(sorted(_UNIT_ENDS - set("年月日天"))))
                               + r"]|/[年月日天]|工作日)\d")
QUOTED = re.compile(r"[“\"‘'][^“”\"‘’']{1,10}[”\"’']")
QUALIFIER_WORDS = {"突破": "突破", "破": "突破", "超过": "超过", "超": "超过", "约": "约", "近": "约", "控制在": "以内"}


@dataclass
class Quantity:
    """A number with its unit found in a sentence (``change`` when it follows a change verb)."""

    start: int
    end: int
    value: float
    unit: str
    is_change: bool = False
    negative: bool = False
    qualifier: str = ""
    value_max: float | None = None
    verb_start: int | None = None


def cn_number(s: str) -> float:
    """Convert a Chinese numeral (三千, 一百二十, 百, 两) to a number."""
    digits = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
    units = {"十": 10, "百": 100, "千": 1000}
    total, current = 0, 0
    for ch in s:
        if ch in digits:
            current = digits[ch]
        elif ch in units:
            total += (current or 1) * units[ch]
            current = 0
    return float(total + current)


@lru_cache(maxsize=1024)  # a document prints few units, many times
def split_unit(unit: str) -> tuple[float, str]:
    """``(multiplier, base unit)`` of a unit as printed (亿元 → (1e8, 元); % → (1, ''))."""
    unit = unit.split("/")[0]
    for mag in _MAG_NAMES:
        if unit.startswith(mag) and (unit == mag or unit[len(mag):] in BASE_UNITS):
            rest = unit[len(mag):]
            return MAGNITUDES[mag], BASE_UNITS.get(rest, "")
    return 1.0, BASE_UNITS.get(unit, "")


def _minus_before(text: str, start: int) -> int:
    """1 when a minus sign (not a range's dash: 6-7%, 2019-2023) stands right before the number at ``start``."""
    return int(start > 0 and text[start - 1] in "-−" and (start < 2 or not (text[start - 2].isdigit()
                                                                             or text[start - 2] in "%‰")))


def _digit_at(text: str, pos: int) -> bool:
    return pos < len(text) and text[pos].isdigit()


def figure_after(text: str, end: int) -> int:
    """Where a figure printed right at ``end`` ends, with a bound and 的 after it (11个|20亿元以上|重大项目,
    4座|500千伏|变电站), or ``end`` when none is."""
    m = FIGURE_AT.match(text, end) if end < len(text) and text[end].isdigit() else None
    return m.end() if m else end


def acted_on(text: str, start: int, end: int) -> bool:
    """The figure at ``start:end``, a count of people or households, follows a verb of work and no other figure
    follows it in its clause or list item: the amount the work reached (新培育30户以上智能工厂, 新解决20万人以上
    的饮水安全问题), not a class of the things another figure counts (培育10亿元以上企业5家), a size of places
    (2000人以上建制镇) or of things (建设5000万元以上产业项目, 新建100亩以上的基地)."""
    if not _ACTED_ON.search(text, max(0, start - 3), start) or _SETTLEMENT_AFTER.match(text, end) \
            or not text[start:end].endswith(PEOPLE_COUNTS):
        return False  # 推进2000人以上建制镇…: a size class of places; 建设5000万元以上产业项目: of projects
    stop = _ITEM_END.search(text, end)
    return not _COUNT_WORD.search(text, end, stop.start() if stop else len(text))


def _sizes(unit: str) -> bool:
    """A unit that can give a size class before a noun (10亿元以上企业, 30户以上自然村); counts of things
    (100个以上项目, 2100万人次以上农民工, 1000万以上人口) cannot."""
    _, base = split_unit(unit.replace("多", "").replace("余", ""))
    return base not in COUNTERS


def _cn_percent(m: re.Match[str]) -> float:
    """The value of a CN_PERCENT match: 百分之十三点四 → 13.4, 百分之八七·九 → 87.9."""
    num = m.group("num")
    whole = cn_number(num) if "十" in num or "百" in num else float(num.translate(CN_DIGITS))  # 二十五 or 二五
    return float(f"{whole:.0f}.{m.group('frac').translate(CN_DIGITS)}") if m.group("frac") else whole


def _value(m: re.Match[str], unit: str, end: int) -> Quantity:
    """The value a VALUE-like match reads, ending at ``end``; 多/余 in the unit or after the number make it more
    than that (7万余户, 4万多亿元, 100多家)."""
    q = Quantity(m.start(), end, _num(m.group("num")), unit.replace("多", "").replace("余", ""))
    if m.group("more") or unit != q.unit:
        q.qualifier = "超过"
    return q


def _num(s: str) -> float:
    return float(s.replace(",", ""))


class _Taken:
    """Character positions already read as part of a figure (a flag per position: linear in the sentence)."""

    def __init__(self, size: int) -> None:
        self.flags = bytearray(size + 1)

    def append(self, span: tuple[int, int]) -> None:
        self.flags[span[0]:span[1]] = b"\x01" * (span[1] - span[0])

    def covers(self, pos: int) -> bool:
        return bool(self.flags[pos])


def _ascii_figures(sentence: str) -> str:
    """``sentence`` with full-width digits and signs in ASCII (as ``FULL_WIDTH``; replace is faster on CJK),
    and numbers written digit by digit in words (一一·二亿元) in Arabic digits: one character for one,
    so positions stay those of the sentence."""
    sentence = sentence.replace("，", ",")  # in nearly every sentence; the other wide forms in few: one scan
    for wide, narrow in (_FULL_WIDTH_PAIRS if _FULL_WIDTH_RARE.search(sentence) else ()):
        if wide in sentence:
            sentence = sentence.replace(wide, narrow)
    if CN_PLACE_PAIR.search(sentence):  # a plain class first: most sentences hold no two digits in a row
        sentence = CN_POSITIONAL.sub(_positional, sentence)
    return sentence


def _positional(m: re.Match[str]) -> str:
    """A number written digit by digit, in Arabic digits; two consecutive ones stay words (七八个: an estimate)."""
    digits = m.group()
    return digits if digits in ESTIMATES else digits.translate(CN_POSITIONAL_DIGITS)


def scan(sentence: str) -> list[Quantity]:
    """Every value and percentage in ``sentence``, in order."""
    text = _ascii_figures(sentence)
    in_words = "分之" in text
    composed = COMPOSED.search(text) is not None
    if "万" not in text and "亿" not in text and not in_words and not DIGIT.search(text) \
            and not (composed and CN_PLAIN_SCAN.search(text)):
        return []  # every pass below needs a digit, a Chinese numeral's magnitude or one before a unit (not
        # 十四五, 千方百计), or 分之
    found: list[Quantity] = []
    taken = _Taken(len(text))
    for m in QUOTED.finditer(text):  # names such as “万亩千亿”
        taken.append(m.span())
    has_range = RANGE_SEP_CHAR.search(text) is not None
    has_magnitude = "万" in text or "亿" in text
    has_percent = PERCENT_UNIT.search(text) is not None
    percents = []
    for m in (RANGE_VALUE_SCAN.finditer(text) if has_range else ()):
        if m.group("unit") in ("%", "个百分点"):
            percents.append((m, m.group("unit")))  # 6—6.5%: a range of percentages (6%—6.5% goes through
            # _ranges_and_qualifiers), or of points
            continue
        q = Quantity(m.start(), m.end(), _num(m.group("lo")), m.group("unit"), value_max=_num(m.group("hi")))
        found.append(q)
        taken.append((m.start(), m.end()))
    percents += [(m, m.group("unit")) for m in PERCENT_SCAN.finditer(text)] if has_percent else []
    if POINTS_UNIT.search(text):
        percents += [(m, "个" + m.group("unit")) for m in POINTS_FIRST.finditer(text)]
    if in_words:
        percents += [(m, "%" if m.group("per") == "百分之" else "‰") for m in CN_PERCENT.finditer(text)]
    for m, unit in sorted(percents, key=lambda pair: pair[0].start()):
        if taken.covers(m.start()):
            continue
        if "lo" in m.re.groupindex:
            q = Quantity(m.start(), m.end(), _num(m.group("lo")), unit, value_max=_num(m.group("hi")))
        elif "per" in m.re.groupindex:
            q = Quantity(m.start(), m.end(), _cn_percent(m), unit)
        else:
            q = Quantity(m.start(), m.end(), _num(m.group("num")), unit)
        if unit == "个多百分点":
            unit = q.unit = "个百分点"  # 提高2个多百分点: more than 2 points
            q.qualifier = "超过"
        minus = _minus_before(text, m.start())  # 贡献率为-8.6%, 增长-3.2%
        end = m.start() - minus
        note = NOTE_CALL_END.search(text, max(0, end - 5), end) if text[end - 1:end] in "]］〕" else None
        base = max(0, (note.start() if note else end) - 10)  # the verb's words before the figure (or its note call)
        before = text[base:note.start() if note else end]
        verb = CHANGE_VERB.search(before.replace("分别", ""))
        per_mille_level = unit == "‰" and not (verb and verb.group("verb") in PLAIN_CHANGE_VERBS)
        # (a multiple of a base is a level: 是2002年的2.56倍; 增长了3.5倍 and a growth column's 4．2倍 are changes)
        multiple_of = unit == "倍" and not verb and MULTIPLE_OF.search(text, max(0, m.start() - 16), m.start())
        if (verb and not per_mille_level) or unit in ("个百分点", "个千分点") or (unit == "倍" and not multiple_of) \
                or (unit == "%" and RATE_AFTER.match(text, m.end())):
            q.is_change = True
            if verb:
                q.negative = verb.group("verb").startswith(NEGATIVE_VERBS)
                q.verb_start = base + before.rfind(verb.group("verb"))
        if minus:
            q.start -= 1
            if q.is_change:
                q.negative = not q.negative
            else:
                q.value = -q.value
        found.append(q)
        taken.append((m.start(), m.end()))
    for m in (PER_POPULATION.finditer(text) if "/" in text else ()):
        if not taken.covers(m.start()):  # 孕产妇死亡率降至18/10万: 18 in every 100,000, not 10万
            found.append(Quantity(m.start(), m.end(), _num(m.group("num")), m.group("unit").replace(" ", "")))
            taken.append((m.start(), m.end()))
    for m in (RATIO.finditer(text) if ":" in text or "：" in text else ()):
        if RATIO_CUE.search(text[max(0, m.start() - 8):m.start()]) and not taken.covers(m.start()):
            for term in RATIO_TERM.finditer(m.group()):
                found.append(Quantity(m.start() + term.start(), m.start() + term.end(), _num(term.group()), ""))
            taken.append((m.start(), m.end()))
    for m in (UNITLESS.finditer(text) if UNITLESS_NOUN.search(text) else ()):
        if not taken.covers(m.start()) and UNITLESS_CUE.search(text, max(0, m.start() - 12), m.start()):
            found.append(Quantity(m.start(), m.end(), _num(m.group()), ""))  # 基尼系数为0.465, 收入倍差为1.81
            taken.append((m.start(), m.end()))
    for m in (MIXED_SCAN.finditer(text) if has_magnitude else ()):
        if not taken.covers(m.start()):
            found.append(Quantity(m.start(), m.end(), int(m.group("hi")) * 1e4 + _num(m.group("lo")), m.group("unit")))
            taken.append((m.start(), m.end()))
    for m in VALUE_SCAN.finditer(text):
        if taken.covers(m.start()) or (THRESHOLD_NEXT.match(text, m.end()) and _sizes(m.group("unit"))
                                       and not acted_on(text, m.start(), m.end())):
            continue
        if (m.start() and text[m.start() - 1] == "每") or text.startswith("兑", m.end()) \
                or (m.start() and text[m.start() - 1] == "兑" and _num(m.group("num")) == 1):
            continue  # 每10万人45台, 1美元兑6.75元, 8.2765元人民币兑1美元: a denominator, not a figure
        if m.group("unit").endswith("元") and SIZE_CLASS_NEXT.match(text, m.end()):
            continue
        if m.group("unit") == "个" and text.startswith(("位次", "名次"), m.end()):
            continue  # 比上年提升6个位次: places in a ranking, not a quantity
        if m.group("unit") in RATINGS and CJK.match(text, m.end()):
            continue  # 100兆瓦光伏, 首台15兆瓦重型燃气轮机: the rating in a plant's or machine's name
        unit, end = m.group("unit"), m.end()
        if unit[-1] == "人" and unit[:-1] in MAGNITUDES and text.startswith("口", end):
            unit, end = unit[:-1], end - 1  # 13亿人口: 亿 of the people named after it, not 亿人
        found.append(_value(m, unit, end))
    for m in (VALUE_BEFORE_VALUE_SCAN.finditer(text) if UNIT_BEFORE_DIGIT.search(text) else ()):
        if not taken.covers(m.start()) and split_unit(m.group("unit"))[1] \
                and not CLASS_BOUND_BEFORE.search(text, max(0, m.start() - 3), m.start()) \
                and not VALUE_END.search(text, max(0, m.start() - 8), m.start()) \
                and not _digit_at(text, figure_after(text, m.end())):
            # (not a bare magnitude, 1万6千, nor the bound of a class the next figure counts: 超50亿元3户; and
            # two values, not a chain of them run together: 1元1元1元… is no text of a report)
            found.append(_value(m, m.group("unit"), m.end()))
    for term, pattern in (TERMS.items() if "年限" in text or "天数" in text else ()):
        if term not in text:
            continue
        breaks = [k for k, ch in enumerate(text) if ch in CLAUSE_BREAKS]
        for m in pattern.finditer(text):
            k = bisect_right(breaks, m.start())
            cut = breaks[k - 1] + 1 if k else 0
            if text.find(term, cut, m.start()) >= 0 and not taken.covers(m.start()):
                found.append(Quantity(m.start(), m.end(), _num(m.group("num")), m.group("unit")))
    found_at = _Taken(len(text))
    for q in (found if has_magnitude or composed else ()):  # read by the Chinese-numeral passes below
        found_at.append((q.start, q.end))
    for m in (CN_WAN_YI_SCAN.finditer(text) if "亿" in text and "万" in text else ()):
        if not (taken.covers(m.start()) or found_at.covers(m.start())):
            value = cn_number(m.group("hi")) * 1e4 + cn_number(m.group("lo"))
            found.append(Quantity(m.start(), m.end(), value, "亿" + m.group("unit"),
                                  qualifier="超过" if m.group("more") else ""))
            found_at.append((m.start(), m.end()))
    for m in (CN_COMPOUND_SCAN.finditer(text) if "亿" in text else ()):
        if not (taken.covers(m.start()) or found_at.covers(m.start())):
            unit = m.group("unit")
            value = round(cn_number(m.group("hi")) + cn_number(m.group("lo")) / 1e4, 8)
            more = m.group("more") or m.group("about")  # 四亿零七百多万吨: more than 4.07亿吨
            found.append(Quantity(m.start(), m.end(), value, "亿" + unit, qualifier="超过" if more else ""))
            found_at.append((m.start(), m.end()))
    for m in (CN_MIXED_SCAN.finditer(text) if "万" in text else ()):
        if not (taken.covers(m.start()) or found_at.covers(m.start())) and COMPOSED.search(m.group("lo")):
            found.append(Quantity(m.start(), m.end(), cn_number(m.group("hi")) * 1e4 + cn_number(m.group("lo")),
                                  m.group("unit"), qualifier="超过" if m.group("more") else ""))
            found_at.append((m.start(), m.end()))
    for m in (CN_PLAIN_SCAN.finditer(text) if composed else ()):
        if not (taken.covers(m.start()) or found_at.covers(m.start()) or THRESHOLD_NEXT.match(text, m.end())
                or _vague(text, m.start(), m.group("num"))) and COMPOSED.search(m.group("num")):
            found.append(Quantity(m.start(), m.end(), cn_number(m.group("num")), m.group("unit"),
                                  qualifier="超过" if m.group("more") else ""))
            found_at.append((m.start(), m.end()))
    for m in (CN_VALUE_SCAN.finditer(text) if has_magnitude else ()):
        if (taken.covers(m.start()) or found_at.covers(m.start())
                or THRESHOLD_NEXT.match(text, m.end()) or _vague(text, m.start(), m.group("num"))):
            continue
        unit = m.group("unit").replace("多", "").replace("余", "")
        if len(m.group("num")) == 1 and CJK.match(text, m.end()):
            continue  # 千万不能 (a word), 百万亩示范区, 千亿级 (a round magnitude qualifying the noun after it)
        money = unit in ("亿", "万", "万亿", "千万") and not CJK.match(text, m.end())
        q = Quantity(m.start(), m.end(), cn_number(m.group("num")),  # 突破百亿。: money; 一千二百万侨民: a count
                     unit + "元" if money else unit)
        if m.group("more") or unit != m.group("unit"):
            q.qualifier = "超过"
        found.append(q)
        found_at.append((m.start(), m.end()))
    for m in (BARE_MAGNITUDE.finditer(text) if "亿" in text or "千万" in text or "百万" in text else ()):
        unit = m.group("unit") + (m.group("tail") or ("元" if m.group("unit") == "万亿" else ""))
        if unit != m.group("unit") and not (taken.covers(m.start()) or found_at.covers(m.start())):
            found.append(Quantity(m.start(), m.end(), 1.0, unit))
    found.sort(key=lambda q: q.start)
    return _ranges_and_qualifiers(text, found)


def _vague(text: str, start: int, num: str) -> bool:
    """A numeral in words that counts nothing exactly: magnitude words alone (千百万知识青年, 千千万万个),
    or a magnitude after 几 (几十亿元, 几百万人: some tens, some hundreds; not 数, which ends 人数, 总数)."""
    return (len(num) > 1 and not num.strip("十百千")) or (start > 0 and text[start - 1] == "几" and num[0] in "十百千")


def _ranges_and_qualifiers(text: str, found: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        between = text[prev.end:q.start] if prev else ""
        if prev and RANGE_SEP.fullmatch(between) and prev.value_max is None \
                and (prev.unit in (q.unit, "") or (prev.unit in MAGNITUDES and q.unit.startswith(prev.unit))):
            # 6—6.5%, 一亿三千八百八十万至一亿三千九百三十万吨: the unit is printed once, after the upper bound
            prev.value_max, prev.end = q.value, q.end
            prev.unit = q.unit
            continue
        if prev and prev.unit == "" and RANGE_SEP.fullmatch(between):
            continue
        if m := QUALIFIER_BEFORE.search(text[max(0, q.start - 3):q.start]):
            q.qualifier = q.qualifier or QUALIFIER_WORDS.get(m.group("q"), "")
        out.append(q)
    for q in out:
        if m := QUALIFIER_AFTER.match(text[q.end:q.end + 2]):
            q.qualifier = m.group("q")
    for q, after in zip(reversed(out[:-1]), reversed(out[1:]), strict=True):  # from the end: 5万、42万和13.3万
        if q.unit in MAGNITUDES and after.unit != q.unit and split_unit(after.unit)[0] == MAGNITUDES[q.unit] \
                and LIST_JOIN.fullmatch(text, q.end, after.start):  # the same magnitude, then a unit
            q.unit = after.unit  # 分别竣工42万和13.3万平方米: the unit is printed once, after the last figure
    return out
