"""Canonical names: the keys under which reports from different documents meet.

Two reports name the same body, person or meeting in slightly different ways (long and
short official forms, full-width characters, PDF spacing); resolution compares these
canonical forms, never the raw strings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from officials_kg import lexicons
from officials_kg.loaders.places import gazetteer

NATIONAL = "中央"
"""The jurisdiction of national bodies (中共中央, 国务院, 全国人大 …)."""

# Long official forms and their short news forms, applied in order; the same rewrites
# as the scorer's (../shared/eval/score.py), so the graph merges what the scorer equates.
_ORG_REWRITES = [
    (re.compile(p), r)
    for p, r in [
        (r"中国共产党", "中共"),
        (r"中共(.+?)委员会", r"\1委"),
        (r"人民代表大会常务委员会", "人大常委会"),
        (r"人民代表大会", "人大"),
        (r"常务委员会", "常委会"),
        (r"人民政治协商会议(.*?)委员会", r"政协\1"),
        (r"政治协商会议", "政协"),
        (r"人民政府", "政府"),
        (r"政法委员会", "政法委"),
        (r"纪律检查委员会", "纪委"),
        (r"监察委员会", "监委"),
        (r"^中共(?=.+委)(?!中央)", ""),
        (r"([县区市旗])\1+委", r"\1委"),
    ]
]
# The scorer also shortens 人民检察院/人民法院; the guidelines keep those long forms
# (许昌市人民检察院), so here both spellings become the long one instead.
_COURTS = [(re.compile(r"(?<!人民)(检察院|法院)"), r"人民\1")]

_NATIONAL_PREFIXES = (
    "中共中央",
    "中央",
    "国务院",
    "全国人大",
    "全国政协",
    "最高人民法院",
    "最高人民检察院",
    "中华人民共和国",
    "国家",
)
NATIONAL_FIGURES = frozenset(lexicons.words("national_figures.txt"))
"""National figures whom local news names everywhere, often without a title
(lexicons/national_figures.txt): a report of one of these names that gives no post is read
as the national figure (中央), not as a local namesake."""

_DOTS = re.compile(r"[•・‧∙⋅·]")
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"'})


def norm_text(text: str) -> str:
    """NFKC, no whitespace of any width, one kind of quotes."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(_QUOTES)


def person_name(name: str) -> str:
    """`张 三 丰` → 张三丰; every middle-dot variant (`•`, `・`, `‧` …) becomes `·`."""
    return _DOTS.sub("·", norm_text(name))


def org_name(name: str) -> str:
    """The short form that news uses: 中共许昌市委员会 → 许昌市委.

    The rewrites are repeated until nothing changes (a few rounds at most), so that a
    canonical name is its own canonical name, as ids need, even for odd inputs
    (中共许昌中共委员会委员会)."""
    name = norm_text(name)
    for _ in range(8):
        before = name
        for pattern, repl in _ORG_REWRITES + _COURTS:
            name = pattern.sub(repl, name)
        if name == before:
            break
    return name


def event_name(name: str) -> str:
    """Event names embed body names (中共X市委员会…会议): canonical bodies, canonical events."""
    return org_name(name)


@dataclass(frozen=True)
class Jurisdiction:
    """A place a body belongs to, with its level: 0 national, 1 province, 2 city, 3 county."""

    name: str
    level: int
    within: frozenset[str] = frozenset()

    def contains(self, other: Jurisdiction) -> bool:
        return self.name != other.name and (self.level == 0 or self.name in other.within)


_LEVELS = {"province": 1, "city": 2, "county": 3}


@cache
def jurisdiction(place: str | None) -> Jurisdiction | None:
    """The jurisdiction of a place name (许昌市, 中央), placed in its city and province."""
    if not place:
        return None
    if place == NATIONAL:
        return Jurisdiction(NATIONAL, 0)
    known = gazetteer().get(place)
    if known is None:
        return Jurisdiction(place, 3)
    within = frozenset(p for p in (known.city, known.province) if p and p != known.name)
    return Jurisdiction(known.name, _LEVELS[known.level], within)


@cache
def place_of_org(name: str) -> str | None:
    """The place a canonical body name starts with, the most local one of a chain
    (新疆维吾尔自治区哈密市委 → 哈密市); 中央 for national bodies; None for bodies that
    name no place (中国首席经济学家论坛, 第四范式)."""
    if name.startswith(_NATIONAL_PREFIXES):
        return NATIONAL
    place = None
    end = 0
    for mention in gazetteer().find(name):
        if mention.start != end:
            break
        place, end = mention.place.name, mention.end
    return place
