"""Records → graph: resolving persons, bodies and meetings to nodes with stable ids.

Resolution is done in two parts, and neither depends on the order documents arrive in:

- `resolve_document` maps one record to nodes whose ids come from content alone. A
  person's id is their name plus an anchor read from the same document: the most local
  jurisdiction of the bodies they hold posts in (张三 of 承德市委 → 承德市), a body that names no
  place (第四范式), 中央 for a national leader named without a post, the place of the
  article or document they appear in, or, where nothing is known, the document itself.
  So 张三 of 承德市 in two documents is one node, and a 李四 of a Beijing forum and
  a 李四 of a Henan county are two. A body's id is its canonical short name
  (中共许昌市委员会 = 许昌市委); a dated event's id is its canonical name, type and
  date, so two reports of one meeting are one event.
- `person_decisions` and `event_decisions` look at nodes that share a name after the
  load, and record what was decided about each pair: a candidate (POSSIBLY_SAME_AS:
  the context does not tell) or kept apart (DISTINCT_FROM), always with the reason.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from officials_kg.extraction.records import DocumentRecord, Evidence
from officials_kg.graph import names
from officials_kg.graph.model import GraphBatch, Link, Node, content_id
from officials_kg.loaders.origin import page_of

__all__ = [
    "EventContext",
    "PersonContext",
    "event_decisions",
    "person_decisions",
    "post_label",
    "resolve_document",
]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(value: str | None) -> str | None:
    return value if value and _ISO_DATE.match(value) else None


@dataclass(frozen=True)
class Anchor:
    kind: str  # place | body | document
    value: str

    def reason(self, name: str) -> str:
        if self.kind == "place":
            return f"reports of {name} placed in {self.value} are one person"
        if self.kind == "body":
            return f"reports of {name} in {self.value}, a body that names no place, are one person"
        return f"nothing places {name} in document {self.value}: a person of that document only"


class _Resolver:
    """The state of resolving one record: its nodes so far and the document's context."""

    def __init__(self, record: DocumentRecord) -> None:
        self.record = record
        self.batch = GraphBatch(documents=[record.doc])
        self.doc_id = content_id("document", record.doc)
        self.articles = {a.index: a for a in record.articles}
        self.orgs: dict[str, Node] = {}
        self.org_evidence: dict[str, list[Evidence]] = {}

    def run(self) -> GraphBatch:
        record = self.record
        self.batch.add_node(
            Node(
                "Document",
                self.doc_id,
                {
                    "name": record.doc,
                    "path": record.path,
                    "place": record.place,
                    "date": _date(record.date),
                    "url": record.url,
                },
            )
        )
        for article in record.articles:
            article_id = content_id("article", record.doc, str(article.index))
            props = {
                "index": article.index,
                "headline": article.headline,
                "place": article.place,
                "date": _date(article.date),
                "start": article.start,
                "end": article.end,
            }
            self.batch.add_node(Node("Article", article_id, props))
            self.batch.add_link(Link("IN_DOCUMENT", article_id, self.doc_id))
        self._organizations()
        persons = self._persons()
        self._posts(persons)
        events = self._events()
        self._participations(persons, events)
        return self.batch

    # -- evidence ---------------------------------------------------------------

    def facts(self, evidence: Iterable[Evidence]) -> dict[str, set[str]]:
        """The sets every evidence-bearing link carries: evidence, documents, dates seen."""
        ids, seen = set(), set()
        for ev in evidence:
            ids.add(self._evidence_node(ev))
            article = self.articles.get(ev.article)
            seen.add(_date(article.date if article else None) or _date(self.record.date))
        if not ids:
            seen.add(_date(self.record.date))
        return {"evidence": ids, "docs": {self.doc_id}, "seen": seen - {None}}

    def _evidence_node(self, ev: Evidence) -> str:
        ev_id = content_id("evidence", self.record.doc, str(ev.start), str(ev.end))
        props = {
            "article": ev.article,
            "sentence": ev.sentence,
            "start": ev.start,
            "end": ev.end,
            "text": ev.text,
        }
        if self.record.pages:  # a PDF's: the page, and the sentence's span in its text
            page, start = page_of(self.record.pages, ev.start)
            props |= {"page": page, "page_start": start, "page_end": start + ev.end - ev.start}
        self.batch.add_node(Node("Evidence", ev_id, props))
        self.batch.add_link(Link("QUOTED_FROM", ev_id, self.doc_id))
        return ev_id

    def mention(self, node: Node) -> Node:
        node = self.batch.add_node(node)
        self.batch.add_link(Link("MENTIONS", self.doc_id, node.id))
        return node

    # -- bodies -----------------------------------------------------------------

    def org(self, raw: str, place: str | None = None) -> Node:
        """The node of a body named in this document; `place` as the record gives it."""
        name = names.org_name(raw)
        node = self.orgs.get(name)
        if node is None:
            node_id = content_id("organization", name)
            node = Node(
                "Organization", node_id, {"name": name}, {"aliases": set(), "places": set()}
            )
            node = self.orgs[name] = self.mention(node)
        node.sets["aliases"].update({names.norm_text(raw)} - {name})
        # The place a name gives wins: records may give the article's place instead.
        if place and not names.place_of_org(name):
            node.sets["places"].add(_canonical_place(place))
        return node

    def _organizations(self) -> None:
        """Bodies named anywhere in the record, and which is part of which."""
        record = self.record
        parents: dict[str, str] = {}
        for o in record.organizations:
            node = self.org(o.name, o.place)
            self.org_evidence.setdefault(node.props["name"], []).extend(o.evidence)
            if o.parent:
                parents[node.props["name"]] = self.org(o.parent).props["name"]
        for p in record.positions:
            if p.org:
                node = self.org(p.org)
                self.org_evidence.setdefault(node.props["name"], []).extend(p.evidence)
        for e in record.events:
            if e.organizer:
                self.org(e.organizer)
        for name, node in self.orgs.items():
            node.sets["places"].update({names.place_of_org(name)} - {None})
            parent = parents.get(name) or _longest_prefix(name, self.orgs)
            if parent and parent != name:
                link = Link("PART_OF", node.id, self.orgs[parent].id)
                link.sets = self.facts(self.org_evidence.get(name, []))
                self.batch.add_link(link)

    # -- persons ----------------------------------------------------------------

    def _persons(self) -> dict[str, Node]:
        record = self.record
        mentions: dict[str, list[Evidence]] = {}
        for p in record.persons:
            mentions.setdefault(names.person_name(p.name), []).extend(p.evidence)
        for row in [*record.positions, *record.participations]:
            mentions.setdefault(names.person_name(row.person), [])
        posts: dict[str, list[str]] = {}
        for pos in record.positions:
            if pos.org:
                posts.setdefault(names.person_name(pos.person), []).append(
                    self.org(pos.org).props["name"]
                )
        home = self._home_place()
        persons = {}
        for name, evidence in mentions.items():
            if not name:
                continue
            anchor = self._anchor(name, posts.get(name, []), evidence, home)
            props = {
                "name": name,
                "anchor": anchor.value,
                "anchor_kind": anchor.kind,
                "reason": anchor.reason(name),
            }
            node_id = content_id("person", name, anchor.kind, anchor.value)
            persons[name] = self.mention(Node("Person", node_id, props))
        return persons

    def _anchor(
        self, name: str, bodies: list[str], evidence: list[Evidence], home: str | None
    ) -> Anchor:
        places = [
            j for j in (names.jurisdiction(names.place_of_org(b)) for b in bodies) if j is not None
        ]
        if places:
            counts = Counter(j.name for j in places)
            best = min(places, key=lambda j: (-j.level, -counts[j.name], j.name))
            return Anchor("place", best.name)
        named = sorted(b for b in bodies if len(b) >= 3)  # 委 alone identifies nobody
        if named:
            return Anchor("body", Counter(named).most_common(1)[0][0])
        if name in names.NATIONAL_FIGURES:
            return Anchor("place", names.NATIONAL)
        article_places = Counter(
            a.place
            for a in (self.articles.get(ev.article) for ev in evidence)
            if a is not None and a.place
        )
        if article_places:
            return Anchor("place", _canonical_place(article_places.most_common(1)[0][0]))
        if home:
            return Anchor("place", home)
        return Anchor("document", self.record.doc)

    def _home_place(self) -> str | None:
        """The document's place, or else the place most of its posts are in, if clear."""
        if self.record.place:
            return _canonical_place(self.record.place)
        located = [
            place
            for pos in self.record.positions
            if pos.org
            and (place := names.place_of_org(names.org_name(pos.org)))
            and place != names.NATIONAL
        ]
        if not located:
            return None
        place, n = Counter(located).most_common(1)[0]
        return place if n >= 2 and 2 * n >= len(located) else None

    # -- posts, events, participations -----------------------------------------

    def _posts(self, persons: dict[str, Node]) -> None:
        for pos in self.record.positions:
            person = persons.get(names.person_name(pos.person))
            title = names.norm_text(pos.title or "")
            if person is None or not pos.org or not title:
                continue
            org = self.org(pos.org)
            org_label = str(org.props["name"])
            post_id = content_id("post", org.id, title)
            label = post_label(org_label, title)
            self.batch.add_node(Node("Post", post_id, {"title": title, "label": label}))
            self.batch.add_link(Link("POST_IN", post_id, org.id))
            link = Link("HOLDS", person.id, post_id, {"org": org.id, "title": title})
            link.sets = self.facts(pos.evidence)
            if pos.status == "left":  # 免去, 辞去: the post ends on the day reported
                link.sets["left"] = set(link.sets["seen"])
            self.batch.add_link(link)

    def _events(self) -> dict[str, Node]:
        events = {}
        for e in self.record.events:
            name = names.event_name(e.name)
            if not name:
                continue
            date = _date(e.date)
            # An undated report may be any meeting of that name: it stays this document's.
            key = (name, e.type, date) if date else (name, e.type, "", self.record.doc)
            node = Node("Event", content_id("event", *key), {"name": name, "type": e.type})
            node.props["date"] = date
            node.sets["places"] = {names.norm_text(e.place)} if e.place else set()
            events[e.id] = self.mention(node)
            if e.organizer:
                link = Link("ORGANIZED", self.org(e.organizer).id, events[e.id].id)
                link.sets = self.facts(e.evidence)
                self.batch.add_link(link)
        return events

    def _participations(self, persons: dict[str, Node], events: dict[str, Node]) -> None:
        for part in self.record.participations:
            person = persons.get(names.person_name(part.person))
            event = events.get(part.event)
            if person is None or event is None:
                continue
            link = Link("PARTICIPATED_IN", person.id, event.id)
            link.sets = {"roles": set(part.roles), **self.facts(part.evidence)}
            self.batch.add_link(link)


MIN_LABEL_OVERLAP = 2
"""Shortest end of a body's name that a title must start with to be written once: one
character is too often two words (市委 + 委员 is 市委委员, a member, not 市委员)."""


def post_label(body: str, title: str) -> str:
    """A post's label: its body, then its title without the body's last word when the title
    starts with it (X市人大常委会党组 + 党组书记 → X市人大常委会党组书记, not …党组党组书记)."""
    for size in range(min(len(body), len(title)), MIN_LABEL_OVERLAP - 1, -1):
        if body.endswith(title[:size]):
            return body + title[size:]
    return body + title


def _canonical_place(place: str) -> str:
    found = names.jurisdiction(names.norm_text(place))
    return found.name if found else place


def _longest_prefix(name: str, known: Iterable[str]) -> str | None:
    """The body a name extends (许昌市委宣传部 → 许昌市委), among the document's bodies."""
    prefixes = [other for other in known if len(name) - len(other) >= 2 and name.startswith(other)]
    return max(prefixes, key=len, default=None)


def resolve_document(record: DocumentRecord) -> GraphBatch:
    """One record as nodes and links, ids from content: the same record, the same batch."""
    return _Resolver(record).run()


# -- decisions across documents ------------------------------------------------


@dataclass(frozen=True)
class PersonContext:
    """What a store knows of a person node: enough to tell same-name people apart."""

    id: str
    name: str
    anchor: str
    anchor_kind: str
    bodies: frozenset[str]


@dataclass(frozen=True)
class EventContext:
    id: str
    name: str
    date: str | None


def _pair_decision(a: PersonContext, b: PersonContext) -> tuple[str, str]:
    shared = a.bodies & b.bodies
    if shared:
        return "POSSIBLY_SAME_AS", f"both hold posts in {'、'.join(sorted(shared))}"
    for p in (a, b):
        if p.anchor_kind == "document":
            return "POSSIBLY_SAME_AS", f"nothing places {p.name} in document {p.anchor}"
    ja = names.jurisdiction(a.anchor) if a.anchor_kind == "place" else None
    jb = names.jurisdiction(b.anchor) if b.anchor_kind == "place" else None
    if ja and jb and (ja.contains(jb) or jb.contains(ja)):
        outer, inner = (ja, jb) if ja.contains(jb) else (jb, ja)
        return "POSSIBLY_SAME_AS", f"{outer.name} contains {inner.name}"

    def where(p: PersonContext) -> str:
        bodies = "、".join(sorted(p.bodies)) or "no post"
        return f"{p.anchor} ({bodies})"

    return "DISTINCT_FROM", f"unrelated places and bodies: {where(a)} / {where(b)}"


def person_decisions(people: Iterable[PersonContext]) -> list[Link]:
    """For every pair of person nodes with one name: a candidate or kept apart, and why."""
    groups: dict[str, list[PersonContext]] = {}
    for p in people:
        groups.setdefault(p.name, []).append(p)
    links = []
    for group in groups.values():
        for a, b in combinations(sorted(group, key=lambda p: p.id), 2):
            kind, reason = _pair_decision(a, b)
            links.append(Link(kind, a.id, b.id, {"reason": reason}))
    return links


def event_decisions(events: Iterable[EventContext]) -> list[Link]:
    """Each undated report of a meeting is a candidate for its name's earliest report.

    A star rather than all pairs: recurring meetings (党组会议) are reported hundreds of
    times, and one link per report is enough to find the others of the same name.
    """
    groups: dict[str, list[EventContext]] = {}
    for e in events:
        groups.setdefault(e.name, []).append(e)
    links = []
    for group in groups.values():
        first = min(group, key=lambda e: (e.date or "9999", e.id))
        for e in group:
            if e.date is None and e is not first:
                reason = f"same name {e.name}; the report in this document gives no date"
                links.append(Link("POSSIBLY_SAME_AS", e.id, first.id, {"reason": reason}))
    return links
