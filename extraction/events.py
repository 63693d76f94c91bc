"""Events: meetings, visits and activities named in a sentence.

An event name ends with an event word from lexicons/event_words.tsv (会议, 座谈会, 考察,
活动 …) and starts after a delimiter or a verb that introduces it (召开, 举行, 出席 …).
A mention is *reported* (a real happening of the story) when a verb says it took place
(`召开X`, `X召开`, `X在海口举行`, a headline `X召开`); background mentions
(`X精神`) only become events when someone is said to take part in them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import lexicons
from extraction.orgs import PlaceContext, canonical_org

INTRO = re.compile(
    r"(?:主持召开|组织召开|召开了|召开|举行了|举行|举办了|举办|开展了|开展|组织开展|组织"
    r"|参加了|参加|出席了|出席|列席|主持|收听收看了|收听收看|参观|筹备|贯彻落实|贯彻|落实|学习|传达"
    r"|围绕|按照|根据|通过|经|在|于|到|赴|的|了|是|和|与|及|对|就|将|把|为|向|从|等|要|取消)$"
)
HAPPENED_AFTER = re.compile(r"^(?:召开|举行|举办|开幕|闭幕|在[^，。]{1,12}?(?:召开|举行|举办))")
HAPPENED_BEFORE = re.compile(r"(?:召开|举行|举办|组织开展|开展|主持召开)$")
BACKGROUND_AFTER = re.compile(r"^(?:精神|决议|部署|要求|报告|以来|期间|之后|后)")
STOP = set("，。；：！？（）()\n《》、")
VISIT = re.compile(
    r"(?P<who>[^，。；：！？\n]{2,24}?)(?P<verb>来|到|赴|在)(?P<where>[^，。；：！？\n、]{1,14}?)"
    r"(?P<what>考察调研|调研|考察|视察|检查|慰问|走访)"
)
PLACE_WORDS = re.compile(r"^(?:全国|全省|全市|全县|全区|本市|我市|我省|我县)")
MAX_NAME = 48


@dataclass
class EventMention:
    start: int  # within the sentence
    end: int
    name: str
    type: str
    organizer: str | None
    reported: bool
    background: bool


@cache
def event_words() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicons.table("event_words.tsv")}


@cache
def _event_pattern() -> re.Pattern[str]:
    words = sorted(event_words(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def resolve_place_words(name: str, ctx: PlaceContext) -> str:
    """`全市公安工作会议` → 许昌市公安工作会议; `市委政法工作会议` → 许昌市委政法工作会议."""
    m = PLACE_WORDS.match(name)
    if m:
        level = {"省": "province", "市": "city", "县": "county", "区": "county"}.get(m.group()[-1])
        where = ctx.at_level(level) if level else None
        return where.name + name[m.end() :] if where else name
    if name[:1] in "省市县" and not name.startswith(("市场", "省份", "县域")):
        return canonical_org(name, ctx)
    return name


def find_events(text: str, ctx: PlaceContext, home_name: str | None) -> list[EventMention]:
    """Event mentions of one sentence, longest first where they overlap."""
    out: list[EventMention] = []
    for m in _event_pattern().finditer(text):
        end = m.end()
        if text[end : end + 1] in ("暨", "和"):
            continue
        start = end - len(m.group())
        if start == 0 or INTRO.search(text[:start]) or text[start - 1] in STOP:
            continue  # 出席会议, 会议由…: the story's own meeting, not a new one
        while start > 0 and text[start - 1] not in STOP and end - start < MAX_NAME:
            if INTRO.search(text[:start]) and end - start > len(m.group()) + 1:
                break
            start -= 1
        raw = text[start:end].strip("“”")
        raw = re.sub(r"^(?:近日|日前|当天|同日|随后|会上|此前|今年|去年)", "", raw)
        generic = raw.startswith(("相关", "有关", "此次", "这次", "本次", "该", "一次", "各"))
        if len(raw) <= len(m.group()) + 1 or generic:
            continue
        before, after = text[:start], text[end:]
        organizer = None
        verb = HAPPENED_BEFORE.search(before)
        if verb:
            head = re.split(r"[，。；：、\n]", before[: verb.start()])[-1]
            head = re.sub(r"^.*\d+日", "", head)
            organizer = canonical_org(head, ctx) if 2 <= len(head) <= 24 else None
        name = resolve_place_words(raw, ctx)
        if organizer and not PLACE_WORDS.match(raw) and not name.startswith(organizer[:2]):
            name = organizer + name
        out.append(
            EventMention(
                start=start,
                end=end,
                name=name,
                type=event_words()[m.group()],
                organizer=organizer,
                reported=bool(verb or HAPPENED_AFTER.match(after)),
                background=bool(BACKGROUND_AFTER.match(after)),
            )
        )
    for m in VISIT.finditer(text):
        who = re.sub(r"^.*?\d+日(?:[上下]午)?", "", m.group("who")).lstrip("，")
        where = m.group("where")
        if where in ("我市", "许", "本市") and home_name:
            where = home_name
        where = where.replace("我市", home_name or "我市")
        name = f"{who}{m.group('verb')}{where}{m.group('what')}"
        out.append(
            EventMention(m.start(), m.end(), name, "visit", None, reported=True, background=False)
        )
    out.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[EventMention] = []
    for e in out:
        if any(k.start <= e.start and e.end <= k.end for k in kept):
            continue
        kept = [k for k in kept if not (e.start <= k.start and k.end <= e.end)]
        kept.append(e)
    return kept
