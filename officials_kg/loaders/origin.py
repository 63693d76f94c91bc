"""Where a document's text came from, beyond its file: what a web page or a PDF says of
itself. The loaders read a document's date and home place from its text first; what the
text lacks, its origin may give (a page's publication date, a site of a county
government), and the document says which of the two each came from."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from officials_kg.lexicons import Place
from officials_kg.loaders.places import gazetteer

__all__ = ["Origin", "page_of"]

ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
SITE_WORDS = re.compile(r"(人民政府|政府|委员会|党委|日报|晚报|新闻网|网)")
"""What follows the place in a site's name (许昌市人民政府, 长葛市政府网): the place is what
comes first, read only from the name's start so that a paper named after its province
(河南日报) is not mistaken for a site of one of its towns."""


@dataclass(frozen=True)
class Origin:
    """A document's source. `kind`: text, html, pdf or warc. `url`: the page's own
    address (canonical, else fetched from). `pages`: for a PDF, the offset in the
    document's text at which each page starts."""

    kind: str = "text"
    url: str | None = None
    site: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date, as the page's metadata gives it
    captured: str | None = None  # a WARC record's date
    pages: tuple[int, ...] = ()

    def published_date(self) -> date | None:
        """The publication date, if the metadata gives a whole valid one."""
        m = ISO_DAY.match(self.published or "")
        if not m:
            return None
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None

    def place(self) -> Place | None:
        """The place a site's name opens with (许昌市人民政府 → 许昌市; 长葛市人民政府 → the
        county-level city 长葛市), if its name is one of a place's body or paper."""
        if not self.site or not SITE_WORDS.search(self.site):
            return None
        found = gazetteer().find(self.site)
        return found[0].place if found and found[0].start == 0 else None

    def page_of(self, offset: int) -> tuple[int, int]:
        """The page (from 1) holding text offset `offset`, and the offset within its text."""
        return page_of(self.pages, offset)


def page_of(pages: Sequence[int], offset: int) -> tuple[int, int]:
    """The page (from 1) whose text holds `offset` of the pages joined, given where each
    page starts, and the offset within the page's text; (0, offset) without pages."""
    if not pages:
        return 0, offset
    page = max(1, bisect_right(pages, offset))
    return page, offset - pages[page - 1]
