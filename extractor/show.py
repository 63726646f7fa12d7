"""`extractor show FILE`: one circular's figures in the terminal, grouped by section, each
with its clause and the number highlighted.

`render(rows)` takes the pipeline's result rows for one file (`{"documents": [...], "texts":
[...], "figures": [...], ...}`, as `pipeline.process_file` returns them) and returns the text:
the figures, then the tables as grids and the checks that failed.
"""
from __future__ import annotations

import sys

BOLD_YELLOW = "\x1b[1;33m"
DIM = "\x1b[2m"
BOLD = "\x1b[1m"
RESET = "\x1b[0m"


def show_document(path: str, out=None, color: bool | None = None) -> int:
    from .pipeline import Task, process_file

    out = out or sys.stdout
    if color is None:
        color = hasattr(out, "isatty") and out.isatty()
    result = process_file(Task(str(path), None))
    out.write(render(result.rows, color=color))
    return 0 if result.status in ("ok", "partial") else 1


def render(rows: dict[str, list[dict]], color: bool = True) -> str:
    def c(code: str, s: str) -> str:
        return f"{code}{s}{RESET}" if color else s

    lines: list[str] = []
    for e in rows.get("errors", []):
        lines.append(c(DIM, f"error [{e.get('stage')}] {e.get('error')}: {e.get('message')}"))
    docs = rows.get("documents", [])
    if not docs:
        return "\n".join(lines + ["(nothing read)"]) + "\n"
    doc = docs[0]
    text = next((t["text"] for t in rows.get("texts", []) if t.get("doc_id") == doc["doc_id"]), "")
    head = doc.get("title") or doc.get("source_path")
    lines.append(c(BOLD, str(head)))
    meta = [f"{k}={doc[k]}" for k in ("doc_number", "issuer", "issue_date", "period_label") if doc.get(k)]
    if meta:
        lines.append(c(DIM, "  ".join(meta)))
    figures = sorted(rows.get("figures", []), key=lambda f: (f["start"], f.get("figure_id", 0)))
    lines.append(c(DIM, f"{len(figures)} figures"))
    section = object()
    for f in figures:
        if f.get("section") != section:
            section = f.get("section")
            lines.append("")
            lines.append(c(BOLD, section or "(before the first heading)"))
        label = f["metric"]
        if f.get("category"):
            label += f"[{f['category']}]"
        value = f["value"]
        value_s = f"{value:,.10g}"
        what = f"{'≈' if f.get('approx') else ''}{value_s}{f.get('unit') or ''}"
        ent = f" @ {f['entity']}" if f.get("entity") else ""
        lines.append(f"  {label:<26} {what:<14} {f.get('channel') or '':<11}{ent}")
        lines.append("      " + _highlight(text, f, c))
        lines.append(c(DIM, f"      [{f.get('pattern')}] {f['start']}-{f['end']}"))
    if rows.get("tables") or any(k.get("status") == "fail" for k in rows.get("checks", [])):
        from .tables import format_tables

        lines.append("")
        lines.append(format_tables(rows.get("tables", []), rows.get("cells", []), rows.get("checks", [])).rstrip("\n"))
    return "\n".join(lines) + "\n"


def _highlight(text: str, f: dict, c) -> str:
    clause = f.get("text") or ""
    start, end = f["start"], f["end"]
    if text and clause:
        lo = max(0, start - len(clause))
        at = text.find(clause, lo, end + len(clause))
        if at != -1 and at <= start and end <= at + len(clause):
            a, b = start - at, end - at
            return clause[:a] + c(BOLD_YELLOW, clause[a:b]) + clause[b:]
    if text:
        return c(BOLD_YELLOW, text[start:end]) + "  " + clause
    return clause
