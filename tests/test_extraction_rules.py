"""Rule families of the extractor on sentences written for these tests (not from the seeds)."""

import re

import jieba
from hypothesis import given
from hypothesis import strategies as st

from officials_kg import lexicons
from officials_kg.extraction import extract_document, extract_file
from officials_kg.extraction.events import INTRO, INTRO_LONGEST, sitting_of_session
from officials_kg.extraction.orgs import PlaceContext, canonical_org
from officials_kg.extraction.titles import read_chains
from officials_kg.loaders.document import build_document
from officials_kg.loaders.places import gazetteer


def _ctx(city: str) -> PlaceContext:
    return PlaceContext.of(gazetteer().get(city))


def _posts(sentence: str, city: str = "洛阳市") -> set[tuple[str, str, str]]:
    return {
        (name, post.title, post.org)
        for chain in read_chains(sentence, _ctx(city))
        for name, _, _ in chain.names
        for post in chain.posts
    }


def test_title_chain_splits_and_carries_the_body():
    assert _posts("市委常委、组织部部长赵建国出席会议。") == {
        ("赵建国", "常委", "洛阳市委"),
        ("赵建国", "部长", "洛阳市委组织部"),
    }


def test_party_group_titles_go_to_the_party_group():
    assert _posts("市人大常委会党组书记、主任孙立平主持会议。") == {
        ("孙立平", "党组书记", "洛阳市人大常委会党组"),
        ("孙立平", "主任", "洛阳市人大常委会"),
    }


def test_enumeration_shares_the_title():
    posts = _posts("市政协副主席钱明、周丽华、吴德胜出席。")
    assert {p[0] for p in posts} == {"钱明", "周丽华", "吴德胜"}
    assert {p[2] for p in posts} == {"洛阳市政协"}


def test_title_that_names_its_body():
    assert _posts("副市长郑海涛讲话。") == {("郑海涛", "副市长", "洛阳市政府")}
    assert _posts("安阳县委书记冯志强指出。") == {("冯志强", "书记", "安阳县委")}


def test_a_title_after_a_name_after_a_verb():
    """学习了张三宝总书记…: 了 ends the verb, the name that follows holds the title."""
    assert _posts("会议传达学习了王建国书记的讲话。") == set()  # 书记 names no body
    assert _posts("会议认真学习了张三宝总书记重要讲话精神。") == {("张三宝", "总书记", "中共中央")}


def test_a_body_written_without_its_level_takes_the_titles():
    """政府副县长: 政府 is the county's (the title says so), not the city's the article is in."""
    assert _posts("政府副县长何建华出席。", "洛阳市") == {("何建华", "副县长", "县政府")}
    assert _posts("政府副县长何建华出席。", "栾川县") == {("何建华", "副县长", "栾川县政府")}
    assert _posts("人民政府副市长许明出席。") == {("许明", "副市长", "洛阳市政府")}


def test_generic_title_without_a_name_is_not_a_position():
    assert _posts("各县人大常委会主任结合实际作了交流发言。") == set()


def test_place_that_looks_like_a_surname_is_not_a_person():
    doc = build_document("t", "t", "张家口市委常委、宣传部部长韩立新陪同。张家口市表示欢迎。")
    names = {p.name for p in extract_document(doc).persons}
    assert names == {"韩立新"}


def test_name_followed_by_a_verb_that_starts_like_a_title():
    # 主持 follows the name; 主任 must not swallow it
    assert _posts("市委秘书长刘长春主持会议。") == {("刘长春", "秘书长", "洛阳市委")}


def test_person_quoted_without_a_title_and_anonymised_names():
    text = "“我们要把工作做实。”陶建新说。今年，黄某某的问题得到解决。"
    names = {p.name for p in extract_document(build_document("t", "t", text)).persons}
    assert names == {"陶建新"}


def test_long_place_chain_keeps_the_most_specific_place():
    assert canonical_org("河北省石家庄市长安区人民检察院", PlaceContext()) == "长安区人民检察院"
    assert canonical_org("中共洛阳市委员会", PlaceContext()) == "洛阳市委"


def test_meeting_date_place_and_roles():
    text = (
        "本报讯 3月6日，全市安全生产工作会议召开。市委常委、副市长何振东出席会议并讲话，"
        "市应急管理局局长邓光明主持会议。"
    )
    record = extract_document(build_document("t", "t", "2024年洛阳市洛阳洛阳\n" + text))
    events = {e.name: e for e in record.events}
    assert "洛阳市安全生产工作会议" in events
    event = events["洛阳市安全生产工作会议"]
    assert event.date == "2024-03-06"
    roles = {(p.person, tuple(p.roles)) for p in record.participations if p.event == event.id}
    assert roles == {("何振东", ("attend", "speak")), ("邓光明", ("chair",))}


def test_given_name_resolves_to_the_full_name():
    text = "副市长陆海平出席。会上，海平同志作了说明。"
    record = extract_document(build_document("t", "t", text))
    assert {p.name for p in record.persons} == {"陆海平"}


def test_a_date_right_after_a_name_ends_it():
    assert _posts("国务院总理赵新华6月2日在北京会见外宾。") == {("赵新华", "总理", "国务院")}


def test_a_ministry_folded_into_its_title():
    assert _posts("国务委员兼外交部长钱志诚参加会见。") == {
        ("钱志诚", "国务委员", "国务院"),
        ("钱志诚", "部长", "外交部"),
    }


def test_visit_led_by_a_named_person():
    text = "本报讯 5月8日，省人大常委会副主任林德培率调研组来我市调研，市人大常委会主任韦国强陪同。"
    record = extract_document(build_document("t", "t", "2024年5月 洛阳 洛阳 洛阳\n" + text))
    (event,) = record.events
    assert event.type == "visit" and event.date == "2024-05-08"
    roles = {(p.person, tuple(p.roles)) for p in record.participations}
    assert roles == {("林德培", ("lead",)), ("韦国强", ("accompany",))}


def test_executive_deputy_and_a_body_beside_a_party_work_committee():
    posts = _posts("市委常委、常务副市长陈立华，开发区党工委书记、管委会主任葛明出席。")
    assert ("陈立华", "常务副市长", "洛阳市政府") in posts
    assert ("葛明", "书记", "开发区党工委") in posts
    assert ("葛明", "主任", "开发区管委会") in posts


def test_a_leader_visiting_is_named_without_the_title():
    text = "本报讯 4月11日，市委书记韩光明到开发区调研企业生产情况，市委秘书长方建陪同。"
    record = extract_document(build_document("t", "t", "2024年 洛阳 洛阳 洛阳\n" + text))
    assert [e.name for e in record.events] == ["韩光明到开发区调研"]
    roles = {(p.person, tuple(p.roles)) for p in record.participations}
    assert roles == {("韩光明", ("lead",)), ("方建", ("accompany",))}


def test_a_one_character_word_inside_a_longer_word_does_not_cut_an_event_name():
    text = "本报讯 5月6日，我市召开全市民营经济发展大会。"
    record = extract_document(build_document("t", "t", "2024年 洛阳 洛阳 洛阳\n" + text))
    assert [e.name for e in record.events] == ["洛阳市民营经济发展大会"]


def test_speaking_at_a_meeting_without_the_word_speech():
    text = (
        "本报讯 6月2日，市审计局召开党风廉政建设宣讲会，市审计局党组书记、局长邵文斌围绕四个方面，"
        "畅谈学习体会。"
    )
    record = extract_document(build_document("t", "t", "2024年 洛阳 洛阳 洛阳\n" + text))
    roles = {(p.person, tuple(p.roles)) for p in record.participations}
    assert roles == {("邵文斌", ("speak",))}


def test_words_that_introduce_an_event_are_looked_for_only_as_far_back_as_the_longest():
    words = re.findall(r"[\u4e00-\u9fff]+", INTRO.pattern)
    assert max(map(len, words)) == INTRO_LONGEST


def test_a_contest_is_an_activity():
    page = "2024年 洛阳 洛阳 洛阳\n本报讯 9月3日，我市法治知识竞赛举行。市委常委罗志成出席。\n"
    record = extract_document(build_document("t", "t", page))
    assert [(e.name, e.type) for e in record.events] == [("洛阳市法治知识竞赛", "activity")]


def test_a_line_of_a_wrapped_headline_is_no_author():
    page = (
        "洛阳日报\n2024年9月4日\n\n"
        "本报讯（记者 王丽）9月3日，全市法治工作座谈会召开。市委常委罗志成出席并讲话。\n\n"
        "洛 阳 市 法 治 工 作 座\n 谈 会\n"
    )
    record = extract_document(build_document("t", "t", page))
    assert {p.name for p in record.persons} == {"罗志成"}


def test_a_surname_that_is_also_a_preposition():
    posts = _posts("市人大常委会副主任向丽华出席会议。")
    assert posts == {("向丽华", "副主任", "洛阳市人大常委会")}
    assert _posts("市政府副市长向大会作报告。") == set()  # 向大会: to the congress


def test_a_visit_led_by_its_visitor_is_named_after_the_visitor():
    text = "本报讯 4月2日，副市长郝建军带队到西工区调研教育工作。西工区委书记孟凡陪同。"
    record = extract_document(build_document("t", "t", "2024年4月 洛阳 洛阳 洛阳\n" + text))
    assert [e.name[:9] for e in record.events] == ["郝建军到西工区调研"]
    roles = {(p.person, tuple(p.roles)) for p in record.participations}
    assert roles == {("郝建军", ("lead",)), ("孟凡", ("accompany",))}


def test_two_sessions_of_a_meeting_weeks_apart_are_two_events(tmp_path):
    page = (
        "洛阳日报 洛阳 洛阳\n2024年3月10日\n\n"
        "本报讯（记者 王丽）2月19日，全市民营经济调度会召开。副市长郝建军主持会议。\n\n"
        "本报讯（记者 王小红）3月9日，全市民营经济调度会召开。副市长孟凡主持会议。\n"
    )
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    record = extract_file(tmp_path / "page.txt")
    events = {e.id: (e.name, e.date) for e in record.events}
    assert sorted(events.values()) == [
        ("洛阳市民营经济调度会", "2024-02-19"),
        ("洛阳市民营经济调度会", "2024-03-09"),
    ]
    chairs = {(p.person, events[p.event][1]) for p in record.participations}
    assert chairs == {("郝建军", "2024-02-19"), ("孟凡", "2024-03-09")}


def test_the_province_s_meeting_watched_before_the_city_s_own_is_another_meeting():
    page = (
        "洛阳日报 洛阳 洛阳\n2024年3月10日\n\n"
        "本报讯（记者 王丽）3月8日上午，在收听收看了全省农业农村工作视频会议后，"
        "我市召开相关会议，副市长郝建军作具体部署。\n\n"
        "全市农业农村工作视频会议召开\n"
    )
    record = extract_document(build_document("t", "t", page))
    events = {e.id: e.name for e in record.events}
    assert sorted(events.values()) == ["河南省农业农村工作视频会议", "洛阳市农业农村工作视频会议"]
    roles = {(p.person, events[p.event], tuple(p.roles)) for p in record.participations}
    assert roles == {("郝建军", "洛阳市农业农村工作视频会议", ("speak",))}


def test_a_lecture_given_is_the_event_its_speaker_spoke_at():
    text = (
        "本报讯 6月2日，市审计局召开全体干部会议。会上，市审计局局长邵文斌为全体党员讲授"
        "学习贯彻党的二十大精神专题党课。"
    )
    record = extract_document(build_document("t", "t", "2024年 洛阳 洛阳 洛阳\n" + text))
    events = {e.id: e.name for e in record.events}
    [(name, roles)] = [(events[p.event], p.roles) for p in record.participations]
    assert name.endswith("二十大精神专题党课") and roles == ["speak"]


@given(
    st.lists(st.text("市委书记长副主任", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text("市委书记长副主任，", max_size=30),
)
def test_a_trie_of_words_matches_what_their_alternation_longest_first_does(words, text):
    longest_first = re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))
    trie = re.compile(lexicons.alternation(words))
    spans = [m.span() for m in longest_first.finditer(text)]
    assert [m.span() for m in trie.finditer(text)] == spans
    for at in range(len(text)):
        old, new = longest_first.match(text, at), trie.match(text, at)
        assert (new and new.span()) == (old and old.span())


def test_a_sitting_of_a_session_is_named_after_it_and_is_an_event_of_its_own():
    text = (
        "本报讯 3月12日上午，市十五届人大三次会议举行第二次全体会议。"
        "市人大常委会主任孟庆林主持会议。"
    )
    record = extract_document(build_document("t", "t", "2024年 洛阳 洛阳 洛阳\n" + text))
    events = {e.name: e for e in record.events}
    assert set(events) == {"洛阳市十五届人大三次会议", "洛阳市十五届人大三次会议第二次全体会议"}
    sitting = events["洛阳市十五届人大三次会议第二次全体会议"]
    assert sitting.date == "2024-03-12"
    roles = {(p.person, p.event, tuple(p.roles)) for p in record.participations}
    assert roles == {("孟庆林", sitting.id, ("chair",))}


def test_only_a_sitting_named_after_a_numbered_session_is_told_apart_from_it():
    assert sitting_of_session("十五届人大三次会议", "十五届人大三次会议第二次全体会议")
    assert sitting_of_session("政协十四届三次会议预备会议", "政协十四届三次会议")
    assert not sitting_of_session("党的二十届三中全会", "党的二十届三中全会精神座谈会")
    assert not sitting_of_session("全市经济工作会议", "全市经济工作会议全体会议")  # no session


def test_jing_ending_a_word_does_not_cut_an_event_name():
    text = "本报讯 4月3日，市人大常委会召开财经监督工作座谈会。"
    record = extract_document(build_document("t", "t", "2024年 洛阳 洛阳 洛阳\n" + text))
    assert [e.name for e in record.events] == ["洛阳市人大常委会财经监督工作座谈会"]


def test_extraction_leaves_jiebas_own_tokenizer_as_it_was() -> None:
    """The extractor teaches its words to a tokenizer of its own: code beside ours that
    calls `jieba.lcut` cuts as before (a default tokenizer taught 副市长 and 出席 cut both
    whole, and lost speed)."""
    jieba.initialize()
    before = (len(jieba.dt.FREQ), jieba.dt.total)
    extract_document(build_document("x", "", "本报讯 3月16日，副市长张三出席会议并讲话。"))
    assert (len(jieba.dt.FREQ), jieba.dt.total) == before
