"""Structure of unseen documents: one focused crafted input per rule, with its negatives."""

from __future__ import annotations

import pytest

from gongwen import parse_text
from gongwen.model import Document
from gongwen.normalize.mojibake import GARBLED_MARK, repair_mojibake
from gongwen.parsing.indicators import kind_of
from gongwen.parsing.paragraphs import split_paragraphs


def tree(doc: Document) -> list[tuple[int, str, str, str]]:
    return [(d, n.kind, n.marker, n.title) for d, n in doc.walk()]


def outline(text: str, **hints) -> list[tuple[int, str, str, str]]:
    return tree(parse_text(text, **hints))


# ---- mojibake -----------------------------------------------------------------
def _garble(s: str) -> str:
    """UTF-8 text read as GB18030 and saved again, as scraped corpora hold it."""
    return s.encode("utf-8").decode("gb18030", errors="replace")


def test_mojibake_is_repaired_where_it_starts_with_a_diagnostic():
    clean = "一、总体要求\n坚持稳中求进。\n"
    garbled = "二、重点工作任务\n全年地区生产总值增长5%。\n"  # a byte before a line end is lost for good
    doc = parse_text(clean + _garble(garbled))
    assert [n.title[:5] for _, n in doc.walk()] == ["总体要求", "重点工作任"]
    diag = [d for d in doc.diagnostics if d.code == "mojibake-repaired"]
    assert len(diag) == 1 and diag[0].offset == len(clean)
    assert [i.change or i.value for i in doc.indicators] == [5.0]  # the character before 5 may be a guess


def test_spans_inside_a_repaired_zone_point_where_their_text_was_printed():
    clean = "一、总体要求\n坚持稳中求进。\n"
    tail = "二、重点工作任务\n全年地区生产总值增长5%。三、保障措施\n加强组织领导。\n"
    text = clean + _garble(tail)
    doc = parse_text(text)
    (_, third), = [(d, n) for d, n in doc.walk() if n.marker == "三、"]
    start = third.span[0]
    # the garbled text at the span is the mojibake of the heading, not the zone's start
    assert start > len(clean) + len(_garble("二、重点工作任务\n全年地区生产总值增长5%。")) - 3
    printed = [(pre + "三、保障".encode()).decode("gb18030", errors="replace")[2:-1] for pre in (b"", b"\xe3", b"\xe3\x80")]
    assert any(p in text[start - 2:start + 8] for p in printed)
    (five,) = doc.indicators
    assert text[five.span[0]:five.span[1]].startswith("5")  # ASCII survives the garbling where it was


def test_mojibake_repair_says_where_a_lost_byte_was_guessed():
    doc = parse_text("一、总体要求\n" + _garble("二、重点工作\n全年增长5%。\n"))
    assert [n.title for _, n in doc.walk()][1].startswith("重点工")
    assert "guessed" in next(d.message for d in doc.diagnostics if d.code == "mojibake-repaired")


def test_a_lost_byte_is_guessed_from_what_the_document_writes_elsewhere():
    # A character between two ASCII characters always loses its last byte (就业 before 900, 增长 before
    # 5.2): the document's own intact writings of the word before and after decide which of 64 it was.
    for original in ("城镇新增就业人员稳定，促进就业政策落实。城镇新增就业900万人，比上年增加50万人。",
                     "居民收入稳步增长，消费稳步增长。全年地区生产总值增长5.2%，财政收入增长8%。"):
        garbled = _garble(original)
        assert garbled.count("\ufffd") >= 2
        repaired, diags = repair_mojibake(garbled)
        assert repaired[:-1] == original[:-1]  # the last 。 has nothing after it to tell it by
        assert "guessed" in diags[0].message


def test_a_byte_a_converter_lost_before_a_character_is_the_one_the_document_writes_there_elsewhere():
    # Some converters drop a byte before a non-ASCII character too (the A1 of 务 before an indent): 0x80,
    # the byte usually lost there, makes 劀, which the document writes nowhere; it writes 任务 often.
    original = "主要任务是发展。完成任务。任务艰巨。\u3000\u3000今后五年的主要任务\u3000\u3000本届政府的任务。"
    cut = original.rindex("务\u3000") + 1
    head, tail = original[:cut].encode(), original[cut:].encode()
    garbled = head[:-1].decode("gb18030", errors="replace") + "\ufffd" + tail.decode("gb18030", errors="replace")
    repaired, _ = repair_mojibake(garbled)
    assert "今后五年的主要任务" in repaired
    # a character the document writes elsewhere stays as 0x80 makes it (一 in 第一, 局 in 开局 and 格局)
    assert repair_mojibake(_garble("新格局。开局良好。发展是第一要务。发展开局之年。"))[0].startswith("新格局。开局良好")


def test_a_lost_byte_after_a_numeral_with_no_other_evidence_is_an_enumeration_comma():
    repaired, _ = repair_mojibake(_garble("各位代表：一、过去一年工作回顾。二、 2008年主要任务。"))
    assert repaired.startswith("各位代表：一、过去一年工作回顾。二、 2008年主要任务")


def test_a_lost_byte_at_a_line_end_with_no_other_evidence_is_a_full_stop():
    repaired, _ = repair_mojibake(_garble("各位代表：\n过去一年，工业运行稳中提质。\n服务业、农业稳步发展。\n"))
    assert repaired.split("\n")[1] == "过去一年，工业运行稳中提质。"  # not 、 (no line ends with it) nor U+3000


def test_a_lost_byte_before_a_figure_with_no_other_evidence_is_a_full_stop():
    repaired, _ = repair_mojibake(_garble("更高质量的教育。2012年财政性教育经费支出比重提高。"))
    assert repaired.startswith("更高质量的教育。2012年")  # not the ideographic space (U+3000) of an indent


def test_a_no_break_space_in_mojibake_separates_runs_and_stays():
    # GB18030 never reads UTF-8 as U+00A0: one there was put in later (&nbsp;), as ASCII spaces are.
    text = ("一、总体要求\n坚持稳中求进，推动第二、三产业发展。\t " + _garble("\u3000") + "\xa0"
            + _garble("二、2007年工作总体部署") + "\t" + _garble("今年要推动发展。"))
    repaired, _ = repair_mojibake(text)
    assert "\ufffd" not in repaired
    assert repaired.endswith("\t \u3000\xa0二、2007年工作总体部署\t今年要推动发展。")


def test_every_garbled_ideograph_shows_the_mark_that_lets_clean_text_pass_with_one_scan():
    # Clean text is passed over when it holds no GARBLED_MARK; a garbled ideograph always gives one, so a
    # zone as short as one garbled character is still looked at.
    ideographs = [chr(c) for c in range(0x4E00, 0xA000)]
    assert all(GARBLED_MARK.match(_garble(c + "的")) for c in ideographs)
    assert not GARBLED_MARK.search("一、总体要求\n坚持稳中求进，推动高质量发展。全年增长5%。\n")
    repaired, diags = repair_mojibake("一、总体要求\n坚持稳中求进。\n" + _garble("二、") + "\n")
    assert repaired.endswith("二、\n") and len(diags) == 1


def test_genuine_chinese_is_never_taken_for_mojibake():
    text = "一、总体要求\n鍙戝睍涓嶆槸鐩爣。浜屻是古字。\n坚持稳中求进，推动高质量发展。\n"
    doc = parse_text(text)
    assert not [d for d in doc.diagnostics if d.code == "mojibake-repaired"] or "鍙戝睍" not in text.split("\n")[2]
    assert tree(doc)[0] == (1, "section", "一、", "总体要求")


# ---- zones: back matter ---------------------------------------------------------
BODY = "".join(f"{n}、第{n}部分\n这一部分的正文写得很长，讲了很多工作。\n" for n in "一二三")


def test_a_glossary_numbered_1_is_back_matter_not_headings():
    text = BODY + "名词解释\n1.“两重”：国家重大战略实施。\n2.“两新”：设备更新和以旧换新。\n"
    doc = parse_text(text)
    assert [n.marker for _, n in doc.walk()] == ["一、", "二、", "三、"]
    assert [b.type for b in doc.back] == ["glossary"] * 3
    assert doc.back[1].text.startswith("1.")


def test_endnotes_counting_from_1_are_back_matter():
    text = BODY + "[1]本公报数据为初步统计数。\n[2]地区生产总值按现价计算。\n[3]增长速度按不变价格计算。\n"
    doc = parse_text(text)
    assert len(doc.back) == 3 and all(b.type == "note" for b in doc.back)
    assert [n.marker for _, n in doc.walk()] == ["一、", "二、", "三、"]


def test_a_numbered_list_in_the_body_is_not_back_matter():
    text = BODY + "四、措施\n1.加强领导。落实责任。\n2.强化考核。严格奖惩。\n"
    doc = parse_text(text)
    assert doc.back == []
    assert [n.marker for _, n in doc.walk()][-2:] == ["1.", "2."]


CLOSING = "各位代表，新的征程已经开启。让我们团结一心，为全面建设现代化而努力奋斗！\n"


@pytest.mark.parametrize(("heading", "kind"), [
    ("《政府工作报告》附注", "note"), ("附：名词解析", "glossary"), ("《政府工作报告》有关名词解释", "glossary"),
    ("附部分用语说明", "glossary"), ("附件1", "appendix"), ("2023年10件惠民实事", "appendix")])
def test_what_follows_the_closing_appeal_under_a_heading_of_its_own_is_back_matter(heading, kind):
    text = BODY + CLOSING + heading + "\n一、交通物流惠民工程。建设农村公路。\n二、农村水电网惠民工程。改造电网。\n"
    doc = parse_text(text)
    assert [n.marker for _, n in doc.walk()] == ["一、", "二、", "三、"]
    assert doc.back[0].text == heading and {b.type for b in doc.back} == {kind}


def test_an_appendix_label_run_into_the_closing_appeal_still_closes_the_body():
    # a web copy lost the line break before 附件1: the appeal still closes the body, the list after it is back matter
    text = BODY + CLOSING.rstrip("\n") + "附件1\n2023年10件惠民实事\n1．交通物流惠民工程。建设农村公路。\n2．改造电网。\n"
    doc = parse_text(text)
    assert [n.marker for _, n in doc.walk()] == ["一、", "二、", "三、"]
    assert doc.back[0].text == "2023年10件惠民实事"
    # run into a paragraph that is no appeal, the label closes nothing: the same lines stay in the outline
    assert parse_text(BODY + "各项工作取得成效。附件1\n2023年10件惠民实事\n1．交通物流惠民工程。建设农村公路。\n"
                             "2．改造电网。\n").back == []


def test_a_part_after_an_appeal_in_the_middle_of_the_body_stays_in_the_outline():
    # the closing must end the body's second half: a short line and 一、 after an early appeal are a new part
    text = CLOSING + "今后五年的主要任务\n" + BODY * 3
    doc = parse_text(text)
    assert doc.back == [] and doc.outline[0].title == "今后五年的主要任务" and len(doc.outline[0].children) == 9


def test_note_calls_are_not_heading_text():
    assert outline("一、综合[1]\n全年增长。\n二、农业\n丰收。\n")[0] == (1, "section", "一、", "综合")


# ---- headings without numbers ------------------------------------------------------
def test_unnumbered_part_headings_hold_the_numbered_runs_after_them():
    text = ("某省政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议，并请各位提出意见。\n"
            "2024年工作回顾\n过去一年，我们主要做了以下工作。\n一、稳增长\n全年增长5%。\n二、促改革\n改革深化。\n"
            "2025年工作安排\n今年要做好以下工作。\n一、扩内需\n实施提振消费行动。\n二、强创新\n建设科创平台。\n")
    assert outline(text) == [
        (1, "section", "", "2024年工作回顾"), (2, "section", "一、", "稳增长"), (2, "section", "二、", "促改革"),
        (1, "section", "", "2025年工作安排"), (2, "section", "一、", "扩内需"), (2, "section", "二、", "强创新")]


def test_a_heading_line_between_parts_past_the_run_of_the_part_before_is_a_part():
    head = ("某市政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议，并请各位提出意见。\n"
            "本届政府任期工作回顾\n五年来，我们主要做了以下工作。\n一、稳增长\n全年增长5%。\n二、促改革\n改革深化。\n")
    tail = "今后五年奋斗目标\n今后五年要做好以下工作。\n一、扩内需\n实施提振消费行动。\n二、强创新\n建设科创平台。\n"
    lessons = "主要工作体会\n五年的实践使我们深刻认识到，发展是第一要务。\n"
    assert [(d, t) for d, k, _, t in outline(head + lessons + tail) if d == 1] == [
        (1, "本届政府任期工作回顾"), (1, "主要工作体会"), (1, "今后五年奋斗目标")]
    # before the run's next heading, such a line is no part
    inside = head.replace("二、促改革", "重点项目顺利推进\n项目建设加快。\n二、促改革")
    assert [t for d, k, _, t in outline(inside + tail) if d == 1] == ["本届政府任期工作回顾", "今后五年奋斗目标"]


def test_a_short_line_that_opens_no_run_is_body_text():
    text = ("各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议，并请各位提出意见。\n"
            "一、工作回顾\n全年增长5%。\n重点项目顺利推进\n二、工作安排\n全面推进。\n")
    assert [n[3] for n in outline(text)] == ["工作回顾", "工作安排"]


def test_title_lines_in_the_front_matter_are_not_part_headings():
    text = "2025年政府工作报告\n某某某\n各位代表：\n现在，我代表市政府报告工作，请予审议，并请政协委员提出意见。\n一、回顾\n成绩显著。\n"
    assert outline(text) == [(1, "section", "一、", "回顾")]


def test_a_column_header_with_a_percent_sign_is_no_part_heading():
    text = ("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议，并请各位委员提出意见。\n"
            "2019年工作回顾\n一年来成绩显著，经济平稳增长，民生持续改善，各项事业全面进步。\n"
            "1993年 比上年增长％\n粮食 45644 万吨 3.1\n"
            "2020年工作安排\n今年要做好以下工作。\n一、推动文旅融合\n建设旅游目的地。\n")
    assert "1993年 比上年增长％" not in [t for _, _, _, t in outline(text)]


def test_emphasised_lines_are_parallel_part_headings():
    text = ("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议，并请各位委员提出意见。\n"
            "2019年工作回顾\n一年来成绩显著，经济平稳增长，民生持续改善，各项事业全面进步。\n"
            "2020年工作安排\n今年要做好以下工作。\n一、推动文旅融合\n建设旅游目的地。\n")
    hints = {"heading_levels": {2: 0, 4: 0}}
    assert [(d, m, t) for d, _, m, t in outline(text, **hints)] == [
        (1, "", "2019年工作回顾"), (1, "", "2020年工作安排"), (2, "一、", "推动文旅融合")]


# ---- topics --------------------------------------------------------------------
def test_parallel_lead_sentences_with_commas_are_topics():
    text = ("一、工作回顾\n"
            "一年来，我们坚持抓项目、增投资，基础设施建设持续加强。全年实施项目576项。\n"
            "一年来，我们坚持稳增长、促转型，产业建设迈出新步伐。工业增加值增长9%。\n"
            "一年来，我们坚持保基本、兜底线，民生工作取得新成效。新增就业2万人。\n")
    assert [n[3] for n in outline(text) if n[1] == "topic"] == [
        "一年来，我们坚持抓项目、增投资，基础设施建设持续加强", "一年来，我们坚持稳增长、促转型，产业建设迈出新步伐",
        "一年来，我们坚持保基本、兜底线，民生工作取得新成效"]


def test_a_standalone_sentence_of_body_text_is_not_a_topic():
    text = ("一、工作回顾\n2024年是极不平凡的一年。\n全年地区生产总值增长5%，就业稳定，物价平稳。\n"
            "与此同时，各项社会事业都取得了新的进步。这是全市上下共同努力的结果。\n")
    assert [n[1] for n in outline(text)] == ["section"]


def test_mid_paragraph_sentences_are_not_topics_where_paragraphs_have_leads():
    text = ("一、重点工作\n扩大有效投资。实施重大项目。推进城市更新。加快新基建。建成5G基站1万个。\n"
            "提振消费需求。开展促消费活动。培育新型消费。发展夜间经济。社零总额增长6%。\n")
    assert [n[3] for n in outline(text) if n[1] == "topic"] == ["扩大有效投资", "提振消费需求"]


def test_a_space_after_a_sentence_end_breaks_a_paragraph_only_in_a_run_on_line():
    # extraction leaves a space after 。 inside a paragraph of a line-broken text: the sentence after it opens
    # no paragraph, so it is no lead
    para = "加强城市建设。 落实新城三年行动方案，加快新区建设。全面完成安置新村建设。\n"
    text = "一、重点工作\n" + para + "加强城乡管理。 推进垃圾分类，整治城乡环境。\n加强乡村建设。推进村庄规划。\n"
    assert [n[3] for n in outline(text) if n[1] == "topic"] == ["加强城市建设", "加强城乡管理", "加强乡村建设"]
    assert [p.text for p in split_paragraphs(text)][1] == para.strip()
    # a run-on line (whole sections on one line, or a short text flattened to one line) breaks there
    run_on = "".join(f"第{k}段正文写了很多工作。 " for k in range(200))
    assert len(split_paragraphs("标题\n" + run_on + "\n结尾。")) == 202
    assert len(split_paragraphs("一、思路 一是发展产业。 1、做强工业。")) == 2


def test_points_run_on_inside_a_paragraph_are_items_and_points_opening_paragraphs_sections():
    text = ("一、2016年工作安排\n（一）保障改善民生\n"
            "今年重点办好十件民生实事：1．完成市区主次干道8个内涝点整治；2．完成中小河流治理625公里；"
            "3．实施老城区提质便民工程。\n"
            "（二）加强社会治理\n1．完善网格化管理。推进网格员队伍建设。\n2．加强矛盾调处。健全调解体系。\n")
    assert outline(text) == [
        (1, "section", "一、", "2016年工作安排"), (2, "section", "（一）", "保障改善民生"),
        (3, "item", "1．", "完成市区主次干道8个内涝点整治"), (3, "item", "2．", "完成中小河流治理625公里"),
        (3, "item", "3．", "实施老城区提质便民工程"), (2, "section", "（二）", "加强社会治理"),
        (3, "section", "1．", "完善网格化管理"), (3, "section", "2．", "加强矛盾调处")]
    # (1)(2) and ① run on in a paragraph too; a chapter style run on (（一）…（二）) keeps heading its text
    assert [n[1] for n in outline("一、民生实事\n办好实事：（1）新增就业2万人；（2）新建学校60所。\n")[1:]] == ["item"] * 2
    assert [n[1] for n in outline("一、民生实事\n办好实事：①新增就业2万人；②新建学校60所。\n")[1:]] == ["item"] * 2


def test_a_heading_line_with_a_space_before_a_number_is_one_title():
    text = "一、“十二五”时期和 2015年工作回顾\n正文写了很多。\n二、 2016年工作安排\n正文。\n"
    assert [n[3] for n in outline(text)] == ["“十二五”时期和 2015年工作回顾", "2016年工作安排"]
    # a title run into a sentence after the space ends there
    assert outline("一、总体要求 2024年是关键之年。正文。\n")[0][3] == "总体要求"


def test_a_lead_line_heads_the_paragraph_after_it_whose_first_sentence_is_no_lead():
    text = ("一、工作回顾\n这一年，我们敢闯敢试，改革开放步伐加快。\n跨境电商试验区抓紧建设。推动试点任务落地。\n"
            "这一年，我们迎难而上，经济运行顶压行稳。\n优化经济运行机制，全年增长5%。\n"
            "这一年，我们精准施策，民生福祉改善提升。\n就业形势稳定。新增就业10万人。\n")
    assert [(d, t[:5]) for d, k, _, t in outline(text) if k == "topic"] == [(2, "这一年，我"), (2, "这一年，我"),
                                                                            (2, "这一年，我")]
    # a dash still sets a lead apart after a line of its own
    dashed = "一、工作回顾\n五年来，经济发展。\n——经济持续增长。增长5%。\n五年来，改革深化。\n——改革取得进展。正文。\n"
    assert [t for _, k, _, t in outline(dashed) if k == "topic"][1] == "经济持续增长"


def test_a_lead_line_heading_a_run_of_lead_paragraphs_heads_them_all():
    # (regression review 18: the first of the run lost its lead)
    text = ("一、工作回顾\n——扎实抓好稳增长、防风险、保民生三项基本任务，高质量发展迈出新步伐。\n"
            "经济运行稳中有进。全年增长5.5%。\n科技创新深入推进。研发投入增长10%。\n"
            "——切实加强政府自身建设，营商环境持续优化。\n政府管理创新扎实推进。办事时限压减30%。\n"
            "营商环境不断优化。新增经营主体10万户。\n")
    topics = [t for _, k, _, t in outline(text) if k == "topic"]
    assert "经济运行稳中有进" in topics and "政府管理创新扎实推进" in topics


def test_short_leads_between_long_parallel_leads_are_a_level_below_them():
    five = ["五年来，我们坚定不移贯彻新发展理念，综合实力实现新跨越。", "五年来，我们坚定不移深化改革开放，塑造开放新优势。",
            "五年来，我们坚定不移推进科技创新，迈出新步伐。"]
    text = ("一、工作回顾\n" + five[0] + "\n地区生产总值连跨3个台阶。\n产业结构持续优化。\n主导产业比重提高14个百分点。\n"
            "产业集群快速壮大。\n培育3个千亿级产业集群。\n" + five[1] + "\n出台政策120项。\n重点改革全面推进。\n"
            "完成改革任务173项。\n开放水平大幅提升。\n贸易年均增长24%。\n" + five[2] + "\n新增高校7所。\n"
            "创新能级显著提升。\n研发投入年均增长20%。\n各位代表，去年，全市经济稳中向好。\n经济实现平稳增长。\n"
            "增长5%。\n发展动力不断增强。\n出台政策12项。\n")
    assert [(d, t[:8]) for d, k, _, t in outline(text) if k == "topic"] == [
        (2, "五年来，我们坚定"), (3, "产业结构持续优化"), (3, "产业集群快速壮大"), (2, "五年来，我们坚定"),
        (3, "重点改革全面推进"), (3, "开放水平大幅提升"), (2, "五年来，我们坚定"), (3, "创新能级显著提升"),
        (2, "经济实现平稳增长"), (2, "发展动力不断增强")]  # after 各位代表，: the part as a whole again
    # statements sharing an opening (我们…) head nothing
    said = ("一、工作回顾\n" + "".join(f"我们要求第{n}件事情，必须认真对待。\n增长5%。\n" for n in "一二三")
            + "经济运行稳中有进。\n增长5%。\n改革开放持续深化。\n增长5%。\n")
    assert {d for d, k, _, _ in outline(said) if k == "topic"} <= {2}
    # short leads only after the last long one follow it at one level
    flat = ("一、工作回顾\n" + "\n增长5%。\n".join(five) + "\n增长5%。\n创新发展引领产业转型。\n增长5%。\n"
            "协调发展带动城乡改善。\n增长5%。\n")
    assert {d for d, k, _, _ in outline(flat) if k == "topic"} == {2}


def test_three_short_clauses_make_a_lead_where_sibling_sections_have_runs():
    def part(n: str, leads: list[str]) -> str:
        return f"（{n}）第{n}方面工作\n" + "".join(f"{lead}。这一方面的工作做了很多，成效明显。\n" for lead in leads)
    text = ("一、工作回顾\n" + part("一", ["围绕工业强市，促进结构调整，提升产业竞争力", "创新招商模式，拓展开放领域，提高城市外向度"])
            + part("二", ["强化社会保障，解决民生之本", "广泛惠及群众，共享发展成果", "关注弱势群体，兼顾社会公平"])
            + part("三", ["完善基础设施，健全城市功能", "创新管理模式，提高管理水平", "推行两大行动，构筑和谐平台"]))
    assert [t for _, k, _, t in outline(text) if k == "topic"][:2] == ["围绕工业强市，促进结构调整，提升产业竞争力",
                                                                       "创新招商模式，拓展开放领域，提高城市外向度"]
    # without that support, three clauses are a sentence
    assert [k for _, k, _, _ in outline("一、工作回顾\n" + part("一", ["围绕工业强市，促进结构调整，提升产业竞争力",
                                                                "创新招商模式，拓展开放领域，提高城市外向度"]))] \
        == ["section", "section"]


def test_a_lone_lead_after_a_dated_intro_is_a_topic_when_the_part_before_has_a_run():
    run = "一、农业\n粮食生产稳定。全年粮食产量增加。\n畜牧业较快发展。肉类产量增加。\n"
    lone = "二、投资\n2023年，在积极财政政策推动下，投资平稳增长。\n投资结构继续改善。第一产业投资增加。\n"
    topics = [(d, t) for d, k, _, t in outline(run + lone) if k == "topic"]
    assert topics == [(2, "粮食生产稳定"), (2, "畜牧业较快发展"), (2, "投资结构继续改善")]
    # without a run in the part before, one lead is no run
    alone = "一、农业\n粮食生产稳定。全年粮食产量增加。\n"
    assert [k for _, k, _, _ in outline(alone + lone)] == ["section", "section"]


def test_a_run_restarting_inside_a_paragraph_nests_under_the_heading_opening_it_in_one_line_text():
    text = ("1981年政府工作报告　　各位代表：　　现在我代表国务院报告工作。　　一、当前的经济形势　　去年经济稳定发展，各项事业取得进步。"
            "　　二、今后的经济建设方针　　为了提高经济效益，要从以下几个方面进行：一、节约能源，降低消耗；二、改革产品结构，提高质量；"
            "三、合理地利用资源。　　我们必须坚持这些方针。　　三、积极稳妥地改革经济体制　　改革要坚持计划经济为主。　　")
    assert [(d, m) for d, _, m, _ in outline(text)] == [(1, "一、"), (1, "二、"), (2, "一、"), (2, "二、"), (2, "三、"),
                                                     (1, "三、")]
    for _, node in parse_text(text).walk():
        assert node.span is not None and text[node.span[0]:node.span[1]].startswith(node.marker), node.marker


def test_points_inside_a_paragraph_get_spans_though_their_parents_body_runs_on_past_them():
    from gongwen.model import Block, Document, Node
    from gongwen.parsing.spans import attach_spans

    text = "二、技术改造\n要从以下几个方面进行：一、节约能源；二、改革产品结构。\n技术改造要有总体规划。\n三、经济体制\n"
    points = [Node(f"2.{k}", "section", m, "cn-dun", k, t) for k, (m, t) in enumerate([("一、", "节约能源"),
                                                                                  ("二、", "改革产品结构")], 1)]
    parent = Node("2", "section", "二、", "cn-dun", 2, "技术改造", body=[Block(text="要从以下几个方面进行："),
                                                                    Block(text="技术改造要有总体规划。")],
                  children=points)
    doc = Document(outline=[parent, Node("3", "section", "三、", "cn-dun", 3, "经济体制")])
    attach_spans(doc, text, lambda pos: pos)
    assert [text[n.span[0]:n.span[1]] for _, n in doc.walk()] == ["二、技术改造", "一、节约能源", "二、改革产品结构",
                                                                  "三、经济体制"]


def test_points_restarting_under_a_heading_that_stands_alone_nest_under_it():
    text = ("（四）造纸工业\n造纸工业应当发展。\n（五）其他轻工业\n这类轻工业包括印刷、搪瓷。\n对于下列行业，应该分别对待：\n"
            "（一）火柴工业现有设备能力很大，应当充分利用。\n（二）搪瓷工业应该调整产品。\n（六）手工业\n手工业要组织起来。\n")
    assert [(d, m) for d, _, m, _ in outline(text)] == [(1, "（四）"), (1, "（五）"), (2, "（一）"), (2, "（二）"),
                                                     (1, "（六）")]
    # headings standing alone that restart at （一） are a new run beside the old one
    again = text.replace("（一）火柴工业现有设备能力很大，应当充分利用。", "（一）火柴工业").replace(
        "（二）搪瓷工业应该调整产品。", "（二）搪瓷工业").replace("（六）手工业\n手工业要组织起来。\n", "")
    assert [(d, m) for d, _, m, _ in outline(again)] == [(1, "（四）"), (1, "（五）"), (1, "（一）"), (1, "（二）")]


def test_points_after_an_unmarked_part_line_restart_beside_the_old_run():
    text = ("2022年工作回顾\n（一）经济发展\n全市经济平稳运行。\n（二）民生保障\n民生持续改善。\n2023年工作安排\n"
            "（一）稳住经济大盘，推动高质量发展。今年要稳增长。\n（二）保障改善民生，增进人民福祉。今年要惠民生。\n")
    assert [d for d, _, m, _ in outline(text) if m] == [1, 1, 1, 1]


def test_parallel_leads_opening_with_a_past_period_are_topics():
    run = ["过去五年，经济发展提速增效。生产总值年均增长13%。", "过去五年，城乡建设步伐加快。城镇化率提高8个百分点。",
           "过去五年，改革开放扎实推进。国企改革基本完成。"]
    assert [t for _, k, _, t in outline("一、回顾\n" + "\n".join(run) + "\n") if k == "topic"] == [
        "过去五年，经济发展提速增效", "过去五年，城乡建设步伐加快", "过去五年，改革开放扎实推进"]
    # one or two paragraphs opening so are dated statements, not a run
    assert [k for _, k, _, _ in outline("一、回顾\n" + "\n".join(run[:2]) + "\n")] == ["section"]


def test_scattered_statements_in_a_narrative_chapter_are_no_topics():
    plain = "我们将继续奉行独立自主的和平外交政策，同各国发展友好关系，推动国际合作。"
    text = ("一、关于外交工作\n" + "\n".join([plain] * 3) + "\n中国人民同东欧各国人民有着传统的友谊。两国交往密切。\n"
            + "\n".join([plain] * 3) + "\n裁军问题直接关系着世界和平。我们主张全面裁军。\n" + "\n".join([plain] * 3) + "\n")
    assert [k for _, k, _, _ in outline(text)] == ["section"]
    # leads worded as work stay topics, however scattered
    work = text.replace("中国人民同东欧各国人民有着传统的友谊", "加强同东欧各国的友好合作").replace(
        "裁军问题直接关系着世界和平", "积极推动全面裁军进程")
    assert [t for _, k, _, t in outline(work) if k == "topic"] == ["加强同东欧各国的友好合作", "积极推动全面裁军进程"]
    # and statements next to each other are a run
    adjacent = ("一、关于外交工作\n" + "\n".join([plain] * 6) + "\n中国人民同东欧各国人民有着传统的友谊。两国交往密切。\n"
                "裁军问题直接关系着世界和平。我们主张全面裁军。\n")
    assert len([k for _, k, _, _ in outline(adjacent) if k == "topic"]) == 2


def test_scattered_leads_naming_things_stay_topics():
    plain = "我们将继续推进各项工作，确保目标任务全面完成，不断提高人民生活水平，努力实现经济社会持续健康发展。各项工作有序推进。"
    leads = ["世界级港口群建设取得突破。港口吞吐量增加。", "中国式现代化建设开局良好。各项事业发展。",
             "具有区域竞争力的交通网络加快形成。高速公路通车。"]
    text = "一、过去一年的工作\n" + "".join("\n".join([plain] * 3) + "\n" + lead + "\n" for lead in leads) + plain + "\n"
    assert [t for _, k, _, t in outline(text) if k == "topic"] == [lead.split("。")[0] for lead in leads]


def test_a_line_broken_off_after_a_quote_is_no_topic():
    text = "一、回顾\n成功举办“1995\n海交会”。吸引客商。\n经济稳定发展。工业增长。\n"
    assert "海交会”" not in [t for _, k, _, t in outline(text) if k == "topic"]


def test_weaker_leads_are_topics_where_most_sibling_sections_have_runs():
    weak = ("（一）扩大开放\n积极融入和服务国家战略，深化对外合作交流。我们将推动港口建设。\n"
            "加快建设海洋经济强市，壮大临港产业。推动海洋产业发展。\n")
    strong = ("（二）推进改革\n深化国企改革。推进混合所有制改革。\n优化营商环境。推行一网通办。\n"
              "（三）保障民生\n稳定扩大就业。实施就业优先政策。\n办好民生实事。推进十件实事。\n")
    topics = [t for _, k, _, t in outline("一、今年工作\n" + weak + strong) if k == "topic"]
    assert topics[:2] == ["积极融入和服务国家战略，深化对外合作交流", "加快建设海洋经济强市，壮大临港产业"]
    assert len(topics) == 6
    # alone, leads with commas are no run
    assert [k for _, k, _, _ in outline("一、今年工作\n" + weak)] == ["section", "section"]
    # a view stated with 是, or a place's 我, is no heading even beside sibling runs
    views = ("（一）扩大开放\n开放是发展的必由之路，也是改革的动力。我们将推动港口建设。\n"
             "我市同各方有着良好的合作基础，合作前景广阔。推动海洋产业发展。\n")
    assert [t for _, k, _, t in outline("一、今年工作\n" + views + strong) if k == "topic"] == [
        "深化国企改革", "优化营商环境", "稳定扩大就业", "办好民生实事"]


def test_a_lone_lead_on_its_own_line_before_numbered_headings_is_a_lead_in():
    text = ("一、回顾\n经济平稳运行。全年增长5%。\n结构持续优化。服务业占比提高。\n"
            "二、安排\n今年是开局之年，做好工作意义重大。\n重点做好三方面工作。\n"
            "（一）扩大内需\n提振消费。\n（二）稳定外贸\n拓展市场。\n"
            "各位代表，完成今年目标任务，需要我们更加努力。政府要担当作为。\n"  # the part's closing words
            "各位代表！蓝图已经绘就。让我们团结一心，为实现目标而努力奋斗！\n")
    assert [(d, k, t) for d, k, _, t in outline(text)][3:] == [
        (1, "section", "安排"), (2, "section", "扩大内需"), (2, "section", "稳定外贸")]


def test_the_closing_appeal_is_no_topic_and_does_not_count_against_the_leads():
    text = ("一、工作安排\n"
            "优化职责体系，严格依法行政。认真履行政府职能。\n"
            "健全协同机制，提高行政效能。完善工作机制。\n"
            "强化制约监督，恪守清正廉洁。加强审计监督。\n"
            "保护生态系统，筑牢安全屏障。让江淮大地美起来，让我们的家园永葆山清水秀！\n"
            "奋斗才能赢得未来。让我们更加紧密地团结起来，为实现目标而努力奋斗！\n")
    assert [t for _, k, _, t in outline(text) if k == "topic"] == [
        "优化职责体系，严格依法行政", "健全协同机制，提高行政效能", "强化制约监督，恪守清正廉洁", "保护生态系统，筑牢安全屏障"]


def test_a_paragraph_of_work_that_ends_by_saluting_keeps_its_lead_when_more_follow():
    text = ("一、工作回顾\n"
            "疫情防控取得重大战略成果。迅速启动一级响应，织密防控网络。涌现出一批先进典型。让我们向所有抗疫英雄致以崇高敬意！\n"
            "复工复产复学快速高效。迅速组建专班，保障物资供应。\n"
            "六稳六保落地落实。出台稳工业措施，减税降费。\n")
    assert [t for _, k, _, t in outline(text) if k == "topic"] == [
        "疫情防控取得重大战略成果", "复工复产复学快速高效", "六稳六保落地落实"]


def test_the_turn_to_the_problems_returns_from_the_last_subsection_to_the_part():
    text = ("一、过去一年工作回顾\n（一）经济平稳运行。全年增长5%。\n投资稳定增长。\n"
            "（二）民生持续改善。新增就业1万人。\n社会保障加强。\n"
            "我们也清醒地看到，发展中还存在不少问题。\n一是结构矛盾突出。产业层次不高。\n二是增长方式粗放。能耗偏高。\n"
            "二、今年工作安排\n（一）扩大内需。提振消费。\n")
    got = [(d, k, m) for d, k, m, _ in outline(text)]
    assert got == [(1, "section", "一、"), (2, "section", "（一）"), (2, "section", "（二）"),
                   (2, "item", "一是"), (2, "item", "二是"), (1, "section", "二、"), (2, "section", "（一）")]


def test_a_lead_in_to_a_list_on_a_line_of_its_own_heads_no_part():
    text = ("某市政府工作报告\n各位代表：\n2024年工作回顾\n（一）经济平稳运行。全年增长5%。\n（二）民生改善。新增就业1万人。\n"
            "2025年工作安排\n今年是关键之年，做好工作意义重大。\n今年要着力做好以下几方面的工作\n"
            "（一）扩大内需\n提振消费。\n（二）稳定外贸\n拓展市场。\n")
    assert [(d, t) for d, k, _, t in outline(text) if d == 1] == [(1, "2024年工作回顾"), (1, "2025年工作安排")]


def test_parallel_lines_without_a_sentence_end_head_groups_of_lead_paragraphs_inside_a_part():
    text = ("各位代表：\n一、2024年工作回顾\n"
            "一年来，我们集中力量抓工业，产业体系建设取得积极进展\n工业运行稳中提质。规上工业增加值增长8%。\n"
            "服务业稳步发展。服务业增加值增长6%。\n"
            "一年来，我们坚持科技创新引领，科技城建设拔锚起航\n创新成果持续涌现。研制首件重大装备。\n"
            "创新载体扩容升级。新增研发平台10个。\n二、2025年工作安排\n（一）扩大内需。提振消费。\n")
    got = [(d, k, t[:6]) for d, k, _, t in outline(text)]
    assert got[:8] == [(1, "section", "2024年工"), (2, "section", "一年来，我们"), (3, "topic", "工业运行稳中"),
                       (3, "topic", "服务业稳步发"), (2, "section", "一年来，我们"), (3, "topic", "创新成果持续"),
                       (3, "topic", "创新载体扩容"), (1, "section", "2025年工")]
    # one such line alone, or a line with a label colon, heads no group
    alone = text.split("一年来，我们坚持")[0] + "二、2025年工作安排\n"
    assert [k for _, k, _, _ in outline(alone)].count("section") == 2


def test_a_saying_that_frames_a_run_of_leads_is_no_topic():
    text = ("一、今年工作安排\n（一）发展现代产业\n"
            "加快先进制造业发展。实施技术改造项目100个。\n壮大现代服务业。培育服务业集聚区5个。\n"
            "推进农业现代化。建设高标准农田10万亩。\n"
            "产业兴则百业兴，产业强则经济强。我们要以钉钉子精神推进产业发展。\n")
    assert [t for _, k, _, t in outline(text) if k == "topic"] == ["加快先进制造业发展", "壮大现代服务业", "推进农业现代化"]
    # a comma lead among comma leads, or one followed by work done, stays
    work = text.replace("我们要以钉钉子精神推进产业发展。", "全年产业投资增长8%。")
    assert [t for _, k, _, t in outline(work) if k == "topic"][-1] == "产业兴则百业兴，产业强则经济强"


def test_dash_led_lead_sentences_are_topics():
    text = ("一、过去五年\n——坚持人民至上、生命至上，抗疫斗争取得重大战略成果。坚决贯彻决策部署。\n"
            "——坚持以保促稳、稳中求进，竭力稳住了经济基本盘。经济总量突破2500亿元。\n")
    assert [n[3] for n in outline(text) if n[1] == "topic"] == [
        "坚持人民至上、生命至上，抗疫斗争取得重大战略成果", "坚持以保促稳、稳中求进，竭力稳住了经济基本盘"]
    # the same dash as horizontal bars (U+2015) or box-drawing lines, as older texts print it: punctuation, not title
    for dash in ("――", "──"):
        assert [n[3] for n in outline(text.replace("——", dash)) if n[1] == "topic"] == [
            "坚持人民至上、生命至上，抗疫斗争取得重大战略成果", "坚持以保促稳、稳中求进，竭力稳住了经济基本盘"]


def test_enumerations_in_a_topic_paragraph_belong_to_the_topic():
    text = ("（一）稳定宏观政策\n积极的财政政策要加大力度。今年将采取三项举措。一是减税。二是降费。三是扩大投资。\n"
            "稳健的货币政策要灵活适度。保持流动性合理充裕。\n")
    assert outline(text) == [
        (1, "section", "（一）", "稳定宏观政策"), (2, "topic", "", "积极的财政政策要加大力度"),
        (3, "item", "一是", "减税"), (3, "item", "二是", "降费"), (3, "item", "三是", "扩大投资"),
        (2, "topic", "", "稳健的货币政策要灵活适度")]


def test_a_numbered_list_run_in_a_topic_paragraph_belongs_to_the_topic_and_ends_with_it():
    text = ("（一）扭住四个抓手\n扎实推进项目建设。抓项目就是抓发展。\n着力打造一流营商环境。开展创新突破行动。\n"
            "不断提升民生保障水平。办好3件民生实事：（1）建设养老服务设施。（2）新建城市书房10个。（3）建立保险制度。\n"
            "持续改善生态环境质量。深入打好污染防治攻坚战。\n（二）积极回应群众关切\n解决一批问题。\n")
    assert outline(text) == [
        (1, "section", "（一）", "扭住四个抓手"), (2, "topic", "", "扎实推进项目建设"),
        (2, "topic", "", "着力打造一流营商环境"), (2, "topic", "", "不断提升民生保障水平"),
        (3, "item", "（1）", "建设养老服务设施"), (3, "item", "（2）", "新建城市书房10个"),
        (3, "item", "（3）", "建立保险制度"), (2, "topic", "", "持续改善生态环境质量"),
        (1, "section", "（二）", "积极回应群众关切")]


def test_numbered_headings_after_summary_topics_stay_their_siblings():
    text = ("一、工作回顾\n经济运行稳中向好。增长5%。\n改革开放持续深化。新设企业1万家。\n"
            "（一）抓工业\n建成项目10个。\n（二）抓农业\n粮食增产。\n")
    assert [(d, k, m) for d, k, m, _ in outline(text)] == [
        (1, "section", "一、"), (2, "topic", ""), (2, "topic", ""), (2, "section", "（一）"), (2, "section", "（二）")]


def test_an_inline_enumeration_ends_with_its_paragraph():
    text = ("一、总体要求\n必须把握三点：一是坚持稳中求进。二是坚持改革。\n"
            "二、重点工作\n推进改革。\n")
    assert [(d, m) for d, _, m, _ in outline(text)] == [(1, "一、"), (2, "一是"), (2, "二是"), (1, "二、")]


def test_an_address_to_the_audience_returns_to_the_part():
    text = ("一、工作回顾\n（一）经济发展\n增长5%。\n（二）社会事业\n全面进步。\n"
            "各位代表！成绩来之不易。我们也清醒认识到存在的问题：\n一是发展不充分。\n二是结构不优。\n二、工作安排\n")
    assert [(d, m) for d, _, m, _ in outline(text)] == [
        (1, "一、"), (2, "（一）"), (2, "（二）"), (2, "一是"), (2, "二是"), (1, "二、")]


# ---- the marker grammar ---------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("壹、總體要求\n堅持穩中求進。\n貳、重點工作\n擴大內需。\n參、保障措施\n加強領導。\n",
     [(1, "section", "壹、", "总体要求"), (1, "section", "贰、", "重点工作"), (1, "section", "参、", "保障措施")]),
    ("一、綜 合\n全年增長。\n二、農 業\n豐收。\n", [(1, "section", "一、", "综合"), (1, "section", "二、", "农业")]),
    ("一、工作\n１．抓落实\n落实责任。\n２．抓考核\n严格考核。\n",
     [(1, "section", "一、", "工作"), (2, "section", "１．", "抓落实"), (2, "section", "２．", "抓考核")]),
    ("一、要求\n第一，抓落实。第二，抓考核。\n", [(1, "section", "一、", "要求"), (2, "item", "第一", "抓落实"),
                                      (2, "item", "第二", "抓考核")]),
    ("一、原则\n其一，坚持统筹。其二，坚持创新。\n", [(1, "section", "一、", "原则"), (2, "item", "其一", "坚持统筹"),
                                       (2, "item", "其二", "坚持创新")]),
    ("01综合\n全年地区生产总值增长5%。\n02农业\n粮食丰收。\n", [(1, "section", "01", "综合"), (1, "section", "02", "农业")]),
    ("第一编 基本任务\n第一章 总任务\n第一节 农业\n正文。\n第二节 工业\n正文。\n第二章 投资\n正文。\n第二编 部门计划\n",
     [(1, "section", "第一编", "基本任务"), (2, "section", "第一章", "总任务"), (3, "section", "第一节", "农业"),
      (3, "section", "第二节", "工业"), (2, "section", "第二章", "投资"), (1, "section", "第二编", "部门计划")]),
    # spaces left inside a chapter or section marker: the same marker, printed without them
    ("第一章 商业\n第一节 对外贸易\n正文。\n第二\xa0\xa0节国营商业的经营管理\n正文。\n第 二 章 价格\n正文。\n",
     [(1, "section", "第一章", "商业"), (2, "section", "第一节", "对外贸易"), (2, "section", "第二节", "国营商业的经营管理"),
      (1, "section", "第二章", "价格")]),
    ("一、措施\n中央预备费40 亿元，地方预备费68 亿元。\n", [(1, "section", "一、", "措施")]),
    ("各位代表：　　我受委托作报告。　　一　　纲要是根据毛泽东同志的建议制定的。　　二　　粮食增产很快。",
     [(1, "section", "一", ""), (1, "section", "二", "")]),
    ("一、原则\n关键是实行两个转变，一是体制转变，二是方式转变。\n",
     [(1, "section", "一、", "原则"), (2, "item", "一是", "体制转变"), (2, "item", "二是", "方式转变")]),
    # one space between the number and the title; never a decimal printed with a space
    ("一、工作\n1.完成二环路绿化。\n2. 规划建设社区绿道。\n3.完成森林公园增绿。\n二、安排\n增长 3. 5%。\n",
     [(1, "section", "一、", "工作"), (2, "section", "1.", "完成二环路绿化"), (2, "section", "2.", "规划建设社区绿道"),
      (2, "section", "3.", "完成森林公园增绿"), (1, "section", "二、", "安排")]),
    # the opening bracket lost: the same level as （N）, on a heading line of its own only
    ("一、回顾\n一）结构调整步伐加快\n正文。\n二）改革不断深入\n正文。\n（三）民主法制建设\n正文。\n",
     [(1, "section", "一、", "回顾"), (2, "section", "一）", "结构调整步伐加快"), (2, "section", "二）", "改革不断深入"),
      (2, "section", "（三）", "民主法制建设")]),
    ("一、回顾\n全年增长5%，比重达到三）以上，结构优化。\n", [(1, "section", "一、", "回顾")]),
])
def test_marker_grammar(text, expected):
    assert outline(text) == expected


def test_a_number_glued_to_a_long_sentence_is_not_a_heading():
    assert outline("一、工作\n01年以来全市经济发展很快，各项工作全面推进，取得了很大成绩，群众满意。\n") == [
        (1, "section", "一、", "工作")]


def test_letter_spaced_titles_are_joined_and_run_on_titles_stop_at_a_space():
    assert outline("同志们： 一、作风建设 当前要大力弘扬求真务实的作风。")[0] == (1, "section", "一、", "作风建设")


# ---- reader hints follow the text ----------------------------------------------------
def test_a_heading_hint_survives_a_removed_line_above_it():
    lines = ["某县政府工作报告", "各位代表：", "现在我代表县人民政府向大会报告工作，请予审议，并请各位代表提出意见。", "— 2 —",
             "过去一年的工作", "全年增长。", "今年的工作安排", "全面推进。"]
    doc = parse_text("\n".join(lines) + "\n", heading_levels={4: 1, 6: 1})
    assert [n.title for _, n in doc.walk()] == ["过去一年的工作", "今年的工作安排"]


# ---- kind from wording --------------------------------------------------------------
@pytest.mark.parametrize(("window", "before", "part", "expected"), [
    ("力争地区生产总值增长5%", "", "actual", "target"),
    ("比上年增长9.1%", "", "target", "actual"),
    ("比去年增加5600亿元", "今年拟安排财政赤字2.18万亿元", "actual", "target"),
    ("预计全年增长5%", "", "actual", "actual"),
    ("预计全年增长5%", "", "target", "target"),
    ("成功争取中央资金233亿元", "", "actual", "actual"),
    ("争取中央资金233亿元", "", "target", "target"),
    ("到2035年人均收入翻一番", "", "actual", "target"),
    ("新增就业10万人", "", "actual", "actual"),
    ("要新增就业10万人", "", "actual", "target"),
    ("比上年增长8.5%", "全年发电计划", "target", "actual"),
    ("全国去年取得重要科技成果一万多项", "", "target", "actual"),
    ("城镇新增就业1312万人，超过全年预期目标", "", "target", "actual"),  # a goal met is a result
    ("五年累计新增城镇就业168万人", "城镇登记失业率始终控制在预期目标以内", "actual", "actual"),  # met, the clause before
    ("居民消费价格上涨4.0%，涨幅控制在预期目标以内", "", "target", "actual"),  # kept within it: met
    ("城镇新增就业120万人", "今年的预期目标是", "actual", "target"),  # a goal announced before stays a goal
    ("将2.8万亿元中央财政资金纳入直达范围", "", "actual", "actual"),  # 将 before its object: a deed
    ("粮食产量将达到6.5亿吨", "", "actual", "target"),  # the modal 将: a plan
    ("我省过去十五年国内生产总值年平均增长率为13.6%", "", "target", "actual"),
    ("23项主要指标达到或快于预期", "", "actual", "actual"),  # 要 of a word (主要, 重要) is no modal
    ("入选全国6项重要考古成果", "", "actual", "actual"),
    ("主要污染物排放量要减少2%", "", "actual", "target"),
])
def test_kind_follows_the_wording(window, before, part, expected):
    assert kind_of(window, before, part) == expected


def test_a_plan_opening_the_sentence_reaches_its_later_figures():
    opening = "今年拟安排财政赤字2.18万亿元"
    assert kind_of("赤字率提高到3%", "比去年增加5600亿元", "actual", opening=opening) == "target"
    assert kind_of("赤字率比上年提高0.5个百分点", "比去年增加5600亿元", "actual", opening=opening) == "actual"
    assert kind_of("赤字率提高到3%", "比去年增加5600亿元", "actual", opening="去年安排财政赤字1.6万亿元") == "actual"


def test_an_increase_of_a_planned_level_is_planned_too():
    doc = parse_text("一、2005年工作安排\n拟安排中央财政赤字3000亿元，比上年预算减少198亿元。\n"
                     "今年中央财政安排109亿元资金支持再就业，比上年增加26亿元。\n"
                     "二、2004年工作回顾\n农业所占比重由23.9%下降为21%。\n")
    assert [(i.value, i.kind) for i in doc.indicators] == [
        (3000, "target"), (198, "target"), (109, "target"), (26, "target"), (23.9, "actual"), (21, "actual")]


def test_a_part_of_achievements_and_goals_turns_to_goals_where_their_time_opens_a_paragraph():
    doc = parse_text("一、2020年工作回顾\n全年增长5%。\n"
                     "二、“十三五”时期发展成就和“十四五”时期主要目标任务\n过去五年，地区生产总值年均增长6%。\n"
                     "“十四五”时期，是开启新征程的五年。地区生产总值年均增长7%左右。\n"
                     "三、“十二五”发展主要成就\n地区生产总值年均增长11.2%。\n")
    assert [(i.change, i.kind) for i in doc.indicators] == [
        (5, "actual"), (6, "actual"), (7, "target"), (11.2, "actual")]


def test_goals_announced_with_a_colon_are_targets_even_in_a_review_part_but_goals_met_are_not():
    doc = parse_text("一、“十二五”时期工作回顾\n今后五年的具体目标要求是：城镇化率达68%，科技进步贡献率超过60%。\n"
                     "全面完成了预期目标：地区生产总值增长8%。\n")
    assert [(i.value or i.change, i.kind) for i in doc.indicators] == [(68, "target"), (60, "target"), (8, "actual")]


def test_a_section_that_names_goals_makes_its_figures_targets_in_any_part():
    doc = parse_text("第一篇 开启新征程\n第一章 发展环境\n地区生产总值年均增长6%。\n"
                     "第二章 “十四五”时期经济社会发展主要目标\n城镇化率提高到65%。\n"
                     "二、重点工作\n（一）推动制造业取得新成效\n新增高新技术企业50家。\n")
    assert [(i.value or i.change, i.kind) for i in doc.indicators] == [(6, "actual"), (65, "target"), (50, "target")]


def test_the_base_of_a_comparison_and_an_execution_result_are_actual_in_a_plan():
    doc = parse_text("一、“六五”计划的主要目标\n行政管理费占财政总支出的6.7%，比五五计划时期的4.9%提高1.8%。\n"
                     "1981年实际执行结果为25亿元。\n")
    assert [(i.value or i.change, i.kind) for i in doc.indicators] == [
        (6.7, "target"), (4.9, "actual"), (1.8, "target"), (25, "actual")]


def test_a_year_reached_up_to_the_year_under_review_is_no_goal():
    assert kind_of("增加到1995年的114.6亿美元", "", "actual") == "target"
    assert kind_of("增加到1995年的114.6亿美元", "", "actual", review_year=1995) == "actual"
    assert kind_of("到2000年达到5500亿元", "", "actual", review_year=1995) == "target"


def test_a_starting_point_and_a_result_cue_after_a_long_unit_are_actual():
    text = ("某省政府工作报告\n——2024年1月20日在某省人民代表大会上\n各位代表：\n一、今年工作安排\n"
            "基本公共卫生服务经费财政补助从人均40元提高到45元。\n发电量达到４４５５亿千瓦小时，比上年增长８．５％。\n")
    doc = parse_text(text)
    assert [(i.value, i.change, i.kind) for i in doc.indicators] == [
        (40, None, "actual"), (45, None, "target"), (4455, 8.5, "actual")]


def test_a_communique_is_all_actual():
    assert kind_of("力争增长5%", "", "target", bulletin=True) == "actual"


def test_leads_after_an_address_to_the_audience_belong_to_the_part():
    text = ("一、工作回顾\n（一）经济发展\n全年增长5%，经济运行总体平稳，发展质量稳步提升。\n"
            "（二）社会事业\n各项社会事业全面进步，群众获得感不断增强。\n各位代表！过去五年，我们砥砺奋进。\n"
            "——城市能级大幅提升。综合实力迈上新台阶。\n——发展动能加快转换。创新能力显著增强。\n二、工作安排\n")
    assert [(d, k, m, t) for d, k, m, t in outline(text)] == [
        (1, "section", "一、", "工作回顾"), (2, "section", "（一）", "经济发展"), (2, "section", "（二）", "社会事业"),
        (2, "topic", "", "城市能级大幅提升"), (2, "topic", "", "发展动能加快转换"), (1, "section", "二、", "工作安排")]


def test_a_lead_in_is_no_topic():
    text = ("一、工作回顾\n一年来，我们主要做了以下工作。全面落实各项决策部署，经济社会持续健康发展。\n"
            "回顾过去一年，成绩来之不易。这是全市人民团结奋斗的结果。\n")
    assert [k for _, k, _, _ in outline(text)] == ["section"]


def test_numbered_rows_of_a_table_printed_as_text_are_not_headings():
    text = ("五、价格\n物价总水平涨幅得到控制，城市物价涨幅较大。\n1992年各类价格比上年上涨幅度(％)：\n"
            "1．居民生活费用价格 6．4\n其中：城镇 8．6\n2．零售物价 5．4\n3．服务价格 13．4\n六、对外经济\n")
    assert [m for _, _, m, _ in outline(text)] == ["五、", "六、"]


def test_an_unnumbered_part_heading_may_open_an_enumeration():
    text = ("各位代表：\n我代表省人民政府，向大会报告工作，请予审议，并请政协委员提出意见。\n"
            "“十四五”时期工作回顾\n“十四五”时期是发展极不平凡的五年，全省上下团结奋斗，取得显著成绩。\n"
            "“十五五”时期的主要目标任务\n今后五年要努力实现以下目标。\n一是发展水平明显提升。提高质量。\n二是创新能力明显提升。培育动能。\n")
    assert [(d, m, t) for d, _, m, t in outline(text)] == [
        (1, "", "“十四五”时期工作回顾"), (1, "", "“十五五”时期的主要目标任务"),
        (2, "一是", "发展水平明显提升"), (2, "二是", "创新能力明显提升")]


def test_a_lead_heads_the_enumeration_in_its_paragraph():
    text = ("（九）增进民生福祉\n稳定和扩大就业。落实就业优先政策，新增就业30万人。\n"
            "持续办好为民实事。一是建设养老机构。二是改造老旧小区。三是新建学校。\n"
            "提高社会保障水平。完善养老保险制度。\n")
    assert outline(text) == [
        (1, "section", "（九）", "增进民生福祉"), (2, "topic", "", "稳定和扩大就业"), (2, "topic", "", "持续办好为民实事"),
        (3, "item", "一是", "建设养老机构"), (3, "item", "二是", "改造老旧小区"), (3, "item", "三是", "新建学校"),
        (2, "topic", "", "提高社会保障水平")]


@pytest.mark.parametrize(("before", "expected"), [
    ("到2035年，人均收入", (None, 2035)),
    ("“十四五”时期，地区生产总值年均增长", (2021, 2025)),
    ("六五计划期间，基本建设投资", (1981, 1985)),
    ("五年来，城镇新增就业", (2021, 2025)),
    ("2021—2025年累计完成投资", (2021, 2025)),
    ("2023年末全省常住人口", (None, 2023)),
    ("比2020年下降", (None, None)),
    ("2020年以来累计", (None, None)),
])
def test_period_from_time_words(before, expected):
    from gongwen.parsing.indicators import period_of

    assert period_of(before, 2025) == expected


def test_a_mojibake_repair_loses_no_character_of_the_source():
    from gongwen.losses import lost_characters

    garbled = _garble("二、重点工作任务\n全年地区生产总值增长5%，就业稳定，物价平稳，城乡居民收入稳步增长。\n")
    assert len(garbled) > 60
    source = "一、总体要求\n坚持稳中求进。\n" + garbled
    assert lost_characters(source, parse_text(source)) == set()


def test_part_headings_of_a_run_on_report_stand_alone_after_an_indent():
    # a whole report on one line, its paragraphs set apart by 　　 indents, the salutation run into the
    # speaker's line; the part headings share a leading time (过去 / 今后), the second opens (一)
    text = ("政府工作报告　　国务院总理某某各位代表：　　我代表国务院作报告，请予审议。　　过去五年的回顾　　"
            "五年来经济发展很快，各项事业全面进步，人民生活明显改善，社会保持稳定。　　今后五年的主要任务　　"
            "（一）关于经济建设　　要保持经济稳定增长。　　（二）关于体制改革　　要深化改革。")
    assert outline(text) == [(1, "section", "", "过去五年的回顾"), (1, "section", "", "今后五年的主要任务"),
                             (2, "section", "（一）", "关于经济建设"), (2, "section", "（二）", "关于体制改革")]


def test_an_indented_sentence_is_no_part_heading():
    text = ("各位代表：　　我代表政府作报告，请予审议。　　过去五年，成绩很大　　"
            "（一）关于经济建设　　要保持经济稳定增长。")
    assert [t for _, _, _, t in outline(text)] == ["关于经济建设"]


def test_subsections_after_a_closed_topic_run_stay_in_their_part():
    # a run of topics (这五年，…), an address to the audience that closes it, then （一）
    text = ("一、“十四五”时期和2025年工作回顾\n"
            "这五年，我们持续扩大高水平对外开放，面向南亚东南亚辐射中心建设取得新突破。\n"
            "坚决落实元首外交重大成果，大通道建设纳入国家优化区域开放总体布局。口岸货运通关能力从3800万吨提升至8000万吨，"
            "中老铁路发展远超预期，累计发送旅客超6400万人次、运输货物超7400万吨，中亚班列开行超2700列。\n"
            "这五年，我们深入践行以人民为中心的发展思想，民生福祉得到新改善。\n"
            "一般公共预算支出3.4万亿元，74%以上用于民生。\n"
            "这五年，我们统筹发展和安全，全力防范化解各类风险隐患，安全发展水平实现新提升。\n"
            "各位代表！刚刚过去的2025年，是具有重要里程碑意义的一年。\n"
            "（一）经济运行顶住压力、稳中有进。\n全年增长5%。\n（二）产业发展转型加快。\n新增企业100家。\n")
    assert [(d, m) for d, k, m, _ in outline(text) if k == "section"] == [(1, "一、"), (2, "（一）"), (2, "（二）")]


def test_periods_from_the_plan_part_the_sentence_opening_and_a_starting_point():
    text = ("某市政府工作报告\n——2021年1月20日在某市人民代表大会上\n各位代表：\n一、过去五年工作回顾\n全市生产总值增长5%。\n"
            "二、“十四五”时期主要目标任务\n到2025年，地区生产总值达到1万亿元，人均期望寿命从78.4岁提高到79.5岁，研发投入增长10%。\n"
            "城镇新增就业50万人。\n三、2021年工作安排\n全年增长6%。\n")
    doc = parse_text(text)
    assert [(i.value or i.change, i.kind, i.period_start, i.period) for i in doc.indicators] == [
        (5, "actual", None, 2020),
        (1, "target", None, 2025), (78.4, "actual", None, 2020), (79.5, "target", None, 2025), (10, "target", None, 2025),
        (50, "target", 2021, 2025),
        (6, "target", None, 2021)]


def test_notes_after_a_rule_line_are_back_matter_and_circled_items_in_the_body_stay():
    body = "一、农业\n粮食产量增加。\n二、工业\n①钢铁\n产量增加。\n②煤炭\n产量增加。\n三、人口\n人口增加。\n"
    doc = parse_text(body + "――――\n①社会总产值，是各部门总产值之和。\n②薯类产量按5公斤折粮食1公斤计算。\n")
    assert [(d, m) for d, _, m, _ in tree(doc)] == [(1, "一、"), (1, "二、"), (2, "①"), (2, "②"), (1, "三、")]
    assert [b.type for b in doc.back] == ["note", "note", "note"]
    assert parse_text(body).back == []


def test_a_rule_of_two_dashes_before_circled_notes_sets_them_apart_and_alone_is_body_text():
    body = "一、农业\n粮食产量增加。\n二、工业\n钢铁产量增加。\n三、人口\n人口增加。\n"
    doc = parse_text(body + "――\n①社会总产值，是各部门总产值之和。\n②薯类产量按5公斤折粮食1公斤计算。\n")
    assert [m for _, _, m, _ in tree(doc)] == ["一、", "二、", "三、"]
    assert [b.type for b in doc.back] == ["note", "note", "note"]
    assert parse_text(body + "――\n结束。\n").back == []


def test_numbered_notes_opened_by_a_note_label_after_a_rule_line_are_back_matter():
    body = "一、农业\n粮食产量增加。\n二、工业\n钢铁产量增加。\n三、人口\n人口增加。\n"
    doc = parse_text(body + "――――\n注：1、本公报为初步统计数。\n2、各项统计数据未包括台湾省。\n")
    assert [m for _, _, m, _ in tree(doc)] == ["一、", "二、", "三、"]
    assert [b.type for b in doc.back] == ["note", "note", "note"]
    # the same numbered lines with no rule line and no label are the body's
    assert [m for _, _, m, _ in outline(body + "1、本公报为初步统计数。\n2、各项统计数据未包括台湾省。\n")][-2:] == ["1、", "2、"]


def test_bold_words_broken_out_of_a_sentence_are_no_part_heading():
    text = ("一、回顾\n正文。\n二、目标\n“十五五”时期经济社会发展的\n主要目标\n是：地区生产总值年均增长5%左右。\n"
            "一是聚焦经济建设。\n二是聚焦改革开放。\n")
    assert [(d, k, m) for d, k, m, _ in outline(text)] == [
        (1, "section", "一、"), (1, "section", "二、"), (2, "item", "一是"), (2, "item", "二是")]


def test_a_speech_without_headings_keeps_its_body_out_of_the_front_matter():
    body = ["根据中共中央的决定，我代表国务院，向全国人民代表大会作政府工作报告，请予审议，并请政协委员提出意见。", "过去一年，粮食产量增长5%，工业生产稳步发展，人民生活得到改善。",
            "今后一年，我们要继续努力，把各项工作做得更好，争取更大的胜利。"]
    doc = parse_text("1975年政府工作报告\n国务院总理\n各位代表！\n" + "\n".join(body) + "\n")
    assert [b.text for b in doc.front] == ["1975年政府工作报告", "国务院总理", "各位代表！"]
    [section] = doc.outline
    assert (section.kind, section.marker, section.title, section.children) == ("section", "", "", [])
    assert [b.text for b in section.body] == body
    assert [d.code for d in doc.diagnostics if d.code == "no-headings"] == ["no-headings"]
    assert [(i.name, i.change) for i in doc.indicators] == [("粮食产量", 5)]
    # Lead sentences heading its paragraphs are the document's top-level topics; the text before them stays
    # in the untitled section.
    led = ["农业生产稳定发展。粮食产量增长5%。", "工业生产稳步增长。钢产量增长8%。", "交通运输继续发展。铁路货运量增长3%。"]
    doc = parse_text("1975年政府工作报告\n各位代表！\n" + body[0] + "\n" + "\n".join(led) + "\n")
    assert [(n.kind, n.title) for n in doc.outline] == [
        ("section", ""), ("topic", "农业生产稳定发展"), ("topic", "工业生产稳步增长"), ("topic", "交通运输继续发展")]
    assert [b.text for b in doc.outline[0].body] == [body[0]]
    # Without a salutation the front matter ends before the first paragraph of prose.
    doc = parse_text("1975年政府工作报告\n" + "\n".join(body) + "\n")
    assert [b.text for b in doc.front] == ["1975年政府工作报告"]
    assert [b.text for b in doc.outline[0].body] == body
    # A title alone is front matter and nothing else.
    assert parse_text("1975年政府工作报告\n").outline == []


def test_spaces_a_pdf_leaves_around_a_number_do_not_cut_a_title():
    doc = parse_text("一、科技\n七、研制 2050 毫米热连轧机、60 万千瓦火力发电机组。\n八、其他\n")
    assert [n.title for _, n in doc.walk()][1] == "研制 2050 毫米热连轧机、60 万千瓦火力发电机组"
    # a space before a year that opens the body is still where the title ends
    doc = parse_text("一、过去一年工作回顾 2023年，全市经济稳中向好。\n二、今年工作\n")
    assert doc.outline[0].title == "过去一年工作回顾"


def test_a_letter_spaced_toc_entry_stays_whole_and_ends_where_the_body_repeats_it():
    toc = "目录\n序　　言\n第一篇　指导方针\n第一章　指导方针\n第二篇　经济结构\n第二章　农业\n"
    body = ("序言\n国民经济和社会发展取得了巨大成就，为今后发展打下了坚实的基础，也存在一些突出问题。\n"
            "第一篇　指导方针\n第一章　指导方针\n坚持发展。\n第二篇　经济结构\n第二章　农业\n加强农业。\n")
    doc = parse_text("国民经济和社会发展第十个五年计划纲要\n" + toc + body)
    assert [e.title for e in doc.toc][0] == "序　　言" and len(doc.toc) == 5
    assert [(d, n.marker) for d, n in doc.walk()] == [(1, ""), (1, "第一篇"), (2, "第一章"), (1, "第二篇"), (2, "第二章")]
    ruled = parse_text("国民经济和社会发展第十个五年计划纲要\n" + toc + "---\n" + body.replace("第二章　农业", "第二章　农　业"))
    assert len(ruled.toc) == 5  # a rule line (Markdown's ---) after the contents is no entry
    # 农　业 is 农业 spaced out, --- no entry, 序言 heads its part: nothing to report
    assert [d.text for d in ruled.diagnostics if d.code == "toc-mismatch"] == []
    # a marker set apart by indents in run-on text is still a paragraph of its own
    paras = [p.text for p in split_paragraphs("报告如下。　　一　　一九五六年的纲要，是根据经验制定的。")]
    assert paras == ["报告如下。", "一", "一九五六年的纲要，是根据经验制定的。"]


def test_ordinals_of_one_noun_are_no_enumeration():
    text = ("一、原则\n利用外资必须把握三条原则：第一、借外债的总额要有控制；第二、一定要用在生产建设上；"
            "第三、利用外资要讲求经济效益。\n二、其他\n第一、第二轮督察整改成效持续巩固。\n"
            "第一、二、三产业增加值分别增长3%、5%和6%。\n")
    assert [m for _, _, m, _ in outline(text)] == ["一、", "第一", "第二", "第三", "二、"]


def test_a_horizon_opening_a_paragraph_of_goals_reaches_its_later_goals_and_base_years_are_no_period():
    doc = parse_text("一、目标\n未来五年主要奋斗目标是，到2012年，地区生产总值年均增长16%以上。财政收入年均增长18%。"
                     "今年森林覆盖率达到18%以上。\n")
    assert [(i.kind, i.period) for i in doc.indicators] == [("target", 2012), ("target", 2012), ("target", None)]
    doc = parse_text("一、回顾\n2005年与2000年相比，国内生产总值增长57.3%。按照2010年不变价，农村贫困人口1660万人。\n")
    assert [i.period for i in doc.indicators] == [None, None]  # not 2000, not 2010


def test_a_dash_sets_a_lead_apart_at_any_length():
    text = ("一、回顾\n——我们坚持稳中求进，经济运行总体平稳。全年增长5%。\n"
            "——我们坚持改革开放，改革开放迈出新步伐。改革取得成效。\n"
            "——我们坚持人民至上、生命至上，众志成城、共克时艰，有力有效抗击超强台风和极端强降雨、万泉河流域特大洪水。"
            "灾后重建有序推进。\n")
    assert [(d, k) for d, k, _, _ in outline(text)] == [(1, "section"), (2, "topic"), (2, "topic"), (2, "topic")]


def test_a_dash_sets_apart_a_lead_of_a_hundred_characters_too():
    lead = "——加工工业的发展，重点在于立足现有基础，进行联合改组，调整产品结构，提高技术水平，增加花色品种，提高产品质量，" \
           "降低物质消耗，提高经济效益，增强在国内外市场上的竞争能力，逐步形成合理的产业组织结构。"
    text = "一、任务\n" + lead + "要发挥优势。\n——农业要稳定发展。要增加投入。\n"
    assert [t[:8] for _, k, _, t in outline(text) if k == "topic"] == ["加工工业的发展，", "农业要稳定发展"]


def test_a_dash_sets_a_lead_apart_whatever_time_it_opens_with_but_not_a_dateline():
    text = ("一、回顾\n——过去一年，是万众一心、有为应变的一年。面对困难，我们迎难而上。\n"
            "——过去一年，是以保促稳、稳中求进的一年。全年增长5%。\n——2021年1月29日，市委召开全会。会议部署工作。\n")
    assert [t for _, k, _, t in outline(text) if k == "topic"] == [
        "过去一年，是万众一心、有为应变的一年", "过去一年，是以保促稳、稳中求进的一年"]


def test_a_failed_substitution_left_in_the_text_is_reported_and_its_figures_not_read():
    doc = parse_text("一、回顾\n地区生产总值增长$1.$2倍；财政收入增长$1.$2倍，粮食产量增长5%。\n")
    assert [(i.name, i.change) for i in doc.indicators] == [("粮食产量", 5)]
    [diag] = [d for d in doc.diagnostics if d.code == "corrupt-suspected"]
    assert diag.text == "$1.$2" and diag.message.startswith("2 ")


def test_a_marker_set_apart_from_its_title_by_an_indent_stays_with_it():
    assert [p.text for p in split_paragraphs("第三十章　　普通高等教育")] == ["第三十章　　普通高等教育"]
    # a heading run into its body by an indent is still two paragraphs, as in one-line documents
    assert [p.text for p in split_paragraphs("一、总体要求　　2024年是关键之年。")] == ["一、总体要求", "2024年是关键之年。"]
    toc = "目录\n" + "".join(f"第{n}章　　标题{n}\n" for n in "一二三四五") + "".join(
        f"第{n}章　　标题{n}\n正文。\n" for n in "一二三四五")
    doc = parse_text(toc)
    assert len(doc.toc) == 5 and [n.marker for n in doc.outline] == ["第一章", "第二章", "第三章", "第四章", "第五章"]


def test_a_heading_line_in_two_parts_is_one_title_and_a_quote_ends_no_paragraph():
    text = ("第十五篇　如期实现建军一百年奋斗目标 高质量推进国防和军队现代化\n正文。\n"
            "第十七篇　坚持和完善“一国两制” 推进祖国统一\n正文。\n第一章　工　　业\n正文。\n")
    assert [n.title for _, n in parse_text(text).walk()] == [
        "如期实现建军一百年奋斗目标高质量推进国防和军队现代化", "坚持和完善“一国两制” 推进祖国统一", "工业"]


def test_a_piece_of_other_spaces_before_an_indent_is_no_letter_spaced_word():
    assert [p.text for p in split_paragraphs("\u2003　　y")][-1] == "y"


def test_heading_levels_count_from_the_shallowest_and_never_lift_a_heading_out_of_its_part():
    text = ("某省政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议，并请各位提出意见。\n"
            "2024年工作回顾\n过去一年，我们主要做了以下工作。\n一、稳增长\n全年增长5%。\n二、促改革\n改革深化。\n"
            "2025年工作安排\n今年要做好以下工作。\n一、扩内需\n实施提振消费行动。\n二、强创新\n建设科创平台。\n")
    # a Word file whose numbered headings are Heading 1 and whose part lines are plain paragraphs
    assert outline(text, heading_levels={5: 1, 7: 1, 11: 1, 13: 1}) == outline(text) == [
        (1, "section", "", "2024年工作回顾"), (2, "section", "一、", "稳增长"), (2, "section", "二、", "促改革"),
        (1, "section", "", "2025年工作安排"), (2, "section", "一、", "扩内需"), (2, "section", "二、", "强创新")]
    # a page whose numbered headings are all <h3> (level 2): counted from the shallowest, level 1
    assert outline(text, heading_levels={5: 2, 7: 2, 11: 2, 13: 2}) == outline(text)


def test_a_list_comma_in_a_short_lead_breaks_no_clause():
    text = ("（三）推动高质量发展\n推动工业、农业高质量发展。实施一批重大项目。\n"
            "深化法治四川、平安四川建设。推进依法行政。\n")
    assert [t for _, k, _, t in outline(text) if k == "topic"] == ["推动工业、农业高质量发展", "深化法治四川、平安四川建设"]


def test_a_numbered_list_of_goal_sentences_ends_with_its_last_sentence():
    text = ("二、今后的任务\n（一）要使粮食生产与人口增长相适应，保证全国人民的基本需要。\n"
            "（二）要使轻工业和重工业的发展协调起来，满足市场的需要。\n（三）在发展生产的基础上，要使城乡人民的生活继续有所提高。\n"
            "我们讲调整，就是要把比例失调的情况调整过来。\n第一，坚持以农业为基础。加强农业。\n第二，加快轻工业发展。增加供给。\n")
    assert [(d, m) for d, _, m, _ in outline(text)] == [
        (1, "二、"), (2, "（一）"), (2, "（二）"), (2, "（三）"), (2, "第一"), (2, "第二")]  # the part's, not （三）'s
    headed = text.replace("（三）在发展生产的基础上，要使城乡人民的生活继续有所提高。", "（三）提高人民生活\n城乡居民收入稳定增长。")
    assert [(d, m) for d, _, m, _ in outline(headed)][-2:] == [(3, "第一"), (3, "第二")]  # a heading keeps its items


def test_jiang_that_takes_a_thing_to_its_new_state_in_a_review_reports_a_result():
    text = ("某市2023年政府工作报告\n一、2022年工作回顾\n将全市26家开发区整合为17家。\n"
            "二、2023年工作安排\n将26家开发区整合为17家。\n")
    assert [i.kind for i in parse_text(text).indicators] == ["actual", "actual", "target", "target"]
    assert kind_of("在一九五四年将由百分之二十八点八上升为百分之四十二点三", "", "actual") == "target"  # 将 as will


def test_an_unnumbered_heading_the_contents_list_heads_a_part_beside_the_numbered_ones():
    toc = "目录\n序　　言\n第一篇　指导方针\n第一章　指导方针\n第二篇　经济结构\n第二章　农业\n结束语\n"
    body = ("序言\n国民经济和社会发展取得了巨大成就，为今后发展打下了坚实的基础。\n一是结构不合理。二是创新能力弱。\n"
            "第一篇　指导方针\n第一章　指导方针\n坚持发展。\n第二篇　经济结构\n第二章　农业\n加强农业。\n"
            "结束语\n让我们团结一心，为实现目标而奋斗！\n")
    doc = parse_text("国民经济和社会发展第十个五年计划纲要\n" + toc + body)
    assert [(d, n.marker, n.title) for d, n in doc.walk()] == [
        (1, "", "序言"), (2, "一是", "结构不合理"), (2, "二是", "创新能力弱"), (1, "第一篇", "指导方针"),
        (2, "第一章", "指导方针"), (1, "第二篇", "经济结构"), (2, "第二章", "农业"), (1, "", "结束语")]
    assert not [d for d in doc.diagnostics if d.code == "toc-mismatch"]
    unlisted = parse_text("国民经济和社会发展第十个五年计划纲要\n" + body)  # no contents: 结束语 is no heading
    assert "结束语" not in [n.title for _, n in unlisted.walk()]


def test_a_label_line_ending_in_a_colon_owns_the_list_after_it():
    text = ("第十章 地方计划问题\n第一，在农业计划方面：\n（1）各地方应该调查研究。\n（2）各地方应该拟定计划。\n"
            "第二，在地方工业计划方面：\n（1）各省应该发展地方工业。\n（2）各县应该发展手工业。\n")
    assert [(d, m) for d, _, m, _ in outline(text)] == [
        (1, "第十章"), (2, "第一"), (3, "（1）"), (3, "（2）"), (2, "第二"), (3, "（1）"), (3, "（2）")]
    # an enumeration run into its sentence keeps no list under it
    run_in = "第十章 地方计划问题\n第一，在农业计划方面要调查研究。\n（1）各地方应该调查研究。\n（2）各地方应该拟定计划。\n"
    assert [(d, m) for d, _, m, _ in outline(run_in)][:3] == [(1, "第十章"), (2, "第一"), (2, "（1）")]


PREVIEW = "各位代表：\n报告分三个部分：一、过去一年的工作回顾；二、今年的主要任务；三、加强政府自身建设。\n"


@pytest.mark.parametrize("headings", [
    "过去一年的工作回顾\n全年增长5%。\n今年的主要任务\n要稳增长。\n加强政府自身建设\n要转变作风。\n",
    "一、过去一年的工作回顾\n全年增长5%。\n二、今年的主要任务\n要稳增长。\n三、加强政府自身建设\n要转变作风。\n"])
def test_parts_listed_in_a_sentence_are_contents_not_headings(headings):
    doc = parse_text(PREVIEW + headings)
    assert [t for _, _, _, t in outline(PREVIEW + headings)] == ["过去一年的工作回顾", "今年的主要任务", "加强政府自身建设"]
    assert [d.code for d in doc.diagnostics].count("inline-contents") == 1


def test_a_list_in_a_sentence_whose_titles_never_return_stays():
    text = "一、任务\n今年要抓好三件事：一、稳定粮食生产；二、发展乡镇企业；三、搞好水利建设。\n二、措施\n加强领导。\n"
    assert [m for _, _, m, _ in outline(text)][:4] == ["一、", "一、", "二、", "三、"]
    assert "inline-contents" not in [d.code for d in parse_text(text).diagnostics]


def test_a_run_inside_a_sentence_nests_under_its_heading_line_whose_run_goes_on():
    text = ("第四节 轻工业\n（一）纺织工业\n五年内，纺织工业发展的步骤是：（一）首先利用现有设备；（二）逐步改造私营工厂；"
            "（三）建设新厂。\n（二）食品工业\n提倡利用新的植物油源。\n（三）造纸工业\n新建纸厂。\n")
    assert [(d, m, t[:4]) for d, _, m, t in outline(text)] == [
        (1, "第四节", "轻工业"), (2, "（一）", "纺织工业"), (3, "（一）", "首先利用"), (3, "（二）", "逐步改造"),
        (3, "（三）", "建设新厂"), (2, "（二）", "食品工业"), (2, "（三）", "造纸工业")]


def test_a_heading_standing_alone_in_run_on_text_may_skip_a_number_the_text_lost():
    # a one-line copy whose paragraphs are set apart by ideographic spaces; 二、 was lost in an earlier conversion
    text = ("各位代表：　　现在，我代表国务院作报告。　　一、过去一年的工作　　经济平稳增长。　　（一）宏观调控　　运行平稳。"
            "　　三、关于规划纲要的说明　　这是纲要。")
    assert [(d, m) for d, _, m, _ in outline(text)] == [(1, "一、"), (2, "（一）"), (1, "三、")]
    assert "numbering-gap" in [d.code for d in parse_text(text).diagnostics]


def test_a_list_in_a_sentence_inside_a_part_is_no_contents_of_the_document():
    text = ("一、2024年工作安排\n重点抓好三件事：一、加快产业转型升级；二、深化重点领域改革；三、持续保障改善民生。\n"
            "加快产业转型升级\n新建项目10个。\n深化重点领域改革\n推进改革。\n持续保障改善民生\n办好实事。\n二、加强政府自身建设\n正文。\n")
    doc = parse_text(text)
    assert "inline-contents" not in [d.code for d in doc.diagnostics]
    assert [d for d, _, m, _ in outline(text) if not m] == []  # the lines after it open no top-level parts
