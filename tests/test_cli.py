"""The command line and the Python API over the project's corpus: the contract's datasets,
deterministic rows, and reruns that skip what is already extracted."""
import pandas as pd
import pyarrow.dataset as ds
import pytest
from click.testing import CliRunner

import extractor
from extractor.cli import main
from extractor.schema import SCHEMAS

from conftest import FORMATS


@pytest.fixture(scope="module")
def formats_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["extract", str(FORMATS), "--out", str(out), "--workers", "2"])
    assert result.exit_code == 0, result.output
    return out, result.output


def load(out, name):
    return ds.dataset(out / name, format="parquet").to_table().to_pandas()


def test_every_dataset_is_written_with_the_contract_schema(formats_out):
    out, _ = formats_out
    for name, schema in SCHEMAS.items():
        table = ds.dataset(out / name, format="parquet").to_table()
        assert table.schema.equals(schema), name


def test_summary_and_document_rows(formats_out):
    out, output = formats_out
    assert "files 9  ok 9  partial 0  failed 0" in output
    docs = load(out, "documents").set_index("source_path")
    assert docs.loc["f004-big5.txt", "encoding"] == "big5"
    assert docs.loc["f004-big5.txt", "script"] == "hant"
    assert docs.loc["f004-pdf.pdf", "source_format"] == "pdf"
    assert pd.isna(docs.loc["f004-docx.docx", "encoding"])
    assert docs.loc["f004-doc.doc", "source_format"] == "doc"
    assert (docs.extractor_version == extractor.__version__).all()
    assert (docs.schema_version == "1").all()
    fixes = {f["fix"]: f["count"] for f in docs.loc["f004-big5.txt", "fixes"]}
    assert fixes["t2s"] > 50
    texts = load(out, "texts")
    assert len(texts) == 9 and set(texts.doc_id) == set(docs.doc_id)


def test_doc_id_is_the_hash_of_the_bytes(formats_out):
    import hashlib

    out, _ = formats_out
    docs = load(out, "documents").set_index("source_path")
    want = hashlib.sha256((FORMATS / "f004.txt").read_bytes()).hexdigest()[:16]
    assert docs.loc["f004.txt", "doc_id"] == want


def test_same_inputs_give_the_same_rows(formats_out, tmp_path):
    out, _ = formats_out
    result = CliRunner().invoke(main, ["extract", str(FORMATS), "--out", str(tmp_path), "--workers", "1"])
    assert result.exit_code == 0
    for name in SCHEMAS:
        a = load(out, name).sort_values(list(load(out, name).columns[:2])).reset_index(drop=True)
        b = load(tmp_path, name).sort_values(list(load(tmp_path, name).columns[:2])).reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b, check_like=False)


def test_rerun_skips_what_this_version_already_extracted(tmp_path):
    runner = CliRunner()
    first = runner.invoke(main, ["extract", str(FORMATS / "f004.txt"), "--out", str(tmp_path)])
    again = runner.invoke(main, ["extract", str(FORMATS), "--out", str(tmp_path)])
    assert "skipped 0" in first.output
    assert "files 9  ok 8  partial 0  failed 0  skipped 1" in again.output
    docs = load(tmp_path, "documents")
    assert len(docs) == 9 and docs.doc_id.is_unique


def test_python_api_returns_dataframes(tmp_path):
    tables = extractor.extract([FORMATS / "f004.txt", FORMATS / "f004-html.html"])
    assert set(tables) == set(SCHEMAS)
    assert len(tables["documents"]) == 2
    assert isinstance(tables["texts"], pd.DataFrame)
    assert not (tmp_path / "documents").exists()


def test_usage_error_exits_non_zero():
    result = CliRunner().invoke(main, ["extract", "/no/such/path", "--out", "x"])
    assert result.exit_code != 0
