"""Dates in the genre: 2023年2月17日, 2月17日, 17日, ranges (15日至16日, 18日、19日),
Chinese numerals (二〇二三年三月五日), completed from the document's year and month."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

import cn2an

__all__ = [
    "UNDATED",
    "DateMention",
    "complete",
    "document_year",
    "find_dates",
    "iter_dates",
    "publication_date",
    "relative_day",
]

_NUM = r"[0-9０-９]{1,4}|[〇零一二三四五六七八九十两]{1,5}"
DATE = re.compile(  # the lookahead lets the scan skip to numerals (8x faster)
    rf"(?=[0-9０-９〇零一二三四五六七八九十两])"
    rf"(?:(?P<y>[0-9０-９]{{4}}|[〇零一二三四五六七八九]{{4}})年)?"
    rf"(?:(?P<m>{_NUM})月)?(?P<d>{_NUM})日"
)
FULL_DATE = re.compile(r"(?P<y>20\d{2}|19\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
YEAR = re.compile(r"(20\d{2})年")
AHEAD_DAYS = 31  # how far after its publication a page may date what it announces
HEADER_CHARS = 400  # how far into a page its header lines (site, date, source) may run
# A web copy's date line: 发布时间：2019-06-03, 日期: 2019-12-26, 2019-06-03 09:30 来源：,
# 新华网·2025-09-28 14:02, 2007年05月25日01:38 东方网; a masthead's 2023年2月18日 星期六
PUBLISHED = re.compile(
    r"(?:(?:发布|发表|更新|录入)?(?:时间|日期)\s*[：:]\s*)?"
    r"(?P<y>20\d{2}|19\d{2})(?:[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?=\d{1,2}:\d{2}|\D|$)"
    r"|年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日(?=\s*(?:出版|星期|周|\d{1,2}:\d{2}|$|\s)))",
    re.MULTILINE,
)
# Days named relative to the publication date; 日前 and 近日 name no day (GUIDELINES §4)
RELATIVE_DAYS = {"前天": -2, "昨天": -1, "昨日": -1, "昨晚": -1, "今天": 0, "今日": 0, "今晚": 0}
RELATIVE = re.compile("|".join(RELATIVE_DAYS))
UNDATED = re.compile(r"日前|近日|近期|前不久")


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


def publication_date(text: str) -> date | None:
    """The date a page gives itself in its header lines (a web copy's date line, a
    masthead's issue date), read from its first HEADER_CHARS characters."""
    for m in PUBLISHED.finditer(text[:HEADER_CHARS]):
        month, day = m.group("m") or m.group("m2"), m.group("d") or m.group("d2")
        when = _date(int(m.group("y")), int(month), int(day))
        if when is not None:
            return when
    return None


def relative_day(lead: str, published: date | None) -> date | None:
    """The day a story's lead names relative to its publication (昨天上午 → the day
    before), if it names one before any date written out."""
    m = RELATIVE.search(lead)
    if m is None or published is None:
        return None
    written = next(iter_dates(lead[: m.start()]), None)
    return None if written else published + timedelta(days=RELATIVE_DAYS[m.group()])


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
    Near a known date (the issue's, the story's) a date without its year is the latest
    one up to AHEAD_DAYS after it: 12月23日 in a paper of 2024年1月3日 is 2023-12-23, and
    3月25日 on a page posted on 2017-11-24 is 2017-03-25."""
    m = mention.month or month
    if m is None:
        return None
    if mention.year is None and near is not None:
        # news reports what happened before it was printed, or announces what comes soon
        latest = near + timedelta(days=AHEAD_DAYS)
        for year_ in (near.year + 1, near.year, near.year - 1):
            when = _date(year_, m, mention.day)
            if when is not None and when <= latest:
                return when
        return None
    y = mention.year or year
    return _date(y, m, mention.day) if y is not None else None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
