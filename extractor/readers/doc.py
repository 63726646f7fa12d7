"""Legacy Word .doc: the text read straight from the Word 97 piece table, LibreOffice as fallback.

Word keeps a document's characters in pieces listed in the CLX of its table stream; reading
them with olefile is fast, needs no converter, and keeps the cell marks (`\\x07`) that make
tables, which LibreOffice loses when a generator wrote cells without table properties.
Files the piece table cannot explain (Word 6/95, RTF, damaged ones) go through
`soffice --convert-to docx` when LibreOffice is installed, else become an error that says so.
"""
from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

from ..model import Document, SourceTable
from . import Limits, ReadError

CELL = "\x07"
FIELD = re.compile(r"\x13[^\x13\x14\x15]*\x14([^\x13\x14\x15]*)\x15|\x13[^\x13\x14\x15]*\x15")
CONTROL = re.compile(r"[\x00-\x06\x08\x0e-\x1f]")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(path: Path, doc: Document, limits: Limits) -> None:
    data = path.read_bytes()
    try:
        text = word97_text(data)
    except (ValueError, OSError, struct.error, IndexError):
        text = None
    if text is not None:
        doc.raw, doc.source_tables = _layout(text)
    else:
        _convert_with_libreoffice(path, doc, limits)
    doc.source_format = "doc"
    doc.encoding = None


def word97_text(data: bytes) -> str | None:
    """The document's main text from its piece table, or None if this is not a Word 97+ file."""
    import olefile

    if not olefile.isOleFile(io.BytesIO(data)):
        return None
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        if not ole.exists("WordDocument"):
            return None
        word = ole.openstream("WordDocument").read()
        if len(word) < 0x1AA or struct.unpack_from("<H", word, 0)[0] != 0xA5EC:
            return None
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        if flags & 0x0100:  # fEncrypted
            raise ReadError("encrypted_doc", "the .doc is password-protected")
        table_name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(table_name):
            return None
        table = ole.openstream(table_name).read()
    ccp_text = struct.unpack_from("<i", word, 0x4C)[0]
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x01A2)
    clx = table[fc_clx:fc_clx + lcb_clx]
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: property modifiers, skipped
        pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
    if pos >= len(clx) or clx[pos] != 0x02:
        return None
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5:pos + 5 + lcb]
    n = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
    parts = []
    for i in range(n):
        fc = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
        count = cps[i + 1] - cps[i]
        if fc & 0x40000000:
            start = (fc & ~0x40000000) // 2
            parts.append(word[start:start + count].decode("cp1252", errors="replace"))
        else:
            parts.append(word[fc:fc + 2 * count].decode("utf-16-le", errors="replace"))
    text = "".join(parts)[:max(ccp_text, 0)]
    return text


def _layout(text: str) -> tuple[str, list[SourceTable]]:
    """Word's marks → lines: paragraphs end in \\r, cells in \\x07, a row in one more \\x07."""
    text = FIELD.sub(lambda m: m.group(1) or "", text)
    text = text.replace("\x0b", "\n").replace("\x0c", "\n\f").replace("\r", "\n")
    text = CONTROL.sub("", text)
    out: list[str] = []
    tables: list[SourceTable] = []
    length = 0
    for chunk in re.split(r"((?:[^\n\x07]*\x07)+\x07)", text):
        if CELL not in chunk:
            out.append(chunk)
            length += len(chunk)
            continue
        rows = _rows(chunk)
        rendered = "".join(" | ".join(r) + " |\n" for r in rows)
        if out and not out[-1].endswith("\n"):
            out.append("\n")
            length += 1
        tables.append(SourceTable(rows=rows, start=length, end=length + len(rendered)))
        out.append(rendered)
        length += len(rendered)
    return "".join(out), tables


def _rows(chunk: str) -> list[list[str]]:
    """Cells of a table run, cut into rows.

    A row ends in one more, empty, mark; an empty cell looks the same, so the cut is
    ambiguous. The width whose rows most often end where a width-long row would wins; a row
    that does not fit it (a merged title row) ends at its first empty mark, and a single
    merged cell is repeated across the row as the .docx reader does.
    """
    marks = chunk.split(CELL)[:-1]
    _, spans, width = max((_cuts(marks, w) + (w,) for w in range(1, min(len(marks), 64) + 1)),
                          key=lambda c: c[0])
    out = []
    for i, end in spans:
        row = [" ".join(c.split()) for c in marks[i:end]]
        if any(row):
            out.append(row * width if len(row) == 1 else row + [""] * (width - len(row)))
    return out


def _cuts(marks: list[str], width: int) -> tuple[int, list[tuple[int, int]]]:
    """Rows of `width` cells where the mark after them is empty (a row end), each such row
    scoring one and each that needs its own end minus one; the rows' (start, end)."""
    spans, fit, i = [], 0, 0
    while i < len(marks):
        end = i + width
        if end < len(marks) and marks[end] == "":
            fit += 1
        else:
            fit -= 1
            end = next((j for j in range(i + 1, len(marks)) if marks[j] == ""), len(marks))
        spans.append((i, end))
        i = end + 1
    return fit, spans


def _convert_with_libreoffice(path: Path, doc: Document, limits: Limits) -> None:
    from .docx import read_docx

    exe = soffice()
    if exe is None:
        raise ReadError("no_converter", "this .doc is not a Word 97+ file the built-in reader understands, and "
                                        "LibreOffice (soffice), needed to convert it, is not installed")
    with tempfile.TemporaryDirectory(prefix="extractor-doc-") as tmp:
        tmp = Path(tmp)
        src = tmp / "in.doc"
        shutil.copyfile(path, src)
        cmd = [exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp / "out"), str(src)]
        try:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=limits.convert_timeout, check=False)
        except subprocess.TimeoutExpired as e:
            raise ReadError("convert_timeout", f"LibreOffice did not convert the .doc within {limits.convert_timeout:.0f} s") from e
        out = tmp / "out" / "in.docx"
        if not out.exists():
            raise ReadError("bad_doc", "LibreOffice could not convert this .doc (damaged or not a Word file)")
        read_docx(out.read_bytes(), doc, limits)
    from .text import han_commonness

    sample = doc.raw[:20_000]
    ascii_share = sum(1 for ch in sample if " " <= ch <= "~" or ch in "\t\n\r\f") / max(1, len(sample))
    if sample.strip() and han_commonness(sample) < 0.6 and ascii_share < 0.9:
        # LibreOffice opens almost anything, junk included, as text
        raise ReadError("bad_doc", "LibreOffice read this .doc only as unreadable characters (damaged or not a Word file)")
