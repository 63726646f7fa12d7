"""Every compiled pattern of the library, found by walking `load_library()` (so a new kind of
entry or field is covered without touching this test), against long adversarial inputs made
from the library's own examples: none may backtrack catastrophically.

tests/test_patterns.py times a hand-picked list of the library's fields on fixed inputs; this
one adds what that list misses (e.g. rules' `after`) and inputs built from every example.
"""
from __future__ import annotations

import dataclasses

import pytest
import regex

from extractor.patterns import load_library

from conftest import backtracks

LIB = load_library()
LENGTH = 60_000
BOUND = 2.0  # seconds for one pattern over one input


def compiled_patterns(lib) -> dict[str, regex.Pattern]:
    found: dict[str, regex.Pattern] = {}

    def visit(name: str, value) -> None:
        if isinstance(value, regex.Pattern):
            found[name] = value
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                visit(f"{name}.{f.name}", getattr(value, f.name))
        elif isinstance(value, dict):
            for k, v in value.items():
                visit(f"{name}[{k}]", v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                visit(f"{name}[{getattr(v, 'id', '?')}]", v)

    for f in dataclasses.fields(lib):
        visit(f.name, getattr(lib, f.name))
    return found


PATTERNS = compiled_patterns(LIB)


def _example_texts() -> list[str]:
    texts = []
    for r in LIB.all_entries:
        texts += [e["text"] for e in r.examples] + list(r.negatives)
    return texts


def _digits_out(s: str) -> str:
    return regex.sub(r"\d", "", s)


def adversarial_inputs() -> dict[str, str]:
    examples = _example_texts()
    glued = "".join(examples)
    han = "".join(sorted({ch for ch in glued if "\u4e00" <= ch <= "\u9fff"}))
    inputs = {
        "examples glued": glued,
        "examples without numbers": _digits_out(glued),  # keywords and gaps, never a number to end them
        "examples without punctuation": regex.sub(r"[\p{P}\s]", "", glued),
        "keyword characters": han,
        "digits and dots": "1." * LENGTH,
        "digits and commas": "1,0" * LENGTH,
        "digits and percent signs": "9%" * LENGTH,
        "one long number": "9" * LENGTH,
        "enumeration marks": "、1" * LENGTH,
        "open brackets": "（（(" * LENGTH,
        "spaces between keywords": " 受理 办结 " * LENGTH,
    }
    return {k: (v * (LENGTH // max(1, len(v)) + 1))[:LENGTH] for k, v in inputs.items()}


INPUTS = adversarial_inputs()


def test_the_walk_finds_every_kind_of_pattern():
    names = " ".join(PATTERNS)
    for field in ("token", "trigger_any", "entity[", "words[", ".trigger", ".gap", ".pattern"):
        assert field in names, field
    assert len(PATTERNS) >= len(LIB.rules) * 2 + len(LIB.excludes) + len(LIB.channels)
    if any(r.after is not None for r in LIB.rules):
        assert ".after" in names


@pytest.mark.parametrize("kind", sorted(INPUTS))
def test_no_pattern_backtracks_on_adversarial_text(kind):
    text = INPUTS[kind]
    slow = {}
    for name, p in PATTERNS.items():
        if backtracks(p, text, BOUND):
            slow[name] = True
    assert not slow, f"{kind}: {sorted(slow)}"
