"""Precision, recall and F1 of extraction records against gold annotations, per kind of fact,
per document and micro-averaged over all: the project's own measure of its extractor, with
the rules of the shared referee (../shared/eval/score.py; tests/test_extraction_score.py
checks that both give the same figures).

Records and gold files are the dicts of eval/FORMAT.md. A gold file may also list
`ignore_persons` (bylines) and `optional_persons`, whose facts count neither way,
`optional_positions` (former posts, posts left) and `optional_events`, which a record may
hold or leave out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from officials_kg.evaluation.normalise import event_similarity, norm, norm_event, norm_org

__all__ = ["METRICS", "Counts", "Report", "Scores", "diff_document", "evaluate", "score_document"]

Row = Mapping[str, Any]

ROLES = frozenset({"chair", "attend", "speak", "observe", "accompany", "lead"})
METRICS = (
    "persons",
    "positions_strict",
    "positions_lenient",
    "events",
    "events_dated",
    "participations",
    "roles",
)
"""The kinds of fact, in the order tables show them. `roles` counts, among the matched
participations, those whose role set is exactly the gold one (it has no misses)."""

ALIGNED = 0.5  # the least similarity of a predicted event to the gold event it stands for
OPTIONAL = 0.8  # the least similarity of a predicted event to an optional gold event


@dataclass
class Counts:
    """True positives, false positives and false negatives of one kind of fact."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, int | float]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


Scores = dict[str, Counts]  # metric -> counts


@dataclass
class Report:
    """The counts of every gold document and their sum; `predicted` is how many gold
    documents had a record (a document without one scores as an empty record)."""

    documents: dict[str, Scores] = field(default_factory=dict)
    total: Scores = field(default_factory=lambda: {m: Counts() for m in METRICS})
    predicted: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The `--json` form: the referee's report, its figures unrounded."""
        return {
            "documents": len(self.documents),
            "predicted_documents": self.predicted,
            "total": {m: c.as_dict() for m, c in self.total.items()},
            "per_doc": {
                doc: {m: c.as_dict() for m, c in scores.items()}
                for doc, scores in self.documents.items()
            },
        }


def evaluate(gold: Mapping[str, Row], records: Mapping[str, Row]) -> Report:
    """Every gold document (by its `doc`) scored against the record of the same name."""
    report = Report(predicted=len(gold.keys() & records.keys()))
    for doc, annotation in gold.items():
        scores = score_document(annotation, records.get(doc, {}))
        report.documents[doc] = scores
        for metric, counts in scores.items():
            report.total[metric].add(counts)
    return report


@dataclass
class _Document:
    """What both scoring and the diff need of one document: the persons left out of the
    scoring, the positions that count on each side, and the events aligned."""

    gold: Row
    record: Row
    skip: set[str]
    gold_positions: list[Row]
    positions: list[Row]
    gold_events: list[Row]
    events: list[Row]
    aligned: dict[str, str]  # gold event id -> predicted event id, dates not considered

    @classmethod
    def of(cls, gold: Row, record: Row) -> _Document:
        skip = {
            norm(n) for n in [*gold.get("ignore_persons", []), *gold.get("optional_persons", [])]
        }
        optional = gold.get("optional_positions", [])
        positions = [
            r
            for r in record.get("positions", [])
            if norm(r.get("person")) not in skip
            and not any(_matched_positions([o], [r], lenient=True) for o in optional)
        ]
        gold_positions = [r for r in gold.get("positions", []) if norm(r.get("person")) not in skip]
        gold_events = list(gold.get("events", []))
        events = [e for e in record.get("events", []) if e.get("id") is not None]
        aligned = _align_events(gold_events, events, need_date=False)
        return cls(gold, record, skip, gold_positions, positions, gold_events, events, aligned)

    def persons(self) -> tuple[set[str], set[str]]:
        """(gold, predicted) names that count."""
        gold = {norm(p["name"]) for p in self.gold.get("persons", [])} - self.skip
        predicted = {norm(p.get("name")) for p in self.record.get("persons", [])}
        return gold, predicted - self.skip - {""}

    def is_optional(self, event: Row) -> bool:
        """Whether a predicted event is one of the gold's optional events. The referee
        normalises their names before the similarity normalises them again: so does this."""
        names = [norm_event(n) for n in self.gold.get("optional_events", [])]
        return any(event_similarity(n, event.get("name")) >= OPTIONAL for n in names if n)

    def participations(self) -> tuple[dict[tuple[str, str], set[str]], Participations]:
        """Gold participations by (person, gold event id) with their roles, and the
        predicted ones on the gold's events."""
        gold = {
            (norm(r["person"]), r["event"]): set(r.get("roles", []))
            for r in self.gold.get("participations", [])
            if norm(r["person"]) not in self.skip
        }
        back = {pid: gid for gid, pid in self.aligned.items()}
        optional = {e["id"] for e in self.events if e["id"] not in back and self.is_optional(e)}
        found = Participations()
        for r in self.record.get("participations", []):
            person = norm(r.get("person"))
            if person in self.skip or r.get("event") in optional:
                continue
            gid = back.get(r.get("event"))
            if gid is None:
                found.elsewhere.append(r)
            else:
                found.on_gold.setdefault((person, gid), set()).update(r.get("roles", []))
        return gold, found


@dataclass
class Participations:
    """Predicted participations: on an event aligned with a gold one, by (person, gold event
    id) with their roles merged, and the rows on other events (each a false positive)."""

    on_gold: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    elsewhere: list[Row] = field(default_factory=list)


def _matched_positions(gold: Iterable[Row], predicted: list[Row], lenient: bool) -> int:
    """How many gold positions find a predicted one, each used once, in the gold's order:
    the same person, and the same body and title; leniently, also when the longer
    body+title ends with the shorter and the shorter names at least two characters of body
    (市委常委 for 许昌市委常委, not 常委 alone)."""
    used: set[int] = set()
    matched = 0
    for g in gold:
        person = norm(g.get("person"))
        g_full, g_title = _post(g)
        for i, p in enumerate(predicted):
            if i in used or norm(p.get("person")) != person:
                continue
            p_full, p_title = _post(p)
            same = g_full == p_full
            if not same and lenient and g_full and p_full:
                if len(p_full) <= len(g_full):
                    shorter, title, longer = p_full, p_title, g_full
                else:
                    shorter, title, longer = g_full, g_title, p_full
                same = longer.endswith(shorter) and len(shorter) >= len(title) + 2
            if same:
                used.add(i)
                matched += 1
                break
    return matched


def _post(row: Row) -> tuple[str, str]:
    """(body + title, title), normalised."""
    title = norm(row.get("title"))
    return norm_org(row.get("org")) + title, title


def _align_events(gold: list[Row], predicted: list[Row], need_date: bool) -> dict[str, str]:
    """Gold event id -> predicted event id, one to one, the most similar pairs first (of
    equal similarity, the greater gold id, then the greater predicted id, as the referee's
    sort does). With `need_date`, a dated gold event takes only an event of its date."""
    pairs = []
    for g in gold:
        for p in predicted:
            similarity = event_similarity(g.get("name"), p.get("name"))
            if similarity < ALIGNED:
                continue
            if need_date and g.get("date") and p.get("date") != g.get("date"):
                continue
            pairs.append((similarity, g["id"], p["id"]))
    aligned: dict[str, str] = {}
    taken: set[str] = set()
    for _, gid, pid in sorted(pairs, reverse=True):
        if gid not in aligned and pid not in taken:
            aligned[gid] = pid
            taken.add(pid)
    return aligned


def score_document(gold: Row, record: Row) -> Scores:
    """The counts of one document's record against its gold."""
    d = _Document.of(gold, record)
    scores: Scores = {}

    g_persons, p_persons = d.persons()
    tp = len(g_persons & p_persons)
    scores["persons"] = Counts(tp, len(p_persons) - tp, len(g_persons) - tp)

    for metric, lenient in (("positions_strict", False), ("positions_lenient", True)):
        tp = _matched_positions(d.gold_positions, d.positions, lenient)
        scores[metric] = Counts(tp, len(d.positions) - tp, len(d.gold_positions) - tp)

    for metric, need_date in (("events", False), ("events_dated", True)):
        aligned = d.aligned if not need_date else _align_events(d.gold_events, d.events, True)
        taken = set(aligned.values())
        fp = sum(1 for e in d.events if e["id"] not in taken and not d.is_optional(e))
        scores[metric] = Counts(len(aligned), fp, len(d.gold_events) - len(aligned))

    g_part, found = d.participations()
    matched = g_part.keys() & found.on_gold.keys()
    fp = len(found.elsewhere) + len(found.on_gold.keys() - matched)
    scores["participations"] = Counts(len(matched), fp, len(g_part) - len(matched))
    exact = sum(1 for k in matched if g_part[k] == found.on_gold[k] & ROLES)
    scores["roles"] = Counts(exact, len(matched) - exact, 0)
    return scores


def diff_document(gold: Row, record: Row) -> list[str]:
    """What a person fixing the extractor wants to see of one document: gold facts missed
    (`-`), facts the record has and the gold does not (`+`), and wrong dates and roles of
    matched events and participations (`~`). Positions are compared leniently; what the
    gold makes optional is not listed, as it does not count."""
    d = _Document.of(gold, record)
    g_persons, p_persons = d.persons()
    lines = [f"- person {n}" for n in sorted(g_persons - p_persons)]
    lines += [f"+ person {n}" for n in sorted(p_persons - g_persons)]
    for g in d.gold_positions:
        if not _matched_positions([g], d.positions, lenient=True):
            lines.append(f"- post {g.get('person')} | {g.get('org')} | {g.get('title')}")
    for p in d.positions:
        if not _matched_positions(d.gold_positions, [p], lenient=True):
            lines.append(f"+ post {p.get('person')} | {p.get('org')} | {p.get('title')}")

    taken = set(d.aligned.values())
    lines += [
        f"- event {_date(e)} {e.get('name')}" for e in d.gold_events if e["id"] not in d.aligned
    ]
    extra = [e for e in d.events if e["id"] not in taken and not d.is_optional(e)]
    lines += [f"+ event {_date(e)} {e.get('name')}" for e in extra]
    gold_by_id = {e["id"]: e for e in d.gold_events}
    predicted_by_id = {e["id"]: e for e in d.events}
    for gid, pid in d.aligned.items():
        g_date, p_date = gold_by_id[gid].get("date"), predicted_by_id[pid].get("date")
        if g_date and g_date != p_date:
            name = gold_by_id[gid].get("name")
            lines.append(f"~ event date {p_date or 'undated'} should be {g_date}: {name}")

    g_part, found = d.participations()
    for (person, gid), roles in g_part.items():
        name = gold_by_id[gid].get("name") if gid in gold_by_id else gid
        if (person, gid) not in found.on_gold:
            lines.append(f"- took part {person} {sorted(roles)} in {name}")
        elif found.on_gold[person, gid] & ROLES != roles:
            got = sorted(found.on_gold[person, gid])
            lines.append(f"~ roles {person} {got} should be {sorted(roles)} in {name}")
    for (person, gid), roles in found.on_gold.items():
        if (person, gid) not in g_part:
            lines.append(f"+ took part {person} {sorted(roles)} in {gold_by_id[gid].get('name')}")
    for r in found.elsewhere:
        event = predicted_by_id.get(r.get("event"), {}).get("name", r.get("event"))
        lines.append(f"+ took part {r.get('person')} {sorted(r.get('roles', []))} in {event}")
    return lines


def _date(event: Row) -> str:
    return event.get("date") or "undated"
