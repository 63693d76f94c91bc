"""Each cleaning rule on made-up text in the genre, and the offset map on any text at all."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officials_kg.extraction import extract_document
from officials_kg.loaders.clean import clean
from officials_kg.loaders.document import build_document
from officials_kg.loaders.normalise import reads_as

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def cleaned(text: str) -> str:
    return clean(text).text


def column(*lines: str, blank: bool = False) -> str:
    """Lines as a PDF extractor writes them, optionally with a blank line after each."""
    return ("\n\n" if blank else "\n").join(lines) + "\n"


# -- page markers and banners ----------------------------------------------------


def test_page_markers_go_with_their_line():
    text = column("县委召开常委会议。", "- 3 -", "会议由县委书记主持。", "第 12 页", "会议强调。")
    assert cleaned(text) == "县委召开常委会议。\n会议由县委书记主持。\n会议强调。"


def _pages(*heads: str) -> str:
    """Three pages of a paper, each under its running head (`heads`, a line each)."""
    stories = [
        ("镇党委召开扩大会议", "本报讯 5月5日，镇党委召开扩大会议，镇长张三作工作报告。"),
        ("全镇防汛工作会议召开", "本报讯 5月4日，全镇防汛工作会议召开，副镇长李四宝主持。"),
        ("镇人大主席团召开会议", "本报讯 5月3日，镇人大主席团召开会议，听取有关汇报。"),
    ]
    return "".join(column(*heads, *story, blank=True) for story in stories)


def test_a_short_line_on_every_page_is_a_banner_and_its_first_copy_stays():
    kept = cleaned(_pages("南山日报 2024年5月6日")).splitlines()
    assert kept[:2] == ["南山日报2024年5月6日", "镇党委召开扩大会议"]
    assert len(kept) == 1 + 6


def test_a_running_head_keeps_the_issue_date_it_alone_gives():
    """The masthead's date is the document's date: removing every copy lost it."""
    doc = build_document("page", "page", _pages("南山日报 2024年5月6日"))
    assert doc.date == date(2024, 5, 6)


def test_a_running_head_that_cuts_a_sentence_goes_even_if_seen_twice():
    text = column(
        "南山工作通讯",
        "第5期",
        "区人大常委会组织代表深入社区开展视察，听取居民对老旧小区改造的意见，并",
        "● 南山工作通讯",
        "形成调研报告。",
    )
    assert cleaned(text).splitlines() == [
        "南山工作通讯",
        "第5期",
        "区人大常委会组织代表深入社区开展视察，听取居民对老旧小区改造的意见，并形成调研报告。",
    ]


def test_a_story_given_three_times_is_content_not_a_banner():
    """Repetition alone is no banner (issue 23): the story's lines recur with the same lines
    around them, where a running head sits between different pages."""
    story = column("县委召开常委会会议", "县长张三出席会议并讲话，", "县委副书记李四宝主持")
    assert cleaned(story * 3).count("县长张三出席会议并讲话") == 3
    assert cleaned(story * 3).count("县委召开常委会会议") == 3


def test_a_page_given_twice_keeps_its_short_lines_and_drops_its_running_head():
    page = column(
        "南山工作通讯",
        "区人大常委会组织代表深入社区开展视察，听取居民",
        "● 南山工作通讯",
        "对老旧小区改造的意见，并形成",
        "调研报告",
        "区长王五出席。",
    )
    once, twice = cleaned(page), cleaned(page + page)
    assert "● 南山工作通讯" not in twice and "调研报告" in once
    assert twice == once + "\n" + once


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name[:3])
def test_a_seed_page_given_twice_gives_the_persons_and_posts_of_once(seed: Path):
    """A file that holds a page twice lost every short line that recurred (0 persons
    where the page once gives 14)."""
    text = seed.read_text(encoding="utf-8")
    once = extract_document(build_document("page", "page", text))
    twice = extract_document(build_document("page", "page", f"{text}\n\n{text}"))
    assert {p.name for p in twice.persons} == {p.name for p in once.persons}
    assert {(p.person, p.title) for p in twice.positions} == {
        (p.person, p.title) for p in once.positions
    }


def test_decorative_repeats_keep_one_copy():
    assert cleaned("共建美丽家园共建美丽家园共建美丽家园\n") == "共建美丽家园"
    assert cleaned("学习学习学习\n") == "学习"
    assert cleaned("大家研究研究再定。\n") == "大家研究研究再定。"  # a doubled verb is Chinese


# -- line breaks -----------------------------------------------------------------


def test_a_break_inside_a_title_goes():
    text = column(
        "会议由县委常委、组织部部",
        "长李小华主持，县委副书记",
        "王立军出席会议并讲话，对",
        "下一步工作提出要求。",
    )
    assert cleaned(text) == (
        "会议由县委常委、组织部部长李小华主持，县委副书记王立军出席会议并讲话，对下一步工作提出要求。"
    )


def test_a_page_start_space_inside_a_name_goes_with_the_break():
    text = "县人大常委会副主任赵海涛、秘书\n\n 长钱明远出席会议，听取有关情况汇报。\n"
    assert cleaned(text) == "县人大常委会副主任赵海涛、秘书长钱明远出席会议，听取有关情况汇报。"


def test_a_sentence_end_keeps_the_paragraph_break():
    text = column("会议强调，要抓好春耕生产各项工作。", "会议要求，要压实各级责任，确保落实。")
    assert cleaned(text).count("\n") == 1


def test_a_closing_quote_alone_does_not_end_a_paragraph():
    text = column(
        "县委书记强调，要坚持“稳中求进、以进促稳",
        "”总基调，扎实推进各项工作，确保全年目标",
        "任务圆满完成。",
    )
    assert "\n" not in cleaned(text)


def test_headline_lines_in_a_narrow_column_stay_apart():
    text = column(
        "镇人大代表分组审议政府工作报告",
        "县政协委员继续分组讨论发展规划",
        "县十届人大三次会议举行第二次全体会议",
        blank=True,
    )
    assert len(cleaned(text).splitlines()) == 3


def test_an_indented_line_starts_a_paragraph():
    text = column(
        "\u3000\u3000乡村振兴要坚持规划先行，统筹推进产业发展",
        "\u3000\u3000全镇今年新建高标准农田三千亩，带动农民增收",
        "一千余万元。",
    )
    assert cleaned(text).splitlines() == [
        "乡村振兴要坚持规划先行，统筹推进产业发展",
        "全镇今年新建高标准农田三千亩，带动农民增收一千余万元。",
    ]


def test_a_new_story_starts_a_paragraph_even_after_a_full_line():
    text = column(
        "全县冬春农田水利建设现场推进会召开",
        "本 报 讯（记 者 孙 晓）3 月 2 日，全县冬春农田",
        "水利建设现场推进会在东湖乡召开。",
    )
    assert cleaned(text).splitlines() == [
        "全县冬春农田水利建设现场推进会召开",
        "本报讯（记者孙晓）3月2日，全县冬春农田水利建设现场推进会在东湖乡召开。",
    ]


def test_a_numbered_heading_is_a_paragraph_of_its_own():
    text = column(
        "一、坚持问题导向，着力破解发展难题",
        "各级各部门要聚焦群众急难愁盼问题，主动作为，",
        "推动各项政策落地见效。",
        blank=True,
    )
    assert cleaned(text).splitlines()[0] == "一、坚持问题导向，着力破解发展难题"


def test_where_blank_lines_are_rare_they_keep_a_subhead_apart():
    text = (
        "副县长李明远出席并讲话，要求各乡镇\n压紧压实责任，确保任务如期完成。\n\n"
        "紧盯“三项重点”开展督查\n\n"
        "紧盯重点项目建设进度开展专项督查，\n及时通报进展情况。\n"
    )
    assert cleaned(text).splitlines() == [
        "副县长李明远出席并讲话，要求各乡镇压紧压实责任，确保任务如期完成。",
        "紧盯“三项重点”开展督查",
        "紧盯重点项目建设进度开展专项督查，及时通报进展情况。",
    ]


def test_a_bracket_left_open_carries_the_line_over_a_blank():
    text = "市政府印发《关于进一步优化营商环境\n\n提升政务服务效能的实施意见》，明确十项举措。\n"
    assert (
        cleaned(text)
        == "市政府印发《关于进一步优化营商环境提升政务服务效能的实施意见》，明确十项举措。"
    )


def test_a_list_item_remnant_joins_its_item():
    text = column(
        "▲开展一轮作风大整顿",
        "▲每季度通报一次重点项目推进情",
        "况",
        "▲查处一批侵害群众利益问题",
        blank=True,
    )
    assert cleaned(text).splitlines() == [
        "▲开展一轮作风大整顿",
        "▲每季度通报一次重点项目推进情况",
        "▲查处一批侵害群众利益问题",
    ]


# -- spaces ----------------------------------------------------------------------


def test_letter_spaced_names_and_headlines_close_up():
    assert cleaned("李 四 宝\n") == "李四宝"
    assert cleaned("南 湖 区 考 察 团 来 访\n") == "南湖区考察团来访"


def test_spaced_digits_and_dates_close_up():
    assert cleaned("全年完成投资 5 0 0 0 万元。\n") == "全年完成投资5000万元。"
    assert cleaned("3 月 5 日，会议召开。\n") == "3月5日，会议召开。"


def test_full_width_indents_and_spaces_around_punctuation_go():
    assert cleaned("\u3000\u3000会议指出 ，要 “ 抓 ” 落实。\n") == "会议指出，要“抓”落实。"


def test_a_space_between_words_stays():
    assert cleaned("（记者 王明 通讯员 刘芳）\n") == "（记者 王明 通讯员 刘芳）"
    assert cleaned("主题为“Water for Peace”。\n") == "主题为“Water for Peace”。"


# -- the offset map --------------------------------------------------------------


def assert_maps_back(original: str) -> None:
    mapped = clean(original)
    assert len(mapped.offsets) == len(mapped.text)
    assert all(a < b for a, b in zip(mapped.offsets, mapped.offsets[1:], strict=False))
    for i, char in enumerate(mapped.text):
        assert reads_as(char, original[mapped.offsets[i]])  # itself, or its normal form
    start, end = mapped.original_span(0, len(mapped.text))
    assert 0 <= start <= end <= len(original)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_every_clean_character_maps_back_to_itself_in_any_text(original):
    assert_maps_back(original)


PIECES = st.sampled_from(
    [
        "本报讯",
        "（记者 李四）",
        "市委常委、宣传部部",
        "长王小合",
        "张 三 宝",
        "3 0 0 0 万元",
        "2 月 18 日",
        "- 1 -",
        "第 3 页",
        "\u3000\u3000",
        " ",
        "\n",
        "\n\n",
        "\n ",
        "。",
        "，",
        "“",
        "”",
        "▲",
        "一、",
        "新华社北京12月18日电",
        "（赵小涛）",
        "精打细算精打细算精打细算",
        "哈 密 市 考 察 团",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(alphabet="市县委会议召开强调的了在", max_size=12))))
def test_every_clean_character_maps_back_in_texts_made_of_the_genre(pieces):
    assert_maps_back("".join(pieces))
