"""Metadata: dates, reporting periods, header fields, issuer and region — on short
synthetic texts for each form, and end to end on circulars in the project's corpus."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import CORPUS, founding
from extractor.dates import find_periods, parse_date
from extractor.metadata import FIELDS, Metadata, extract_metadata
from extractor.pipeline import load

D = dt.date


# ------------------------------------------------------------------ dates

@pytest.mark.parametrize("s, want", [
    ("2023年11月17日", D(2023, 11, 17)),
    ("2023 年 7 月 14 日", D(2023, 7, 14)),
    ("2023-10-26", D(2023, 10, 26)),
    ("发布时间：2024-01-19 10:32", D(2024, 1, 19)),
    ("2023.7.31", D(2023, 7, 31)),
    ("二〇二三年三月二十日", D(2023, 3, 20)),
    ("二○二四年一月二十二日", D(2024, 1, 22)),
    ("二零二三年十二月三十一日", D(2023, 12, 31)),
    ("二〇二三年七月十四日", D(2023, 7, 14)),
    ("2023731", D(2023, 7, 31)),        # damaged signature: only 7月31日 is a date
    ("20230731", D(2023, 7, 31)),
    ("2023111", None),                  # 1月11日 or 11月1日: not decided
    ("2023年2月30日", None),
])
def test_parse_date(s, want):
    assert parse_date(s) == want


# ------------------------------------------------------------------ periods

def period(s: str, ref: dt.date | None):
    ps = find_periods(s)
    assert ps, s
    return ps[0].label, ps[0].resolve(ref)


@pytest.mark.parametrize("s, ref, label, start, end", [
    ("2023年10月份", None, "2023年10月份", D(2023, 10, 1), D(2023, 10, 31)),
    ("2024年2月", None, "2024年2月", D(2024, 2, 1), D(2024, 2, 29)),
    # bare month: the year of the issue date, or the year before when it would lie ahead
    ("二月份工作简报", D(2023, 3, 20), "二月份", D(2023, 2, 1), D(2023, 2, 28)),
    ("12月，全区", D(2024, 1, 8), "12月", D(2023, 12, 1), D(2023, 12, 31)),
    ("2023年第二季度", None, "2023年第二季度", D(2023, 4, 1), D(2023, 6, 30)),
    ("第四季度，12345热线", D(2024, 1, 16), "第四季度", D(2023, 10, 1), D(2023, 12, 31)),
    ("一季度，县政务服务中心", D(2024, 4, 11), "一季度", D(2024, 1, 1), D(2024, 3, 31)),
    ("2023年上半年", None, "2023年上半年", D(2023, 1, 1), D(2023, 6, 30)),
    ("下半年", D(2024, 1, 5), "下半年", D(2023, 7, 1), D(2023, 12, 31)),
    ("2023年度", None, "2023年度", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023年全年", None, "2023年全年", D(2023, 1, 1), D(2023, 12, 31)),
    ("2024年1-6月", None, "2024年1-6月", D(2024, 1, 1), D(2024, 6, 30)),
    ("1—9月", D(2023, 10, 9), "1—9月", D(2023, 1, 1), D(2023, 9, 30)),
    ("前三季度", D(2023, 10, 9), "前三季度", D(2023, 1, 1), D(2023, 9, 30)),
    ("自2017年10月27日至12月31日共转办", None, "2017年10月27日至12月31日", D(2017, 10, 27), D(2017, 12, 31)),
    ("10月27日至12月31日", D(2018, 1, 10), "10月27日至12月31日", D(2017, 10, 27), D(2017, 12, 31)),
    ("(2023年6月12日—6月18日)", None, "2023年6月12日—6月18日", D(2023, 6, 12), D(2023, 6, 18)),
    ("3月4日—3月10日", D(2024, 3, 12), "3月4日—3月10日", D(2024, 3, 4), D(2024, 3, 10)),
    ("2023年12月25日至2024年1月1日", None, "2023年12月25日至2024年1月1日", D(2023, 12, 25), D(2024, 1, 1)),
    # the ten days of a 旬报
    ("2024年3月中旬", None, "2024年3月中旬", D(2024, 3, 11), D(2024, 3, 20)),
    ("11月下旬全区", D(2023, 12, 2), "11月下旬", D(2023, 11, 21), D(2023, 11, 30)),
    ("2月上旬", D(2024, 2, 12), "2月上旬", D(2024, 2, 1), D(2024, 2, 10)),
])
def test_period_forms(s, ref, label, start, end):
    assert period(s, ref) == (label, (start, end))


def test_days_and_hotline_numbers_are_not_months():
    assert [p.kind for p in find_periods("5月18日，热线中心组织培训")] == []
    assert [p.label for p in find_periods("2月份12345热线")] == ["2月份"]
    assert find_periods("拨打12345热线") == []


# ------------------------------------------------------------------ synthetic circulars

WEB = """您当前的位置：首页 > 政务公开 > 通知公告
某某区人民政府办公室关于2023年第三季度12345热线工单办理情况的通报
发布时间：2023-10-20 来源：区政府办公室 字号：[大 中 小]
某政办〔2023〕58号
各街道办事处，区直各部门：
现将2023年第三季度12345热线工单办理情况通报如下。
一、总体情况
按照《市政府办公室关于加强热线工作的通知》(市政办发〔2022〕9号)要求，全区办结工单3862件。
某某区人民政府办公室
2023年10月16日
"""


def test_web_page_header_fields():
    m = Metadata(WEB).fields()
    assert m["title"] == "某某区人民政府办公室关于2023年第三季度12345热线工单办理情况的通报"
    assert m["doc_number"] == "某政办〔2023〕58号"  # its own, not the one it cites
    assert m["published_date"] == D(2023, 10, 20)
    assert m["issue_date"] == D(2023, 10, 16)
    assert m["issuer"] == "某某区人民政府办公室"
    assert (m["period_start"], m["period_end"], m["period_label"]) == (D(2023, 7, 1), D(2023, 9, 30), "2023年第三季度")
    assert set(m) == set(FIELDS)


REPUBLISHED_PAGE = """【通报】东城区5月份热线办理情况
东城发布2024-06-12 09:30河北
点击蓝字，关注我们
近日，东城区人民政府办公室印发了《关于2024年5月份12345热线办理情况的通报》，现将全文刊发如下。
关于2024年5月份12345热线办理情况的通报
东政办〔2024〕15号
各街道办事处，区政府各部门：
5月份，我区共承接工单1187件，办结率97.98%。
东城区人民政府办公室
2024年6月8日
"""


def test_a_page_republishing_a_circular_gives_the_circulars_own_fields():
    """A news or WeChat page: its headline and account line first, then `现将全文刊发如下`, then the
    circular's own title and number; the page's time stamp is its publication date."""
    m = Metadata(REPUBLISHED_PAGE).fields()
    assert m["title"] == "关于2024年5月份12345热线办理情况的通报"
    assert m["doc_number"] == "东政办〔2024〕15号"
    assert m["issue_date"] == D(2024, 6, 8)
    assert m["published_date"] == D(2024, 6, 12)


def test_a_forum_repost_gives_the_circulars_own_title_and_number():
    """A forum post: its own headline, the poster and board, a line naming the site it was taken
    from; then the circular's title with its document number under it, which is the title."""
    m = Metadata("罗湖区2022年3月12345热线工单办理情况通报\n发表人：sz_news  分类：深港资讯\n"
                 "(内容转载自深圳市罗湖区人民政府门户网站，版权归原作者所有)\n\n"
                 "深圳市罗湖区政务服务数据管理局关于2022年3月12345热线工单办理情况的通报\n罗政数〔2022〕12号\n\n"
                 "各街道办事处，区直各单位：\n  现将3月全区12345热线工单办理情况通报如下。\n"
                 "一、基本情况\n  3月共接收工单9,876件。\n\n深圳市罗湖区政务服务数据管理局\n2022年4月6日\n").fields()
    assert m["title"] == "深圳市罗湖区政务服务数据管理局关于2022年3月12345热线工单办理情况的通报"
    assert m["doc_number"] == "罗政数〔2022〕12号"
    assert m["issue_date"] == D(2022, 4, 6)


def test_a_page_dated_the_day_it_was_signed_states_no_separate_publication_date():
    m = Metadata(REPUBLISHED_PAGE.replace("2024-06-12 09:30", "2024-06-08 17:42")).fields()
    assert m["issue_date"] == D(2024, 6, 8) and m["published_date"] is None


BULLETIN = """2023年第2期
(总第266期)
汝州市人民政府办公室 2023年3月20日
汝州市12345民呼必应热线
二月份工作简报
二月份，汝州市12345民呼必应热线话务量约8500人次。
一、工作概况
"""


def test_bulletin_header_title_over_two_lines_issue_and_bare_month():
    m = Metadata(BULLETIN).fields()
    assert m["title"] == "汝州市12345民呼必应热线二月份工作简报"
    assert m["issue_no"] == "2023年第2期"
    assert m["issuer"] == "汝州市人民政府办公室"
    assert m["issue_date"] == D(2023, 3, 20)
    assert m["published_date"] is None
    assert (m["period_start"], m["period_end"]) == (D(2023, 2, 1), D(2023, 2, 28))
    assert (m["province"], m["city"], m["county"], m["admin_code"]) == ("河南省", "平顶山市", "汝州市", "410482")


def test_a_masthead_setting_the_issuer_beside_its_number():
    # (the issuer and the number on one line, as a two-column red header prints)
    text = ("临安区人民政府办公室 临政办发〔2023〕42号\n关于10月份12345热线工单办理情况的通报\n"
            "各镇人民政府、街道办事处：\n10月份，区12345热线共受理诉求5,118件。\n")
    m = Metadata(text).fields()
    assert m["doc_number"] == "临政办发〔2023〕42号"
    assert m["title"] == "关于10月份12345热线工单办理情况的通报"


def test_a_ten_day_bulletin_is_titled_and_dated():
    text = ("东湖街道12345热线工作旬报\n第33期\n东湖街道党政办公室 2024年5月22日\n"
            "5月中旬，街道共承接热线工单214件。\n")
    m = Metadata(text).fields()
    assert m["title"] == "东湖街道12345热线工作旬报"
    assert (m["period_start"], m["period_end"]) == (D(2024, 5, 11), D(2024, 5, 20))


def test_total_issue_number_when_no_yearly_one():
    m = Metadata("热线工作简报\n总第266期\n某某县人民政府办公室 2023年3月20日\n本月受理诉求10件。\n").fields()
    assert m["issue_no"] == "总第266期"


def test_week_period_line_in_the_header():
    text = ("朝阳区12345热线诉求办理情况周报\n2023年第24期\n(2023年6月12日—6月18日)\n"
            "朝阳区人民政府办公室        2023年6月20日\n\n一、本周概况\n本周，长春市12345市民服务热线向我区转办诉求665件。\n")
    m = Metadata(text).fields()
    assert (m["period_start"], m["period_end"]) == (D(2023, 6, 12), D(2023, 6, 18))
    assert m["title"] == "朝阳区12345热线诉求办理情况周报"
    assert m["issue_no"] == "2023年第24期"
    assert (m["province"], m["city"], m["county"], m["admin_code"]) == ("吉林省", "长春市", "朝阳区", "220104")


def test_week_period_after_a_bracketed_label():
    # the week given in brackets after a 【…】 label, its year from the issue date
    text = ("南湖区12345热线工作周报\n第31期\n嘉兴市南湖区行政审批局　　　　2024年8月6日\n\n"
            "【本周概况】（7月29日至8月4日）\n\n一、受理情况\n本周共受理诉求1,206件。\n")
    m = Metadata(text).fields()
    assert (m["period_start"], m["period_end"]) == (D(2024, 7, 29), D(2024, 8, 4))


def test_a_red_and_black_list_is_a_title():
    for title in ("吴江区12345热线工单办理质效红黑榜", "湄潭县12345热线工单办理“红黄榜”"):
        m = Metadata(f"{title}\n2024年第3期\n一、总体情况\n本月受理工单8,812件。\n").fields()
        assert m["title"] == title


def test_period_beside_the_issue_number():
    for line in ("2024年第23期(6月3日—6月9日)", "2024年第23期(总第312期)  |  6月3日—6月9日"):
        text = f"武侯区12345热线周报\n{line}\n编者按：本期周报梳理本周诉求受理办理情况。\n本周受理诉求3,127件。\n成都市武侯区网络理政中心\n2024年6月11日\n"
        m = Metadata(text).fields()
        assert (m["period_start"], m["period_end"]) == (D(2024, 6, 3), D(2024, 6, 9)), line


def test_a_wechat_article_headline_is_its_title(tmp_path):
    # a headline with commas reads like a sentence; the page's <title> says it is the title, and
    # the account, time and place of its meta line are fields of their own
    page = ("<html><head><title>12345热线周报|供热诉求激增，这些问题请关注(11.20—11.26)</title></head><body>"
            "<h1 class='rich_media_title'>12345热线周报|供热诉求激增，这些问题请关注(11.20—11.26)</h1>"
            "<div class='rich_media_meta_list'><span class='rich_media_meta rich_media_meta_nickname'>雁塔12345</span>"
            "<em id='publish_time' class='rich_media_meta rich_media_meta_text'>2023-11-28 18:36</em></div>"
            "<div class='rich_media_content'><section>11月20日至26日，雁塔区共接收转办工单4811件。</section></div>"
            "</body></html>")
    doc = _page(tmp_path, page)
    assert "雁塔12345\n2023-11-28 18:36" in doc.text
    assert doc.metadata["title"] == "12345热线周报|供热诉求激增，这些问题请关注(11.20—11.26)"
    assert doc.metadata["issue_date"] == D(2023, 11, 28)


def test_a_portal_header_above_the_line_the_page_names_its_title_is_no_part_of_it(tmp_path):
    # the site's name and links stand on a line of their own right above the article's title
    page = ("<html><head><title>关于2024年一季度政务服务工作情况的通报 - 某某市人民政府</title></head><body>"
            "<div id='top'><a href='/'>某某市人民政府</a> <span>政务公开</span> <a href='/'>登录</a></div>"
            "<div class='art-title'>关于2024年一季度政务服务工作情况的通报</div>"
            "<div class='art-content'><p>一季度，全市共受理办件12,806件，按期办结率99.6%。</p></div>"
            "</body></html>")
    assert _page(tmp_path, page).metadata["title"] == "关于2024年一季度政务服务工作情况的通报"


def _page(tmp_path, page: str):
    """A web page written to a file and read through the pipeline, its metadata extracted."""
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    doc = load(f)
    extract_metadata(doc)
    return doc


def test_period_opening_a_sentence_after_a_short_lead():
    """`经核查，2024年5月你镇…`: the month heads its sentence after a lead clause; a month
    deep in a sentence (`…要求于2024年7月底前`) is a deadline, not the period."""
    text = ("关于对河口镇热线工单办理问题限期整改的通知\n\n河口镇人民政府：\n"
            "经核查，2024年5月你镇承办的热线工单中，超时办结工单7件。请于2024年7月底前报送整改情况。\n\n"
            "安吉县政务服务中心\n2024年6月11日\n")
    m = Metadata(text).fields()
    assert (m["period_start"], m["period_end"]) == (D(2024, 5, 1), D(2024, 5, 31))
    lead_too_long = text.replace("经核查，", "经县政务服务中心逐件核查，")
    assert Metadata(lead_too_long).fields()["period_start"] is None


def test_an_interview_page_gives_its_title_under_its_column_label_and_a_period_opening_a_sentence():
    """A transcript's title ends 访谈/实录, under a column label (`在线访谈`) that is no part of it;
    a period heading a sentence after a run-in heading (`一、…情况。今年1至5月，…`) is the report's."""
    text = ("在线访谈\n畅通民意渠道：某市12345热线2024年上半年工作访谈\n访谈时间：2024年7月11日\n\n"
            "主持人：各位网友好！\n嘉宾：谢谢主持人。\n")
    assert Metadata(text).fields()["title"] == "畅通民意渠道：某市12345热线2024年上半年工作访谈"
    text = ("某区“接诉即办”工作新闻发布会实录\n\n2024年6月13日上午，某区召开新闻发布会。\n"
            "区政府办公室主任：\n一、热线诉求办理情况。今年1至5月，区级平台共接收工单5873件。\n\n"
            "某区人民政府新闻办公室\n2024年6月14日\n")
    m = Metadata(text).fields()
    assert m["title"] == "某区“接诉即办”工作新闻发布会实录"
    assert (m["period_start"], m["period_end"]) == (D(2024, 1, 1), D(2024, 5, 31))


def test_damaged_signature_after_blank_lines():
    text = ("各部门、各乡镇：\n现将2023年第二季度热线运行情况通报如下：\n一、基本情况\n本季度受理工单100件。\n\n"
            "吴忠市红寺堡区审批服务管理局\n\n  2023731\n\n扫一扫在手机上查看当前页面\n")
    m = Metadata(text).fields()
    assert m["issuer"] == "吴忠市红寺堡区审批服务管理局"
    assert m["issue_date"] == D(2023, 7, 31)
    assert m["title"] is None  # no header: the circular starts with its addressees
    assert (m["province"], m["city"], m["county"]) == ("宁夏回族自治区", "吴忠市", "红寺堡区")


def test_chinese_numeral_signature_and_file_header():
    text = ("安吉县人民政府办公室文件\n安政办发〔2024〕6号\n\n安吉县人民政府办公室关于2023年度热线工作情况的通报\n\n"
            "各乡镇人民政府：\n2023年，全县受理诉求9.86万件。\n安吉县人民政府办公室\n二〇二四年一月二十二日\n")
    m = Metadata(text).fields()
    assert m["title"] == "安吉县人民政府办公室关于2023年度热线工作情况的通报"
    assert m["doc_number"] == "安政办发〔2024〕6号"
    assert m["issue_date"] == D(2024, 1, 22)
    assert (m["period_start"], m["period_end"]) == (D(2023, 1, 1), D(2023, 12, 31))
    assert (m["city"], m["county"], m["admin_code"]) == ("湖州市", "安吉县", "330523")


def test_issuer_without_signature_date_and_range_in_body():
    text = ("〔2018〕2号\n关于热线工作情况的通报\n\n各乡镇人民政府：\n"
            "2017年，在县热线办和各承办单位的共同努力下，平台运行良好。现就有关工作情况通报如下：\n"
            "一、热线承办情况\n县热线办自2017年10月27日至12月31日共转办群众来电574件。\n"
            "附件：1.承办单位办件情况表\n海原县人民政府办公室\n 附件：\n承办单位办件情况表\n")
    m = Metadata(text).fields()
    assert m["doc_number"] == "〔2018〕2号"
    assert m["title"] == "关于热线工作情况的通报"
    assert m["issuer"] == "海原县人民政府办公室"
    assert m["issue_date"] is None
    assert (m["period_start"], m["period_end"]) == (D(2017, 10, 27), D(2017, 12, 31))
    assert (m["province"], m["city"], m["county"], m["admin_code"]) == ("宁夏回族自治区", "中卫市", "海原县", "640522")


def test_region_from_title_author_when_issuer_names_no_place():
    text = ("城中区人民政府办公室关于2023年第三季度12345热线工单办理情况的通报\n\n各街道办事处：\n"
            "2023年第三季度，全区认真办理柳州市12345政务服务便民热线转派的工单。\n"
            "区政府办公室\n2023年10月16日\n")
    m = Metadata(text).fields()
    assert m["issuer"] == "区政府办公室"
    assert (m["province"], m["city"], m["county"], m["admin_code"]) == ("广西壮族自治区", "柳州市", "城中区", "450202")


@pytest.mark.parametrize("text, want", [
    # a work summary: titled by its author, dated in brackets under the title
    ("德化县行政审批服务局2023年工作总结和2024年工作打算\n（2023年12月20日）\n\n"
     "2023年以来，我局持续深化“放管服”改革。全年受理12345热线工单3216件，办结率99.2%。\n"
     "一、主要工作成效\n全年办件量41.2万件，同比增长6.1%。\n",
     {"title": "德化县行政审批服务局2023年工作总结和2024年工作打算", "issuer": "德化县行政审批服务局",
      "issue_date": D(2023, 12, 20), "province": "福建省", "city": "泉州市", "county": "德化县"}),
    # a federation signs
    ("关于一季度企业服务专席诉求办理情况的通报\n\n各会员企业：\n一季度共受理企业诉求212件，办结率98.6%。\n\n"
     "安溪县工商业联合会\n2024年4月8日\n",
     {"issuer": "安溪县工商业联合会", "issue_date": D(2024, 4, 8), "county": "安溪县"}),
])
def test_issuers_beyond_government_offices(text, want):
    m = Metadata(text).fields()
    assert {k: m[k] for k in want} == want


def test_nothing_stated_stays_null():
    m = Metadata("各居民区：\n本月共承接工单428件。\n").fields()
    assert all(m[f] is None for f in FIELDS)


# ------------------------------------------------------------------ real circulars

def meta(path):
    return extract_metadata(load(path))


def test_founding_000_signature_and_region():
    m = meta(founding("000"))
    assert m["title"] is None and m["doc_number"] is None
    assert m["issuer"] == "西宁市城中区人民政府办公室"
    assert m["issue_date"] == D(2023, 11, 17)
    assert (m["period_start"], m["period_end"]) == (D(2023, 10, 1), D(2023, 10, 31))
    assert (m["province"], m["city"], m["county"], m["admin_code"]) == ("青海省", "西宁市", "城中区", "630103")


def test_founding_001_web_page_with_damaged_date():
    m = meta(founding("001"))
    assert m["title"] == "关于2023年第二季度“12345”便民服务热线运行情况和政务服务相关工作情况的通报"
    assert m["issuer"] == "吴忠市红寺堡区审批服务管理局"
    assert (m["issue_date"], m["published_date"]) == (D(2023, 7, 31), D(2023, 10, 26))
    assert (m["period_start"], m["period_end"]) == (D(2023, 4, 1), D(2023, 6, 30))
    assert m["admin_code"] == "640303"


def test_founding_002_traditional_script_range_period():
    m = meta(founding("002"))
    assert (m["doc_number"], m["issuer"], m["issue_date"]) == ("〔2018〕2号", "海原县人民政府办公室", None)
    assert (m["period_start"], m["period_end"]) == (D(2017, 10, 27), D(2017, 12, 31))
    assert (m["city"], m["county"], m["admin_code"]) == ("中卫市", "海原县", "640522")


def test_founding_003_bare_month_takes_the_issue_year():
    m = meta(founding("003"))
    assert m["issue_date"] == D(2019, 11, 20)
    assert (m["period_start"], m["period_end"]) == (D(2019, 10, 1), D(2019, 10, 31))


def test_founding_004_bulletin():
    m = meta(founding("004"))
    assert (m["title"], m["issue_no"]) == ("汝州市12345民呼必应热线二月份工作简报", "2023年第2期")
    assert (m["issuer"], m["issue_date"]) == ("汝州市人民政府办公室", D(2023, 3, 20))
    assert (m["period_start"], m["period_end"]) == (D(2023, 2, 1), D(2023, 2, 28))
    assert (m["city"], m["county"], m["admin_code"]) == ("平顶山市", "汝州市", "410482")


@pytest.mark.parametrize("name, code, province, city, county", [
    ("d002.txt", "450202", "广西壮族自治区", "柳州市", "城中区"),   # city only in the body
    ("d003.txt", "110105", "北京市", "北京市", "朝阳区"),
    ("d004.txt", "220104", "吉林省", "长春市", "朝阳区"),           # city only in the body
    ("d005.txt", "140000", "山西省", None, None),                    # province-level issuer
    ("d012-html.html", "510700", "四川省", "绵阳市", None),           # city-level issuer
    ("d008.txt", "320583", "江苏省", "苏州市", "昆山市"),             # county-level city
])
def test_same_name_districts_and_levels_end_to_end(name, code, province, city, county):
    m = meta(CORPUS / name)
    assert (m["admin_code"], m["province"], m["city"], m["county"]) == (code, province, city, county)


def test_end_to_end_header_forms():
    m = meta(CORPUS / "d003.txt")
    assert (m["issue_date"], m["published_date"]) == (D(2023, 7, 12), D(2023, 7, 14))
    assert m["title"] == "朝阳区2023年上半年接诉即办工作情况通报"
    m = meta(CORPUS / "d007.txt")
    assert (m["doc_number"], m["issue_date"]) == ("安政办发〔2024〕6号", D(2024, 1, 22))
    m = meta(CORPUS / "d016.txt")
    assert (m["issue_no"], m["issuer"]) == ("2023年第10期", "洛阳市政务服务和大数据管理局")
    assert (m["period_start"], m["period_end"]) == (D(2023, 10, 1), D(2023, 10, 31))
    m = meta(CORPUS / "d017.txt")
    assert (m["period_start"], m["period_end"]) == (D(2024, 4, 8), D(2024, 4, 14))
    m = meta(CORPUS / "d013.txt")
    assert (m["period_start"], m["period_end"], m["published_date"]) == (D(2024, 2, 1), D(2024, 2, 29), D(2024, 3, 8))


def test_title_broken_across_pdf_lines():
    m = meta(CORPUS / "d014-pdf.pdf")
    assert m["title"].replace(" ", "") == "寿光市人民政府办公室关于2023年上半年12345政务服务便民热线工作情况的通报"
    assert m["doc_number"] == "寿政办字〔2023〕31号"
    assert m["issue_date"] == D(2023, 7, 14)
    assert m["admin_code"] == "370783"


NAV_PAGE = """首页
政务公开
通知公告
当前位置：首页 > 通知公告
关于2023年10月份全市12345政务服务便民热线工作情况的通报
2023-11-08 10:20  来源：市政务服务中心  浏览次数：342
【字体：大 中 小】
各县区人民政府，市直各单位：
10月份，全市12345热线共受理诉求5万件。
附件：1.各县区办理情况
平凉市人民政府办公室
2023年11月6日
（此件公开发布）
"""


def test_web_page_with_navigation_and_unlabelled_page_date():
    m = Metadata(NAV_PAGE).fields()
    assert m["title"] == "关于2023年10月份全市12345政务服务便民热线工作情况的通报"  # not `通知公告`
    assert m["published_date"] == D(2023, 11, 8)
    assert (m["issuer"], m["issue_date"]) == ("平凉市人民政府办公室", D(2023, 11, 6))
    assert (m["province"], m["city"], m["county"], m["admin_code"]) == ("甘肃省", "平凉市", None, "620800")


def test_red_header_with_signer_and_signature_date_without_day_mark():
    text = ("沛县人民政府办公室文件\n沛政办发〔2023〕12号　　　　　签发人：张三\n\n"
            "关于2023年1-9月份12345热线办理情况的通报\n\n各镇人民政府：\n2023年1-9月，全县受理工单。\n"
            "沛县人民政府办公室\n2023年10月9\n")
    m = Metadata(text).fields()
    assert m["doc_number"] == "沛政办发〔2023〕12号"
    assert m["issue_date"] == D(2023, 10, 9)
    assert (m["period_start"], m["period_end"], m["period_label"]) == (D(2023, 1, 1), D(2023, 9, 30), "2023年1-9月份")
    assert (m["city"], m["county"], m["admin_code"]) == ("徐州市", "沛县", "320322")


def test_plain_issue_number_and_title_naming_dates():
    text = ("12345热线2024年3月4日—3月10日诉求办理情况周报\n(第10期)\n"
            "某某区12345热线服务中心    2024年3月12日\n一、本周概况\n本周受理诉求100件。\n")
    m = Metadata(text).fields()
    assert m["title"] == "12345热线2024年3月4日—3月10日诉求办理情况周报"
    assert m["issue_no"] == "第10期"
    assert m["issue_date"] == D(2024, 3, 12)
    assert (m["period_start"], m["period_end"]) == (D(2024, 3, 4), D(2024, 3, 10))


def test_closing_date_without_a_name_above_it():
    text = ("各乡镇：\n现将2023年10月份热线工作情况通报如下。\n一、基本情况\n本月受理工单100件。\n\n"
            "2023年11月17日\n（此件公开发布）\n")
    m = Metadata(text).fields()
    assert m["issue_date"] == D(2023, 11, 17)
    assert m["issuer"] is None
    # a date inside the running text is not a signature
    assert Metadata("各乡镇：\n本月受理工单100件。\n2023年11月17日\n附表如下，请各单位核对：\n").fields()["issue_date"] is None


def test_month_line_under_a_bulletin_title():
    text = "12345热线工作简报\n（2023年10月）\n某某县政务服务中心 2023年11月3日\n一、总体情况\n本月受理100件。\n"
    m = Metadata(text).fields()
    assert (m["period_start"], m["period_end"], m["period_label"]) == (D(2023, 10, 1), D(2023, 10, 31), "2023年10月")


def test_article_title_under_a_bulletin_masthead_and_an_edited_by_line():
    text = ("漳平市政务服务工作简报\n2024年第4期（总第52期）\n漳平市行政审批服务局编印          2024年5月10日\n"
            "漳平市政务服务中心2024年4月份运行情况通报\n4月份，市政务服务中心共受理各类政务服务事项3,482件。\n")
    m = Metadata(text).fields()
    assert m["title"] == "漳平市政务服务中心2024年4月份运行情况通报"
    assert (m["issuer"], m["issue_date"]) == ("漳平市行政审批服务局", D(2024, 5, 10))
    assert m["issue_no"] == "2024年第4期"
    assert (m["period_start"], m["period_end"]) == (D(2024, 4, 1), D(2024, 4, 30))


def test_a_section_heading_in_the_header_does_not_displace_the_masthead():
    text = ("某某市12345政务服务便民热线\n工作简报\n2023年第5期\n某某市政务服务管理办公室　　2023年6月12日\n\n"
            "五月份热线运行情况\n五月份，热线登记受理群众诉求21,436件。\n")
    assert Metadata(text).fields()["title"] == "某某市12345政务服务便民热线工作简报"


def test_a_supervision_office_signs_and_a_summary_with_its_plan_is_a_title():
    text = ("某某县人民政府督查室\n\n某政督〔2025〕3号\n\n关于2025年第一季度督办事项办理情况的通报\n\n各乡镇：\n"
            "一季度共交办督办事项42项。\n\n某某县人民政府督查室\n2025年4月8日\n")
    m = Metadata(text).fields()
    assert (m["issuer"], m["issue_date"]) == ("某某县人民政府督查室", D(2025, 4, 8))
    text = "某某县政务服务数据管理局2024年工作总结和2025年工作计划\n\n发布日期：2025-01-15\n2024年，我局受理办件3万件。\n"
    assert Metadata(text).fields()["title"] == "某某县政务服务数据管理局2024年工作总结和2025年工作计划"


def test_a_portal_page_with_a_disclosure_table_and_a_welcome_bar(tmp_path):
    """Above the article: the page title with the site's name, a welcome bar of links, and the
    信息公开 table (索引号/文号/名称) some portals put there; the article's own title and number
    are the circular's."""
    page = ("<html><head><title>某县人民政府办公室关于2023年上半年12345热线工作情况的通报-某县人民政府</title></head><body>"
            "<div><span>欢迎访问某县人民政府门户网站</span><a>无障碍</a> | <a>长者模式</a> | <a>登录</a></div>"
            "<table><tr><td>索引号：</td><td>11341522003942176X/202307-00041</td><td>文号：</td><td>霍政办秘〔2023〕87号</td></tr>"
            "<tr><td>名称：</td><td>霍邱县人民政府办公室关于2023年上半年12345热线工作情况的通报</td></tr></table>"
            "<h1>霍邱县人民政府办公室关于2023年上半年12345热线工作情况的通报</h1>"
            "<p>发布时间：2023-07-18 16:40 来源：县政府办公室</p><p>霍政办秘〔2023〕87号</p>"
            "<p>各乡镇人民政府，县政府各部门：</p><p>上半年，县12345热线共接收工单21437件，办结率98.03%。</p>"
            "<p>霍邱县人民政府办公室</p><p>2023年7月14日</p></body></html>")
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    m = meta(f)
    assert m["title"] == "霍邱县人民政府办公室关于2023年上半年12345热线工作情况的通报"
    assert m["doc_number"] == "霍政办秘〔2023〕87号"
    assert m["county"] == "霍邱县"


def test_labelled_front_matter_of_an_export():
    """An export's front matter labels its fields: the title without its label, and of two
    labelled dates the one named 发布 is the publication date."""
    text = ("标题: 某某市人民政府办公室关于2024年第一季度政府网站信息报送情况的通报\n发文单位: 某某市人民政府办公室\n"
            "日期: 2024-04-15\n发布日期: 2024-04-18\n\n某某市人民政府办公室关于2024年第一季度政府网站信息报送情况的通报\n\n"
            "各县区人民政府：\n一季度共报送信息1,024条。\n\n某某市人民政府办公室\n2024年4月15日\n")
    m = Metadata(text).fields()
    assert m["title"] == "某某市人民政府办公室关于2024年第一季度政府网站信息报送情况的通报"
    assert (m["issue_date"], m["published_date"]) == (D(2024, 4, 15), D(2024, 4, 18))


def test_a_news_page_is_issued_the_day_it_is_posted_by_the_body_it_names(tmp_path):
    """A news page has no signature: its date is its issue date, its issuer the body it labels
    (`发布机构：`) or gives as source, not the site's name above it; its headline may name a
    press conference."""
    page = ("<html><body><div>昆山市人民政府门户网站</div><div>当前位置：首页 > 新闻中心</div>"
            "<h1>昆山召开2023年度12345政务服务便民热线工作新闻发布会</h1>"
            "<p>发布时间：2024-01-17 10:25 来源：昆山市政务服务管理办公室 浏览次数：1286</p>"
            "<p>1月16日上午，市政府新闻办召开新闻发布会。据介绍，2023年昆山12345热线共受理诉求86.42万件。</p>"
            "<p>相关新闻</p><p>· 昆山政务服务“一网通办”率达92% 2023-11-03</p></body></html>")
    f = tmp_path / "news.html"
    f.write_text(page, encoding="utf-8")
    m = meta(f)
    assert m["title"] == "昆山召开2023年度12345政务服务便民热线工作新闻发布会"
    assert (m["issuer"], m["issue_date"], m["published_date"]) == ("昆山市政务服务管理办公室", D(2024, 1, 17), None)
    assert Metadata("双流区召开热线工作新闻发布会\n发布机构：成都市双流区网络理政办公室\n发布日期：2023-10-23\n"
                    "10月19日，双流区召开发布会。\n").fields()["issuer"] == "成都市双流区网络理政办公室"


def test_the_rule_under_a_red_header_is_no_part_of_the_title():
    text = ("某某县人民政府办公室\n━━━━━━━━━━━━━━━━━━━━━━━━\n某某县12345政务服务便民热线2024年上半年诉求\n热点分析报告\n"
            "为掌握群众关注的热点问题，现将有关情况分析如下。\n")
    assert Metadata(text).fields()["title"] == "某某县12345政务服务便民热线2024年上半年诉求热点分析报告"
    text = "某某区12345热线简报\n2023年第3期\n2023年第三季度某某区12345热线诉求热点简析\n一、总体情况\n三季度受理诉求9万件。\n"
    assert Metadata(text).fields()["title"] == "2023年第三季度某某区12345热线诉求热点简析"
