"""Hostile inputs, tried as an attacker or an unlucky user would: crashes, hangs, memory, silent loss.

    python benchmarks/hostile.py [--quick] [--only ATTACK ...]

Every attack generates its inputs here (seeded, no fixtures) and converts
each one in a worker process, to every format. The table lists per attack:
inputs, crashes (an exception that is not a gongwen error, or a traceback
from the CLI), hangs (over 10 s per MB, at least 10 s), the worker's peak RSS,
the slowest input, and losses (a letter or digit of the reader's text in
neither the document nor a diagnostic, or an input with neither output nor
error). The batch attacks run ``gongwen batch`` on a crafted tree and count
each input once. Exit status 1 unless every column of trouble is 0 and every
peak RSS is under 500 MB.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import select
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FORMATS = ("json", "xml", "markdown", "docx", "xlsx")
RSS_LIMIT_MB = 500
TOKENS = ["一、", "二、", "（一）", "(1)", "1.", "1、", "①", "第一，", "一是", "二是", "首先，", "“1”即", "第一部分",
          "总体要求", "坚持稳中求进", "全年增长5%", "地区生产总值320.5亿元", "。", "，", "；", "：", "……", "——", "\n",
          " ", "\u3000", "\t", "\x0c", "\x0b", "\x00", "\x1b", "\x7f", "\ud800", "\udcff", "\ufffe", "\uffff",
          "\ufeff", "\r", "- 3 -", "第3页 共9页", "…………12", "區(qū)", "經濟發展", "ＡＢＣ１２３", "下载文档",
          "展开阅读全文", "目录", "<&>", "]]>"]
Input = tuple[str, bytes]  # (file name, content)


# ---- generators -------------------------------------------------------------
def _fuzz_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(TOKENS) if rng.random() < 0.8 else chr(rng.randrange(0x20, 0x3000))
                   for _ in range(n))


def control_chars(quick: bool) -> Iterator[Input]:
    rng = random.Random(1)
    for k in range(60 if quick else 600):
        text = "一、总体要求\n" + _fuzz_text(rng, rng.randrange(5, 200)) + "\n二、主要任务\n增长5%。\n"
        yield f"c{k}.txt", text.encode("utf-8", "surrogatepass")


def pathological_runs(quick: bool) -> Iterator[Input]:
    units = list(".。，、：；！？…—·_-（）“”《》【】/%~") + [" ", "\u3000", "\t", "\xa0", "\n", "\x0c", "——", "1", "字",
                                                       "一是甲：一要乙：", "1元", "增长1%，", "1、\n", "第一，", "a\n"]
    size = 100_000 if quick else 1_000_000
    for k, unit in enumerate(units):
        yield f"run{k}.txt", ("一、总体\n" + unit * (size // len(unit.encode()))).encode()


def deep_outline(quick: bool) -> Iterator[Input]:
    for n in (100, 1000) if quick else (100, 1000, 10_000, 50_000):
        yield f"deep{n}.txt", ("一、总体\n" + "一是甲：一要乙：" * n).encode()
        yield f"nest{n}.txt", "".join(f"{'（' * (k % 5)}{k % 9 + 1}、第{k}层\n" for k in range(n)).encode()


def indicator_flood(quick: bool) -> Iterator[Input]:
    for n in (800, 8000) if quick else (800, 8000, 40_000):
        yield f"ind{n}.txt", ("一、总体\n" + "增长1%，" * n).encode()


def encodings(quick: bool) -> Iterator[Input]:
    text = SEEDS[1].read_text(encoding="utf-8")[:3000]
    for enc in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "gb18030", "big5hkscs", "utf-8-sig", "utf-16"):
        yield f"enc-{enc}.txt", text.encode(enc, "replace")
    for charset in ("rot13", "hex", "base64", "zlib", "bz2", "quopri", "uu", "idna", "punycode", "undefined", "gbk",
                    "nonsense", "utf-32"):
        yield f"meta-{charset}.html", (f'<html><head><meta charset="{charset}"></head><body><p>'
                                       + text.replace("\n", "</p><p>") + "</p></body></html>").encode()


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(1, 1).text = "5%"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _rezip(data: bytes, transform: Callable[[str, bytes], bytes | None]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = transform(info.filename, src.read(info.filename))
            if body is not None:
                dst.writestr(info.filename, body)
    return out.getvalue()


def _mutants(data: bytes, count: int, seed: int) -> Iterator[bytes]:
    rng = random.Random(seed)
    for _ in range(count):
        b = bytearray(data)
        for _ in range(rng.randint(1, 10)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        yield bytes(b)


def docx_attacks(quick: bool) -> Iterator[Input]:
    good = _docx(SEEDS[1].read_text(encoding="utf-8").split("\n")[:40])

    def doc_xml(edit: Callable[[str], str]) -> bytes:
        return _rezip(good, lambda n, b: edit(b.decode()).encode() if n == "word/document.xml" else b)

    yield "span.docx", doc_xml(lambda x: x.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="1000000"/>', 1))
    yield "vmerge.docx", doc_xml(lambda x: x.replace("<w:tcPr>", '<w:tcPr><w:vMerge w:val="restart"/>', 2))
    yield "ilvl.docx", doc_xml(lambda x: x.replace("<w:p>", '<w:p><w:pPr><w:numPr><w:ilvl w:val="x"/></w:numPr>'
                                                            "</w:pPr>", 3))
    yield "extrel.docx", _rezip(good, lambda n, b: b.replace(b'Target="styles.xml"', b'Target="http://127.0.0.1:9/s" '
                                                             b'TargetMode="External"') if n.endswith(".rels") else b)
    yield "nodoc.docx", _rezip(good, lambda n, b: None if n == "word/document.xml" else b)
    zf = zipfile.ZipFile(io.BytesIO(good))
    info = zf.getinfo("word/document.xml")
    at = info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size // 2
    yield "crc.docx", good[:at] + bytes([good[at] ^ 0xFF]) + good[at + 1:]
    yield "cut.docx", good[: len(good) // 2]
    for k, m in enumerate(_mutants(good, 40 if quick else 300, 7)):
        yield f"m{k}.docx", m


def pdf_attacks(quick: bool) -> Iterator[Input]:
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas
    except ImportError:
        return
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 10)
    for k, line in enumerate(SEEDS[1].read_text(encoding="utf-8").split("\n")[:60]):
        c.drawString(40, 800 - 12 * (k % 60), line[:40])
    c.save()
    good = buf.getvalue()
    kids = b" ".join([b"3 0 R"] * 50_000)
    yield "pages.pdf", (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[" + kids
                        + b"]/Count 50000>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 9 9]>>endobj\n"
                        b"trailer<</Root 1 0 R/Size 4>>\n%%EOF")
    yield "xref.pdf", (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\nxref\n0 99999999\n"
                       b"trailer<</Size 99999999/Root 1 0 R>>\nstartxref\n9\n%%EOF")
    yield "nest.pdf", b"%PDF-1.4\n" + b"[" * 100_000
    for k, m in enumerate(_mutants(good, 20 if quick else 200, 11)):
        yield f"m{k}.pdf", m


ATTACKS: dict[str, Callable[[bool], Iterator[Input]]] = {
    "control characters, surrogates": control_chars,
    "pathological runs (1 MB)": pathological_runs,
    "deep outlines": deep_outline,
    "indicator floods": indicator_flood,
    "encodings, meta charsets": encodings,
    "DOCX crafted and mutated": docx_attacks,
    "PDF crafted and mutated": pdf_attacks,
}


# ---- the worker: converts files, one JSON line per file -----------------------
def convert_one(path: Path) -> dict[str, object]:
    """Convert ``path`` to every format in memory; report the outcome and any lost letters or digits."""
    import gongwen
    from gongwen.errors import GongwenError
    from gongwen.losses import lost_characters
    from gongwen.plugins import default_registry
    from gongwen.readers.boundary import read_source

    registry = default_registry()
    try:
        reader = registry.reader_for(path.suffix) or registry.readers["text"]
        try:
            source_text = read_source(path, reader, {}).text
        except GongwenError:
            source_text = ""
        doc = gongwen.parse(path, registry=registry)
        for fmt in FORMATS:
            registry.exporter(fmt).write(doc, io.BytesIO(), {})
    except GongwenError as exc:
        return {"status": "error", "error": str(exc)[:200]}
    except BaseException as exc:  # noqa: BLE001 - that is the point: count it
        return {"status": "crash", "error": f"{type(exc).__name__}: {str(exc)[:200]}"}
    lost = sorted(lost_characters(source_text, doc))
    return {"status": "ok", "lost": "".join(lost[:20])}


def worker(folder: Path, start: int) -> None:
    """Convert the files of ``folder`` from number ``start`` on, printing a line before and after each."""
    files = sorted(folder.iterdir(), key=lambda p: int(p.name.split("_", 1)[0]))
    for path in files[start:]:
        k = int(path.name.split("_", 1)[0])
        print(json.dumps({"start": k}), flush=True)
        began = time.perf_counter()
        result = convert_one(path)
        result.update(done=k, seconds=round(time.perf_counter() - began, 3),
                      rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
        print(json.dumps(result, ensure_ascii=True), flush=True)


# ---- the driver ---------------------------------------------------------------
class _LineReader:
    """Lines from a pipe with a deadline (unbuffered: select() must see what readline would)."""

    TIMEOUT = object()

    def __init__(self, fd: int) -> None:
        self.fd, self.buffer = fd, b""

    def next(self, deadline: float) -> object:
        """The next line, None at the end, or TIMEOUT when none is complete by ``deadline``."""
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([self.fd], [], [], max(0.0, deadline - time.perf_counter()))
            if not ready:
                return self.TIMEOUT
            chunk = os.read(self.fd, 1 << 16)
            if not chunk:
                return None
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line


def run_attack(name: str, inputs: list[Input], tmp: Path) -> dict[str, object]:
    """Convert every input in worker processes; a hang kills the worker and the next one goes on."""
    folder = tmp / f"attack{abs(hash(name))}"
    folder.mkdir()
    sizes = {}
    for k, (file_name, data) in enumerate(inputs):
        (folder / f"{k}_{file_name}").write_bytes(data)
        sizes[k] = len(data)
    row = {"attack": name, "inputs": len(inputs), "crashes": 0, "hangs": 0, "rss_mb": 0, "seconds": 0.0, "losses": 0,
           "examples": []}
    done: set[int] = set()
    start = 0
    while start < len(inputs):
        proc = subprocess.Popen([sys.executable, __file__, "--worker", str(folder), str(start)],
                                stdout=subprocess.PIPE, bufsize=0)
        lines = _LineReader(proc.stdout.fileno())
        current, began = None, time.perf_counter()
        while True:
            limit = max(10.0, 10.0 * sizes.get(current, 0) / 1e6) if current is not None else 60.0
            line = lines.next(began + limit)
            if line is _LineReader.TIMEOUT:  # a hang: kill the worker, count it, go on after it
                proc.kill()
                proc.wait()
                if current is not None:
                    row["hangs"] += 1
                    row["examples"].append(f"hang: {inputs[current][0]}")
                    done.add(current)
                break
            if line is None:
                proc.wait()
                if current is not None and current not in done:  # the worker died on this input
                    row["crashes"] += 1
                    row["examples"].append(f"died: {inputs[current][0]}")
                    done.add(current)
                break
            msg = json.loads(line)
            if "start" in msg:
                current, began = msg["start"], time.perf_counter()
                continue
            k = msg["done"]
            done.add(k)
            row["rss_mb"] = max(row["rss_mb"], msg["rss_mb"])
            row["seconds"] = max(row["seconds"], msg["seconds"])
            if msg["status"] == "crash":
                row["crashes"] += 1
                row["examples"].append(f"crash: {inputs[k][0]}: {msg['error']}")
            elif msg["status"] == "ok" and msg["lost"]:
                row["losses"] += 1
                row["examples"].append(f"lost {msg['lost']!r}: {inputs[k][0]}")
            current = None
        start = max(done, default=-1) + 1
    return row


def batch_attacks(tmp: Path) -> list[dict[str, object]]:
    """``gongwen batch`` on crafted trees: files that are not files, colliding and undecodable names, -o nesting."""
    rows = []
    doc = "一、总体要求\n坚持稳中求进，全年增长5%。\n"

    def tree(name: str) -> Path:
        root = tmp / name / "in"
        (root / "sub").mkdir(parents=True)
        for k, n in enumerate(["a.txt", "a.txt.txt", "a.md", "A.TXT", "sub/b.txt"]):
            (root / n).write_text(doc + f"编号{k}。\n", encoding="utf-8")
        with open(os.fsencode(root) + b"/\xb1\xa8\xb8\xe6\xff.txt", "wb") as f:
            f.write((doc + "编号9。\n").encode())
        return root

    cases = {}
    root = tree("specials")
    os.mkfifo(root / "fifo.txt")
    (root / "zero.txt").symlink_to("/dev/zero")
    with open(root / "sub" / "sparse.txt", "wb") as f:
        f.truncate(2 << 30)
    cases["FIFO, /dev/zero, sparse 2 GB"] = (root, tmp / "specials" / "out", 6, 3)
    for where in ("same", "inside", "above"):
        root = tree(f"nest-{where}")
        out = {"same": root, "inside": root / "out", "above": root.parent}[where]
        cases[f"-o {where} as the input"] = (root, out, 6, 0)
    for name, (root, out, good, refused) in cases.items():
        began = time.perf_counter()
        with open(tmp / "stderr.txt", "w+") as err:
            proc = subprocess.Popen([sys.executable, "-m", "gongwen", "batch", str(root), "-o", str(out), "-r",
                                     "-j", "2"], stdout=subprocess.DEVNULL, stderr=err)
            hang, status, usage = 0, 0, None
            while usage is None:
                pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    usage = ru
                elif time.perf_counter() - began > 120:
                    proc.kill()
                    hang = 1
                else:
                    time.sleep(0.02)
            proc.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            stderr = err.read()
        seconds = time.perf_counter() - began
        crashes = int("Traceback" in stderr or proc.returncode not in (0, 1))
        entries = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
        converted = [e for e in entries if e["status"] == "converted"]
        outputs = [o for e in converted for o in e["outputs"]]
        losses = (good - len(converted)) + (len(outputs) - len(set(outputs)))
        losses += sum(not Path(o).exists() for o in outputs) + (refused - (len(entries) - len(converted)))
        rows.append({"attack": f"batch: {name}", "inputs": good + refused, "crashes": crashes, "hangs": hang,
                     "rss_mb": usage.ru_maxrss // 1024, "seconds": round(seconds, 2), "losses": abs(losses),
                     "examples": [] if not crashes else [stderr[-300:]]})
    return rows


def main() -> int:
    """Run every attack and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer and smaller inputs")
    ap.add_argument("--only", nargs="*", default=None, help="substrings of the attacks to run")
    ap.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(Path(args.worker[0]), int(args.worker[1]))
        return 0
    rows = []
    print(f"{'attack':<34} {'inputs':>6} {'crashes':>7} {'hangs':>5} {'max RSS':>8} {'max s':>7} {'losses':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, generate in ATTACKS.items():
            if args.only and not any(o in name for o in args.only):
                continue
            rows.append(run_attack(name, list(generate(args.quick)), Path(tmp)))
            _print(rows[-1])
        if not args.only or any("batch" in o for o in args.only):
            for row in batch_attacks(Path(tmp)):
                rows.append(row)
                _print(row)
    total = {k: sum(r[k] for r in rows) for k in ("inputs", "crashes", "hangs", "losses")}
    heavy = sum(r["rss_mb"] > RSS_LIMIT_MB for r in rows)
    print(f"{'total':<34} {total['inputs']:>6} {total['crashes']:>7} {total['hangs']:>5} "
          f"{max((r['rss_mb'] for r in rows), default=0):>5} MB {max((r['seconds'] for r in rows), default=0):>7} "
          f"{total['losses']:>6}")
    return 1 if total["crashes"] or total["hangs"] or total["losses"] or heavy else 0


def _print(row: dict[str, object]) -> None:
    print(f"{row['attack']:<34} {row['inputs']:>6} {row['crashes']:>7} {row['hangs']:>5} {row['rss_mb']:>5} MB "
          f"{row['seconds']:>7} {row['losses']:>6}", flush=True)
    for example in row["examples"][:5]:
        print(f"    {example}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
