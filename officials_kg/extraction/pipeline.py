"""From a loaded document to its extraction record (extraction/records.py).

Two passes over the sentences of each article:
1. *names* (extraction/persons.py): persons introduced by a title chain, a designation
   (`种粮大户张三`), as the subject of a speech verb (`张三说`), or alone on a line;
2. *facts*: every mention of a known name (and of a given name standing for it:
   `建国同志` → 张建国), positions from the chains and notices, events, and
   participations — a role cue (extraction/roles.py) applies to the persons named before
   it in its clause group, at the event named in the sentence or the article's current
   event. What is found is kept once, with its evidence (extraction/collector.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from officials_kg.extraction.appointments import read_notices
from officials_kg.extraction.collector import Collector, add_positions, speakers_received
from officials_kg.extraction.events import find_events, is_session, sitting_of_session
from officials_kg.extraction.mentions import EventMention
from officials_kg.extraction.names import looks_like_name
from officials_kg.extraction.orgs import PlaceContext, named_locals
from officials_kg.extraction.persons import find_mentions, given_names, names_in_sentence
from officials_kg.extraction.records import (
    ArticleInfo,
    DocumentRecord,
    Event,
    Evidence,
    Person,
    cite,
)
from officials_kg.extraction.roles import STOPS, Role, cued_roles, spoke_at
from officials_kg.extraction.titles import read_chains
from officials_kg.loaders.articles import Kind
from officials_kg.loaders.dates import iter_dates
from officials_kg.loaders.document import Article, Document

SAME_DAY = re.compile(r"(?:随后|会后|当天|当日|同日|同一天)")  # a sentence's opening


def squeeze(text: str) -> str:
    """Spaces inside Chinese text are layout; facts are read without them."""
    return "".join(text.split())


def _headline_event(
    c: Collector,
    article: Article,
    year: int | None,
    squeezed: dict[int, str],
    headline: str,
    mentioned: dict[int, list[EventMention]],
) -> Event | None:
    """The event an article's headline names is the story's own meeting, whether the
    headline is printed above the story or, on some pages, after it. `squeezed` holds the
    sentences by index, `headline` the article's, as the extraction reads them, and
    `mentioned` their events (read once for this and for the facts)."""
    for sentence in article.sentences:
        text = squeezed[sentence.index]
        if text and text in headline:
            for mention in mentioned[sentence.index]:
                ev = c.evidence(article, sentence)
                return c.add_event(mention, text, article, year, ev, first_in_article=True)
    return None


class Story:
    """Where an article's story is as its sentences go by: its current event, the one a
    role cue refers to when its sentence names none (`张三出席并讲话`), whose organizer a
    body written short stands for (`主席团`), and whose session a sitting named alone is
    of (`闭幕大会`). The story starts at its headline's event; it moves on to a meeting its
    sentence dates, at most one per sentence, and to a sitting of its current session."""

    def __init__(self, headline_event: Event | None) -> None:
        self.current = headline_event
        self.visit: Event | None = None  # the last visit the story reported
        self.moved = False  # in the sentence being read

    def event_of(self, roles: frozenset[str]) -> Event | None:
        """The event a cue refers to when its sentence names none: the current one, but a
        visit for those who accompany (陪同考察 after a meeting's report: the visit's)."""
        return self.visit if roles == {"accompany"} and self.visit else self.current

    def next_sentence(self) -> None:
        self.moved = False

    def reports(self, event: Event, mention: EventMention, text: str) -> None:
        """The sentence `text` reports `event`, named by `mention`: the story's first event,
        a meeting the sentence dates before naming it, or a sitting of its session."""
        if mention.type == "visit":
            self.visit = event
        if self.current is None or (
            not self.moved
            and mention.type != "activity"
            and not mention.background
            and any(iter_dates(text[: mention.start]))
        ):
            self.current, self.moved = event, True
        elif sitting_of_session(self.current.name, event.name):
            self.current = event  # X会议举行第二次全体会议: the story is the sitting's

    def joins(self, event: Event) -> None:
        """Someone takes part in `event` (出席X, not reported as held): where the story has
        no event yet, it is the story's (its next sentences' 出席大会 are there)."""
        if self.current is None:
            self.current = event

    def session_of_sitting(self, sitting: str) -> str | None:
        """The session a sitting named alone belongs to: the story's current meeting, if it
        is a session or already that sitting of one."""
        current = self.current
        if current is None:
            return None
        if current.name.endswith(sitting) and is_session(current.name[: -len(sitting)]):
            return current.name[: -len(sitting)]
        return current.name if is_session(current.name) else None


def extract_document(doc: Document) -> DocumentRecord:
    r"""The facts one document reports, read from its articles (not from a table of contents
    or a colophon): persons, bodies, posts held, events and who took part, each with the
    sentences it was read from.

    Args:
        doc: a document as `loaders.build_document` or `loaders.load_document` gives it.

    Returns:
        Its DocumentRecord (`to_dict()` is the record of FORMAT.md); a document that
        reports nothing gives a record without facts.

    Example:
        >>> from officials_kg.loaders.document import build_document
        >>> doc = build_document(
        ...     "2023-03-17", "xuchang/2023-03-17.txt",
        ...     "许昌日报\n2023年3月17日 星期五\n\n市委常委会召开会议\n"
        ...     "本报讯 3月16日，市委书记张三主持召开市委常委会会议。\n",
        ... )
        >>> record = extract_document(doc)
        >>> [(p.person, p.title, p.org) for p in record.positions]
        [('张三', '书记', '许昌市委')]
        >>> [(e.name, e.type, e.date) for e in record.events]
        [('许昌市委常委会会议', 'meeting', '2023-03-16')]
    """
    c = Collector(doc)
    articles = [a for a in doc.articles if a.kind == Kind.ARTICLE]
    # facts are read without the layout's spaces, each sentence and headline squeezed once
    squeezed = {s.index: squeeze(s.text) for a in articles for s in a.sentences}
    contexts = {
        a.index: named_locals(
            "\n".join(squeezed[s.index] for s in a.sentences), PlaceContext.of(a.place)
        )
        for a in articles
    }
    headlines = {a.index: squeeze(a.headline or "") for a in articles}
    known: set[str] = set()
    for article in articles:
        headline = headlines[article.index]
        for sentence in article.sentences:
            text = squeezed[sentence.index]
            known.update(names_in_sentence(text, bool(text) and text in headline))
    known = {n for n in known if looks_like_name(n)}
    known -= set(given_names(known))  # 建国 (市长) is 张建国, not a person of its own
    forms = {n: n for n in known} | given_names(known)
    mentions_of = dict(zip(squeezed, find_mentions(list(squeezed.values()), forms), strict=True))

    for article in articles:
        ctx = contexts[article.index]
        headline = headlines[article.index]
        events_of = {s.index: find_events(squeezed[s.index], ctx, known) for s in article.sentences}
        story = Story(_headline_event(c, article, doc.year, squeezed, headline, events_of))
        for sentence in article.sentences:
            text = squeezed[sentence.index]
            mentions = mentions_of[sentence.index]
            story_body = story.current.organizer if story.current else None
            chains = read_chains(text, ctx, story_body)
            mentioned = events_of[sentence.index]
            if not (mentions or chains or mentioned):
                continue  # nothing to read (about a third of the sentences): no evidence to make
            ev = c.evidence(article, sentence)
            written = squeeze(ev.text) if doc.clean.substituted else text  # 1:1 with `text`
            for name, start, end in mentions:
                person = c.persons.get(name)
                if person is None:
                    person = c.persons[name] = Person(name)
                cite(person.evidence, ev)
                form = written[start:end]  # 張小華, written so, read as 张小华
                if form != name and text[start:end] == name and form not in person.aliases:
                    person.aliases.append(form)
            for chain in chains:
                add_positions(c, chain, ev)
            for notice in read_notices(text, ctx, story_body):
                add_positions(c, notice.chain, ev, notice.status)
            in_headline = text in headline
            here: list[tuple[EventMention, Event | None]] = []
            story.next_sentence()
            for mention in mentioned:
                if mention.sitting:  # 闭幕大会开始: a sitting of the story's session
                    session = story.session_of_sitting(mention.name)
                    if session is None:
                        continue
                    mention = replace(mention, name=session + mention.name)
                event = None
                if mention.reported or in_headline or mention.visitor:
                    # the story's day: its first event, its headline's, one held 随后 or 会后
                    first = story.current is None or in_headline or SAME_DAY.match(text) is not None
                    event = c.add_event(mention, text, article, doc.year, ev, first)
                    story.reports(event, mention, text)
                    if mention.visitor:
                        c.take_part(mention.visitor, event, {mention.visitor_role}, ev)
                    for guest in mention.guests:
                        c.take_part(guest, event, {"attend"}, ev)
                    if mention.guests:  # a reception: its host and guests are there
                        present = (mention.visitor, *mention.guests)
                        c.received.update((p, event.id) for p in present if p)
                here.append((mention, event))
            visits = [m for m, _ in here if m.visitor]
            for role in cued_roles(text, mentions, visits):
                event, named = _event_for(
                    c, here, role, story.event_of(role.roles), text, article, doc.year, ev
                )
                if event is None:
                    continue
                if role.weak and not named and (role.person, event.id) not in c.participations:
                    continue  # 张三总书记指出…: quoted, not said at this meeting
                c.take_part(role.person, event, set(role.roles), ev)
                story.joins(event)
                if "attend" in role.roles:
                    c.received.discard((role.person, event.id))
    speakers_received(c)

    return DocumentRecord(
        doc=doc.doc_id,
        path=doc.path,
        place=doc.home.name if doc.home else None,
        date=doc.date.isoformat() if doc.date else None,
        articles=[
            ArticleInfo(
                a.index,
                a.headline,
                a.place.name if a.place else None,
                a.date.isoformat() if a.date else None,
                *doc.original_span(a.start, a.end),
            )
            for a in doc.articles
        ],
        persons=list(c.persons.values()),
        organizations=list(c.organizations.values()),
        positions=list(c.positions.values()),
        events=list(c.events.values()),
        participations=list(c.participations.values()),
        url=doc.origin.url,
        pages=list(doc.origin.pages),
        place_from=doc.home_from,
        date_from=doc.date_from,
    )


def _event_for(
    c: Collector,
    here: list[tuple[EventMention, Event | None]],
    role: Role,
    current: Event | None,
    text: str,
    article: Article,
    year: int | None,
    ev: Evidence,
) -> tuple[Event | None, bool]:
    """The event a role refers to: one named between the person and the cue (在X上讲话),
    one named right after the cue (出席X), one reported in the sentence, else the
    article's current event — unless the cue reports a speech given elsewhere. The flag
    says whether the sentence itself names where the person spoke (在X上指出)."""
    between = [
        (m, e)
        for m, e in here
        if role.person_at < m.start and m.end <= role.at <= m.end + 8 and spoke_at(text, m)
    ]
    after = [
        (m, e)
        for m, e in here
        if role.at <= m.start <= role.at + 8 and not STOPS.search(text, role.at, m.start)
    ]
    if "speak" in role.roles and not role.roles & {"attend", "chair", "observe"} and not role.gives:
        after = []  # 讲话 is not followed by where it was given
    for mention, event in between[-1:] or after[:1]:
        return event or c.add_event(mention, text, article, year, ev, False), bool(between)
    if role.reported_speech:
        return None, False
    earlier = [e for m, e in here if e is not None and m.end <= role.at]
    return current or (earlier[-1] if earlier else None), False
