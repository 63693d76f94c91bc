"""The gazetteer: finding provinces, cities and counties in text (from lexicons/places.tsv)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from lexicons import Place, places


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    place: Place


class Gazetteer:
    """Full names (许昌市) always count; short names (许昌) only for provinces and cities,
    whose short forms are distinctive enough to be read as places in running text."""

    def __init__(self) -> None:
        self.by_form: dict[str, Place] = {}
        self.by_name: dict[str, Place] = {}
        for p in places():
            self.by_name.setdefault(p.name, p)
            if not (len(p.name) == 2 and p.name.endswith("区")):  # 城区, 矿区: words too
                self.by_form.setdefault(p.name, p)
        for p in places():
            if p.level in ("province", "city") and len(p.short) >= 2:
                self.by_form.setdefault(p.short, p)
        forms = sorted(self.by_form, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, forms)))

    def find(self, text: str) -> list[PlaceMention]:
        return [
            PlaceMention(m.start(), m.end(), self.by_form[m.group()])
            for m in self.pattern.finditer(text)
        ]

    def get(self, name: str) -> Place | None:
        return self.by_name.get(name)

    def province_of(self, place: Place) -> Place | None:
        return self.by_name.get(place.province)

    def city_of(self, place: Place) -> Place | None:
        return self.by_name.get(place.city) if place.city else None


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
