"""Pattern library engine: loads the TOML rules in `patterns/`, expands `{piece}` references
from `patterns/pieces.toml`, compiles everything once with `regex`, and exposes the rules
(and their examples) to the figures stage and to the tests.

Rule files hold data only. Kinds of entries:

* `[[rule]]` — a metric phrasing: `trigger` (the keyword, a regex fragment), `gap` (what may
  stand between keyword and number), `units` (unit classes the number may carry), `metric`,
  optional `sign`, `category`, `after` (regex the text right after the number must match),
  `post = true` (the keyword may also follow the number: `8件工单超期未办结`), `generic = true`
  (a total such as `工单共计` that yields to a specific keyword before it in its clause),
  `unit_before = true` (the name right before the keyword is the unit: `祥华乡(85.2分)`).
* `[[exclude]]` — a `pattern` with a `(?P<x>…)` group: a number starting inside `x` is not a
  figure (dates, phone numbers, thresholds…).
* `[[channel]]` — a `pattern` that, found in a sentence or heading, sets the channel.

Every entry carries `examples` and `negatives`; `check_rule` runs them (the test suite calls it
for every entry, so a rule that fails its own examples fails the build).
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

PIECE_REF = regex.compile(r"\{([a-z_][a-z0-9_]*)\}")


_DEFAULT_DIR = Path(__file__).resolve().parent.parent / "patterns"


def patterns_dir() -> Path:
    env = os.environ.get("EXTRACTOR_PATTERNS")
    return Path(env) if env else _DEFAULT_DIR


@dataclass
class Rule:
    id: str
    kind: str  # metric | exclude | channel
    file: str
    order: int
    metric: str | None = None
    trigger: regex.Pattern | None = None
    gap: regex.Pattern | None = None
    units: frozenset = frozenset()
    after: regex.Pattern | None = None
    sign: float = 1.0
    category: str | None = None
    channel: str | None = None
    pattern: regex.Pattern | None = None
    context: bool = True
    post: bool = False          # the keyword may also stand right after the number
    generic: bool = False       # a total (`工单共计`) that yields to a specific keyword before it
    unit_before: bool = False   # the keyword stands right after its unit's name (`祥华乡(85.2分)`)
    examples: list = field(default_factory=list)
    negatives: list = field(default_factory=list)


@dataclass
class Library:
    pieces: dict[str, str]
    units: dict[str, str]            # unit text -> unit class
    rules: list[Rule]                # metric rules, in priority order
    excludes: list[Rule]
    channels: list[Rule]
    token: regex.Pattern             # number + unit
    trigger_any: regex.Pattern       # prefilter: any rule's trigger
    entity: dict[str, regex.Pattern]
    words: dict[str, regex.Pattern]  # other named fragments used by the figures stage
    pct_cn: regex.Pattern | None = None  # a percentage in Chinese numerals (百分之九十)
    rank_cn: regex.Pattern | None = None  # a placing in Chinese numerals (排名第一, 分列第二、三位)
    count_cn: regex.Pattern | None = None  # a count in Chinese numerals (二百三十一件, 零点四个百分点)
    placing_range: regex.Pattern | None = None  # placings as a range (分列第一至第三位, 分列前三位)
    category_synonyms: dict[str, str] = field(default_factory=dict)  # label -> contract category
    unit_metrics: dict[str, Rule] = field(default_factory=dict)  # unit class -> rule it implies
    rules_by_id: dict[str, Rule] = field(default_factory=dict)

    @property
    def all_entries(self) -> list[Rule]:
        return self.rules + self.excludes + self.channels


@lru_cache(maxsize=None)
def inline(pattern: str) -> regex.Pattern:
    """`regex.compile`, memoised, for patterns written inline in the stages: `regex.match(p, s)`
    looks `p` up in `regex`'s own cache at about 9 µs a call, which the metadata and tables
    stages paid tens of thousands of times per run; this lookup costs a fraction of that."""
    return regex.compile(pattern)


def expand(fragment: str, pieces: dict[str, str], _depth: int = 0) -> str:
    """Replaces `{name}` by the piece `name` (recursively); unknown names are an error."""
    if _depth > 10:
        raise ValueError(f"piece nesting too deep in {fragment!r}")

    def sub(m):
        name = m.group(1)
        if name not in pieces:
            raise KeyError(f"unknown piece {{{name}}}")
        return "(?:" + expand(pieces[name], pieces, _depth + 1) + ")"

    return PIECE_REF.sub(sub, fragment)


class PatternError(ValueError):
    """A pattern file that cannot be loaded, with the file and entry it failed on, so the CLI can
    say so once instead of every worker printing the same traceback."""


def _compile(fragment: str, pieces: dict[str, str], where: str = "") -> regex.Pattern:
    try:
        return regex.compile(expand(fragment, pieces), regex.V0)
    except (regex.error, KeyError, ValueError) as e:
        raise PatternError(f"{where}: {e}" if where else str(e)) from e


def load_library(path: str | os.PathLike | None = None) -> Library:
    """The compiled library (cached per folder: compiled once per process)."""
    if path is None:
        path = os.environ.get("EXTRACTOR_PATTERNS") or _DEFAULT_DIR
    return _load(str(path))


def _entry(kind: str, entry: dict, file: str, order: int, pieces: dict[str, str], where: str) -> Rule:
    """One TOML entry as a compiled Rule; a missing key or a bad fragment raises, naming `where`."""
    r = Rule(id=entry["id"], kind=kind, file=file, order=entry.get("priority", 0) * 10000 + order,
             examples=list(entry.get("examples", [])), negatives=list(entry.get("negatives", [])))
    if kind == "metric":
        r.metric = entry["metric"]
        r.trigger = _compile(entry["trigger"], pieces, where)
        r.gap = _compile("(?:" + entry.get("gap", "{gap}") + r")\Z", pieces, where)
        r.units = frozenset(entry.get("units", ["count"]))
        r.after = _compile(entry["after"], pieces, where) if entry.get("after") else None
        r.sign = float(entry.get("sign", 1))
        r.category = entry.get("category")
        r.context = bool(entry.get("context", True))
        r.post = bool(entry.get("post", False))
        r.generic = bool(entry.get("generic", False))
        r.unit_before = bool(entry.get("unit_before", False))
    elif kind == "exclude":
        r.pattern = _compile(entry["pattern"], pieces, where)
        if "x" not in r.pattern.groupindex:
            raise PatternError(f"{where}: pattern needs a (?P<x>…) group")
    else:
        r.channel = entry["channel"]
        r.pattern = _compile(entry["pattern"], pieces, where)
    return r


@lru_cache(maxsize=4)
def _load(path: str) -> Library:
    root = Path(path)
    base = _read_toml(root / "pieces.toml")
    pieces: dict[str, str] = dict(base.get("pieces", {}))
    units: dict[str, str] = {}
    for cls, names in base.get("unit_classes", {}).items():
        for n in names:
            units[n] = cls
    rules, excludes, channels = [], [], []
    order = 0
    for file in sorted(root.glob("*.toml")):
        if file.name == "pieces.toml":
            continue
        data = _read_toml(file)
        for kind, key in (("metric", "rule"), ("exclude", "exclude"), ("channel", "channel")):
            for entry in data.get(key, []):
                order += 1
                where = f"{file.name}: {key} {entry.get('id', '(no id)')}"
                try:
                    r = _entry(kind, entry, file.name, order, pieces, where)
                except PatternError:
                    raise
                except KeyError as e:
                    raise PatternError(f"{where}: the key {e.args[0]!r} is missing") from e
                except (TypeError, ValueError) as e:
                    raise PatternError(f"{where}: {e}") from e
                {"metric": rules, "exclude": excludes, "channel": channels}[kind].append(r)
    ids = [r.id for r in rules + excludes + channels]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise PatternError(f"{root}: duplicate rule ids: {sorted(dupes)}")
    rules.sort(key=lambda r: r.order)
    token = _compile(pieces["token"], pieces, "pieces.toml: token")
    trigger_any = regex.compile("|".join(f"(?:{r.trigger.pattern})" for r in rules))
    entity = {name[len("entity_"):]: _compile(frag, pieces, f"pieces.toml: entity {name}")
              for name, frag in base.get("entity", {}).items()}
    words = {name: _compile(frag, pieces, f"pieces.toml: words {name}") for name, frag in base.get("words", {}).items()}
    pct_cn = _compile(pieces["pct_cn"], pieces, "pieces.toml: pct_cn") if "pct_cn" in pieces else None
    rank_cn = _compile(pieces["rank_cn"], pieces, "pieces.toml: rank_cn") if "rank_cn" in pieces else None
    count_cn = _compile(pieces["count_cn"], pieces, "pieces.toml: count_cn") if "count_cn" in pieces else None
    placing_range = _compile(pieces["placing_range"], pieces, "pieces.toml: placing_range") if "placing_range" in pieces else None
    by_id = {r.id: r for r in rules}
    unit_metrics = {cls: by_id[rule_id] for cls, rule_id in base.get("unit_metrics", {}).items()}
    return Library(pieces, units, rules, excludes, channels, token, trigger_any, entity, words, pct_cn,
                   rank_cn, count_cn, placing_range, dict(base.get("category_synonyms", {})), unit_metrics, by_id)


def _read_toml(file: Path) -> dict:
    try:
        with open(file, "rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise PatternError(f"{file.name}: {e}") from e


# ---------------------------------------------------------------- examples

def _matches(fig: dict, ex: dict, rule: Rule) -> bool:
    if fig["pattern"] not in (rule.id, rule.id + "/after") and rule.kind == "metric":
        return False
    if fig["metric"] != ex.get("metric", rule.metric):
        return False
    if abs(fig["value"] - float(ex["value"])) > 1e-6 * max(1.0, abs(float(ex["value"]))):
        return False
    if "unit" in ex and fig["unit"] != ex["unit"]:
        return False
    if fig["category"] != ex.get("category"):
        return False
    if fig["entity"] != ex.get("entity"):
        return False
    if "approx" in ex and fig["approx"] != ex["approx"]:
        return False
    return True


def check_rule(rule: Rule, run) -> list[str]:
    """Runs one rule's examples through `run(text) -> figures`; returns the failures."""
    problems = []
    if not rule.examples:
        problems.append(f"{rule.id}: no positive example")
    if not rule.negatives:
        problems.append(f"{rule.id}: no negative example")
    if rule.kind == "metric":
        for ex in rule.examples:
            figs = run(ex["text"])
            if not any(_matches(f, ex, rule) for f in figs):
                got = [(f["pattern"], f["metric"], f["value"], f["unit"], f["category"], f["entity"]) for f in figs]
                problems.append(f"{rule.id}: example {ex} not produced; got {got}")
        for text in rule.negatives:
            figs = [f for f in run(text) if f["pattern"] == rule.id]
            if figs:
                problems.append(f"{rule.id}: negative {text!r} produced {[(f['metric'], f['value']) for f in figs]}")
    elif rule.kind == "exclude":
        for ex in rule.examples:
            m = rule.pattern.search(ex["text"])
            if not m:
                problems.append(f"{rule.id}: example {ex['text']!r} does not match")
            figs = run(ex["text"])
            if any(abs(f["value"] - float(ex["value"])) < 1e-9 for f in figs):
                problems.append(f"{rule.id}: {ex['text']!r} still yields a figure {ex['value']}")
        for text in rule.negatives:
            if rule.pattern.search(text):
                problems.append(f"{rule.id}: negative {text!r} matches")
    else:
        for ex in rule.examples:
            if not rule.pattern.search(ex["text"]):
                problems.append(f"{rule.id}: example {ex['text']!r} does not match")
        for text in rule.negatives:
            if rule.pattern.search(text):
                problems.append(f"{rule.id}: negative {text!r} matches")
    return problems
