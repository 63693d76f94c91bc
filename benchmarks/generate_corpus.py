"""A synthetic corpus in the genre: city newspaper pages about meetings, visits, events.

    python benchmarks/generate_corpus.py OUT_DIR --docs 10000 [--seed 1] [--cities 80]

writes OUT_DIR/NNNNNN_<hash>.txt (text as it comes out of a PDF: lines wrapped at a
column, spaced digits, page markers, letter-spaced headlines printed after their
article) and OUT_DIR/gold.jsonl, the truth of every document as an extraction record
(extraction/records.py, evidence spans included), so that the graph can be loaded
without an extractor and an extractor can be scored at scale.

The world behind the pages is fixed by the seed: each city has its officials (random
names from the surname lexicon, so namesakes occur across cities) and a calendar of
meetings, visits and activities; each page reports a few of its city's calendar, so the
same officials and the same meetings recur across documents, as they do in real papers.
Everything is a function of the seed, for reproducible benchmarks; to extend the genre,
add templates to OFFICIALS, TOPICS or the `_report_*` functions.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from officials_kg import lexicons
from officials_kg.extraction.records import (
    ArticleInfo,
    DocumentRecord,
    Event,
    Evidence,
    Organization,
    Participation,
    Person,
    Position,
)

COMMON_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力国林峰宇春海鹏斌志"
    "新东晓亮成永俊德云飞雪琳宏波健庆民振兴学忠利福安荣彬祥清"
)
# The national leader whose speeches city papers relay, as the lexicon's first entry has it.
LEADER = lexicons.lines("national_figures.txt")[0].split()[0]

# (title chain as a city paper writes it, [(title, body relative to the city)]).
OFFICIALS: list[tuple[str, list[tuple[str, str]]]] = [
    ("市委书记", [("书记", "市委")]),
    ("市委副书记、市长", [("副书记", "市委"), ("市长", "市政府")]),
    ("市委副书记", [("副书记", "市委")]),
    ("市委常委、宣传部部长", [("常委", "市委"), ("部长", "市委宣传部")]),
    ("市委常委、组织部部长", [("常委", "市委"), ("部长", "市委组织部")]),
    ("市委常委、统战部部长", [("常委", "市委"), ("部长", "市委统战部")]),
    ("市委常委、政法委书记", [("常委", "市委"), ("书记", "市委政法委")]),
    ("市委常委、秘书长", [("常委", "市委"), ("秘书长", "市委")]),
    ("市委常委、常务副市长", [("常委", "市委"), ("常务副市长", "市政府")]),
    ("副市长", [("副市长", "市政府")]),
    ("副市长", [("副市长", "市政府")]),
    ("副市长、市公安局局长", [("副市长", "市政府"), ("局长", "市公安局")]),
    ("市人大常委会主任", [("主任", "市人大常委会")]),
    (
        "市人大常委会党组副书记、副主任",
        [("党组副书记", "市人大常委会党组"), ("副主任", "市人大常委会")],
    ),
    ("市人大常委会副主任", [("副主任", "市人大常委会")]),
    ("市人大常委会副主任", [("副主任", "市人大常委会")]),
    ("市人大常委会秘书长", [("秘书长", "市人大常委会")]),
    ("市政协主席", [("主席", "市政协")]),
    ("市政协副主席", [("副主席", "市政协")]),
    ("市中级人民法院院长", [("院长", "市中级人民法院")]),
    ("市人民检察院检察长", [("检察长", "市人民检察院")]),
    ("市教育局局长", [("局长", "市教育局")]),
    ("市应急管理局局长", [("局长", "市应急管理局")]),
]
TOPICS = [
    "安全生产",
    "经济",
    "政法",
    "教育",
    "乡村振兴",
    "生态环境保护",
    "招商引资",
    "优化营商环境",
    "文明城市创建",
    "防汛",
    "民营经济",
    "科技创新",
    "审计",
    "信访",
    "统计",
    "人才",
    "文化旅游",
    "农业农村",
    "城市管理",
    "消防",
]
MEETING_KINDS = ["工作会议", "推进会", "座谈会", "部署会", "调度会"]
ACTIVITY_KINDS = ["主题宣传活动启动仪式", "志愿服务活动", "知识竞赛", "成果发布会"]
FILLER = [
    "会议指出，要坚持以人民为中心的发展思想，把各项工作抓实抓细抓出成效。",
    "与会人员围绕相关工作进行了深入交流，提出了意见建议。",
    "要进一步提高政治站位，压紧压实责任，确保各项目标任务圆满完成。",
    "要强化统筹协调，形成工作合力，推动工作取得新进展。",
    "各县（市、区）和市直有关部门负责同志参加。",
    "会上，有关单位作了交流发言。",
]


@dataclass
class Official:
    name: str
    chain: str
    posts: list[tuple[str, str]]  # (title, full body name)


@dataclass
class Scheduled:
    """An event of a city's calendar and who took part in it, with which roles."""

    name: str
    mention: str  # how a page of that city writes it
    type: str
    day: date
    roles: list[tuple[Official, list[str]]]
    county: str | None = None


@dataclass
class City:
    name: str
    province: str
    counties: list[str]
    officials: list[Official] = field(default_factory=list)
    calendar: list[Scheduled] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)


def _name(rng: random.Random, surnames: list[str]) -> str:
    surname = rng.choice(COMMON_SURNAMES) if rng.random() < 0.8 else rng.choice(surnames)
    return surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _body(city: str, relative: str) -> str:
    return city + relative.removeprefix("市")


def build_world(rng: random.Random, cities: int, events_per_city: int = 160) -> list[City]:
    surnames = [s for s in lexicons.words("surnames.txt") if len(s) == 1]
    places = lexicons.places()
    chosen = rng.sample(
        sorted((p for p in places if p.level == "city"), key=lambda p: p.name), cities
    )
    world = []
    start = date(2021, 1, 1)
    for place in chosen:
        counties = sorted(p.name for p in places if p.city == place.name and p.level == "county")
        city = City(place.name, place.province, counties or [place.name])
        for chain, posts in OFFICIALS:
            posts = [(title, _body(place.name, body)) for title, body in posts]
            city.officials.append(Official(_name(rng, surnames), chain, posts))
        for county in city.counties[:4]:
            posts = [("书记", county + "委")]
            city.officials.append(Official(_name(rng, surnames), county + "委书记", posts))
        city.reporters = [_name(rng, surnames) for _ in range(8)]
        for _ in range(events_per_city):
            city.calendar.append(_scheduled(rng, city, start + timedelta(days=rng.randrange(1400))))
        city.calendar.sort(key=lambda e: e.day)
        world.append(city)
    return world


def _scheduled(rng: random.Random, city: City, day: date) -> Scheduled:
    topic = rng.choice(TOPICS)
    people = rng.sample(city.officials[: len(OFFICIALS)], 5)
    kind = rng.random()
    if kind < 0.6:
        suffix = rng.choice(MEETING_KINDS)
        roles = [(people[0], ["chair"]), (people[1], ["attend", "speak"])]
        roles += [(p, ["attend"]) for p in people[2:]]
        return Scheduled(city.name + topic + suffix, "全市" + topic + suffix, "meeting", day, roles)
    if kind < 0.85:
        host = rng.choice(city.officials[len(OFFICIALS) :])  # a county's 书记
        county = host.posts[0][1].removesuffix("委")
        roles = [(people[0], ["lead"]), (host, ["accompany"])]
        mention = f"到{county}调研{topic}工作"
        return Scheduled(people[0].name + mention, mention, "visit", day, roles, county)
    suffix = rng.choice(ACTIVITY_KINDS)
    roles = [(people[0], ["attend", "speak"]), (people[1], ["attend"])]
    return Scheduled(city.name + topic + suffix, "我市" + topic + suffix, "activity", day, roles)


class _Page:
    """A page being written: clean text, and the records of what it says, with spans."""

    def __init__(self, doc: str, city: City, day: date) -> None:
        self.doc, self.city, self.day = doc, city, day
        self.text = ""
        self.record = DocumentRecord(doc=doc, path=doc + ".txt", place=city.name, date=str(day))
        self.article = -1
        self.sentence = 0
        self.persons: dict[str, Person] = {}
        self.positions: dict[tuple[str, str, str], Position] = {}
        self.orgs: dict[str, Organization] = {}

    def say(self, sentence: str) -> Evidence:
        start = len(self.text)
        self.text += sentence
        self.sentence += 1
        return Evidence(self.doc, self.article, self.sentence, start, len(self.text), sentence)

    def named(self, official: Official, ev: Evidence) -> None:
        self.persons.setdefault(official.name, Person(official.name)).evidence.append(ev)
        for title, body in official.posts:
            key = (official.name, title, body)
            self.positions.setdefault(key, Position(*key)).evidence.append(ev)
            parent = body[: -len("党组")] if body.endswith("党组") else None
            for suffix in ("宣传部", "组织部", "统战部", "政法委"):
                parent = body.removesuffix(suffix) if body.endswith(suffix) else parent
            org = self.orgs.setdefault(body, Organization(body, parent, self.city.name))
            org.evidence.append(ev)


def _spaced_date(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _report(page: _Page, event: Scheduled, rng: random.Random) -> None:
    page.article += 1
    page.sentence = 0
    start = len(page.text)
    reporter = rng.choice(page.city.reporters)
    page.say(f"本报讯（记者 {reporter}）")
    (lead, _), (second, _), *others = event.roles
    day = _spaced_date(event.day)
    if event.type == "meeting":
        opening = page.say(f"{day}，{event.mention}召开。{lead.chain}{lead.name}主持会议。")
        speech = page.say(f"{second.chain}{second.name}出席会议并讲话。")
        rest = page.say("，".join(o.chain + o.name for o, _ in others) + "参加会议。")
        evidence = [opening, speech] + [rest] * len(others)
    elif event.type == "visit":
        opening = page.say(f"{day}，{lead.chain}{lead.name}带队{event.mention}。")
        evidence = [opening, page.say(f"{second.chain}{second.name}陪同。")]
    else:
        opening = page.say(f"{day}，{event.mention}举行。")
        both = page.say(f"{lead.chain}{lead.name}出席并致辞，{second.chain}{second.name}参加活动。")
        evidence = [both, both]
    if rng.random() < 0.3:
        xi = page.say(f"会议传达学习了{LEADER}总书记重要讲话精神。")
        page.persons.setdefault(LEADER, Person(LEADER)).evidence.append(xi)
        key = (LEADER, "总书记", "中共中央")
        page.positions.setdefault(key, Position(*key)).evidence.append(xi)
    for sentence in rng.sample(FILLER, rng.randrange(2, 5)):
        page.say(sentence)
    event_id = f"e{len(page.record.events) + 1}"
    place = event.county or page.city.name
    page.record.events.append(
        Event(event_id, event.name, event.type, str(event.day), place, None, [opening])
    )
    for (official, roles), ev in zip(event.roles, evidence, strict=False):
        page.named(official, ev)
        page.record.participations.append(Participation(official.name, event_id, roles, [ev]))
    headline = event.name if len(event.name) <= 16 else event.name[:16]
    page.record.articles.append(
        ArticleInfo(page.article, headline, page.city.name, str(page.day), start, len(page.text))
    )
    page.text += "\n\n" + " ".join(headline) + "\n\n"
    if reporter not in [p.name for p in page.record.persons]:
        page.record.persons.append(Person(reporter))  # a byline: scored as ignored


def _noisy(text: str, rng: random.Random, width: int) -> tuple[str, list[int]]:
    """PDF layout noise by insertion only: wrapped lines, spaced digits, page markers.
    Returns the noisy text and, per clean offset, its offset in the noisy text."""
    out: list[str] = []
    where: list[int] = []
    length = column = 0
    page = 1

    def put(piece: str) -> None:
        nonlocal length
        out.append(piece)
        length += len(piece)

    for i, ch in enumerate(text):
        prev = text[i - 1] if i else ""
        if column >= width and ch != "\n":
            put("\n")
            column = 0
            if rng.random() < 0.02:
                page += 1
                put(f"\n- {page} -\n\n")
        if (prev.isdigit() and ch in "月日") or (prev in "月日" and ch.isdigit()):
            put(" ")
        where.append(length)
        put(ch)
        column = 0 if ch == "\n" else column + 1
    where.append(length)
    return "".join(out), where


def generate(
    docs: int, seed: int = 1, cities: int = 80
) -> Iterator[tuple[str, str, DocumentRecord]]:
    """(document name, text, its true record) for `docs` pages of a seeded world."""
    rng = random.Random(seed)
    world = build_world(rng, cities)
    for n in range(docs):
        city = rng.choice(world)
        first = rng.randrange(len(city.calendar) - 4)
        events = city.calendar[first : first + rng.randrange(2, 5)]  # a few weeks' news
        day = events[-1].day + timedelta(days=1)
        digest = hashlib.sha1(f"{seed}:{n}".encode()).hexdigest()[:16]
        doc = f"{n:06d}_{digest}"
        page = _Page(doc, city, day)
        page.text = f"{city.name.removesuffix('市')}日报\n{day.year}年{day.month}月{day.day}日\n\n"
        for event in events:
            _report(page, event, rng)
        text, where = _noisy(page.text, rng, width=rng.choice((15, 17, 18, 22)))
        record = page.record
        record.persons += list(page.persons.values())
        record.positions = list(page.positions.values())
        record.organizations = list(page.orgs.values())
        _shift(record, where)
        yield doc, text, record


def _shift(record: DocumentRecord, where: list[int]) -> None:
    """Move every evidence span and article span from clean to noisy offsets."""
    rows = [*record.persons, *record.organizations, *record.positions]
    rows += [*record.events, *record.participations]
    for row in rows:
        row.evidence = [
            Evidence(e.doc, e.article, e.sentence, where[e.start], where[e.end], e.text)
            for e in row.evidence
        ]
    for a in record.articles:
        a.start, a.end = where[a.start], where[a.end]


def write_corpus(out: Path, docs: int, seed: int = 1, cities: int = 80) -> Path:
    """Write the corpus; returns the path of gold.jsonl."""
    out.mkdir(parents=True, exist_ok=True)
    gold = out / "gold.jsonl"
    with gold.open("w", encoding="utf-8") as records:
        for doc, text, record in generate(docs, seed, cities):
            (out / f"{doc}.txt").write_text(text, encoding="utf-8")
            records.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    return gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cities", type=int, default=80)
    args = parser.parse_args()
    gold = write_corpus(args.out, args.docs, args.seed, args.cities)
    print(f"{args.docs} documents in {args.out}, records in {gold}")


if __name__ == "__main__":
    main()
