"""One record from the records of a file's parts (loaders/stream.py).

Persons, bodies and posts are the same across parts by name; an event by its name, with
the ids renumbered (two events of one name in one part are two sessions of a meeting, and
stay two); participations follow their events. Evidence is kept from every part.
"""

from __future__ import annotations

from collections.abc import Iterable

from officials_kg.extraction.records import (
    DocumentRecord,
    Event,
    Organization,
    Participation,
    Person,
    Position,
    cite,
)


def merge_records(records: Iterable[DocumentRecord]) -> DocumentRecord:
    parts = list(records)
    if len(parts) == 1:
        return parts[0]
    first = parts[0]
    merged = DocumentRecord(doc=first.doc, path=first.path)
    persons: dict[str, Person] = {}
    orgs: dict[str, Organization] = {}
    positions: dict[tuple[str, str, str], Position] = {}
    events: dict[str, list[Event]] = {}  # by name, one per session
    numbered: list[Event] = []
    participations: dict[tuple[str, str], Participation] = {}
    for record in parts:
        merged.place = merged.place or record.place
        merged.date = merged.date or record.date
        merged.articles.extend(record.articles)
        for p in record.persons:
            cite(persons.setdefault(p.name, type(p)(p.name)).evidence, p.evidence)
        for o in record.organizations:
            cite(orgs.setdefault(o.name, type(o)(o.name, o.parent, o.place)).evidence, o.evidence)
        for q in record.positions:
            held = (q.person, q.title, q.org)
            cite(positions.setdefault(held, type(q)(*held)).evidence, q.evidence)
        renamed: dict[str, str] = {}
        for e in record.events:
            taken = set(renamed.values())
            kept = next((k for k in events.get(e.name, []) if k.id not in taken), None)
            if kept is None:
                kept = Event(f"e{len(numbered) + 1}", e.name, e.type, e.date, e.place, e.organizer)
                events.setdefault(e.name, []).append(kept)
                numbered.append(kept)
            kept.date = kept.date or e.date
            cite(kept.evidence, e.evidence)
            renamed[e.id] = kept.id
        for a in record.participations:
            attended = (a.person, renamed[a.event])
            taking = participations.setdefault(attended, Participation(*attended, []))
            taking.roles = sorted(set(taking.roles) | set(a.roles))
            cite(taking.evidence, a.evidence)
    merged.persons = list(persons.values())
    merged.organizations = list(orgs.values())
    merged.positions = list(positions.values())
    merged.events = numbered
    merged.participations = list(participations.values())
    return merged
