"""The people of the gold annotations (eval/), as tests ask for them: who holds a post, who
took part in an event, every name a gold file gives a person; and, at the end, the seeds'
people that several tests ask about, each found by the posts the gold gives them.

The seeds and the development texts are real news pages, so the people in them are real
people, and the project keeps their names out of code and tests. A test that runs on the
seeds names its people through the gold instead ("the person who holds 院长 of
许昌市中级人民法院"): as strict as a written name, and it follows the gold when the gold is
corrected.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from officials_kg.evaluation import load_gold

ROOT = Path(__file__).resolve().parent.parent
SEEDS_GOLD = ROOT / "eval" / "gold"
DEV_GOLD = ROOT / "eval" / "dev" / "gold"

Post = tuple[str, str]
"""A post as the gold writes it: (title, org), e.g. ("部长", "许昌市委宣传部")."""


@cache
def seeds_gold() -> dict[str, dict[str, Any]]:
    """The seeds' gold records by document (eval/gold)."""
    return load_gold(SEEDS_GOLD)


def names_in(record: dict[str, Any]) -> set[str]:
    """Every name a gold record gives a person: those it scores, those it leaves optional
    and those it tells the scorer to ignore (bylines, photographers: real people too)."""
    names = {p["name"] for p in record.get("persons", [])}
    for rows in ("positions", "optional_positions", "participations"):
        names |= {row["person"] for row in record.get(rows, [])}
    return names | set(record.get("optional_persons", [])) | set(record.get("ignore_persons", []))


def gold_names(folders: Iterable[Path] = (SEEDS_GOLD, DEV_GOLD)) -> set[str]:
    """The names of every person in the gold of `folders`, as written (some in traditional
    script)."""
    return {name for f in folders for record in load_gold(f).values() for name in names_in(record)}


def holders(*posts: Post) -> set[str]:
    """The persons of the seeds' gold who hold every post of `posts` (current or not)."""
    held: dict[str, set[Post]] = {}
    for record in seeds_gold().values():
        for row in record["positions"] + record.get("optional_positions", []):
            held.setdefault(row["person"], set()).add((row["title"], row["org"]))
    return {name for name, own in held.items() if set(posts) <= own}


def holder(*posts: Post) -> str:
    """The one person of the seeds' gold who holds every post of `posts`.

    Fails when none or several do: the test's description of its person must be exact."""
    found = holders(*posts)
    if len(found) != 1:
        raise LookupError(f"{len(found)} persons of the seeds' gold hold {posts}, not one")
    return found.pop()


def participants(event: str) -> dict[str, set[str]]:
    """The roles of each person in the seeds' gold event named `event` (one event, exactly)."""
    found = [
        (record, e["id"])
        for record in seeds_gold().values()
        for e in record["events"]
        if e["name"] == event
    ]
    if len(found) != 1:
        raise LookupError(f"{len(found)} events of the seeds' gold are named {event}, not one")
    ((record, event_id),) = found
    return {
        p["person"]: set(p["roles"]) for p in record["participations"] if p["event"] == event_id
    }


def documents_naming(name: str) -> set[str]:
    """The seeds whose gold names `name` (scored, optional or ignored)."""
    return {doc for doc, record in seeds_gold().items() if name in names_in(record)}


# The seeds' people that tests ask about, each by the posts the gold gives them.
GENERAL_SECRETARY = holder(("总书记", "中共中央"))  # named in four seeds, a national figure
CHENGDE_CHAIR = holder(("主任", "承德市人大常委会"))  # in both 承德 seeds (001, 002)
CHENGDE_SECRETARY_GENERAL = holder(("秘书长", "承德市人大常委会"))
# 许昌 (003): the four at 许昌市委政法工作会议, and two more members of 许昌市委
POLICE_CHIEF = holder(("副市长", "许昌市政府"), ("局长", "许昌市公安局"))
JUDGE = holder(("院长", "许昌市中级人民法院"))
PROSECUTOR = holder(("检察长", "许昌市人民检察院"))
UNITED_FRONT_HEAD = holder(("常委", "许昌市委"), ("部长", "许昌市委统战部"))
PROPAGANDA_HEAD = holder(("常委", "许昌市委"), ("部长", "许昌市委宣传部"))
VICE_MAYOR = holder(("常委", "许昌市委"), ("副市长", "许昌市政府"))
