"""Tables stage: annex tables rebuilt into rows and long-format cells.

Tables come from two places:

* structure the reader saw (`doc.source_tables`: html `<table>`, Word tables, pdfplumber
  tables), with merged cells already expanded;
* table layouts in the plain text, recognised by their shape:
  `pipe_cells` (one cell per line ending ` |`, or with no separator at all), `pipe_rows` (`a | b | c |`, also markdown
  rows with `---|` rules), `tab_cells` (tab-indented cells, one per line, blank lines
  between rows; and tab-separated rows, `a<TAB>b<TAB>c`, which the contract's closed
  layout list also calls `tab_cells`, as it does rows aligned with runs of spaces, the way
  fixed-width and PDF text set them out).

Every table then goes through the same builder: header rows (until the first row with a
number), column names (multi-row headers joined with `/`), the index column (序号) and the
row-label column (the unit/town/category), total rows (合计/总计 → `合计`), and the cells:
one per data cell outside the index and label columns.
"""
from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field

import regex

from .model import Document
from .patterns import inline
from .segment import bare_cell_runs, line_spans, space_cells, tab_cells

# ---------------------------------------------------------------------------------------------
# values

NUMBER = regex.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
NULLS = {"", "-", "--", "—", "——", "–", "/", "\\", "无", "空", "×", "…", "N/A", "n/a", "NA"}
TOTAL = regex.compile(r"^(?:合\s*计|总\s*计|总\s*数|共\s*计|全[市区县省州旗镇乡]+(?:合计|总计)?|累\s*计)$")
INDEX_HEADER = regex.compile(r"^(?:序\s*号|序|排\s*序|编\s*号|No\.?|NO\.?|#)$")
UNIT_IN_HEADER = regex.compile(r"[(（]\s*([^()（）]{1,4})\s*[)）]\s*$")
UNIT_AT_END = regex.compile(r"\s*[(（]?\s*(?:计量)?单\s*位\s*[:：]\s*[^\s)）]{1,6}\s*[)）]?\s*$")
FORM_LINE = regex.compile(r"^\s*(?:填\s*报|制\s*表|统计(?:时间|日期|口径|截止)|报送单位|数据来源|截\s*[至止]|时间\s*[:：])")
UNIT_NOTE = regex.compile(r"^\s*[(（]?\s*(?:计量)?单\s*位\s*[:：]\s*([^\s)）]{1,6})\s*[)）]?\s*$")
NOTE = regex.compile(r"^\s*(?:备\s*注|注|说\s*明)\s*(?:\d\s*)?[:：]")
ANNEX_LABEL = regex.compile(r"^\s*(附\s*件?\s*[0-9一二三四五六七八九十]*)\s*[:：]?\s*(.*?)\s*$")
ID_COLUMN = regex.compile(r"电话|手机|联系方式|传真|号码|编号|单号|代码|邮编|身份证|工号|账号")
RATE_HEADER = regex.compile(r"(?:率|占比|比例|比重|百分比)$")
RULE_LINE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
CJK = regex.compile(r"\p{Han}")
SECTION_ROW = regex.compile(r"^(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十]+\s*[)）])")


CELL_UNIT = regex.compile(r"(件|条|个|次|人次|项|宗|户|人|元|万元|分|家|名|天|小时|个工作日|期|篇|单)$")


def cell_unit(raw: str | None) -> str | None:
    """The unit written inside a cell (`120件` → 件, `30%` → %), else None."""
    if not raw:
        return None
    s = raw.strip().replace(" ", "")
    if s.endswith("%") and parse_value(s) is not None:
        return "%"
    m = CELL_UNIT.search(s)
    if m and m.start() > 0 and parse_value(s) is not None:
        return m.group(1)
    return None


@functools.lru_cache(maxsize=65536)
def parse_value(raw: str | None) -> float | None:
    """`30%` → 30.0, `1,234` → 1234.0, `2.31万` → 23100.0, `120件` → 120.0; empty, `—`, `/`
    and text → None."""
    if raw is None:
        return None
    s = raw.strip().replace(" ", "").replace("−", "-").replace("＋", "+")
    if s in NULLS:
        return None
    scale = 1.0
    if s.endswith("%"):
        s = s[:-1]
    elif s.endswith("‰"):
        return None
    else:
        m = CELL_UNIT.search(s)
        if m and m.start() > 0:
            s = s[:m.start()]  # 1.5万元 stays 1.5 (unit 万元); 2.31万 alone is 23100
        elif s.endswith("万") and len(s) > 1:
            s, scale = s[:-1], 10000.0
        if s.endswith("亿") and len(s) > 1 and scale == 1.0:
            s, scale = s[:-1], 1e8
    if not NUMBER.match(s):
        return None
    try:
        v = float(s.replace(",", "")) * scale
    except ValueError:
        return None
    return round(v, 6) if scale != 1.0 else v


def is_numeric(raw: str) -> bool:
    return parse_value(raw) is not None


def _clean_cell(s: str) -> str:
    s = s.replace("\r", "").strip()
    if "\n" in s or (CJK.search(s) and " " in s):
        # a header wrapped in its cell (pdf, Word) or spaced out: CJK text has no spaces
        parts = [p.strip() for p in inline(r"\s*\n\s*").split(s) if p.strip()]
        s = "".join(parts) if CJK.search(s) else " ".join(parts)
        s = inline(r"(?<=[\p{Han}()（）%])\s+|\s+(?=[\p{Han}()（）])").sub("", s)
    return s


def is_total_label(s: str) -> bool:
    return bool(TOTAL.match(s.strip().replace(" ", "")))


# ---------------------------------------------------------------------------------------------
# the common table model


@dataclass
class Grid:
    """A table as rows of normalised cell strings, before its header is understood."""

    rows: list[list[str]]
    layout: str
    start: int
    end: int
    expanded: bool = False  # merged cells repeated (html/docx/pdf) rather than left empty
    title: str | None = None
    annex: str | None = None
    unit_note: str | None = None
    note: str | None = None
    merged_total: bool = False  # a 合计 row may lack its index cell (pipe_cells / pipe_rows)
    following: "Grid | None" = None  # a table found run on after this one


@dataclass
class Table:
    title: str | None
    annex: str | None
    unit_note: str | None
    note: str | None
    layout: str
    columns: list[str]
    start: int
    end: int
    index_col: int | None
    label_col: int | None
    rows: list[list[str]] = field(default_factory=list)
    labels: list[str | None] = field(default_factory=list)
    totals: list[bool] = field(default_factory=list)


def build(grid: Grid) -> Table | None:
    rows = [[_clean_cell(c) for c in r] for r in grid.rows]
    rows = [r for r in rows if any(c for c in r)]
    if not rows:
        return None
    width = max(len(r) for r in rows)
    title, unit_note, note = grid.title, grid.unit_note, grid.note
    # caption and unit rows inside the table (one cell spanning the whole width)
    while rows and width > 1 and (_single_text(rows[0]) is not None or _title_and_unit(rows[0])):
        if _title_and_unit(rows[0]):
            vals = [c for c in dict.fromkeys(rows[0]) if c]
            unit_note = unit_note or next(v for v in vals if UNIT_NOTE.match(v))
            rest = [v for v in vals if not UNIT_NOTE.match(v)]
            if rest:
                title = rest[0]
            rows.pop(0)
            continue
        text = _single_text(rows[0])
        am = ANNEX_LABEL.match(text)
        if UNIT_NOTE.match(text):
            unit_note = unit_note or text.strip()
        elif am and text.startswith("附") and (not am.group(2) or inline(r"^\s*附\s*件?\s*[0-9一二三四五六七八九十]*\s*[:：]").match(text)):
            grid.annex = grid.annex or inline(r"\s+").sub("", am.group(1))
            if am.group(2):
                title = am.group(2)
        elif title is None or len(text) > len(title):
            title = text  # a caption row in the table; a short one (统计) does not replace the line above
        rows.pop(0)
    while rows and _single_text(rows[-1]) is not None and NOTE.match(_single_text(rows[-1]) or ""):
        note = note or _single_text(rows[-1])
        rows.pop()
    while rows and rows[-1] and NOTE.match(rows[-1][0]) and not any(is_numeric(c) for c in rows[-1]):
        note = note or " ".join(c for c in rows[-1] if c)
        rows.pop()
    if not rows:
        return None
    # header rows: until the first row holding a number
    n_head = 0
    for k, r in enumerate(rows):
        if any(is_numeric(c) for c in r) and not (k == 0 and _year_header(r)):
            break
        if k > 0 and sum(1 for c in r if c in NULLS and c) * 2 >= max(1, len(r) - 1):
            break  # a data row without a number (甲镇 | — | — | —)
        if k > 0 and len({c for c in r if c}) == 1 and SECTION_ROW.match(next(c for c in r if c)):
            break  # 一、县直部门 after the header: the body begins
        n_head += 1
    if n_head == 0 or n_head == len(rows):
        return None
    head, body = rows[:n_head], rows[n_head:]
    split = _next_header(body)
    if split is not None:
        # a second table run on without a caption: a header row again after data rows
        rest = Grid(body[split:], grid.layout, grid.start, grid.end, expanded=grid.expanded,
                    merged_total=grid.merged_total)
        grid.following = rest
        body = body[:split]
    ncols = max(len(r) for r in head)
    spanned = None if grid.expanded else _collapsed_header(head, body)
    if spanned is not None:
        columns, ncols = spanned, len(spanned)
    else:
        head = [r + [""] * (ncols - len(r)) for r in head]
        columns = _column_names(head, grid.expanded)
    index_col = next((j for j, c in enumerate(columns) if INDEX_HEADER.match(c.split("/")[0])), None)
    if index_col is None and len(columns) > 2 and not columns[0] and _counts_rows([r[0] if r else "" for r in body]):
        index_col = 0  # an unnamed first column numbering the rows 1, 2, 3 …
    # merged total rows lacking the index cell (or the rank the rows open with), rows too short or too long
    leads = [r[0] for r in body if r and r[0] and not is_total_label(r[0])]
    ranked = any(is_numeric(v) for v in leads) and all(is_numeric(v) or v in NULLS for v in leads)
    fixed = []
    for r in body:
        core = r[:max((j + 1 for j, c in enumerate(r) if c), default=0)]   # (without trailing padding)
        # (also when it lacks the last cells too, a rank: `合计 9782 9699 99.15% 26 95.70%` under
        # `序号 乡镇 受理 办结 办结率 退回重办 满意率 排名`, its number right after the label)
        if core and is_total_label(core[0]) and (index_col == 0 or ranked) and (
                len(core) == ncols - 1 or 1 < len(core) < ncols - 1 and is_numeric(core[1])):
            r = [""] + core
        r = (r + [""] * ncols)[:ncols] if len(r) <= ncols or not any(r[ncols:]) else r[:ncols]
        fixed.append(r)
    body = fixed
    keep = [j for j in range(ncols) if columns[j] or any(r[j] for r in body)]
    if len(keep) < ncols:
        columns = [columns[j] for j in keep]
        body = [[r[j] for j in keep] for r in body]
        index_col = keep.index(index_col) if index_col in keep else None
        ncols = len(keep)
    label_col = _label_column(columns, body, index_col)
    counted = [j for j in range(ncols) if j not in (index_col, label_col) and not ID_COLUMN.search(columns[j])
               and any(is_numeric(r[j]) for r in body if j < len(r))]
    if not counted:
        return None  # a list of contacts or ticket numbers, not a table of figures
    table = Table(title=title, annex=grid.annex, unit_note=unit_note, note=note, layout=grid.layout,
                  columns=columns, start=grid.start, end=grid.end, index_col=index_col, label_col=label_col)
    for r in body:
        only = {c for c in r if c}
        if len(only) == 1 and not is_numeric(next(iter(only))) and (
                grid.expanded and r.count(next(iter(only))) > 1 or SECTION_ROW.match(next(iter(only)))):
            continue  # a section row spanning the table (一、县直单位)
        label = r[label_col] if label_col is not None else None
        total = False
        lead = max(j for j in (label_col, index_col, 0) if j is not None)
        named_total = next((c for j, c in enumerate(r) if j <= lead and c and is_total_label(c)), None)
        if named_total:
            total = True
            label = named_total.replace(" ", "")
            if not label.startswith("全"):
                label = "合计"   # (总计, 共计: the contract's word; `全市`, `全省合计` name the area)
        table.rows.append(r)
        table.labels.append(label)
        table.totals.append(total)
    if not table.rows:
        return None
    return table


LABEL_NAME = regex.compile(r"单位|名称|街道|乡镇|镇|社区|地区|县|区|市|部门|类型|类别|项目|姓名|企业")
COUNT_NAME = regex.compile(r"[(（](?:件|条|项|次|人次|个|宗|户|人|家)[)）]$|(?:量|数)$")


def _collapsed_header(head: list[list[str]], body: list[list[str]]) -> list[str] | None:
    """Column names of a two-row header whose merged cells were written once (one cell per line,
    or tab rows): `序号 单位 受理 办结情况 满意率` over `办结(件) 办结率` for six data columns. Which
    upper cell is the group, and how many lower cells it spans, is decided by the data: names
    with 率 over percentages, (件) over whole numbers, 单位 over text."""
    from collections import Counter

    widths = Counter(len(r) for r in body if r and not any(is_total_label(c) for c in r[:2]))
    if not widths:
        return None
    w = widths.most_common(1)[0][0]
    flat = [c for r in head for c in r if c]
    extra = len(flat) - w
    if extra not in (1, 2) or (len(head) == 1 and len(head[0]) <= w) or (len(head) == 2 and len(head[0]) >= w) \
            or len(head) > 2:
        return None
    cols = list(zip(*[r for r in body if len(r) == w]))
    best: tuple[float, list[str]] | None = None
    for names in _spans(flat, w, extra):
        score = sum(_fits(n, col) for n, col in zip(names, cols))
        if best is None or score > best[0] + 1e-9:
            best = (score, names)
    return best[1] if best else None


def _spans(flat: list[str], w: int, groups: int):
    """Every way `flat` can be an upper row with `groups` group cells over a lower row."""
    for s in range(groups * 2, w):  # lower cells in all
        upper, lower = flat[:w - s + groups], flat[w - s + groups:]
        if len(lower) != s:
            continue
        if groups == 1:
            for g in range(len(upper)):
                yield upper[:g] + [f"{upper[g]}/{x}" for x in lower] + upper[g + 1:]
        else:
            for g1 in range(len(upper)):
                for g2 in range(g1 + 1, len(upper)):
                    for s1 in range(2, s - 1):
                        a, b = lower[:s1], lower[s1:]
                        yield (upper[:g1] + [f"{upper[g1]}/{x}" for x in a] + upper[g1 + 1:g2]
                               + [f"{upper[g2]}/{x}" for x in b] + upper[g2 + 1:])


def _fits(name: str, values: tuple[str, ...]) -> float:
    """How well a column name fits the column's values (+ agrees, − contradicts)."""
    last = name.split("/")[-1]
    vals = [v for v in values if v and v not in NULLS and not is_total_label(v)]
    if not vals:
        return 0.0
    pct = sum(1 for v in vals if v.endswith("%")) / len(vals)
    num = sum(1 for v in vals if is_numeric(v)) / len(vals)
    whole = sum(1 for v in vals if is_numeric(v) and not v.endswith("%") and "." not in v) / len(vals)
    score = 0.0
    if INDEX_HEADER.match(last):
        score += 1 if _counts_rows(list(values)) else -1
    elif RATE_HEADER.search(UNIT_IN_HEADER.sub("", last)) or last.endswith("%)") or last.endswith("%）"):
        score += pct * 2 - whole
    elif COUNT_NAME.search(last):
        score += whole - pct * 2
    elif LABEL_NAME.search(last) and "/" not in name:
        score += (1 - num) - num
    if "/" in name:
        group = name.split("/")[0]
        if RATE_HEADER.search(group) or COUNT_NAME.search(group) or INDEX_HEADER.match(group):
            score -= 1  # a rate or a count is not a group heading
    return score


def _next_header(body: list[list[str]]) -> int | None:
    """Index of a row that is a header again (2+ text cells, no number, numbers below it)."""
    for i in range(1, len(body) - 1):
        r = body[i]
        texts = [c for c in r if c and c not in NULLS and not is_numeric(c)]
        if (len(set(texts)) >= 2 and len(texts) >= max(2, len([c for c in r if c]) - 0)
                and not any(is_numeric(c) for c in r) and not any(is_total_label(c) for c in r)
                and any(is_numeric(c) for c in body[i + 1]) and any(is_numeric(c) for c in body[i - 1])):
            return i
    return None


def _title_and_unit(row: list[str]) -> bool:
    """A caption row holding a unit note, alone or beside the title (标题 … 单位：件)."""
    vals = {c for c in row if c}
    return 1 <= len(vals) <= 2 and any(UNIT_NOTE.match(v) for v in vals) and not any(is_numeric(v) for v in vals)


def _single_text(row: list[str]) -> str | None:
    """The text of a row that is one spanning cell (all its non-empty cells the same text), else None."""
    vals = {c for c in row if c}
    if len(vals) == 1:
        v = next(iter(vals))
        if not is_numeric(v) and (len(row) == 1 or row.count(v) > 1 or row[0] == v and len(row) > 2):
            return v
    return None


def _column_names(head: list[list[str]], expanded: bool) -> list[str]:
    ncols = len(head[0])
    grid = [list(r) for r in head]
    if len(grid) > 1:
        # an empty cell of an upper header row under a group heading to its left is part of that group
        for i in range(len(grid) - 1):
            below = grid[i + 1]
            for j in range(1, ncols):
                if not grid[i][j] and grid[i][j - 1] and below[j] and below[j - 1]:
                    grid[i][j] = grid[i][j - 1]
    names = []
    for j in range(ncols):
        parts: list[str] = []
        for r in grid:
            c = r[j].strip()
            if not c or (parts and parts[-1] == c):
                continue
            if parts and inline(r"^[(（][^()（）]{1,6}[)）]$").match(c):
                parts[-1] += c  # a unit row under the names: 受理 / (件) → 受理(件)
            else:
                parts.append(c)
        names.append("/".join(parts))
    return names


def _label_column(columns: list[str], body: list[list[str]], index_col: int | None) -> int | None:
    """The row names: among the text columns before the first number column, the one with the
    most distinct names (a category merged over several rows names them less well than the unit)."""
    best: tuple[int, int] | None = None
    for j in range(len(columns)):
        if j == index_col:
            continue
        vals = [r[j] for r in body if j < len(r) and r[j] and not is_total_label(r[j])]
        if not vals:
            continue
        text = sum(1 for v in vals if not is_numeric(v) and v not in NULLS)
        if text * 2 <= len(vals):
            if best is not None or j > (index_col if index_col is not None else -1) + 1:
                break
            continue
        distinct = len(set(vals) - NULLS)   # (a total row's `—` names no row)
        if best is None or distinct > best[1]:
            best = (j, distinct)
    return best[0] if best else None


def _counts_rows(values: list[str]) -> bool:
    nums = [v for v in values if v and not is_total_label(v)]
    return len(nums) >= 2 and all(v.isdigit() for v in nums) and [int(v) for v in nums] == list(range(1, len(nums) + 1))


def _year_header(row: list[str]) -> bool:
    """A header row naming years (单位 | 2022 | 2023) or hotlines (12345 | 710): numbers, but not data."""
    nums = [c for c in row if is_numeric(c)]
    texts = [c for c in row if c and not is_numeric(c)]
    return bool(nums) and bool(texts) and all(inline(r"^(?:(?:19|20)\d\d|12\d{3}|710|110|96\d{3})$").match(c) for c in nums)


def column_unit(column: str) -> str | None:
    last = column.split("/")[-1]
    m = UNIT_IN_HEADER.search(last)
    if m and not is_numeric(m.group(1)):
        return m.group(1).strip()
    return None


def note_unit(unit_note: str | None) -> str | None:
    if not unit_note:
        return None
    m = UNIT_NOTE.match(unit_note)
    return m.group(1) if m else None


def table_rows(table_id: int, t: Table) -> tuple[dict, list[dict]]:
    trow = {"table_id": table_id, "title": t.title, "annex": t.annex, "unit_note": t.unit_note,
            "note": t.note, "layout": t.layout, "n_rows": len(t.rows), "n_cols": len(t.columns),
            "columns": list(t.columns), "start": t.start, "end": t.end}
    cells = []
    nu = note_unit(t.unit_note)
    labelling = {t.index_col, t.label_col} | _row_header_columns(t)   # (columns that name rows hold no data)
    for i, (r, label, total) in enumerate(zip(t.rows, t.labels, t.totals)):
        for j, col in enumerate(t.columns):
            if j in labelling:
                continue
            raw = r[j] if j < len(r) else ""
            if not raw.strip():
                continue   # (a blank cell holds no datum: `合计` rows leave their rank empty)
            value = parse_value(raw)
            unit = cell_unit(raw)
            if unit is None:
                unit = column_unit(col)
                if unit is None and value is not None:
                    last = col.split("/")[-1]
                    if RATE_HEADER.search(last):
                        unit = "%"
                    elif nu and not inline(r"排名|名次|得分|分数|总分|评分").search(last):
                        unit = nu
            cells.append({"table_id": table_id, "row": i, "col": j, "row_label": label, "column": col,
                          "raw": raw, "value": value, "unit": unit, "is_total": total})
    return trow, cells


# ---------------------------------------------------------------------------------------------
# finding tables in the text


def _row_header_columns(t: Table) -> set[int]:
    """Text columns left of the row names that group them (`乡镇` / `县直部门` merged down the rows,
    a 大类 over its items): they label rows, like the names, and hold no data. A column whose
    values come back after others (`所属县`, in a ranking) describes each row and keeps its cells."""
    if t.label_col is None:
        return set()
    return {j for j in range(t.label_col) if j != t.index_col and _groups_rows(
        [r[j] if j < len(r) else "" for r, total in zip(t.rows, t.totals) if not total])}


def _groups_rows(values: list[str]) -> bool:
    filled, last = [], ""
    for v in values:
        if is_numeric(v):
            return False
        last = v or last   # (a merged cell left blank below its first row)
        filled.append(last)
    runs = [k for k, _ in itertools.groupby(filled)]
    return all(runs) and len(runs) == len(set(runs)) < len(filled)


def _pipe_cells(line: str, markdown: bool) -> list[str]:
    s = line.strip()
    if markdown and s.startswith("|"):
        s = s[1:]
    parts = s.split("|")
    if s.endswith("|"):
        parts = parts[:-1]
    return [p.strip() for p in parts]


def _is_pipe_line(line: str) -> bool:
    s = line.rstrip()
    return bool(s) and (s.endswith("|") or " | " in s or "\t|" in s or bool(RULE_LINE.match(s)) and "-" in s)


def _is_tab_row(line: str) -> bool:
    """A tab-separated row: two or more cells with text (a tab-indented single cell is not)."""
    return tab_cells(line) >= 2


def find_text_grids(text: str, taken: list[tuple[int, int]]) -> list[Grid]:
    lines = line_spans(text)
    grids: list[Grid] = []

    def free(a: int, b: int) -> bool:
        return not any(a < e and s < b for s, e in taken)

    n = len(lines)

    def run(j: int, member, blank_joins) -> tuple[list[int], int]:
        """Lines from `j` on that belong to one table: members, and blank lines that
        `blank_joins(j)` lets through (True: kept in the group, False: skipped over)."""
        group = []
        while j < n:
            ls, le = lines[j]
            ln = text[ls:le]
            if not free(ls, le + 1):
                break
            if member(ln):
                group.append(j)
            elif not ln.strip() and (keep := blank_joins(j)) is not None:
                if keep:
                    group.append(j)
            else:
                break
            j += 1
        return group, j

    def pipe_blank(j: int) -> bool | None:
        return False if j + 1 < n and _is_pipe_line(text[lines[j + 1][0]:lines[j + 1][1]]) else None

    bare_runs = dict(bare_cell_runs(text))
    i = 0
    while i < n:
        s, e = lines[i]
        line = text[s:e]
        if not free(s, e + 1):
            i += 1
            continue
        if i in bare_runs and free(s, lines[bare_runs[i]][1] + 1):
            # one cell per line with no separator: read as the ` |` layout without its pipes
            g = _cells_grid([(text[a:b].strip(), k) for k, (a, b) in enumerate(lines[i:bare_runs[i] + 1], i) if b > a],
                            text, lines)
            if g is not None:
                grids.append(g)
            i = bare_runs[i] + 1
            continue
        if _is_pipe_line(line):
            group, i = run(i, _is_pipe_line, pipe_blank)
            grids.extend(_pipe_grids(text, lines, group))
            continue
        layout = next(((is_row, split) for is_row, split in _ROW_LAYOUTS if is_row(line)), None)
        if layout is not None:
            is_row, split = layout
            group, i = run(i, is_row, lambda j: None)
            if len(group) >= 2:
                grids.append(_row_grid(text, lines, group, split))
            continue
        if line.startswith("\t") and "\t" not in line[1:].rstrip("\t"):
            group, j = run(i, lambda ln: ln.startswith("\t"), lambda j: True)
            while group and not text[lines[group[-1]][0]:lines[group[-1]][1]].strip():
                group.pop()
            g = _tab_grid(text, lines, group)
            if g is not None:
                grids.append(g)
            i = j
            continue
        i += 1
    return grids


def _tab_split(line: str) -> list[str]:
    return [c.strip() for c in line.rstrip().split("\t")]


# a row per line, its cells parted by tabs, or by runs of spaces (tab rows first)
_ROW_LAYOUTS = ((_is_tab_row, _tab_split), (lambda line: bool(space_cells(line)), space_cells))


def _row_grid(text: str, lines, group: list[int], split) -> Grid:
    """Rows one per line (layout `tab_cells`), padded to the widest row; in a table aligned with
    runs of spaces, a short row's cells go under the header cells they stand below (`       合计
    6335   —`: the blank rank cell kept)."""
    rows = [split(text[lines[k][0]:lines[k][1]]) for k in group]
    if split is space_cells:
        header = text[lines[group[0]][0]:lines[group[0]][1]]
        rows = [rows[0]] + [_aligned(header, len(rows[0]), text[lines[k][0]:lines[k][1]], r)
                            if len(r) < len(rows[0]) else r for k, r in zip(group[1:], rows[1:])]
    width = max(map(len, rows))
    return Grid([r + [""] * (width - len(r)) for r in rows], "tab_cells",
                lines[group[0]][0], lines[group[-1]][1], merged_total=True)


def _aligned(header: str, width: int, line: str, cells: list[str]) -> list[str]:
    """`cells` of a space-aligned row placed under the nearest of the header's `width` cells by
    where they start on screen (a Chinese character two columns wide, as fixed-width text sets it)."""
    def column(s: str, i: int) -> int:
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s[:i])

    starts = [column(header, m.start()) for m in SPACE_CELL_RUN.finditer(header)]
    out = [""] * len(starts)
    col = 0
    for m in SPACE_CELL_RUN.finditer(line):
        at = column(line, m.start())
        while col + 1 < len(starts) and abs(starts[col + 1] - at) < abs(starts[col] - at):
            col += 1
        if col >= len(starts):
            return cells   # (more cells than the header has places for: not aligned after all)
        out[col] = m.group()
        col += 1
    return out if len(starts) == width else cells


SPACE_CELL_RUN = regex.compile(r"\S+(?: \S+)*")


def _pipe_grids(text: str, lines, group: list[int]) -> list[Grid]:
    if not group:
        return []
    raw_lines = [text[lines[k][0]:lines[k][1]] for k in group]
    markdown = any(RULE_LINE.match(l) for l in raw_lines) or sum(l.strip().startswith("|") and l.strip().endswith("|") and l.strip() != "|" for l in raw_lines) > len(raw_lines) * 0.8
    cells = [None if RULE_LINE.match(l) else _pipe_cells(l, markdown) for l in raw_lines]
    out: list[Grid] = []
    if all(c is None or len(c) == 1 for c in cells) and sum(c is not None for c in cells) >= 4:
        flat = [(c[0], k) for c, k in zip(cells, group) if c is not None]
        g = _cells_grid(flat, text, lines)
        return [g] if g else []
    # pipe_rows: a line with a single cell before rows is the title of the rows that follow
    # (or their unit note or annex label); after them, a note
    current: list[tuple[list[str], int]] = []
    title: tuple[str, int] | None = None
    unit: str | None = None
    annex: str | None = None
    first_line: int | None = None

    def flush():
        nonlocal current, title, unit, annex, first_line
        if (current and out and title is not None and unit is None and annex is None
                and any(is_numeric(x) for x in current[0][0]) and len(current[0][0]) == len(out[-1].rows[0])):
            out[-1].rows.extend(c for c, _ in current)  # the single cell was a section row
            out[-1].end = lines[current[-1][1]][1]
        elif len(current) >= 2:
            start = lines[first_line if first_line is not None else current[0][1]][0]
            end = lines[current[-1][1]][1]
            out.append(Grid([c for c, _ in current], "pipe_rows", start, end, title=title[0] if title else None,
                            unit_note=unit, annex=annex, merged_total=True))
        current, title, unit, annex, first_line = [], None, None, None, None

    for c, k in zip(cells, group):
        if c is None:
            continue
        if len(c) == 1:
            text1 = c[0]
            if current and NOTE.match(text1):
                if len(current) >= 2:
                    flush()
                    out[-1].note = text1
                else:
                    flush()
                continue
            if current:
                flush()
            if first_line is None:
                first_line = k
            am = ANNEX_LABEL.match(text1)
            if UNIT_NOTE.match(text1):
                unit = text1
            elif text1.startswith("附") and am and not am.group(2):
                annex = inline(r"\s+").sub("", am.group(1))
            elif text1:
                title = (text1, k)
            continue
        current.append((c, k))
    flush()
    return out


def _cells_grid(flat: list[tuple[str, int]], text: str, lines) -> Grid | None:
    """One cell per line: the column count is the number of header cells before the first data row
    (with a 序号 column the first number is the first row's 序号, without one the row's name comes
    first); the rows are then checked for a regular shape. Caption cells before the header and
    note cells after the rows are taken out first."""
    vals = [v for v, _ in flat]
    title = unit = annex = note = None
    while len(vals) > 3 and not is_numeric(vals[0]) and _caption_cell(vals[0]):
        v = vals.pop(0)
        am = ANNEX_LABEL.match(v)
        if UNIT_NOTE.match(v):
            unit = v
        elif v.startswith("附") and am and not am.group(2):
            annex = inline(r"\s+").sub("", am.group(1))
        else:
            title = v
    while vals and NOTE.match(vals[-1]):
        note = vals.pop()
    first_num = next((i for i, v in enumerate(vals) if is_numeric(v)), None)
    if first_num is None or first_num < 1:
        return None
    indexed = INDEX_HEADER.match(vals[0].replace(" ", "")) is not None
    best = None
    for data_start in ([first_num] if indexed else [first_num - 1, first_num]):
        # header cells end where the data starts; the data's own shape may show fewer columns
        # (a two-row header with merged cells written once)
        for ncols in range(data_start, max(1, data_start - 3), -1):
            if ncols < 2:
                continue
            rows = _chunk(vals[data_start:], ncols, indexed)
            score = _consistency(rows, ncols) - (0.02 if ncols != data_start else 0.0)
            if best is None or score > best[0] + 1e-9:
                best = (score, data_start, rows)
    if best is None:
        return None
    _, data_start, rows = best
    start = lines[flat[0][1]][0]
    end = lines[flat[-1][1]][1]
    return Grid([vals[:data_start]] + rows, "pipe_cells", start, end, merged_total=True, title=title,
                unit_note=unit, annex=annex, note=note)


def _caption_cell(v: str) -> bool:
    """A table's caption written as its first cell: a title, a unit note or an annex label."""
    if UNIT_NOTE.match(v) or INDEX_HEADER.match(v.replace(" ", "")):
        return bool(UNIT_NOTE.match(v))
    if inline(r"^附\s*件?\s*[0-9一二三四五六七八九十]*\s*[:：]?$").match(v):
        return True
    return len(v) >= 8 and bool(inline(r"(?:统计表|情况表|一览表|汇总表|明细表|表|情况|统计)\s*(?:[(（][^()（）]*[)）])?$").search(v))


def _chunk(vals: list[str], ncols: int, has_index: bool) -> list[list[str]]:
    rows, pos = [], 0
    while pos < len(vals):
        if has_index and is_total_label(vals[pos]):
            row = [""] + vals[pos:pos + ncols - 1]
            pos += ncols - 1
        else:
            row = vals[pos:pos + ncols]
            pos += ncols
        rows.append(row + [""] * (ncols - len(row)))
    return rows


def _consistency(rows: list[list[str]], ncols: int) -> float:
    """How well the rows agree on which columns hold numbers (1.0: every row the same shape)."""
    if not rows:
        return 0.0
    agree = 0
    for j in range(ncols):
        kinds = [is_numeric(r[j]) for r in rows if r[j] and not is_total_label(r[j])]
        if kinds:
            agree += max(kinds.count(True), kinds.count(False)) / len(kinds)
    return agree / ncols


def _tab_grid(text: str, lines, group: list[int]) -> Grid | None:
    rows: list[list[str]] = []
    cur: list[str] = []
    for k in group:
        ln = text[lines[k][0]:lines[k][1]]
        if ln.startswith("\t"):
            cur.append(ln[1:].strip())
        elif cur:
            rows.append(cur)
            cur = []
    if cur:
        rows.append(cur)
    if len(rows) < 2:
        return None
    return Grid(rows, "tab_cells", lines[group[0]][0], lines[group[-1]][1])


# ---------------------------------------------------------------------------------------------
# captions around a table


def _annex_list(text: str) -> dict[str, str]:
    """`附件：1.标题` … `2.标题` → {标题: 附件1}."""
    out: dict[str, str] = {}
    for m in inline(r"(?m)^\s*附\s*件\s*[:：]\s*((?:\d{1,2}\s*[.、．]\s*[^\n]+\n?)(?:\s*\d{1,2}\s*[.、．]\s*[^\n]+\n?)*)").finditer(text):
        for item in inline(r"(?m)^\s*(?:附\s*件\s*[:：]\s*)?(\d{1,2})\s*[.、．]\s*(.+?)\s*$").finditer(m.group(0)):
            out[_squash(item.group(2))] = f"附件{item.group(1)}"
    return out


def _squash(s: str) -> str:
    return inline(r"[\s\"“”'‘’《》]").sub("", s)


def caption(text: str, start: int, end: int, grid: Grid, annexes: dict[str, str]) -> None:
    """Fills the grid's title, annex label, unit note (lines above) and note (lines below)."""
    lines_above = []
    ls = text.rfind("\n", 0, start) + 1
    if text[ls:start].strip():  # the table starts mid-line (a pdf caption run into its header)
        lines_above.append(text[ls:start].strip())
    pos = ls
    while pos > 0 and len(lines_above) < 8:
        ls = text.rfind("\n", 0, pos - 1) + 1
        line = text[ls:pos - 1]
        pos = ls
        if not line.strip():
            continue
        if _is_pipe_line(line) or line.startswith("\t"):
            break
        lines_above.append(line.strip())
    title_parts: list[str] = []
    have_title = grid.title is not None
    for line in lines_above:
        if UNIT_NOTE.match(line):
            grid.unit_note = grid.unit_note or line
            continue
        m = UNIT_AT_END.search(line)
        if m and m.start() > 0:  # 各街道办理情况统计表        单位：件
            grid.unit_note = grid.unit_note or m.group(0).strip()
            line = line[:m.start()].strip()
        if FORM_LINE.match(line):
            continue  # 填报单位：… / 统计时间：… between the caption and the table
        am = ANNEX_LABEL.match(line)
        if line.startswith("附") and am and (not am.group(2) or inline(r"^附\s*件?\s*[0-9一二三四五六七八九十]*\s*[:：]").match(line)):
            if am.group(2) and inline(r"^\d{1,2}\s*[.、．]").match(am.group(2)):
                break  # the letter's list of annexes, not this table's caption
            grid.annex = inline(r"\s+").sub("", am.group(1))
            if am.group(2) and not title_parts and not have_title:
                title_parts.append(am.group(2))
            break
        if len(line) > 60 or line.endswith(("。", "；", ";", "：", ":")) or _is_date(line):
            break
        if have_title or len(title_parts) >= 2 or (title_parts and not _bracketed(title_parts[-1])):
            continue  # the title is complete; look one line further for an annex label only
        title_parts.append(line)
    if not have_title and title_parts:
        grid.title = "".join(reversed(title_parts))
    elif have_title and title_parts and _bracketed(title_parts[0]):
        grid.title += title_parts[0]
    if grid.title and (grid.annex is None or not inline(r"\d").search(grid.annex)):
        key = _squash(grid.title)
        for t, label in annexes.items():
            if t and (t == key or (len(t) >= 6 and (t in key or key in t))):
                grid.annex = label
                break
    # a note right below
    ls = end + 1
    for _ in range(3):
        if ls >= len(text):
            break
        le = text.find("\n", ls)
        le = len(text) if le < 0 else le
        line = text[ls:le].strip()
        ls = le + 1
        if not line:
            continue
        if NOTE.match(line):
            grid.note = grid.note or line
        break


def _bracketed(s: str) -> bool:
    return bool(inline(r"^[(（].*[)）]$").match(s))


def _is_date(line: str) -> bool:
    return bool(inline(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$|^[〇零一二三四五六七八九○Ｏ0]{4}年").match(line))


# ---------------------------------------------------------------------------------------------
# structure the reader saw


@functools.lru_cache(maxsize=4096)
def _norm_cell(s: str) -> str:
    from .normalise import normalise_text

    return normalise_text(s) if s else s


def _rendered_rows(region: str, rows: list[list[str]]) -> list[list[str]] | None:
    """The cells as the normalised text has them, when the reader wrote the table there as
    `a | b | c |` lines (html, docx): normalised in context, like the rest of the document (a
    lone cell is too short to tell traditional script from simplified)."""
    lines = [l for l in region.split("\n") if l.strip()]
    if len(lines) != len(rows):
        return None
    out = []
    for line, row in zip(lines, rows):
        cells = [c.strip() for c in line.rstrip().removesuffix("|").split(" | ")]
        if len(cells) != len(row):
            return None
        out.append(cells)
    return out


def source_grids(doc: Document) -> list[Grid]:
    layout = {"html": "html", "docx": "docx", "pdf": "pdf", "doc": "docx"}.get(doc.source_format, doc.source_format)
    out = []
    for st in doc.source_tables:
        start, end = doc.to_text(st.start), doc.to_text(st.end)
        rows = _rendered_rows(doc.text[start:end], st.rows) or [[_norm_cell(c or "") for c in r] for r in st.rows]
        out.append(Grid(rows, layout, start, max(start, end - 1 if end > start and doc.text[end - 1:end] == "\n" else end),
                        expanded=True))
    return out


# ---------------------------------------------------------------------------------------------


def find_tables(doc: Document) -> list[Table]:
    text = doc.text
    grids = source_grids(doc)
    taken = [(g.start, g.end) for g in grids]
    grids += find_text_grids(text, taken)
    grids.sort(key=lambda g: g.start)
    annexes = _annex_list(text)
    tables = []
    for g in grids:
        caption(text, g.start, g.end, g, annexes)
        while g is not None:
            t = build(g)
            if t is not None and t.rows and len(t.columns) >= 2:
                tables.append(t)
            g = g.following
    return tables


def extract_tables(doc: Document) -> tuple[list[dict], list[dict]]:
    tables_rows, cells_rows = [], []
    for i, t in enumerate(find_tables(doc)):
        trow, cells = table_rows(i, t)
        tables_rows.append(trow)
        cells_rows.extend(cells)
    return tables_rows, cells_rows


# ---------------------------------------------------------------------------------------------
# display


def format_tables(tables: list[dict], cells: list[dict], checks: list[dict] | None = None,
                  max_rows: int = 60) -> str:
    """Text rendering of the tables (as grids of their cells) and of the checks that failed."""
    out: list[str] = []
    by_table: dict[int, list[dict]] = {}
    for c in cells:
        by_table.setdefault(c["table_id"], []).append(c)
    for t in tables:
        tid = t["table_id"]
        head = f"table {tid}"
        bits = [b for b in (t.get("annex"), t.get("title")) if b]
        if bits:
            head += ": " + " ".join(bits)
        meta = [f"layout {t.get('layout')}", f"{t.get('n_rows')} rows × {t.get('n_cols')} cols"]
        if t.get("unit_note"):
            meta.append(t["unit_note"])
        out.append(f"{head}  [{', '.join(meta)}]")
        tc = by_table.get(tid, [])
        cols = []
        for c in tc:
            if c["column"] not in cols:
                cols.append(c["column"])
        rows: dict[int, dict] = {}
        for c in tc:
            r = rows.setdefault(c["row"], {"label": c["row_label"], "total": c["is_total"]})
            r[c["column"]] = c["raw"]
        order = sorted(rows)
        shown = order[:max_rows]
        hidden = len(order) - len(shown)
        shown += [i for i in order[max_rows:] if rows[i]["total"]]  # the total rows are always shown
        hidden -= len(shown) - min(len(order), max_rows)
        table = [["", *cols]]
        for n, i in enumerate(shown):
            r = rows[i]
            if n == max_rows and hidden:
                table.append([f"… {hidden} more rows", *[""] * len(cols)])
            label = (r["label"] or "") + (" *" if r["total"] else "")
            table.append([label, *["" if r.get(col) is None else str(r.get(col)) for col in cols]])
        if hidden and len(shown) <= max_rows:
            table.append([f"… {hidden} more rows", *[""] * len(cols)])
        widths = [max(_width(row[k]) for row in table if not row[0].startswith("… ")) for k in range(len(table[0]))]
        for row in table:
            if row[0].startswith("… "):
                out.append("  " + row[0])
                continue
            out.append("  " + "  ".join(_pad(v, w, k > 0) for k, (v, w) in enumerate(zip(row, widths))).rstrip())
        if t.get("note"):
            out.append(f"  {t['note']}")
    failed = [c for c in (checks or []) if c.get("status") == "fail"]
    if checks:
        out.append(f"checks: {len(checks)} run, {len(failed)} failed")
        for c in failed:
            out.append(f"  FAIL {c['check']}: {c['subject']}: expected {_num(c.get('expected'))}, "
                       f"actual {_num(c.get('actual'))} ({c.get('detail') or ''})")
    return "\n".join(out)


def _num(v) -> str:
    if v is None:
        return "-"
    return f"{v:g}" if isinstance(v, float) else str(v)


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, w: int, right: bool) -> str:
    fill = " " * (w - _width(s))
    return fill + s if right else s + fill
