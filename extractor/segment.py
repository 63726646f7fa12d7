"""Segment stage: the normalised text cut into headings, paragraphs, table regions, annex
markers, the signature block and a web page's links to other articles, each a `Block` with
offsets.

A numbered heading that runs on into its paragraph (`(一)热线运行情况。本月受理…`) is split
at its first full stop, so a figure's section is the heading and not the whole paragraph.
"""
from __future__ import annotations

import functools

import regex

from .model import Block, Document

CN_NUM = "一二三四五六七八九十百零〇"
HEADING = [
    (1, regex.compile(rf"^\s*[{CN_NUM}]+\s*[、.．]")),
    (1, regex.compile(r"^\s*第[一二三四五六七八九十]+[部分章节]")),
    (2, regex.compile(rf"^\s*[(（]\s*[{CN_NUM}]+\s*[)）]")),
    (3, regex.compile(r"^\s*\d{1,2}\s*[.、．](?!\d)")),
    (4, regex.compile(r"^\s*[(（]\s*\d{1,2}\s*[)）]")),
]
HEADING_END = regex.compile(r"[。：:；;!！?？]")
# A numbered heading that runs straight into its text with no stop at all
# (`(一)“12345”便民服务热线运行情况第二季度分中心共受理…`) ends after a heading word.
HEADING_WORD = regex.compile(r"(?:运行|办理|开展|工作|基本|总体|统计|报送|评价|入库)?(?:情况|概况)(?:通报)?")
ANNEX = regex.compile(r"^\s*附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*$|^\s*附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：]")
TABLE_LINE = regex.compile(r"\|\s*$|\s\|\s|^\t|^\s*\|?\s*:?-{3,}")
DATE_LINE = regex.compile(r"^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九○Ｏ0]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{7,8})\s*$")
# A table written one cell per line with no separator at all: short lines (no sentence marks)
# led, within their first three lines, by a header cell naming the index or the row's unit.
CELL_LINE = regex.compile(r"\s*(?:其中[：:])?\S(?:[^。，；;！？!?：:\t]{0,22}\S)?\s*")   # (`其中：省级采用数`)
LEAD_CELL = regex.compile(r"\s*(?:序\s*号|排\s*名|名\s*次|(?:承办|责任|考核)?(?:单\s*位|镇(?=\s*[(（])|乡\s*镇|街\s*道|部\s*门|区\s*县|县\s*区|县\s*市\s*区|区\s*县\s*市|县\s*\(市、区\)|地\s*区|类\s*别|类\s*型|项\s*目|窗\s*口|镇\s*街|指\s*标|月\s*份)(?:名称)?(?:[(（][^()（）]{1,4}[)）])?)\s*")
ROW_START_CELL = regex.compile(r"\s*(?:\d{1,3}|合\s*计|总\s*计)\s*")   # (an index or a total row's label)
NUMBER_CELL = regex.compile(r"\s*[+-]?\d[\d,]*(?:\.\d+)?\s*%?\s*")
# (one scan of the whole text for a lead cell standing alone on its line: most texts have none)
LEAD_CELL_LINE = regex.compile(r"^" + LEAD_CELL.pattern + r"$", regex.MULTILINE)
# A web page's link to another article: its headline then its date, no sentence
# (`· 我市12345热线一季度受理诉求19.8万件2023-04-12`), as related-news lists give them
LINK_LINE = regex.compile(r"^\s*(?:[·•●▪◆■>»\-]\s*)?(?=[^\n]*\p{Han})[^。；;！？!?\n]{4,80}?[ \t]*"
                          r"[(（\[【]?(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)[)）\]】]?\s*$")
ORG_LINE = regex.compile(r"^\s*\S{2,40}(?:政府|办公室|办公厅|局|中心|委员会|管委会|办事处|小组|指挥部|热线|公司|厅|委|办)\s*$")


def segment(doc: Document) -> Document:
    """Fills `doc.blocks` from `doc.text`."""
    text = doc.text
    blocks: list[Block] = []
    lines = line_spans(text)
    bare = {i for first, last in bare_cell_runs(text) for i in range(first, last + 1)}
    # the text of a table the reader found (a PDF's rows, single-spaced, read like prose)
    found = [(doc.to_text(st.start), doc.to_text(st.end)) for st in doc.source_tables]
    for i, (start, end) in enumerate(lines):
        line = text[start:end]
        if not line.strip():
            continue
        if (TABLE_LINE.search(line) or tab_cells(line) >= 3 or i in bare or space_cells(line)
                or any(s <= start and end <= e for s, e in found)):
            _extend(blocks, "table", start, end)
        elif LINK_LINE.match(line) and not DATE_LINE.match(line):
            blocks.append(Block("link", start, end))
        elif ANNEX.match(line):
            blocks.append(Block("annex", start, end))
        elif DATE_LINE.match(line) and i > 0 and ORG_LINE.match(text[lines[i - 1][0]:lines[i - 1][1]]):
            prev = blocks[-1] if blocks else None
            if prev is not None and prev.start == lines[i - 1][0]:
                prev.kind = "signature"
                prev.end = end
            else:
                blocks.append(Block("signature", start, end))
        else:
            blocks.extend(_heading_or_paragraph(line, start))
    doc.blocks = blocks
    return doc


SPACE_GAP = regex.compile(r"[ \u3000]{2,}")
SPACE_CELL = regex.compile(r"[^，。；;！？!?：:]{1,24}")


def space_cells(line: str) -> list[str]:
    """The cells of a row aligned with runs of spaces (`1    城关镇      14     13`), as PDF text and
    fixed-width tables give them: three or more short cells, else []."""
    cells = SPACE_GAP.split(line.strip()) if "  " in line or "\u3000\u3000" in line else []
    return cells if len(cells) >= 3 and all(SPACE_CELL.fullmatch(c) for c in cells) else []


def tab_cells(line: str) -> int:
    """How many cells with text a line parts by tabs (0 without a tab). Three or more
    (`1\t城关镇\t118`) make a table row, not prose; the tables stage reads two as a row too."""
    return sum(1 for c in line.split("\t") if c.strip()) if "\t" in line else 0


@functools.lru_cache(maxsize=1)
def bare_cell_runs(text: str) -> tuple[tuple[int, int], ...]:
    """(first, last) line indexes of tables written one cell per line without separators
    (`序号` / `乡镇` / `承办量(件)` / … / `1` / `贡江镇` / `412` …): at least eight cell lines,
    three of them numbers, led by an index or unit header cell. (Cached for the one text that
    segment and the tables stage both ask about.)"""
    runs: list[tuple[int, int]] = []
    if not LEAD_CELL_LINE.search(text):
        return ()
    lines = line_spans(text)
    i, n = 0, len(lines)

    def cell(k: int) -> bool:
        return 0 < lines[k][1] - lines[k][0] <= 40 and text[lines[k][0]] != "\t" \
            and CELL_LINE.fullmatch(text, lines[k][0], lines[k][1]) is not None   # (tab-led cells are their own layout)

    while i < n:
        j, blanks, lead, later_lead = i, 0, None, None
        while j < n:
            if cell(j):
                if lead is None and (j < i + 3 or later_lead is None) \
                        and LEAD_CELL.fullmatch(text, lines[j][0], lines[j][1]):
                    if j < i + 3:
                        lead = j
                    else:
                        later_lead = j   # (short lines before the table: `附件` / its title / the signature)
            elif lead is not None and not text[lines[j][0]:lines[j][1]].strip() and j + 1 < n and cell(j + 1) \
                    and ROW_START_CELL.fullmatch(text, lines[j + 1][0], lines[j + 1][1]):
                # (past the header, a single blank line (or one of spaces) may part rows: `97.85` / `` / `2` / …; not
                # before `附件2` and the next table)
                blanks += 1
            else:
                break
            j += 1
        if lead is not None and j - lead - blanks >= 8:
            numbers = sum(1 for k in range(lead, j) if NUMBER_CELL.fullmatch(text, lines[k][0], lines[k][1]))
            if numbers >= 3:
                runs.append((lead, j - 1))
        i = later_lead - 2 if lead is None and later_lead is not None else max(j, i + 1)
    return tuple(runs)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text`, without its newline."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _extend(blocks: list[Block], kind: str, start: int, end: int) -> None:
    if blocks and blocks[-1].kind == kind:
        blocks[-1].end = end
    else:
        blocks.append(Block(kind, start, end))


def _heading_or_paragraph(line: str, start: int) -> list[Block]:
    for level, pattern in HEADING:
        m = pattern.match(line)
        if not m:
            continue
        stop = HEADING_END.search(line, m.end())
        if (stop is None or stop.start() - m.end() > 40) and len(line) > 60:
            word = HEADING_WORD.search(line, m.end(), m.end() + 40)
            if word and word.end() < len(line.rstrip()):
                head_end = word.end()
                return [Block("heading", start, start + head_end, level),
                        Block("paragraph", start + head_end, start + len(line))]
        if stop is None:
            return [Block("heading", start, start + len(line.rstrip()), level)] if len(line) <= 60 else [Block("paragraph", start, start + len(line))]
        if stop.group() in "；;":
            break   # (`2.城市管理7425件，占8.59%；`: an item of a list, not a heading)
        if stop.start() - m.end() <= 40:
            head_end = stop.end()
            blocks = [Block("heading", start, start + head_end, level)]
            if line[head_end:].strip():
                blocks.append(Block("paragraph", start + head_end, start + len(line)))
            return blocks
        break
    return [Block("paragraph", start, start + len(line))]


def section_of(doc: Document, pos: int) -> str | None:
    """Heading text of the section that `pos` stands in (the nearest heading above it)."""
    best = None
    for b in doc.blocks:
        if b.start > pos:
            break
        if b.kind == "heading":
            best = b
    return doc.text[best.start:best.end].strip() if best else None
