"""The outline grammar on short crafted inputs, including numbers that are not headings."""

from __future__ import annotations

from gongwen import parse_text


def outline(text: str) -> list[tuple[int, str, str, str]]:
    return [(d, n.kind, n.marker, n.title) for d, n in parse_text(text).walk()]


def test_gb_t_9704_levels_from_line_headings():
    text = "一、总体要求\n坚持稳中求进。\n（一）稳增长\n正文。\n1.抓工业\n正文。\n（1）抓技改\n正文。\n（二）促改革\n正文。\n二、重点工作\n正文。\n"
    assert outline(text) == [
        (1, "section", "一、", "总体要求"), (2, "section", "（一）", "稳增长"), (3, "section", "1.", "抓工业"),
        (4, "section", "（1）", "抓技改"), (2, "section", "（二）", "促改革"), (1, "section", "二、", "重点工作"),
    ]


def test_inline_headings_in_run_on_text_need_a_sentence_boundary():
    text = ("各位代表: 一、回顾 今年经济增长1.5%,大干“ 三、四季度〞。 (一)工业 产值3、4季度增长。"
            "(二)农业 粮食丰收。 二、计划 继续努力。")
    assert outline(text) == [
        (1, "section", "一、", "回顾"), (2, "section", "(一)", "工业"), (2, "section", "(二)", "农业"),
        (1, "section", "二、", "计划"),
    ]


def test_a_space_after_a_closing_bracket_marker_does_not_part_it_from_its_title():
    text = "一、工作回顾\n（一） 狠抓三项重点工作，取得明显成效。全年增长。\n（二） 加强民生保障。办好实事。\n"
    assert [(m, t) for _, _, m, t in outline(text)] == [
        ("一、", "工作回顾"), ("（一）", "狠抓三项重点工作，取得明显成效"), ("（二）", "加强民生保障")]


def test_line_initial_figures_and_dates_are_not_headings():
    text = "一、总体情况\n1.5亿元的投资全部到位。\n(20230201)发布。\n2.工业\n正文。\n"
    assert [n[2] for n in outline(text)] == ["一、"]


def test_items_under_the_node_they_occur_in_and_a_second_run_is_a_sibling_run():
    text = "一、形势\n形势是好的:一是总体向好。二是重点突破。但也有问题。一是竞争加剧。二是难点增多。\n二、措施\n正文。\n"
    assert outline(text) == [
        (1, "section", "一、", "形势"), (2, "item", "一是", "总体向好"), (2, "item", "二是", "重点突破"),
        (2, "item", "一是", "竞争加剧"), (2, "item", "二是", "难点增多"), (1, "section", "二、", "措施"),
    ]


def test_a_run_inside_the_paragraph_of_a_heading_line_item_is_its_own_and_the_outer_run_goes_on():
    text = ("三、重点工作\n一是加快文化强省建设\n大力发展文化事业。\n二是坚持民生至上\n"
            "今年将办好10件实事。一是实施强县中工程。二是支持毕业生就业。三是建设养老中心。\n"
            "三是深化主动创安创稳\n全面提升社会治理效能。\n")
    assert outline(text) == [
        (1, "section", "三、", "重点工作"), (2, "item", "一是", "加快文化强省建设"), (2, "item", "二是", "坚持民生至上"),
        (3, "item", "一是", "实施强县中工程"), (3, "item", "二是", "支持毕业生就业"), (3, "item", "三是", "建设养老中心"),
        (2, "item", "三是", "深化主动创安创稳"),
    ]


RUN_IN = ("六、主要工作\n（一）打好粮食翻身仗。大力搞好农业综合开发。\n（二）抓好企业改革。提高经济效益。\n"
          "（三）从紧的财政金融政策。一是增加财政收入。二是控制物价。\n")


def test_a_paragraph_after_the_last_run_in_heading_of_a_run_belongs_to_the_part():
    text = RUN_IN + "要求各级政府切实转变职能，抓好四件事：一是加强学习。二是深入调查。\n"
    assert outline(text)[-2:] == [(2, "item", "一是", "加强学习"), (2, "item", "二是", "深入调查")]


def test_a_paragraph_before_the_next_run_in_heading_or_after_a_heading_line_stays_with_its_heading():
    between = RUN_IN + "更加重视节能环保。一是淘汰落后产能。二是加强监管。\n（四）扩大开放。发展外贸。\n"
    assert (3, "item", "一是", "淘汰落后产能") in outline(between)
    line = "六、主要工作\n（一）打好粮食翻身仗。大力开发。\n（二）抓好企业改革。提高效益。\n（三）保障改善民生。\n" \
           "就业方面：一是扩大就业。二是加强培训。\n"
    assert (3, "item", "一是", "扩大就业") in outline(line)


def test_sections_nested_in_items_and_items_in_them_run_on():
    text = ("一、思路 一是发展产业。 1、做强工业。一是招商。二是技改。 2、做优农业。一是布局。 "
            "二是推进城市化。 1、加快进程。")
    assert outline(text) == [
        (1, "section", "一、", "思路"), (2, "item", "一是", "发展产业"), (3, "section", "1、", "做强工业"),
        (4, "item", "一是", "招商"), (4, "item", "二是", "技改"), (3, "section", "2、", "做优农业"),
        (4, "item", "一是", "布局"), (2, "item", "二是", "推进城市化"), (3, "section", "1、", "加快进程"),
    ]


def test_other_item_styles():
    text = "一、要求\n第一，抓落实。第二，抓考核。\n二、方法\n首先，要学习。其次，要实践。最后，要总结。\n"
    got = outline(text)
    assert [(n[1], n[2]) for n in got if n[1] == "item"] == [
        ("item", "第一"), ("item", "第二"), ("item", "首先"), ("item", "其次"), ("item", "最后")]


def test_quote_ji_items_and_following_sections_are_siblings():
    text = ("二、2023年工作计划\n“1”即聚焦一个平台,打造新城。\n“4”即深化四大战略。\n"
            "（一）加快产业转型\n推动实体经济量质并升。正文一。\n推动现代农业提档升级。正文二。\n")
    assert outline(text) == [
        (1, "section", "二、", "2023年工作计划"), (2, "item", "“1”即", "聚焦一个平台,打造新城"),
        (2, "item", "“4”即", "深化四大战略"), (2, "section", "（一）", "加快产业转型"),
        (3, "topic", "", "推动实体经济量质并升"), (3, "topic", "", "推动现代农业提档升级"),
    ]


def test_a_lone_short_sentence_is_not_a_topic():
    text = "一、工作\n工业经济稳中有为。全年产值增长。\n全镇干部群众团结一心,奋力拼搏。\n"
    assert outline(text) == [(1, "section", "一、", "工作")]


def test_topics_inside_run_on_text():
    text = ("同志们: 一、作风 当前,要大力弘扬求真务实的作风。增强责任意识。班子成员要担当责任,推行联系制度。"
            "强化组织协调。要突出重点、统筹兼顾,提高效率。加强检查考核。要分解任务,加强检查。")
    assert [n[3] for n in outline(text) if n[1] == "topic"] == ["增强责任意识", "强化组织协调", "加强检查考核"]


def test_toc_goes_to_toc_and_is_checked_against_the_body():
    text = ("报告\n提纲:\n一、回顾\n（一）稳增长\n二、计划\n三、自身建设\n各位代表:\n现在我作报告。\n"
            "一、回顾\n正文。\n（一）稳增长\n正文。\n二、计划\n正文。\n")
    doc = parse_text(text)
    assert [(e.level, e.marker, e.title) for e in doc.toc] == [
        (1, "一、", "回顾"), (2, "（一）", "稳增长"), (1, "二、", "计划"), (1, "三、", "自身建设")]
    assert [n.marker for _, n in doc.walk()] == ["一、", "（一）", "二、"]
    assert [d.text for d in doc.diagnostics if d.code == "toc-mismatch"] == ["三、自身建设"]


def test_front_matter_and_metadata():
    text = ("凤桥镇政府工作报告\n——2023年2月28日在凤桥镇第十八届人民代表大会第三次会议上\n朱 勤 中\n"
            "各位代表、同志们:\n现在,我代表镇人民政府作报告。\n一、2022年工作回顾\n正文。\n")
    doc = parse_text(text)
    m = doc.meta
    assert (m.title, m.date, m.speaker, m.meeting, m.region, m.doc_type, m.year) == (
        "凤桥镇政府工作报告", "2023-02-28", "朱勤中", "凤桥镇第十八届人民代表大会第三次会议", "凤桥镇",
        "work_report", 2023)
    assert [b.text for b in doc.front][-1] == "现在,我代表镇人民政府作报告。"


def test_seed_004_metadata(seed_docs):
    m = seed_docs["004_2bd030c6d8315c75"].meta
    assert (m.title, m.date, m.speaker, m.meeting) == (
        "凤桥镇政府工作报告", "2023-02-28", "朱勤中", "凤桥镇第十八届人民代表大会第三次会议")
    assert m.source.script == "traditional"


def test_circled_parts_and_arabic_paren_styles():
    text = ("第一部分 总体要求\n正文。\n（1）坚持稳中求进\n正文。\n（2）坚持改革创新\n①加强领导。正文。\n②强化考核。正文。\n"
            "第二部分 重点任务\n正文。\n")
    assert outline(text) == [
        (1, "section", "第一部分", "总体要求"), (2, "section", "（1）", "坚持稳中求进"),
        (2, "section", "（2）", "坚持改革创新"), (3, "section", "①", "加强领导"), (3, "section", "②", "强化考核"),
        (1, "section", "第二部分", "重点任务"),
    ]
    styles = [n.style for _, n in parse_text(text).walk()]
    assert styles == ["cn-part", "arabic-paren", "arabic-paren", "circled", "circled", "cn-part"]


def test_a_marker_that_breaks_the_sequence_inside_a_sentence_is_text():
    text = "一、总体要求\n今年要抓好三件事:完成3、4季度目标;二、三产业协调发展。\n二、重点工作\n正文。\n"
    assert [n[2] for n in outline(text)] == ["一、", "二、"]


def test_plan_parts_chapters_and_sections_nest_and_chapters_number_on():
    text = ("规划纲要\n第一篇 新征程\n第一章 发展基础\n正文。\n第二章 发展环境\n正文。\n第二篇 创新驱动\n"
            "第三章 科技创新\n第一节 创新平台\n正文。\n第二节 创新主体\n正文。\n第四章 人才活力\n正文。\n")
    assert [(d, n.marker) for d, n in parse_text(text).walk()] == [
        (1, "第一篇"), (2, "第一章"), (2, "第二章"), (1, "第二篇"), (2, "第三章"), (3, "第一节"), (3, "第二节"),
        (2, "第四章")]


def test_yi_yao_items_and_speaker_with_office():
    text = ("在全县经济工作会议上的讲话\n县委书记　王建国\n同志们：\n一、抓好重点工作\n"
            "一要抓项目。项目是生命线。二要抓招商。力争引进内资150亿元。三要抓改革。\n")
    doc = parse_text(text)
    assert [(n.kind, n.marker, n.title) for _, n in doc.walk()][1:] == [
        ("item", "一要", "抓项目"), ("item", "二要", "抓招商"), ("item", "三要", "抓改革")]
    assert doc.meta.speaker == "王建国" and doc.meta.doc_type == "speech"


def test_a_text_contents_with_dot_leaders_and_titles_ending_in_colons():
    text = ("某县政府工作报告\n目录\n一、工作回顾……………………3\n二、工作计划..........9\n各位代表:\n"
            "一、工作回顾\n正文。\n（一）主要预期目标：地区生产总值增长6%左右。\n二、工作计划\n正文。\n")
    doc = parse_text(text)
    assert [(e.marker, e.title) for e in doc.toc] == [("一、", "工作回顾"), ("二、", "工作计划")]
    assert [(d, n.marker, n.title) for d, n in doc.walk()] == [
        (1, "一、", "工作回顾"), (2, "（一）", "主要预期目标"), (1, "二、", "工作计划")]
    assert [d.text for d in doc.diagnostics if d.code == "toc-leader-removed"] == ["……………………3", "..........9"]


def test_mid_paragraph_sentences_are_no_topics_in_a_document_with_paragraphs():
    text = ("一、工作回顾\n（一）经济动能持续壮大\n综合实力稳步提升。全镇实现地区生产总值321.3亿元,同比增长9.5%。"
            "平台建设有力推进。德力西产业园全部结顶,并部分投产。提质增效不断加快。整治低效企业242家。\n"
            "（二）城市面貌持续改善\n城市格局日臻完善,重点工程无障碍推进。人居环境日益改善。\n")
    assert [n.kind for _, n in parse_text(text).walk()] == ["section", "section", "section"]


def test_topics_run_on_under_a_heading_line():
    # Text flattened to one line: lead sentences can only stand inside it.
    text = ("一、工作回顾 （一）经济动能持续壮大 综合实力稳步提升。全镇实现地区生产总值321.3亿元,同比增长9.5%。"
            "平台建设有力推进。德力西产业园全部结顶,并部分投产。提质增效不断加快。整治低效企业242家。 "
            "（二）城市面貌持续改善 城市格局日臻完善,重点工程无障碍推进。人居环境日益改善。")
    assert [(d, n.kind, n.title) for d, n in parse_text(text).walk()] == [
        (1, "section", "工作回顾"), (2, "section", "经济动能持续壮大"), (3, "topic", "综合实力稳步提升"),
        (3, "topic", "平台建设有力推进"), (3, "topic", "提质增效不断加快"), (2, "section", "城市面貌持续改善")]


def test_a_run_of_a_new_style_past_the_last_items_text_is_beside_that_run_unless_the_old_run_goes_on():
    beside = ("一、教育\n坚持优先发展教育。一是普及义务教育。二是发展职业教育。三是提高高等教育质量。优化学科结构。"
              "办好各级教育，必须抓好两项工作：一要实施素质教育。二要加大教育投入。\n")
    assert [(d, m) for d, _, m, _ in outline(beside)] == [
        (1, "一、"), (2, "一是"), (2, "二是"), (2, "三是"), (2, "一要"), (2, "二要")]
    inside = ("一、教育\n坚持优先发展教育。一是普及义务教育。具体抓好两项工作：一要实施素质教育。二要加大教育投入。"
              "二是发展职业教育。\n")
    assert [(d, m) for d, _, m, _ in outline(inside)] == [(1, "一、"), (2, "一是"), (3, "一要"), (3, "二要"), (2, "二是")]
