"""What the commands share: a progress bar on stderr when there are enough files to wait for,
the bar of the commands that count items, and one way to report a file that could not be
read."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from officials_kg.loaders.decode import name_text

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


def report_unreadable(err: Console, path: Path | str, reason: str) -> None:
    """`okg: FILE: REASON` on stderr, one line of plain text whatever the file is called:
    names may hold brackets (markup), bytes that are not UTF-8 and line breaks."""
    line = f"okg: {shown(str(path))}: {reason}"
    err.print(line, markup=False, highlight=False, soft_wrap=True)


def shown(name: str) -> str:
    """A file name as text on one line: bytes that are not UTF-8 as `\\xbb`, control
    characters and line separators (a newline) as their escapes."""
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode(), name_text(name))


_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
