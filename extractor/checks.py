"""Check stage: totals against rows, headline against annex, rates against counts."""
from __future__ import annotations

from .model import Document


def run_checks(doc: Document, figures: list[dict], tables: list[dict], cells: list[dict]) -> list[dict]:
    return []
