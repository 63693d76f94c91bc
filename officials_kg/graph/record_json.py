"""Extraction records from their JSON (`okg extract --format jsonl`, the gold files), read
so that a bad one fails alone, with a message that says what is wrong."""

from __future__ import annotations

import json
from typing import Any

import msgspec

from officials_kg.extraction.records import DocumentRecord


class _Named(msgspec.Struct):
    """What finding a record's document needs: its name. Decoding into this reads past the
    rest without making it into objects (a record of 10,000 generated pages is 16 KB, most
    of it evidence)."""

    doc: str


_NAMED = msgspec.json.Decoder(_Named)
_RECORD = msgspec.json.Decoder(DocumentRecord)


def record_name(data: bytes) -> str:
    """The name of the document whose record `data` is. Raises ValueError if it is not a
    record's JSON or names no document."""
    doc: str = _decode(_NAMED, data).doc
    if not doc.strip():
        raise ValueError(f"doc is {doc!r}, not a document's name")
    return doc


def read_record(data: bytes) -> DocumentRecord:
    """A record from its JSON, checked so that a bad one fails here, alone, and not in the
    write of its whole batch or in reading the store back: msgspec builds the dataclasses
    of extraction/records.py and holds every field to its declared type (an offset written
    "12" would go into the embedded store as an integer that cannot be read back), and it
    refuses text that cannot be stored (a lone surrogate from a `\\ud800` escape cannot be
    written as UTF-8). Keys a record has beyond those fields are ignored. Raises ValueError
    (msgspec's errors are ValueErrors)."""
    return _decode(_RECORD, data)


def _decode(decoder: msgspec.json.Decoder, data: bytes) -> Any:
    """`decoder.decode(data)`, saying what is wrong where msgspec's message does not: of a
    string with a lone surrogate escape at its end (`"…\\ud800"`) it says that the input
    was truncated. The standard library reads such a string, and cannot write it as UTF-8."""
    try:
        return decoder.decode(data)
    except msgspec.ValidationError:
        raise
    except msgspec.DecodeError as exc:
        try:
            json.dumps(json.loads(data), ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(
                "a string holds a lone surrogate escape (such as \\ud800), which cannot be "
                "stored as UTF-8"
            ) from exc
        except (ValueError, RecursionError):
            pass  # not JSON at all: msgspec's message stands
        raise
