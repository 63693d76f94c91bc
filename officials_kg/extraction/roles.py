"""Role cues and whom they apply to: `主持` (chair), `出席并讲话` (attend and speak),
`陪同` (accompany)… (lexicons/role_cues.tsv, GUIDELINES §5).

A group of cues (`出席会议并讲话`) applies to the persons named before it in its clauses,
or to those a colon lists after it (`出席会议的有：…`); where the person spoke or took part
is read by the pipeline from the sentence's events.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from officials_kg import lexicons
from officials_kg.extraction.mentions import EventMention
from officials_kg.extraction.persons import LIST_INTRODUCED, Mention

# Cues joined (出席并致辞, 主持召开X并讲话, 出席X，并讲话, 主持召开X，同Y座谈并讲话): one
# subject does both, where no one is named between them
ROLE_LINK = re.compile(
    r"^(?:(?:会议)?(?:并|和|、|及)[^，；。！？]*"
    r"|[^，；。！？]*?(?:并|和|及|，(?:并|同时|随后)|，(?:同|与(?!会))[^，；。！？]*?并))?$"
)
DESCRIBED = re.compile(r"的(?:重要)?$")
CLAUSE_COMMA = re.compile(r"[，；]")
CONTINUES = re.compile(r"(?:并|还|同时|也|又|先后|随后|详细|充分|认真|全面)")
QUOTED = re.compile(r"“[^”]*”|《[^》]*》|（[^）]*）")
STOPS = re.compile(r"[，。；：！？]")
# 在X上讲话: 在 right before the name, or before when and where it was held (在3月17日召开的X),
# or before words of the name that its mention left out (在省部级…学习贯彻X精神专题研讨班上)
SPOKE_AT = re.compile(r"在(?:[^，。；]{0,12}?(?:召开|举行)的|[^，。；的在]{1,16})?$")
REPORTED_SPEECH = re.compile(r"(?:的)?(?:重要)?(?:精神|指示|批示|要求|和指示)")


@cache
def role_cues() -> tuple[tuple[str, str], ...]:
    rows = [(cue, role) for cue, role in lexicons.table("role_cues.tsv", "cue", "role")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _cue_pattern() -> re.Pattern[str]:
    """Cues, with the words that merely contain one (工作报告) matched first."""
    words = sorted(lexicons.words("not_cues.txt") + tuple(c for c, _ in role_cues()), key=len)
    return re.compile("|".join(re.escape(w) for w in reversed(words)))


@cache
def _role_of() -> dict[str, str]:
    return dict(role_cues())


@cache
def _cues_of_strength(strength: str) -> frozenset[str]:
    rows = lexicons.table("role_cues.tsv", "cue", "strength")
    return frozenset(cue for cue, of in rows if of == strength)


class Role(NamedTuple):
    """A role cue applied to one person: `at` is where the cue stands in the sentence (a
    tuple: made for every person before every cue, and cheaper than a frozen dataclass)."""

    person: str
    person_at: int
    roles: frozenset[str]
    weak: bool  # only weak cues (强调, 指出): the person must be present by another cue
    gives: bool  # 讲授…党课: the event named after the cue is the one the person gave
    at: int
    reported_speech: bool  # 讲话精神: a speech given elsewhere


def _clause_floor(text: str, cue: int, mentions: list[Mention]) -> int:
    """Where the subjects of a cue at `cue` may start. Walking back over the clauses
    (split at commas outside quotes): a clause that ends with a name (`…局长张三，`) is an
    item of a list of attendees and the walk goes on; a name elsewhere in its clause is
    that clause's subject, and the walk stops there; a clause without a name goes on only
    if it is the cue's own or continues the same subject (并…, 详细…); any other clause
    has a subject of its own (`省市两级人大代表参加`) and stops the walk."""
    bounds = [0] + [m.end() for m in CLAUSE_COMMA.finditer(_unquoted(text[:cue]))] + [cue]
    floor = cue
    for k in range(len(bounds) - 1, 0, -1):
        lo, hi = bounds[k - 1], bounds[k]
        names = [(s, e) for _, s, e in mentions if lo <= s and e <= hi]
        if names:
            floor = lo
            own = k == len(bounds) - 1  # 程小新、任大先，秘书长邱小茂和委员出席: a list goes on
            if hi - names[-1][1] > 1 and not own:  # a name inside its clause is its subject
                break
        elif k == len(bounds) - 1 or CONTINUES.match(text, lo):
            floor = lo
        else:
            break
    return floor


def _unquoted(text: str) -> str:
    """The text with quoted and titled passages blanked out, offsets unchanged."""
    return QUOTED.sub(lambda m: "＿" * len(m.group()), text)


def cued_roles(text: str, mentions: list[Mention], visits: list[EventMention]) -> list[Role]:
    """Role cues of a sentence, each group (`出席会议并讲话`) applied to the persons named
    between the previous group and it — but not to the subject of a visit named before
    the cue (`韩光明到开发区调研，方建陪同`: only 方建 accompanies)."""
    if not mentions:
        return []  # no one to give a role to
    role_of = _role_of()
    weak_cues, giving_cues = _cues_of_strength("weak"), _cues_of_strength("gives")
    groups: list[list[re.Match[str]]] = []
    for cue in _cue_pattern().finditer(text):
        if cue.group() not in role_of:
            continue
        last = groups[-1][-1].end() if groups else 0
        named = any(last <= at < cue.start() for _, at, _ in mentions)
        if groups and not named and ROLE_LINK.match(text[last : cue.start()]):
            groups[-1].append(cue)
        else:
            groups.append([cue])
    out: list[Role] = []
    floor = 0
    for group in groups:
        start = group[0].start()
        floor = max([floor, _clause_floor(text, start, mentions)])
        accompanies = text.startswith("陪同下", start)  # 张三在李四的陪同下: 李四 does
        if accompanies:
            floor = max(floor, text.rfind("在", floor, start))
        floor = max([floor] + [v.end for v in visits if v.end <= start])
        subjects = [(n, s) for n, s, e in mentions if floor <= s and e <= start]
        subjects = subjects or _listed_after(text, group[-1].end(), mentions)
        if not subjects:
            continue
        words = [c.group() for c in group]
        roles = frozenset(role_of[w] for w in words)
        weak = all(w in weak_cues for w in words)
        gives = any(w in giving_cues for w in words)
        after_cue = REPORTED_SPEECH.match(text, group[-1].end()) is not None
        for name, at in subjects:
            # 总书记关于…的重要讲话: a speech described, given elsewhere
            described = DESCRIBED.search(text, at, start) is not None and not accompanies
            out.append(Role(name, at, roles, weak, gives, start, after_cue or described))
        floor = group[-1].end()
    return out


def _listed_after(text: str, cue_end: int, mentions: list[Mention]) -> list[tuple[str, int]]:
    """The persons a cue's clause lists after a colon: `出席会议的有：张三、李四`,
    `在主席台前排就座的大会主席团成员有：…` — the cue stands before whom it applies to."""
    listed = LIST_INTRODUCED.search(text, cue_end)
    if listed is None or STOPS.search(text, cue_end, listed.start()):
        return []
    return [(n, s) for n, s, _ in mentions if s >= listed.end()]


def spoke_at(text: str, mention: EventMention) -> bool:
    """在X上讲话, 在3月17日召开的X上的重要讲话: the speech was given at X."""
    return SPOKE_AT.search(text, 0, mention.start) is not None
