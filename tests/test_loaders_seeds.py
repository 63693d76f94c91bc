"""The five seeds, read by eye and pinned: every article a reader would draw, with its
headline, place and date.

How the pins were decided, where the page does not say it plainly:
- 000 (a national legal daily: a Xinhua story, three provincial briefs whose headlines
  are printed after them under a series title, a commentary without a headline, and
  two local features continued from other pages). Briefs that say only 近日 have no
  date; wire stories take their dateline's date and place (北京, 12月18日).
- 001 (承德 bulletin): a dated speech, then reports each closed by the author's name.
- 002 (承德 bulletin with a table of contents): the contents and the back-page fields
  are articles of their own kind; essays without a date of their own take the issue
  date (2023-12-18); an essay signed by a county official is placed in that county.
- 003 (许昌 daily page): headlines printed after their stories; the photo caption
  (2月19日，…长跑比赛) is an item of its own, whose title (全民健身 健康你我他) sits in
  the sidebar of the last story and is not recovered.
- 004 (阳泉 pages): a water-week feature whose display title is printed mid-feature
  (kept as a subhead; its last headline line is taken), a leader's tour of 湖南 continued
  from page one, and three local reports whose headlines are printed together at the
  page's foot, in reverse order.
"""

from datetime import date
from pathlib import Path

import pytest

from officials_kg.loaders.document import load_document
from tests.gold import GENERAL_SECRETARY, PROPAGANDA_HEAD, UNITED_FRONT_HEAD, VICE_MAYOR

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# (kind, headline, place, date) per article, in order
EXPECTED = {
    "000_f47940cf2c5a406e": [
        (
            "article",
            "坚定信心、奋发有为，推动高质量发展取得新成效各地认真学习领会中央经济工作会议精神",
            "北京市",
            "2022-12-18",
        ),
        ("article", "海南省委政法委：努力开创全省政法工作新局面", "海南省", None),
        ("article", "甘肃司法行政系统：学在深处干在实处谋在新处", "甘肃省", None),
        ("article", "西安市公安局：“五个课堂”让二十大精神深入警心", "西安市", None),
        ("article", None, "北京市", "2022-12-18"),
        ("article", "一盘棋一股劲一步调推进法治建设", "南陵县", None),
        ("article", "主动向地方党委晒出“成绩单”", "保定市", None),
    ],
    "001_59368bcfbef6e951": [
        (
            "article",
            "毫不动摇坚持和完善人民代表大会制度奋力书写新时代地方人大工作靓丽篇章",
            "承德市",
            "2022-03-28",
        ),
        ("article", "市十五届人大常委会召开第十三次主任会议", "承德市", "2022-03-24"),
        ("article", "全市人大系统三项重点工作动员部署推进会召开", "承德市", "2022-03-28"),
        (
            "article",
            "围场满族蒙古族自治县摸底全县农村人居环境整治情况夯实农村人居环境整治提升专班工作基础",
            "围场满族蒙古族自治县",
            None,
        ),
        (
            "article",
            "一提高两坚持六强化隆化县人大常委会对“5+2”联动监督工作进行深入动员部署",
            "隆化县",
            None,
        ),
        ("article", "平泉市人大常委会迅速启动联动监督工作", "平泉市", "2022-03-28"),
        (
            "article",
            "用好制度优势、展示时代风采全市人大系统“高质量发展惠民生，人大代表展风采”主题实践活动全面启动",
            "承德市",
            "2022-03-28",
        ),
        ("article", "承德中院召开全市法院执法办案调度会", "承德市", None),
        ("article", "兴隆县检察院多措并举推动疫情防控工作落地落实", "兴隆县", None),
    ],
    "002_3f6941afb79db3d9": [
        ("toc", None, "承德市", None),
        (
            "article",
            "市人大常委会召开全市人大常委会主任座谈会 暨践行全过程人民民主经验交流会",
            "承德市",
            "2023-12-05",
        ),
        (
            "article",
            "市人大常委会开展“12.4”国家宪法日 和宪法宣传周送法进军营活动",
            "承德市",
            "2023-12-04",
        ),
        ("article", "市人大常委会开展“宪法周助力军营法治化建设”主题活动", "承德市", "2023-12-07"),
        ("article", "市人大社会建设委员会举办 全市人大社会建设工作培训班", "承德市", "2023-11-28"),
        ("article", "市人大常委会机关召开退休老干部座谈会", "承德市", "2023-12-08"),
        (
            "article",
            "市人大常委会财经工委召开 全市人大财经工作座谈暨业务培训会",
            "承德市",
            "2023-11-27",
        ),
        (
            "article",
            "市人大常委会办公室 召开全市人大系统秘书长、办公室主任会议",
            "承德市",
            "2023-12-01",
        ),
        (
            "article",
            "市人大常委会办公室举办“智慧人大”平台使用管理业务培训班",
            "承德市",
            "2023-11-30",
        ),
        (
            "article",
            "坚持人民至上 深入践行全过程人民民主 在人大社会建设工作中求实效、求突破、求创新",
            "承德市",
            "2023-12-18",
        ),
        (
            "article",
            f"{GENERAL_SECRETARY}总书记关于 发展全过程人民民主重要论述研究",
            "隆化县",
            "2023-12-18",
        ),
        (
            "article",
            "挖掘拓宽功能 做实做细工作 让代表联络机构成为践行全过程人民民主的前沿阵地",
            "滦平县",
            "2023-12-18",
        ),
        (
            "article",
            "宽城满族自治县人大召开人大代表 建议办理“回头看”工作会议",
            "宽城满族自治县",
            "2023-12-12",
        ),
        (
            "article",
            "宽城满族自治县人民检察院扎实推进“燕赵山海·公益检察”专项监督工作",
            "宽城满族自治县",
            "2023-12-18",
        ),
        ("colophon", None, "承德市", None),
    ],
    "003_3676fee7047f7844": [
        ("article", f"哈密市考察团来许考察{PROPAGANDA_HEAD}陪同", "许昌市", "2023-02-18"),
        (
            "article",
            f"全市教育系统安全稳定暨食品安全工作视频会议召开{VICE_MAYOR}作具体部署",
            "许昌市",
            "2023-02-19",
        ),
        ("article", f"市委政法工作会议召开{UNITED_FRONT_HEAD}等出席", "许昌市", "2023-02-17"),
        ("article", "全市公安工作会议召开", "许昌市", "2023-02-17"),
        ("article", "全市体育工作会议召开", "许昌市", "2023-02-16"),
        ("article", None, "许昌市", "2023-02-19"),
        ("article", "我市开展“出彩河南人”楷模发布厅进校园活动", "许昌市", "2023-02-14"),
        ("article", "“社区+”共同体 奏响社区服务“交响乐”", "长葛市", "2023-02-13"),
        ("article", "强化政治监督 优化营商环境 推动经济提速", "许昌市", None),
    ],
    "004_4b049f6fbfba57a6": [
        ("article", "3月22日~28日是第三十七届“中国水周”", "阳泉市", None),
        ("article", "坚持改革创新求真务实奋力谱写中国式现代化湖南篇章", "湖南省", "2024-03-19"),
        ("article", "市十六届人大四次会议举行第二次全体会议", "阳泉市", None),
        ("article", "市政协委员继续分组讨论市政府工作报告", "阳泉市", "2024-03-21"),
        ("article", "市人大代表分团审议人大、法检“两院”工作报告", "阳泉市", "2024-03-21"),
    ],
}


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def seed(request):
    return request.param, load_document(SEEDS / f"{request.param}.txt")


def test_every_article_is_found_with_its_headline_place_and_date(seed):
    name, doc = seed
    found = [
        (a.kind, a.headline, a.place.name if a.place else None, a.date and a.date.isoformat())
        for a in doc.articles
    ]
    assert found == EXPECTED[name]


def test_articles_tile_the_text_in_order_and_own_their_sentences(seed):
    _, doc = seed
    starts = [a.start for a in doc.articles]
    assert starts == sorted(starts)
    for a in doc.articles:
        assert a.sentences, a.headline
        for s in a.sentences:
            assert doc.text[s.start : s.end] == s.text
            start, end = doc.original_span(s.start, s.end)
            source = doc.source_text(s.start, s.end)  # the file's own punctuation and script
            assert (doc.original[start], doc.original[end - 1]) == (source[0], source[-1])


HOMES = {
    "000_f47940cf2c5a406e": (None, 2022, None),
    "001_59368bcfbef6e951": ("承德市", 2022, None),
    "002_3f6941afb79db3d9": ("承德市", 2023, date(2023, 12, 18)),
    "003_3676fee7047f7844": ("许昌市", 2023, None),
    "004_4b049f6fbfba57a6": ("阳泉市", 2024, None),
}


def test_each_seed_has_its_home_place_year_and_issue_date(seed):
    name, doc = seed
    assert (doc.home and doc.home.name, doc.year, doc.date) == HOMES[name]
