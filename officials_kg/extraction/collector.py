"""What a document's extraction has found so far: its persons, bodies, posts, events and
participations, each made once and cited with the sentences that report it.

Events are the subtle part: a meeting is reported under several names (a headline and its
body, a long and a short form), and two meetings may share a name (a monthly 调度会). The
collector decides, as each mention comes, whether it is an event already known.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

from officials_kg.extraction.appointments import CURRENT
from officials_kg.extraction.events import event_key, sitting_of_session
from officials_kg.extraction.mentions import EventMention
from officials_kg.extraction.orgs import parent_of, place_of
from officials_kg.extraction.records import (
    Event,
    Evidence,
    Organization,
    Participation,
    Person,
    Position,
    cite,
)
from officials_kg.extraction.roles import STOPS
from officials_kg.extraction.titles import Chain
from officials_kg.loaders.dates import complete, find_dates
from officials_kg.loaders.document import Article, Document, Sentence

NATIONAL_EVENT = re.compile(r"^(?:中央|全国|国务院|中共中央|党的|十[一二三四五六七八九]?届|二十届)")
DATE_JOINERS = {"至", "-", "—", "－", "~", "～", "、", "到", "和"}
DATE_AFTER_EVENT = 6  # 会议12月15日至16日在北京举行: a date right after the name is its own
SAME_EVENT_RATIO = 90  # partial ratio above which two names of one article are one event
SAME_EVENT_DAYS = 10  # a meeting of one name dated further apart is another session
MIN_HELD = 4  # the shortest known name looked for at the end of a new one
MIN_TAIL = 6  # the shortest ending of a known name that a new name may be
SAME_EVENT_TAIL = 8  # or the length of the ending they share (…办理“回头看”工作会议)


@dataclass
class Collector:
    doc: Document
    persons: dict[str, Person] = field(default_factory=dict)
    positions: dict[tuple[str, str, str], Position] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)  # by id
    by_name: dict[str, Event] = field(default_factory=dict)  # the latest of each name
    by_key: dict[str, Event] = field(default_factory=dict)  # …and of each canonical name
    in_article: dict[int, list[Event]] = field(default_factory=dict)  # events each reports
    by_tail: dict[str, Event] = field(default_factory=dict)  # the first name ending so
    participations: dict[tuple[str, str], Participation] = field(default_factory=dict)
    inherited_dates: set[str] = field(default_factory=set)  # events dated by their article
    # (person, event) present only as host or guest of a reception (会见): a speaker there
    # is present already, and attends only if a cue says so (GUIDELINES §5)
    received: set[tuple[str, str]] = field(default_factory=set)

    def add_event(
        self,
        mention: EventMention,
        text: str,
        article: Article,
        year: int | None,
        ev: Evidence,
        first_in_article: bool,
    ) -> Event:
        """The event of a mention, created once per name. A date written in the mention's
        own sentence beats one inherited from the article."""
        written = _event_date(text, mention.end, article.date, year)
        story_date = article.date.isoformat() if first_in_article and article.date else None
        event = self.by_name.get(mention.name)
        if event is not None and _another_occurrence(event, written or story_date, article):
            event = None  # 调度会 on 2月19日 in one story and on 3月9日 in another: two meetings
        elif event is None:
            event = self._same_event(mention.name, article)
        if event is None:
            event = Event(
                id=f"e{len(self.events) + 1}",
                name=mention.name,
                type=mention.type,
                place=_event_place(mention.name, article),
                organizer=mention.organizer,
            )
            self.events[event.id] = self.by_name[mention.name] = event
            self.by_key[event_key(mention.name)] = event
            for start in range(1, len(mention.name) - MIN_TAIL + 1):
                self.by_tail.setdefault(mention.name[start:], event)
        reported = self.in_article.setdefault(article.index, [])
        if event not in reported:
            reported.append(event)
        if written and (event.date is None or event.id in self.inherited_dates):
            event.date = written
            self.inherited_dates.discard(event.id)
        elif event.date is None and story_date:
            event.date = story_date
            self.inherited_dates.add(event.id)
        cite(event.evidence, ev)
        return event

    def _same_event(self, name: str, article: Article) -> Event | None:
        """The event already known under another name: the same canonical name (中共X =
        中国共产党X, 政协X第N届委员会第M次会议 = X政协N届M次会议); a known name that ends
        with the new one (…宪法宣传周送法进军营活动, then 送法进军营活动) or that the new
        one ends with; or, within one article, names that hold one another, are near-identical
        or end alike (a headline and its body). Each is a look-up or a walk over one
        article's events, so that a volume of thousands of stories takes time in
        proportion to its length."""
        known = self.by_key.get(event_key(name)) or self.by_tail.get(name)
        if known is not None and not _places_differ(known.name, name):
            return known
        for event in self._held_in(name):
            if not (_places_differ(event.name, name) or sitting_of_session(event.name, name)):
                return event
        for event in self.in_article.get(article.index, ()):
            if _places_differ(event.name, name) or sitting_of_session(event.name, name):
                continue
            alike = (
                name in event.name
                or event.name in name
                or fuzz.partial_ratio(event.name, name) >= SAME_EVENT_RATIO
                or len(os.path.commonprefix([event.name[::-1], name[::-1]])) >= SAME_EVENT_TAIL
            )
            if alike:
                return event
        return None

    def _held_in(self, name: str) -> Iterator[Event]:
        """Known events whose whole name ends the new one, longest first."""
        for start in range(1, len(name) - MIN_HELD + 1):
            event = self.by_name.get(name[start:])
            if event is not None:
                yield event

    def take_part(self, person: str, event: Event, roles: set[str], ev: Evidence) -> None:
        part = self.participations.setdefault(
            (person, event.id), Participation(person, event.id, [])
        )
        part.roles = sorted(set(part.roles) | roles)
        cite(part.evidence, ev)

    def evidence(self, article: Article, sentence: Sentence) -> Evidence:
        start, end = self.doc.original_span(sentence.start, sentence.end)
        # in the file's own script and punctuation; a headline wrapped over lines reads as one
        text = self.doc.source_text(sentence.start, sentence.end).replace("\n", "")
        return Evidence(self.doc.doc_id, article.index, sentence.index, start, end, text)


def _another_occurrence(event: Event, written: str | None, article: Article) -> bool:
    """A meeting of the same name reported by another story with a date weeks apart is
    another session of it (a monthly 调度会), not the same one (a session lasts days)."""
    if not (event.date and written) or any(e.article == article.index for e in event.evidence):
        return False
    apart = date.fromisoformat(written) - date.fromisoformat(event.date)
    return abs(apart.days) > SAME_EVENT_DAYS


def _event_place(name: str, article: Article) -> str | None:
    """Where an event was held: the place its name opens with (许昌市委政法工作会议), none
    for a national one (中央经济工作会议), else the place of the article reporting it."""
    if NATIONAL_EVENT.match(name):
        return None
    return place_of(name) or (article.place.name if article.place else None)


def _places_differ(a: str, b: str) -> bool:
    """河南省…视频会议 and 许昌市…视频会议 are two meetings, however alike their names; the
    place is the most specific of those a name opens with (河南省许昌市… is 许昌市's)."""
    pa, pb = place_of(a), place_of(b)
    return pa is not None and pb is not None and pa != pb


@lru_cache(maxsize=4096)  # sentences recur from page to page, and so do their dates
def _event_date(sentence_text: str, at: int, near: date | None, year: int | None) -> str | None:
    """The date written nearest an event mention at `at`: the first one after it
    (中央经济工作会议12月15日至16日…), else the last one before it (2月17日，…会议召开),
    completed from the article's date `near` and the document's year."""
    month = near.month if near else None
    dates = [d for d in find_dates(sentence_text) if complete(d, year, month, near)]
    # a range or list (11月28日至29日, 18日、19日) is dated by its first day
    dates = [
        d
        for i, d in enumerate(dates)
        if i == 0 or sentence_text[dates[i - 1].end : d.start] not in DATE_JOINERS
    ]
    after = [d for d in dates if d.start >= at]
    before = [d for d in dates if d.start < at]
    # a date right after the name, in its clause (…会议12月15日至16日在北京举行), not a
    # date of the next clause (…常委会，决定8月7日召开…)
    close = bool(after) and after[0].start - at <= DATE_AFTER_EVENT
    nearest = after[0] if close and not STOPS.search(sentence_text, at, after[0].start) else None
    nearest = nearest or (before[-1] if before else after[0] if after else None)
    completed = complete(nearest, year, month, near) if nearest else None
    return completed.isoformat() if completed else None


def add_positions(c: Collector, chain: Chain, ev: Evidence, status: str = CURRENT) -> None:
    """The posts of a chain for each of its known persons; a notice's status (a post
    left) stands over what a plain chain implies (a post held)."""
    for name, _, _ in chain.names:
        if name not in c.persons:
            continue
        for post in chain.posts:
            if not post.org:
                continue
            key = (name, post.title, post.org)
            row = c.positions.get(key)
            if row is None:  # made once: most chains repeat a post already known
                row = c.positions[key] = Position(name, post.title, post.org)
            if status != CURRENT:
                row.status = status
            cite(row.evidence, ev)
            org = c.organizations.get(post.org)
            if org is None:
                org = Organization(post.org, parent_of(post.org), place_of(post.org))
                c.organizations[post.org] = org
            cite(org.evidence, ev)


def speakers_received(c: Collector) -> None:
    """A host or guest of a reception who speaks there (张三表示…) is a speaker, present
    as every speaker is: the attend their presence gave goes, unless a cue gave it too."""
    for key in c.received:
        part = c.participations.get(key)
        if part is not None and "speak" in part.roles and "attend" in part.roles:
            part.roles.remove("attend")
