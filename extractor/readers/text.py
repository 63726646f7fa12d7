"""Decoding plain-text circulars: whatever encoding the archive left them in.

Order: a BOM; UTF-16 recognised by its NUL bytes; strict UTF-8; the two legacy
double-byte encodings (GB18030 and Big5), which accept each other's bytes, so both are
tried and the one that reads as more common Chinese wins; charset-normalizer last.
"""
from __future__ import annotations

import codecs

from . import ReadError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Returns (text, encoding name). Raises `ReadError` for binary data."""
    for bom, name in BOMS:
        if data.startswith(bom):
            text = data.decode(name, errors="replace")
            return _checked(text), name.replace("-sig", "")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(data.decode(utf16, errors="replace")), utf16
    if b"\x00" in data[:65536]:
        raise ReadError("binary", "binary data, not text (NUL bytes in a file read as text)")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for name in ("gb18030", "big5"):
        try:
            candidates.append((han_commonness(data.decode(name)), name))
        except UnicodeDecodeError:
            continue
    if candidates:
        _, name = max(candidates)
        return _checked(data.decode(name)), name
    return _fallback(data)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII in UTF-16 puts NULs on one side; CJK text has few NULs, so also try a strict decode.
    for name, nuls in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
        if nuls > half * 0.3:
            return name
    if len(data) % 2 == 0 and even_nuls + odd_nuls > 0:
        for name in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if han_commonness(text) > 0.8:
                return name
    return None


def _fallback(data: bytes) -> tuple[str, str]:
    """charset-normalizer for the rare rest; a lossy UTF-8 read when even that has nothing."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000]).best()
    if best is not None and best.encoding:
        text, encoding = data.decode(best.encoding, errors="replace"), best.encoding
    else:
        text, encoding = data.decode("utf-8", errors="replace"), "utf-8"
    if not _plausible(text):
        raise ReadError("undecodable", "the bytes are not text in any known Chinese encoding")
    return _checked(text), encoding


def _plausible(text: str) -> bool:
    """Readable Chinese, or at least mostly printable ASCII (random bytes are neither)."""
    sample = text[:20_000]
    printable_ascii = sum(1 for ch in sample if " " <= ch <= "~" or ch in "\t\n\r")
    return han_commonness(sample) >= 0.6 or printable_ascii >= len(sample) * 0.9


def _checked(text: str) -> str:
    """Refuses decoded 'text' that is mostly control characters or replacement marks."""
    sample = text[:100_000]
    if not sample:
        return text
    bad = sum(1 for ch in sample if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f"))
    if bad > len(sample) * 0.2:
        raise ReadError("binary", "binary data, not text (most characters are control codes or undecodable)")
    return text.replace("\x00", "") if "\x00" in text else text  # stray NULs carry nothing


def _is_common_gb2312(ch: str) -> bool:
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xB0 <= b[0] <= 0xD7


_T2S = None


def han_commonness(text: str, sample: int = 20_000) -> float:
    """Share of Han characters (after t2s) among the 3,755 commonest of GB2312 (level 1).

    Real Chinese, simplified or traditional, scores above 0.9; Big5 bytes read as GB18030,
    or UTF-8 bytes read as GBK, score far below.
    """
    global _T2S
    if _T2S is None:
        import opencc

        _T2S = opencc.OpenCC("t2s")
    han = [ch for ch in _T2S.convert(text[:sample]) if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    return sum(map(_is_common_gb2312, han)) / len(han)
