"""The document object that every later stage reads: clean text, offsets, articles,
sentences, and the place and date context that local news leaves implicit."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import TypeVar

from officials_kg.lexicons import Place
from officials_kg.loaders.articles import ArticleSpan, Kind, split_articles
from officials_kg.loaders.clean import clean
from officials_kg.loaders.cues import DATELINE
from officials_kg.loaders.dates import (
    UNDATED,
    complete,
    document_year,
    iter_dates,
    publication_date,
    relative_day,
)
from officials_kg.loaders.decode import name_text, read_text
from officials_kg.loaders.files import document_name
from officials_kg.loaders.mapped import MappedText
from officials_kg.loaders.origin import Origin
from officials_kg.loaders.paragraphs import Layout, Paragraph
from officials_kg.loaders.places import PlaceMention, dominant_among, dominant_city, gazetteer

__all__ = ["MAX_SENTENCE", "Article", "Document", "Sentence", "build_document", "load_document"]

SENTENCE = re.compile(r"[^。！？!?；\n]+(?:[。！？!?；]+[”’」』）)]*)?")
MAX_SENTENCE = 1000
"""Characters. A run without a sentence end longer than this (a table, a page whose stops
were lost) is cut, after the last comma in its second half (else a 、, a colon or a space),
so that the extraction's rules, some of which look back over the whole sentence, take
bounded time. The genre's longest sentences, lists of attendees, stay under 700."""
_SOFT_BREAKS = [re.compile(r".*[，,]", re.DOTALL), re.compile(r".*[、：:\s]", re.DOTALL)]
ISSUE_DATE = re.compile(r"(?m)(20\d{2}|19\d{2})年(\d{1,2})月(\d{1,2})日(?:出版|星期|[ \t]*$)")
LEAD_CHARS = 300  # how far into an article its own place and date are looked for
SENTENCE_CHARS = 80  # a story's first sentence, where 日前 or 近日 would date it
COUNTY_LEAD_CHARS = 12  # a county story names its county first
ELSEWHERE_MIN = 3  # place names a local page's story needs to be placed elsewhere
_T = TypeVar("_T")
FILED = re.compile(r"^[^，。；\n]{0,24}?\d{1,2}月\d{1,2}日讯")  # 本报3月11日讯, X站3月11日讯
SPEECH_DATE = re.compile(r"^[（(](\d{4})年(\d{1,2})月(\d{1,2})日[）)]$", re.MULTILINE)


@dataclass
class Sentence:
    index: int  # within the document
    start: int  # clean offsets
    end: int
    text: str


@dataclass
class Article:
    index: int
    kind: Kind
    headline: str | None
    start: int
    end: int
    place: Place | None
    date: date | None
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def city(self) -> Place | None:
        from officials_kg.loaders.places import gazetteer as g

        if self.place is None:
            return None
        return self.place if self.place.level == "city" else g().city_of(self.place)


@dataclass
class Document:
    doc_id: str
    path: str
    original: str
    encoding: str
    clean: MappedText
    home: Place | None
    year: int | None
    date: date | None
    articles: list[Article]
    original_start: int = 0  # where `original` begins in the file (a part of a large one)
    origin: Origin = field(default_factory=Origin)
    home_from: str | None = None  # text | metadata: which gave `home` (and `date` below)
    date_from: str | None = None

    @property
    def text(self) -> str:
        return self.clean.text

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.clean.original_span(start, end)

    def source_text(self, start: int, end: int) -> str:
        """Clean characters [start, end) as the file writes them: a traditional-script or
        half-width copy is read normalised (loaders/normalise.py), and quoted in its own form."""
        if not self.clean.substituted:
            return self.clean.text[start:end]  # every character is the file's own
        original, base = self.original, self.original_start
        return "".join([original[i - base] for i in self.clean.offsets[start:end]])

    @property
    def sentences(self) -> list[Sentence]:
        return [s for a in self.articles for s in a.sentences]


def _issue_date(text: str) -> date | None:
    """A masthead's issue line anywhere in the page's opening, else a header's date line."""
    m = ISSUE_DATE.search(text[:2000])
    if m:
        with suppress(ValueError):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return publication_date(text)


def _own_place(text: str, mentions: Sequence[PlaceMention]) -> Place | None:
    """Where a story says it is: its wire dateline (新华社长沙…电), else the place most of
    its place names (`mentions`, those of `text`) fall in."""
    wire = DATELINE.search(text)
    found = gazetteer().find(wire.group("place")) if wire else []
    return found[0].place if found else dominant_among(mentions)


def _article_place(
    headline: str, span: ArticleSpan, home: Place | None, lines: dict[int, list[PlaceMention]]
) -> Place | None:
    """An article's own place. On a page without a home place: its dateline, its dominant
    place, or the first place of its lead. On a local page: a county of the home city
    that opens the headline or the lead or dominates the story; the story's own place if
    it never names the home city and clearly lies elsewhere (a leader's tour of another
    province); else the home city. `lines` holds the page's place names by line, which the
    body's paragraphs are."""
    g = gazetteer()
    body = span.body
    text = headline + "\n" + body
    # the place names of `text` in its order (only their places are read: the body's
    # offsets are the page's), the body's taken from the page's lines
    paragraphs = sorted(span.paragraphs, key=lambda p: p.start)
    mentions = g.find(headline) + tuple(m for p in paragraphs for m in lines.get(p.start, ()))
    if home is None:
        found = g.find(text[:LEAD_CHARS])
        return _own_place(text, mentions) or (found[0].place if found else None)
    for lead in (headline, re.sub(r"^(?:本报讯|本刊讯)?\s*[（(][^）)]*[）)]", "", body)):
        found = g.find(lead[:COUNTY_LEAD_CHARS])
        if found and found[0].place.level == "county" and found[0].place.city == home.name:
            return found[0].place
    county = dominant_among(mentions, within=home)
    if county is not None and county.level == "county":
        return county
    if len(mentions) >= ELSEWHERE_MIN and not any(home.name in g.chain(m.place) for m in mentions):
        return _own_place(text, mentions) or home
    return home


def _article_date(body: str, year: int | None, issued: date | None) -> date | None:
    """A wire story's dateline, a speech's dated line, the first date of the lead, or
    the issue's date, in that order."""
    wire = DATELINE.search(body)
    if wire and year:
        with suppress(ValueError):
            return date(year, int(wire.group("m")), int(wire.group("d")))
    dated = SPEECH_DATE.search(body[:LEAD_CHARS])
    if dated:
        with suppress(ValueError):
            return date(*map(int, dated.groups()))
    lead = body[:LEAD_CHARS]
    relative = relative_day(lead, issued)
    if relative is not None:
        return relative  # 昨天上午, in a paper of the next day
    # the body's first month, else the issue's: 4日上午 in a page dated 2023-03-04
    month = next((m.month for m in iter_dates(body) if m.month), None)
    month = month or (issued.month if issued else None)
    # a paper's dateline (红网津市站3月11日讯) dates the filing: a date after it, the story
    filed = FILED.match(lead)
    for text in (lead[filed.end() :], lead) if filed else (lead,):
        for mention in iter_dates(text):  # read up to the first that completes
            when = complete(mention, year, month, near=issued)
            if when is not None:
                return when
    if UNDATED.search(lead[:SENTENCE_CHARS]):
        return None  # 日前, 近日: the story does not say which day
    return issued


def _sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """The [start, end) of each sentence, none longer than MAX_SENTENCE."""
    for m in SENTENCE.finditer(text):
        start, end = m.span()
        while end - start > MAX_SENTENCE:
            window = (start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            soft = next(filter(None, (b.match(text, *window) for b in _SOFT_BREAKS)), None)
            cut = soft.end() if soft else start + MAX_SENTENCE
            yield start, cut
            start = cut
        yield start, end


def _headline_sentences(headline: list[Paragraph], text: str) -> list[tuple[int, int]]:
    """A headline is one sentence even when wrapped over lines (`张三到万柏林区调\\n研农业农村
    工作` names one visit); lines that are not consecutive stay sentences of their own."""
    lines = sorted(headline, key=lambda p: p.start)
    gaps = [text[a.end : b.start] for a, b in pairwise(lines)]
    if any(gap.strip() for gap in gaps):
        return [(p.start + a, p.start + b) for p in lines for a, b in _sentence_spans(p.text)]
    return [(lines[0].start, lines[-1].end)] if lines else []


def _known(from_text: _T | None, from_origin: _T | None) -> tuple[_T | None, str | None]:
    """What the text says, else what the document's origin says, and which one it was."""
    if from_text is not None:
        return from_text, "text"
    return from_origin, None if from_origin is None else "metadata"


def build_document(
    doc_id: str, path: str, original: str, encoding: str = "utf-8", origin: Origin | None = None
) -> Document:
    r"""The document of a text already decoded: cleaned, cut into articles and sentences,
    each article placed and dated, since a local paper leaves its city and day implicit.

    Args:
        doc_id: the document's name in records and the graph (`document_name` of a file).
        path: where the text came from, kept in the record as given.
        original: the decoded text; evidence offsets map back into it.
        encoding: the encoding it was decoded from.
        origin: what the source says of itself (a web page's date and site), which gives
            the home place and the issue date where the text names none.

    Returns:
        The Document: the clean text with its map to `original`, the page's home place
        and issue date, and its articles (kind, headline, place, date, sentences). Any
        text gives one; an empty text, one without articles.

    Example:
        >>> doc = build_document(
        ...     "2023-03-17", "xuchang/2023-03-17.txt",
        ...     "许昌日报\n2023年3月17日 星期五\n\n市委常委会召开会议\n"
        ...     "本报讯 3月16日，市委书记张三主持召开市委常委会会议。\n",
        ... )
        >>> doc.date, [(a.headline, a.place.name, a.date) for a in doc.articles]
        (datetime.date(2023, 3, 17), [('市委常委会召开会议', '许昌市', datetime.date(2023, 3, 16))])
    """
    gazetteer().forget()  # place answers are kept per document
    origin = origin or Origin()
    mapped = clean(original)
    text = mapped.text
    home, home_from = _known(dominant_city(text), origin.place())
    issued, date_from = _known(_issue_date(text), origin.published_date())
    year = issued.year if issued else document_year(text)
    articles: list[Article] = []
    n_sentences = 0
    lines = gazetteer().by_line(text)
    for index, span in enumerate(split_articles(text, Layout.of(mapped, original))):
        art = Article(
            index=index,
            kind=span.kind,
            headline=span.headline_text,
            start=span.start,
            end=span.end,
            place=_article_place(span.headline_text or "", span, home, lines),
            date=_article_date(span.story, year, issued) if span.kind == Kind.ARTICLE else None,
        )
        spans = [
            (p.start + a, p.start + b) for p in span.paragraphs for a, b in _sentence_spans(p.text)
        ]
        for start, end in sorted(spans + _headline_sentences(span.headline, text)):
            if text[start:end].strip():
                art.sentences.append(Sentence(n_sentences, start, end, text[start:end]))
                n_sentences += 1
        articles.append(art)
    return Document(
        doc_id,
        path,
        original,
        encoding,
        mapped,
        home,
        year,
        issued,
        articles,
        origin=origin,
        home_from=home_from,
        date_from=date_from,
    )


def load_document(path: Path, name: str | None = None) -> Document:
    """Read, decode, clean and split one text file (build_document, after read_text).

    Args:
        path: a text file in any encoding that read_text detects.
        name: the document's name; by default `document_name(path)`: its stem, unless
            another file of its folder shares it.

    Returns:
        The Document, its `path` the file's and its `encoding` the one detected.

    Raises:
        LoadError: the file cannot be read, is binary, or is larger than MAX_BYTES
            (loaders.stream.iter_parts reads a large file in parts).

    Example:
        >>> doc = load_document(Path("xuchang/2023-03-17.txt"))
        >>> doc.doc_id, doc.encoding, len(doc.articles)
        ('2023-03-17', 'utf-8', 1)
    """
    decoded = read_text(path)
    where = name_text(str(path))  # text UTF-8 can hold
    return build_document(name or document_name(path), where, decoded.text, decoded.encoding)
