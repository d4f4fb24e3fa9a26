"""The ``gongwen`` command line: convert, batch, formats, inspect.

Exit codes: 0 success, 1 a conversion failed, 2 a usage error (bad option,
missing file, unknown format, not a regular file), 130 interrupted (Ctrl-C,
SIGTERM), 141 stdout closed early.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from pathlib import Path

import click

from gongwen.errors import GongwenError, OutputError, UsageError

DEFAULT_FORMATS = ("xml", "docx", "xlsx", "markdown")


def _fail(exc: GongwenError) -> None:
    click.echo(f"gongwen: error: {exc}", err=True)
    sys.exit(exc.exit_code)


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


def _registry(ctx: click.Context):  # noqa: ANN202 - Registry, imported lazily
    from gongwen.plugins import load_registry

    obj = ctx.find_root().obj
    if "registry" not in obj:
        obj["registry"] = load_registry(obj["disabled"])
        for name, why in obj["registry"].failures:
            click.echo(f"gongwen: warning: plugin {name!r} {why}", err=True)
    return obj["registry"]


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
    """
    ctx.obj = {"disabled": disabled}


def _formats(ctx: click.Context, names: tuple[str, ...]) -> list[tuple[str, str]]:
    registry = _registry(ctx)
    result = []
    for name in names or DEFAULT_FORMATS:
        try:
            result.append((name, registry.exporter(name).extension))
        except UsageError as exc:
            _fail(exc)
    return result


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("-t", "--to", "formats", multiple=True, metavar="FORMAT",
              help="Output format (repeatable); default: xml, docx, xlsx, markdown.")
@click.option("-o", "--output", type=str, default=None,
              help="Output file (one format), directory, or - for stdout (text formats).")
@click.option("--encoding", default=None, help="Force the text encoding of INPUT.")
@click.pass_context
def convert(ctx: click.Context, input_path: Path, formats: tuple[str, ...], output: str | None,
            encoding: str | None) -> None:
    """Convert one document to one or more formats.

    \b
    Examples:
      gongwen convert seeds/004_2bd030c6d8315c75.txt -t docx -o report.docx
      gongwen convert report.txt -t json -t xml -o out/
      gongwen convert report.txt -t markdown -o -
    """
    import gongwen
    from gongwen.textsafe import escape_name

    chosen = _formats(ctx, formats)
    registry = _registry(ctx)
    if input_path.is_dir():
        _fail(UsageError(f"{input_path}: is a directory (use `gongwen batch`)"))
    if not input_path.exists():
        _fail(UsageError(f"{input_path}: no such file"))
    if output == "-":
        if len(chosen) != 1 or not registry.exporter(chosen[0][0]).text:
            _fail(UsageError("-o - needs exactly one text format (json, xml, markdown …)"))
    try:
        doc = gongwen.parse(input_path, encoding=encoding, registry=registry)
        if output == "-":
            exporter = registry.exporter(chosen[0][0])
            exporter.write(doc, sys.stdout.buffer, {})
            sys.stdout.flush()
            return
        for fmt, ext in chosen:
            if output is None:
                target = input_path.with_name(f"{escape_name(input_path.stem)}.{ext}")
            elif len(chosen) > 1 or output.endswith(("/", os.sep)) or Path(output).is_dir():
                target = Path(output) / f"{escape_name(input_path.stem)}.{ext}"
            else:
                target = Path(output)
            if target.resolve() == input_path.resolve():
                raise UsageError(f"{target}: output would overwrite the input; choose another -o")
            gongwen.export(doc, fmt, target, registry=registry)
            click.echo(f"wrote {target}", err=True)
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
@click.pass_context
def batch(ctx: click.Context, input_dir: Path, out_dir: Path, formats: tuple[str, ...], recursive: bool,
          jobs: int | None, skip_existing: bool, encoding: str | None, table: Path | None, executor: str,
          scheduler: str | None) -> None:
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

    chosen = _formats(ctx, formats)
    registry = _registry(ctx)
    if encoding and text_encoding(encoding) is None:
        _fail(UsageError(f"--encoding {encoding!r} is not a text encoding (try utf-8, gb18030, big5, utf-16)"))
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
        _fail(UsageError(f"{out_dir}: cannot write ({exc.strerror or exc})"))
    except GongwenError as exc:
        _fail(exc)
    total = count_inputs(input_dir, extensions, recursive, own)
    jobs_iter = iter_jobs(input_dir, out_dir, chosen, extensions, recursive, manifest, corpus is not None, own)
    if executor == "dask":
        results = run_dask(jobs_iter, scheduler, encoding, disabled)
    else:
        results = run_local(jobs_iter, jobs or os.cpu_count() or 1, encoding, disabled)
    summary = Summary()
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
    if interrupted:
        click.echo("gongwen: interrupted; finished outputs are kept (rerun with --resume)", err=True)
        sys.exit(130)
    if c["failed"]:
        sys.exit(1)


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
@click.pass_context
def inspect(ctx: click.Context, input_path: Path, encoding: str | None) -> None:
    """Print the outline tree and counts of one document.

    \b
    Example:
      gongwen inspect seeds/004_2bd030c6d8315c75.txt
    """
    from collections import Counter

    import gongwen

    try:
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
    click.echo("diagnostics: " + (", ".join(f"{k} {v}" for k, v in sorted(codes.items())) or "none"))
