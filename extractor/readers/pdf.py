"""PDF text through pypdfium2 (fast, and already under pdfplumber); page breaks kept as `\\f`.

pdfplumber is only for tables, in the table stage, on pages that have them.
"""
from __future__ import annotations

from ..model import Document
from . import Limits, ReadError


def read_pdf(data: bytes, doc: Document, limits: Limits, password: str | None = None) -> None:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            raise ReadError("encrypted_pdf", "the PDF is encrypted and needs a password") from e
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
    doc.raw = "\n\f".join(p.rstrip("\n") for p in pages) + "\n"
