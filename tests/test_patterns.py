"""The pattern library: every example of every rule, the library's shape, and speed on
adversarial input (no catastrophic backtracking)."""
from __future__ import annotations

import shutil
import time

import pytest
import regex
from click.testing import CliRunner

from extractor.cli import main
from extractor.figures import extract_text
from extractor.patterns import check_rule, expand, load_library, patterns_dir

from conftest import CORPUS, backtracks

LIB = load_library()
ENTRIES = LIB.all_entries


def test_library_has_rules_of_every_kind():
    assert len(LIB.rules) >= 20
    assert LIB.excludes and LIB.channels
    metrics = {r.metric for r in LIB.rules}
    for m in ("volume", "calls", "completed", "pending", "overdue", "reopened", "category_count",
              "submitted", "adopted", "praised", "completion_rate", "satisfaction_rate", "response_rate",
              "connection_rate", "resolution_rate", "direct_resolution_rate", "category_share",
              "adoption_rate", "rectification_rate", "change_rate", "share", "score", "rank"):
        assert m in metrics, m


@pytest.mark.parametrize("rule", ENTRIES, ids=[r.id for r in ENTRIES])
def test_rule_has_positive_and_negative_examples(rule):
    assert len(rule.examples) >= 1
    assert len(rule.negatives) >= 1


@pytest.mark.parametrize("rule", ENTRIES, ids=[r.id for r in ENTRIES])
def test_rule_examples(rule):
    assert check_rule(rule, extract_text) == []


def test_check_rule_catches_a_wrong_example():
    rule = next(r for r in LIB.rules if r.id == "rate.completion")
    bad = type(rule)(**{**rule.__dict__, "examples": [{"text": "办结率为64.3%", "value": 99}]})
    assert check_rule(bad, extract_text)
    silent = type(rule)(**{**rule.__dict__, "negatives": ["办结率为64.3%"]})
    assert check_rule(silent, extract_text)


def test_unknown_piece_is_an_error():
    with pytest.raises(KeyError):
        expand("{no_such_piece}", LIB.pieces)
    assert "(?:" in expand("{num}", LIB.pieces)


def test_new_phrasing_needs_no_python(tmp_path, monkeypatch):
    """A copy of the library with one more rule file is picked up via EXTRACTOR_PATTERNS."""
    shutil.copytree(patterns_dir(), tmp_path / "p")
    (tmp_path / "p" / "extra.toml").write_text(
        "[[rule]]\n"
        'id = "volume.home_visits"\nmetric = "volume"\n'
        "trigger = '上门服务'\ngap = '{gap}'\nunits = [\"count\", \"calls\"]\n"
        'examples = [{ text = "全月上门服务群众321人次", value = 321 }]\n'
        'negatives = ["上门服务群众"]\n', encoding="utf-8")
    monkeypatch.setenv("EXTRACTOR_PATTERNS", str(tmp_path / "p"))
    lib = load_library()
    assert any(r.id == "volume.home_visits" for r in lib.rules)
    figs = extract_text("全月上门服务群众321人次")
    assert [(f["pattern"], f["value"]) for f in figs] == [("volume.home_visits", 321.0)]
    monkeypatch.delenv("EXTRACTOR_PATTERNS")
    assert not any(f["pattern"] == "volume.home_visits" for f in extract_text("全月上门服务群众321人次"))


def test_duplicate_rule_ids_are_refused(tmp_path):
    shutil.copytree(patterns_dir(), tmp_path / "p")
    src = (tmp_path / "p" / "counts.toml").read_text(encoding="utf-8")
    (tmp_path / "p" / "zz.toml").write_text(src, encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate"):
        load_library(tmp_path / "p")


@pytest.mark.parametrize("extra, message", [
    ("[[rule]]\nid = 'volume.broken'\nmetric = 'volume'\ntrigger = '(受理'\n", "extra.toml: rule volume.broken: missing )"),
    ("[[rule]]\nid = 'volume.no_trigger'\nmetric = 'volume'\n", "extra.toml: rule volume.no_trigger: the key 'trigger'"),
    ("[[exclude]]\nid = 'x.no_group'\npattern = '电话'\n", "extra.toml: exclude x.no_group: pattern needs"),
    ("[[rule]]\nid = 'volume.piece'\nmetric = 'volume'\ntrigger = '{no_such}'\n", "unknown piece {no_such}"),
    ("[[rule]\n", "extra.toml: "),
])
def test_a_broken_pattern_file_stops_the_cli_once_naming_the_entry(tmp_path, monkeypatch, extra, message):
    shutil.copytree(patterns_dir(), tmp_path / "p")
    (tmp_path / "p" / "extra.toml").write_text(extra, encoding="utf-8")
    monkeypatch.setenv("EXTRACTOR_PATTERNS", str(tmp_path / "p"))
    result = CliRunner().invoke(main, ["extract", str(CORPUS / "d001.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert message in result.output and result.output.count("pattern library:") == 1
    assert "Traceback" not in result.output and not (tmp_path / "out" / "figures").exists()


ADVERSARIAL = [
    "1" * 100_000,
    "1、" * 50_000,
    "1,2" * 33_000,
    "办" * 100_000,
    "局" * 100_000,
    ("红寺堡镇45件、" * 8000)[:100_000],
    ("受理" + "诉" * 13) * 6000,
    ("占比" + "1.1." * 10) * 5000,
    ("类" * 7 + "1") * 12_000,
    "街道、" * 33_000,
    "(如" * 50_000,
    "1-" * 50_000,
    ("1" * 999 + "%以上的") * 100,
    ("9" * 2000 + "〕") * 50,
]


@pytest.mark.parametrize("i", range(len(ADVERSARIAL)))
def test_every_pattern_is_fast_on_adversarial_text(i):
    text = ADVERSARIAL[i]
    compiled = [LIB.token, LIB.trigger_any, *LIB.entity.values(), *LIB.words.values()]
    compiled += [r.trigger for r in LIB.rules] + [r.gap for r in LIB.rules] + [r.pattern for r in LIB.excludes + LIB.channels]
    for p in compiled:
        assert not backtracks(p, text), p.pattern[:80]


@pytest.mark.parametrize("i", range(len(ADVERSARIAL)))
def test_figures_stage_is_fast_on_adversarial_text(i):
    t = time.perf_counter()
    extract_text(ADVERSARIAL[i][:30_000])
    assert time.perf_counter() - t < 10.0
