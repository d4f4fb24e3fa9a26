"""The ``gongwen`` command line: convert, batch, formats, inspect, schema.

Exit codes: 0 success, 1 a conversion failed (bad input, unwritable output,
warnings under ``--strict``), 2 a usage error (bad option, missing file,
unknown format or plugin, not a regular file), 130 interrupted (Ctrl-C,
SIGTERM), 141 stdout closed early.
"""

from __future__ import annotations

import errno
import os
import re
import sys
import time
from pathlib import Path

import click

from gongwen.errors import GongwenError, OutputError, UsageError

DEFAULT_FORMATS = ("xml", "docx", "xlsx", "markdown")
STDIN_SNIFF = ((b"PK\x03\x04", "docx"), (b"%PDF", "pdf"))


def _fail(exc: GongwenError) -> None:
    click.echo(f"gongwen: error: {exc}", err=True)
    sys.exit(exc.exit_code)


def _registry(ctx: click.Context):  # noqa: ANN202 - Registry, imported lazily
    from gongwen.plugins import load_registry

    obj = ctx.find_root().obj
    if "registry" not in obj:
        _check_plugin_names(obj["disabled"])
        obj["registry"] = load_registry(obj["disabled"])
        for name, why in obj["registry"].failures:
            click.echo(f"gongwen: warning: plugin {name!r} {why}", err=True)
    return obj["registry"]


def _check_plugin_names(names: tuple[str, ...]) -> None:
    """``-p NAME`` must name an installed plugin (an entry point of the ``gongwen`` group)."""
    from importlib.metadata import entry_points

    from gongwen.plugins import ENTRY_POINT_GROUP

    known = sorted({ep.name for ep in entry_points(group=ENTRY_POINT_GROUP)})
    unknown = [n for n in names if n not in known]
    if unknown:
        _fail(UsageError(f"unknown plugin {unknown[0]!r} for -p (installed: {', '.join(known)})"))


def _check_encoding(encoding: str | None) -> None:
    import codecs

    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            _fail(UsageError(f"unknown encoding {encoding!r} for --encoding"))


def _detach_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class _Group(click.Group):
    """Ends cleanly when stdout fails: a closed pipe quietly (exit 141), a full disk with one line."""

    def invoke(self, ctx: click.Context):  # noqa: ANN201 - whatever the command returns
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()
            return result
        except BrokenPipeError:
            _detach_stdout()
            sys.exit(141)
        except OSError as exc:
            if exc.errno not in (errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT):
                raise
            _detach_stdout()
            _fail(OutputError(f"standard output: cannot write ({exc.strerror or exc})"))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gongwen")
@click.option("--disable-plugin", "-p", "disabled", multiple=True, metavar="NAME",
              help="Switch off a plugin by entry-point name (also: GONGWEN_DISABLE_PLUGINS=a,b).")
@click.pass_context
def main(ctx: click.Context, disabled: tuple[str, ...]) -> None:
    """Turn Chinese official documents into a typed outline and export it.

    \b
    Examples:
      gongwen convert report.txt                 # report.xml/.docx/.xlsx/.md beside it
      gongwen convert report.txt -t json -o -    # JSON to stdout
      gongwen batch seeds -o out                 # every document in seeds/, all formats
      gongwen inspect report.txt                 # outline tree in the terminal
      gongwen formats                            # exporters and readers, with origins
      gongwen schema json                        # the JSON Schema (xsd: the XML Schema)
    """
    ctx.obj = {"disabled": disabled}


def _formats(ctx: click.Context, names: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(exporter name, extension)`` for each ``-t``; an extension (``md``) names its exporter too."""
    registry = _registry(ctx)
    result = []
    for name in names or DEFAULT_FORMATS:
        if name not in registry.exporters:
            name = next((e.name for e in registry.exporters.values() if e.extension == name), name)
        try:
            result.append((name, registry.exporter(name).extension))
        except UsageError as exc:
            _fail(exc)
    return result


def _stdin_file(directory: Path) -> Path:
    """Save standard input to ``directory`` under a name whose extension picks the reader (sniffed:
    DOCX, PDF, HTML, XML, Markdown with ``#`` headings, front matter or pipe tables, else text)."""
    data = sys.stdin.buffer.read()
    head = data[:1024].lstrip().lower()
    ext = next((e for magic, e in STDIN_SNIFF if data.startswith(magic)), None)
    if ext is None and head.startswith((b"<!doctype html", b"<html")):
        ext = "html"
    elif ext is None and head.startswith((b"<?xml", b"<article", b"<book")):
        ext = "xml"
    elif ext is None:
        markdown = data.startswith(b"---\n") or re.search(rb"^#{1,6} |^\|.*\|\s*$", data[:65536], re.M)
        ext = "md" if markdown else "txt"
    path = directory / f"stdin.{ext}"
    path.write_bytes(data)
    return path


def _targets(input_path: Path, chosen: list[tuple[str, str]], output: str | None, stem: str) -> list[Path]:
    """Where each format goes: ``-o`` file, ``-o`` directory, or beside the input (never onto the input)."""
    if output is not None and len(chosen) > 1:
        out = Path(output)
        if out.exists() and not out.is_dir():
            raise UsageError(f"-o {output}: {len(chosen)} formats need an output directory, and this is a file")
        if not out.exists() and not output.endswith(("/", os.sep)) and out.suffix.lstrip(".") in {
                ext for _, ext in chosen}:
            raise UsageError(f"-o {output}: {len(chosen)} formats need an output directory "
                             f"(write {output.rstrip('/')}/ to create one, or give one -t)")
    targets = []
    for _, ext in chosen:
        if output is None:
            target = input_path.with_name(f"{stem}.{ext}")
            if target.resolve() == input_path.resolve():  # convert report.md: report.md.md, as batch names it
                target = input_path.with_name(f"{input_path.name}.{ext}")
        elif len(chosen) > 1 or output.endswith(("/", os.sep)) or Path(output).is_dir():
            target = Path(output) / f"{stem}.{ext}"
        else:
            target = Path(output)
        if target.resolve() == input_path.resolve():
            raise UsageError(f"{target}: output would overwrite the input; choose another -o")
        targets.append(target)
    return targets


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("-t", "--to", "formats", multiple=True, metavar="FORMAT",
              help="Output format or its extension (repeatable); default: xml, docx, xlsx, markdown.")
@click.option("-o", "--output", type=str, default=None,
              help="Output file (one format), directory (several), or - for stdout (text formats).")
@click.option("--encoding", default=None, help="Force the text encoding of INPUT.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only (no 'wrote' lines, no warning summary).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors: write nothing and exit 1.")
@click.pass_context
def convert(ctx: click.Context, input_path: Path, formats: tuple[str, ...], output: str | None,
            encoding: str | None, quiet: bool, strict: bool) -> None:
    """Convert one document (or - for standard input) to one or more formats.

    After the file, one line on stderr sums up its warnings (undecodable
    bytes, garbled text, numbering gaps …); --quiet silences it, --strict
    makes any warning an error.

    \b
    Examples:
      gongwen convert seeds/004_2bd030c6d8315c75.txt -t docx -o report.docx
      gongwen convert report.txt -t json -t xml -o out/
      gongwen convert report.txt -t md -o -
      cat report.txt | gongwen convert - -t json
    """
    import tempfile

    import gongwen
    from gongwen.summary import summary_line
    from gongwen.textsafe import escape_name

    _check_encoding(encoding)
    chosen = _formats(ctx, formats)
    registry = _registry(ctx)
    from_stdin = str(input_path) == "-"
    if from_stdin and output is None and len(chosen) == 1 and registry.exporter(chosen[0][0]).text:
        output = "-"
    if not from_stdin and input_path.is_dir():
        _fail(UsageError(f"{input_path}: is a directory (use `gongwen batch`)"))
    if not from_stdin and not input_path.exists():
        _fail(UsageError(f"{input_path}: no such file"))
    if output == "-":
        if len(chosen) != 1 or not registry.exporter(chosen[0][0]).text:
            _fail(UsageError("-o - needs exactly one text format (json, xml, markdown …)"))
    try:
        with tempfile.TemporaryDirectory(prefix="gongwen-stdin-") as tmp:
            source = _stdin_file(Path(tmp)) if from_stdin else input_path
            try:
                doc = gongwen.parse(source, encoding=encoding, registry=registry)
            except GongwenError as exc:
                if from_stdin:  # name standard input as the user did, not the temporary copy
                    raise type(exc)(str(exc).replace(str(source), "-")) from None
                raise
        if from_stdin:
            doc.meta.source.path = "-"
        name = "-" if from_stdin else str(input_path)
        line = summary_line(doc)
        if line and strict:
            raise GongwenError(f"{name}: {line} (--strict: nothing written)")
        if output == "-":
            registry.exporter(chosen[0][0]).write(doc, sys.stdout.buffer, {})
            sys.stdout.flush()
        else:
            base = Path("stdin") if from_stdin else input_path
            stem = escape_name(base.stem)
            for (fmt, _), target in zip(chosen, _targets(base, chosen, output, stem), strict=True):
                gongwen.export(doc, fmt, target, registry=registry)
                if not quiet:
                    click.echo(f"wrote {target}", err=True)
        if line and not quiet:
            click.echo(f"gongwen: {name}: {line}", err=True)
    except GongwenError as exc:
        _fail(exc)


@main.command()
@click.argument("input_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Output directory (the input tree is mirrored under it).")
@click.option("-t", "--to", "formats", multiple=True, metavar="FORMAT",
              help="Output format (repeatable); default: xml, docx, xlsx, markdown.")
@click.option("-r", "--recursive", is_flag=True, help="Descend into subdirectories.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: number of cores).")
@click.option("--skip-existing", "--resume", "skip_existing", is_flag=True,
              help="Skip inputs whose manifest entry has the same sha256 and whose outputs exist.")
@click.option("--encoding", default=None, help="Force the text encoding of every input.")
@click.option("--indicators", "table", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write one table of every indicator of every document (.xlsx or .csv).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run workers locally or on a dask.distributed cluster (extra gongwen[dask]).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address (tcp://host:8786); default: a local cluster.")
@click.option("-q", "--quiet", is_flag=True, help="No warning summaries (the counts and failures still print).")
@click.pass_context
def batch(ctx: click.Context, input_dir: Path, out_dir: Path, formats: tuple[str, ...], recursive: bool,
          jobs: int | None, skip_existing: bool, encoding: str | None, table: Path | None, executor: str,
          scheduler: str | None, quiet: bool) -> None:
    """Convert every supported document in a directory.

    Files are converted in parallel and recorded in OUT_DIR/manifest.jsonl as
    they finish. One bad file never stops the rest: failures are listed at the
    end and the exit code is 1 if any file failed. Ctrl-C stops cleanly:
    finished outputs stay, none is left half-written.

    \b
    Examples:
      gongwen batch seeds -o out
      gongwen batch reports/ -o out -t json --recursive --jobs 4 --resume
      gongwen batch reports/ -o out --indicators out/indicators.xlsx
      gongwen batch reports/ -o out --executor dask --scheduler tcp://10.0.0.5:8786
    """
    from gongwen.batch import (
        MANIFEST,
        Summary,
        append_manifest,
        count_inputs,
        iter_jobs,
        manifest_outputs,
        read_manifest,
        remove_stale_parts,
        run_dask,
        run_local,
        sigterm_as_interrupt,
    )
    from gongwen.corpus import CorpusTable
    from gongwen.readers.encoding import text_encoding

    _check_encoding(encoding)
    if encoding and text_encoding(encoding) is None:
        _fail(UsageError(f"--encoding {encoding!r} is not a text encoding (try utf-8, gb18030, big5, utf-16)"))
    chosen = _formats(ctx, formats)
    registry = _registry(ctx)
    disabled = tuple(ctx.find_root().obj["disabled"])
    extensions = registry.extensions()
    manifest_path = out_dir / MANIFEST
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        if skip_existing and (stale := remove_stale_parts(out_dir)):
            click.echo(f"removed {stale} unfinished .part files of an interrupted run", err=True)
        corpus = CorpusTable(table) if table is not None else None
        manifest = read_manifest(manifest_path) if skip_existing else None
        own = manifest_outputs(manifest_path)
        manifest_file = open(manifest_path, "a", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        _fail(OutputError(f"{out_dir}: cannot write ({exc.strerror or exc})"))
    except GongwenError as exc:
        _fail(exc)
    total = count_inputs(input_dir, extensions, recursive, own)
    jobs_iter = iter_jobs(input_dir, out_dir, chosen, extensions, recursive, manifest, corpus is not None, own)
    if executor == "dask":
        results = run_dask(jobs_iter, scheduler, encoding, disabled)
    else:
        results = run_local(jobs_iter, jobs or os.cpu_count() or 1, encoding, disabled)
    summary = Summary()
    warned: list[str] = []
    started = time.perf_counter()
    interrupted = False

    def rate(_: object) -> str:
        done = sum(summary.counts.values())
        return f"{done / max(time.perf_counter() - started, 1e-9):.1f} files/s" if done else ""

    try:
        with sigterm_as_interrupt(), click.progressbar(length=total, label="converting", file=sys.stderr,
                                                       show_pos=True, show_eta=True, item_show_func=rate) as bar:
            try:
                for result in results:
                    summary.add(result)
                    if result.warnings:
                        warned.append(f"{result.source}: {result.warnings}")
                    append_manifest(manifest_file, result)
                    if corpus is not None:
                        corpus.add(result.rows)
                    bar.update(1, result)
            finally:
                results.close()  # ends the workers, letting files in progress finish
    except KeyboardInterrupt:
        interrupted = True
    except GongwenError as exc:
        _fail(exc)
    finally:
        manifest_file.close()
    if corpus is not None:
        if interrupted:
            corpus.discard()
        else:
            corpus.close()
            click.echo(f"wrote {corpus.count} indicators to {table}", err=True)
    c = summary.counts
    click.echo(f"converted {c['converted']}, skipped {c['skipped']}, failed {c['failed']} "
               f"(of {total} files) -> {out_dir}", err=True)
    for r in summary.failures:
        click.echo(f"  failed: {r.error}", err=True)
    for r in summary.refused:
        click.echo(f"  skipped: {r.error}", err=True)
    if warned and not quiet:
        click.echo(f"{len(warned)} file{'s' if len(warned) > 1 else ''} with warnings:", err=True)
        for line in warned:
            click.echo(f"  {line}", err=True)
    if interrupted:
        click.echo("gongwen: interrupted; finished outputs are kept (rerun with --resume)", err=True)
        sys.exit(130)
    if c["failed"]:
        sys.exit(1)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The panel: .json, .csv or .xlsx (panel sheet and charts).")
@click.option("--catalogue", "catalogues", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
              help="An extra indicator catalogue file (TSV) on top of the built-in one; repeatable.")
@click.option("--encoding", default=None, help="Force the text encoding of every input.")
@click.pass_context
def track(ctx: click.Context, inputs: tuple[Path, ...], output: Path, catalogues: tuple[Path, ...],
          encoding: str | None) -> None:
    """Pair each region's targets for a year with the results reported for it.

    \b
    INPUTS are files or folders (searched recursively) in any readable format:
    the report of year Y gives the targets for Y, the report of Y+1 the results.
      gongwen track reports-2025/ reports-2026/ -o panel.xlsx
    """
    from gongwen import track as tracking
    from gongwen.parsing.catalogue import load
    from gongwen.track_output import write_panel

    try:
        catalogue = load(catalogues)
        registry = _registry(ctx)
        files = tracking.input_files(inputs, registry.extensions())
        if not files:
            raise UsageError("no readable documents among the inputs")
        docs = tracking.read_documents(files, registry, encoding,
                                       lambda message: click.echo(f"gongwen: warning: {message}", err=True))
        rows = tracking.pair(docs, catalogue)
        write_panel(rows, output, [str(p) for p in inputs])
    except GongwenError as exc:
        _fail(exc)
    counts = {v: sum(r.verdict == v for r in rows) for v in tracking.VERDICTS}
    click.echo(f"{output}: {len(rows)} rows from {len(docs)} documents ("
               + ", ".join(f"{n} {v}" for v, n in counts.items() if n) + ")", err=True)


@main.command()
@click.pass_context
def formats(ctx: click.Context) -> None:
    """List every exporter and reader with the package it comes from."""
    registry = _registry(ctx)
    click.echo("Exporters (-t NAME):")
    for e in sorted(registry.exporters.values(), key=lambda e: e.name):
        click.echo(f"  {e.name:<10} .{e.extension:<6} {e.description}  [{e.origin}]")
    click.echo("Readers:")
    for r in sorted(registry.readers.values(), key=lambda r: r.name):
        exts = ", ".join("." + x for x in r.extensions)
        click.echo(f"  {r.name:<10} {exts:<14} {r.description}  [{r.origin}]")
    if registry.disabled:
        click.echo("Disabled: " + ", ".join(registry.disabled))
    for name, why in registry.failures:
        click.echo(f"Failed plugin {name}: {why}")


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("--encoding", default=None, help="Force the text encoding of INPUT.")
@click.option("--text", "show_text", is_flag=True,
              help="Print the reader's text instead: the text that every span ([start, end)) indexes.")
@click.pass_context
def inspect(ctx: click.Context, input_path: Path, encoding: str | None, show_text: bool) -> None:
    """Print the outline tree and counts of one document.

    \b
    Examples:
      gongwen inspect seeds/004_2bd030c6d8315c75.txt
      gongwen inspect --text report.docx > report.txt   # spans in the JSON index this text
    """
    from collections import Counter

    import gongwen

    _check_encoding(encoding)
    try:
        if show_text:
            click.echo(gongwen.read(input_path, encoding=encoding, registry=_registry(ctx)).text, nl=False)
            return
        doc = gongwen.parse(input_path, encoding=encoding, registry=_registry(ctx))
    except GongwenError as exc:
        _fail(exc)
    m = doc.meta
    click.echo(f"{m.title or '(untitled)'}  [{m.doc_type}; {m.region or '-'}; {m.year or '-'}; {m.date or '-'}]")
    for depth, node in doc.walk():
        label = f"{node.marker}{node.title}" if node.kind != "topic" else f"· {node.title}"
        click.echo(f"{'  ' * depth}{label[:60]}  ({node.kind})")
    kinds = Counter(n.kind for _, n in doc.walk())
    codes = Counter(d.code for d in doc.diagnostics)
    click.echo(f"nodes: {sum(kinds.values())} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}); "
               f"toc entries: {len(doc.toc)}; indicators: {len(doc.indicators)}")
    blocks = Counter(b.type for _, n in doc.walk() for b in n.body)
    click.echo(f"tables: {blocks['table']}; figures: {blocks['figure']}")
    click.echo("diagnostics: " + (", ".join(f"{k} {v}" for k, v in sorted(codes.items())) or "none"))


SCHEMA_FILES = {"json": "gongwen.schema.json", "xsd": "gongwen.xsd"}


@main.command()
@click.argument("kind", type=click.Choice(sorted(SCHEMA_FILES)))
def schema(kind: str) -> None:
    """Print the JSON Schema of the JSON export or the XML Schema of the XML export.

    \b
    Examples:
      gongwen schema json > gongwen.schema.json
      gongwen schema xsd > gongwen.xsd
    """
    from importlib.resources import files

    click.echo((files("gongwen") / "schemas" / SCHEMA_FILES[kind]).read_text(encoding="utf-8"), nl=False)
