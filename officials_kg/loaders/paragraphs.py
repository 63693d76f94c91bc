"""A clean page's paragraphs, each with its role on the page (a headline line, a story's
first words, a byline, a credit, a contents entry…) told by its words and its length, and
the layout cleaning deleted before it (an indent, a page break): what the article
splitter (loaders/articles.py) reads them by."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from officials_kg.loaders.cues import (
    ALONE_DATELINE,
    BYLINE,
    COLOPHON,
    CREDIT_LINE,
    ENUMERATED,
    MASTHEAD,
    START,
    SUBTITLE,
    TOC_LINE,
)
from officials_kg.loaders.mapped import MappedText

HEADLINE_MAX = 50
PARAGRAPH = re.compile(r"[^\n]+")  # a paragraph is a line of the clean text
FULL_STOP = re.compile(r"[。！？；]")


class Role(StrEnum):
    """What a paragraph is on its page, by its words and its length (`Paragraph.role`)."""

    TOC = "toc"  # a contents entry
    COLOPHON = "colophon"  # a field of the masthead or back page (编辑：…)
    DATELINE = "dateline"  # a wire story's dateline standing alone, closing it
    START = "start"  # a story's first words (本报讯, 新华社…电)
    CREDIT = "credit"  # (赵小涛), a photo's credit: closes a story
    BYLINE = "byline"
    MASTHEAD = "masthead"  # the issue line (2023年12月18日出版)
    SUBTITLE = "subtitle"  # a headline's dash-led subtitle, a speech's date line
    HEAD = "head"  # a headline line
    BODY = "body"


@dataclass(frozen=True)
class Layout:
    """What cleaning deleted in front of each paragraph, which the splitter still needs:
    an indent (subheads are indented like body text, headlines are not) and a page break
    (the extractor starts each page with a single space, or a form feed)."""

    indented: frozenset[int] = frozenset()
    page_starts: frozenset[int] = frozenset()

    @classmethod
    def of(cls, mapped: MappedText, original: str) -> Layout:
        indented, page_starts = set(), set()
        for m in PARAGRAPH.finditer(mapped.text):
            at = mapped.offsets[m.start()]
            line_start = original.rfind("\n", 0, at) + 1
            prefix = original[line_start:at]
            if "\f" in prefix or (prefix.startswith(" ") and not prefix.startswith("  ")):
                page_starts.add(m.start())
                prefix = prefix.replace("\f", "")[1:]
            if "\u3000" in prefix or "\t" in prefix or len(prefix) >= 2:
                indented.add(m.start())
        return cls(frozenset(indented), frozenset(page_starts))


@dataclass
class Paragraph:
    start: int  # clean offsets
    end: int
    text: str
    indented: bool = False
    page_start: bool = False
    role: Role = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.role = self._role()  # asked by the splitter's passes again and again

    @property
    def is_headline(self) -> bool:
        """Short and without a full stop: a headline line, unless layout says subhead."""
        return (
            0 < len(self.text.replace(" ", "")) <= HEADLINE_MAX
            and not FULL_STOP.search(self.text)
            and not self.indented
            and ENUMERATED.match(self.text) is None
        )

    def _role(self) -> Role:
        text = self.text.strip()
        compact = text.replace(" ", "")
        if ("…" in text or text.startswith("目")) and TOC_LINE.search(text):
            return Role.TOC  # (the search scans a whole paragraph: asked only where it can hold)
        # each pattern is asked only where a character it needs is there (a field's colon, a
        # dateline's or a wire lead's 电, a credit's bracket or 摄): most paragraphs have none
        colon = "：" in compact or ":" in compact
        if colon and COLOPHON.match(compact):
            return Role.COLOPHON
        if compact.endswith("电") and ALONE_DATELINE.match(compact):
            return Role.DATELINE
        if (compact[:1] in "（(上本新据" or "电" in compact[:18]) and START.match(compact):
            return Role.START
        if (text[:1] in "（(" or text.endswith("摄")) and CREDIT_LINE.match(text):
            return Role.CREDIT
        if len(compact) <= 40 and BYLINE.match(text):
            return Role.BYLINE
        if not self.is_headline:
            return Role.BODY
        if MASTHEAD.match(compact):
            return Role.MASTHEAD
        return Role.SUBTITLE if SUBTITLE.match(compact) else Role.HEAD


def paragraphs(text: str, layout: Layout = Layout()) -> list[Paragraph]:
    return [
        Paragraph(
            m.start(),
            m.end(),
            m.group(),
            m.start() in layout.indented,
            m.start() in layout.page_starts,
        )
        for m in PARAGRAPH.finditer(text)
    ]
