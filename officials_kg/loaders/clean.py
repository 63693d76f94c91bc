"""Cleaning PDF-extraction noise, as a pipeline of small deletion rules.

Each rule looks at a `MappedText` and returns the spans to delete; nothing is ever
rewritten, so the offset map stays exact (see mapped.py). The rules, in order:

1. page markers (`- 1 -`, `第 3 页`) go with their line;
2. banners: a short line repeated on many pages (a paper's name and date) goes, and so
   does a repeated short line that interrupts a sentence (a running head mid-column),
   each told from content repeated whole by the different lines around its copies;
3. repeats: a phrase printed over and over as decoration (`精打细算精打细算…`) keeps
   its first copy;
4. line breaks: a break inside a paragraph (`宣传部部\\n长`, `秘书\\n 长`) goes with the
   next line's page-start space, a paragraph break is kept as a single `\\n`;
5. spaces around digits and punctuation (`3 0 0 0 万元`), inside letter-spaced runs
   (`张 三 宝`) and at line edges (full-width indents) go; a space between two words of
   Chinese (`记者 李四`, a headline's `推动经济提速 优化营商环境`) and between Latin
   words stays.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import accumulate

from officials_kg.loaders.cues import ENUMERATED, TOC_LINE, opens
from officials_kg.loaders.mapped import MappedText
from officials_kg.loaders.normalise import normalise

Span = tuple[int, int]
Rule = Callable[[str], Iterator[Span]]

_PAGE_MARKER = re.compile(
    r"(?m)^[ \t\u3000]*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页)[ \t\u3000]*\n?"
)
_SPACES = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"  # layout's spaces, no line break
_SPACE_RUN = re.compile(f"[{_SPACES}]+")


def _without_spaces(text: str) -> str:
    """`_SPACE_RUN.sub("", text)`, a str.replace per space character the text holds: each
    is one scan in C, where the pattern is tried at every character."""
    for space in _SPACES:
        if space in text:
            text = text.replace(space, "")
    return text


_INDENT = re.compile(r"^(?:[ \u00a0]?[\u3000\t]|[ \u00a0\u3000\t]{2,})")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TIGHT = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef0-9%．.·“”‘’]")
# A line ends its paragraph at a full stop (quoted or not), a colon, or a credit.
_SENTENCE_END = re.compile(
    r"(?:[。！？!?；;：:…]|[。！？!?…][”’」』）)]+|(?:^|[。！？…”])\s*[（(][\u4e00-\u9fff·\s]{2,16}[）)])$"
)
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|「[^」]*」|《[^》]*》")
_CLAUSE_MARK = re.compile(r"[，,]")
_PUNCTUATED = re.compile(r"[，。、；！？,;!?]")
_PUNCTUATED_END = re.compile(r"[。！？!?；;]")
_PROSE = re.compile(r"[，。、；：！？,;:!?]")
_BULLET = re.compile(r"[●▲■◆★]")
_OPENING = re.compile(r"[（(《“‘「]")
_CLOSING = re.compile(r"[）)》”’」]")
_CREDIT = re.compile(r"^[（(].*[）)]$")
# Ornaments and every space but a line break (what `[^\S\n]` matches, written out: one
# class is searched for in one scan, an alternation is tried at each character)
_ORNAMENT = re.compile(
    "[●■◆▲□★☆◇○\t\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)
# A phrase of 4–24 characters printed twice or more, or of 2–3 printed three times or more.
# Either way the phrase's first two characters recur 2–24 characters on: the lookahead
# tests that alone, and the phrases (groups 2 and 3) are tried only where it holds — which
# halves the scan of a page, on most of which nothing repeats.
_REPEAT = re.compile(
    r"(?=([\u4e00-\u9fff]{2})[\u4e00-\u9fff]{0,22}?\1)"
    r"(?:([\u4e00-\u9fff]{4,24}?)\2+|([\u4e00-\u9fff]{2,3}?)\3{2,})"
)


def drop_page_markers(text: str) -> Iterator[Span]:
    for m in _PAGE_MARKER.finditer(text):
        yield m.start(), m.end()


# Every way of closing a paragraph ends on one of these: most lines are tested on that alone.
_CLOSERS = frozenset("。！？!?；;：:…”’」』）)录")


def _ends_sentence(line: str) -> bool:
    """The line closes its paragraph: a full stop, a credit, a contents entry."""
    line = line.rstrip()
    if line[-1:] not in _CLOSERS:
        return False
    return _SENTENCE_END.search(line) is not None or TOC_LINE.search(line) is not None


def _heading(line: str) -> bool:
    """A numbered section heading (`一、…`) without a full stop: a paragraph of its own."""
    return ENUMERATED.match(line) is not None and _PUNCTUATED_END.search(line) is None


def _open_clause(line: str) -> bool:
    """The line's last sentence has a comma outside quotes: the sentence goes on."""
    tail = re.split(r"[。！？!?]", line)[-1]
    return _CLAUSE_MARK.search(_QUOTED.sub("", tail)) is not None or line.endswith("、")


def drop_banners(text: str, min_repeats: int = 3, max_len: int = 30) -> Iterator[Span]:
    """Running heads and feet: a short line without clause punctuation that recurs between
    different lines — on `min_repeats` pages, or on two when it cuts a sentence in two (a
    running head that the column ran into).

    Repetition alone is no banner: a story or a page given twice repeats its headlines and
    its wrapped lines with the same lines around them, and those are content (a page given
    twice lost every short line, and with them its facts). A banner sits on pages of
    different content, so both the lines before its copies and the lines after them differ:
    the smaller of the two counts is how many pages it was seen on.

    Its first copy that cuts no sentence stays (a volume's first masthead): a running head
    can hold what the rest of the text says nowhere else, the paper's name and issue date
    that give the document its place and date."""
    keys = _ORNAMENT.sub("", text).split("\n")  # each line's key, in one pass over the page
    counts = Counter(key for key in keys if 2 <= len(key) <= max_len)
    if max(counts.values(), default=0) < 2:
        return  # no short line recurs (most pages): no banner, no need to walk the lines
    pages = _pages_seen(keys, {k for k, n in counts.items() if n >= 2 and _banner_form(k)})
    kept: set[str] = set()  # the banners whose one copy stays
    previous = ""
    start = 0
    for line, key in zip(text.split("\n"), keys, strict=True):
        end = start + len(line)
        n = pages.get(key, 0)
        cuts = n >= 2 and _open_clause(previous)
        banner = n >= min_repeats or cuts
        if banner and (cuts or key in kept):
            yield start, min(end + 1, len(text))
        else:
            if banner:
                kept.add(key)
            if key:
                previous = line
        start = end + 1


def _banner_form(key: str) -> bool:
    """A line that could be a running head: no clause or sentence punctuation (a paper's
    name, a date, a column's title), and not a credit (`（李兰）`)."""
    return _PUNCTUATED.search(key) is None and not _CREDIT.match(key)


def _pages_seen(keys: list[str], candidates: set[str]) -> dict[str, int]:
    """For each candidate line, on how many pages it was seen: the fewer of the different
    content lines before its copies and the different ones after them. (A running head of
    two lines has the same line beside each copy of either, and is kept: so is a headline
    wrapped in two, given on three pages, which nothing here tells from it.)"""
    content = [key for key in keys if key]
    before: dict[str, set[str]] = {}
    after: dict[str, set[str]] = {}
    for k, key in enumerate(content):
        if key in candidates:
            before.setdefault(key, set()).add(content[k - 1] if k else "")
            after.setdefault(key, set()).add(content[k + 1] if k + 1 < len(content) else "")
    return {key: min(len(before[key]), len(after[key])) for key in before}


def drop_repeats(text: str) -> Iterator[Span]:
    """Decorative text extracted as one phrase many times over keeps its first copy."""
    for m in _REPEAT.finditer(text):
        unit = m.group(2) or m.group(3)
        yield m.start() + len(unit), m.end()


_NARROW = re.compile("[\x00-\u1fff]")


def _width(bare: str) -> float:
    """The printed width of a line (without its spaces) in em: a Chinese character is one,
    Latin and digits half."""
    return len(bare) - 0.5 * len(_NARROW.findall(bare))


def _full_lines(widths: list[float], prose: list[int], window: int) -> list[bool]:
    """Which lines are about as wide as the nearest `window` prose lines before them or
    after them (columns change width from one story to the next), unlike a paragraph's
    short last line or a line among headlines. Very long lines are whole paragraphs on one
    line, and full. The widest prose line of each window is found once per window, and so
    is the bound of the lines between two prose lines (which share their neighbours)."""
    side = [widths[k] for k in prose]
    n = len(side)
    before = [max(side[max(0, at - window) : at]) if at else None for at in range(n + 1)]
    ahead = [max(side[at : at + window]) if at < n else None for at in range(n + 2)]
    bounds: list[float | None] = []  # of each line: the narrower of its two windows' widest
    for at, k in enumerate([*prose, len(widths)]):
        bounds += [_narrower(before[at], ahead[at])] * (k - len(bounds))
        if k < len(widths):  # a prose line: itself is no neighbour
            bounds.append(_narrower(before[at], ahead[at + 1]))
    pairs = zip(widths, bounds, strict=True)
    return [w > 40 or (b is not None and w >= 0.75 * b) for w, b in pairs]


def _narrower(a: float | None, b: float | None) -> float | None:
    return a if b is None else b if a is None else min(a, b)


class _Column:
    """The content lines of a text with what the join rule asks of them, each read once
    (whether a line starts afresh only when the line before does not end its sentence)."""

    def __init__(self, text: str, window: int) -> None:
        lines = text.split("\n")
        starts = list(accumulate([len(line) + 1 for line in lines], initial=0))
        content = [k for k, line in enumerate(lines) if line.strip()]
        self.starts = [starts[k] for k in content]
        self.texts = [lines[k] for k in content]
        # each line without its spaces (read by width and cues), deleted from the whole page
        # at once: no space is a line break, so the page's lines stay in step
        bare_lines = _without_spaces(text).split("\n")
        self.compact = [bare_lines[k] for k in content]
        self.widths = [_width(bare) for bare in self.compact]
        # the column's width is read off prose lines: headlines are set to their own width
        self.punctuated = [_PUNCTUATED.search(line) is not None for line in self.texts]
        self.prose = [k for k, p in enumerate(self.punctuated) if p]
        self.full = _full_lines(self.widths, self.prose, window)
        self.ends = [_ends_sentence(line) for line in self.texts]

    def afresh(self, k: int) -> bool:
        """The line starts afresh whatever came before: indented, a story, a byline."""
        return _INDENT.match(self.texts[k]) is not None or opens(self.compact[k])

    def reads_on(self, k: int, lookahead: int) -> bool:
        """Prose punctuation comes before the column runs short or a sentence ends."""
        for x in range(k, min(len(self.texts), k + lookahead)):
            if self.punctuated[x]:
                return True
            if not self.full[x] or self.ends[x]:
                return False
        return False

    def blank_gap(self, k: int, text: str) -> bool:
        end = self.starts[k] + len(self.texts[k])
        return "\n\n" in text[end : self.starts[k + 1]].replace(" ", "")


def join_wrapped_lines(text: str, window: int = 3, lookahead: int = 20) -> Iterator[Span]:
    """Delete line breaks that a PDF put inside a paragraph; keep one `\\n` per paragraph break.

    A break is a wrap when the line before it does not end a sentence, the text after it
    reads on as prose (punctuation comes before the column runs short: the lines of a
    headline block fill a narrow column too, but never reach a comma), and the paragraph
    so far is visibly unfinished: a bracket or quote left open, a trailing comma, or a
    full line. Where blank lines are rare they separate paragraphs: lines set solid are
    one paragraph when the first is full, and a full line before a blank one must also
    belong to a paragraph with punctuation (a subhead has none). An indented line, a new
    story, a byline, a subtitle and a colophon field always start afresh; so does the
    line after a numbered heading (`一、…`). In a bulleted list, a line without a bullet
    between two items is the rest of the item above.
    """
    col = _Column(text, window)
    gaps = [col.blank_gap(k, text) for k in range(len(col.texts) - 1)]
    blank_breaks = 0 < sum(gaps) < 0.5 * len(gaps)
    depth, prose, first = 0, False, True  # of the paragraph so far
    bullet = ""  # the marker that opened the paragraph, if it is a list item
    for k, gap in enumerate(gaps):
        prev, nxt = col.texts[k].rstrip(), col.texts[k + 1]
        if first:
            bullet = prev.lstrip()[:1] if _BULLET.match(prev.lstrip()) else ""
        depth += len(_OPENING.findall(prev)) - len(_CLOSING.findall(prev))
        prose = prose or _PROSE.search(prev) is not None
        trailing = prev.endswith(("，", "、", ","))
        heading = first and _heading(prev)
        closed = col.ends[k] or col.afresh(k + 1)
        after = col.texts[k + 2].lstrip() if k + 2 < len(col.texts) else ""
        if bullet and after.startswith(bullet):  # a list item's remnant, before the next item
            wrap = not closed
        elif blank_breaks and not gap:  # lines set solid in a text that spaces its paragraphs
            wrap = not closed and not heading and (col.full[k] or depth > 0 or trailing)
        else:
            unfinished = (
                depth > 0
                or trailing
                or (col.full[k] and (prose or not blank_breaks) and not heading)
            )
            wrap = not closed and unfinished and col.reads_on(k + 1, lookahead)
        gap_start = col.starts[k] + len(prev)
        if wrap:
            yield gap_start, col.starts[k + 1] + len(nxt) - len(nxt.lstrip())
            first = False
            continue
        depth, prose, first = 0, False, True
        # keep exactly the first newline of the gap
        newline = text.index("\n", gap_start)
        if newline > gap_start:
            yield gap_start, newline
        if col.starts[k + 1] > newline + 1:
            yield newline + 1, col.starts[k + 1]


# The runs of up to 8 non-space characters either side of a space.
_TOKEN_BEFORE = re.compile(r"\S{0,8}\Z")
_TOKEN_AFTER = re.compile(r"\S{0,8}")


def _letter_spaced(text: str, start: int, end: int) -> bool:
    """A space next to a lone character is letter-spacing (`张 三 宝`), not a word gap.
    The character before the space (or after it) standing alone, as in every letter-spaced
    headline, says so without reading the words around."""
    if start < 2 or text[start - 2].isspace() or end + 1 >= len(text) or text[end + 1].isspace():
        return True
    before = _TOKEN_BEFORE.search(text, max(0, start - 8), start)
    after = _TOKEN_AFTER.match(text, end)
    assert before and after  # both match the empty string
    left, right = before.group(), after.group()
    return min(len(_IDEOGRAPH.findall(left)), len(_IDEOGRAPH.findall(right))) <= 1


def _is_ideograph(char: str) -> bool:
    """`_IDEOGRAPH` for one character, by comparison (a regex call costs more: every space
    run of a page asks it of both its neighbours)."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def drop_spaces(text: str) -> Iterator[Span]:
    """Spaces that are layout: indents, letter-spacing, gaps around digits and punctuation."""
    for m in _SPACE_RUN.finditer(text):
        start, end = m.start(), m.end()
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else "\n"
        if before == "\n" or after == "\n":
            yield start, end
        elif _is_ideograph(before) and _is_ideograph(after):
            if _letter_spaced(text, start, end):
                yield start, end
        elif _TIGHT.match(before) or _TIGHT.match(after):
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
    drop_repeats,
    join_wrapped_lines,
    drop_spaces,
    drop_outer_breaks,
)


def clean(original: str, rules: tuple[Rule, ...] = RULES) -> MappedText:
    """Apply the rules in order; the result maps back to `original` character by character."""
    mapped = normalise(MappedText.identity(original))
    for rule in rules:
        mapped = mapped.delete(rule(mapped.text))
    return mapped
