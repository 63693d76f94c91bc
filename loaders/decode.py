"""Decoding: bytes on disk → text, with the encoding detected, never guessed from the name.

Official texts arrive as UTF-8 (with or without a BOM) or as GB18030/GBK from older
systems. Binary files and empty files are refused with a reason the user can act on.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

MAX_BYTES = 64 * 1024 * 1024
"""Files above this are refused rather than read whole: split them into pages first."""


class LoadError(Exception):
    """A file that cannot be read as text; the message names the reason."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


def decode_bytes(data: bytes) -> Decoded:
    """Decode one file's bytes: BOM first, then strict UTF-8, then detection among CJK codecs."""
    if not data.strip():
        raise LoadError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16"), "utf-16")
    if _looks_binary(data):
        raise LoadError("binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # GB18030 is a superset of GBK and GB2312: any of them decodes with it.
        return Decoded(data.decode("gb18030"), "gb18030")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise LoadError("undecodable bytes: neither UTF-8 nor GB18030, and no other encoding fits")
    try:
        return Decoded(data.decode(best.encoding), best.encoding)
    except UnicodeDecodeError as exc:
        raise LoadError(f"undecodable bytes at offset {exc.start} ({best.encoding})") from exc


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> Decoded:
    """Read and decode a file, refusing what is not a readable text file."""
    if not path.exists():
        raise LoadError("no such file")
    if path.is_dir():
        raise LoadError("is a directory")
    size = path.stat().st_size
    if size > max_bytes:
        raise LoadError(
            f"file too large ({size / 2**20:.0f} MiB > {max_bytes / 2**20:.0f} MiB); "
            "split it into pages or issues first"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(exc.strerror or str(exc)) from exc
    return decode_bytes(data)
