"""Administrative divisions: the GB/T 2260 gazetteer shipped in `data/adcodes.csv`, and
resolution of an issuer's jurisdiction to province / city / county / admin_code.

The hierarchy comes from the code itself: `PP0000` is a province-level division, `PPCC00`
a prefecture-level one, anything else county-level. A county whose `PPCC00` row is absent
(仙桃市 429004, the counties of Hainan under 4690) hangs directly under its province.

Same-name divisions (城中区 of 西宁市 and of 柳州市; 朝阳区 of 北京市 and of 长春市) are
told apart first by the names written next to them (`西宁市城中区`), then by how often the
text names each candidate's ancestors (`柳州市12345热线`, `北京市`, `广西`) or its unique
siblings. When nothing decides, only what every candidate shares is returned.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

SUFFIXES = "省市区县旗州盟"
PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")


@dataclass(frozen=True)
class Division:
    code: str
    name: str

    @property
    def level(self) -> str:
        if self.code[2:] == "0000":
            return "province"
        if self.code[4:] == "00":
            return "city"
        return "county"


class Gazetteer:
    def __init__(self, rows: list[tuple[str, str]]):
        self.by_code: dict[str, Division] = {}
        for code, name in rows:
            self.by_code.setdefault(code, Division(code, name))
        self.by_name: dict[str, list[Division]] = {}
        for d in self.by_code.values():
            self.by_name.setdefault(d.name, []).append(d)
        # the customary names of autonomous divisions (黔东南州, 凉山州, 北川县) name them too,
        # but not one reading as a province's county level (河南县 of 青海, `河南县级…`)
        provinces = {_short(d.name, d.level) for d in self.by_code.values() if d.level == "province"}
        for d in self.by_code.values():
            alias = _customary(d.name)
            if alias and alias not in self.by_name and not (alias[-1] == "县" and alias[:-1] in provinces):
                self.by_name[alias] = [d]
        self.max_len = max(len(n) for n in self.by_name)
        self._kids: dict[str, list[Division]] = {}
        for d in self.by_code.values():
            p = self.parent(d)
            if p is not None:
                self._kids.setdefault(p.code, []).append(d)
        # short forms of provinces (宁夏, 广西, 北京) and prefectures (柳州, 长春): evidence only
        self.short: dict[str, list[Division]] = {}
        for d in self.by_code.values():
            if d.level == "county":
                continue
            s = _short(d.name, d.level)
            if s and s != d.name and len(s) >= 2:
                self.short.setdefault(s, []).append(d)

    def get(self, code: str) -> Division | None:
        return self.by_code.get(code)

    def parent(self, d: Division) -> Division | None:
        if d.level == "province":
            return None
        if d.level == "county":
            p = self.by_code.get(d.code[:4] + "00")
            if p is not None:
                return p
        return self.by_code.get(d.code[:2] + "0000")

    def ancestors(self, d: Division) -> list[Division]:
        out = []
        p = self.parent(d)
        while p is not None:
            out.append(p)
            p = self.parent(p)
        return out

    def children(self, d: Division) -> list[Division]:
        return self._kids.get(d.code, [])

    def mentions(self, s: str) -> list[tuple[int, int, list[Division]]]:
        """Full names of divisions in `s`, leftmost-longest, as (start, end, divisions)."""
        out = []
        i, n = 0, len(s)
        while i < n:
            hit = None
            for length in range(min(self.max_len, n - i), 1, -1):
                if s[i + length - 1] not in SUFFIXES:
                    continue
                divs = self.by_name.get(s[i:i + length])
                if divs:
                    hit = (i, i + length, divs)
                    break
            if hit:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out


# the minority peoples autonomous divisions are named after; some stand without 族 in names
# (伊犁哈萨克自治州, 察布查尔锡伯自治县), and 龙胜各族自治县 names them all
_PEOPLES = ("蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|"
            "纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|"
            "俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺")
_PEOPLES_SUFFIX = regex.compile(rf"(?:(?:{_PEOPLES}|各)族|蒙古|哈萨克|柯尔克孜|锡伯|塔吉克)+$")
_AUTONOMOUS = {"自治州": "州", "自治县": "县", "自治旗": "旗"}


def _customary(name: str) -> str | None:
    """`黔东南苗族侗族自治州` → 黔东南州, `北川羌族自治县` → 北川县: the place without its peoples."""
    for suffix, short in _AUTONOMOUS.items():
        if name.endswith(suffix):
            base = _PEOPLES_SUFFIX.sub("", name[: -len(suffix)])
            return base + short if len(base) >= 2 else None
    return None


def _short(name: str, level: str) -> str | None:
    if level == "province":
        for suf in PROVINCE_SUFFIXES:
            if name.endswith(suf) and len(name) > len(suf):
                base = name[: -len(suf)]
                # 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西
                return base
        return None
    if name.endswith("市") and len(name) >= 3:
        return name[:-1]
    return None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Loaded once per process."""
    rows = []
    # (the supplement adds divisions the main list lacks: see data/README.md)
    for file in ("adcodes.csv", "adcodes_supplement.csv"):
        with (resources.files("extractor") / "data" / file).open(encoding="utf-8", newline="") as f:
            for rec in csv.DictReader(f):
                code = rec["adcode"].strip()[:6]
                name = rec["name"].strip()
                if len(code) == 6 and code.isdigit() and name:
                    rows.append((code, name))
    return Gazetteer(rows)


@dataclass
class Region:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    admin_code: str | None = None

    def as_dict(self) -> dict:
        return {"province": self.province, "city": self.city, "county": self.county,
                "admin_code": self.admin_code}


def region_of(d: Division, gaz: Gazetteer | None = None) -> Region:
    """The fields for one division: a county fills county, its prefecture and province; a
    district of a municipality fills the municipality as both province and city."""
    gaz = gaz or gazetteer()
    chain = [d] + gaz.ancestors(d)
    r = Region(admin_code=d.code)
    for x in chain:
        if x.level == "province":
            r.province = x.name
        elif x.level == "city":
            r.city = x.name
        else:
            r.county = x.name
    if d.level == "province" and d.name.endswith("市"):
        r.city = d.name  # 北京市, 上海市 … are cities too
    return r


def candidates(s: str, gaz: Gazetteer | None = None) -> list[Division]:
    """Divisions the string `s` (an issuer, a title) names as its own: the most specific
    name written, narrowed by the names before it (`西宁市城中区` → 630103)."""
    gaz = gaz or gazetteer()
    ms = gaz.mentions(s)
    if not ms:
        return []
    # only a run of names written together is one address (西宁市城中区); a name later in
    # the string after other words (…关于柳州市…) is not the issuer's
    run = [ms[0]]
    for m in ms[1:]:
        if m[0] == run[-1][1]:
            run.append(m)
        else:
            break
    last = run[-1][2]
    before = [m[2] for m in run[:-1]]
    cands = list(last)
    for group in before:
        codes = {g.code for g in group}
        narrowed = [c for c in cands if codes & {a.code for a in gaz.ancestors(c)}]
        if narrowed:
            cands = narrowed
    cands = _collapse_municipality(cands, gaz)
    return cands


def _collapse_municipality(cands: list[Division], gaz: Gazetteer) -> list[Division]:
    """北京市 is both 110000 and 110100 (and 重庆市 also 500200): keep the province."""
    if len(cands) > 1:
        provs = [c for c in cands if c.level == "province"]
        if len(provs) == 1 and all(c.code[:2] == provs[0].code[:2] for c in cands):
            return provs
    return cands


def evidence(d: Division, text: str, gaz: Gazetteer | None = None) -> float:
    """How much `text` speaks for `d`: mentions of its ancestors (full or short names)
    and of its siblings whose names are unique in the country."""
    gaz = gaz or gazetteer()
    score = 0.0
    for a in gaz.ancestors(d):
        names = {a.name}
        s = _short(a.name, a.level)
        if s and len(s) >= 2:
            names.add(s)
        # 柳州 counts once per place, whether written 柳州 or 柳州市
        score += max(text.count(n) for n in names)
    p = gaz.parent(d)
    if p is not None and d.level == "county":
        for sib in gaz.children(p):
            if sib is d or len(sib.name) < 3 or len(gaz.by_name.get(sib.name, [])) != 1:
                continue
            if sib.name in text:
                score += 0.5
    return score


def resolve(sources: list[str], context: str = "", gaz: Gazetteer | None = None) -> Region:
    """The jurisdiction named by the first of `sources` that names one (issuer strings,
    then the title …), disambiguated by `context` (the document text)."""
    gaz = gaz or gazetteer()
    for s in sources:
        if not s:
            continue
        cands = candidates(s, gaz)
        if cands:
            return decide(cands, context, gaz)
    return Region()


def decide(cands: list[Division], context: str, gaz: Gazetteer | None = None) -> Region:
    gaz = gaz or gazetteer()
    if len(cands) == 1:
        return region_of(cands[0], gaz)
    scored = sorted(((evidence(c, context, gaz), c) for c in cands), key=lambda t: -t[0])
    if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
        return region_of(scored[0][1], gaz)
    # undecided: keep only what all candidates agree on, and no code
    regions = [region_of(c, gaz) for c in cands]
    out = Region()
    for f in ("province", "city", "county"):
        vals = {getattr(r, f) for r in regions}
        if len(vals) == 1:
            setattr(out, f, vals.pop())
    return out
