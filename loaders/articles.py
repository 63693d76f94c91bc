"""Splitting a clean page or bulletin into articles.

Works on the paragraphs of the clean text (one per line). Cues, all from the genre:
an article *starts* at `本报讯`, `新华社…电`, `上接第一版`; it *ends* at a credit
`（韩海涛）` or a dateline standing alone (`新华社北京12月18日电`). Short lines without
a full stop are headlines. Where a page begins straight with a body (`本报讯…`), its
headlines were printed after their bodies, so they belong to the article above.
A table of contents (dotted leaders with page numbers) is its own article, marked `toc`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

START = re.compile(
    r"^(?:[（(]?上接第?[一二三四五六七八九十\d]+版[）)]?|本报讯|本刊讯|本报[^，。]{0,12}?电"
    r"|新华社[^，。]{0,12}?电|[^，。]{0,6}网[^，。]{0,10}?电|据新华社)"
)
ALONE_DATELINE = re.compile(r"^(?:新华社|本报)[^，。]{0,12}?\d+月\d+日电$")
CREDIT_END = re.compile(r"[（(][\u4e00-\u9fff·　 ]{2,16}[）)]$")
TOC_LINE = re.compile(r"…+[^…。]{0,16}?[（(]\d{1,3}[）)]\s*$|^目\s*录$")
HEADLINE_MAX = 40


@dataclass
class Paragraph:
    start: int  # clean offsets
    end: int
    text: str

    @property
    def is_headline(self) -> bool:
        return (
            0 < len(self.text) <= HEADLINE_MAX
            and not re.search(r"[。！？；]", self.text)
            and not self.text.endswith(("：", ":"))
        )


@dataclass
class ArticleSpan:
    """An article as clean-text paragraphs; `kind` is 'article' or 'toc'."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    headline: list[Paragraph] = field(default_factory=list)
    kind: str = "article"

    @property
    def start(self) -> int:
        return min(p.start for p in self.paragraphs + self.headline)

    @property
    def end(self) -> int:
        return max(p.end for p in self.paragraphs + self.headline)

    @property
    def headline_text(self) -> str | None:
        return "".join(p.text for p in self.headline) or None

    @property
    def has_body(self) -> bool:
        return any(not p.is_headline for p in self.paragraphs)


def paragraphs(text: str) -> list[Paragraph]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        out.append(Paragraph(m.start(), m.end(), m.group()))
    return out


def split_articles(text: str) -> list[ArticleSpan]:
    paras = paragraphs(text)
    if not paras:
        return []
    body_paras = [p for p in paras if not TOC_LINE.search(p.text)]
    headlines_after = bool(body_paras) and START.match(body_paras[0].text) is not None

    articles: list[ArticleSpan] = []
    current = ArticleSpan()
    pending: list[Paragraph] = []  # headline-looking lines not yet placed
    closed = True  # the current article has ended (credit or dateline)

    def close() -> None:
        nonlocal current
        if current.paragraphs:
            articles.append(current)
        current = ArticleSpan()

    for para in paras:
        if ALONE_DATELINE.match(para.text):
            current.paragraphs.extend(pending + [para])
            pending = []
            close()
            closed = True
            continue
        if TOC_LINE.search(para.text):
            if current.kind != "toc":
                close()
                current.kind = "toc"
            current.paragraphs.extend(pending + [para])
            pending = []
            continue
        if current.kind == "toc":
            if para.is_headline and not pending and len(para.text) <= 16:
                current.paragraphs.append(para)  # a section label of the contents
                continue
            close()
            closed = True
        if START.match(para.text) or (closed and not para.is_headline):
            if headlines_after and articles and pending and current.paragraphs == []:
                articles[-1].headline.extend(pending)
            elif headlines_after and current.paragraphs and pending:
                current.headline.extend(pending)
                pending = []
            close()
            if not headlines_after:
                current.headline.extend(pending)
            elif pending:
                articles[-1].headline.extend(pending) if articles else current.headline.extend(
                    pending
                )
            pending = []
            current.paragraphs.append(para)
            closed = False
        elif para.is_headline:
            pending.append(para)
        else:
            current.paragraphs.extend(pending)
            pending = []
            current.paragraphs.append(para)
            if CREDIT_END.search(para.text):
                close()
                closed = True
    if pending:
        if headlines_after and (current.paragraphs or articles):
            (current if current.paragraphs else articles[-1]).headline.extend(pending)
        else:
            current.paragraphs.extend(pending)
    close()
    return articles
