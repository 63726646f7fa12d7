"""Normalise stage: a chain of small named fixes from the raw text to clean simplified Chinese.

Each fix returns the new text and an `OffsetMap` back to its input; the document keeps the
maps, so any offset in the final text leads back to the original characters, and each fix
that changed something is logged with its count (in the spirit of ftfy's `fix_and_explain`).
"""
from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections import Counter
from typing import Callable

from .model import Document, Fix, OffsetBuilder, OffsetMap
from .readers.pdf import DATE_LINE, FOLIO_MARK

FixResult = tuple[str, OffsetMap, int]


def _substitute(text: str, pattern: re.Pattern, replace: Callable[[re.Match], str | None]) -> FixResult:
    """Applies `replace` to every match (None keeps the match as it is)."""
    b = OffsetBuilder(text)
    for m in pattern.finditer(text):
        new = replace(m)
        if new is not None and new != m.group(0):
            b.replace(m.start(), m.end(), new)
    new_text, offsets = b.finish()
    return new_text, offsets, b.count


def fix_nfc(text: str) -> FixResult:
    """Composed Unicode (a tone mark typed as a combining accent), line by line."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text, OffsetMap.identity(len(text)), 0
    b = OffsetBuilder(text)
    pos = 0
    for line in text.split("\n"):
        new = unicodedata.normalize("NFC", line)
        if new != line:
            b.replace(pos, pos + len(line), new)
        pos += len(line) + 1
    return (*b.finish(), b.count)


# --- mojibake -------------------------------------------------------------------------

def _level1_gb2312() -> frozenset[str]:
    chars = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


COMMON_HAN = _level1_gb2312()
# stdlib `re` scans large character classes many times faster than `regex` does
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
HAN = re.compile(f"[{HAN_RANGES}]")
UNCOMMON_HAN = re.compile("[^\x00-\u33ff\u4dc0-\u4dff\ua000-\uf8ff\ufb00-\U0001ffff\U00030000-\U0010ffff"
                          + "".join(sorted(COMMON_HAN)) + "]")
UNCOMMON_RUN = re.compile(f"(?:{UNCOMMON_HAN.pattern}){{3}}")
LATIN1_RUN = re.compile(r"[\u00c0-\u00ff][\u0080-\u00ff\u2018-\u203a\u0152\u0153\u0160\u0161\u017d\u017e\u0178\u0192\u02c6\u02dc]{2,}")


def commonness(s: str) -> tuple[float, int]:
    """(share of Han characters among the 3,755 commonest, number of Han characters)."""
    n = len(HAN.findall(s))
    if not n:
        return 0.0, 0
    return 1 - len(UNCOMMON_HAN.findall(s)) / n, n


def _sloppy_cp1252(line: str) -> bytes:
    """cp1252 bytes, with the five bytes cp1252 leaves undefined taken back from their C1 controls."""
    return b"".join(ch.encode("cp1252") if ord(ch) > 0xFF or not 0x80 <= ord(ch) <= 0x9F else bytes([ord(ch)])
                    for ch in line)


def _repairs(line: str, pairs: Counter):
    """Candidate readings of a damaged line: its characters turned back into bytes, read again."""
    if "\ufffd" in line and (recovered := _utf8_with_lost_bytes(line, pairs)) is not None:
        yield recovered
    line = line.replace("\ufffd", "")
    for wrong, right in (("gb18030", "utf-8"), ("latin-1", "utf-8"), ("cp1252", "utf-8"),
                         ("latin-1", "gb18030"), ("cp1252", "gb18030")):
        try:
            data = _sloppy_cp1252(line) if wrong == "cp1252" else line.encode(wrong)
        except UnicodeEncodeError:
            continue
        yield data.decode(right, errors="replace")


def _char_at(data: bytearray, at: int) -> tuple[int, int, str] | None:
    """(start, length, character) of the UTF-8 character whose bytes hold position `at`."""
    start = at
    while start > 0 and at - start < 3 and data[start] & 0xC0 == 0x80:
        start -= 1
    lead = data[start]
    size = 1 if lead < 0x80 else 2 if lead >> 5 == 6 else 3 if lead >> 4 == 14 else 4 if lead >> 3 == 30 else 0
    if start + size <= at:
        return None
    try:
        return start, size, bytes(data[start:start + size]).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _utf8_with_lost_bytes(line: str, pairs: Counter) -> str | None:
    """UTF-8 read as GBK with errors replaced: each U+FFFD stands for one byte the GBK reading
    could not pair. Each is put back as the byte that completes a common character, the one
    whose pairs with its neighbours the document's clean lines use most (`不动产登记窗?` →
    `窗口`), else the one they use most, so names come back whole instead of losing a character."""
    try:
        chunks = [part.encode("gb18030") for part in line.split("\ufffd")]
    except UnicodeEncodeError:
        return None
    data, gaps = bytearray(chunks[0]), []
    for chunk in chunks[1:]:
        gaps.append(len(data))
        data += b"\x80" + chunk
    for at in gaps:
        best = None
        for byte in range(0x80, 0x100):
            data[at] = byte
            found = _char_at(data, at)
            if found is None or not (found[2] in COMMON_HAN or found[2] in "、，。；：“”‘’（）《》—…！？"):
                continue
            start, size, ch = found
            before = bytes(data[max(0, start - 4):start]).decode("utf-8", errors="replace")[-1:]
            after = bytes(data[start + size:start + size + 4]).decode("utf-8", errors="replace")[:1]
            # (else a character of the circulars' common stock, else the one the text uses most)
            score = (pairs[(before + ch).translate(_NUMERAL_CLASS)] + pairs[(ch + after).translate(_NUMERAL_CLASS)],
                     ch in FREQUENT, pairs[ch])
            if best is None or score > best[0]:
                best = (score, byte)
        data[at] = best[1] if best else 0x80
    return bytes(data).decode("utf-8", errors="replace")


def _damage(line: str) -> int:
    """How surely a line was read in the wrong encoding: 2 (a Latin-1 run, or six or more Han
    characters, most of them rare), 1 (two to five such: a table's cell), 0 (read right)."""
    if LATIN1_RUN.search(line):
        return 2
    share, n = commonness(line)
    return 0 if n < 2 or share >= 0.45 else 2 if n >= 6 else 1


# digits, and Chinese numerals, count as one character each in the pairs (`7个镇` is evidence
# for `七?镇` being `七个镇`, `为98%` for `占比?72.6%`)
_NUMERAL_CLASS = str.maketrans("0123456789一二三四五六七八九十两", "0000000000〇〇〇〇〇〇〇〇〇〇〇")
# the commonest characters of modern Chinese, and of these circulars
FREQUENT = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而"
    "方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应"
    "开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命"
    "此变条只没结解问意建月公无系很情者最立代想已通并提直题程展五果料象员革位入常文总次品式活设及管特件长求老头"
    "基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即"
    "保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带"
    "安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研"
    "界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便"
    "团往历市克何除消构府称太准精值号率族维划选标写存候亲快效院查江型按格养易置派层片始却专状育厂京识适属包住调"
    "满县局照参细引听该价严诉街镇乡村社窗首含注次督评差整销签网站采登记居占同环")


def _character_pairs(lines: list[str], damage: list[int]) -> Counter:
    """Pairs of adjacent characters, and characters, in the lines read right: the evidence
    for a lost byte (from the first two million characters: plenty, and bounded)."""
    pairs: Counter = Counter()
    budget = 2_000_000
    for line, damaged in zip(lines, damage):
        budget -= len(line)
        if budget < 0:
            break
        if not damaged:
            classed = line.translate(_NUMERAL_CLASS)
            pairs.update(classed[i:i + 2] for i in range(len(classed) - 1))
            pairs.update(line)
    return pairs


def fix_mojibake(text: str) -> FixResult:
    """Lines whose bytes were read in the wrong encoding (UTF-8 as GBK or Latin-1, GBK as Latin-1).
    Once one line of a text is found damaged, short ones (a table's cells, `涓圭伓闀�`) are
    looked at too."""
    if not (UNCOMMON_RUN.search(text) or LATIN1_RUN.search(text)):
        return text, OffsetMap.identity(len(text)), 0
    lines = text.split("\n")
    damage = [_damage(line) for line in lines]
    pairs = _character_pairs(lines, damage) if "\ufffd" in text else Counter()
    repaired = {}
    for surest in (2, 1):
        for i, line in enumerate(lines):
            if i in repaired or damage[i] < surest:
                continue
            share, _ = commonness(line)
            best = None
            for cand in _repairs(line, pairs):
                c_share, c_n = commonness(cand)
                bad = cand.count("\ufffd")
                if c_n >= 2 and c_share >= (0.7 if surest == 2 else 0.9) and c_share > share + 0.3 \
                        and bad <= max(2, len(cand) // 5):
                    if best is None or c_share > best[0]:
                        best = (c_share, cand)
            if best is not None:
                repaired[i] = best[1].replace("\ufffd", "")
        if not repaired:
            break
    b = OffsetBuilder(text)
    pos = 0
    for i, line in enumerate(lines):
        if i in repaired:
            b.replace(pos, pos + len(line), repaired[i])
        pos += len(line) + 1
    return (*b.finish(), b.count)


# --- html leftovers -------------------------------------------------------------------

BARE_ENTITIES = "ldquo|rdquo|lsquo|rsquo|nbsp|mdash|ndash|hellip|middot|quot|amp|lt|gt|bull|times|emsp|ensp|deg|yen|copy|reg|rarr|larr|laquo|raquo"
ENTITY = re.compile(rf"&(?:amp;)*(?:#\d{{2,7}}|#[xX][0-9a-fA-F]{{2,6}}|[A-Za-z]{{2,10}});?|(?<![A-Za-z&])(?:{BARE_ENTITIES});")


def _entity(m: re.Match) -> str | None:
    s = m.group(0)
    while s.startswith("&amp;") and len(s) > 5:
        s = "&" + s[5:]
    if not s.startswith("&"):
        s = "&" + s
    if not s.endswith(";"):
        s += ";"
    out = html.unescape(s)
    return None if out == s else out.replace("\xa0", " ")


def fix_entities(text: str) -> FixResult:
    """HTML entities, also double-escaped (`&amp;ldquo;`) or without their `&` (`ldquo;`)."""
    if "&" not in text and ";" not in text:
        return text, OffsetMap.identity(len(text)), 0
    return _substitute(text, ENTITY, _entity)


TAG = re.compile(r"</?(?:p|br|span|div|font|strong|b|i|u|em|td|th|tr|table|tbody|thead|a|img|sup|sub|h[1-6]|li|ul|ol|center|o:p|st1:[a-z]+)(?:\s[^<>\n]{0,300})?\s*/?>", re.I)


def fix_tags(text: str) -> FixResult:
    """Tags left in the text by a careless export (`<br>`, `<span style=…>`)."""
    return _substitute(text, TAG, lambda m: "\n" if m.group(0).lower().startswith(("<br", "<p", "</p", "<div", "</div", "</tr")) else "")


# --- web-converter pinyin -------------------------------------------------------------

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_NOTE = re.compile(rf"[(（]([a-zü{TONED}êńňǹḿ]{{1,7}})[)）]")
SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcs]|zh|ch|sh)"
    r"(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|i|ia|ie|iao|iu|ian|in|iang|ing|iong|u|ua|uo|uai|ui|uan|un|uang|v|ve|ue|van|vn)"
    r"|(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|er)"
    r"|y(?:a|o|e|ao|ou|an|ang|i|in|ing|ong|u|ue|uan|un)|w(?:a|o|ai|ei|an|en|ang|eng|u)|m|n|ng|hm|hng"
)
_STRIP_TONE = {ord(c): "aaaaeeeeiiiioooouuuuvvvv"[i] for i, c in enumerate(TONED)} | {ord("ü"): "v", ord("ê"): "e", ord("ń"): "n", ord("ň"): "n", ord("ǹ"): "n", ord("ḿ"): "m"}


def is_pinyin(s: str) -> bool:
    plain = s.translate(_STRIP_TONE)
    if not SYLLABLE.fullmatch(plain):
        return False
    return plain != s or len(plain) >= 2


def fix_pinyin(text: str) -> FixResult:
    """`區(qū)` → `區`: the reading a web converter put after each character it changed."""
    def drop(m: re.Match) -> str | None:
        before = text[m.start() - 1] if m.start() else ""
        return "" if HAN.match(before) and is_pinyin(m.group(1)) else None

    return _substitute(text, PINYIN_NOTE, drop)


# --- width ----------------------------------------------------------------------------

# Chinese text punctuation (，：；！？) stays full-width; everything else in the block folds.
KEEP_FULL = set("，：；！？")
WIDE = re.compile(r"[\uff01-\uff5e]")
WIDE_IN_NUMBER = re.compile(r"[0-9０-９][，．](?=[0-9０-９])")


def _narrow(m: re.Match) -> str | None:
    ch = m.group(0)
    return None if ch in KEEP_FULL else chr(ord(ch) - 0xFEE0)


def fix_width(text: str) -> FixResult:
    """Full-width digits, letters and symbols → ASCII; `１，２３４` → `1,234`."""
    text1, map1, n1 = _substitute(text, WIDE_IN_NUMBER, lambda m: m.group(0)[0] + ("," if m.group(0)[1] == "，" else "."))
    text2, map2, n2 = _substitute(text1, WIDE, _narrow)
    # both steps keep every length, so positions do not move
    return text2, OffsetMap.identity(len(text2)), n1 + n2


# --- traditional → simplified ---------------------------------------------------------

_CONVERTERS: dict[str, object] = {}


def converter(config: str):
    if config not in _CONVERTERS:
        import opencc

        _CONVERTERS[config] = opencc.OpenCC(config)
    return _CONVERTERS[config]


def count_changed(a: str, b: str) -> int:
    """How many characters differ between two strings of the same length (vectorised)."""
    if a == b:
        return 0
    import numpy as np

    x = np.frombuffer(a.encode("utf-32-le"), dtype=np.uint32)
    y = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    return int(np.count_nonzero(x != y))


def fix_t2s(text: str, converted: str | None = None) -> FixResult:
    """OpenCC `t2s` (`converted`: its output, when already computed); when a phrase changes
    length, lines are converted one by one to keep offsets."""
    t2s = converter("t2s")
    out = t2s.convert(text) if converted is None else converted
    if len(out) == len(text):
        changed = count_changed(text, out)
        return out, OffsetMap.identity(len(out)), changed
    b = OffsetBuilder(text)
    pos = 0
    for line in text.split("\n"):
        new = t2s.convert(line)
        if new != line:
            if len(new) == len(line):
                for i, (x, y) in enumerate(zip(line, new)):
                    if x != y:
                        b.replace(pos + i, pos + i + 1, y)
            else:
                b.replace(pos, pos + len(line), new)
        pos += len(line) + 1
    return (*b.finish(), b.count)


KEEP_ZHU = re.compile(r"著(?=[名作称述录者书有文])|(?<=[显卓昭论专名原编巨译遗拙新合土撰大])著")
ZHU = re.compile(r"著")


def fix_zhe(text: str) -> FixResult:
    """The particle 著 → 着 (看著 → 看着), which t2s leaves alone because 著 is also simplified."""
    keep = {m.start() for m in KEEP_ZHU.finditer(text)}
    return _substitute(text, ZHU, lambda m: None if m.start() in keep else "着")


# --- whitespace -----------------------------------------------------------------------

NOISE = re.compile(r"\r\n?|[\u200b-\u200d\u2060\ufeff\u00ad]|[\u00a0\u3000\u2002-\u200a\u202f]|[ \t]+\n")


def _space(m: re.Match) -> str | None:
    s = m.group(0)
    if s.startswith("\r"):
        return "\n"
    if s[0] in "\u200b\u200c\u200d\u2060\ufeff\u00ad":
        return ""
    if s.endswith("\n"):  # blanks before a line end: dropped after text, kept on blank lines
        start = m.start()
        return "\n" if start and not m.string[start - 1].isspace() else None
    return " "


def fix_whitespace(text: str) -> FixResult:
    """Line ends, zero-width and no-break spaces, trailing blanks after text (not blank lines:
    tab-laid tables use them)."""
    return _substitute(text, NOISE, _space)


CJK_GAP = re.compile(rf"(?<=\d)[ \t]+(?=%)|(?<=[{HAN_RANGES}，。；：、“”（）])[ \t]+(?=[0-9A-Za-z%.])"
                     rf"|(?<=[0-9A-Za-z%.,])[ \t]+(?=[{HAN_RANGES}，。；：、“”（）])")
NUMERIC_TOKEN = re.compile(r"(?:^|(?<=\s))[-+]?\d[\d,]*(?:\.\d+)?%?(?=\s|$)")
PROSE_PUNCTUATION = re.compile(r"[，。；：、]")
CELL_GAP = re.compile(r"\S(?: {2,}|\t)(?=\S)")   # (cells set apart by runs of spaces)
# one space between two Chinese characters in a sentence: OCR's or a letter-spacing typesetter's
# (`重 办 工 单63件`, `市 审 计局`); Chinese sets no space inside a sentence
HAN_GAP = re.compile(rf"(?<=[{HAN_RANGES}])[ \u3000](?=[{HAN_RANGES}])")
# a line set letter by letter (`运 行 情 况 通 报`, `一 、 总体运行情况`, a cell `武 康 街 道`): a
# title, heading or cell, not a row of cells, which opens with a word (`单位 受理量`)
LETTER_SPACED = re.compile(rf"[ \t\u3000]*(?:[{HAN_RANGES}、，。：；（）()][ \u3000]){{2,}}\S+[ \t\u3000]*")
INNER_SPACE = re.compile(r"(?<=\S)[ \u3000](?=\S)")


def fix_cjk_spacing(text: str) -> FixResult:
    """Spaces that typesetting put between Chinese and digits (`共 1,416 件` → `共1,416件`) and,
    in a sentence, between Chinese characters (`重 办 工 单`), except on lines that are table rows
    (`1 圣城街道 8956 8904`), whose spaces divide cells, and tabs on a line with several (a header
    row `督办事项\t\t\t12345热线工单`)."""
    b = OffsetBuilder(text)
    pos = 0
    for line in text.split("\n"):
        if (" " in line or "\t" in line or "\u3000" in line) and not line.startswith("\t"):
            prose = PROSE_PUNCTUATION.search(line)
            cuts = []
            gaps = list(CJK_GAP.finditer(line))
            # (`合计      54500      —      —`: a row of cells though it holds one number)
            if gaps and (prose or (len(NUMERIC_TOKEN.findall(line)) < 2 and len(CELL_GAP.findall(line)) < 2)):
                tab_row = line.count("\t") >= 2
                cuts = [m.span() for m in gaps if not (tab_row and "\t" in m.group())]
            if LETTER_SPACED.fullmatch(line) and not CELL_GAP.search(line):
                cuts += [m.span() for m in INNER_SPACE.finditer(line)]
            elif prose and not CELL_GAP.search(line):
                cuts += [m.span() for m in HAN_GAP.finditer(line)]
            for start, end in sorted(set(cuts)):
                b.replace(pos + start, pos + end, "")
        pos += len(line) + 1
    return (*b.finish(), b.count)


# `2 673件`, `42 615件`: thousands set apart by a space, as some typesetting does; only before a
# unit or 万/亿, so two numbers a space apart (`12 345` as table cells) stay two
SPACED_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d.,])(?=\s?(?:[万亿]|件|条|项|个|人次|次|张|元|户|宗|份|家))")


def fix_digit_grouping(text: str) -> FixResult:
    """Spaces between the groups of one number (`2 673件` → `2673件`), on prose lines only."""
    b = OffsetBuilder(text)
    pos = 0
    for line in text.split("\n"):
        if " " in line and PROSE_PUNCTUATION.search(line):
            for m in SPACED_THOUSANDS.finditer(line):
                b.replace(pos + m.start(), pos + m.end(), m.group().replace(" ", ""))
        pos += len(line) + 1
    return (*b.finish(), b.count)


# a page's folio on a line of its own (`— 3 —`, `-2-`, `·2·`, `第2页 共5页`), left by copying a
# paginated document out as text: it may stand inside a paragraph or a table, or head the text
FOLIO = re.compile(rf"\s*(?:{FOLIO_MARK})\s*")
# a page's running header: words, not a date or a number alone
RUNNING_HEADER = re.compile(rf"(?=.*[{HAN_RANGES}])(?!.*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*$).{{4,60}}")


def fix_folios(text: str) -> FixResult:
    """Page numbers standing alone on a line, taken out with their line, and the running header
    each new page opens with: the line after a folio when the text repeats it word for word
    elsewhere (the document number, the bulletin's name), so that a sentence or a table broken
    by the page reads on."""
    lines = text.split("\n")
    folios = [i for i, line in enumerate(lines[:-1]) if FOLIO.fullmatch(line)]
    b = OffsetBuilder(text)
    if folios:
        counts = Counter(line.strip() for line in lines)
        drop = set(folios)
        drop.update(i + 1 for i in folios if i + 2 < len(lines) and counts[lines[i + 1].strip()] >= 2
                    and RUNNING_HEADER.fullmatch(lines[i + 1].strip())
                    and not DATE_LINE.match(lines[i + 2]))   # (a signature over its date heads no page)
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        for i in sorted(drop):
            # (the line with the line end before it; the first line, its words only)
            b.replace(starts[i] - 1 if i else 0, starts[i] + len(lines[i]), "")
    new_text, offsets = b.finish()
    return new_text, offsets, b.count


# Markdown marks in text an office system exported as Markdown: a heading's `#`s and a bold or
# underlined span's `**`/`__` (the words they wrap are kept; a list item's bullet stays, as
# it parts the items)
MARKDOWN_LINE = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.M)
MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(?=[^\s*_])[^*_\n]{1,200}?(?<=[^\s*_])\1")


def fix_markdown(text: str) -> FixResult:
    """Markdown's heading and emphasis marks, taken out; the words stay in place."""
    if "#" not in text and "**" not in text and "__" not in text:
        return text, OffsetMap.identity(len(text)), 0
    marks = [(m.start(), m.end()) for m in MARKDOWN_LINE.finditer(text)]
    for m in MARKDOWN_EMPHASIS.finditer(text):
        marks += [(m.start(), m.start() + 2), (m.end() - 2, m.end())]
    b = OffsetBuilder(text)
    for start, end in sorted(marks):
        b.replace(start, end, "")
    return (*b.finish(), b.count)


def _fixes() -> list[tuple[str, Callable[[str], FixResult]]]:
    return [
        ("unicode_nfc", fix_nfc),
        ("mojibake", fix_mojibake),
        ("html_entities", fix_entities),
        ("html_tags", fix_tags),
        ("markdown", fix_markdown),
        ("pinyin_annotations", fix_pinyin),
        ("width", fix_width),
        ("t2s", fix_t2s),
        ("particle_zhe", fix_zhe),
        ("cjk_spacing", fix_cjk_spacing),
        ("whitespace", fix_whitespace),
        ("page_numbers", fix_folios),
        ("digit_grouping", fix_digit_grouping),
    ]


@functools.lru_cache(maxsize=None)
def _writes(codec: str, ch: str) -> bool:
    """Can the legacy encoding `codec` write `ch` (Big5 no simplified-only 为, GB2312 no 區)?"""
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _keep_simplified(text: str, simple: str) -> str:
    """In a simplified or mixed text, t2s only replaces the traditional forms that slipped in (those
    GB2312 cannot write, 區 → 区); a character GB2312 writes is simplified already, and t2s
    would turn a place name's 藉 (藉口镇) into 借. A line written in traditional script (a
    paragraph a web tool converted: a fifth or more of its Han characters are forms GB2312
    cannot write, where a simplified line with a stray 城關區 has a few) takes t2s whole, so
    its 於 and 著, which GB2312 also writes, become 于 and 着."""
    out = []
    for line, line_simple in zip(text.split("\n"), simple.split("\n")):
        traditional = sum(a != b and not _writes("gb2312", a) for a, b in zip(line, line_simple))
        if traditional >= 2 and traditional >= 0.2 * len(HAN.findall(line)):
            out.append(line_simple)
        else:
            out.append("".join(b if a == b or not _writes("gb2312", a) else a for a, b in zip(line, line_simple)))
    return "\n".join(out)


def detect_script(text: str, simple: str | None = None) -> str:
    """`hans`, `hant` or `mixed`: traditional if t2s would change characters (`simple`: the
    t2s output, when already computed), mixed if the text also has simplified-only ones
    (those Big5 cannot write, such as 为 and 区)."""
    sample = text[:200_000]
    simple = converter("t2s").convert(sample) if simple is None else simple[:200_000]
    if simple == sample:
        return "hans"
    han = len(HAN.findall(sample))
    if len(simple) != len(sample) or count_changed(sample, simple) <= max(1, han * 0.002):
        return "hans"
    traditional = converter("s2t").convert(sample)
    changed_by_s2t = set(sample) - set(traditional) if len(traditional) == len(sample) else set()
    simplified_only = sum(sample.count(ch) for ch in changed_by_s2t if HAN.match(ch) and not _writes("big5", ch))
    return "hant" if simplified_only <= max(2, han * 0.005) else "mixed"


def normalise(doc: Document) -> Document:
    """Fills `text`, `script`, `fixes` and `maps` of a document whose `raw` text is read."""
    text = doc.raw
    doc.maps = []
    doc.fixes = []
    doc.script = "hans"
    for name, fix in _fixes():
        if name == "t2s":
            simple = converter("t2s").convert(text)
            doc.script = detect_script(text, simple)
            if doc.script != "hant" and simple != text and len(simple) == len(text):
                simple = _keep_simplified(text, simple)
            new, offsets, count = fix_t2s(text, simple)
        elif name == "particle_zhe" and doc.script == "hans":
            continue
        else:
            new, offsets, count = fix(text)
        if new != text and count:
            doc.fixes.append(Fix(name, count))
            doc.maps.append(offsets)
            text = new
    doc.text = text
    return doc


def normalise_text(s: str) -> str:
    """The same chain over a bare string (table cells read as structure)."""
    doc = Document(source_path="", source_format="txt", doc_id="", raw=s)
    return normalise(doc).text
