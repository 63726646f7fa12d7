"""Read stage: bytes on disk → a `Document` with raw text (and structured tables).

The format is decided by content (magic bytes, then sniffing), the extension only breaks
ties, because archives are full of `.doc` files that are html and `.txt` files that are pdf.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..model import Document


class ReadError(Exception):
    """A file that cannot be read, with a short `code` and a message a person understands."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Limits:
    """Caps that keep one hostile file from taking the machine."""

    max_file_bytes: int = 64 * 1024 * 1024
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_zip_ratio: int = 200
    max_pdf_pages: int = 500
    max_text_chars: int = 20_000_000
    convert_timeout: float = 120.0
    timeout: float = 120.0          # seconds one file may take through all stages (worker ended after)
    max_memory_mb: int = 2048       # address space of a worker process (0: no limit)
    password: str | None = None     # tried on encrypted PDFs


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<table", b"<p>", b"<p ", b"<title", b"<!--")


def sniff(head: bytes, suffix: str) -> str:
    """Names the format from the first bytes of a file: txt, html, pdf, docx, doc (or zip)."""
    if head.startswith(b"%PDF-") or (b"%PDF-" in head[:1024] and suffix == ".pdf"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "docx"
    if head.startswith(OLE_MAGIC):
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "doc"
    lowered = _ascii_view(head[:4096]).lower().lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    if lowered.startswith(b"<?xml"):
        lowered = lowered[lowered.find(b"?>") + 2:].lstrip()
    if lowered.startswith(HTML_START):
        return "html"
    if suffix in (".html", ".htm", ".shtml", ".xhtml") and b"<" in lowered:
        return "html"
    return "txt"


def _ascii_view(head: bytes) -> bytes:
    """Drops the NUL bytes of UTF-16 so that html sniffing also works on UTF-16 pages."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head.count(b"\x00") > len(head) // 4:
        return head.replace(b"\x00", b"")
    return head


def doc_id_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def read(path: str | os.PathLike, root: str | os.PathLike | None = None, limits: Limits = Limits()) -> Document:
    """Reads one file into a `Document` (raw text, not yet normalised). Raises `ReadError`."""
    path = Path(path)
    source_path = _relative(path, root)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ReadError("unreadable", f"cannot open the file: {e.strerror or e}") from e
    if path.is_dir():
        raise ReadError("linked_folder", "a link to a folder, not followed (links can loop)")
    if not path.is_file():
        raise ReadError("not_a_file", "not a regular file")
    if size > limits.max_file_bytes:
        raise ReadError("too_large", f"file is {size / 2**20:.0f} MB, over the {limits.max_file_bytes / 2**20:.0f} MB limit")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError("unreadable", f"cannot read the file: {e.strerror or e}") from e
    if not data.strip():
        raise ReadError("empty", "the file is empty")
    fmt = sniff(data[:8192], path.suffix.lower())
    doc = Document(source_path=source_path, source_format=fmt, doc_id=doc_id_of(data), raw="")
    if fmt == "txt":
        from .box import box_tables
        from .text import decode
        doc.raw, doc.encoding = decode(data)
        doc.source_tables = box_tables(doc.raw)
    elif fmt == "html":
        from .html import read_html
        read_html(data, doc)
    elif fmt == "pdf":
        from .pdf import read_pdf
        read_pdf(data, doc, limits)
    elif fmt == "docx":
        from .docx import read_docx
        read_docx(data, doc, limits)
    elif fmt == "doc":
        from .doc import read_doc
        read_doc(path, doc, limits)
    if len(doc.raw) > limits.max_text_chars:
        raise ReadError("too_large", f"text has {len(doc.raw):,} characters, over the {limits.max_text_chars:,} limit")
    if not doc.raw.strip():
        raise ReadError("no_text", f"no text could be read from this {fmt} file (scanned images or an empty document)")
    return doc


def _relative(path: Path, root) -> str:
    if root is not None:
        root = Path(root)
        if root.is_dir():
            try:
                return printable_name(path.relative_to(root).as_posix())
            except ValueError:
                pass
    return printable_name(path.name)


def printable_name(name: str) -> str:
    """A file name as valid UTF-8: bytes that are not (kept by Python as lone surrogates, which
    Parquet cannot store) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
