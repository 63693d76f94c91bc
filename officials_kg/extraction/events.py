"""Events: the meetings and activities a sentence names, and its visits.

A *named* event ends with an event word from lexicons/event_words.tsv (会议, 座谈会,
党课, 活动 …) and starts after a delimiter or after the word that introduces it (召开,
出席, 在 …). A bare event word right after such a word (`出席会议`, `会议由`) is the
story's own meeting, not a new one.

Visits (who went where: `张三到常德市考察调研`) are extraction/visits.py's; both kinds
are EventMentions (extraction/mentions.py).

A mention is *reported* when the text says it took place (`召开X`, `X召开`, `在Y举行的X`,
`收听收看了X`) or it is a numbered session (`十五届人大四次会议`); background mentions
(`X精神`) become events only when someone is said to take part in them.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import cache, lru_cache

from officials_kg import lexicons
from officials_kg.extraction.mentions import LEAD_NOISE, EventMention
from officials_kg.extraction.names import is_common_word
from officials_kg.extraction.orgs import (
    PLACE_WORDS,
    PlaceContext,
    canonical_org,
    ends_with_suffix,
    org_suffixes,
    resolve_place_words,
)
from officials_kg.extraction.visits import find_visits

INTRO = re.compile(
    r"(?:主持召开|组织召开|召开了|召开|举行了|举行|举办了|举办|开展了|开展|组织开展|组织"
    r"|参加了|参加|出席了|出席|列席|主持|收听收看了|收听收看|参观|筹备|贯彻落实|贯彻|落实|学习|传达"
    r"|讲授|宣讲|主讲|提请|提交|决定|宣布"
    r"|围绕|按照|根据|通过|经|在|于|到|赴|(?<!党)的|了|是|对|就|将|把|为|向|从|等|要|取消|进行"
    r"|和|与|及|领悟|深入|聚焦|贯穿|坚持|完善)$"
)
INTRO_LONGEST = 5  # 收听收看了
INTRO_CHARS = frozenset(ch for ch in INTRO.pattern if "\u4e00" <= ch <= "\u9fff")
"""Every word of INTRO ends with one of these: most positions, after any other character,
need no search (the walk back over an event's name asks at each character)."""
HAPPENED_BEFORE_CHARS = 6  # the longest words of HAPPENED_BEFORE, read before a name
HAPPENED_BEFORE = re.compile(
    r"(?:(?:召开|举行|举办|组织开展|开展|进行|主持召开|收听收看|讲授|宣讲|主讲)了?"
    r"|(?:主办|承办|举办|举行|召开)的)$"
)
HAPPENED_AFTER = re.compile(
    r"^(?:[\d月日至\-~、上下午晚]{2,16}|于[^，。；]{1,12}?|今天|今日|昨天|昨日|日前|近日)?"
    r"(?:在[^，。；]{1,20}?)?(?:隆重|胜利|顺利|正式)?"  # X今天在北京隆重开幕, X于3月5日召开
    r"(?:召开|举行|举办|开幕|闭幕|开始)"
)
BACKGROUND_AFTER = re.compile(  # X精神, X和Y精神, X政治决议, X关于…的决议: X is background
    r"^(?:[、和及与][^，。；]{0,30}?)?"
    r"(?:精神|(?:政治)?决议|部署|要求|报告|以来|期间|之后|后|关于|选举|议程|日程)"
)
PLACE_AFTER = re.compile(r"中心|室|厅|楼|大厦|现场|场馆|组|团|队")  # 会议室, 督查组: no event
BRACKETED = re.compile(r"[（(][\u4e00-\u9fff]{1,4}[）)]$")
# 市委书记张三主持召开市委常委会, 市政协召开常委会议: the bare 常委会 of a named
# committee is its meeting
_COMMITTEE_WORD = r"(?P<word>常委(?:（扩大）|\(扩大\)|扩大)?会议?)(?=[，。；]|$)"
COMMITTEE_MEETING = (
    re.compile(rf"(?:召开|举行)了?(?P<body>[^，。；：、\n]{{0,12}}?委){_COMMITTEE_WORD}"),
    re.compile(
        rf"(?P<body>[^，。；：、\n\d]{{0,12}}?(?:委|政协))(?:[^，。；：\n]{{0,12}}?(?:召开|举行)了?)"
        rf"{_COMMITTEE_WORD}"
    ),
)
# 沧州市与某市签订友好城市意向书, 双方签署战略合作协议: a signing, named by its clause; its
# parties are two, the first named before 与 (和, 同), not a clause that opens with 与
SIGNING = re.compile(
    r"(?:^|(?<=[，。；：！？\n]))(?P<parties>[^，。；：！？\n]{2,40}?)签(?:订|署)了?"
    r"[^，。；：！？\n]{0,30}?(?:协议书|协议|意向书|备忘录|合同|协定)"
)
SIGNING_PARTIES = re.compile(r"^(?![与和同并])[^与和同]{2,}(?:与|和|同)[^与和同]{2,}")
WIRE_LEAD = re.compile(r"^(?:[^，。]*?\d+月\d+日电)?(?:[（(][^）)]{1,10}[）)])?")
# who holds a meeting, in the words before its verb: up to a date, a time or a place
HOLDER = re.compile(r"[^\d在于今昨前上下晚]+?(?=\d|在|于|今天|昨天|前天|上午|下午|晚上|$)")
GROUP_SITTING = re.compile(r"分组(?:召开|举行)了?会议")  # 代表们分组召开会议: a sitting
SESSION_NUMBER = re.compile(r"[第]?[一二三四五六七八九十百\d]+次|[一二三四五六七八九十]中全会")
PLANNED_CHARS = 20  # the longest words of PLANNED, read before a name
PLANNED = re.compile(  # words before a meeting that has not (yet) taken place
    r"(?:提请|提交|决定|(?:即将|将要|将于|拟于|拟)[^，。；]{0,10}?(?:召开|举行|举办)的?)$"
)
NUMBERED = re.compile(r"[第]?[一二三四五六七八九十百\d]+(?:届|次)")
CLAUSE_MARKS = "，。；：、\n"
NAME_PREPOSITIONS = frozenset("向对为就把从在于")  # a name may hold one (…向省纪委全会述职会议)
HELD_OR_ATTENDED = re.compile(r"召开|举行|举办|出席|参加|列席|主持")
STOP = set("，。；：！？（）()\n《》、")
CONGRESS = re.compile(r"党的[一二三四五六七八九十]{2,3}大(?![学会局队厦街道楼])")  # 党的二十大
MIN_NAME = 6
MAX_ANTECEDENT = 16  # characters of a body that 该校 or 该院 stands for
ANTECEDENT_STOP = STOP | set("到在于赴对向从与和及")  # a body's name starts after these


@cache
def event_words() -> dict[str, str]:
    return {word: kind for word, kind in lexicons.table("event_words.tsv", "word", "type")}


@cache
def _event_pattern() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(event_words()))


@cache
def _weak_leads() -> tuple[str, ...]:
    return lexicons.words("event_weak_leads.txt")


def _introduced(text: str, at: int) -> bool:
    """Does a word that introduces an event (召开, 出席, 在 …) end right before `at`? A
    one-character one counts only as a word of its own: 经 in 经济 or 财经 does not."""
    if text[at - 1 : at] not in INTRO_CHARS:
        return False
    intro = INTRO.search(text, max(0, at - INTRO_LONGEST), at)  # its words end at `at`
    if intro is None:
        return False
    if len(intro.group()) > 1:
        return True
    if text[at - 1] == "经" and at >= 2 and is_common_word(text[at - 2 : at], 50):
        return False  # 经 ends a word (财经, 已经); as a preposition it opens a clause
    return not is_common_word(text[at - 1 : at + 1], 50)


def _preposition_in_name(text: str, at: int) -> bool:
    """The preposition before `at` is part of the event's name being read back from its
    event word, not its introduction: the clause holds or attends the event by a verb before
    it (召开各市市委书记向省纪委全会述职会议, 举办在京代表座谈会), and the words from that
    verb on name no other event and join no other clause (并)."""
    if text[at - 1] not in NAME_PREPOSITIONS:
        return False
    clause = _last_clause(text[: at - 1])
    verbs = list(HELD_OR_ATTENDED.finditer(clause))
    if not verbs:
        return False
    words = clause[verbs[-1].end() :]
    return "并" not in words and _event_pattern().search(words) is None


def _named(text: str, m: re.Match[str], ctx: PlaceContext) -> EventMention | None:
    word = m.group()  # the event word the name ends with, read once for the walk below
    end = m.end()
    if text[end : end + 1] in ("暨", "和"):
        return None  # the name goes on: 座谈会暨经验交流会
    start = end - len(word)
    if start == 0 or text[start - 1] in STOP or _introduced(text, start):
        return None  # 出席会议, 会议由…
    if PLACE_AFTER.match(text, end):
        return None  # 会议中心 is a place, 考察组 a body
    if ends_with_suffix(text[max(0, start - 4) : end]):
        return None  # 人民代表大会 is a body, not a meeting
    while start > 0 and text[start - 1] not in STOP and end - start < 48:
        intro = end - start > len(word) + 1 and _introduced(text, start)
        if intro and not _preposition_in_name(text, start):
            break
        if text[start - 1] == "”" and "“" in text[:start]:
            start = text.rindex("“", 0, start)  # a quoted name may hold commas
            continue
        # read only before a closing bracket: a search for `$` tries every earlier position
        closes = text[start - 1] in "）)"
        bracket = BRACKETED.search(text, max(0, start - 7), start) if closes else None
        if bracket:
            start = bracket.start()  # 常委（扩大）会议: a part in brackets
            continue
        start -= 1
    raw = LEAD_NOISE.sub("", text[start:end])
    if raw.startswith("“") and raw.count("“") > raw.count("”"):
        raw = raw[1:]
    antecedent = _antecedent(raw, text, start)  # 该校 after 海南大学
    if antecedent is None and (len(raw) <= len(word) + 1 or raw.startswith(_weak_leads())):
        return None
    before, after = text[: text.index(raw, start)], text[end:]
    if antecedent is not None:
        raw = antecedent  # 海南大学创办50周年庆祝大会
    verb = HAPPENED_BEFORE.search(before, max(0, len(before) - HAPPENED_BEFORE_CHARS))
    head = _clause_before(before[: verb.start()]) if verb else ""  # who or what held it
    organizer = None
    holder = None
    if verb is not None and raw.startswith("第"):  # 举行第七次会议: named after who holds it
        holder = HOLDER.match(_clause_of_holder(before[: verb.start()]))
    if _sitting_pattern().fullmatch(raw) and is_session(head):
        raw = head + raw  # 十六届人大四次会议举行第二次全体会议: a sitting of that session
    elif holder and ends_with_suffix(holder.group()):
        raw = holder.group() + raw  # X主席团15日在北京举行第七次会议 → X主席团第七次会议
        organizer = canonical_org(holder.group(), ctx)
    elif 2 <= len(head) <= 24 and (ends_with_suffix(head) or PLACE_WORDS.match(head)):
        organizer = canonical_org(head, ctx)
    name = resolve_place_words(raw, ctx)
    if (
        organizer
        and not PLACE_WORDS.match(organizer)  # 我市 left unresolved adds nothing
        and name == raw
        and not PLACE_WORDS.match(raw)
        and not name.startswith(organizer[:2])
    ):
        name = organizer + name  # 甘肃省监狱管理局召开党的二十大精神宣讲会
    sitting = name == raw and _sitting_pattern().fullmatch(raw) is not None
    if len(name) < MIN_NAME and not sitting:
        return None
    background = BACKGROUND_AFTER.match(after) is not None
    numbered = SESSION_NUMBER.search(raw) is not None  # 十五届人大四次会议: a session held
    if PLANNED.search(before, max(0, len(before) - PLANNED_CHARS)):
        verb, numbered = None, False  # 提请X审议, 即将举办的X: not (yet) a happening
    return EventMention(
        start=start,
        end=end,
        name=name,
        type=event_words()[word],
        organizer=organizer,
        reported=bool(verb or HAPPENED_AFTER.match(after) or (numbered and not background)),
        background=background,
        sitting=sitting,
    )


def _last_clause(text: str) -> str:
    """What follows the last clause mark of `text` (its whole if none): a sentence's
    prefix before an event, read at every event named, so found from its end."""
    return text[max(map(text.rfind, CLAUSE_MARKS)) + 1 :]


@cache
def _anaphors() -> tuple[tuple[str, tuple[str, ...]], ...]:
    rows = lexicons.table("anaphors.tsv", "anaphor", "endings")
    return tuple((anaphor, tuple(endings.split())) for anaphor, endings in rows)


def _antecedent(raw: str, text: str, start: int) -> str | None:
    """An event name opening with a word that stands for a body named before it in the
    sentence (该校创办50周年庆祝大会 after 到海南大学参加), with that body's name instead."""
    if not raw.startswith("该"):
        return None  # most names
    for word, endings in _anaphors():
        if not raw.startswith(word):
            continue
        ends = [text.rfind(e, 0, start) + len(e) for e in endings if text.rfind(e, 0, start) >= 0]
        if not ends:
            return None
        end = max(ends)
        begin = end
        while begin > 0 and end - begin < MAX_ANTECEDENT and text[begin - 1] not in ANTECEDENT_STOP:
            begin -= 1
        body = text[begin:end]
        return body + raw[len(word) :] if len(body) > len(word) else None
    return None


def _clause_of_holder(text: str) -> str:
    """`text`'s last clause without a wire dateline or a tag, dates and places kept (the
    holder of a meeting is read up to them)."""
    return WIRE_LEAD.sub("", _last_clause(text))


def _clause_before(text: str) -> str:
    """The words of `text`'s last clause, without a leading date or 在/由/经."""
    head = _last_clause(text)
    return LEAD_NOISE.sub("", re.sub(r"^(?:在|由|经)", "", head))


@cache
def _sitting_pattern() -> re.Pattern[str]:
    words = lexicons.alternation(lexicons.words("sittings.txt"))
    return re.compile(rf"(?:第[一二三四五六七八九十百\d]+次)?{words}")


@cache
def _meeting_words() -> tuple[str, ...]:
    return tuple(w for w, kind in event_words().items() if kind == "meeting")


def is_session(words: str) -> bool:
    """A numbered session of a congress or a conference (十六届人大四次会议): what holds
    sittings of its own (第二次全体会议, 预备会议, 分组会议)."""
    return words.endswith(_meeting_words()) and NUMBERED.search(words) is not None


_KEY_WORDS = re.compile(r"中国共产党|人民代表大会|人民政府|届委员会|第")  # one of each form below
_KEY_FORMS = (  # long and short forms of one meeting's name
    (re.compile(r"中国共产党"), "中共"),
    (re.compile(r"人民代表大会常务委员会"), "人大常委会"),
    (re.compile(r"人民代表大会"), "人大"),
    (re.compile(r"人民政府"), "政府"),
    (re.compile(r"^政协(.+?)第?([一二三四五六七八九十百\d]+)届委员会"), r"\1政协\2届"),
    (re.compile(r"第([一二三四五六七八九十百\d]+)(届|次)"), r"\1\2"),
)


@lru_cache(maxsize=4096)  # asked for each name at each of its mentions
def event_key(name: str) -> str:
    """A meeting's name in one canonical form: 中国共产党上海市第九次代表大会 and
    中共上海市第九次代表大会, 政协某市第五届委员会第四次会议 and 某市政协五届四次会议 are
    one key."""
    if _KEY_WORDS.search(name) is None:
        return name  # no long form, no ordinal: the name is its key
    for pattern, repl in _KEY_FORMS:
        name = pattern.sub(repl, name)
    return name


def sitting_of_session(name: str, other: str) -> bool:
    """Is one name the other's and more: a sitting of a session (阳泉市十六届人大四次会议第二次
    全体会议 of 阳泉市十六届人大四次会议), or a meeting of one of its bodies (X会议主席团第七次
    会议)? Two events, then, not one under two names."""
    short, long = sorted((name, other), key=len)
    if not (len(long) > len(short) and long.startswith(short)) or not is_session(short):
        return False
    rest = long[len(short) :]
    return _sitting_pattern().fullmatch(rest) is not None or rest.startswith(org_suffixes())


def _in_book_title(text: str, at: int) -> bool:
    """Inside 《…》: the title of a document (《关于开展X活动的实施意见》), not an event."""
    return text.rfind("《", 0, at) > text.rfind("》", 0, at)


def _signing(m: re.Match[str], ctx: PlaceContext) -> EventMention:
    """X与Y签订Z协议: an activity named as the clause writes it, its 市 resolved."""
    name = resolve_place_words(LEAD_NOISE.sub("", m.group()), ctx)
    return EventMention(m.start(), m.end(), name, "activity", None, True, False)


def _committee_meeting(m: re.Match[str], ctx: PlaceContext) -> EventMention:
    body = canonical_org(m.group("body"), ctx)
    name = body + m.group("word")
    return EventMention(m.start("body"), m.end(), name, "meeting", body, True, False)


def find_events(
    text: str, ctx: PlaceContext, persons: AbstractSet[str] = frozenset()
) -> list[EventMention]:
    """Event mentions of one sentence; where two overlap, visits first, then the longer."""
    found = find_visits(text, ctx, persons) + list(_named_events(text, ctx))
    if len(found) < 2:
        return found  # nothing can overlap (most sentences)
    kept: list[EventMention] = []
    for e in found:
        if any(k.start < e.end and e.start < k.end for k in kept):
            continue
        kept.append(e)
    return sorted(kept, key=lambda e: e.start)


@lru_cache(maxsize=4096)  # sentences recur from page to page (a standing phrase, a headline)
def _named_events(text: str, ctx: PlaceContext) -> tuple[EventMention, ...]:
    """The meetings and activities a sentence names, longest first (its visits depend on
    the persons known, and are read anew)."""
    named = [e for m in _event_pattern().finditer(text) if (e := _named(text, m, ctx))]
    named += [
        EventMention(m.start(), m.end(), m.group(), "meeting", None, False, False)
        for m in CONGRESS.finditer(text)
    ]
    if "常委" in text and ("召开" in text or "举行" in text):  # most sentences: no such meeting
        named += [_committee_meeting(m, ctx) for p in COMMITTEE_MEETING for m in p.finditer(text)]
    if "签" in text:  # 签订, 签署
        named += [
            _signing(m, ctx) for m in SIGNING.finditer(text) if SIGNING_PARTIES.search(m["parties"])
        ]
    if "分组" in text:
        named += [
            EventMention(m.start(), m.end(), "分组会议", "meeting", None, True, False, sitting=True)
            for m in GROUP_SITTING.finditer(text)
        ]
    named = [e for e in named if not _in_book_title(text, e.start)]
    return tuple(sorted(named, key=lambda e: e.start - e.end))
