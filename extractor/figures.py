"""Figures stage: headline figures in running text.

The phrasings live in `patterns/*.toml` (see `extractor.patterns`); this module is the
machinery that applies them to a `Document`:

1. Every number with its unit is a token (`{token}` piece); tokens in excluded spans (dates,
   phone numbers, thresholds, ids…) and tokens whose unit is not a figure unit are dropped.
2. A token takes the metric of the nearest rule keyword to its left whose `gap` fits the text
   in between and whose unit classes admit the token's unit (ties: the longer keyword).
3. A token without a keyword of its own but right after a unit name (`红寺堡镇45件`) is a list
   item: it takes the metric of the nearest keyword earlier in the sentence
   (`超时签收工单较多的单位是:`).
   A token with neither takes a keyword standing right after it, for rules marked `post`
   (`区住建局有8件工单超期未办结`).
4. Entities: the unit name right before the number; a list of names before the keyword
   (`A、B、C报送数仅2条` → one figure each); `分别为 x、y` pairs names and numbers in order;
   the unit named at the start of the sentence part (`张浦镇本月考核得分86.5分`).
"""
from __future__ import annotations

from dataclasses import dataclass
from bisect import bisect_left, bisect_right
from decimal import Decimal

import regex

from .model import Document
from .patterns import Library, Rule, load_library
from .segment import NUMBER_CELL

MULT = {"千": Decimal(1000), "万": Decimal(10000), "亿": Decimal(100000000)}
FIGURE_CLASSES = {"count", "calls", "ge", "pct", "points", "score", "rank", "bare"}
WINDOW = 48          # how far left of a number a keyword may stand
_DIGIT = regex.compile(r"[0-9]")
_CN_MAGNITUDE = regex.compile(r"[零一二两三四五六七八九][十百千万点]")
_CN_COUNT = regex.compile(_CN_MAGNITUDE.pattern + r"|[一二两三四五六七八九十](?:[件条项次面封]|个百分点)|为零|近[百千万]")   # (pieces.toml `count_cn`)
# figures without ASCII digits (`排名第一`, `二百三十一件`)
_TENTHS = regex.compile(r"[一二两三四五六七八九]成")   # (`近五成`; 成 alone is in 完成, 成效…)
_CN_FIGURE = regex.compile(r"百分之|" + _TENTHS.pattern + r"|第[一二三四五六七八九十]|" + _CN_COUNT.pattern)
_BARE_STOP = regex.compile(r"[0-9.]")
_RATE_OF_ZERO = regex.compile(r"率\s*(?:均为|仅为|为|是)?\s*\Z")
_HAN = regex.compile(r"\p{Han}")
_HAN_RUN = regex.compile(r"\p{Han}*")
_HAN_WORDS = regex.compile(r"\p{Han}{2,}")
# the office of a street or township that issues a circular speaks for it (`桂城街道办事处`)
_ISSUER_OFFICE = regex.compile(r"(?<=街道|镇|乡)(?:办事处|人民政府|政府)\Z")
# A dot or a dash between two characters joins one name (`水秀·溪港社区`, `东湖—梨园片区`): the
# figures stage reads it as a character of the name (a stand-in of the same length that no circular
# writes, mapped back in what it outputs) so that every name pattern takes it in.
_NAME_JOINER = regex.compile(r"(?<=\p{Han})[·•・—–-](?=\p{Han})")
_JOINER_STAND_IN = "\U00020000"
_ITEM_START = regex.compile(r"[：:、，,；;][^：:、，,；;]*\Z")
_ADVERBS = set("共另再还并已累")
_NOT_IN_NAME = regex.compile(r"[的被]")
_PASSIVE_IN_NAME = regex.compile(r"被(?!服)")   # (a 被服厂 is a name)
_JUST_PUNCT = regex.compile(r"[\s，,、；;]*")
_OPEN_BRACKET = regex.compile(r"\s*\(\s*")
_JOINED_IN_BRACKET = regex.compile(r"\s*[，,、；;]\s*")
_CN_DIGIT = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# `A、B(各2件)`: a bracket whose number each unit before it takes
_SUBSET_OPEN = regex.compile(r"\s*其中[，,：:]?\s*")
_SHARED_IN_BRACKET = regex.compile(r"\((?:各|均)\s*\Z")
# what follows a topic's label in a list item: `供暖问题(主要为供暖费退费…)1623件` is 供暖
_LABEL_TAIL = regex.compile(r"(?:问题|诉求)?(?:\([^()]{1,30}\))?\Z")
_SENTENCE_FINAL = regex.compile(r"[。；;!！?？]\s*\Z")
# the addressees heading a circular's body (`各县(市、区)营商局：`), not a list intro
_SALUTATION = regex.compile(r"\s*各[^。；;\d]{0,60}(?:政府|管委会|单位|部门|局|委|办|街道|乡镇|镇|处|室|中心|公司)[：:]\s*\Z")
# A bulleted item (`● 办结：9,712件`): its own sentence, never glued to the line before or after.
# (used with `match`, which anchors at its start position: `\A` would only match at 0)
_BULLET_MARK = r"(?:[●•■◆◇▪▲△★☆▶►·\-]|——?|[*+](?=[ \t]))"   # (pieces.toml `bullet`, with · and - alone)
_BULLET = regex.compile(r"[ \t\u3000]*" + _BULLET_MARK + r"[ \t\u3000]*")
# `label：value`: a label (the sentence head, no clause mark in it) closed by a colon right before the number
_LABEL_COLON = regex.compile(r"[：:][ \t\u3000]*\Z")
_LABEL_HEAD = regex.compile(r"[ \t\u3000]*(?:" + _BULLET_MARK + r"[ \t\u3000]*)?[^，,。；;：:、!！?？\n]{1,24}")
# `A、B…，各报送21条、18条`: 各 before a list of numbers pairs them with the names in order
_NEXT_NUMBER = regex.compile(r"\s*[、,，]\s*\d")
# the next unit of a parallel list after a comma (`，B公司为97.35%`, `，B街道1497件`)
_NEXT_UNIT_IS = regex.compile(r"\)?\s*[，,]\s*[^，,。；;：:\d]{2,24}?(?:为|是)?\s*")
_LIST_NEXT = regex.compile(r"\)?\s*(?:、|和|及|以及)")   # (the next list item: `386件、`, `(386件)、`, `(93.84%)和`)
# more numbers of the same kind listed right after one (`78.6分、79.4分和80.1分`)
_LISTED_NUMBER = r"\s*\d[\d,]*(?:\.\d+)?\s*[万亿]?(?:%|分|件|条|项|个百分点|人次|次)?"
_MORE_NUMBERS = regex.compile(r"(?:\s*[、和及]" + _LISTED_NUMBER + ")+")
# ... and in groups parted by ，or ；(`a、b、c，d、e、f`: units × measures)
_GRID_NUMBERS = regex.compile(r"(?:\s*[、和及，,；;]" + _LISTED_NUMBER + ")+")
_GRID_SEPARATOR = regex.compile(r"\s*([、和及，,；;])\s*\d")
_SAME_SEPARATOR = str.maketrans("及,;；", "和，，，")
_DIGIT_RUN = regex.compile(r"\d[\d,]*(?:\.\d+)?")
# `2.1个和0.9个百分点`: 百分点 written once for a list of changes
_ELIDED_POINTS = regex.compile(r"(?:\s*[和、及与]\s*\d+(?:\.\d+)?\s*个)+\s*百分点")
# ... or written only after the last (`分别提高0.05、3.62、2.74个百分点`)
_BARE_BEFORE_POINTS = regex.compile(r"(?:\s*[和、及与]\s*\d+(?:\.\d+)?)+\s*个百分点")
# placings listed after one (`第二、第三`), and what joins them
_MORE_PLACINGS = regex.compile(r"(?:\s*[、和]\s*第?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[位名]?)+")
_PLACING_JOINER = regex.compile(r"[、和]")
# 各/均/都 in the words before a keyword: each unit listed takes the number
_EVERY = regex.compile(r"[均都各]")
# 该单位/该部门/该窗口 name no kind of unit: any unit named before
_KINDLESS = ("单位", "部门", "窗口")
_LISTED_THEN_EVERY = regex.compile(r"[、和]\p{Han}{2,24}?[均都各]")
_WHEN_THEN_EVERY = regex.compile(r"(?:也|亦|还|同样)?(?:本月|当月|本季度|本周|今年|本年|全年|上半年|下半年)?(?:也|亦|还)?[均都各]")   # (`A、B本月各收到…`, `A、B也各有…`)
_TOGETHER = regex.compile(r"共|合计|累计")
_HARD_END = regex.compile(r"[。!！?？\n]")
_FULL_STOP = regex.compile(r"。")
_SUBSET = regex.compile(r"\s*其中")   # (a clause on a part of the units listed before)
_COLON = regex.compile(r"[：:]")
# `X以99.2%的按时办结率居首`: the keyword after the number, joined by 的
_BY = regex.compile(r"以\s?\Z")
_OF = regex.compile(r"\s?的\s?")
# a flattened table row (numbers separated by blanks) is not prose broken across lines
_TABLE_ROW = regex.compile(r"[0-9]%?[ \t\u3000]+\S{0,12}?[0-9]")


@dataclass(slots=True)
class Token:
    start: int        # of the number (block-relative)
    end: int          # end of number incl. 万/亿
    tok_end: int      # end of the whole token incl. unit
    tok_start: int    # start incl. 约/近
    value: float
    unit: str | None
    cls: str
    approx: bool


@dataclass(slots=True)
class Event:
    start: int
    end: int
    rule: Rule
    match: object


def extract_figures(doc: Document) -> list[dict]:
    lib = load_library()
    _LEAD_CACHE.clear()    # (lead stripping and name checks are memoised within one document)
    _NAME_CACHE.clear()
    # The paragraphs and headings that hold digits, joined by newlines (a sentence end), are
    # scanned as one text: one pass per pattern per document instead of one per block.
    parts: list[str] = []
    part_at: list[int] = []      # start of each part in the joined text
    part_doc: list[int] = []     # ... and in doc.text
    part_heading: list[str | None] = []
    heading = None
    runs: list[list] = []        # consecutive paragraph lines broken mid-sentence form one run
    prev = None
    for block in doc.blocks:
        if block.kind == "heading":
            heading = doc.text[block.start:block.end].strip()
        if block.kind not in ("paragraph", "heading"):
            prev = None
            continue
        s = doc.text[block.start:block.end]
        glue = prev is not None and block.kind == "paragraph" and (
            # `1.区住建局：逾期回复14件`, `(一)沙石镇。季度考核得分78.4分`, `1.马杭社区，85.4分。超时…`:
            # a heading that opens with the unit its line goes on to measure
            (prev.kind == "heading" and prev.end == block.start
             and (doc.text[prev.end - 1] in "：:" or lib.words["line_head"].match(doc.text, prev.start, prev.end)))
            # `诉求热点是：` / `疫情防控(97245件，16.82%)；` / `城乡建设(…)；`: the items of a colon-led
            # list, one per line, stay with their lead
            or (prev.kind == "paragraph" and doc.text.count("\n", prev.end, block.start) < 2
                and doc.text[prev.end - 1] in "；;" and runs[-1][0][0].rstrip().endswith(("：", ":"))
                and not _TABLE_ROW.search(s))
            or (prev.kind == "paragraph"
                and doc.text.count("\n", prev.end, block.start) < 2   # (a blank line ends a paragraph)
                and not _SENTENCE_FINAL.search(doc.text, prev.start, prev.end)
                and not _SALUTATION.match(doc.text, prev.start, prev.end)
                and not _TABLE_ROW.search(s) and not _TABLE_ROW.search(doc.text, prev.start, prev.end)
                and not _BULLET.match(s) and not _BULLET.match(doc.text, prev.start, prev.end)
                # (a line that is one number is a table's cell: `8⏎7⏎0⏎98.5` is never 87098.5)
                and not NUMBER_CELL.fullmatch(s) and not NUMBER_CELL.fullmatch(doc.text, prev.start, prev.end)))
        if glue:
            runs[-1].append((s, block.start, heading))
        else:
            runs.append([(s, block.start, heading)])
        prev = block
    pieces: list[str] = []
    at = 0
    for run in runs:
        if not any(_DIGIT.search(s) or _CN_FIGURE.search(s) for s, _, _ in run):
            continue
        for i, (s, start, head) in enumerate(run):
            if i == 0 and pieces:
                pieces.append("\n")
                at += 1
            parts.append(s)
            part_at.append(at)
            part_doc.append(start)
            part_heading.append(head)
            pieces.append(s)
            at += len(s)
    if not parts:
        return []
    joined = "".join(pieces)
    joiners = {}
    if _JOINER_STAND_IN not in joined:
        joiners = {m.start(): m.group() for m in _NAME_JOINER.finditer(joined)}
        joined = _NAME_JOINER.sub(_JOINER_STAND_IN, joined)
    rows = _extract_block(lib, joined, part_at, part_heading, getattr(doc, "metadata", None) or {})
    for r in rows:
        if joiners:
            _restore_joiners(r, joiners, joined)
        i = bisect_right(part_at, r["start"]) - 1
        shift = part_doc[i] - part_at[i]
        r["start"] += shift
        r["end"] += shift
        r["raw_start"] = doc.to_raw(r["start"])
        r["raw_end"] = doc.to_raw(r["end"])
    return rows


def _restore_joiners(row: dict, joiners: dict[int, str], joined: str) -> None:
    """The dots and dashes of a row's clause, entity and category, as written: each string is found
    where it stands nearest the number, and its stand-ins take the joiners written there."""
    for key in ("text", "entity", "category"):
        value = row.get(key)
        if not value or _JOINER_STAND_IN not in value:
            continue
        before = joined.rfind(value, 0, row["start"] + len(value))   # (starting at or before the number)
        after = joined.find(value, row["start"] + 1)
        at = before if after < 0 or (before >= 0 and row["start"] - before <= after - row["start"]) else after
        if at < 0:   # (a name composed from its parts, `A、B窗口` → `A窗口`: the joiner nearest the number)
            nearest = joiners[min(joiners, key=lambda p: abs(p - row["start"]))]
            row[key] = value.replace(_JOINER_STAND_IN, nearest)
        else:
            row[key] = "".join(joiners.get(at + i, c) if c == _JOINER_STAND_IN else c for i, c in enumerate(value))


def extract_text(text: str) -> list[dict]:
    """The figures of a bare (already normalised) text, as one paragraph: for examples and tests."""
    from .model import Block

    doc = Document(source_path="<text>", source_format="txt", doc_id="", raw=text, text=text,
                   blocks=[Block("paragraph", 0, len(text))])
    return extract_figures(doc)


# ---------------------------------------------------------------------------- tokens

def _tokens(lib: Library, s: str) -> list[Token]:
    """Numbers whose unit may make them a figure (dates, money, counts of units… are left out)."""
    out = []
    units = lib.units
    for m in lib.token.finditer(s):
        unit = m.group("unit")
        if m.group("pct_words") and unit is None:
            unit = "%"
        if unit is None and _BARE_BEFORE_POINTS.match(s, m.end()):
            unit = "个百分点"
        if unit is None and m.group("num") == "0" and _RATE_OF_ZERO.search(s, max(0, m.start() - 8), m.start()):
            unit = "%"   # (`采用率为0`: a zero rate needs no sign)
        if unit is None:
            e = m.end()
            if _BARE_STOP.match(s, e):
                continue
            cls = "bare"
        else:
            cls = units.get(unit)
            if unit == "个" and _ELIDED_POINTS.match(s, m.end()):
                unit, cls = "个百分点", units.get("个百分点")   # `分别提升2.1个和0.9个百分点`
            if cls not in FIGURE_CLASSES:
                continue
        num = m.group("num").replace(",", "")
        if not num.isascii():
            continue  # digits of another script (the text folds full-width ones): not a figure
        mult = m.group("mult")
        if mult:
            value = float(Decimal(num) * MULT[mult])
            end = m.end("mult")
        else:
            value = float(num)
            end = m.end("num")
        out.append(Token(m.start("num"), end, m.end(), m.start(), value, unit, cls,
                         bool(m.group("pre") or m.group("post"))))
    return out


def _cn_number(cn: str) -> float | None:
    """百 → 100, 九十一点二 → 91.2, 十五 → 15, 八 → 8 (as written after 百分之)."""
    if cn == "百":
        return 100.0
    whole, _, frac = cn.partition("点")
    if "十" in whole:
        tens, _, ones = whole.partition("十")
        if len(tens) > 1 or len(ones) > 1:
            return None
        n = (_CN_DIGIT.get(tens, -99) if tens else 1) * 10 + (_CN_DIGIT.get(ones, -99) if ones else 0)
    elif len(whole) == 1:
        n = _CN_DIGIT.get(whole, -99)
    else:
        return None
    if n < 0:
        return None
    if frac:
        return float(f"{n}." + "".join(str(_CN_DIGIT[c]) for c in frac))
    return float(n)


def _cn_count(cn: str) -> float | None:
    """二百三十一 → 231, 一万七千六百四十二 → 17642, 零点四 → 0.4 (cn2an, imported when first needed:
    it takes a sixth of a second to load and most circulars write no such number)."""
    import cn2an
    if cn in ("百", "千", "万"):
        cn = "一" + cn   # (`近千人次`)
    try:
        return float(cn2an.cn2an(cn, "normal"))
    except (ValueError, KeyError):
        return None


def _declared_unit(lib: Library, s: str, lo: int, pos: int) -> str | None:
    """The unit a sentence declares once for the bare numbers after it (`(单位：件)`, `(%)`)."""
    found = None
    for m in lib.words["declared_unit"].finditer(s, lo, pos):
        found = m.group("unit")
    return found if found and lib.units.get(found) in FIGURE_CLASSES else None


def _range_tokens(lib: Library, s: str, tokens: list[Token], clauses: Marks) -> tuple[list[Token], dict[int, str]]:
    """`A、B、C受理量分列第一至第三位`: one placing token per place of the range (the first on its
    first number, the inner ones empty after it, the last on its last number) instead of the
    numbers as written, and the unit each place belongs to (by id of the token): the units listed
    before, as many as the places (else the range is left as written)."""
    ranges, owners = [], {}
    for m in lib.placing_range.finditer(s):
        names = _name_list(lib, s[clauses.last_end(0, m.start()):m.start()], strict_last=False)
        first, last = (float(x) if x.isascii() else _cn_number(x) for x in (m.group("a"), m.group("b")))
        if first is None or last is None or not 1 <= first < last <= first + 9 or len(names) != last - first + 1:
            continue
        first, last = int(first), int(last)
        a0, a1 = m.start("a"), m.end("a")
        places = [Token(a0, a1, a1, a0, float(first), None, "rank", False)]
        places += [Token(a1, a1, a1, a1, float(k), None, "rank", False) for k in range(first + 1, last)]
        places.append(Token(m.start("b"), m.end("b"), m.end(), m.start("b"), float(last), m.group("unit"), "rank", False))
        ranges.append((m.start(), m.end(), places))
        owners.update((id(p), name) for p, name in zip(places, names))
    if not ranges:
        return tokens, owners
    kept = [t for t in tokens if not any(a <= t.start < b for a, b, _ in ranges)]
    return sorted(kept + [p for _, _, places in ranges for p in places], key=lambda t: t.start), owners


def _cn_tokens(lib: Library, s: str) -> list[Token]:
    """Numbers written in Chinese numerals that are figures: percentages (`百分之百`) and
    placings (`排名第一`, `分列第二、三位`); other Chinese numerals are ordinals or prose."""
    out = []
    if lib.pct_cn is not None and ("百分之" in s or _TENTHS.search(s)):
        for m in lib.pct_cn.finditer(s):
            if m.group("tenths"):   # (`近五成`: 50%, about)
                out.append(Token(m.start("tenths"), m.end("tenths") + 1, m.end(), m.start(),
                                 _CN_DIGIT[m.group("tenths")] * 10.0, "%", "pct", bool(m.group("pre") or m.group("post"))))
                continue
            value = _cn_number(m.group("cn"))
            if value is not None:
                out.append(Token(m.start(), m.end(), m.end(), m.start(), value, "%", "pct", False))
    if lib.count_cn is not None and _CN_COUNT.search(s):
        for m in lib.count_cn.finditer(s):
            value = _cn_count(m.group("cn"))
            unit = m.group("unit")
            cls = lib.units.get(unit) if unit else "bare"   # (`均为零`)
            if value is not None and cls in FIGURE_CLASSES:
                out.append(Token(m.start("cn"), m.end("cn"), m.end(), m.start(), value, unit, cls,
                                 bool(m.group("pre") or m.group("post"))))
    if lib.rank_cn is not None and ("第" in s or "分列" in s or "分居" in s):
        for m in lib.rank_cn.finditer(s):
            value = _cn_number(m.group("cn"))
            if value:
                out.append(Token(m.start(), m.end("cn"), m.end(), m.start(), value, m.group("unit"), "rank", False))
    return out


_BRACKET_CLOSE = regex.compile(r"\s?\)")


def _exact_in_brackets(s: str, tokens: list[Token]) -> list[Token]:
    """`近四成(38.7%)`, `近1.2万件(11846件)`: a round figure restated exactly in the bracket after
    it is one figure, the exact one, read where the round one stands."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.cls == t.cls and not nxt.approx and t.value \
                and (t.approx or t.end > t.start and s[t.end - 1] in "万亿") \
                and _OPEN_BRACKET.fullmatch(s, t.tok_end, nxt.tok_start) \
                and _BRACKET_CLOSE.match(s, nxt.tok_end) \
                and abs(nxt.value - t.value) <= 0.15 * abs(t.value):
            out.append(Token(nxt.start, nxt.end, nxt.tok_end, t.tok_start, nxt.value, nxt.unit, nxt.cls, False))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def _excluded(lib: Library, s: str) -> list[tuple[int, int]]:
    # one scan per exclusion: single patterns with literal prefixes scan far faster in
    # `regex` than one alternation of them all
    return [m.span("x") for r in lib.excludes for m in r.pattern.finditer(s)]


def _events(lib: Library, s: str) -> list[Event]:
    events = [Event(m.start(), m.end(), rule, m) for rule in lib.rules
              for m in rule.trigger.finditer(s) if m.end() > m.start()]
    events.sort(key=lambda e: e.end)
    return events


# ---------------------------------------------------------------------------- helpers

class Marks:
    """All matches of one pattern in a block, found once, looked up by bisection."""

    __slots__ = ("starts", "ends")

    def __init__(self, pattern: regex.Pattern, s: str):
        spans = [m.span() for m in pattern.finditer(s)]
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def last_end(self, lo: int, pos: int) -> int:
        """Just after the last match lying wholly in s[lo:pos] (or `lo`)."""
        i = bisect_right(self.ends, pos) - 1
        if i >= 0 and self.ends[i] >= lo and self.starts[i] >= lo:
            return self.ends[i]
        return lo

    def next_start(self, pos: int, default: int) -> int:
        i = bisect_left(self.starts, pos)
        return self.starts[i] if i < len(self.starts) else default

    def any_within(self, lo: int, pos: int) -> bool:
        i = bisect_right(self.ends, pos) - 1
        return i >= 0 and self.starts[i] >= lo


def fold_category(cat: str | None) -> str | None:
    """A category label as the contract names it: `咨询类` → 咨询, `感谢表扬类` → 表扬 (synonyms are data)."""
    if not cat:
        return None
    cat = cat.removesuffix("类")
    return load_library().category_synonyms.get(cat, cat)


def _is_name(lib: Library, name: str) -> bool:
    out = _NAME_CACHE.get(name)    # (cleared per document, like the lead cache)
    if out is None:
        out = _NAME_CACHE[name] = bool(name) and bool(lib.entity["name"].match(name)) \
            and not lib.entity["not"].search(name) \
            and not _starts_with_keyword(lib, name) \
            and not _PASSIVE_IN_NAME.search(name)   # (`转派镇(街道)办理…`, `A被市委办…` name no unit)
    return out


_LEAD_CACHE: dict = {}
_NAME_CACHE: dict = {}


def _strip_lead(lib: Library, text: str) -> str:
    out = _LEAD_CACHE.get(text)    # (cleared per document: one library per document)
    if out is None:
        out = lib.entity["lead"].sub("", lib.words["ordinal"].sub("", text, count=1), count=1)
        _LEAD_CACHE[text] = out
    return out


def _name_list(lib: Library, text: str, strict_last: bool) -> list[str]:
    """Names of `A、B、C…` at the start of `text` (the last one followed by other words unless strict);
    failing that, of the names once their bracketed figures are dropped (`A(92.9分)、B(93.1分)分别排名…`)."""
    names = _bare_name_list(lib, text, strict_last)
    if not names and _NUMBER_BRACKET.search(text):
        names = _bare_name_list(lib, _NUMBER_BRACKET.sub("", text), strict_last)
    return names


def _bare_name_list(lib: Library, text: str, strict_last: bool) -> list[str]:
    text = _strip_lead(lib, text.strip())
    if not strict_last:
        d = _DIGIT.search(text)      # `A、B接收工单分别为213件、176件`: the names end before the numbers
        if d:
            text = text[:d.start()]
    else:
        text = lib.entity["tail"].sub("", text)
    parts = _shared_suffix(lib, [p.strip() for p in _LIST_COMMA.split(text)])
    if not parts or not parts[0]:
        return []
    names = []
    for i, p in enumerate(parts):
        is_name = _is_name(lib, p)
        # (not strict: the first part that is more than a name ends the list, `A、B分列第二、三位`)
        last = i == len(parts) - 1 or (not strict_last and not is_name)
        pair = _name_pair(lib, p) if last else []   # (a name holding 和 is one name unless both sides are)
        if pair:   # `A、B和C`
            names.extend(pair)
            break
        if last and not strict_last:
            trimmed = lib.entity["tail"].sub("", p)   # (`A、B较多，分别为…`)
            if is_name or (trimmed != p and _is_name(lib, trimmed)):   # (a last name on a weak suffix, `…、曹街村`)
                names.append(p if is_name else trimmed)
                break
            m = lib.entity["head"].match(p)
            name = m.group() if m and not lib.entity["not"].search(m.group()) else _name_before_keyword(lib, p)
            if not name:
                return names
            names.extend(_name_pair(lib, name) or [name])   # (`…、B和C报送较多`)
            break
        elif is_name:
            names.append(p)
        else:
            return []
    return names


def _shared_suffix(lib: Library, parts: list[str]) -> list[str]:
    """`公安、不动产、社保窗口`: bare names before the last take its suffix (公安窗口, 不动产窗口);
    `广州、深圳两市`: bare names counted with their kind each take it (广州市, 深圳市)."""
    if len(parts) < 2 or not all(_BARE_NAME.fullmatch(p) and not _is_name(lib, p) for p in parts[:-1]):
        return parts
    counted = lib.entity["counted_suffix"].match(parts[-1])
    if counted is not None and _cn_number(counted.group("n")) == len(parts):
        return [p + counted.group("suffix") for p in parts[:-1] + [counted.group("name")]]
    shared = lib.entity["shared_suffix"].match(parts[-1])
    if shared is None:
        return parts
    return [p + shared.group("suffix") for p in parts[:-1]] + parts[-1:]


_BARE_NAME = regex.compile(r"\p{Han}{2,6}")
_NUMBER_BRACKET = regex.compile(r"\([^()]*\d[^()]*\)")
_AND = regex.compile(r"[和及与]")
_LIST_COMMA = regex.compile(r"、(?![^()]*\))")   # (not one inside brackets: `县公安局(户政、出入境窗口)`)


def _name_pair(lib: Library, text: str) -> list[str]:
    """`A和B` where both sides are names (names may hold 和 themselves: 县住房和城乡建设局)."""
    text = _strip_lead(lib, text.strip())
    for m in _AND.finditer(text):
        a, b = text[:m.start()], text[m.end():]
        if _is_name(lib, a) and _is_name(lib, b):
            return [a, b]
    return []


def _name_before_keyword(lib: Library, p: str) -> str | None:
    """`县供热办受理诉求较多`: the name that ends where a keyword begins."""
    for m in lib.trigger_any.finditer(p):
        if m.start() < 2:
            continue
        name = lib.entity["tail"].sub("", p[:m.start()])
        if _is_name(lib, name):
            return name
        break
    return None


def _line_head(lib: Library, s: str, pos: int, meta: dict, adjacent: bool = False) -> str | None:
    """The unit a numbered line opens with (`(一)沙石镇。季度考核得分78.4分…`, `2.区城管局：…`):
    the subject of the line's figures that name none of their own; with `adjacent`, only one
    the number at `pos` directly follows (`1.马杭社区，85.4分`)."""
    line = s.rfind("\n", 0, pos) + 1
    if adjacent:
        m = lib.words["line_head"].match(s, line)
        if m is None or m.end() > pos or s[m.end():pos].strip():
            return None
    else:   # (the last head before `pos`: `倒数第2名：A局，…。超期3件。倒数第3名：B镇，…。退单3件`)
        item = _item_start(lib, s, line)
        starts = [item] + [m.end() for m in _FULL_STOP.finditer(s, item, pos)]
        heads = (lib.words["line_head"].match(s, at) for at in reversed(starts))
        m = next((h for h in heads if h is not None and h.end() <= pos), None)
        if m is None:
            return None
    name = m.group("ent")
    joined = lib.words["list_separator"].search(name)
    if not _is_name(lib, name) or "的" in name or lib.entity["not_subject"].search(name) or _reporting_body(lib, name, meta) \
            or (joined and _is_name(lib, name[:joined.start()])):
        # (`(二)街道便民服务中心。`: a kind of unit; `(一)园区和乡镇街道。`: two;
        # `(一)排名靠前的县(市、区)。`: a description; not `(三)区住房和城乡建设局。`)
        return None
    return name


def _item_start(lib: Library, s: str, line: int) -> int:
    """Where the numbered item holding the line at `line` begins: lines broken after a comma or a
    semicolon go on with the item above (`…扣除3.5分；⏎超期办结工单5件…`), unless they number one."""
    while line > 1 and s[line - 2] in "；;，,、" and not lib.words["ordinal"].match(s[line:line + 12]):
        line = s.rfind("\n", 0, line - 1) + 1
    return line


def _line_topic(lib: Library, s: str, pos: int, heading: str | None) -> tuple[str, int] | None:
    """The kind of request a numbered line opens with its count in brackets (`1.疫情防控(14.86万件，
    占15.07%)。…`), folded, and where that head ends (-1 when it heads the token's section rather
    than its line: the units' counts in the paragraph under it count that kind too); None when the
    line opens with a unit or a section's own words."""
    m = lib.words["topic_head"].match(s, s.rfind("\n", 0, pos) + 1)
    if m is not None and m.end() <= pos:
        end = m.end()
    elif heading and (m := lib.words["topic_head"].match(heading)):
        end = -1
    else:
        return None
    if _is_name(lib, m.group("topic")):
        return None
    return fold_category(m.group("topic")), end


def _own_subject(lib: Library, pre: str) -> bool:
    """The keyword's clause has a subject of its own (`三家合计占…`, `上述单位…`)."""
    return lib.entity["group"].search(pre) is not None


def _starts_with_keyword(lib: Library, name: str) -> bool:
    """`转派镇(街道)…`, `共转派乡(镇)…`: a verb phrase, not a name."""
    return bool(lib.trigger_any.match(name) or (name[:1] in _ADVERBS and lib.trigger_any.match(name, 1)))


def _own_area(lib: Library, name: str, meta: dict) -> bool:
    """Is `name` the division the report's metadata gives as its own (county, else city, else province)?
    Narrower than `_reporting_body`, which also takes the wider areas and the issuer's name: a
    unit's figure must survive this test wherever it stands in the sentence."""
    area = meta.get("county") or meta.get("city") or meta.get("province")
    return bool(area) and lib.entity["division"].search(name) is not None and (area.endswith(name) or name.endswith(area))


def _reporting_body(lib: Library, name: str, meta: dict) -> bool:
    """Is `name` the reporting body (the issuer, its area, its service centre), not a unit it lists?

    A text alone takes a lone division (`红寺堡区`) as the report's own area; a document whose
    header names no issuer nor area of its own (a WeChat post) reads its divisions as units."""
    if lib.entity["not_subject"].search(name):
        return True
    issuer = _ISSUER_OFFICE.sub("", meta.get("issuer") or "")
    if issuer and (issuer.endswith(name) or (len(name) >= 4 and name[0] in "省市区县" and issuer.endswith(name[1:]))):
        return True
    if lib.entity["division"].search(name):
        areas = [a for a in (meta.get("county"), meta.get("city"), meta.get("province")) if a]
        if not areas and not issuer:
            return not meta
        return any(a.endswith(name) or name.endswith(a) for a in areas) or name in issuer
    return False


def _adjacent_entity(lib: Library, s: str, lo: int, pos: int, listy: bool) -> str | None:
    left = s[lo:pos]
    m = lib.entity["before"].search(left)
    if not m:
        return None
    name = _strip_lead(lib, m.group("ent"))
    if len(name) < 2 or lib.entity["not"].search(name):
        return None
    if lib.entity["name"].match(name):
        return name
    # after `…的单位是:` any name right after a list separator counts
    if listy and name == m.group("ent") and s[lo + m.start() - 1:lo + m.start()] in ("：", ":", "、", "；", ";"):
        return name
    return None


def _subject(lib: Library, s: str, seg_start: int, pos: int, event_starts: set, meta: dict,
             keyword_start: int | None = None) -> str | None:
    """The unit named at the head of a sentence part (`玉林社区承办…`, `区市场监管局本周被…`);
    none that runs into the keyword starting at `keyword_start` (`住房和城乡建设类工单…`)."""
    raw = s[seg_start:pos]
    seg = _strip_lead(lib, raw)
    m = lib.entity["head"].match(seg)
    if not m:
        return None
    off = seg_start + len(raw) - len(seg)
    end = m.end()
    # the name ends where a keyword, a time word or 被/窗口… begins (the longest such head);
    # else the longest head
    follow = lib.entity["follow"]
    not_name = lib.entity["not"]

    def delimits(e: int) -> bool:
        r = seg[e:e + 1]
        return bool(r) and (r in "：:" or off + e in event_starts or follow.match(seg, e) is not None) \
            and not _NOT_IN_NAME.search(seg, 0, e) and not not_name.search(seg, 0, e)

    delimited = delimits(end)
    if not delimited:
        # another suffix end that a keyword or time word follows: shorter (`…局窗口本月`) or
        # longer than the head's (`开发区管委会以…`, where the head stops at 管委)
        head = lib.entity["head"]
        run = _HAN_RUN.match(seg).end()
        for e in sorted({x.end() for x in lib.entity["suffix_end"].finditer(seg, 0, run, overlapped=True)},
                        reverse=True):
            if e != end and delimits(e) and head.fullmatch(seg, 0, e):
                end, delimited = e, True
                break
    if keyword_start is not None and off + end > keyword_start:
        return None
    name = seg[:end]
    rest = seg[end:end + 1]
    # (`县人社局“综合柜员制”窗口办件…`; `…便民服务中心8月办件量…`: a time word delimits it)
    if not rest or not (_HAN.match(rest) or rest in "：:(“" or (delimited and follow.match(seg, end))):
        return None
    if lib.entity["not"].search(name) or lib.entity["not_subject"].search(name) or _starts_with_keyword(lib, name):
        return None
    if rest not in "：:" and ((len(name) < 3 and not (delimited and name.endswith("县")))   # (攸县当月…)
                              or _reporting_body(lib, name, meta)
                              or (not delimited and lib.entity["division"].search(name))):
        return None
    return name


def channel_of(text: str | None) -> str | None:
    """The channel a heading or table title names (patterns/channels.toml), or None."""
    return _channel(load_library(), text) if text else None


def _channel(lib: Library, text: str) -> str | None:
    for r in lib.channels:
        if r.pattern.search(text):
            return r.channel
    return None


# ---------------------------------------------------------------------------- one block

def _extract_block(lib: Library, s: str, part_at: list[int], part_heading: list[str | None], meta: dict):
    channel_carry = "hotline"
    channel_key: tuple = (-1, -1, None)
    channel_found = None
    tokens = _tokens(lib, s)
    cn = _cn_tokens(lib, s)
    if cn:
        tokens = sorted(tokens + cn, key=lambda t: t.start)
    tokens = _exact_in_brackets(s, tokens)
    excl = set()
    for a, b in _excluded(lib, s):
        excl.update(range(a, b))
    events = _events(lib, s)
    event_ends = [e.end for e in events]

    def events_between(lo: int, hi: int, but: str | None = None) -> bool:
        """A keyword ends in s[lo:hi] (one of metric `but` does not count)."""
        for e in events[bisect_right(event_ends, lo):]:
            if e.end > hi:
                return False
            if e.rule.metric != but:
                return True
        return False
    event_starts = {e.start for e in events}
    words = lib.words
    sentences = Marks(words["sentence_end"], s)
    hard_ends = Marks(_HARD_END, s)
    colons = Marks(_COLON, s)
    clauses = Marks(words["clause_end"], s)
    segments = Marks(words["segment_start"], s)
    markers = Marks(words["list_marker"], s)
    # each channel's names found once; a figure's channel is the first found in its sentence
    channel_marks = [(r, Marks(r.pattern, s)) for r in lib.channels]
    legends = _bracket_legends(lib, s, events)
    placed: dict[int, str] = {}
    if lib.placing_range is not None and ("分" in s or "依次" in s):
        tokens, placed = _range_tokens(lib, s, tokens, clauses)
    token_starts = [t.start for t in tokens]
    out: list[dict] = []
    pending: dict | None = None      # 分别: names still to pair with the next numbers
    prev_tok_end = -1
    prev_fig: dict | None = None

    for t in tokens:
        if t.start in excl:
            prev_tok_end = t.tok_end
            continue
        sent_start = sentences.last_end(0, t.tok_start)
        clause_start = clauses.last_end(sent_start, t.tok_start)
        lo = max(sent_start, t.tok_start - WINDOW)
        heading = part_heading[bisect_right(part_at, t.start) - 1]
        if t.cls == "bare" and (declared := _declared_unit(lib, s, hard_ends.last_end(0, sent_start), t.tok_start)):
            # `承办量(单位：件)依次为：A 246、B 198`, `按满意率(%)排序…：A 84.6`: the unit said once
            t = Token(t.start, t.end, t.tok_end, t.tok_start, t.value, declared, lib.units[declared], t.approx)

        legend = _legend_reading(lib, s, legends, tokens, token_starts, t, sent_start) if legends else None
        if id(t) in placed:   # (`A、B、C分列第一至第三位`)
            legend = lib.rules_by_id["rank"], [placed[id(t)]], "/range"
        if legend is None and (opened := _open_bracket(s, sent_start, t.start)) > sent_start \
                and (closed := s.find(")", t.start)) > 0 and not events_between(opened, closed):
            legend = _order_reading(lib, s, out, tokens, token_starts, t, sent_start, opened, closed,
                                    hard_ends.last_end(0, sent_start))
        # 2. nearest keyword whose gap fits
        best = None
        if legend is None:   # (a number a legend reads takes no keyword)
            for i in range(bisect_right(event_ends, t.tok_start) - 1, -1, -1):
                e = events[i]
                if e.end < lo:
                    break
                if best is not None and e.end < best.end:
                    break
                r = e.rule
                if t.cls not in r.units or _counted_noun(s, e):
                    continue
                if not r.gap.match(s, e.end, t.tok_start):
                    colon = _LABEL_COLON.search(s, e.end, t.tok_start)
                    if colon is None or not r.gap.match(s, e.end, colon.start()) \
                            or not _LABEL_HEAD.fullmatch(s, sent_start, colon.start()):
                        continue
                if r.after is not None and not r.after.match(s, t.tok_end):
                    continue
                if best is None or (e.start, r.order) < (best.start, best.rule.order):
                    best = e
        if best is not None and pending and pending["names"] and pending["sent"] == sent_start \
                and prev_tok_end > best.end and words["joiner"].match(s, prev_tok_end, t.tok_start):
            best = None   # (`分别只有七条和五条`: the keyword before both does not restart the list)
        if best is not None and best.rule.generic:
            best = _specific_before(events, event_ends, s, best, t, clauses.last_end(sent_start, best.start), gap=True)
        post = None
        if best is not None and s[t.tok_start - 1] == "的":
            # `报送的2篇信息被省政府办公厅采用`: the keyword before only qualifies the items
            post = _keyword_after(events, event_ends, s, t, words["post_gap"])
            if post is not None:
                best = None
        listy = markers.any_within(sent_start, t.tok_start)
        if best is not None and listy:
            # `…依次是：不动产登记窗口4,862件`: a keyword inside the name of a listed unit is not its keyword
            item = _last_item(s, sent_start, t.tok_start)
            if sent_start < item <= best.start and _is_name(lib, s[item:t.tok_start].strip()):
                best = None
        ctx_start = sent_start
        if sent_start > 0 and s[sent_start - 1] in "；;":
            # `…的街镇：A 11,826件；B 9,473件`: the items of a colon-led list share its keyword
            full = hard_ends.last_end(0, sent_start)
            if colons.any_within(full, sent_start):
                ctx_start, listy = full, True
        elif sent_start > 0 and s[sent_start - 1] in "。：:" \
                and words["run_in_heading"].fullmatch(s, head := hard_ends.last_end(0, sent_start - 1), sent_start):
            # `（二）全程网办率。瑞金市（82.6%）、章贡区（80.9%）位列前三`: a heading run into its
            # paragraph names the measure of the sentence after it
            ctx_start = head
        names: list[str] = []
        read_to = t.tok_end          # where this figure's reading ends (its keyword may follow it)
        metric_rule: Rule | None = None
        pattern_id = None
        cat_next = None
        respectively = False
        chain: list[Event] = []
        shared: list[Event] = []
        listed: list[str] = []   # `咨询、求助、投诉类诉求分别为a、b、c`: categories paired in order
        group_total = False      # `A、B、C共承接…`: a total of the units listed, no unit's
        if legend is not None:
            metric_rule, names, how = legend
            pattern_id = metric_rule.id + how
        elif best is not None:
            # `办结率、满意率分别为a、b`: the keywords pair with the numbers in order;
            # `整改率、回访率均为100%`: every keyword takes the one number
            if words["in_order"].search(s, best.end, t.tok_start):
                if best.rule.metric in ("category_count", "share"):
                    listed = _category_list(lib, s, clauses.last_end(sent_start, best.start), best)
                if not listed:
                    chain = _keyword_chain(events, event_ends, s, best, t, words["keyword_joiner"])
            elif lib.entity["each"].search(s, best.end, t.tok_start):
                shared = _keyword_chain(events, event_ends, s, best, t, words["keyword_joiner"])[:-1]
            first = chain[0] if chain else shared[0] if shared else best
            metric_rule = first.rule
            pattern_id = first.rule.id
            if first.rule.id == "share.bracketed" and (named := _bracket_rate(out, s, sent_start)) is not None:
                metric_rule, pattern_id = named, named.id + "/bracket"
            ent = _adjacent_entity(lib, s, best.end, t.tok_start, listy)
            if not ent and first.rule.unit_before:
                # `…前三名为A(99.5分)、B(99.2分)、攸县(98.8分)`, `A(79.8分)和B(81.5分)`: the name right
                # before the keyword
                item = _last_item(s, sent_start, first.start)
                item = max(item, s.rfind(")", item, first.start) + 1)
                # (`…第一名为A(98.7分)`: the name after the last 名为/的是)
                named = max(words["named_as"].finditer(s, item, first.start), key=lambda m: m.end(), default=None)
                name = _strip_lead(lib, s[named.end() if named else item:first.start].strip())
                if not _is_name(lib, name) and "的" in name:
                    name = name.rsplit("的", 1)[1]   # (`得分低于80分的区住建局(76.5分)`)
                ent = name if _is_name(lib, name) else None
            if not ent and s[first.start - 1:first.start] == "(":
                # `…和市市场监管局(重办工单73件，…)`: the unit whose bracket the keyword opens
                ent = _bracket_owner(lib, s, sent_start, first.start - 1, out)
            if not ent and first.rule.metric == "rank" \
                    and (named := words["placing_named"].match(s, t.tok_end)) and _is_name(lib, named.group("ent")):
                ent = named.group("ent")   # `第一名为马牧池乡`, `排名第一的是城关镇`
                read_to = named.end()
            same_sentence = prev_fig is not None and prev_fig["_sent"] == sent_start
            listed_after = words["units_listed_after"].match(s, t.tok_end)
            if listed_after:
                list_end = sentences.next_start(listed_after.end(), len(s))
                listed_after = _name_list(lib, s[listed_after.end():list_end], strict_last=False)
            if ent:
                names = [ent]
            elif listed_after:
                # `按时签收率达到100%的单位有：A、B、C`: each unit listed after the number
                names = listed_after
            elif same_sentence and prev_fig["entity"] \
                    and (placing := words["placing_lead"].fullmatch(s, prev_fig["_tok_end"], first.start)) \
                    and (placing.group("together") or words["in_order"].match(s, first.start, first.end)
                         or (first.rule.metric == "rank" and words["next_placing"].match(s, t.tok_end))):
                # `A 95分、B 94分，分列第2、3位` / `A、B均为93分，并列第4位`: the units just scored
                if placing.group("together"):
                    names = list(dict.fromkeys(r["entity"] for r in out if r["_tok_end"] == prev_fig["_tok_end"] and r["entity"]))
                else:
                    names = _units_in(out, sent_start)
                    more = _MORE_PLACINGS.match(s, t.tok_end)
                    placings = 1 + (len(_PLACING_JOINER.findall(more.group())) if more else 0)
                    if placings > 1:
                        names = names[-placings:]   # (`A居首位，B、C分别以…位居第二、第三`: B and C)
                    respectively = len(names) > 1
            else:
                kw_clause = clauses.last_end(sent_start, first.start)
                pre = s[kw_clause:_same_rule_run_start(events, event_ends, first)]
                respectively = bool(words["in_order"].search(pre) or words["in_order"].search(s, best.end, t.tok_start)
                                    or words["in_order"].search(s, first.start, first.end)) \
                    or ((pre.strip().endswith("各") or lib.entity["each"].search(s, best.end, t.tok_start))
                        and _NEXT_NUMBER.match(s, t.tok_end) is not None)   # (`A和B受理量较少，各为214件、187件`)
                if respectively and not listed and first.rule.metric in ("category_count", "share"):
                    listed = _category_list(lib, s, kw_clause, first)
                    if not listed and kw_clause > sent_start and not pre.strip():
                        # (`用工类、政策咨询类分列二、三位，占比分别为…`: the kinds the clause before placed)
                        placed_kinds = words["categories_placed"].match(s, clauses.last_end(sent_start, kw_clause - 1))
                        kinds = words["list_separator"].split(placed_kinds.group("list")) if placed_kinds else []
                        if len(kinds) == _list_length(s, t):
                            listed = [fold_category(k.strip()) for k in kinds]
                names = _name_list(lib, pre, strict_last=True) if pre.strip() and not listed else []
                if len(names) > 1 and ((_own_subject(lib, pre) and words["sum"].search(s, kw_clause, t.tok_start))
                                       or ((tail := _list_tail(lib, pre)) and _TOGETHER.search(tail)
                                           and not _EVERY.search(tail))):
                    names = []   # `A、B两家单位受理工单合计…`, `A、B、C共承接…`: the group's total, not each unit's
                    group_total = True
                elif len(names) > 1 and not respectively and _list_length(s, t) == len(names):
                    respectively = True   # `A、B全程网办率偏低，仅为61.35%和64.08%`: as many numbers as units
                if not names and _strip_lead(lib, pre).startswith(("合计", "共计", "总计", "合占", "共占")) \
                        and len({r["entity"] for r in out if r["_sent"] == sent_start and r["entity"]}) >= 2:
                    group_total = True   # `A 49件、B 38件居前两位，合计占…`: the units listed, together
                headed = False   # `城关县：受理…`: a name heading the sentence part
                if not names and not _strip_lead(lib, pre).strip() and kw_clause > sent_start:
                    prev_clause = clauses.last_end(sent_start, kw_clause - 1)
                    names = _name_list(lib, s[prev_clause:kw_clause - 1], strict_last=True)
                    headed = s[kw_clause - 1] in "：:"
                if len(names) == 1 and not headed and _reporting_body(lib, names[0], meta):
                    names = []   # `红寺堡区总办件量…`: the report's own area (or issuer) before the keyword
                # (`A、B、C涉企工单按期办结率均为100%`, `A、B工单按期办结率达到百分之百`: a rate of
                # 100% for a list is each one's)
                every = len(names) < 2 and (respectively or _every(lib, s, pre, first)
                                            or lib.entity["each"].search(s, best.end, t.tok_start) is not None
                                            or (t.value == 100 and t.cls == "pct"))
                if (every or t.value == 0) and len(loose := _name_list(lib, pre, strict_last=False)) >= 2:
                    # `A、B全年不合理退单分别为…`, `A、B二季度考核均得98分`: the last name runs on into other
                    # words (and a zero said of the units listed is each one's, `A、B连续两个月报送量为0`)
                    names = loose
                if len(names) < 2 and (bracket_each := _SHARED_IN_BRACKET.search(s, best.end, t.tok_start)):
                    # `超期工单主要集中在A、B(各2件)`: the units before the bracket share its number
                    after = _name_list(lib, _strip_lead(lib, s[best.end:bracket_each.start()]), strict_last=True)
                    names = after if len(after) >= 2 else names
                if ((len(names) < 2 and every) or (not names and t.value == 0)) and not lib.entity["group"].search(pre):
                    # (`A、B、C交办事项全部办结，办结率均为100%`: the list is in the clause before;
                    # `A、B等单位均按期办结，逾期数为0`: a zero for the units listed is each one's, unless
                    # its clause names its own unit: `A、B仅3条，C报送数为0`)
                    own = _subject(lib, s, kw_clause, first.end, event_starts, meta, first.start) \
                        if _SUBSET.match(pre) else None
                    # (`A、B、C…均在98%以上，其中C已连续三个月实现…100%`: the unit after 其中, not the list)
                    names = [own] if own else _list_before(lib, s, clauses, sent_start, kw_clause) or names
                if len(names) < 2 and every and sent_start > 0 and words["group_anaphor"].match(_strip_lead(lib, pre)):
                    # `较好的单位有：A、B、C。上述单位…按期办结率均达到100%`: the units the sentence
                    # before listed after its colon
                    prev_sent = sentences.last_end(0, sent_start - 1)
                    after_colon = colons.last_end(prev_sent, sent_start)
                    listed_before = _name_list(lib, s[after_colon:sent_start].rstrip("。；; \n"), strict_last=True) \
                        if after_colon > prev_sent else []
                    names = listed_before if len(listed_before) >= 2 else names
                if not names and (listed_numbers := _list_length(s, t)) > 1:
                    # `A、B因…，得分仅为78.6分、79.4分`, `A、B、C位居后三位，接通率分别为…`: as many
                    # numbers as the names in a clause before
                    before = _list_before(lib, s, clauses, sent_start, kw_clause)
                    if len(before) == listed_numbers:
                        names, respectively = before, True
                    elif not before and first.rule.metric in ("volume", "category_count", "share") \
                            and (kinds := _kinds_ranked(lib, s, clauses, sent_start, kw_clause, first.start)) \
                            and len(kinds) == listed_numbers:
                        # `反映集中的前三位是A、B、C，分别受理a件、b件和c件`: the kinds the clause
                        # before ranked, each with its number in order
                        listed = kinds
                        if t.cls != "pct":
                            metric_rule = lib.rules_by_id["category.count"]
                            pattern_id = metric_rule.id + "/ranked"
                if (respectively or _NEXT_NUMBER.match(s, t.tok_end)) and not names and same_sentence \
                        and not lib.entity["suffix_end"].search(pre):
                    # `反映A的1,236件、B的1,108件，同比分别下降12.7%、6.3%`, `A、B分别报送58条、51条，
                    # 采用29条、24条`: a list of numbers pairs with the units just counted
                    names = _units_in(out, sent_start)
                    if len(names) < 2:
                        names = []
                    respectively = respectively or bool(names)
                if respectively and not names and out and out[-1]["_sent"] < sent_start \
                        and words["group_anaphor"].match(_strip_lead(lib, pre)):
                    # `…较多的是A 58条、B 41条。上述部门好评率分别为98.91%、99.07%`: the units of
                    # the sentence before, as many as the numbers
                    before = list(dict.fromkeys(r["entity"] for r in out if r["_sent"] == out[-1]["_sent"] and r["entity"]))
                    if len(before) == _list_length(s, t):
                        names = before
                if not names and not group_total:
                    # a unit heading the keyword's clause, else the sentence part
                    # (none when a group is the subject: `…，三家合计占…`, `A、B三家单位合计…`)
                    seg = segments.last_end(sent_start, first.start)
                    subj = _subject(lib, s, kw_clause, first.end, event_starts, meta, first.start) \
                        if kw_clause > seg and first.start - kw_clause >= 3 else None
                    carry = None
                    part = max(kw_clause, seg)   # (`陈仓区交办19件、办结17件`: a 、 parts the clause too)
                    carried = subj is None and prev_fig is not None \
                        and (prev_fig["_sent"] == sent_start
                             # (`A局承办231件，办结率96.97%；退单14件；B局…`: a bare part after a semicolon
                             # speaks of the unit heading the part before, not of a list's last unit)
                             # (and so on down a chain of parts: `A镇得分…最低：超时签收11件；退回重办8件；
                             # 另有超期办结4件`)
                             or (sent_start > 0 and s[sent_start - 1] in "；;" and prev_fig["_one"]
                                 and prev_fig["_sent"] == sentences.last_end(0, sent_start - 1)
                                 and any(_strip_lead(lib, s[start:sent_start].strip()).startswith(prev_fig["_one"])
                                         for start in (prev_fig["_sent"], hard_ends.last_end(0, prev_fig["_sent"]))))) \
                        and _carries_subject(lib, s, prev_fig["_read_to"], part, first.start) \
                        and not _left_bracket(lib, s, sent_start, prev_fig, part, out)
                    if carried and prev_fig["_one"]:
                        # `X承办工单1,542件，办结1,509件，满意度93%`: the next clauses share the
                        # subject of the figure before (the last unit named, not the sentence head)
                        carry = prev_fig["_one"]
                    subj_from = kw_clause   # (a group in a scope clause before, `在全区12个街道中，A…`, is not the subject)
                    if subj is None and carry is None and not (carried and prev_fig["_tok_end"] > seg):
                        # (`A、B共承办…件，办结…件`: the clauses after a group's figure speak of the group)
                        subj = _subject(lib, s, seg, first.end, event_starts, meta, first.start)
                        subj_from = min(seg, kw_clause)
                    scoped = _own_subject(lib, s[subj_from:first.start]) or words["scope_lead"].match(s, kw_clause, first.start)
                    if subj and scoped:
                        subj = None   # (`A镇…，全县平均满意率…`: the whole area speaks)
                    if not subj and not carry and not scoped:
                        subj = _line_head(lib, s, first.start, meta)   # (`(一)沙石镇。季度考核得分78.4分…`)
                    names = [subj] if subj else [carry] if carry else []
        else:
            joined = prev_tok_end >= 0 and words["joiner"].match(s, prev_tok_end, t.tok_start) is not None
            if pending and joined and (pending["names"] or pending["rules"] or pending.get("cats") or pending.get("repeat")) \
                    and pending["sent"] == sent_start:
                if pending.get("repeat"):
                    pending["repeat"] -= 1
                cat_next = pending["cats"].pop(0) if pending.get("cats") else pending.get("category")
                names = [pending["names"].pop(0)] if pending["names"] else list(pending["fixed"])
                if pending["rules"]:
                    metric_rule = pending["rules"].pop(0).rule
                    pattern_id = metric_rule.id
                else:
                    metric_rule = pending["rule"]
                    pattern_id = pending["pattern"]
            else:
                if post is None and t.cls != "bare":
                    # `部门办理情况：A被退回7件；B有2件工单因…申请延期`: a keyword right after the
                    # number outweighs one earlier in the sentence
                    post = _keyword_after(events, event_ends, s, t, words["post_gap"])
                # (`分街道：A 56件(办结41件…)，B 48件`, `各镇情况：A 138件/办结129件；B 97件/…`: a unit
                # and its bare count under a breakdown by area are its requests, read below, not the
                # keyword of the item before)
                # (the cached name check first: the lead is searched only after a bare name)
                area_item = t.cls == "count" \
                    and _is_name(lib, _strip_lead(lib, s[max(clause_start, prev_tok_end, sent_start):t.tok_start].strip())) \
                    and words["area_lead"].search(s, hard_ends.last_end(0, sent_start), t.tok_start) is not None
                # (`A、B分别有2条、1条差评尚未整改到位`: the keyword after a list of numbers, read below,
                # outweighs one in a clause before)
                list_post = _keyword_after_list(events, event_ends, s, t, words["post_gap"]) \
                    if post is None and t.cls != "bare" and words["respectively"].search(s, clause_start, t.tok_start) \
                    else None
                ctx = _context(events, event_ends, s, ctx_start, t, clauses) \
                    if post is None and not area_item and list_post is None else None
                if ctx is not None:
                    resp = words["respectively"].search(s, clause_start, t.tok_start)
                    if resp:
                        # `满意率方面，A、B分别为x、y`: the names in this clause, else in one before
                        names = _name_list(lib, s[clause_start:resp.start()], strict_last=True)
                        if len(names) < 2:
                            names = _list_before(lib, s, clauses, sent_start, clause_start)
                        if names:
                            respectively = True
                    else:
                        lo_item = max(clause_start, prev_tok_end)
                        names = _each_names(lib, s, lo_item, t.tok_start)
                        if not names and (subset := words["subset_names"].fullmatch(s, lo_item, t.tok_start)
                                          or words["subset_names"].fullmatch(s, clause_start, t.tok_start)):
                            # (from the clause's start past the count of units, `A、B等9个乡镇达到`)
                            names = _name_list(lib, subset.group("names"), strict_last=True)
                        if not names and s[lo_item:t.tok_start].strip()[:1] in "各均都" \
                                and lib.entity["each"].search(s, lo_item, t.tok_start):
                            # `工单较少的为A、B，各2件`: the units of the clause before
                            names = _list_before(lib, s, clauses, sent_start, clause_start)
                        if not names:
                            ent = _adjacent_entity(lib, s, lo_item, t.tok_start, listy) \
                                or _name_then_comma(lib, s, clauses, sent_start, clause_start, t)
                            names = [ent] if ent else []
                        if not names:   # `满意率最高的是保康县，为98.4%`
                            sup = words["superlative_name"].search(s, max(sent_start, prev_tok_end), t.tok_start)
                            if sup and _is_name(lib, sup.group("ent")):
                                names = [sup.group("ent")]
                    if names:
                        metric_rule = ctx.rule
                        pattern_id = ctx.rule.id + "/item"
                        cat_next = _named_category(ctx)   # (`不合格工单较多的是A(37件)、B(31件)`)
                        if len(names) == 1 and not _is_name(lib, names[0]) and (
                                ctx.rule.metric == "category_count"
                                or (t.cls == "count" and words["topic_lead"].search(s, ctx_start, t.tok_start))):
                            # `投诉类诉求中，排名前五的问题依次为：物业管理1.37万件`, `诉求量前十位的类别
                            # 依次为：供热(1.63万件)`: a topic, not a unit
                            cat_next, names = fold_category(_LABEL_TAIL.sub("", names[0]) or names[0]), []
                            metric_rule = lib.rules_by_id["category.count"]
                            pattern_id = metric_rule.id + "/item"
                    elif ctx.rule.metric == "change_rate" and words["level_after_change"].fullmatch(s, clause_start, t.tok_start):
                        # `满意率较上月提高1.2个百分点，达到96.5%`: the rate's own value after its change
                        rate = next((e for e in reversed(events[:bisect_right(event_ends, ctx.start)])
                                     if e.start >= sent_start and e.rule.metric.endswith("_rate")
                                     and e.rule.metric != "change_rate" and "pct" in e.rule.units), None)
                        if rate is not None and not any(r["_rule"] is rate.rule and r["_sent"] == sent_start for r in out):
                            metric_rule = rate.rule
                            pattern_id = rate.rule.id + "/level"
                            subj = _subject(lib, s, sent_start, rate.end, event_starts, meta, rate.start)
                            names = [subj] if subj else []
                    elif words["total_after_keyword"].fullmatch(s, clause_start, t.tok_start) and prev_tok_end <= ctx.start:
                        # `本月共有6个单位出现超期工单，合计19件`: the keyword's clause, then its total
                        metric_rule = ctx.rule
                        pattern_id = ctx.rule.id + "/total"
                        cat_next = _named_category(ctx)   # (`供暖类诉求最为集中，共1,834件`)
                        subj = _subject(lib, s, sent_start, ctx.end, event_starts, meta)
                        names = [subj] if subj and not lib.entity["group"].search(s, sent_start, ctx.start) else []
                    elif words["total_after_keyword"].fullmatch(s, clause_start, t.tok_start) and prev_fig is not None \
                            and prev_fig["_sent"] == sent_start and not prev_fig["entity"] \
                            and prev_fig["metric"] == ctx.rule.metric and prev_fig["_cls"] == t.cls:
                        # `接收派发工单864件，自主受理诉求139件，合计1003件`: the sum of the counts before
                        metric_rule = ctx.rule
                        pattern_id = ctx.rule.id + "/total"
                if metric_rule is None and t.cls != "bare":
                    # `区住建局有8件工单超期未办结`: the keyword right after the number (read above)
                    if post is None and (resp := words["respectively"].search(s, clause_start, t.tok_start)):
                        # `A、B分别有7件、5件工单超期办结`: the keyword after the list is each number's
                        post = list_post
                        listed_names = _name_list(lib, s[clause_start:resp.start()], strict_last=False) if post else []
                        if len(listed_names) == _list_length(s, t):
                            names, respectively = listed_names, True
                    if post is None and _BY.search(s, max(0, t.tok_start - 3), t.tok_start):
                        post = _keyword_after(events, event_ends, s, t, _OF, any_rule=True)
                    if post is not None:
                        read_to = post.end
                        metric_rule = post.rule
                        pattern_id = post.rule.id + "/after"
                        cat_next = _named_category(post)   # (`312件工单被判定为不合格`)
                        subj = _subject(lib, s, clause_start, post.end, event_starts, meta) \
                            or _adjacent_entity(lib, s, clause_start, t.tok_start, listy)   # (`A县以98.6分排名…`)
                        if subj is None and prev_fig is not None and prev_fig["_one"] and prev_fig["_sent"] == sent_start \
                                and _carries_subject(lib, s, prev_fig["_tok_end"], clause_start, t.tok_start):
                            subj = prev_fig["_one"]   # `A承办10项，尚有4项未办结`
                        # (`A、B各有1条差评未…回访`: each of the units listed)
                        names = names or _each_names(lib, s, clause_start, t.tok_start) or ([subj] if subj else [])
                if metric_rule is None and t.cls != "bare" and (tail := words["bracketed_list_tail"].match(s, t.tok_end)):
                    # `A(236件)、B(198件)、C(171件)承办工单量较大`: units with bracketed numbers,
                    # then the keyword they share
                    post = next((e for e in events[bisect_left(event_ends, tail.end()):]
                                 if e.start == tail.end() and t.cls in e.rule.units), None)
                    ent = _adjacent_entity(lib, s, max(sent_start, prev_tok_end), t.tok_start, True) if post else None
                    if ent:
                        metric_rule, names = post.rule, [ent]
                        pattern_id = post.rule.id + "/listed"
                        cat_next = _named_category(post)   # (`A(11件)、B(9件)不合格工单较多`)
                if metric_rule is None and t.cls == "count":
                    # `诉求主要集中在城乡建设(2,106件)、劳动保障(1,874件)`: topics listed without 类;
                    # `其中欠薪诉求3416件`: a clause opened by its topic
                    topics = words["topic_lead"].search(s, ctx_start, t.tok_start) or any(   # (`…；市容环境1045件`)
                        (r["pattern"].endswith("/topic")
                         or (r["metric"] == "category_count" and r["pattern"] != "category.bare"))   # (`其次为…`)
                        and not _HARD_END.search(s, r["end"], t.tok_start)
                        for r in out[-3:]) or _numbered_under_topic_lead(lib, s, t.tok_start) \
                        or words["topic_lead"].search(heading or "") \
                        or (_SUBSET_OPEN.match(s, clause_start) is not None   # (`城乡建设类9,642件…。其中物业管理4,105件`)
                            and (parent := next((r for r in reversed(out) if r["_cls"] == "count"), None)) is not None
                            and parent["metric"] == "category_count" and "\n" not in s[parent["end"]:t.tok_start]
                            and (parent["_sent"] == sent_start or clause_start == sent_start))
                    label = words["topic_label"].search(s, max(sent_start, prev_tok_end), t.tok_start) if topics else None
                    label = label or words["topic_claim"].fullmatch(s, max(clause_start, prev_tok_end), t.tok_start) \
                        or words["topic_raised"].fullmatch(s, max(clause_start, prev_tok_end), t.tok_start)
                    if not label and not s[max(clause_start, prev_tok_end):t.tok_start].strip():
                        label = words["topic_raised_after"].match(s, t.tok_end)
                        read_to = label.end() if label else read_to
                    if label and not _is_name(lib, label.group("cat")) and not lib.entity["not"].search(label.group("cat")):
                        metric_rule = lib.rules_by_id["category.count"]
                        pattern_id = metric_rule.id + "/topic"
                        cat_next = fold_category(label.group("cat"))
                if metric_rule is None and t.cls == "count" \
                        and (area := (words["area_lead"].search(s, hard_ends.last_end(0, sent_start), t.tok_start)
                                      or words["area_lead"].search(heading or ""))):
                    # `从属地分布看，娄桥街道136件，潘桥街道98件`, `分区镇看，盛泽镇最多，为164件`: each
                    # unit's requests, when the line's last total is the requests received (not when it
                    # counts something else, `虚假办结的工单共64件…分地区看：A区14件`, or a category)
                    lo_item = max(clause_start, prev_tok_end, sent_start)
                    ent = _adjacent_entity(lib, s, lo_item, t.tok_start, False)
                    if not ent and (sup := words["superlative_name"].search(s, max(sent_start, prev_tok_end), t.tok_start)):
                        ent = sup.group("ent")
                    if ent and _is_name(lib, ent) and not lib.entity["not_subject"].search(ent):
                        line_start = s.rfind("\n", 0, t.tok_start) + 1
                        total = next((r for r in reversed(out) if r["start"] >= line_start and r["_cls"] == "count"
                                      and not r["entity"] and not r["pattern"].endswith(("/topic", "/item", "/part"))),
                                     None)
                        if total is None or total["metric"] != "volume" or total["category"]:
                            # (`虚假办结工单31件…。分区县看，A区9件，B县7件…`: the units' numbers add up
                            # to a total given before, of something else: they are its parts)
                            parts_from = area.end() if area.string is s else sent_start
                            whole = _total_of_parts(out, tokens, token_starts, parts_from,
                                                    sentences.next_start(t.tok_start, len(s)))
                            if whole is not None:
                                metric_rule, names = whole["_rule"], [ent]
                                pattern_id = metric_rule.id + "/area"
                        if metric_rule is None and total is not None and total["metric"] != "volume":
                            # (`承接工单689件，办结652件。各镇情况：A 138件/办结129件`: the line's
                            # requests received, when it gave them before its other counts)
                            total = next((r for r in reversed(out) if r["start"] >= line_start and r["_cls"] == "count"
                                          and not r["entity"] and r["metric"] == "volume" and not r["category"]
                                          and not r["pattern"].endswith(("/topic", "/item", "/part"))), total)
                        if metric_rule is None and (total is None or (total["metric"] == "volume" and not total["category"])):
                            metric_rule, names = lib.rules_by_id["volume.received"], [ent]
                            pattern_id = metric_rule.id + "/area"
                if metric_rule is None and t.cls == "count" \
                        and (item := words["channel_item"].fullmatch(s, max(clause_start, prev_tok_end, sent_start), t.tok_start)) \
                        and ("通过" in item.group() or words["channel_lead"].search(s, hard_ends.last_end(0, sent_start), t.tok_start)
                             or _AFTER_A_FIGURE.search(s, sent_start, max(sent_start, _open_bracket(s, sent_start, t.tok_start)))):
                    # `从来源渠道看，电话1688件、微信公众号263件`, `通过电话反映3.51万件`, `网络受理32,174件(市长
                    # 信箱9,215件、…)`: the requests that came in by each channel (a channel is no unit)
                    metric_rule = lib.rules_by_id["volume.received"]
                    pattern_id = metric_rule.id + "/channel"
                if metric_rule is None and t.cls == "count" and words["period_total"].fullmatch(s, clause_start, t.tok_start):
                    # `(一)城乡建设类诉求继续居首。全月共3962件`: the total of the category the line
                    # opened with, when no figure stood between (but its placing: `城市管理类居第二位，…共…`)
                    # (or only its share: `咨询类占比最大，为47.2%，共126.6万件`)
                    line_start = s.rfind("\n", 0, t.tok_start) + 1
                    head = next((e for e in reversed(events[:bisect_right(event_ends, t.tok_start)])
                                 if e.start >= line_start and e.rule.id in ("category.count", "share.category")), None)
                    head_cat = fold_category(head.match.group("cat")) if head is not None else None
                    if head is not None and (prev_fig is None or prev_fig["_tok_end"] <= head.start
                                             or prev_fig["metric"] == "rank" and prev_fig["_sent"] == sent_start
                                             or (prev_fig["metric"] == "category_share" and prev_fig["category"] == head_cat
                                                 and prev_fig["_sent"] == sent_start)):
                        metric_rule = lib.rules_by_id["category.count"]
                        pattern_id = metric_rule.id + "/total"
                        cat_next = head_cat
                if metric_rule is None and t.cls == "count" and prev_fig is not None \
                        and prev_fig["metric"] == "category_share" and _OPEN_BRACKET.fullmatch(s, prev_fig["_tok_end"], t.tok_start):
                    # `投诉类占比最高，达41.2%(413件)`: the category's count, in brackets after its share
                    metric_rule = lib.rules_by_id["category.count"]
                    pattern_id = metric_rule.id + "/bracket"
                    cat_next = prev_fig["category"]
                if metric_rule is None and t.cls == "pct" and prev_fig is not None \
                        and prev_fig["metric"] == "category_count" and _JOINED_IN_BRACKET.fullmatch(s, prev_fig["_tok_end"], t.tok_start) \
                        and _open_bracket(s, sent_start, t.start) >= 0:
                    # `疫情防控(97245件，16.82%)`: the category's share, in its bracket after its count
                    metric_rule = lib.rules_by_id["share.of"]
                    pattern_id = metric_rule.id + "/bracket"
                    cat_next = prev_fig["category"]
                if metric_rule is None and t.cls in lib.unit_metrics:
                    lo_unit = max(clause_start, prev_tok_end, sent_start)
                    each = _each_names(lib, s, lo_unit, t.tok_start)   # (`A、B均为98分`)
                    ent = None if each else _adjacent_entity(lib, s, lo_unit, t.tok_start, listy) \
                        or _name_then_comma(lib, s, clauses, sent_start, clause_start, t)   # (`第一名：A镇，98.5分`)
                    if not ent and not each:   # (`1.马杭社区，85.4分。`: a numbered line of a unit and its score)
                        ent = _line_head(lib, s, t.tok_start, meta, adjacent=True)
                    if each:
                        metric_rule, names = lib.unit_metrics[t.cls], each
                        pattern_id = metric_rule.id + "/unit"
                    elif ent:
                        metric_rule, names = lib.unit_metrics[t.cls], [ent]
                        pattern_id = metric_rule.id + "/unit"
                    elif lib.entity["each"].search(s, clause_start, t.tok_start) and s[clause_start:t.tok_start].strip()[:1] in "均各都":
                        # `A、B并列第二，均为97.9分`: the units of the clause before
                        names = _list_before(lib, s, clauses, sent_start, clause_start)
                        if names:
                            metric_rule = lib.unit_metrics[t.cls]
                            pattern_id = metric_rule.id + "/unit"
                after_semicolon = metric_rule is None and sent_start > 0 and prev_fig is not None \
                    and prev_fig["_sent"] < sent_start \
                    and (s[sent_start - 1] in "；;"
                         # (`A县按时办结率99.37%，…。B区97.65%、C区97.24%，低于…`: a sentence of the
                         # same line that opens with a unit and its number goes on with the one before)
                         or (s[sent_start - 1] == "。" and "\n" not in s[prev_fig["_sent"]:sent_start]
                             and prev_fig["_sent"] == sentences.last_end(0, sent_start - 1)))
                # (after a semicolon, the last unit figure of the same kind in the part before: `A、B分别为
                # 6.83万件、4.12万件，合计占55.8%；盐亭县1.41万件` runs parallel to B)
                par = next((r for r in reversed(out) if r["_sent"] == prev_fig["_sent"] and r["_cls"] == t.cls
                            and r["entity"]), None) if after_semicolon else prev_fig
                if par is None and after_semicolon and prev_fig["_cls"] == t.cls and not prev_fig["category"]:
                    par = prev_fig   # (`全市平均满意率95.21%。高于平均的有A县(97.85%)…`: the area's, then units')
                if metric_rule is None and par is not None and (par["entity"] or after_semicolon) \
                        and par["_cls"] == t.cls and not events_between(prev_fig["_tok_end"], t.tok_start, par["metric"]) \
                        and (after_semicolon
                             or (par["pattern"].endswith("/parallel") and par["_sent"] == sent_start
                                 and (_LIST_NEXT.match(s, par["_tok_end"])
                                      # (`；A公司为98.76%，B公司为97.35%`, `；A街道1542件，B街道1497件`)
                                      or _NEXT_UNIT_IS.fullmatch(s, par["_tok_end"], t.tok_start)))):
                    # `义乌市承接工单9,862件，居全市首位；磐安县1,214件、浦江县1,102件`: units and
                    # numbers after a semicolon, in parallel with the unit figure before, take its keyword
                    ent = _adjacent_entity(lib, s, max(sent_start, prev_fig["_tok_end"]), t.tok_start, False)
                    each = _each_names(lib, s, max(sent_start, prev_fig["_tok_end"]), t.tok_start)   # (`；A、B各5件`)
                    if not ent and not each:   # (`A好评率最高，为99.91%；B最低，为98.93%`)
                        sup = words["superlative_name"].search(s, max(sent_start, prev_fig["_tok_end"]), t.tok_start)
                        ent = sup.group("ent") if sup and _is_name(lib, sup.group("ent")) else None
                    if ent or each:
                        metric_rule, names = par["_rule"], each or [ent]
                        pattern_id = metric_rule.id + "/parallel"
                if metric_rule is None and after_semicolon and par is not None \
                        and (resp := words["respectively"].search(s, sent_start, t.tok_start)) \
                        and not events_between(prev_fig["_tok_end"], t.tok_start):
                    # `A受理量最多，达612件，办结率99.3%；B、C分别为538件和497件`: a list after a
                    # semicolon runs parallel to the last unit figure of its kind in the part before
                    listed_names = _name_list(lib, s[sent_start:resp.start()], strict_last=False)
                    if len(listed_names) >= 2:
                        metric_rule, names, respectively = par["_rule"], listed_names, True
                        pattern_id = metric_rule.id + "/parallel"
                if metric_rule is None and prev_fig is not None and prev_fig["_sent"] == sent_start \
                        and prev_fig["metric"] == "rank" \
                        and words["respectively"].search(s, clause_start, t.tok_start) \
                        and not events_between(prev_fig["_tok_end"], t.tok_start):
                    # `A、B分列二、三位，分别为342.61万件、289.74万件`: the units just placed, their
                    # numbers in order (measured as the same kind before them in the text, else by unit)
                    placed_names = [r["entity"] for r in out if r["_sent"] == sent_start and r["metric"] == "rank"]
                    count = _list_length(s, t)
                    like = next((r["_rule"] for r in reversed(out) if r["_cls"] == t.cls and r["metric"] != "rank"),
                                lib.unit_metrics.get(t.cls))
                    if like is not None and count >= 2 and len(placed_names) >= count and all(placed_names[-count:]):
                        metric_rule = like
                        names, respectively = placed_names[-count:], True
                        pattern_id = metric_rule.id + "/parallel"
                if metric_rule is None and prev_fig is not None and prev_fig["_sent"] == sent_start \
                        and prev_fig["_cls"] == t.cls and prev_tok_end == prev_fig["_tok_end"] \
                        and words["period_item"].match(s[prev_tok_end:t.tok_start].lstrip("，,、 ")) \
                        and words["period_start"].match(s, clauses.last_end(sent_start, prev_fig["start"])):
                    # `一季度受理11208件，二季度13465件`: a series by period goes on with the keyword
                    # and unit of the period before
                    metric_rule, names = prev_fig["_rule"], [prev_fig["entity"]] if prev_fig["entity"] else []
                    pattern_id = metric_rule.id + "/parallel"
                if metric_rule is None and prev_fig is not None and prev_fig["_sent"] == sent_start \
                        and prev_fig["_cls"] == t.cls and prev_tok_end == prev_fig["_tok_end"] \
                        and words["series_after"].fullmatch(s, prev_tok_end, t.tok_start):
                    # `群众满意率94.12%，一至四季度分别为92.47%、93.85%…`: the figure's measure by
                    # period (or channel), in order
                    metric_rule, names = prev_fig["_rule"], [prev_fig["entity"]] if prev_fig["entity"] else []
                    pattern_id, respectively = metric_rule.id + "/series", True
                if metric_rule is None and t.cls == "count" \
                        and words["period_item"].match(s[max(clause_start, prev_tok_end):t.tok_start].lstrip("，,、 ")) \
                        and (words["period_lead"].search(s, hard_ends.last_end(0, sent_start), t.tok_start)
                             or words["period_lead"].search(heading or "")):
                    # `分月度看，1月2034件、2月1786件`, `(三)季度分布。一季度12.68万件`: requests by period
                    metric_rule = lib.rules_by_id["volume.received"]
                    pattern_id = metric_rule.id + "/period"
                if metric_rule is None and t.cls == "count" and (head := _line_topic(lib, s, t.tok_start, heading)) \
                        and head[1] == t.start:
                    # `1.疫情防控(14.86万件，…)`: the count in the bracket after a kind heading its line
                    metric_rule, cat_next = lib.rules_by_id["category.count"], head[0]
                    pattern_id = metric_rule.id + "/line_topic"
                if metric_rule is None and t.cls == "pct" and words["measures_again"].fullmatch(s, clause_start, t.tok_start) \
                        and (measures := _measures_before(out, sent_start, _list_length(s, t))):
                    # `A承办…，签收率99.87%，办结率98.91%，满意率87.64%；B承办7218件，三项指标分别为
                    # 99.52%、97.36%、85.19%`: the measures of the unit before, in their order
                    chain = [Event(t.start, t.start, rule, None) for rule in measures]
                    metric_rule = measures[0]
                    pattern_id = metric_rule.id + "/again"
                    names = [prev_fig["_one"]] if prev_fig is not None and prev_fig["_sent"] == sent_start \
                        and prev_fig["_one"] else []
                if metric_rule is None and (lead := _breakdown_lead(lib, s, sent_start, t.tok_start)) is not None:
                    # `…的工单共1.08万件。其中，阳朔镇3,368件、白沙镇1,745件`, `仍有12条未整改，其中
                    # 市本级8条、江油市2条`: the parts of the total just given (the last figure before
                    # 其中, in its sentence or the one before) take its keyword
                    total = next((r for r in reversed(out) if r["_tok_end"] <= lead and r["_cls"] == t.cls), None)
                    if total is not None and not total["entity"] \
                            and total["_sent"] >= sentences.last_end(0, max(0, sent_start - 1)) \
                            and (total["_sent"] == sent_start or lead == sent_start):
                        lo_item = max(sent_start, prev_tok_end)
                        # (only names proper: `其中县领导批示件83件` is a kind of item, `镇(街道)便民服务中心` a group)
                        ent = _adjacent_entity(lib, s, lo_item, t.tok_start, False)
                        if ent and lib.entity["not_subject"].search(ent):
                            ent = None
                        names = _each_names(lib, s, lo_item, t.tok_start) or ([ent] if ent else [])
                        # (`其中电话渠道3,285件、来电渠道842件`: parts by channel are the area's, and
                        # their labels' words (来电, 电话) are no keywords of their own)
                        label = _strip_lead(lib, s[lo_item:t.tok_start].strip(" 、，,；;"))
                        by_channel = not names and (words["breakdown_channel"].fullmatch(label)
                                                    or words["period_item"].match(label))   # (`其中4月3126件`)
                        by_group = not names and not ent and words["part_group"].search(label) is not None
                        # no other keyword between (the total's change, `受理量环比增长13.17%`, may)
                        keyword = next((e for e in events[bisect_right(event_ends, total["_read_to"]):]
                                        if e.end > t.tok_start or (e.rule.metric not in ("change_rate", total["metric"]) and not (
                                            by_channel and words["channel_word"].fullmatch(s, e.start, e.end)))),
                                       None)
                        if (names or by_channel or by_group) and (keyword is None or keyword.end > t.tok_start):
                            metric_rule = total["_rule"]
                            if by_group and metric_rule.metric == "category_count":
                                # (`医疗、教育类诉求486件，其中涉医诉求291件`: the requests of a kind
                                # of requester cut across categories; they are requests)
                                metric_rule = lib.rules_by_id["volume.received"]
                            pattern_id = metric_rule.id + "/part"
        if t.cls == "count" and (metric_rule is None or metric_rule.metric in ("volume", "completed", "calls", "category_count")) \
                and words["returned_after"].match(s, t.tok_end):
            # `回访不满意的工单5126件，已全部退回各地重新办理`: items sent back to be redone
            metric_rule, cat_next = lib.rules_by_id["reopened"], None
            pattern_id = metric_rule.id + "/returned"
        if metric_rule is None or (metric_rule.metric == "rank" and not names and (
                (prev_fig is not None and prev_fig["_sent"] == sent_start and prev_fig["category"])
                or words["categories_placed"].match(s, clause_start))):
            # (`劳动社保类11,047件、市场监管类9,583件分列第二、三位`, `用工类、政策咨询类分列二、三位`:
            # the categories' placing, no unit's)
            prev_tok_end = t.tok_end
            continue
        if not names and best is not None and prev_fig is not None and prev_fig["entity"] \
                and _OPEN_BRACKET.fullmatch(s, prev_fig["_tok_end"], best.start):
            names = [prev_fig["entity"]]   # `区教育体育局46条(采用31条)`: the bracket is the unit's
        if not names and (opened := _open_bracket(s, sent_start, t.tok_start)) > sent_start:
            # `A局(81.5分，督办事项超期3件、工单重办11件)`: a bracket opened after a unit is the unit's
            owner = _bracket_owner(lib, s, sent_start, opened, out)
            names = [owner] if owner else []
        if not names:
            # `涞水镇80.63分，…，该镇本月承办工单542件`: 该镇 is the last 镇 named
            anaphor = words["anaphor"].search(s, max(sent_start, prev_tok_end), t.tok_start)
            if anaphor:
                kind = anaphor.group("kind")
                names = _named_before(lib, s, kind, anaphor.start()) \
                    or next(([r["entity"]] for r in reversed(out) if r["entity"]
                             and (kind in _KINDLESS or r["entity"].endswith(kind))), [])

        # the figure(s)
        category = None
        lead = chain[0] if chain else shared[0] if shared else best   # (`建议类、其他类各…`: the first keyword's)
        # (the keyword's own category, not when the count was sent back: `不合格工单9件，已退回重办`)
        if lead is not None and lead.rule.metric == metric_rule.metric and (named := _named_category(lead)):
            category = named
        elif metric_rule.category:
            category = metric_rule.category
        if metric_rule.metric == "category_count" and names and best is not None \
                and words["unit_receives"].search(s, clause_start, best.start):
            # `市住建局受理供暖、物业类诉求共计403件`: what a unit received is its volume; the
            # category only says what about
            metric_rule, category = lib.rules_by_id["volume.received"], None
            pattern_id = metric_rule.id + "/category"
        metric = metric_rule.metric
        if metric == "adopted":
            # (`南充市人民政府网站采用营山信息28条`: the site or office that adopted items is no unit reporting them)
            names = [n for n in names if not words["adopting_body"].search(n)]
        value = t.value * metric_rule.sign
        clause_end = clauses.next_start(t.tok_end, len(s))
        key = (sent_start, t.tok_end, heading)
        if key[:2] != channel_key[:2] or heading != channel_key[2]:
            channel_key = key
            channel_found = next((r.channel for r, marks in channel_marks if marks.any_within(sent_start, t.tok_end)),
                                 None) or (heading and _channel(lib, heading))
        channel = channel_found or channel_carry
        channel_carry = channel
        base = {
            "metric": metric, "value": value, "unit": t.unit, "category": category, "entity": None,
            "channel": channel, "approx": t.approx, "section": heading,
            "text": s[clause_start:clause_end].strip(), "start": t.start, "end": t.end,
            "pattern": pattern_id,
        }
        # share right after a category count / an entity's count inherits them
        if metric == "share" and prev_fig is not None and prev_fig["_sent"] == sent_start \
                and t.tok_start - prev_fig["_tok_end"] <= 12:
            # (not `…，三家合计占…` / `三者合计占…`: a group speaks, not the count before)
            grouped = lib.entity["group"].search(s, prev_fig["_tok_end"], t.tok_start) is not None \
                or words["sum"].search(s, prev_fig["_tok_end"], t.tok_start) is not None   # (`…，合计占55.8%`)
            # (nor a rate of its own, `…不合格工单483件，抽查合格率92.25%`)
            if prev_fig["metric"] == "category_count" and not grouped \
                    and not (best is not None and "率" in s[best.start:best.end]):
                base["metric"] = "category_share"
                base["category"] = prev_fig["category"]
            if not names and prev_fig["entity"] and not grouped \
                    and _JUST_PUNCT.fullmatch(s, prev_fig["_tok_end"], clause_start):
                names = [prev_fig["entity"]]
        if listed:
            base["category"] = listed[0]
            if metric == "share":
                base["metric"] = "category_share"
        if cat_next is not None:
            base["category"] = cat_next
            if metric in ("share", "category_share"):
                base["metric"] = "category_share"
        if not listed and base["metric"] in ("volume", "share") \
                and (head := _line_topic(lib, s, t.tok_start, heading)) and base["category"] in (None, head[0]):
            # `1.疫情防控(14.86万件，占15.07%)。…西陵区、伍家岗区诉求量分别为…`: under a kind of
            # request heading its line with its count, the line's counts and shares are of that kind
            base["metric"] = "category_share" if base["metric"] == "share" else "category_count"
            base["category"] = head[0]
            base["pattern"] = pattern_id + "/line_topic"
        cats = []
        if metric == "share" and respectively and not names and best is not None:
            # `咨询a件、求助b件、投诉c件，分别占x%、y%、z%`: the shares pair with the categories in order
            for r in reversed(out):
                if r["_sent"] != sent_start or r["metric"] != "category_count":
                    break
                cats.insert(0, r["category"])
        if listed:
            pending = {"names": [], "fixed": [], "rules": [], "rule": metric_rule, "pattern": pattern_id,
                       "sent": sent_start, "cats": listed[1:]}
        elif len(cats) > 1:
            base["metric"], base["category"] = "category_share", cats[0]
            pending = {"names": [], "fixed": [], "rules": [], "rule": metric_rule, "pattern": pattern_id,
                       "sent": sent_start, "cats": cats[1:]}
        elif (respectively and len(names) > 1) or len(chain) > 1:
            many = respectively and len(names) > 1
            if many and len(chain) > 1 and (grid := _grid_order(s, t, len(names), len(chain))):
                # `A、B、C的办结率、满意率分别为a、b、c和d、e、f`: each number is one unit's one measure
                chain = [chain[m] for _, m in grid]
                names = [names[u] for u, _ in grid]
            pending = {"names": names[1:] if many else [], "fixed": [] if many else names,
                       "rules": chain[1:], "rule": metric_rule, "pattern": pattern_id, "sent": sent_start,
                       "category": None if len(chain) > 1 else base["category"]}   # (`A、B排渍类诉求分别占…`)
            names = names[:1] if many else names
        elif respectively and (metric == "change_rate" or words["period_list"].search(s, sent_start, t.tok_start)
                                or words["channel_list"].search(s, sent_start, t.tok_start)) \
                and (listed_numbers := _list_length(s, t)) > 1:
            # `办结率、满意率同比分别提升2.1个和0.9个百分点`: one change for each measure listed;
            # `A 1月、2月、3月得分分别为…`: one figure for each period
            pending = {"names": [], "fixed": names, "rules": [], "rule": metric_rule, "pattern": pattern_id,
                       "sent": sent_start, "repeat": listed_numbers - 1}
        elif best is not None:
            pending = None
        if len(names) == 1 and _own_area(lib, names[0], meta):
            names = []   # (`南海区以95.62分排名全市第二` in 南海区's own report: the report's own figure)
        # `整改率、回访率均为100%`: one row per keyword sharing the number (base is the first)
        others = shared[1:] + [best] if shared else []
        variants = [base] + [dict(base, metric=e.rule.metric, value=t.value * e.rule.sign, pattern=e.rule.id,
                                  category=_named_category(e) or e.rule.category) for e in others]
        for variant in variants:
            for name in names or [None]:
                row = dict(variant, entity=lib.entity["trim"].sub("", name) if name else None)
                row["_sent"] = sent_start
                row["_tok_end"] = t.tok_end
                row["_read_to"] = read_to   # (past a keyword after the number: `16项超期事项`)
                # (a unit of a bracketed list, `A(6件)、B(4件)…`, is no subject the clauses after share)
                row["_one"] = name if len(names) == 1 and not respectively and len(chain) <= 1 \
                    and not pattern_id.endswith("/listed") else None
                row["_rule"], row["_cls"] = metric_rule, t.cls
                out.append(row)
        prev_fig = out[-1]
        prev_tok_end = t.tok_end

    _items_of_a_total(out, hard_ends)
    for r in out:
        del r["_sent"], r["_tok_end"], r["_read_to"], r["_one"], r["_rule"], r["_cls"]
    return out


def _total_of_parts(out: list[dict], tokens: list[Token], token_starts: list[int], lo: int, hi: int) -> dict | None:
    """The area-wide count given before that the counts in s[lo:hi] add up to (a breakdown of
    it by area), if any."""
    parts = [t.value for t in tokens[bisect_left(token_starts, lo):bisect_left(token_starts, hi)] if t.cls == "count"]
    if len(parts) < 2:
        return None
    whole = round(sum(parts), 6)
    return next((r for r in reversed(out) if r["_cls"] == "count" and not r["entity"] and r["value"] == whole), None)


def _items_of_a_total(out: list[dict], hard_ends: Marks) -> None:
    """`本月超期工单共31件，已下发督办单…，涉及9个单位：A(7件)、B(5件)…`: a list of unit items read
    with the nearest keyword before them, whose numbers add up to a total given earlier in the
    sentence, are the parts of that total and take its metric."""
    i = 0
    while i < len(out):
        r, j = out[i], i + 1
        if r["pattern"].endswith("/item"):
            while j < len(out) and out[j]["pattern"] == r["pattern"] and out[j]["_sent"] == r["_sent"]:
                j += 1
            if j - i >= 2:
                hard = hard_ends.last_end(0, r["start"])
                total = round(sum(x["value"] for x in out[i:j]), 6)
                whole = next((x for x in reversed(out[:i]) if x["start"] >= hard and x["_cls"] == r["_cls"]
                              and not x["entity"] and x["metric"] != r["metric"] and x["value"] == total), None)
                if whole is not None:
                    for x in out[i:j]:
                        x["metric"], x["category"] = whole["metric"], whole["category"]
                        x["_rule"], x["pattern"] = whole["_rule"], whole["_rule"].id + "/item"
        i = j


def _bracket_legends(lib: Library, s: str, events: list[Event]) -> list[tuple[int, list[Rule]]]:
    """(end, rules) of each legend `括号内依次为A、B、C` whose every item holds a keyword."""
    out = []
    for m in lib.words["bracket_legend"].finditer(s):
        rules = []
        for item in lib.words["bracket_legend_item"].finditer(s, m.start("items"), m.end("items")):
            inside = [e for e in events if item.start() <= e.start and e.end <= item.end()]
            if not inside:
                break
            rules.append(min(inside, key=lambda e: (e.start, e.rule.order)).rule)
        else:
            if len(rules) >= 2:
                out.append((m.end(), rules))
    return out


def _legend_reading(lib: Library, s: str, legends: list, tokens: list[Token], token_starts: list[int],
                    t: Token, sent_start: int) -> tuple[Rule, list[str]] | None:
    """The rule and unit of a number in a unit's bracket after a legend (`括号内依次为派发工单量、
    按期办结率、满意率：` … `牛庄镇(386件；99.48%；97.15%)`): its place in the bracket picks the item."""
    open_at = _open_bracket(s, sent_start, t.start)
    if open_at < 0:
        return None
    end, rules = next(((e, r) for e, r in reversed(legends) if e <= open_at), (None, None))
    if end is None or s.count("\n", end, open_at) > 2:   # (a legend reads the lines just below it)
        return None
    close = s.find(")", t.start)
    if close < 0:
        return None
    inside = tokens[bisect_left(token_starts, open_at):bisect_left(token_starts, close)]
    if len(inside) != len(rules):
        return None
    rule = rules[next(i for i, x in enumerate(inside) if x is t)]
    if t.cls not in rule.units:
        return None
    ent = _adjacent_entity(lib, s, _last_item(s, sent_start, open_at), open_at, True)
    return rule, [ent] if ent else [], "/legend"


def _order_reading(lib: Library, s: str, out: list[dict], tokens: list[Token], token_starts: list[int],
                   t: Token, sent_start: int, open_at: int, close: int, hard_start: int) -> tuple[Rule, list[str], str] | None:
    """`海城市受理14.26万件，办结率99.18%、满意率92.07%；其后依次为铁东区(11.73万件，99.36%、93.45%)`:
    a unit's bracket of bare numbers gives the measures of the unit before it, in its order."""
    owner = _strip_lead(lib, s[_last_item(s, sent_start, open_at):open_at].strip())
    if not _is_name(lib, owner):
        return None
    run: list[dict] = []    # the figures of the unit named last before the bracket, in order
    for r in reversed(out):
        if r["_tok_end"] > open_at:
            continue
        if r["_sent"] < hard_start or (run and r["entity"] != run[0]["entity"]):
            break
        run.insert(0, r)
    inside = tokens[bisect_left(token_starts, open_at):bisect_left(token_starts, close)]
    if len(run) < 2 or len(run) != len(inside) or not run[0]["entity"] or run[0]["entity"] == owner \
            or any(r["_cls"] != x.cls for r, x in zip(run, inside)):
        return None
    return run[next(i for i, x in enumerate(inside) if x is t)]["_rule"], [owner], "/order"


def _carries_subject(lib: Library, s: str, prev_end: int, part: int, keyword: int) -> bool:
    """Does the keyword at `keyword` (its clause part starting at `part`) still speak of the unit
    of the figure ending at `prev_end`? Only short clauses that name no other unit may stand
    between (`义安镇78.15分，排名末位，本月承办工单318件`), and the keyword's own lead must be a
    modifier (`本月`, `群众`, `实际`), not a name or a wider scope (`全县`, `平均`)."""
    words = lib.words
    part = max(part, prev_end)   # (`A县以98.6分排名第一`: the figure before stands in the keyword's clause)
    lead = words["carry_lead"].fullmatch(s, part, keyword)
    if lead is None or lib.entity["suffix_end"].search(words["scope"].sub("", lead.group("modifier"))) \
            or lib.entity["group"].search(lead.group("modifier")):
        return False
    between = words["carry_through"].fullmatch(s, prev_end, part)
    return between is not None and not lib.entity["suffix_end"].search(words["scope"].sub("", between.group()))


def _measures_before(out: list[dict], sent_start: int, count: int) -> list[Rule]:
    """The rules of the last `count` rates one unit was given before the sentence part at
    `sent_start`, if they are that many different measures."""
    before = [r for r in out if r["_sent"] < sent_start]
    if not before or not before[-1]["entity"]:
        return []
    unit = before[-1]["entity"]
    rates = []
    for r in reversed(before):
        if r["entity"] != unit:
            break
        if r["_cls"] == "pct" and r["metric"] != "change_rate":
            rates.insert(0, r["_rule"])
    rates = rates[-count:]
    return rates if count > 1 and len(rates) == count and len({r.metric for r in rates}) == count else []


def _last_item(s: str, lo: int, hi: int) -> int:
    """Where the last list item before `hi` starts (after its 、，：；), else `lo`."""
    m = _ITEM_START.search(s, lo, hi)
    return m.start() + 1 if m else lo


def _units_in(out: list[dict], sent_start: int) -> list[str]:
    """The units of the last run of figures of one metric in the sentence, in order, once each
    (`A 95分、B 94分，分列…`, `反映A的1,236件、B的1,108件，同比分别…`: A and B, not a unit
    named earlier in the sentence for another measure)."""
    run: list[str] = []
    for r in reversed(out):
        if r["_sent"] != sent_start or r["metric"] != out[-1]["metric"]:
            break
        if r["entity"]:
            run.append(r["entity"])
    return list(dict.fromkeys(reversed(run)))


def _kinds_ranked(lib: Library, s: str, clauses: Marks, sent_start: int, kw_clause: int, keyword: int) -> list[str]:
    """The request kinds a clause ranks before the keyword's (`前三位是A、B、C`, `排名前三的领域为A、
    B和C`), or the keyword's own clause groups before it (`A、B、C三个领域诉求量居前`), folded, in
    order; [] when it ranks none or names a unit among them."""
    grouped = lib.words["topics_grouped"].search(s, kw_clause, keyword)
    if grouped:
        kinds = [k.strip() for k in _LIST_COMMA.split(grouped.group("list"))]
    elif kw_clause > sent_start:
        ranked = lib.words["topics_ranked"].search(s[clauses.last_end(sent_start, kw_clause - 1):kw_clause - 1])
        kinds = [k.strip() for k in lib.words["list_separator"].split(ranked.group("list"))] if ranked else []
    else:
        return []
    if any(_is_name(lib, kind) for kind in kinds):
        return []
    return [fold_category(_LABEL_TAIL.sub("", kind) or kind) for kind in kinds]


def _category_list(lib: Library, s: str, clause_start: int, keyword: Event) -> list[str]:
    """Categories listed right before a keyword (`咨询、求助、投诉类诉求`, `咨询、投诉、求助五类诉求占比`),
    folded, in order; [] when there is no such list."""
    own = "cat" in keyword.rule.trigger.groupindex
    end = keyword.end if own else keyword.start
    m = lib.words["category_list"].search(s, clause_start, end)
    if m is not None:
        return [fold_category(c.strip()) for c in lib.words["list_separator"].split(m.group("list"))]
    m = lib.words["topic_list"].search(s, clause_start, end)
    topics = [c.strip() for c in _LIST_COMMA.split(m.group("list"))] if m else []
    if any(_is_name(lib, topic) for topic in topics):
        return []   # (`城关镇、新华镇诉求分别为…`: units)
    return [fold_category(topic) for topic in topics]


_ITEM_NOUNS = ("来电", "来信", "留言")
_SHARE_OF = regex.compile(r"占[^，,。；;\d]{0,8}\Z")   # (the whole a share is taken of)
_AFTER_COUNT = regex.compile(r"\d\s?[件条]\s?\Z")
_AFTER_A_FIGURE = regex.compile(r"\d\s?(?:万|亿)?(?:[件条%]|人次)\s?\Z")   # (a bracket opened right after a count or share)


def _counted_noun(s: str, e: Event) -> bool:
    """Is the keyword a noun that a count just before names (`19件留言分别涉及A(7件)…`)? It is
    that number's, no keyword for the numbers after it."""
    return s[e.start:e.end] in _ITEM_NOUNS and _AFTER_COUNT.search(s, max(0, e.start - 4), e.start) is not None


def _context(events: list[Event], event_ends: list[int], s: str, sent_start: int, t: Token,
             clauses: Marks) -> Event | None:
    """The nearest keyword earlier in the sentence whose rule admits the token's unit."""
    best = None
    for i in range(bisect_right(event_ends, t.tok_start) - 1, -1, -1):
        e = events[i]
        if e.start < sent_start:
            break
        if best is not None and e.end < best.end:
            break
        if not e.rule.context or t.cls not in e.rule.units or t.cls == "bare" or _counted_noun(s, e):
            continue
        if ")" in s[e.end:t.tok_start] and s.rfind("(", sent_start, e.start) > s.rfind(")", sent_start, e.start):
            continue   # `A 46条(采用31条)、B 39条`: a keyword inside brackets stays there
        if _SHARE_OF.search(s, max(sent_start, e.start - 10), e.start):
            continue   # `占街道承办总量的2.79%，主要集中在A(31件)`: a share's whole is no keyword of the parts
        if best is None or (e.start, e.rule.order) < (best.start, best.rule.order):
            best = e
    if best is not None and best.rule.generic:
        best = _specific_before(events, event_ends, s, best, t, clauses.last_end(sent_start, best.start))
    return best


_LEAD_LINE_END = regex.compile(r"[：:][ \t]*\Z")


def _numbered_under_topic_lead(lib: Library, s: str, pos: int) -> bool:
    """Is `pos` on a numbered line of a list whose lead line names topics (`排名前十位的诉求事项
    依次为：\n1.房屋建设与物业管理9867件…\n2.城市管理7425件…`)?"""
    def numbered(at: int) -> bool:   # (the ordinal word anchors at \A: match a short slice)
        return lib.words["ordinal"].match(s[at:at + 12]) is not None

    line_start = s.rfind("\n", 0, pos) + 1
    if not numbered(line_start):
        return False
    while line_start > 0:
        prev_start = s.rfind("\n", 0, line_start - 1) + 1
        if not numbered(prev_start):
            lead = s[prev_start:line_start - 1]
            return bool(_LEAD_LINE_END.search(lead) and lib.words["topic_lead"].search(lead))
        line_start = prev_start
    return False


def _name_then_comma(lib: Library, s: str, clauses: Marks, sent_start: int, clause_start: int,
                     t: Token) -> str | None:
    """`超期工单：永乐镇，6件；县交通运输局，4件`, `各单位受理量：新政镇：216件；…`: a clause that is
    only a unit's name, then one that is only its number."""
    if clause_start <= sent_start or s[clause_start - 1] not in "，,：:" or s[clause_start:t.tok_start].strip():
        return None
    name = _strip_lead(lib, s[clauses.last_end(sent_start, clause_start - 1):clause_start - 1].strip())   # (`①A，689件`)
    return name if _is_name(lib, name) and not lib.entity["not_subject"].search(name) else None


def _open_bracket(s: str, lo: int, pos: int) -> int:
    """Where the bracket still open at `pos` opened (after `lo`), else -1."""
    opened = s.rfind("(", lo, pos)
    return opened if opened >= 0 and s.find(")", opened, pos) < 0 else -1


def _bracket_owner(lib: Library, s: str, sent_start: int, opened: int, out: list[dict]) -> str | None:
    """The unit whose bracket opens at `opened`: the name right before it (`A局(81.5分，…)`), else the
    unit of the figure right before it (`盐亭县1.41万件(同比增长3.6%、…)`)."""
    name = _strip_lead(lib, s[max(_last_item(s, sent_start, opened), s.rfind(")", sent_start, opened) + 1):opened].strip())
    if _is_name(lib, name):
        return name
    return next((r["entity"] for r in reversed(out) if r["_sent"] == sent_start and r["entity"]
                 and _OPEN_BRACKET.fullmatch(s, r["_tok_end"], opened + 1)), None)


def _left_bracket(lib: Library, s: str, sent_start: int, fig: dict, pos: int, out: list[dict]) -> bool:
    """Was `fig` inside a bracket that closed before `pos` and was not its unit's (`共受理1.2万件(其中
    A 3,368件、B 1,745件)，同比增长5%`: the change is the total's, not B's)?"""
    opened = _open_bracket(s, sent_start, fig["start"])
    return opened >= 0 and s.find(")", fig["_tok_end"], pos) >= 0 \
        and _bracket_owner(lib, s, sent_start, opened, out) != fig["_one"]


def _keyword_after_list(events: list[Event], event_ends: list[int], s: str, t: Token, gap) -> Event | None:
    """The keyword right after the numbers listed from `t` on (`分别有7件、5件工单超期办结`)."""
    more = _MORE_NUMBERS.match(s, t.tok_end)
    if more is None:
        return None
    return _keyword_after(events, event_ends, s, Token(t.start, t.end, more.end(), t.tok_start, t.value,
                                                       t.unit, t.cls, t.approx), gap)


def _list_length(s: str, t: Token) -> int:
    """How many numbers of a kind are listed from `t` on (`78.6分、79.4分和80.1分`: 3)."""
    more = _MORE_NUMBERS.match(s, t.tok_end)
    return 1 + (len(_DIGIT_RUN.findall(more.group())) if more else 0)


def _grid_order(s: str, t: Token, units: int, measures: int) -> list[tuple[int, int]] | None:
    """The (unit, measure) of each number listed from `t` on when there are units × measures of
    them: by measure (`a、b、c和d、e、f`: the units' first measure, then their second) or by unit
    (`a和d、b和e、c和f`; groups may be parted by ，or ；). The separator between groups is the
    rarer one; when the group size does not decide, 、 between groups means by unit."""
    more = _GRID_NUMBERS.match(s, t.tok_end)
    seps = [m.group(1).translate(_SAME_SEPARATOR) for m in _GRID_SEPARATOR.finditer(more.group())] if more else []
    if len(seps) != units * measures - 1:
        return None
    by_unit = False
    kinds = set(seps)
    if len(kinds) > 2:
        return None
    if len(kinds) == 2:
        outer = min(kinds, key=seps.count)
        inner = (kinds - {outer}).pop()
        size = seps.index(outer) + 1
        if size not in (units, measures) \
                or seps != [outer if (i + 1) % size == 0 else inner for i in range(len(seps))]:
            return None
        by_unit = size == measures and (size != units or outer == "、")
    cells = range(units * measures)
    return [(k // measures, k % measures) for k in cells] if by_unit else [(k % units, k // units) for k in cells]


def _named_before(lib: Library, s: str, kind: str, pos: int) -> list[str]:
    """`本周黑榜：高碑社区。该社区…超时处置6件`: the last unit of the kind 该X names, named in the
    paragraph before `pos` (the name runs from where its Han run or its lead words end to the
    kind's first end); none for 该单位/该部门, which name no kind."""
    if kind in _KINDLESS:
        return []
    for run in reversed(list(_HAN_WORDS.finditer(s, s.rfind("\n", 0, pos) + 1, pos))):
        words = _strip_lead(lib, run.group())
        cut = words.find(kind)
        name = words[:cut + len(kind)]
        if cut > 0 and _is_name(lib, name) and not lib.entity["not"].search(name):
            return [name]
    return []


def _bracket_rate(out: list[dict], s: str, sent_start: int) -> Rule | None:
    """`A 118,746件(满意率93.12%)、B 76,508件(94.05%)`: a bare rate in brackets after a count goes on
    with the rate the sentence's last bracketed rate named, not as a share."""
    for r in reversed(out):
        if r["_sent"] != sent_start:
            return None
        if r["_cls"] == "pct":
            inside = _open_bracket(s, sent_start, r["start"]) >= 0
            return r["_rule"] if inside and r["metric"].endswith("_rate") else None
    return None


def _breakdown_lead(lib: Library, s: str, sent_start: int, pos: int) -> int | None:
    """Where the 其中 opening the sentence, or a clause of it before `pos`, starts."""
    if lib.words["breakdown_lead"].match(s, sent_start):
        return sent_start
    at = max(s.rfind("其中", sent_start, pos), s.rfind("(含", sent_start, pos) + 1)   # (`(含A 8.92万件、…)`)
    if at > sent_start and s[at - 1] in "，,；;(" and lib.words["breakdown_lead"].match(s, at):
        return at
    return None


def _specific_before(events: list[Event], event_ends: list[int], s: str, generic: Event, t: Token,
                     clause_start: int, gap: bool = False) -> Event:
    """A total keyword (`工单共计`, rules marked `generic`) gives way to a specific keyword before
    it in its clause that admits the token (`超时签收工单共计846件` is overdue); with `gap`, the
    specific keyword's gap must reach the total keyword (or, for one sharing the total's first
    word, `供暖类诉求共计633件`, the number)."""
    for i in range(bisect_right(event_ends, generic.end) - 1, -1, -1):
        e = events[i]
        if e.start >= generic.start:
            continue
        if e.start < clause_start:
            break
        if e.rule.generic or t.cls not in e.rule.units:
            continue
        if not gap or (e.rule.gap.match(s, e.end, generic.start) if e.end <= generic.start
                       else e.rule.gap.match(s, e.end, t.tok_start)):
            return e
    return generic


def _keyword_after(events: list[Event], event_ends: list[int], s: str, t: Token, post_gap,
                   any_rule: bool = False) -> Event | None:
    """A keyword of a rule marked `post` standing right after the number (`8件工单超期未办结`);
    with `any_rule`, of any rule (`以99.2%的办结率`). Of keywords ending together the longest
    (`超期未办结`, not the `未办结` inside it)."""
    found = None
    for i in range(bisect_right(event_ends, t.tok_end), len(events)):
        e = events[i]
        if e.start > t.tok_end + 24 or (found is not None and e.end > found.end):   # (post_gap bounds the distance)
            break
        if (e.rule.post or any_rule) and t.cls in e.rule.units and e.start >= t.tok_end \
                and (found is None or e.start < found.start) and post_gap.fullmatch(s, t.tok_end, e.start):
            found = e
    return found


def _keyword_chain(events, event_ends, s, best: Event, t: Token, joiner) -> list[Event]:
    """`X率、Y率和Z率` ending in `best`: the keywords in order (those admitting the token's unit)."""
    chain = [best]
    for _ in range(8):
        cur = chain[0]
        i = bisect_right(event_ends, cur.start) - 1
        found = None
        while i >= 0 and events[i].end >= cur.start - 2:
            e = events[i]
            if e.end <= cur.start and t.cls in e.rule.units and joiner.match(s, e.end, cur.start):
                if found is None or e.start < found.start:
                    found = e
            i -= 1
        if found is None:
            break
        chain.insert(0, found)
    return chain


def _same_rule_run_start(events: list[Event], event_ends: list[int], e: Event) -> int:
    """Where a run of keywords of one rule ending in `e` starts (`退回重办`: 退回 and 重办), so the
    words before the keyword are those before the run."""
    start = e.start
    for _ in range(4):
        i = bisect_right(event_ends, start) - 1
        while i >= 0 and events[i].end == start and events[i].rule is not e.rule:
            i -= 1
        if i < 0 or events[i].end != start:
            break
        start = events[i].start
    return start


def _every(lib: Library, s: str, pre: str, keyword: Event) -> bool:
    """Does 各/均/都 open the keyword (`均得`), stand in the words between the names and it
    (`A、B上半年各被…`) or right after the names (`A、B各收到群众赠送锦旗…`)? Then each unit
    listed takes the number; so does a shared placing (`A、B、C未被扣分，并列第一`)."""
    if _EVERY.match(s, keyword.start) or _EVERY.search(_list_tail(lib, pre)) \
            or "并列" in s[max(0, keyword.start - 1):keyword.end]:
        return True
    if not _LISTED_THEN_EVERY.search(pre):
        return False
    names = _name_list(lib, pre, strict_last=False)
    return len(names) > 1 and _WHEN_THEN_EVERY.match(pre, pre.rfind(names[-1]) + len(names[-1])) is not None


def _list_tail(lib: Library, pre: str) -> str:
    """The words between a list of names and its keyword (`上半年各被`, `共`), or ''."""
    tail = lib.entity["tail"].search(pre.rstrip())
    return tail.group() if tail else ""


def _named_category(e: Event) -> str | None:
    """The request category a keyword names in its rule's `cat` group (`供暖类诉求`), folded."""
    return fold_category(e.match.group("cat")) if e.match is not None and "cat" in e.rule.trigger.groupindex else None


def _each_names(lib: Library, s: str, lo: int, hi: int) -> list[str]:
    """`A、B各2项`, `A和B各2项`: the names before 各/均/都 that each take the number (none without)."""
    each = lib.entity["each"].search(s, lo, hi)
    if not each:
        return []
    # (`…3件、A和B各1件`: after the item before; `集中在A、B(各2件)`: the bracket is the list's;
    # `尚有2件未办结(A、B各1件)`: the list opens the bracket)
    text = s[lo:each.start()].lstrip(" 、，,；;").rstrip("( ")
    if (opened := text.rfind("(")) > text.rfind(")"):
        text = text[opened + 1:]
    names = _name_list(lib, text, strict_last=True)
    return names if len(names) >= 2 else _name_pair(lib, text)


def _list_before(lib: Library, s: str, clauses: Marks, sent_start: int, clause_start: int) -> list[str]:
    """The nearest `A、B…` list of names (two or more) in the clauses before `clause_start`."""
    end = clause_start - 1
    for _ in range(8):
        if end <= sent_start:
            break
        start = clauses.last_end(sent_start, end)
        names = _name_list(lib, s[start:end], strict_last=False)
        if len(names) >= 2:
            return names
        end = start - 1
    return []
