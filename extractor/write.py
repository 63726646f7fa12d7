"""Write stage: results stream into Parquet datasets, one part file per batch, atomically.

Each batch's parts share a tag and the `documents` part is written last, as the batch's
commit mark: parts whose tag has no `documents` part come from a run that was killed and
are removed before the next run, so a rerun neither duplicates nor loses rows.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pyarrow.dataset as pads
import pyarrow.parquet as pq

from .schema import DATASETS, to_table

COMMIT_DATASET = "documents"


class DatasetWriter:
    def __init__(self, out: str | os.PathLike, batch_docs: int = 500):
        self.out = Path(out)
        self.batch_docs = batch_docs
        self._rows: dict[str, list[dict]] = {name: [] for name in DATASETS}
        self._files = 0
        self.out.mkdir(parents=True, exist_ok=True)
        for name in DATASETS:
            (self.out / name).mkdir(exist_ok=True)
        remove_uncommitted(self.out)

    def add(self, rows: dict[str, list[dict]]) -> None:
        for name, batch in rows.items():
            self._rows[name].extend(batch)
        self._files += 1
        if self._files >= self.batch_docs:
            self.flush()

    def flush(self) -> None:
        if not self._files:
            return
        keys = sorted(r.get("doc_id") or r.get("source_path", "") for r in self._rows["documents"] + self._rows["errors"])
        tag = hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16]
        for name in sorted(DATASETS, key=lambda n: n == COMMIT_DATASET):
            write_atomic(to_table(name, self._rows[name]), self.out / name / f"part-{tag}.parquet")
            self._rows[name] = []
        self._files = 0

    def close(self) -> None:
        self.flush()


def write_atomic(table, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def remove_uncommitted(out: Path) -> None:
    """Deletes temporary files and parts of batches whose `documents` part never landed."""
    committed = {p.name for p in (out / COMMIT_DATASET).glob("part-*.parquet")}
    for name in DATASETS:
        folder = out / name
        for p in folder.glob(".*.tmp"):
            p.unlink(missing_ok=True)
        if name != COMMIT_DATASET:
            for p in folder.glob("part-*.parquet"):
                if p.name not in committed:
                    p.unlink(missing_ok=True)


def done_ids(out: str | os.PathLike, version: str) -> set[str]:
    """doc_ids that this extractor version already turned into a documents or errors row."""
    out = Path(out)
    done: set[str] = set()
    if (out / COMMIT_DATASET).is_dir():
        remove_uncommitted(out)
    for name, column in (("documents", "extractor_version"), ("errors", "extractor_version")):
        folder = out / name
        if not folder.is_dir() or not any(folder.glob("part-*.parquet")):
            continue
        table = pads.dataset(folder, format="parquet").to_table(columns=["doc_id", column])
        for doc_id, v in zip(table.column("doc_id").to_pylist(), table.column(column).to_pylist()):
            if doc_id and v == version:
                done.add(doc_id)
    return done
