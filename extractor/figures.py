"""Figures stage: headline figures in running text (pattern library in `patterns/`)."""
from __future__ import annotations

from .model import Document


def extract_figures(doc: Document) -> list[dict]:
    return []
