"""Cleaning PDF-extraction noise, as a pipeline of small deletion rules.

Each rule looks at a `MappedText` and returns the spans to delete; nothing is ever
rewritten, so the offset map stays exact (see mapped.py). The rules, in order:

1. page markers (`- 1 -`, `第 3 页`) go with their line;
2. banners: a short line repeated on many pages (a paper's name and date) goes;
3. line breaks: a break inside a paragraph (`宣传部部\\n长`) goes, a paragraph break is
   kept as a single `\\n`;
4. spaces between Chinese characters or digits (`刘 文 勤`, `3 0 0 0 万元`, full-width
   indents) go; spaces between Latin words stay.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from loaders.mapped import MappedText

Span = tuple[int, int]
Rule = Callable[[str], Iterator[Span]]

_PAGE_MARKER = re.compile(
    r"(?m)^[ \t\u3000]*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页)[ \t\u3000]*\n?"
)
_LINE = re.compile(r"(?m)^.*$")
_SPACE = "[ \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff]"
_SPACE_RUN = re.compile(f"{_SPACE}+")
_BREAK = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\r]*\n\s*")
_INDENT = re.compile(r"^(?:\u3000|[ \u00a0]{2,}|\t)")
_CLAUSE = re.compile(r"[，、,](?!.*[。！？])")
_TERMINAL = set("。！？!?；;：:”’」』）)…—")
_TIGHT = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef0-9%．.·]")


def drop_page_markers(text: str) -> Iterator[Span]:
    for m in _PAGE_MARKER.finditer(text):
        yield m.start(), m.end()


def drop_banners(text: str, min_repeats: int = 3, max_len: int = 30) -> Iterator[Span]:
    """Short lines that recur on many pages are running heads, not content."""
    lines = [(m.start(), m.end(), m.group().strip()) for m in _LINE.finditer(text)]
    counts = Counter(s for _, _, s in lines if 2 <= len(s) <= max_len)
    repeated = {s for s, n in counts.items() if n >= min_repeats}
    for start, end, stripped in lines:
        if stripped in repeated:
            yield start, min(end + 1, len(text))


def _visible_len(line: str) -> int:
    return len(_SPACE_RUN.sub("", line))


def join_wrapped_lines(text: str, window: int = 3) -> Iterator[Span]:
    """Delete line breaks that a PDF put inside a paragraph; keep one `\\n` per paragraph break.

    A break is a wrap when the line before it is about as long as its neighbours (the
    column was full) and does not end a sentence, and the next line is not indented.
    """
    lines = [m for m in _LINE.finditer(text)]
    lengths = [_visible_len(m.group()) for m in lines]
    content = [i for i, n in enumerate(lengths) if n > 0]
    for k in range(len(content) - 1):
        i, j = content[k], content[k + 1]
        prev, nxt = lines[i].group().rstrip(), lines[j].group()
        gap_start = lines[i].start() + len(prev)
        gap_end = lines[j].start()
        neighbours = [
            lengths[content[x]]
            for x in range(max(0, k - window), min(len(content), k + window + 1))
        ]
        full = lengths[i] >= 0.75 * max(neighbours)
        # headlines rarely hold a comma or leave a bracket open
        mid_sentence = _CLAUSE.search(prev) is not None or prev.count("（") > prev.count("）")
        paragraph = (
            _INDENT.match(nxt) is not None or prev[-1:] in _TERMINAL or not (full or mid_sentence)
        )
        if paragraph:
            # keep exactly the first newline of the gap
            newline = text.index("\n", gap_start)
            if newline > gap_start:
                yield gap_start, newline
            if gap_end > newline + 1:
                yield newline + 1, gap_end
        else:
            yield gap_start, gap_end


def drop_spaces(text: str) -> Iterator[Span]:
    """Spaces inside Chinese text are layout (letter-spacing, indents), never content."""
    for m in _SPACE_RUN.finditer(text):
        start, end = m.start(), m.end()
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else "\n"
        at_edge = before == "\n" or after == "\n"
        if at_edge or _TIGHT.match(before) or _TIGHT.match(after):
            yield start, end


def drop_outer_breaks(text: str) -> Iterator[Span]:
    lead = len(text) - len(text.lstrip())
    if lead:
        yield 0, lead
    trail = len(text.rstrip())
    if trail < len(text):
        yield trail, len(text)


RULES: tuple[Rule, ...] = (
    drop_page_markers,
    drop_banners,
    join_wrapped_lines,
    drop_spaces,
    drop_outer_breaks,
)


def clean(original: str, rules: tuple[Rule, ...] = RULES) -> MappedText:
    """Apply the rules in order; the result maps back to `original` character by character."""
    mapped = MappedText.identity(original)
    for rule in rules:
        mapped = mapped.delete(rule(mapped.text))
    return mapped
