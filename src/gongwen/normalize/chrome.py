"""Remove download-site chrome at the start and end of a document.

Pages saved from document-sharing sites carry buttons, notices, keyword lines
and copyright lines around the text. The head is scanned until the first line
that reads like body text; the tail from the first strong end marker (展开阅读全文,
此文档下载收益归作者所有 …) in the last part of the document.
"""

from __future__ import annotations

import re

from gongwen.model import Diagnostic
from gongwen.normalize.edits import Cut, OffsetMap, apply_cuts, line_spans

# Whole lines that are site furniture wherever they appear in the head or tail.
CHROME_LINE = re.compile(
    r"^\s*(?:[•·●]\s*)?(?:"
    r"分享|收藏|举报|资源描述|下载文档|立即下载|展开阅读全文|阅读全文|收起|展开|回到顶部|搜索资料|我的下载|"
    r"会员中心|联系客服|确认删除[?？]?|电脑桌面|相关搜索|你可能关注的文档|VIP免费|"
    r"打印(?:本页)?|全屏|关闭(?:窗口)?|【?字[号体]\s*[:：]?|加大|还原|减小|[大中小]|】|"  # a web page's text tools
    r"(?:ID|大小|页数|格式|时间|上传时间|文档格式|文档大小)\s*[:：].{0,40}"
    r")\s*$"
)
# Phrases that mark a line as site chrome (notices, ads, copyright, ICP).
CHROME_PHRASE = re.compile(
    r"下载|上传|客服|版权|侵权|违规举报|会员|ICP备|公网安备|经营许可证|电脑桌面|快捷访问|"
    r"温馨提示|收藏|分享赚钱|浏览|付费|本站|文库|当前位置|首页\s*>|All rights reserved|Copyright|©|"
    r"知识共享|价值无限|文档贡献者|下载积分|原创力|道客巴巴|豆丁|个人图书馆|^首页\s|^[\u4e00-\u9fff]{2,6}文档$"
)
# A line that ends the document text and starts the trailing chrome.
TAIL_START = re.compile(
    r"展开阅读全文|此文档下载收益归作者所有|当您付费下载文档后|你可能关注的文档|"
    r"本站所有内容均由|温馨提示[:：]?\s*$|相关搜索\s*$|还剩\s*\d+\s*页未读|继续阅读\s*$|相关文档推荐|"
    r"想免费下载|下载本文档"
)
# An inline label such as "(20230201)VIP免费" on a title line, or a trailing "—全文" (found by _inline_chrome:
# a regex \s*—?全文$ would be quadratic on long runs of spaces).
INLINE_LABEL = re.compile(r"VIP免费")
INLINE_SUFFIX = "全文"
# A keyword line: three or more short space-separated words and nothing else.
KEYWORDS_LINE = re.compile(r"^\s*(?:[\w\u4e00-\u9fff]{1,6}\s+){2,}[\w\u4e00-\u9fff]{1,6}\s*$")
FILENAME_LINE = re.compile(r"^\s*\S.{0,80}\.(?:docx?|pdf|wps|txt)\s*$", re.IGNORECASE)
SENTENCE_MARK = re.compile(r"[。，,；;：:]")

MAX_CHROME_LINE = 120  # page furniture comes in short lines
TAIL_ZONE = 0.6  # the tail marker must lie in the last 40% of the text


def _body_like(line: str) -> bool:
    """A line that reads like document text rather than page furniture."""
    return len(line.strip()) >= 40 and bool(SENTENCE_MARK.search(line))


def _inline_chrome(line: str) -> list[tuple[int, int]]:
    """Spans of site labels in a title line: VIP免费 anywhere, and a final 全文 with its dash and spaces."""
    spans = [(m.start(), m.end()) for m in INLINE_LABEL.finditer(line)]
    if line.endswith(INLINE_SUFFIX):
        start = len(line) - len(INLINE_SUFFIX)
        if start > 0 and line[start - 1] == "—":
            start -= 1
        while start > 0 and line[start - 1].isspace():
            start -= 1
        spans.append((start, len(line)))
    return spans


def _is_chrome(line: str) -> bool:
    stripped = line.strip()
    if len(stripped) > MAX_CHROME_LINE and _body_like(stripped):
        return False  # prose that mentions 下载 or 浏览 (a whole report on one line) is text
    return bool(
        CHROME_LINE.match(stripped)
        or CHROME_PHRASE.search(stripped)
        or FILENAME_LINE.match(stripped)
    )


def remove_chrome(text: str, offsets: OffsetMap | None = None) -> tuple[str, list[Diagnostic]]:
    """Remove site chrome from the head and tail; each removed line becomes a diagnostic."""
    spans = line_spans(text)
    cuts: list[Cut] = []
    head_lines: list[str] = []
    last_head = -1
    head_end = len(spans)
    for i, (s, e) in enumerate(spans):
        line = text[s:e]
        if not line.strip():
            continue
        if _is_chrome(line) or (KEYWORDS_LINE.match(line) and i > 0 and last_head >= 0):
            cuts.append(Cut(s, e, "boilerplate-removed", "download-site chrome before the text"))
            last_head = i
            continue
        if _body_like(line):
            head_end = i
            break
        head_lines.append(line.strip())
        for start, end in _inline_chrome(line):
            cuts.append(Cut(s + start, s + end, "boilerplate-removed", "site label on a title line"))
    start_tail = None
    zone = int(len(text) * TAIL_ZONE)
    for s, e in spans:
        if s < zone:
            continue
        m = TAIL_START.search(text, s, e)
        if m:
            start_tail = s
            break
    if start_tail is not None:
        cuts.append(Cut(start_tail, len(text), "boilerplate-removed",
                        "download-site chrome after the text"))
    else:
        # No strong marker: drop chrome lines (and repeats of head lines) at the very end.
        for s, e in reversed(spans[head_end + 1:]):
            line = text[s:e].strip()
            if not line:
                continue
            if _is_chrome(line) or line in head_lines:
                cuts.append(Cut(s, e, "boilerplate-removed", "download-site chrome after the text"))
                continue
            break
    return apply_cuts(text, cuts, offsets)
