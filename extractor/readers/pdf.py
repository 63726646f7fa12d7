"""PDF text through pypdfium2 (fast, and already under pdfplumber); page breaks kept as `\\f`.

A PDF has visual lines, not paragraphs: a line that runs to the right margin without
ending a sentence is joined to the next, so `0.3` / `7万件` at a wrap reads `0.37万件` again,
and a paragraph a page break cut (`…按时办` / `结率最低的是…`) is put back on the page it began on.
pdfplumber is only for tables, on pages that have them (`pdf_tables`), here at read time
because no later stage may open the file again.
"""
from __future__ import annotations

import re

from ..model import Document
from . import Limits, ReadError
from .pdf_tables import find_tables, row_like


def read_pdf(data: bytes, doc: Document, limits: Limits, password: str | None = None) -> None:
    import pypdfium2 as pdfium

    password = password if password is not None else limits.password
    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            if password:
                raise ReadError("encrypted_pdf", "the PDF is encrypted and the password given (--password) "
                                                 "does not open it") from e
            raise ReadError("encrypted_pdf", "the PDF is encrypted and needs a password (--password)") from e
        raise ReadError("bad_pdf", f"the PDF is damaged or not a PDF: {msg}") from e
    try:
        n = len(pdf)
        if n > limits.max_pdf_pages:
            raise ReadError("too_many_pages", f"the PDF has {n} pages, over the {limits.max_pdf_pages}-page limit")
        pages = []
        boxes = []
        for i in range(n):
            page = pdf[i]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            boxes.append(line_boxes(textpage, text))
            pages.append(in_reading_order(textpage, text).replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
    except pdfium.PdfiumError as e:
        raise ReadError("bad_pdf", f"the PDF is damaged: {e}") from e
    finally:
        pdf.close()
    texts = join_pages([p.rstrip("\n") for p in pages], boxes)
    doc.raw = "\n\f".join(texts) + "\n"
    doc.source_tables = find_tables(data, texts, sep="\n\f", password=password)


# punctuation a CJK font often lacks: the writer sets it in a second font, and some writers
# (LibreOffice) emit that font's glyphs after the line's other text
_GLYPH = "[“”‘’…—–·•]"
FALLBACK_GLYPHS = re.compile(_GLYPH)
# a space pdfium put between such a glyph and a Chinese character (Chinese sets none there)
GLYPH_GAP = re.compile(rf"(?<=[\u2e80-\uffff]) +(?={_GLYPH})|(?<={_GLYPH}) +(?=[\u2e80-\uffff])")


def in_reading_order(textpage, text: str) -> str:
    """The page's text, with each line that holds fallback-font punctuation put back in x order.

    pdfium gives characters in content-stream order; a quote drawn by a later text object
    lands at the line's end (`却答复 已办结 的工单有 “ ”32件`). Only such lines are looked at,
    so most pages cost nothing more; the spaces pdfium put in the gaps the glyphs left are
    dropped.
    """
    if not FALLBACK_GLYPHS.search(text):
        return text
    lines, pos = [], 0
    for line in text.split("\r\n"):
        lines.append(_line_in_x_order(textpage, pos, line) if FALLBACK_GLYPHS.search(line) else line)
        pos += len(line) + 2
    return "\r\n".join(lines)


def _line_in_x_order(textpage, start: int, line: str) -> str:
    if not all(_between_neighbours(textpage, start, line, m.start()) for m in FALLBACK_GLYPHS.finditer(line)):
        lefts = [textpage.get_charbox(start + k)[0] for k in range(len(line))]
        line = re.sub(" {2,}", " ", "".join(line[k] for k in sorted(range(len(line)), key=lambda k: (lefts[k], k))))
    return GLYPH_GAP.sub("", line)


def _between_neighbours(textpage, start: int, line: str, k: int) -> bool:
    """The glyph at `k` is drawn between the characters around it (three boxes, not a line's)."""
    x = textpage.get_charbox(start + k)[0]
    before = next((j for j in range(k - 1, -1, -1) if line[j] != " "), None)
    after = next((j for j in range(k + 1, len(line)) if line[j] != " "), None)
    return (before is None or textpage.get_charbox(start + before)[0] <= x + 1) and \
        (after is None or x <= textpage.get_charbox(start + after)[0] + 1)


# (or a document number ending a line outside brackets, `X局    X政发〔2024〕8号`: a masthead's
# number set beside the issuer is no wrapped line of the title below it)
# a document number's year and serial (`〔2024〕8号`; metadata reads the prefix before it too)
DOC_NUMBER_MARK = r"[〔\[【(（﹝［](?P<y>(?:19|20)\d{2})[〕\]】)）﹞］](?P<n>第?\d{1,5})号"
SENTENCE_END = re.compile(rf"[。：:；;！!？?）)”」|]\s*$|^[^(（《]*{DOC_NUMBER_MARK}\s*$")
_DATE = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日"
DATE_LINE = re.compile(rf"^\s*{_DATE}\s*$")
DATE_TAIL = re.compile(rf"\s{_DATE}\s*$")   # (a masthead's issuer and its date on one line)
FULL_STOP = re.compile(r"[。；;！!？?]\s*$")
LABEL_LINE = re.compile(r"^\s*[\u4e00-\u9fff()（）]{2,20}[：:]")
# a page's folio (`— 3 —`, `·2·`, `第 2 页 共 5 页`; the text a document was copied into keeps these
# too, see normalise), and on a PDF page also `2/5`
FOLIO_MARK = r"[—–\-－]{1,2}\s*\d{1,3}\s*[—–\-－]{1,2}|·\s*\d{1,3}\s*·|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
_FOLIO = FOLIO_MARK + r"|\d{1,3}\s*/\s*\d{1,3}"
FOLIO_LINE = re.compile(rf"^\s*(?:{_FOLIO})\s*$")
LINE_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、](?!\d)|附件|$"
                        rf"|(?:{_FOLIO})\s*$|第\s*\d{{1,3}}\s*页)")   # (or a folio: never a line's end)


# a line's first unbreakable run: a number or a Latin word with its separators, else one
# character, with the closing punctuation a line may not start with
FIRST_RUN = re.compile(r"(?:[0-9A-Za-z][0-9A-Za-z,.%‰/\-]*|.)[，。、；：！？,.;:!?）)”’》」%]*")
CJK_PUNCTUATION = frozenset("，、。；：！？")
LineBox = tuple[float, float, float]   # (right edge, width of its first run, font height)


def line_boxes(textpage, text: str) -> list[LineBox | None]:
    """Per line of a page's text (pdfium's, lines parted by CRLF), what decides whether it was
    wrapped: where it ends, how wide the run it starts with is, and its font size."""
    out: list[LineBox | None] = []
    pos = 0
    for line in text.split("\r\n"):
        body = line.rstrip()
        first = len(line) - len(line.lstrip())
        if first < len(body):
            run_end = FIRST_RUN.match(body, first).end()
            head, tail, last = (textpage.get_charbox(pos + k) for k in (first, run_end - 1, len(body) - 1))
            size = max(head[3] - head[1], last[3] - last[1])
            # (a CJK comma's glyph is drawn in the left of its square, which ends a size further on;
            # some writers let it hang past the margin, so such lines do not set the margin)
            right = max(last[2], last[0] + size) if body[-1] in CJK_PUNCTUATION else last[2]
            out.append((right, tail[2] - head[0], size))
        else:
            out.append(None)
        pos += len(line) + 2
    return out


# a comma or a full stop between words: prose, whatever numbers it holds (`得分 88.73 分，排名第 14`)
PROSE_STOPS = re.compile(r"[\u4e00-\u9fff][，。；]")


def table_row(line: str) -> bool:
    """A line that reads as a table row, not as prose that sets spaces around its numbers (nor
    one whose cells the text parts with ` | `, a header row's too)."""
    return (row_like(line.split()) and not PROSE_STOPS.search(line)) or line.count(" | ") >= 2


def visual_width(line: str) -> float:
    """Width in ideograph units: CJK characters count 1, others about half."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.5 for ch in line.strip())


def unwrap(page: str, boxes: list[LineBox | None] | None = None) -> str:
    """Joins lines that wrapped at the page's right margin back into their paragraph.

    With the lines' `boxes`, a line was wrapped when the run the next line starts with would
    not have fitted after it (`…一级分类为：城乡建设` / `11,207件…` broke three characters
    short of the margin); without them, when its width in characters nears the page's."""
    lines = page.split("\n")
    if boxes is not None and len(boxes) != len(lines):
        boxes = None   # (a line count pdfium's CRLFs and the text disagree on: measure by characters)
    widths = [visual_width(line) for line in lines]
    full = max(widths, default=0)
    if full < 15:
        return page
    margin = _margin(lines, boxes) if boxes else 0
    out = [lines[0]]
    for k, (prev_width, line) in enumerate(zip(widths, lines[1:]), start=1):
        prev = out[-1]
        # the issuer above the date, the date and the note after it (set right, at the margin)
        # (or a masthead's issuer and date set apart on one line: `X局    2023年6月8日`)
        signature = any(DATE_LINE.match(x) for x in (prev, line, lines[k + 1] if k + 1 < len(lines) else "")) \
            or DATE_TAIL.search(prev) is not None
        if boxes and boxes[k - 1] and boxes[k]:
            (right, _, size), (_, lead, next_size) = boxes[k - 1], boxes[k]
            at_margin, next_fits = right >= margin - size * 0.5, _fits(boxes[k - 1], boxes[k], margin)
            # (a line in another font size is another paragraph: a title set large above the salutation)
            next_fits = next_fits or abs(size - next_size) > 0.2 * max(size, next_size)
        else:
            at_margin, next_fits = prev_width >= full * 0.97, prev_width < full * 0.88
        wrapped = not next_fits and not SENTENCE_END.search(prev)
        # a sentence that ended right at the margin, its paragraph going on below (not into a
        # new `单位：` paragraph)
        ran_on = at_margin and FULL_STOP.search(prev) and not LABEL_LINE.match(line)
        if ((wrapped or ran_on) and not LINE_START.match(line)
                and not signature and not table_row(prev) and not table_row(line)):
            # (table rows are as wide as the page, and so is the header above the first)
            out[-1] = prev.rstrip() + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def _fits(box: LineBox, next_box: LineBox, margin: float) -> bool:
    """The run the next line starts with would have fitted after the line: it was not wrapped."""
    (right, _, size), (_, lead, _) = box, next_box
    return right + lead <= margin - size * 0.3


def _margin(lines: list[str], boxes: list[LineBox | None]) -> float:
    """The page's right margin: where its lines end, those ending in a CJK comma aside."""
    return max((b[0] for line, b in zip(lines, boxes) if b and line.rstrip()[-1:] not in CJK_PUNCTUATION),
               default=max((b[0] for b in boxes if b), default=0))


def join_pages(pages: list[str], boxes: list[list[LineBox | None]]) -> list[str]:
    """Each page unwrapped, and the paragraph a page break cut joined back across it: the first
    paragraph of a page moves up onto the last line of the page before when, as within a page,
    that line ended mid-sentence where the next line's first run would not have fitted. Folios
    and a running header (a first line every page repeats) are passed over and stay put."""
    texts = [unwrap(p, b) for p, b in zip(pages, boxes)]
    lines = [p.split("\n") for p in pages]
    body = [[i for i, x in enumerate(ls) if x.strip() and not FOLIO_LINE.match(x)] for ls in lines]
    firsts = [ls[b[0]].strip() if b else "" for ls, b in zip(lines, body)]
    headers = {x for x in firsts if x and firsts.count(x) > 1}
    for k in range(len(pages) - 1):
        upper, lower = lines[k], lines[k + 1]
        tops = [i for i in body[k + 1] if lower[i].strip() not in headers]
        if len(body[k]) < 2 or not tops or len(boxes[k]) != len(upper) or len(boxes[k + 1]) != len(lower):
            continue
        last, first = body[k][-1], tops[0]
        if boxes[k][last] is None or boxes[k + 1][first] is None:
            continue
        ends_open = not _fits(boxes[k][last], boxes[k + 1][first], _margin(upper, boxes[k])) and not (
            SENTENCE_END.search(upper[last]) or DATE_TAIL.search(upper[last]) or table_row(upper[last]))
        opens_paragraph = (LINE_START.match(lower[first]) or DATE_LINE.match(lower[first])
                           or table_row(lower[first])
                           or (first + 1 < len(lower) and DATE_LINE.match(lower[first + 1])))
        if ends_open and not opens_paragraph:
            texts[k], texts[k + 1] = _move_up(texts[k], texts[k + 1], headers)
    return texts


def _move_up(upper: str, lower: str, headers: set[str]) -> tuple[str, str]:
    """The first line of text on `lower` (folios and running headers aside) appended to the last
    of `upper`."""
    up, low = upper.split("\n"), lower.split("\n")
    last = max(i for i, x in enumerate(up) if x.strip() and not FOLIO_LINE.match(x))
    first = next(i for i, x in enumerate(low) if x.strip() and not FOLIO_LINE.match(x) and x.strip() not in headers)
    up[last] = up[last].rstrip() + low.pop(first).lstrip()
    return "\n".join(up), "\n".join(low)
