"""`okg evaluate`: how well the extractor does on texts someone has annotated (evaluation/)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from officials_kg.cli.app import app
from officials_kg.cli.commands.extract import records_of
from officials_kg.cli.output import SummaryJson, print_object
from officials_kg.cli.progress import report_unreadable, with_progress
from officials_kg.evaluation import (
    METRICS,
    GoldError,
    Report,
    diff_document,
    evaluate,
    is_record_file,
    load_gold,
    read_records,
)
from officials_kg.loaders.batch import expand_paths

SHORT = {
    "persons": "persons",
    "positions_strict": "strict",
    "positions_lenient": "lenient",
    "events": "events",
    "events_dated": "dated",
    "participations": "partic.",
    "roles": "roles",
}  # column headings narrow enough for 80 columns


def _documents_table(report: Report) -> Table:
    table = Table(
        "document",
        *(SHORT[m] for m in METRICS),
        title="F1 per document",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 0),  # one space between columns: a row fits in 80 columns
    )
    for column in table.columns[1:]:
        column.justify = "right"
    for doc, scores in report.documents.items():
        table.add_row(doc, *(f"{scores[m].f1:.2f}" for m in METRICS))
    table.add_section()
    table.add_row("TOTAL", *(f"{report.total[m].f1:.2f}" for m in METRICS), style="bold")
    return table


def _total_table(report: Report) -> Table:
    table = Table(
        "TOTAL", "precision", "recall", "F1", "tp", "fp", "fn", box=box.SIMPLE_HEAD, show_edge=False
    )
    for column in table.columns[1:]:
        column.justify = "right"
    for metric in METRICS:
        c = report.total[metric]
        figures = (f"{c.precision:.4f}", f"{c.recall:.4f}", f"{c.f1:.4f}")
        table.add_row(metric, *figures, str(c.tp), str(c.fp), str(c.fn))
    return table


def _records(paths: list[Path], err: Console) -> dict[str, dict[str, Any]]:
    """The records of record files, and of the other files as `okg extract` makes them, by
    document; what cannot be read is reported on `err`."""
    records: dict[str, dict[str, Any]] = {}
    for path in filter(is_record_file, paths):
        for read in read_records(path):
            if read.record is None:
                report_unreadable(err, read.source, read.error or "")
            else:
                records[read.record["doc"]] = read.record
    texts = expand_paths([p for p in paths if not is_record_file(p)])
    for source in with_progress(texts, "extracting", err):
        for record, error in records_of(source):
            if record is None:
                report_unreadable(err, source.path, error or "")
            else:
                records[record.doc] = record.to_dict()
    return records


@app.command("evaluate")
def evaluate_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files or folders to extract, as okg extract reads them; or records "
            "written earlier by okg extract --format jsonl (.jsonl), or one a file (.json).",
            show_default=False,
        ),
    ],
    gold: Annotated[
        Path,
        typer.Option(
            "--gold",
            help="Folder of gold *.json files (eval/gold, eval/dev/gold).",
            show_default=False,
        ),
    ],
    as_json: SummaryJson = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Also list per document the gold facts missed (-), the extra ones (+), and "
            "wrong dates and roles (~).",
        ),
    ] = False,
) -> None:
    """Score the extraction of texts against their gold annotations: precision, recall
    and F1 per kind of fact, per document and in total.

    Example: [bold]okg evaluate --gold eval/dev/gold eval/dev/texts/[/]

    The kinds: persons; positions, strict (same body and title) and lenient (the
    body named more or less fully); events, and events with the right date;
    participations; roles (of the matched participations, those with exactly the gold
    roles). A record is matched to the gold file of its document's name (the file name
    without extension); a gold document without a record scores as an empty one. The
    rules are eval/GUIDELINES.md's and the same as the shared referee's score.py.

    --json gives {"documents", "predicted_documents", "total": {KIND: {"tp", "fp", "fn",
    "precision", "recall", "f1"}}, "per_doc": {DOC: {KIND: ...}}}, and under --diff
    "diff": {DOC: the list of its lines}.

    A file that cannot be read is reported on stderr as `okg: FILE: REASON` and the
    others are still scored. Exit status: 0, or 1 when the gold folder cannot be used
    or no record could be read.
    """
    err = Console(stderr=True)
    try:
        annotations = load_gold(gold)
    except GoldError as exc:
        print(f"okg: {exc}", file=sys.stderr)
        raise typer.Exit(1) from None
    records = _records(paths, err)
    if not records:
        raise typer.Exit(1)
    report = evaluate(annotations, records)
    diffs = (
        {doc: diff_document(g, records.get(doc, {})) for doc, g in annotations.items()}
        if diff
        else {}
    )
    if as_json:
        figures = report.as_dict() | ({"diff": diffs} if diff else {})
        print_object(figures)
        return
    out = Console(markup=False, highlight=False)
    out.print(_documents_table(report))
    out.print()
    out.print(_total_table(report))
    unscored = len(records.keys() - annotations.keys())
    out.print(
        f"{len(annotations)} gold documents, {report.predicted} with a record"
        + (f"; {unscored} records without gold, not scored" if unscored else "")
    )
    if diff:
        for doc, lines in diffs.items():
            if lines:
                out.print(f"\n{doc}", style="bold")
                # long event names: the terminal wraps them, not rich at a space
                out.print("\n".join(f"  {line}" for line in lines), soft_wrap=True)
