"""`okg articles`: how the loaders read each file — its articles with headline, place, date,
first words and span in the original — as tables for people or JSON Lines for programs."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from loaders.batch import Loaded, expand_paths, load
from loaders.decode import name_text
from loaders.document import Article, Document
from okg.app import app
from okg.progress import report_unreadable, shown, with_progress

FIRST_WORDS = 16  # characters of an article's body shown


def _first_words(doc: Document, article: Article) -> str:
    """The article's opening, after its headline when the headline comes first."""
    body = [s.text for s in article.sentences if s.text not in (article.headline or "")]
    text = "".join(body) or doc.text[article.start : article.end]
    return text.replace("\n", " ")[:FIRST_WORDS]


def article_record(loaded: Loaded, article: Article) -> dict:
    """One article as a flat JSON object (the `--json` format)."""
    doc = loaded.document
    start, end = doc.original_span(article.start, article.end)
    place = article.place
    return {
        "file": name_text(str(loaded.path)),
        "doc": doc.doc_id,
        "index": article.index,
        "kind": article.kind,
        "headline": article.headline,
        "place": place.name if place else None,
        "province": place.province if place else None,
        "date": article.date.isoformat() if article.date else None,
        "first_words": _first_words(doc, article),
        "start": start,
        "end": end,
        "sentences": len(article.sentences),
    }


def _table(loaded: Loaded, console: Console) -> None:
    doc = loaded.document
    home = f"{doc.home.name}, {doc.home.province}" if doc.home else "no home place"
    when = doc.date.isoformat() if doc.date else str(doc.year or "undated")
    console.rule(
        Text.assemble((shown(str(loaded.path)), "bold"), f"  {home} · {when} · {doc.encoding}")
    )
    table = Table("#")
    table.add_column("headline", min_width=14, ratio=2, overflow="fold")
    table.add_column("place", overflow="fold")
    table.add_column("date", no_wrap=True)
    table.add_column("span", no_wrap=True)
    table.add_column("first words", ratio=1, no_wrap=True, overflow="ellipsis")
    for a in doc.articles:
        record = article_record(loaded, a)
        headline = a.headline or ("" if a.kind == "article" else f"({a.kind})")
        table.add_row(
            str(a.index),
            headline,
            record["place"] or "",
            record["date"] or "",
            f"{record['start']}–{record['end']}",
            record["first_words"],
        )
    console.print(table)


@app.command()
def articles(
    paths: list[Path] = typer.Argument(
        ..., help="Text files, or folders of *.txt files.", show_default=False
    ),
    as_json: bool = typer.Option(
        False, "--json", help="JSON Lines: one object per article, for programs."
    ),
) -> None:
    """Split each file into articles: headline, place, date, first words, original span.

    Example: [bold]okg articles seeds/003_3676fee7047f7844.txt[/]

    With --json each line is one article:
    {"file", "doc", "index", "kind" (article | toc | colophon), "headline", "place",
    "province", "date" (YYYY-MM-DD), "first_words", "start", "end" (character offsets
    in the original file), "sentences"}.

    A file that cannot be read is reported on stderr as `okg: FILE: REASON` and the
    others are still read. Exit status: 0 when at least one file was read, 1 when none
    could be.
    """
    out, err = Console(markup=False), Console(stderr=True)  # text from files is not markup
    read = 0
    for loaded in map(load, with_progress(expand_paths(paths), "reading", err)):
        if loaded.error:
            report_unreadable(err, loaded.path, loaded.error)
            continue
        read += 1
        if as_json:
            for a in loaded.document.articles:
                print(json.dumps(article_record(loaded, a), ensure_ascii=False))
        else:
            _table(loaded, out)
    if read == 0:
        raise typer.Exit(1)
