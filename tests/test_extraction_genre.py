"""Capabilities the extractor needs for the genre at large (issues 18 and 19), each on
short sentences invented for these tests: no name here is a real person's."""

from officials_kg.extraction import extract_document
from officials_kg.extraction.records import DocumentRecord
from officials_kg.loaders.document import build_document


def _record(text: str) -> DocumentRecord:
    return extract_document(build_document("t", "t.txt", text + "\n"))


def _persons(text: str) -> set[str]:
    return {p.name for p in _record(text).persons}


def _positions(text: str) -> set[tuple[str, str, str]]:
    return {(p.person, p.title, p.org) for p in _record(text).positions}


# -- names ------------------------------------------------------------------------------


def test_less_common_surnames_are_read():
    assert _persons("县委书记谌小川出席会议。副县长郄明远、咸文杰陪同。") == {
        "谌小川",
        "郄明远",
        "咸文杰",
    }


def test_an_enumeration_goes_on_past_a_given_name_ending_in_a_conjunction():
    """李永和、: 和 is the given name's last character where an item ends there."""
    assert _persons("市政协副主席陈小羽、李永和、董一宇出席会议。") == {
        "陈小羽",
        "李永和",
        "董一宇",
    }


def test_a_bare_list_of_names_is_read():
    assert _persons("张小三、李四宝、王五强、赵六在主席台前排就座。") == {
        "张小三",
        "李四宝",
        "王五强",
        "赵六",
    }


def test_a_slogan_of_alike_words_is_not_a_list_of_names():
    assert _persons("要做到全覆盖、全链条、全过程监督。") == set()


def test_a_list_after_a_colon_or_a_group_designation_is_read():
    assert _persons("出席会议的有：孙大伟、周小红、吴建军。") == {"孙大伟", "周小红", "吴建军"}
    assert _persons("市领导钱一鸣、郑二虎出席。") == {"钱一鸣", "郑二虎"}


def test_a_name_ends_at_a_verb_that_follows():
    assert _persons("县纪委书记杨小辉应邀出席会议。") == {"杨小辉"}
    assert _persons("组织秘书长张三发表视频演讲。") == {"张三"}


def test_a_place_after_a_surname_is_not_a_given_name():
    """原海南省委书记: 原 marks a former post; 海南 is a place."""
    assert "原海南" not in _persons("原海南省委书记阮小武出席。")


def test_a_transliterated_name_ends_where_the_verb_after_it_starts():
    """提出席: 提出 and 出席 overlap; the name keeps 提 where 出席 follows, not where 提出 does."""
    assert _persons("自治区政协副主席艾山·库尔班提出席会议。") == {"艾山·库尔班提"}
    assert _persons("自治区政协副主席艾山·库尔班提出建议。") == {"艾山·库尔班"}


# -- titles -------------------------------------------------------------------------------


def test_congress_and_delegation_titles():
    assert _positions("全国人大常委会副委员长王大明出席会议。") == {
        ("王大明", "副委员长", "全国人大常委会")
    }
    assert ("李小干", "副团长", "中央代表团") in _positions("中央代表团副团长李小干带领分团考察。")


def test_acting_posts_keep_their_title():
    """代市长 is acting mayor (代 is not the place 代县)."""
    text = "本报讯 泉州市委副书记、代理市长王小礼出席会议。"
    assert ("王小礼", "代理市长", "泉州市政府") in _positions(text)


def test_an_item_between_two_list_marks_is_a_name_whatever_its_characters():
    """正 and 和 end names in running text; between two 、 the item is the name."""
    assert _persons("市人大常委会副主任程小新、王正宇、金和、白玛小林、孔心苗出席。") == {
        "程小新",
        "王正宇",
        "金和",
        "白玛小林",
        "孔心苗",
    }


# -- bodies ----------------------------------------------------------------------------


def test_a_body_loses_its_term_but_a_session_keeps_it():
    text = "本报讯 泉州市十六届人大常委会副主任许小贵出席。"
    assert _positions(text) == {("许小贵", "副主任", "泉州市人大常委会")}


def test_a_title_inside_a_body_word_is_not_a_title():
    """主席 in 主席团, 书记 in 书记处: the body goes on."""
    text = "本报讯 安徽省文联党组书记、副主席、书记处第一书记何小颖出席。"
    assert ("何小颖", "第一书记", "安徽省文联书记处") in _positions(text)


def test_short_forms_of_the_supreme_court_and_procuratorate():
    text = "最高检党组副书记、常务副检察长童小明主持会议。"
    assert _positions(text) == {
        ("童小明", "党组副书记", "最高人民检察院党组"),
        ("童小明", "常务副检察长", "最高人民检察院"),
    }


def test_autonomous_region_stands_for_the_story_region():
    text = "本报讯 内蒙古自治区政协会议闭幕。自治区政协主席任小平主持，自治区主席布小雨出席。"
    assert _positions(text) == {
        ("任小平", "主席", "内蒙古自治区政协"),
        ("布小雨", "主席", "内蒙古自治区政府"),
    }


def test_a_dateline_is_not_part_of_a_body():
    text = "楚天快报讯 市委书记刘小鸣看望代表。随州市召开会议。"
    assert {org for _, _, org in _positions(text)} <= {"随州市委"}


# -- dates ------------------------------------------------------------------------------


def _event_dates(text: str) -> dict[str, str | None]:
    return {e.name: e.date for e in _record(text).events}


def test_a_web_copy_header_dates_the_page():
    text = "县政协召开常委会议\n发布时间：2019-06-03 09:30 来源：县政协\n3日，县政协召开常委会议。"
    assert build_document("t", "t.txt", text).date.isoformat() == "2019-06-03"
    assert set(_event_dates(text).values()) == {"2019-06-03"}


def test_a_month_day_is_dated_before_the_page_that_reports_it():
    """3月25日 on a page posted in November 2017 happened in March 2017, not 2018."""
    text = "2017-11-24 14:16:12 点击数：\n3月25日，县政协召开十五届委员会常务委员会第三次会议。"
    assert set(_event_dates(text).values()) == {"2017-03-25"}


def test_yesterday_is_the_day_before_publication():
    text = "2007年05月25日01:38 劳动报\n本报讯 中共某市第九次代表大会昨天上午隆重开幕。"
    doc = build_document("t", "t.txt", text)
    assert [a.date.isoformat() for a in doc.articles if a.date] == ["2007-05-24"]


def test_recently_names_no_day():
    text = "发布日期：2026-02-19\n日前，镇党委书记周小伟带队开展春节走访慰问活动。"
    assert set(_event_dates(text).values()) == {None}


# -- events -----------------------------------------------------------------------------


def _events(text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in _record(text).events}


def _parts(text: str) -> set[tuple[str, str, tuple[str, ...]]]:
    record = _record(text)
    names = {e.id: e.name for e in record.events}
    return {(p.person, names[p.event], tuple(p.roles)) for p in record.participations}


def test_a_reception_is_an_event_its_host_and_guests_attend():
    text = (
        "本报讯 11月4日，沧州市市长张小彤在某酒店会见了某国某市市长李四宝一行。"
        "副市长王大仁参加会见。"
    )
    ((name, kind),) = _events(text)
    assert kind == "visit" and name.startswith("张小彤会见")
    assert {(p, roles) for p, _, roles in _parts(text)} >= {
        ("张小彤", ("attend",)),
        ("李四宝", ("attend",)),
        ("王大仁", ("attend",)),
    }


def test_visits_in_the_forms_of_the_genre():
    names = {n for n, _ in _events("5月8日，农业部副部长陈小华一行到麒麟区调研农业农村工作。")}
    assert names == {"陈小华一行到麒麟区调研"}
    parts = _parts("5月4日，副省长郑小琪率队到曲靖市调研工业经济工作。")
    assert {(p, roles) for p, _, roles in parts} == {("郑小琪", ("lead",))}


def test_the_bare_standing_committee_meeting_of_a_named_committee():
    text = "本报讯 8月4日，莆田市委书记杨小生主持召开市委常委会，研究有关工作。"
    assert ("莆田市委常委会", "meeting") in _events(text)


def test_a_part_in_brackets_stays_in_the_name():
    text = "本报讯 3月1日，县委召开县委常委（扩大）会议，传达有关精神。"
    assert any("常委（扩大）会议" in name for name, _ in _events(text))


def test_a_numbered_meeting_is_named_after_its_holder_not_its_dateline_or_tag():
    text = "新华社北京3月15日电 （受权发布）某某大会主席团15日上午在人民大会堂举行第七次会议。"
    assert {name for name, _ in _events(text)} == {"某某大会主席团第七次会议"}


# -- participations ------------------------------------------------------------------------


def test_a_list_goes_on_into_the_clause_of_its_cue():
    text = (
        "本报讯 3月5日，某市人大常委会召开第21次会议。副主任程小新、张先宇、孔小田，"
        "秘书长邱小茂和24名委员出席会议。"
    )
    attend = {p for p, _, roles in _parts(text) if roles == ("attend",)}
    assert attend == {"程小新", "张先宇", "孔小田", "邱小茂"}


def test_a_sitting_named_alone_is_the_current_session_s():
    text = (
        "本报讯 1月17日，某区政协十一届五次会议在某地闭幕。下午5时，闭幕大会开始。"
        "区政协主席任小平主持闭幕大会，副主席陈小羽、董小宇在主席台前排就座。"
    )
    parts = _parts(text)
    assert ("陈小羽", "某区政协十一届五次会议闭幕大会", ("attend",)) in parts
    assert ("任小平", "某区政协十一届五次会议闭幕大会", ("chair",)) in parts


def test_a_meeting_word_in_a_place_name_is_not_a_meeting():
    text = "10月28日，中国共产党某区第七次代表大会在区会议中心隆重开幕。"
    assert not any(name.endswith("在区会议") for name, _ in _events(text))


def test_a_visit_split_by_a_comma_or_a_topic_is_one_visit():
    for text in (
        "4月15日，某区人大常委会副主任张小荣率队来滁州，实地考察城市建设。",
        "全国人大某委员会副主任委员宋小棠一行到济宁市就食品安全进行专题调研。",
    ):
        assert [kind for _, kind in _events(text)] == ["visit"], text


def test_a_group_is_named_after_those_who_lead_it():
    text = "8月4日，以某区党委副书记于小胜为团长的宁夏党政代表团一行来我市参观考察。"
    assert any(name.startswith("宁夏党政代表团") for name, _ in _events(text))


def test_background_meetings_are_not_reported_ones():
    """学习贯彻X和Y精神, X政治决议: X is background, not a meeting of the story."""
    text = (
        "会议传达学习了党的十八届六中全会和省委十届八次全会精神，"
        "审议通过了某市政协第五届委员会第四次会议政治决议。"
    )
    assert _record("本报讯 3月5日，" + text).events == []


def test_a_meeting_referred_to_or_announced_is_not_one_held():
    """提请X审议, 即将举办的X: X has not taken place; 十三届X委员会 is a term, not a session."""
    for text in (
        "本报讯 3月4日，会议决定将草案提请某市十四届人大一次会议预备会议审议。",
        "本报讯 8月17日，双方希望以即将举办的第27次联合经济会议为契机加强合作。",
    ):
        assert _record(text).events == [], text


def test_the_sentence_forms_of_a_meeting_held():
    for text in (
        "近日，第八届全国某某公园年会在上海某公园广场隆重开幕。",
        "本报讯 某市第五届读书节座谈会于3月5日召开。",
    ):
        assert len(_record(text).events) == 1, text


# -- appointment notices -----------------------------------------------------------------


def _statuses(text: str) -> set[tuple[str, str, str, str]]:
    return {(p.person, p.title, p.org, p.status) for p in _record(text).positions}


def test_an_appointment_is_a_current_post():
    text = "本报讯 泉州市人大常委会决定：任命王小礼为泉州市人民政府副市长、代理市长。"
    assert _statuses(text) >= {
        ("王小礼", "副市长", "泉州市政府", "current"),
        ("王小礼", "代理市长", "泉州市政府", "current"),
    }


def test_a_removal_and_a_resignation_are_posts_left():
    text = (
        "本报讯 泉州市人大常委会决定：免去卢小椿泉州市人民政府副市长、市公安局局长的职务；"
        "接受康小涛辞去泉州市人民政府市长的职务。"
    )
    assert _statuses(text) == {
        ("卢小椿", "副市长", "泉州市政府", "left"),
        ("卢小椿", "局长", "泉州市公安局", "left"),
        ("康小涛", "市长", "泉州市政府", "left"),
    }


def test_an_election_is_a_current_post_and_a_nomination_is_none():
    assert ("刘小凌", "镇长", "醪桥镇政府", "current") in _statuses(
        "本报讯 会议选举刘小凌当选为醪桥镇人民政府镇长。"
    )
    assert _statuses("本报讯 会议提名任命张小三为市公安局局长。") == set()


def test_the_last_item_of_a_list_ends_at_its_verb():
    """向 is a preposition; as the last item of a list, 沈向华 ends where 出席 starts."""
    assert "沈向华" in _persons("副市长吴小成、沈向华出席会议。")


def test_a_dotted_name_is_no_place_and_a_doubled_comma_no_gap():
    assert "拉萨尼·卡托" in _persons("市长张小彤会见了某国阿鲁沙市市长拉萨尼·卡托一行。")
    assert {"欧阳小民", "张小虎"} <= _persons("副省長歐陽小民,、張小虎參加會見,。")


def test_a_meeting_under_its_long_and_short_forms_is_one_event():
    text = (
        "中共某市第九次代表大会开幕\n"
        "本报讯 中国共产党某市第九次代表大会昨天上午隆重开幕。张小正主持大会。"
    )
    assert len(_record("2007年05月25日01:38 某报\n" + text).events) == 1


def test_a_call_on_people_is_a_visit_named_by_who_and_whom():
    text = "本报讯 1月6日上午，市委书记刘小鸣一行看望慰问人大代表。"
    assert ("刘小鸣一行看望慰问人大代表", "visit") in _events(text)


def test_a_post_abroad_is_not_a_post_of_the_body_its_title_implies():
    positions = _positions("本届博览会主宾国匈牙利总理欧小班、巴基斯坦总理夏小兹出席开幕式。")
    assert {org for _, _, org in positions} == {"匈牙利", "巴基斯坦"}


def test_words_before_a_title_that_name_no_place_are_not_its_body():
    text = "本报讯 某区召开会议。最后，区长李小新宣布大会开幕。"
    assert not any(org.startswith("最后") for _, _, org in _positions(text))


def test_an_embassy_is_a_body_and_a_county_s_short_name_its_county():
    assert ("宋小森", "一等秘书", "埃塞俄比亚驻华使馆") in _positions(
        "埃塞俄比亚驻华使馆一等秘书宋小森出席。"
    )
    text = "本报讯 公安县召开会议，公安县各部门参加。公安法院党组书记、院长姚小卿出席。"
    assert ("姚小卿", "院长", "公安县法院") in _positions(text)


def test_in_the_company_of_others_the_visitor_leads_and_the_companions_accompany():
    text = "本报讯 3月5日，省委书记张大山在市委书记李小四、市长王小五的陪同下到某县调研。"
    (event,) = _record(text).events
    assert event.name == "张大山到某县调研"
    assert {(p, roles) for p, _, roles in _parts(text)} == {
        ("张大山", ("lead",)),
        ("李小四", ("accompany",)),
        ("王小五", ("accompany",)),
    }


def test_a_written_instruction_is_not_taking_part():
    text = "本报讯 3月5日，市委召开常委会议。省委书记张大山对此作出批示。市委书记李小四主持会议。"
    assert {(p, roles) for p, _, roles in _parts(text)} == {("李小四", ("chair",))}


def test_a_speech_at_a_meeting_whose_name_its_mention_cuts_short():
    """在省部级…学习贯彻X精神专题研讨班开班式上的讲话: the name's mention starts inside the
    words after 在 (学习贯彻 opens a background clause), and the speaker still spoke there."""
    text = (
        "本报讯 3月24日，市人大常委会召开主任会议，主任王大明主持。会议学习了张三总书记在"
        "省部级主要领导干部学习贯彻某次全会精神专题研讨班开班式上的重要讲话精神。"
    )
    spoke = {(p, n) for p, n, roles in _parts(text) if roles == ("speak",)}
    assert [n for p, n in spoke if p == "张三"] == ["某次全会精神专题研讨班开班式"]


def test_a_host_or_guest_who_speaks_at_a_reception_is_a_speaker():
    """会见 makes host and guests attend; one quoted there (表示, 指出) speaks, and is
    present as every speaker is (GUIDELINES §5); a guest who says nothing attends."""
    text = (
        "本报讯 11月4日，沧州市市长张小彤在某酒店会见了某国某市市长李四宝一行。"
        "副市长王大仁参加会见。张小彤对客人的到来表示欢迎。李四宝表示，愿意加强交流。"
    )
    assert {(p, roles) for p, _, roles in _parts(text)} == {
        ("张小彤", ("speak",)),
        ("李四宝", ("speak",)),
        ("王大仁", ("attend",)),
    }


def test_a_body_the_story_names_gives_its_place_to_the_bodies_it_leaves_unnamed():
    """A township page names its town only in its bodies (《某桥镇人民政府工作报告》); a
    district story in its first title chain (中共某宁区委): `镇长`, `区长` are of those."""
    town = (
        "本报讯 9月8日，会议听取了《柳桥镇人民政府工作报告》。"
        "镇党委书记张小云主持会议，镇党委副书记、镇长刘小凌出席。"
    )
    assert _positions(town) >= {
        ("张小云", "书记", "柳桥镇党委"),
        ("刘小凌", "镇长", "柳桥镇政府"),
    }
    district = "本报讯 中共长宁区委副书记、区长李小新，区委常委、副区长赵小琴出席开幕式。"
    assert ("李小新", "区长", "长宁区政府") in _positions(district)
    assert ("赵小琴", "副区长", "长宁区政府") in _positions(district)
    two_towns = "本报讯 柳桥镇党委、石门镇党委召开会议。镇长刘小凌出席。"
    assert ("刘小凌", "镇长", "镇政府") in _positions(two_towns)


def test_exhibitions_and_ceremonies_are_events_and_joined_cues_give_every_role():
    """书法新人新作展, 闭幕式: events of the genre; 出席并致辞 is attend and speak, 宣布…开始
    and 作题为《…》的报告 are speeches."""
    text = (
        "本报讯 4月18日，某省第十五届书法新人新作展在某市美术馆举行。"
        "省文联主席何小颖出席并宣布展览开始。市委常委、宣传部部长李小君出席并致辞。"
    )
    assert ("某省第十五届书法新人新作展", "activity") in _events(text)
    assert {(p, roles) for p, _, roles in _parts(text)} == {
        ("何小颖", ("attend", "speak")),
        ("李小君", ("attend", "speak")),
    }
    report = (
        "本报讯 3月5日，某区第七次代表大会开幕。区委书记张小强出席。"
        "张小强代表区委向大会作题为《开启新航程》的报告。"
    )
    assert ("张小强", "某区第七次代表大会", ("attend", "speak")) in _parts(report)


def test_a_list_introduced_by_a_cue_takes_its_role():
    """出席会议的有：…, 在主席台前排就座的大会主席团成员有：…: the cue comes before whom
    it applies to."""
    for lead in ("出席会议的有：", "昨天在主席台前排就座的大会主席团常务委员会成员有："):
        text = f"本报讯 3月5日，某市第九次代表大会开幕。{lead}张小三、李四宝、王五强。"
        assert {(p, roles) for p, _, roles in _parts(text)} == {
            ("张小三", ("attend",)),
            ("李四宝", ("attend",)),
            ("王五强", ("attend",)),
        }


def test_a_paper_s_dateline_dates_the_filing_and_the_lead_the_story():
    """红网某市站3月11日讯…3月9日下午: the story happened on the 9th; a dateline alone dates it."""
    text = (
        "某市市委书记王小武走访企业调研工业发展\n2015-03-11 16:02:33\n"
        "红网某市站3月11日讯（通讯员 李小雷）3月9日下午，某市市委书记王小武一行走访企业。"
    )
    doc = build_document("t", "t.txt", text)
    assert [a.date.isoformat() for a in doc.articles if a.date] == ["2015-03-09"]
    alone = "2015-03-11 16:02:33\n本报3月11日讯 某市召开全市工业发展推进会。"
    assert [a.date.isoformat() for a in build_document("t", "t.txt", alone).articles] == [
        "2015-03-11"
    ]


def test_a_date_in_the_next_clause_is_not_the_meeting_s():
    """…常委会，决定8月7日召开…: the 7th is the date of the meeting decided on."""
    text = (
        "发布日期：2010-08-08\n"
        "本报讯 8月4日，市委书记杨小生主持召开莆田市委常委会，决定8月7日召开市委全会。"
    )
    assert _event_dates(text)["莆田市委常委会"] == "2010-08-04"


def test_an_activity_carried_out_then_is_held_on_the_story_s_day():
    """进行了X活动 reports a happening; 随后 (会后, 当天) puts it on the story's day."""
    text = (
        "发布日期：2017-03-27\n3月25日，县政协召开常委会议。"
        "随后，委员们在某路西段进行了义务植树活动。"
    )
    assert _event_dates(text)["义务植树活动"] == "2017-03-25"


def test_a_group_led_somewhere_is_the_visit_and_its_leader_leads():
    """张三带领四分团来到Y, 率代表团赴Y: the visit is the group's; 来滁，实地考察我市X、Y
    is a visit too (a list after the object)."""
    text = "本报讯 9月28日，中央代表团副团长张小琴带领四分团来到某教育基地，看望慰问群众。"
    assert _parts(text) == {("张小琴", "四分团到某教育基地看望慰问", ("lead",))}
    listed = "本报讯 4月15日，某区人大副主任张小荣率队来滁，实地考察我市城市建设、生态保护。"
    assert {(p, roles) for p, _, roles in _parts(listed)} == {("张小荣", ("lead",))}


def test_the_one_city_a_provincial_story_names_is_where_its_bodies_are():
    """A story placed only in its province that names one city or county (霍州市), and no
    other, has its 市委 there; naming two, it says nothing of which."""
    text = "本报讯 山西省某现场会在霍州市召开。市委书记李小雁出席，市委常委吕小博主持。"
    assert ("李小雁", "书记", "霍州市委") in _positions(text)
    two = "本报讯 山西省某现场会在霍州市召开，大同市有关部门参加。市委书记李小雁出席。"
    assert ("李小雁", "书记", "市委") in _positions(two)


def test_a_meeting_of_a_session_s_presidium_is_its_own_and_the_presidium_is_named_so():
    """X会议主席团举行第七次会议: not the session X会议 under another name; its 主席团常务主席
    are of X会议主席团, and those who chair and attend are at its meeting."""
    text = (
        "新华社北京3月15日电 十二届全国人大一次会议主席团15日上午在人民大会堂举行第七次会议。"
        "主席团常务主席张小江主持会议。"
    )
    assert {n for n, _ in _events(text)} >= {"十二届全国人大一次会议主席团第七次会议"}
    assert ("张小江", "常务主席", "十二届全国人大一次会议主席团") in _positions(text)
    assert ("张小江", "十二届全国人大一次会议主席团第七次会议", ("chair",)) in _parts(text)


def test_the_school_that_该校_stands_for_names_the_event():
    """到某某大学参加该校创办50周年庆祝大会: the event is that university's
    (lexicons/anaphors.tsv)."""
    text = "本报讯 12月15日，教育部部长周小济等各界来宾到某某大学参加该校创办50周年庆祝大会。"
    assert ("周小济", "某某大学创办50周年庆祝大会", ("attend",)) in _parts(text)


def test_a_speech_by_video_is_a_speech():
    text = (
        "本报讯 9月25日，第七届某博览会开幕式在某市举行。"
        "某组织秘书长张小明、某国总理李大班发表视频演讲。"
    )
    assert {(p, roles) for p, _, roles in _parts(text)} >= {
        ("张小明", ("speak",)),
        ("李大班", ("speak",)),
    }


def test_a_report_made_with_了_is_a_speech():
    text = (
        "本报讯 12月22日，某市政协主席张小声主持召开某市政协第三十八次主席会议。"
        "政协秘书长李小黎、副秘书长王小山分别就有关议题作了说明和汇报。"
    )
    assert {(p, roles) for p, _, roles in _parts(text)} >= {
        ("李小黎", ("speak",)),
        ("王小山", ("speak",)),
    }


def test_a_designated_name_before_列席_is_a_person_who_observes():
    text = "本报讯 12月26日，县委书记陆小东主持召开县委常委会第57次会议，县领导储小泉列席会议。"
    assert ("储小泉", ("observe",)) in {(p, roles) for p, _, roles in _parts(text)}


def test_one_subject_does_cues_joined_across_an_event_s_name_or_a_comma():
    """主持召开X并讲话, 出席X，并讲话: the chair or the guest speaks too; a cue after someone
    else's name (并听取李四宝汇报) or after a group (与会人员发言) is not theirs."""
    for text, roles in [
        ("本报讯 3月5日，市委书记张三主持召开全市工作会议并讲话。", ("chair", "speak")),
        ("本报讯 3月5日，市委书记张三出席全市工作会议，并讲话。", ("attend", "speak")),
        (
            "本报讯 3月5日，市委书记张三主持召开全市工作会议，同与会代表交流并讲话。",
            ("chair", "speak"),
        ),
        ("本报讯 3月5日，市委书记张三主持召开全市工作会议，与会人员讨论发言。", ("chair",)),
        ("本报讯 3月5日，市委书记张三主持召开全市工作会议并听取李四宝汇报。", ("chair",)),
    ]:
        assert {(p, r) for p, _, r in _parts(text) if p == "张三"} == {("张三", roles)}, text


def test_a_meeting_without_a_name_is_named_by_its_host_and_guests():
    """主持召开座谈会，同Y进行座谈: 张三同Y座谈会, the cues giving the roles."""
    text = (
        "本报讯 1月12日，市委书记张三在市行政中心主持召开座谈会，同青年企业家代表进行座谈"
        "并讲话。市委副书记李四宝出席座谈会。"
    )
    parts = {(p, e, r) for p, e, r in _parts(text)}
    assert parts == {
        ("张三", "张三同青年企业家代表座谈会", ("chair", "speak")),
        ("李四宝", "张三同青年企业家代表座谈会", ("attend",)),
    }


def test_those_who_accompany_accompany_the_story_s_last_visit():
    """陪同调研 in a sentence that names no event: the visit reported before it, not the
    meeting the story was at (a chronicle's day after day)."""
    text = (
        "本报讯 3月5日，市委书记张三主持召开全市工作会议。"
        "省委常委李四宝到许昌市调研。市长王五陪同调研。"
    )
    assert ("王五", "李四宝到许昌市调研", ("accompany",)) in _parts(text)


def test_an_event_someone_attends_is_the_story_s_when_it_has_none():
    """参加X (not said to be held): X is the story's event, which 出席大会 then refers to."""
    text = (
        "本报讯 4月5日，省委书记卫小成到某大学参加该校创办50周年庆祝大会。"
        "省委常委陈小辞等出席大会。"
    )
    assert ("陈小辞", "某大学创办50周年庆祝大会", ("attend",)) in _parts(text)


def test_a_talk_is_named_by_its_speaker_and_audience():
    """张三应邀为Y作主题报告: a meeting, 张三 speaking, its audience's 市 resolved."""
    record = _record(
        "许昌日报 2021年4月17日\n本报讯 4月16日，市委常委、宣传部部长张三应邀为市委党校"
        "春季主体班学员作主题报告。"
    )
    assert [(e.name, e.type, e.date) for e in record.events] == [
        ("张三为许昌市委党校春季主体班学员作主题报告", "meeting", "2021-04-16")
    ]
    assert [(p.person, p.roles) for p in record.participations] == [("张三", ["speak"])]


def test_a_preposition_inside_a_meeting_s_name_does_not_cut_it():
    """召开县委书记向市纪委全会述职会议: 向 is in the name, which 召开 introduces; 对 in
    `在会上对X会议精神作出部署` still ends a name (and its clause joins another with 并)."""
    record = _record("本报讯 12月28日，我市召开县委书记向市纪委全会述职会议。")
    assert any(e.name.endswith("县委书记向市纪委全会述职会议") for e in record.events)
    record = _record("本报讯 12月28日，张三出席会议并在会上对全市安全生产工作会议精神作出部署。")
    assert all("并在会上" not in e.name for e in record.events)


def test_a_signing_between_two_parties_is_an_activity():
    """X与Y签署Z协议, in a headline or a sentence; 与Y签订 without the first party is not one."""
    names = {
        (e.name, e.type)
        for e in _record(
            "许昌日报 2023年4月6日\n本报讯 4月5日，市政府与某集团签署战略合作协议。"
        ).events
    }
    assert names == {("许昌市政府与某集团签署战略合作协议", "activity")}
    assert _record("本报讯 4月5日，张三会见某市市长一行，并与该市签订合作意向书。").events == []
