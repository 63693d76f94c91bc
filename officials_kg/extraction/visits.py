"""Visits: who went where and did what (`张三到常德市考察调研`, `哈密市考察团来我市考察`),
received whom (`张三会见李四一行`) or called on whom (`张三一行看望慰问人大代表`). A visit
is named by its visitor as the text writes them, its place and what was done there; a
meeting with no name of its own, by its host and guests (`张三同基层代表座谈会`) or its
speaker and audience (`张三为市委党校学员作专题报告`)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from officials_kg.extraction.mentions import LEAD_NOISE, EventMention
from officials_kg.extraction.orgs import PlaceContext, resolve_place_words

VISIT = re.compile(
    r"(?P<who>[^，。；：！？\n]{2,32}?)(?P<verb>来到|前往|莅临|深入|走进|来|到|赴|在)"
    r"(?P<where>(?!看望|慰问|考察|调研)[^，。；：！？\n、]{1,14}?)"
    r"(?:，|就[^，。；：！？\n]{1,30}?(?:进行|开展)?)?"  # 来滁，实地考察; 到济宁就…进行调研
    r"(?:专题|专项|实地|专程|督促)*(?P<what>(?:参观|走访)*"
    r"(?:考察调研|调研|考察|视察|看望慰问|慰问|走访|督查|检查|(?:亲切)?接见[^，。；]{2,20}?(?=[，。；]|$)))"
    r"(?=[^，。；：！？\n、]{0,12}?(?:[，。；：！？\n《、]|时|期间|并|$))"  # what is done there
)
# 张三会见李四一行: the host and the guests of a reception, each of whom attends
RECEPTION = re.compile(
    r"(?P<who>[^，。；：！？\n]{2,24}?)(?:在[^，。；：！？\n]{1,12}?)?(?P<what>会见|会谈)了?"
    r"(?P<guest>[^，。；：！？\n]{2,80}?)(?=[，。；！？\n]|$)"
)
# 张三在北京主持召开座谈会，同Y进行座谈; 张三同Y座谈: a meeting named by its host and guests
TALKS = re.compile(
    r"(?P<who>[^，。；：！？\n]{2,40}?)(?:在[^，。；：！？\n]{1,12}?)?"
    r"(?:(?:主持召开|召开)了?(?P<meeting>座谈会)，)?"
    r"(?:同|与)(?P<whom>[^，。；：！？\n、]{2,30}?)(?:进行了?)?座谈(?!会)"
)
# 张三（应邀）为Y作专题报告: a talk named by its speaker and audience
LECTURE = re.compile(
    r"(?P<who>[^，。；：！？\n]{2,40}?)(?:应邀)?为(?P<whom>[^，。；：！？\n、为]{2,30}?)"
    r"(?P<what>作了?(?:一场)?(?:主题|专题|辅导|形势|政策)?(?:辅导报告|报告|讲座))"
)
VISIT_WORD = re.compile(r"考察|调研|视察|慰问|走访|接见|会见|会谈|督查|检查")
"""Every visit and reception names one of these: most sentences need no other search."""
VISITS_PLACE = re.compile(
    r"(?P<who>[^，。；：！？\n]{2,12}?)(?P<what>视察|考察)(?P<where>[^，。；：！？\n、时]{2,6})时"
)
# a call on people with no place named: 张三一行看望慰问人大代表
CALLS_ON = re.compile(
    r"(?P<who>[^，。；：！？\n]{2,32}?)"
    r"(?P<what>看望慰问|走访慰问|走访看望|看望)了?(?P<whom>[^，。；：！？\n]{2,16}?)(?=[，。；！？\n]|$)"
)
LED_GROUP = re.compile(r"(?:带领|率领|率)(?P<group>[^，。；：！？\n]{1,12}?(?:团|组|队))$")
LEADING = re.compile(r"(?:带队|率队|带领|率)$")  # 张三带队到…调研: 张三 goes
HOST_GROUP = re.compile(r"^[^，。；：！？\n]{0,6}领导(?=[^，。；：！？\n]{2,}等$)")
GUEST_LEAD = re.compile(r"^(?:出席|参加|列席)[^，。；：！？\n]{2,30}?的")
ACCOMPANIED = re.compile(r"在[^在]*?陪同下$")  # 张三在李四的陪同下到…: 张三 goes
PARTY = re.compile(r"(?:一行|等)$")  # 张三一行到…: 张三 and those with him
VISITORS = re.compile(r"(?:团|组|一行|代表团|考察团|调研组|检查组)$")


def _home_abbreviation(where: str, home: str | None) -> str:
    """我市, 本市 and the one-character abbreviation of the home city (来许, 来承) → the city."""
    if home and (where in ("我市", "本市") or (len(where) == 1 and home.startswith(where))):
        return home
    return where


def _visitor(who: str, persons: AbstractSet[str]) -> tuple[str | None, str]:
    """Who goes (or receives), and how a visit's name writes them: the longest known name
    the words end with (a set's order changes from run to run), with 一行 if they say it
    (市委书记张三一行到… → 张三一行到…); else the group as written (考察团)."""
    words = LEADING.sub("", ACCOMPANIED.sub("", LEAD_NOISE.sub("", who).lstrip("，")))
    led = LED_GROUP.search(words)
    if led is not None:  # 张三带领二分团到…: the group goes, named so; 张三 leads it
        leader = max(
            (p for p in persons if words.endswith(p, 0, led.start())), key=len, default=None
        )
        return leader, led.group("group")
    party = PARTY.search(words)
    bare = words[: party.start()] if party else words
    visitor = max((p for p in persons if bare.endswith(p)), key=len, default=None)
    if visitor is None:  # 以张三为团长的某省代表团: the group is named after 的
        return None, words[words.rindex("的") + 1 :] if "的" in words else words
    return visitor, visitor + ("一行" if party and party.group() == "一行" else "")


def _talks(text: str, persons: AbstractSet[str]) -> list[EventMention]:
    """A meeting named by who held it and with whom (`张三同基层代表座谈`, `张三主持召开
    座谈会，同青年代表进行座谈` → 张三同青年代表座谈会): the roles are the cues' to give."""
    out = []
    for m in TALKS.finditer(text):
        host, _ = _visitor(m.group("who"), persons)
        if host is not None:
            name = f"{host}同{m.group('whom')}座谈{'会' if m.group('meeting') else ''}"
            out.append(EventMention(m.start(), m.end(), name, "meeting", None, True, False))
    return out


def _lectures(text: str, ctx: PlaceContext, persons: AbstractSet[str]) -> list[EventMention]:
    """A talk named by its speaker and audience (`张三为市委党校学员作专题报告`), who speaks."""
    out = []
    for m in LECTURE.finditer(text):
        speaker, _ = _visitor(m.group("who"), persons)
        if speaker is not None:
            whom = resolve_place_words(m.group("whom"), ctx)
            name = f"{speaker}为{whom}{m.group('what')}"
            out.append(
                EventMention(
                    m.start(), m.end(), name, "meeting", None, True, False, speaker, "speak"
                )
            )
    return out


def find_visits(text: str, ctx: PlaceContext, persons: AbstractSet[str]) -> list[EventMention]:
    """The visits and receptions a sentence names, by who went (or received) among `persons`,
    and the meetings named so."""
    out = _talks(text, persons) if "座谈" in text else []
    if "为" in text and ("报告" in text or "讲座" in text):
        out += _lectures(text, ctx, persons)
    if not VISIT_WORD.search(text):
        return out  # most sentences: skip the slower patterns below
    home = ctx.city.name if ctx.city else None
    for m in VISIT.finditer(text):
        visitor, who = _visitor(m.group("who"), persons)
        if not (visitor or VISITORS.search(who)):
            continue  # 此次来许昌考察: no one named goes anywhere
        where = _home_abbreviation(m.group("where"), home)
        verb = "到" if m.group("verb") in ("来到", "前往", "深入", "走进") else m.group("verb")
        name = f"{who}{verb}{where}{m.group('what')}"
        out.append(EventMention(m.start(), m.end(), name, "visit", None, True, False, visitor))
    receptions = RECEPTION.finditer(text) if "会" in text else ()  # 会见, 会谈
    for m in receptions:
        host, who = _visitor(m.group("who"), persons)
        if host is None:
            continue  # 会见 with no one named who receives
        group = HOST_GROUP.match(LEAD_NOISE.sub("", m.group("who")))
        if group:
            who = resolve_place_words(group.group(), ctx)  # 市领导张三、李四等会见 → X市领导
        guest = GUEST_LEAD.sub("", m.group("guest"))  # 出席…会议的港澳委员 → 港澳委员
        # the hosts listed (市领导张三、李四等) and the guests named attend
        guests = tuple(sorted(p for p in persons if p in guest or p in m.group("who")))
        name = f"{who}{m.group('what')}{guest}"
        out.append(
            EventMention(
                m.start(), m.end(), name, "visit", None, True, False, host, "attend", guests
            )
        )
    calls_on = CALLS_ON.finditer(text) if "看望" in text or "走访" in text else ()
    for m in calls_on:
        visitor, who = _visitor(m.group("who"), persons)
        if visitor is not None:  # 张三一行看望慰问人大代表: named by who and whom
            name = f"{who}{m.group('what')}{m.group('whom')}"
            out.append(EventMention(m.start(), m.end(), name, "visit", None, True, False, visitor))
    for m in VISITS_PLACE.finditer(text) if "时" in text else ():
        who = re.sub(r"(?:总书记|同志)$", "", LEAD_NOISE.sub("", m.group("who")))
        if who in persons:
            name = f"{who}{m.group('what')}{m.group('where')}"
            out.append(EventMention(m.start(), m.end(), name, "visit", None, False, False, who))
    return out
