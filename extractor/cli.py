"""Command line: `extractor extract`, `extractor show`. Thin: the work is in the stages."""
from __future__ import annotations

import os
import sys

import click

from . import __version__


@click.group()
@click.version_option(__version__, prog_name="extractor")
def main():
    """Turn archived Chinese hotline circulars into analysis-ready Parquet."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=str), help="Output folder for the datasets.")
@click.option("--workers", default=max(1, (os.cpu_count() or 1)), show_default=True, help="Processes to run files in.")
@click.option("--max-file-mb", default=64, show_default=True, help="Refuse files larger than this.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
def extract(paths, out, workers, max_file_mb, progress):
    """Extract PATHS (files or folders) into Parquet datasets under OUT."""
    from .pipeline import run
    from .readers import Limits
    from .write import DatasetWriter, done_ids

    limits = Limits(max_file_bytes=max_file_mb * 2**20)
    try:
        skip = frozenset(done_ids(out, __version__))
        writer = DatasetWriter(out)
    except OSError as e:
        raise click.ClickException(f"cannot write to {out}: {e}")
    if progress is None:
        progress = sys.stderr.isatty()
    summary = run(paths, writer.add, workers=workers, limits=limits, skip=skip, progress=progress)
    try:
        writer.close()
    except OSError as e:
        raise click.ClickException(f"cannot write to {out}: {e}")
    click.echo(summary.line())


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=str))
def show(path):
    """Print one circular's figures, grouped by section, with the number highlighted."""
    from .show import show_document

    show_document(path)


if __name__ == "__main__":
    main()
