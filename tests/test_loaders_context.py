"""Each article's place and date, on made-up pages: the context local news leaves implicit."""

from datetime import date

import pytest

from officials_kg.lexicons import Place
from officials_kg.loaders.dates import find_dates
from officials_kg.loaders.document import build_document
from officials_kg.loaders.places import dominant_among, gazetteer


def articles(text: str) -> list[tuple[str | None, str | None, date | None]]:
    doc = build_document("page", "page.txt", text)
    return [(a.headline, a.place and a.place.name, a.date) for a in doc.articles]


def test_a_bare_day_in_words_is_a_duration_not_a_date():
    assert find_dates("审批事项一日办结，三日内反馈。") == []
    assert [(m.month, m.day) for m in find_dates("三月五日，会议召开；17日闭幕。")] == [
        (3, 5),
        (None, 17),
    ]


def test_a_renamed_county_is_found_under_its_new_name():
    [mention] = gazetteer().find("平泉市召开会议")
    assert (mention.place.name, mention.place.city) == ("平泉市", "承德市")


def dominant_place(text: str) -> Place | None:
    return dominant_among(gazetteer().find(text))


def test_the_dominant_place_narrows_from_province_to_county_while_one_holds_most_names():
    assert dominant_place("南陵县召开会议。安徽省领导出席。南陵县县长讲话。").name == "南陵县"
    assert dominant_place("海南省召开会议，海口市代表发言，海南省领导讲话。").name == "海南省"
    assert dominant_place("北京、上海、广州、重庆各地代表发言。") is None


def test_a_story_on_a_national_page_carries_its_own_place():
    page = (
        "本报讯 记者刘洋 近日，云南省委政法委召开全体会议，研究部署全省政法工作。"
        "云南省政法机关要履职尽责。（李杰）\n"
        "本报讯 记者陈静 近日，陕西省西安市公安局开展专项行动。西安市公安局党委书记讲话。（王芳）\n"
    )
    assert [place for _, place, _ in articles(page)] == ["云南省", "西安市"]


def test_a_wire_story_takes_its_dateline_s_place_and_date():
    page = (
        "2023年各地经济运行总体平稳。\n"
        "中央经济工作会议12月11日至12日召开。广东、浙江、四川等地认真学习会议精神。\n"
        "新华社北京12月14日电\n"
    )
    assert articles(page) == [(None, "北京市", date(2023, 12, 14))]


def test_a_speech_takes_the_date_under_its_title():
    page = (
        "在全县经济工作会议上的讲话\n"
        "（2024年1月8日）\n"
        "同志们：\n"
        "这次会议的主要任务是，总结2023年工作，部署今年任务。去年12月20日，县委召开全会。\n"
    )
    [(headline, _, when)] = articles(page)
    assert (headline, when) == ("在全县经济工作会议上的讲话", date(2024, 1, 8))


LOCAL_STORIES = {
    "长葛市": "长葛市召开推进会\n5月6日，长葛市召开乡村振兴推进会，部署重点工作。（李兰）\n",
    "湖南省": (
        "（上接第一版）总书记来到长沙市岳麓区，察看湘江治理情况。"
        "湖南要在推动中部地区崛起中展现更大作为。随后，总书记来到常德市考察。湖南是农业大省。\n"
    ),
    "许昌市": "全市防汛工作会议召开\n5月6日，全市防汛工作会议召开，部署今年防汛工作。（李兰）\n",
}


@pytest.mark.parametrize(
    "place",
    [
        pytest.param("长葛市", id="a county that opens the story"),
        pytest.param("湖南省", id="a story elsewhere that never names the home city"),
        pytest.param("许昌市", id="any other story: the home city"),
    ],
)
def test_a_story_on_a_local_page(place):
    """A page of the 许昌 paper: the home city is named often enough to be found."""
    home = "许昌市召开会议。许昌市委书记讲话。许昌市长出席。（王明）\n"
    assert articles(home + LOCAL_STORIES[place])[1][1] == place


def test_without_a_date_of_its_own_a_story_takes_the_issue_date():
    page = (
        "南山人大工作\n2024年3月1日出版\n"
        "坚持人民至上\n人民代表大会制度是根本政治制度。我们要坚持好、完善好、运行好。\n"
    )
    assert articles(page)[-1] == ("坚持人民至上", None, date(2024, 3, 1))


def test_the_first_story_under_the_masthead_takes_its_own_date_not_the_issue_s():
    page = (
        "开封日报\n2024年5月9日\n\n"
        "本报讯（记者 王丽）5月6日，市委召开常委会会议，研究部署近期工作。\n"
    )
    [(_, _, first)] = [a for a in articles(page) if a[2] is not None]
    assert first == date(2024, 5, 6)


def test_a_headline_wrapped_over_two_lines_is_one_sentence():
    page = (
        "洛阳日报\n2024年9月4日\n\n"
        "本报讯（记者 王丽）9月3日，副市长郝建军到西工区调研教育工作。\n\n"
        "郝 建 军 到 西 工 区 调\n 研 教 育 工 作\n"
    )
    article = build_document("page", "page.txt", page).articles[-1]
    assert article.headline == "郝建军到西工区调研教育工作"
    assert article.sentences[-1].text.replace("\n", "") == article.headline


def test_a_date_without_its_year_is_the_one_nearest_the_issue():
    page = (
        "开封日报\n2024年1月4日\n\n"
        "本报讯（记者 王丽）12月28日，市委召开常委会会议，研究部署近期工作。\n"
    )
    doc = build_document("page", "page.txt", page)
    assert doc.date == date(2024, 1, 4)
    assert [a.date for a in doc.articles if a.date] == [date(2023, 12, 28)]
