"""DuckDB over an output folder: one view per dataset, partitions included."""
from __future__ import annotations

from pathlib import Path

from .schema import DATASETS


def connect(out):
    """An in-memory DuckDB connection with a view per dataset found under `out`."""
    import duckdb

    con = duckdb.connect()
    out = Path(out)
    for name in DATASETS:
        if any((out / name).rglob("part-*.parquet")):
            pattern = (out / name / "**" / "*.parquet").as_posix().replace("'", "''")
            con.execute(f"create view {name} as select * from read_parquet('{pattern}', hive_partitioning = true, union_by_name = true)")
    return con
