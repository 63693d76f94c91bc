"""Resolution: records → nodes with content ids, and the same-name decisions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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
from officials_kg.graph import names
from officials_kg.graph.model import combine
from officials_kg.graph.resolve import (
    EventContext,
    PersonContext,
    event_decisions,
    person_decisions,
    resolve_document,
)


def ev(doc: str, start: int, text: str = "……") -> Evidence:
    return Evidence(doc, 0, start // 10, start, start + len(text), text)


def chengde(doc: str, date: str | None, event_date: str | None) -> DocumentRecord:
    """A 承德 report: 刘小勤 chairs a meeting and 王小军, a villager, speaks."""
    sentence = ev(doc, 10, "市人大常委会党组书记、主任刘小勤主持会议")
    return DocumentRecord(
        doc=doc,
        path=f"/in/{doc}.txt",
        place="承德市",
        date=date,
        articles=[ArticleInfo(0, "标题", "承德市", date, 0, 500)],
        persons=[Person("刘 小 勤", [sentence]), Person("王小军", [ev(doc, 40)])],
        organizations=[Organization("承德市人大常委会党组", "承德市人大常委会", "承德市")],
        positions=[
            Position("刘小勤", "党组书记", "承德市人大常委会党组", [sentence]),
            Position("刘小勤", "主任", "承德市人民代表大会常务委员会", [sentence]),
        ],
        events=[
            Event("e1", "承德市人大常委会主任会议", "meeting", event_date, None, None, [sentence])
        ],
        participations=[
            Participation("刘小勤", "e1", ["chair"], [sentence]),
            Participation("王小军", "e1", ["speak"], [ev(doc, 40)]),
        ],
    )


def forum(doc: str) -> DocumentRecord:
    """Another 王小军: a council member of a Beijing forum, in a national paper."""
    return DocumentRecord(
        doc=doc,
        path=f"/in/{doc}.txt",
        persons=[Person("王小军")],
        positions=[Position("王小军", "理事", "中国首席经济学家论坛")],
    )


def person(batch, name: str):
    (node,) = [n for n in batch.nodes.values() if n.label == "Person" and n.props["name"] == name]
    return node


def test_the_same_record_gives_the_same_ids():
    a, b = (
        resolve_document(chengde("001", "2022-03-28", "2022-03-24")),
        resolve_document(chengde("001", "2022-03-28", "2022-03-24")),
    )
    assert a == b


def test_one_person_across_documents_when_name_and_place_agree():
    one = resolve_document(chengde("001", "2022-03-28", "2022-03-24"))
    two = resolve_document(chengde("002", "2023-12-18", None))
    assert person(one, "刘小勤").id == person(two, "刘小勤").id
    assert person(one, "刘小勤").props["anchor"] == "承德市"
    # 王小军 holds no post, but the document places him in 承德市 too.
    assert person(one, "王小军").id == person(two, "王小军").id


def test_namesakes_in_unrelated_places_and_bodies_stay_apart_with_a_reason():
    chengde_wang = person(resolve_document(chengde("001", None, None)), "王小军")
    forum_wang = person(resolve_document(forum("000")), "王小军")
    assert chengde_wang.id != forum_wang.id
    assert forum_wang.props["anchor"] == "中国首席经济学家论坛"
    contexts = [
        PersonContext(chengde_wang.id, "王小军", "承德市", "place", frozenset()),
        PersonContext(
            forum_wang.id,
            "王小军",
            "中国首席经济学家论坛",
            "body",
            frozenset({"中国首席经济学家论坛"}),
        ),
    ]
    (decision,) = person_decisions(contexts)
    assert decision.type == "DISTINCT_FROM"
    assert (
        "承德市" in decision.props["reason"] and "中国首席经济学家论坛" in decision.props["reason"]
    )


def test_ambiguous_namesakes_are_candidates_not_merged():
    placed = PersonContext("person/a", "张三", "许昌市", "place", frozenset({"许昌市政府"}))
    unplaced = PersonContext("person/b", "张三", "000", "document", frozenset())
    province = PersonContext("person/c", "张三", "河南省", "place", frozenset({"河南省政府"}))
    decisions = {(k.source, k.target): k for k in person_decisions([placed, unplaced, province])}
    assert {k.type for k in decisions.values()} == {"POSSIBLY_SAME_AS"}
    assert "000" in decisions[("person/a", "person/b")].props["reason"]
    assert decisions[("person/a", "person/c")].props["reason"] == "河南省 contains 许昌市"


def test_a_national_leader_named_without_a_post_is_the_national_figure():
    """The leader is one of lexicons/national_figures.txt, a real person: taken from it."""
    leader = min(names.NATIONAL_FIGURES)
    record = DocumentRecord(doc="004", path="004.txt", place="阳泉市", persons=[Person(leader)])
    with_post = DocumentRecord(
        doc="001", path="001.txt", positions=[Position(leader, "总书记", "中共中央")]
    )
    assert (
        person(resolve_document(record), leader).id
        == person(resolve_document(with_post), leader).id
    )


def test_long_and_short_names_of_a_body_are_one_organization():
    assert names.org_name("中共许昌市委员会") == names.org_name("许昌市委") == "许昌市委"
    assert names.org_name("承德市人民代表大会常务委员会") == "承德市人大常委会"
    assert names.org_name("中共中央办公厅") == "中共中央办公厅"
    assert names.org_name("许昌市检察院") == "许昌市人民检察院"
    assert names.place_of_org("新疆维吾尔自治区哈密市委") == "哈密市"
    assert names.place_of_org("国务院发展研究中心") == names.NATIONAL
    assert names.place_of_org("第四范式") is None


def test_bodies_are_part_of_their_parents():
    record = DocumentRecord(
        doc="003",
        path="003.txt",
        positions=[
            Position("王小合", "常委", "中共许昌市委员会"),
            Position("王小合", "部长", "许昌市委宣传部"),
        ],
    )
    batch = resolve_document(record)
    orgs = {n.id: n.props["name"] for n in batch.nodes.values() if n.label == "Organization"}
    parts = [(orgs[k.source], orgs[k.target]) for k in batch.links.values() if k.type == "PART_OF"]
    assert parts == [("许昌市委宣传部", "许昌市委")]
    (wsj,) = [n for n in batch.nodes.values() if n.props.get("name") == "许昌市委"]
    assert wsj.sets["aliases"] == {"中共许昌市委员会"} and wsj.sets["places"] == {"许昌市"}


def test_a_meeting_reported_twice_is_one_event_an_undated_report_a_candidate():
    one = resolve_document(chengde("001", "2022-03-28", "2022-03-24"))
    two = resolve_document(chengde("002", "2022-03-29", "2022-03-24"))
    undated = resolve_document(chengde("009", None, None))

    def event(batch):
        (node,) = [n for n in batch.nodes.values() if n.label == "Event"]
        return node

    assert event(one).id == event(two).id
    assert event(undated).id != event(one).id
    contexts = [
        EventContext(event(b).id, event(b).props["name"], event(b).props["date"])
        for b in (one, undated)
    ]
    (candidate,) = event_decisions(contexts)
    assert (candidate.source, candidate.target) == (event(undated).id, event(one).id)


def test_links_keep_evidence_documents_and_dates_seen():
    both = combine(
        [
            resolve_document(chengde("001", "2022-03-28", "2022-03-24")),
            resolve_document(chengde("002", "2023-12-18", "2022-03-24")),
        ]
    )
    (chair,) = [
        k
        for k in both.links.values()
        if k.type == "PARTICIPATED_IN" and k.source == person(both, "刘小勤").id
    ]
    assert chair.sets["roles"] == {"chair"}
    assert chair.sets["seen"] == {"2022-03-28", "2023-12-18"}
    assert len(chair.sets["docs"]) == 2 and len(chair.sets["evidence"]) == 2
    texts = {both.nodes[e].props["text"] for e in chair.sets["evidence"]}
    assert texts == {"市人大常委会党组书记、主任刘小勤主持会议"}
    holds = [k for k in both.links.values() if k.type == "HOLDS"]
    assert {k.props["title"] for k in holds} == {"党组书记", "主任"}


_PARTS = ["中共", "中国共产党", "许昌", "市", "委员会", "人民政府", "人民代表大会", "常务委员会"]
_PARTS += ["人民检察院", "检察院", "宣传部", "政法委员会", "县", "区", "委"]


@given(st.lists(st.sampled_from(_PARTS), min_size=1, max_size=6))
def test_canonical_body_names_are_fixed_points(parts):
    name = names.org_name("".join(parts))
    assert names.org_name(name) == name


@given(st.permutations(["001", "002", "009"]))
def test_resolution_does_not_depend_on_document_order(order):
    dates = {"001": "2022-03-28", "002": "2023-12-18", "009": None}
    batch = combine(resolve_document(chengde(doc, dates[doc], "2022-03-24")) for doc in order)
    reference = combine(
        resolve_document(chengde(doc, dates[doc], "2022-03-24")) for doc in sorted(order)
    )
    assert batch.nodes == reference.nodes and batch.links == reference.links
