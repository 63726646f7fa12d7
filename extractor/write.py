"""Write stage: results stream into Parquet datasets, one part file per batch, atomically.

Each batch's parts share a tag and the `documents` part is written last, as the batch's
commit mark: parts whose tag has no `documents` part come from a run that was killed and
are removed before the next run, so a rerun neither duplicates nor loses rows. Compaction
merges small parts the same way; its `documents` part names the parts it replaces, so a
compaction cut short is finished (or undone) by the next run.

With `partition_by` (`year` or `province`), every dataset is written Hive-style
(`figures/year=2023/part-….parquet`), each row under its document's value.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from .schema import DATASETS, SCHEMA_VERSION, SCHEMAS, to_table

COMMIT_DATASET = "documents"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
PARTITIONS = ("year", "province")
LAYOUT_FILE = "_extractor.json"
REPLACES_KEY = b"extractor.replaces"


class LayoutError(Exception):
    """The output folder was written with another partitioning or schema version."""


class DatasetWriter:
    def __init__(self, out: str | os.PathLike, batch_docs: int = 500, partition_by: str | None = None):
        if partition_by not in (None, *PARTITIONS):
            raise ValueError(f"partition_by must be one of {PARTITIONS}")
        self.out = Path(out)
        self.batch_docs = batch_docs
        self.partition_by = partition_by
        self._rows: dict[str, list[dict]] = {name: [] for name in DATASETS}
        self._files = 0
        self.out.mkdir(parents=True, exist_ok=True)
        check_layout(self.out, partition_by)
        for name in DATASETS:
            (self.out / name).mkdir(exist_ok=True)
        recover(self.out)

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
        groups = self._partition()
        for name in sorted(DATASETS, key=lambda n: n == COMMIT_DATASET):
            by_value = groups(name, self._rows[name])
            for value, batch in by_value.items():
                table = to_table(name, batch)
                folder = self.out / name
                if self.partition_by:
                    folder = folder / f"{self.partition_by}={value}"
                    folder.mkdir(exist_ok=True)
                    if self.partition_by in table.column_names:
                        table = table.drop_columns([self.partition_by])
                write_atomic(table, folder / f"part-{tag}.parquet")
            self._rows[name] = []
        self._files = 0

    def _partition(self):
        """A function splitting a dataset's rows by their document's partition value."""
        if not self.partition_by:
            return lambda name, rows: {None: rows}
        value_of = {d["doc_id"]: partition_value(d, self.partition_by) for d in self._rows["documents"]}

        def split(name: str, rows: list[dict]) -> dict[str, list[dict]]:
            groups: dict[str, list[dict]] = defaultdict(list)
            for r in rows:
                groups[value_of.get(r.get("doc_id"), NULL_PARTITION)].append(r)
            # the commit mark must exist in every partition the batch wrote to
            if name == COMMIT_DATASET:
                for v in set(value_of.values()) | {NULL_PARTITION}:
                    groups.setdefault(v, [])
            return groups

        return split

    def close(self) -> None:
        self.flush()


def partition_value(document: dict, partition_by: str) -> str:
    if partition_by == "year":
        for field in ("issue_date", "period_start", "published_date"):
            if document.get(field) is not None:
                return str(document[field].year)
        return NULL_PARTITION
    value = document.get(partition_by)
    return str(value).replace("/", "_") if value else NULL_PARTITION


def write_atomic(table: pa.Table, path: Path, metadata: dict[bytes, bytes] | None = None) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if metadata:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata})
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def check_layout(out: Path, partition_by: str | None) -> None:
    """Records the folder's layout on first write; refuses to mix layouts later."""
    path = out / LAYOUT_FILE
    want = {"partition_by": partition_by, "schema_version": SCHEMA_VERSION}
    if path.exists():
        have = json.loads(path.read_text(encoding="utf-8"))
        if have != want:
            raise LayoutError(f"{out} holds datasets written with {have}; this run asks for {want}")
        return
    path.write_text(json.dumps(want), encoding="utf-8")


def _folders(out: Path, name: str) -> list[Path]:
    """The dataset folder and its partition folders (one level, Hive-style)."""
    base = out / name
    return [base, *sorted(p for p in base.glob("*=*") if p.is_dir())]


def recover(out: Path) -> None:
    """Brings a folder back to its last committed state after a killed run or compaction."""
    for name in DATASETS:
        for folder in _folders(out, name):
            for p in folder.glob(".*.tmp"):
                p.unlink(missing_ok=True)
    replaced: set[str] = set()  # paths relative to the dataset folder
    committed: set[str] = set()  # batch tags (part names)
    for folder in _folders(out, COMMIT_DATASET):
        for p in folder.glob("part-*.parquet"):
            committed.add(p.name)
            meta = pq.read_schema(p).metadata or {}
            if REPLACES_KEY in meta:
                replaced.update(json.loads(meta[REPLACES_KEY]))
    for name in DATASETS:
        for folder in _folders(out, name):
            for p in folder.glob("part-*.parquet"):
                relative = p.relative_to(out / name).as_posix()
                if relative in replaced or (name != COMMIT_DATASET and p.name not in committed):
                    p.unlink(missing_ok=True)


def read_dataset(out: str | os.PathLike, name: str, columns: list[str] | None = None) -> pa.Table:
    folder = Path(out) / name
    if not folder.is_dir() or not any(folder.rglob("part-*.parquet")):
        return SCHEMAS[name].empty_table() if columns is None else SCHEMAS[name].empty_table().select(columns)
    # a partition column is read as text, as written: inferred, a year column with one null
    # folder would come back as floats
    keys = {p.name.split("=", 1)[0] for p in folder.iterdir() if p.is_dir() and "=" in p.name}
    partitioning = pads.partitioning(pa.schema([pa.field(k, pa.string()) for k in sorted(keys)]), flavor="hive")
    dataset = pads.dataset(folder, format="parquet", partitioning=partitioning)
    return dataset.to_table(columns=columns)


def done_ids(out: str | os.PathLike, version: str) -> set[str]:
    """doc_ids that this extractor version already turned into a documents or errors row."""
    out = Path(out)
    if (out / COMMIT_DATASET).is_dir():
        recover(out)
    done: set[str] = set()
    for name in ("documents", "errors"):
        table = read_dataset(out, name, ["doc_id", "extractor_version"])
        for doc_id, v in zip(table.column("doc_id").to_pylist(), table.column("extractor_version").to_pylist()):
            if doc_id and v == version:
                done.add(doc_id)
    return done


def compact(out: str | os.PathLike, target_bytes: int = 128 * 2**20) -> int:
    """Merges small parts, batch tags grouped until a group's files reach `target_bytes`;
    returns how many parts went. Parts are streamed one at a time, so memory stays that of
    one part however large the archive.

    Safe to kill at any point: the merged `documents` part, written last, lists the parts it
    replaces, and `recover` deletes those (or, if it never landed, the other merged parts).
    """
    out = Path(out)
    recover(out)
    removed = 0
    for folder in _folders(out, COMMIT_DATASET):
        relative = folder.relative_to(out / COMMIT_DATASET)
        sizes = {p.name: sum((out / n / relative / p.name).stat().st_size for n in DATASETS
                             if (out / n / relative / p.name).exists())
                 for p in folder.glob("part-*.parquet")}
        for group in _groups(sizes, target_bytes):
            tag = "c" + hashlib.sha256("\n".join(group).encode()).hexdigest()[:15]
            replaces = json.dumps([(relative / p).as_posix() for p in group]).encode()
            for name in sorted(DATASETS, key=lambda n: n == COMMIT_DATASET):
                here = out / name / relative
                sources = [here / p for p in group if (here / p).exists()]
                if sources:
                    meta = {REPLACES_KEY: replaces} if name == COMMIT_DATASET else None
                    _merge_atomic(sources, here / f"part-{tag}.parquet", meta)
            recover(out)
            removed += len(group) - 1
    return removed


def _groups(sizes: dict[str, int], target: int) -> list[list[str]]:
    """Runs of small parts (in name order) whose sizes add up to at most `target`."""
    groups, current, total = [], [], 0
    for name in sorted(n for n, size in sizes.items() if size < target):
        if current and total + sizes[name] > target:
            groups.append(current)
            current, total = [], 0
        current.append(name)
        total += sizes[name]
    groups.append(current)
    return [g for g in groups if len(g) > 1]


def _merge_atomic(sources: list[Path], path: Path, metadata: dict[bytes, bytes] | None) -> None:
    schema = pq.read_schema(sources[0]).remove_metadata()
    if metadata:
        schema = schema.with_metadata(metadata)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        for source in sources:
            writer.write_table(pq.read_table(source).replace_schema_metadata(schema.metadata))
    os.replace(tmp, path)
