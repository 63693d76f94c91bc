"""Text that remembers where each character came from.

Cleaning only ever *deletes* characters of the original (line breaks inside words,
spaces inside letter-spaced names, page markers, banners), so the clean text is a
subsequence of the original and `offsets[i]` is the exact original index of clean
character i. Every fact can then cite the original file's span.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass

_COUNTING_MAX = 1 << 20
_counting = array("q")  # 0, 1, 2…: its prefixes are copied rather than counted out anew


def _identity_offsets(n: int) -> array:
    """array('q', range(n)), sliced from a kept one up to `_COUNTING_MAX` (8 MiB): counting
    out each page's offsets one by one cost a percent of the extraction."""
    if n > _COUNTING_MAX:
        return array("q", range(n))
    if len(_counting) < n:
        _counting.extend(range(len(_counting), n))
    return _counting[:n]


@dataclass(frozen=True)
class MappedText:
    text: str
    offsets: array  # array('q'): original index of each character of `text`
    substituted: bool = False  # some character stands for another of the original (，for ,)

    @classmethod
    def identity(cls, text: str) -> MappedText:
        return cls(text, _identity_offsets(len(text)))

    def delete(self, spans: Iterable[tuple[int, int]]) -> MappedText:
        """A new text without the given [start, end) spans of this one."""
        text, old = self.text, self.offsets
        parts: list[str] = []
        offsets = array("q")
        pos = 0
        for start, end in sorted(spans):
            if start < pos:
                start = pos  # overlaps the span before
            if start >= end:
                continue
            parts.append(text[pos:start])
            offsets += old[pos:start]
            pos = end
        if pos == 0 and not parts:
            return self
        parts.append(text[pos:])
        offsets += old[pos:]
        return MappedText("".join(parts), offsets, self.substituted)

    def substitute(self, text: str) -> MappedText:
        """The same characters' places under another text of the same length (a character
        replaced by another: `,` by `，`, 會 by 会)."""
        if len(text) != len(self.text):
            raise ValueError("a substitution keeps the text's length")
        return self if text == self.text else MappedText(text, self.offsets, substituted=True)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) covering clean characters [start, end)."""
        if end <= start:
            at = self.offsets[start] if start < len(self.offsets) else self.end_offset()
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1

    def end_offset(self) -> int:
        return self.offsets[-1] + 1 if len(self.offsets) else 0
