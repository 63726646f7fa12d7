"""`extractor report FILE --out page.html`: one circular as a self-contained review page.

The page shows the normalised text with every figure highlighted (a `<mark class="fig">`
carrying `data-figure-ids`, `data-metric`, `data-value`, `data-pattern`, a JSON
`data-figures` with every detail, and a `title` tooltip), the document's metadata, its
tables rendered with their cells, the normalisation fixes applied, the consistency checks
with their outcome, and any errors. Everything is escaped; CSS and the one small script are
inline, so the page has no external resources and can be mailed or archived as it is.

Figures whose numbers share the same span become one element that lists each of them;
a span inside another is nested in it; spans that cross (neither inside the other) are
merged into one element covering both, so the markup stays well formed and no figure is
left without a highlight. On load, the script counts the highlighted elements that are
actually laid out and writes that into `<body data-visible-highlights=…
data-visible-figures=…>`, which a headless browser can read back.

`cjk_font()` finds a font with Chinese glyphs for matplotlib (used by the notebook).
"""
from __future__ import annotations

import html
import json
import math
import operator
import re
from dataclasses import dataclass, field
from pathlib import Path

RATE_METRICS = {
    "completion_rate", "satisfaction_rate", "response_rate", "connection_rate", "resolution_rate",
    "direct_resolution_rate", "category_share", "adoption_rate", "rectification_rate",
    "change_rate", "share",
}
SCORE_METRICS = {"score", "rank"}

# fonts with Chinese glyphs, by family name, then by file (Debian's fonts-wqy-microhei and
# fonts-noto-cjk; `.ci/run` installs the first)
CJK_FAMILIES = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei",
                "Source Han Sans SC", "SimHei", "Microsoft YaHei", "PingFang SC")
CJK_FILES = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
             "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
             "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


# ---------------------------------------------------------------------------- the page

def build_report(path: str | Path) -> str:
    """Runs the pipeline on one file in-process and returns the review page as HTML."""
    from .pipeline import Task, process_file

    result = process_file(Task(str(path), None))
    return render_html(result.rows, source=str(path), status=result.status)


def write_report(path: str | Path, out: str | Path) -> dict:
    """Writes the review page of `path` to `out`; returns counts for the command's summary."""
    from .pipeline import Task, process_file

    result = process_file(Task(str(path), None))
    page = render_html(result.rows, source=str(path), status=result.status)
    out = Path(out)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    rows = result.rows
    return {"status": result.status, "figures": len(rows.get("figures", [])),
            "tables": len(rows.get("tables", [])), "checks": len(rows.get("checks", [])),
            "failed_checks": sum(1 for c in rows.get("checks", []) if c.get("status") == "fail"),
            "errors": len(rows.get("errors", []))}


def render_html(rows: dict[str, list[dict]], source: str = "", status: str | None = None) -> str:
    """The review page for one file's result rows (as `pipeline.process_file` returns them)."""
    docs = rows.get("documents") or []
    doc = docs[0] if docs else {}
    text = ""
    if doc:
        text = next((t.get("text") or "" for t in rows.get("texts", []) if t.get("doc_id") == doc.get("doc_id")), "")
    figures = sorted(rows.get("figures", []), key=lambda f: (f.get("figure_id", 0), f.get("start", 0)))
    title = doc.get("title") or doc.get("source_path") or Path(source).name or "document"

    marked, placed, unplaced = highlight(text, figures)
    checks = rows.get("checks", [])
    n_fail = sum(1 for c in checks if c.get("status") == "fail")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-Hans"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)} · extractor review</title>",
        f"<style>{CSS}</style></head>",
        f'<body data-figures="{len(figures)}" data-highlighted-figures="{len(placed)}" '
        f'data-visible-highlights="" data-visible-figures="">',
        "<header>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="source">{_e(source or doc.get("source_path") or "")}</p>',
        _summary(doc, figures, placed, rows, n_fail, status),
        '<nav><a href="#text">text</a> · <a href="#figures">figures</a> · <a href="#tables">tables</a> · '
        '<a href="#checks">checks</a> · <a href="#fixes">fixes</a>'
        + (' · <a href="#errors">errors</a>' if rows.get("errors") else "") + "</nav>",
        "</header><main>",
        _metadata(doc),
        '<section id="text"><h2>Normalised text</h2>',
        _legend(),
        f'<div class="text">{marked}</div>' if doc else '<p class="empty">The file could not be read: see the errors below.</p>',
        "</section>",
        _figure_table(figures, placed, unplaced),
        _tables(rows.get("tables", []), rows.get("cells", [])),
        _checks(checks),
        _fixes(doc.get("fixes") or []),
        _errors(rows.get("errors", [])),
        "</main>",
        f"<script>{SCRIPT}</script>",
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


# ---------------------------------------------------------------------------- highlighting

@dataclass
class _Node:
    start: int
    end: int
    figures: list[dict]
    children: list["_Node"] = field(default_factory=list)


def highlight(text: str, figures: list[dict]) -> tuple[str, dict[int, str], list[dict]]:
    """The text as escaped HTML with every figure's span in a `<mark>`.

    Returns (html, {figure_id: element id}, figures whose offsets are not in the text).
    Deterministic: spans are taken by (start, longest first); equal spans share one
    element, nested spans nest, crossing spans merge into the outer element.
    """
    spans: dict[tuple[int, int], list[dict]] = {}
    unplaced: list[dict] = []
    for f in figures:
        try:  # ints from the pipeline, numpy ints from a Parquet read
            start, end = operator.index(f.get("start")), operator.index(f.get("end"))
        except TypeError:
            unplaced.append(f)
            continue
        if not 0 <= start < end <= len(text):
            unplaced.append(f)
            continue
        spans.setdefault((start, end), []).append(f)

    roots: list[_Node] = []
    stack: list[_Node] = []
    for (start, end) in sorted(spans, key=lambda s: (s[0], -s[1])):
        node = _Node(start, end, sorted(spans[(start, end)], key=lambda f: f.get("figure_id", 0)))
        while stack and stack[-1].end <= start:
            stack.pop()
        if stack and stack[-1].end < end:  # crosses the open element: merge into it
            top = stack[-1]
            top.end = end
            top.figures.extend(node.figures)
            # the widened element may now cross its own parents: they absorb it
            while len(stack) > 1 and stack[-2].end < stack[-1].end:
                child = stack.pop()
                parent = stack[-1]
                parent.children.remove(child)
                parent.children.extend(child.children)
                parent.children.sort(key=lambda n: (n.start, -n.end))
                parent.figures.extend(child.figures)
                parent.end = child.end
            continue
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)

    placed: dict[int, str] = {}
    out: list[str] = []

    def emit(nodes: list[_Node], lo: int, hi: int) -> None:
        pos = lo
        for n in nodes:
            out.append(_text(text[pos:n.start]))
            n.figures.sort(key=lambda f: f.get("figure_id", 0))
            ids = [f.get("figure_id", 0) for f in n.figures]
            el_id = f"fig-{ids[0]}"
            for i in ids:
                placed[i] = el_id
            out.append(_mark_open(n, el_id))
            emit(n.children, n.start, n.end)
            out.append("</mark>")
            pos = n.end
        out.append(_text(text[pos:hi]))

    emit(roots, 0, len(text))
    return "".join(out), placed, unplaced


def _mark_open(node: _Node, el_id: str) -> str:
    figs = node.figures
    kinds = {_kind(f.get("metric")) for f in figs}
    classes = ["fig", f"k-{kinds.pop() if len(kinds) == 1 else 'mixed'}"]
    if len(figs) > 1:
        classes.append("multi")
    if node.children:
        classes.append("outer")
    detail = [{k: _jsonable(f.get(k)) for k in ("figure_id", "metric", "value", "unit", "category", "entity",
                                                 "channel", "approx", "pattern", "start", "end")} for f in figs]
    tip = "\n".join(_tip(f) for f in figs)
    attrs = {
        "id": el_id,
        "class": " ".join(classes),
        "data-figure-ids": " ".join(str(f.get("figure_id", 0)) for f in figs),
        "data-metric": " ".join(str(f.get("metric")) for f in figs),
        "data-value": " ".join(_num(f.get("value")) for f in figs),
        "data-unit": " ".join(str(f.get("unit") or "-") for f in figs),
        "data-pattern": " ".join(str(f.get("pattern")) for f in figs),
        "data-figures": json.dumps(detail, ensure_ascii=False, sort_keys=True),
        "title": tip,
        "data-tip": tip,
        "tabindex": "0",
    }
    return "<mark " + " ".join(f'{k}="{_e(v)}"' for k, v in attrs.items()) + ">"


def _tip(f: dict) -> str:
    what = f"{'≈' if f.get('approx') else ''}{_num(f.get('value'))}{f.get('unit') or ''}"
    bits = [f"#{f.get('figure_id', 0)} {f.get('metric')}"
            + (f"[{f['category']}]" if f.get("category") else "") + f" = {what}"]
    if f.get("entity"):
        bits.append(f"entity: {f['entity']}")
    if f.get("channel"):
        bits.append(f"channel: {f['channel']}")
    bits.append(f"pattern: {f.get('pattern')}")
    return " · ".join(bits)


def _kind(metric) -> str:
    if metric in RATE_METRICS:
        return "rate"
    if metric in SCORE_METRICS:
        return "score"
    return "count"


# ---------------------------------------------------------------------------- sections

def _summary(doc, figures, placed, rows, n_fail, status) -> str:
    checks = rows.get("checks", [])
    items = [
        f"<b>{len(figures)}</b> figures ({len(placed)} highlighted)",
        f"<b>{len(rows.get('tables', []))}</b> tables, {len(rows.get('cells', []))} cells",
        f"<b>{len(checks)}</b> checks, " + (f'<span class="bad">{n_fail} failed</span>' if n_fail else "all passed"),
        f"<b>{len(doc.get('fixes') or [])}</b> fixes applied",
        f"status <b>{_e(doc.get('status') or status or 'failed')}</b>",
    ]
    if rows.get("errors"):
        items.append(f'<span class="bad">{len(rows["errors"])} errors</span>')
    return '<p class="summary">' + " · ".join(items) + "</p>"


def _metadata(doc: dict) -> str:
    if not doc:
        return ""
    region = " ".join(str(doc[k]) for k in ("province", "city", "county") if doc.get(k))
    period = doc.get("period_label") or ""
    if doc.get("period_start") or doc.get("period_end"):
        period += f" ({doc.get('period_start') or '?'} – {doc.get('period_end') or '?'})"
    fields = [
        ("doc_id", doc.get("doc_id")), ("document number", doc.get("doc_number")),
        ("issue", doc.get("issue_no")), ("issuer", doc.get("issuer")),
        ("issued", doc.get("issue_date")), ("published", doc.get("published_date")),
        ("period", period or None), ("region", (region + (f" ({doc['admin_code']})" if doc.get("admin_code") else "")) or None),
        ("format", " / ".join(str(doc[k]) for k in ("source_format", "encoding", "script") if doc.get(k))),
    ]
    none = '<span class="none">—</span>'
    cells = "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v) if v not in (None, '') else none}</dd></div>" for k, v in fields)
    return f'<section id="meta"><h2>Metadata</h2><dl class="meta">{cells}</dl></section>'


def _legend() -> str:
    return ('<p class="legend"><mark class="fig k-count">count</mark> <mark class="fig k-rate">rate</mark> '
            '<mark class="fig k-score">score / rank</mark> <mark class="fig k-mixed multi">several figures</mark> '
            '— hover a number for its metric, value and pattern; click it (or its row under Figures) to pin the note.</p>')


def _figure_table(figures, placed, unplaced) -> str:
    head = ("<tr><th>#</th><th>metric</th><th>value</th><th>unit</th><th>category</th><th>entity</th>"
            "<th>channel</th><th>section</th><th>pattern</th><th>offsets</th></tr>")
    body = []
    for f in figures:
        fid = f.get("figure_id", 0)
        el = placed.get(fid)
        num = f'<a href="#{el}">{fid}</a>' if el else f'{fid} <span class="bad">not in text</span>'
        value = ("≈" if f.get("approx") else "") + _num(f.get("value"))
        body.append(
            f"<tr><td>{num}</td><td>{_e(f.get('metric'))}</td><td class=\"n\">{_e(value)}</td><td>{_e(f.get('unit'))}</td>"
            f"<td>{_e(f.get('category'))}</td><td>{_e(f.get('entity'))}</td><td>{_e(f.get('channel'))}</td>"
            f"<td>{_e(f.get('section'))}</td><td><code>{_e(f.get('pattern'))}</code></td>"
            f"<td class=\"n\">{_e(f.get('start'))}–{_e(f.get('end'))}</td></tr>")
    note = f'<p class="bad">{len(unplaced)} figures have offsets outside the text.</p>' if unplaced else ""
    if not figures:
        return '<section id="figures"><h2>Figures</h2><p class="empty">No figures found.</p></section>'
    return (f'<section id="figures"><h2>Figures ({len(figures)})</h2>{note}'
            f'<table class="grid">{head}{"".join(body)}</table></section>')


def _tables(tables: list[dict], cells: list[dict]) -> str:
    if not tables:
        return '<section id="tables"><h2>Tables</h2><p class="empty">No tables found.</p></section>'
    by_table: dict = {}
    for c in cells:
        by_table.setdefault(c.get("table_id"), []).append(c)
    out = [f'<section id="tables"><h2>Tables ({len(tables)})</h2>']
    for t in sorted(tables, key=lambda t: t.get("table_id", 0)):
        tid = t.get("table_id", 0)
        tcells = by_table.get(tid, [])
        columns = list(t.get("columns") or [])
        n_cols = max([len(columns)] + [int(c.get("col", 0)) + 1 for c in tcells])
        columns += [""] * (n_cols - len(columns))
        grid: dict[int, dict[int, dict]] = {}
        labels: dict[int, str] = {}
        totals: set[int] = set()
        for c in tcells:
            r = int(c.get("row", 0))
            grid.setdefault(r, {})[int(c.get("col", 0))] = c
            if c.get("row_label") is not None:
                labels.setdefault(r, c["row_label"])
            if c.get("is_total"):
                totals.add(r)
        caption = " · ".join(_e(x) for x in (t.get("annex"), t.get("title"), t.get("unit_note")) if x)
        out.append(f'<div class="table" id="table-{_e(tid)}"><h3>table {_e(tid)}'
                   + (f" — {caption}" if caption else "") + "</h3>")
        out.append(f'<p class="tmeta">layout {_e(t.get("layout"))} · {_e(t.get("n_rows"))} rows × '
                   f'{_e(t.get("n_cols"))} columns · offsets {_e(t.get("start"))}–{_e(t.get("end"))}</p>')
        out.append('<table class="grid cells"><tr>' + "".join(f"<th>{_e(h)}</th>" for h in columns) + "</tr>")
        for r in sorted(grid):
            row = grid[r]
            tds = []
            for col in range(n_cols):
                c = row.get(col)
                if c is None:
                    content = _e(labels.get(r, "")) if col == 0 else ""
                    tds.append(f'<td class="label">{content}</td>' if col == 0 else "<td></td>")
                    continue
                tip = f"value {_num(c.get('value'))} {c.get('unit') or ''}".strip() if c.get("value") is not None else "not numeric"
                cls = "n" if c.get("value") is not None else "t"
                tds.append(f'<td class="{cls}" title="{_e(tip)}" data-value="{_e(_num(c.get("value")))}">{_e(c.get("raw"))}</td>')
            out.append(f'<tr class="{"total" if r in totals else ""}">' + "".join(tds) + "</tr>")
        out.append("</table>")
        if t.get("note"):
            out.append(f'<p class="tmeta">note: {_e(t["note"])}</p>')
        out.append("</div>")
    out.append("</section>")
    return "".join(out)


_TABLE_REF = re.compile(r"\btable (\d+)\b")


def _checks(checks: list[dict]) -> str:
    if not checks:
        return '<section id="checks"><h2>Checks</h2><p class="empty">No checks ran.</p></section>'
    n_fail = sum(1 for c in checks if c.get("status") == "fail")
    rows = []
    for c in checks:
        ok = c.get("status") == "pass"
        subject = _TABLE_REF.sub(lambda m: f'<a href="#table-{m.group(1)}">table {m.group(1)}</a>', _e(c.get("subject")))
        rows.append(f'<tr class="{"pass" if ok else "fail"}"><td>{_e(c.get("check"))}</td><td>{subject}</td>'
                    f'<td class="status">{_e(c.get("status"))}</td><td class="n">{_e(_num(c.get("expected")))}</td>'
                    f'<td class="n">{_e(_num(c.get("actual")))}</td><td>{_e(c.get("detail"))}</td></tr>')
    return (f'<section id="checks"><h2>Checks ({len(checks)}, {n_fail} failed)</h2><table class="grid">'
            "<tr><th>check</th><th>subject</th><th>status</th><th>expected</th><th>actual</th><th>detail</th></tr>"
            + "".join(rows) + "</table></section>")


def _fixes(fixes: list[dict]) -> str:
    if not fixes:
        return '<section id="fixes"><h2>Fixes applied</h2><p class="empty">The text needed no fixes.</p></section>'
    rows = "".join(f'<tr><td><code>{_e(f.get("fix"))}</code></td><td class="n">{_e(f.get("count"))}</td></tr>' for f in fixes)
    return (f'<section id="fixes"><h2>Fixes applied ({len(fixes)})</h2><table class="grid">'
            f"<tr><th>fix</th><th>places changed</th></tr>{rows}</table></section>")


def _errors(errors: list[dict]) -> str:
    if not errors:
        return ""
    rows = "".join(f'<tr><td>{_e(e.get("stage"))}</td><td>{_e(e.get("error"))}</td><td>{_e(e.get("message"))}</td></tr>'
                   for e in errors)
    return (f'<section id="errors"><h2>Errors ({len(errors)})</h2><table class="grid">'
            f"<tr><th>stage</th><th>error</th><th>message</th></tr>{rows}</table></section>")


# ---------------------------------------------------------------------------- helpers

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _text(s: str) -> str:
    """Escaped running text; page breaks shown as a rule, other control characters as �."""
    s = html.escape(s, quote=False).replace("\r\n", "\n").replace("\r", "\n")
    s = s.replace("\f", '<span class="pagebreak" aria-label="page break"></span>')
    return _CONTROL.sub("\ufffd", s)


def _e(v) -> str:
    if v is None:
        return ""
    return _CONTROL.sub("\ufffd", html.escape(str(v), quote=True))


def _num(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, (int, float)):
        return f"{v:.10g}"
    return str(v)


def _jsonable(v):
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # numpy scalars
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)


# ---------------------------------------------------------------------------- fonts

def cjk_font() -> tuple[str, str]:
    """(family name, file) of an installed font with Chinese glyphs, registered with
    matplotlib; raises LookupError when there is none (install `fonts-wqy-microhei`)."""
    from matplotlib import font_manager

    by_name = {}
    for entry in font_manager.fontManager.ttflist:
        by_name.setdefault(entry.name, entry.fname)
    for family in CJK_FAMILIES:
        if family in by_name and Path(by_name[family]).exists():
            return family, by_name[family]
    for fname in CJK_FILES:  # installed after matplotlib built its font cache
        if Path(fname).exists():
            font_manager.fontManager.addfont(fname)
            return font_manager.FontProperties(fname=fname).get_name(), fname
    raise LookupError("no font with Chinese glyphs found: apt-get install fonts-wqy-microhei")


def use_cjk_font() -> str:
    """Sets matplotlib's sans-serif font to a CJK font (labels are not boxes); returns its name."""
    import matplotlib

    family, _ = cjk_font()
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [family] + [f for f in matplotlib.rcParams["font.sans-serif"] if f != family]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return family


# ---------------------------------------------------------------------------- page assets

CSS = """
:root{--count:#ffe08a;--rate:#a8e6b8;--score:#b9d4ff;--mixed:#f5b8e0;--ink:#1d232a;--dim:#68707a;--line:#d9dde2}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 "Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:#f6f7f9}
header{background:#fff;border-bottom:1px solid var(--line);padding:16px 28px}
header h1{margin:0 0 4px;font-size:22px}
.source{margin:0;color:var(--dim);font-family:monospace}
.summary{margin:8px 0}
nav a{color:#2359a8}
main{padding:8px 28px 40px;max-width:1200px}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 18px;margin:16px 0}
h2{font-size:18px;margin:4px 0 10px}
h3{font-size:15px;margin:14px 0 4px}
.text{white-space:pre-wrap;word-break:break-all;line-height:1.9;font-size:16px}
mark.fig{border-radius:3px;padding:1px 2px;border-bottom:2px solid rgba(0,0,0,.35);cursor:help;color:inherit}
mark.k-count{background:var(--count)} mark.k-rate{background:var(--rate)}
mark.k-score{background:var(--score)} mark.k-mixed{background:var(--mixed)}
mark.multi{outline:2px dotted #b04a9a}
mark.fig:hover,mark.fig:focus,mark.fig:target{outline:2px solid #d2462f}
.pagebreak{display:block;border-top:1px dashed var(--dim);margin:6px 0}
.legend{color:var(--dim);font-size:13px}
dl.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:2px 24px;margin:0}
dl.meta div{display:flex;gap:10px} dl.meta dt{color:var(--dim);min-width:120px} dl.meta dd{margin:0}
mark.fig{position:relative}
mark.fig:focus::after,mark.fig:target::after{content:attr(data-tip);position:absolute;left:0;top:100%;margin-top:4px;
  white-space:pre;background:#263040;color:#fff;font-size:12px;line-height:1.5;padding:4px 8px;border-radius:4px;z-index:5;
  box-shadow:0 2px 6px rgba(0,0,0,.3)}
table.grid{border-collapse:collapse;font-size:13px;width:100%}
table.grid th,table.grid td{border:1px solid var(--line);padding:3px 6px;vertical-align:top}
table.grid th{background:#eef1f4;text-align:left}
table.cells{width:auto}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.total td{font-weight:bold;background:#f3f6fa}
tr.pass td.status{color:#1f7a3a;font-weight:bold} tr.fail td.status{color:#c0392b;font-weight:bold}
tr.fail{background:#fdecea}
.tmeta{color:var(--dim);font-size:12px;margin:2px 0}
.bad{color:#c0392b;font-weight:bold}
.empty,.none{color:var(--dim)}
"""

SCRIPT = """
window.addEventListener("load", function () {
  var marks = document.querySelectorAll("mark.fig[data-figure-ids]");
  var visible = 0, ids = {};
  marks.forEach(function (m) {
    var r = m.getBoundingClientRect(), s = getComputedStyle(m);
    if (r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none") {
      visible += 1;
      m.getAttribute("data-figure-ids").split(" ").forEach(function (i) { ids[i] = true; });
    }
  });
  document.body.setAttribute("data-visible-highlights", String(visible));
  document.body.setAttribute("data-visible-figures", String(Object.keys(ids).length));
});
"""
