"""Shared paths (tests read only the project's own corpus/ and tests/fixtures/), and the
timing rule of the backtracking guards."""
import time
from pathlib import Path

import pytest
import regex

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FORMATS = CORPUS / "formats"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def founding(prefix: str) -> Path:
    """A founding circular by its number, e.g. founding("000")."""
    return next(CORPUS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


# A plain bounded scan, the shape of a rule's gap: the backtracking guards compare a slow pattern
# with it, timed at the same moment over the same text, so a loaded machine does not fail them.
BOUNDED_SCAN = regex.compile(r"(?:[^，,。；;：:、!！?？%()]){0,20}\Z")


def scan_seconds(p, text: str) -> float:
    """Seconds for every match of `p` in `text`, a search of its head and a full match of it."""
    t = time.perf_counter()
    for _ in p.finditer(text):
        pass
    p.search(text[:3000])
    p.fullmatch(text[:3000])   # (the gaps are anchored with \Z: a long non-matching gap)
    return time.perf_counter() - t


def backtracks(p, text: str, bound: float = 2.0) -> bool:
    """Over `bound` seconds and over 40 bounded scans of the same text: catastrophic, not load."""
    took = scan_seconds(p, text)
    return took > bound and took > 40 * scan_seconds(BOUNDED_SCAN, text)
