"""Dates and reporting periods as circulars write them.

`parse_date` reads one calendar date: `2023年3月20日`, `2023-10-26`, `2023.7.31`,
`二〇二三年三月二十日`, and the damaged signature form `2023731` (digits run together,
accepted only when exactly one reading is a valid date).

`find_periods` finds reporting-period expressions in a line of text: a month (`2023年5月`,
`二月份`), a quarter (`2023年第二季度`, `一季度`), a half-year (`上半年`), a year
(`2023年度`, `2023年全年`), month ranges (`1-6月`, `1—9月`, `前三季度`) and day ranges
(`10月27日至12月31日`, `2023年6月12日—6月18日`). A period written without a year is
completed by `Period.resolve(ref)` from a reference date (the circular's issue date):
the latest such period that does not start after it.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import regex

from .patterns import inline

CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4,
            "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "两": 2}
CN_YEAR_CH = "〇○零Ｏ一二三四五六七八九0"
CN_SMALL = "一二三四五六七八九十两"
DASH = "-－—–~～"


def cn_small(s: str) -> int | None:
    """`十二` → 12, `二十一` → 21, `三十` → 30, `七` → 7, `12` → 12."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    if not s or any(c not in CN_SMALL for c in s):
        return None
    if "十" not in s:
        return CN_DIGIT.get(s) if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    t = CN_DIGIT.get(tens, None) if tens else 1
    o = CN_DIGIT.get(ones, None) if ones else 0
    if t is None or o is None:
        return None
    return t * 10 + o


def cn_year(s: str) -> int | None:
    """`二〇二三` → 2023, `2023` → 2023."""
    if s.isdigit():
        return int(s)
    if len(s) != 4 or any(c not in CN_DIGIT for c in s):
        return None
    return int("".join(str(CN_DIGIT[c]) for c in s))


def make_date(y: int | None, m: int | None, d: int | None) -> dt.date | None:
    try:
        if y is None or m is None or d is None or not 1900 <= y <= 2100:
            return None
        return dt.date(y, m, d)
    except ValueError:
        return None


_YEAR = r"(?:\d{4}|[〇○零Ｏ一二三四五六七八九]{4})"
_MD = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
DATE_CN = regex.compile(rf"(?P<y>{_YEAR})\s*年\s*(?P<m>{_MD})\s*月\s*(?P<d>{_MD})\s*[日号]")
DATE_NUM = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)")
DATE_RUN = regex.compile(r"(?<!\d)(?P<run>(?:19|20)\d{5,6})(?!\d)")


def parse_date(s: str) -> dt.date | None:
    """The first date written in `s` (see module doc), or None."""
    found = find_date(s)
    return found[0] if found else None


def find_date(s: str) -> tuple[dt.date, int, int] | None:
    """(date, start, end) of the first date in `s`."""
    best = None
    for pat in (DATE_CN, DATE_NUM):
        for m in pat.finditer(s):
            d = make_date(cn_year(m["y"]), cn_small(m["m"]), cn_small(m["d"]))
            if d is not None:
                if best is None or m.start() < best[1]:
                    best = (d, m.start(), m.end())
                break
    if best is None:
        for m in DATE_RUN.finditer(s):
            d = run_date(m["run"])
            if d is not None:
                return d, m.start(), m.end()
    return best


def run_date(run: str) -> dt.date | None:
    """`20230731` → 2023-07-31; `2023731` → 2023-07-31 (the only valid reading);
    `2023111` → None (1月11日 or 11月1日)."""
    y = int(run[:4])
    rest = run[4:]
    if len(rest) == 4:
        return make_date(y, int(rest[:2]), int(rest[2:]))
    if len(rest) == 3:
        readings = {make_date(y, int(rest[:1]), int(rest[1:])), make_date(y, int(rest[:2]), int(rest[2:]))}
        readings.discard(None)
        return readings.pop() if len(readings) == 1 else None
    return None


# ---------------------------------------------------------------- periods

@dataclass
class Period:
    """A reporting period as written; `year` None when the text gives none."""

    kind: str  # month, months, quarter, half, year, days, tenday (上旬/中旬/下旬)
    label: str
    start_pos: int
    end_pos: int
    year: int | None
    m1: int = 1
    d1: int = 1
    m2: int = 12
    d2: int | None = None  # None: last day of m2
    year2: int | None = None  # end year when written (`2023年12月1日至2024年1月5日`)
    strong: bool = False  # introduced by 自/从 … 至, or a full date range

    def rank(self) -> int:
        return {"days": 5, "tenday": 5, "months": 4, "month": 4, "quarter": 3, "half": 2, "year": 1}[self.kind]

    def resolve(self, ref: dt.date | None) -> tuple[dt.date, dt.date] | None:
        """(start, end), completing a missing year from `ref`."""
        y = self.year
        if y is None:
            if ref is None:
                return None
            y = ref.year
            span = self._span(y)
            if span is None:
                return None
            if span[0] > ref:
                y -= 1
        return self._span(y)

    def _span(self, y: int) -> tuple[dt.date, dt.date] | None:
        y2 = self.year2 if self.year2 is not None else y
        if self.year2 is None and (self.m2, self.d2 or 31) < (self.m1, self.d1):
            y2 = y + 1  # 12月28日至1月3日
        start = make_date(y, self.m1, self.d1)
        d2 = self.d2 if self.d2 is not None else (calendar.monthrange(y2, self.m2)[1] if 1 <= self.m2 <= 12 else 0)
        end = make_date(y2, self.m2, d2)
        if start is None or end is None or end < start:
            return None
        return start, end


_Y = rf"(?:(?P<y>{_YEAR})\s*年\s*)"
_Q = r"(?P<q>[一二三四1-4])"
_SEP = rf"\s*(?:[{DASH}]|至|到)\s*"
_M = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])"

PERIOD_PATTERNS: list[tuple[str, regex.Pattern]] = [
    # 2023年10月27日至12月31日, 3月4日—3月10日, 2023年6月12日—6月18日, 12月28日至2024年1月3日
    ("days", regex.compile(
        rf"{_Y}?(?P<m1>{_M})\s*月\s*(?P<d1>{_MD})\s*[日号]?{_SEP}(?:(?P<y2>\d{{4}})\s*年\s*)?(?:(?P<m2>{_M})\s*月\s*)?(?P<d2>{_MD})\s*[日号]")),
    # 1-6月, 1—9月份, 1月至6月, 2024年1-6月
    ("months", regex.compile(rf"{_Y}?(?P<m1>{_M})\s*(?:月份?)?{_SEP}(?P<m2>{_M})\s*月份?(?![\d一二三四五六七八九十]*\s*[日号])")),
    # 11月上旬, 12月中旬: the ten days a 旬报 covers
    ("tenday", regex.compile(rf"{_Y}?(?P<m1>{_M})\s*月份?\s*(?P<x>[上中下])旬")),
    ("months", regex.compile(rf"{_Y}?前(?P<n>[一二三1-3])(?:个)?季度")),
    ("quarter", regex.compile(rf"{_Y}?第?{_Q}\s*季度")),
    ("half", regex.compile(rf"{_Y}?(?P<h>[上下])半年")),
    ("month", regex.compile(rf"{_Y}?(?P<m1>{_M})\s*月份?(?!\s*[\d一二三四五六七八九十]+\s*[日号])")),
    ("year", regex.compile(rf"(?P<y>\d{{4}})\s*年\s*(?:度|全年)")),
    ("year", regex.compile(r"(?P<y>\d{4})\s*年(?=\s*(?:[，,、]|(?:12345|期间|工作|全[县区市省]|[我本]|各|热线|政务|便民)))")),
]

MONTHS_IN_QUARTERS = {1: 3, 2: 6, 3: 9}


def _int(s: str | None) -> int | None:
    if s is None:
        return None
    return cn_small(s) if not s.isdigit() else int(s)


def find_periods(text: str) -> list[Period]:
    """Every period expression in `text`, leftmost first; overlapping ones keep the longest
    (and, at equal length, the more specific kind listed first)."""
    found: list[Period] = []
    for kind, pat in PERIOD_PATTERNS:
        for m in pat.finditer(text):
            p = _build(kind, m, text)
            if p is not None:
                found.append(p)
    found.sort(key=lambda p: (p.start_pos, -(p.end_pos - p.start_pos)))
    out: list[Period] = []
    for p in found:
        if out and p.start_pos < out[-1].end_pos:
            continue
        out.append(p)
    return out


def _build(kind: str, m: regex.Match, text: str) -> Period | None:
    g = m.groupdict()
    year = cn_year(g["y"]) if g.get("y") else None
    label = inline(r"\s+").sub("", m.group(0))
    p = Period(kind, label, m.start(), m.end(), year)
    if kind == "days":
        m1, d1 = _int(g["m1"]), _int(g["d1"])
        m2 = _int(g["m2"]) if g.get("m2") else m1
        d2 = _int(g["d2"])
        if None in (m1, d1, m2, d2) or not (1 <= m1 <= 12 and 1 <= m2 <= 12):
            return None
        p.m1, p.d1, p.m2, p.d2 = m1, d1, m2, d2
        p.year2 = int(g["y2"]) if g.get("y2") else None
        p.strong = True
    elif kind == "months":
        if g.get("n"):
            n = _int(g["n"])
            p.m1, p.m2 = 1, MONTHS_IN_QUARTERS[n]
        else:
            m1, m2 = _int(g["m1"]), _int(g["m2"])
            if m1 is None or m2 is None or not 1 <= m1 < m2 <= 12:
                return None
            p.m1, p.m2 = m1, m2
    elif kind == "tenday":
        mm = _int(g["m1"])
        if mm is None or not 1 <= mm <= 12:
            return None
        p.m1 = p.m2 = mm
        p.d1, p.d2 = {"上": (1, 10), "中": (11, 20), "下": (21, None)}[g["x"]]
    elif kind == "quarter":
        q = _int(g["q"])
        p.m1, p.m2 = 3 * q - 2, 3 * q
    elif kind == "half":
        p.m1, p.m2 = (1, 6) if g["h"] == "上" else (7, 12)
    elif kind == "month":
        mm = _int(g["m1"])
        if mm is None or not 1 <= mm <= 12:
            return None
        # `5月18日` is a day, `12345` is not a month; a digit right before the month means
        # it belongs to a longer number.
        if m.start() > 0 and text[m.start() - 1].isdigit() and not g.get("y"):
            return None
        p.m1 = p.m2 = mm
    elif kind == "year":
        if year is None:
            return None
    if year is not None and not 1990 <= year <= 2100:
        return None
    return p
