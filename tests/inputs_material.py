"""Test material for the input kinds, made from the seeds: web pages with the furniture
of a real government site around the story (menus, breadcrumbs, related links, footer)
in several encodings, PDFs printed from such pages by headless Chromium in two and
three columns with the Noto CJK fonts, and web archives written with warcio.

Nothing is fetched; Chromium reaches nothing but the page it is given."""

from __future__ import annotations

import html
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from officials_kg.loaders.document import load_document
from tests.browser import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

MENU = ["首页", "政务公开", "新闻中心", "政务服务", "互动交流", "专题专栏", "走进本市"]
RELATED = ["市政府召开第十二次常务会议", "全市安全生产工作会议召开", "我市举行重点项目集中开工仪式"]
FOOTER = (
    "主办：{site}办公室 承办：大数据管理局 网站标识码：4110000001 "
    "备案号：豫ICP备05001234号 豫公网安备 41100002000123号 建议使用1920×1080分辨率浏览"
)


ENDS = ("。", "！", "？", "）", "：", "。”", "！”", "？”")


def okg(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`okg ARGS` in a process of its own, run in `cwd` with its embedded store there."""
    env = {**os.environ, "COLUMNS": "200", "OKG_DATA": str(cwd / "data")}
    command = [sys.executable, "-m", "officials_kg.cli.main", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=600)


def seed_paragraphs(seed: Path) -> list[str]:
    """The seed's paragraphs as a web page holds them: the text loader's, which joined
    the lines the PDF broke (宣传部部\n长) and keeps a headline a paragraph of its own."""
    text = load_document(seed).text
    return [line.strip() for line in text.split("\n") if line.strip()]


def _headline(paragraph: str) -> bool:
    """Whether a paragraph reads as a headline: short, without a sentence's end."""
    return len(paragraph) < 40 and not paragraph.endswith(ENDS)


def seed_page(
    seed: Path,
    *,
    site: str = "某某市人民政府",
    published: str | None = "2023-02-18",
    url: str | None = "http://www.example.gov.cn/xwzx/yw/c_1.shtml",
    columns: int = 1,
) -> str:
    """A web page of the seed's text: its first paragraph the headline (h1), inside a
    site's menus, breadcrumbs, related links and footer;
    `columns` sets the story in that many columns when printed."""
    lines = seed_paragraphs(seed)
    meta = [f'<meta property="og:site_name" content="{html.escape(site)}">']
    if published:
        meta.append(f'<meta name="PubDate" content="{published} 09:30">')
    if url:
        meta.append(f'<link rel="canonical" href="{url}">')
    menu = "".join(f'<li><a href="/m{i}/">{m}</a></li>' for i, m in enumerate(MENU))
    related = "".join(f'<li><a href="/r{i}.shtml">{r}</a></li>' for i, r in enumerate(RELATED))
    body = "\n".join(
        f"<p{' class=t' if _headline(line) else ''}>{html.escape(line)}</p>" for line in lines[1:]
    )
    dateline = f"发布时间：{published}　" if published else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{{charset}}">
<title>{html.escape(lines[0])}_{html.escape(site)}</title>
{"".join(meta)}
<style>
body {{ font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10pt; }}
.story {{ column-count: {columns}; column-gap: 2em; text-align: justify; }}
.story p {{ margin: 0 0 .3em 0; }}
.story p {{ text-indent: 2em; }}
.story p.t {{ text-indent: 0; font-weight: bold; }}
@media print {{ .top, .crumb, .info, .share, .related, .footer {{ display: none; }} }}
</style></head>
<body>
<div class="top"><div class="search"><form action="/search"><input name="q"><button>搜索</button>
</form></div><ul class="nav">{menu}</ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx/">新闻中心</a> &gt;
<a href="/xwzx/yw/">本地要闻</a></div>
<div class="article"><h1>{html.escape(lines[0])}</h1>
<div class="info">{dateline}来源：本地日报　【字体：<a href="#">大</a> <a href="#">中</a>
<a href="#">小</a>】</div>
<div class="story">{body}</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">打印本页</a>
<a href="#">关闭窗口</a></div></div>
<div class="related"><h3>相关新闻</h3><ul>{related}</ul></div>
<div class="footer"><p>{FOOTER.format(site=html.escape(site))}</p>
<p><a href="/about">关于我们</a> | <a href="/map">网站地图</a> | <a href="/contact">联系我们</a></p>
</div></body></html>
"""


def encoded_page(page: str, encoding: str, declare: bool = True) -> bytes:
    """The page's bytes in `encoding`, its meta tag naming it (or naming none)."""
    text = page.replace("{charset}", encoding if declare else "")
    if not declare:
        text = text.replace('<meta charset="">', "")
    return text.encode(encoding)


def print_pdf(page: str, out: Path) -> Path:
    """The page printed to PDF by headless Chromium (its fonts: fonts-noto-cjk)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "page.html")
        source.write_text(page.replace("{charset}", "utf-8"), "utf-8")
        flags = [f for f in CHROMIUM_FLAGS if not f.startswith("--window-size")]
        subprocess.run(
            [
                CHROMIUM,
                *flags,
                f"--user-data-dir={tmp}/profile",
                "--no-pdf-header-footer",
                f"--print-to-pdf={out}",
                source.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return out


def write_warc(pages: list[tuple[str, bytes]], out: Path, gz: bool = True) -> Path:
    """A web archive of (address, page bytes) responses, each after a request record
    and with a non-HTML response between them, as crawlers write them."""
    with out.open("wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for uri, body in pages:
            request = writer.create_warc_record(
                uri,
                "request",
                payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {uri} HTTP/1.1", [], is_http_request=True),
            )
            writer.write_record(request)
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    uri.rsplit("/", 1)[0] + "/logo.png",
                    "response",
                    payload=io.BytesIO(b"\x89PNG\r\n\x1a\n"),
                    http_headers=image,
                )
            )
    return out


def archived_uri(path: str) -> str | None:
    """The WARC-Target-URI of the response record that an archived page's document path,
    `archive@offset`, points at (read with warcio alone), or None if it points at none."""
    archive, offset = path.rsplit("@", 1)
    with open(archive, "rb") as f:
        f.seek(int(offset))
        record = next(iter(ArchiveIterator(f)))
    return (
        record.rec_headers.get_header("WARC-Target-URI") if record.rec_type == "response" else None
    )


def facts(record: dict) -> dict[str, set[tuple[str, ...]]]:
    """A record's facts by kind, as the scorer matches them: persons by name, positions
    by (person, title, body), events by name and date, participations by (person, event
    name, roles)."""
    events = {e["id"]: e for e in record["events"]}
    return {
        "persons": {(p["name"],) for p in record["persons"]},
        "positions": {(p["person"], p["title"], p["org"]) for p in record["positions"]},
        "events": {(e["name"], e["date"] or "") for e in record["events"]},
        "participations": {
            (p["person"], events[p["event"]]["name"], ",".join(sorted(p["roles"])))
            for p in record["participations"]
        },
    }


def agreement(reference: list[dict], other: list[dict]) -> dict[str, float]:
    """F1 per kind of fact of `other`'s records against `reference`'s, micro-averaged
    over the documents (paired in order): 1.0 where both read the same facts."""
    scores = {}
    for kind in ("persons", "positions", "events", "participations"):
        tp = fp = fn = 0
        for a, b in zip(reference, other, strict=True):
            want, got = facts(a)[kind], facts(b)[kind]
            tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
        scores[kind] = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    return scores
