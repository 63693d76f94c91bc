"""Splitting made-up pages in the genre into articles (clean text, one paragraph a line)."""

from officials_kg.loaders.articles import split_articles
from officials_kg.loaders.clean import clean
from officials_kg.loaders.paragraphs import Layout


def split(*paragraphs: str) -> list[tuple[str | None, str]]:
    """(headline, first body paragraph) of each article."""
    text = "\n".join(paragraphs)
    return [(a.headline_text, a.body.split("\n")[0]) for a in split_articles(text)]


def test_bulletin_headlines_before_stories_ended_by_credits():
    assert split(
        "县人大常委会召开主任会议",
        "4月2日，县人大常委会召开主任会议，研究近期工作。",
        "会议要求，各委室要抓好落实。（周敏）",
        "县人大常委会开展执法检查",
        "4月8日，县人大常委会执法检查组深入企业开展检查。",
        "检查组要求，要严格落实安全生产责任。（吴昊）",
    ) == [
        ("县人大常委会召开主任会议", "4月2日，县人大常委会召开主任会议，研究近期工作。"),
        ("县人大常委会开展执法检查", "4月8日，县人大常委会执法检查组深入企业开展检查。"),
    ]


def test_headlines_printed_after_their_stories_go_to_the_story_above():
    assert split(
        "本报讯（记者 王明）5月6日，全市防汛工作会议召开，部署今年防汛工作。",
        "会议要求，要压实防汛责任。",
        "全市防汛工作会议召开",
        "本报讯（记者 李兰）5月7日，全市招商引资推进会召开，通报一季度情况。",
        "会议强调，要抓好项目落地。",
        "全市招商引资推进会召开",
    ) == [
        (
            "全市防汛工作会议召开",
            "本报讯（记者 王明）5月6日，全市防汛工作会议召开，部署今年防汛工作。",
        ),
        (
            "全市招商引资推进会召开",
            "本报讯（记者 李兰）5月7日，全市招商引资推进会召开，通报一季度情况。",
        ),
    ]


def test_a_block_of_headlines_after_several_stories_is_shared_by_content_in_any_order():
    articles = split(
        "本报讯 6月3日，市政协委员分组讨论政府工作报告，提出意见建议。",
        "委员们表示，将积极建言献策。（张华）",
        "本报讯 6月3日，市人大代表分团审议计划报告和预算报告。",
        "代表们认为，两个报告实事求是。（李四）",
        "市人大代表分团审议计划和预算报告",
        "市政协委员分组讨论政府工作报告",
    )
    assert [headline for headline, _ in articles] == [
        "市政协委员分组讨论政府工作报告",
        "市人大代表分团审议计划和预算报告",
    ]


def test_a_headline_naming_a_place_goes_to_the_story_that_names_it():
    articles = split(
        "（上接第一版）总书记在江西考察时强调，要推进乡村全面振兴。江西要扛起粮食安全重任。",
        "本报讯 6月3日，市政府召开常务会议，研究部署乡村全面振兴工作。",
        "会议强调，要推进乡村全面振兴，扛起粮食安全重任。（李四）",
        "市政府召开常务会议",
        "奋力谱写乡村全面振兴江西篇章",
    )
    assert [headline for headline, _ in articles] == [
        "奋力谱写乡村全面振兴江西篇章",
        "市政府召开常务会议",
    ]


def test_a_series_title_over_several_stories_is_nobody_s_headline():
    articles = split(
        "本报讯 记者刘洋 近日，山东省司法厅召开会议，学习贯彻全会精神。",
        "本报讯 记者陈静 近日，江苏省公安厅召开会议，学习贯彻全会精神。",
        "学习贯彻全会精神",
        "山东省司法厅：",
        "推动司法行政工作高质量发展",
        "江苏省公安厅：",
        "奋力开创公安工作新局面",
    )
    assert [headline for headline, _ in articles] == [
        "山东省司法厅：推动司法行政工作高质量发展",
        "江苏省公安厅：奋力开创公安工作新局面",
    ]


def test_a_wire_dateline_ends_a_story():
    articles = split(
        "各地干部群众表示，要把会议精神落到实处。",
        "新华社北京3月12日电",
        "全县部署春季植树造林工作",
        "3月13日，县政府召开会议，部署春季植树造林工作。",
    )
    assert len(articles) == 2
    assert articles[1] == (
        "全县部署春季植树造林工作",
        "3月13日，县政府召开会议，部署春季植树造林工作。",
    )


def test_a_continuation_from_the_front_page_starts_a_story():
    articles = split(
        "乡村振兴取得新成效",
        "近年来，全县坚持农业农村优先发展。",
        "上接第一版 全县新建村级综合服务中心二十个。",
    )
    assert [body for _, body in articles] == [
        "近年来，全县坚持农业农村优先发展。",
        "上接第一版 全县新建村级综合服务中心二十个。",
    ]


def test_a_byline_after_a_headline_starts_an_essay():
    articles = split(
        "以高质量党建引领基层治理",
        "县委组织部部长 赵明",
        "基层治理是国家治理的基石。",
        "要坚持党建引领，夯实基层基础。",
        "关于推进代表联络站建设的思考",
        "县人大常委会研究室主任 孙丽",
        "代表联络站是代表履职的重要平台。",
    )
    assert articles == [
        ("以高质量党建引领基层治理", "县委组织部部长 赵明"),
        ("关于推进代表联络站建设的思考", "县人大常委会研究室主任 孙丽"),
    ]


def test_a_headline_over_a_dated_lead_ends_the_story_above():
    articles = split(
        "同志们，让我们团结一心，奋力开创新局面！",
        "县委常委会召开会议",
        "5月9日，县委常委会召开会议，传达学习上级精神。",
    )
    assert articles[1] == ("县委常委会召开会议", "5月9日，县委常委会召开会议，传达学习上级精神。")


def test_a_subhead_inside_a_story_stays_in_it():
    articles = split(
        "本报讯 近日，市纪委监委印发工作方案，强化政治监督。",
        "聚焦四个方面开展监督",
        "聚焦重大项目建设情况开展监督，督促责任落实。",
        "聚焦营商环境优化情况开展监督，查处突出问题。",
    )
    assert len(articles) == 1


def test_a_numbered_subhead_is_never_a_headline():
    assert len(split("要抓好三项工作。（王芳）", "一、强化组织领导", "各单位要成立工作专班。")) == 2
    [(headline, _), *_] = split("县委召开会议。", "一、强化组织领导", "各单位要成立工作专班。")
    assert headline is None


def test_contents_and_colophon_are_articles_of_their_own_kind():
    spans = split_articles(
        "\n".join(
            [
                "南山人大工作",
                "目 录",
                "区人大常委会召开主任会议……………周敏（1）",
                "区人大常委会开展执法检查……………吴昊（2）",
                "区人大常委会召开主任会议",
                "4月2日，区人大常委会召开主任会议。（周敏）",
                "区人大常委会开展执法检查",
                "4月8日，区人大常委会执法检查组深入企业开展检查。（吴昊）",
                "编辑：郑红",
                "签发：钱军",
            ]
        )
    )
    assert [(s.kind, s.headline_text) for s in spans] == [
        ("toc", None),
        ("article", "区人大常委会召开主任会议"),
        ("article", "区人大常委会开展执法检查"),
        ("colophon", None),
    ]


def test_a_title_the_contents_list_ends_the_essay_above_it():
    spans = split_articles(
        "\n".join(
            [
                "目 录",
                "坚持人民至上……………研究室（1）",
                "县人大召开代表建议办理工作会议……………王五（5）",
                "坚持人民至上",
                "人民代表大会制度是保证人民当家作主的根本制度。",
                "县人大召开代表建议办理工作会议",
                "为提高代表建议办理质量，县人大常委会召开会议。（王五）",
            ]
        )
    )
    assert [s.headline_text for s in spans] == [
        None,
        "坚持人民至上",
        "县人大召开代表建议办理工作会议",
    ]


def test_a_page_break_after_a_headline_ends_the_story_above():
    original = (
        "“我们把法治建设作为中心工作。”县委书记说。\n"
        "一盘棋推进法治建设\n"
        " \u3000\u3000“从个案合规到行业合规，是我们的重点。”检察长说。\n"
    )
    mapped = clean(original)
    spans = split_articles(mapped.text, Layout.of(mapped, original))
    assert len(spans) == 2
    assert spans[0].headline_text == "一盘棋推进法治建设"
