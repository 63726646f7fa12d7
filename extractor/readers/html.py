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
# a page title's parts: the article's title and the site's name (`关于…的通报_某市人民政府`)
TITLE_PARTS = re.compile(r"\s*(?:[_|｜]|——|--|\s-\s)\s*")
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
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        # nested deeper than libxml2 allows (256): it drops everything below, so the visible
        # text is read from the tags instead (no table structure, but nothing lost)
        doc.raw = _flat_text(text)
        doc.source_tables = []
        return
    writer = _TextWriter()
    page_title = title = (root.findtext(".//title") or "").strip()
    body = root.find("body")
    writer.walk(body if body is not None else root)
    raw = writer.text()
    # the page's <title> stands first when the body does not give it: not a site's suffix
    # (`关于…的通报_某市人民政府`) nor a section name (`通知公告`) with the article's own title below
    title = max(TITLE_PARTS.split(title), key=len).strip() if title else ""
    if len(title) > 6 and _squash(title) not in _squash(raw[:2000]):
        shift = len(title) + 1
        raw = title + "\n" + raw
        for t in writer.tables:
            t.start += shift
            t.end += shift
        doc.title_at = 0
    elif len(title) > 6:
        # (a headline in the page's own words, `…丨端午遇高温，供电诉求明显增多(6月10日—16日)`,
        # reads like a sentence: the page says it is the title, whole or without the site's name)
        pos = 0
        for line in raw[:2000].split("\n"):
            if _squash(line) in (_squash(title), _squash(page_title)):
                doc.title_at = pos
                break
            pos += len(line) + 1
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


TAG_OR_TEXT = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>|<[^>]*>|[^<]+|<")
FLAT_SKIP = {"script", "style", "noscript", "template", "head", "svg"}


def _flat_text(text: str) -> str:
    """Visible text of a page by a single linear scan of its tags (for trees too deep to build)."""
    import html

    out: list[str] = []
    skipping = None
    for m in TAG_OR_TEXT.finditer(text):
        closing, tag = m.group(1), (m.group(2) or "").lower()
        if skipping:
            if closing and tag == skipping:
                skipping = None
            continue
        if tag:
            if not closing and tag in FLAT_SKIP:
                skipping = tag
            elif tag in BLOCK_TAGS and out and not out[-1].endswith("\n"):
                out.append("\n")
            elif tag in ("td", "th") and closing:
                out.append(" | ")
        elif not m.group(0).startswith("<") or m.group(0) == "<":
            out.append(_inline(html.unescape(m.group(0))))
    return "".join(out)


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


# the items of an article's meta line, inline in the page but fields of their own (WeChat's
# account name, publish time and place: `济南12345` `2024-06-17 20:15` would run together);
# found once per page, not tested on every element
META_ITEMS = etree.XPath("//*[contains(concat(' ', @class, ' '), ' rich_media_meta ') or @id = 'publish_time']")


class _TextWriter:
    """Walks the tree without recursion (deeply nested pages must not blow the stack)."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0
        self.tables: list[SourceTable] = []

    def _emit(self, s: str) -> None:
        if s.strip() or (s and self.parts and not self.parts[-1].endswith("\n")):
            # (the source's indentation between blocks is no line of the text: it would part
            # the rows of a table set one cell per paragraph)
            self.parts.append(s)
            self.length += len(s)

    def _newline(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self._emit("\n")

    def text(self) -> str:
        return "".join(self.parts)

    def walk(self, root) -> None:
        skip_depth = 0
        pre_depth = 0   # (inside <pre> the line breaks are the text's own: rows of a tab table)
        meta_items = set(META_ITEMS(root))
        for event, el in etree.iterwalk(root, events=("start", "end")):
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            if event == "start":
                if skip_depth:
                    skip_depth += 1
                    continue
                if _dropped(el) and el is not root:
                    skip_depth = 1
                    continue
                if tag == "table" and not is_layout_table(el):
                    self._table(el)
                    skip_depth = 1
                    continue
                if tag in BLOCK_TAGS or el in meta_items:
                    self._newline()
                pre_depth += tag == "pre"
                if el.text:
                    # (a line break right after <pre> is not shown)
                    self._emit(_inline(el.text.removeprefix("\n") if tag == "pre" else el.text, pre_depth))
            else:
                if skip_depth:
                    skip_depth -= 1
                    if skip_depth == 0 and el.tail:
                        self._emit(_inline(el.tail, pre_depth))
                    continue
                pre_depth -= tag == "pre"
                if tag in BLOCK_TAGS or el in meta_items:
                    self._newline()
                if el.tail and el is not root:
                    self._emit(_inline(el.tail, pre_depth))

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


def _inline(s: str, pre: int = 0) -> str:
    s = s.replace("\r", "")
    return s if pre else s.replace("\n", "")


def _cell_text(cell) -> str:
    return re.sub(r"\s+", " ", cell.text_content()).strip().replace("|", "｜")


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1")), 100))
    except ValueError:
        return 1


MAX_TABLE_CELLS = 500_000


def expand_spans(table) -> list[list[str]]:
    """Rows of cell text with rowspan/colspan expanded (the merged text repeated).

    A rowspan reaches no further than the table's last row (as in a browser), and a table
    that would still expand to more than `MAX_TABLE_CELLS` cells is refused: spans are a
    cheap way to ask for gigabytes."""
    grid: list[list[str | None]] = []
    pending: dict[tuple[int, int], str] = {}
    rows = [tr for tr in table.iter("tr") if _nearest_table(tr) is table]
    cells = 0
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
            colspan, rowspan = _span(cell, "colspan"), min(_span(cell, "rowspan"), len(rows) - r)
            cells += colspan * rowspan
            if cells > MAX_TABLE_CELLS:
                raise ReadError("too_large", f"a table in this page expands (rowspan/colspan) to more than "
                                             f"{MAX_TABLE_CELLS:,} cells")
            for dc in range(colspan):
                row.append(text)
                for dr in range(1, rowspan):
                    pending[(r + dr, col)] = text
                col += 1
        while (r, col) in pending:
            row.append(pending.pop((r, col)))
            col += 1
        if any(c.strip() for c in row):
            grid.append(row)
    width = max((len(r) for r in grid), default=0)
    return [r + [""] * (width - len(r)) for r in grid]


LAYOUT_CONTENT = {"table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "article", "section"}
PARAGRAPHS = {"p", "div"}


def is_layout_table(table) -> bool:
    """A table used for page layout (the article sits in its cells) rather than for data:
    its own cells hold headings, lists or other tables, paragraphs of some length, or long
    prose. Such a table is walked into like any block, so data tables nested in it are still
    found. (A Word export wraps every short cell in `<p><span>`: still a data cell.)"""
    for cell in table.iter("td", "th"):
        if _nearest_table(cell) is not table:
            continue
        tags = {c.tag.lower() for c in cell.iter() if c is not cell and isinstance(c.tag, str)}
        size = len(cell.text_content().strip())
        if tags & LAYOUT_CONTENT or (tags & PARAGRAPHS and size > 40) or size > 300:
            return True
    return False


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
