"""The data flow for one file, and for many: read → normalise → segment → extract → check.

`process_file` never raises: a stage that fails becomes an `errors` row (and the document
`partial`); a file that cannot be read at all becomes only an `errors` row.
"""
from __future__ import annotations

import hashlib
import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .model import Document
from .readers import Limits, ReadError, read
from .normalise import normalise
from .schema import SCHEMA_VERSION
from .segment import segment


@dataclass
class FileResult:
    rows: dict[str, list[dict]] = field(default_factory=dict)
    status: str = "failed"  # ok, partial, failed


@dataclass(frozen=True)
class Task:
    path: str
    root: str | None
    limits: Limits = Limits()


def file_id(path: str | os.PathLike) -> str | None:
    """doc_id of a file from a streamed hash (bounded memory even for huge files)."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()[:16]


def load(path, root=None, limits: Limits = Limits()) -> Document:
    """Reads, normalises and segments one file (raises `ReadError` when it cannot be read)."""
    doc = read(path, root, limits)
    normalise(doc)
    segment(doc)
    return doc


def process_file(task: Task) -> FileResult:
    from .checks import run_checks
    from .figures import extract_figures
    from .metadata import extract_metadata
    from .tables import extract_tables

    source_path = _relative(task.path, task.root)
    doc_id = file_id(task.path)
    errors: list[dict] = []

    def error(stage: str, exc: BaseException) -> None:
        code = exc.code if isinstance(exc, ReadError) else type(exc).__name__
        message = str(exc) if isinstance(exc, ReadError) else f"{exc} ({_where(exc)})"
        errors.append({"source_path": source_path, "doc_id": doc_id, "stage": stage, "error": code,
                       "message": message, "extractor_version": __version__})

    try:
        doc = read(task.path, task.root, task.limits)
    except Exception as e:  # every reader failure, expected or not, is a row
        error("read", e)
        return FileResult({"errors": errors}, "failed")
    try:
        normalise(doc)
        segment(doc)
    except Exception as e:
        error("normalise", e)
        return FileResult({"errors": errors}, "failed")

    figures, tables, cells, checks, meta = [], [], [], [], {}
    try:
        meta = extract_metadata(doc)
    except Exception as e:
        error("metadata", e)
    try:
        figures = extract_figures(doc)
    except Exception as e:
        error("figures", e)
    try:
        tables, cells = extract_tables(doc)
    except Exception as e:
        error("tables", e)
    try:
        checks = run_checks(doc, figures, tables, cells)
    except Exception as e:
        error("tables", e)

    for i, f in enumerate(figures):
        f["doc_id"] = doc.doc_id
        f["figure_id"] = i
    for row in tables + cells + checks:
        row["doc_id"] = doc.doc_id
    status = "partial" if errors else "ok"
    document = {
        "doc_id": doc.doc_id, "source_path": doc.source_path, "source_format": doc.source_format,
        "encoding": doc.encoding, "script": doc.script,
        "fixes": [{"fix": f.fix, "count": f.count} for f in doc.fixes],
        **meta,
        "n_figures": len(figures), "n_tables": len(tables), "status": status,
        "extractor_version": __version__, "schema_version": SCHEMA_VERSION,
    }
    rows = {"documents": [document], "texts": [{"doc_id": doc.doc_id, "text": doc.text}],
            "figures": figures, "tables": tables, "cells": cells, "checks": checks, "errors": errors}
    return FileResult(rows, status)


def _where(exc: BaseException) -> str:
    tb = traceback.extract_tb(exc.__traceback__)
    last = tb[-1] if tb else None
    return f"{Path(last.filename).name}:{last.lineno}" if last else "?"


def _relative(path: str, root: str | None) -> str:
    if root:
        try:
            return Path(path).relative_to(root).as_posix()
        except ValueError:
            pass
    return Path(path).name


def discover(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[str, str | None]]:
    """(file, root) for every input: files as given, folders walked without following links
    (so a symlink loop cannot trap the walk), hidden files and folders skipped, sorted."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = []
            for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
                visible = sorted(d for d in dirnames if not d.startswith("."))
                # linked folders are not entered (they can loop) but reported, so nothing vanishes
                found.extend(os.path.join(dirpath, d) for d in visible if os.path.islink(os.path.join(dirpath, d)))
                dirnames[:] = visible
                found.extend(os.path.join(dirpath, f) for f in filenames if not f.startswith("."))
            for f in sorted(found):
                yield f, str(p)
        else:
            yield str(p), None


@dataclass
class Summary:
    files: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (f"files {self.files}  ok {self.ok}  partial {self.partial}  failed {self.failed}  "
                f"skipped {self.skipped}  seconds {self.seconds:.1f}")


def _run_one(task: Task) -> FileResult:
    return process_file(task)


def run(paths, sink, workers: int = 1, limits: Limits = Limits(), skip: frozenset[str] = frozenset(),
        progress: bool = False, engine: str = "local", scheduler: str | None = None) -> Summary:
    """Processes every input file, in input order, handing each result's rows to `sink`.

    Files whose doc_id is in `skip` are recognised here by a streamed hash and never sent to
    a worker, so an unchanged rerun costs one read of each file.
    """
    import time

    from tqdm import tqdm

    started = time.perf_counter()
    summary = Summary()
    tasks = []
    for path, root in discover(paths):
        summary.files += 1
        if skip and file_id(path) in skip:
            summary.skipped += 1
        else:
            tasks.append(Task(path, root, limits))
    bar = tqdm(total=len(tasks), unit="file", disable=not progress, leave=False)
    if engine == "dask":
        results = _on_dask(tasks, workers, scheduler)
    elif workers > 1 and len(tasks) > 1:
        results = _on_pool(tasks, workers)
    else:
        results = map(_run_one, tasks)
    for result in results:
        setattr(summary, result.status, getattr(summary, result.status) + 1)
        if result.rows:
            sink(result.rows)
        bar.update()
    bar.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _on_pool(tasks: list[Task], workers: int) -> Iterator[FileResult]:
    from multiprocessing import get_context

    with get_context("spawn").Pool(workers) as pool:
        yield from pool.imap(_run_one, tasks, chunksize=max(1, min(16, len(tasks) // (workers * 8))))


def _on_dask(tasks: list[Task], workers: int, scheduler: str | None, window: int = 256) -> Iterator[FileResult]:
    """The same per-file function on a Dask cluster (a LocalCluster without an address),
    submitted in windows so that memory stays bounded, and collected in input order."""
    from distributed import Client, LocalCluster

    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                   dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            for i in range(0, len(tasks), window):
                futures = client.map(_run_one, tasks[i:i + window], pure=False)
                for future in futures:
                    yield future.result()
                    future.release()
    finally:
        if cluster is not None:
            cluster.close()
