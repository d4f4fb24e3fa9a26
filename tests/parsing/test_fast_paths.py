"""Patterns rewritten for speed match exactly as the plain forms they replace."""

from __future__ import annotations

import random
import re

import pytest

from gongwen.parsing import indicators, markers, paragraphs, quantities


def _strings(alphabet: str, count: int = 20000, longest: int = 14, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groups(), [m.span(g) for g in range(1, (pattern.groups or 0) + 1)])
            for m in pattern.finditer(text)]


def test_boundary_matches_as_its_plain_form():
    plain = re.compile(rf"(?:([{re.escape(markers.SENTENCE_BREAK)}，,])[{markers.SPACE}]*"
                       rf"|(?<=[^{re.escape(markers.OPENERS)}])[{markers.SPACE}])"
                       rf"(?=[{re.escape(''.join(sorted(markers.MARKER_START)))}])")
    for text in _strings("。，,；: \t\u3000\xa0一二第（“\"a中1①"):
        assert _matches(markers.BOUNDARY, text) == _matches(plain, text), text


def test_paragraph_break_matches_as_its_plain_form():
    plain = re.compile(r"(?:(?<=[。！？!?：:；;）)〞])|(?<=[。！？!?]”))(?<!\d[：:])(?<!\d [：:])[ \t\u3000\xa0]+(?=\S)"
                       r"|[ \xa0]*(?:\u3000{2,}|\t)[ \t\u3000\xa0]*(?=\S)")
    for text in _strings(" \xa0\u3000\t。x)”a\u2003:1"):
        assert _matches(paragraphs.PARA_BREAK, text) == _matches(plain, text), text


@pytest.mark.parametrize("plain, fast", [(quantities.VALUE, quantities.VALUE_SCAN),
                                         (quantities.PERCENT, quantities.PERCENT_SCAN),
                                         (quantities.RANGE_VALUE, quantities.RANGE_VALUE_SCAN),
                                         (quantities.MIXED, quantities.MIXED_SCAN),
                                         (quantities.CN_VALUE, quantities.CN_VALUE_SCAN),
                                         (quantities.CN_COMPOUND, quantities.CN_COMPOUND_SCAN),
                                         (quantities.CN_MIXED, quantities.CN_MIXED_SCAN),
                                         (quantities.CN_PLAIN, quantities.CN_PLAIN_SCAN)])
def test_number_patterns_opening_with_a_character_match_as_the_grammar(plain, fast):
    assert fast.pattern.startswith("(?P<")  # the rewrite applied: the grammar still has the shape it reads
    for text in _strings("0123456789.,第a+ 万亿元%个百分点多余—至到月年底级三十百千两零吨"):
        assert _matches(fast, text) == _matches(plain, text), text


def test_name_trail_width_covers_its_longest_word():
    parser = pytest.importorskip("re._parser")
    assert parser.parse(indicators.NAME_TRAIL.pattern).getwidth()[1] <= indicators.NAME_TRAIL_WIDTH


def test_docx_paragraph_text_is_python_docx_text():
    docx = pytest.importorskip("docx")
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml
    from docx.text.paragraph import Paragraph

    from gongwen.readers.docx import _paragraph_text, _runs

    d = docx.Document()
    p = d.add_paragraph("一、")
    run = p.add_run("经济\t运行")
    run.add_break()
    run.add_break(WD_BREAK.PAGE)
    p.add_run("平稳")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    p._p.append(parse_xml(f'<w:hyperlink xmlns:w="{w}"><w:r><w:t>链接</w:t><w:noBreakHyphen/></w:r>'
                          f'<w:r><w:cr/><w:t xml:space="preserve"> 文字 </w:t></w:r></w:hyperlink>'))
    p._p.append(parse_xml(f'<w:r xmlns:w="{w}"><w:ptab w:relativeTo="margin" w:alignment="left" w:leader="none"/>'
                          f'<w:t/></w:r>'))
    for element in d.element.body.iter(f"{{{w}}}p"):
        assert _paragraph_text(_runs(element)) == Paragraph(element, d).text
    assert _paragraph_text(_runs(p._p)) == "一、经济\t运行\n平稳链接-\n 文字 \t"


def test_pinyin_and_glued_page_number_patterns_match_as_their_plain_forms():
    from gongwen.normalize import pages, pinyin

    plain_pinyin = re.compile(r"(?<=[\u3400-\u9fff])[(（]([a-zü\u00e0-\u01dc\u0300-\u036f\u1e3f\u01f9]{1,7})[)）]")
    for text in _strings("區報(（)）qūbào中a 1", longest=16):
        assert _matches(pinyin.PINYIN_ANNOTATION, text) == _matches(plain_pinyin, text), text
    plain_glued = re.compile(r"(?<=[ \t\u3000\xa0])\d{1,3}(?=[\u4e00-\u9fff])")
    for text in _strings(" \t\u3000\xa0012345宏观a", longest=16):
        assert ([m.span(1) for m in pages.GLUED_NUMBER.finditer(text)]
                == [m.span() for m in plain_glued.finditer(text)]), text


def _candidates_one_style_at_a_time(text: str, line_start: bool) -> list[markers.Candidate]:
    found = []
    for pos, after_comma in markers.boundary_positions(text):
        if text[pos] not in markers.MARKER_START:
            continue
        for style, kind, regex in markers.MARKERS:
            if after_comma and kind != "item":
                continue
            if style in markers.LINE_ONLY and not (pos == 0 and line_start and len(text) <= markers.MAX_LINE_HEADING
                                                   and "。" not in text):
                continue
            if style in markers.WHOLE_PARAGRAPH and pos != 0:
                continue
            if m := regex.match(text, pos):
                found.append(markers.Candidate(0, pos, m.end(), markers.STYLE_ALIAS.get(style, style), kind,
                                               markers.ordinal_of(style, m.group(1)), m.group(0).replace(" ", ""),
                                               line_start and pos == 0, after_comma))
                break
    return found


def test_markers_found_by_one_alternation_as_one_style_at_a_time():
    for text in filter(None, _strings("一二三十壹第编篇部分章节，,、：:是要的否（()）“\"”即 .．1203①⑳首先其次最后。中文")):
        for line_start in (True, False):
            assert markers.find_candidates(0, text, line_start) == _candidates_one_style_at_a_time(text, line_start)


def test_mojibake_runs_read_together_as_one_by_one():
    from gongwen.normalize import mojibake

    def one_by_one(run: str) -> str | None:
        try:
            data = mojibake._join([piece.encode("gb18030") for piece in run.split("\ufffd")])
        except UnicodeEncodeError:
            return None
        fixed = data.decode("utf-8", errors="replace")
        if fixed.count("\ufffd") > mojibake.MAX_ERROR_SHARE * len(fixed) or len(fixed) * 5 > len(run) * 4:
            return None
        return fixed

    text = "二、坚持稳中求进，全年地区生产总值增长5.2%（一）搞好经济运行：城乡居民收入９.１万元"
    rnd = random.Random(11)
    runs = []
    for _ in range(3000):
        piece = text[rnd.randrange(len(text)):][:rnd.randint(1, 20)]
        runs += mojibake.NON_ASCII_RUN.findall(piece.encode().decode("gbk", errors="replace"))
    pool = "".join(chr(c) for c in [*range(0x4e00, 0x4e40), *range(0x9000, 0x9040), *range(0x80, 0x100)]) + "\ufffd"
    runs += _strings(pool, count=3000, longest=12)
    runs = [run for run in runs if len(run) >= mojibake.MIN_RUN]
    readings = mojibake._utf8_of_runs(runs)
    assert readings == [one_by_one(run) for run in runs]
    assert any(readings)  # some runs were mojibake


def test_title_scan_jumping_to_stops_and_spaces_ends_where_a_char_by_char_scan_does():
    from gongwen.parsing import outline

    def char_by_char(text: str, start: int, stops: str) -> int:
        piece = start
        for i in range(start, len(text)):
            ch = text[i]
            if ch in stops:
                return i
            if ch in outline.SPACE and i > start:
                after = text[i + 1:i + 2]
                if not (ch == " " and after and after not in outline.SPACE
                        and (text[i - 1].isdigit() or i - piece == 1 or outline._spaced_number(text, i + 1))):
                    return i
                piece = i + 1
        return len(text)

    for text in _strings("。！：;； \t\u3000\xa0a1中文？"):
        for start in range(len(text) + 1):
            for stops in (outline.TITLE_END, outline.ITEM_TITLE_END):
                assert outline._scan_title(text, start, stops) == char_by_char(text, start, stops), (text, start)


def test_the_unit_words_scan_tests_for_are_read_from_the_grammar():
    assert quantities.PERCENT_UNIT.pattern and quantities.POINTS_UNIT.pattern  # not the catch-all
    assert quantities.PERCENT_UNIT.search("增长5%") and quantities.POINTS_UNIT.search("提高0.5个百分点")


def test_any_cue_finds_a_cue_wherever_one_of_the_cue_patterns_does():
    cues = (indicators.FIRM_TARGET_CUES, indicators.REVIEW_TARGET_CUES, indicators.RESULT_CUES, indicators.PAST_TIME,
            indicators.REVIEW_WEAK_CUES, indicators.TARGET_CUES, re.compile(indicators.ESTIMATE))
    for text in _strings("力争确保预期目标计划拟将要比上年去一来过计到2024年较末安排求取是为中文主重需", longest=10):
        assert bool(indicators.ANY_CUE.search(text)) == any(c.search(text) for c in cues), text


@pytest.mark.parametrize("name", ["NAME_TRAIL", "ACTION_END", "LIST_JOIN_END", "NAME_LEAD"])
def test_word_patterns_tried_by_their_last_or_first_character_consume_only_their_own_characters(name):
    parser = pytest.importorskip("re._parser")
    constants = pytest.importorskip("re._constants")
    consuming = {constants.IN, constants.ANY, constants.CATEGORY, constants.NOT_LITERAL}

    def ops(tree):  # every op outside lookbehinds
        for op, av in tree:
            if op in (constants.ASSERT, constants.ASSERT_NOT):
                continue  # lookarounds consume nothing
            yield op
            for sub in (av if isinstance(av, (list, tuple)) else ()):
                if isinstance(sub, parser.SubPattern):
                    yield from ops(sub)
                elif isinstance(sub, (list, tuple)):
                    for item in sub:
                        if isinstance(item, parser.SubPattern):
                            yield from ops(item)

    pattern = getattr(indicators, name)
    assert pattern.pattern.endswith("$") or pattern.pattern.startswith("^")
    assert not consuming & set(ops(parser.parse(pattern.pattern)))
