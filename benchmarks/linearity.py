"""Growth, not speed: every normalisation pass, the parser and every reader on pathological shapes.

    python benchmarks/linearity.py [--small 250000] [--factor 4] [--only SHAPE ...] [--skip-readers]

Each shape (long runs of every punctuation and space class, repeated markers,
one huge line, hundreds of thousands of tiny lines …) is built at ``--small``
bytes of UTF-8 and at ``--factor`` times that; each pass and reader runs on
both and the ratio of the times is printed. Linear code gives about the
factor; the bar is a ratio of at most 6 for 4x the input. Times below 20 ms
are floored at 20 ms before dividing, so timer noise on trivial work does
not read as growth. A run over 60 s is stopped (and the larger size is then not tried) and shown as ``timeout``.
Exit status 1 if any ratio is over the bar.
"""

from __future__ import annotations

import argparse
import io
import signal
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from gongwen import parse_text  # the public entry point: with its pause of the cyclic collector
from gongwen.errors import GongwenError
from gongwen.normalize.chrome import remove_chrome
from gongwen.normalize.edits import OffsetMap
from gongwen.normalize.pages import remove_page_furniture
from gongwen.normalize.pinyin import remove_pinyin
from gongwen.normalize.quality import check_quality
from gongwen.normalize.sanitize import sanitize
from gongwen.normalize.script import to_simplified
from gongwen.normalize.wrap import join_opener_lines, join_wrapped_lines
from gongwen.plugins import default_registry

SEED = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))[1]
BAR = 6.0
FLOOR = 0.02
TIMEOUT = 60

RUNS = (list(".。，、：；！？…—·_-（）“”《》【】/%~*#=+|") + [" ", "\u3000", "\t", "\xa0", "\n", "\x0c", "\r\n"]
        + ["1", "a", "字", "——", "……", "．．"])


def _repeat(unit: str) -> Callable[[int], str]:
    """A shape: ``unit`` repeated to ``n`` bytes of UTF-8."""
    return lambda n: unit * (n // len(unit.encode("utf-8", "surrogatepass")))


def _under_heading(unit: str) -> Callable[[int], str]:
    """A shape: a heading line, then ``unit`` repeated (a node's text is what the topic pass scans)."""
    return lambda n: "一、总体\n" + _repeat(unit)(n)


SHAPES: dict[str, Callable[[int], str]] = {f"run {u!r}": _repeat(u) for u in RUNS}
SHAPES.update({f"heading + run {u!r}": _under_heading(u) for u in RUNS})
REPEATS = {
    "一是甲：一要乙：": "items (deepening)", "一是甲。一要乙。": "items (new runs beside)", "一、总体\n": "sections",
    "（一）": "paren markers", "第一，": "ordinals",
    "1、\n": "page-marker lines", "1.": "dotted numbers", "①": "circled", "第一部分\n": "parts", "“1”即": "quote-ji",
    "首先，": "sequence words", "增长1%，": "indicators", "1元": "amounts", "- 1 -\n": "page numbers",
    "第1页 共2页\n": "footers", "一、工作…………3\n": "dot leaders", "下载文档\n": "chrome lines",
    "分享 收藏 举报\n": "keyword lines", "區(qū)": "pinyin", "經濟發展": "traditional", "工作稳中有为。\n": "topics",
    "a\n": "tiny lines", "1\n": "tiny numbers", "。\n": "tiny stops", "\ud800\x01": "invalid + control",
    "一〇": "place digits", "二、六九五": "grouped place digits", "一一·二万吨，": "place-digit amounts",
    "“甲，乙”1元，": "quoted names", "《甲，乙》增长1%，": "titled names",
    "一年来，我们抓工业，产业取得进展\n工业运行稳中提质。\n": "group lines",
    "今后五年工作回顾\n一、甲乙\n乙丙丁。\n主要工作体会\n丙丁戊。\n": "parts between parts",
}
SHAPES.update({f"repeat {label}": _repeat(u) for u, label in REPEATS.items()})


def _huge_line(n: int) -> str:
    unit = "".join(SEED.read_text(encoding="utf-8").split())
    return (unit * (n // len(unit.encode()) + 1))[: n // 3]


def _many_lines(n: int) -> str:
    unit = "\n".join(line for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()) + "\n"
    return (unit * (n // len(unit.encode()) + 1))[: n // 3]


def _run_in_sections(n: int) -> str:
    """Numbered run-in headings, each with a paragraph of its own after it (the run-in closing rule)."""
    out, k = ["一、总体\n"], 0
    while sum(map(len, out)) * 3 < n:
        k += 1
        out.append(f"({k})甲乙。丙丁。\n戊己。\n")
    return "".join(out)


SHAPES["title, spaces, x"] = lambda n: "标题" + " " * n + "x"
SHAPES["address, then commas"] = lambda n: "一、总体\n各位代表，" + _repeat("甲，")(n)
SHAPES["年限, then years"] = lambda n: "一、总体\n受教育年限" + _repeat("5年")(n)
SHAPES["目标：, then figures"] = lambda n: "一、总体\n目标是：" + _repeat("增长1%，")(n)
SHAPES["按照…计算, then figures"] = lambda n: "一、总体\n按照" + _repeat("1元")(n) + "标准计算"
SHAPES["run-in sections"] = _run_in_sections
SHAPES["spaces, 全文"] = lambda n: "标题" + "\u3000" * (n // 3) + "全文"
SHAPES["one huge line"] = _huge_line
SHAPES["real text"] = _many_lines
SHAPES["opener lines"] = _repeat("（\n")
SHAPES["heading + numbered lines"] = _under_heading("1、\n")  # thousands of children of one node
SHAPES["heading + inline list runs"] = _under_heading("推进工作。办好实事：（1）甲。（2）乙。（3）丙。\n")
SHAPES["openers, no line end"] = lambda n: "\n" + _repeat("（")(n) + " "

PASSES: dict[str, Callable[[str], Any]] = {
    "sanitize": lambda t: sanitize(t, OffsetMap()),
    "pinyin": lambda t: remove_pinyin(t, OffsetMap()),
    "script": to_simplified,
    "chrome": lambda t: remove_chrome(t, OffsetMap()),
    "pages": lambda t: remove_page_furniture(t, OffsetMap()),
    "openers": lambda t: join_opener_lines(t, OffsetMap()),
    "wrap": lambda t: join_wrapped_lines(t, OffsetMap()),
    "quality": check_quality,
    "parse": parse_text,
}


def _lines(text: str, width: int = 0) -> list[str]:
    lines = text.split("\n")
    if width:
        lines = [line[k:k + width] for line in lines for k in range(0, max(len(line), 1), width)]
    return lines


def _docx(text: str) -> bytes:
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
                   for line in _lines(text))
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:  # stored: repetitive shapes are no zip bomb
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                   'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
                   'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships"><Relationship Id="r1" Type="{rel}/officeDocument" '
                   'Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{ns}"><w:body>{body}'
                   "</w:body></w:document>")
    return buf.getvalue()


def _pdf(text: str) -> bytes | None:
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas
    except ImportError:
        return None
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    y = 800
    c.setFont("STSong-Light", 10)
    for line in _lines(text, 40):
        c.drawString(40, y, line)
        y -= 12
        if y < 40:
            c.showPage()
            c.setFont("STSong-Light", 10)
            y = 800
    c.save()
    return buf.getvalue()


FILES: dict[str, tuple[str, Callable[[str], bytes | None]]] = {
    "read txt": ("txt", lambda t: t.encode("utf-8", "surrogatepass")),
    "read md": ("md", lambda t: t.encode("utf-8", "surrogatepass")),
    "read html": ("html", lambda t: ("<html><body>" + "".join(f"<p>{escape(line)}</p>" for line in _lines(t))
                                     + "</body></html>").encode("utf-8", "surrogatepass")),
    "read docx": ("docx", lambda t: _docx(t.encode("utf-8", "replace").decode())),
    "read pdf": ("pdf", lambda t: _pdf(t.encode("utf-8", "replace").decode())),
}


class Timeout(Exception):
    """A measurement ran past TIMEOUT seconds."""


def _alarm(signum: int, frame: Any) -> None:
    raise Timeout


ERRORS: dict[str, str] = {}


def timed(run: Callable[[], Any], key: str = "") -> float | None:
    """Seconds ``run`` takes (best of up to 5 runs, while they total under 5 s), or None on timeout.

    A gongwen error is a result too (the input was refused); its message is kept under ``key``.
    """
    best = None
    total = 0.0
    for _ in range(5):
        signal.alarm(TIMEOUT)
        start = time.perf_counter()
        try:
            run()
        except Timeout:
            return None
        except GongwenError as exc:
            ERRORS[key] = str(exc).rsplit(": ", 1)[-1][:40]
        finally:
            signal.alarm(0)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
        total += took
        if total > 5:
            break
    return best


def measure(shape: str, make: Callable[[int], str], small: int, factor: int, readers: bool,
            tmp: Path, only: list[str] | None = None) -> list[tuple[str, str, float | None, float | None]]:
    """``(shape, pass, small seconds, large seconds)`` for every pass and reader (or those named in ``only``)."""
    texts = [make(small), make(small * factor)]
    rows = []
    for name, run in PASSES.items():
        if only and name not in only:
            continue
        small_time = timed(lambda f=run: f(texts[0]), f"{shape}/{name}/0")
        large_time = None if small_time is None else timed(lambda f=run: f(texts[1]), f"{shape}/{name}/1")
        rows.append((shape, name, small_time, large_time))
    if readers:
        registry = default_registry()
        for name, (ext, build) in FILES.items():
            if only and name not in only:
                continue
            times = []
            for k, t in enumerate(texts):
                data = build(t)
                if data is None:
                    times.append(None)
                    continue
                path = tmp / f"shape{k}.{ext}"
                path.write_bytes(data)
                reader = registry.reader_for("." + ext)
                times.append(timed(lambda p=path, r=reader: r.read(p, {}), f"{shape}/{name}/{k}"))
            rows.append((shape, name, *times))
    return rows


def ratio(small: float | None, large: float | None) -> float | None:
    """The growth ratio, with the noise floor applied."""
    if small is None or large is None:
        return None
    return max(large, FLOOR) / max(small, FLOOR)


def main() -> int:
    """Run every shape and print the table; exit 1 if a ratio is over the bar."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--small", type=int, default=250_000, help="bytes of the smaller input")
    ap.add_argument("--factor", type=int, default=4)
    ap.add_argument("--only", nargs="*", default=None, help="beginnings of the names of the shapes to run")
    ap.add_argument("--skip-readers", action="store_true")
    ap.add_argument("--passes", nargs="*", default=None, help="names of the passes and readers to run (default: all)")
    args = ap.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    worst: tuple[float, str] = (0.0, "")
    failures = 0
    print(f"{'shape':<26} {'pass':<10} {args.small // 1000:>6} KB {args.small * args.factor // 1000:>6} KB  ratio")
    with tempfile.TemporaryDirectory() as tmp:
        for shape, make in SHAPES.items():
            if args.only and not any(shape.startswith(o) for o in args.only):
                continue
            for shape_name, name, a, b in measure(shape, make, args.small, args.factor, not args.skip_readers,
                                                  Path(tmp), args.passes):
                r = ratio(a, b)
                flag = "" if r is not None and r <= BAR else "  <-- over the bar"
                failures += bool(flag) and not (a is None and b is None and name == "read pdf")
                sa = "timeout" if a is None else f"{a:.3f}s"
                sb = "timeout" if b is None else f"{b:.3f}s"
                keys = {size: f"{shape_name}/{name}/{k}" for k, size in enumerate(("small", "large"))}
                refused = "; ".join(f"{size}: {ERRORS[key]}" for size, key in keys.items() if key in ERRORS)
                print(f"{shape_name:<26} {name:<10} {sa:>9} {sb:>9}  {'-' if r is None else f'{r:.1f}'}{flag}"
                      + (f"  (refused {refused})" if refused else ""), flush=True)
                if r is not None and r > worst[0]:
                    worst = (r, f"{shape_name} / {name}")
    print(f"worst ratio {worst[0]:.1f} ({worst[1]}); {failures} over {BAR}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
