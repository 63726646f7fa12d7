"""Metadata stage: issuer, dates, reporting period, region."""
from __future__ import annotations

from .model import Document


def extract_metadata(doc: Document) -> dict:
    return {}
