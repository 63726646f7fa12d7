"""PDF tables through pdfplumber, at read time (no later stage may open the file again).

pdfplumber is slow, so it only looks at pages whose pypdfium2 text looks like a table (many
lines carrying two or more numbers, or many short number-only lines). Ruled tables are
found from their lines and rectangles; on a tabular page with none (no rules, or only the
three of a 三线表) the words' alignment is used: a run of lines with numbers, columns at the
gaps no word crosses, the short lines above as header. Merged cells are expanded from the
cell boxes (the text repeated over the span); a table that goes on over a page break, with
its header repeated or not, is joined to the one before.
Each table is located in `doc.raw` by finding its cells, in order, in the page text.
"""
from __future__ import annotations

import io
import logging
import re
from bisect import bisect_left

from ..model import SourceTable

# pdfminer warns on every glyph of a font with no bounding box (some writers embed such fonts);
# the text is read all the same, and a run over thousands of files should not print them
logging.getLogger("pdfminer").setLevel(logging.ERROR)

NUMERIC_CELL = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?%?$")
MAX_PAGES_SCANNED = 200


def looks_tabular(page_text: str) -> bool:
    """Cheap test on the page text: several row-like lines (2+ number fields and at most two
    label fields, so wrapped prose with numbers in it does not count), a line of many numbers
    and few labels (rows pdfium ran together), or many number-only lines."""
    rows = short = 0
    for line in page_text.splitlines():
        fields = line.split()
        if not fields:
            continue
        numeric = sum(1 for f in fields if NUMERIC_CELL.match(f))
        if row_like(fields, numeric):
            rows += 1
        elif numeric >= 6 and numeric >= 3 * (len(fields) - numeric):
            rows += 3
        elif numeric == 1 and len(fields) == 1:
            short += 1
    return rows >= 3 or short >= 8


def row_like(fields: list[str], numeric: int | None = None) -> bool:
    """A line's fields read as a table row: two or more numbers and at most two labels."""
    numeric = sum(1 for f in fields if NUMERIC_CELL.match(f)) if numeric is None else numeric
    return numeric >= 2 and len(fields) - numeric <= 2


def find_tables(data: bytes, pages: list[str], sep: str = "\n\f", password: str | None = None) -> list[SourceTable]:
    """Tables of the PDF as `SourceTable`s located in the raw text `sep.join(pages) + "\\n"`."""
    tabular = [i for i, t in enumerate(pages) if looks_tabular(t)]
    if not tabular:
        return []
    # a table's header may stand alone at the foot of the page before
    candidates = sorted({j for i in tabular for j in (i - 1, i) if j >= 0})[:MAX_PAGES_SCANNED]
    import pdfplumber

    starts, pos = [], 0
    for p in pages:
        starts.append(pos)
        pos += len(p) + len(sep)
    found: list[tuple[int, list[list[str]], bool, bool]] = []  # page, rows, at top, at bottom
    try:
        with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
            for i in candidates:
                if i >= len(pdf.pages):
                    break
                page = pdf.pages[i]
                for rows, top, bottom in _page_tables(page):
                    found.append((i, rows, top, bottom))
                page.close()
    except Exception:  # pdfplumber on a damaged file: the text is still there, tables are not
        return []
    # join a table continued on the next page (its header repeated there, or not); a header
    # alone at a page's foot takes the table below it, and a header row the page break cut
    # in two is put back together cell by cell
    merged: list[dict] = []
    for page_no, rows, top, bottom in found:
        prev = merged[-1] if merged else None
        if (prev is not None and top and prev["bottom"] and page_no == prev["last_page"] + 1
                and len(rows[0]) == len(prev["rows"][0])):
            header_only = not any(_is_data_row(r) for r in prev["rows"])
            cut = any(a.strip() and not b.strip() for a, b in zip(prev["rows"][-1], rows[0]))
            if header_only and not _is_data_row(rows[0]):
                # a row the break cut has only the wrapped ends of some cells; a whole row fills them all
                if cut:
                    prev["rows"][-1] = [a if a == b else a + b for a, b in zip(prev["rows"][-1], rows[0])]
                rest = rows[1:] if cut else rows
            else:
                head = _header_rows(prev["rows"])
                rest = rows[head:] if rows[:head] == prev["rows"][:head] and not _is_data_row(rows[0]) else rows
            if rest and (_is_data_row(rest[0]) or header_only and any(_is_data_row(r) for r in rest)):
                prev["rows"].extend(rest)
                prev["parts"].append((page_no, rows))
                prev["last_page"], prev["bottom"] = page_no, bottom
                continue
        merged.append({"rows": [list(r) for r in rows], "parts": [(page_no, rows)], "last_page": page_no,
                       "bottom": bottom})
    out = []
    for t in merged:
        if not _plausible(t["rows"]):
            continue
        span_start = span_end = None
        for page_no, rows in t["parts"]:
            s, e = _locate(pages[page_no], rows)
            if s is None:
                continue
            s, e = starts[page_no] + s, starts[page_no] + e
            span_start = s if span_start is None else min(span_start, s)
            span_end = e if span_end is None else max(span_end, e)
        if span_start is None:
            # not found in the text (e.g. text drawn as curves): place it at its page's end
            page_no = t["parts"][-1][0]
            span_start = span_end = starts[page_no] + len(pages[page_no])
        out.append(SourceTable(rows=t["rows"], start=span_start, end=span_end, header_rows=_header_rows(t["rows"])))
    return out


def _page_tables(page) -> list[tuple[list[list[str]], bool, bool]]:
    out = []
    try:
        tables = page.find_tables()
    except Exception:
        tables = []
    for t in tables:
        rows = _expand(page, t)
        if _plausible(rows) or _header_only(rows):
            out.append((rows, *_edges(page, t.bbox)))
    if not any(_plausible(rows) for rows, _, _ in out):
        for rows, bbox in _aligned_tables(page):
            out.append((rows, *_edges(page, bbox)))
    return out


def _aligned_tables(page) -> list[tuple[list[list[str]], tuple]]:
    """Unruled tables (no rules, or only the three rules of a 三线表) from the words' alignment.

    Lines with two or more numbers in a run of three or more make the body; the columns are
    the gaps that no word of the body crosses; the header is the short lines just above."""
    try:
        words = page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False)
    except Exception:
        return []
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 2.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    is_data = []
    for l in lines:
        nums = sum(1 for w in l if NUMERIC_CELL.match(w["text"]))
        is_data.append(len(l) >= 3 and nums >= 2 and nums * 5 >= len(l) * 2)
    out = []
    i = 0
    while i < len(lines):
        if not is_data[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and is_data[j]:
            j += 1
        if j - i >= 3:
            table = _aligned_table(lines, i, j)
            if table is not None:
                out.append(table)
        i = j
    return out


def _aligned_table(lines: list[list[dict]], i: int, j: int) -> tuple[list[list[str]], tuple] | None:
    body = lines[i:j]
    spans = sorted((w["x0"], w["x1"]) for l in body for w in l)
    covered: list[list[float]] = []
    for x0, x1 in spans:
        if covered and x0 <= covered[-1][1] + 3.0:
            covered[-1][1] = max(covered[-1][1], x1)
        else:
            covered.append([x0, x1])
    if len(covered) < 3:
        return None
    cuts = [(a[1] + b[0]) / 2 for a, b in zip(covered, covered[1:])]
    # header: the lines just above, close to each other, none of them running text (a line
    # of one word per column is a header however loosely set over the columns)
    head_from = i
    height = max(1.0, body[0][0]["bottom"] - body[0][0]["top"])
    while head_from > 0 and i - head_from < 3:
        above = lines[head_from - 1]
        gap = lines[head_from][0]["top"] - above[0]["bottom"]
        text = "".join(w["text"] for w in above)
        one_per_column = len(above) == len(covered)
        if gap > 2.5 * height or len(above) < 2 and len(text) > 6 or _crosses(above, cuts) > 1 and not one_per_column:
            break
        head_from -= 1
    rows = []
    for line in lines[head_from:j]:
        row = [""] * (len(cuts) + 1)
        for n, w in enumerate(line):
            k = n if len(line) == len(row) else sum(1 for c in cuts if (w["x0"] + w["x1"]) / 2 > c)
            row[k] = (row[k] + (" " if row[k] and not _cjk(row[k][-1]) else "") + w["text"]).strip()
        rows.append(row)
    if head_from == i:
        return None  # no header: nothing to name the columns
    x0 = min(w["x0"] for l in lines[head_from:j] for w in l)
    x1 = max(w["x1"] for l in lines[head_from:j] for w in l)
    return rows, (x0, lines[head_from][0]["top"], x1, lines[j - 1][0]["bottom"])


def _crosses(line: list[dict], cuts: list[float]) -> int:
    return sum(1 for w in line for c in cuts if w["x0"] < c < w["x1"])


def _cjk(ch: str) -> bool:
    return ord(ch) > 0x2E80


def _edges(page, bbox) -> tuple[bool, bool]:
    """Whether the table starts near the top and ends near the bottom of the page's text."""
    words = page.extract_words()
    if not words:
        return True, True
    above = [w for w in words if w["bottom"] <= bbox[1] + 1]
    below = [w for w in words if w["top"] >= bbox[3] - 1]
    # page numbers and running heads are short: only real text blocks count
    return (sum(len(w["text"]) for w in above) <= 12, sum(len(w["text"]) for w in below) <= 12)


def _snap(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    i = bisect_left(edges, v - 2.0)
    return min(i, len(edges) - 1)


def _expand(page, table) -> list[list[str]]:
    """The table's grid with each merged cell's text repeated over its span."""
    cells = list(table.cells)
    if not cells:
        return []
    xs = _snap([c[0] for c in cells] + [c[2] for c in cells])
    ys = _snap([c[1] for c in cells] + [c[3] for c in cells])
    nr, nc = len(ys) - 1, len(xs) - 1
    if nr < 1 or nc < 1 or nr * nc > 20000:
        return []
    texts: dict[tuple, str] = {}
    try:
        for row, values in zip(table.rows, table.extract()):
            for bbox, value in zip(row.cells, values):
                if bbox is not None:
                    texts[tuple(bbox)] = value or ""
    except Exception:  # a damaged page: cells without text rather than no table stage at all
        pass
    grid = [["" for _ in range(nc)] for _ in range(nr)]
    for x0, top, x1, bottom in cells:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        text = texts.get((x0, top, x1, bottom), "").strip()
        for r in range(r0, r1):
            for c in range(c0, c1):
                grid[r][c] = text
    return [r for r in grid if any(c.strip() for c in r)]


def _is_data_row(row: list[str]) -> bool:
    return any(NUMERIC_CELL.match(c.strip().replace(" ", "")) for c in row if c)


def _plausible(rows: list[list[str]]) -> bool:
    return len(rows) >= 2 and len(rows[0]) >= 2 and any(_is_data_row(r) for r in rows)


def _header_only(rows: list[list[str]]) -> bool:
    """Rows with no numbers at all: the header of a table the page break separated from its body."""
    return bool(rows) and len(rows[0]) >= 2 and not any(_is_data_row(r) for r in rows)


def _header_rows(rows: list[list[str]]) -> int:
    n = 0
    for r in rows:
        if _is_data_row(r):
            break
        n += 1
    return max(1, n)


def _locate(page_text: str, rows: list[list[str]]) -> tuple[int | None, int | None]:
    """Start (at its first cell) and end (at its line's end) of the rows' text in the page.

    Each row is searched as a whole (its distinct cells in order, any whitespace between
    characters), from where the row before it ended, so that a header word also found in
    the running text above (县区 in 各县区…情况) does not pull the start up there."""
    pos = 0
    first = last = None
    for r in rows:
        cells: list[str] = []
        for c in r:
            c = re.sub(r"\s+", "", c)
            if c and (not cells or cells[-1] != c):
                cells.append(c)
        if not cells:
            continue
        pattern = r"\s*".join(re.escape(ch) for ch in "".join(cells))
        m = re.compile(pattern).search(page_text, pos)
        if m is None:
            continue
        if first is None:
            first = m.start()
        last = m.end()
        pos = m.end()
    if first is None:
        return None, None
    line_end = page_text.find("\n", last)
    return first, (len(page_text) if line_end < 0 else line_end)
