"""Command line: `extractor extract`, `extractor show`. Thin: the work is in the stages."""
from __future__ import annotations

import os
import sys

import click

from . import __version__


def _load_patterns() -> None:
    """Compiles the pattern library here, once, so a broken pattern file stops the command with
    one message naming the file and entry (instead of a traceback from every worker)."""
    from .patterns import PatternError, load_library

    try:
        load_library()
    except PatternError as e:
        raise click.ClickException(f"pattern library: {e}")


@click.group()
@click.version_option(__version__, prog_name="extractor")
def main():
    """Turn archived Chinese hotline circulars into analysis-ready Parquet."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=str), help="Output folder for the datasets.")
@click.option("--workers", default=max(1, (os.cpu_count() or 1)), show_default=True, help="Processes to run files in.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where files run: a local process pool, or a Dask cluster.")
@click.option("--scheduler", default=None, help="Dask scheduler address (default: a LocalCluster of --workers).")
@click.option("--partition-by", type=click.Choice(["year", "province"]), default=None,
              help="Write Hive-style partitions (year of issue, or province).")
@click.option("--compact/--no-compact", default=True, show_default=True, help="Merge small part files at the end.")
@click.option("--batch", default=500, show_default=True, help="Files per written part (memory stays flat).")
@click.option("--max-file-mb", default=64, show_default=True, help="Refuse files larger than this.")
@click.option("--timeout", default=120.0, show_default=True, type=click.FloatRange(min=0),
              help="Seconds one file may take; a file over it becomes an errors row (0: no limit).")
@click.option("--max-memory-mb", default=2048, show_default=True, type=click.IntRange(min=0),
              help="Memory (address space) a worker may use; a file needing more becomes an errors row (0: no limit).")
@click.option("--max-pdf-pages", default=500, show_default=True, type=click.IntRange(min=1),
              help="Refuse PDFs with more pages than this.")
@click.option("--password", default=None, help="Password tried on encrypted PDFs.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
def extract(paths, out, workers, engine, scheduler, partition_by, compact, batch, max_file_mb, timeout,
            max_memory_mb, max_pdf_pages, password, progress):
    """Extract PATHS (files or folders) into Parquet datasets under OUT."""
    from .pipeline import run
    from .readers import Limits
    from .write import DatasetWriter, LayoutError, compact as compact_parts, done_ids

    _load_patterns()
    limits = Limits(max_file_bytes=max_file_mb * 2**20, timeout=timeout, max_memory_mb=max_memory_mb,
                    max_pdf_pages=max_pdf_pages, password=password)
    try:
        writer = DatasetWriter(out, batch_docs=batch, partition_by=partition_by)
        skip = frozenset(done_ids(out, __version__))
    except LayoutError as e:
        raise click.UsageError(str(e))
    except OSError as e:
        raise click.ClickException(f"cannot write to {out}: {e}")
    if progress is None:
        progress = sys.stderr.isatty()
    summary = run(paths, writer.add, workers=workers, limits=limits, skip=skip, progress=progress,
                  engine=engine, scheduler=scheduler)
    try:
        writer.close()
        if compact:
            compact_parts(out)
    except OSError as e:
        raise click.ClickException(f"cannot write to {out}: {e}")
    click.echo(summary.line())


@main.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=str))
def compact(out):
    """Merge the small part files of the datasets under OUT."""
    from .write import compact as compact_parts

    click.echo(f"parts merged away: {compact_parts(out)}")


@main.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=str))
@click.argument("sql")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a table.")
def query(out, sql, as_csv):
    """Run SQL (DuckDB) over the datasets under OUT; each is a view named after it.

    extractor query out/ "select metric, avg(value) from figures group by 1"
    """
    from .query import connect

    try:
        result = connect(out).sql(sql)
    except Exception as e:  # duckdb raises its own error kinds for bad SQL
        raise click.ClickException(str(e).splitlines()[0])
    if result is None:
        return
    frame = result.df()
    click.echo(frame.to_csv(index=False) if as_csv else frame.to_string(index=False, max_colwidth=60), nl=not as_csv)


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=str))
def show(path):
    """Print one circular's figures, grouped by section, with the number highlighted."""
    from .show import show_document

    _load_patterns()
    show_document(path)


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=str))
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=str), help="HTML file to write.")
def report(path, out):
    """Write one circular as a self-contained HTML review page (figures highlighted, tables, fixes, checks)."""
    from .report import write_report

    _load_patterns()
    n = write_report(path, out)
    click.echo(f"{out}: {n['figures']} figures, {n['tables']} tables, {n['checks']} checks "
               f"({n['failed_checks']} failed), {n['errors']} errors, status {n['status']}")


if __name__ == "__main__":
    main()
