"""Forgiving lookup: the entities a name given on the command line may mean.

In turn, and the first step that finds something wins: an id as printed by the queries
(`person/3f2a…`); the exact name (a post's label, a body's short name); an alias, that is a
spelling a body was also seen under or the canonical form of the text (中共许昌市委员会 →
许昌市委, 张 三 丰 → 张三丰); and last any name that contains the text (市委政法工作会议 →
许昌市委政法工作会议). Only the kinds that the parameter takes count. The steps are the
canned queries `named`, `find` and `context`, so both stores look up alike.

Several entities found are not guessed between: the caller lists them, with their context,
and the user chooses by id.
"""

from __future__ import annotations

from dataclasses import dataclass

from officials_kg.graph.names import norm_text, org_name, person_name
from officials_kg.graph.store import GraphStore
from officials_kg.graph.vocab import label_of
from officials_kg.loaders.normalise import simplify
from officials_kg.queries.catalog import catalog
from officials_kg.queries.run import ENTITY_ID, run


@dataclass(frozen=True)
class Candidate:
    id: str
    kind: str  # the node label
    name: str
    matched: str  # how it was found: "id", "exact", "alias" or "substring"


class Unresolved(Exception):
    """Nothing, or more than one entity, for a name; `candidates` holds what was found."""

    def __init__(self, text: str, candidates: list[Candidate]) -> None:
        self.text, self.candidates = text, candidates
        found = f"{len(candidates)} entities match" if candidates else "nothing matches"
        super().__init__(f"{found} {text!r}")


def _matches(store: GraphStore, query: str, text: str, kinds: tuple[str, ...]) -> list[dict]:
    return [row for row in run(store, catalog()[query], {"text": text}) if row["kind"] in kinds]


def _candidates(rows: list[dict], matched: str) -> list[Candidate]:
    found = {row["id"]: Candidate(row["id"], row["kind"], row["name"], matched) for row in rows}
    return list(found.values())


def context(store: GraphStore, entity: str) -> list[str] | None:
    """What tells an entity from its namesakes; None if there is no such entity."""
    rows = run(store, catalog()["context"], {"entity": entity})
    return rows[0]["context"] if rows else None


def candidates(store: GraphStore, text: str, kinds: tuple[str, ...]) -> list[Candidate]:
    """The entities of `kinds` that `text` may mean, from the first step that finds any."""
    text = text.strip()
    if ENTITY_ID.fullmatch(text):
        if label_of(text) in kinds and context(store, text) is not None:
            return [Candidate(text, label_of(text), text, "id")]
        return []
    named = _matches(store, "named", text, kinds)
    exact = [row for row in named if row["name"] == text]
    if exact:
        return _candidates(exact, "exact")
    aliases = named + [
        row
        for form in dict.fromkeys(
            [norm_text(text), person_name(text), org_name(text), simplify(norm_text(text))]
        )
        if form != text
        for row in _matches(store, "named", form, kinds)
    ]
    if aliases:
        return _candidates(aliases, "alias")
    return _candidates(_matches(store, "find", norm_text(text), kinds), "substring")


def resolve(store: GraphStore, text: str, kinds: tuple[str, ...]) -> str:
    """The id of the one entity that `text` means; Unresolved if none or several."""
    found = candidates(store, text, kinds)
    if len(found) != 1:
        raise Unresolved(text, found)
    return found[0].id
