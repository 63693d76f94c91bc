"""The genre's layout cues, shared by cleaning (where a line may not be joined to the one
before it) and splitting (where an article starts or ends).

All patterns apply to one clean paragraph or line with its spaces removed, except
`BYLINE`, which needs the space a byline keeps between title and name.
"""

from __future__ import annotations

import re

_NUMERAL = "[一二三四五六七八九十\\d]"

START = re.compile(
    rf"^(?:[（(]?上接第?{_NUMERAL}+版[）)]?|本报讯|本刊讯|本报[^，。]{{0,12}}?电"
    r"|新华社[^，。]{0,12}?电|[^，。]{0,6}网[^，。]{0,10}?电|据新华社)"
)
"""A story's first words: a news-service lead or a continuation from another page."""

DATELINE = re.compile(
    r"(?:新华社|中新社|本报)(?P<place>[^\d，。、]{0,8}?)(?P<m>\d{1,2})月(?P<d>\d{1,2})日电"
)
ALONE_DATELINE = re.compile(rf"^{DATELINE.pattern}$")
"""A wire story's dateline, printed alone under its last paragraph."""

CREDIT_END = re.compile(r"[（(][\u4e00-\u9fff·\s]{2,16}[）)]$")
"""The author's name in brackets closing the last paragraph: `（赵小涛）`."""

CREDIT_LINE = re.compile(
    r"^[（(][\u4e00-\u9fff·\s]{2,16}[）)]$|^(?:本报|新华社)?(?:记者|通讯员)?[\u4e00-\u9fff·\s]{2,12}摄$"
)
"""A line that is only a credit: `（承德中院办公室）`, a photo's `本报记者 王小峰 摄`."""

BYLINE = re.compile(
    r"^[□■]|^(?:本报|新华社|人民日报)(?:特约)?(?:记者|评论员|通讯员)(?:\s*[\u4e00-\u9fff·]{2,4}){0,3}$"
    r"|^(?:记者|通讯员)\s+[\u4e00-\u9fff·]{2,4}$"
    r"|^[^，。]{2,30}?(?:主任|书记|主席|局长|部长|院长|检察长|委员|研究员|教授|编辑)\s+[\u4e00-\u9fff·]{2,4}$"
    r"|^[^，。\s]{2,20}(?:办公室|研究室|编辑部|课题组|调研组)$"
)
"""Who wrote it, printed between headline and body: `□ 新华社记者`, `研究室主任 李四宝`."""

SUBTITLE = re.compile(r"^(?:——|--)|^[（(]\d{4}年\d{1,2}月\d{1,2}日[）)]$")
"""A headline's dash-led subtitle or the date line under a speech's title."""

MASTHEAD = re.compile(
    r"^(?:\d{4}年\d{1,2}月\d{1,2}日(?:出版|星期.|周.)?|(?:\d{4}年)?第\d{1,4}期|总第\d+期)$"
)
"""A masthead's issue line: `2023年12月18日出版`, `第17期`, `2023年第17期`."""

ENUMERATED = re.compile(
    rf"^(?:{_NUMERAL}{{1,3}}[、.．]|[（(]{_NUMERAL}{{1,3}}[）)]|第{_NUMERAL}{{1,3}}[，、,])"
)
"""A numbered subhead inside an article (`一、…`, `（二）…`), never a headline."""

COLOPHON = re.compile(
    r"^[^，。]{0,12}?(?:网址|投稿|E-?mail|电子邮箱|邮箱|送发|抄送|编辑|责编|审核|签发|校对|电话|传真|地址|邮编)"
    r"\s*[：:]",
    re.IGNORECASE,
)
"""The masthead's or the back page's fields: `送发：…`, `编辑：…`, `网址：…`."""

TOC_LINE = re.compile(r"…+[^…。]{0,16}?[（(]\d{1,3}[）)]\s*$|^目\s*录$")
"""A contents entry with its dotted leader and page number, or the word 目录."""

OPENER = re.compile(f"{START.pattern}|^(?:[□■●▲◆]|——)|{COLOPHON.pattern}", re.IGNORECASE)
"""What begins a line of its own: a story, a byline, an item marker, a subtitle's dash,
a colophon field."""

# Every form OPENER matches opens with one of these characters, or holds 电 (a news
# service's lead) or a colon (a colophon field): most lines have none of them.
_OPENER_FIRST = frozenset("（(上本据□■●▲◆—")


def opens(line: str) -> bool:
    """OPENER matches the line. Asked of every line of every page: where the line cannot
    match, a few character tests spare the pattern's tries at each of its first characters."""
    if line[:1] not in _OPENER_FIRST and "电" not in line and "：" not in line and ":" not in line:
        return False
    return OPENER.match(line) is not None
