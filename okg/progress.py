"""What every command that reads many files shares: a progress bar on stderr when there
are enough files to wait for, and one way to report a file that could not be read."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.progress import Progress

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


def report_unreadable(err: Console, path: Path, reason: str) -> None:
    """`okg: FILE: REASON` on stderr, as plain text (file names may hold brackets)."""
    err.print(f"okg: {path}: {reason}", markup=False, highlight=False, soft_wrap=True)
