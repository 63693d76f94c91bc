"""From a loaded document to its extraction record (extraction/records.py).

Two passes over the sentences of each article:
1. *names*: persons introduced by a title chain, a designation (`种粮大户张三`), as the
   subject of a speech verb (`张三说`), or alone on a line (a speech's author);
2. *facts*: every mention of a known name (and of a given name standing for it:
   `建国同志` → 张建国), positions from the chains, events, and participations — a role
   cue (`主持`, `出席并讲话`, `陪同`) applies to the persons named before it in its clause
   group, at the event named in the sentence or the article's current event.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

import lexicons
from extraction.appointments import CURRENT, read_notices
from extraction.events import (
    EventMention,
    event_key,
    find_events,
    is_session,
    sitting_of_session,
)
from extraction.names import (
    BOUNDARY,
    is_common_word,
    looks_like_name,
    name_list,
    surname_at,
    surname_initials,
)
from extraction.orgs import PlaceContext, _leading_place, named_locals, parent_of, place_of
from extraction.records import (
    ArticleInfo,
    DocumentRecord,
    Event,
    Evidence,
    Organization,
    Participation,
    Person,
    Position,
    cite,
)
from extraction.titles import Chain, read_chains, scan_chains, title_pattern, titles
from loaders.dates import complete, find_dates, iter_dates
from loaders.document import Article, Document, Sentence
from loaders.places import gazetteer


def squeeze(text: str) -> str:
    """Spaces inside Chinese text are layout; facts are read without them."""
    return "".join(text.split())


NATIONAL_EVENT = re.compile(r"^(?:中央|全国|国务院|中共中央|党的|十[一二三四五六七八九]?届|二十届)")
DATE_JOINERS = {"至", "-", "—", "－", "~", "～", "、", "到", "和"}
DATE_AFTER_EVENT = 6  # 会议12月15日至16日在北京举行: a date right after the name is its own
SAME_EVENT_RATIO = 90  # partial ratio above which two names of one article are one event
SAME_EVENT_DAYS = 10  # a meeting of one name dated further apart is another session
MIN_HELD = 4  # the shortest known name looked for at the end of a new one
MIN_TAIL = 6  # the shortest ending of a known name that a new name may be
SAME_EVENT_TAIL = 8  # or the length of the ending they share (…办理“回头看”工作会议)
CLAUSE_MARK = re.compile("[，。；：！？“”\n、（]")  # a clause starts after one
ROLE_LINK = re.compile(r"^(?:(?:会议)?(?:并|和|、|及)[^，；。！？]*)?$")  # 出席并致辞: cues joined
DESCRIBED = re.compile(r"的(?:重要)?$")
CLAUSE_COMMA = re.compile(r"[，；]")
CONTINUES = re.compile(r"(?:并|还|同时|也|又|先后|随后|详细|充分|认真|全面)")
QUOTED = re.compile(r"“[^”]*”|《[^》]*》|（[^）]*）")
STOPS = re.compile(r"[，。；：！？]")
# 在X上讲话: 在 right before the name, or before when and where it was held (在3月17日召开的X),
# or before words of the name that its mention left out (在省部级…学习贯彻X精神专题研讨班上)
SAME_DAY = re.compile(r"(?:随后|会后|当天|当日|同日|同一天)")  # a sentence's opening
SPOKE_AT = re.compile(r"在(?:[^，。；]{0,12}?(?:召开|举行)的|[^，。；的在]{1,16})?$")
REPORTED_SPEECH = re.compile(r"(?:的)?(?:重要)?(?:精神|指示|批示|要求|和指示)")
NO_PLACE = PlaceContext()  # made once: a context is hashed once, where it is made
MIN_BARE_LIST = 3  # names joined by 、 that are read as names with no title or verb
# 出席会议的有：, 在主席台就座的有: a list of names follows the colon
LIST_INTRODUCED = re.compile(r"(?:的有|的是|名单|成员有?|人员有|领导有)[：:]")
SPEAKS_IN = re.compile(r"^在[^，。；]{1,24}?[中上](?:说|指出|表示|强调|提出)")


@cache
def role_cues() -> tuple[tuple[str, str], ...]:
    rows = [(row[0], row[1]) for row in lexicons.table("role_cues.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _cue_pattern() -> re.Pattern[str]:
    """Cues, with the words that merely contain one (工作报告) matched first."""
    words = sorted(lexicons.words("not_cues.txt") + tuple(c for c, _ in role_cues()), key=len)
    return re.compile("|".join(re.escape(w) for w in reversed(words)))


@cache
def _role_of() -> dict[str, str]:
    return dict(role_cues())


@cache
def _cues_of_strength(strength: str) -> frozenset[str]:
    return frozenset(row[0] for row in lexicons.table("role_cues.tsv") if row[2] == strength)


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


@dataclass
class _Collector:
    doc: Document
    persons: dict[str, Person] = field(default_factory=dict)
    positions: dict[tuple[str, str, str], Position] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)  # by id
    by_name: dict[str, Event] = field(default_factory=dict)  # the latest of each name
    by_key: dict[str, Event] = field(default_factory=dict)  # …and of each canonical name
    in_article: dict[int, list[Event]] = field(default_factory=dict)  # events each reports
    by_tail: dict[str, Event] = field(default_factory=dict)  # the first name ending so
    participations: dict[tuple[str, str], Participation] = field(default_factory=dict)
    inherited_dates: set[str] = field(default_factory=set)  # events dated by their article
    # (person, event) present only as host or guest of a reception (会见): a speaker there
    # is present already, and attends only if a cue says so (GUIDELINES §5)
    received: set[tuple[str, str]] = field(default_factory=set)

    def add_event(
        self,
        mention: EventMention,
        text: str,
        article: Article,
        year: int | None,
        ev: Evidence,
        first_in_article: bool,
    ) -> Event:
        """The event of a mention, created once per name. A date written in the mention's
        own sentence beats one inherited from the article."""
        written = _event_date(text, mention.end, article.date, year)
        story_date = article.date.isoformat() if first_in_article and article.date else None
        event = self.by_name.get(mention.name)
        if event is not None and _another_occurrence(event, written or story_date, article):
            event = None  # 调度会 on 2月19日 in one story and on 3月9日 in another: two meetings
        elif event is None:
            event = self._same_event(mention.name, article)
        if event is None:
            event = Event(
                id=f"e{len(self.events) + 1}",
                name=mention.name,
                type=mention.type,
                place=_event_place(mention.name, article),
                organizer=mention.organizer,
            )
            self.events[event.id] = self.by_name[mention.name] = event
            self.by_key[event_key(mention.name)] = event
            for start in range(1, len(mention.name) - MIN_TAIL + 1):
                self.by_tail.setdefault(mention.name[start:], event)
        reported = self.in_article.setdefault(article.index, [])
        if event not in reported:
            reported.append(event)
        if written and (event.date is None or event.id in self.inherited_dates):
            event.date = written
            self.inherited_dates.discard(event.id)
        elif event.date is None and story_date:
            event.date = story_date
            self.inherited_dates.add(event.id)
        cite(event.evidence, ev)
        return event

    def _same_event(self, name: str, article: Article) -> Event | None:
        """The event already known under another name: the same canonical name (中共X =
        中国共产党X, 政协X第N届委员会第M次会议 = X政协N届M次会议); a known name that ends
        with the new one (…宪法宣传周送法进军营活动, then 送法进军营活动) or that the new
        one ends with; or, within one article, names that hold one another, are near-identical
        or end alike (a headline and its body). Each is a look-up or a walk over one
        article's events, so that a volume of thousands of stories takes time in
        proportion to its length."""
        known = self.by_key.get(event_key(name)) or self.by_tail.get(name)
        if known is not None and not _places_differ(known.name, name):
            return known
        for event in self._held_in(name):
            if not (_places_differ(event.name, name) or sitting_of_session(event.name, name)):
                return event
        for event in self.in_article.get(article.index, ()):
            if _places_differ(event.name, name) or sitting_of_session(event.name, name):
                continue
            alike = (
                name in event.name
                or event.name in name
                or fuzz.partial_ratio(event.name, name) >= SAME_EVENT_RATIO
                or len(os.path.commonprefix([event.name[::-1], name[::-1]])) >= SAME_EVENT_TAIL
            )
            if alike:
                return event
        return None

    def _held_in(self, name: str) -> Iterator[Event]:
        """Known events whose whole name ends the new one, longest first."""
        for start in range(1, len(name) - MIN_HELD + 1):
            event = self.by_name.get(name[start:])
            if event is not None:
                yield event

    def take_part(self, person: str, event: Event, roles: set[str], ev: Evidence) -> None:
        part = self.participations.setdefault(
            (person, event.id), Participation(person, event.id, [])
        )
        part.roles = sorted(set(part.roles) | roles)
        cite(part.evidence, ev)

    def evidence(self, article: Article, sentence: Sentence) -> Evidence:
        start, end = self.doc.original_span(sentence.start, sentence.end)
        # in the file's own script and punctuation; a headline wrapped over lines reads as one
        text = self.doc.source_text(sentence.start, sentence.end).replace("\n", "")
        return Evidence(self.doc.doc_id, article.index, sentence.index, start, end, text)


def _another_occurrence(event: Event, written: str | None, article: Article) -> bool:
    """A meeting of the same name reported by another story with a date weeks apart is
    another session of it (a monthly 调度会), not the same one (a session lasts days)."""
    if not (event.date and written) or any(e.article == article.index for e in event.evidence):
        return False
    apart = date.fromisoformat(written) - date.fromisoformat(event.date)
    return abs(apart.days) > SAME_EVENT_DAYS


def _event_place(name: str, article: Article) -> str | None:
    """Where an event was held: the place its name opens with (许昌市委政法工作会议), none
    for a national one (中央经济工作会议), else the place of the article reporting it."""
    if NATIONAL_EVENT.match(name):
        return None
    return place_of(name) or (article.place.name if article.place else None)


def _places_differ(a: str, b: str) -> bool:
    """河南省…视频会议 and 许昌市…视频会议 are two meetings, however alike their names; the
    place is the most specific of those a name opens with (河南省许昌市… is 许昌市's)."""
    pa, pb = _leading_place(a)[0], _leading_place(b)[0]
    return pa is not None and pb is not None and pa != pb


def _is_place(text: str, at: int) -> bool:
    return gazetteer().match(text, at) is not None


@lru_cache(maxsize=4096)  # sentences recur from page to page (a standing phrase, a headline)
def _names_in_sentence(text: str, in_headline: bool = False) -> tuple[str, ...]:
    """The names `_read_names` finds, kept for the sentence's next copy."""
    return tuple(_read_names(text, in_headline))


def _read_names(text: str, in_headline: bool) -> Iterator[str]:
    """Names introduced in a sentence by their context (pass 1). A line of the headline is
    never an author's name (`座\\n谈会`: the headline of a page wrapped it)."""
    for chain in scan_chains(text):
        for name, start, _ in chain.names:
            if "·" in name or not _is_place(text, start):  # 拉萨尼·卡托 is no 拉萨
                yield name
    for notice in read_notices(text, NO_PLACE):  # names only: no place is needed
        yield from (name for name, _, _ in notice.chain.names)
    for m in _designation_pattern().finditer(text):
        designated = name_list(text, m.end(), strict=True)
        if designated and not _is_place(text, m.end()):
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
        if _is_place(text, start) or _is_place(text, start + len(surname)):
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
        not any(_is_place(text, start) or is_common_word(name) for name, start, _ in listed)
        and len({name[0] for name, _, _ in listed}) > 1
    )


Mention = tuple[str, int, int]  # a known person's full name, start, end


def _mentions(texts: list[str], names: dict[str, str]) -> list[list[Mention]]:
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


def _given_names(names: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in names:
        surname = surname_at(name, 0)
        given = name[len(surname) :] if surname else ""
        if len(given) >= 2 and "·" not in name:
            out.setdefault(given, name)
    return out


class _Role(NamedTuple):
    """A role cue applied to one person: `at` is where the cue stands in the sentence (a
    tuple: made for every person before every cue, and cheaper than a frozen dataclass)."""

    person: str
    person_at: int
    roles: frozenset[str]
    weak: bool  # only weak cues (强调, 指出): the person must be present by another cue
    gives: bool  # 讲授…党课: the event named after the cue is the one the person gave
    at: int
    reported_speech: bool  # 讲话精神: a speech given elsewhere


def _clause_floor(text: str, cue: int, mentions: list[Mention]) -> int:
    """Where the subjects of a cue at `cue` may start. Walking back over the clauses
    (split at commas outside quotes): a clause that ends with a name (`…局长张三，`) is an
    item of a list of attendees and the walk goes on; a name elsewhere in its clause is
    that clause's subject, and the walk stops there; a clause without a name goes on only
    if it is the cue's own or continues the same subject (并…, 详细…); any other clause
    has a subject of its own (`省市两级人大代表参加`) and stops the walk."""
    bounds = [0] + [m.end() for m in CLAUSE_COMMA.finditer(_unquoted(text[:cue]))] + [cue]
    floor = cue
    for k in range(len(bounds) - 1, 0, -1):
        lo, hi = bounds[k - 1], bounds[k]
        names = [(s, e) for _, s, e in mentions if lo <= s and e <= hi]
        if names:
            floor = lo
            own = k == len(bounds) - 1  # 程小新、任大先，秘书长邱小茂和委员出席: a list goes on
            if hi - names[-1][1] > 1 and not own:  # a name inside its clause is its subject
                break
        elif k == len(bounds) - 1 or CONTINUES.match(text, lo):
            floor = lo
        else:
            break
    return floor


def _unquoted(text: str) -> str:
    """The text with quoted and titled passages blanked out, offsets unchanged."""
    return QUOTED.sub(lambda m: "＿" * len(m.group()), text)


def _roles(text: str, mentions: list[Mention], visits: list[EventMention]) -> list[_Role]:
    """Role cues of a sentence, each group (`出席会议并讲话`) applied to the persons named
    between the previous group and it — but not to the subject of a visit named before
    the cue (`韩光明到开发区调研，方建陪同`: only 方建 accompanies)."""
    if not mentions:
        return []  # no one to give a role to
    role_of = _role_of()
    weak_cues, giving_cues = _cues_of_strength("weak"), _cues_of_strength("gives")
    groups: list[list[re.Match[str]]] = []
    for cue in _cue_pattern().finditer(text):
        if cue.group() not in role_of:
            continue
        if groups and ROLE_LINK.match(text[groups[-1][-1].end() : cue.start()]):
            groups[-1].append(cue)
        else:
            groups.append([cue])
    out: list[_Role] = []
    floor = 0
    for group in groups:
        start = group[0].start()
        floor = max([floor, _clause_floor(text, start, mentions)])
        accompanies = text.startswith("陪同下", start)  # 张三在李四的陪同下: 李四 does
        if accompanies:
            floor = max(floor, text.rfind("在", floor, start))
        floor = max([floor] + [v.end for v in visits if v.end <= start])
        subjects = [(n, s) for n, s, e in mentions if floor <= s and e <= start]
        subjects = subjects or _listed_after(text, group[-1].end(), mentions)
        if not subjects:
            continue
        words = [c.group() for c in group]
        roles = frozenset(role_of[w] for w in words)
        weak = all(w in weak_cues for w in words)
        gives = any(w in giving_cues for w in words)
        after_cue = REPORTED_SPEECH.match(text, group[-1].end()) is not None
        for name, at in subjects:
            # 总书记关于…的重要讲话: a speech described, given elsewhere
            described = DESCRIBED.search(text, at, start) is not None and not accompanies
            out.append(_Role(name, at, roles, weak, gives, start, after_cue or described))
        floor = group[-1].end()
    return out


def _listed_after(text: str, cue_end: int, mentions: list[Mention]) -> list[tuple[str, int]]:
    """The persons a cue's clause lists after a colon: `出席会议的有：张三、李四`,
    `在主席台前排就座的大会主席团成员有：…` — the cue stands before whom it applies to."""
    listed = LIST_INTRODUCED.search(text, cue_end)
    if listed is None or STOPS.search(text, cue_end, listed.start()):
        return []
    return [(n, s) for n, s, _ in mentions if s >= listed.end()]


def _headline_event(
    c: _Collector,
    article: Article,
    year: int | None,
    squeezed: dict[int, str],
    headline: str,
    mentioned: dict[int, list[EventMention]],
) -> Event | None:
    """The event an article's headline names is the story's own meeting, whether the
    headline is printed above the story or, on some pages, after it. `squeezed` holds the
    sentences by index, `headline` the article's, as the extraction reads them, and
    `mentioned` their events (read once for this and for the facts)."""
    for sentence in article.sentences:
        text = squeezed[sentence.index]
        if text and text in headline:
            for mention in mentioned[sentence.index]:
                ev = c.evidence(article, sentence)
                return c.add_event(mention, text, article, year, ev, first_in_article=True)
    return None


@lru_cache(maxsize=4096)  # sentences recur from page to page, and so do their dates
def _event_date(sentence_text: str, at: int, near: date | None, year: int | None) -> str | None:
    """The date written nearest an event mention at `at`: the first one after it
    (中央经济工作会议12月15日至16日…), else the last one before it (2月17日，…会议召开),
    completed from the article's date `near` and the document's year."""
    month = near.month if near else None
    dates = [d for d in find_dates(sentence_text) if complete(d, year, month, near)]
    # a range or list (11月28日至29日, 18日、19日) is dated by its first day
    dates = [
        d
        for i, d in enumerate(dates)
        if i == 0 or sentence_text[dates[i - 1].end : d.start] not in DATE_JOINERS
    ]
    after = [d for d in dates if d.start >= at]
    before = [d for d in dates if d.start < at]
    # a date right after the name, in its clause (…会议12月15日至16日在北京举行), not a
    # date of the next clause (…常委会，决定8月7日召开…)
    close = bool(after) and after[0].start - at <= DATE_AFTER_EVENT
    nearest = after[0] if close and not STOPS.search(sentence_text, at, after[0].start) else None
    nearest = nearest or (before[-1] if before else after[0] if after else None)
    completed = complete(nearest, year, month, near) if nearest else None
    return completed.isoformat() if completed else None


def extract_document(doc: Document) -> DocumentRecord:
    c = _Collector(doc)
    articles = [a for a in doc.articles if a.kind == "article"]
    # facts are read without the layout's spaces, each sentence and headline squeezed once
    squeezed = {s.index: squeeze(s.text) for a in articles for s in a.sentences}
    contexts = {
        a.index: named_locals(
            "\n".join(squeezed[s.index] for s in a.sentences), PlaceContext.of(a.place)
        )
        for a in articles
    }
    headlines = {a.index: squeeze(a.headline or "") for a in articles}
    known: set[str] = set()
    for article in articles:
        headline = headlines[article.index]
        for sentence in article.sentences:
            text = squeezed[sentence.index]
            known.update(_names_in_sentence(text, bool(text) and text in headline))
    known = {n for n in known if looks_like_name(n)}
    known -= set(_given_names(known))  # 建国 (市长) is 张建国, not a person of its own
    forms = {n: n for n in known} | _given_names(known)
    mentions_of = dict(zip(squeezed, _mentions(list(squeezed.values()), forms), strict=True))

    for article in articles:
        ctx = contexts[article.index]
        headline = headlines[article.index]
        events_of = {s.index: find_events(squeezed[s.index], ctx, known) for s in article.sentences}
        current = _headline_event(c, article, doc.year, squeezed, headline, events_of)
        for sentence in article.sentences:
            text = squeezed[sentence.index]
            mentions = mentions_of[sentence.index]
            story_body = current.organizer if current else None
            chains = read_chains(text, ctx, story_body)
            mentioned = events_of[sentence.index]
            if not (mentions or chains or mentioned):
                continue  # nothing to read (about a third of the sentences): no evidence to make
            ev = c.evidence(article, sentence)
            written = squeeze(ev.text) if doc.clean.substituted else text  # 1:1 with `text`
            for name, start, end in mentions:
                person = c.persons.get(name)
                if person is None:
                    person = c.persons[name] = Person(name)
                cite(person.evidence, ev)
                form = written[start:end]  # 張小華, written so, read as 张小华
                if form != name and text[start:end] == name and form not in person.aliases:
                    person.aliases.append(form)
            for chain in chains:
                _add_positions(c, chain, ev)
            for notice in read_notices(text, ctx, story_body):
                _add_positions(c, notice.chain, ev, notice.status)
            in_headline = text in headline
            here: list[tuple[EventMention, Event | None]] = []
            moved = False  # the story moves to at most one new meeting per sentence
            for mention in mentioned:
                if mention.sitting:  # 闭幕大会开始: a sitting of the story's session
                    session = _session_of_sitting(current, mention.name)
                    if session is None:
                        continue
                    mention = replace(mention, name=session + mention.name)
                event = None
                if mention.reported or in_headline or mention.visitor:
                    # the story's day: its first event, its headline's, one held 随后 or 会后
                    first = current is None or in_headline or SAME_DAY.match(text) is not None
                    event = c.add_event(mention, text, article, doc.year, ev, first)
                    dated_here = not moved and any(iter_dates(text[: mention.start]))
                    moves_on = dated_here and mention.type != "activity" and not mention.background
                    if current is None or moves_on:
                        current, moved = event, True  # the story moves on to a dated meeting
                    elif sitting_of_session(current.name, event.name):
                        current = event  # X会议举行第二次全体会议: the story is the sitting's
                    if mention.visitor:
                        c.take_part(mention.visitor, event, {mention.visitor_role}, ev)
                    for guest in mention.guests:
                        c.take_part(guest, event, {"attend"}, ev)
                    if mention.guests:  # a reception: its host and guests are there
                        present = (mention.visitor, *mention.guests)
                        c.received.update((p, event.id) for p in present if p)
                here.append((mention, event))
            visits = [m for m, _ in here if m.visitor]
            for role in _roles(text, mentions, visits):
                event, named = _event_for(c, here, role, current, text, article, doc.year, ev)
                if event is None:
                    continue
                if role.weak and not named and (role.person, event.id) not in c.participations:
                    continue  # 张三总书记指出…: quoted, not said at this meeting
                c.take_part(role.person, event, set(role.roles), ev)
                if "attend" in role.roles:
                    c.received.discard((role.person, event.id))
    _speakers_received(c)

    return DocumentRecord(
        doc=doc.doc_id,
        path=doc.path,
        place=doc.home.name if doc.home else None,
        date=doc.date.isoformat() if doc.date else None,
        articles=[
            ArticleInfo(
                a.index,
                a.headline,
                a.place.name if a.place else None,
                a.date.isoformat() if a.date else None,
                *doc.original_span(a.start, a.end),
            )
            for a in doc.articles
        ],
        persons=list(c.persons.values()),
        organizations=list(c.organizations.values()),
        positions=list(c.positions.values()),
        events=list(c.events.values()),
        participations=list(c.participations.values()),
        url=doc.origin.url,
        pages=list(doc.origin.pages),
        place_from=doc.home_from,
        date_from=doc.date_from,
    )


def _speakers_received(c: _Collector) -> None:
    """A host or guest of a reception who speaks there (张三表示…) is a speaker, present
    as every speaker is: the attend their presence gave goes, unless a cue gave it too."""
    for key in c.received:
        part = c.participations.get(key)
        if part is not None and "speak" in part.roles and "attend" in part.roles:
            part.roles.remove("attend")


def _session_of_sitting(current: Event | None, sitting: str) -> str | None:
    """The session a sitting named alone belongs to: the story's current meeting, if it is
    a session or already that sitting of one."""
    if current is None:
        return None
    if current.name.endswith(sitting) and is_session(current.name[: -len(sitting)]):
        return current.name[: -len(sitting)]
    return current.name if is_session(current.name) else None


def _add_positions(c: _Collector, chain: Chain, ev: Evidence, status: str = CURRENT) -> None:
    """The posts of a chain for each of its known persons; a notice's status (a post
    left) stands over what a plain chain implies (a post held)."""
    for name, _, _ in chain.names:
        if name not in c.persons:
            continue
        for post in chain.posts:
            if not post.org:
                continue
            key = (name, post.title, post.org)
            row = c.positions.get(key)
            if row is None:  # made once: most chains repeat a post already known
                row = c.positions[key] = Position(name, post.title, post.org)
            if status != CURRENT:
                row.status = status
            cite(row.evidence, ev)
            org = c.organizations.get(post.org)
            if org is None:
                org = Organization(post.org, parent_of(post.org), place_of(post.org))
                c.organizations[post.org] = org
            cite(org.evidence, ev)


def _spoke_at(text: str, mention: EventMention) -> bool:
    """在X上讲话, 在3月17日召开的X上的重要讲话: the speech was given at X."""
    return SPOKE_AT.search(text, 0, mention.start) is not None


def _event_for(
    c: _Collector,
    here: list[tuple[EventMention, Event | None]],
    role: _Role,
    current: Event | None,
    text: str,
    article: Article,
    year: int | None,
    ev: Evidence,
) -> tuple[Event | None, bool]:
    """The event a role refers to: one named between the person and the cue (在X上讲话),
    one named right after the cue (出席X), one reported in the sentence, else the
    article's current event — unless the cue reports a speech given elsewhere. The flag
    says whether the sentence itself names where the person spoke (在X上指出)."""
    between = [
        (m, e)
        for m, e in here
        if role.person_at < m.start and m.end <= role.at <= m.end + 8 and _spoke_at(text, m)
    ]
    after = [
        (m, e)
        for m, e in here
        if role.at <= m.start <= role.at + 8 and not STOPS.search(text, role.at, m.start)
    ]
    if "speak" in role.roles and not role.roles & {"attend", "chair", "observe"} and not role.gives:
        after = []  # 讲话 is not followed by where it was given
    for mention, event in between[-1:] or after[:1]:
        return event or c.add_event(mention, text, article, year, ev, False), bool(between)
    if role.reported_speech:
        return None, False
    earlier = [e for m, e in here if e is not None and m.end <= role.at]
    return current or (earlier[-1] if earlier else None), False
