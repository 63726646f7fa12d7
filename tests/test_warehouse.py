"""Warehouse output: Hive partitions, compaction that survives a kill, DuckDB views, and the
Dask engine writing the same rows as the local one."""
import json

import pandas as pd
import pyarrow.parquet as pq
from click.testing import CliRunner

from extractor.cli import main
from extractor.schema import DATASETS
from extractor.write import REPLACES_KEY, compact, read_dataset, recover

from conftest import CORPUS, FORMATS


def extract(*args):
    result = CliRunner().invoke(main, ["extract", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def frame(out, name):
    df = read_dataset(out, name).to_pandas()
    df = df[[c for c in df.columns if c not in ("year", "province")]]
    key = [c for c in ("doc_id", "figure_id", "table_id", "row", "col", "check", "subject", "source_path") if c in df.columns]
    return df.sort_values(key).reset_index(drop=True)


def parts(out, name):
    return sorted((out / name).rglob("part-*.parquet"))


def test_partition_by_year_writes_hive_folders_for_every_dataset(tmp_path):
    extract(CORPUS, "--out", tmp_path, "--partition-by", "year", "--workers", "1")
    docs = read_dataset(tmp_path, "documents").to_pandas()
    assert (tmp_path / "documents" / "year=2023").is_dir()
    dated = docs[docs.issue_date.notna()]
    assert len(dated) and (dated.year == dated.issue_date.map(lambda d: str(d.year))).all()
    # a circular with no date at all is in the null partition, its year null, not a float NaN
    undated = docs[docs.issue_date.isna() & docs.period_start.isna() & docs.published_date.isna()]
    assert undated.year.isna().all() and docs.year.dropna().str.fullmatch(r"\d{4}").all()
    figures = read_dataset(tmp_path, "figures").to_pandas()
    by_doc = docs.set_index("doc_id").year
    assert (figures.year.fillna("") == figures.doc_id.map(by_doc).fillna("")).all()


def test_partition_by_province_keeps_the_column_readable(tmp_path):
    extract(CORPUS, "--out", tmp_path, "--partition-by", "province", "--workers", "1")
    docs = read_dataset(tmp_path, "documents").to_pandas()
    assert any(p.name.startswith("province=") for p in (tmp_path / "documents").iterdir())
    assert "青海省" in set(docs.province.dropna().astype(str))


def test_a_folder_keeps_one_layout(tmp_path):
    extract(FORMATS / "f004.txt", "--out", tmp_path)
    result = CliRunner().invoke(main, ["extract", str(FORMATS), "--out", str(tmp_path), "--partition-by", "year"])
    assert result.exit_code == 2 and "partition_by" in result.output


def test_small_parts_are_compacted_into_one_per_dataset(tmp_path):
    extract(FORMATS, "--out", tmp_path, "--batch", "2", "--no-compact", "--workers", "1")
    before = {name: frame(tmp_path, name) for name in DATASETS}
    assert len(parts(tmp_path, "documents")) == 5
    assert compact(tmp_path) == 4
    for name in DATASETS:
        assert len(parts(tmp_path, name)) == 1
        pd.testing.assert_frame_equal(frame(tmp_path, name), before[name])


def test_a_compaction_killed_after_its_commit_mark_is_finished_by_the_next_run(tmp_path):
    extract(FORMATS, "--out", tmp_path, "--batch", "3", "--no-compact", "--workers", "1")
    before = {name: frame(tmp_path, name) for name in DATASETS}
    old = [p.name for p in parts(tmp_path, "documents")]
    compact(tmp_path)
    merged = parts(tmp_path, "documents")[0]
    # put the replaced parts back, as if the process died before deleting them
    table = pq.read_table(merged)
    for name in old:
        pq.write_table(table.slice(0, 0), tmp_path / "documents" / name)
    assert json.loads(pq.read_schema(merged).metadata[REPLACES_KEY]) == old
    recover(tmp_path)
    assert parts(tmp_path, "documents") == [merged]
    for name in DATASETS:
        pd.testing.assert_frame_equal(frame(tmp_path, name), before[name])


def test_rerun_adds_only_new_files_without_duplicates(tmp_path):
    extract(FORMATS / "f004.txt", FORMATS / "f004-html.html", "--out", tmp_path)
    output = extract(FORMATS, "--out", tmp_path)
    assert "skipped 2" in output
    docs = read_dataset(tmp_path, "documents").to_pandas()
    assert len(docs) == 9 and docs.doc_id.is_unique
    texts = read_dataset(tmp_path, "texts").to_pandas()
    assert len(texts) == 9


def test_query_runs_sql_over_the_views(tmp_path):
    extract(FORMATS, "--out", tmp_path, "--partition-by", "year")
    result = CliRunner().invoke(main, ["query", str(tmp_path), "select source_format, count(*) as n from documents group by 1 order by 1", "--csv"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0] == "source_format,n"
    assert "txt,5" in lines and "pdf,1" in lines
    bad = CliRunner().invoke(main, ["query", str(tmp_path), "select nope from documents"])
    assert bad.exit_code == 1 and "nope" in bad.output


def test_dask_engine_writes_the_same_rows_as_the_local_engine(tmp_path):
    local, dask = tmp_path / "local", tmp_path / "dask"
    extract(FORMATS, CORPUS / "d017-doc.doc", "--out", local, "--workers", "2")
    extract(FORMATS, CORPUS / "d017-doc.doc", "--out", dask, "--engine", "dask", "--workers", "2")
    for name in DATASETS:
        pd.testing.assert_frame_equal(frame(local, name), frame(dask, name))
    assert len(frame(dask, "documents")) == 10


def test_compaction_groups_parts_up_to_a_target_size(tmp_path):
    extract(FORMATS, "--out", tmp_path, "--batch", "1", "--no-compact", "--workers", "1")
    before = {name: frame(tmp_path, name) for name in DATASETS}
    per_batch = {}
    for name in DATASETS:
        for p in parts(tmp_path, name):
            per_batch[p.name] = per_batch.get(p.name, 0) + p.stat().st_size
    # a target that fits a few batches, not all eight
    compact(tmp_path, target_bytes=3 * max(per_batch.values()))
    assert 1 < len(parts(tmp_path, "documents")) < 8
    for name in DATASETS:
        pd.testing.assert_frame_equal(frame(tmp_path, name), before[name])
