"""PDF text through pypdfium2 (fast, and already under pdfplumber); page breaks kept as `\\f`.

A PDF has visual lines, not paragraphs: a line that runs to the right margin without
ending a sentence is joined to the next, so `0.3` / `7万件` at a wrap reads `0.37万件` again.
pdfplumber is only for tables, on pages that have them (`pdf_tables`), here at read time
because no later stage may open the file again.
"""
from __future__ import annotations

import re

from ..model import Document
from . import Limits, ReadError


def read_pdf(data: bytes, doc: Document, limits: Limits, password: str | None = None) -> None:
    import pypdfium2 as pdfium

    password = password if password is not None else limits.password
    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            if password:
                raise ReadError("encrypted_pdf", "the PDF is encrypted and the password given (--password) "
                                                 "does not open it") from e
            raise ReadError("encrypted_pdf", "the PDF is encrypted and needs a password (--password)") from e
        raise ReadError("bad_pdf", f"the PDF is damaged or not a PDF: {msg}") from e
    try:
        n = len(pdf)
        if n > limits.max_pdf_pages:
            raise ReadError("too_many_pages", f"the PDF has {n} pages, over the {limits.max_pdf_pages}-page limit")
        pages = []
        for i in range(n):
            page = pdf[i]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
    except pdfium.PdfiumError as e:
        raise ReadError("bad_pdf", f"the PDF is damaged: {e}") from e
    finally:
        pdf.close()
    texts = [unwrap(p.rstrip("\n")) for p in pages]
    doc.raw = "\n\f".join(texts) + "\n"
    from .pdf_tables import find_tables

    doc.source_tables = find_tables(data, texts, sep="\n\f", password=password)


SENTENCE_END = re.compile(r"[。：:；;！!？?）)”」|]\s*$")
LINE_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、]|附件|$)")


def visual_width(line: str) -> float:
    """Width in ideograph units: CJK characters count 1, others about half."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.5 for ch in line.strip())


def unwrap(page: str) -> str:
    """Joins lines that wrapped at the page's right margin back into their paragraph."""
    lines = page.split("\n")
    widths = [visual_width(line) for line in lines]
    full = max(widths, default=0)
    if full < 15:
        return page
    out = [lines[0]]
    for prev_width, line in zip(widths, lines[1:]):
        prev = out[-1]
        if prev_width >= full * 0.88 and not SENTENCE_END.search(prev) and not LINE_START.match(line):
            out[-1] = prev.rstrip() + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)
