"""Normalising a web copy before it is read, keeping the offset map.

Web copies of the genre differ from print in ways that no reading rule should have to
know about:

- half-width punctuation used as Chinese punctuation (`张三,李四;会议(扩大)`) reads as
  the full-width marks (`，；：（）！？`) every rule looks for;
- traditional-script mirrors read as simplified, character by character (OpenCC's t2s
  table), so that lexicons, surnames and the gazetteer apply unchanged;
- pinyin that mirror sites insert after a character (`會(huì )議`) is noise and goes, and
  so does a comma they double (`張三,、李四`).

A substitution replaces one character with one, so offsets do not move; the pinyin is
deleted through `MappedText.delete`. The original file is untouched: evidence can still
quote the text's own form (`Document.source_text`).
"""

from __future__ import annotations

import re
from functools import cache

from officials_kg.loaders.mapped import MappedText

_CJK = "\u3400-\u9fff\uf900-\ufaff"
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
# A half-width mark with a Chinese character on either side (not `1,000` or `a:b`).
_ANY_HALF_MARK = re.compile(r"[,;:!?()]")
_HALF_MARK = re.compile(rf"(?<=[{_CJK}“”])[,;:!?()]|[,;:!?()](?=[{_CJK}“”])")
# Inserted pinyin: Latin letters with tone marks in brackets right after a character (which
# `_pinyin` checks: a pattern that opens with a bracket is searched for that bracket alone,
# one that opens with a lookbehind is tried at every character of the page).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
PINYIN = re.compile(rf"[(（][a-z{_TONED}]{{0,7}}[{_TONED}][a-z{_TONED}]{{0,5}}\s*[)）]")
_CJK_CHAR = re.compile(f"[{_CJK}]")
# A comma doubled by a mirror site (`歐陽小民,、張三`, `會見,,`): the mark that follows stands
DOUBLED_MARK = re.compile(r"[,，](?=[,，、。；;：！？])")
_HAN = re.compile("[\u4e00-\u9fff]")
TRADITIONAL_SHARE = 0.03
"""The share of a text's Chinese characters that OpenCC would simplify above which the
text is a traditional-script copy. Simplified text has some such characters too (乾 in
names and set phrases), far below this, and is left as it is."""
SAMPLE_CHARS = 4000
TRADITIONAL_MIN = 2  # and their count: a short simplified line may hold one such name


@cache
def _t2s() -> dict[int, str]:
    """OpenCC's traditional-to-simplified mapping of single characters (one to one): the
    converter applied to each character alone, so that no phrase rule changes a length."""
    import opencc

    chars = "".join(chr(c) for c in range(0x3400, 0xA000)) + "".join(
        chr(c) for c in range(0xF900, 0xFB00)
    )
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return {ord(a): b for a, b in zip(chars, converted, strict=True) if a != b and len(b) == 1}


def simplify(text: str) -> str:
    """`text` in simplified script, character by character (張小華 → 张小华)."""
    return text.translate(_t2s())


def reads_as(clean: str, source: str) -> bool:
    """Whether a clean character may stand for a character of the file: itself, its
    full-width mark or its simplified form (the offset map's invariant)."""
    return clean in (source, HALF_TO_FULL.get(source), _t2s().get(ord(source)))


def is_traditional(text: str) -> bool:
    """Told from the text's first SAMPLE_CHARS characters: a copy is in one script."""
    sample = text[:SAMPLE_CHARS]
    changed = len(_traditional().findall(sample))
    if changed <= TRADITIONAL_MIN:
        return False
    return changed > TRADITIONAL_SHARE * len(_HAN.findall(sample))


@cache
def _traditional() -> re.Pattern[str]:
    """The characters OpenCC would simplify, as a character class (a set the regex engine
    tests each character against in C)."""
    return re.compile("[" + "".join(map(chr, sorted(_t2s()))) + "]")


def _pinyin(text: str) -> list[re.Match[str]]:
    """Pinyin in brackets right after a Chinese character (`會(huì)議`)."""
    return [m for m in PINYIN.finditer(text) if m.start() and _CJK_CHAR.match(text, m.start() - 1)]


def normalise(mapped: MappedText) -> MappedText:
    """The text with pinyin insertions deleted, half-width marks made full-width between
    Chinese characters, and traditional script simplified; offsets still map each
    character to the original."""
    noise = [*_pinyin(mapped.text), *DOUBLED_MARK.finditer(mapped.text)]
    mapped = mapped.delete(m.span() for m in noise)
    text = mapped.text
    if _ANY_HALF_MARK.search(text):  # most PDF text has none: skip the slower pattern
        text = _HALF_MARK.sub(lambda m: HALF_TO_FULL[m.group()], text)
    if is_traditional(text):
        text = simplify(text)
    return mapped.substitute(text)
