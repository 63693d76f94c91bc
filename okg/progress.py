"""What the commands share: a progress bar on stderr when there are enough files to wait for,
the bar of the commands that count items, and one way to report a file that could not be
read."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

PROGRESS_FROM = 6  # files: fewer than this read too fast to need a progress bar

T = TypeVar("T")


def with_progress(items: Sequence[T], label: str, err: Console) -> Iterator[T]:
    """The items in order, advancing a transient progress bar on `err` after each."""
    if len(items) < PROGRESS_FROM:
        yield from items
        return
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task(label, total=len(items))
        for item in items:
            yield item
            progress.advance(task)


def counting_bar(err: Console, transient: bool = False) -> Progress:
    """A progress bar on `err` that shows what it counts: its label, the bar, how many of
    how many, and the time so far."""
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
    return Progress(*columns, TimeElapsedColumn(), console=err, transient=transient)


def report_unreadable(err: Console, path: Path, reason: str) -> None:
    """`okg: FILE: REASON` on stderr, as plain text (file names may hold brackets)."""
    err.print(f"okg: {path}: {reason}", markup=False, highlight=False, soft_wrap=True)
