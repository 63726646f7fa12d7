"""Word .docx: paragraphs and tables in document order, headings kept as their own lines.

The zip is inspected before python-docx opens it, so a zip bomb is refused by its declared
sizes; python-docx's XML parser does not resolve entities.
"""
from __future__ import annotations

import io
import zipfile

from ..model import Document, SourceTable
from . import Limits, ReadError


def check_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise ReadError("bad_docx", f"not a valid .docx (the zip container is damaged: {e})") from e
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > limits.max_unzipped_bytes or total / packed > limits.max_zip_ratio and total > 10 * 2**20:
        raise ReadError("zip_bomb", f"refused: the .docx would unpack to {total / 2**20:.0f} MB "
                                    f"({total / packed:.0f}× its packed size)")
    if "word/document.xml" not in zf.namelist():
        raise ReadError("bad_docx", "a zip file, but not a Word document (no word/document.xml)")
    return zf


def read_docx(data: bytes, doc: Document, limits: Limits) -> None:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_zip(data, limits)
    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds on damaged parts
        raise ReadError("bad_docx", f"the .docx could not be opened: {type(e).__name__}: {e}") from e
    parts: list[str] = []
    length = 0
    tables: list[SourceTable] = []

    def emit(s: str) -> None:
        nonlocal length
        parts.append(s)
        length += len(s)

    for item in d.iter_inner_content():
        if isinstance(item, Paragraph):
            emit(item.text.replace("\r", "") + "\n")
        elif isinstance(item, Table):
            rows = table_rows(item)
            if not rows:
                continue
            start = length
            for row in rows:
                emit(" | ".join(row) + " |\n")
            tables.append(SourceTable(rows=rows, start=start, end=length, header_rows=_header_rows(item)))
    doc.raw = "".join(parts)
    doc.source_tables = tables


def table_rows(table) -> list[list[str]]:
    """Rows of cell text; merged cells come back repeated, as python-docx expands them."""
    rows = []
    for row in table.rows:
        cells = [" ".join(c.text.split()).replace("|", "｜") for c in row.cells]
        if any(cells):
            rows.append(cells)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _header_rows(table) -> int:
    """Rows marked as repeating headers in Word, else 1."""
    n = 0
    for row in table.rows:
        trPr = row._tr.trPr
        if trPr is not None and trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None:
            n += 1
        else:
            break
    return max(n, 1)
