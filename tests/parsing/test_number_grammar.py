"""The number grammar as a table: a phrase and the indicator(s) it gives.

Each row: phrase, then a list of (value, unit, change, change_unit, qualifier, value_max, change_max)
for the indicators the phrase yields, in order. An empty list: the phrase holds no figure.
"""

from __future__ import annotations

import pytest

from gongwen import parse_text

N = None
CASES = [
    # plain values, units, magnitudes
    ("地区生产总值320.5亿元。", [(320.5, "亿元", N, "", "", N, N)]),
    ("新增就业10875人。", [(10875, "人", N, "", "", N, N)]),
    ("粮食产量1,234.5万吨。", [(1234.5, "万吨", N, "", "", N, N)]),
    ("建成标准厂房40万平方米。", [(40, "万平方米", N, "", "", N, N)]),
    ("引进项目12个。", [(12, "个", N, "", "", N, N)]),
    ("实际使用外资1263亿美元。", [(1263, "亿美元", N, "", "", N, N)]),
    ("完成造林2.3万亩。", [(2.3, "万亩", N, "", "", N, N)]),
    ("发电量4455亿千瓦小时。", [(4455, "亿千瓦小时", N, "", "", N, N)]),
    ("铁路营业里程达到12.1万公里。", [(12.1, "万公里", N, "", "", N, N)]),
    ("旅客周转量831.1亿人公里。", [(831.1, "亿人公里", N, "", "", N, N)]),
    ("货物周转量497.1亿吨公里。", [(497.1, "亿吨公里", N, "", "", N, N)]),
    ("保障用能指标1600万吨标准煤。", [(1600, "万吨标准煤", N, "", "", N, N)]),
    ("粮食产量1300亿斤。", [(1300, "亿斤", N, "", "", N, N)]),
    ("人均期望寿命达78岁。", [(78, "岁", N, "", "", N, N)]),
    ("获世界大赛奖牌36枚。", [(36, "枚", N, "", "", N, N)]),
    ("加装电梯6000部。", [(6000, "部", N, "", "", N, N)]),
    ("企业开办时间压缩到平均0.5个工作日。", [(0.5, "个工作日", N, "", "", N, N)]),  # a time limit, not 个
    ("平均受教育年限从10.23年提高到10.8年。", [(10.23, "年", N, "", "", N, N), (10.8, "年", N, "", "", N, N)]),
    ("办学3年，2025年完成。", []),  # 年 is a unit only after 年限 in the clause
    ("空气质量优良天数由282天增加到310天。", [(282, "天", N, "", "", N, N), (310, "天", N, "", "", N, N)]),
    ("建设单机60万千瓦级循环流化床电站。", []),  # a class, not cut back to the unit 万千
    ("新冠疫苗接种2151.21万剂次。", [(2151.21, "万剂次", N, "", "", N, N)]),
    ("投入1000万对沿线公交站台进行改造。", [(1000, "万", N, "", "", N, N)]),  # 对 is a preposition here
    ("按照每人每年2300元的农村贫困标准计算，年末农村贫困人口3046万人。", [(3046, "万人", N, "", "", N, N)]),  # a basis
    # a level takes the rate that describes it, past its own increases (the gold conventions)
    ("财政收入达到1274亿元，比1980年增加189亿元，平均每年增加38亿元，平均每年增长3.3%。",
     [(1274, "亿元", 3.3, "%", "", N, N), (189, "亿元", N, "", "", N, N), (38, "亿元", N, "", "", N, N)]),
    ("规模工业增加值达到650亿元，年均增长13%。", [(650, "亿元", 13, "%", "", N, N)]),
    ("地区生产总值增长5.5%、达到10.3万亿元。", [(10.3, "万亿元", 5.5, "%", "", N, N)]),  # a change, then its level
    ("城镇化率提升5个百分点、达68.13%。", [(N, "", 5, "个百分点", "", N, N), (68.13, "%", N, "", "", N, N)]),  # points: own row
    ("地方一般公共预算收入266.9亿元、同口径增长8%。", [(266.9, "亿元", 8, "%", "", N, N)]),
    ("民生类支出321.6亿元，占财政支出84.2%，同比增长8.1%。",
     [(321.6, "亿元", 8.1, "%", "", N, N), (84.2, "%", N, "", "", N, N)]),  # the amount grew, not its share
    ("发案数、损失数分别再降16.86%、9.27%。", [(N, "", -16.86, "%", "", N, N), (N, "", -9.27, "%", "", N, N)]),
    ("原油产量比上年下降[43]9.6%。", [(N, "", -9.6, "%", "", N, N)]),  # a note call between verb and figure
    ("居民消费价格涨幅回落到2.6%。", [(N, "", 2.6, "%", "", N, N)]),
    ("比重提高2个多百分点。", [(N, "", 2, "个百分点", "超过", N, N)]),
    ("粮食总产量35343万吨，完成计划106%，比上年增长8.7%。",
     [(35343, "万吨", 8.7, "%", "", N, N), (106, "%", N, "", "", N, N)]),  # the share of the plan did not grow
    # a note in brackets, 扣除…因素 and 实际 stand between levels and their changes
    ("出口创汇达到11.56亿美元（包括石油出口），增长23.2%。", [(11.56, "亿美元", 23.2, "%", "", N, N)]),
    ("城镇居民人均可支配收入9422元，农村居民人均纯收入2936元，扣除价格因素，分别实际增长7.7%和6.8%。",
     [(9422, "元", 7.7, "%", "", N, N), (2936, "元", 6.8, "%", "", N, N)]),
    ("227件人大代表建议、303件政协提案全部办复。", []),  # counts of proposals, whatever was done to them
    ("市政府实施了20条助企纾困和15条稳定生产经营等政策措施。", []),  # the list shares its document noun
    ("制定并实施钢铁、煤炭等11个行业结构调整的政策措施。", [(11, "个", N, "", "", N, N)]),  # 11 counts industries
    ("铁路货运量12亿吨，比1980年增长10.5%，平均每年增长2%。",
     [(12, "亿吨", 10.5, "%", "", N, N), (N, "", 2, "%", "", N, N)]),  # a second rate is a row of its own
    ("完成工业设备更新14.2万台（套）。", [(14.2, "万台（套）", N, "", "", N, N)]),
    ("PM2.5平均浓度降至28.5微克每立方米。", [(28.5, "微克每立方米", N, "", "", N, N)]),
    # full-width digits and separators
    ("社会总产值达到１８７７４亿元。", [(18774, "亿元", N, "", "", N, N)]),
    ("国民收入７７９０．５亿元。", [(7790.5, "亿元", N, "", "", N, N)]),
    ("货物周转量6，600亿吨公里。", [(6600, "亿吨公里", N, "", "", N, N)]),
    # percentages in words, as older reports print them (digits one by one, · for the point)
    ("国内生产总值比上年增长百分之十三点四。", [(N, "", 13.4, "%", "", N, N)]),
    ("城镇化率达到百分之六十。", [(60, "%", N, "", "", N, N)]),
    ("人口自然增长率控制在千分之十二以内。", [(12, "‰", N, "", "以内", N, N)]),
    ("病床数增加了百分之四百十一。", [(N, "", 411, "%", "", N, N)]),
    ("地方国营厂矿的产值提高百分之八七·九。", [(N, "", 87.9, "%", "", N, N)]),
    ("合作社营占百分之〇·〇一。", [(0.01, "%", N, "", "", N, N)]),
    ("三分之一的县实现脱贫。", []),  # a fraction in words is no percentage
    # amounts in words, across 亿 and 万 and without a magnitude (older reports)
    ("粮食产量由三亿零五百三十万吨增加到三亿七千零六十二万吨。", [(3.053, "亿吨", N, "", "", N, N), (3.7062, "亿吨", N, "", "", N, N)]),
    ("工农业总产值达到了一千三百八十七亿四千万元。", [(1387.4, "亿元", N, "", "", N, N)]),  # 亿 and 万: one figure, in 亿
    ("原油一亿三千八百八十万至一亿三千九百三十万吨。", [(1.388, "亿吨", N, "", "", 1.393, N)]),  # a range, unit printed once
    ("全年国民生产总值一万七千四百亿元。", [(17400, "亿元", N, "", "", N, N)]),  # a count of 亿 across 万
    ("粮食产量达到四亿零七百多万吨。", [(4.07, "亿吨", N, "", "超过", N, N)]),  # 多 before 万: more than
    ("家用电冰箱650万-750万台。", [(650, "万台", N, "", "", 750, N)]),
    ("机制纸年产能力为十八万六千吨。", [(186000, "吨", N, "", "", N, N)]),
    ("进出口总额达到一千二百零一亿元。", [(1201, "亿元", N, "", "", N, N)]),
    ("平均每人收入达到六百零八元。", [(608, "元", N, "", "", N, N)]),
    ("约有一千二百万侨民。", [(1200, "万", N, "", "", N, N)]),  # a count in words before a noun is no money
    # bounds of classes, ranks and the groups a share is of are no indicators; a share or a goal's size is
    ("放开城区常住人口300万以下的城市落户限制。", []),
    ("8个学科进入ESI全球前1%。", [(8, "个", N, "", "", N, N)]),
    ("在监测的339个城市中，空气质量达标的城市占59.9%。", [(59.9, "%", N, "", "", N, N)]),
    ("覆盖80%以上的大城市。", [(80, "%", N, "", "以上", N, N)]),
    ("实现城镇新增就业45万人以上的目标。", [(45, "万人", N, "", "以上", N, N)]),
    ("职工达到一千三百七十四万五千余人。", [(13745000, "人", N, "", "超过", N, N)]),
    ("千方百计办好两个维护，开好三中全会，实现十个转变。", []),  # no unit, or no composed numeral before one
    ("地区生产总值增速连续7个季度居全国前列。", []),  # a duration, not a count
    # spaces printed by PDFs
    ("第一产业增加值 582.8 亿元。", [(582.8, "亿元", N, "", "", N, N)]),
    ("人均收入 3 万 3,883 美元。", [(33883, "美元", N, "", "", N, N)]),
    # Chinese numerals
    ("投入近千亿元。", [(1000, "亿元", N, "", "约", N, N)]),
    ("取得重要科技成果一万多项。", [(1, "万项", N, "", "超过", N, N)]),
    ("安排资金三千万元。", [(3000, "万元", N, "", "", N, N)]),
    # changes in percent
    ("服务业增加值增长4.7%。", [(N, "", 4.7, "%", "", N, N)]),
    ("工业增加值同比增长9.5%。", [(N, "", 9.5, "%", "", N, N)]),
    ("规上工业增加值比上年增长7.1%。", [(N, "", 7.1, "%", "", N, N)]),
    ("农产品生产者价格下降2.5%。", [(N, "", -2.5, "%", "", N, N)]),
    ("居民消费价格上涨2.0%。", [(N, "", 2.0, "%", "", N, N)]),
    ("税收收入减少7.3%。", [(N, "", -7.3, "%", "", N, N)]),
    ("出口增速回落3.1%。", [(N, "", -3.1, "%", "", N, N)]),
    ("能耗降低18.2%。", [(N, "", -18.2, "%", "", N, N)]),
    ("粮食产量减产1.8%。", [(N, "", -1.8, "%", "", N, N)]),
    ("油料增产5.0%。", [(N, "", 5.0, "%", "", N, N)]),
    ("申报材料压减20%以上。", [(N, "", -20, "%", "以上", N, N)]),
    ("前置审批精简85%。", [(N, "", -85, "%", "", N, N)]),
    ("居民消费价格涨幅控制在3%以内。", [(N, "", 3, "%", "以内", N, N)]),
    ("国内生产总值平均每年递增10%左右。", [(N, "", 10, "%", "左右", N, N)]),
    ("年平均增长率为13.6%。", [(N, "", 13.6, "%", "", N, N)]),
    # a value and its change
    ("实现地区生产总值320.5亿元，增长6.1%。", [(320.5, "亿元", 6.1, "%", "", N, N)]),
    ("铁路货运量12亿吨，比1980年增长10.5%。", [(12, "亿吨", 10.5, "%", "", N, N)]),
    ("地区生产总值19917.0 亿元，按可比价格计算，比上年增长 8.6%。", [(19917, "亿元", 8.6, "%", "", N, N)]),
    ("年末生猪存栏1730.1万头，比上年末增长2.8%。", [(1730.1, "万头", 2.8, "%", "", N, N)]),
    # the base may be the year's start, a year in words, the years or the plan period before
    ("各项存款余额369亿元，比年初增长8.8%。", [(369, "亿元", 8.8, "%", "", N, N)]),
    ("生产毛茶二二三·七万担，比一九五二年增长百分之三五·八。", [(223.7, "万担", 35.8, "%", "", N, N)]),
    ("完成技术改造投资2.66万亿元，比前五年增长67%。", [(2.66, "万亿元", 67, "%", "", N, N)]),
    ("绿地总量增加到6292公顷，比“十一五”末增长60%。", [(6292, "公顷", 60, "%", "", N, N)]),
    # percentage and per-mille points: rows of their own
    ("城镇化率提高0.5个百分点。", [(N, "", 0.5, "个百分点", "", N, N)]),
    ("比重达75.0%，比上年提高 0.7 个百分点。", [(75.0, "%", N, "", "", N, N), (N, "", 0.7, "个百分点", "", N, N)]),
    ("出生率为7.19‰，比上年下降1.15个千分点。", [(7.19, "‰", N, "", "", N, N), (N, "", -1.15, "个千分点", "", N, N)]),
    ("人口自然增长率为6.4‰。", [(6.4, "‰", N, "", "", N, N)]),
    ("人口自然增长率控制在6.9‰以内。", [(6.9, "‰", N, "", "以内", N, N)]),
    # multiples
    ("外贸进出口总额增长了3.5倍。", [(N, "", 3.5, "倍", "", N, N)]),
    # ranges
    ("经济增长预期目标6.5%—7%。", [(N, "", 6.5, "%", "", N, 7.0)]),  # a goal set for the growth: a change
    ("城镇化率目标为60%—65%。", [(60, "%", N, "", "", 65, N)]),  # one set for a rate: a level
    ("地区生产总值增长6%—6.5%。", [(N, "", 6.0, "%", "", N, 6.5)]),
    ("新建学校2-3所。", [(2, "所", N, "", "", 3, N)]),
    # qualifiers
    ("城镇新增就业60万人以上。", [(60, "万人", N, "", "以上", N, N)]),
    ("地区生产总值增长5%左右。", [(N, "", 5, "%", "左右", N, N)]),
    ("赤字率控制在3%以内。", [(3, "%", N, "", "以内", N, N)]),
    ("全州生产总值突破千亿元。", [(1000, "亿元", N, "", "突破", N, N)]),
    ("新增市场主体超过2万户。", [(2, "万户", N, "", "超过", N, N)]),
    ("帮助企业解决问题900余个。", [(900, "个", N, "", "超过", N, N)]),
    ("完成总用地6000多亩。", [(6000, "亩", N, "", "超过", N, N)]),
    ("累计完成危房改造7万余户。", [(7, "万户", N, "", "超过", N, N)]),
    ("居民储蓄存款新增4万多亿元。", [(4, "万亿元", N, "", "超过", N, N)]),
    ("约1.2万人受益。", [(1.2, "万人", N, "", "约", N, N)]),
    ("近3000家企业参与。", [(3000, "家", N, "", "约", N, N)]),
    # lists distributed over their names
    ("城镇和农村居民人均可支配收入分别增长4.8%和6.1%。",
     [(N, "", 4.8, "%", "", N, N), (N, "", 6.1, "%", "", N, N)]),
    ("出口值5088.4亿元、进口值1624.6亿元。", [(5088.4, "亿元", N, "", "", N, N), (1624.6, "亿元", N, "", "", N, N)]),
    ("分别下降0.2个和0.1个百分点。", [(N, "", -0.2, "个百分点", "", N, N), (N, "", -0.1, "个百分点", "", N, N)]),
    # ratios
    ("三次产业结构为7.6:44.8:47.6。", [(7.6, "", N, "", "", N, N), (44.8, "", N, "", "", N, N),
                                    (47.6, "", N, "", "", N, N)]),
    ("城乡收入比例为2：1。", [(2, "", N, "", "", N, N), (1, "", N, "", "", N, N)]),
    # shares and plain percentages
    ("空气质量优良率99.7%。", [(99.7, "%", N, "", "", N, N)]),
    ("森林覆盖率达到62%。", [(62, "%", N, "", "", N, N)]),
    # words with numerals that are no quantities
    ("千万不能松懈。", []),
    ("推出一系列政策。", []),
    ("做好“三农”工作。", []),
    ("编制“十四五”规划。", []),
    ("排名全国第一。", []),
    ("2023年是关键之年。", []),
    ("3月15日召开大会。", []),
    ("上午10:30开会。", []),
    ("推动“1+3+N”体系建设。", []),
    ("建设百万亩示范区。", []),
    ("第二批试点启动。", []),
    ("召开第五次全国经济普查会议。", []),
    # a denominator after 每 is no figure of its own
    ("配置AED达每10万人45台。", [(45, "台", N, "", "", N, N)]),
    ("小麦最低收购价每50公斤提高5元。", [(5, "元", N, "", "", N, N)]),
    # measures without a unit: a coefficient, a gap in times
    ("基尼系数为0.465。", [(0.465, "", N, "", "", N, N)]),
    ("城乡居民人均收入倍差为 1.81。", [(1.81, "", N, "", "", N, N)]),
    # counts of documents and meetings are no indicators (gold FORMAT.md)
    ("审议和通过了11项法律，制定和颁布了59项行政法规。", []),
    ("出台促进房地产市场止跌回稳22条举措。", []),
    ("制定政府规章12项。", []),
    ("办理人大代表建议356件、政协提案403件。", []),
    ("推出3项政策性金融工具。", [(3, "项", N, "", "", N, N)]),
    # thresholds inside names are no figures of their own
    ("规模以上工业增加值增长7%。", [(N, "", 7, "%", "", N, N)]),
    ("亿元以上项目开工。", []),
    ("培育年营业收入10亿元以上企业5家。", [(5, "家", N, "", "", N, N)]),
    ("建设30户以上自然村通硬化路1270公里。", [(1270, "公里", N, "", "", N, N)]),
    # a count followed by 以上 and its things is a count, not a size class
    ("实施100个以上关键技术攻关项目。", [(100, "个", N, "", "以上", N, N)]),
    ("完成2100万人次以上农民工职业技能提升培训任务。", [(2100, "万人次", N, "", "以上", N, N)]),
    # growth held at a level, and a growth rate set at one, are changes
    ("经济年均增长保持在6.5%以上。", [(N, "", 6.5, "%", "以上", N, N)]),
    ("把全省的平均增长速度定在10%左右。", [(N, "", 10, "%", "左右", N, N)]),
    # negatives printed with a minus sign; a range's dash is no minus
    ("货物和服务净出口的贡献率为-8.6%。", [(-8.6, "%", N, "", "", N, N)]),
    ("出口增长-3.2%。", [(N, "", -3.2, "%", "", N, N)]),
    ("增长6-7%。", [(N, "", 6, "%", "", N, 7)]),
    ("增长6%-7%。", [(N, "", 6, "%", "", N, 7)]),
    # a qualifier or 均 between the change verb and the figure
    ("工业增加值增长约15%。", [(N, "", 15, "%", "约", N, N)]),
    ("营收、税收均增长15%以上。", [(N, "", 15, "%", "以上", N, N), (N, "", 15, "%", "以上", N, N)]),
    ("利税和利润增速分别提高2.4和6.5个百分点。", [(N, "", 2.4, "个百分点", "", N, N), (N, "", 6.5, "个百分点", "", N, N)]),
    # units of ports, power and fleets; a voltage only names a class of lines
    ("集装箱吞吐量164.3万标箱。", [(164.3, "万标箱", N, "", "", N, N)]),
    ("全社会用电量达到1200亿度。", [(1200, "亿度", N, "", "", N, N)]),
    ("建成标准机架4万架。", [(4, "万架", N, "", "", N, N)]),
    ("推进14个750千伏电网工程。", [(14, "个", N, "", "", N, N)]),  # the count, not the voltage (a class of lines)
    # computing power, in the units reports print
    ("算力规模达到11.4万P。", [(11.4, "万P", N, "", "", N, N)]),
    ("智能算力达4800PF。", [(4800, "PF", N, "", "", N, N)]),
    ("算力总规模达到15EFlops。", [(15, "EFlops", N, "", "", N, N)]),
    ("清理P2P机构25家。", [(25, "家", N, "", "", N, N)]),
    # 人口 after a magnitude is the people counted: the magnitude is the unit
    ("我国有13亿人口。", [(13, "亿", N, "", "", N, N)]),
    # areas printed with Latin units (m² on web pages, m2 where <sup> is lost)
    ("新建住房120万m2。", [(120, "万m2", N, "", "", N, N)]),
    ("改造面积3.5万㎡。", [(3.5, "万㎡", N, "", "", N, N)]),
    # a range of points is a change
    ("贡献率提高1—2个百分点。", [(N, "", 1, "个百分点", "", N, 2)]),
    # a ratio printed with spaces, as PDFs do
    ("三次产业结构为 2.9 : 30.7 : 66.4。", [(2.9, "", N, "", "", N, N), (30.7, "", N, "", "", N, N),
                                        (66.4, "", N, "", "", N, N)]),
]


def _fields(sentence: str) -> list[tuple]:
    doc = parse_text("一、工作\n" + sentence + "\n")
    return [(i.value, i.unit, i.change, i.change_unit, i.qualifier, i.value_max, i.change_max)
            for i in doc.indicators]


def test_the_table_is_large_enough():
    assert len(CASES) >= 80


@pytest.mark.parametrize(("phrase", "expected"), CASES, ids=[c[0][:16] for c in CASES])
def test_number_grammar(phrase, expected):
    got = _fields(phrase)
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert g[0] == pytest.approx(e[0]) if e[0] is not None else g[0] is None, (g, e)
        assert g[1:5] == (e[1], pytest.approx(e[2]) if e[2] is not None else None, e[3], e[4]), (g, e)
        assert g[5] == pytest.approx(e[5]) if e[5] is not None else g[5] is None, (g, e)
        assert g[6] == pytest.approx(e[6]) if e[6] is not None else g[6] is None, (g, e)


def test_the_last_column_of_a_text_table_is_the_growth_its_header_names():
    rows = "粮 食 35，343 万吨 8．7\n其中：稻 谷 16，124 万吨 12．0\n大 豆 903 万吨 -3．2\n"
    with_header = parse_text("一、农业\n主要农产品产量如下：\n一九八二年 一九八二年比\n一九八一年增长％\n" + rows)
    assert [(i.name, i.value, i.change) for i in with_header.indicators] == [
        ("粮食", 35343, 8.7), ("稻谷", 16124, 12.0), ("大豆", 903, -3.2)]
    without = parse_text("一、农业\n主要农产品产量如下：\n" + rows)
    assert [i.change for i in without.indicators] == [None, None, None]  # no header: no column to read


def test_a_base_of_comparison_takes_no_change():
    got = _fields("占财政总支出的27.9%，比五五计划时期的38.1%下降了10.2%。")
    assert [(g[0], g[2]) for g in got] == [(27.9, None), (38.1, None), (None, -10.2)]


@pytest.mark.parametrize(("sentence", "names"), [
    ("玉米种植面积3545万公顷，减少132万公顷。", ["玉米种植面积", "玉米种植面积减少"]),
    ("参加工伤保险人数22726万人，增加836万人。", ["参加工伤保险人数", "参加工伤保险人数增加"]),
    ("农村居民人均可支配收入13432元，增长8.6%，扣除价格因素，实际增长6.8%。",
     ["农村居民人均可支配收入", "农村居民人均可支配收入"]),
    ("年末全国共有1264万人享受城市居民最低生活保障。", ["享受城市居民最低生活保障"]),
    # only adverbs or a comparison frame before the figure: the thing named before
    ("地方一般公共预算收入增长9.2%，首次突破500亿元，达到502亿元。", ["地方一般公共预算收入"] * 3),
    ("服务业增加值1310亿元，是2010年的1.8倍。", ["服务业增加值", "服务业增加值"]),
    # a total in the unit of the count before: of the things counted, without the action
    ("新增高新技术企业50家、总数达492家。", ["新增高新技术企业", "高新技术企业总数"]),
    ("粮食播种面积1584.6万亩、总产量132.4亿斤。", ["粮食播种面积", "粮食总产量"]),  # the crop's, not the area's
    ("办证时限由28个工作日缩短至7个工作日。", ["办证时限", "办证时限"]),
    # a new level takes the thing of the old (跃升至, 提升到 + a time), and an item after 、 is its own
    ("社会投资占比从30%跃升至60%。", ["社会投资占比", "社会投资占比"]),
    ("资本充足率从2007年底的8.4%提升到去年底的13.3%。", ["资本充足率", "资本充足率"]),
    ("覆盖人数，由年初的400多万人扩大到年末的1120多万人。", ["覆盖人数", "覆盖人数"]),
    ("新增1个国家级优势特色产业集群、新入规加工企业20家以上。", ["新增国家级优势特色产业集群", "新入规加工企业"]),
    ("一般公共预算收入增加近1000亿元，稳步达到3000亿元以上。", ["一般公共预算收入增加", "一般公共预算收入"]),
    ("粮食产量在2024年达到100万吨。", ["粮食产量"]),
    # 其中: a part the whole's name holds is a quantity of its own; another part names a group of the whole
    ("进出口总值达到500亿美元，其中出口265.9亿美元，进口234.1亿美元。", ["进出口总值", "出口", "进口"]),
    ("恩格尔系数为30.1%，其中城镇为28.6%，农村为31.2%。", ["恩格尔系数", "城镇恩格尔系数", "农村恩格尔系数"]),
    # no figure goes unnamed: the examples before 等, the rows a 分别 run follows, the clause before
    ("新建城市艺术综合体、城乡书房等300个以上。", ["新建城市艺术综合体、城乡书房"]),
    ("同心公园等5座城市公园开工建设。", ["城市公园开工建设"]),
    ("高技术制造业比重11.1%，装备制造业比重28.5%，分别提高0.5、1.2个百分点。",
     ["高技术制造业比重", "装备制造业比重", "高技术制造业比重", "装备制造业比重"]),
    ("原油产量继续增长，达到1.42亿吨。", ["原油产量继续增长"]),
    ("外贸出口止跌回升，比上年增长3.3%。", ["外贸出口止跌回升"]),
    ("高新技术企业达到964家，新增675家。", ["高新技术企业", "高新技术企业新增"]),  # nothing counted after 新增
    # 比X的V: the base of a comparison is the thing at X; the change after it is the level's
    ("行政管理费占财政总支出的6.7%，比五五计划时期的4.9%提高1.8%。",
     ["行政管理费占财政总支出", "五五计划时期行政管理费占财政总支出", "行政管理费占财政总支出"]),
    ("主要产品质量指标67项，比上年上升的22项。", ["主要产品质量指标", "主要产品质量指标比上年上升"]),
])
def test_names_of_figures_that_continue_the_previous_thing(sentence, names):
    assert [i.name for i in parse_text("一、工作\n" + sentence + "\n").indicators] == names


@pytest.mark.parametrize(("sentence", "name"), [
    ("改造迎亲大桥等桥梁7座。", "桥梁"),
    ("加快推进人大附中拉萨学校等11所学校建设。", "学校建设"),
    ("高等教育毛入学率达到60%。", "高等教育毛入学率"),
])
def test_a_list_of_examples_names_its_kind(sentence, name):
    assert [i.name for i in parse_text("一、工作\n" + sentence + "\n").indicators] == [name]


def test_the_three_sectors_are_distributed():
    doc = parse_text("一、工作\n三次产业对GDP增长的贡献率分别为6.9%、43.2%和49.9%。\n")
    assert [i.name for i in doc.indicators] == ["第一产业对GDP增长的贡献率", "第二产业对GDP增长的贡献率",
                                                "第三产业对GDP增长的贡献率"]


@pytest.mark.parametrize(("sentence", "names"), [
    ("物价上涨幅度控制在10%以内。", ["物价上涨幅度"]),
    ("货运量6.5亿吨，比1980年增长20.8%，平均每年增长3.7%。", ["货运量", "货运量平均每年"]),  # a second rate
    ("外商投资限制性条目减少一半，95%以上实行备案管理。", ["实行备案管理"]),
])
def test_names_of_rates_and_continued_changes(sentence, names):
    assert [i.name for i in parse_text("一、工作\n" + sentence + "\n").indicators] == names


@pytest.mark.parametrize(("sentence", "names"), [
    # a shared measure noun, with the noun suffix 业 of the listed things
    ("家电、新能源汽车零售额分别增长23.9%、35.8%。", ["家电零售额", "新能源汽车零售额"]),
    ("服饰、塑编业产值分别增长19.75%和22.37%。", ["服饰业产值", "塑编业产值"]),
    # a share applies to every item, even an item that names a measure itself
    ("制造业增加值、外贸进出口总额、地方税收占GDP比重分别达到30%、15%和4%以上。",
     ["制造业增加值占GDP比重", "外贸进出口总额占GDP比重", "地方税收占GDP比重"]),
    # an item that names a measure takes no tail; an adverbial after the list is shared
    ("地区生产总值、全体居民人均可支配收入年均分别增长7%以上和7.5%。", ["地区生产总值", "全体居民人均可支配收入"]),
    # a short later item shares the words before the first item's measure
    ("地方一般公共财政预算收入和支出分别为123亿元、369亿元。", ["地方一般公共财政预算收入", "地方一般公共财政预算支出"]),
    ("生产安全事故起数、死亡人数分别下降15%、14.5%。", ["生产安全事故起数", "生产安全事故死亡人数"]),
    # one figure that every listed thing reached
    ("氨氮、二氧化硫排放量要分别下降2%。", ["氨氮排放量", "二氧化硫排放量"]),
    ("金融存贷款增量双双突破百亿。", ["金融存款增量", "金融贷款增量"]),
    # nothing named in the figures' clause: the things are named in the clause before
    ("新认定高新技术企业和专精特新企业，累计分别达到1016家和591家。", ["新认定高新技术企业", "专精特新企业"]),
    # a two-in-one word splits only when the figures are one per thing
    ("进出口总额接连突破8万亿元、9万亿元。", ["进出口总额", "进出口总额"]),
    # one-character items: the shared words are the last item's after its own length
    ("一、二、三产业增加值分别增长4%、5.3%、3.4%。", ["一产业增加值", "二产业增加值", "三产业增加值"]),
])
def test_a_list_of_things_shares_its_measure(sentence, names):
    assert [i.name for i in parse_text("一、工作\n" + sentence + "\n").indicators] == names


def test_one_figure_after_each_with_nothing_listed_stays_one_row():
    doc = parse_text("一、工作\n粮食产量创新高，分别为1300万吨。\n")
    assert [i.value for i in doc.indicators] == [1300]


@pytest.mark.parametrize(("sentence", "name"), [
    ("有28个县市达到验收标准。", "达到验收标准的县市"),
    ("为80万重点群体提供就业帮扶。", "提供就业帮扶的重点群体"),
    ("有146项作品和节目在全国评比中获奖。", "在全国评比中获奖的作品和节目"),
    ("推动16个县（市、区）整县建成美丽乡村。", "推动整县建成美丽乡村的县（市、区）"),
    ("74户市属国企全部纳入改革范围。", "全部纳入改革范围的市属国企"),
    # no predicate after the things counted: their name as printed
    ("新建5所学校。", "新建学校"),
    ("完成3个城市公园建设。", "城市公园建设"),
])
def test_a_count_names_the_things_counted_by_what_they_did(sentence, name):
    assert [i.name for i in parse_text("一、工作\n" + sentence + "\n").indicators] == [name]


def test_counts_joined_by_and_name_their_own_things():
    doc = parse_text("一、工作\n完成5个棚户区和12个老旧小区改造。\n")
    assert [i.name for i in doc.indicators] == ["棚户区", "老旧小区改造"]
    doc = parse_text("一、工作\n建成610个养老服务中心，护理保险试点惠及1.7万个家庭。\n")
    assert [i.name for i in doc.indicators] == ["建成养老服务中心", "护理保险试点惠及家庭"]


@pytest.mark.parametrize(("sentence", "names"), [
    # an alias in brackets names the measure
    ("城镇常住人口2810.52万人，占总人口的比重（常住人口城镇化率）为62.07%。", ["城镇常住人口", "常住人口城镇化率"]),
    # explanations and a basis of calculation are not part of the name
    ("基本建设拨款（包括国外借款）1700亿元。", ["基本建设拨款"]),
    ("一般公共预算收入剔除留抵退税因素后同比下降10.1%。", ["一般公共预算收入"]),
    # a verb of provision inside the name: what it provides is measured
    ("中央财政安排城乡医疗救助补助资金160亿元。", ["城乡医疗救助补助资金"]),
    ("年末境内证券市场共有上市公司77家。", ["上市公司"]),
    ("城镇新安排的就业人数累计为2900万人。", ["城镇新安排的就业人数"]),
    ("在校学生102万人。", ["在校学生"]),
    # a starting point and the level reached are the same thing
    ("财政补助由每人每年380元提高到420元。", ["财政补助", "财政补助"]),
    ("户均固定资产净值已由“七五”期末的84万元上升到271万元。", ["户均固定资产净值", "户均固定资产净值"]),
    # … from now, per month, per head a year, a quarter, or under a bound
    ("森林覆盖率要由目前的12.9%提高到14%左右。", ["森林覆盖率", "森林覆盖率"]),
    ("最低工资标准从每月1350元提高到1720元。", ["最低工资标准", "最低工资标准"]),
    ("医疗保险补助标准从年人均320元提高到380元。", ["医疗保险补助标准", "医疗保险补助标准"]),
    ("日核酸检测能力由不足20份增加到13万份。", ["日核酸检测能力", "日核酸检测能力"]),
    ("利润总额从一季度的150亿元提高到800亿元。", ["利润总额", "利润总额"]),
    # groups named after 其中 take the measure before them
    ("恩格尔系数为29.3%，其中城镇为28.6%，农村为31.2%。", ["恩格尔系数", "城镇恩格尔系数", "农村恩格尔系数"]),
    # figures separated by a comma are not one list
    ("组建医疗集团39个、县域医共体192个，5个区域医疗中心项目落地四川。",
     ["组建医疗集团", "县域医共体", "落地四川的区域医疗中心项目"]),
    # digits inside quotes belong to the name after a count
    ("完成17支“4+1”专项基金组建。", ["“4+1”专项基金组建"]),
])
def test_names_without_asides_starting_points_or_provision_verbs(sentence, names):
    assert [i.name for i in parse_text("一、工作\n" + sentence + "\n").indicators] == names


@pytest.mark.parametrize(("sentence", "fields"), [
    # an absolute increase is a row of its own; the percentage after it is the output's growth
    ("全年粮食产量61791万吨，比上年增加166万吨，增产0.3%。", [(61791, 0.3), (166, None)]),
    # two things, then one change each after a basis clause
    ("城镇居民人均收入达到5718元，农村居民人均纯收入达到2966元，扣除物价上涨因素，分别比1990年增长58.3%和43.2%。",
     [(5718, 58.3), (2966, 43.2)]),
    # one change after two things is the last one's
    ("出口100亿元，进口200亿元，增长5%。", [(100, None), (200, 5)]),
    # a rate of change and its new level are changes, not levels
    ("商品零售价格上涨幅度由上年的21.7%下降到13.5%。", [(None, 21.7), (None, 13.5)]),
])
def test_changes_attach_to_the_thing_measured(sentence, fields):
    doc = parse_text("一、工作\n" + sentence + "\n")
    assert [(i.value, i.change) for i in doc.indicators] == fields


@pytest.mark.parametrize(("sentence", "names"), [
    # words ending in a trail character keep it: 年均, 平均, 接近, 降至 are not part of the name
    ("全省地区生产总值年均增长13.4%。", ["地区生产总值年均"]),
    ("城镇调查失业率平均为5.1%。", ["城镇调查失业率"]),
    ("研发经费投入强度接近3%。", ["研发经费投入强度"]),
    ("贫困发生率降至0.6%。", ["贫困发生率"]),
    # a provision verb inside a measure noun (拥有量) stays
    ("每万人口高价值发明专利拥有量达到15件。", ["每万人口高价值发明专利拥有量"]),
    # 多 and 和 open names unless they follow a figure
    ("多式联运量增长10%。", ["多式联运量"]),
    ("和美乡村覆盖率达到60%。", ["和美乡村覆盖率"]),
    ("新增企业100多家、以及个体户200户。", ["新增企业", "个体户"]),
    # a dash bullet, a target year and its goal word open no name
    ("——人均期望寿命从78.4岁提高到79.5岁。", ["人均期望寿命", "人均期望寿命"]),
    ("到2017年力争地区生产总值达到3万亿元。", ["地区生产总值"]),
    # digits inside a name; a count after a short verb names the things counted
    ("新增22家国家级5G工厂。", ["新增国家级5G工厂"]),
    ("优化47条道路车行标识。", ["优化道路车行标识"]),
    # a starting point alone in its clause: the thing is named in the clause before
    ("工业制成品所占比重，由上年的53.4%上升到55%。", ["工业制成品所占比重", "工业制成品所占比重"]),
])
def test_names_keep_their_words_and_lose_only_the_link(sentence, names):
    assert [i.name for i in parse_text("一、工作\n" + sentence + "\n").indicators] == names


@pytest.mark.parametrize(("sentence", "values"), [
    ("推进防城港30万吨级进港航道建设。", []),
    ("年销售收入超10亿元的龙头企业达到50家。", [50]),
    ("全国7岁及以上人口中经常参加体育锻炼人数比例达37.2%。", [37.2]),
    ("为全省0-6岁儿童免费开展孤独症筛查。", []),
    # not class labels: a life expectancy, an investment, a count of provincial parks
    ("人均期望寿命从78.4岁提高到79.5岁。", [78.4, 79.5]),
    ("投资170亿元的氧化铝项目开工。", [170]),
    ("新建30个省级园区。", [30]),
])
def test_a_figure_that_names_a_class_is_no_indicator(sentence, values):
    assert [i.value for i in parse_text("一、工作\n" + sentence + "\n").indicators] == values
