"""Person names: where a name starts is known from its context (after a title chain, a
designation, a quote or at a clause start); where it *ends* is decided here, from the
surname lexicon, the characters that follow (punctuation, verbs, titles) and, only to
break a tie, jieba's segmentation of a few characters."""

from __future__ import annotations

import logging
import re
from functools import cache, lru_cache

import jieba

from officials_kg import lexicons

CJK = "\u4e00-\u9fff"
DOT_NAME = re.compile(rf"[{CJK}]{{1,6}}·[{CJK}]{{1,8}}")
_HAN_RUN = re.compile(rf"[{CJK}]+")
BOUNDARY = set("，。、；：！？“”‘’（）()《》「」,.;:!? \n·—…")


@cache
def surnames() -> tuple[str, ...]:
    return lexicons.words("surnames.txt")


@cache
def _stop_words() -> tuple[str, ...]:
    words = set(lexicons.words("speech_verbs.txt"))
    words |= set(lexicons.column("titles.tsv", "title"))
    words |= set(lexicons.column("role_cues.tsv", "cue"))
    words |= set(lexicons.words("designations.txt"))
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _stop_given() -> frozenset[str]:
    return frozenset(lexicons.words("stop_given.txt"))


@cache
def _segmenter() -> jieba.Tokenizer:
    """jieba's dictionary taught the project's words (陪同, 出席, 副市长) once, in a tokenizer
    of our own: jieba's default one, which the code around ours may use, cuts as it did
    (taught our words, `jieba.lcut` cut otherwise, and at another speed)."""
    jieba.setLogLevel(logging.WARNING)  # its start-up chatter is not for our users
    segmenter = jieba.Tokenizer()
    segmenter.initialize()  # the dictionary from jieba's cache, as its default tokenizer reads it
    for word in _stop_words():
        segmenter.add_word(word, freq=200_000)
    return segmenter


@cache
def _stop_pattern() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(_stop_words()))


@cache
def _surnames_by_initial() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for surname in surnames():  # longest first, so compound surnames win
        out.setdefault(surname[0], []).append(surname)
    return {k: tuple(v) for k, v in out.items()}


def surname_initials() -> str:
    """The characters a surname can start with (a regex class's contents, all Chinese)."""
    return "".join(sorted(_surnames_by_initial()))


def starts_stop(text: str, at: int) -> bool:
    """Does a name end before `at`: punctuation, a digit (李小强6月2日), a verb or a title."""
    if at >= len(text) or text[at] in BOUNDARY or not "\u4e00" <= text[at] <= "\u9fff":
        return True
    return _stop_pattern().match(text, at) is not None


def surname_at(text: str, at: int) -> str | None:
    for surname in _surnames_by_initial().get(text[at : at + 1], ()):
        if text.startswith(surname, at):
            return surname
    return None


def name_at(text: str, at: int, strict: bool = True) -> str | None:
    """The person name that starts at `at`, or None.

    `strict` (weak contexts) also requires the name to be followed by a clear boundary;
    after a title the context already says a name comes, so a trailing verb suffices.
    """
    dot = DOT_NAME.match(text, at) if "·" in text else None  # most texts have no dot
    if dot:
        end = text.index("·", at) + 2
        # a transliterated name ends where a verb starts, unless another starts one character
        # on (艾山·库尔班提出席: 提出 overlaps 出席, the name ends with 提)
        while end < dot.end() and not (starts_stop(text, end) and not starts_stop(text, end + 1)):
            end += 1
        return text[at:end]
    surname = surname_at(text, at)
    if surname is None:
        return None
    stop = _stop_pattern().match(text, at)  # text[at] is a surname: Chinese, not punctuation
    if stop:
        if stop.group() != surname:
            return None  # 出席, 主持: a verb, not a name
        strict = True  # 向 is a surname and a preposition (主任向大会报告): read it strictly
    g0 = at + len(surname)
    if strict and starts_stop(text, g0):  # 都作出: the would-be given name is a verb
        return None
    stop_given = _stop_given()
    given_max = 0
    while given_max < 2 and g0 + given_max < len(text):
        ch = text[g0 + given_max]
        if not ("\u4e00" <= ch <= "\u9fff") or ch in stop_given:
            break
        given_max += 1
    if given_max == 0:
        return None
    if given_max == 2 and is_common_word(text[at : g0 + 1], 2000):
        given_max = 1  # 承担主体: the surname and the next character make a common word
    if given_max == 2 and strict and is_common_word(text[g0 : g0 + 2], 5000):
        return None  # 项监督
    if given_max == 2:
        end3 = g0 + 2
        if end3 >= len(text) or text[end3] in BOUNDARY:
            return text[at:end3]
        if starts_stop(text, g0 + 1):  # 张三出席, 李四说
            return text[at : g0 + 1]
        if starts_stop(text, end3):
            if _jieba_word_at(text, at, g0 + 1):  # 王明颇为: 颇为 is a word
                return text[at : g0 + 1]
            return text[at:end3]
        return None if strict else text[at:end3]
    end2 = g0 + 1
    if end2 >= len(text) or starts_stop(text, end2):
        return text[at:end2]
    return None


NAME_JOINERS = "、和及与，"
LIST_JOINERS = "和及与"
MAX_ITEM = 4  # characters of a name between two 、 (白玛小林)
MAX_LIST = 60  # names in one enumeration (the genre's longest lists of attendees)


def name_list(text: str, at: int, strict: bool = True) -> tuple[tuple[str, int, int], ...]:
    """The names of an enumeration starting at `at` (`张三、李四和王五`), with their spans.
    The first name is read as `strict` says; the next ones strictly, as they follow a
    joiner. A joiner that ends an item (`李永和、董一宇`) is the given name's last
    character, not a conjunction."""
    names: list[tuple[str, int, int]] = []
    pos = at
    while pos < len(text) and len(names) < MAX_LIST:
        name = _next_name(text, pos) if names else name_at(text, pos, strict=strict)
        if not name:
            break
        end = pos + len(name)
        ends_item = text[end + 1 : end + 2] == "、"
        if len(name) == 2 and text[end : end + 1] in LIST_JOINERS and ends_item:
            end += 1  # 李永和、
            name = text[pos:end]
        names.append((name, pos, end))
        pos = end
        joined = pos + 1 < len(text) and text[pos] in NAME_JOINERS
        if joined and (text[pos] != "，" or len(names) > 1) and _next_name(text, pos + 1):
            pos += 1
            continue
        break
    return tuple(names)


def _is_han(text: str, at: int) -> bool:
    return at < len(text) and "\u4e00" <= text[at] <= "\u9fff"


def _next_name(text: str, at: int) -> str | None:
    """A name after a joiner of an enumeration: a whole item, or a name read strictly."""
    return _list_item(text, at) or name_at(text, at, strict=True)


def _list_item(text: str, at: int) -> str | None:
    """An item of an enumeration of names, whole between two 、 (`王正宇、`, `金和、`,
    `白玛小林、`): inside a list its characters need not pass the tests of a name in
    running text (正 and 和 also end names there)."""
    if surname_at(text, at) is None:
        return None
    end = text.find("、", at, at + MAX_ITEM + 1)
    if end < 0:  # the list's last item ends where its verb starts (吴小成、沈向华出席)
        verbs = (p for p in range(at + 2, at + 4) if _is_han(text, p) and starts_stop(text, p))
        end = next(verbs, -1)
    if end < 0:
        return None
    item = text[at:end]
    if len(item) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in item):
        return None
    return None if is_common_word(item) else item


def _jieba_word_at(text: str, at: int, pos: int) -> bool:
    """Does jieba read a word of two or more characters starting at `pos`, segmenting the
    run of Chinese from `at` (at most 8 characters) as `lcut(HMM=False)` does?"""
    run = _HAN_RUN.match(text, at, at + 8)
    if run is None or pos >= run.end():
        return False
    freq = _segmenter().FREQ
    if not any(freq.get(text[pos:end]) for end in range(pos + 2, run.end() + 1)):
        return False  # no word of jieba's begins there (most names), whatever the route
    ends = _word_ends(run.group())
    x = 0
    while x < pos - at:
        x = ends[x] + 1
    return x == pos - at and ends[x] > x


@lru_cache(maxsize=4096)
def _word_ends(run: str) -> tuple[int, ...]:
    """Where jieba's best route through `run` ends the word begun at each character. Its
    DAG and route directly: `lcut`'s set-up costs 100 µs a call, 8 characters cost 10."""
    segmenter = _segmenter()
    route: dict[int, tuple[float, int]] = {}
    segmenter.calc(run, segmenter.get_DAG(run), route)
    return tuple(route[i][1] for i in range(len(run)))


def is_common_word(candidate: str, max_freq: int = 100) -> bool:
    """A frequent dictionary word (时间, 关注) is not read as a name from weak context."""
    return _segmenter().FREQ.get(candidate, 0) > max_freq


def looks_like_name(candidate: str) -> bool:
    return bool(DOT_NAME.fullmatch(candidate)) or (
        2 <= len(candidate) <= 4
        and all("\u4e00" <= ch <= "\u9fff" for ch in candidate)
        and surname_at(candidate, 0) is not None
    )
