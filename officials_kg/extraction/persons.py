"""Pass 1 of the extraction: the persons a document names, and where it names them.

A person is introduced by a title chain (`市长张三`), an appointment notice, a designation
(`种粮大户张三`), a list after a colon (`出席会议的有：…`), as the subject of a speech verb
(`张三说`), or alone on a line (a speech's author). Pass 2 then finds every mention of the
names known, full or given (`建国同志` → 张建国), in every sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from officials_kg import lexicons
from officials_kg.extraction.appointments import read_notices
from officials_kg.extraction.names import (
    BOUNDARY,
    is_common_word,
    looks_like_name,
    name_list,
    surname_at,
    surname_initials,
)
from officials_kg.extraction.orgs import PlaceContext
from officials_kg.extraction.titles import scan_chains, title_pattern, titles
from officials_kg.loaders.places import gazetteer

CLAUSE_MARK = re.compile("[，。；：！？“”\n、（]")  # a clause starts after one
NO_PLACE = PlaceContext()  # made once: a context is hashed once, where it is made
MIN_BARE_LIST = 3  # names joined by 、 that are read as names with no title or verb
# 出席会议的有：, 在主席台就座的有: a list of names follows the colon
LIST_INTRODUCED = re.compile(r"(?:的有|的是|名单|成员有?|人员有|领导有)[：:]")
SPEAKS_IN = re.compile(r"^在[^，。；]{1,24}?[中上](?:说|指出|表示|强调|提出)")
Mention = tuple[str, int, int]  # a known person's full name, start, end


@cache
def _subject_verbs() -> tuple[str, ...]:
    return lexicons.words("subject_verbs.txt")


@cache
def _clause_subjects() -> re.Pattern[str]:
    """The sentence's start or a clause mark, followed by a surname's first character:
    the only clause starts where `_subject_list` can find a subject, found in one search
    rather than tried at each of the sentence's clauses (most sentences open otherwise)."""
    return re.compile(f"(?:^|{CLAUSE_MARK.pattern})(?=[{surname_initials()}])")


@cache
def _designation_pattern() -> re.Pattern[str]:
    return re.compile("(?:" + lexicons.alternation(lexicons.words("designations.txt")) + ')[”"’]?')


def is_place(text: str, at: int) -> bool:
    return gazetteer().match(text, at) is not None


@lru_cache(maxsize=4096)  # sentences recur from page to page (a standing phrase, a headline)
def names_in_sentence(text: str, in_headline: bool = False) -> tuple[str, ...]:
    """The names `_read_names` finds, kept for the sentence's next copy."""
    return tuple(_read_names(text, in_headline))


def _read_names(text: str, in_headline: bool) -> Iterator[str]:
    """Names introduced in a sentence by their context (pass 1). A line of the headline is
    never an author's name (`座\\n谈会`: the headline of a page wrapped it)."""
    for chain in scan_chains(text):
        for name, start, _ in chain.names:
            if "·" in name or not is_place(text, start):  # 拉萨尼·卡托 is no 拉萨
                yield name
    for notice in read_notices(text, NO_PLACE):  # names only: no place is needed
        yield from (name for name, _, _ in notice.chain.names)
    for m in _designation_pattern().finditer(text):
        designated = name_list(text, m.end(), strict=True)
        if designated and not is_place(text, m.end()):
            after = text[designated[-1][2] :]
            follows = after[:1] in "，。、；：" or after.startswith(_subject_verbs())
            if follows and not (len(designated) == 1 and is_common_word(designated[0][0])):
                yield from (name for name, _, _ in designated)
    for m in LIST_INTRODUCED.finditer(text):
        yield from (name for name, _, _ in name_list(text, m.end()))
    for opening in _clause_subjects().finditer(text):
        listed = _subject_list(text, opening.end())
        if listed:
            yield from listed
    stripped = text.strip()
    alone = 2 <= len(stripped) <= 3 and not in_headline
    if alone and looks_like_name(stripped) and not is_common_word(stripped):
        yield stripped  # a speech's author on a line of its own


def _subject_list(text: str, at: int) -> list[str]:
    """`张三说`, `张三、李四及…陪同`, `张三总书记指出`: names opening a clause whose
    verb (or a title that names its body) follows them; or an enumeration of names
    (`张三、李四、王五在主席台就座`), whatever follows, as only names are listed so."""
    listed = name_list(text, at)
    if not listed:
        return []  # most clause starts
    names = [name for name, _, _ in listed]
    if len(listed) >= MIN_BARE_LIST and _names_only(text, listed):
        return names
    for name, start, _ in listed:
        surname = surname_at(text, start) or ""
        if is_place(text, start) or is_place(text, start + len(surname)):
            return []  # 原海南省委书记: 海南 is a place, not a given name
        if is_common_word(name):
            return []
    pos = listed[-1][2]
    if text.startswith("及", pos):
        return names  # 张三、李四及中央和国家机关有关部门负责同志
    after = text[pos:]
    if after.startswith(_subject_verbs()) or SPEAKS_IN.match(after):
        return names
    title = title_pattern().match(after)  # the longest title the words go on with
    if title is not None and titles()[title.group()].body:
        return names
    return []


def _names_only(text: str, listed: tuple[tuple[str, int, int], ...]) -> bool:
    """An enumeration of names, not of places or words: no item is a place or a common
    word, and the items do not all open alike (全覆盖、全链条、全方位 is a slogan)."""
    return (
        not any(is_place(text, start) or is_common_word(name) for name, start, _ in listed)
        and len({name[0] for name, _, _ in listed}) > 1
    )


def find_mentions(texts: list[str], names: dict[str, str]) -> list[list[Mention]]:
    """Mentions of known names in each text (`names` maps each written form, a full or a
    given name, to its full name), left to right, the longest at each place, as an
    Aho-Corasick automaton in leftmost-longest mode would find them. A document knows a
    few dozen forms: finding each with str.find over all its texts at once costs less than
    building an automaton (or compiling a regex) for them, which the next document cannot
    reuse. A given name must stand alone (建国同志, 建国副市长)."""
    joined = "\n".join(texts)  # no name holds a line break: none is found across two texts
    found = []
    for form in names:
        at = joined.find(form)
        while at >= 0:
            found.append((at, -len(form), form))
            at = joined.find(form, at + 1)
    found.sort()
    out: list[list[Mention]] = [[] for _ in texts]
    k, offset = 0, 0  # the text holding the match, and where it starts in `joined`
    taken = 0  # end of the last match kept: matches never overlap
    for at, minus_length, form in found:
        if at < taken:
            continue
        taken = at - minus_length
        while at >= offset + len(texts[k]) + 1:
            offset += len(texts[k]) + 1
            k += 1
        text, start, end, full = texts[k], at - offset, taken - offset, names[form]
        if form != full:  # a given name
            prev = text[start - 1 : start]
            if (prev and prev not in BOUNDARY) or not (
                text[end : end + 1] == "、" or text.startswith(_given_name_followers(), end)
            ):
                continue
        out[k].append((full, start, end))
    return out


@cache
def _given_name_followers() -> tuple[str, ...]:
    return ("同志", *titles())


def given_names(names: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in names:
        surname = surname_at(name, 0)
        given = name[len(surname) :] if surname else ""
        if len(given) >= 2 and "·" not in name:
            out.setdefault(given, name)
    return out
