"""How two names are compared: the matching rules of the annotation guidelines
(eval/GUIDELINES.md), the same as the shared referee's, so that our figures are its figures.

Every name is compared in NFKC, without whitespace and in simplified script, so that a
record may keep a traditional-script text's characters. Bodies are compared in their short
news form (中共许昌市委员会 = 许昌市委), events without the words that vary between reports
of one meeting (全市, 召开). The tables are data files beside this module: t2s.tsv (copied
from the referee by scripts/sync-eval), org_forms.tsv and event_words.tsv.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib.resources import files

from officials_kg.lexicons import parse_table

__all__ = ["event_similarity", "norm", "norm_event", "norm_org"]

_SPACE = re.compile(r"\s+")


def _rows(name: str, *columns: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a table of this package, with the fields of the named columns."""
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    return parse_table(text, columns, f"evaluation/{name}")


@cache
def _t2s() -> dict[int, str]:
    rows = _rows("t2s.tsv", "traditional", "simplified")
    return {ord(traditional): simplified for traditional, simplified in rows}


@cache
def _org_forms() -> list[tuple[re.Pattern[str], str]]:
    rows = _rows("org_forms.tsv", "pattern", "short")
    return [(re.compile(pattern), short) for pattern, short in rows]


@cache
def _event_words() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The prefixes as one pattern anchored at the start, and the verbs in order."""
    rows = _rows("event_words.tsv", "kind", "word")
    prefixes = "|".join(re.escape(word) for kind, word in rows if kind == "prefix")
    return re.compile(f"^(?:{prefixes})"), tuple(word for kind, word in rows if kind == "verb")


def norm(text: str | None) -> str:
    """NFKC, no whitespace of any width, simplified script; "" for a missing name."""
    if not text:
        return ""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(_t2s())


def norm_org(name: str | None) -> str:
    """A body's name in its short news form: 中共许昌市委员会 → 许昌市委."""
    name = norm(name)
    for pattern, short in _org_forms():
        name = pattern.sub(short, name)
    return name


def norm_event(name: str | None) -> str:
    """An event's name as a body's, less a leading 全市/我省… and the verbs 召开, 举行."""
    prefix, verbs = _event_words()
    name = prefix.sub("", norm_org(name))
    for verb in verbs:
        name = name.replace(verb, "")
    return name


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def dice(a: str, b: str) -> float:
    """Dice's coefficient of the two texts' character pairs (a one-character text is its
    own pair)."""
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y))


def event_similarity(gold: str | None, predicted: str | None) -> float:
    """1 for the same normalised name, else the names' Dice coefficient, raised to 0.8 when
    one name of four characters or more holds the other (许昌市委政法工作会议 against
    市委政法工作会议). Alignment takes pairs from 0.5 up, optional events from 0.8."""
    g, p = norm_event(gold), norm_event(predicted)
    if not g or not p:
        return 0.0
    if g == p:
        return 1.0
    score = dice(g, p)
    if len(g) >= 4 and len(p) >= 4 and (g in p or p in g):
        score = max(score, 0.8)
    return score
