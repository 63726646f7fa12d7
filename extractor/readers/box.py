"""Tables drawn with box-drawing characters in plain text (`┌─┬─┐`, `│ a │ b │`, `└─┴─┘`), as
WPS and Word write them when a document is saved as plain text.

Such a table is structure, like a Word table: its rows become a `SourceTable`. The characters
are not aligned in any one width model (a CJK font draws `─` full width, a terminal half),
so columns are counted, not measured. The junctions of a rule line say what merges: a cell
above spans the segments below it joined by `┬` (no stroke up), a cell below spans those
joined by `┴` (no stroke down), and a blank segment under a cell continues it downwards.
"""
from __future__ import annotations

import regex

from ..model import SourceTable

VERTICAL = "│┃║"
UP = set("│┃║├┤┼┴└┘┣┫╋┻┗┛╠╣╬╩╚╝")      # junctions with a stroke upwards
DOWN = set("│┃║├┤┼┬┌┐┣┫╋┳┏┓╠╣╬╦╔╗")    # ... and downwards
JUNCTION = UP | DOWN
HORIZONTAL = "─━═"
_DRAWN = regex.escape("".join(sorted(JUNCTION)) + HORIZONTAL)
RULE = regex.compile(rf"[\s{_DRAWN}]*[{HORIZONTAL}][\s{_DRAWN}]*")
CONTENT = regex.compile(rf"\s*[{VERTICAL}].*[^\s{_DRAWN}].*[{VERTICAL}]\s*")
MAX_LINE = 400   # (a table row is short; a long line is prose, never matched against the patterns)


def box_tables(raw: str) -> list[SourceTable]:
    """The box-drawn tables of a plain text, located in it."""
    if "│" not in raw and "┃" not in raw and "║" not in raw:
        return []
    lines, pos = [], 0   # (start, line, kind)
    for raw_line in raw.split("\n"):
        line = raw_line.rstrip("\r")
        lines.append((pos, line, _kind(line)))
        pos += len(raw_line) + 1
    out, i = [], 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j][2] is not None:
            j += 1
        block = lines[i:j]
        if sum(1 for _, _, content in block if content) >= 2:
            rows = _rows([(line, content) for _, line, content in block])
            if rows:
                out.append(SourceTable(rows=rows, start=block[0][0], end=block[-1][0] + len(block[-1][1])))
        i = max(j, i + 1)
    return out


def _kind(line: str) -> bool | None:
    """True for a row of cells, False for a rule line, None for any other line."""
    if len(line) > MAX_LINE:
        return None
    if CONTENT.fullmatch(line):
        return True
    return False if RULE.fullmatch(line) else None


def _cells(line: str) -> list[str]:
    parts = regex.split(f"[{VERTICAL}]", line.strip())
    return [" ".join(p.split()) for p in parts[1:-1]]


def _segments(rule: str) -> tuple[list[bool], list[str]]:
    """A rule line's segments (True where drawn, False where blank: a cell going on) and the
    junctions between them, edges excluded."""
    segs: list[bool] = []
    joints: list[str] = []
    cur: list[str] = []
    for ch in rule.strip()[1:]:
        if ch in JUNCTION:
            segs.append(any(c in HORIZONTAL for c in cur))
            joints.append(ch)
            cur = []
        else:
            cur.append(ch)
    return segs, joints[:-1]


def _spans(rule: str | None, width: int, n: int, strokes: set) -> list[int] | None:
    """How many columns each of a row's `n` cells spans, read off a rule line of `width`
    segments: segments joined by a junction without a stroke towards the row are one cell."""
    if rule is None:
        return None
    segs, joints = _segments(rule)
    if len(segs) != width:
        return None
    spans = [1]
    for ch in joints:
        if ch in strokes:
            spans.append(1)
        else:
            spans[-1] += 1
    return spans if len(spans) == n else None


def _rows(block: list[tuple[str, bool]]) -> list[list[str]]:
    # each row: its content lines, the rule above it and the rule below it
    groups: list[tuple[list[list[str]], str | None, str | None]] = []
    above: str | None = None
    current: list[list[str]] = []
    for line, content in block:
        if content:
            cells = _cells(line)
            # a line mostly blank goes on the row above it (a cell's text wrapped), unless a rule parts them
            if current and sum(1 for c in cells if c) * 2 < len(cells) and len(cells) == len(current[-1]):
                current[-1] = [(a + b) for a, b in zip(current[-1], cells)]
            else:
                if current:
                    groups.append((current, above, None))
                    above = None
                current = [cells]
        else:
            if current:
                groups.append((current, above, line))
                current = []
            above = line
    if current:
        groups.append((current, above, None))
    rows = []
    for lines, up, down in groups:
        for k, cells in enumerate(lines):
            rows.append((cells, up if k == 0 else None, down if k == len(lines) - 1 else None))
    if not rows:
        return []
    width = max(len(c) for c, _, _ in rows)
    out: list[list[str]] = []
    for cells, up, down in rows:
        if len(cells) < width:
            spans = _spans(up, width, len(cells), DOWN) or _spans(down, width, len(cells), UP)
            cells = ([c for c, s in zip(cells, spans) for _ in range(s)] if spans
                     else cells + [""] * (width - len(cells)))
        if out and up is not None:
            segs, _ = _segments(up)
            if len(segs) == width:   # (a blank segment: the cell above goes on into this row)
                cells = [out[-1][k] if not drawn and not c else c for k, (c, drawn) in enumerate(zip(cells, segs))]
        if any(cells):
            out.append(cells)
    return out
