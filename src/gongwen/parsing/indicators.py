"""Quantitative indicators: every figure in the outline, named, typed, with targets told from actuals.

Each sentence is scanned for quantities (:mod:`gongwen.parsing.quantities`);
a value takes the change that follows it (``33.1亿元,增长12%``), lists are
distributed over the things they name (``分别增长9.0%和11.8%``), and the kind
comes from cue words near the figure and from the part of the report it is in.

For speed, several regexes are tried only on text that holds a word every match
needs (``由``/``从`` for NAME_FROM, ``年`` for the period patterns …, each test
written where the regex is used): a regex given a new word needs its test widened.
A lookbehind is written after the character it guards (``要(?<![主重]要)``, not ``(?<![主重])要``): a
pattern whose alternatives all open with a character lets the regex engine skip to where one occurs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from gongwen.model import Document, Indicator, Node
from gongwen.parsing.markers import cn_to_int
from gongwen.parsing.quantities import ABOUT, ACTION_VERBS, Quantity, acted_on, figure_after, scan, split_unit
from gongwen.parsing.tables import table_indicators

SENTENCE = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")
CLAUSE_BREAK = "，,；;：:。！？!?"
CLAUSE_END = "，,；;。！？!?"  # a clause for the cue words around a figure (a colon does not end it)
POINTS_WORDS = ("百分点", "千分点")
NOUN_STOP = re.compile(r"[，,；;：:。！？!?、\d]")  # where the words after a count end
_BREAK_SETS = {chars: re.compile(f"[{re.escape(chars)}]") for chars in (CLAUSE_BREAK, CLAUSE_END)}
MAX_TITLED = 30  # a book title or quotation that closes within this many characters
TITLED = re.compile(rf"《[^《》]{{1,{MAX_TITLED}}}》|“[^“”]{{1,{MAX_TITLED}}}”")
LIST_SEP = re.compile(r"^\s*(?:以上|以下|以内|左右)?\s*(?:、|和|及|与)?\s*$")
# A base of comparison: the year before, the year's start, a year in digits or words, the plan period before.
BASE = (r"(?:同比|[比较] ?(?:上年(?:同期|末)?|上一年|去年(?:同期|底|末)?|年初|同期|前[一二三四五两几]年"
        r"|[\d一二三四五六七八九十两]{1,2} ?年前|\d{4} ?年(?:末|底|同期)?"
        r"|[〇○零一二三四五六七八九]{4}年(?:末|底)?|“[^”]{1,8}”(?:期间|时期|末)?)"
        r"(?:的?(?:完成|执行|决算|预算|实际|预算执行)数)?)")  # 比1954年完成数, 较3年前, 比去年同期
# Between a value and its change: comparisons, a basis clause (，按可比价格计算，, 扣除物价上涨因素), a note
# in brackets (（包括石油出口）; ）: 农业总产值（604亿元）比…增长) and the currency of a rate
# (6.0969元人民币，比上年末升值), a span of years (五年增长1.4倍).
ATTACH_GAP = re.compile(rf"^(?:人民币)?[\s,，、）)]*(?:{BASE}|分别|均|平均每年|年均|"
                        r"[一二三四五六七八九十两\d]{1,2}年(?:来|间|中|内)?|"
                        r"同口径(?:相比)?|按?可比口径|"
                        r"实际|按[^，,。；;]{1,10}计算|[扣剔]除[^，,。；;]{1,10}|[（(][^（）()]{1,20}[）)]|,|，)*\s*$")
NAME_TRAIL = re.compile(
    r"(?:各|均(?<![年平人]均)|都(?<![首成国京古旧建定迁故]都)|平均|双双|共计|共|累计|实现|完成了?|达到了?|到达了?|达|调整为|优化为|为|突破|破(?<![打攻]破)|超过|超|"
    rf"{ABOUT}|接近|"
    r"近(?<![接将]近)|同比|比上年|控制在|提升至|提高到|提高至|调高到|调低到|调整到|调整为|增加到|增至|降至|升至|至(?<![降增升]至)|"
    r"总计|合计|已|的|有|了|现有|在(?<![所存现正实自内外]在)|力争|确保|预计|预期|争取|计划|接连|相继|先后|连续|"
    r"少于|低于|高于|多于|不低于|不少于|不超过|保持在|稳定在|定在|安排在|保持|继续|持续|迈上|跨上|缩小到|缩小至|扩大到|扩大至|压缩到|压缩至|压减到|压减至|缩短到|缩短至|提升到|提升至|跃升至|跃升到|首次|减至|减到|上升为|下降为|增为|减为|降为|升为|(?<!下)降到|要|将|实际|是)$"
)
TIME_TAIL = re.compile(r"(?:\d{4} ?年|[去上今明]年|年)(?:底|末|初)$|(?:\d{4} ?|[去上今明])年$")
NAME_TRAIL_WIDTH = 3  # the longest word of NAME_TRAIL: a match starts no further back from the end
# 在 and 共 open words of their own (在学研究生, 在孵企业, 在川落户…, 共有产权住房, 共享单车), which stay whole.
PROVINCE_SHORT = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔贵滇藏陕甘陇青宁新港澳台穗深杭"
NAME_LEAD = re.compile(r"^(?:——|—|－|也|即(?![墨时])|努力|使|其中|的|"
                       r"在(?![校职岗读建编册途库线学孵园研" + PROVINCE_SHORT + r"])|"
                       r"全年|全镇|全县|全区|全市|今年|去年(?![末底])|同时|实现|完成|累计|共(?!有产权|享)|力争|确保|争取|预计|计划|要|"
                       r"将|，|,|、)+")
# Right after the previous figure: its qualifier and a list joiner (…100多家、以及…), not 和美乡村 or 多式联运.
AFTER_FIGURE_LEAD = re.compile(r"^(?:以上|以下|以内|左右|上下|多(?![彩元式样种])|余|并|和|及|以及|，|,|、)+")
# A span of years a change is taken over (五年, 3年来, 四年间), with 累计 (五年累计): the thing before's change.
YEARS_SPAN = re.compile(r"^[一二三四五六七八九十两\d]{1,2}年(?:来|间|中|内)?(?:累计)?")
# A name that is only an adverbial or a share (平均每年, 占财政总支出) measures the thing named before it.
NAME_CONTINUES = re.compile(r"^(?:平均每年|每年|年均|平均|占|比上年末?|比去年|同比|"
                            r"(?:增加|提高|上升|下降|减少|降低)[到至]|[降增]至)")
# A level reached after a change of the same thing (上升到271万元, 增加到1995年的114.6亿美元).
NEW_LEVEL = re.compile(r"^(?:已经?|实际)?(?:增加|提高|提升|跃升|攀升|上升|回升|下降|减少|降低|扩大|缩小|回落|"
                       r"[上下]调|调[高低整]|延长|缩短)[到至为]"
                       r"|^[降增升减][至为到]")
# Time and place words that open a name but are not the thing measured (1995年国内生产总值, 年末全省常住人口).
NAME_PREFIX = re.compile(r"^(?:到?(?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:末|底|初)?|(?<=^)年末)?"
                         r"(?:全省|全市|全国|全区|全州|全县|我省|我市)?")
NAME_PREFIX_FIRST = "到年全我〇○零一二"  # how a NAME_PREFIX that is not a year in digits opens
# A name that is only a change word (增加, 实际, 比上年末) measures the thing named before it.
# (比上年预计数增加: a base, not an estimate)
CHANGE_WORDS_ONLY = re.compile(rf"^(?:{BASE}(?:预算|预计)(?:执行)?(?:数|赤字|收入|支出)?|{BASE}?(?:预算)?)"
                               r"(?:实际)?"
                               r"(?:[新净]?增加|减少|增长|下降|提高|降低|增产|减产|净增|[增减][收支])?了?$")
# (新增加, 净增加 alike; 增收/增支: a revenue's or a spending's increase)
BASIS = re.compile(r"按照?[^，,；;。]{0,40}?(?:标准|口径)计算")  # 按照…的农村贫困标准计算
# Between a change and the level it brings the thing to (增长5.5%、达到10.3万亿元, or as PDF text spaces it): one row.
LEVEL_AFTER_CHANGE = re.compile(r"[、，,]\s*(?:总量|规模|总额)?(?:达到|达|突破|为|超过|跃上|迈上)\s*")
# A level printed as unchanged over a time (…4.1%，与上年末持平; 26067万吨，持平): a change of nothing (not 与全省持平,
# a comparison with a place)
UNCHANGED = re.compile(r"(?:左右|以上)?\s*[，,、]?\s*(?:(?:与|同|和|较|比)(?:上年|去年|上一年|上年同期|去年同期|同期)"
                       r"[末底]?|同比)?(?:基本)?持平")
PLAN_SHARE = re.compile(r"(?:完成|超额完成)(?:全年|年度)?计划")  # 完成计划106%: a share of the plan
# A table printed as text (粮 食 35，343 万吨 8．7) under a header naming its last column the growth
# (一九八二年比 / 一九八一年增长％): the last number of a row is its change in percent.
GROWTH_HEADER = re.compile(r"增长\s*[（(]?[％%]|增减\s*[（(]?[％%]|比上年\s*[±+]?[％%]")
TEXT_ROW = re.compile(r"^[^\d０-９。，,]{1,16}?[\d０-９][\d０-９,，.．]*\s*[^\d０-９\s]{1,6}\s+"
                      r"(?P<change>[-－]?[\d０-９]+(?:[.．][\d０-９]+)?)\s*$")
MAX_HEADER = 30
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")
# A comparison that ends a change's name (消费品工业的产值比1985年) is the base, not the thing measured.
COMPARISON_TAIL = re.compile(r"(?:比|较)(?:上年末?|去年|上年同期|同期|年初|\d{4} ?年(?:末|底)?"
                             r"|[一二三四五六七八九〇零○]{4}年|“[^”]{1,8}”(?:期间|时期|末)?"
                             r"|[^，,；;。比较]{1,8}(?:期间|时期))的?$")
# Bare verbs of an increase: with nothing counted after them, the figure is the increase of the thing before.
CHANGE_VERBS_BARE = frozenset(("新增", "增加", "减少", "净增"))
INCREMENT_VERBS = tuple(CHANGE_VERBS_BARE)
# A name that is only adverbs or a comparison frame (首次, 已经, 是2010年的) measures the thing named before:
# …增长9.2%，首次突破500亿元; 服务业增加值1310亿元，是2010年的1.8倍; 8856亿元，折1350亿美元 (即, 兑 alike).
CONTINUING_ONLY = re.compile(r"(?:即|折合?|约合|兑|首次|再次|一举|双双|又|再|仍然|仍|依然|已经|已|全部|年内|当年|全年|"
                             r"稳步|顺利|"
                             r"(?:是|为|相当于)(?:\d{4} ?年(?:末|底)?|上年|去年|同期)?的?)+")
# A name that is only a relative noun (总数, 总量) in the unit of the figure before is the total of the things
# named there (新增企业535户，总数达到3159户), not of 播种面积…、总产量.
RELATIVE_NOUN = re.compile(r"总数|总量|总额|总产量|总规模|数量")
# 等 closing a list of examples (not 高等, 平等, 等级, 等于).
EXAMPLES_END = re.compile(r"等(?<![高平对同初中均相]等)(?![级于同])")
AFTER_LEAD = re.compile(r"^(?:以上|以下|以内|左右|上下|多|余)?的?")
# A change printed as a rate noun (涨幅, 上涨幅度, 增速) names the measure with its subject.
RATE_NOUN = re.compile(r"增长率|增长速度|增速|增幅|涨幅|上涨幅度|降幅")
RATE_ENDS = ("增速", "增幅", "涨幅", "幅度", "降幅", "增长速度")  # a percentage after these is a change (提高幅度)
# …增长预期目标定为, …增长速度预期为年均, 经济增长速度的调控目标定为
GOAL_WORDS_END = re.compile(r"(?:的|调控|预期|目标|定为?|定在|为|是|年均|平均)+$")
# An amount, never a percentage: a percentage named by one is its growth (生产总值由一季度的3.8%回升到…), unless
# the words before the figure make it a share (占生产总值的, 相当于…的, 计划完成).
AMOUNT_ENDS = ("生产总值", "增加值", "总产值")
SHARE_BEFORE = re.compile(r"占|相当|完成|比重")
# A price index printed as a small percentage is its rise (居民消费价格指数控制在3%以内); as 99.6% or 103%, its level.
INDEX_LEVEL_MIN = 50
# A change done to a thing, the percentage after it (提高城市低保标准10%, 降低企业用电成本5%): by how much; not a
# new level (提高到, 降至) nor a share or rate the verb sets (提高…比重, …率, 减少收入的农户只占).
CHANGE_DONE = re.compile(r"^(?:提高|降低|增加|减少|上调|下调)(?![到至为])[^到至为占]*(?<![率重比])$")
FALLS = re.compile(r"^(?:降低|减少|下调)|(?:下降|减少|降低|压缩|精简|核减|压减|削减)幅度$")  # …by how much less
# A starting point before a figure (外贸进出口总额由1990年的25.5亿美元, 财政补助由每人每年380元) is not the name.
NAME_FROM = re.compile(r"(?:由|从)(?<![自理].)"
                       r"(?:[^，,；;。由从]{0,8}(?:年|期末|期初|时期|期间|每年|底|末|初|季度|半年)|现在|目前|当前|原来|"
                       r"[年月日]?(?:人均|户均)|每[^，,；;。由从\d]{1,6}|不足|不到)?的?$")  # 由目前的, 从每月, 由不足
FROM_YEAR_BEFORE = re.compile(r"[由从](?:上年|去年|上一年)(?:末|底|同期)?的?$")
# An alias in brackets names the measure (占总人口的比重（常住人口城镇化率）为62.07%).
NAME_ALIAS = re.compile(r"[（(]([^（）()]{3,12}(?:率|数|量|额|值|比重|系数))[）)]$")
# Explanations inside a name: 基本建设拨款（包括国外借款）, 剔除…因素后, 按可比价格计算; (不含…) changes
# what is measured and stays.
NAME_ASIDE = re.compile(r"[（(](?:包括|其中)[^（）()]*[）)]|"
                        r"(?:剔除|扣除)[^，,；;。]{1,15}后|按[^，,；;。]{1,10}计算")
# A verb of provision inside a name: what it provides is measured (中央财政安排X → X; 共有上市公司 → 上市公司).
NAME_MID_VERB = re.compile(r"(?<=..)(?:安排|办理|共有|拥有)(?=[^的]{2})")
# A name ending in an action verb (再开工20项重大水利工程) is completed by the words after the figure.
ACTION_END = re.compile(rf"(?:{ACTION_VERBS})$")
NAME_VERB = re.compile(r"(?<=..)实现")
VERB_ADVERBS = re.compile(r"(?:突出|重点|继续|再|奋力|全力|大力|着力|精准|累计|共|全年|又|还|已)?")  # before a verb
# A closed remark opening a name, with the name after it (（热烈鼓掌）全国一亿二千万户农民).
LEADING_ASIDE = re.compile(r"[（(][^（）()]{1,12}[）)](?=[^（）()]{2})")
# The unit of the other currency before an exchange rate's figure (汇率为1美元兑6.75元人民币).
EXCHANGE_UNIT = re.compile(r"(?:为|是)?\d+(?:\.\d+)?[^\d，,]{1,3}兑$")
# A per-head word before the figure: 面积达到人均4平方米, 配置AED达每10万人45台.
PER_HEAD_LAST = re.compile(r"(?<=..)(?:达到?|为|是)(人均|户均|亩均|日均|每[\d.万千百]{1,6}(?:人口|人|户))$")
# An amount that only names a measure (收入, 完成投资, 总产值), right after a count of things in the same sentence
# (农牧民转移就业8.6万人，实现收入8.92亿元; 重点项目468个、完成投资1700亿元), measures those things; after an
# amount of a thing, it is another measure of that thing (…销售收入3000亿元，利润200亿元; 开工建设260项、竣工105项).
_MEASURE = (r"(?:完成)?总?(?:投资总额|投资|实际到位资金|实际到位|到位资金|主营业务收入|收入|产值|利润总额|利润|"
            r"利税|税收|增加值|营业收入|销售收入|产量|销售额|保有量|交易额|成交额)|开工建设|开工|竣工|投产")
MEASURE_ONLY = re.compile(_MEASURE)
WORK_MEASURE = re.compile(r"开工建设|开工|竣工|投产|建成|完工")  # measures that are work done to the thing
# A measure ending the name of an amount of a thing (its area, its count of people too): what names the thing is before.
MEASURE_END = re.compile(f"(?:{_MEASURE}|(?:播种|种植|销售|建筑)?面积|总?人数|营收)$")
ACTION_IN = re.compile(ACTION_END.pattern[:-1])  # the same verbs anywhere: 统筹推进重大项目 → 重大项目
MEASURE_LEAD = re.compile(r"^[、和及与]?(?:实现|共|累计)?")  # before the measure: 实现收入 → 收入
# Right before a figure that every listed thing shares (not 年均, 人均: per year, per head).
EACH_BEFORE = re.compile(r"(?:各|双双|分别|均(?<![年平人户亩日月村校周]均)|都)[^，,；;。\d]{0,2}$")
EACH_END = re.compile(r"(?:各|双双|分别|均)$")
EACH_AFTER_VERB = re.compile(r"(?:增长|下降|提高|降低|增加|减少)(?:均|分别|各)")  # A、B增长均超过15%
EACH = re.compile(r"分别|各(?=$|完成|实现|达到|达|为|增长)")
# List joiners, not the same characters inside a word (普及率, 参与度, 和美乡村, 总和).
SUBJECT_SPLIT = re.compile(r"、|和(?<![温缓总共]和)(?![谐美])|及(?<![普涉惠波顾企]及)(?!时)|与(?<![参给]与)")
CN_ORDINALS = "一二三四五六七八九十"
ORDINAL_ITEM = re.compile(rf"第?[{CN_ORDINALS}]")  # 第一、二、三产业: an ordinal whose noun comes after the last
# Words that end the name of a measure (产量, 零售额, 增长率, 增加值, 人数, 能耗, 收入, 支出, 比重).
MEASURE_ENDS = tuple("量额率值数耗入出重价积资")
# Measure nouns a list of things can share (家电、新能源汽车零售额; 城镇和农村常住居民人均可支配收入).
MEASURE_HEAD = re.compile(r"排放量|零售额|销售额|增加值|总产值|产值|产量|总值|收入|支出|投资|总额|利润|人数|起数|"
                          r"增速|增幅|常住|居民|人均|用水量|用电量|价格|指数|面积|比重")
LATIN_HEAD = re.compile(r"[A-Za-z][A-Za-z0-9.]*")
NOUN_SUFFIX = "业类品"  # 塑编业, 农产品: the suffix belongs to every listed thing
# An adverbial after a list applies to every item (地区生产总值、居民收入年均分别增长).
LIST_ADVERBIAL = re.compile(r"(?:平均每年|每年|年均|平均)$")
# Two-in-one words that a pair of figures is distributed over (城乡居民…分别达到A元和B元).
COMPOUNDS = {"城乡": ("城镇", "农村"), "存贷款": ("存款", "贷款"), "进出口": ("进口", "出口"),
             "中小学": ("中学", "小学"), "城乡居民": ("城镇居民", "农村居民")}
# The modal 要 (要达到, 要控制在), not the 要 of a word (主要指标, 重要成果, 需要, 要求, 要素).
MODAL_YAO = r"要(?<![主重需必首纲摘紧只概简扼提]要)(?![求素点闻害件])"
TARGET_CUES = re.compile(rf"力争|确保|预期|预计|争取|计划|目标|力求|将|{MODAL_YAO}|拟|安排")
# A comparison with a past period reports a result (比上年增长9.1%), unless a goal is stated.
RESULT_CUES = re.compile(r"比上年|较上年|比去年|上年末|执行结果")
MODAL_COMPARISON = re.compile(rf"(?:将|{MODAL_YAO}|拟|计划)(?:比|较)(?:上年|去年)")  # 将比上年提高: a plan
THIS_YEAR = "今年"
# A period that alone opens a clause after a figure of another period (一季度…下降6.8%，二季度增长3.2%): the same
# measure in that period.
# Groups a measure is given for in turn (农村居民…为41.1%，城镇为35.7%): the next group's takes the name of the first.
GROUPS = frozenset(("城镇", "农村", "城市", "乡村"))
GROUP_OPENING = re.compile("|".join(GROUPS))
PERIOD_ONLY = re.compile(r"(?:[一二三四1-4]季度|前三季度|[上下]半年|"
                         r"(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?)")
# A gap to a comparison base with no subject of its own (…增长5.7%，高于全国0.7个百分点): the thing before's gap.
COMPARISON_GAP = re.compile(r"(?:分别|均|都|仍|也|逆势)?(?:(?:高于|低于|快于|慢于|高出|超出|优于|好于)[^，,；;。]{0,12}"
                            r"|[比较][^，,；;。]{1,12}?[高低快慢多少]出?)")
COMPARISON_BASE = re.compile(r"比(?![率重例值])[^，,；;。比]{0,14}的?$")  # (not the noun of 比率为, 比重为)
# 比X的V: the base V a level is compared with (not 比上年上升的22项, a count of things that rose).
COMPARED_WITH = re.compile(r"[比较]((?:(?!增加|减少|增长|下降|上升|提高|降低)[^，,；;。比较\d]){2,12}?"
                           r"|\d{4} ?年(?:末|底)?)的?")
# The year under review, or years before it: what is reported is done.
PAST_TIME = re.compile(r"去年|上年|过去[一二三四五六七八九十两几]{1,2}年|一年来")
# A goal that a figure passed (超过全年预期目标, 高于预期目标) names no goal of its own (实现…目标 may be one).
GOAL_MET = re.compile(r"(?:超过|超额完成|完成|高于|好于|优于)了?[^，,；;。]{0,8}?目标(?:任务)?"
                      r"|控制在[^，,；;。]{0,8}?目标(?:以内|之内|范围内)")  # 涨幅控制在预期目标以内: kept within it
GOAL_LEAD = re.compile(r"目标(?:要求|任务)?(?:是|为|如下)?[：:]")  # a colon after 目标 announces the goals
FIRM_TARGET_CUES = re.compile(r"力争|确保|预期目标|目标|争取|力求|计划|拟|安排|到\d{4}年")
# In a review part 争取 (secured), 确保 and 计划 (a plan's name) report what was done.
REVIEW_TARGET_CUES = re.compile(r"力争|预期目标|目标是|目标为|拟|到\d{4}年")
REVIEW_WEAK_CUES = re.compile(rf"力求|将|{MODAL_YAO}")
# 将 that puts its object before the verb (将2.8万亿元资金纳入…, 将加计扣除比例提高到100%), not the modal 将 (将达到).
DISPOSAL = re.compile(r"将(?![由从在会要于])(?=\d|[^，,；;。将]{2,20}?"
                      r"(?:提高到|提高至|纳入|调整为|调整到|扩大到|降低到|降至|下调|上调|延长至|由|"
                      r"[\u4e00-\u9fff]{1,2}[为成]))")  # 将26家开发区整合为17家: what was done to a thing
# 将 as the future before the verb that reaches the figure (将首次达到, 将增加): a plan, whatever base follows.
FUTURE_VERB = re.compile(r"将(?:首次|再|进一步|继续)?"
                         r"(?:达到|突破|超过|增加|增长|提高|扩大|新增|减少|下降|降低|降至|增至)[^，,；;。将]*$")
ESTIMATE = "预计"  # 预计 of the year under review is a result
CUE_AFTER = 12  # cue words right after a figure (…3%，比上年提高) count for it
PERIOD_REACH = 40  # how far before a figure its time words reach
SENTENCE_OPENING = 12  # a time that opens a sentence (到2025年，…) reaches every figure in it
OWN_TIME = re.compile(r"今年|明年|年内|本年|当年|\d{4}年")  # a sentence that names its own time keeps it
HORIZON_OPENING = 40  # …目标是，到2012年，… near a sentence's start reaches the later goals of its paragraph
BY_YEAR = re.compile(r"到(\d{4})年")
YEAR_RANGE = re.compile(r"(\d{4})\s*(?:年)?\s*[-—–~～至到]\s*(\d{4})\s*年")
PLAN_SPAN = re.compile(r"[“\"]?([一二三四五六七八九十]{1,2})五[”\"]?(?:计划|规划)?(?:时期|期间|规划期|以来)")
FIVE_YEARS = re.compile(r"过去五年|五年来|这五年|五年间")
# The last year named before a figure, not a base of comparison (比2020年) or a starting point (2020年以来).
# The last year named before a figure — not a base of comparison or of prices (与2002年相比, 按2000年价格,
# 2010年不变价).
LAST_YEAR_NAMED = re.compile(r"(?<![\d到至比较与按])(\d{4})年(?!\d|以来|以前|前|不变价|价格|可比价|相比)(?!.*\d{4}年)")
HEDGES = ("力争", "确保", "预期", "预计", "争取", "计划", "力求")
# Every cue kind_of looks for, as one alternation of their words (the cue patterns are plain alternations).
ANY_CUE = re.compile("|".join([cues.pattern for cues in (FIRM_TARGET_CUES, REVIEW_TARGET_CUES, RESULT_CUES, PAST_TIME,
                                                          REVIEW_WEAK_CUES, TARGET_CUES)] + [re.escape(ESTIMATE)]))
# Headings below a part that name its goals (（二）主要目标): what they head is target.
GOAL_HEADING = re.compile(r"主要目标|发展目标|目标任务|奋斗目标|预期目标|总体要求|主要任务|重点任务|工作安排|远景目标")
MAX_KIND_HEADING = 20
BUDGET_OUTTURN, BUDGET = "决算", "预算"  # 一、１９５５年国家决算 reports, 二、１９５６年的国家预算 plans, but
BUDGET_RESULTS = re.compile(r"执行|情况|完成")  # 2022年预算收支情况, 财政预算的执行 report
# Words of a thing done in a clause (增加了一百三十九亿元, 已经有五百零四个县, 据统计): a result, where the heading
# of the part names neither a review nor plans. (Not 为了, 除了, nor goals set: 提出了, 设定了, 明确了.)
STATISTICS = re.compile(r"据[^，,；;。]{0,10}统计")  # 据统计，…: the sentence reports results
COMPLETED = re.compile(r"(?<![为除出定确])了|已经(?!决定|确定|部署|提出|制定|安排)|已(?![有经决定])|"
                       + STATISTICS.pattern)  # (已经决定今后三年内新建…: a decision about what will be)
FUTURE_TIME = re.compile(r"明年|今后|未来|下一步|今年要")
_A_YEAR = r"(19\d{2}|20\d{2}|[一二][〇○零一二三四五六七八九]{3}) ?年"  # 1990年, 一九九〇年
# A named year of the figure's own: not a base after 比/较/与/同 (较之/比起1979年, 在1979年的基础上), not a goal
# after 到/至.
OWN_YEAR = re.compile(rf"(?<![比较与同到至之起]){_A_YEAR}(?!以来|以前|前|不变价|价格|的?基础上)")
# 1990年计划的执行情况; goals said to be reached (“十五”经济社会发展目标全面实现, 计划胜利完成) review them too
REVIEW_PART = re.compile(r"回顾|回忆|成绩|成就|成效|过去|总结|取得|执行情况|完成情况"
                         r"|(?:目标|任务|计划)(?:全面|胜利|圆满|顺利|基本|超额)?(?:实现|完成)")
# A part that reviews, then sets goals (“十三五”时期发展成就和“十四五”时期主要目标任务): the goals begin at the
# paragraph that opens with the time the goal words follow. (计划 and 建议 name documents: 五年计划执行情况的回顾.)
GOAL_PART = re.compile(r"目标|重点工作|打算|安排|任务|展望")
TIME_PHRASE = re.compile(r"“[^”]{1,6}”(?:时期|期间)?|\d{4}年|今后[一二三四五]?年?|明年|今年")
PLAN_PART = re.compile(r"目标|计划|重点工作|思路|打算|安排|任务|展望|建议")
YEAR = re.compile(r"(19\d{2}|20\d{2})年")
MONEY = ("元", "美元")  # base units of money
# A time between a verb and the count of its object (应对汛期12轮强降雨, 新增今年…): an adverbial of the verb.
TIME_END = re.compile(r"(?:主?汛期|年初|年底|年末|全年|今年|去年|当年|[上下]半年|[一二三四]季度|期间|以来)$")
TIME_END_LAST = frozenset("期初底末年度间来")
YEAR_BEFORE = ("上年", "去年", "上一年")  # a base named by the year before the compared level's
NAMED_YEAR = re.compile(_A_YEAR)
# A plan of several years by its title (第十个五年计划, 十年规划, “九五”计划): no figure in it is of the document's year
# by default.
YEARS_PLAN = re.compile(r"[五十]年(?:计划|规划)|[“\"][一二三四五六七八九十]{1,2}五[”\"](?:计划|规划)")
BULLETIN = re.compile(r"统计公报|公报$")
MAX_NAME = 24
CUT_LEAD = "、，,；;：:）)”’》]】 "  # what a name cut to MAX_NAME (or after a list comma) must not open with
CHANGE_UNITS = ("%", "‰", "个百分点", "个千分点", "倍")
POINTS = ("个百分点", "个千分点")
MAX_TEXT = 200  # an indicator's text: its sentence, cut to this many characters around the figure
NOTE_CALL = re.compile(r"[\[［〔]\d{1,3}[\]］〕]")
LETTER_SPACING = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")  # 预 算 收 入 from PDFs
# Words that open a clause but name nothing (又有171万群众…, 向30万低保户发放…): the count's things name it.
FUNCTION_ONLY = re.compile(r"(?:又|再|还|另|也|仍|共)有?|有|向|对|给|以及|及|并")
# A batch, stage or class before a count (建设首批10个中心, 第一阶段12项重点改革, 七大类48项任务): not the things.
BATCH_END = re.compile(rf"(?:首批|第[{CN_ORDINALS}\d]+(?:批|阶段)|[{CN_ORDINALS}\d]+大类)$")
# A name that is only one of these verbs is completed by the words after the figure (启动5家小微园建设).
BARE_VERBS = frozenset("启动 新建 建成 做好 实施 推进 开展 培育 引进 打造 落实 举办 整治 改造 创建 完成 "
                       "办好 新增 建设".split())
# Where the words after a count turn from the things counted to what they did (县市|达到验收标准,
# 重点群体|提供就业帮扶, 作品和节目|在全国评比中获奖): a preposition or a predicate verb.
COUNTED_PREDICATE = re.compile(r"在(?<![所存现正实自内外]在)|与(?<![参给]与)|向(?<![指方]向)|"
                               r"通过|达到|入选|纳入|进入|获得|开展|提供|落户|落地|享受|参加|列入|成为|整县|率先|实行|接入|签约|被评为|获评|"
                               r"全部|已经|已|先后|相继|陆续|被")  # adverbs that open the predicate too
# A list joiner that ends words (棚户区和), not a verb that ends in one (惠及, 涉及, 参与, 缓和).
COUNT_WORDS = frozenset("个 家 所 座 条 项 户 支 部 批 台 套 处 名 位 件 辆 架 艘 只 头 株 棵 间 栋 幢 块 片 "
                        "场 次 期 届 种 款 面 根 段 对 列 班 趟".split())
# Documents and meetings, counted (法律, 行政法规, 政府规章, 举措, 议案, 会议) — not 政策性金融工具 or 标准厂房 —
# and the parts of the work a report sets out (重点做好9个方面工作, 报告分为五个部分).
DOCUMENT = (r"(?:法律|法规|规章|条例|文件|议案|提案|建议|草案|决定|决议|政策|措施|举措|办法|意见|会议|座谈会|方面|部分)"
            r"(?![性化])")
DOCUMENTS = re.compile(rf"^(?:{DOCUMENT}|[\u4e00-\u9fff]{{1,6}}?{DOCUMENT}(?![\u4e00-\u9fff]))")
DOCUMENTS_END = re.compile(rf"{DOCUMENT}$")
DOCUMENT_WORD = re.compile(DOCUMENT)
# Counts whose clause ends in the document noun they count (20条…和15条稳定生产经营等政策措施), or whose list is
# closed by 等 and that noun (工业30条、人才新政22条…等政策叠加实施); not 30个强县的激励政策.
SHARED_DOCUMENTS = re.compile(rf"[^，,；;。的]{{0,40}}?(?:等{DOCUMENT}|{DOCUMENT}(?=[，,；;。]|$))")
DOCUMENT_COUNTERS = frozenset(("项", "件", "条", "部", "个", "次", "场", "份", "批"))
AGE_BOUND = re.compile(r"(?:及以上|以上|以下|及以下)[\u4e00-\u9fff]")  # 60岁以上老人, 3岁以下婴幼儿
THRESHOLD_BEFORE = re.compile(r"(?:超过|超|过|逾|达到|达|不低于|不少于)$")  # 年销售收入超10亿元的龙头企业
MEASURED_AFTER_BOUND = ("目标", "任务", "水平", "规模", "增长", "增速", "投资", "收入", "产值")
GROUP_BEFORE = re.compile(r"在[^，,；;。\d]{0,8}$")
GROUP_AFTER = re.compile(r"[^，,；;。\d]{1,14}?中(?=[，,；;。]|$)")
THRESHOLD_AFTER = re.compile(r"(?:以上|以下)?的[\u4e00-\u9fff]")
LINKING_END = re.compile(r"(?:达到?|为|是|占)$")
LIST_JOIN_END = re.compile(r"(?:和(?<![共温缓总]和)|及(?<![惠涉普波顾]及)|与(?<![参给]与)|、)$")
BRACKET = re.compile(r"[（()）]")
DIGIT_CHAR = re.compile(r"\d")
# A part of the whole named inside its brackets (（包括三轮汽车和低速货车820万辆）, （其中水利投资419亿元）).
SIDE_PART = re.compile(r"^[（(](?:其中|包括|含|内含)[：:，,]?(.*?)(?:为|达到?|共|约)?$")
HAS_NUMBER = re.compile(r"[\d十百千万亿]")
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _last_characters(pattern: re.Pattern[str]) -> frozenset[str]:
    """What a match of ``pattern`` (words ending at $, no character class but in lookbehinds) can end in:
    any of its characters, or the newline $ may stand before."""
    return frozenset(pattern.pattern) | {"\n"}


NAME_TRAIL_LAST, ACTION_END_LAST, LIST_JOIN_END_LAST = map(_last_characters, (NAME_TRAIL, ACTION_END, LIST_JOIN_END))
BATCH_LAST = "批段类"
NAME_LEAD_FIRST = frozenset(NAME_LEAD.pattern)  # what a match can start with (its words at ^, no class consumed)


@lru_cache(maxsize=4)  # the sentence at hand, for both break sets
def _break_ends(text: str, breaks: str) -> list[int]:
    """Positions just after each of ``breaks`` in ``text``, in order (one sentence is asked again and again)."""
    if breaks == CLAUSE_END and "：" not in text and ":" not in text:
        return _break_ends(text, CLAUSE_BREAK)  # without a colon the two sets break alike
    ends = [m.end() for m in _BREAK_SETS[breaks].finditer(text)]
    if "《" in text or "“" in text:  # 《我的家，你的世界》宣传片点击量: a comma inside a title or quote breaks none
        titled = iter(m.span() for m in TITLED.finditer(text))  # in order, as the ends are: one merge
        span = next(titled, None)
        kept = []
        for end in ends:
            while span is not None and span[1] < end:
                span = next(titled, None)
            if span is None or not span[0] < end <= span[1]:
                kept.append(end)
        ends = kept
    return ends


def _clause_start(text: str, start: int, floor: int = 0, breaks: str = CLAUSE_BREAK) -> int:
    """Where the clause holding ``start`` begins: after the last of ``breaks`` before it, not before ``floor``."""
    if start <= floor:
        return start
    ends = _break_ends(text, breaks)
    k = bisect_right(ends, start)
    return ends[k - 1] if k and ends[k - 1] > floor else floor


def _name(text: str, start: int, floor: int) -> str:
    """The name of the thing measured at ``start``: back to the clause start or ``floor``."""
    i = _clause_start(text, start, floor)
    name = _without_note_calls(_without_letter_spacing(text[i:start])).strip()
    if i == floor and floor:
        name = AFTER_FIGURE_LEAD.sub("", name)
        if "、" in name and len(name) - name.rindex("、") > 2:  # 新增1个…集群、新入规加工企业20家: the item
            name = name[name.rindex("、") + 1:]  # after the last 、, not the previous item's thing
    # Each regex below is tried only on names holding the words it needs (most hold none).
    starting = "由" in name or "从" in name
    if starting and NAME_FROM.fullmatch(name.lstrip("已经均也都")) and i > floor and text[i - 1] in "，,":
        return _name(text, i - 1, floor)  # 工业制成品所占比重，(已)由上年的53.4%: the thing is named before
    if starting:
        name = NAME_FROM.sub("", name)
    if "按" in name or "除" in name or "包括" in name or "其中" in name:
        name = NAME_ASIDE.sub("", name)
    for _ in range(3):
        # a match starts near the end (one further: $ also matches before a last newline)
        trail = (NAME_TRAIL.search(name, max(0, len(name) - NAME_TRAIL_WIDTH - 1))
                 if name[-1:] in NAME_TRAIL_LAST else None)
        trimmed = (name[:trail.start()] + name[trail.end():] if trail else name).strip()
        if trimmed[-1:] in "底末初年" and (when := TIME_TAIL.search(trimmed)) and when.start() > 0 \
                and trimmed[when.start() - 1] not in "比较与同":  # 比上年末: a base, for NAME_CONTINUES
            trimmed = trimmed[:when.start()]  # 提升到去年底的13.3%: the time the figure is of, not its name
        if trimmed == name:
            break  # nothing more to take off
        name = trimmed
    if ("有" in name or "安排" in name or "办理" in name) and (verb := NAME_MID_VERB.search(name)):
        name = name[verb.end():]
    if name.endswith(("）", ")")) and (alias := NAME_ALIAS.search(name)):  # name is stripped: $ is the end
        return alias.group(1)
    prefix = NAME_PREFIX.match(name) if name[:1] in NAME_PREFIX_FIRST or name[:1].isdigit() else None
    if prefix and prefix.end() and len(name) - prefix.end() >= 2:
        name = ("年末" if name[:prefix.end()].endswith(("年末", "年底")) else "") + name[prefix.end():]
    if name[:1] in "（(" and (aside := LEADING_ASIDE.match(name)):
        name = name[aside.end():]  # （热烈鼓掌）全国…, （下同）…: a remark standing before the name
    if name[:1] in NAME_LEAD_FIRST and (lead := NAME_LEAD.match(name)):  # at ^: at most one match to drop
        name = name[lead.end():]
    if "实现" in name:
        name = NAME_VERB.sub("", name)
    if name[-1:] == "兑" and (rate := EXCHANGE_UNIT.search(name)):
        name = name[:rate.start()]  # 人民币平均汇率为1美元兑: the rate, not its unit of the other currency
    if name[-1:] in "均口人户" and (per := PER_HEAD_LAST.search(name)):
        name = per.group(1) + name[:per.start()]  # 公共绿地面积达到人均4平方米 → 人均公共绿地面积
    return _balanced(name)[-2 * MAX_NAME:]  # a list of things is split before the name is cut to MAX_NAME


def _balanced(name: str) -> str:
    """``name`` without what a cut inside brackets left: a close bracket it never opened (市）一级行政审批权),
    a bracket or quote opened at its end (湖北两院院士（61人）)."""
    if "）" in name and name.count("）") > name.count("（"):
        depth = 0
        for k, ch in enumerate(name):
            depth += (ch == "（") - (ch == "）")
            if depth < 0:
                name = name[k + 1:]
                break
    return name.rstrip("（(“《【")


def _without_letter_spacing(text: str) -> str:
    return LETTER_SPACING.sub("", text) if " " in text else text


def _without_note_calls(text: str) -> str:
    return NOTE_CALL.sub("", text) if "[" in text or "［" in text or "〔" in text else text


def _clause_before(text: str, start: int, floor: int) -> str:
    """The name in the clause before the one holding ``start`` (when that clause holds no figure)."""
    i = _clause_start(text, start, floor)
    if i <= floor or text[i - 1] not in "，,":
        return ""
    return _name(text, i - 1, floor)


def _is_rate(name: str, out: list[Indicator], before: str = "", value: float = 0.0) -> bool:
    """A percentage (``value``) named as a rate of change (增速, 涨幅, 提高幅度), also as the growth or a goal set
    for it (经济增长预期7%, 经济增长预期目标定为7.5%, 广义货币增长目标为16%, 经济增长率目标为6%), the new level of
    one (涨幅由21.7%下降到13.5%), a change done to a thing (提高城市低保标准10%), a small one of a price index (see
    INDEX_LEVEL_MIN), or named by an amount (see AMOUNT_ENDS; ``before``: the words printed before the figure)."""
    if name.endswith(RATE_ENDS) or CHANGE_DONE.match(name) \
            or (name.endswith(AMOUNT_ENDS) and not SHARE_BEFORE.search(name + before)) \
            or (name.endswith(("价格指数", "价格总指数")) and value < INDEX_LEVEL_MIN):
        return True
    if "增" in name and ((stem := GOAL_WORDS_END.sub("", name)).endswith(RATE_ENDS + ("增长",))
                         or (stem != name and stem.endswith("增长率"))):  # a goal set for a growth rate; but
        return True  # 人口自然增长率降到1% is a level
    return bool(NEW_LEVEL.match(name) and out and out[-1].value is None and out[-1].change is not None)


def _stem(name: str) -> str:
    """The thing a previous name measures, without its own adverbial, share or comparison (X平均每年,
    X比2008年增加 → X)."""
    m = re.search(r"(?:平均每年|每年|年均|平均(?=$|每[年月日天]|增|递|提高|减少|[上下][升降涨])|(?<!所)占(?!比)|"
                  r"[比较](?:上年|去年| ?\d{4} ?年)|同比).*$|"
                  r"(?:[新净]?增加|减少|净增)$", name)  # …增加近1000亿元，稳步达到3000亿元: the thing, not its increase
    return name[:m.start()] if m and m.start() > 0 else name


def _level_of(name: str) -> str:
    """The thing an increase named before counts, for the level after it (经营主体新增105万户，达到920万户)."""
    if not name.endswith(INCREMENT_VERBS) or len(name) <= 2:
        return name
    name = name[:-2].removesuffix("同比")  # 国家财政收入比上年增加1501亿元，…达到11377亿元: the revenue
    tail = COMPARISON_TAIL.search(name) if "比" in name or "较" in name else None
    return name[:tail.start()] if tail and tail.start() > 0 else name


def _within(part: str, whole: str) -> bool:
    """The characters of ``part`` occur in ``whole`` in order (出口, 进口 in 进出口总值)."""
    rest = iter(whole)
    return all(ch in rest for ch in part)


def _share(ind: Indicator) -> bool:
    return ind.unit == "%" and "占" in ind.name


def _measure(ind: Indicator) -> str:
    """What a row measures: its name without adverbials, but a share (…占财政总支出) whole."""
    return ind.name if ind.unit == "%" and "占" in ind.name else _stem(ind.name)


def _after(text: str, end: int) -> str:
    """Words after a figure up to the clause end, a list comma or another figure (其中20家已投产 → 已投产),
    without the figure's own qualifier (95%以上实行备案管理 → 实行备案管理); a 、 or a digit inside
    brackets or quotes is kept (“4+1”专项基金)."""
    i, depth = end, 0
    while i < len(text) and text[i] not in CLAUSE_BREAK and not (text[i].isdigit() and not depth
                                                                  and not _in_latin_word(text, i)):
        if text[i] in "（(“[［〔":
            depth += 1
        elif text[i] in "）)”]］〕":
            depth = max(0, depth - 1)
        elif text[i] == "、" and not depth:
            break
        i += 1
    return LIST_JOIN_END.sub("", AFTER_LEAD.sub("", _without_note_calls(text[end:i]).strip()))


def _without_batch_or_function_words(subject: str) -> str:
    """The words before a count that is followed by its things, without a batch or class at their end (建设首批)
    and empty when they are only function words (又有, 向, 以及): what is left names what was done to them."""
    if subject[-1:] in BATCH_LAST and (batch := BATCH_END.search(subject)):
        subject = subject[:batch.start()]
    return "" if FUNCTION_ONLY.fullmatch(subject) else subject


def _counts_a_noun(text: str, end: int, subject: str) -> bool:
    """A count is followed by the noun it counts (扶持发展2000家农民专业合作社, 动态更新7个项目库): the words
    before it are what was done to the things (a short verb of two characters at most, or any words when the
    noun ends the clause: no other figure or list item follows it)."""
    after = _after(text, end)
    if not after:
        return False
    if len(subject) <= 2:
        return True
    if len(after) < 2 or after.startswith(POINTS_WORDS):
        return False  # 33.6万台套, 1—2个百分点: the rest of a unit, not a noun
    stop = NOUN_STOP.search(text, end)
    return CJK_CHAR.match(text, end) is not None and (stop is None or stop.group() in CLAUSE_END)


def _counts(q: Quantity) -> bool:
    """The figure counts things (47条, 22家, 5万个), rather than measuring an amount (亿元, 吨, %)."""
    _, base = split_unit(q.unit)
    return (base or q.unit).lstrip("万亿") in COUNT_WORDS


def _in_latin_word(text: str, i: int) -> bool:
    """A digit inside a name such as 5G or PM2.5, not the start of another figure."""
    return (i + 1 < len(text) and text[i + 1].isascii() and text[i + 1].isalpha()) or \
        (i > 0 and text[i - 1].isascii() and (text[i - 1].isalpha() or text[i - 1] == "."))


def _measure_words(text: str, start: int, floor: int) -> str:
    """The measure a clause names before the figure, with 完成 kept (完成投资) and 实现 dropped (实现收入 → 收入)."""
    return MEASURE_LEAD.sub("", text[_clause_start(text, start, floor):start].strip())


def _measures_counted(text: str, start: int, floor: int, prev: Indicator) -> bool:
    """The figure is an amount named only by its measure, right after a count of things (see MEASURE_ONLY)."""
    _, base = split_unit(prev.unit)
    counts = (base or prev.unit).lstrip("万亿") in COUNT_WORDS or base in ("人", "户")
    return counts and prev.change is None and MEASURE_ONLY.fullmatch(_measure_words(text, start, floor)) is not None


def _counted_things(name: str, before: str) -> str:
    """The things a count names, without the action done to them (实施亿元以上重点项目 → 亿元以上重点项目);
    "" unless they were named right ``before`` the count (not after it: 的89个项目顺利推进) and are more than a
    verb (竣工70个, 在建34项)."""
    if not before.rstrip().endswith(name):
        return ""
    last = max(ACTION_IN.finditer(name), key=lambda m: m.end(), default=None)
    things = (name[last.end():] if last and len(name) - last.end() >= 2 else name).lstrip("、和及与")
    return things if len(things) >= 3 else ""


def _without_period(name: str) -> str:
    """A name without the part of the year it opens or ends with (居民消费价格四季度 → 居民消费价格)."""
    shorter = PERIOD_ONLY.sub("", name)
    return shorter if len(shorter) >= 2 else name


def _done_to(thing: str, measure: str) -> str:
    """The thing a measure names, without the work done to it before when the measure is work too (新开工保障房,
    竣工 → 保障房竣工); with it for other measures (新签内联项目投资总额)."""
    return _things(thing) if WORK_MEASURE.fullmatch(measure) else thing


def _measured(row: Indicator) -> str:
    """The thing a row measures, without its measure (新签内联项目 → itself; 农产品加工业销售收入 → 农产品加工业;
    粮食播种面积 → 粮食; 扩大内需项目开工建设 → 扩大内需项目), or "" when nothing but a measure is left or the row is a
    rate or share (供销社系统的商品流通费用率10.5%: no thing whose profit follows)."""
    stem = _stem(row.name)
    return MEASURE_END.sub("", stem) if len(stem) > 2 and not (row.unit in ("%", "‰") and row.change is None) else ""


def _without_measure(name: str) -> str:
    """A name without the measure it ends with, or the name when nothing else is left."""
    return MEASURE_END.sub("", name) or name


def _things(name: str) -> str:
    """A name without the action that opens it (新增规模以上工业企业 → 规模以上工业企业)."""
    verb = ACTION_IN.match(name)
    return name[verb.end():] if verb and len(name) - verb.end() >= 2 else name


def _counted(after: str) -> str:
    """The things a count counts, named by what they did: 28个县市达到验收标准 → 达到验收标准的县市."""
    m = COUNTED_PREDICATE.search(after, 2)
    if not m or len(after) - m.start() < 3 or LINKING_END.search(after):
        return after  # nothing done, or the words lead to another figure (人口中参加锻炼人数比例达)
    return after[m.start():] + "的" + after[:m.start()]


def _clause(text: str, start: int) -> str:
    return text[_clause_start(text, start, 0, CLAUSE_END):start]


def _shared_tail(item: str, last: str) -> str:
    """The words after the last listed thing that every item shares (家电、新能源汽车零售额 → 零售额)."""
    share = last.find("占", 1)
    if share > 0:
        return last[share:]  # 制造业增加值、税收占GDP比重: a share applies to every item
    if item.endswith(MEASURE_ENDS):
        return ""  # the item already names a measure (地区生产总值、…收入; 用水量、能耗)
    head = MEASURE_HEAD.search(last, 1) if len(item) > 1 else None  # 一、二、三产业增加值: same length
    if head:
        suffix = last[head.start() - 1]
        start = head.start() - (suffix in NOUN_SUFFIX and head.start() > 1 and not item.endswith(suffix))
        return last[start:]  # 服饰、塑编业产值 → 业产值
    if (latin := LATIN_HEAD.match(last)) and LATIN_HEAD.fullmatch(item):
        return last[latin.end():]  # PM2.5、PM10年均浓度: the last thing's Latin name ends where its words begin
    cut = last.find(item[-1], 0, 6) + 1 if item else 0  # 城镇和农村居民: the item ends where the last one does
    if cut <= 0 and last.endswith("率") and not item.endswith("率") and len(last) >= 5:
        return last[-3:]  # 化肥、农药利用率: a rate word is three characters (利用率, 普及率, 覆盖率)
    return last[cut:] if cut > 0 else last[len(item):]


def _shared_prefix(first: str, item: str) -> str:
    """The words before the first listed measure that a short later one shares (预算收入和支出 → 预算支出)."""
    head = MEASURE_HEAD.search(first, max(0, len(first) - 4))
    if head and head.end() == len(first) and head.start() >= 4 and len(item) <= 4 \
            and (item.endswith(MEASURE_ENDS) or MEASURE_HEAD.fullmatch(item)):  # 省属企业营业收入、利润
        return first[:head.start()]
    return ""


def _each_names(subject: str) -> list[str]:
    """Names for one figure that each listed thing reached (A、B分别下降2%; 城乡…各增长5%)."""
    subject = NAME_TRAIL.sub("", EACH_END.sub("", subject))
    subject = subject[:-1] if subject.endswith("等") and ("、" in subject or "和" in subject) else subject  # A、B、C等
    count = len([s for s in SUBJECT_SPLIT.split(subject) if s])
    if count < 2 and not any(compound in subject for compound in COMPOUNDS):
        return [subject]  # nothing listed to share the figure
    return _distribute_names(subject, count if count > 1 else 2, each=True)


def _distribute_names(subject: str, count: int, each: bool = False) -> list[str]:
    """Split ``城镇和农村常住居民人均可支配收入`` into one full name per listed thing.

    ``A、B分别完成投资`` gives ``A投资``, ``B投资``: the measure after 分别/各 is shared (``each``: the
    figures are one per thing, so a two-in-one word such as 城乡 splits); so are
    an adverbial after the list (A、B年均分别增长 → A, B), a share (A、B占GDP比重) and a measure noun.
    """
    m = EACH.search(subject) if "分别" in subject or "各" in subject else None
    if m:
        measure = NAME_LEAD.sub("", re.sub(r"^(?:完成|实现|达到|达|为)", "", subject[m.end():]))
        return [n + measure for n in _distribute_names(subject[:m.start()], count, each=True)]
    if count < 2:
        return [subject] * count  # one figure: one name (what the end of this function gives it)
    items = [s for s in SUBJECT_SPLIT.split(subject) if s]
    if len(items) == 1 and count == 2 and each:  # 城乡居民收入分别…: a two-in-one word, but not
        # 进出口总额接连突破8万亿元、9万亿元 (two levels of one thing)
        for compound, (first, second) in COMPOUNDS.items():
            if compound in subject:
                return [subject.replace(compound, first, 1), subject.replace(compound, second, 1)]
    if len(items) == 1 and count == 3 and "三次产业" in subject:  # 三次产业…分别为A、B、C: the three sectors
        return [subject.replace("三次产业", sector, 1) for sector in ("第一产业", "第二产业", "第三产业")]
    if len(items) != count or count < 2:
        return [subject] * count
    if (etc := EXAMPLES_END.search(items[-1], 1)) and (MEASURE_HEAD.search(tail := items[-1][etc.end():])
                                                       or tail.endswith(MEASURE_ENDS)):
        # 食品、石化、医药、信息等产业增加值: what follows 等 is every listed thing's (not 指标, 方面)
        return [item + (tail if not item.endswith(MEASURE_ENDS) else "") for item in items[:-1]] \
            + [items[-1][:etc.start()] + tail]
    if all(ORDINAL_ITEM.fullmatch(item) for item in items[:-1]) and items[-1].lstrip("第")[:1] in CN_ORDINALS:
        # 第一、二、三产业增加值, 第一、第二和第三产业…: ordinals of one noun, printed once after the last
        prefix = "第" if items[0].startswith("第") else ""
        rest = items[-1].lstrip("第")[1:]
        return [prefix + item.lstrip("第") + rest for item in items[:-1]] + [prefix + items[-1].lstrip("第")]
    last = LIST_ADVERBIAL.sub("", items[-1]) or items[-1]
    rate = last.endswith(RATE_ENDS + ("率",))  # 利税和利润增速, 化肥、农药利用率: a rate is shared by a longer item too
    names = [item if len(item) >= len(last) and not (rate and not item.endswith(MEASURE_ENDS))
             else item + _shared_tail(item, last) for item in items[:-1]]
    names.append(last)
    for k in range(1, len(names)):
        names[k] = _shared_prefix(names[0], items[k]) + names[k]
    return names


def _paired(q: Quantity, after: Quantity) -> bool:
    """Two values of different units printed with nothing between (251户995人, 12条21公里): two counts of one
    thing, not a list."""
    return after.start == q.end and q.unit != after.unit and not (q.is_change or after.is_change)


def _runs(text: str, qs: list[Quantity]) -> list[list[Quantity]]:
    """Group quantities into lists: same kind, separated only by 、 和 及 (or nothing, for changes)."""
    runs: list[list[Quantity]] = []
    for q in qs:
        prev = runs[-1][-1] if runs else None
        same_kind = prev is not None and ((prev.is_change or prev.unit == "%") == (q.is_change or q.unit == "%")
                                          or (not prev.is_change and not q.is_change  # A、B、C分别达到x%、y%、z平方米
                                              and "分别" in text[max(0, runs[-1][0].start - 8):runs[-1][0].start]))
        if prev and same_kind and LIST_SEP.match(text[prev.end:q.start]) and not (q.is_change and q.verb_start) \
                and not _paired(prev, q):
            if prev.is_change:
                q.is_change, q.negative = True, prev.negative
            runs[-1].append(q)
        else:
            runs.append([q])
    return runs


class _Part:
    """Kind and period that apply to figures inside one top-level part of the document."""

    def __init__(self, node: Node, index: int, year: int | None, work_report: bool, bulletin: bool = False,
                 review_year: int | None = None, years_plan: bool = False) -> None:
        if node.kind == "topic":  # a top-level topic (a document without headings) heads no part of its own:
            title, index = "", 0  # it is one of the untitled body's
        else:
            title = node.title.translate(FULL_WIDTH_DIGITS)  # 一、１９９０年计划的执行情况
        self.bulletin = bulletin
        self.review_year = review_year
        self.horizon: tuple[int | None, int] | None = None  # 到2012年 opening a paragraph of goals
        review, goals = REVIEW_PART.search(title), GOAL_PART.search(title)
        times = list(TIME_PHRASE.finditer(title, review.end(), goals.start())) if review and goals \
            and review.start() < goals.start() else []
        self.goals_open = times[-1].group() if times else ""  # the opening that turns the part to its goals
        self.goals_reached = False
        self.neutral = False  # the heading names neither a review nor plans (关于社会主义建设): position decides
        named = YEAR.search(title)
        if review or BUDGET_OUTTURN in title:
            self.kind = "actual"
        elif PLAN_PART.search(title) or (BUDGET in title and not BUDGET_RESULTS.search(title)):
            self.kind = "target"
        elif named and review_year is not None and int(named.group(1)) <= review_year:
            self.kind = "actual"  # 二、2022年预算收支情况: a year under review or before it
        else:
            self.kind = "actual" if index == 0 else "target"
            self.neutral = index > 0
        m = YEAR.search(title)
        plan = PLAN_SPAN.search(title)
        self.period_start: int | None = None
        if plan and self.kind == "target":  # 二、“十五五”时期主要目标任务: the plan's years
            self.period_start, self.period = plan_years(cn_to_int(plan.group(1)))
        elif m:
            self.period: int | None = int(m.group(1))
        elif year is not None and self.kind == "actual" and work_report:
            self.period = year - 1  # a report's review of a plan period reports its last year most
        elif plan:  # 一、“十五”时期工作回顾 where no year of the report is known: the plan's years
            self.period_start, self.period = plan_years(cn_to_int(plan.group(1)))
        else:  # a plan of several years dates a figure only where its text or heading names the year
            self.period = None if years_plan else year


def _class_label(sentence: str, q: Quantity, groups: bool) -> bool:
    """A figure that names a class of things, not a quantity measured: 30万吨级航道, 超10亿元的龙头企业,
    60岁以上老人, 0—6岁儿童, 750千伏电网工程. ``groups``: the sentence holds 中 (…城市中), looked up once
    per sentence, not once per figure."""
    after = sentence[q.end:q.end + 4]
    if after.startswith("级") or (q.unit in ("万", "亿") and after[1:2] == "级"):
        return True  # 30万吨级: the unit word sits before 级
    if q.unit == "岁" and (q.value_max is not None or AGE_BOUND.match(after)):
        return True
    if q.unit == "千伏":
        return True  # 750千伏电网工程, 500千伏变电站: a voltage names a class of lines
    if sentence[q.start - 1:q.start] == "前" and q.start:
        return True  # 进入ESI全球前1%, 居全国前3位: a rank
    if after[:3] in ("以上的", "以下的") and q.unit not in ("%", "‰") \
            and not sentence.startswith(MEASURED_AFTER_BOUND, q.end + 3) and not acted_on(sentence, q.start, q.end):
        return True  # 城区常住人口300万以下的城市: a bound of a class (80%以上的大城市 is a share of them, and
        # 45万人以上的目标 the size of a goal)
    if groups and GROUP_BEFORE.search(sentence, max(0, q.start - 10), q.start) \
            and GROUP_AFTER.match(sentence, q.end):
        return True  # 在监测的339个地级及以上城市中: the group a share is of
    return bool("的" in after and THRESHOLD_AFTER.match(after)
                and THRESHOLD_BEFORE.search(sentence, max(0, q.start - 3), q.start))


def _basis_parameter(sentence: str, q: Quantity) -> bool:
    """A figure inside a basis clause (按照每人每年2300元（2010年不变价）的农村贫困标准计算): it sets the
    standard that defines what is counted, and is no indicator."""
    return any(start < q.start < end for start, end in _basis_spans(sentence))


@lru_cache(maxsize=4)  # the sentence at hand
def _basis_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in BASIS.finditer(sentence))


def _document_count(sentence: str, q: Quantity) -> bool:
    """A count of documents or meetings (审议通过11项法律, 出台22条举措, 制定政府规章12项, 召开会议3次): no
    indicator, as the gold conventions say."""
    if split_unit(q.unit)[1] not in DOCUMENT_COUNTERS:
        return False
    after = _after(sentence, q.end)
    predicate = COUNTED_PREDICATE.search(after, 2)  # 303件政协提案|全部办复: the things, not what was done
    if DOCUMENTS.match(after[:predicate.start()] if predicate else after):
        return True
    shared = SHARED_DOCUMENTS.match(sentence, q.end)  # 20条助企纾困和15条稳定生产经营等政策措施: the list
    if shared and not COUNTED_PREDICATE.search(shared.group()):  # shares its document noun
        return True
    # the name is worked out only when its clause holds a document word (most counts count no documents)
    return bool(DOCUMENT_WORD.search(sentence, _clause_start(sentence, q.start), q.start)
                and DOCUMENTS_END.search(_name(sentence, q.start, 0)))


def _sentence_indicators(sentence: str, node_id: str | None, part: _Part) -> list[Indicator]:
    basis, compares, plans = "计算" in sentence, "比" in sentence, "计划" in sentence  # once per sentence: a long
    groups, says_unchanged = "中" in sentence, "持平" in sentence  # one holds many figures
    qs = [q for q in scan(sentence) if q.is_change or not (_class_label(sentence, q, groups)
                                                           or _document_count(sentence, q)
                                                           or (basis and _basis_parameter(sentence, q)))]
    out: list[Indicator] = []
    pending: list[Indicator] = []
    pending_end = 0
    floor = 0
    group_base, group_last = "", None  # the measure that 其中城镇为…，农村为… name their groups of
    last_count: tuple[Indicator | None, int] = (None, 0)  # the last value and where its figure starts
    compared: Indicator | None = None  # a level compared with a base (…27.9%，比五五计划时期的38.1%…)
    compared_base: Indicator | None = None  # that base's row
    asides = _asides(sentence) if "（" in sentence or "(" in sentence else ()
    # A figure inside brackets (…21743万辆（包括…820万辆），比上年末增长11.8%) takes no change from outside them,
    # gives none to the figure before them, and is no previous row to the figures after them: its rows are set
    # aside and put back in place at the end.
    aside: tuple[int, int] | None = None  # the bracketed aside the last run stood in
    outer: tuple[list[Indicator], int] = ([], 0)  # what waits for a change outside it, and where that ends
    aside_from = 0  # where its rows begin in ``out``
    set_aside: list[tuple[int, list[Indicator]]] = []
    # A value printed right before another (消除风险251户995人): the words after the pair name what both count.
    pairs = [(q, after) for q, after in zip(qs, qs[1:], strict=False) if _paired(q, after)]
    pair_end = {q.end: after.end for q, after in pairs}  # the first figure's end -> the second's
    # the second figure's start -> the first's, where both count one thing (not 投资593亿元28个项目: the
    # projects are counted, the money is theirs)
    pair_start = {after.start: q.start for q, after in pairs if not (split_unit(q.unit)[1] in MONEY and _counts(after))}
    for run in _runs(sentence, qs):
        first = run[0]
        k = bisect_right(asides, (first.start,)) - 1  # the last aside opening before the figure
        within = asides[k] if k >= 0 and first.start < asides[k][1] else None
        if within is not None and within != aside and not (out and floor and not sentence[floor:within[0]].strip()):
            within = None  # brackets right after a name hold its level (农业总产值（604亿元）比1956年增长3.5%)
        if within != aside:
            if aside is not None:
                pending, pending_end = outer
                set_aside.append((aside_from, out[aside_from:]))
                del out[aside_from:]
            if within is not None:
                outer, pending, aside_from = (pending, pending_end), [], len(out)
            aside = within
        percent_name = _name(sentence, first.start, floor) if not first.is_change and first.unit == "%" else None
        # (a name left empty, the words before it may still give the new level of a rate: 从14.8%降到10%)
        before = sentence[max(0, first.start - 8):first.start]
        if not first.is_change and percent_name is not None \
                and _is_rate(percent_name or sentence[floor:first.start], out, before, first.value):
            first.is_change, first.negative = True, FALLS.search(percent_name) is not None
        if first.is_change:
            verb_start = first.verb_start if first.verb_start is not None else first.start
            points = first.unit in POINTS  # a change in points is a row of its own (gold conventions)
            if pending and not points and ATTACH_GAP.match(_without_asides(sentence, pending_end, verb_start, asides)):
                # one change for the last thing, or one for each of as many things (A…，B…，分别增长x和y)
                if len(run) == 1 and len(pending) >= 2 and _share(pending[-1]) and not _share(pending[-2]):
                    pending = pending[:-1]  # 321.6亿元，占财政支出84.2%，同比增长8.1%: the amount grew, not its share
                targets = pending[-len(run):] if len(pending) >= len(run) else pending[-1:] * len(run)
                for ind, q in zip(targets, run, strict=False):
                    _set_change(ind, q)
                pending = []
                floor = run[-1].end
                continue
            subject = _name(sentence, verb_start, floor)
            level = None
            if out and (subject.startswith(("（", "(")) or CONTINUING_ONLY.fullmatch(subject)):
                subject = ""  # （2017-2019年年均增长5%）: a note on the figure before
            if out and (not subject or CHANGE_WORDS_ONLY.match(subject) or NEW_LEVEL.match(subject)):
                # …3545万公顷，减少132万公顷 / 实际增长8.6% / 下降到13.5%: the same thing; but a change in
                # points after a share (占…比重75%，比上年提高0.7个百分点) is the share's
                past_base = compared is not None and out[-1] is compared_base
                level = compared if past_base else out[-1]  # past a base: the change is the level's
                share = (points or past_base) and level.unit == "%" and "占" in level.name
                subject = level.name if share else _without_period(_stem(level.name))  # (…四季度上涨4.7%，全年…)
            elif out and (NAME_CONTINUES.match(subject) or COMPARISON_GAP.fullmatch(subject)):
                subject = _stem(out[-1].name) + subject  # …8亿吨公里，平均每年增长13.3%; …，高于全国0.7个百分点
                level = out[-1]
            elif out and (rest := _past_years_span(subject)) is not None \
                    and (CHANGE_WORDS_ONLY.match(rest) or NAME_CONTINUES.match(rest)):
                subject = _stem(out[-1].name) + rest  # …42辆，比上年增长8%，五年年均增长16.1%: the thing's, over them
                level = out[-1]
            elif out and PERIOD_ONLY.fullmatch(subject) \
                    and (period := PERIOD_ONLY.search(thing := _stem(out[-1].name))) \
                    and len(thing) > period.end() - period.start():
                # 一季度国内生产总值下降6.8%，二季度增长3.2%; 居民消费价格一季度上涨2.2%，二季度…: the same thing's
                subject = thing[:period.start()] + subject + thing[period.end():]
            elif out and MEASURE_ONLY.fullmatch(subject) and (thing := _measured(out[-1])) \
                    and thing in sentence[:verb_start]:
                subject = thing + subject  # …企业120家，产值增长18%: the firms' output
            elif not out and not EACH_END.sub("", subject):  # 外贸出口止跌回升，比上年增长3.3%; A、B等投资，分别增长…
                subject = _clause_before(sentence, verb_start, floor) + subject
            if "比" in subject or "较" in subject:
                tail = COMPARISON_TAIL.search(subject)  # 消费品工业的产值比1985年增长40%: the change of the thing
                subject = subject[:tail.start()] if tail and tail.start() > 0 else subject
            if rate := RATE_NOUN.match(sentence, verb_start):
                subject += rate.group()  # 物价上涨幅度控制在10%以内: the measure is the rise
            names = _distribute_names(subject, len(run))
            if len(run) > 1 and len(out) >= len(run) and not EACH_END.sub("", subject).strip():
                names = [ind.name for ind in out[-len(run):]]  # X比重a%，Y比重b%，分别提高m、n个百分点
            if len(run) == 1 and (EACH_BEFORE.search(sentence, max(floor, verb_start - 4), verb_start)
                                  or EACH_AFTER_VERB.search(sentence, verb_start, first.start)):
                names = _each_names(subject)  # A、B排放量分别下降2%: one figure for every listed thing
                run = run * len(names)
            for name, q in zip(names, run, strict=True):
                ind = _new(name, sentence, node_id, part, verb_start, q.end)
                _set_change(ind, q)
                _kind_of_level(ind, level, sentence, verb_start)
                out.append(ind)
            pending = []
        else:
            if len(run) == 1 and out and out[-1].value is None and out[-1].change is not None and floor \
                    and out[-1].change_unit not in POINTS \
                    and LEVEL_AFTER_CHANGE.fullmatch(sentence, floor, first.start):
                _set_level(out[-1], first)  # 地区生产总值增长5.5%、达到10.3万亿元: one row
                pending, pending_end, floor = [], run[-1].end, run[-1].end
                continue
            subject = percent_name if percent_name is not None else _name(sentence, first.start, floor)
            if not subject and out and len(run) == 1 and sentence[first.start - 1] == "的" \
                    and COMPARED_WITH.fullmatch(clause := sentence[_clause_start(sentence, first.start, floor):
                                                                   first.start].strip()):
                subject = clause  # 比上年的100亿元: a base (names leave out 比上年, which dates a change)
            grouped = increase = False
            if out and (rest := _past_years_span(subject)) and CHANGE_WORDS_ONLY.match(rest):
                subject = rest  # …42辆，五年增加32辆: the same thing's increase over them
            listed = ""
            if floor and subject[-1:] in LIST_JOIN_END_LAST and LIST_JOIN_END.search(subject):
                subject = ""  # 5个棚户区和12个老旧小区改造: the words before are the previous figure's things
            if (not subject or subject[0] in NAME_PREFIX_FIRST or subject[0].isdigit()) \
                    and NAME_PREFIX.fullmatch(subject):
                subject = ""  # 年末全国共有1264万人享受…: only a time and place before the figure
            elif "等" in subject and (examples := list(EXAMPLES_END.finditer(subject))):
                # examples, then their kind: 改造迎亲大桥等桥梁7座 → 桥梁; 人大附中拉萨学校等11所学校 → after
                listed = subject[:examples[-1].start()]  # …城乡书房等300个: the examples name the things counted
                subject = subject[examples[-1].end():]  # when no kind follows 等 nor the count
            if len(run) > 1 and not EACH_END.sub("", subject):
                subject = _clause_before(sentence, first.start, floor)  # A和B，累计分别达到1016家和591家
            names = _distribute_names(subject, len(run))
            if len(run) == 1 and EACH_BEFORE.search(sentence, max(floor, first.start - 4), first.start):
                names = _each_names(subject)
                run = run * len(names)
            # past the value printed right after it, if any, or a class printed there (11个20亿元以上重大项目)
            words_end = pair_end.get(first.end) or figure_after(sentence, first.end)
            if len(run) == 1 and _after(sentence, words_end):
                subject = _without_batch_or_function_words(subject)
                if subject[-1:] in TIME_END_LAST and (time := TIME_END.search(subject)) and time.start() \
                        and ACTION_END.search(subject, 0, time.start()):
                    subject = subject[:time.start()]  # 成功应对汛期12轮强降雨: when, between the verb and the count
            if len(run) == 1 and out and last_count[0] is out[-1] and last_count[1] == pair_start.get(first.start):
                names = [out[-1].name]  # 251户995人: the pair's second figure counts what its first does
            elif len(run) > 1 and len(out) >= len(run) and all(q.unit == "倍" for q in run):
                names = [ind.name for ind in out[-len(run):]]  # A…，B…，分别为1982年的3.4倍和2.2倍: A's and B's
            elif len(run) == 1 and (not subject or subject in BARE_VERBS
                                    or (subject[-1] in ACTION_END_LAST and ACTION_END.search(subject))
                                    or (_counts(first) and _counts_a_noun(sentence, words_end, subject))):
                # 启动5家小微园建设: a bare verb before the figure, the thing after it.
                counted = _counted(_after(sentence, pair_end.get(run[-1].end) or figure_after(sentence, run[-1].end)))
                if not counted and out and subject in CHANGE_VERBS_BARE:
                    names = [_stem(out[-1].name) + subject]  # 余额增长8.5%，新增4万多亿元: the thing's own increase
                elif not counted and subject and subject[-1] in ACTION_END_LAST \
                        and (verb := ACTION_END.search(subject)) and VERB_ADVERBS.fullmatch(subject[:verb.start()]) \
                        and (thing := (_measured(out[-1]) or _stem(out[-1].name)) if out
                                  else _clause_before(sentence, first.start, floor)):
                    # 启动老旧小区改造项目113个、惠及1.1万户: what the thing did
                    names = [_done_to(thing, subject) + subject]
                else:
                    names = [(subject + counted) or listed or (_level_of(out[-1].name) if out else
                                                               _clause_before(sentence, first.start, floor))]
            elif out and aside and (part_of := SIDE_PART.match(subject)) and part_of.group(1):
                names = [part_of.group(1)] * len(run)  # （包括三轮汽车和低速货车820万辆）: a part, named there
            elif out and (CONTINUING_ONLY.fullmatch(subject) or subject.startswith(("（", "("))):
                names = [_stem(out[-1].name)] * len(run)  # …增长9.2%，首次突破500亿元; （折1310亿美元）: the same thing
            elif out and RELATIVE_NOUN.fullmatch(subject) and split_unit(out[-1].unit)[1] == split_unit(first.unit)[1]:
                names = [_things(_stem(out[-1].name)) + subject] * len(run)  # 新增企业535户，总数达到3159户
            elif out and CHANGE_WORDS_ONLY.match(subject) and not (subject and sentence[first.start - 1] == "的"):
                names = [_stem(out[-1].name) + subject] * len(run)  # …30320万人，增加789万人: the same thing (but
                # 比1990年的17400亿元 names a base, below)
                increase = True
            elif out and NEW_LEVEL.match(subject):
                names = [_stem(out[-1].name)] * len(run)  # 由84万元上升到271万元: the same thing's new level
            elif out and subject in GROUPS and (other := GROUP_OPENING.match(out[-1].name)) \
                    and other.group() != subject:
                names = [subject + out[-1].name[other.end():]] * len(run)  # 农村居民…比重为41.1%，城镇为35.7%
            elif out and len(subject) <= 2 and "其中" in sentence[max(0, first.start - 24):first.start]:
                # 恩格尔系数…其中城镇为28.6%，农村为31.2%: 城镇恩格尔系数, 农村恩格尔系数
                group_base = group_base if out[-1] is group_last else _stem(out[-1].name)
                # but 进出口总值…，其中出口265.9亿美元: a part the whole's name holds is a quantity of its own
                names = [subject if subject and _within(subject, group_base) else subject + group_base] * len(run)
                grouped = True
            elif out and len(run) == 1 and sentence[first.start - 1] == "的" \
                    and (base := COMPARED_WITH.fullmatch(subject)):
                measure = _measure(out[-1])  # 比上年末的250亿元 after 年末存款余额: 上年末存款余额
                names = [base.group(1) + (measure[2:] if base.group(1).endswith(("末", "底"))
                                          and measure.startswith(("年末", "年底")) else measure)]
                # 占…的27.9%，比五五计划时期的38.1%: the base's
                compared = out[-1]
            elif out and (continued := NAME_CONTINUES.match(subject)):
                names = [_stem(out[-1].name) + name for name in names]
                increase = bool(CHANGE_WORDS_ONLY.match(subject[continued.end():]))  # 平均每年增加38亿元
            elif len(run) == 1 and last_count[0] is not None and last_count[0] is (out[-1] if out else None) \
                    and (things := _counted_things(out[-1].name, sentence[:last_count[1]])) \
                    and _measures_counted(sentence, first.start, floor, out[-1]):
                measure = _measure_words(sentence, first.start, floor)
                names = [_done_to(_without_measure(things), measure) + measure]
            elif out and MEASURE_ONLY.fullmatch(subject) and (thing := _measured(out[-1])) \
                    and thing in sentence[:last_count[1] if last_count[0] is out[-1] else first.start]:
                # …销售收入3000亿元，利润200亿元: the same thing's profit (when the thing was named before its figure,
                # not after it: 总投资55.6亿元的89个项目顺利推进，实现产值…)
                names = [_done_to(thing, subject) + subject] * len(run)
            for name, q in zip(names, run, strict=True):
                ind = _new(name, sentence, node_id, part, first.start, q.end)
                if compared is not None and compared_base is None:
                    compared_base, ind.kind = ind, "actual"  # 比五五计划时期的38.1%: the base is what was
                    if year := NAMED_YEAR.match(name):  # 比1990年的17400亿元: the level of that year
                        ind.period_start, ind.period = None, _year(year.group(1))
                    elif name.startswith(YEAR_BEFORE) and isinstance(compared.period, int):
                        ind.period_start, ind.period = None, compared.period - 1  # 比上年的: the year before
                ind.value, ind.unit, ind.value_max = q.value, q.unit, q.value_max
                ind.qualifier = q.qualifier
                mult, base = split_unit(q.unit)
                if base:
                    ind.value_base, ind.base_unit = q.value * mult, base
                if increase:
                    _kind_of_level(ind, out[-1], sentence, first.start)
                if ind is compared_base and q.unit not in ("%", "‰"):
                    # 2660亿元，比1980年的2187亿元增长21.7%，平均每年增长4%: the level, not its base, grew; the base
                    # row is set aside like a figure in brackets (a share's change is a difference of shares, a
                    # row of its own: 27.9%，比五五计划时期的38.1%下降了10.2%)
                    set_aside.append((len(out), [ind]))
                    continue
                out.append(ind)
                last_count = (ind, first.start)
                group_last = ind if grouped else group_last
                if increase:
                    pass  # …61791万吨，比上年增加166万吨，增产0.3%: the output, not the increase, grew 0.3%
                elif compares and COMPARISON_BASE.search(_clause(sentence, first.start)):
                    pending = []  # a base of comparison (27.9%，比…的38.1%下降了10.2%): the change is its own row
                elif q.unit == "倍":
                    pass  # 502亿元，是2002年的2.56倍，年均增长26.4%: the amount, not its multiple, grew
                elif plans and PLAN_SHARE.search(sentence, max(floor, first.start - 8), first.start):
                    pass  # 35343万吨，完成计划106%，比上年增长8.7%: the level, not its share of the plan, grew
                elif len(run) == 1 and says_unchanged and UNCHANGED.match(sentence, q.end):
                    ind.change = 0.0  # 年末城镇登记失业率为4.1%，与上年末持平
                    ind.change_unit = POINTS[0] if q.unit == "%" else POINTS[1] if q.unit == "‰" else "%"
                else:
                    pending.append(ind)  # a thing measured waits for a change after it
            pending_end = run[-1].end
        floor = run[-1].end
    for k, rows in reversed(set_aside):
        out[k:k] = rows
    return out


def _past_years_span(subject: str) -> str | None:
    """The words after a span of years that opens ``subject`` (五年年均 → 年均, 五年 → ""), or None without one."""
    span = YEARS_SPAN.match(subject)
    return subject[span.end():] if span else None


@lru_cache(maxsize=4)  # the sentence at hand
def _asides(sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of the outermost bracket pairs of ``sentence`` that hold a digit (a side figure), in order."""
    spans, depth, start = [], 0, 0
    for m in BRACKET.finditer(sentence):
        if m.group() in "（(":
            depth += 1
            if depth == 1:
                start = m.start()
        elif depth:
            depth -= 1
            if depth == 0 and DIGIT_CHAR.search(sentence, start, m.end()):
                spans.append((start, m.end()))
    return tuple(spans)


def _without_asides(sentence: str, start: int, end: int, asides: tuple[tuple[int, int], ...]) -> str:
    """``sentence[start:end]`` without the bracketed asides wholly inside it."""
    inside = []
    k = bisect_right(asides, (start,))  # the first aside opening at or after ``start``
    while k < len(asides) and asides[k][0] < end:
        if asides[k][1] <= end:
            inside.append(asides[k])
        k += 1
    if not inside:
        return sentence[start:end]
    pieces, pos = [], start
    for a, b in inside:
        pieces.append(sentence[pos:a])
        pos = b
    return "".join(pieces) + sentence[pos:end]


def _kind_of_level(ind: Indicator, level: Indicator | None, sentence: str, pos: int) -> None:
    """A change or an increase of a level takes the level's kind (拟安排…3000亿元，比上年预算减少198亿元: a
    budget; 比上年 names the base, not a result), unless its own clause states a goal."""
    clause = _clause(sentence, pos)
    if level is not None and level.kind != ind.kind and (level.kind == "target" or not TARGET_CUES.search(clause)) \
            and "由" not in clause and "从" not in clause:  # 由23.9%下降为21%: a new level, not the start's
        ind.kind = level.kind  # (the change of a goal is a goal; a goal stated for the change stays one)


def _set_level(ind: Indicator, q: Quantity) -> None:
    """Give a change-only row the level that follows its change."""
    ind.value, ind.unit, ind.value_max = q.value, q.unit, q.value_max
    ind.qualifier = ind.qualifier or q.qualifier
    mult, base = split_unit(q.unit)
    if base:
        ind.value_base, ind.base_unit = q.value * mult, base


def _set_change(ind: Indicator, q: Quantity) -> None:
    sign = -1.0 if q.negative else 1.0
    ind.change = sign * q.value
    ind.change_unit = q.unit if q.unit in CHANGE_UNITS else "%"
    ind.change_max = sign * q.value_max if q.value_max is not None else None
    if q.qualifier and not ind.qualifier:
        ind.qualifier = q.qualifier


def plan_years(ordinal: int) -> tuple[int, int]:
    """First and last year of the n-th five-year plan (一五 1953–1957 … 六五 1981–1985 … 十四五 2021–2025)."""
    early = {1: 1953, 2: 1958, 3: 1966, 4: 1971, 5: 1976}
    start = early.get(ordinal, 1981 + 5 * (ordinal - 6))
    return start, start + 4


def period_of(before: str, review_year: int | None) -> tuple[int | None, int | None]:
    """``(period_start, period)`` the words before a figure give it, or ``(None, None)``.

    到2035年 → 2035; 2021—2025年 → 2021, 2025; 十四五期间 (累计, 年均, 时期) → 2021, 2025;
    过去五年 / 五年来 → the five years up to the year under review; 2024年 → 2024.
    """
    window = before[-PERIOD_REACH:]
    year = "年" in window  # every pattern below but PLAN_SPAN needs a 年 (most windows have none)
    if m := (BY_YEAR.search(window) if year else None) or BY_YEAR.search(before[:SENTENCE_OPENING]):
        return None, int(m.group(1))  # 到2025年 before the figure, or opening its sentence
    if year and (m := YEAR_RANGE.search(window)):
        return int(m.group(1)), int(m.group(2))
    if "五" in window and (m := PLAN_SPAN.search(window)):
        return plan_years(cn_to_int(m.group(1)))
    if year and review_year is not None and FIVE_YEARS.search(window):
        return review_year - 4, review_year
    if year and (m := LAST_YEAR_NAMED.search(window)):
        return None, int(m.group(1))
    return None, None


def kind_of(window: str, before: str, part_kind: str, bulletin: bool = False,
            review_year: int | None = None, opening: str = "", future: bool = False) -> str:
    """``actual`` or ``target`` from the wording around a figure; the part of the document decides last.

    ``window`` is the clause that holds the figure, ``before`` the clause before it.
    A communiqué reports results only. Firm goal words (力争, 目标, 拟, 到2030年) make
    a target; a comparison with the past (比上年, 比去年) makes an actual; 预计 is an
    estimate of the year under review in a review part; other goal words (要, 将)
    make a target; else the part decides. 到1995年 up to the year under review (``review_year``)
    reports a result, not a goal. ``opening``, the sentence's first clause when it is neither, sets a
    plan for the coming year (今年拟安排…，比去年增加…，赤字率提高到3%) for every figure after it whose own
    clause compares with no past. ``future``: the figure's clause in a plan part says what will be
    (将首次达到…), which a comparison with the past after it does not make a result.
    """
    if bulletin:
        return "actual"
    if review_year is not None:
        def past(m: re.Match) -> str:
            return "" if int(m.group(1)) <= review_year else m.group()
        if "到" in window:
            window = BY_YEAR.sub(past, window)
        if "到" in before:
            before = BY_YEAR.sub(past, before)
    context = before + window
    if not ANY_CUE.search(context):
        return part_kind  # what the tests below come to without a cue word (most figures)
    met = GOAL_MET.search(window)  # 超过全年预期目标: a result, and no goal of its own
    if met or "目标" in before:  # nor is a goal met in the clause before one for this figure
        window, before = GOAL_MET.sub("", window), GOAL_MET.sub("", before)
        context = before + window
    firm = REVIEW_TARGET_CUES if part_kind == "actual" else FIRM_TARGET_CUES
    if firm.search(window):
        return "target"
    if opening and THIS_YEAR in opening and firm.search(opening) and not RESULT_CUES.search(window):
        return "target"
    if part_kind == "target" and MODAL_COMPARISON.search(window):
        return "target"  # 劳动生产率将比上年提高17.2%, 规模要比上年压缩920亿元: what will be, compared with the past
    result = RESULT_CUES.search(window) or PAST_TIME.search(context) or met
    if firm.search(before) and (not result or THIS_YEAR in before):  # 今年拟安排…，比去年增加…: a plan
        return "target"
    if result:  # unless the figure's clause says what will be (支出规模将首次达到30万亿元、比上年增加…)
        return "target" if future else "actual"
    if ESTIMATE in window or ESTIMATE in before:
        return part_kind
    if part_kind == "actual":
        window = DISPOSAL.sub("", window)  # 将2.8万亿元资金纳入直达范围: what was done to a thing, no plan
    if (REVIEW_WEAK_CUES if part_kind == "actual" else TARGET_CUES).search(window):
        return "target"
    return part_kind


def _past_year(clause: str, review_year: int | None) -> bool:
    """The clause names a year of its own up to the year under review (一九五九年的农业产值达到…)."""
    if review_year is None or "年" not in clause:
        return False
    return any(_year(m.group(1)) <= review_year for m in OWN_YEAR.finditer(clause))


def _year(number: str) -> int:
    """A year in digits or in words (一九九〇)."""
    return int(number) if number.isdigit() else cn_to_int(number)


def _goal_lead(sentence: str, pos: int) -> bool:
    """The sentence announces goals before ``pos`` (…具体目标要求是：城镇化率达68%), not goals met."""
    return _goal_lead_end(sentence) <= pos


@lru_cache(maxsize=4)  # the sentence at hand
def _opening_clause(sentence: str) -> str:
    """The sentence's first clause (今年拟安排财政赤字2.18万亿元)."""
    return _clause(sentence, _break_ends(sentence, CLAUSE_END)[0] - 1)


@lru_cache(maxsize=4)  # the sentence at hand
def _goal_lead_end(sentence: str) -> int:
    """Where the sentence's first announcement of goals ends, or past its end."""
    for lead in (GOAL_LEAD.finditer(sentence) if "目标" in sentence else ()):
        if not GOAL_MET.search(sentence, max(0, lead.start() - 12), lead.end()):
            return lead.end()
    return len(sentence) + 1


def _new(name: str, sentence: str, node_id: str | None, part: _Part, pos: int, end: int | None = None) -> Indicator:
    """An indicator at ``pos`` (the figure or its change verb; ``end`` where the figure ends)."""
    clause = _clause(sentence, pos)
    window = clause + sentence[pos:max(pos, end or pos) + CUE_AFTER]
    starting = ("由" in clause or "从" in clause) and bool(NAME_FROM.search(clause))
    if starting:
        kind = "actual"  # a starting point (由84万元上升到…, 从人均40元提高到45元) is where things stand
    elif part.bulletin:
        kind = "actual"  # as kind_of says for a communiqué, without looking for the clause before
    else:
        start = pos - len(clause)  # where the figure's clause starts
        previous = _clause(sentence, max(start - 1, 0))  # the clause before, for 今年拟安排…，比去年…
        opening = _opening_clause(sentence) if start > 0 else ""
        future = part.kind == "target" and "将" in clause and FUTURE_VERB.search(clause) is not None \
            and not PAST_TIME.search(clause)
        kind = kind_of(window, previous, part.kind, part.bulletin, part.review_year,
                       opening if opening != previous else "", future)
        if kind == "actual" and _goal_lead(sentence, pos) and not RESULT_CUES.search(window):
            kind = "target"  # 今后五年…具体目标要求是：城镇化率达68%，… in a review part
    if kind == "target" and part.neutral and not TARGET_CUES.search(clause) and not FUTURE_TIME.search(clause) \
            and (COMPLETED.search(clause) or _past_year(clause, part.review_year) or STATISTICS.match(sentence)):
        kind = "actual"  # 而1956年这一年就增加了一百三十九亿元, in a chapter 关于社会主义建设
    hedge = next((h for h in HEDGES if h in clause), "") if kind == "target" else ""
    before = _reach(sentence, pos)
    period_start, period = period_of(before, part.review_year)
    if period is None and kind == "target" and part.horizon is not None and _own_time_end(sentence) > pos:
        period_start, period = part.horizon  # 到2012年，…。 opening the paragraph reaches its later goals
    if period is None:
        period_start, period = part.period_start, part.period
    if starting and FROM_YEAR_BEFORE.search(clause) and isinstance(period, int) and period_start is None:
        period -= 1  # 升学率由上年的79.7%提高到81.8%: where the year before the sentence's ended
    elif starting and part.review_year and not LAST_YEAR_NAMED.search(clause):
        period_start, period = None, part.review_year  # 从人均40元提高到45元: 40元 is where the year under review ended
    ind = Indicator(id="", node=node_id, name=name[-MAX_NAME:].lstrip(CUT_LEAD), kind=kind, period=period, hedge=hedge,
                    text=_bounded(sentence, pos).strip())
    ind.period_start = period_start
    ind.span = [pos, pos]  # within the sentence until extract_indicators places it in its block
    return ind


@lru_cache(maxsize=4)  # the sentence at hand
def _own_time_end(sentence: str) -> int:
    """Where the sentence's first time word ends (今年, 2024年), or past its end: figures after it keep their time."""
    m = OWN_TIME.search(sentence)
    return m.end() if m else len(sentence) + 1


def _reach(sentence: str, pos: int) -> str:
    """What time words before ``pos`` can reach it (its sentence's opening, the words just before), as one
    string, bounded: a whole sentence before every figure of a long one would be quadratic."""
    if pos <= SENTENCE_OPENING + PERIOD_REACH + 1:
        return sentence[:pos]
    return sentence[:SENTENCE_OPENING] + "。" + sentence[pos - PERIOD_REACH:pos]  # 。: no word spans the join


def _bounded(sentence: str, pos: int) -> str:
    """The sentence, or the MAX_TEXT characters of it around the figure at ``pos``."""
    if len(sentence) <= MAX_TEXT:
        return sentence
    start = min(max(0, pos - MAX_TEXT // 2), len(sentence) - MAX_TEXT)
    return sentence[start:start + MAX_TEXT]


def _table_blocks(blocks: list, node_id: str | None, part: _Part) -> list[Indicator]:
    """Indicators of the tables among ``blocks``; each placed at its table (block index + 0: the title is -1)."""
    found: list[Indicator] = []
    for k, block in enumerate(blocks):
        if block.type == "table" and block.rows:
            kind = "actual" if part.bulletin else part.kind
            for ind in table_indicators(block.rows, node_id, kind, part.period):
                ind.where = (node_id, k, None)  # type: ignore[attr-defined]
                found.append(ind)
    return found


def _heading_kind(node: Node) -> str | None:
    """"target" under a section heading that names goals (（二）主要目标, 第二节 发展目标), else None. (A heading
    that names results does not decide: in a plan part …取得新成效 is a goal.)"""
    if node.kind != "section" or len(node.title) > MAX_KIND_HEADING:
        return None
    return "target" if GOAL_HEADING.search(node.title) and not REVIEW_PART.search(node.title) else None


def _goals_begin(top: Node, part: _Part) -> None:
    """Keep ``part.goals_open`` only when a title or paragraph of the part opens with it (else the title
    decides the whole part, as before)."""
    stack = [top]
    while part.goals_open and stack:
        node = stack.pop()
        if any(text.startswith(part.goals_open) for text in [node.title] + [b.text for b in node.body]):
            return
        stack.extend(node.children)
    part.goals_open = ""


def _scan_blocks(texts: list[str], node_id: str | None, part: _Part) -> list[Indicator]:
    """Indicators of a node's title and body texts (block -1 is the title), placed in their block.

    Each indicator's ``where`` is ``(node id, block index, offset of the figure in the block)``,
    from which :func:`gongwen.parsing.spans.attach_spans` computes its span.
    """
    found: list[Indicator] = []
    growth_column = False  # a header above says the rows' last column is the growth (…比上年增长％)
    for k, text in enumerate(texts, -1):
        if part.goals_open and text.startswith(part.goals_open):
            part.kind, part.goals_open = "target", ""  # “十四五”时期，是…: the goals of a mixed part begin
            part.goals_reached = True
        if len(text) <= MAX_HEADER and "。" not in text:
            growth_column = growth_column or GROWTH_HEADER.search(text) is not None
        elif "。" in text:
            growth_column = False  # prose ends the rows
        row = TEXT_ROW.match(text) if growth_column else None
        if row:
            before = len(found)
        number = HAS_NUMBER.search(text)  # the next number: sentences before it hold none
        part.horizon = None
        for m in (SENTENCE.finditer(text) if number else ()):
            if number.start() >= m.end():
                continue
            for ind in _sentence_indicators(m.group(), node_id, part):
                ind.where = (node_id, k, m.start() + (ind.span or [0])[0])  # type: ignore[attr-defined]
                ind.span = None
                found.append(ind)
            if part.horizon is None and (opening := BY_YEAR.search(m.group(), 0, HORIZON_OPENING)):
                part.horizon = (None, int(opening.group(1)))  # the goals' horizon, for the rest of the paragraph
            number = HAS_NUMBER.search(text, m.end())
            if not number:
                break
        if row and len(found) == before + 1 and found[-1].change is None:
            found[-1].change, found[-1].change_unit = _num_cell(row.group("change")), "%"  # 粮 食 35，343 万吨 8．7
    return found


def _num_cell(cell: str) -> float:
    return float(cell.translate(FULL_WIDTH_DIGITS).replace(",", ""))


def extract_indicators(doc: Document) -> list[Indicator]:
    """Every indicator of the document — front matter and outline — in document order, with ids i1, i2, …"""
    work_report = doc.meta.doc_type == "work_report"
    bulletin = doc.meta.doc_type == "bulletin" or any(BULLETIN.search(b.text) for b in doc.front[:12])
    years_plan = doc.meta.doc_type == "plan" and YEARS_PLAN.search(doc.meta.title or "") is not None
    front = _Part(Node("", "section", "", "none", None, ""), 0, doc.meta.year, work_report, bulletin,
                  years_plan=years_plan)
    found = _scan_blocks([""] + [b.text if b.type != "table" else "" for b in doc.front], None, front)
    found += _table_blocks(doc.front, None, front)
    for index, top in enumerate(doc.outline):
        part = _Part(top, index, doc.meta.year, work_report, bulletin, doc.meta.review_year, years_plan)
        _goals_begin(top, part)
        stack: list[tuple[Node, str]] = [(top, part.kind)]
        while stack:
            node, kind = stack.pop()  # the kind its parent gives it
            if node is not top:
                part.kind = _heading_kind(node) or ("target" if part.goals_reached else kind)
            found += _scan_blocks([node.title] + [b.text if b.type != "table" else "" for b in node.body],
                                  node.id, part)
            found += _table_blocks(node.body, node.id, part)
            stack.extend((child, part.kind) for child in reversed(node.children))
    for k, ind in enumerate(found, 1):
        ind.id = f"i{k}"
    return found
