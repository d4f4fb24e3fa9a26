"""Indicator extraction: each construction of the issue on a crafted sentence, with exact fields."""

from __future__ import annotations

import pytest

from gongwen import parse_text


def indicators(sentence: str, part: str = "一、2022年工作回顾"):
    doc = parse_text(f"某县2023年政府工作报告\n{part}\n{sentence}\n")
    return doc.indicators


def fields(ind, *names):
    return tuple(getattr(ind, n) for n in names)


@pytest.mark.parametrize(("sentence", "name", "value", "unit", "base", "base_unit"), [
    ("实现地区生产总值320.5亿元。", "地区生产总值", 320.5, "亿元", 32050000000.0, "元"),
    ("实际利用外资489万美元。", "实际利用外资", 489.0, "万美元", 4890000.0, "美元"),
    ("完成整治优化3.83万亩。", "整治优化", 3.83, "万亩", 38300.0, "亩"),
    ("拆除违章建筑28.7万平方米。", "拆除违章建筑", 28.7, "万平方米", 287000.0, "平方米"),
    ("新建绿道4km。", "新建绿道", 4.0, "km", 4.0, "公里"),
    ("最低生活保障标准提升至1050元/月。", "最低生活保障标准", 1050.0, "元/月", 1050.0, "元"),
    ("新建口袋公园419个。", "新建口袋公园", 419.0, "个", 419.0, "个"),
])
def test_value_with_unit_and_base_unit(sentence, name, value, unit, base, base_unit):
    (ind,) = indicators(sentence)
    assert fields(ind, "name", "value", "unit", "value_base", "base_unit") == (name, value, unit, base, base_unit)
    assert ind.change is None


def test_value_takes_the_change_that_follows_it():
    (ind,) = indicators("工业总产值37.74亿元,同比增长15.26%。")
    assert fields(ind, "name", "value", "unit", "change", "change_unit") == ("工业总产值", 37.74, "亿元", 15.26, "%")


@pytest.mark.parametrize(("sentence", "name", "change", "change_unit"), [
    ("服务业增加值增长4.7%。", "服务业增加值", 4.7, "%"),
    ("各类案件同比下降6.16%。", "各类案件", -6.16, "%"),
    ("城镇化率提高2个百分点。", "城镇化率", 2.0, "个百分点"),
    ("网络零售额增长1.1倍。", "网络零售额", 1.1, "倍"),
    # verbs of cutting something back are decreases like 下降 (not the level a thing was cut to: 削减到, below)
    ("融资平台数量削减55.9%。", "融资平台数量", -55.9, "%"),
    ("“三公”经费缩减3%。", "“三公”经费", -3.0, "%"),
    ("办理时限缩短65.2%。", "办理时限", -65.2, "%"),
    ("集团购买力按上年实际数额核减20%。", "集团购买力按上年实际数额", -20.0, "%"),
])
def test_change_alone(sentence, name, change, change_unit):
    (ind,) = indicators(sentence)
    assert fields(ind, "name", "value", "unit", "change", "change_unit") == (name, None, "", change, change_unit)


@pytest.mark.parametrize("sentence", ["经济增长预期目标定为7.5%左右。", "广义货币增长目标为16%。",
                                      "经济增长速度预期为年均7%左右。", "今年经济增长预期7%左右。",
                                      "今年经济增长率目标为7%左右。"])
def test_a_goal_set_for_the_growth_is_a_change(sentence):
    (ind,) = indicators(sentence)
    assert (ind.value, ind.change, ind.change_unit) == (None, 7.5 if "7.5" in sentence else 16.0 if "16" in sentence
                                                        else 7.0, "%")


@pytest.mark.parametrize("sentence", ["人口自然增长率控制在6.5‰以内。", "城镇登记失业率目标为4.5%。",
                                      "对经济增长的贡献率为60%。", "三年内把人口自然增长率降到1%以下。"])
def test_a_goal_set_for_a_rate_is_a_level(sentence):
    (ind,) = indicators(sentence)
    assert ind.value is not None and ind.change is None


def test_a_unit_printed_once_after_a_list_of_figures_is_every_figures():
    assert [(i.value, i.unit) for i in indicators("经济适用房和危旧房改造分别竣工42万和13.3万平方米。")] == [
        (42.0, "万平方米"), (13.3, "万平方米")]
    assert [i.unit for i in indicators("客运量分别达1409万、1305万和990万人次。")] == ["万人次"] * 3
    # a magnitude followed by another measure is no such list
    assert [i.unit for i in indicators("新增就业12万，培训农民工3万人次。")] == ["万", "万人次"]


@pytest.mark.parametrize("sentence", ["千百万知识青年上山下乡。", "千千万万个市场细胞活跃起来。", "动用商品库存几十亿元。",
                                      "多耗煤几千万吨。", "查出违纪金额一百几十亿元。", "数百万人受益。"])
def test_a_numeral_that_counts_nothing_exactly_is_no_figure(sentence):
    assert indicators(sentence) == []


def test_a_numeral_in_words_still_counts():
    assert [(i.value, i.unit) for i in indicators("粮食产量达到三千万吨，投资十万元。")] == [(3000.0, "万吨"),
                                                                                    (10.0, "万元")]


def test_a_rate_per_so_many_people_is_the_figure_before_the_slash():
    assert [(i.name, i.value, i.unit) for i in indicators("报告传染病发病率268.01/10万，死亡率0.94/10万。")] == [
        ("报告传染病发病率", 268.01, "/10万"), ("死亡率", 0.94, "/10万")]
    # and counts as one figure of a list distributed over its names
    assert [(i.name, i.unit) for i in indicators("婴儿死亡率、孕产妇死亡率分别降为7.5‰、18/10万。")] == [
        ("婴儿死亡率", "‰"), ("孕产妇死亡率", "/10万")]


@pytest.mark.parametrize("sentence", ["钢产量达到1，680万一1，785万吨。", "钢产量达到1680万---1785万吨。",
                                      "钢产量达到1680万----1785万吨。", "钢产量达到1680——1785万吨。"])
def test_a_dash_printed_as_one_or_as_hyphens_joins_a_range(sentence):
    (ind,) = indicators(sentence)  # OCR reads a dash as 一
    assert (ind.name, ind.value, ind.value_max, ind.unit) == ("钢产量", 1680.0, 1785.0, "万吨")


def test_a_range_of_changes_with_a_dash_read_as_one():
    (ind,) = indicators("食糖550万一600万吨，比1985年增长23.6一34．8％。")
    assert (ind.value, ind.value_max, ind.change, ind.change_max) == (550.0, 600.0, 23.6, 34.8)


def test_a_name_cut_to_its_length_opens_with_no_list_comma_or_closing_mark():
    *_, share = indicators("其中，对“一带一路”沿线国家完成营业额893亿美元，增长4.4%，占对外承包工程完成营业额比重为52.8%。")
    assert share.name == "沿线国家完成营业额占对外承包工程完成营业额比重"  # cut after ”, which goes


@pytest.mark.parametrize(("sentence", "rows"), [
    # a part named inside brackets is a row of its own; the change after the brackets is the whole's
    ("民用汽车保有量21743万辆（包括三轮汽车和低速货车820万辆），比上年末增长11.8%。",
     [("民用汽车保有量", 21743.0, 11.8), ("三轮汽车和低速货车", 820.0, None)]),
    # the same figure in other terms keeps the whole's name
    ("实际使用外商直接投资金额8776亿元（折1310亿美元），增长7.9%。",
     [("实际使用外商直接投资金额", 8776.0, 7.9), ("实际使用外商直接投资金额", 1310.0, None)]),
    # a change inside the brackets is the part's; the rows after them are named from the whole
    ("农林牧渔业投资1200亿元（其中水利投资419亿元，增长58.1%），比上年增长20%。",
     [("农林牧渔业投资", 1200.0, 20.0), ("水利投资", 419.0, 58.1)]),
    ("成人高校招生91.4万人（含电大普通专科班8.1万人），比上年减少10.3万人。",
     [("成人高校招生", 91.4, None), ("电大普通专科班", 8.1, None), ("成人高校招生比上年减少", 10.3, None)]),
])
def test_figures_in_brackets_are_asides(sentence, rows):
    assert [(i.name, i.value, i.change) for i in indicators(sentence)] == rows


def test_the_level_of_a_year_compared_with_is_where_things_stood():
    doc = parse_text("二、今后五年的主要任务\n到1995年，国民生产总值达到31000亿元，比1990年的17400亿元增长78%，"
                     "平均每年增长12%。粮食产量达到5亿吨，比一九九〇年的4.35亿吨增加6500万吨。\n")
    assert [(i.name, i.value, i.change, i.kind, i.period) for i in doc.indicators] == [
        ("国民生产总值", 31000.0, 78.0, "target", 1995), ("1990年国民生产总值", 17400.0, None, "actual", 1990),
        ("国民生产总值平均每年", None, 12.0, "target", 1995), ("粮食产量", 5.0, None, "target", 1995),
        ("一九九〇年粮食产量", 4.35, None, "actual", 1990), ("粮食产量增加", 6500.0, None, "target", 1995)]


def test_the_level_of_the_year_before_compared_with_is_last_years():
    doc = parse_text("一、2022年工作回顾\n全年财政收入120亿元，比上年的100亿元增长20%。"
                     "年末存款余额300亿元，比上年末的250亿元增加50亿元。\n")
    assert [(i.name, i.value, i.change, i.period) for i in doc.indicators] == [
        ("财政收入", 120.0, 20.0, 2022), ("上年财政收入", 100.0, None, 2021), ("年末存款余额", 300.0, None, 2022),
        ("上年末存款余额", 250.0, None, 2021), ("年末存款余额增加", 50.0, None, 2022)]


def test_a_starting_point_of_the_year_before_is_dated_a_year_before_the_sentences_year():
    doc = parse_text("一、2022年工作回顾\n小学毕业生升学率由上年的77.7%提高到79.7%。\n"
                     "二、2023年工作安排\n今年拟安排财政赤字1.62万亿元，赤字率从去年的2.1%提高到2.3%。\n")
    assert [(i.value, i.period) for i in doc.indicators] == [(77.7, 2021), (79.7, 2022), (1.62, 2023),
                                                             (2.1, 2022), (2.3, 2023)]


@pytest.mark.parametrize(("sentence", "rows"), [
    ("消除返贫风险251户995人。", [("消除返贫风险", 251.0, "户"), ("消除返贫风险", 995.0, "人")]),
    ("完成市政道路12条21公里。", [("市政道路", 12.0, "条"), ("市政道路", 21.0, "公里")]),
    ("累计派出26批816名医务人员驰援。", [("派出医务人员驰援", 26.0, "批"), ("派出医务人员驰援", 816.0, "名")]),
])
def test_two_values_printed_as_a_pair_are_two_rows_of_one_thing(sentence, rows):
    assert [(i.name, i.value, i.unit) for i in indicators(sentence)] == rows


def test_values_run_together_stay_a_list_and_a_magnitude_is_no_pair():
    # the same unit run together (a lost separator) is a list of changes, as before
    assert [i.change for i in indicators("完成数、面积分别较去年增长129%378%。")] == [129.0, 378.0]
    # a chain of values run together is no pair (and no run of rows: it made the naming quadratic)
    assert [i.value for i in indicators("价格1元2元3元4元。")] == [4.0]
    # a bare magnitude before digits is one number written across it (1万6千多户), not a pair
    assert (1.0, "万") not in [(i.value, i.unit) for i in indicators("农户由1千多户增加到1万6千多户。")]


@pytest.mark.parametrize(("sentence", "rows"), [
    ("新培育30户以上智能工厂。", [(30.0, "户", "以上")]),
    ("新解决20万人以上的饮水安全问题。", [(20.0, "万人", "以上")]),
    ("分期培训100名以上精英民营企业家、1000名以上优秀民营企业家。", [(100.0, "名", "以上")]),
    # a class of the things another figure counts, or a size of places, stays no figure
    ("培育10亿元以上企业5家。", [(5.0, "家", "")]),
    ("新建一百万吨以上的大型矿井二十八个。", [(28.0, "个", "")]),
    ("全面推进2000人以上建制镇生活污水处理设施建设。", []),
    ("20户以上自然村全部通电视。", []),
])
def test_an_amount_after_a_verb_of_work_is_no_size_class(sentence, rows):
    assert [(i.value, i.unit, i.qualifier) for i in indicators(sentence, "一、2023年工作安排")] == rows


@pytest.mark.parametrize("sentence", ["开工建设5000万元以上产业项目。", "新建100亩以上的高标准示范基地。",
                                      "改造60平方米以下老旧住房。"])
def test_a_size_of_things_after_a_verb_of_work_stays_a_class(sentence):
    assert indicators(sentence, "一、2023年工作安排") == []


@pytest.mark.parametrize(("sentence", "rows"), [
    ("设立4个专业招商小组，11个20亿元以上重大项目签约落地。", [("设立专业招商小组", 4.0), ("签约落地的重大项目", 11.0)]),
    ("加快4座500千伏变电站建设。", [("加快变电站建设", 4.0)]),
    ("推进落实总投资3310亿元150个市级重点项目。", [("推进落实总投资", 3310.0), ("市级重点项目", 150.0)]),
    ("力争培育产值超100亿元企业1户、超50亿元3户。", [("培育产值超100亿元企业", 1.0), ("超50亿元", 3.0)]),
])
def test_a_count_before_a_class_is_named_by_the_things_after_the_class(sentence, rows):
    assert [(i.name, i.value) for i in indicators(sentence)] == rows




@pytest.mark.parametrize(("sentence", "rows"), [
    ("科学应对19轮强降雨。", [("科学应对强降雨", 19.0, "轮")]),
    ("有力应对39轮次强降雨。", [("有力应对强降雨", 39.0, "轮次")]),
    ("15个强县参照直管县管理。", [("强县参照直管县管理", 15.0, "个")]),
    ("成功应对汛期12轮强降雨。", [("成功应对强降雨", 12.0, "轮")]),  # the time between verb and count is adverbial
    ("地区生产总值增长 5.5%、达到 10.3 万亿元。", [("地区生产总值", 10.3, "万亿元")]),  # PDF text spaces figures
])
def test_a_count_before_a_word_opening_with_qiang_is_a_count(sentence, rows):
    assert [(i.name, i.value, i.unit) for i in indicators(sentence)] == rows


def test_in_a_part_headed_by_its_theme_a_thing_done_is_a_result():
    doc = parse_text("一、1956年的工作\n工业总产值增长22%。\n二、关于社会主义建设\n"
                     "而1956年这一年就增加了一百三十九亿元。全国职工已经达到2400万人。"
                     "为了发展生产，要新建工厂300个。提出了单位能耗降低20%的要求。\n")
    assert [(i.value, i.kind) for i in doc.indicators] == [
        (None, "actual"), (139.0, "actual"), (2400.0, "actual"), (300.0, "target"), (None, "target")]
    # a part headed by plans keeps its kind whatever verb a figure has
    plans = parse_text("一、1956年的工作\n工业总产值增长22%。\n二、1957年的计划\n全国职工已经达到2400万人。\n")
    assert [i.kind for i in plans.indicators] == ["actual", "target"]


def test_results_of_a_document_without_headings_stay_results():
    doc = parse_text("2023年某市政府工作报告\n各位代表：\n过去一年，全市经济平稳运行。\n工业经济稳中有进。全市规上工业增加值增长6%。\n"
                     "服务业加快发展。社会消费品零售总额增长5%。\n")
    assert [(i.change, i.kind, i.period) for i in doc.indicators] == [(6.0, "actual", 2022), (5.0, "actual", 2022)]
    # a lead naming plans heads no plan part there
    doc = parse_text("1975年政府工作报告\n各位代表：\n第四个五年计划一九七五年将胜利完成。"
                     "一九七四年农业总产值预计比一九六四年增长百分之五十一。\n"
                     "工业生产稳步发展。原煤增长百分之九十一。\n")
    assert [(i.kind, i.period) for i in doc.indicators] == [("actual", 1974), ("actual", 1974)]


def test_a_theme_part_keeps_plans_based_on_a_past_year_and_decisions_about_the_future():
    doc = parse_text("1980年政府工作报告\n一、1979年的工作\n粮食增长。\n二、关于农业的发展\n"
                     "明年农业总产值在一九七九年的基础上增长百分之四。明年粮食产量较之一九七九年增长百分之五。"
                     "国家已经决定今后三年内新建大中型水库一百座。据统计，全国农村社员平均每人收入一百六十元。\n")
    assert [i.kind for i in doc.indicators] == ["target", "target", "target", "actual"]


def test_a_budget_part_plans_and_an_outturn_part_reports():
    doc = parse_text("一、1955年国家决算\n收入272亿元。\n二、1956年的国家预算\n收入297亿元。\n"
                     "三、1955年国家决算的说明\n支出262亿元。\n")
    assert [i.kind for i in doc.indicators] == ["actual", "target", "actual"]
    # how a budget went is a report
    doc = parse_text("2023年某市政府工作报告\n一、2022年工作\n收入增长5%。\n二、2022年预算收支情况\n"
                     "全市一般公共预算收入完成420亿元。\n")
    assert [i.kind for i in doc.indicators] == ["actual", "actual"]


def test_a_change_that_will_be_compared_with_last_year_is_a_plan():
    doc = parse_text("一、1955年的工作\n产量增长10%。\n二、1956年的计划\n劳动生产率将比上年提高17.2%。"
                     "投资规模要比上年压缩920亿元。\n")
    assert [i.kind for i in doc.indicators] == ["actual", "target", "target"]


@pytest.mark.parametrize(("sentence", "row"), [
    ("完成造林面积2560多万亩，比1954年完成数增长47%。", ("造林面积", 2560.0, 47.0)),
    ("住宅面积共达3700万平方米，比上一年增长33%。", ("住宅面积", 3700.0, 33.0)),
    ("澳资企业达6600户，较3年前增长44%。", ("澳资企业", 6600.0, 44.0)),
    ("粮食产量达到500万吨，比去年同期增长5%。", ("粮食产量", 500.0, 5.0)),
])
def test_a_change_after_a_base_goes_to_the_value_before(sentence, row):
    assert [(i.name, i.value, i.change) for i in indicators(sentence)] == [row]


def test_an_average_per_person_is_a_measure_not_an_adverbial():
    assert [(i.name, i.value, i.change) for i in indicators("城镇居民平均每人生活费收入为1012元，比上年增长20.6%。")] == [
        ("城镇居民平均每人生活费收入", 1012.0, 20.6)]
    # (平均每年 stays an adverbial: see test_the_level_of_a_year_compared_with_is_where_things_stood)


@pytest.mark.parametrize(("sentence", "rows"), [
    ("出生人口性别比为120.56。", [("出生人口性别比", 120.56, "")]),
    ("城乡居民人均可支配收入比值为2.39，比上年缩小0.06。", [("城乡居民人均可支配收入比值", 2.39, ""),
                                                    ("城乡居民人均可支配收入比值比上年缩小", 0.06, "")]),
    ("城乡居民人均收入倍差比上年缩小 0.03。", [("城乡居民人均收入倍差比上年缩小", 0.03, "")]),  # as the dev gold
    ("工业企业经济效益综合指数99.3，比上年提高8.4个百分点。", [("工业企业经济效益综合指数", 99.3, ""), ("工业企业经济效益综合指数", None, "")]),
    ("全年平均气温为10.71℃，比上年上升0.21℃。", [("平均气温", 10.71, "℃"), ("平均气温比上年上升", 0.21, "℃")]),
    ("城市居民起居室供热标准由18℃提高到20℃。", [("城市居民起居室供热标准", 18.0, "℃"), ("城市居民起居室供热标准", 20.0, "℃")]),
])
def test_pure_numbers_and_temperatures(sentence, rows):
    assert [(i.name, i.value, i.unit) for i in indicators(sentence)] == rows


@pytest.mark.parametrize(("sentence", "rows"), [
    # near misses of the rules above (an adversarial check): a voltage pair is no rate per population
    ("全年新建110/10千伏变电站5座。", [("新建110/10千伏变电站", 5.0, "座", None)]),
    # a unit is shared only by figures of the same magnitude
    ("常住人口和地区生产总值分别为1500万和2.1万亿元。", [("常住人口总值", 1500.0, "万", None),
                                              ("地区生产总值", 2.1, "万亿元", None)]),
    # 数 ending a noun (人数, 总数) makes no numeral vague
    ("就业人数百万人。", [("就业人数", 100.0, "万人", None)]),
    # brackets right after a name hold its level, which takes the change after them
    ("农业总产值（604亿元）比1956年增长3.5%。", [("农业总产值", 604.0, "亿元", 3.5)]),
])
def test_near_misses_of_this_stops_rules(sentence, rows):
    assert [(i.name, i.value, i.unit, i.change) for i in indicators(sentence)] == rows


def test_a_level_a_thing_is_cut_back_to_is_no_change():
    (ind,) = indicators("国有企业管理层级压缩到3%以内。")
    assert (ind.value, ind.change) == (3.0, None)


def test_a_comparison_with_a_named_year_is_a_change_of_the_thing_named_before():
    got = indicators("规模以上工业企业达到1211家，比2008年增加446家，平均每年增加74家。")
    assert [(i.name, i.value) for i in got] == [
        ("规模以上工业企业", 1211), ("规模以上工业企业比2008年增加", 446), ("规模以上工业企业平均每年增加", 74)]
    # spaces a PDF leaves around the year do not break the value and its change apart
    (ind,) = indicators("1985 年丝的产量 4.3 万吨，比 1980 年增长 23%；")
    assert (ind.value, ind.change) == (4.3, 23)


@pytest.mark.parametrize(("sentence", "name"), [
    ("农牧民转移就业8.6万人，实现收入8.92亿元。", "农牧民转移就业收入"),
    ("实施亿元以上重点项目468个、完成投资1700亿元。", "亿元以上重点项目完成投资"),
    ("全年签约项目121个，总投资684.7亿元。", "签约项目总投资"),
    # the things were named after the count, or only a verb stands before it: the measure alone
    ("总投资55.6亿元的89个项目顺利推进，实现产值562.4亿元。", "产值"),
    ("200个市级重点建设项目全部开工，竣工70个，完成投资1560亿元。", "投资"),
])
def test_an_amount_named_only_by_its_measure_measures_the_things_just_counted(sentence, name):
    assert indicators(sentence)[-1].name == name


@pytest.mark.parametrize(("sentence", "names"), [
    ("第一、二、三产业增加值占国内生产总值的比重分别为13%、51%和36%。",
     ["第一产业增加值占国内生产总值的比重", "第二产业增加值占国内生产总值的比重", "第三产业增加值占国内生产总值的比重"]),
    ("第一产业、第二产业、第三产业增加值分别增长3%、5%和6%。", ["第一产业增加值", "第二产业增加值", "第三产业增加值"]),
    ("农村生活污水治理率、自来水普及率、行政村覆盖率分别达90%、96%、100%。",
     ["农村生活污水治理率", "自来水普及率", "行政村覆盖率"]),  # 及 inside 普及 joins nothing
    ("主要农作物化肥、农药利用率均达到43%以上。", ["主要农作物化肥利用率", "农药利用率"]),
    ("PM2.5、PM10年均浓度均下降5.9%。", ["PM2.5年均浓度", "PM10年均浓度"]),
    ("规模以上工业企业利税和利润增速分别提高2.4和6.5个百分点。", ["规模以上工业企业利税增速", "利润增速"]),
    ("第三产业快速增长，旅游总收入增长16.5%。", ["旅游总收入"]),  # the verb next to the figure
    ("公共绿地面积达到人均4平方米。", ["人均公共绿地面积"]),
    ("粮食产量继续保持500亿斤以上。", ["粮食产量"]),
    ("城乡居民收入比缩小到2.5。", ["城乡居民收入比"]),
    ("中等职业学校招生规模扩大到741万人。", ["中等职业学校招生规模"]),
])
def test_lists_of_things_share_their_measure(sentence, names):
    assert [i.name for i in indicators(sentence)] == names


def test_a_point_change_after_a_share_is_the_shares_and_a_percent_change_the_things():
    got = indicators("税收收入完成1272.9亿元，增长12.6%，占一般公共预算收入比重达75.0%，比上年提高0.7个百分点。")
    assert [(i.name, i.value, i.change) for i in got] == [
        ("税收收入", 1272.9, 12.6), ("税收收入占一般公共预算收入比重", 75.0, None),
        ("税收收入占一般公共预算收入比重", None, 0.7)]


@pytest.mark.parametrize("sentence", [
    "制造业、高新技术产业、民间项目三项投资分别增长69.6%、55.0%、43.8%。",
    "制造业、高新技术产业、民间项目三项投资分别增长69.6%55.0%43.8%。",
])
def test_a_list_of_changes_is_distributed(sentence):
    got = indicators(sentence)
    assert [i.change for i in got] == [69.6, 55.0, 43.8]
    assert all(i.value is None for i in got)


def test_values_and_changes_distributed_over_a_list_of_names():
    got = indicators("城镇和农村常住居民人均可支配收入分别达到79668元和40450元,增长9.0%和11.8%。")
    assert [fields(i, "name", "value", "unit", "change") for i in got] == [
        ("城镇常住居民人均可支配收入", 79668.0, "元", 9.0),
        ("农村常住居民人均可支配收入", 40450.0, "元", 11.8),
    ]


def test_two_in_one_words_are_distributed():
    got = indicators("城乡居民人均可支配收入分别达到52345元和28765元。")
    assert [(i.name, i.value) for i in got] == [("城镇居民人均可支配收入", 52345.0), ("农村居民人均可支配收入", 28765.0)]
    got = indicators("金融存贷款增量双双突破百亿。")
    assert [(i.name, i.value, i.unit, i.qualifier) for i in got] == [
        ("金融存款增量", 100.0, "亿元", "突破"), ("金融贷款增量", 100.0, "亿元", "突破")]


def test_each_distributes_one_value_over_listed_things():
    got = indicators("新增国家级、省级专精特新企业各2家。")
    assert [fields(i, "name", "value", "unit") for i in got] == [
        ("新增国家级专精特新企业", 2.0, "家"), ("省级专精特新企业", 2.0, "家")]


@pytest.mark.parametrize(("sentence", "field", "expected"), [
    ("地区生产总值增长6.5%以上。", "qualifier", "以上"),
    ("居民消费价格涨幅控制在3%左右。", "qualifier", "左右"),
    ("城镇调查失业率控制在5%以内。", "qualifier", "以内"),
    ("力争规上工业总产值突破800亿元。", "qualifier", "突破"),
    ("全年旅游收入超过3亿元。", "qualifier", "超过"),
    ("实现生产总值约4.4万亿元。", "qualifier", "约"),
    ("完成总用地6000多亩。", "qualifier", "超过"),
])
def test_qualifiers(sentence, field, expected):
    (ind,) = indicators(sentence)
    assert getattr(ind, field) == expected


def test_ranges_fill_change_max_and_value_max():
    (a,) = indicators("地区生产总值增长6%—6.5%。", "二、2023年发展目标")
    assert (a.change, a.change_max) == (6.0, 6.5)
    (b,) = indicators("地区生产总值增长6%至6.5%。", "二、2023年发展目标")
    assert (b.change, b.change_max) == (6.0, 6.5)
    (c,) = indicators("粮食产量达到30万吨—32万吨。")
    assert (c.value, c.value_max, c.unit) == (30.0, 32.0, "万吨")


def test_full_width_digits_thousands_separators_and_chinese_numerals():
    (a,) = indicators("粮食产量３３，２１２万吨。")
    assert (a.value, a.unit) == (33212.0, "万吨")
    (b,) = indicators("服务业增加值增长８．６％。")
    assert b.change == 8.6
    (c,) = indicators("实际利用外资3,883万美元。")
    assert c.value == 3883.0
    (d,) = indicators("发放补助三千万元。")
    assert (d.value, d.unit, d.value_base) == (3000.0, "万元", 30000000.0)
    (e,) = indicators("网络零售额突破百亿。")
    assert (e.value, e.unit, e.qualifier) == (100.0, "亿元", "突破")
    (g,) = indicators("实际利用外资3 萬 3,883 美元。")
    assert (g.value, g.unit, g.value_base) == (33883.0, "美元", 33883.0)
    (h,) = indicators("完成投资 26 亿元。")
    assert (h.value, h.unit) == (26.0, "亿元")
    (f,) = indicators("新增就业1.2万人。")
    assert (f.value, f.unit, f.value_base, f.base_unit) == (1.2, "万人", 12000.0, "人")


def test_a_bare_verb_name_is_completed_by_the_words_after_the_figure():
    (ind,) = indicators("启动5家小微园建设。")
    assert (ind.name, ind.value, ind.unit) == ("启动小微园建设", 5.0, "家")
    (ind,) = indicators("行政村年经营性收入全部20万元以上,50万元以上比例达到81%。")[1:]
    assert (ind.name, ind.value, ind.unit) == ("50万元以上比例", 81.0, "%")


@pytest.mark.parametrize("sentence", [
    "推动十大民生实事全部如期完成。",
    "2022年是新一届政府的开局之年。",
    "总量居山区26县第三,综合实力排名前移至全国第13位。",
    "市域铁路S2线、228国道、G52高速无障碍推进。",
    "牛头山入选国家5A级旅游景区意向名单,连续5年入选百强县。",
    "列入省“4+1”重大项目清单,实施“凤凰行动2.0”。",
    "回忆总结今年前4个月的工作。",
    "新增产值40亿元企业。",
    "PM2.5浓度持续下降。",
])
def test_not_indicators(sentence):
    assert indicators(sentence) == []


def test_targets_from_cue_words_and_from_the_plan_part():
    (review,) = indicators("以超常规举措确保经济运行在合理区间,实现地区生产总值320.5亿元。")
    assert fields(review, "kind", "period", "hedge") == ("actual", 2022, "")
    (cued,) = indicators("力争规上工业总产值突破800亿元。")
    assert fields(cued, "kind", "hedge") == ("target", "力争")
    (plan,) = indicators("新增工业互联网平台2家。", "二、2023年发展目标和重点工作")
    assert fields(plan, "kind", "period", "hedge") == ("target", 2023, "")


def test_indicators_name_their_node_and_sentence():
    doc = parse_text("一、回顾\n（一）稳增长。实现地区生产总值320.5亿元;财政总收入50.5亿元。\n")
    assert [(i.node, i.text) for i in doc.indicators] == [
        ("1.1", "实现地区生产总值320.5亿元;"), ("1.1", "财政总收入50.5亿元。")]
    assert [i.id for i in doc.indicators] == ["i1", "i2"]


@pytest.mark.parametrize(("sentence", "name", "change"), [
    ("消费品工业的产值比1985年增长40%。", "消费品工业的产值", 40),
    ("粮食产量比“七五”期间增长8%。", "粮食产量", 8),
    ("出口总额比上年增长12%。", "出口总额", 12),
])
def test_a_change_is_named_by_the_thing_not_by_its_base(sentence, name, change):
    (ind,) = indicators(sentence)
    assert (ind.name, ind.value, ind.change, ind.change_unit) == (name, None, change, "%")


@pytest.mark.parametrize(("sentence", "name", "values", "unit"), [
    ("市政府工作部门由46个减至38个。", "市政府工作部门", [46, 38], "个"),
    ("交付使用率由“六五”期间的73.6%提高到75%。", "交付使用率", [73.6, 75], "%"),
])
def test_a_level_moving_from_one_figure_to_another_names_both(sentence, name, values, unit):
    got = indicators(sentence)
    assert [(i.name, i.value, i.unit) for i in got] == [(name, v, unit) for v in values]


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("日供水能力达到20万吨／日。", 20, "万吨/日"),
    ("细颗粒物平均浓度为35微克/立方米。", 35, "微克/立方米"),
    ("每百人拥有电话3.5部/百人。", 3.5, "部/百人"),
])
def test_units_per_day_per_hundred_and_per_volume(sentence, value, unit):
    (ind,) = indicators(sentence)
    assert (ind.value, ind.unit) == (value, unit)


def test_a_part_reporting_how_a_plan_was_carried_out_reviews_its_year():
    text = ("关于1990年计划执行情况与1991年计划草案的报告\n"
            "一、１９９０年计划的执行情况\n农业总产值达到7382亿元，比上年增长６．９％。\n"
            "二、１９９１年计划的主要目标\n国民生产总值增长4.5%。\n")
    got = parse_text(text).indicators
    assert [(i.kind, i.period) for i in got] == [("actual", 1990), ("target", 1991)]


@pytest.mark.parametrize(("sentence", "rows"), [
    ("器材储备费一一·二亿元。", [("器材储备费", 11.2, "亿元")]),
    ("苏联帮助设计的单位的投资是一一〇亿元。", [("苏联帮助设计的单位的投资", 110, "亿元")]),
    ("高小招收学生二、六九五万人。", [("高小招收学生", 2695, "万人")]),  # 、 between thousands
    ("播种面积将达到二二七、三七七·一万亩。", [("播种面积", 227377.1, "万亩")]),
    ("机制纸由二五·九万吨增为四九万吨。", [("机制纸", 25.9, "万吨"), ("机制纸", 49, "万吨")]),
    ("二〇二〇年粮食产量三二〇〇万吨。", [("粮食产量", 3200, "万吨")]),
])
def test_numbers_written_digit_by_digit_in_words(sentence, rows):
    assert [(i.name, i.value, i.unit) for i in indicators(sentence)] == rows


def test_digit_by_digit_words_that_are_no_number():
    assert indicators("来了七八个人。") == []  # two consecutive digits: seven or eight, an estimate
    (ind,) = indicators("现代工业的比重，已由一九四九年的百分之三六·七上升到一九五二年的百分之六一。")[:1]
    assert (ind.name, ind.value, ind.unit) == ("现代工业的比重", 36.7, "%")  # a percentage keeps its own reading


def test_a_plan_of_several_years_dates_a_figure_only_where_its_text_does():
    text = ("中华人民共和国国民经济和社会发展第十个五年计划纲要\n（2001年3月15日通过）\n第一章 主要目标\n"
            "城镇新增就业4000万人。2005年国内生产总值达到12.5万亿元。\n")
    got = parse_text(text).indicators
    assert [(i.value, i.kind, i.period) for i in got] == [(4000, "target", None), (12.5, "target", 2005)]


def test_what_will_be_reached_is_a_target_whatever_base_follows():
    got = indicators("一般公共预算支出规模将首次达到30万亿元、比上年增加约1.27万亿元。", "二、2026年政府工作任务")
    assert [(i.name, i.value, i.kind) for i in got] == [
        ("一般公共预算支出规模", 30, "target"), ("一般公共预算支出规模比上年增加", 1.27, "target")]
    (done,) = indicators("一般公共预算支出规模首次达到30万亿元。")
    assert (done.name, done.kind) == ("一般公共预算支出规模", "actual")


def test_a_comma_inside_a_title_or_quotation_does_not_cut_the_name():
    (ind,) = indicators("《我的家，你的世界》宣传片点击量达22.55亿人次。")
    assert ind.name == "《我的家，你的世界》宣传片点击量"
    got = indicators("“菜篮子，米袋子”工程投资5亿元，新增就业1万人。")
    assert [i.name for i in got] == ["“菜篮子，米袋子”工程投资", "新增就业"]


@pytest.mark.parametrize(("sentence", "name"), [
    ("在学研究生128.3万人。", "在学研究生"),
    ("在孵企业3200多家。", "在孵企业"),
    ("在川落户世界500强企业151家。", "在川落户世界500强企业"),
    ("共有产权住房1000套。", "共有产权住房"),
    ("建成绿道10条、多彩森林廊道165公里。", "多彩森林廊道"),
])
def test_words_that_open_with_a_preposition_or_adverb_stay_whole(sentence, name):
    assert indicators(sentence)[-1].name == name


def test_a_preposition_or_adverb_before_the_name_is_dropped():
    assert [i.name for i in indicators("在全省建成基站100个，共建成公园5个。")] == ["全省建成基站", "建成公园"]


@pytest.mark.parametrize(("sentence", "name"), [
    ("启动老旧小区改造项目113个、惠及1.1万户。", "启动老旧小区改造项目惠及"),  # nothing after: what the thing did
    ("突出抓好30个重点企业。", "突出抓好重点企业"),  # adverb and verb: the thing after the count
    ("设立1000亿元财政金融协同促进基金。", "设立财政金融协同促进基金"),
])
def test_a_bare_verb_before_a_figure_is_named_by_its_thing(sentence, name):
    assert indicators(sentence)[-1].name == name


def test_a_review_of_a_plan_period_dates_its_results_by_the_plans_years_when_no_year_is_known():
    body = "一、“十五”时期工作回顾\n实现社会消费品零售总额201.84亿元。\n"
    (ind,) = parse_text("某市政府工作报告\n" + body).indicators
    assert (ind.kind, ind.period_start, ind.period) == ("actual", 2001, 2005)
    (ind,) = parse_text("某市2006年政府工作报告\n" + body).indicators  # a report reviews its last year most
    assert (ind.kind, ind.period_start, ind.period) == ("actual", None, 2005)


@pytest.mark.parametrize(("sentence", "name"), [
    ("包括京呼银兰光缆（2084公里）等。", "包括京呼银兰光缆"),  # a bracket opened at the name's end
    ("向13个县授予州（地、市）一级行政审批权262项。", "一级行政审批权"),  # a bracket closed that it never opened
])
def test_a_name_cut_inside_brackets_keeps_no_half_bracket(sentence, name):
    assert indicators(sentence)[-1].name == name


@pytest.mark.parametrize(("sentence", "name"), [
    ("加强扶贫工作，又有171万贫困地区的群众，基本解决了温饱问题。", "贫困地区的群众"),  # 又有: names nothing
    ("对212所农村小规模中小学食堂实施运行补助。", "农村小规模中小学食堂实施运行补助"),  # a preposition
    ("去年工业增加值突破2000亿元。", "工业增加值"),  # the report's last year opens the sentence
    ("去年末居民储蓄存款余额4万亿元。", "去年末居民储蓄存款余额"),  # but the year's end is the figure's time
    ("去年完成投资100亿元，今年又完成120亿元。", "投资"),  # an adverb with nothing after: the same thing
])
def test_function_words_before_a_figure_name_nothing(sentence, name):
    assert indicators(sentence)[-1].name == name


@pytest.mark.parametrize(("sentence", "names"), [
    # 即, 折 and 兑 restate the figure before: the same thing, in other words or another currency
    ("总产值由483.9亿元增加为596.6亿元，即增长23.3%。", ["总产值", "总产值增加", "总产值"]),
    ("对外承包工程完成营业额11339亿元，比上年增长8.8%，折1609亿美元，增长3.8%。",
     ["对外承包工程完成营业额", "对外承包工程完成营业额"]),
    ("全年人民币平均汇率为1美元兑6.7518元人民币，比上年贬值1.6%。", ["人民币平均汇率"]),  # one row: rate and change
    ("职工年平均工资5500元，增长21.2％。", ["职工年平均工资"]),  # 平均 before a noun is part of the measure
])
def test_a_restated_figure_measures_the_thing_before(sentence, names):
    assert [i.name for i in indicators(sentence)] == names


def test_a_currency_that_gains_or_loses_value_changes():
    # the rate and its change are one row, as held-out communiqué golds write them
    (rate,) = indicators("全年人民币平均汇率为1美元兑6.7518元人民币，比上年贬值1.6%。")
    assert (rate.value, rate.unit, rate.change) == (6.7518, "元", -1.6)
    (gain,) = indicators("年末人民币汇率为1美元兑6.2855元人民币，比上年末升值0.25%。")
    assert gain.change == 0.25


@pytest.mark.parametrize(("sentence", "name"), [
    ("地区生产总值增长5.7%，高于全国0.7个百分点。", "地区生产总值高于全国"),  # a gap with no subject: the thing before's
    ("居民消费价格上涨5.4％，低于全国平均水平0.5个百分点。", "居民消费价格低于全国平均水平"),
    ("全年西部地区投资增长31.2%，比东部地区高出14.9个百分点。", "西部地区投资比东部地区高出"),
    ("一产增加值增幅高于全国0.7个百分点。", "一产增加值增幅高于全国"),  # its own subject stays
])
def test_a_gap_to_a_comparison_base_is_named_by_the_thing_compared(sentence, name):
    assert indicators(sentence)[-1].name == name


def test_an_estimate_or_budget_named_as_the_base_makes_no_result():
    body = ("二、2009年工作安排\n中央财政拟投入社会保障资金2930亿元，比上年预计数增加439亿元，增长17.6%。\n"
            "中央财政赤字预算拟安排1800亿元，比去年预算赤字减少650亿元。\n")
    got = parse_text("2009年政府工作报告\n一、2008年工作回顾\n财政收入增长10%。\n" + body).indicators[1:]
    assert [(i.value, i.change, i.kind) for i in got] == [
        (2930, 17.6, "target"), (439, None, "target"), (1800, None, "target"), (650, None, "target")]


@pytest.mark.parametrize(("sentence", "names"), [
    ("经营主体新增105万户，达到920万户。", ["经营主体新增", "经营主体"]),  # the level is the thing's, not the increase's
    ("国家财政收入比上年增加1501亿元，达到11377亿元。", ["国家财政收入比上年增加", "国家财政收入"]),
    ("新增国家高新技术企业1200家，总量达到1.8万家。", ["新增国家高新技术企业", "国家高新技术企业总量"]),  # 家, 万家
    ("财政赤字占国内生产总值的比重从2.8%降到1.5%左右。", ["财政赤字占国内生产总值的比重"] * 2),  # a share stays whole
])
def test_a_level_after_an_increase_names_the_thing(sentence, names):
    assert [i.name for i in indicators(sentence)] == names


@pytest.mark.parametrize(("sentence", "names"), [
    # what follows 等 after a list is every listed thing's
    ("食品、石化、信息等产业增加值分别增长5%、6%、8%。", ["食品产业增加值", "石化产业增加值", "信息产业增加值"]),
    ("地区生产总值、一般公共预算收入等指标分别增长5%、6%。", ["地区生产总值", "一般公共预算收入等指标"]),  # not 指标
    # levels of different units share out over a 分别 list
    ("建成区绿地率、绿化覆盖率、人均公园绿地面积分别达到41.25%、40.84%、17.16平方米。",
     ["建成区绿地率", "绿化覆盖率", "人均公园绿地面积"]),
    # a comma between the list and 分别
    ("城镇居民人均可支配收入和农村居民人均纯收入，分别实际增长8.3%和9.2%。", ["城镇居民人均可支配收入", "农村居民人均纯收入"]),
])
def test_a_list_shares_out_its_figures(sentence, names):
    assert [i.name for i in indicators(sentence)] == names


@pytest.mark.parametrize(("sentence", "name"), [
    ("建设首批10个安徽省技术创新中心。", "建设安徽省技术创新中心"),  # a batch before a count is not the things
    ("全面推进七大类48项改革任务。", "全面推进改革任务"),  # nor a class
    ("完成长江干堤加固工程，以及30万亩农田水利建设。", "农田水利建设"),  # a connective names nothing
    ("严守18亿亩耕地红线。", "严守耕地红线"),  # a governing verb before an amount: the thing after it
    ("投资26亿元建设新园区。", "投资"),  # but a measure before the figure is its name
])
def test_the_things_after_a_count_name_it_when_the_words_before_name_none(sentence, name):
    assert indicators(sentence)[-1].name == name


def test_a_remark_before_a_name_is_not_part_of_it():
    assert indicators("（紧接第1版）产业化带动面提高到74%。")[-1].name == "产业化带动面"


@pytest.mark.parametrize(("sentence", "name"), [
    ("扶持发展2000家农民专业合作社。", "扶持发展农民专业合作社"),  # the noun after a count ends the clause: the things
    ("动态更新7个项目库。", "动态更新项目库"),
    ("引进重大项目30个，总投资100亿元。", "引进重大项目"),  # the things before the count
    ("完成工业领域设备更新33.6万台套。", "工业领域设备更新"),  # 套: the rest of a unit, no noun
    ("科技进步对经济增长的贡献率提高1—2个百分点。", "科技进步对经济增长的贡献率"),  # a change in points
])
def test_a_count_followed_by_its_noun_is_named_by_it(sentence, name):
    assert indicators(sentence)[0].name == name


def test_the_parts_of_the_work_a_report_sets_out_are_no_indicators():
    assert indicators("重点做好9个方面工作：") == []
    assert indicators("重点抓好以下十二个方面的工作。") == []


def test_yue_that_ends_a_word_is_no_qualifier():
    (signed,) = indicators("全年签约130亿美元。")
    assert (signed.name, signed.qualifier) == ("签约", "")
    (saved,) = indicators("节约资金5亿元。")
    assert saved.qualifier == ""
    (about,) = indicators("投资约100亿元。")
    assert (about.name, about.qualifier) == ("投资", "约")


def test_a_period_alone_after_a_figure_of_another_period_measures_the_same_thing():
    names = [i.name for i in indicators("一季度国内生产总值同比下降6.8%，二季度增长3.2%，三季度增长4.9%。")]
    assert names == ["一季度国内生产总值", "二季度国内生产总值", "三季度国内生产总值"]
    assert [i.name for i in indicators("1月份出口增长5%，2月份增长6%。")] == ["1月份出口", "2月份出口"]
    assert [i.name for i in indicators("一季度增长5%。")] == ["一季度"]  # nothing named before: as printed


@pytest.mark.parametrize(("sentence", "changes"), [
    # a percentage named as the size of a rise or fall is a change, and a fall's is negative
    ("企业退休人员养老金人均标准提高幅度不低于15%。", [15.0]),
    ("各级机关工作人员总数减少幅度在25%左右。", [-25.0]),
    # the goal set for a growth rate, with words between (的调控目标定为)
    ("经济增长速度的调控目标定为8%。", [8.0]),
    # a change done to a thing, without 到/至: by how much (降低: less)
    ("提高城市低保标准10%，降低企业用电成本5%。", [10.0, -5.0]),
    # an amount is never a percentage: its growth, and the new level of that growth
    ("全市生产总值由一季度的3.8%回升到全年的6.5%左右。", [3.8, 6.5]),
    ("物价涨幅要从14.8%降到10%左右，实际回落到6.1%。", [14.8, 10.0, 6.1]),
])
def test_percentages_named_as_a_rise_or_fall_are_changes(sentence, changes):
    found = indicators(sentence)
    assert [(i.value, i.change) for i in found] == [(None, c) for c in changes]


def test_shares_of_an_amount_and_new_levels_set_by_a_verb_stay_levels():
    found = indicators("服务业增加值占生产总值的52.8%，研发经费相当于生产总值的2.1%，把城镇化率提高到65%。"
                       "工业总产值计划完成102.6%，减少收入的农户只占10%。")
    assert [(i.value, i.change) for i in found] == [(52.8, None), (2.1, None), (65.0, None), (102.6, None),
                                                    (10.0, None)]


def test_a_real_growth_after_a_level_with_prices_taken_out_is_the_levels():
    (ind,) = indicators("全年农村居民人均纯收入5919元，剔除价格因素，比上年实际增长10.9%。")
    assert fields(ind, "name", "value", "unit", "change") == ("农村居民人均纯收入", 5919.0, "元", 10.9)


def test_kinds_and_voyages_are_counted():
    found = indicators("新增医保报销药品70种，南山港服务科考船2152航次。")
    assert [fields(i, "value", "unit") for i in found] == [(70.0, "种"), (2152.0, "航次")]


@pytest.mark.parametrize(("sentence", "names"), [
    # a measure named without its thing measures the thing named before it in the sentence
    ("全年新签内联项目120个，投资总额266亿元，实际到位289亿元。",
     ["新签内联项目", "新签内联项目投资总额", "新签内联项目实际到位"]),
    ("农产品加工业实现主营业务收入3000亿元、利润200亿元。", ["农产品加工业主营业务收入", "农产品加工业利润"]),
    ("粮食播种面积1530万亩、总产量125亿斤。", ["粮食播种面积", "粮食总产量"]),
    ("扩大内需项目开工建设260项、竣工105项。", ["扩大内需项目开工建设", "扩大内需项目竣工"]),
    ("规模以上服务业企业营业收入增长8.3%，利润总额增长26.8%。", ["规模以上服务业企业营业收入", "规模以上服务业企业利润总额"]),
    # a rate names no thing whose profit follows
    ("商品流通费用率为10.5%，利润增长5%。", ["商品流通费用率", "利润"]),
])
def test_a_measure_without_its_thing_measures_the_thing_named_before(sentence, names):
    assert [i.name for i in indicators(sentence)] == names


def test_a_rate_named_after_the_percentage_makes_it_a_change():
    found = indicators("确定8%的增长速度，汽车产量保持40%以上增长，旅游收入保持20%以上增幅。")
    assert [(i.value, i.change) for i in found] == [(None, 8.0), (None, 40.0), (None, 20.0)]
    # a share named after it stays a level
    (share,) = indicators("全市70%的行政村通了客车。")
    assert (share.value, share.unit, share.change) == (70.0, "%", None)


def test_counts_listed_before_and_such_policies_are_documents():
    found = indicators("工业30条、人才新政22条、科技创新“1+4”等政策叠加实施，新增企业500家。")
    assert [(i.value, i.unit) for i in found] == [(500.0, "家")]


def test_an_index_level_may_be_qualified_and_a_count_may_come_before_an_age_range():
    (index,) = indicators("居民消费价格指数103左右。", "一、2023年主要目标")
    assert fields(index, "name", "value", "unit", "qualifier") == ("居民消费价格指数", 103.0, "", "左右")
    found = indicators("为500名0-14岁残疾儿童提供抢救性康复救助。")
    assert [(i.value, i.unit) for i in found][:1] == [(500.0, "名")]


def test_a_bound_before_a_measure_is_no_class():
    (ind,) = indicators("连续两年保持每年60亿斤以上增量。", "一、2012年主要任务")
    assert fields(ind, "value", "unit", "qualifier") == (60.0, "亿斤", "以上")


def test_a_multiple_of_a_base_is_a_level_and_growth_by_a_multiple_a_change():
    # (the yearly rate after the multiple is the amount's, as a level takes the rate that describes it)
    found = indicators("财政收入达到502.36亿元，是2002年的2.56倍，年均增长26.4%。外贸出口增长了2.7倍。")
    assert [(i.name, i.value, i.unit, i.change) for i in found] == [
        ("财政收入", 502.36, "亿元", 26.4), ("财政收入", 2.56, "倍", None), ("外贸出口", None, "", 2.7)]


def test_square_metres_written_colloquially_are_an_area():
    (ind,) = indicators("新增标准化厂房100万平米。")
    assert fields(ind, "value", "unit", "base_unit") == (100.0, "万平米", "平方米")


@pytest.mark.parametrize(("sentence", "names"), [
    # a quarter after the thing's first quarter is the same thing's; the whole year's is the thing's
    ("居民消费价格一季度同比上涨2.2%，二季度上涨2.9%，全年平均比上年上涨3.3%。",
     ["居民消费价格一季度", "居民消费价格二季度", "居民消费价格"]),
    # the next group takes the name of the first group's measure
    ("农村居民家庭食品消费支出占消费总支出的比重为41.1%，城镇为35.7%。",
     ["农村居民家庭食品消费支出占消费总支出的比重", "城镇居民家庭食品消费支出占消费总支出的比重"]),
    # ordinals of one noun printed once after the last, each with its own 第
    ("第一、第二和第三产业增加值占国内生产总值的比重分别为11.8%、48.7%和39.5%。",
     ["第一产业增加值占国内生产总值的比重", "第二产业增加值占国内生产总值的比重", "第三产业增加值占国内生产总值的比重"]),
    ("其中城镇就业人员28310万人，新增加1184万人，净增加979万人。", ["城镇就业人员", "城镇就业人员新增加", "城镇就业人员净增加"]),
])
def test_names_carried_over_to_the_next_period_group_ordinal_or_increase(sentence, names):
    assert [i.name for i in indicators(sentence)] == names


def test_an_exchange_rate_and_a_ratio_of_money_per_head_take_their_change():
    found = indicators("年末人民币汇率为1美元兑6.0969元人民币，比上年末升值3.1%。"
                       "全员劳动生产率为66199元/人（以2010年不变价格计算），比上年提高7.3%。")
    assert [(i.value, i.unit, i.change) for i in found] == [(6.0969, "元", 3.1), (66199.0, "元/人", 7.3)]
    # 比率/比重 is a noun, no base of comparison; but a level compared with a base keeps its change apart
    (ratio,) = indicators("就业人员的比率为66199元/人，比上年提高7.3%。")
    assert (ratio.value, ratio.change) == (66199.0, 7.3)


def test_a_part_whose_heading_says_its_goals_were_reached_reviews():
    doc = parse_text("某省2006年政府工作报告\n一、奋力开拓，“十五”经济社会发展目标全面实现\n全省生产总值达到3400亿元。\n"
                     "二、锐意进取，创造“十一五”新的辉煌\n生产总值年均增长8.5%。\n")
    assert [(i.value or i.change, i.kind) for i in doc.indicators] == [(3400.0, "actual"), (8.5, "target")]


def test_a_price_index_printed_as_a_small_percentage_is_its_rise_and_new_units():
    (cpi,) = indicators("居民消费价格指数控制在3%以内。", "一、2019年主要目标")
    assert (cpi.value, cpi.change, cpi.qualifier) == (None, 3.0, "以内")
    (level,) = indicators("居民消费价格指数为99.6%。")
    assert (level.value, level.unit) == (99.6, "%")
    found = indicators("新增电采暖供热200兆瓦，新建农村沼气池20万口。")
    assert [(i.value, i.unit) for i in found] == [(200.0, "兆瓦"), (20.0, "万口")]


def test_a_power_rating_before_the_plant_it_rates_is_part_of_its_name():
    found = indicators("支持中节能200兆瓦风电、中能建100兆瓦光伏项目建设，建成风电装机150兆瓦，新型储能9兆瓦时。")
    assert [(i.name, i.value, i.unit) for i in found] == [("建成风电装机", 150.0, "兆瓦"), ("新型储能", 9.0, "兆瓦时")]


def test_work_done_to_a_thing_named_with_other_work_drops_that_work():
    found = indicators("新开工保障房3000套，竣工2000套；新签内联项目120个，投资总额266亿元。")
    assert [i.name for i in found] == ["新开工保障房", "保障房竣工", "新签内联项目", "新签内联项目投资总额"]


def test_multiples_listed_after_several_amounts_are_each_amounts():
    found = indicators("来华旅游入境总人数达到2690万人次，创汇18.4亿美元，分别为1982年的3.4倍和2.2倍。")
    assert [(i.name, i.value, i.unit) for i in found][2:] == [("来华旅游入境总人数", 3.4, "倍"), ("创汇", 2.2, "倍")]


@pytest.mark.parametrize(("sentence", "value", "change", "change_unit"), [
    ("年末城镇登记失业率为4.1%，与上年末持平。", 4.1, 0.0, "个百分点"),
    ("全年总用水量6110亿立方米，与上年基本持平。", 6110.0, 0.0, "%"),
    ("国家投资395亿元，同上年持平。", 395.0, 0.0, "%"),
])
def test_a_level_unchanged_over_the_year_has_a_change_of_nothing(sentence, value, change, change_unit):
    (ind,) = indicators(sentence)
    assert fields(ind, "value", "change", "change_unit") == (value, change, change_unit)


def test_a_level_level_with_another_place_has_no_change():
    (ind,) = indicators("城镇登记失业率为3.6%，与全省持平。")
    assert fields(ind, "value", "change") == (3.6, None)


@pytest.mark.parametrize(("sentence", "value", "unit", "qualifier"), [
    ("数字经济规模超万亿元。", 1.0, "万亿元", "超过"),
    ("全市生产总值突破万亿，比上年增长5%。", 1.0, "万亿元", "突破"),
    ("出境旅游近亿人次。", 1.0, "亿人次", "约"),
])
def test_a_magnitude_without_a_numeral_after_a_bound_is_one_of_it(sentence, value, unit, qualifier):
    (ind,) = indicators(sentence)
    assert fields(ind, "value", "unit", "qualifier") == (value, unit, qualifier)


@pytest.mark.parametrize("sentence", ["新能源装机在全国率先破亿。", "团结亿万人民。", "全省超千万元企业。"])
def test_a_bare_magnitude_of_nothing_named_or_sizing_a_noun_is_no_figure(sentence):
    assert indicators(sentence) == []


@pytest.mark.parametrize(("sentence", "rows"), [
    ("全市一般公共预算收入277.48亿元，增收23.25亿元，同比增长9.1%。",
     [("一般公共预算收入", 277.48, 9.1), ("一般公共预算收入增收", 23.25, None)]),
    ("全市各项社会保险参保者合计962.2万人次，五年增长1.4倍。", [("各项社会保险参保者", 962.2, 1.4)]),
    ("地区生产总值达到6802亿元，五年年均增长12.8%。", [("地区生产总值", 6802.0, 12.8)]),
    ("固定资产投资实现29%的快速增长。", [("固定资产投资", None, 29.0)]),
])
def test_an_increase_or_a_span_of_years_between_a_level_and_its_growth(sentence, rows):
    assert [fields(ind, "name", "value", "change") for ind in indicators(sentence)] == rows


@pytest.mark.parametrize("sentence", ["三次产业比重为13.2：46.8：40.0。", "三次产业结构调整为10.1:43.5:46.4。"])
def test_a_structure_printed_as_a_ratio_after_its_share_or_its_new_state(sentence):
    assert len([ind.value for ind in indicators(sentence)]) == 3


def test_a_ratio_without_a_cue_is_no_structure():
    assert indicators("比分为3:2。") == []


@pytest.mark.parametrize(("sentence", "rows"), [
    ("城市居民人均可支配收入18000元，比上年增长8%，五年年均增长10.1%。",
     [("城市居民人均可支配收入", 18000.0, 8.0), ("城市居民人均可支配收入年均", None, 10.1)]),
    ("每百户家庭拥有家用汽车42辆，五年增加32辆。", [("家用汽车", 42.0, None), ("家用汽车增加", 32.0, None)]),
])
def test_a_change_over_a_span_of_years_after_a_level_is_that_things(sentence, rows):
    assert [fields(ind, "name", "value", "change") for ind in indicators(sentence)] == rows


def test_poultry_counted_in_birds_and_the_dollar_an_exchange_rate_is_taken_against():
    (birds,) = indicators("家禽出笼336.5万羽。")
    assert fields(birds, "value", "unit") == (336.5, "万羽")
    assert [ind.value for ind in indicators("年末汇率8.2765元人民币兑1美元。")] == [8.2765]
    assert [ind.value for ind in indicators("全年人民币平均汇率为1美元兑6.6174元人民币。")] == [6.6174]


def test_broken_through_and_adjusted_to_are_no_part_of_a_name():
    (ind,) = indicators("旅游收入破万亿。")
    assert fields(ind, "name", "value", "unit", "qualifier") == ("旅游收入", 1.0, "万亿元", "突破")
    assert {ind.name for ind in indicators("三次产业结构调整为14.2:36.3:49.5。")} == {"三次产业结构"}
    (record,) = indicators("打破124项全国纪录。")
    assert record.qualifier == ""


def test_adjusted_down_or_up_is_a_change_and_models_and_train_runs_are_counted():
    (rate,) = indicators("普惠性小微企业贷款利率下调0.64个百分点。")
    assert fields(rate, "name", "change") == ("普惠性小微企业贷款利率", -0.64)
    (pension,) = indicators("企业退休人员基本养老金上调10%。")
    assert fields(pension, "value", "change") == (None, 10.0)
    assert [fields(ind, "value", "unit") for ind in indicators("开行中欧班列200班次，发布应用软件50款。")] == [
        (200.0, "班次"), (50.0, "款")]


def test_a_level_adjusted_to_a_new_one_is_the_same_things():
    assert [fields(ind, "name", "value") for ind in indicators("最低工资标准由1500元调整到1700元。")] == [
        ("最低工资标准", 1500.0), ("最低工资标准", 1700.0)]
    assert indicators("积累率由36.5%调高到29%。")[-1].name == "积累率"


def test_a_total_price_index_both_and_ranks_and_coal_equivalent():
    (prices,) = indicators("居民消费价格总指数控制在3%左右。")
    assert fields(prices, "value", "change") == (None, 3.0)
    assert [fields(ind, "name", "change") for ind in indicators("二氧化硫、化学需氧量排放量都要减少2%。")] == [
        ("二氧化硫排放量", -2.0), ("化学需氧量排放量", -2.0)]
    assert indicators("城市信用排名提升118个位次。") == []
    (energy,) = indicators("腾出用能指标20万吨标煤。")
    assert fields(energy, "unit", "base_unit") == ("万吨标煤", "吨标准煤")
    assert indicators("成都120万人。")[0].name == "成都"
