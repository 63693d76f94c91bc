"""Decoding: bytes on disk → text, with the encoding detected, never guessed from the name.

Official texts arrive as UTF-8 (with or without a BOM) or as GB18030/GBK from older
systems. Binary files and empty files are refused with a reason the user can act on.
"""

from __future__ import annotations

import codecs
import errno
import os
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

__all__ = [
    "MAX_BYTES",
    "Decoded",
    "LoadError",
    "decode_bytes",
    "encoding_of",
    "name_text",
    "os_reason",
    "read_text",
]

MAX_BYTES = 64 * 1024 * 1024
"""Files above this are refused rather than read whole: split them into pages first."""


CHINESE_OR_UNICODE = frozenset(
    codecs.lookup(name).name
    for name in (
        "big5",
        "big5hkscs",
        "cp950",
        "gb2312",
        "gbk",
        "gb18030",
        "hz",
        "utf-16",
        "utf-32",
        "utf-8",
    )
)
"""What detection may settle on: the encodings Chinese official texts are written in."""


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


def _decode(data: bytes, encoding: str, final: bool) -> Decoded:
    """`data` decoded; unless `final`, it may end inside a character (a file's first
    bytes), which is left out rather than refused."""
    try:
        text = codecs.getincrementaldecoder(encoding)(errors="strict").decode(data, final)
    except UnicodeDecodeError as exc:
        raise LoadError(f"undecodable bytes at offset {exc.start} ({encoding})") from exc
    return Decoded(text, encoding)


def decode_bytes(data: bytes) -> Decoded:
    """Decode one file's bytes: BOM first, then strict UTF-8, then GB18030, then detection.

    Detection may only name a Chinese or Unicode encoding: anything else (cp437, latin-1)
    would turn Chinese bytes into plausible-looking nonsense, so it is an error instead.
    Emptiness is judged on the text: a BOM alone, or ideographic spaces, are empty too."""
    decoded = _detect(data, final=True)
    if not decoded.text.strip():
        raise LoadError("empty file")
    return decoded


def encoding_of(first_bytes: bytes, final: bool) -> str:
    """The encoding of a file told from its first bytes by decode_bytes' rules (a large
    file's, loaders/stream.py). Unless `final` (the bytes are the whole file), they may end
    inside a character; and they may be blank: the file's emptiness is judged on all of it."""
    return _detect(first_bytes, final).encoding


# Longest first: a UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _detect(data: bytes, final: bool) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data, encoding, final)
    if _looks_binary(data):
        raise LoadError("binary file, not text")
    for encoding in ("utf-8", "gb18030"):  # GB18030 is a superset of GBK and GB2312
        try:
            return _decode(data, encoding, final)
        except LoadError:
            pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise LoadError("undecodable bytes: neither UTF-8 nor GB18030, and no other encoding fits")
    if codecs.lookup(best.encoding).name not in CHINESE_OR_UNICODE:
        raise LoadError(
            f"undecodable bytes: neither UTF-8 nor GB18030 nor another Chinese encoding "
            f"(the nearest guess, {best.encoding}, would give nonsense)"
        )
    return _decode(data, best.encoding, final)


def _too_large(max_bytes: int, size: int | None = None) -> LoadError:
    measured = f"{_mib(size)} > " if size is not None else "over "
    return LoadError(
        f"file too large ({measured}{_mib(max_bytes)}); split it into pages or issues first"
    )


def _mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB" if size >= 2**20 else f"{size} bytes"


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> Decoded:
    """Read and decode a file, refusing what is not a readable text file.

    Never reads more than `max_bytes` + 1 bytes, whatever the file system says of the
    size, so a device or a file still growing cannot exhaust memory either."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise LoadError("is a directory")
        if size > max_bytes:
            raise _too_large(max_bytes, size)
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise LoadError(os_reason(exc)) from exc
    if len(data) > max_bytes:
        raise _too_large(max_bytes)
    return decode_bytes(data)


def os_reason(exc: OSError) -> str:
    """Why the system would not give a file, in the words of `okg: FILE: REASON`."""
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    return exc.strerror or str(exc)


def name_text(name: str) -> str:
    """A file name as text that UTF-8, JSON and the stores can hold. A name that is not
    UTF-8 on disk (GBK names from a Windows archive) comes from the system with its bytes
    as lone surrogates (`os.fsdecode`), which no UTF-8 writer takes: each such byte is
    written `\\xbb` instead, so the document keeps a name that says which file it was."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")
