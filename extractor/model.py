"""The `Document` that carries one circular through the stages.

A reader fills `raw` (the decoded text as the file had it) and the structured tables it
could see; the normaliser adds `text` and the `OffsetMap` back to `raw`; the segmenter
adds `blocks`. Later stages read only this object, never the file again.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fix:
    """One normalisation step that changed the text, and in how many places."""

    fix: str
    count: int


class OffsetMap:
    """Maps offsets in a rewritten text back to the text it was rewritten from.

    Stored sparsely as pieces `(new_start, old_start, new_len, old_len)`: a piece with equal
    lengths is copied character for character, any other piece is a replacement whose
    characters all point at the start of what they replaced. Maps compose by chaining, so
    a 200-kB circular with a few hundred fixes costs a few hundred tuples, not a list of ints.
    """

    __slots__ = ("_new_starts", "_old_starts", "_pieces", "new_len", "old_len")

    def __init__(self, pieces: list[tuple[int, int, int, int]], new_len: int, old_len: int):
        self._pieces = pieces
        self._new_starts = [p[0] for p in pieces]
        self._old_starts = [p[1] for p in pieces]
        self.new_len = new_len
        self.old_len = old_len

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        return cls([(0, 0, length, length)] if length else [], length, length)

    def to_old(self, pos: int) -> int:
        """The offset in the older text that `pos` (0 ≤ pos ≤ new_len) came from."""
        if pos >= self.new_len:
            return self.old_len
        i = bisect.bisect_right(self._new_starts, pos) - 1
        new_start, old_start, new_len, old_len = self._pieces[i]
        if new_len == old_len:
            return old_start + (pos - new_start)
        return old_start

    def to_new(self, pos: int) -> int:
        """The offset in the rewritten text where old offset `pos` ended up."""
        if pos >= self.old_len:
            return self.new_len
        i = bisect.bisect_right(self._old_starts, pos) - 1
        if i < 0:
            return 0
        new_start, old_start, new_len, old_len = self._pieces[i]
        if new_len == old_len:
            return new_start + (pos - old_start)
        return new_start


class OffsetBuilder:
    """Builds a new text and its `OffsetMap` from copied and replaced spans of an old one."""

    def __init__(self, old: str):
        self.old = old
        self._parts: list[str] = []
        self._pieces: list[tuple[int, int, int, int]] = []
        self._new_len = 0
        self._cursor = 0
        self.count = 0

    def replace(self, old_start: int, old_end: int, new: str) -> None:
        """Copies the old text up to `old_start`, then writes `new` in place of old[old_start:old_end]."""
        self._copy_to(old_start)
        if new or old_end > old_start:
            self._parts.append(new)
            self._pieces.append((self._new_len, old_start, len(new), old_end - old_start))
            self._new_len += len(new)
            self.count += 1
        self._cursor = old_end

    def _copy_to(self, old_pos: int) -> None:
        if old_pos > self._cursor:
            n = old_pos - self._cursor
            self._parts.append(self.old[self._cursor:old_pos])
            self._pieces.append((self._new_len, self._cursor, n, n))
            self._new_len += n
            self._cursor = old_pos

    def finish(self) -> tuple[str, OffsetMap]:
        self._copy_to(len(self.old))
        return "".join(self._parts), OffsetMap(self._pieces, self._new_len, len(self.old))


@dataclass
class Block:
    """A span of the normalised text: `heading`, `paragraph`, `table`, `annex`, `signature`, `title`,
    `link` (a web page's headline and date of another article)."""

    kind: str
    start: int
    end: int
    level: int = 0


@dataclass
class SourceTable:
    """A table the reader saw as structure (html, docx, pdf): rows of cell strings.

    `start`/`end` locate the table's rendering in the raw text, so that the normalised
    text and the structure agree. Merged cells are already expanded (the text repeated).
    """

    rows: list[list[str]]
    start: int = 0
    end: int = 0
    header_rows: int = 1


@dataclass
class Document:
    source_path: str
    source_format: str
    doc_id: str
    raw: str
    encoding: str | None = None
    source_tables: list[SourceTable] = field(default_factory=list)
    text: str = ""
    script: str = "hans"
    fixes: list[Fix] = field(default_factory=list)
    maps: list[OffsetMap] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)  # filled by the metadata stage, read by later ones
    title_at: int | None = None   # where in `raw` the page's own title stands (a web page's <title>)

    def to_raw(self, pos: int) -> int:
        """Offset in `raw` of the character at `pos` in the normalised `text`."""
        for m in reversed(self.maps):
            pos = m.to_old(pos)
        return pos

    def to_text(self, raw_pos: int) -> int:
        """Offset in the normalised `text` of the character at `raw_pos` in `raw`."""
        for m in self.maps:
            raw_pos = m.to_new(raw_pos)
        return raw_pos

    def block_text(self, block: Block) -> str:
        return self.text[block.start:block.end]
