"""One record from the records of a file's parts (loaders/stream.py).

Persons, bodies and posts are the same across parts by name; an event by its name, with
the ids renumbered (two events of one name in one part are two sessions of a meeting, and
stay two); participations follow their events. Evidence is kept from every part.
"""

from __future__ import annotations

from collections.abc import Iterable

from extraction.records import DocumentRecord, Event, Participation, cite


def merge_records(records: Iterable[DocumentRecord]) -> DocumentRecord:
    parts = list(records)
    if len(parts) == 1:
        return parts[0]
    first = parts[0]
    merged = DocumentRecord(doc=first.doc, path=first.path)
    persons, orgs, positions = {}, {}, {}
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
            kept = orgs.setdefault(o.name, type(o)(o.name, o.parent, o.place))
            cite(kept.evidence, o.evidence)
        for p in record.positions:
            key = (p.person, p.title, p.org)
            cite(positions.setdefault(key, type(p)(*key)).evidence, p.evidence)
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
        for p in record.participations:
            key = (p.person, renamed[p.event])
            kept = participations.setdefault(key, Participation(*key, []))
            kept.roles = sorted(set(kept.roles) | set(p.roles))
            cite(kept.evidence, p.evidence)
    merged.persons = list(persons.values())
    merged.organizations = list(orgs.values())
    merged.positions = list(positions.values())
    merged.events = numbered
    merged.participations = list(participations.values())
    return merged
