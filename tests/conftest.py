"""Shared paths: tests read only the project's own corpus/ and tests/fixtures/."""
from pathlib import Path

import pytest

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
