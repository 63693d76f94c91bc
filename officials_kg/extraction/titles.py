"""Title chains: `市委常委、宣传部部长张三`, `副主任李四、王五`, `党组书记、院长赵六`.

A chain is a run of (body, title) items joined by `、` or `兼`, followed by one or more
names joined by `、`/`和`/`及`. The body of an item is the text between the previous
delimiter and the title; an item without one carries the body of the item before it,
and a bare party department (`宣传部`) belongs to the committee before it. A title that
implies its body (`副市长` → 市政府, `总书记` → 中共中央) supplies it. A chain that is not
followed by a name (`各县人大常委会主任`) is a generic use of a title and yields nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from officials_kg import lexicons
from officials_kg.extraction.names import is_common_word, looks_like_name, name_list
from officials_kg.extraction.orgs import (
    PLACE_WORDS,
    PlaceContext,
    canonical_org,
    ends_with_suffix,
    leading_place,
)

DELIMITER = re.compile(r"[，。；：！？“”‘’（）()《》「」,;:!?\n、|]")  # an item or a clause ends
# what comes before is not a body: a function word, or a dateline (楚天快报讯, not 通讯社)
ORG_CUT = re.compile(r".*(?:[的让向对在把被将为是从于由给了]|使(?![馆团])|讯(?!社))")
ORG_LEAD = re.compile(
    r"^(?:会议由|由|在|原|时任|新任|现任|担任|及|和|与|分别|受邀|邀请|以及|以|委托|代表|经)"
)
BODY_ENDINGS = ("会", "团", "处")  # the last character of a body word that holds a title
LEVELS = "省市县区州镇乡"  # a title's implied body opening with one is the body of that level
FOLDED_TITLES = ("部长", "局长", "厅长", "处长", "科长")
MAX_ORG = 30
DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Title:
    word: str  # as written: 县委书记
    body: str  # implied body: 县委 ('' if none)
    post: str  # as recorded: 书记
    suffix: str  # added to the body: 党组


class Post(NamedTuple):
    """A title in a body (a tuple, as the chains' other parts: sentences hold many, and a
    frozen dataclass costs four times as much to make)."""

    title: str
    org: str


@dataclass
class Chain:
    """One designation: its posts and the names it applies to, with clean offsets."""

    start: int
    end: int
    posts: list[Post]
    names: list[tuple[str, int, int]]


@cache
def titles() -> dict[str, Title]:
    return {
        title: Title(title, body, post or title, suffix)
        for title, body, post, suffix in lexicons.table(
            "titles.tsv", "title", "body", "post", "suffix"
        )
    }


@cache
def title_pattern() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(titles()))


@cache
def countries() -> tuple[str, ...]:
    return lexicons.words("countries.txt")


def _abroad(raw: str) -> str | None:
    """The body from the first country named in it on (主宾国匈牙利 → 匈牙利), if any."""
    found = _country_pattern().search(raw) if raw else None
    return raw[found.start() :] if found else None


@cache
def _country_pattern() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(countries()))


@cache
def party_departments() -> tuple[str, ...]:
    return lexicons.words("party_departments.txt")


def _org_text(text: str, start: int, end: int) -> str:
    raw = text[start:end]
    cut = ORG_CUT.match(raw)
    if cut:
        raw = raw[cut.end() :]
    raw = ORG_LEAD.sub("", raw)
    return raw[-MAX_ORG:]


def _is_org(raw: str) -> bool:
    if DIGIT.search(raw) and not ends_with_suffix(raw):
        return False  # 新华社北京6月3日电
    return bool(raw) and (
        ends_with_suffix(raw)
        or leading_place(raw)[0] is not None
        or raw[:1] in "省市县区"
        or len(raw) <= 12
    )


def _implied(title: Title, raw_org: str, carried: str | None, ctx: PlaceContext) -> str | None:
    """The body of a title that names it (副县长 → 县政府), placed from the text or context."""
    body = title.body
    if not body:
        return None
    abroad = _abroad(raw_org)
    if abroad:
        return abroad  # 匈牙利总理, 坦桑尼亚阿鲁沙市市长: a post abroad, as written
    if body[0] not in LEVELS:
        return body  # 总书记 → 中共中央, 国务院总理 → 国务院, whatever stands before
    if raw_org and not (
        _has_place(raw_org) or _has_place(raw_org + body[0]) or ends_with_suffix(raw_org)
    ):
        raw_org = ""  # 最后，区长…: the words before name no place (竞秀 of 竞秀区) or body
    if raw_org:
        canonical = canonical_org(raw_org, ctx)
        if canonical.endswith(body[1:]):
            if _has_place(raw_org) or PLACE_WORDS.match(raw_org) or canonical.endswith(body):
                return raw_org  # 市人民政府副市长, 醪桥镇人民政府镇长: the body is written out
            return body[0] + raw_org  # 政府副县长: the county's, even in a city's article
        # 南陵 + 县委, 博野县 + 县政府, 广州市越秀区 + 区政府
        return raw_org + (body[1:] if raw_org.endswith(body[0]) else body)
    if carried:
        place, _, end = leading_place(carried)
        if place is not None and place.name.endswith(body[0]):
            return place.name + body[1:]
    return body


def _make_post(title: Title, org: str, ctx: PlaceContext) -> Post:
    if title.word in FOLDED_TITLES and not ends_with_suffix(org) and org:
        org += title.word[-2]  # 外交部长: the 部 of 外交部 is folded into 部长
    canonical = canonical_org(org, ctx)
    return Post(title.post, canonical + title.suffix)


def read_chains(text: str, ctx: PlaceContext, default_org: str | None = None) -> list[Chain]:
    """All title chains of one sentence, with the names they apply to.

    `default_org` is the body the story is about (the organizer of its meeting): a chain
    that names no body of its own (`党组书记、院长赵六`) is taken to be in it.
    """
    return [
        Chain(scan.start, scan.end, _posts(scan, ctx, default_org), list(scan.names))
        for scan in scan_chains(text)
    ]


class _Item(NamedTuple):
    """A title of a chain and the bodies the text offers it, before any context applies."""

    title: Title
    raw: str  # the body written before the title ('' if none)
    carried: str | None  # the body of an earlier item of the chain
    earlier: str | None  # a body written out earlier in the sentence


class ChainScan(NamedTuple):
    """A chain as the sentence alone gives it. Where its names are does not depend on
    the article's place or story, so a sentence is scanned once for both passes."""

    start: int
    end: int
    items: tuple[_Item, ...]
    names: tuple[tuple[str, int, int], ...]
    after_name: bool  # 张三总书记: the title follows its person, and names its own body


def _posts(scan: ChainScan, ctx: PlaceContext, default_org: str | None) -> list[Post]:
    posts = []
    for item in scan.items:
        org = _implied(item.title, item.raw, item.carried, ctx)
        if org is None and not scan.after_name:
            org = item.raw or item.carried or item.earlier or default_org
        if org and default_org and _short_for(org, default_org):
            org = default_org  # 主席团 in a story of X会议主席团's meeting is X会议主席团
        if org:
            posts.append(_make_post(item.title, org, ctx))
    return posts


def _short_for(org: str, body: str) -> bool:
    """Is `org` the story's body written short: its ending, naming no place of its own?"""
    return org != body and body.endswith(org) and org[0] not in LEVELS and not _has_place(org)


@lru_cache(maxsize=4096)
def scan_chains(text: str) -> tuple[ChainScan, ...]:
    """The title chains of a sentence: their titles, bodies as written, and names."""
    chains: list[ChainScan] = []
    matches = [m for m in title_pattern().finditer(text) if not _inside_body_word(text, m)]
    if not matches:
        return ()
    delimiters = _Delimiters(text)
    i = 0
    anchor = 0
    sentence_org: str | None = None
    while i < len(matches):
        items: list[_Item] = []
        first = matches[i]
        j = i
        carried: str | None = None
        written: str | None = None  # a body written out (not implied by a title)
        party_before = False  # the item before was a post in a party body (X党工委书记)
        while True:
            m = matches[j]
            title = titles()[m.group()]
            seg_start = max(anchor, delimiters.last_before(m.start()) + 1)
            raw = _org_text(text, seg_start, m.start())
            if j == i and raw and _is_name_before_title(raw, title):
                # 张三总书记, 赵六院长: the title follows the person it describes
                start = m.start() - len(raw)
                item = _Item(title, "", None, None)
                chains.append(ChainScan(start, m.end(), (item,), ((raw, start, m.start()),), True))
                break
            if raw and not _is_org(raw):
                raw = ""
            if raw.startswith(party_departments()) and carried:
                raw = carried + raw
            elif raw and carried and party_before and not _has_place(raw):
                raw = carried + raw  # 高新区党工委书记、管委会主任: the 管委会 of that 高新区
            items.append(_Item(title, raw, carried, sentence_org))
            if not title.body or title.body[0] in LEVELS:
                carried = raw or carried
            if not title.body and raw:
                written = raw
            party_before = bool(title.suffix) and bool(raw)
            nxt = m.end()
            if (
                nxt < len(text)
                and text[nxt] in "、兼"
                and j + 1 < len(matches)
                and matches[j + 1].start() < delimiters.first_from(nxt + 1)
            ):
                anchor = nxt + 1
                j += 1
                continue
            break
        if chains and chains[-1].start == matches[j].start() - len(chains[-1].names[0][0]):
            anchor, i = matches[j].end(), j + 1
            continue
        names = name_list(text, matches[j].end(), strict=False)
        if names:
            chains.append(ChainScan(first.start(), names[-1][2], tuple(items), names, False))
            sentence_org = written or sentence_org
            anchor = names[-1][2]
        else:
            anchor = matches[j].end()
        i = j + 1
    return tuple(chains)


def _has_place(raw: str) -> bool:
    return leading_place(raw)[0] is not None or raw[:1] in "省市县区"


def _is_name_before_title(raw: str, title: Title) -> bool:
    """张三 in 张三总书记; not 南陵 in 南陵县委书记 (南陵县 is a place)."""
    return (
        looks_like_name(raw)
        and not is_common_word(raw)
        and not ends_with_suffix(raw)
        and leading_place(raw + title.word)[0] is None
    )


def _inside_body_word(text: str, m: re.Match[str]) -> bool:
    """常委 in 常委会, 委员 in 委员会, 主席 in 主席团, 书记 in 书记处: the title's letters
    are part of a body's name (the next character asked first: a title is rarely followed
    by one of these)."""
    after = text[m.end() : m.end() + 1]
    return after in BODY_ENDINGS and ends_with_suffix(text[m.start() : m.end() + 1])


class _Delimiters:
    """Where a sentence's delimiters are, found once: a chain's items are read between them."""

    def __init__(self, text: str) -> None:
        self.at = [m.start() for m in DELIMITER.finditer(text)]
        self.length = len(text)

    def last_before(self, pos: int) -> int:
        k = bisect_left(self.at, pos)
        return self.at[k - 1] if k else -1

    def first_from(self, pos: int) -> int:
        k = bisect_left(self.at, pos)
        return self.at[k] if k < len(self.at) else self.length
