"""An event as one sentence names it: where, under what name, of what type, and what the
sentence says of it (held there and then, or only in the background; who went, who was
received). Both meetings (extraction/events.py) and visits (extraction/visits.py) are
found as these; the collector (extraction/collector.py) makes them events."""

from __future__ import annotations

import re
from dataclasses import dataclass

# What opens a sentence before the words that name its event: a tag, a dateline, a time word
LEAD_NOISE = re.compile(
    r"^(?:[（(][^）)]{1,10}[）)])?"  # a tag: （两会受权发布）
    r"(?:.*?\d+[月日](?:\d+日)?(?:电|[上下]午|晚)?|近日|日前|当天|同日|随后|会上|此前|今年|去年)?"
)


# Kept and shared by the sentences that name it (_named_events), and never changed (replace
# makes another). Not frozen: a frozen dataclass's __init__ sets each field through
# object.__setattr__ in Python, even compiled (16,000 instructions a mention, 9 in 10 of it).
@dataclass(unsafe_hash=True)
class EventMention:
    start: int  # within the sentence
    end: int
    name: str
    type: str
    organizer: str | None
    reported: bool
    background: bool
    visitor: str | None = None  # who went, for a visit named by its visitor
    visitor_role: str = "lead"  # the visitor leads a visit, hosts a reception (attend)
    guests: tuple[str, ...] = ()  # the known persons received (they attend)
    sitting: bool = False  # a sitting named alone (闭幕大会): of the story's current session
