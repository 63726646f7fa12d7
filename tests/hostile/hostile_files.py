"""Builds the hostile input set at test time (nothing large is kept in git).

    python tests/hostile/hostile_files.py DIR     # writes the files into DIR and lists them

`build(folder)` returns {relative path: expectation}; an expectation is a set of acceptable
outcomes, each `"doc"` (a documents row) or an `errors.error` code. `KINDS` names the kinds of
hostile input (several files may try one kind).
"""
from __future__ import annotations

import io
import os
import random
import struct
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "corpus" / "formats"
SECRET = "TOP-SECRET-LINE"
TEXT = "二、数据分析\n本月热线共受理群众诉求1416件，办结率98.5%，满意率97.2%。\n"


def _docx_with(transform) -> bytes:
    src = zipfile.ZipFile(FORMATS / "f004-docx.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = transform(data.decode("utf-8")).encode("utf-8")
            out.writestr(info, data)
    return buf.getvalue()


def _with_doctype(xml: str, subset: str, body_ref: str) -> str:
    head, rest = xml.split("?>", 1)
    return head + f"?><!DOCTYPE w:document [{subset}]>" + rest.replace("二、数据分析", "二、数据分析" + body_ref, 1)


LAUGHS = '<!ENTITY a "AAAAAAAAAA">' + "".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _lying_zip() -> bytes:
    """A .docx whose directory claims a small document.xml that really inflates to 60 MB."""
    data = bytearray(_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<" * (60 * 2**20)}))
    for sig, size_at, name_len_at, name_at in ((b"PK\x01\x02", 24, 28, 46), (b"PK\x03\x04", 22, 26, 30)):
        pos = 0
        while (pos := data.find(sig, pos)) >= 0:
            n = struct.unpack_from("<H", data, pos + name_len_at)[0]
            if data[pos + name_at:pos + name_at + n] == b"word/document.xml":
                struct.pack_into("<I", data, pos + size_at, 4096)
            pos += 4
    return bytes(data)


def _pdf(pages: int, encrypt: str | None = None) -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption(encrypt, canPrint=0) if encrypt else None)
    for i in range(pages):
        c.drawString(72, 720, f"12345 hotline {i}")
        c.showPage()
    c.save()
    return buf.getvalue()


KINDS = {
    "empty": "empty or whitespace-only files",
    "random": "random bytes and binary junk",
    "nul": "NUL bytes in text (early: binary; late: kept out of the way)",
    "long_line": "a single line of many megabytes",
    "zip_bomb": "a zip bomb refused by its declared ratio",
    "zip_lie": "a zip whose directory lies about the unpacked size",
    "not_zip": "a .docx that is not a zip, or a zip that is not a .docx",
    "xml_entities": "XML entity expansion (billion laughs) in a .docx and in a page",
    "xxe": "XML external entities (a local secret file) in a .docx and in a page",
    "deep_html": "100,000 nested <div>s",
    "span_bomb": "an html table whose rowspan/colspan would expand to millions of cells",
    "many_pages": "a PDF with more pages than the page cap",
    "encrypted": "an encrypted PDF",
    "bad_pdf": "truncated and corrupt PDFs",
    "fake_doc": "an OLE (.doc) header followed by junk",
    "ext_lie": "files that lie about their extension",
    "unreadable": "dangling links, unreadable permissions, a fifo",
    "symlink_loop": "symlink loops (file and folder)",
    "odd_names": "names with spaces, newlines, non-UTF-8 bytes, a leading dash, 200 characters",
    "too_large": "a (sparse) file over the size limit",
    "odd_unicode": "UTF-16 of odd length, a BOM alone",
}


def build(d: Path) -> dict[str, set[str]]:
    d = Path(d)
    d.mkdir(parents=True, exist_ok=True)
    secret = d.parent / f"{d.name}-secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    pdf = (FORMATS / "f004-pdf.pdf").read_bytes()
    html = (FORMATS / "f004-html.html").read_bytes()
    docx = (FORMATS / "f004-docx.docx").read_bytes()
    rnd = random.Random(7)
    body = TEXT.encode("utf-8")
    files: dict[str, tuple[bytes, set[str]]] = {
        "empty.txt": (b"", {"empty"}),
        "blank.txt": (b" \n\t\n", {"empty"}),
        "random.bin": (rnd.randbytes(8192), {"binary", "undecodable"}),
        "junk.txt": (bytes(range(256)) * 64, {"binary"}),
        "nul-early.txt": (b"\x00\x00\x00" + body, {"binary"}),
        "nul-late.txt": (body * 3000 + b"\x00\x00abc\x00" + body, {"doc"}),
        # no digits: normalise and segment run over it, the figures stage has nothing to do
        "long-line.txt": ("各单位要高度重视热线工作，" * 700_000).encode("utf-8"),
        "bomb.docx": (_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * (40 * 2**20)}), {"zip_bomb"}),
        "lying-zip.docx": (_lying_zip(), {"bad_docx"}),
        "not-a-zip.docx": (b"PK\x03\x04" + rnd.randbytes(512), {"bad_docx"}),
        "zip-without-word.docx": (_zip({"hello.txt": b"hello"}), {"bad_docx"}),
        "laughs.docx": (_docx_with(lambda x: _with_doctype(x, LAUGHS, "&j;")), {"bad_docx", "doc"}),
        "xxe.docx": (_docx_with(lambda x: _with_doctype(x, f'<!ENTITY xxe SYSTEM "file://{secret}">', "&xxe;")), {"doc", "bad_docx"}),
        "laughs.html": (f'<?xml version="1.0"?><!DOCTYPE html [{LAUGHS}]><html><body><p>&j;</p><p>{TEXT}</p></body></html>'.encode(), {"doc"}),
        "xxe.html": (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><html><body><p>&x;</p><p>{TEXT}</p></body></html>'.encode(), {"doc"}),
        "deep.html": (b"<html><body>" + b"<div>" * 100_000 + body + b"</div>" * 100_000 + b"</body></html>", {"doc"}),
        "span-bomb.html": (b"<html><body><table>" + (b"<tr>" + b'<td rowspan="100" colspan="100">1</td>' * 100 + b"</tr>") * 30
                           + b"</table></body></html>", {"too_large"}),
        "many-pages.pdf": (_pdf(600), {"too_many_pages"}),
        "encrypted.pdf": (_pdf(1, encrypt="secret"), {"encrypted_pdf"}),
        "truncated.pdf": (pdf[: len(pdf) // 3], {"doc", "bad_pdf", "no_text"}),
        "corrupt.pdf": (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage garbage", {"bad_pdf"}),
        "fake.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rnd.randbytes(4096), {"bad_doc", "no_converter", "convert_timeout"}),
        "pdf-named.txt": (pdf, {"doc"}),
        "docx-named.pdf": (docx, {"doc"}),
        "html-named.docx": (html, {"doc"}),
        "text-named.html": (body, {"doc"}),
        "name with spaces.txt": (body, {"doc"}),
        "line\nbreak.txt": (body, {"doc"}),
        "-leading-dash.txt": (body, {"doc"}),
        ("长" * 60) + ".txt": (body, {"doc"}),
        "utf16-odd.txt": (TEXT.encode("utf-16-le") + b"\x00", {"doc", "binary", "undecodable"}),
        "bom-only.txt": (b"\xef\xbb\xbf", {"empty", "no_text"}),
    }
    expected: dict[str, set[str]] = {}
    for name, (data, outcome) in {k: (v if isinstance(v, tuple) else (v, {"doc"})) for k, v in files.items()}.items():
        (d / name).write_bytes(data)
        expected[name] = outcome
    raw_name = os.fsencode(d) + b"/bad-\xff\xfe-bytes.txt"  # not UTF-8: stored as U+FFFD
    with open(raw_name, "wb") as f:
        f.write(body)
    expected["bad-\ufffd\ufffd-bytes.txt"] = {"doc"}
    with open(d / "huge.txt", "wb") as f:  # sparse: 200 MB on paper, nothing on disk
        f.truncate(200 * 2**20)
    expected["huge.txt"] = {"too_large"}
    (d / "locked.txt").write_bytes(body)
    os.chmod(d / "locked.txt", 0)
    expected["locked.txt"] = {"unreadable"} if os.geteuid() != 0 else {"doc", "unreadable"}  # root reads anything
    os.mkfifo(d / "fifo.txt")
    expected["fifo.txt"] = {"not_a_file"}
    os.symlink(d / "nowhere.txt", d / "dangling.txt")
    expected["dangling.txt"] = {"unreadable"}
    (d / "sub").mkdir()
    os.symlink(d, d / "sub" / "loop")
    expected["sub/loop"] = {"linked_folder"}
    os.symlink(d / "b-link", d / "a-link")
    os.symlink(d / "a-link", d / "b-link")
    expected["a-link"] = expected["b-link"] = {"unreadable"}
    return expected


def slow_and_greedy(d: Path) -> None:
    """Files for the limit tests: a big, ordinary-looking circular (20 MB of report lines: many
    seconds of work, several hundred MB of memory) and a small one that must still come out."""
    d.mkdir(parents=True, exist_ok=True)
    line = "各区县热线受理诉求1416件，办结率98.5%，满意率97.2%。\n"
    (d / "a-big.txt").write_text(line * (20_000_000 // len(line.encode())), encoding="utf-8")
    for i in range(4):
        (d / f"b-small-{i}.txt").write_text(TEXT, encoding="utf-8")


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-set")
    for name, outcome in sorted(build(out).items()):
        print(f"{name!r:60} {sorted(outcome)}")
