"""PDF pages: the text layer of each page, in reading order, page by page.

pypdfium2 (Chromium's PDF engine) reads the text layer in the order the page draws it,
which for a newspaper page set in columns is column by column, article by article.
pdfminer.six's layout analysis, the other choice, writes common characters as their
CJK-radical look-alikes (⺠ for 民, ⻓ for 长, which NFKC does not mend), breaks paragraphs
of a page set in columns even with those mapped back, and is much slower;
tests/test_inputs_pdf.py compares the two on the seeds printed in columns, and
docs/inputs.md gives the figures.

The pages' texts are joined with a line break, as the seeds (text pulled out of such
PDFs) have them, and where each page starts is kept, so that evidence can name its page
and the span in that page's text. A page without a text layer is an image: a PDF of
such pages only is a scan, refused with a reason, as OCR is not done here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pypdfium2

from officials_kg.loaders.decode import LoadError

__all__ = ["PdfText", "looks_like_pdf", "read_pdf"]

PDF_START = b"%PDF-"
PDFIUM_SAYS = re.compile(r"PDFium: ([^)]*)")
IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
INDENT_MIN, INDENT_MAX = 1.5, 2.6
"""A line that starts this many characters' widths right of a margin is indented:
Chinese paragraphs open two characters in."""
MARGIN_LINES = 3
"""Lines that start at one place make it a margin (a column's left edge)."""


@dataclass(frozen=True)
class PdfText:
    """The pages' texts joined, and the offset in `text` where each page starts."""

    text: str
    pages: tuple[int, ...]


def looks_like_pdf(head: bytes) -> bool:
    """Whether a file's first bytes are a PDF's (the header may follow some junk)."""
    return PDF_START in head[:1024]


def _page_text(page: pypdfium2.PdfPage) -> str:
    """The page's text layer, line by line, an indented line (a paragraph's first) opened
    with two ideographic spaces as the seeds have it: the loaders tell paragraphs and
    headlines apart by it (loaders/articles.py, `Layout`), and the text layer has no
    characters for it, only the line's position."""
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if len(text) != textpage.count_chars():  # characters and boxes not one to one
            return "\n".join(lines)
        boxes = [textpage.get_charbox(i) for i in range(len(text))]
    finally:
        textpage.close()
    widths = sorted(b[2] - b[0] for b, c in zip(boxes, text, strict=True) if IDEOGRAPH.match(c))
    if not widths:
        return "\n".join(lines)
    em = widths[len(widths) // 2]
    lefts: list[float | None] = []
    at = 0
    for line in lines:
        first = next((i for i, c in enumerate(line) if not c.isspace()), None)
        lefts.append(None if first is None else boxes[at + first][0])
        at += len(line) + 2 if text.startswith("\r\n", at + len(line)) else len(line) + 1
    starts = Counter(round(x / em * 2) for x in lefts if x is not None)  # in half widths
    margins = [n * em / 2 for n, count in starts.items() if count >= MARGIN_LINES]
    out = []
    for line, left in zip(lines, lefts, strict=True):
        indented = left is not None and any(
            INDENT_MIN * em <= left - m <= INDENT_MAX * em for m in margins
        )
        out.append("\u3000\u3000" + line if indented else line)
    return "\n".join(out)


def read_pdf(path: Path) -> PdfText:
    """The text layer of every page; raises LoadError for a PDF that cannot be opened
    (broken, encrypted) or has no text at all (a scan)."""
    try:
        pdf = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as exc:
        said = PDFIUM_SAYS.search(str(exc))  # "Failed to load document (PDFium: …)."
        reason = said.group(1) if said else str(exc)
        if "password" in reason.lower():
            raise LoadError("encrypted PDF: it needs a password to be read") from exc
        raise LoadError(f"not a readable PDF ({reason})") from exc
    try:
        texts = [_page_text(page) for page in pdf]
    finally:
        pdf.close()
    if not texts:
        raise LoadError("PDF has no pages")
    if not any(t.strip() for t in texts):
        raise LoadError(
            f"PDF has no text layer on any of its {len(texts)} pages "
            "(a scan, which needs OCR; OCR is not done)"
        )
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return PdfText("\n".join(texts) + "\n", tuple(starts))
