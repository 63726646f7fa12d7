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
    ambiguous. The width whose rows most often end where a width-long row would wins. A row
    ends early (a merged title row, the upper row of a two-row header whose cell spans
    several below) where the row after it then fits that width. A single merged cell is
    repeated across the row as the .docx reader does, and so is a header cell over the
    cells it spans.
    """
    marks = chunk.split(CELL)[:-1]
    width = max(range(1, min(len(marks), 64) + 1), key=lambda w: _cuts(marks, w))
    rows = [[" ".join(c.split()) for c in marks[i:end]] for i, end in _spans(marks, width)]
    rows = [r for r in rows if any(r)]
    out = []
    for k, row in enumerate(rows):
        below = rows[k + 1] if k + 1 < len(rows) else None
        if len(row) == 1:
            out.append(row * width)
        elif len(row) < width and below is not None and len(below) == width and (spread := _over(row, below)):
            out.append(spread)
            rows[k + 1] = [c or spread[j] for j, c in enumerate(below)]   # (cells merged down)
        else:
            out.append(row + [""] * (width - len(row)))
    return out


def _cuts(marks: list[str], width: int) -> int:
    """How well `width` cuts the cells into rows: each row of `width` cells that the mark
    after it ends (an empty one) scores one, each that needs its own end minus one."""
    fit, i = 0, 0
    while i < len(marks):
        end = i + width
        if end < len(marks) and marks[end] == "":
            fit += 1
        else:
            fit -= 1
            end = _first_end(marks, i)
        i = end + 1
    return fit


def _first_end(marks: list[str], i: int) -> int:
    """The first empty mark after the row starting at `i` (the row's own end), else the last."""
    return next((j for j in range(i + 1, len(marks)) if marks[j] == ""), len(marks))


def _spans(marks: list[str], width: int) -> list[tuple[int, int]]:
    """The rows' (start, end) for the table's width: a full row where the row after it fits
    too, else the longest shorter one after which it does, else the full row or the first end."""
    def ends_at(j: int) -> bool:
        return j >= len(marks) or marks[j] == ""

    def next_fits(end: int) -> bool:
        return end + 1 >= len(marks) or ends_at(end + 1 + width)

    spans, i = [], 0
    while i < len(marks):
        full = i + width
        if ends_at(full) and next_fits(full):
            end = full
        else:
            end = next((j for j in range(i + width - 1, i, -1) if marks[j] == "" and next_fits(j)), None)
            if end is None:
                end = full if ends_at(full) else _first_end(marks, i)
        spans.append((i, min(end, len(marks))))
        i = end + 1
    return spans


def _over(upper: list[str], lower: list[str]) -> list[str] | None:
    """The upper row of a two-row header spread over the lower's columns: a cell stands over
    an empty one below (merged down), or spans a run of sub-headings; None if that does not
    account for every cell. Upper cells that share the last run of sub-headings share it
    evenly (`抽查情况` and `不合格类型` over four: two each); over earlier runs each takes as
    many as the cells left over allow."""
    out: list[str] = []
    spare = len(lower) - len(upper)
    k = j = 0
    while j < len(lower):
        if k >= len(upper):
            return None
        if lower[j] == "":
            out.append(upper[k])
            j += 1
            k += 1
            continue
        run = next((m for m in range(j, len(lower)) if lower[m] == ""), len(lower)) - j
        rest = lower[j + run:]
        if not any(rest):
            # (the uppers left, but those over the merged-down cells after, stand over this last run)
            sharing = len(upper) - k - len(rest)
            if not 0 < sharing <= run:
                return None
            for n, size in enumerate(_shares(upper[k:k + sharing], lower[j:j + run])):
                out.extend([upper[k + n]] * size)
            k, j, spare = k + sharing, j + run, 0
            continue
        span = min(run, spare + 1)
        out.extend([upper[k]] * span)
        spare -= span - 1
        j += span
        k += 1
    return out if k == len(upper) and spare == 0 else None


def _shares(uppers: list[str], subs: list[str]) -> list[int]:
    """How many of the sub-headings `subs` each of `uppers` stands over, in order (a .doc keeps
    no cell widths to say): a group ends after a rate (`抽查件数 合格件数 合格率 | 虚假办结…`),
    one starts at a sub-heading sharing words with its heading (`… | 整改到位件数 整改率`
    under 整改情况), and what is still unsaid is shared evenly."""
    def words(s: str) -> set[str]:
        return {s[i:i + 2] for i in range(len(s) - 1)}

    needed = len(uppers) - 1
    cuts = [p for p in range(1, len(subs)) if subs[p - 1].endswith("率")][:needed]
    for u in uppers[1:]:
        if len(cuts) < needed:
            cuts += [p for p in range(1, len(subs)) if p not in cuts and words(subs[p]) & words(u)
                     and not words(subs[p - 1]) & words(u)][:1]
    cuts = sorted(cuts)
    while len(cuts) < needed:   # (halve the widest group left)
        bounds = [0, *cuts, len(subs)]
        a, b = max(zip(bounds, bounds[1:]), key=lambda ab: ab[1] - ab[0])
        if b - a < 2:
            break
        cuts = sorted(cuts + [a + (b - a + 1) // 2])
    bounds = [0, *cuts, len(subs)]
    return [b - a for a, b in zip(bounds, bounds[1:])]


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
