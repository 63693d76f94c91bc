"""What `okg evaluate` reads: a folder of gold files, and record files written earlier (texts
to extract first are the command's business, as in `okg extract`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["GoldError", "is_record_file", "load_gold", "read_records"]

RECORD_SUFFIXES = (".jsonl", ".json")
FACTS = ("persons", "positions", "events", "participations")  # a record's lists of objects


class GoldError(Exception):
    """A gold folder that cannot be used: nothing can be scored against it."""


def load_gold(folder: Path) -> dict[str, dict[str, Any]]:
    """The gold annotations of a folder's `*.json` files, by their `doc`."""
    if not folder.is_dir():
        raise GoldError(f"{folder}: not a folder of gold *.json files")
    gold: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        for read in read_records(path):
            if read.record is None:
                raise GoldError(f"{read.source}: {read.error}")
            gold[read.record["doc"]] = read.record
    if not gold:
        raise GoldError(f"{folder}: no gold *.json files")
    return gold


@dataclass(frozen=True)
class Read:
    """A record read from `source` (a file, or `file:line` of a `.jsonl` file), or the
    reason it could not be."""

    source: str
    record: dict[str, Any] | None = None
    error: str | None = None


def is_record_file(path: Path) -> bool:
    """Whether a path names records (`.jsonl`, `.json`) rather than texts to extract."""
    return path.suffix in RECORD_SUFFIXES and not path.is_dir()


def read_records(path: Path) -> Iterator[Read]:
    """The records of a `.jsonl` file (one a line) or a `.json` file (one)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        yield Read(str(path), error=str(exc))
        return
    if path.suffix == ".json":
        yield _record(str(path), text)
        return
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield _record(f"{path}:{n}", line)


def _record(source: str, text: str) -> Read:
    try:
        record = json.loads(text)
    except (ValueError, RecursionError) as exc:
        return Read(source, error=f"not JSON: {exc}")
    if not isinstance(record, dict) or not isinstance(record.get("doc"), str):
        return Read(source, error="not a record: no `doc` name")
    for key in FACTS:
        rows = record.get(key, [])
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            return Read(source, error=f"not a record: `{key}` is not a list of objects")
    return Read(source, record)
