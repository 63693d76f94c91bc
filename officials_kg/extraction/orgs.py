"""Organizations in the short form news uses, with the place made explicit.

`市委` in a 许昌 article is 许昌市委; `湖北省襄阳市襄州区人力资源和社会保障局` is
襄州区人力资源和社会保障局 (the most specific place names the body); `中共许昌市委员会`
is 许昌市委. The place comes from the article context (loaders.document.Article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from officials_kg import lexicons
from officials_kg.lexicons import Place
from officials_kg.loaders.places import gazetteer

# Long official forms → the short forms of news (GUIDELINES §3); applied in order.
SHORT_FORMS = (
    (re.compile(r"中国共产党"), "中共"),
    (re.compile(r"^中共(.+?)委员会$"), r"\1委"),
    (re.compile(r"人民代表大会常务委员会"), "人大常委会"),
    (re.compile(r"人大常务委员会"), "人大常委会"),
    (re.compile(r"人民政府"), "政府"),
    (re.compile(r"中院$"), "中级人民法院"),
    (re.compile(r"^最高检"), "最高人民检察院"),
    (re.compile(r"^最高法(?!院)"), "最高人民法院"),
    # 泉州市十六届人大常委会 is 泉州市人大常委会 (not the presidium of a session's meeting)
    (re.compile(r"第?[一二三四五六七八九十百\d]+届(?=(?:[^会]|会(?!议))*$)"), ""),
    (re.compile(r"^中共(?=.+[省市县区]委)"), ""),
)
# a word of each long form above: a body with none is in its short form (one search, not ten)
LONG_FORM = re.compile(r"中国共产党|中共|委员会|人民政府|中院|最高|届")
REGION = "自治区"
LEVEL_PREFIX = {"省": "province", "市": "city", "县": "county", "区": "county"}
LEVEL_PREFIX.update({"镇": "town", "乡": "town"})
NATIONAL = re.compile(r"^(?:中共中央|中央|国务院|全国|国家|中华人民共和国|中国)")
LOCAL_BODY = re.compile(
    r"(?:人大|政协|中院|中级人民法院|人民法院|法院|人民检察院|检察院|公安局|纪委|监委|政法委"
    r"|政府|人民政府)"
)


def _name(place: Place | None) -> str | None:
    return place.name if place else None


@dataclass(frozen=True)
class PlaceContext:
    """The places that 省/市/县 stand for in one article.

    Bodies are canonicalised in a context thousands of times per page, through a cache
    keyed by it: so a context is made once per place (`of`), which lets the cache compare
    keys by identity, and hashed by its places' names (a dataclass would hash its fields,
    three dataclasses of five fields, anew in Python at each call; a str keeps its hash)."""

    province: Place | None = None
    city: Place | None = None
    county: Place | None = None
    town: Place | None = None  # a town or township, named by a body of the story only

    def __hash__(self) -> int:
        return hash((_name(self.province), _name(self.city), _name(self.county), _name(self.town)))

    @classmethod
    @cache
    def of(cls, place: Place | None) -> PlaceContext:
        if place is None:
            return cls()
        g = gazetteer()
        if place.level == "province":
            return cls(province=place)
        if place.level == "city":
            return cls(province=g.province_of(place), city=place)
        return cls(province=g.province_of(place), city=g.city_of(place), county=place)

    def at_level(self, level: str) -> Place | None:
        if level == "province":
            return self.province
        if level == "city":
            return self.county if self.county and self.county.name.endswith("市") else self.city
        return self.town if level == "town" else self.county

    @property
    def region(self) -> Place | None:
        """The autonomous region (a province-level place) that `自治区` stands for."""
        province = self.province
        return province if province is not None and province.name.endswith(REGION) else None

    @property
    def local(self) -> Place | None:
        return self.county or self.city or self.province


# A body named with its county, district or town (长宁区委, 醪桥镇人民政府, 湖㳇镇党委): the
# level's character and what follows it; the place's name is read backwards from there
NAMED_BODY = re.compile(r"[县区镇乡](?=党委|人民政府|政府|人大|纪委|政协|委(?!员))")
BEFORE_PLACE = set("，。、；：（“《 \n共市县区省讯")  # what may stand before a place's name
HAN_NAME = re.compile("[\u3400-\u9fff]+")
NOT_A_NAME = set("全我本各该每两三乡镇村城")  # 全镇, 各乡镇, 城镇: words, not names


def named_locals(text: str, ctx: PlaceContext) -> PlaceContext:
    """`ctx` with the county (or district) and the town that the story's own bodies name,
    where `ctx` has none and the story names just one: `区政府` in a story that writes
    `长宁区委` is 长宁区政府, `镇长` in one that writes `醪桥镇人民政府` is of 醪桥镇政府."""
    if ctx.county is not None and ctx.town is not None:
        return ctx
    g = gazetteer()
    if ctx.city is None and ctx.county is None:
        ctx = _only_local(text, ctx)
    counties: set[Place] = set()
    towns: set[str] = set()
    for m in NAMED_BODY.finditer(text):
        end = m.end()
        for size in (3, 2):
            start = end - size - 1
            name = text[start:end]
            if start < 0 or not HAN_NAME.fullmatch(name) or NOT_A_NAME & set(name[:-1]):
                continue
            place = g.get(name)
            if place is not None and place.level == "county":
                counties.add(place)
                break
            if m.group() in "镇乡" and (start == 0 or text[start - 1] in BEFORE_PLACE):
                towns.add(name)
                break
    county = ctx.county or (counties.pop() if len(counties) == 1 else None)
    town = ctx.town
    if town is None and len(towns) == 1:
        name = towns.pop()
        within = county or ctx.city or ctx.province
        town = Place(name, "town", name[:-1], within.city if within else "", "")
    return _narrowed(ctx, county, town)


def _only_local(text: str, ctx: PlaceContext) -> PlaceContext:
    """A story placed no lower than its province that names one city or county and no
    other (霍州市 in a provincial paper's story): its 市委 is that place's."""
    g = gazetteer()
    local = {m.place for m in g.find(text) if m.place.level != "province"}
    if len(local) != 1:
        return ctx
    (place,) = local
    if ctx.province is not None and g.province_of(place) != ctx.province:
        return ctx
    return PlaceContext.of(place)


@cache
def _narrowed(ctx: PlaceContext, county: Place | None, town: Place | None) -> PlaceContext:
    """One context per place and named locals, so that caches keyed by it hit."""
    if (county, town) == (ctx.county, ctx.town):
        return ctx
    return PlaceContext(ctx.province, ctx.city, county, town)


@cache
def org_suffixes() -> tuple[str, ...]:
    return lexicons.words("org_suffixes.txt")


@cache
def _suffix_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, org_suffixes())))


def ends_with_suffix(text: str) -> bool:
    return text.endswith(org_suffixes())


def trim_to_body(text: str) -> str:
    """`…有限公司无人机项目` → `…有限公司`: a body name ends at its last body word."""
    if ends_with_suffix(text):
        return text
    last = None
    for m in _suffix_pattern().finditer(text):
        last = m
    return text[: last.end()] if last and last.end() >= 2 else text


@lru_cache(maxsize=8192)  # bodies recur from sentence to sentence and page to page
def leading_place(text: str) -> tuple[Place | None, int, int]:
    """The most specific place in the chain of places that opens `text`, and its span."""
    g = gazetteer()
    place, start, end = None, 0, 0
    while True:
        found = g.match(text, end)
        if not found:
            break
        place, start, end = found.place, found.start, found.end
    return place, start, end


PLACE_WORDS = re.compile(r"^(?:全国|全省|全市|全县|全区|本市|我市|我省|我县)")


def resolve_place_words(name: str, ctx: PlaceContext) -> str:
    """`全市公安工作会议` → 许昌市公安工作会议; `市委政法工作会议` → 许昌市委政法工作会议."""
    m = PLACE_WORDS.match(name)
    if m:
        level = LEVEL_PREFIX.get(m.group()[-1])
        where = ctx.at_level(level) if level else None
        if where is None and m.group() == "全区":
            where = ctx.region  # 全区 in a story of an autonomous region, not of a district
        return where.name + name[m.end() :] if where else name
    if name.startswith(REGION) and ctx.region is not None:
        return ctx.region.name + name[len(REGION) :]  # 自治区政协 → 内蒙古自治区政协
    level = LEVEL_PREFIX.get(name[:1])
    if level and not name.startswith(("市场", "省份", "县域", "区域")):
        where = ctx.at_level(level)
        return where.name + name[1:] if where else name
    return name


@lru_cache(maxsize=8192)  # bodies recur from sentence to sentence and page to page
def canonical_org(raw: str, ctx: PlaceContext) -> str:
    """The short, place-explicit form of a body's name."""
    text = raw.strip("，、 ")
    if PLACE_WORDS.match(text):
        return resolve_place_words(text, ctx)
    if text.startswith(REGION):
        return resolve_place_words(text, ctx)
    text = trim_to_body(text)
    if LONG_FORM.search(text):  # most bodies are written short already
        for pattern, repl in SHORT_FORMS:
            text = pattern.sub(repl, text)
    place, start, end = leading_place(text)
    if place is not None:
        rest = text[end:]
        written = text[start:end]
        # 承德中院 → 承德市中级人民法院; 重庆两江新区管委会 stays as written
        if written != place.name and not (LOCAL_BODY.match(rest) or rest.startswith("委")):
            return written + rest
        return place.name + rest
    for where in (ctx.county, ctx.city, ctx.province):  # 公安法院 in a 公安县 story
        if where and text.startswith(where.short) and LOCAL_BODY.match(text, len(where.short)):
            return where.name + text[len(where.short) :]
    level = LEVEL_PREFIX.get(text[:1])
    if level:
        where = ctx.at_level(level)
        if where is not None:
            return where.name + text[1:]
        return text
    if ctx.city and LOCAL_BODY.match(text) and not NATIONAL.match(text):
        return ctx.city.name + text
    return text


def place_of(org: str) -> str | None:
    """The jurisdiction a canonical body name opens with (承德市人大常委会 → 承德市)."""
    place, _, _ = leading_place(org)
    return place.name if place else None


@lru_cache(maxsize=8192)  # bodies recur from sentence to sentence and page to page
def parent_of(org: str) -> str | None:
    """The body a department belongs to: 许昌市委宣传部 → 许昌市委; X党组 → X."""
    ends = [m.end() for m in _suffix_pattern().finditer(org) if m.end() < len(org)]
    for end in reversed(ends):
        head = org[:end]
        if len(head) >= 3 and (
            head.endswith("委") or any(head.endswith(x) for x in org_suffixes() if len(x) >= 2)
        ):
            return head
    return None
