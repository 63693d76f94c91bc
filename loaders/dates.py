"""Dates in the genre: 2023年2月17日, 2月17日, 17日, ranges (15日至16日, 18日、19日),
Chinese numerals (二〇二三年三月五日), completed from the document's year and month."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import NamedTuple

import cn2an

_NUM = r"[0-9０-９]{1,4}|[〇零一二三四五六七八九十两]{1,5}"
DATE = re.compile(  # the lookahead lets the scan skip to numerals (8x faster)
    rf"(?=[0-9０-９〇零一二三四五六七八九十两])"
    rf"(?:(?P<y>[0-9０-９]{{4}}|[〇零一二三四五六七八九]{{4}})年)?"
    rf"(?:(?P<m>{_NUM})月)?(?P<d>{_NUM})日"
)
FULL_DATE = re.compile(r"(?P<y>20\d{2}|19\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
YEAR = re.compile(r"(20\d{2})年")


_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


@lru_cache(maxsize=1024)  # a few hundred numerals in all; cn2an is slow
def _int(text: str | None) -> int | None:
    if not text:
        return None
    text = text.translate(_FULL_WIDTH)
    if text.isdigit():
        return int(text)
    if all(c in "〇零一二三四五六七八九" for c in text):  # digit-by-digit years: 二〇二三
        return int("".join(str("〇一二三四五六七八九".index(c) if c != "零" else 0) for c in text))
    try:
        return int(cn2an.cn2an(text, "smart"))
    except ValueError:
        return None


class DateMention(NamedTuple):
    """A date as written (a tuple: sentences are read for dates again and again, and a
    frozen dataclass costs four times as much to make)."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int


def find_dates(text: str) -> list[DateMention]:
    return list(iter_dates(text))


def iter_dates(text: str) -> Iterator[DateMention]:
    """The dates of a text, left to right, read as they are asked for."""
    for m in DATE.finditer(text):
        day = _int(m.group("d"))
        month = _int(m.group("m"))
        if day is None or not 1 <= day <= 31 or (month is not None and not 1 <= month <= 12):
            continue
        if month is None and not m.group("d").isdigit():
            continue  # 一日办结, 三日内: a bare day in words is a duration, not a date
        yield DateMention(m.start(), m.end(), _int(m.group("y")), month, day)


def document_year(text: str) -> int | None:
    """The year a document was written in.

    A full date in the text (an issue date, a dated speech) decides; else the latest year
    named at least twice (a page reviews last year and plans this one); else the most named.
    """
    full = Counter(int(m.group("y")) for m in FULL_DATE.finditer(text))
    if full:
        return full.most_common(1)[0][0]
    years = Counter(int(y) for y in YEAR.findall(text))
    if not years:
        return None
    repeated = [y for y, n in years.items() if n >= 2]
    return max(repeated) if repeated else years.most_common(1)[0][0]


def complete(
    mention: DateMention, year: int | None, month: int | None, near: date | None = None
) -> date | None:
    """The mention as a date, with year and month filled in from context where missing.
    Near a known date (the issue's, the story's) a date without its year is the nearest
    one: 12月23日 in a paper of 2024年1月3日 is 2023-12-23."""
    m = mention.month or month
    if m is None:
        return None
    if mention.year is None and near is not None:
        nearest = None  # of the three years' dates, the earlier on a tie (as min() would)
        for year_ in (near.year - 1, near.year, near.year + 1):
            when = _date(year_, m, mention.day)
            if when is not None and (nearest is None or abs(when - near) < abs(nearest - near)):
                nearest = when
        return nearest
    y = mention.year or year
    return _date(y, m, mention.day) if y is not None else None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
