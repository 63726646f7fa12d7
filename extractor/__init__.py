"""extractor: archived Chinese hotline circulars → analysis-ready tables.

    doc = extractor.read("circular.txt")          # the normalised, segmented Document
    tables = extractor.extract(["corpus/"], out="out/")   # the contract's tables as DataFrames
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["read", "extract", "__version__"]


def read(path, limits=None):
    """Reads, normalises and segments one file into a `Document`."""
    from .pipeline import load
    from .readers import Limits

    return load(path, None, limits or Limits())


def extract(paths, out=None, workers: int = 1):
    """Runs the whole pipeline over files or folders; returns {dataset: DataFrame}.

    With `out`, the datasets are also written there as Parquet (files already extracted by
    this version are skipped, as on the command line).
    """
    from .pipeline import run
    from .schema import DATASETS, to_table
    from .write import DatasetWriter, done_ids

    if isinstance(paths, (str, bytes)) or hasattr(paths, "__fspath__"):
        paths = [paths]
    collected: dict[str, list[dict]] = {name: [] for name in DATASETS}

    def keep(rows):
        for name, batch in rows.items():
            collected[name].extend(batch)

    sink = keep
    writer = None
    skip = frozenset()
    if out is not None:
        skip = frozenset(done_ids(out, __version__))
        writer = DatasetWriter(out)

        def sink(rows):
            keep(rows)
            writer.add(rows)

    run(paths, sink, workers=workers, skip=skip)
    if writer is not None:
        writer.close()
    return {name: to_table(name, rows).to_pandas() for name, rows in collected.items()}
