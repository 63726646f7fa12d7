"""The data flow for one file, and for many: read → normalise → segment → extract → check.

`process_file` never raises: a stage that fails becomes an `errors` row (and the document
`partial`); a file that cannot be read at all becomes only an `errors` row.
"""
from __future__ import annotations

import hashlib
import os
import stat
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .model import Document
from .readers import Limits, ReadError, printable_name, read
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
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # a fifo or a device could block or never end
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
    errors: list[dict] = []
    doc = None

    def error(stage: str, exc: BaseException) -> None:
        # the reader hashed the bytes already; only a file it could not read is hashed here
        doc_id = doc.doc_id if doc is not None else file_id(task.path)
        code = exc.code if isinstance(exc, ReadError) else type(exc).__name__
        message = str(exc) if isinstance(exc, ReadError) else f"{exc} ({_where(exc)})"
        if isinstance(exc, MemoryError):
            code, message = "out_of_memory", f"{_memory_message(task.limits)} ({_where(exc)})"
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
            return printable_name(Path(path).relative_to(root).as_posix())
        except ValueError:
            pass
    return printable_name(Path(path).name)


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
    a worker, so an unchanged rerun costs one read of each file. Files always run in worker
    processes (even with one worker) under `limits.timeout` and `limits.max_memory_mb`, so a
    file that hangs or blows up ends as an `errors` row and the run goes on.
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
        results = _on_dask(tasks, workers, scheduler, limits)
    else:
        results = _on_workers(tasks, workers, limits)
    for result in results:
        setattr(summary, result.status, getattr(summary, result.status) + 1)
        if result.rows:
            sink(result.rows)
        bar.update()
    bar.close()
    summary.seconds = time.perf_counter() - started
    return summary


# ---------------------------------------------------------------- per-file limits

class FileTimeout(BaseException):
    """A file's time is up. A BaseException, so that no stage's `except Exception` swallows it."""


# where in the code a timeout struck → the stage it is reported under
_STAGE_OF_MODULE = {"readers": "read", "normalise": "normalise", "segment": "normalise",
                    "metadata": "metadata", "figures": "figures", "tables": "tables", "checks": "tables"}


def _stage_of(exc: BaseException) -> str:
    stage = "read"
    for frame in traceback.extract_tb(exc.__traceback__):
        parts = Path(frame.filename).parts
        if "extractor" not in parts:
            continue
        below = parts[len(parts) - parts[::-1].index("extractor"):]
        if below:
            stage = _STAGE_OF_MODULE.get("readers" if below[0] == "readers" else Path(below[0]).stem, stage)
    return stage


def _failure(task: Task, stage: str, code: str, message: str) -> FileResult:
    row = {"source_path": _relative(task.path, task.root), "doc_id": file_id(task.path), "stage": stage,
           "error": code, "message": message, "extractor_version": __version__}
    return FileResult({"errors": [row]}, "failed")


def _timeout_message(limits: Limits) -> str:
    return (f"the file took longer than {limits.timeout:g} s (--timeout) and was abandoned; "
            f"its worker was stopped and the run went on")


def _memory_message(limits: Limits) -> str:
    return f"the file needed more memory than the {limits.max_memory_mb} MB a worker may use (--max-memory-mb)"


def _limit_memory(max_memory_mb: int) -> None:
    """Caps this process's address space, so that a greedy file raises MemoryError here."""
    import resource

    if max_memory_mb <= 0:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = max_memory_mb * 2**20
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    resource.setrlimit(resource.RLIMIT_AS, (want, hard))


def _on_alarm(signum, frame):
    raise FileTimeout()


def _run_limited(task: Task) -> FileResult:
    """One file under its time limit (an interval timer in this, the worker's main thread)."""
    import signal

    limits = task.limits
    try:
        if limits.timeout > 0:
            signal.setitimer(signal.ITIMER_REAL, limits.timeout)
        try:
            return process_file(task)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except FileTimeout as e:
        return _failure(task, _stage_of(e), "timeout", _timeout_message(limits))
    except MemoryError as e:
        return _failure(task, _stage_of(e), "out_of_memory", _memory_message(limits))
    except Exception as e:  # process_file does not raise; this is a last line of defence
        return _failure(task, _stage_of(e), type(e).__name__, f"{e} ({_where(e)})")


def _worker_main(conn, max_memory_mb: int) -> None:
    """A worker process: files in, results out, one at a time, until told to stop."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    signal.signal(signal.SIGALRM, _on_alarm)
    # the stages' imports and the pattern library are loaded before the first file's clock starts
    from . import checks, figures, metadata, tables  # noqa: F401
    from .patterns import load_library

    load_library()
    _limit_memory(max_memory_mb)
    conn.send("ready")
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        index, task = item
        result = _run_limited(task)
        try:
            conn.send((index, result))
        except (EOFError, OSError, BrokenPipeError):
            return
        except Exception as e:  # e.g. MemoryError while pickling a huge result
            code = "out_of_memory" if isinstance(e, MemoryError) else type(e).__name__
            msg = _memory_message(task.limits) if isinstance(e, MemoryError) else f"the result could not be sent back: {e}"
            conn.send((index, _failure(task, "write", code, msg)))


class _Worker:
    def __init__(self, ctx, limits: Limits):
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, args=(child, limits.max_memory_mb), daemon=True,
                                   name="extractor-worker")
        self.process.start()
        child.close()
        self.ready = False
        self.task: tuple[int, Task] | None = None
        self.deadline = 0.0
        self.started = __import__("time").monotonic()

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                kill = True
            self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def grace(limits: Limits) -> float:
    """Extra time the parent allows beyond `limits.timeout` before it ends a worker itself
    (for code the worker's own timer cannot interrupt, such as a long call into C)."""
    return max(2.0, limits.timeout * 0.25)


STARTUP_SECONDS = 300.0


def _on_workers(tasks: list[Task], workers: int, limits: Limits) -> Iterator[FileResult]:
    """Files in worker processes, results in input order; a worker that overruns its file's
    time (plus `grace`) is killed, a worker that dies is replaced, and either way the file
    becomes an `errors` row. At most a few files per worker are in flight or held, so memory
    stays bounded even while one file is slow."""
    import signal
    import time
    from multiprocessing import get_context
    from multiprocessing.connection import wait

    if not tasks:
        return
    ctx = get_context("spawn")
    n = len(tasks)
    size = max(1, min(workers, n))
    window = size * 4
    pool = [_Worker(ctx, limits) for _ in range(size)]
    done: dict[int, FileResult] = {}
    next_in = next_out = 0
    patience = (limits.timeout + grace(limits)) if limits.timeout > 0 else None

    def replace(w: _Worker, result: FileResult | None, kill: bool) -> None:
        if w.task is not None and result is not None:
            done[w.task[0]] = result
        w.task = None
        w.stop(kill=kill)
        pool[pool.index(w)] = _Worker(ctx, limits)

    try:
        while True:
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            if next_out >= n:
                break
            for w in pool:
                if w.ready and w.task is None and next_in < n and next_in < next_out + window:
                    w.task = (next_in, tasks[next_in])
                    w.deadline = time.monotonic() + patience if patience else float("inf")
                    w.conn.send(w.task)
                    next_in += 1
            now = time.monotonic()
            deadlines = [w.deadline for w in pool if w.task is not None]
            deadlines += [w.started + STARTUP_SECONDS for w in pool if not w.ready]
            if not deadlines:  # cannot happen: the next file is either in flight or just sent
                raise RuntimeError("internal error: no file in flight and none to send")
            wait_for = max(0.0, min(deadlines) - now)
            for conn in wait([w.conn for w in pool] + [w.process.sentinel for w in pool], wait_for):
                w = next((w for w in pool if conn in (w.conn, w.process.sentinel)), None)
                if w is None:
                    continue
                try:
                    if conn is w.process.sentinel and not w.conn.poll():
                        raise EOFError
                    message = w.conn.recv()
                except (EOFError, OSError):
                    if w.task is None and not w.ready:
                        raise RuntimeError(f"a worker process could not start (exit code {w.process.exitcode})")
                    w.process.join(1)
                    replace(w, _failure(w.task[1], "read", "crashed", _death_message(w.process.exitcode, limits))
                            if w.task else None, kill=True)
                    continue
                if message == "ready":
                    w.ready = True
                else:
                    index, result = message
                    done[index] = result
                    w.task = None
            now = time.monotonic()
            for w in list(pool):
                if w.task is not None and now > w.deadline:
                    message = (f"the file took longer than {limits.timeout:g} s (--timeout) and its worker did not "
                               f"answer within {grace(limits):g} s more, so it was ended; the run went on")
                    replace(w, _failure(w.task[1], "read", "timeout", message), kill=True)
                elif not w.ready and now > w.started + STARTUP_SECONDS:
                    raise RuntimeError("a worker process did not start within "
                                       f"{STARTUP_SECONDS:.0f} s")
    finally:
        for w in pool:
            w.stop(kill=w.task is not None)


def _death_message(exitcode: int | None, limits: Limits) -> str:
    import signal

    if exitcode is not None and exitcode < 0:
        try:
            how = f"was killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"was killed by signal {-exitcode}"
    else:
        how = f"exited with code {exitcode}"
    hint = " (out of memory?)" if exitcode in (-9, -6) else ""
    return f"the worker process reading this file {how}{hint}; the run went on without it"


def _on_dask(tasks: list[Task], workers: int, scheduler: str | None, limits: Limits = Limits(),
             window: int = 256) -> Iterator[FileResult]:
    """The same per-file function on a Dask cluster (a LocalCluster without an address),
    submitted in windows so that memory stays bounded, and collected in input order.

    Limits here are the cluster's: a LocalCluster's workers get `limits.max_memory_mb` as their
    memory limit (Dask's nanny restarts a worker over it, and its file fails as `crashed`), and
    a result that does not come within the file's time (plus `grace`, counted from when it is
    awaited) is a `timeout` row, its task cancelled and its worker restarted."""
    from distributed import Client, LocalCluster

    memory = f"{limits.max_memory_mb}MiB" if limits.max_memory_mb > 0 else "auto"
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                   dashboard_address=None, memory_limit=memory)
    patience = (limits.timeout + grace(limits)) if limits.timeout > 0 else None
    try:
        with Client(scheduler or cluster) as client:
            for i in range(0, len(tasks), window):
                futures = client.map(_run_one, tasks[i:i + window], pure=False)
                for task, future in zip(tasks[i:i + window], futures):
                    try:
                        result = future.result(timeout=patience)
                    except TimeoutError:
                        result = _failure(task, "read", "timeout", _timeout_message(limits))
                        _abandon(client, future)
                    except Exception as e:  # KilledWorker (memory), a worker lost, …
                        result = _failure(task, "read", "crashed",
                                          f"the Dask worker reading this file was lost ({type(e).__name__}: {e})")
                    yield result
                    future.release()
    finally:
        if cluster is not None:
            cluster.close()


def _abandon(client, future) -> None:
    """Cancels a task that overran and restarts the worker still running it (best effort)."""
    try:
        busy = [addr for addr, keys in client.processing().items() if future.key in keys]
        client.cancel(future)
        if busy:
            client.restart_workers(busy)
    except Exception:
        pass
