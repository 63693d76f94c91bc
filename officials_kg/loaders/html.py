"""Web pages: the main text of a saved page, without its menus, footers and link lists, and
the page's own metadata (headline, publication date, site name, canonical address).

Government and newspaper sites wrap a story in navigation, breadcrumbs, "related news"
lists and a footer of ICP numbers; trafilatura finds the story among them (its metadata
reads the date with htmldate, from the page's meta tags, its visible dateline or its
address). What it returns is the document's text, so an evidence span points into it.

Pages come in the encoding their server declared (a `<meta charset>`, which for GB2312
and GBK pages is read as GB18030, their superset: such pages often hold characters beyond
the declared set) or, undeclared, the one their bytes show (loaders/decode.py).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import trafilatura
from charset_normalizer import from_bytes
from trafilatura.settings import Document as TrafilaturaDocument

from officials_kg.loaders.decode import Decoded, LoadError, decode_bytes

__all__ = ["Page", "looks_like_html", "read_page"]

HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.I | re.S
)
"""How a page without an extension is told: it opens with a doctype or an html/head tag."""
DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
XML_DECLARED = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([\w-]+)""", re.I)
SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}
"""Declared encodings read as the superset that pages labelled so really use."""
DATE_SEARCH = {"extensive_search": False, "original_date": True}
"""htmldate reads the date the page declares (meta tags, structured data, its address,
its dateline): its extensive search guesses one from any year in the text (a page of
2022 was dated 2014-01-01), which would then date every undated story of the page."""
TITLE_PARTS = re.compile(r"\s*(?:_|\||｜|－| - )\s*")
"""What separates a title's headline, section and site (not ——, which opens a subtitle)."""
LINK = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.I | re.S)
DETECTED = ("gb18030", "big5hkscs")
DETECT_BYTES = 200_000
MIN_TEXT = 10
"""Characters of main text below which a page is said to have none (an index page)."""


@dataclass(frozen=True)
class Page:
    """A page's main text (headline first) and what the page says of itself."""

    text: str
    encoding: str
    title: str | None
    date: str | None  # ISO, as the page's metadata gives it
    site: str | None
    url: str | None


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a file are those of a web page."""
    return HTML_START.match(head[:4096]) is not None


def decode_page(data: bytes) -> Decoded:
    """The page's text, in its declared encoding if it names a Chinese or Unicode one that
    decodes it, else in the encoding its bytes show."""
    head = data[:4096]
    declared = XML_DECLARED.search(head) or DECLARED.search(head)
    if declared and not data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            name = ""
        name = SUPERSET.get(name, name)
        if name:
            try:
                return Decoded(data.decode(name), name)
            except UnicodeDecodeError:
                pass  # a wrong declaration: the bytes decide
    return decode_bytes(data) if _unicode(data) else _detected(data)


def _unicode(data: bytes) -> bool:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detected(data: bytes) -> Decoded:
    """An undeclared page that is not UTF-8: GB18030 or Big5, as its bytes read best. Big5
    bytes mostly decode as GB18030 too, into nonsense, so decoding alone cannot tell them
    (loaders/decode.py tries GB18030 first, right for text files, which are mainland
    China's); charset-normalizer, held to the two, measures which reads as language."""
    best = from_bytes(data[:DETECT_BYTES], cp_isolation=list(DETECTED)).best()
    if best is not None and best.encoding in DETECTED:
        try:
            return Decoded(data.decode(best.encoding), best.encoding)
        except UnicodeDecodeError:
            pass
    return decode_bytes(data)


def _links_only(body: str, page: str) -> bool:
    """Whether every line of what was read is the text of a link: an index page, whose
    links trafilatura gives when it finds no story (its fallback keeps any text)."""
    links = {re.sub(r"<[^>]*>|\s", "", m) for m in LINK.findall(page)}
    return all(re.sub(r"\s", "", line) in links for line in body.splitlines() if line.strip())


def read_page(data: bytes, url: str | None = None) -> Page:
    """The main text and metadata of a page's bytes; `url` is where it was fetched from
    (a WARC record's), used when the page names no canonical address of its own.
    Raises LoadError for a page without main text."""
    decoded = decode_page(data)
    found = trafilatura.bare_extraction(
        decoded.text,
        url=url,
        with_metadata=True,
        favor_recall=True,
        include_comments=False,
        date_extraction_params=DATE_SEARCH,
    )
    body = (found.text or "").strip() if isinstance(found, TrafilaturaDocument) else ""
    if (
        not isinstance(found, TrafilaturaDocument)
        or len(body) < MIN_TEXT
        or _links_only(body, decoded.text)
    ):
        raise LoadError("no main text in the page (an index or a page of links?)")
    title, site = _headline_and_site((found.title or "").strip(), found.sitename)
    text = body if title is None or body.startswith(title) else f"{title}\n\n{body}"
    return Page(text + "\n", decoded.encoding, title, found.date, site, found.url or url)


def _headline_and_site(title: str, site: str | None) -> tuple[str | None, str | None]:
    """A page's `<title>` (what trafilatura gives without an `<h1>`) is written `headline_
    section_site` on most government sites (全市公安工作会议召开_许昌新闻_许昌市人民政府):
    the headline is its first part, the site, if the page names none, its last."""
    parts = [part for part in TITLE_PARTS.split(title) if part]
    if len(parts) < 2:
        return title or None, site
    return parts[0], site or parts[-1]
