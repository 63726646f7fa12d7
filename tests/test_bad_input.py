"""Bad input never crashes a run and never disappears: every file is a documents or errors row.
(External entities and the other hostile kinds are in tests/hostile/.)

The hostile files are built here at test time; nothing large is kept in git.
"""
import io
import os
import random
import zipfile

import pandas as pd
import pytest
from click.testing import CliRunner

from extractor.cli import main
from extractor.readers import ReadError, read

from conftest import FORMATS


def zip_with(member: str, data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(member, data)
    return buf.getvalue()


def encrypted_pdf(path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.drawString(72, 720, "12345 hotline 1416")
    c.save()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    pdf = (FORMATS / "f004-pdf.pdf").read_bytes()
    files = {
        "empty.txt": b"",
        "blank.txt": b" \n\t\n",
        "junk.bin": bytes(range(256)) * 64,
        "random.txt": random.Random(7).randbytes(4096).replace(b"\x00", b"\x01"),
        "truncated.pdf": pdf[: len(pdf) // 3],
        "corrupt.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage garbage",
        "not-a-zip.docx": b"PK\x03\x04" + random.Random(8).randbytes(512),
        "zip-without-word.docx": zip_with("hello.txt", b"hello"),
        "bomb.docx": zip_with("word/document.xml", b" " * (40 * 2**20)),
        "name with spaces.txt": "受理诉求1416件".encode("utf-8"),
        "line\nbreak.txt": "办结率100%".encode("utf-8"),
        "名称.txt": "满意率95.6%".encode("gb18030"),
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    encrypted_pdf(d / "encrypted.pdf")
    with open(d / "huge.txt", "wb") as f:  # sparse: 200 MB on paper, nothing on disk
        f.truncate(200 * 2**20)
    (d / "sub").mkdir()
    os.symlink(d, d / "sub" / "loop")
    os.symlink(d / "a-link", d / "b-link")
    os.symlink(d / "b-link", d / "a-link")
    return d


EXPECTED_ERRORS = {
    "empty.txt": "empty", "blank.txt": "empty", "junk.bin": "binary", "random.txt": "undecodable",
    "corrupt.pdf": "bad_pdf", "not-a-zip.docx": "bad_docx", "zip-without-word.docx": "bad_docx",
    "bomb.docx": "zip_bomb", "encrypted.pdf": "encrypted_pdf", "huge.txt": "too_large",
    "sub/loop": "linked_folder", "a-link": "unreadable", "b-link": "unreadable",
}


@pytest.fixture(scope="module")
def run(hostile, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["extract", str(hostile), "--out", str(out), "--workers", "2"])
    return result, out


def test_the_run_finishes_and_exits_zero(run):
    result, _ = run
    assert result.exit_code == 0, result.output
    assert "files 17" in result.output


def test_every_file_is_a_documents_row_or_an_errors_row(run, hostile):
    _, out = run
    docs = pd.read_parquet(out / "documents")
    errors = pd.read_parquet(out / "errors")
    accounted = set(docs.source_path) | set(errors.source_path)
    assert len(accounted) == 17
    assert not set(docs.source_path) & set(errors.source_path)
    assert {"name with spaces.txt", "line\nbreak.txt", "名称.txt"} <= set(docs.source_path)


@pytest.mark.parametrize("name, code", sorted(EXPECTED_ERRORS.items()))
def test_each_hostile_file_has_a_clear_error(run, name, code):
    _, out = run
    errors = pd.read_parquet(out / "errors").set_index("source_path")
    row = errors.loc[name]
    assert row.error == code
    assert row.stage == "read"
    assert len(row.message) > 10 and "Traceback" not in row.message


def test_truncated_pdf_is_read_as_far_as_it_goes_or_refused(run):
    _, out = run
    docs = pd.read_parquet(out / "documents")
    errors = pd.read_parquet(out / "errors")
    assert ("truncated.pdf" in set(docs.source_path)) != ("truncated.pdf" in set(errors.source_path))


def test_zip_bomb_is_refused_by_its_declared_size(hostile):
    with pytest.raises(ReadError, match="unpack to 40 MB"):
        read(hostile / "bomb.docx")


def test_too_large_is_refused_before_reading(hostile):
    with pytest.raises(ReadError, match="200 MB"):
        read(hostile / "huge.txt")
