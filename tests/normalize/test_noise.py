"""Normalisation of real-world noise, each change recorded as a diagnostic."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import parse_text
from gongwen.normalize import REMOVING_CODES, normalize

from ..conftest import SEEDS

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
PAGE = "今年工业经济开展良好，产值持续增长，企业效益不断提高，发展后劲明显增强，" * 5


def codes(text: str) -> list[str]:
    return [d.code for d in normalize(text).diagnostics]


def test_pinyin_annotations_removed_and_parenthesised_chinese_kept():
    n = normalize("南湖區(qū)鳳橋鎮(zhèn)建成鳳橋（三星）水蜜桃中心和翁象大道(xx段)。")
    assert n.text == "南湖区凤桥镇建成凤桥（三星）水蜜桃中心和翁象大道(xx段)。"
    assert [d.text for d in n.diagnostics if d.code == "pinyin-annotation-removed"] == ["(qū)", "(zhèn)"]
    assert n.script == "traditional"


def test_simplified_text_never_goes_through_the_converter(monkeypatch):
    from gongwen.normalize import script

    def refuse():
        raise AssertionError("the converter was called on simplified text")

    monkeypatch.setattr(script, "t2s", refuse)
    for seed in SEED_TEXTS[:4]:
        n = normalize(seed)
        assert n.script == "simplified"
        assert "converted-to-simplified" not in [d.code for d in n.diagnostics]


def test_site_chrome_removed_at_both_ends():
    text = ("分享\n下载文档\n大小:20.49KB\n温馨提示:\n1. 本文档由用户上传,版权归属用户。\n网站客服:3074922707\n"
            "某镇政府工作报告\n" + PAGE + "。\n" + PAGE + "。\n" * 3 + "展开阅读全文\n温馨提示:\n经营许可证:蜀ICP备13022795号\n")
    n = normalize(text)
    assert n.text.strip().startswith("某镇政府工作报告")
    assert "ICP" not in n.text and "下载" not in n.text
    assert codes(text).count("boilerplate-removed") == 7


def test_chrome_of_another_document_site():
    text = ("原创力文档\n知识共享，价值无限\n首页 文档 专题\n某县政府工作报告.docx\n文档贡献者 上传于2023-02-10 下载积分 5\n"
            "立即下载 加入VIP\n某县政府工作报告\n第1页/共12页\n各位代表：\n" + PAGE + "。\n" * 3 +
            "还剩10页未读，继续阅读\n想免费下载本文档？\n相关文档推荐\n")
    n = normalize(text)
    assert n.text.strip().startswith("某县政府工作报告\n各位代表：") and n.text.strip().endswith("。")
    assert "mojibake-suspected" not in codes(text) and "truncated-suspected" not in codes(text)


def test_page_footer_and_glued_page_numbers_removed():
    text = f"开头 1结合工作。{PAGE}市场宏 2观环境。{PAGE}市委书记 3年初讲话。{PAGE}第4页 共4页"
    n = normalize(text)
    assert "市场宏观环境" in n.text and "市委书记年初讲话" in n.text and "第4页" not in n.text
    assert [d.text.strip() for d in n.diagnostics if d.code == "page-marker-removed"] == ["第4页 共4页", "1", "2", "3"]


def test_running_headers_and_page_number_lines_of_a_paged_text_are_removed():
    pages = [f"青山市人民政府文件\n{PAGE}。\n第 {k} 页\n" for k in range(1, 5)]
    text = "一、工作回顾\n" + "".join(pages) + "二、工作计划\n正文。\n"
    n = normalize(text)
    assert "青山市人民政府文件" not in n.text and "页" not in n.text.replace(PAGE, "")
    assert codes(text).count("running-header-removed") == 4 and codes(text).count("page-marker-removed") == 4
    assert [x.title for _, x in parse_text(text).walk()] == ["工作回顾", "工作计划"]


def test_a_salutation_repeated_on_its_own_line_is_no_running_header():
    parts = [f"各位代表！\n{PAGE}。\n" for _ in range(4)]
    text = "一、工作回顾\n" + "".join(parts) + "二、工作计划\n正文。\n"
    n = normalize(text)
    assert n.text.count("各位代表！") == 4 and "running-header-removed" not in codes(text)


def test_a_sentence_split_by_a_page_number_line_joins_up_again():
    text = f"一、工作回顾\n{PAGE}市场宏\n\n- 2 -\n\n观环境良好。\n二、工作计划\n{PAGE}。\n3\n三、自身建设\n正文。\n"
    n = normalize(text)
    assert "市场宏观环境良好。" in n.text and "\n三、自身建设" in n.text and "\n3\n" not in n.text
    assert [x.title for _, x in parse_text(text).walk()] == ["工作回顾", "工作计划", "自身建设"]


def test_line_initial_page_numbers_join_split_words():
    lines = [f"{k}、{PAGE}一是经济开展" if k == 1 else f"{k}、稳步提升{PAGE}一是经济开展" for k in range(1, 5)]
    n = normalize("\n".join(lines))
    assert n.text.count("一是经济开展稳步提升") == 3
    assert codes("\n".join(lines)).count("page-marker-removed") == 4


def test_notes_of_the_page_a_newspaper_text_goes_on_from_or_to_are_removed_and_the_text_joins():
    text = ("一、工作回顾\n农村土地流转率达35.4%，（紧转第2版） （紧接第1版）产业化带动面提高到74%。\n\n"
            "（一）加快发展\n对口工作有序推进。（下转第二版）\n\n（上接第一版）\n\n（二）城乡统筹\n"
            "厂房投入使用，（下转第二版）上接第一版）水厂投入运行。\n")
    n = normalize(text)
    assert "35.4%，产业化带动面" in n.text and "使用，水厂投入" in n.text and "版" not in n.text
    assert codes(text).count("page-marker-removed") == 6
    assert [x.title for _, x in parse_text(text).walk()] == ["工作回顾", "加快发展", "城乡统筹"]
    # a paragraph opening after a note keeps its line break; words about a newspaper page are no note
    assert normalize("正文完。\n（上接第一版）成功引进银行。\n").text == "正文完。\n成功引进银行。\n"
    assert normalize("报纸转第二版刊登全文。\n").text == "报纸转第二版刊登全文。\n"


def test_real_numbered_lines_are_not_page_numbers():
    text = "一、总体要求\n1、加快工业发展。\n2、推进城市建设。\n3、改善民生。\n"
    assert normalize(text).text == text


def test_hard_wrapped_lines_are_joined():
    sentence = "全年完成固定资产投资二十一亿元同比增长百分之三十其中制造业投资完成九亿元技改投资完成四亿元外贸进出口总额十三亿元。"
    body = (sentence * 6)
    lines = [body[i:i + 38] for i in range(0, len(body), 38)]
    text = "一、工作回顾\n" + "\n".join(lines) + "\n二、工作计划\n"
    lines = normalize(text).text.strip().split("\n")
    assert lines[0] == "一、工作回顾" and lines[-1] == "二、工作计划"
    assert "".join(lines[1:-1]) == body
    assert all(line.endswith("。") for line in lines[1:-1])  # breaks only where a sentence ends
    assert "wrapped-lines-joined" in codes(text)


def test_a_wrapped_line_narrowed_by_digits_runs_on():
    # Lines wrapped at 26 characters take fewer columns where they hold digits (比1980年增长 | 86.5%): a line
    # nearly as full as the page that ends mid-sentence runs on; a short heading line does not.
    body = "全年完成固定资产投资二十一亿元同比增长百分之三十其中制造业投资完成九亿元技改投资完成四亿元外贸进出口总额十三亿元。" * 6
    wrapped = [body[i:i + 26] for i in range(0, len(body), 26)]  # 52 columns
    text = "一、交通运输\n" + "\n".join(wrapped + ["民用航空运输总周转量8亿吨公里，比1980年增长", "86.5%，平均每年增长13.3%。",
                                             "二、邮电", "邮电业务总量增长。"]) + "\n"
    lines = normalize(text).text.strip().split("\n")
    assert "民用航空运输总周转量8亿吨公里，比1980年增长86.5%，平均每年增长13.3%。" in lines
    assert lines[0] == "一、交通运输" and "二、邮电" in lines


def test_where_paragraphs_open_with_an_indent_a_full_line_ending_a_sentence_runs_on():
    # A PDF page: paragraphs open with two ideographic spaces; a line that fills the width ends in 。 by chance
    # (…开展党史学习教育。 | 加强党风廉政建设…), and a heading line of its own absorbs no indented paragraph.
    paras = ["推进全面从严治党，坚持不懈开展党史学习教育。加强党风廉政建设和反腐败斗争，严格落实中央八项规定精神。",
             "突出创新引领。新增“上云上平台”企业1000家，高新技术企业增长20%，全社会研发投入增长15%以上。",
             "加快结构调整。促进经济转型升级，推进产业基础高级化、产业链现代化，建设现代化产业体系。"] * 3
    lines = []
    for para in paras:
        text = "\u3000\u3000" + para
        lines += [text[i:i + 22] for i in range(0, len(text), 22)]
    page = "三、着力推进调整转型保持经济持续平稳\n" + "\n".join(lines) + "\n"
    out = normalize(page).text.strip().split("\n")
    assert out[0] == "三、着力推进调整转型保持经济持续平稳"
    assert [line.strip() for line in out[1:]] == paras


def test_mojibake_and_truncation_flagged():
    assert "mojibake-suspected" in codes("南湖区??中心建成。")
    assert "truncated-suspected" in codes("全年完成旅游投资26亿元以上,实现旅游业")
    assert "truncated-suspected" not in codes("全年完成旅游投资26亿元。")


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80)
NOISE = st.sampled_from(["一、", "（一）", "1.", "1、", "(1)", "①", "一是", "。", "，", "\n", " ", "第3页 共9页",
                         "(qū)", "下载文档", "2", "“1”即", "增长1.5%", "亿元", "??", "\ufffd", "\r\n", "\t",
                         "\n- 2 -\n", "\n3\n", "……3", "展开阅读全文", "分别", "和", "首先，", "要"])
TEXT = st.lists(st.one_of(st.text(CJK, max_size=12), NOISE), max_size=60).map("".join)
CONTENT = str.maketrans("", "", " \t\r\n\u3000\xa0。，、；：,.;:!?！？()（）“”\"'—-")


def _content(s: str) -> str:
    return s.translate(CONTENT)


def _kept(doc) -> str:
    parts = [b.text for b in doc.front] + [e.marker + e.title for e in doc.toc]
    for _, n in doc.walk():
        parts += [n.marker, n.title] + [b.text for b in n.body]
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_parser_never_raises_and_accounts_for_every_removed_character(text):
    doc = parse_text(text)
    if doc.meta.source.script != "simplified":
        return
    removed = "".join(d.text for d in doc.diagnostics if d.code in REMOVING_CODES)
    kept = _content(_kept(doc))
    assert sorted(kept + _content(removed)) == sorted(_content(text.replace("\ufeff", "")))




@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SEED_TEXTS), st.lists(st.tuples(st.integers(0, 40000), st.integers(0, 300), TEXT), max_size=6))
def test_parser_never_raises_on_mutated_seeds(seed, edits):
    text = seed
    for pos, length, insert in edits:
        pos %= len(text) + 1
        text = text[:pos] + insert + text[pos + length:]
    doc = parse_text(text)
    assert doc.to_dict()["schema"] == "gongwen/1"


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_diagnostic_offsets_point_into_the_source(text):
    source = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    n = normalize(text)
    if n.script != "simplified":
        return
    for d in n.diagnostics:
        if d.code in REMOVING_CODES:
            assert _found_from(source, d.offset, d.text)


def _found_from(source: str, offset: int, removed: str) -> bool:
    """The removed text starts at ``offset`` (later cuts may span text an earlier step removed)."""
    it = iter(source[offset:])
    return source[offset:offset + 1] == removed[:1] and all(ch in it for ch in removed)


def test_offsets_survive_earlier_removals_on_a_real_seed():
    seed = SEED_TEXTS[1]  # chrome, a page footer and glued page numbers
    for d in normalize(seed).diagnostics:
        if d.code in REMOVING_CODES:
            assert seed[d.offset:d.offset + len(d.text)] == d.text


def test_a_line_of_only_an_opening_bracket_or_quote_joins_the_next():
    text = "一、回顾\n（一）经济增长。\n全年增长5%。\n（\n二）结构优化。\n“\n十四五”规划顺利收官。\n（二〇二四年）\n"
    doc = parse_text(text)
    assert [(n.marker, n.title) for _, n in doc.walk()] == [("一、", "回顾"), ("（一）", "经济增长"), ("（二）", "结构优化")]
    assert "“十四五”规划顺利收官。" in normalize(text).text.split("\n")
    assert "（二〇二四年）" in normalize(text).text.split("\n")  # a bracket with its words is no opener line
    (diag,) = [d for d in doc.diagnostics if d.code == "opener-lines-joined"]
    assert diag.message.startswith("2 lines")
    assert text[doc.outline[0].children[1].span[0]] == "（"  # spans still index the source


def test_a_web_pages_text_tools_at_the_head_are_chrome():
    doc = parse_text("打印\n全屏\n【字号：\n加大\n还原\n减小\n】\n2026年某省政府工作报告\n各位代表：\n一、工作回顾\n增长5%。\n")
    assert [b.text for b in doc.front][0] == "2026年某省政府工作报告"
    removed = " ".join(d.text for d in doc.diagnostics if d.code == "boilerplate-removed")
    assert all(word in removed for word in ("打印", "全屏", "加大", "减小"))


def test_a_document_saved_twice_in_one_file_is_read_once():
    seed = next(p for p in SEEDS if len(p.read_text(encoding="utf-8")) > 6000)
    report = seed.read_text(encoding="utf-8")
    once = parse_text(report)
    twice = parse_text(report + "\n来源：人民日报\n" + report.replace("\n", "\n\u3000\u3000"))  # the copy indented
    assert [n.title for _, n in twice.walk()] == [n.title for _, n in once.walk()]
    assert len(twice.indicators) == len(once.indicators)
    (cut,) = [d for d in twice.diagnostics if d.code == "duplicate-copy-removed"]
    assert report.splitlines()[-1].strip() in cut.text
    assert not [d for d in once.diagnostics if d.code == "duplicate-copy-removed"]


def test_a_text_made_of_many_repeats_is_read_as_it_is():
    report = SEEDS[2].read_text(encoding="utf-8")
    thrice = parse_text(report + "\n" + report + "\n" + report)
    assert not [d for d in thrice.diagnostics if d.code == "duplicate-copy-removed"]
    assert len(thrice.indicators) >= 2 * len(parse_text(report).indicators)  # (its contents block is read once)
