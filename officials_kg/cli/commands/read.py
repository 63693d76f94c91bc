"""`okg articles`: how the loaders read each file — its articles with headline, place, date,
first words and span in the original, where the place and date came from (the text or the
page's metadata) and, for a PDF, the pages — as tables for people or JSON Lines for
programs."""

from __future__ import annotations

from itertools import chain
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from officials_kg.cli.app import app
from officials_kg.cli.output import StreamJson, print_object
from officials_kg.cli.progress import report_unreadable, shown, with_progress
from officials_kg.loaders.batch import Loaded, expand_paths, load
from officials_kg.loaders.decode import name_text
from officials_kg.loaders.document import Article, Document

FIRST_WORDS = 16  # characters of an article's body shown
METADATA_NOTE = "* from the page's metadata, not its text"


def _from_metadata(doc: Document) -> bool:
    return "metadata" in (doc.home_from, doc.date_from)


def _span_of_pages(pages: list[int]) -> str:
    return str(pages[0]) if pages[0] == pages[1] else f"{pages[0]}–{pages[1]}"


def _first_words(doc: Document, article: Article) -> str:
    """The article's opening, after its headline when the headline comes first."""
    body = [s.text for s in article.sentences if s.text not in (article.headline or "")]
    text = "".join(body) or doc.text[article.start : article.end]
    return text.replace("\n", " ")[:FIRST_WORDS]


def _from(doc: Document, article: Article) -> tuple[str | None, str | None]:
    """Where the article's place and date came from: the document's home place and issue
    date, which its metadata may have given, stand for those of an article that names
    none of its own."""
    place = doc.home_from if article.place == doc.home else "text"
    date = doc.date_from if article.date == doc.date else "text"
    return place if article.place else None, date if article.date else None


def _pages(doc: Document, start: int, end: int) -> list[int] | None:
    """The PDF pages an original span lies on, first and last."""
    if not doc.origin.pages:
        return None
    return [doc.origin.page_of(start)[0], doc.origin.page_of(max(start, end - 1))[0]]


def article_record(loaded: Loaded, article: Article) -> dict:
    """One article as a flat JSON object (the `--json` format)."""
    doc = loaded.document
    start, end = doc.original_span(article.start, article.end)
    place = article.place
    place_from, date_from = _from(doc, article)
    return {
        "file": name_text(str(loaded.path)),
        "doc": doc.doc_id,
        "url": doc.origin.url,
        "index": article.index,
        "kind": article.kind,
        "headline": article.headline,
        "place": place.name if place else None,
        "province": place.province if place else None,
        "date": article.date.isoformat() if article.date else None,
        "place_from": place_from,
        "date_from": date_from,
        "pages": _pages(doc, start, end),
        "first_words": _first_words(doc, article),
        "start": start,
        "end": end,
        "sentences": len(article.sentences),
    }


def _heading(loaded: Loaded) -> Text:
    """The file (for a page of a web archive, its address; for a saved page, its address
    too), home place, date, encoding and a PDF's pages; what the page's metadata gave is
    marked `*`."""
    doc = loaded.document
    home = f"{doc.home.name}, {doc.home.province}" if doc.home else "no home place"
    when = doc.date.isoformat() if doc.date else str(doc.year or "undated")
    name = shown(str(loaded.path) if doc.origin.kind != "warc" else doc.path)
    where = f" · {shown(doc.origin.url)}" if doc.origin.url and doc.origin.url != doc.path else ""
    pages = f" · {len(doc.origin.pages)} pages" if doc.origin.pages else ""
    return Text.assemble(
        (name, "bold"),
        f"{where}  {_marked(home, doc.home_from)} · {_marked(when, doc.date_from)} · "
        f"{doc.encoding}{pages}",
    )


def _marked(value: str | None, source: str | None) -> str:
    """A place or date, with `*` when the page's metadata gave it, not the text."""
    return (value or "") + ("*" if value and source == "metadata" else "")


def _table(loaded: Loaded, console: Console) -> None:
    doc = loaded.document
    console.rule(_heading(loaded))
    table = Table("#", caption=METADATA_NOTE if _from_metadata(doc) else None)
    table.add_column("headline", min_width=14, ratio=2, overflow="fold")
    table.add_column("place", overflow="fold")
    table.add_column("date", no_wrap=True)
    table.add_column("span", no_wrap=True)
    if doc.origin.pages:
        table.add_column("pages", no_wrap=True)
    table.add_column("first words", ratio=1, no_wrap=True, overflow="ellipsis")
    for a in doc.articles:
        record = article_record(loaded, a)
        headline = a.headline or ("" if a.kind == "article" else f"({a.kind})")
        pages = record["pages"]
        shown_pages = [] if pages is None else [_span_of_pages(pages)]
        table.add_row(
            str(a.index),
            headline,
            _marked(record["place"], record["place_from"]),
            _marked(record["date"], record["date_from"]),
            f"{record['start']}–{record['end']}",
            *shown_pages,
            record["first_words"],
        )
    console.print(table)


@app.command()
def articles(
    paths: list[Path] = typer.Argument(
        ...,
        help="Text files, web pages (.html .htm .shtml .xhtml, or told by their content), "
        "PDFs, web archives (.warc, .warc.gz), or folders of these.",
        show_default=False,
    ),
    as_json: StreamJson = False,
) -> None:
    """Split each file into articles: headline, place, date, first words, original span.

    Example: [bold]okg articles seeds/003_3676fee7047f7844.txt page.html paper.pdf crawl.warc.gz[/]

    A web page is read as its main text (menus, footers and link lists left out) with its
    headline; its publication date and site give the document's date and home place where
    the text names none, marked * in the table. A PDF is read page by page from its text
    layer (a scan without one is refused: no OCR); the table shows each article's pages.
    A web archive gives one document per HTML page, named by its address.

    With --json each line is one article:
    {"file", "doc", "url" (the page's address, or null), "index", "kind" (article | toc |
    colophon), "headline", "place", "province", "date" (YYYY-MM-DD), "place_from",
    "date_from" (text | metadata, or null), "pages" ([first, last] for a PDF, else null),
    "first_words", "start", "end" (character offsets in the original text: the file's,
    a page's main text, or a PDF's pages joined by line breaks), "sentences"}.

    A file that cannot be read is reported on stderr as `okg: FILE: REASON` and the
    others are still read. Exit status: 0 when at least one file was read, 1 when none
    could be.
    """
    # text from files is neither markup nor to be highlighted (rich's highlighter takes a
    # minute over a long name full of `<`)
    out, err = Console(markup=False, highlight=False), Console(stderr=True)
    read = 0
    sources = with_progress(expand_paths(paths), "reading", err)
    for loaded in chain.from_iterable(map(load, sources)):
        if loaded.error:
            report_unreadable(err, loaded.path, loaded.error)
            continue
        read += 1
        if as_json:
            for a in loaded.document.articles:
                print_object(article_record(loaded, a))
        else:
            _table(loaded, out)
    if read == 0:
        raise typer.Exit(1)
