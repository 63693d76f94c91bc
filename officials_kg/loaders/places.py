"""The gazetteer: finding provinces, cities and counties in text (from lexicons/places.tsv,
plus lexicons/places_renamed.tsv for divisions renamed since that table was built)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import NamedTuple

import ahocorasick_rs

from officials_kg.lexicons import Place, places


class PlaceMention(NamedTuple):
    """A place named in a text (a tuple: pages name thousands, and these are cheap)."""

    start: int
    end: int
    place: Place


class Gazetteer:
    """Full names (许昌市) always count; short names (许昌) only for provinces and cities,
    whose short forms are distinctive enough to be read as places in running text."""

    def __init__(self) -> None:
        self.by_form: dict[str, Place] = {}
        self.by_name: dict[str, Place] = {}
        renamed = places("places_renamed.tsv")
        for p in renamed + places():
            self.by_name.setdefault(p.name, p)
            if not (len(p.name) == 2 and p.name.endswith("区")):  # 城区, 矿区: words too
                self.by_form.setdefault(p.name, p)
        for p in renamed + places():
            if p.level in ("province", "city") and len(p.short) >= 2:
                self.by_form.setdefault(p.short, p)
        # Aho-Corasick finds every name in one pass over the text (a regex of 3,500
        # alternatives is tried again at each position); leftmost-longest keeps, like a
        # regex, the longest name at the leftmost position and never overlaps. The Rust
        # automaton runs 7x faster than pyahocorasick's here: thousands of first characters
        # make its trie's root node slow to search.
        self.forms = list(self.by_form)
        self.automaton = ahocorasick_rs.AhoCorasick(
            self.forms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )
        self.longest = max(map(len, self.by_form))
        self.openings = frozenset(form[:2] for form in self.forms)  # every form has two or more

    def find(self, text: str) -> tuple[PlaceMention, ...]:
        """The place names of a text, left to right. The loaders ask about the same page
        and article texts several times (home, article place, headlines), so the answers
        are kept until `forget` (called for each new document)."""
        return self._find(text)

    def by_line(self, text: str) -> dict[int, list[PlaceMention]]:
        """The place names of a text, by the start of the line each stands on. No name
        spans two lines, so a text made of some of these lines (an article's) names just
        their places: read from here, it need not be searched again. Kept like `find`'s
        answers (splitting a page into articles and placing them both read the page's):
        the caller must not change what it gets."""
        return self._by_line(text)

    def forget(self) -> None:
        self._find.cache_clear()
        self._by_line.cache_clear()

    @lru_cache(maxsize=4)  # noqa: B019 (as _find); a few pages at most per document
    def _by_line(self, text: str) -> dict[int, list[PlaceMention]]:
        lines: dict[int, list[PlaceMention]] = {}
        for m in self.find(text):
            lines.setdefault(text.rfind("\n", 0, m.start) + 1, []).append(m)
        return lines

    @lru_cache(maxsize=512)  # noqa: B019 (one gazetteer per process, kept for its life)
    def _find(self, text: str) -> tuple[PlaceMention, ...]:
        by_form, forms = self.by_form, self.forms
        return tuple(
            PlaceMention(start, end, by_form[forms[k]])
            for k, start, end in self.automaton.find_matches_as_indexes(text)
        )

    def match(self, text: str, at: int = 0) -> PlaceMention | None:
        """The place name that starts exactly at `at`, if any (the longest). Most positions
        asked about (a name's or a body's first character) open no place name: their two
        characters say so without the automaton, whose memory a page's other work has
        pushed out of the processor's caches."""
        if text[at : at + 2] not in self.openings:
            return None
        for k, start, end in self.automaton.find_matches_as_indexes(text[at : at + self.longest]):
            if start == 0:
                return PlaceMention(at, at + end, self.by_form[self.forms[k]])
            break
        return None

    def get(self, name: str) -> Place | None:
        return self.by_name.get(name)

    def province_of(self, place: Place) -> Place | None:
        return self.by_name.get(place.province)

    def city_of(self, place: Place) -> Place | None:
        return self.by_name.get(place.city) if place.city else None

    def chain(self, place: Place) -> tuple[str, str, str]:
        """Province, city and county names of a place ('' where it is above that level)."""
        if place.level == "province":
            return place.name, "", ""
        if place.level == "city":
            return place.province, place.name, ""
        return place.province, place.city, place.name


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()


def dominant_city(text: str, min_count: int = 3, min_share: float = 0.5) -> Place | None:
    """The city a local page is about: the one named most often, if it clearly leads."""
    g = gazetteer()
    counts: Counter[str] = Counter()
    for mention in g.find(text):
        p = mention.place
        city = p if p.level == "city" else g.city_of(p) if p.level == "county" else None
        if city is not None:
            counts[city.name] += 1
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    if n >= min_count and n >= min_share * sum(counts.values()):
        return g.get(name)
    return None


def dominant_among(
    mentions: Iterable[PlaceMention], within: Place | None = None, min_count: int = 2
) -> Place | None:
    """The place that named places are about: the province that more than half of them
    fall in, narrowed to the city and then the county that hold more than half of those.
    `within` keeps only the names inside that place (a county of the home city)."""
    g = gazetteer()
    pool = [g.chain(m.place) for m in mentions]
    if within is not None:
        pool = [c for c in pool if within.name in c]
    if len(pool) < min_count:
        return None
    found = ""
    for level in range(3):
        counts = Counter(c[level] for c in pool if c[level])
        if not counts:
            break
        name, n = counts.most_common(1)[0]
        if 2 * n <= len(pool):
            break
        found, pool = name, [c for c in pool if c[level] == name]
    return g.get(found) if found else None
