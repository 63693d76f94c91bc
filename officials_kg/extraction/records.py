"""The extraction records: what `okg extract` writes and what the graph loads.

One `DocumentRecord` per input document, serialised as one JSON object per line. The
fields named in ../shared/eval/FORMAT.md (doc, persons, positions, events,
participations) keep exactly that shape; everything else (evidence, organizations,
article context) is extra and ignored by the scorer.

Every fact carries `Evidence`: the document, the article, the sentence and the
character span of that sentence in the *original* decoded file, so an analyst can go
back to the exact words.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

MAX_EVIDENCE = 25
"""Sentences kept per fact and document: a fact repeated on every page of a bound volume
needs a few sources to be checked, not thousands (they would make memory grow with the
file)."""

ROLES = ("chair", "attend", "speak", "observe", "accompany", "lead")
EVENT_TYPES = ("meeting", "visit", "activity")


@dataclass(unsafe_hash=True)  # never changed; not frozen: see extraction/events.py EventMention
class Evidence:
    """Where a fact was read: offsets are characters of the original decoded text."""

    doc: str
    article: int
    sentence: int
    start: int
    end: int
    text: str


def cite(evidence: list[Evidence], more: Evidence | list[Evidence]) -> None:
    """Add evidence to a fact, up to MAX_EVIDENCE sentences (called for every fact read)."""
    if isinstance(more, list):
        evidence.extend(more[: max(0, MAX_EVIDENCE - len(evidence))])
    elif len(evidence) < MAX_EVIDENCE:
        evidence.append(more)


@dataclass
class Person:
    """A person by full name in simplified script; `aliases` are the forms the text wrote
    where they differ (張小華 in a traditional-script copy)."""

    name: str
    evidence: list[Evidence] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


@dataclass
class Organization:
    """A body in its canonical short form (许昌市委宣传部), with its parent body."""

    name: str
    parent: str | None = None
    place: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Position:
    """A post a person holds (`current`), held before (`former`: 原市委书记) or left (`left`:
    免去…职务, 辞去…), as the document reports it (FORMAT.md)."""

    person: str
    title: str
    org: str
    evidence: list[Evidence] = field(default_factory=list)
    status: str = "current"


@dataclass
class Event:
    id: str
    name: str
    type: str
    date: str | None = None
    place: str | None = None
    organizer: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Participation:
    person: str
    event: str
    roles: list[str]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class ArticleInfo:
    """An article's context, so that readers of the records can see where facts sit."""

    index: int
    headline: str | None
    place: str | None
    date: str | None
    start: int
    end: int


@dataclass
class DocumentRecord:
    doc: str
    path: str = ""
    place: str | None = None
    date: str | None = None
    articles: list[ArticleInfo] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    # where the document came from, beyond its path (loaders/origin.py): a web page's own
    # address, a PDF's page starts (offsets of the original text, evidence's page is the
    # last start at or before its offset), and whether the place and date were read from
    # the text or from the page's metadata
    url: str | None = None
    pages: list[int] = field(default_factory=list)
    place_from: str | None = None
    date_from: str | None = None

    def __post_init__(self) -> None:
        """A record written to the contract of ../shared/eval/FORMAT.md has no path: its
        document's name stands for it. (msgspec calls this too, reading records back.)"""
        if not self.path:
            self.path = self.doc

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
