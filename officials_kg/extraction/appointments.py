"""Appointment, election and removal notices: `任命张三为市公安局局长`, `李四当选为主任`,
`免去王五的市公安局局长职务`, `赵六辞去市长职务`, `孙七不再担任委员`.

A notice writes the person before the posts, where a title chain writes them after. Each
notice is read by turning it round into a chain (`市公安局局长张三`), which titles.py parses
as any other: bodies carried over, implied bodies, places from the context. What the
notice does to the post is its status: an appointment or an election gives a current
post, a removal, a resignation or `不再担任` a post left (FORMAT.md: `"status": "left"`).
A post only proposed (`提名`, `拟任`) is no post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from officials_kg.extraction.names import is_common_word, name_list
from officials_kg.extraction.orgs import PlaceContext
from officials_kg.extraction.titles import Chain, read_chains

CURRENT = "current"
LEFT = "left"

# the verb, and the status it gives; the name follows the verb (任命张三为…, 免去张三…) or
# precedes it (张三当选为…, 张三辞去…)
_NAME_FIRST = re.compile(r"(?:当选为|当选|辞去|不再担任)")
_NAME_AFTER = re.compile(r"(?:决定)?(?:任命|免去|免除|撤销)")
NOTICE_WORDS = re.compile(r"任命|当选|免去|免除|撤销|辞去|不再担任")  # a sentence to read
_STATUS = {"任命": CURRENT, "当选": CURRENT, "免去": LEFT, "免除": LEFT, "撤销": LEFT}
_STATUS.update({"辞去": LEFT, "不再担任": LEFT})
# the posts of a notice run to its end: 职务, a delimiter, or the next notice
_POSTS = re.compile(r"[^，。；：！？\n（）()]{2,40}?(?=的?职务|[，。；：！？\n（）()]|$)")
_PROPOSED = re.compile(r"(?:提名|拟任|拟提名|推荐)$")


@dataclass(frozen=True)
class Notice:
    """A notice about one or more persons' posts, read as a chain, with its status."""

    chain: Chain
    status: str


def read_notices(text: str, ctx: PlaceContext, default_org: str | None = None) -> list[Notice]:
    """The appointments, elections and removals of one sentence."""
    if NOTICE_WORDS.search(text) is None:
        return []  # most sentences
    notices: list[Notice] = []
    for verb in _NAME_AFTER.finditer(text):
        if _PROPOSED.search(text, 0, verb.start()):
            continue
        names = name_list(text, verb.end(), strict=False)
        if not names:
            continue
        at = names[-1][2]
        status = _STATUS[verb.group().removeprefix("决定")]
        if status == CURRENT:
            if text[at : at + 1] != "为":
                continue
            at += 1
        elif text[at : at + 1] == "的":
            at += 1
        notices += _notice(text, at, [n for n, _, _ in names], status, ctx, default_org)
    for verb in _NAME_FIRST.finditer(text):
        before = _names_before(text, verb.start())
        if before:
            status = _STATUS[verb.group().removesuffix("为")]
            notices += _notice(text, verb.end(), before, status, ctx, default_org)
    return notices


def _names_before(text: str, end: int) -> list[str]:
    """The names of an enumeration that ends right before `end` (张三、李四当选为…)."""
    start = end
    while start > 0 and text[start - 1] not in "，。；：！？\n（）()":
        start -= 1
    for at in range(start, end - 1):
        listed = name_list(text, at, strict=True)
        if listed and listed[-1][2] == end and not is_common_word(listed[0][0]):
            return [n for n, _, _ in listed]  # not 包括 in 包括不再担任…
    return []


def _notice(
    text: str,
    at: int,
    names: list[str],
    status: str,
    ctx: PlaceContext,
    default_org: str | None,
) -> list[Notice]:
    posts = _POSTS.match(text, at)
    if posts is None:
        return []
    turned = posts.group() + "、".join(names)  # 市公安局局长张三、李四
    return [
        Notice(Chain(at, posts.end(), chain.posts, chain.names), status)
        for chain in read_chains(turned, ctx, default_org)
        if chain.names and chain.names[-1][2] == len(turned)
    ]
