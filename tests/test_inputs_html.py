"""Web pages straight in: the seeds as pages of a government site, with menus,
breadcrumbs, related links and a footer around the story, in several encodings, give the
facts their text files give; a page's metadata gives what its text lacks; bad pages are
one line each and the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from officials_kg.evaluation import METRICS, evaluate, load_gold
from officials_kg.extraction import extract_document, extract_file
from officials_kg.loaders.decode import LoadError
from officials_kg.loaders.html import read_page
from officials_kg.loaders.inputs import kind_of, load_source
from tests.inputs_material import FOOTER, MENU, RELATED, ROOT, SEEDS, encoded_page, okg, seed_page

GOLD = ROOT / "eval" / "gold"
COMPARED = ("persons", "positions_strict", "positions_lenient", "events", "events_dated")
"""What a page must read as well as the text file (within 0.02 F1 against the gold)."""


def scores(records: dict[str, dict[str, Any]]) -> dict[str, float]:
    report = evaluate(load_gold(GOLD), records)
    return {metric: report.total[metric].f1 for metric in METRICS}


@pytest.fixture(scope="module")
def text_scores() -> dict[str, float]:
    return scores({s.stem: extract_file(s).to_dict() for s in SEEDS})


def _published(seed: Path) -> str | None:
    """The seed's own issue date, as its site's page would declare it."""
    from officials_kg.loaders.document import load_document

    issued = load_document(seed).date
    return issued.isoformat() if issued else None


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "gbk"])
def test_seed_pages_with_site_furniture_give_the_text_files_facts(
    tmp_path: Path, text_scores: dict[str, float], encoding: str
) -> None:
    records = {}
    for seed in SEEDS:
        page = tmp_path / f"{seed.stem}.shtml"
        page.write_bytes(encoded_page(seed_page(seed, published=_published(seed)), encoding))
        doc = load_source(page)
        assert doc.encoding == {"gbk": "gb18030"}.get(encoding, encoding)
        furniture = [w for w in [*MENU[1:], *RELATED, "网站标识码"] if w not in seed.read_text()]
        assert not [w for w in furniture if w in doc.text]
        records[seed.stem] = extract_document(doc).to_dict()
    ours = scores(records)
    for metric in COMPARED:
        assert ours[metric] >= text_scores[metric] - 0.02, (metric, ours, text_scores)


STORY = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>
<meta property="og:site_name" content="{site}">{meta}</head><body>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/xwzx/">新闻中心</a></li><li><a href="/bsfw/">办事服务</a></li></ul>
<div class="article"><h1>{title}</h1><div class="content">
{body}
</div></div>
<div class="footer">{footer}</div></body></html>"""

INVENTED = [
    "2月18日上午，县委常委会召开会议，县委书记李四宝主持会议并讲话。",
    "县委副书记、县长张三，县委常委、县委办公室主任王小五出席会议。",
    "会议传达学习了全市经济工作会议精神，研究部署了当前重点工作。",
    "会议强调，要坚持稳中求进工作总基调，全力以赴抓好项目建设和招商引资。",
]


def story_page(
    body: list[str] = INVENTED,
    *,
    title: str = "县委常委会召开会议",
    site: str = "长葛市人民政府",
    published: str | None = "2023-02-19",
    charset: str = "utf-8",
) -> str:
    meta = f'<meta name="PubDate" content="{published}">' if published else ""
    paragraphs = "\n".join(f"<p>{line}</p>" for line in body)
    footer = FOOTER.format(site=site)
    return STORY.format(
        charset=charset, title=title, site=site, meta=meta, body=paragraphs, footer=footer
    )


def test_the_pages_date_and_site_give_the_year_and_home_place_marked_as_metadata(
    tmp_path: Path,
) -> None:
    page = tmp_path / "c_1.htm"
    page.write_text(story_page(), "utf-8")
    doc = load_source(page)
    assert doc.origin.title == "县委常委会召开会议"
    assert doc.text.startswith("县委常委会召开会议\n")  # the headline opens the text
    assert (doc.home and doc.home.name, doc.home_from) == ("长葛市", "metadata")
    assert (str(doc.date), doc.date_from) == ("2023-02-19", "metadata")
    [article] = [a for a in doc.articles if a.kind == "article"]
    assert str(article.date) == "2023-02-18"  # 2月18日 of the page's year
    record = extract_document(doc)
    assert (record.place, record.place_from, record.date_from) == ("长葛市", "metadata", "metadata")
    ran = okg("articles", page, "--json", cwd=tmp_path)
    [row] = [json.loads(line) for line in ran.stdout.splitlines() if '"article"' in line]
    assert (row["place"], row["place_from"], row["date"], row["date_from"]) == (
        "长葛市",
        "metadata",
        "2023-02-18",
        "text",
    )
    table = okg("articles", page, cwd=tmp_path).stdout
    assert "长葛市, 河南省* · 2023-02-19*" in table
    assert "from the page's metadata" in table


def test_a_page_whose_text_names_its_place_and_date_keeps_them_from_the_text(
    tmp_path: Path,
) -> None:
    body = ["2024年3月5日，许昌市召开全市工作会议，许昌市委书记张三出席。", *INVENTED[2:]] * 3
    page = tmp_path / "p.html"
    page.write_text(story_page(body, published="2024-03-06"), "utf-8")
    doc = load_source(page)
    assert (doc.home and doc.home.name, doc.home_from) == ("许昌市", "text")
    assert doc.date_from != "metadata" or str(doc.date) == "2024-03-06"


def test_the_canonical_address_is_the_documents_and_its_evidence_points_into_the_text(
    tmp_path: Path,
) -> None:
    html = story_page().replace(
        "</title>", '</title><link rel="canonical" href="http://www.example.gov.cn/a/1.html">'
    )
    page = tmp_path / "1.html"
    page.write_text(html, "utf-8")
    doc = load_source(page)
    record = extract_document(doc)
    assert record.url == doc.origin.url == "http://www.example.gov.cn/a/1.html"
    assert record.persons
    for person in record.persons:
        for ev in person.evidence:
            assert doc.original[ev.start : ev.end].replace("\n", "") == ev.text


@pytest.mark.parametrize(
    ("charset", "declared"),
    [("gb2312", True), ("gbk", True), ("gb18030", False), ("big5", True), ("big5", False)],
)
def test_declared_and_detected_encodings(tmp_path: Path, charset: str, declared: bool) -> None:
    """GB2312 pages carry characters beyond GB2312 (镕, from GBK): read as GB18030. Big5
    pages are traditional script; undeclared, their bytes tell their encoding."""
    body = ["2月18日，县委书记李镕宝主持会议并讲话，县长张三出席。", *INVENTED[2:]]
    names = {"title": "县委常委会召开会议", "site": "长葛市人民政府"}
    if charset == "big5":
        body = ["2月18日，縣委常委會召開會議，縣委書記李四寶主持會議並講話。"] + [
            "縣委副書記、縣長張三出席會議。會議傳達學習了全市經濟工作會議精神。"
        ] * 3
        names = {"title": "縣委常委會召開會議", "site": "長葛市人民政府"}
    html = story_page(body, charset=charset if declared else "", **names)
    if not declared:
        html = html.replace('<meta charset="">', "")
    # what the encoding lacks, the page writes as character references, as servers do
    data = html.encode("gb18030" if charset in ("gb2312", "gbk") else charset, "xmlcharrefreplace")
    page = tmp_path / "page.html"
    page.write_bytes(data)
    doc = load_source(page)
    assert body[0] in doc.original
    assert doc.encoding in ({"big5hkscs", "big5"} if charset == "big5" else {"gb18030"})


def test_a_title_of_headline_section_and_site_gives_the_headline_and_the_site() -> None:
    body = "".join(f"<p>{line}</p>" for line in INVENTED)
    page = (
        "<html><head><title>县委常委会召开会议_本地要闻_长葛市人民政府</title></head>"
        f"<body><div class='content'>{body}</div></body></html>"
    )
    read = read_page(page.encode("utf-8"))
    assert (read.title, read.site) == ("县委常委会召开会议", "长葛市人民政府")
    assert read.text.startswith("县委常委会召开会议\n")
    subtitled = page.replace(
        "县委常委会召开会议_本地要闻_长葛市人民政府", "奋力书写新篇章——在全县大会上的讲话"
    )
    assert read_page(subtitled.encode("utf-8")).title == "奋力书写新篇章——在全县大会上的讲话"


def test_a_page_without_extension_is_told_by_its_content(tmp_path: Path) -> None:
    page = tmp_path / "index"
    page.write_text("\n  <!doctype html>" + story_page()[len("<!DOCTYPE html>") :], "utf-8")
    assert kind_of(page) == "html"
    assert load_source(page).origin.kind == "html"
    text = tmp_path / "notes"
    text.write_text("县委书记李四宝主持会议。", "utf-8")
    assert kind_of(text) == "text"


def test_a_page_of_links_only_is_refused_and_the_batch_goes_on(tmp_path: Path) -> None:
    links = "".join(f'<li><a href="/{i}.html">新闻标题第{i}条</a></li>' for i in range(40))
    index = tmp_path / "index.html"
    index.write_text(f"<html><body><ul>{links}</ul></body></html>", "utf-8")
    with pytest.raises(LoadError, match="no main text"):
        read_page(index.read_bytes())
    good = tmp_path / "good.html"
    good.write_text(story_page(), "utf-8")
    for command in (["articles"], ["extract", "-f", "jsonl"]):
        ran = okg(*command, index, good, cwd=tmp_path)
        assert ran.returncode == 0, ran.stderr
        assert ran.stderr.splitlines() == [
            f"okg: {index}: no main text in the page (an index or a page of links?)"
        ]
        assert "县委常委会召开会议" in ran.stdout
