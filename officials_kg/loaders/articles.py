"""Splitting a clean page or bulletin into articles.

Works on the paragraphs of the clean text (one per line), in two passes.

Boundaries. An article *starts* at `本报讯`, `新华社…电`, `上接第一版`; it *ends* at a
credit `（赵小涛）`, a photo credit or a dateline standing alone (`新华社北京12月18日电`).
Short lines without a full stop are headline lines; a run of them between two stretches
of body either sits inside one article (a subhead) or between two. It is between when
it holds a byline, when the body after it opens with a date (`3月24日，…`, the lead of a
report), when a page break follows it (no typesetter leaves a subhead at a page's foot),
when the table of contents lists it, or when it repeats the finished story above it (a
headline printed after its body). Indented lines and numbered ones (`一、…`) are
subheads wherever they stand.

Headlines. Each run between articles is then shared out among the articles next to it
that lack a headline, the one below and those above since the last run, by how many of
its character pairs each article's body contains (pairs rare on the page count more),
one headline per article, and a headline naming a place only to a story naming it: a
page that prints its headlines after the stories, in any order, gets each right. A line
that several stories match equally is a series title over them, not a headline. A
table of contents (dotted leaders with page numbers) is its own article, marked `toc`;
the masthead's and back page's fields (`编辑：…`, `网址：…`) make one marked `colophon`.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from officials_kg.loaders.cues import CREDIT_END
from officials_kg.loaders.paragraphs import Layout, Paragraph, Role, paragraphs
from officials_kg.loaders.places import gazetteer

DATE_LEAD = re.compile(r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|近日|日前)")
MIN_SCORE = 0.2  # share of a headline's weighted character pairs found in a body
TIE = 0.05  # scores this close do not tell two stories apart
ECHO_SCORE = 0.5  # a run repeating this much of the story above closes it
LISTED_SCORE = 0.8  # a run found this fully in the table of contents is a headline
FINISHED = re.compile(r"(?:[。！？!?…][”’」』）)]*|[（(][^（）()]{2,16}[）)])$")


class Kind(StrEnum):
    """What an ArticleSpan is: a story, a table of contents, or the colophon's fields."""

    ARTICLE = "article"
    TOC = "toc"
    COLOPHON = "colophon"


HEADLINE_ROLES = (Role.HEAD, Role.BYLINE, Role.MASTHEAD, Role.SUBTITLE)  # make up a run


@dataclass(eq=False)  # one span is one article: hashed and compared as itself
class ArticleSpan:
    """An article as clean-text paragraphs.

    A headline printed after later stories makes the span reach it, so spans may overlap;
    `body` is the article's own text."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    headline: list[Paragraph] = field(default_factory=list)
    kind: Kind = Kind.ARTICLE

    @property
    def start(self) -> int:
        return min(p.start for p in self.paragraphs + self.headline)

    @property
    def end(self) -> int:
        return max(p.end for p in self.paragraphs + self.headline)

    @property
    def headline_text(self) -> str | None:
        return "".join(p.text for p in self.headline) or None

    @property
    def body(self) -> str:
        return _in_order(self.paragraphs)

    @property
    def story(self) -> str:
        """The body without a masthead's issue line (`2023年2月27日`) given to the first story:
        the story's own date is in its lead, the issue's is the document's."""
        return _in_order(p for p in self.paragraphs if p.role != Role.MASTHEAD)


def _in_order(paragraphs: Iterable[Paragraph]) -> str:
    return "\n".join(p.text for p in sorted(paragraphs, key=lambda p: p.start))


_NOT_WORD = re.compile(r"[\W_]")


def _word_chars(text: str) -> str:
    """The text without spaces and punctuation: a pair of `_pairs` is in it as a substring."""
    return _NOT_WORD.sub("", text)


@lru_cache(maxsize=256)  # a headline is scored against every candidate article
def _pairs(text: str) -> frozenset[str]:
    """The text's pairs of adjacent word characters."""
    chars = _word_chars(text)
    return frozenset(map(operator.add, chars, chars[1:]))


def _unweighted(pair: str) -> float:
    return 1.0


def _coverages(
    head: str, bodies: Iterable[Container[str]], weight: Callable[[str], float] = _unweighted
) -> list[float]:
    """The (weighted) share of the headline's character pairs that each body holds; a body
    is a text's `_word_chars` or a set of pairs. The pairs are weighed once for all."""
    weighted = [(p, weight(p)) for p in _pairs(head)]
    # fsum: the same sum whatever the order, which for a set changes from run to run (hash
    # seeds); with `sum`, two equal coverages could differ in their last bit and tie apart
    total = math.fsum([w for _, w in weighted])
    if not total:
        return [0.0 for _ in bodies]
    return [math.fsum([w for p, w in weighted if p in body]) / total for body in bodies]


def _coverage(head: str, body: Container[str]) -> float:
    """The unweighted share of the headline's character pairs that one body holds."""
    return _coverages(head, (body,))[0]


def _places(text: str) -> set[str]:
    return {m.place.name for m in gazetteer().find(text)}


@dataclass
class _Run:
    """Headline lines between two articles, not yet given to either."""

    paragraphs: list[Paragraph]


@dataclass
class _Unit:
    """One headline of a run (a kicker `X：` joins the line after it), with its subtitle or
    date line. A byline is a unit of its own, and so is a masthead (the publication's
    name and issue, up to its issue line): `kind` is HEAD, BYLINE or MASTHEAD."""

    main: list[Paragraph] = field(default_factory=list)
    extras: list[Paragraph] = field(default_factory=list)
    kind: Role = Role.HEAD

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.main)


class _Segmenter:
    """First pass: paragraphs into articles and the headline runs between them."""

    def __init__(self) -> None:
        self.items: list[ArticleSpan | _Run] = []
        self.current: ArticleSpan | None = None
        self.open = False
        self.run: list[Paragraph] = []
        self.contents: set[str] = set()  # character pairs of the table of contents

    def feed(self, para: Paragraph) -> None:
        role = para.role
        current = self.current
        if role in HEADLINE_ROLES:
            self.run.append(para)
        elif role == Role.TOC:  # headline lines before an entry are the masthead or a section
            if current is None or current.kind != Kind.TOC:
                self._emit()
                current = self.current = ArticleSpan(kind=Kind.TOC)
            current.paragraphs.extend(self.run + [para])
            self.run = []
            self.contents |= _pairs(para.text)
        elif role == Role.COLOPHON:
            if current is None or current.kind != Kind.COLOPHON:
                self._begin(para, kind=Kind.COLOPHON)
            else:
                current.paragraphs.append(para)
        elif role in (Role.DATELINE, Role.CREDIT) and current and current.kind == Kind.ARTICLE:
            current.paragraphs.extend(self.run + [para])
            self.run = []
            self.open = False
        elif (
            role == Role.START
            or not self.open
            or current is None
            or current.kind != Kind.ARTICLE
            or (self.run and self._between(current, para))
        ):
            self._begin(para)
        else:
            current.paragraphs.extend(self.run + [para])
            self.run = []
        if self.current and self.current.kind == Kind.ARTICLE and CREDIT_END.search(para.text):
            self.open = False

    def _between(self, above: ArticleSpan, para: Paragraph) -> bool:
        """Does the pending run end the article above (rather than sit inside it)?"""
        if any(p.role in (Role.BYLINE, Role.SUBTITLE) for p in self.run):
            return True
        if para.page_start or DATE_LEAD.match(para.text):
            return True
        head = "".join(p.text for p in self.run)
        if self.contents and _coverage(head, self.contents) >= LISTED_SCORE:
            return True  # a title the table of contents lists
        if not FINISHED.search(above.paragraphs[-1].text):
            return False  # a story ends with a finished sentence, a subhead need not follow one
        echo = _coverage(head, _word_chars(above.body))
        return echo >= ECHO_SCORE and echo > 2 * _coverage(head, _word_chars(para.text))

    def _begin(self, para: Paragraph, kind: Kind = Kind.ARTICLE) -> None:
        self._emit()
        if self.run:
            self.items.append(_Run(self.run))
            self.run = []
        self.current = ArticleSpan([para], kind=kind)
        self.open = kind == Kind.ARTICLE

    def _emit(self) -> None:
        if self.current is not None and self.current.paragraphs:
            self.items.append(self.current)
        self.current = None

    def finish(self) -> list[ArticleSpan | _Run]:
        self._emit()
        if self.run:
            self.items.append(_Run(self.run))
        return self.items


def _units(run: _Run) -> list[_Unit]:
    units: list[_Unit] = []
    for para in run.paragraphs:
        role = para.role
        last = units[-1] if units else None
        if role == Role.BYLINE:
            units.append(_Unit(extras=[para], kind=Role.BYLINE))
        elif role == Role.MASTHEAD:  # what came before the issue line was the masthead too
            lines = [p for u in units for p in u.main + u.extras]
            units = [_Unit(extras=lines + [para], kind=Role.MASTHEAD)]
        elif last and last.kind == Role.HEAD and (role == Role.SUBTITLE or last.extras):
            last.extras.append(para)  # a subtitle, and what follows it, is not headline
        elif last and last.kind == Role.HEAD and last.text.endswith(("：", ":")):
            last.main.append(para)
        else:
            units.append(_Unit(main=[para]))
    return units


class _Headlines:
    """Second pass: each run's headlines go to the articles whose bodies they summarise."""

    def __init__(self, articles: list[ArticleSpan], text: str) -> None:
        self.bodies = {a: _word_chars(a.body) for a in articles}
        lines = gazetteer().by_line(text)  # the page's lines are the bodies' paragraphs
        self.places = {
            a: {m.place.name for p in a.paragraphs for m in lines.get(p.start, ())}
            for a in articles
        }
        self.weights: dict[str, float] = {}

    def weight(self, pair: str) -> float:
        """A pair found in few bodies tells more about which one a headline belongs to."""
        if pair not in self.weights:
            k = len([body for body in self.bodies.values() if pair in body])
            self.weights[pair] = math.log(1 + len(self.bodies) / k) if k else 1.0
        return self.weights[pair]

    def scores(self, unit: _Unit, articles: list[ArticleSpan]) -> list[float]:
        return _coverages(unit.text, [self.bodies[a] for a in articles], self.weight)

    def share(self, run: _Run, above: list[ArticleSpan], below: ArticleSpan | None) -> None:
        units = _units(run)
        candidates = above + ([below] if below else [])
        if not candidates:
            return
        if len(candidates) == 1:  # half the runs: whatever the scores, all goes to that one
            self._give(units, candidates * len(units), set())  # (and no line is a kicker)
            return
        heads = [i for i, u in enumerate(units) if u.kind == Role.HEAD]
        scores = {
            (i, a): score
            for i in heads
            for a, score in zip(candidates, self.scores(units[i], candidates), strict=True)
        }
        fits = {i: self._naming(units[i], candidates) for i in heads}
        owner = self._match(len(units), fits, scores)
        default = below if below else above[-1]
        changed = True
        while changed:  # unmatched lines go with their neighbour
            changed = False
            for i in heads:
                near = [owner[j] for j in (i - 1, i + 1) if 0 <= j < len(units) and owner[j]]
                if owner[i] is None and near:
                    owner[i], changed = near[0], True
        for i, unit in enumerate(units):
            if unit.kind == Role.BYLINE:
                owner[i] = below or (owner[i - 1] if i else None) or default
            elif unit.kind == Role.MASTHEAD:
                owner[i] = below or default
            elif owner[i] is None:
                owner[i] = default
        over = {a for a in above}
        kickers = {i for i in heads if self._kicker(i, [a for a in fits[i] if a in over], scores)}
        self._give(units, owner, kickers)

    def _match(self, n: int, fits: dict, scores: dict) -> list[ArticleSpan | None]:
        """Best-matched lines first, each to the best article that can still take it."""
        owner: list[ArticleSpan | None] = [None] * n
        for i in sorted(fits, key=lambda i: -max(scores[i, a] for a in fits[i])):
            for a in sorted(fits[i], key=lambda a: -scores[i, a]):
                if scores[i, a] < MIN_SCORE:
                    break
                if self._adjacent(owner, i, a):
                    owner[i] = a
                    break
        return owner

    @staticmethod
    def _kicker(i: int, above: list[ArticleSpan], scores: dict) -> bool:
        """A line that several stories above match equally well is a series title over
        them all (学习宣传贯彻二十大精神), not one story's headline."""
        matched = [scores[i, a] for a in above]
        top = max(matched, default=0.0)
        return top >= MIN_SCORE and sum(s >= top - TIE for s in matched) >= 2

    def _naming(self, unit: _Unit, candidates: list[ArticleSpan]) -> list[ArticleSpan]:
        """A headline that names a place belongs to a story that names it, if any does."""
        named = _places(unit.text)
        naming = [a for a in candidates if named & self.places[a]]
        return naming or candidates

    @staticmethod
    def _adjacent(owner: list, i: int, article: ArticleSpan) -> bool:
        """An article takes one headline: its first line, or one next to those it has."""
        held = [j for j, o in enumerate(owner) if o is article]
        return not held or i in (min(held) - 1, max(held) + 1)

    @staticmethod
    def _give(units: list[_Unit], owner: list, kickers: set[int]) -> None:
        """Each article's lines up to its subtitle or byline make its headline; the rest,
        mastheads and series titles are its paragraphs."""
        done: set[ArticleSpan] = set()  # articles whose headline is complete
        for i, unit in enumerate(units):
            article = owner[i]
            if unit.kind != Role.HEAD or i in kickers or article in done:
                article.paragraphs.extend(unit.main + unit.extras)
            else:
                article.headline.extend(unit.main)
                article.paragraphs.extend(unit.extras)
            byline_next = i + 1 < len(units) and units[i + 1].kind == Role.BYLINE
            if (unit.kind == Role.HEAD and unit.extras) or unit.kind == Role.BYLINE or byline_next:
                done.add(article)


def split_articles(text: str, layout: Layout = Layout()) -> list[ArticleSpan]:
    r"""The articles of a clean page, in the page's order (the module's docstring says how).

    Args:
        text: clean text, one paragraph a line.
        layout: what cleaning deleted before each paragraph (`Layout.of(mapped, original)`);
            by default no line is indented and there are no page breaks.

    Returns:
        ArticleSpans: paragraphs and headline lines as offsets into `text`, each of a
        `Kind` (a story, a table of contents, the colophon's fields); spans overlap where a
        headline is printed after its story. An empty text gives none.

    Example:
        >>> spans = split_articles(
        ...     "市委常委会召开会议\n本报讯 3月16日，市委书记张三主持召开市委常委会会议。\n\n"
        ...     "全市春耕工作会议召开\n本报讯 3月16日，市长李四宝出席全市春耕工作会议。\n"
        ... )
        >>> [(s.kind.value, s.headline_text, s.start, s.end) for s in spans]
        [('article', '市委常委会召开会议', 0, 38), ('article', '全市春耕工作会议召开', 40, 77)]
    """
    segmenter = _Segmenter()
    for para in paragraphs(text, layout):
        segmenter.feed(para)
    items = segmenter.finish()
    articles = [i for i in items if isinstance(i, ArticleSpan)]
    headlines = _Headlines(articles, text)
    since: list[ArticleSpan] = []
    for at, item in enumerate(items):
        if isinstance(item, ArticleSpan):
            since.append(item)
            continue
        after = items[at + 1] if at + 1 < len(items) else None
        below = after if isinstance(after, ArticleSpan) and after.kind == Kind.ARTICLE else None
        above = [a for a in since if a.kind == Kind.ARTICLE and not a.headline]
        if not articles:  # nothing but headline lines: one article of them
            articles.append(ArticleSpan(item.paragraphs))
        elif not above and not below:
            articles[-1].paragraphs.extend(item.paragraphs)
        else:
            headlines.share(item, above, below)
        since = []
    return articles
