"""Check stage: totals against rows, headline figures against annex totals, rates against counts.

Every check is a row: `check` (id), `subject`, `status` (`pass`/`fail`), `expected` (what the
document states), `actual` (what its other numbers give), `detail`.

* `total_vs_rows` — a table's total row against the sum of its other rows, per count (or
  share) column; rates, scores and ranks are not summed.
* `rate_vs_columns` — a rate column (办结率, 采纳率 …) against the ratio of the count columns
  it is made of (办结 / 受理), row by row.
* `headline_vs_annex` — a headline count in the running text (figures with no entity) against
  the total row of the table it summarises: same kind of count, same channel.
* `category_vs_table` — a request category's count or share in the running text (咨询类2979件,
  占48.11%) against its row in a table of categories.
* `rate_vs_counts` — a stated rate in the running text (办结率) against the ratio of the counts
  stated just before it (办结 / 受理), same channel and entity.

Rates are compared at the precision they were written with: 98.2% passes for any ratio that
rounds (or truncates) to 98.2.
"""
from __future__ import annotations

import bisect
import functools

import math

import regex

from .figures import channel_of, fold_category
from .model import Document
from .patterns import inline

NON_SUMMABLE = regex.compile(r"率|排名|名次|得分|分数|总分|评分|考核|平均|均值|时长|时间|天数|星级|指数")
SHARE = regex.compile(r"占比|比重|比例|百分比")
# rows that are not parts of the total: subtotals, 其中 breakdowns, averages
PART_OF_ROW = regex.compile(r"^\s*(?:小\s*计|其\s*中|含|内\s*[:：]|[(（]?其中)|平\s*均|均\s*值|中位数")
UNIT_SUFFIX = regex.compile(r"\s*[(（][^()（）]*[)）]\s*$")
COUNT_SUFFIX = regex.compile(r"(?:数量|件数|条数|项数|个数|总数|数|量)$")

# kinds of count columns, in the order they are tried (超期办结 is overdue, not completed)
COLUMN_KINDS = [
    ("overdue", regex.compile(r"超期|逾期|延期|超时")),
    ("reopened", regex.compile(r"重办|退单|退回|重复")),
    ("adopted", regex.compile(r"采纳|采用|采发|刊用|录用")),
    ("submitted", regex.compile(r"报送|上报|投稿")),
    ("completed", regex.compile(r"办结|办理完毕|办复|已办|销号")),
    ("pending", regex.compile(r"在办|未办结|正在办理")),
    ("calls", regex.compile(r"话务|来电|呼入|接听|接通")),
    ("volume", regex.compile(r"受理|转办|派发|交办|承办|接收|收到|登记|工单|诉求|投诉|办件|来件|数量|总量|件数|接件|分派")),
]
DENOMINATOR = regex.compile(r"受理|转办|派发|交办|承办|接收|收到|登记|工单|诉求|投诉|办件|来件|数量|总量|接件|分派|报送")
ADOPTION = regex.compile(r"采纳|采用|采发|刊用|录用")


# titles of tables that list only part of what a headline counts
PART_TABLE = regex.compile(r"各(?:乡镇|镇|乡|街道|社区|村|县|区|县区|县市区|市|地区|园区)|前\s*[\d一二三四五六七八九十]+\s*[位名]|部分|重点")

# rate figure → (numerator metric, denominator metric)
RATE_FIGURES = {
    "completion_rate": ("completed", "volume"),
    "adoption_rate": ("adopted", "submitted"),
}


def run_checks(doc: Document, figures: list[dict], tables: list[dict], cells: list[dict]) -> list[dict]:
    by_table: dict[int, list[dict]] = {}
    for c in cells:
        by_table.setdefault(c["table_id"], []).append(c)
    out: list[dict] = []
    for t in tables:
        tc = by_table.get(t["table_id"], [])
        out += total_checks(t, tc)
        out += rate_column_checks(t, tc)
    out += headline_checks(figures, tables, by_table, doc.text or "")
    out += category_checks(figures, tables, by_table, doc.text or "")
    out += rate_figure_checks(doc, figures)
    return out


def _row(check: str, subject: str, ok: bool, expected: float | None, actual: float | None, detail: str) -> dict:
    return {"check": check, "subject": subject, "status": "pass" if ok else "fail",
            "expected": None if expected is None else float(expected),
            "actual": None if actual is None else float(round(actual, 6)), "detail": detail}


def _fmt(v: float) -> str:
    return f"{v:.6g}" if abs(v) < 1e6 else f"{v:.0f}"


def _decimals(raw: str | None) -> int:
    if not raw:
        return 0
    s = raw.strip().rstrip("%").replace(",", "")
    return len(s.split(".")[1]) if "." in s else 0


def _value_decimals(v: float) -> int:
    s = f"{v:.6f}".rstrip("0").rstrip(".")
    return len(s.split(".")[1]) if "." in s else 0


def rate_agrees(stated: float, decimals: int, lo: float, hi: float | None = None) -> bool:
    """Whether a ratio (percent) known to lie in [lo, hi] can be written `stated` with `decimals`
    places, rounded or cut off."""
    hi = lo if hi is None else hi
    step = 10.0 ** -decimals
    eps = 1e-9 + abs(stated) * 1e-12
    return lo <= stated + step + eps and hi >= stated - step / 2 - eps and (
        lo <= stated + step / 2 + eps or math.floor(lo / step + 1e-9) * step <= stated + eps)


def _last(column: str) -> str:
    return column.split("/")[-1]


def _stem(column: str) -> str:
    s = UNIT_SUFFIX.sub("", _last(column)).strip()
    s = COUNT_SUFFIX.sub("", s) or s
    return s[1:] if s.startswith("已") and len(s) > 2 else s


def column_kind(column: str) -> str | None:
    name = UNIT_SUFFIX.sub("", _last(column))
    if "率" in name or SHARE.search(name) or NON_SUMMABLE.search(name):
        return None
    for kind, pattern in COLUMN_KINDS:
        if pattern.search(name):
            return kind
    return None


def _columns(cells: list[dict]) -> list[str]:
    cols: list[str] = []
    for c in cells:
        if c["column"] not in cols:
            cols.append(c["column"])
    return cols


def _is_percent_column(column: str, cells: list[dict]) -> bool:
    return any((c.get("raw") or "").strip().endswith("%") for c in cells if c["column"] == column)


# ---------------------------------------------------------------------------------------------


def total_checks(table: dict, cells: list[dict]) -> list[dict]:
    out = []
    tid = table["table_id"]
    totals = sorted({c["row"] for c in cells if c["is_total"]})
    if not totals:
        return out
    for col in _columns(cells):
        name = UNIT_SUFFIX.sub("", _last(col))
        share = bool(SHARE.search(name))
        if not share and (NON_SUMMABLE.search(name) or _is_percent_column(col, cells)):
            continue
        colcells = [c for c in cells if c["column"] == col]
        parts = [c for c in colcells if not c["is_total"] and not PART_OF_ROW.search(c.get("row_label") or "")]
        values = [c["value"] for c in parts if c["value"] is not None]
        if len(values) < 2:
            continue
        for row in totals:
            total = next((c for c in colcells if c["row"] == row), None)
            if total is None or total["value"] is None:
                continue
            actual = sum(values)
            decimals = max([_decimals(c.get("raw")) for c in parts] + [_decimals(total.get("raw"))])
            tol = (0.5 * 10.0 ** -decimals) * len(values) if decimals or share else 1e-6
            ok = abs(actual - total["value"]) <= tol + 1e-9
            missing = len(parts) - len(values)
            detail = (f"{total['row_label'] or '合计'} row {_fmt(total['value'])}, sum of {len(values)} rows "
                      f"{_fmt(actual)}" + (f" ({missing} rows without a value)" if missing else ""))
            if not ok:
                detail += f", off by {_fmt(actual - total['value'])}"
            out.append(_row("total_vs_rows", f"table {tid} column {col}", ok, total["value"], actual, detail))
    return out


def _pair_columns(rate_col: str, columns: list[str], cells: list[dict]) -> tuple[str, str] | None:
    """The count columns a rate column is the ratio of: (numerator, denominator)."""
    stem = UNIT_SUFFIX.sub("", _last(rate_col)).strip()
    if not stem.endswith("率"):
        return None
    stem = stem[:-1]
    group = rate_col.rsplit("/", 1)[0] if "/" in rate_col else None
    counts = [c for c in columns if c != rate_col and "率" not in _last(c) and not _is_percent_column(c, cells)
              and not SHARE.search(_last(c))]
    num = [c for c in counts if _stem(c) == stem]
    if not num:
        return None
    # prefer the numerator in the rate's own header group
    num.sort(key=lambda c: (c.rsplit("/", 1)[0] if "/" in c else None) != group)
    numerator = num[0]
    dens = [c for c in counts if c != numerator and DENOMINATOR.search(UNIT_SUFFIX.sub("", _last(c)))
            and column_kind(c) in ("volume", "submitted")]
    if not dens:
        return None
    adoption = bool(ADOPTION.search(stem))
    dens.sort(key=lambda c: (("报送" in c) != adoption,
                             (c.rsplit("/", 1)[0] if "/" in c else None) != group, columns.index(c)))
    return numerator, dens[0]


def rate_column_checks(table: dict, cells: list[dict]) -> list[dict]:
    out = []
    tid = table["table_id"]
    columns = _columns(cells)
    rows: dict[int, dict[str, dict]] = {}
    for c in cells:
        rows.setdefault(c["row"], {})[c["column"]] = c
    for col in columns:
        pair = _pair_columns(col, columns, cells)
        if pair is None:
            continue
        num_col, den_col = pair
        for r in sorted(rows):
            rc, nc, dc = rows[r].get(col), rows[r].get(num_col), rows[r].get(den_col)
            if not (rc and nc and dc) or None in (rc["value"], nc["value"], dc["value"]) or not dc["value"]:
                continue
            computed = nc["value"] / dc["value"] * 100
            ok = rate_agrees(rc["value"], _decimals(rc.get("raw")), computed)
            label = rc.get("row_label") or f"row {r}"
            detail = f"{num_col} {_fmt(nc['value'])} / {den_col} {_fmt(dc['value'])} = {computed:.4f}%"
            out.append(_row("rate_vs_columns", f"table {tid} row {label} column {col}", ok, rc["value"], computed, detail))
    return out


# ---------------------------------------------------------------------------------------------


def figure_precision(text: str, f: dict) -> float:
    """Half the last written digit of a count figure in absolute units: 1.59万 → 50, 1,241 → 0."""
    start, end = f.get("start"), f.get("end")
    if start is None or end is None or not (0 <= start < end <= len(text)):
        return 0.0
    raw = text[start:end]
    scale = 1.0
    m = inline(r"^\s*[\d,]+(?:\.(\d+))?\s*(万|亿)?").match(raw)
    if m is None:
        return 0.0
    unit = m.group(2) or (inline(r"\s*(万|亿)").match(text[end:end + 3]) or [None, None])[1]
    if unit:
        scale = 1e4 if unit == "万" else 1e8
    decimals = len(m.group(1) or "")
    if scale == 1.0 and decimals == 0:
        return 0.0
    return 0.5 * 10.0 ** -decimals * scale


def headline_checks(figures: list[dict], tables: list[dict], by_table: dict[int, list[dict]],
                    text: str = "") -> list[dict]:
    headline = [f for f in figures if not f.get("entity") and f.get("value") is not None]
    if not headline:
        return []
    totals = []  # (table, cell, kind, channel)
    for t in tables:
        title_channel = channel_of(t.get("title"))
        for c in by_table.get(t["table_id"], []):
            if not c["is_total"] or c["value"] is None:
                continue
            kind = column_kind(c["column"])
            if kind is None:
                continue
            channel = channel_of(c["column"].rsplit("/", 1)[0]) if "/" in c["column"] else None
            totals.append((t, c, kind, channel or title_channel))

    def equal(f: dict, c: dict) -> bool:
        return abs(float(f["value"]) - c["value"]) <= figure_precision(text, f) + 1e-6 * max(1.0, abs(c["value"]))

    def candidates(kind: str, channel: str | None) -> list[dict]:
        return [f for f in headline if f.get("metric") == kind and (channel is None or f.get("channel") in (channel, None))]

    # a figure equal to some table's total belongs to that table, and is nobody else's counter-example
    claimed = {id(f) for _, c, kind, channel in totals for f in candidates(kind, channel) if equal(f, c)}
    out = []
    for t, c, kind, channel in totals:
        subject = f"table {t['table_id']} {c['row_label'] or '合计'} {c['column']}"
        cands = candidates(kind, channel)
        same = [f for f in cands if equal(f, c)]
        if same:
            f = same[0]
            out.append(_row("headline_vs_annex", subject, True, float(f["value"]), c["value"],
                            f"text “{_clip(f.get('text'))}” = the table's total row"))
            continue
        others = [f for f in cands if id(f) not in claimed]
        if channel is None or not others:
            continue  # no channel to say which figure the table sums up
        f = min(others, key=lambda f: f.get("start") or 0)
        if float(f["value"]) > c["value"] and PART_TABLE.search(t.get("title") or ""):
            continue  # a table of the towns (or the top N) sums up only part of the headline
        out.append(_row("headline_vs_annex", subject, False, float(f["value"]), c["value"],
                        f"text “{_clip(f.get('text'))}” says {_fmt(float(f['value']))} ({kind}, {channel}), "
                        f"the table's total row {_fmt(c['value'])}"))
    return out




BLANKS = regex.compile(r"\s+")
CATEGORY_TAIL = regex.compile(r"(?:诉求|问题|事项|工单)$")


@functools.lru_cache(maxsize=4096)
def row_category(s: str | None) -> str | None:
    """A table's row label (or a figure's category) as a figure category: blanks and a
    trailing 诉求/问题… dropped, then folded as the figures stage folds."""
    if not s:
        return None
    s = BLANKS.sub("", s).removesuffix("类")
    return fold_category(CATEGORY_TAIL.sub("", s) or s)


def category_checks(figures: list[dict], tables: list[dict], by_table: dict[int, list[dict]],
                    text: str = "") -> list[dict]:
    """Category figures against the rows of a table of categories (类型 | 数量 | 占比)."""
    cats = [f for f in figures if f.get("metric") in ("category_count", "category_share") and f.get("category")
            and not f.get("entity") and f.get("value") is not None]
    out = []
    for f in cats:
        want = row_category(f["category"])
        share = f["metric"] == "category_share"
        for t in tables:
            cells = by_table.get(t["table_id"], [])
            rows = [c for c in cells if not c["is_total"] and row_category(c.get("row_label")) == want]
            if not rows:
                continue
            if share:
                col = [c for c in rows if SHARE.search(_last(c["column"])) and c["value"] is not None]
            else:
                col = [c for c in rows if column_kind(c["column"]) == "volume" and c["value"] is not None]
            if len(col) != 1:
                continue  # no such column, or several to choose from
            c = col[0]
            if share:
                ok = rate_agrees(float(f["value"]), _value_decimals(float(f["value"])), c["value"]) or \
                    rate_agrees(c["value"], _decimals(c.get("raw")), float(f["value"]))
            else:
                ok = abs(float(f["value"]) - c["value"]) <= figure_precision(text, f) + 1e-6
            out.append(_row("category_vs_table", f"table {t['table_id']} {c['row_label']} {c['column']}", ok,
                            float(f["value"]), c["value"], f"text “{_clip(f.get('text'))}”, the table's row {c['raw']}"))
            break
    return out


def _clip(s: str | None, n: int = 40) -> str:
    s = (s or "").replace("\n", " ")
    return s if len(s) <= n else s[:n] + "…"


LOOK_BACK = 40


def rate_figure_checks(doc: Document, figures: list[dict]) -> list[dict]:
    """A stated rate against the counts stated before it in the same paragraph: the nearest
    numerator (办结 N件) and, before that, the nearest denominator (受理 M件) not smaller than it
    (so that 其中 breakdowns such as 网络渠道338件 are passed over)."""
    out = []
    text = doc.text or ""
    ordered = sorted((f for f in figures if f.get("value") is not None and f.get("start") is not None),
                     key=lambda f: f["start"])
    line_starts = [0] + [m.end() for m in inline(r"\n").finditer(text)]
    for i, rate in enumerate(ordered):
        pair = RATE_FIGURES.get(rate.get("metric"))
        if pair is None:
            continue
        num_metric, den_metric = pair
        para_start = line_starts[bisect.bisect_right(line_starts, rate["start"]) - 1]

        def before(metric: str, upto: int, at_least: float | None = None, stop: str | None = None) -> int | None:
            # the counts a rate is made of stand just before it: a bounded look back
            for j in range(upto - 1, max(upto - LOOK_BACK, 0) - 1, -1):
                f = ordered[j]
                if f["start"] < para_start:
                    return None
                if f.get("metric") == rate.get("metric"):
                    return None  # another stated rate in between: the counts before it are its own
                if stop and f.get("metric") == stop and f.get("channel") == rate.get("channel"):
                    return None  # 直接答复N件，转办M件。转办按期办结率: N is not what the rate is of
                if (f.get("metric") == metric and f.get("channel") == rate.get("channel")
                        and (f.get("entity") or None) == (rate.get("entity") or None)
                        and (at_least is None or float(f["value"]) >= at_least)):
                    return j
            return None

        num_at = before(num_metric, i, stop=den_metric)
        if num_at is None:
            continue
        num = ordered[num_at]
        den_at = before(den_metric, num_at, at_least=float(num["value"]))
        den = ordered[den_at] if den_at is not None else None
        if den is None or not den["value"]:
            continue
        n, d = float(num["value"]), float(den["value"])
        hn, hd = figure_precision(text, num), figure_precision(text, den)
        computed = n / d * 100
        lo, hi = (n - hn) / (d + hd) * 100, (n + hn) / max(d - hd, 1e-9) * 100
        raw = text[rate["start"]:rate["end"]] if rate.get("end") else ""
        decimals = _decimals(raw) if inline(r"^\s*[\d.,]+%?\s*$").match(raw) else _value_decimals(float(rate["value"]))
        ok = rate_agrees(float(rate["value"]), decimals, lo, hi)
        who = rate.get("entity") or rate.get("channel") or "document"
        detail = (f"{num_metric} {_fmt(n)} / {den_metric} {_fmt(d)} = {computed:.4f}%"
                  + (f" ({lo:.2f}–{hi:.2f}% at the counts' precision)" if hn or hd else "")
                  + f" (“{_clip(rate.get('text'))}”)")
        out.append(_row("rate_vs_counts", f"{rate['metric']} of {who}", ok, float(rate["value"]), computed, detail))
    return out
