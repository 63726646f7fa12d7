"""The Arrow schemas of the output contract: every write goes through these.

Column names and types follow the contract (schema version 1); columns beyond it are
additions (`raw_start`/`raw_end` trace a figure to the original characters).
"""
from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "1"

FIX = pa.struct([("fix", pa.string()), ("count", pa.int64())])

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", pa.string()), ("source_path", pa.string()), ("source_format", pa.string()),
        ("encoding", pa.string()), ("script", pa.string()), ("fixes", pa.list_(FIX)),
        ("title", pa.string()), ("doc_number", pa.string()), ("issue_no", pa.string()),
        ("issuer", pa.string()), ("issue_date", pa.date32()), ("published_date", pa.date32()),
        ("period_start", pa.date32()), ("period_end", pa.date32()), ("period_label", pa.string()),
        ("province", pa.string()), ("city", pa.string()), ("county", pa.string()), ("admin_code", pa.string()),
        ("n_figures", pa.int32()), ("n_tables", pa.int32()), ("status", pa.string()),
        ("extractor_version", pa.string()), ("schema_version", pa.string()),
    ]),
    "texts": pa.schema([("doc_id", pa.string()), ("text", pa.string())]),
    "figures": pa.schema([
        ("doc_id", pa.string()), ("figure_id", pa.int32()), ("metric", pa.string()), ("value", pa.float64()),
        ("unit", pa.string()), ("category", pa.string()), ("entity", pa.string()), ("channel", pa.string()),
        ("approx", pa.bool_()), ("section", pa.string()), ("text", pa.string()),
        ("start", pa.int64()), ("end", pa.int64()), ("pattern", pa.string()),
        ("raw_start", pa.int64()), ("raw_end", pa.int64()),
    ]),
    "tables": pa.schema([
        ("doc_id", pa.string()), ("table_id", pa.int32()), ("title", pa.string()), ("annex", pa.string()),
        ("unit_note", pa.string()), ("note", pa.string()), ("layout", pa.string()),
        ("n_rows", pa.int32()), ("n_cols", pa.int32()), ("columns", pa.list_(pa.string())),
        ("start", pa.int64()), ("end", pa.int64()),
    ]),
    "cells": pa.schema([
        ("doc_id", pa.string()), ("table_id", pa.int32()), ("row", pa.int32()), ("col", pa.int32()),
        ("row_label", pa.string()), ("column", pa.string()), ("raw", pa.string()), ("value", pa.float64()),
        ("unit", pa.string()), ("is_total", pa.bool_()),
    ]),
    "checks": pa.schema([
        ("doc_id", pa.string()), ("check", pa.string()), ("subject", pa.string()), ("status", pa.string()),
        ("expected", pa.float64()), ("actual", pa.float64()), ("detail", pa.string()),
    ]),
    "errors": pa.schema([
        ("source_path", pa.string()), ("doc_id", pa.string()), ("stage", pa.string()),
        ("error", pa.string()), ("message", pa.string()), ("extractor_version", pa.string()),
    ]),
}

DATASETS = tuple(SCHEMAS)


def to_table(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts) → a typed Arrow table; missing keys are null, unknown keys are an error."""
    schema = SCHEMAS[name]
    extra = {k for r in rows for k in r} - set(schema.names)
    if extra:
        raise ValueError(f"{name}: columns not in the schema: {sorted(extra)}")
    return pa.Table.from_pylist(rows, schema=schema)
