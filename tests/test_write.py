"""Parquet writing: atomic parts, and leftovers of a killed run removed before the next."""
import pandas as pd
import pyarrow.parquet as pq

from extractor.schema import DATASETS
from extractor.write import DatasetWriter, done_ids


def rows(doc_id: str) -> dict[str, list[dict]]:
    return {"documents": [{"doc_id": doc_id, "source_path": f"{doc_id}.txt", "extractor_version": "v1"}],
            "texts": [{"doc_id": doc_id, "text": "受理1416件"}],
            "figures": [{"doc_id": doc_id, "figure_id": 0, "metric": "volume", "value": 1416.0}]}


def test_batches_become_parts_and_every_dataset_exists(tmp_path):
    w = DatasetWriter(tmp_path, batch_docs=2)
    for i in range(5):
        w.add(rows(f"d{i}"))
    w.close()
    assert len(list((tmp_path / "documents").glob("part-*.parquet"))) == 3
    assert len(pd.read_parquet(tmp_path / "figures")) == 5
    for name in DATASETS:
        assert (tmp_path / name).is_dir()
    assert done_ids(tmp_path, "v1") == {f"d{i}" for i in range(5)}
    assert done_ids(tmp_path, "v2") == set()


def test_parts_of_a_batch_whose_documents_never_landed_are_removed(tmp_path):
    w = DatasetWriter(tmp_path)
    w.add(rows("a"))
    w.close()
    # a killed run: its figures part and a temporary file were written, its documents part not
    orphan = tmp_path / "figures" / "part-0000000000000000.parquet"
    pq.write_table(pq.read_table(next((tmp_path / "figures").glob("part-*.parquet"))), orphan)
    (tmp_path / "texts" / ".part-x.parquet.123.tmp").write_bytes(b"half")
    DatasetWriter(tmp_path).close()
    assert not orphan.exists()
    assert not list((tmp_path / "texts").glob(".*.tmp"))
    assert len(pd.read_parquet(tmp_path / "figures")) == 1
