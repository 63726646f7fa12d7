"""Web pages: the visible text in reading order, tables kept as structure.

Navigation, scripts, styles and page chrome are dropped where recognisable; every table is
also written into the text as `a | b | c |` rows, so that the text reads like the other
formats and the table stage can find the structure at those offsets.
"""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ..model import Document, SourceTable
from . import ReadError
from .text import decode

DROP_TAGS = {"script", "style", "noscript", "nav", "iframe", "object", "embed", "svg", "canvas",
             "form", "button", "select", "textarea", "template", "head"}
DROP_ROLE = re.compile(r"(^|[\s_-])(nav|navbar|menu|footer|foot|breadcrumb|crumb|share|sidebar|toolbar|"
                       r"copyright|qrcode|ewm|print|search|login|topbar|header-nav)([\s_-]|$)", re.I)
BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
              "header", "footer", "blockquote", "pre", "dd", "dt", "ul", "ol", "hr", "center", "caption",
              "figure", "figcaption", "address", "main", "aside", "table"}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)


def read_html(data: bytes, doc: Document) -> None:
    text, encoding = _decode_html(data)
    doc.encoding = encoding
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                                      recover=True, huge_tree=False)
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise ReadError("bad_html", f"the html could not be parsed: {e}") from e
    writer = _TextWriter()
    title = (root.findtext(".//title") or "").strip()
    body = root.find("body")
    writer.walk(body if body is not None else root)
    raw = writer.text()
    if title and _squash(title) not in _squash(raw[:2000]):
        shift = len(title) + 1
        raw = title + "\n" + raw
        for t in writer.tables:
            t.start += shift
            t.end += shift
    doc.raw = raw
    doc.source_tables = writer.tables


def _decode_html(data: bytes) -> tuple[str, str]:
    m = META_CHARSET.search(data[:4096])
    if m and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        name = m.group(1).decode("ascii").lower()
        name = {"gb2312": "gb18030", "gbk": "gb18030"}.get(name, name)
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _dropped(el) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in DROP_TAGS:
        return True
    marker = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role"))))
    if marker and DROP_ROLE.search(marker):
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or el.get("hidden") is not None


class _TextWriter:
    """Walks the tree without recursion (deeply nested pages must not blow the stack)."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0
        self.tables: list[SourceTable] = []

    def _emit(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.length += len(s)

    def _newline(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self._emit("\n")

    def text(self) -> str:
        return "".join(self.parts)

    def walk(self, root) -> None:
        skip_depth = 0
        for event, el in etree.iterwalk(root, events=("start", "end")):
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            if event == "start":
                if skip_depth:
                    skip_depth += 1
                    continue
                if _dropped(el) and el is not root:
                    skip_depth = 1
                    continue
                if tag == "table":
                    self._table(el)
                    skip_depth = 1
                    continue
                if tag in BLOCK_TAGS:
                    self._newline()
                if el.text:
                    self._emit(_inline(el.text))
            else:
                if skip_depth:
                    skip_depth -= 1
                    if skip_depth == 0 and el.tail:
                        self._emit(_inline(el.tail))
                    continue
                if tag in BLOCK_TAGS:
                    self._newline()
                if el.tail and el is not root:
                    self._emit(_inline(el.tail))

    def _table(self, table) -> None:
        rows = expand_spans(table)
        if not rows:
            return
        self._newline()
        start = self.length
        for row in rows:
            self._emit(" | ".join(row) + " |\n")
        header_rows = _header_rows(table)
        self.tables.append(SourceTable(rows=rows, start=start, end=self.length, header_rows=header_rows))


def _inline(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def _cell_text(cell) -> str:
    return re.sub(r"\s+", " ", cell.text_content()).strip().replace("|", "｜")


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1")), 100))
    except ValueError:
        return 1


def expand_spans(table) -> list[list[str]]:
    """Rows of cell text with rowspan/colspan expanded (the merged text repeated)."""
    grid: list[list[str | None]] = []
    pending: dict[tuple[int, int], str] = {}
    rows = [tr for tr in table.iter("tr") if _nearest_table(tr) is table]
    for r, tr in enumerate(rows):
        row: list[str] = []
        col = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                continue
            while (r, col) in pending:
                row.append(pending.pop((r, col)))
                col += 1
            text = _cell_text(cell)
            for dc in range(_span(cell, "colspan")):
                row.append(text)
                for dr in range(1, _span(cell, "rowspan")):
                    pending[(r + dr, col)] = text
                col += 1
        while (r, col) in pending:
            row.append(pending.pop((r, col)))
            col += 1
        if any(c.strip() for c in row):
            grid.append(row)
    width = max((len(r) for r in grid), default=0)
    return [r + [""] * (width - len(r)) for r in grid]


def _nearest_table(el):
    p = el.getparent()
    while p is not None and not (isinstance(p.tag, str) and p.tag.lower() == "table"):
        p = p.getparent()
    return p


def _header_rows(table) -> int:
    n = 0
    for tr in table.iter("tr"):
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
        if cells and all(c.tag.lower() == "th" for c in cells):
            n += 1
        else:
            break
    return max(n, 1)
