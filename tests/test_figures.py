"""Figures stage end to end on real circulars from corpus/, plus phrasing-level checks."""
from __future__ import annotations

import unicodedata

import pytest

from conftest import CORPUS, founding
from extractor.figures import extract_figures, extract_text
from extractor.metadata import extract_metadata
from extractor.pipeline import load

KEYS = {"metric", "value", "unit", "category", "entity", "channel", "approx", "section", "text",
        "start", "end", "pattern", "raw_start", "raw_end"}


def figs_of(path):
    doc = load(path)
    return doc, extract_figures(doc)


def find(figs, metric, value, entity=None, category=None):
    return [f for f in figs if f["metric"] == metric and abs(f["value"] - value) < 1e-6
            and f["entity"] == entity and (category is None or f["category"] == category)]


def _triples(text):
    """(metric, value, entity) of each figure of a normalised text."""
    return [(f["metric"], f["value"], f["entity"]) for f in extract_text(text)]


def _file_triples(tmp_path, text):
    """(metric, value, entity) of each figure of a circular read from a file, with its metadata
    (the issuer decides which divisions are units and which the report's own area)."""
    p = tmp_path / "circular.txt"
    p.write_text(text, encoding="utf-8")
    doc = load(p)
    extract_metadata(doc)
    return [(f["metric"], f["value"], f["entity"]) for f in extract_figures(doc)]


def test_divisions_are_units_when_the_document_names_no_area_of_its_own(tmp_path):
    # a weekly post with no issuer or area in its header: the districts it ranks are units
    text = ("12345热线一周热点丨高温天气用电诉求明显增多\n\n从受理量看，历城区受理1.03万件，居各区县首位。"
            "天桥区按时办结率为96.08%，低于全市平均水平。\n")
    assert _file_triples(tmp_path, text) == [("volume", 10300.0, "历城区"), ("completion_rate", 96.08, "天桥区")]


@pytest.fixture(scope="module")
def f000():
    return figs_of(founding("000"))


def test_rows_have_the_contract_keys(f000):
    _, figs = f000
    assert figs
    for f in figs:
        assert set(f) == KEYS


def test_000_headline_figures(f000):
    _, figs = f000
    assert find(figs, "volume", 1416)[0]["channel"] == "hotline"
    assert find(figs, "volume", 47)[0]["channel"] == "supervision"
    assert find(figs, "completion_rate", 100)
    assert find(figs, "response_rate", 65.91)
    assert find(figs, "submitted", 296)[0]["channel"] == "website"
    assert find(figs, "adopted", 137)
    assert find(figs, "adoption_rate", 46)
    assert find(figs, "submitted", 0, entity="区自然资源和林业局")


def test_000_one_figure_per_entity_of_a_list(f000):
    _, figs = f000
    twos = [f["entity"] for f in figs if f["metric"] == "submitted" and f["value"] == 2]
    assert twos == ["区发展改革和工业信息化局", "区文体旅游科技局", "区医疗保障局"]


def test_000_offsets_point_at_the_number(f000):
    doc, figs = f000
    for f in figs:
        assert doc.text[f["start"]:f["end"]].replace(",", "").rstrip("万亿") in (f"{abs(f['value']):g}", f"{abs(f['value']):.2f}", str(abs(f["value"])), f"{abs(f['value']):.1f}") \
            or doc.text[f["start"]:f["end"]].endswith(("万", "亿"))
        assert doc.text[f["start"]:f["end"]] in f["text"]


def test_000_not_figures(f000):
    _, figs = f000
    values = {f["value"] for f in figs}
    assert 3000 not in values            # the price of one gym card
    assert 2013 not in values and 2023 not in values   # years
    assert 12345 not in values and 710 not in values   # channel names
    assert 3 not in values               # how often one ticket was extended
    assert not find(figs, "volume", 2)   # `2个方面`


def test_000_nothing_from_tables(f000):
    doc, figs = f000
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert tables
    for f in figs:
        assert not any(b.start <= f["start"] < b.end for b in tables)


def test_000_sections(f000):
    _, figs = f000
    assert find(figs, "volume", 1416)[0]["section"].startswith("(二)")
    assert find(figs, "submitted", 296)[0]["section"].startswith("(三)")


def test_001_list_after_unit_names():
    _, figs = figs_of(founding("001"))
    assert find(figs, "overdue", 45, entity="红寺堡镇")
    assert find(figs, "share", 24.1, entity="红寺堡镇")
    assert find(figs, "overdue", 27, entity="移动公司")
    assert find(figs, "satisfaction_rate", 16, entity="供暖公司")
    assert not any(f["value"] == 85 for f in figs)     # 满意率低于85%的单位: a threshold
    assert find(figs, "category_count", 2026, category="求助")
    assert find(figs, "category_share", 45.8, category="求助")
    assert find(figs, "volume", 5876, entity="税务局")[0]["channel"] == "gov_service"
    doc = load(founding("001"))
    at = doc.text.index("22个部门")
    assert not any(f["start"] == at for f in figs)       # 22个部门: a count of units


def test_003_traditional_source_offsets_map_to_raw():
    doc, figs = figs_of(founding("003"))
    assert doc.script != "hans"
    f = find(figs, "submitted", 362)[0]
    raw = unicodedata.normalize("NFKC", doc.raw[f["raw_start"]:f["raw_end"]])
    assert raw == "362"
    assert find(figs, "submitted", 11, entity="区应急管理局")


def test_d001_points_phone_and_threshold():
    doc, figs = figs_of(CORPUS / "d001.txt")
    assert find(figs, "volume", 1287)
    assert find(figs, "satisfaction_rate", 91.6)
    points = [f for f in figs if f["value"] == 2.3]
    assert points and all(f["unit"] != "%" and f["metric"] == "change_rate" for f in points)
    assert not any(f["value"] in (85, 2024051300871, 1200, 24) for f in figs)
    for phrase in ("17个单位", "不足30%", "0772"):
        if phrase in doc.text:
            at = doc.text.index(phrase)
            assert not any(f["start"] == at or f["start"] == at + 2 for f in figs), phrase
    assert find(figs, "overdue", 21, entity="南川西路街道办事处")
    assert find(figs, "submitted", 0, entity="区审计局")


def test_d002_change_signs_and_respectively():
    _, figs = figs_of(CORPUS / "d002.txt")
    assert find(figs, "change_rate", 8.4)
    assert find(figs, "change_rate", -2.1)
    assert find(figs, "satisfaction_rate", 90.3, entity="静兰街道")
    assert not any(f["value"] in (2861523, 772, 13) for f in figs)


def test_d005_wan_multiplies():
    _, figs = figs_of(CORPUS / "d005.txt")
    f = find(figs, "volume", 1864200)[0]
    assert f["unit"] == "件"
    calls = find(figs, "calls", 1620000)[0]
    assert calls["approx"] is True and calls["unit"] == "人次"
    assert find(figs, "category_count", 249300, category="投诉举报")
    assert not any(f["value"] in (95, 94) for f in figs)


@pytest.mark.parametrize("text,expected", [
    ("本月共受理工单1,096件,办结1,071件。", [("volume", 1096.0, None), ("completed", 1071.0, None)]),
    ("超期较多的单位是：大沥镇96宗、桂城街道88宗。", [("overdue", 96.0, "大沥镇"), ("overdue", 88.0, "桂城街道")]),
    ("县住房和城乡建设局、湄江街道工单量较大，分别为187件、164件。",
     [("volume", 187.0, "县住房和城乡建设局"), ("volume", 164.0, "湄江街道")]),
    ("逾期办理11件，主要涉及县住房和城乡建设局(4件)、上派镇(3件)。",
     [("overdue", 11.0, None), ("overdue", 4.0, "县住房和城乡建设局"), ("overdue", 3.0, "上派镇")]),
    ("全区响应率、解决率和满意率分别为99.9%、88.8%、92.1%。",
     [("response_rate", 99.9, None), ("resolution_rate", 88.8, None), ("satisfaction_rate", 92.1, None)]),
    ("城关县：受理工单1,234件，办结率97.24%；平安县：受理工单987件。",
     [("volume", 1234.0, "城关县"), ("completion_rate", 97.24, "城关县"), ("volume", 987.0, "平安县")]),
    ("市人力资源和社会保障局、市市场监督管理局转派工单量较大，分别为2,345件和1,987件，办结率分别为98.2%、97.6%。",
     [("volume", 2345.0, "市人力资源和社会保障局"), ("volume", 1987.0, "市市场监督管理局"),
      ("completion_rate", 98.2, "市人力资源和社会保障局"), ("completion_rate", 97.6, "市市场监督管理局")]),
    ("区统计局、区档案馆报送信息均为0条。", [("submitted", 0.0, "区统计局"), ("submitted", 0.0, "区档案馆")]),
    ("到2025年底，实现热线接通率达到95%以上，工单按时办结率不低于98%，设置不少于20个坐席。", []),
    ("市财政安排专项资金500万元，各单位配备1至2名专职联络员，每周召开1次调度会。", []),
    ("2024年5月9日，区热线办联系电话：0772-2861523。", []),
    ("湄府办通〔2024〕17号", []),
    ("另有17个单位采发率不足30%，全区共2个方面问题。", []),
    # a 社区 heading a sentence-per-unit line is a unit, not the report's own area
    ("黄河社区承接工单64件，办结60件，群众满意率95.5%。",
     [("volume", 64.0, "黄河社区"), ("completed", 60.0, "黄河社区"), ("satisfaction_rate", 95.5, "黄河社区")]),
    # `A、B…偏多，分别为x、y` with other words between the list and 分别为; an office ending in 办
    ("县信访办、县水务局接收投诉偏多，分别为312件、287件。", [("volume", 312.0, "县信访办"), ("volume", 287.0, "县水务局")]),
    ("长江街道、珠江街道季度考评得分分别为97分、96.5分。", [("score", 97.0, "长江街道"), ("score", 96.5, "珠江街道")]),
    ("【部门情况】市城管委、市交通委承办工单分别为95件、61件，办结率分别为97.9%、96.7%。",
     [("volume", 95.0, "市城管委"), ("volume", 61.0, "市交通委"),
      ("completion_rate", 97.9, "市城管委"), ("completion_rate", 96.7, "市交通委")]),
    # `A、B各N项`, `A、B…均为0`: every name takes the number
    ("逾期未办结的单位为：城南镇、县水利局各3项，县林业局1项。",
     [("overdue", 3.0, "城南镇"), ("overdue", 3.0, "县水利局"), ("overdue", 1.0, "县林业局")]),
    ("县档案局、县供销社1-6月报送数均为0。", [("submitted", 0.0, "县档案局"), ("submitted", 0.0, "县供销社")]),
    ("逾期未办结的有：东风镇和县住房和城乡建设局各3件。", [("overdue", 3.0, "东风镇"), ("overdue", 3.0, "县住房和城乡建设局")]),
    # a recipient (向X报送, 被X采用) is not the unit; a dispatch verb phrase is not a name
    ("向市政府办公室报送专报信息45条，被省级刊物采用9条。", [("submitted", 45.0, None), ("adopted", 9.0, None)]),
    ("共转派乡(镇)和县直部门工单3,214件，办结3,180件，办结率98.94%。",
     [("volume", 3214.0, None), ("completed", 3180.0, None), ("completion_rate", 98.94, None)]),
    # a department heading its own clause (time word, 被, 窗口 after the name)
    ("区教育委本周被市级平台退回重办工单4件，主要原因是答复不到位。", [("reopened", 4.0, "区教育委")]),
    ("市税务局窗口差评9件，市公安局窗口差评6件。", [("volume", 9.0, "市税务局"), ("volume", 6.0, "市公安局")]),
    ("县燃气公司受理诉求512件，县供水公司受理诉求301件，两家合计占全县诉求量的21.4%。",
     [("volume", 512.0, "县燃气公司"), ("volume", 301.0, "县供水公司"), ("share", 21.4, None)]),
    ("超期签收工单较多的单位为东湖镇9件、县城管局7件。", [("overdue", 9.0, "东湖镇"), ("overdue", 7.0, "县城管局")]),
    # phrasings
    ("热线话务总量2.35万次，接通率97.1%。", [("calls", 23500.0, None), ("connection_rate", 97.1, None)]),
    ("已办结销号20项，持续推进4项。", [("completed", 20.0, None), ("pending", 4.0, None)]),
    ("回访中评价“满意”的比例为96.2%。", [("satisfaction_rate", 96.2, None)]),
    ("差评整改率达到百分之百，满意率为百分之九十七点五。", [("rectification_rate", 100.0, None), ("satisfaction_rate", 97.5, None)]),
    ("工单办理及时率偏低的是：北山镇90.5%、南山镇91%。", [("completion_rate", 90.5, "北山镇"), ("completion_rate", 91.0, "南山镇")]),
    # one ticket passed between units is a case detail
    ("一件噪音投诉在两个部门之间反复转办3次。", []),
    # a group (三家单位, 两家合计) is the subject: no unit, and 占全市 is not a name
    ("市住建局、市城管局、市交通局三家单位受理工单合计2,345件，占全市总量的19%。",
     [("volume", 2345.0, None), ("share", 19.0, None)]),
    # the keyword after the number; a callback count is not a completion count
    ("县市场监管局有6件工单超期未办结，城关镇有2件诉求被退回重办。",
     [("overdue", 6.0, "县市场监管局"), ("reopened", 2.0, "城关镇")]),
    ("本月对已办结工单电话回访512件，回访满意率96.4%。", [("calls", 512.0, None), ("satisfaction_rate", 96.4, None)]),
    # a stated rate with 以上 is a figure; a target or a 的单位 threshold is not
    ("本周热线接通率达97.5%以上，满意率达95%以上的单位有8个。", [("connection_rate", 97.5, None)]),
    # a clause that only totals what the keyword clause before it named
    ("本季度共有4个部门发生逾期回复，合计13件。", [("overdue", 13.0, None)]),
    ("河口乡出现超期签收工单，共7件。", [("overdue", 7.0, "河口乡")]),
    ("投诉类诉求较为集中，累计1,208件，占18.5%。", [("category_count", 1208.0, None), ("category_share", 18.5, None)]),
    # as many numbers as the names in a clause before: they pair in order
    ("县城管局、县交通局因处置迟缓，综合得分为80.2分和81.7分。", [("score", 80.2, "县城管局"), ("score", 81.7, "县交通局")]),
    # a scope in brackets does not cut the subject off; 另有/因…被 still speak of the unit
    ("北关街道，综合得分81.3分，在9个镇(乡、街道)中排名第9，本月逾期工单4件。",
     [("score", 81.3, "北关街道"), ("rank", 9.0, "北关街道"), ("overdue", 4.0, "北关街道")]),
    ("县民政局承办30件，另有2件超期未办结，4件因群众不满意被退回重办。",
     [("volume", 30.0, "县民政局"), ("overdue", 2.0, "县民政局"), ("reopened", 4.0, "县民政局")]),
    # an office named for its work is a unit (a government office issuing the circular is not)
    ("市燃气管理办公室受理诉求412件。", [("volume", 412.0, "市燃气管理办公室")]),
    ("西湖街道、东湖街道本季度均有逾期工单3件。", [("overdue", 3.0, "西湖街道"), ("overdue", 3.0, "东湖街道")]),
    # 分别 pairs a list whose last name runs on into other words, or that follows 但
    ("经开区、高新区全年不合理退单分别为21件、16件。", [("reopened", 21.0, "经开区"), ("reopened", 16.0, "高新区")]),
    ("全年超期工单812件，但城南区、城北区分别仍有215件、198件。",
     [("overdue", 812.0, None), ("overdue", 215.0, "城南区"), ("overdue", 198.0, "城北区")]),
    # a group's share is no category's share; 其余 is no topic
    ("咨询类4,100件、投诉类2,900件，两者合计占71.2%。",
     [("category_count", 4100.0, None), ("category_count", 2900.0, None), ("share", 71.2, None)]),
    # the parts of a total whose keyword follows it (`12项超期事项…。其中，A 4项，B、C各3项`)
    ("12项超期事项分布在4个单位。其中，县水利局4项，城南镇、城北镇各3项。",
     [("overdue", 12.0, None), ("overdue", 4.0, "县水利局"), ("overdue", 3.0, "城南镇"), ("overdue", 3.0, "城北镇")]),
    # 均得 gives each unit of a list whose last name runs on the score
    ("城关镇、河口乡本季度“710”督办考核均得97分。", [("score", 97.0, "城关镇"), ("score", 97.0, "河口乡")]),
    # 各被退回重办: the words before a run of one rule's keywords; 三项合计 is a group
    ("城南分局、城北分局本季度各被退回重办工单6件。", [("reopened", 6.0, "城南分局"), ("reopened", 6.0, "城北分局")]),
    ("表扬、建议、其他三项合计占9.8%。", [("share", 9.8, None)]),
    ("县林业局承接量最少，仅41件。", [("volume", 41.0, "县林业局")]),
    # fewer placings than units scored in the sentence: the last units take them
    ("满意率方面，甲县以98.6%居全市首位，乙县、丙县分别以98.1%、97.9%位居第二、第三。",
     [("satisfaction_rate", 98.6, "甲县"), ("satisfaction_rate", 98.1, "乙县"), ("satisfaction_rate", 97.9, "丙县"),
      ("rank", 2.0, "乙县"), ("rank", 3.0, "丙县")]),
    # a unit and its superlative, then the value
    ("满意率方面，东坑镇最低，为95.62%。", [("satisfaction_rate", 95.62, "东坑镇")]),
    # an anonymised place (某小区) is no unit; one caller's calls are a case detail
    ("群众反映某小区停水问题，诉求人累计来电5次。", []),
    ("从诉求内容看，物业管理(120件)、交通出行(90件)；其余30件涉及其他领域。",
     [("category_count", 120.0, None), ("category_count", 90.0, None)]),
    # the clauses after a group's figure speak of the group, and so does 总体…
    ("全县8个乡镇和县直部门、园区管委会共承办工单1,520件，办结1,498件，总体满意率96.1%。",
     [("volume", 1520.0, None), ("completed", 1498.0, None), ("satisfaction_rate", 96.1, None)]),
    # items the keyword before only qualifies (`报送的N篇`) take the keyword after them
    ("其中，县文旅局报送的3条信息被市政府网站采用；另有5篇稿件被省级媒体采用。",
     [("adopted", 3.0, "县文旅局"), ("adopted", 5.0, None)]),
    # a 、 inside brackets does not part the list; a quoted programme after a name ends it
    ("市公安局(户籍、车管窗口)、市税务局分别办理8,200件、6,100件；市医保局“一站式结算”窗口办件900余件。",
     [("volume", 8200.0, "市公安局(户籍、车管窗口)"), ("volume", 6100.0, "市税务局"), ("volume", 900.0, "市医保局")]),
    # a semicolon inside brackets parts two details of one unit, not two sentences
    ("退回较多的是：城北街道(退回5件；回访满意率91.3%)、县水务局(退回4件；回访满意率93%)。",
     [("reopened", 5.0, "城北街道"), ("satisfaction_rate", 91.3, "城北街道"),
      ("reopened", 4.0, "县水务局"), ("satisfaction_rate", 93.0, "县水务局")]),
    # a legend says what the numbers in each unit's bracket are, in order
    ("各街道办理情况如下(括号内数字分别为受理量和满意率)：\n东城街道(1,024件，96.2%)、西城街道(877件，94.5%)。",
     [("volume", 1024.0, "东城街道"), ("satisfaction_rate", 96.2, "东城街道"),
      ("volume", 877.0, "西城街道"), ("satisfaction_rate", 94.5, "西城街道")]),
    # a count moved to is the figure, the one moved from is not
    ("县信访局重复来电由上季度的26件减少到9件。", [("reopened", 9.0, "县信访局")]),
    # a zero for units listed in the clause before is each one's; 均得满分N分 gives each the score
    ("城关镇、河西乡等单位工单全部按时办结，超期数为0。", [("overdue", 0.0, "城关镇"), ("overdue", 0.0, "河西乡")]),
    ("东街社区、西街社区等9个社区本月未发生退单，考核均得满分100分。",
     [("score", 100.0, "东街社区"), ("score", 100.0, "西街社区")]),
    # a named town's service centre is a unit (the area's own centre is not); 件次之 is `next`, not 件次;
    # units in parallel after a semicolon, joined by 、, take the keyword of the unit figure before
    ("城北街道便民服务中心受理量最大，为2.1万件；东湖镇1.6万件、西湖镇1.2万件次之。",
     [("volume", 21000.0, "城北街道便民服务中心"), ("volume", 16000.0, "东湖镇"), ("volume", 12000.0, "西湖镇")]),
    ("县不动产登记服务中心收到差评6件。", [("volume", 6.0, "县不动产登记服务中心")]),
    # a bare part after a semicolon speaks of the unit heading the part before (not of a list's last unit)
    ("县水务局受理120件，办结率98.3%；退回重办3件；县林业局受理45件。",
     [("volume", 120.0, "县水务局"), ("completion_rate", 98.3, "县水务局"), ("reopened", 3.0, "县水务局"),
      ("volume", 45.0, "县林业局")]),
    ("本月超期工单20件，其中东镇8件、西镇5件；退回重办11件。",
     [("overdue", 20.0, None), ("overdue", 8.0, "东镇"), ("overdue", 5.0, "西镇"), ("reopened", 11.0, None)]),
    # a placing that names its unit after it (第一名为A, 排名第二的是A); 倒数第N is no placing
    ("乡镇考核第一名为城西镇(98.4分)，县直部门排名第二的是县医保局。",
     [("rank", 1.0, "城西镇"), ("score", 98.4, "城西镇"), ("rank", 2.0, "县医保局")]),
    ("县林业局、县水务局得分分别为81分、80分，分列倒数第二、倒数第一。",
     [("score", 81.0, "县林业局"), ("score", 80.0, "县水务局")]),
    # `A、B和C…分别为`: a last part joining two names is two units (县住房和城乡建设局 stays one)
    ("东湖街道、西湖镇和县水利局退单分别为12件、9件和4件。",
     [("reopened", 12.0, "东湖街道"), ("reopened", 9.0, "西湖镇"), ("reopened", 4.0, "县水利局")]),
    # falsely closed tickets are sent back, not completed; a two-character county heads its clause
    ("回访发现虚假办结工单26件，虚假办结率0.8%。", [("reopened", 26.0, None)]),
    # 另有 leads a category; a recipient (向X市…局) is no unit, a place starting with 于 is (于都县)
    ("另有建议类31件、其他类12件。", [("category_count", 31.0, None), ("category_count", 12.0, None)]),
    ("向宜春市政府办公室报送信息76条，被采用21条；于都县供电公司承办工单88件。",
     [("submitted", 76.0, None), ("adopted", 21.0, None), ("volume", 88.0, "于都县供电公司")]),
    # the most a unit can score is no score
    ("考核满分为100分，城东镇得96.5分。", [("score", 96.5, "城东镇")]),
    # 其中 after a comma: the parts of the total just given, by unit or by channel, take its
    # keyword; a kind of item (批示件) is no unit, and the total's own change may stand between
    ("全县共受理诉求4,120件，其中电话渠道2,960件、网络渠道1,160件。",
     [("volume", 4120.0, None), ("volume", 2960.0, None), ("volume", 1160.0, None)]),
    ("受理总量3.2万件，同比增长8.1%。其中热线电话2.6万件，微信、小程序等渠道0.6万件。",
     [("volume", 32000.0, None), ("change_rate", 8.1, None), ("volume", 26000.0, None), ("volume", 6000.0, None)]),
    ("本月有9件工单超过承诺时限办结，其中区住建局5件、城南街道4件。",
     [("overdue", 9.0, None), ("overdue", 5.0, "区住建局"), ("overdue", 4.0, "城南街道")]),
    ("本季度共交办督办事项312项，较上季度增加41项。其中，县委、县政府年度重点工作任务128项。",
     [("volume", 312.0, None)]),
    # a keyword right after the number outweighs the sentence's list keyword; 各有 gives each
    ("部门办理情况：区教育局被退回重办工单5件；区卫健局有2件工单因无法联系诉求人申请延期。",
     [("reopened", 5.0, "区教育局"), ("overdue", 2.0, "区卫健局")]),
    ("城东镇、城西镇各有2件工单未在规定时限内办结。", [("overdue", 2.0, "城东镇"), ("overdue", 2.0, "城西镇")]),
    # `B最低，为…` after a semicolon runs parallel to `A…最高，为…`; 上述单位 are the units just listed
    ("各镇中，城关镇满意率最高，为99.2%；河口镇最低，为91.5%。",
     [("satisfaction_rate", 99.2, "城关镇"), ("satisfaction_rate", 91.5, "河口镇")]),
    ("差评较多的是县公安局12条、县医保局9条。上述单位好评率分别为98.1%、98.6%。",
     [("volume", 12.0, "县公安局"), ("volume", 9.0, "县医保局"),
      ("satisfaction_rate", 98.1, "县公安局"), ("satisfaction_rate", 98.6, "县医保局")]),
    # 全中心 is the whole; the centre of one level (县本级) is a unit
    ("全中心累计超期办件27件。", [("overdue", 27.0, None)]),
    ("县本级政务服务中心受理办件4,210件，环比下降2.1%。",
     [("volume", 4210.0, "县本级政务服务中心"), ("change_rate", -2.1, "县本级政务服务中心")]),
    # changes for each measure listed, 百分点 written once
    ("满意率、按期办结率同比分别提升2.1个和0.9个百分点。",
     [("change_rate", 2.1, None), ("change_rate", 0.9, None)]),
    ("受理量、办结量同比分别增长12.1%和9.8%。", [("change_rate", 12.1, None), ("change_rate", 9.8, None)]),
    # a list whose last name runs into other words, sharing 均 or a rate of 100%; 其余 units are none of those named
    ("县直部门中，县税务局、县人社局涉企工单按期办结率均为100%。",
     [("completion_rate", 100.0, "县税务局"), ("completion_rate", 100.0, "县人社局")]),
    ("城南街道、城北街道工单按期办结率达到百分之百。",
     [("completion_rate", 100.0, "城南街道"), ("completion_rate", 100.0, "城北街道")]),
    ("区住建局、区城管局各超期2件，其余3个单位各超期1件。",
     [("overdue", 2.0, "区住建局"), ("overdue", 2.0, "区城管局"), ("overdue", 1.0, None)]),
    # placings and scores shared by the units of the clause before
    ("县医保局、城关镇满意率均为100%，考核得分并列第1名。",
     [("satisfaction_rate", 100.0, "县医保局"), ("satisfaction_rate", 100.0, "城关镇"),
      ("rank", 1.0, "县医保局"), ("rank", 1.0, "城关镇")]),
    ("河口乡、新华乡并列第二，均为97.9分。",
     [("rank", 2.0, "河口乡"), ("rank", 2.0, "新华乡"), ("score", 97.9, "河口乡"), ("score", 97.9, "新华乡")]),
    # a bracket opened right after a unit (or its keyword's bracket) is the unit's; a name after 的
    ("表现较差的是：县水利局(79.5分，督办事项超期2件、工单重办6件)、城北镇(83分)。",
     [("score", 79.5, "县水利局"), ("overdue", 2.0, "县水利局"), ("reopened", 6.0, "县水利局"), ("score", 83.0, "城北镇")]),
    ("退单较多的是县民政局(退单工单21件)和县人社局(退单工单17件)。",
     [("reopened", 21.0, "县民政局"), ("reopened", 17.0, "县人社局")]),
    ("对得分低于85分的县交通局(82.5分)、河西镇(84分)予以通报。",
     [("score", 82.5, "县交通局"), ("score", 84.0, "河西镇")]),
    # a total after counts of one metric; a category's count in brackets after its share
    ("本月接收派发工单1,204件，自主受理诉求96件，合计1,300件。",
     [("volume", 1204.0, None), ("volume", 96.0, None), ("volume", 1300.0, None)]),
    ("求助类占比最高，为38.5%(502件)，咨询类、投诉类分别占31.2%、20.4%。",
     [("category_share", 38.5, None), ("category_count", 502.0, None),
      ("category_share", 31.2, None), ("category_share", 20.4, None)]),
    # a clause about all units of a kind (居各乡镇之首) does not stop the subject
    ("城关镇承办工单208件，居各乡镇之首，按期办结率99.5%，满意率96.2%。",
     [("volume", 208.0, "城关镇"), ("completion_rate", 99.5, "城关镇"), ("satisfaction_rate", 96.2, "城关镇")]),
    # a level (市级) before a keyword is no unit: the subject carries on
    ("县教育局报送38条，被县级采用16条、市级采用8条，采用率42.1%。",
     [("submitted", 38.0, "县教育局"), ("adopted", 16.0, "县教育局"), ("adopted", 8.0, "县教育局"),
      ("adoption_rate", 42.1, "县教育局")]),
    # people's organisations are units; …、B和C before 依次为 are three
    ("县侨联、县文联仅各报送1条。", [("submitted", 1.0, "县侨联"), ("submitted", 1.0, "县文联")]),
    ("县教育局、县卫健局和县民政局报送较多，依次为34条、29条、25条。",
     [("submitted", 34.0, "县教育局"), ("submitted", 29.0, "县卫健局"), ("submitted", 25.0, "县民政局")]),
    # 根据… is no subject
    ("根据市政府办公室通报，我县政务信息工作综合得分在全市9个县区中排名第2位。", [("rank", 2.0, None)]),
    # a 分别 list after a semicolon runs parallel to the unit figure of its kind before
    ("从承办单位看，城关街道受理量最多，达612件，办结率99.3%；东关街道、西关街道分别为538件和497件。",
     [("volume", 612.0, "城关街道"), ("completion_rate", 99.3, "城关街道"),
      ("volume", 538.0, "东关街道"), ("volume", 497.0, "西关街道")]),
    # 县本级 is a unit, 各乡镇合计 a group; a name ends before 依托 or a month
    ("其中，县本级办件8.6万件，各乡镇合计办件22.6万件。", [("volume", 86000.0, "县本级"), ("volume", 226000.0, None)]),
    ("县医疗保障局依托村级服务站代办医保业务1,426件。", [("volume", 1426.0, "县医疗保障局")]),
    ("城关镇便民服务中心8月办件量环比下降23.6%。", [("change_rate", -23.6, "城关镇便民服务中心")]),
    # 该窗口 is the window just named; 占中心… is no unit
    ("婚姻登记窗口办件量最多，受理1,842件，占中心受理总量的16.5%。该窗口当场办结率达91.3%。",
     [("volume", 1842.0, "婚姻登记窗口"), ("share", 16.5, "婚姻登记窗口"),
      ("direct_resolution_rate", 91.3, "婚姻登记窗口")]),
    # 共 after a list: the group's total, no unit's; 各 after a semicolon: each of the units
    ("城南街道、城北街道、河口镇共承接督办事项38件。", [("volume", 38.0, None)]),
    ("东关街道、西关街道签收超时工单分别为9件和7件；区城管局、区住建局各5件。",
     [("overdue", 9.0, "东关街道"), ("overdue", 7.0, "西关街道"), ("overdue", 5.0, "区城管局"), ("overdue", 5.0, "区住建局")]),
    ("区教育局有3件留言超期未回复。", [("overdue", 3.0, "区教育局")]),
    ("重新交办的工单63件，其中东关街道、西关街道均有7件，区教育局有5件。",
     [("reopened", 63.0, None), ("reopened", 7.0, "东关街道"), ("reopened", 7.0, "西关街道"), ("reopened", 5.0, "区教育局")]),
    # per-mille shares; a bare bracketed rate goes on with the rate a bracket before named
    ("不满意工单占转派工单总量的4.8‰。", [("share", 4.8, None)]),
    ("全县转派工单3.2万件，其中城关镇11,874件(满意率93.1%)、河口镇7,650件(94.2%)。",
     [("volume", 32000.0, None), ("volume", 11874.0, "城关镇"), ("satisfaction_rate", 93.1, "城关镇"),
      ("volume", 7650.0, "河口镇"), ("satisfaction_rate", 94.2, "河口镇")]),
    # after a semicolon, the last unit figure of the kind before; a bracket right after a unit's figure is the unit's
    ("城关镇、河口镇诉求量分别为6.83万件、4.12万件，合计占全县的55.8%；新华镇1.41万件(同比增长3.6%、环比下降2.2%)。",
     [("volume", 68300.0, "城关镇"), ("volume", 41200.0, "河口镇"), ("share", 55.8, None),
      ("volume", 14100.0, "新华镇"), ("change_rate", 3.6, "新华镇"), ("change_rate", -2.2, "新华镇")]),
    # a unit's bracket of bare numbers gives the measures of the unit before, in its order
    ("城关镇受理工单1,286件，按期办结率98.6%；河口镇(1,042件，97.9%)、新华镇(865件，99.1%)次之。",
     [("volume", 1286.0, "城关镇"), ("completion_rate", 98.6, "城关镇"), ("volume", 1042.0, "河口镇"),
      ("completion_rate", 97.9, "河口镇"), ("volume", 865.0, "新华镇"), ("completion_rate", 99.1, "新华镇")]),
    # after a semicolon, the list before still runs parallel past a keyword of its own measure
    ("办结率方面，东关街道(99.2%)、西关街道(98.7%)等3个街道办结率高于98%；河口镇(95.1%)、新华镇(94.6%)排名靠后。",
     [("completion_rate", 99.2, "东关街道"), ("completion_rate", 98.7, "西关街道"),
      ("completion_rate", 95.1, "河口镇"), ("completion_rate", 94.6, "新华镇")]),
    # a breakdown in brackets (其中 or 含), by channel, by unit or by a kind of unit; the clause
    # after the bracket speaks of the total again
    ("全市共受理诉求8.46万件(其中电话来件6.12万件、网络平台来件2.34万件)，同比增长4.2%。",
     [("volume", 84600.0, None), ("volume", 61200.0, None), ("volume", 23400.0, None), ("change_rate", 4.2, None)]),
    ("全县共受理工单1.2万件(其中城关镇3,368件、河口镇1,745件)，同比增长5%。",
     [("volume", 12000.0, None), ("volume", 3368.0, "城关镇"), ("volume", 1745.0, "河口镇"), ("change_rate", 5.0, None)]),
    ("派至区属部门4,279件(含公共服务企业1,136件)，按期办结率97.2%。",
     [("volume", 4279.0, None), ("volume", 1136.0, None), ("completion_rate", 97.2, None)]),
    ("转派区县(市)、管理区及市直单位工单82,301件。", [("volume", 82301.0, None)]),
    # circled numbers are ordinals, not part of the unit's name
    ("②七里墩街道承办218件，办结216件，满意率95.3%；", [("volume", 218.0, "七里墩街道"), ("completed", 216.0, "七里墩街道"),
                                            ("satisfaction_rate", 95.3, "七里墩街道")]),
    # what a unit received of a category is the unit's volume
    ("区城市管理局本月承办市容环境类工单412件，占全区工单总量的9.8%。",
     [("volume", 412.0, "区城市管理局"), ("share", 9.8, "区城市管理局")]),
    ("市容环境类工单412件，占全区工单总量的9.8%。", [("category_count", 412.0, None), ("category_share", 9.8, None)]),
    # counts and changes written in Chinese numerals; a short quoted name may stand before the count
    ("本月共受理群众诉求三千四百零六件，环比提高零点六个百分点；办理“跨省通办”业务二百一十件。",
     [("volume", 3406.0, None), ("change_rate", 0.6, None), ("volume", 210.0, None)]),
    ("全县办好十件民生实事，一次办好。", []),
    # placings given as a range after 分列 go to the units listed before, one each
    ("城关镇、河口镇、新华镇受理量分列第2至4位。", [("rank", 2.0, "城关镇"), ("rank", 3.0, "河口镇"), ("rank", 4.0, "新华镇")]),
    ("区住建局、区城管局评价量分列第一至第二名。", [("rank", 1.0, "区住建局"), ("rank", 2.0, "区城管局")]),
    ("城关镇、河口镇、新华镇得分居前三位。", []),
    # 苏木/嘎查 are townships and villages; 全旗/全盟/全州 speak for the whole area
    ("全旗按时签收率99.1%；伊敏苏木代办126件，巴彦嘎查受理诉求12件。",
     [("response_rate", 99.1, None), ("volume", 126.0, "伊敏苏木"), ("volume", 12.0, "巴彦嘎查")]),
    # a series by period: each period's count goes on with the keyword of the first; 分别 after
    # a list of months gives one figure per month
    ("分季度看，一季度受理8,206件，二季度9,465件，三季度10,320件。",
     [("volume", 8206.0, None), ("volume", 9465.0, None), ("volume", 10320.0, None)]),
    ("上半年共报送信息612条，其中1月98条、2月87条。", [("submitted", 612.0, None), ("submitted", 98.0, None), ("submitted", 87.0, None)]),
    ("4月、5月满意率分别为95.2%和96.1%。", [("satisfaction_rate", 95.2, None), ("satisfaction_rate", 96.1, None)]),
    ("一季度受理8,206件，办结8,011件，二季度9,465件。", [("volume", 8206.0, None), ("completed", 8011.0, None)]),
    # a unit's score goes on past the points taken off it; its 总得分 is its own
    ("河口镇超时签收工单4件，扣2分，总得分93.5分。", [("overdue", 4.0, "河口镇"), ("score", 93.5, "河口镇")]),
    # a name with a bracket inside it (`(集团)`) is one name
    ("市燃气(集团)有限公司承办工单612件，得分95.4分。", [("volume", 612.0, "市燃气(集团)有限公司"), ("score", 95.4, "市燃气(集团)有限公司")]),
    # bullets (◆ ▲ ★) are no part of a unit's name; a numbered line may open with a category
    ("◆ 城关镇：办结率100%，企业满意率99.1%，综合考评排名第1位；",
     [("completion_rate", 100.0, "城关镇"), ("satisfaction_rate", 99.1, "城关镇"), ("rank", 1.0, "城关镇")]),
    ("▲ 河口镇受理企业诉求612件，企业满意率98.7%；", [("volume", 612.0, "河口镇"), ("satisfaction_rate", 98.7, "河口镇")]),
    ("热点如下：\n1.城乡建设类1,842件，占12.6%；\n2.交通运输类926件，占6.3%；",
     [("category_count", 1842.0, None), ("category_share", 12.6, None), ("category_count", 926.0, None), ("category_share", 6.3, None)]),
    # counts by period after a by-period lead are requests received
    ("分月度看，1月2,034件、2月1,786件、3月2,291件。", [("volume", 2034.0, None), ("volume", 1786.0, None), ("volume", 2291.0, None)]),
    # a name that starts with a keyword (转派…) is no unit's
    ("共接收工单4,128件，其中转派镇(街道)办理2,876件，转派区直部门1,252件。",
     [("volume", 4128.0, None), ("volume", 2876.0, None), ("volume", 1252.0, None)]),
    # `B、C次之，分别为…` after a semicolon runs parallel to the unit figure before
    ("城关街道受理量最大，达1.87万件；河口镇、新华镇次之，分别为9,860件、8,423件。",
     [("volume", 18700.0, "城关街道"), ("volume", 9860.0, "河口镇"), ("volume", 8423.0, "新华镇")]),
    # a unit said once in brackets for the bare numbers listed after it
    ("各镇承办量(单位：件)由高到低依次为：城关镇246、河口镇198。", [("volume", 246.0, "城关镇"), ("volume", 198.0, "河口镇")]),
    ("按满意率(%)排序，后两位依次为：新华镇84.6、东湖镇86.1。", [("satisfaction_rate", 84.6, "新华镇"), ("satisfaction_rate", 86.1, "东湖镇")]),
    # items listed after another keyword that add up to a total given before are its parts
    ("本月超期工单共12件，已全部下发督办单，涉及3个单位：县供热公司(7件)、城关镇(3件)、县水利局(2件)。",
     [("overdue", 12.0, None), ("overdue", 7.0, "县供热公司"), ("overdue", 3.0, "城关镇"), ("overdue", 2.0, "县水利局")]),
    # a 分别 list of numbers before a keyword that follows them all
    ("河口镇、新华镇分别有7件、5件工单超期办结。", [("overdue", 7.0, "河口镇"), ("overdue", 5.0, "新华镇")]),
    # 上述单位…均 after a sentence that listed units after its colon: each of them
    ("办理质效较好的单位有：河口镇、新华镇、县医保局。上述单位本月按期办结率均达到100%。",
     [("completion_rate", 100.0, "河口镇"), ("completion_rate", 100.0, "新华镇"), ("completion_rate", 100.0, "县医保局")]),
    # the unit named after a placing (第一名为X) goes on into the next clause
    ("部门组考评第一名为县医保局，得分99.1分。", [("rank", 1.0, "县医保局"), ("score", 99.1, "县医保局")]),
    # tenths (成) are percentages, bounds and 近/逾 making them approximate; not 一成不变, 八成新
    ("群众满意率逾九成，按期办结率七成以上。", [("satisfaction_rate", 90.0, None), ("completion_rate", 70.0, None)]),
    ("超期工单较上月减少约两成。", [("change_rate", -20.0, None)]),
    ("坚决杜绝一成不变的工作方式，更换八成新的设备。", []),
    # a numbered team or a shift is a unit (话务二班, 夜班组); not a list ordinal (第一组同志)
    ("话务二班平均得分95.3分，排名第二；夜班组93.8分。",
     [("score", 95.3, "话务二班"), ("rank", 2.0, "话务二班"), ("score", 93.8, "夜班组")]),
    # a period, a procedure or a group of offices before the keyword is no unit's name
    ("各村(社区)、镇直各站所共向镇党政办报送政务信息38条，被县政府门户网站采用7条。",
     [("submitted", 38.0, None), ("adopted", 7.0, None)]),
    ("第三季度乡镇(街道)政务服务好差评共收到差评52条。", [("volume", 52.0, None)]),
    ("经审核在县人民政府网站刊发41条。", [("adopted", 41.0, None)]),
    ("开发区各科室经复核向区政府办报送信息26条。", [("submitted", 26.0, None)]),
    ("赵各庄镇94.60分。", [("score", 94.6, "赵各庄镇")]),   # (各 inside a place name)
    # a numbered line that describes a group of units names none of them
    ("(一)排名靠前的县(市、区)。本月综合得分97.84分。", [("score", 97.84, None)]),
    # a sentence of the same line opening with units and their numbers goes on with the measure
    # of the sentence before (a unit's, or the whole area's)
    ("城西街道回访满意率98.6%，居首位。东坡街道97.1%、江北街道96.8%，低于平均。",
     [("satisfaction_rate", 98.6, "城西街道"), ("satisfaction_rate", 97.1, "东坡街道"),
      ("satisfaction_rate", 96.8, "江北街道")]),
    ("全区工单按期办结率为96.5%。超过平均的有河口镇(98.2%)和新华镇(97.0%)。",
     [("completion_rate", 96.5, None), ("completion_rate", 98.2, "河口镇"), ("completion_rate", 97.0, "新华镇")]),
    ("全区受理工单5210件。\n河口镇320件。", [("volume", 5210.0, None)]),   # (not across lines)
    # `N项指标分别为…` after another unit's rates: the same measures, in their order
    ("县供电公司按时签收率99.2%，满意率90.4%；县自来水公司承办812件，两项指标分别为98.7%、88.1%。",
     [("response_rate", 99.2, "县供电公司"), ("satisfaction_rate", 90.4, "县供电公司"), ("volume", 812.0, "县自来水公司"),
      ("response_rate", 98.7, "县自来水公司"), ("satisfaction_rate", 88.1, "县自来水公司")]),
    # a destination (向职能部门…转派) is no unit; 向阳镇 is
    # units in parallel after a semicolon go on past a comma when each is `X为…`
    ("县医保局、县税务局按时签收率均为100%；县供电公司为98.7%，县燃气公司为97.2%。",
     [("response_rate", 100.0, "县医保局"), ("response_rate", 100.0, "县税务局"),
      ("response_rate", 98.7, "县供电公司"), ("response_rate", 97.2, "县燃气公司")]),
    # units listed by area are their requests (`分镇街看，A镇最多，为…`), unless the line's total counts
    # something else; a parallel list after a semicolon goes on past commas
    ("本月受理诉求1,236件。分镇街看，城关镇最多，为312件，河口镇208件，新华镇97件。",
     [("volume", 1236.0, None), ("volume", 312.0, "城关镇"), ("volume", 208.0, "河口镇"), ("volume", 97.0, "新华镇")]),
    ("本月超期工单共41件。分地区看：城关镇12件，河口镇9件。",
     [("overdue", 41.0, None), ("overdue", 12.0, "城关镇"), ("overdue", 9.0, "河口镇")]),
    ("城关镇、河口镇受理量分别为412件、388件；新华镇215件，东湖镇198件。",
     [("volume", 412.0, "城关镇"), ("volume", 388.0, "河口镇"), ("volume", 215.0, "新华镇"), ("volume", 198.0, "东湖镇")]),
    # ... and when they add up to a total given before, of something else, they are its parts
    ("本月受理工单1,204件，超期工单23件。\n分乡镇看，城关镇10件，河口镇8件，新华镇5件。",
     [("volume", 1204.0, None), ("overdue", 23.0, None),
      ("overdue", 10.0, "城关镇"), ("overdue", 8.0, "河口镇"), ("overdue", 5.0, "新华镇")]),
    ("本月工单中，从承办单位看，县自然资源局205件，县交通运输局187件。",
     [("volume", 205.0, "县自然资源局"), ("volume", 187.0, "县交通运输局")]),
    # the parts of a total after 其中 in the next sentence, past 承办单位 (a noun, no keyword), and
    # units sharing a number (`A和B各1件`) at the end of the list
    ("抽查发现虚假办结工单12件，已责成承办单位限期重办。其中，城关镇6件、新华镇4件、河口镇和东湖镇各1件。",
     [("reopened", 12.0, None), ("reopened", 6.0, "城关镇"), ("reopened", 4.0, "新华镇"),
      ("reopened", 1.0, "河口镇"), ("reopened", 1.0, "东湖镇")]),
    ("涉及县直部门的超期工单7件，分别为县水利局4件、县林业局3件。",
     [("overdue", 7.0, None), ("overdue", 4.0, "县水利局"), ("overdue", 3.0, "县林业局")]),
    # a terse list after a label: a clause that is only a unit's name, then one with only its number
    # (in Chinese numerals too, a single digit when it stands alone as the clause)
    ("按时签收率偏低：河口镇，87.5%；县水务局，百分之八十九点二。",
     [("response_rate", 87.5, "河口镇"), ("response_rate", 89.2, "县水务局")]),
    ("退单较多的单位：城关镇，十二件；县林业局，三件。", [("reopened", 12.0, "城关镇"), ("reopened", 3.0, "县林业局")]),
    ("为群众办成一件事，共办理三件。", [("volume", 3.0, None)]),
    # placings named after a colon, with the unit's score in the next clause (in Chinese numerals too);
    # a single Chinese digit in its own bracket or after 各; 三十分钟 is no score
    ("第一名：柳河乡，九十七点四分；第二名：白马镇，96.1分。",
     [("rank", 1.0, "柳河乡"), ("score", 97.4, "柳河乡"), ("rank", 2.0, "白马镇"), ("score", 96.1, "白马镇")]),
    ("退单较多的是城关镇(八件)和县林业局(五件)，河口镇、新华镇各二件。",
     [("reopened", 8.0, "城关镇"), ("reopened", 5.0, "县林业局"), ("reopened", 2.0, "河口镇"), ("reopened", 2.0, "新华镇")]),
    ("平均通话时长三十分钟。", []),
    # a keyword after the number past the kind of item (督办事项, 交办件), not past a count of reminders
    ("市林业局有4项督办事项逾期，市水务局有2项交办事项超期。", [("overdue", 4.0, "市林业局"), ("overdue", 2.0, "市水务局")]),
    ("该件经3次督办仍未办结。", []),
    # problems of a list are counted in 个; units counted are not figures
    ("本季度问题清单共列入问题42个，涉及9个单位，已整改到位35个，正在整改7个。",
     [("volume", 42.0, None), ("completed", 35.0, None), ("pending", 7.0, None)]),
    # `较少，各为a、b` pairs in order; a qualifier (涉企) before the items of a keyword after the number;
    # 一度降至/回升至 before a rate; a category does not start with 以
    ("城关镇和河口镇受理量较少，各为96件、82件。", [("volume", 96.0, "城关镇"), ("volume", 82.0, "河口镇")]),
    ("新华镇有5件涉企工单超时办结。", [("overdue", 5.0, "新华镇")]),
    ("人工接通率一度降至52.3%，24日接通率回升至80.1%。", [("connection_rate", 52.3, None), ("connection_rate", 80.1, None)]),
    # a count then `，已全部退回…重新办理` is of items sent back to be redone (not when the return has its own count)
    ("抽查发现敷衍办结的工单58件，已全部退回承办单位重新办理。", [("reopened", 58.0, None)]),
    ("按期办结1,794件，退回重办31件。", [("completed", 1794.0, None), ("reopened", 31.0, None)]),
    # a keyword after the number past a reason (因…，经…) or a matter (涉及…); the longest keyword there
    ("另有4项因需跨部门协调，经批准延期办理。", [("overdue", 4.0, None)]),
    ("另有3件涉及征地拆迁遗留问题，仍在协调办理中。", [("pending", 3.0, None)]),
    ("县水利局有2件涉及河道清淤的工单超期未办结。", [("overdue", 2.0, "县水利局")]),
    # names then an evaluation (较多) before 分别为 still pair in order; X次之 in a parallel list; 代办量
    ("从代办量看，东风社区、西湖村较多，分别为301件、254件。", [("volume", 301.0, "东风社区"), ("volume", 254.0, "西湖村")]),
    ("分窗口看，社保窗口办件量最大，达2,317件；民政窗口次之，1046件。",
     [("volume", 2317.0, "社保窗口"), ("volume", 1046.0, "民政窗口")]),
    # `均保持100%` for units and measures listed (not a lone 保持, a target's word); items of a
    # keyword after the number named 建议提案; 代表委员 are no unit
    ("河口镇、新华镇办结率、满意率均保持100%。",
     [("completion_rate", 100.0, "河口镇"), ("completion_rate", 100.0, "新华镇"),
      ("satisfaction_rate", 100.0, "河口镇"), ("satisfaction_rate", 100.0, "新华镇")]),
    ("确保差评整改率保持100%。", []),
    ("另有9件建议提案超过法定期限未答复。", [("overdue", 9.0, None)]),
    ("代表委员对办理工作的满意率为96.4%。", [("satisfaction_rate", 96.4, None)]),
    # the government itself (市政府) is the reporting body; a lead unit's items (牵头N件) are its volume
    ("市政府共承办代表建议98件，县交通运输局牵头7件。", [("volume", 98.0, None), ("volume", 7.0, "县交通运输局")]),
    # a numbered line of a unit, a comma and its score speaks of the unit throughout
    ("得分靠后的两个村：\n1.北庄村，82.6分。超时签收工单5件；\n2.南湾村，84.0分。",
     [("score", 82.6, "北庄村"), ("overdue", 5.0, "北庄村"), ("score", 84.0, "南湾村")]),
    # a keyword after the number past a qualifier of the items (涉及…的工单)
    ("县自然资源局有4件反映宅基地审批的工单超期未办结。", [("overdue", 4.0, "县自然资源局")]),
    # a value before `的单位有：` and a list of units is each unit's; a bound (以上, 低于) is none
    ("群众满意率为100%的部门有：县医保局、县税务局。回访率达98%以上的单位有6个。",
     [("satisfaction_rate", 100.0, "县医保局"), ("satisfaction_rate", 100.0, "县税务局")]),
    ("向职能部门和乡镇(街道)转派工单2,318件。向阳镇转派工单61件。", [("volume", 2318.0, None), ("volume", 61.0, "向阳镇")]),
    # several units × several measures: by measure (groups parted by 和 or ，) or by unit (、)
    ("城关镇、新华镇的办结率、满意率分别为95%、96%和97%、98%。",
     [("completion_rate", 95.0, "城关镇"), ("completion_rate", 96.0, "新华镇"),
      ("satisfaction_rate", 97.0, "城关镇"), ("satisfaction_rate", 98.0, "新华镇")]),
    ("县医保局、县税务局、县供电公司受理量、办结量分别为120件、110件、100件，115件、108件、99件。",
     [("volume", 120.0, "县医保局"), ("volume", 110.0, "县税务局"), ("volume", 100.0, "县供电公司"),
      ("completed", 115.0, "县医保局"), ("completed", 108.0, "县税务局"), ("completed", 99.0, "县供电公司")]),
    ("市城管局、市水利局的按时签收率、满意率分别为96.8%和92.5%、99.1%和97.8%。",
     [("response_rate", 96.8, "市城管局"), ("satisfaction_rate", 92.5, "市城管局"),
      ("response_rate", 99.1, "市水利局"), ("satisfaction_rate", 97.8, "市水利局")]),
    # two to ten 件 in Chinese numerals closing a clause; not 一件 in a slogan, not aspects (项)
    ("本月逾期签收督办件共九件，其中县教育局四件、城关镇两件。县水利局退回重办十件。",
     [("overdue", 9.0, None), ("overdue", 4.0, "县教育局"), ("overdue", 2.0, "城关镇"), ("reopened", 10.0, "县水利局")]),
    ("做到办结一件、销号一件。评分包括响应时效、办理质量和满意度三项。", []),
    # `，退回重办六件` has a count of its own: the count before is not sent back; a clause ranking the
    # unit among 县直部门 (a scope, no unit) still lets the next part speak of it
    ("县民政局承办35件，退回重办四件。", [("volume", 35.0, "县民政局"), ("reopened", 4.0, "县民政局")]),
    ("县交通运输局办结率81.2%，为县直部门最低；超期未办结8件。",
     [("completion_rate", 81.2, "县交通运输局"), ("overdue", 8.0, "县交通运输局")]),
    # zero counts: in brackets before a keyword the list shares (after a time or a run of months),
    # and in words after 为; not a kind of unit (为零的单位) nor after a count of units
    ("城南街道(0件)、城北街道(0件)连续两个月未发生超期办结。",
     [("overdue", 0.0, "城南街道"), ("overdue", 0.0, "城北街道")]),
    ("县医保局、县税务局本月均按期办结，超期工单数均为零。",
     [("overdue", 0.0, "县医保局"), ("overdue", 0.0, "县税务局")]),
    ("退回重办件数为零的有城关镇、新华镇。", [("reopened", 0.0, "城关镇"), ("reopened", 0.0, "新华镇")]),
    ("对报送量为零的单位予以通报。全县有12个社区本月代办量为零。部分乡镇本月报送信息数量为零。", []),
    # a unit before 仅为; `前3名为A`: the name after the number's 名为; 最高的是A，达到x%
    ("部分乡镇按期办结率偏低，新华镇仅为72.4%，河口镇为75.1%。",
     [("completion_rate", 72.4, "新华镇"), ("completion_rate", 75.1, "河口镇")]),
    ("考核得分前2名为县医保局98.6分、县税务局97.9分。", [("score", 98.6, "县医保局"), ("score", 97.9, "县税务局")]),
    ("按时签收率最高的是城关镇，达到99.1%。", [("response_rate", 99.1, "城关镇")]),
    # a unit's branch office (不动产登记中心…分中心) is a unit; the hotline's own 分中心 reports
    ("办件量居前两位的部门依次为：\n1.县不动产登记中心城关分中心，办件2,310件；\n2.县公安局，办件1,902件；\n"
     "被县分中心退回重办的工单9件。",
     [("volume", 2310.0, "县不动产登记中心城关分中心"), ("volume", 1902.0, "县公安局"), ("reopened", 9.0, None)]),
    # 该镇/该社区: the last unit of that kind named in the paragraph, with or without a figure of its own
    ("本周红榜：城南社区。该社区本周按时办结工单38件。", [("completed", 38.0, "城南社区")]),
    ("河口镇在辖区设立企业服务专员。本月该镇承办工单92件。", [("volume", 92.0, "河口镇")]),
    # Chinese-numeral counts listed with 和 after 分别; a bound (均不足十条) and a count of cities are none
    ("城关镇、新华镇本月报送信息分别只有六条和四条。", [("submitted", 6.0, "城关镇"), ("submitted", 4.0, "新华镇")]),
    ("两镇全年被省级采用信息均不足十条。全年信息采用量居全省14市第3位。", [("rank", 3.0, None)]),
    # the requests of a kind of requester after 其中 are a part of the total (volume), not a topic;
    # 形成涉企工单; the rest still under supervision are pending
    ("本季度共受理诉求8,420件，其中企业诉求615件，占7.3%。",
     [("volume", 8420.0, None), ("volume", 615.0, None), ("share", 7.3, None)]),
    ("全月形成涉企工单318件，办结301件，其余17件正在督办。",
     [("volume", 318.0, None), ("completed", 301.0, None), ("pending", 17.0, None)]),
    # 实现“双100%”/“三个100%”: every measure listed (of every unit listed) is 100%
    ("县医保局、县税务局办结率、满意率实现“双100%”。",
     [("completion_rate", 100.0, "县医保局"), ("completion_rate", 100.0, "县税务局"),
      ("satisfaction_rate", 100.0, "县医保局"), ("satisfaction_rate", 100.0, "县税务局")]),
    # 各 right after the names, before other words and the keyword; 全州县 is a county, not 全州 (the whole prefecture)
    ("县医保局、县税务局各收到群众赠送感谢信3封。", [("praised", 3.0, "县医保局"), ("praised", 3.0, "县税务局")]),
    ("全州县、兴安县按时办结率分别为96.2%、97.1%。",
     [("completion_rate", 96.2, "全州县"), ("completion_rate", 97.1, "兴安县")]),
    # a group (两镇合计) and the kind of unit after 由 (由街道承办) are no units
    ("城关镇、新华镇两镇合计占全县受理总量的31.5%。其中由街道承办2,046件。",
     [("share", 31.5, None), ("volume", 2046.0, None)]),
    # the whole of a share (占…受理总量的) is no keyword for the parts listed after it: they are
    # parts of the count before; 主要分布在 leads a list and is no part of the first name
    ("本月超时签收工单62件，占全区受理总量的1.8%，主要集中在城关镇(25件)和新华镇(17件)。",
     [("overdue", 62.0, None), ("share", 1.8, None), ("overdue", 25.0, "城关镇"), ("overdue", 17.0, "新华镇")]),
    ("退回重办工单40件，主要分布在县住建局22件、县城管局9件。",
     [("reopened", 40.0, None), ("reopened", 22.0, "县住建局"), ("reopened", 9.0, "县城管局")]),
    # the units named after 其中, after a statement on all of them, each take the number
    ("各乡镇按期办结率均在98%以上，其中城关镇、新华镇实现100%。",
     [("completion_rate", 100.0, "城关镇"), ("completion_rate", 100.0, "新华镇")]),
    # a tie (并列第二, 得分并列第一) with the score for both in brackets; two to ten in words after 各有
    ("县医保局、县税务局得分并列第一(均为99.2分)。",
     [("rank", 1.0, "县医保局"), ("rank", 1.0, "县税务局"), ("score", 99.2, "县医保局"), ("score", 99.2, "县税务局")]),
    ("城关镇、新华镇各有三件工单逾期签收。", [("overdue", 3.0, "城关镇"), ("overdue", 3.0, "新华镇")]),
    # schools are units (第一中学, 实验小学); a clause of up to twenty characters without figures
    # (`主要涉及A、B、C等问题`) does not end the unit's run of figures
    ("县第二中学承办诉求31件，满意率96.8%。", [("volume", 31.0, "县第二中学"), ("satisfaction_rate", 96.8, "县第二中学")]),
    ("县中医院承办诉求52件，主要反映夜间候诊时间长、停车位紧张等问题，满意率91.2%。",
     [("volume", 52.0, "县中医院"), ("satisfaction_rate", 91.2, "县中医院")]),
    # a dash opens a list item (——A受理…；), like ▲ or ●
    ("县应急管理局牵头处置：\n——县水务局受理208件，办结199件；\n——县住建局受理96件，办结96件。",
     [("volume", 208.0, "县水务局"), ("completed", 199.0, "县水务局"), ("volume", 96.0, "县住建局"),
      ("completed", 96.0, "县住建局")]),
    # 回应率 is a response rate; a gloss in brackets may stand between the keyword and its count;
    # items `超过2小时未签收` are late
    ("即时回应率97.6%，即时办结(电话直接答复)1,043件。",
     [("response_rate", 97.6, None), ("completed", 1043.0, None)]),
    ("城关镇有9件工单超过2小时未签收。", [("overdue", 9.0, "城关镇")]),
    # a series over years (2021年、2022年、2023年…分别为, 三年分别为, 近三年…依次为): one figure per
    # number, 万 included
    ("2021年、2022年、2023年，全市受理诉求分别为8.62万件、9.37万件、10.54万件。",
     [("volume", 86200.0, None), ("volume", 93700.0, None), ("volume", 105400.0, None)]),
    ("接通率三年分别为91.2%、93.8%和95.1%。",
     [("connection_rate", 91.2, None), ("connection_rate", 93.8, None), ("connection_rate", 95.1, None)]),
    # 其中 narrows a list to the unit it names: that unit's 100%, not the list's
    ("城关镇、新华镇、河口镇办结率均在98%以上，其中河口镇已连续两个月实现办结率100%。",
     [("completion_rate", 100.0, "河口镇")]),
    # a full score achieved (获得满分) is a score; two to ten banners/letters in words are praise
    ("县医保局、县税务局获得满分100分。", [("score", 100.0, "县医保局"), ("score", 100.0, "县税务局")]),
    ("本月共收到群众赠送锦旗两面、感谢信三封。", [("praised", 2.0, None), ("praised", 3.0, None)]),
    ("全月共形成有效工单2,318件。", [("volume", 2318.0, None)]),
    # items whose extension was asked for are late, not received; a 综合成绩 is a score
    ("本月申请延期办理的工单56件。", [("overdue", 56.0, None)]),
    ("城关街道接诉即办工作综合成绩为91.3分。", [("score", 91.3, "城关街道")]),
    # messages and letters: 回复 N条 and 按时回复 are completions, 超期回复来信 late, 重复来信 redone
    # (the noun 来信/留言 after 复 is no keyword of its own)
    ("收到网民留言1,286条，其中按时回复1,187条；超期回复来信5件，重复来信15件。",
     [("volume", 1286.0, None), ("completed", 1187.0, None), ("overdue", 5.0, None), ("reopened", 15.0, None)]),
    ("县人社局回复留言56条。", [("completed", 56.0, "县人社局")]),
    # a team's 15秒接通率; 自治州 is a unit; names in the clause before 分别达到
    ("话务八组15秒接通率仅为76.3%。", [("connection_rate", 76.3, "话务八组")]),
    ("甘南藏族自治州、定西市位居后两位，人工接通率分别达到84.6%、88.3%。",
     [("connection_rate", 84.6, "甘南藏族自治州"), ("connection_rate", 88.3, "定西市")]),
    # the noun a count names (19件留言) is that count's, no keyword for the parts listed after it;
    # a name may begin with 和 (和平路街道)
    ("超期未答复的12件留言分别涉及县住建局(7件)、和平路街道(5件)。",
     [("overdue", 12.0, None), ("overdue", 7.0, "县住建局"), ("overdue", 5.0, "和平路街道")]),
    # shifts named by their number (一班组, 二班组) are units
    ("一班组、二班组质检平均得分分别为96.5分、94.8分。", [("score", 96.5, "一班组"), ("score", 94.8, "二班组")]),
    # 最多的是 names the unit with the most (no bound like 最多延期1次); 表示满意的占 is a satisfaction rate
    ("本月退单最多的是县城管局(7件)。", [("reopened", 7.0, "县城管局")]),
    ("来信人对回复结果表示满意的占93.4%。", [("satisfaction_rate", 93.4, None)]),
    # the requests of a kind of requester (涉医, 涉校) are requests, also under a category's total;
    # 直接答复办结率 is a direct resolution rate; 正在补正办理 is pending
    ("卫生健康类诉求486件，其中涉医诉求291件。", [("category_count", 486.0, None), ("volume", 291.0, None)]),
    ("直接答复办结率58.3%，其余23件因材料不全正在补正办理。",
     [("direct_resolution_rate", 58.3, None), ("pending", 23.0, None)]),
    # a unit's name set off by a colon from its number, in a list under one keyword
    ("本月各单位办结工单数：城关镇：五十二件；县水利局：37件。",
     [("completed", 52.0, "城关镇"), ("completed", 37.0, "县水利局")]),
    # 分别由 opens the list of units the numbers pair with
    ("供水诉求分别由城关镇、县住建局、县水务公司承办52件、37件、21件。",
     [("volume", 52.0, "城关镇"), ("volume", 37.0, "县住建局"), ("volume", 21.0, "县水务公司")]),
    # grid events and police linkage: 上报/分流/推送 are received, 处置 (done, or straight before
    # its count) completed, 处置率 a completion rate, 在处置中 pending, 超期处置 overdue; 起 counts
    ("本月网格员上报事件5,214件，已处置5,102件，按期处置率96.8%，仍有112件在处置中。",
     [("volume", 5214.0, None), ("completed", 5102.0, None), ("completion_rate", 96.8, None), ("pending", 112.0, None)]),
    ("110报警服务台分流非警务警情1,532起，12345热线向110推送涉警诉求46件，超期处置3件。",
     [("volume", 1532.0, None), ("volume", 46.0, None), ("overdue", 3.0, None)]),
    # 化解 is settled, not in 多元化解读 (a reading) nor after 未
    ("就地化解矛盾纠纷217件，多元化解读稿件12篇，重复诉求未有效化解9件。",
     [("completed", 217.0, None), ("reopened", 9.0, None)]),
    # the intake by channel: each channel's count is received, with no unit
    ("本季度共受理诉求3,402件。按来源渠道分，电话2,876件、“爱山东”APP 301件、微信小程序225件。",
     [("volume", 3402.0, None), ("volume", 2876.0, None), ("volume", 301.0, None), ("volume", 225.0, None)]),
    # 三项 counts items, but not the aspects a list includes
    ("考核指标包括办结率、满意率和回访率三项。本月督办事项十二项，已办结九项，延期三项。",
     [("volume", 12.0, None), ("completed", 9.0, None), ("overdue", 3.0, None)]),
    # tickets sent back to be redone, counted before the words (对N件…，…全部退回…重新办理; 将N件…退回重办);
    # tickets drawn for checking (抽查已办结工单N件) are received for a check
    ("对群众评价不满意的52件工单，区热线办已全部退回承办单位重新办理。", [("reopened", 52.0, None)]),
    ("中心将18件答复不规范的工单退回重办，本月共抽查已办结工单600件。",
     [("reopened", 18.0, None), ("volume", 600.0, None)]),
    # letters and visits (信访): totals, letters, visits in batches and people, online petitions
    # are received; 及时受理率 a response rate, 化解率 a resolution rate, 一次性化解率 a direct one,
    # 重复信访 reopened; one household's visits are a case detail
    ("全县信访总量862件次，其中来信64件、来访51批、133人次，网上信访402件次；初信初访及时受理率99.8%，"
     "化解率88.4%，一次性化解率91.2%，重复信访23件，该户前后来访4次。",
     [("volume", 862.0, None), ("volume", 64.0, None), ("volume", 51.0, None), ("calls", 133.0, None),
      ("volume", 402.0, None), ("response_rate", 99.8, None), ("resolution_rate", 88.4, None),
      ("direct_resolution_rate", 91.2, None), ("reopened", 23.0, None)]),
    ("信访量较多的乡镇是：城关镇41件次、东坝镇35件次。", [("volume", 41.0, "城关镇"), ("volume", 35.0, "东坝镇")]),
    # a breakdown by area (各乡镇情况：, 分街道：): each unit's bare count is its requests, and the
    # counts after a slash or in its bracket are still the unit's (分乡镇 itself is a town)
    ("本月承接工单1,200件，办结1,150件。各乡镇情况：城关镇212件/办结205件/满意率96.5%；新集镇134件/办结130件。",
     [("volume", 1200.0, None), ("completed", 1150.0, None), ("volume", 212.0, "城关镇"), ("completed", 205.0, "城关镇"),
      ("satisfaction_rate", 96.5, "城关镇"), ("volume", 134.0, "新集镇"), ("completed", 130.0, "新集镇")]),
    ("当日共受理诉求工单305件。分街道：东城街道48件(办结40件)，西城街道37件。分乡镇本月受理诉求56件。",
     [("volume", 305.0, None), ("volume", 48.0, "东城街道"), ("completed", 40.0, "东城街道"), ("volume", 37.0, "西城街道"),
      ("volume", 56.0, "分乡镇")]),
    # a prefecture named short (凉山州) and a head office (供销总社) are units, so their list pairs with
    # the scores; 通过 before a name is no part of it
    ("凉山州、阿坝州得分相对较低，分别为85.6分、86.1分。", [("score", 85.6, "凉山州"), ("score", 86.1, "阿坝州")]),
    ("县档案馆、县供销总社满意率较低，分别为79.5%、81%。通过贵州政务服务网网上申报办件936件。",
     [("satisfaction_rate", 79.5, "县档案馆"), ("satisfaction_rate", 81.0, "县供销总社"), ("volume", 936.0, None)]),
    # items promised for later (承诺件) are received like those done at once (即办件)
    ("本月办件总量2,380件，其中即办件1,604件、承诺件776件。",
     [("volume", 2380.0, None), ("volume", 1604.0, None), ("volume", 776.0, None)]),
    # the body that took a unit's items (被市政府采用) is no new subject: the unit carries on
    ("县发改局报送信息46条、被市政府采用15条，城东街道报送信息31条、被市政府采用9条。",
     [("submitted", 46.0, "县发改局"), ("adopted", 15.0, "县发改局"), ("submitted", 31.0, "城东街道"),
      ("adopted", 9.0, "城东街道")]),
    # an office named short (人防办, 金融办) is a unit, its bracket's score and place its own
    ("排名靠后的是区金融办(90.5分，第32名)和区档案馆(88分，第33名)。",
     [("score", 90.5, "区金融办"), ("rank", 32.0, "区金融办"), ("score", 88.0, "区档案馆"), ("rank", 33.0, "区档案馆")]),
    # 个百分点 said once after a list of changes
    ("响应率、解决率、满意率同比分别提高0.05、3.62、2.74个百分点。",
     [("change_rate", 0.05, None), ("change_rate", 3.62, None), ("change_rate", 2.74, None)]),
    # the units a count is spread over (主要分布在) each take theirs; repeats counted as 重复件
    ("超期工单主要分布在城关镇(9件)、北山街道(7件)。重复件(同一诉求重复来电)338件。",
     [("overdue", 9.0, "城关镇"), ("overdue", 7.0, "北山街道"), ("reopened", 338.0, None)]),
    # items numbered ① or 1), each a unit and its number after a comma
    ("工单量前三位依次为：①东关街道，512件；②西关街道，498件。满意率偏低的有：1)北山镇，86.2%；2)县交通运输局，84.7%。",
     [("volume", 512.0, "东关街道"), ("volume", 498.0, "西关街道"), ("satisfaction_rate", 86.2, "北山镇"),
      ("satisfaction_rate", 84.7, "县交通运输局")]),
    # the highest and the lowest with their values in brackets; 分别仅有
    ("办结率方面，东关街道最高(99.58%)，北山镇最低(96.12%)。城南镇、城北镇受理量较少，分别仅有412件和386件。",
     [("completion_rate", 99.58, "东关街道"), ("completion_rate", 96.12, "北山镇"), ("volume", 412.0, "城南镇"),
      ("volume", 386.0, "城北镇")]),
    # units named, then counted (4个单位): each reported nothing
    ("县统计局、县审计局2个单位本月报送信息为零。", [("submitted", 0.0, "县统计局"), ("submitted", 0.0, "县审计局")]),
    # the unit carries on past the body that took its items, however long its name
    ("县交通局报送信息45条、被县政府办公室采用12条。",
     [("submitted", 45.0, "县交通局"), ("adopted", 12.0, "县交通局")]),
    # a zero goes to the units listed before only when its clause names none of its own
    ("城南乡、北山乡报送数仅3条，东岭乡本季度报送数为0。",
     [("submitted", 3.0, "城南乡"), ("submitted", 3.0, "北山乡"), ("submitted", 0.0, "东岭乡")]),
    # units sharing a bracketed count (各); a count led by 计; an office named 党政办
    ("超期工单主要集中在北山村、南岭社区(各2件)。投诉类工单最多，计一百八十七件，占45.4%。其中镇党政办报送9条。",
     [("overdue", 2.0, "北山村"), ("overdue", 2.0, "南岭社区"), ("category_count", 187.0, None),
      ("category_share", 45.4, None), ("submitted", 9.0, "镇党政办")]),
    # the addressees on the line of a one-paragraph notice (辖区各站所：) are no unit
    ("各社区、辖区各站所：10月份，街道共接收转办工单二百六十三件。", [("volume", 263.0, None)]),
    # a count in one Chinese numeral before a bracket or a ticket noun (五件(均在时限内), 两件工单)
    ("未办结五件(均在办理时限内)，另有两件工单被退回重办。",
     [("pending", 5.0, None), ("reopened", 2.0, None)]),
    # calls made again about the same matter are repeats; what was sorted out (已协调解决) is done
    ("同一诉求人就同一事项多次来电的工单达2900余件，已协调解决61件。",
     [("reopened", 2900.0, None), ("completed", 61.0, None)]),
    # a residential compound (小区) is a place, not a unit: the topic after 其中 has none
    ("关注度较高的问题集中在供暖、物业管理、老旧小区改造3个方面，其中供暖问题工单3021件。",
     [("category_count", 3021.0, None)]),
    # units sharing a count the keyword's clause before gave: in a bracket after them, in a
    # bracket after the total, or after a comma
    ("本月逾期签收工单9件，主要分布在新华街道、建设路街道(各3件)。",
     [("overdue", 9.0, None), ("overdue", 3.0, "新华街道"), ("overdue", 3.0, "建设路街道")]),
    ("截至月底仍有4件未办结(河西乡、北关镇各2件)。",
     [("pending", 4.0, None), ("pending", 2.0, "河西乡"), ("pending", 2.0, "北关镇")]),
    ("承办工单较少的为王庄村、白果村，各3件。",
     [("volume", 3.0, "王庄村"), ("volume", 3.0, "白果村")]),
    # one item of a unit in one numeral; thanks by phone counted in 次; one pennant in a list of praise
    ("本月退回重办工单四件，其中马家村三件、柳树村一件。",
     [("reopened", 4.0, None), ("reopened", 3.0, "马家村"), ("reopened", 1.0, "柳树村")]),
    ("另收到群众感谢电话七次、锦旗一面。", [("praised", 7.0, None), ("praised", 1.0, None)]),
    ("一位老人的子女专程送来锦旗一面，确保重办一件、满意一件。", []),
    # the units listed before `合计占…` together, not the last of them
    ("从各社区承办情况看，东城社区五十二件、西关社区四十件居前两位，合计占全镇工单总量的31.5%。",
     [("volume", 52.0, "东城社区"), ("volume", 40.0, "西关社区"), ("share", 31.5, None)]),
    # topics of a first-level breakdown, the second-level topics of a kind (`X类中，…`), and
    # the parts of a category after 其中
    ("按一级分类统计，排名前三位的依次是城乡建设(6,118件)、劳动保障(3,207件)和市场监管(2,954件)。",
     [("category_count", 6118.0, None), ("category_count", 3207.0, None), ("category_count", 2954.0, None)]),
    ("交通运输类中，公交线路调整812件、出租车服务497件。",
     [("category_count", 812.0, None), ("category_count", 497.0, None)]),
    ("本月受理医疗卫生类诉求3,105件，占12.4%。其中医保报销1,226件、药品价格388件。",
     [("category_count", 3105.0, None), ("category_share", 12.4, None),
      ("category_count", 1226.0, None), ("category_count", 388.0, None)]),
    ("拆迁安置诉求2.16万件，仍居二级分类首位；其次为征地补偿(1.3万件)、宅基地(0.84万件)。",
     [("category_count", 21600.0, None), ("category_count", 13000.0, None), ("category_count", 8400.0, None)]),
    # what a quality check found wrong is a category of its own; sent back, a reopened count;
    # a pass rate after it is no share of it
    ("本次核查发现答复不规范工单26件、未联系诉求人工单11件，核查合格率95.1%。",
     [("category_count", 26.0, None), ("category_count", 11.0, None), ("share", 95.1, None)]),
    ("城南街道(6件)、城北街道(4件)不合格工单相对较多，73件不合格工单已全部退回承办单位重新办理。",
     [("category_count", 6.0, "城南街道"), ("category_count", 4.0, "城北街道"), ("reopened", 73.0, None)]),
    # units sharing a score in their clause; weights in brackets and a tier's bound are rules
    ("考核结果显示，县财政局、县审计局均为96.5分，并列第三。",
     [("score", 96.5, "县财政局"), ("score", 96.5, "县审计局"), ("rank", 3.0, "县财政局"), ("rank", 3.0, "县审计局")]),
    ("注：综合得分90分(含)以上为优秀，80分以下为一般；综合得分由按时签收率(15%)、按期办结率(35%)、群众满意率(50%)加权计算。", []),
    # one item in a numeral before its reason; tiers of a platform are no unit; the hours of a peak no count
    ("本月交办督办事项52项，另有三项因涉及跨部门协调申请延期。", [("volume", 52.0, None), ("overdue", 3.0, None)]),
    ("本周受理诉求5276件，其中省市转办工单3318件，来电高峰出现在9时至10时。",
     [("volume", 5276.0, None), ("volume", 3318.0, None)]),
    # the unit before 被 is the subject, not a name running into the body that took its items
    ("县商务局被市委办采用6条，县教育局被市级以上采用4条。",
     [("adopted", 6.0, "县商务局"), ("adopted", 4.0, "县教育局")]),
    # a rate in brackets right after the superlative; the unit named after it (`…的是A`)
    ("全市满意率95.1%，其中城关镇满意率最高(98.6%)，东坝镇最低(91.2%)。",
     [("satisfaction_rate", 95.1, None), ("satisfaction_rate", 98.6, "城关镇"), ("satisfaction_rate", 91.2, "东坝镇")]),
    ("各部门中，按时办结率最低(85.3%)的是县水务局。", [("completion_rate", 85.3, "县水务局")]),
    ("回访满意率达到100%的是城关镇、东坝镇。",
     [("satisfaction_rate", 100.0, "城关镇"), ("satisfaction_rate", 100.0, "东坝镇")]),
    # as many numbers as the units before them pair in order, without 分别
    ("市住建局、市交通局办结率偏低，仅为88.1%和90.4%。",
     [("completion_rate", 88.1, "市住建局"), ("completion_rate", 90.4, "市交通局")]),
    # requests by channel: said with 通过, with a bracket of what the channel covers, or 其他渠道
    ("全年通过电话反映3.51万件，通过网络渠道(含APP、微信、网站)反映0.76万件。",
     [("volume", 35100.0, None), ("volume", 7600.0, None)]),
    ("从受理渠道看，电话渠道8,012件，网站及其他渠道4,410件。", [("volume", 8012.0, None), ("volume", 4410.0, None)]),
    # 余/多 before the magnitude (`40余万`) as after it (`1.2万余`)
    ("上半年共收到评价40余万条，受理诉求1.2万余件。", [("volume", 400000.0, None), ("volume", 12000.0, None)]),
    # tenths below which a rate fell are a bound, not its value
    ("蒲江县(68.4%)、金堂县(69.9%)全程网办率不足七成，电话回访接通率不足六成。",
     [("share", 68.4, "蒲江县"), ("share", 69.9, "金堂县")]),
    # the placing of categories is no unit's rank
    ("劳动社保类11,047件、市场监管类9,583件分列第二、三位。",
     [("category_count", 11047.0, None), ("category_count", 9583.0, None)]),
    # shares after the clause that placed the kinds they belong to
    ("求助类占比最高；投诉类、建议类分列二、三位，占比分别为22.5%和19.8%。",
     [("category_share", 22.5, None), ("category_share", 19.8, None)]),
    # the units excepted from a claim (`除A(96.8%)、B(95.1%)外`) are named without 除
    ("除了东坝镇(91.2%)、西岭镇(93.5%)外，其余乡镇回复率均达100%。",
     [("response_rate", 91.2, "东坝镇"), ("response_rate", 93.5, "西岭镇"), ("response_rate", 100.0, None)]),
    # bare numbers in brackets after units, in a clause about scores, are scores
    ("本季度考核得分最高的三个单位依次为市公安局(97.65)、市人社局(96.80)和市医保局(96.12)。",
     [("score", 97.65, "市公安局"), ("score", 96.8, "市人社局"), ("score", 96.12, "市医保局")]),
    # exceptions to what the rest reached are named without 除 and take the measure named after them
    ("除城关镇(3件)外，其他乡镇超期工单均已清零。", [("overdue", 3.0, "城关镇")]),
    # units named before `等N个乡镇` take the measure a clause before gave
    ("按期办结率方面，柳林镇、石桥镇等6个乡镇(街道)达到100%。",
     [("completion_rate", 100.0, "柳林镇"), ("completion_rate", 100.0, "石桥镇")]),
    # the units listed after `…100%的有` each reached it, with or without a colon
    ("签收率达到100%的单位有县民政局、县医保局。", [("response_rate", 100.0, "县民政局"), ("response_rate", 100.0, "县医保局")]),
    ("满意率达到100%的有柳林镇、石桥镇。", [("satisfaction_rate", 100.0, "柳林镇"), ("satisfaction_rate", 100.0, "石桥镇")]),
    # a call-back's contacts made and its contact rate; call-backs counted before their verb
    ("热线对已办结的5,210件工单开展回访，成功联系4,870件，联系成功率93.47%。",
     [("calls", 5210.0, None), ("calls", 4870.0, None), ("connection_rate", 93.47, None)]),
    # the other answers of a survey are shares, not satisfaction; an average rate is the rate
    ("满意率88.1%，基本满意率7.4%，不满意率4.5%；办结率平均为97.2%。",
     [("satisfaction_rate", 88.1, None), ("share", 7.4, None), ("share", 4.5, None), ("completion_rate", 97.2, None)]),
    ("来信人对答复表示满意或基本满意的占89.6%。", [("satisfaction_rate", 89.6, None)]),
    # one Chinese digit before 个百分点; repeat calls counted by 量 are reopened
    ("按时办结率环比下降三个百分点。", [("change_rate", -3.0, None)]),
    ("本周重复来电量为1,215人次。", [("reopened", 1215.0, None)]),
    ("退回重办来信14件。", [("reopened", 14.0, None)]),
    # a scoring rule's unit of account and its range of points are no figures
    ("超时签收1件扣1分，办理质量不高的视情况扣0.5—2分。", []),
    ("在全省考评中，我县综合评分96.4分。", [("score", 96.4, None)]),
    # a company's name with a bracket inside (`X(集团)有限公司`) heads the sentence
    ("昆明滇池水务(集团)有限公司承办的停水工单满意率为92.6%。",
     [("satisfaction_rate", 92.6, "昆明滇池水务(集团)有限公司")]),
    # units named after a zero they share (`…为零，分别是：`) each had none
    ("全年共有3个部门采用数为零，分别是：县气象局、县档案馆、县科协。",
     [("adopted", 0.0, "县气象局"), ("adopted", 0.0, "县档案馆"), ("adopted", 0.0, "县科协")]),
    # the body an item was sent to is no unit; a count in words before 信息
    ("上半年向省政府办公厅报送信息420条，另有五条信息被省委办公厅采用。",
     [("submitted", 420.0, None), ("adopted", 5.0, None)]),
    # a scoring rule's points per item, and the weights of the parts a score is made of
    ("每月积分按报送1条计1分、被市级采用1条计5分累计；总分由信息得分(占60%)和网站得分(占40%)两部分构成。", []),
    # help given to people in person is counted in 人次 as contacts
    ("大厅为老年人提供帮办代办服务2,315人次。", [("calls", 2315.0, None)]),
    # bare names before a last name share its suffix (`医保、税务、公积金窗口`)
    ("医保、税务、公积金窗口好评率分别为99.8%、99.6%和99.1%。",
     [("satisfaction_rate", 99.8, "医保窗口"), ("satisfaction_rate", 99.6, "税务窗口"), ("satisfaction_rate", 99.1, "公积金窗口")]),
    # the unit placed last, named before its value (`排名末位的是A，为…`)
    ("回复率排名首位的是城南街道(100%)，排名末位的是北湖街道，为91.04%。",
     [("response_rate", 100.0, "城南街道"), ("response_rate", 91.04, "北湖街道")]),
    # one message sent back twice is a case detail
    ("其中一条留言先后被退回重办3次。", []),
    # items the office had redone, counted before the clause that says so
    ("对评价不满意的58条留言，县政府办逐件督促承办单位重新办理。", [("reopened", 58.0, None)]),
    # a heading run into its paragraph names the measure of the sentence after it
    ("(三)按时签收率。东城街道(100%)、西城街道(99.5%)居前两位。",
     [("response_rate", 100.0, "东城街道"), ("response_rate", 99.5, "西城街道")]),
    # (not a heading that names a problem: the sentence after it reads its own keyword)
    ("(一)部分单位签收不及时。县民政局、龙泉镇本月分别有4件、2件工单超时签收。",
     [("overdue", 4.0, "县民政局"), ("overdue", 2.0, "龙泉镇")]),
    # poor ratings put right, still being put right, or not put right in time
    ("有效差评已整改86条，县医保局、县税务局分别有2条、1条实名差评尚未整改到位；十二件差评已全部整改完毕。",
     [("completed", 86.0, None), ("pending", 2.0, "县医保局"), ("pending", 1.0, "县税务局"), ("completed", 12.0, None)]),
    ("石门镇、河口镇本季度各有1条差评未按期整改。", [("overdue", 1.0, "石门镇"), ("overdue", 1.0, "河口镇")]),
    # a rate of zero written without % is a rate (not a count of evaluations)
    ("县公安局窗口主动评价率为0。", [("share", 0.0, "县公安局")]),
    # names before a list of the units' bracketed figures, after `…较大的`
    ("受理量较大的东街街道、西街街道分别承办工单412件、376件。",
     [("volume", 412.0, "东街街道"), ("volume", 376.0, "西街街道")]),
    ("红星镇(91.6分)、白沙镇(92.3分)分别排名第18、第17位。",
     [("score", 91.6, "红星镇"), ("score", 92.3, "白沙镇"), ("rank", 18.0, "红星镇"), ("rank", 17.0, "白沙镇")]),
    # answered directly: a rate of direct resolution; a placing after 居 is no unit's name
    ("专席直接答复率为78.4%，我县综合排名居全市第3名。", [("direct_resolution_rate", 78.4, None), ("rank", 3.0, None)]),
    # bare place names counted with their kind each take it (`A、B两市`, `A、B、C三个街道`)
    ("杭州、宁波两市受理量分别为986.2万件、612.5万件。",
     [("volume", 9862000.0, "杭州市"), ("volume", 6125000.0, "宁波市")]),
    ("城东、城西两个街道按期办结率均为100%。",
     [("completion_rate", 100.0, "城东街道"), ("completion_rate", 100.0, "城西街道")]),
    # a lead naming a measure by its stem (`按时办结方面，…`, `群众满意方面，…`)
    ("按期办结方面，江阴市、宜兴市均达到100%；群众满意方面，江阴市以97.6%居首。",
     [("completion_rate", 100.0, "江阴市"), ("completion_rate", 100.0, "宜兴市"), ("satisfaction_rate", 97.6, "江阴市")]),
    # a seven-digit count of calls is no phone number
    ("一季度共接听群众来电1203658个。", [("calls", 1203658.0, None)]),
    # a scope before the unit after a semicolon (`；部门中市住建局…`) is no part of its name
    ("承办量较大的是东城街道2,105件、西城街道1,876件；乡镇中大河镇以1,302件居首。",
     [("volume", 2105.0, "东城街道"), ("volume", 1876.0, "西城街道"), ("volume", 1302.0, "大河镇")]),
    # a zero said of units listed is each one's
    ("县科协、县档案馆连续三个月报送量为0。", [("submitted", 0.0, "县科协"), ("submitted", 0.0, "县档案馆")]),
    # placings after the units just scored, by 名列 as by 分列
    ("城南街道、城北街道综合得分分别为96.4分和95.8分，名列第1、第2位。",
     [("score", 96.4, "城南街道"), ("score", 95.8, "城北街道"), ("rank", 1.0, "城南街道"), ("rank", 2.0, "城北街道")]),
    # a shared placing (`并列第一`) is each unit's of the clause before
    ("东湖街道、西湖街道本季度未被扣分，并列第一。", [("rank", 1.0, "东湖街道"), ("rank", 1.0, "西湖街道")]),
    # a cause (`受…影响`) is no unit, even when it ends like one (`返乡`)
    ("受节后返乡影响，咨询类诉求环比增长18.2%。", [("change_rate", 18.2, None)]),
    # a temperature a case reports is no count
    ("有市民来电反映室内温度仅12℃，已督促供热企业整改。", []),
    # calls counted in 件 are calls; calls a clause says were received or transferred are requests
    ("全年受理群众诉求4.12万件，其中来电3.05万件、网上留言1.07万件。",
     [("volume", 41200.0, None), ("calls", 30500.0, None), ("volume", 10700.0, None)]),
    ("中心共转办群众来电862件。", [("volume", 862.0, None)]),
    # the site or office that adopted items is no unit that reported them
    ("湖北省人民政府网站采用我区信息12条，省政府办公厅采用5条。", [("adopted", 12.0, None), ("adopted", 5.0, None)]),
    # a unit's rate after its change in points; a measure given by `X方面`, each unit's value after
    # 达; a unit after the superlative that picked it
    ("县人社局满意率较上月提高1.3个百分点，达到96.9%，进步明显。",
     [("change_rate", 1.3, "县人社局"), ("satisfaction_rate", 96.9, "县人社局")]),
    ("按时办结率方面，县住建局达98.76%；县水利局为94.02%。满意率方面，满意率最高的县医保局达97.58%。",
     [("completion_rate", 98.76, "县住建局"), ("completion_rate", 94.02, "县水利局"),
      ("satisfaction_rate", 97.58, "县医保局")]),
    # the noun after a list of counts may be 诉求件
    ("县住建局、县市场监管局分别有7件、5件诉求件超期办结。",
     [("overdue", 7.0, "县住建局"), ("overdue", 5.0, "县市场监管局")]),
    # a dot or a dash inside a name joins it (`梅溪·新村社区`, `城南—高桥片区`)
    ("梅溪·新村社区、城南—高桥片区按期办结率均为100%，县住建局—城建档案馆满意率92.4%。",
     [("completion_rate", 100.0, "梅溪·新村社区"), ("completion_rate", 100.0, "城南—高桥片区"),
      ("satisfaction_rate", 92.4, "县住建局—城建档案馆")]),
    # placings in Chinese numerals without 第 after 分居/分列; the numbers listed after them are the
    # units' own, in order
    ("县税务局、县公安局分居二、三位，分别为99.45分、99.3分。",
     [("rank", 2.0, "县税务局"), ("rank", 3.0, "县公安局"), ("score", 99.45, "县税务局"), ("score", 99.3, "县公安局")]),
    # kinds placed are no units
    ("咨询类、求助类分居二、三位，占比分别为24.6%和18.1%。",
     [("category_share", 24.6, None), ("category_share", 18.1, None)]),
    # a zero rate needs no percent sign
    ("县统计局本季度网民留言回复率为0。", [("response_rate", 0.0, "县统计局")]),
    # one item adopted, in Chinese numerals; a higher body relaying messages is no unit of the report
    ("本月被省政府办公厅《每日要情》录用一条。", [("adopted", 1.0, None)]),
    ("国务院办公厅政务服务平台转来网民留言315条，按期答复313条。", [("volume", 315.0, None), ("completed", 313.0, None)]),
    # a verb after a place is no name (`街道共接收…`)
    ("街道共接收区转派工单1,047件。", [("volume", 1047.0, None)]),
    # the unit heading a chain of semicolon parts speaks in every part (`…最低：A；B；另有C`)
    ("河口乡得分81.5分，居全县末位：超时签收工单9件，扣1.8分；群众评价“不满意”后被退回重办6件，扣1.2分；另有超期办结工单2件。",
     [("score", 81.5, "河口乡"), ("overdue", 9.0, "河口乡"), ("reopened", 6.0, "河口乡"), ("overdue", 2.0, "河口乡")]),
    # a placing heading a sentence names the unit of the sentences after it, up to the next head
    ("倒数第1名：城南街道，得分88.6分。本月超期办结工单7件。倒数第2名：县水利局，得分89.1分。退回工单4件。",
     [("score", 88.6, "城南街道"), ("overdue", 7.0, "城南街道"), ("score", 89.1, "县水利局"), ("reopened", 4.0, "县水利局")]),
    # a numbered item goes on below a line broken after a semicolon
    ("3.桥头镇。综合得分84.2分。超时签收工单6件；\n超期办结工单2件。",
     [("score", 84.2, "桥头镇"), ("overdue", 6.0, "桥头镇"), ("overdue", 2.0, "桥头镇")]),
    # 各 after a time word: each unit listed takes the number
    ("白沙镇、青山镇本季度各收到感谢信2封。", [("praised", 2.0, "白沙镇"), ("praised", 2.0, "青山镇")]),
    # units listed after `…的单位：` or right after `…%的` each reached the rate
    ("按时签收率达到100%的单位：县民政局、县林业局、柏树镇。",
     [("response_rate", 100.0, "县民政局"), ("response_rate", 100.0, "县林业局"), ("response_rate", 100.0, "柏树镇")]),
    ("满意率均为100%的县自然资源局、县医保局，本月无一差评。",
     [("satisfaction_rate", 100.0, "县自然资源局"), ("satisfaction_rate", 100.0, "县医保局")]),
    # a rate that is also the highest, or as low as
    ("柳林镇办结率最高，达99.1%，满意率也最高，达97.6%；石门乡满意率低至84.3%。",
     [("completion_rate", 99.1, "柳林镇"), ("satisfaction_rate", 97.6, "柳林镇"), ("satisfaction_rate", 84.3, "石门乡")]),
    # a series over periods or channels listed before 分别/依次: one figure each, of no unit
    ("二至四季度群众满意率分别为95.1%、95.9%、96.8%。",
     [("satisfaction_rate", 95.1, None), ("satisfaction_rate", 95.9, None), ("satisfaction_rate", 96.8, None)]),
    ("两个季度满意率依次为97.2%、97.9%。", [("satisfaction_rate", 97.2, None), ("satisfaction_rate", 97.9, None)]),
    ("微信、网站和短信渠道分别受理2,310件、1,024件、356件。",
     [("volume", 2310.0, None), ("volume", 1024.0, None), ("volume", 356.0, None)]),
    # units listed after `居前三位的` pair in order
    ("工单量居前三位的城关镇、柳湾乡、河口镇分别承办214件、187件、96件。",
     [("volume", 214.0, "城关镇"), ("volume", 187.0, "柳湾乡"), ("volume", 96.0, "河口镇")]),
    # 也各有: each unit listed takes the number
    ("县医保局、县林业局也各有2件超期办结。", [("overdue", 2.0, "县医保局"), ("overdue", 2.0, "县林业局")]),
    # 全局 is the whole bureau, no unit
    ("本月全局共受理诉求856件，按期办结率97.5%。", [("volume", 856.0, None), ("completion_rate", 97.5, None)]),
    # a round figure restated exactly in brackets is one figure, the exact one
    ("办结率近九成(89.6%)。", [("completion_rate", 89.6, None)]),
    ("共受理诉求约2.5万件(24,918件)。", [("volume", 24918.0, None)]),
    ("受理诉求1.2万件(同比增长5%)。", [("volume", 12000.0, None), ("change_rate", 5.0, None)]),
    ("一号答复率为71.3%。", [("direct_resolution_rate", 71.3, None)]),
    # the visits and extensions of one case are no figures
    ("县住建局承办后经2次现场协调仍未答复。", []),
    ("该工单经3次督办、延期2次后才办结。", []),
    # a figure's series by period or channel right after it, in order
    ("回访满意率95.2%，一至三季度分别为94.8%、95.1%、95.6%。",
     [("satisfaction_rate", 95.2, None), ("satisfaction_rate", 94.8, None), ("satisfaction_rate", 95.1, None),
      ("satisfaction_rate", 95.6, None)]),
    # a count's channels in the bracket after it
    ("网络受理5,210件(市长信箱1,204件、微信公众号2,301件)。",
     [("volume", 5210.0, None), ("volume", 1204.0, None), ("volume", 2301.0, None)]),
    # a round thousand said as about; 一件 after a unit or an overdue/returned keyword; a bare 成绩
    ("全月接听群众来电近千人次。", [("calls", 1000.0, None)]),
    ("城关镇人民政府逾期一件。", [("overdue", 1.0, "城关镇人民政府")]),
    ("本月退回重办一件。", [("reopened", 1.0, None)]),
    ("确保重办一件、满意一件。", []),
    ("我区成绩为93.50分。", [("score", 93.5, None)]),
    # a forecast or a target is no figure
    ("本月受理诉求1.2万件，预计下月受理量约1.5万件，同比增幅或达10%；力争办结率达到99%以上。",
     [("volume", 12000.0, None)]),
    ("确保全年按时办结率达到百分之九十八、满意率保持在九成以上。", []),
])
def test_phrasings(text, expected):
    got = _triples(text)
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    # an ordinal lead (`二是`) or a time word before the label is not part of it
    ("热点问题：一是交通运输类，共3,105件；二是医疗卫生类2,044件。",
     [("category_count", 3105.0, "交通运输"), ("category_count", 2044.0, "医疗卫生")]),
    ("上半年物业服务类诉求比较集中，共982件，占14.2%。",
     [("category_count", 982.0, "物业服务"), ("category_share", 14.2, "物业服务")]),
    # a seven-character label; a total word after the label's keyword keeps the category
    ("住房和城乡建设类工单2,015件，占21.3%。",
     [("category_count", 2015.0, "住房和城乡建设"), ("category_share", 21.3, "住房和城乡建设")]),
    ("医疗卫生类诉求合计1,024件。", [("category_count", 1024.0, "医疗卫生")]),
    # 本周 is a time, not part of a category label; a category's total may follow 本周
    ("本周共受理防汛类诉求736件，占工单总量的21.4%。",
     [("category_count", 736.0, "防汛"), ("category_share", 21.4, "防汛")]),
    ("停水类诉求明显增多，本周共计215件。", [("category_count", 215.0, "停水")]),
    # 全区/全市 before a label is the area, not part of it
    ("全区治理类诉求共3,871件。", [("category_count", 3871.0, "治理")]),
    ("投诉类留言612条，占47.6%。", [("category_count", 612.0, "投诉"), ("category_share", 47.6, "投诉")]),
    # a gloss in brackets between the label and its noun (市场监管类(原12315)诉求)
    ("其中市场监管类(原12315)诉求31.42万件。", [("category_count", 314200.0, "市场监管")]),
    # a category's total after a clause on its place (仍居首位，全年…), which is no rank; a label of
    # two parts joined by 和 may run to nine characters
    ("城乡建设类诉求仍居首位，全年2.86万件；人力资源和社会保障类诉求位列第二，共1.41万件。",
     [("category_count", 28600.0, "城乡建设"), ("category_count", 14100.0, "人力资源和社会保障")]),
    # 等 ends a list of examples, not a label
    ("涉及办理流程、收费标准等咨询类诉求8,650件。", [("category_count", 8650.0, "咨询")]),
    # topics listed after a category keyword are categories, not units
    ("全年投诉类诉求中，排名前三的问题依次为：物业管理1,370件、拖欠工资1,120件。",
     [("category_count", 1370.0, "物业管理"), ("category_count", 1120.0, "拖欠工资")]),
    ("求助类占比最高，达2.3万件。", [("category_count", 23000.0, "求助")]),
    ("本月工单中咨询类52件、投诉类21件。", [("category_count", 52.0, "咨询"), ("category_count", 21.0, "投诉")]),
    ("求助类占比最高，为38.5%(502件)，咨询类、投诉类分别占31.2%、20.4%。",
     [("category_share", 38.5, "求助"), ("category_count", 502.0, "求助"),
      ("category_share", 31.2, "咨询"), ("category_share", 20.4, "投诉")]),
    # topics without 类: after a lead that breaks a category down, and one after another
    ("从构成看，拖欠工资(86件)、工伤认定(41件)两项最为集中。",
     [("category_count", 86.0, "拖欠工资"), ("category_count", 41.0, "工伤认定")]),
    ("细分来看，停车管理412件，占该类诉求的30.2%；绿化养护188件。",
     [("category_count", 412.0, "停车管理"), ("category_share", 30.2, "停车管理"), ("category_count", 188.0, "绿化养护")]),
    # a clause opened by a topic and 诉求; a kind of requester or a part of a total is none
    ("燃气安全诉求96件，电梯运行诉求57件。", [("category_count", 96.0, "燃气安全"), ("category_count", 57.0, "电梯运行")]),
    ("涉企诉求530件，企业诉求44件。", []),
    # the next category after 其次是
    ("咨询类诉求最多，其次是劳动保障类，共506件。", [("category_count", 506.0, "劳动保障")]),
    # a line opened by a category, its total in the next sentence (past the category's placing)
    ("(二)交通运输类诉求有所上升。全月共1,237件，占5.7%，环比微增1.2%。",
     [("category_count", 1237.0, "交通运输"), ("category_share", 5.7, "交通运输"), ("change_rate", 1.2, None)]),
    # (a category's place among the others is no rank)
    ("生态环境类居第三位，上半年共8,420件。", [("category_count", 8420.0, "生态环境")]),
    ("本周诉求以求助类为主，共1,986件。", [("category_count", 1986.0, "求助")]),
    # a category's share of something named (`占本镇工单的…`), also for units listed before it in order;
    # the last of a list of categories does not take the list's first share
    ("河口镇、新华镇地处低洼地带，排涝类诉求分别占本镇工单的61.3%和54.8%。",
     [("category_share", 61.3, "排涝"), ("category_share", 54.8, "排涝")]),
    ("求助类、咨询类分别占38.6%、26.1%。", [("category_share", 38.6, "求助"), ("category_share", 26.1, "咨询")]),
    # categories sharing one number (各/均) each take it
    ("建议类、表扬类各0.3万件，咨询类和求助类均为512件。",
     [("category_count", 3000.0, "建议"), ("category_count", 3000.0, "表扬"),
      ("category_count", 512.0, "咨询"), ("category_count", 512.0, "求助")]),
    # a category ends before 的 (`…、农田受灾的求助类`), and items after `…的类别依次为` are topics
    ("反映道路损毁、房屋受损的求助类诉求达902件。", [("category_count", 902.0, "求助")]),
    ("受理量居前三的类别依次为：供水(1,204件)、交通出行(986件)、教育(713件)。",
     [("category_count", 1204.0, "供水"), ("category_count", 986.0, "交通出行"), ("category_count", 713.0, "教育")]),
    # numbered items under a lead that names topics (`排名前五的诉求事项依次为：`) are topics, one per
    # line or run on after the colon; a total of them (`五项合计`) is none
    ("本月排名前五的诉求事项依次为：1.城市管理1,204件，占9.8%；2.住房保障986件，占8.0%。",
     [("category_count", 1204.0, "城市管理"), ("category_share", 9.8, "城市管理"),
      ("category_count", 986.0, "住房保障"), ("category_share", 8.0, "住房保障")]),
    ("全年热点问题如下：\n1.供水供电612件，占6.1%。\n2.物业服务588件，占5.9%。",
     [("category_count", 612.0, "供水供电"), ("category_share", 6.1, "供水供电"),
      ("category_count", 588.0, "物业服务"), ("category_share", 5.9, "物业服务")]),
    # topics listed without a known kind pair with the numbers in order; a topic may hold 和
    ("其中，融资、用工、审批服务诉求依次为41件、36件、18件。",
     [("category_count", 41.0, "融资"), ("category_count", 36.0, "用工"), ("category_count", 18.0, "审批服务")]),
    ("主要反映供水供气、教育和医疗问题，分别为310件、127件。",
     [("category_count", 310.0, "供水供气"), ("category_count", 127.0, "教育和医疗")]),
    # the requests raising a topic (反映X的N件, N件反映X, 报修X N件); `A、B等咨询` is 咨询; 其它诉求
    # is 其他; `供水、供气两类诉求合计` is no label (两 is not part of one)
    ("物业诉求中，反映电梯故障的412件，占31.5%；205件反映绿化缺失；报修管道漏水187件；开户、过户等咨询96件，其它诉求41件。",
     [("category_count", 412.0, "电梯故障"), ("category_share", 31.5, "电梯故障"), ("category_count", 205.0, "绿化缺失"),
      ("category_count", 187.0, "管道漏水"), ("category_count", 96.0, "咨询"), ("category_count", 41.0, "其他")]),
    ("供水、供气两类诉求合计2,310件。", [("volume", 2310.0, None)]),
    # a numbered item after a semicolon on the same line (公共安全: 共 inside a word is no lead)
    ("热点问题依次是：5.市场监管类1102件；6.公共安全类876件。",
     [("category_count", 1102.0, "市场监管"), ("category_count", 876.0, "公共安全")]),
    # topics ranked by their count (`工单量位居前三位的依次为…`), not units
    ("全年工单量位居前三位的依次为供暖(2.15万件)、物业(1.73万件)、交通(9,876件)。",
     [("category_count", 21500.0, "供暖"), ("category_count", 17300.0, "物业"), ("category_count", 9876.0, "交通")]),
    # a category's share after 占比最高/最大, and its total after the share
    ("建议类诉求共3.2万件，占比最高，达41.5%。", [("category_count", 32000.0, "建议"), ("category_share", 41.5, "建议")]),
    ("投诉类占比最大，为38.4%，共6,120件。", [("category_share", 38.4, "投诉"), ("category_count", 6120.0, "投诉")]),
    # a topic named as a problem, a gloss in brackets after it
    ("反映较多的是：停车难问题(主要为小区车位不足)856件。", [("category_count", 856.0, "停车难")]),
    ("其中供暖问题工单3021件，占23.9%。", [("category_count", 3021.0, "供暖"), ("category_share", 23.9, "供暖")]),
    # topics go on after one counted as a problem, each with its share; a negation inside a topic
    # (`未提前告知`) is part of it, 其他问题 is 其他
    ("从反映内容看，物业管理问题最为集中，共1,208件，占31.5%；其次为停车难842件，占12.5%；"
     "停水未提前通知455件，占6.8%；其他问题310件。",
     [("category_count", 1208.0, "物业管理"), ("category_share", 31.5, "物业管理"),
      ("category_count", 842.0, "停车难"), ("category_share", 12.5, "停车难"),
      ("category_count", 455.0, "停水未提前通知"), ("category_share", 6.8, "停水未提前通知"),
      ("category_count", 310.0, "其他")]),
    # a topic's parts listed after `X诉求中：`; a time word is not part of a label
    ("涉旅诉求中：景区门票退费216件(占41.0%)，导游服务98件(占18.6%)。",
     [("category_count", 216.0, "景区门票退费"), ("category_share", 41.0, "景区门票退费"),
      ("category_count", 98.0, "导游服务"), ("category_share", 18.6, "导游服务")]),
    ("当天受理燃气类诉求1,106件。", [("category_count", 1106.0, "燃气")]),
    # topics placed among the most requested (`诉求量排名前五的分别是：`); 农业农村 is no village
    ("本季度诉求量排名前三的分别是：城乡建设(3,046件)、农业农村(1,612件)、教育(988件)。",
     [("category_count", 3046.0, "城乡建设"), ("category_count", 1612.0, "农业农村"), ("category_count", 988.0, "教育")]),
    # topics a kind of requests mainly raised, in brackets or after `其中反映…的有`
    ("涉疫诉求主要反映核酸检测(612件)、隔离管控(305件)等问题。",
     [("category_count", 612.0, "核酸检测"), ("category_count", 305.0, "隔离管控")]),
    ("噪音类诉求明显增多，其中反映广场舞扰民的有2,140件。", [("category_count", 2140.0, "广场舞扰民")]),
    # a category of letters or messages and its share
    ("建议类来信占比最高，为36.5%。", [("category_share", 36.5, "建议")]),
    # topics after `反映较多的问题依次是：`, each with a gloss of what it holds; a category's gloss
    # may list several things
    ("群众反映较多的问题依次是：市容环境(含占道经营、噪声扰民)1.21万件，劳资纠纷0.86万件。",
     [("category_count", 12100.0, "市容环境"), ("category_count", 8600.0, "劳资纠纷")]),
    ("城乡建设类(含物业管理、房屋质量、违章搭建)598件，占19.1%。",
     [("category_count", 598.0, "城乡建设"), ("category_share", 19.1, "城乡建设")]),
    # a measure's step in a counted kind of tickets is no topic (`派发工单中，按时签收…`)
    ("转办工单中，按时签收2,203件，按时签收率99.1%。", [("response_rate", 99.1, None)]),
    # kinds a clause ranks, their numbers in the clause after, in order (with or without 类)
    ("群众诉求最多的前两位是供水供气、噪声扰民，分别受理2,306件和1,874件。",
     [("category_count", 2306.0, "供水供气"), ("category_count", 1874.0, "噪声扰民")]),
    ("排名前三的类别依次为医疗卫生类、教育类、交通出行类，分别为962件、805件、611件。",
     [("category_count", 962.0, "医疗卫生"), ("category_count", 805.0, "教育"), ("category_count", 611.0, "交通出行")]),
    ("诉求较集中的是住房保障类、就业类诉求，分别占21.4%、13.9%。",
     [("category_share", 21.4, "住房保障"), ("category_share", 13.9, "就业")]),
    # a share of the whole (`占总量的`) of a kind named before it
    ("其中医保类诉求占总量的9.6%。", [("category_share", 9.6, "医保")]),
    # a numbered line opened by a kind of request counts that kind, its units' counts too; a
    # section's own words open no kind
    ("3.供水供电(2.16万件，占4.1%)。东区、西区诉求量分别为0.82万件、0.61万件。",
     [("category_count", 21600.0, "供水供电"), ("category_share", 4.1, "供水供电"),
      ("category_count", 8200.0, "供水供电"), ("category_count", 6100.0, "供水供电")]),
    ("(一)总体情况。本月受理诉求2,318件，占全年的8.1%。", [("volume", 2318.0, None), ("share", 8.1, None)]),
    # a kind's count in Chinese numerals
    ("全年交办件中，求助二千零六十件，投诉一千一百零五件。",
     [("category_count", 2060.0, "求助"), ("category_count", 1105.0, "投诉")]),
    # the count first, then the kind it belongs to
    ("全年受理求助类4,102件，另有356件属于投诉类，其余88件为建议类。",
     [("category_count", 4102.0, "求助"), ("category_count", 356.0, "投诉"), ("category_count", 88.0, "建议")]),
    # kinds grouped before the keyword that ranks them, their counts in order after it
    ("从诉求内容看，城乡建设、劳动和社会保障、市场监管三个领域诉求量居前，分别为24.7万件、18.6万件、16.2万件。",
     [("category_count", 247000.0, "城乡建设"), ("category_count", 186000.0, "劳动和社会保障"),
      ("category_count", 162000.0, "市场监管")]),
    # a breakdown by kind: a known kind with 类 and its share (after 次之, or bare)
    ("投诉类占比最高，为44.1%，求助类次之(30.2%)，建议类占9.6%，其他类1.8%。",
     [("category_share", 44.1, "投诉"), ("category_share", 30.2, "求助"), ("category_share", 9.6, "建议"),
      ("category_share", 1.8, "其他")]),
    # a count of kinds after the list is not part of the last label
    ("交通出行、医疗卫生、教育三类诉求占比分别为12.3%、10.1%、8.4%。",
     [("category_share", 12.3, "交通出行"), ("category_share", 10.1, "医疗卫生"), ("category_share", 8.4, "教育")]),
    # topics placed first, their counts in the clause after
    ("制造业、建筑业诉求量位居前列，分别达到641件、388件。",
     [("category_count", 641.0, "制造业"), ("category_count", 388.0, "建筑业")]),
])
def test_category_labels(text, expected):
    got = [(f["metric"], f["value"], f["category"]) for f in extract_text(text)]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    # units listed before a category's keyword are its units, not part of the category's name
    ("白马镇、青石镇、柳河镇的防汛类诉求分别为96件、54件、31件。",
     [(96.0, "白马镇", "防汛"), (54.0, "青石镇", "防汛"), (31.0, "柳河镇", "防汛")]),
    ("东城街道、西城街道供暖类工单分别为208件、175件。", [(208.0, "东城街道", "供暖"), (175.0, "西城街道", "供暖")]),
    # ... and units listed before a keyword are no topics
    ("城东县、城西县超时工单分别为21件、14件。", [(21.0, "城东县", None), (14.0, "城西县", None)]),
])
def test_units_before_a_category(text, expected):
    assert [(f["value"], f["entity"], f["category"]) for f in extract_text(text)] == expected


def test_bad_text_does_not_raise():
    assert extract_text("") == []
    assert isinstance(extract_text("%%%,,,、、、1.1.1.万万亿"), list)


def test_sentence_broken_across_lines(tmp_path):
    """PDF and scraped text break lines mid-sentence: the list intro still reaches its items."""
    p = tmp_path / "broken.txt"
    p.write_text("一、情况\n本月超期较多的单位是：\n河东街道15件、区住房和城乡建设局12件，静兰\n街道9件。\n二、其他\n全年共受理诉求1,234件\n",
                 encoding="utf-8")
    doc, figs = figs_of(p)
    got = [(f["metric"], f["value"], f["entity"], doc.text[f["start"]:f["end"]]) for f in figs]
    assert got == [("overdue", 15.0, "河东街道", "15"), ("overdue", 12.0, "区住房和城乡建设局", "12"),
                   ("overdue", 9.0, "静兰街道", "9"), ("volume", 1234.0, None, "1,234")]
    assert figs[-1]["section"] == "二、其他"


def test_county_subject_carries_in_a_city_report(tmp_path):
    """In a city's report a county is a unit: its figures go on through 作为…, 居各县之首 and
    a 该县 opening the next sentence."""
    assert _file_triples(tmp_path, "关于2023年11月份12345热线办理情况的通报\n鞍营商发〔2023〕47号\n\n各县（市、区）营商局：\n"
                         "海城市作为供暖大县，承办工单1,936件，居各县之首，签收率100%。"
                         "该市对供暖诉求实行日清日结，按期办结率99.54%，综合得分98.12分。\n\n"
                         "鞍山市营商环境建设局\n2023年12月5日\n") == [
        ("volume", 1936.0, "海城市"), ("response_rate", 100.0, "海城市"),
        ("completion_rate", 99.54, "海城市"), ("score", 98.12, "海城市")]


def test_a_county_whose_progress_is_remarked_on_is_the_subject_of_its_placing(tmp_path):
    """`高密市进步明显，排名由…升至第5位`: a remark on how a unit moved does not end its name."""
    assert _file_triples(tmp_path, "关于2023年第三季度政务服务“好差评”工作情况的通报\n潍审批字〔2023〕6号\n\n"
                         "各县市区行政审批服务局：\n寿光市综合得分98.6分，位列第一；高密市进步明显，排名由上季度第11位"
                         "上升至第5位。\n\n潍坊市行政审批服务局\n2023年10月9日\n") == [
        ("score", 98.6, "寿光市"), ("rank", 1.0, "寿光市"), ("rank", 5.0, "高密市")]


def test_salutation_is_no_subject(tmp_path):
    """The addressees' line (`各县(市)区人民政府，高新区管委会：`) does not run into the body."""
    assert _file_triples(tmp_path, "合肥市数据资源局\n\n各县（市）区人民政府，高新区、新站高新区管委会：\n"
                                   "本月市热线共受理群众诉求18.7万件，同比增长5.3%。\n") == [
        ("volume", 187000.0, None), ("change_rate", 5.3, None)]


def test_a_numbered_line_opened_by_a_unit_speaks_of_it(tmp_path):
    """`(一)河口镇。` opening a line is the subject of the line's figures that name none, through
    later sentences; a kind of unit (`(二)乡镇便民服务中心。`) is none."""
    assert _file_triples(tmp_path, "二、存在的问题\n（一）河口镇。考核得分79.2分，排名末位。退回重办工单18件，占其承办量的9.6%。\n"
                                   "（二）乡镇便民服务中心。全县乡镇便民服务中心共办件3,204件，较上月下降2.3%。\n"
                                   "（三）县住房和城乡建设局。超时签收工单7件。\n（四）园区和街道。受理工单512件。\n") == [
        ("score", 79.2, "河口镇"), ("reopened", 18.0, "河口镇"), ("share", 9.6, "河口镇"),
        ("volume", 3204.0, None), ("change_rate", -2.3, None), ("overdue", 7.0, "县住房和城乡建设局"), ("volume", 512.0, None)]


def test_a_district_of_a_city_report_heads_its_tickets(tmp_path):
    """In a city's report `武陵区工单按时办结率…` is the district's, in digits or in Chinese numerals."""
    assert _file_triples(tmp_path, "常德市人民政府办公室\n\n各区县市人民政府：\n"
                                   "从考评结果看，武陵区工单按时办结率达百分之九十八点六，群众满意率97.2%。\n") == [
        ("completion_rate", 98.6, "武陵区"), ("satisfaction_rate", 97.2, "武陵区")]


def test_a_division_before_a_concessive_clause_heads_the_figures_after_it(tmp_path):
    """`B区虽然体量小，仅承办…，但…` / `B县尽管…`: the concession ends the division's name."""
    assert _file_triples(tmp_path, "岳阳市人民政府办公室\n\n各县市区人民政府：\n"
                                   "君山区虽然体量小，仅承办305件，但按期办结率达到99.5%。"
                                   "华容县尽管工单较多，共承办1418件，满意率仍达98.1%。\n") == [
        ("volume", 305.0, "君山区"), ("completion_rate", 99.5, "君山区"),
        ("volume", 1418.0, "华容县"), ("satisfaction_rate", 98.1, "华容县")]


def test_a_division_before_a_move_and_after_a_rank_change(tmp_path):
    """`B县由第7位升至第4位`: 由 ends the name; `…，较上年下降3位，全年超时办结工单…`: a change of
    places and a 全年 lead do not stop the unit carrying on."""
    assert _file_triples(tmp_path, "岳阳市人民政府办公室\n\n各县市区人民政府：\n"
                                   "平江县由第9位升至第5位。湘阴县年度得分90.2分，排名第7位，较上年下降3位，"
                                   "全年超时办结工单842件。\n") == [
        ("rank", 5.0, "平江县"), ("score", 90.2, "湘阴县"), ("rank", 7.0, "湘阴县"), ("overdue", 842.0, "湘阴县")]


def test_a_units_overall_placing_and_its_move(tmp_path):
    """`A市综合排名第16位`: 综合 belongs to the keyword, so the name before it is the unit's."""
    assert _file_triples(tmp_path, "烟台市人民政府办公室\n\n各区市人民政府：\n"
                                   "莱阳市综合排名由上季度第9位升至第4位；海阳市考核排名第12位。\n") == [
        ("rank", 4.0, "莱阳市"), ("rank", 12.0, "海阳市")]


def test_a_numbered_line_of_a_unit_and_its_score_in_a_circular(tmp_path):
    """`1.北庄村，82.6分。超时签收工单5件；`: read from a file the line is split into a heading and
    a paragraph, and the unit opening the heading still speaks for both."""
    assert _file_triples(tmp_path, "河口镇人民政府\n\n各村（社区）：\n得分靠后的两个村：\n"
                                   "1.北庄村，82.6分。超时签收工单5件；\n2.南湾村，84.0分。不合理退单3件。\n") == [
        ("score", 82.6, "北庄村"), ("overdue", 5.0, "北庄村"), ("score", 84.0, "南湾村"), ("reopened", 3.0, "南湾村")]


def test_a_paragraph_opened_by_a_unit_and_a_colon_speaks_of_it(tmp_path):
    """`浦口镇：…` with no number before it: every sentence of the line is the unit's."""
    assert _file_triples(tmp_path, "二、各单位办理情况\n浦口镇：本月签收工单167件，签收率100%。已办结162件，按期办结率97.01%。"
                                   "考核得分95.2分，排名第三。\n全市平均满意率为94.1%。\n") == [
        ("volume", 167.0, "浦口镇"), ("response_rate", 100.0, "浦口镇"), ("completed", 162.0, "浦口镇"),
        ("completion_rate", 97.01, "浦口镇"), ("score", 95.2, "浦口镇"), ("rank", 3.0, "浦口镇"), ("satisfaction_rate", 94.1, None)]


def test_items_of_a_colon_led_list_one_per_line_keep_their_lead(tmp_path):
    """`诉求热点是：` then one topic per line with its count and share in brackets."""
    assert _file_triples(tmp_path, "三、热点诉求\n全年排名前三的诉求热点是：\n供暖（3,245件，16.8%）；\n物业管理（2,391件，12.4%）；\n"
                                   "劳动保障（1,906件，9.9%）。\n") == [
        ("category_count", 3245.0, None), ("category_share", 16.8, None), ("category_count", 2391.0, None),
        ("category_share", 12.4, None), ("category_count", 1906.0, None), ("category_share", 9.9, None)]


def test_show_highlights_the_number_grouped_by_section():
    from extractor.pipeline import Task, process_file
    from extractor.show import render

    rows = process_file(Task(str(founding("000")), None)).rows
    out = render(rows, color=True)
    assert "(二)“12345”民生服务热线情况。" in out
    assert "共接到转办工单\x1b[1;33m1416\x1b[0m件" in out
    plain = render(rows, color=False)
    assert "\x1b[" not in plain
    assert plain.index("(一)“710”") < plain.index("(二)“12345”") < plain.index("(三)政府门户网站")


def test_flattened_table_rows_are_not_glued_into_prose(tmp_path):
    p = tmp_path / "flat.txt"
    p.write_text("附件\n各镇诉求办理情况统计表序号 单位 受理诉求\n办结(件) 办结率\n1 圣城街道 8956 8904 99.42% 97.3%\n"
                 "2 文家街道 6412 6381 99.52% 97.6%\n", encoding="utf-8")
    _, figs = figs_of(p)
    assert figs == []


def _with_metadata(text, meta):
    from extractor.model import Block, Document

    doc = Document(source_path="<text>", source_format="txt", doc_id="", raw=text, text=text,
                   blocks=[Block("paragraph", 0, len(text))])
    doc.metadata = meta
    return [(f["metric"], f["value"], f["entity"]) for f in extract_figures(doc)]


def test_a_division_is_a_unit_unless_it_is_the_reports_own_area():
    text = "城南区受理工单1,200件，办结率98.5%。"
    city = {"issuer": "某某市政务服务管理局", "city": "某某市", "province": "某省"}
    assert _with_metadata(text, city) == [("volume", 1200.0, "城南区"), ("completion_rate", 98.5, "城南区")]
    own = {"issuer": "某某市城南区人民政府办公室", "city": "某某市", "county": "城南区"}
    assert _with_metadata(text, own) == [("volume", 1200.0, None), ("completion_rate", 98.5, None)]

    # a two-character county heads its clause too (`X县当月…`)
    two = "其中，沛县当月承办工单562件，按期办结率99.6%。"
    assert _with_metadata(two, city) == [("volume", 562.0, "沛县"), ("completion_rate", 99.6, "沛县")]

    # ... also before its place, and however its place is given
    placed = "城南区已连续4个月位居全市第一。"
    assert _with_metadata(placed, city) == [("rank", 1.0, "城南区")]
    assert _with_metadata(placed, own) == [("rank", 1.0, None)]
    scored = "在全市营商环境评价中，城南区以95.62分排名全市第二。"
    assert _with_metadata(scored, own) == [("score", 95.62, None), ("rank", 2.0, None)]
    assert _with_metadata(scored, city) == [("score", 95.62, "城南区"), ("rank", 2.0, "城南区")]


def test_the_issuer_heading_a_sentence_is_not_an_entity():
    text = "区行政审批服务局共受理办件3,456件。"
    assert _with_metadata(text, {"issuer": "某某市城南区行政审批服务局", "county": "城南区"}) == [("volume", 3456.0, None)]
    assert _with_metadata(text, {"issuer": "某某市城南区人民政府办公室", "county": "城南区"}) == \
        [("volume", 3456.0, "区行政审批服务局")]


def test_show_also_prints_the_tables_and_the_failed_checks():
    from extractor.pipeline import Task, process_file
    from extractor.show import render

    out = render(process_file(Task(str(founding("004")), None)).rows, color=False)
    assert out.index("figures") < out.index("附件1 二月份乡镇街道考核表") < out.index("checks:")
    assert "FAIL rate_vs_counts: completion_rate" in out  # 979 / 1096 is not the stated 98.4%


def _doc_figs(text, fields=("metric", "value", "entity")):
    from extractor.model import Document
    from extractor.segment import segment

    doc = segment(Document(source_path="<text>", source_format="txt", doc_id="", raw=text, text=text))
    return [tuple(f[k] for k in fields) for f in extract_figures(doc)]


def test_units_listed_under_a_breakdown_by_unit_count_their_requests():
    """`各乡镇涉汛诉求情况：A 96件、B 27件`, a heading `各单位承办情况` over `A 128件(办结率96.1%)`:
    each unit's count is its requests, and the rate in its bracket is its own."""
    got = _doc_figs("一、总体情况\n各乡镇涉汛诉求情况：章华镇96件、治河渡镇27件；团洲乡47件。\n"
                    "三、各单位承办情况\n马坊街道办事处128件(办结率96.1%)；区住建局63件(办结率88.9%)。\n")
    assert got == [("volume", 96.0, "章华镇"), ("volume", 27.0, "治河渡镇"), ("volume", 47.0, "团洲乡"),
                   ("volume", 128.0, "马坊街道办事处"), ("completion_rate", 96.1, "马坊街道办事处"),
                   ("volume", 63.0, "区住建局"), ("completion_rate", 88.9, "区住建局")]


def test_industries_under_a_breakdown_by_industry_are_kinds():
    """`从企业所属行业看，制造业812件…`, or a heading `行业分布` over the counts: each industry is a
    kind of request, like a topic; an ordinal lead (`二是`) and 方面 are no part of its name."""
    got = _doc_figs("二、诉求分析\n从企业所属行业看，制造业812件，约占四成；港口物流及交通运输业307件；批发零售业265件。\n"
                    "三、行业分布\n全月受理1497件，制造业612件，批发和零售业287件(19.17%)；二是建筑业198件；住宿餐饮方面85件。\n",
                    fields=("metric", "value", "category"))
    assert got == [("category_count", 812.0, "制造业"), ("category_share", 40.0, "制造业"),
                   ("category_count", 307.0, "港口物流及交通运输业"), ("category_count", 265.0, "批发零售业"),
                   ("volume", 1497.0, None), ("category_count", 612.0, "制造业"),
                   ("category_count", 287.0, "批发和零售业"), ("category_share", 19.17, "批发和零售业"),
                   ("category_count", 198.0, "建筑业"), ("category_count", 85.0, "住宿餐饮")]


def test_units_counts_under_a_kind_heading_with_its_count_count_that_kind():
    """`1.疫情防控(14.86万件，…)。` heads its paragraph: the units' counts under it are of that
    kind; a run-in head without its count (`8.生态环境。`) may be a section's own words and names
    no kind."""
    got = _doc_figs("二、热点问题\n2.物业管理(6,210件，占8.3%)。主要反映电梯维修慢。东城区、南湖区分别受理1,502件、1,288件。\n"
               "3.办理时效。受理1,120件，占1.5%。\n", fields=("metric", "value", "category", "entity"))
    assert got == [("category_count", 6210.0, "物业管理", None), ("category_share", 8.3, "物业管理", None),
                   ("category_count", 1502.0, "物业管理", "东城区"), ("category_count", 1288.0, "物业管理", "南湖区"),
                   ("volume", 1120.0, None, None), ("share", 1.5, None, None)]


def test_bulleted_label_value_lines_are_items_of_their_own():
    text = ("某县政务热线运行简报\n【本月要点】\n• 热线受理诉求：4,210件，环比上升3.1%\n"
            "• 诉求响应及时率：99.2%\n• 已办结：4,105件\n• 回访满意度：96.8%\n• 超期办结：21件\n")
    got = _doc_figs(text)
    assert ("volume", 4210.0, None) in got
    assert ("change_rate", 3.1, None) in got
    assert ("response_rate", 99.2, None) in got
    assert ("completed", 4105.0, None) in got
    assert ("satisfaction_rate", 96.8, None) in got
    assert ("overdue", 21.0, None) in got


def test_completion_and_publication_wordings():
    got = [(f["metric"], f["value"]) for f in extract_text(
        "本月交办诉求812件，已办毕790件，办毕率97.29%；各单位提交退件申请33件。共报送信息96条，刊发41条，刊发率42.7%。")]
    assert ("completed", 790) in got and ("completion_rate", 97.29) in got
    assert ("reopened", 33) in got and ("volume", 33) not in got
    assert ("adopted", 41) in got and ("adoption_rate", 42.7) in got


def test_one_cases_repeat_counts_are_not_figures():
    got = extract_text("如某小区供暖不热问题，投诉人先后致电6次，承办单位4次回复仍未解决。")
    assert not [f for f in got if f["value"] in (6, 4)]


def test_items_of_a_colon_led_list_split_by_semicolons():
    got = _triples(
        "受理量居前三位的乡镇：东岭乡2,310件；西河镇1,987件；南山镇1,502件。满意率不足95%的部门：县林业局93.2%；县交通运输局94.75%。")
    assert ("volume", 2310, "东岭乡") in got and ("volume", 1987, "西河镇") in got and ("volume", 1502, "南山镇") in got
    assert ("satisfaction_rate", 93.2, "县林业局") in got and ("satisfaction_rate", 94.75, "县交通运输局") in got
    assert not [f for f in got if f[1] == 95]


def test_a_rate_before_its_keyword_joined_by_de():
    got = _triples("城西街道以97.5%的回访满意率排在全区首位。")
    assert got == [("satisfaction_rate", 97.5, "城西街道")]


def test_a_name_heading_bracketed_details():
    got = _triples(
        "排名靠后的是石门镇(考核得分79.5分，超期办结工单9件)和平安乡(考核得分80.2分，回访满意率88.1%)。")
    assert ("score", 79.5, "石门镇") in got and ("overdue", 9, "石门镇") in got


def test_later_clauses_share_the_subject_of_the_sentence():
    got = _triples(
        "分部门看，县住建局承接诉求640件，已办结622件，超期办结5件，回访满意率95.3%。")
    assert got == [("volume", 640, "县住建局"), ("completed", 622, "县住建局"),
                   ("overdue", 5, "县住建局"), ("satisfaction_rate", 95.3, "县住建局")]
    got = _triples(
        "县林业局受理诉求210件，县水利局受理诉求180件，办结率99%。")
    assert ("volume", 180, "县水利局") in got and ("completion_rate", 99, "县水利局") in got
    assert ("volume", 210, "县林业局") in got


def test_score_placing_and_most_then_value():
    got = _triples(
        "城东社区以96.3分位居第一，城西社区95.8分、城北社区95.1分分列二、三名。城东社区本月承办工单最多，为312件。")
    assert ("score", 96.3, "城东社区") in got and ("score", 95.8, "城西社区") in got and ("score", 95.1, "城北社区") in got
    assert ("volume", 312, "城东社区") in got


def test_bare_categories_after_another_lead_word():
    got = [(f["metric"], f["value"], f["category"]) for f in extract_text("投诉类1,020件；另有建议233件、表扬41件。")]
    assert ("category_count", 233, "建议") in got and ("category_count", 41, "表扬") in got
    assert not [f for f in got if f[0] == "praised"]


def test_ge_and_fenbie_lists_pair_names_and_numbers_in_order():
    got = _triples(
        "县民政局、县人社局信息质量较高，各报送15条、12条。东城区、西城区、南城区诉求量分别为3,120件、2,846件、1,930件。")
    assert ("submitted", 15, "县民政局") in got and ("submitted", 12, "县人社局") in got
    assert ("submitted", 15, "县人社局") not in got
    assert ("volume", 3120, "东城区") in got and ("volume", 2846, "西城区") in got and ("volume", 1930, "南城区") in got


def test_fenbie_shares_pair_with_the_categories_listed_before():
    got = [(f["metric"], f["value"], f["category"]) for f in extract_text(
        "按类型分，求助5,210件、投诉4,002件、咨询3,100件，分别占受理总量的41.2%、31.6%、24.5%。")]
    assert ("category_share", 41.2, "求助") in got and ("category_share", 31.6, "投诉") in got
    assert ("category_share", 24.5, "咨询") in got
    assert len([f for f in got if f[0] == "category_share"]) == 3


def test_a_category_list_before_fenbie_pairs_each_category_with_its_number():
    got = [(f["metric"], f["value"], f["category"]) for f in extract_text(
        "按诉求类型分，建议、投诉、求助类工单分别为214件、1,305件、1,761件，分别占6.9%、39.8%、53.3%。"
        "意见建议、咨询两类诉求占比分别为12.0%、20.5%。")]
    assert ("category_count", 214, "建议") in got and ("category_count", 1305, "投诉") in got
    assert ("category_count", 1761, "求助") in got
    assert ("category_share", 6.9, "建议") in got and ("category_share", 53.3, "求助") in got
    assert ("category_share", 12.0, "建议") in got and ("category_share", 20.5, "咨询") in got
    assert not [f for f in got if f[0] == "share"]


def test_names_in_the_clause_of_fenbie_take_the_metric_named_before():
    got = _doc_figs("群众满意率方面，城东街道、城西街道分别为97.3%、96.9%，南湖街道为93.8%。\n")
    assert ("satisfaction_rate", 97.3, "城东街道") in got and ("satisfaction_rate", 96.9, "城西街道") in got
    assert ("satisfaction_rate", 93.8, "南湖街道") in got


def test_a_unit_and_number_after_a_semicolon_parallel_the_unit_figure_before():
    got = _doc_figs("各街道中，城东街道承接工单1,862件，居首位；南湖街道214件，为最少；另有3个社区未报送。\n")
    assert ("volume", 1862, "城东街道") in got and ("volume", 214, "南湖街道") in got
    assert len(got) == 2
    # a number with no unit before it does not borrow the keyword
    assert _doc_figs("城东街道承接工单1,862件；全区共214件。\n") == [("volume", 1862, "城东街道")]


def test_unit_scores_without_a_keyword_and_placings_that_refer_back_to_them():
    got = _triples(
        "综合排名前列的是：城关镇96.02分、河口镇95.17分、新集乡94.60分，分列第1、2、3位。"
        "白庙乡、石门镇得分均为93.05分，并列第4位。排名靠后的乡镇为永丰镇82.47分，列第13位。")
    assert ("score", 95.17, "河口镇") in got and ("score", 94.6, "新集乡") in got
    assert ("rank", 1, "城关镇") in got and ("rank", 2, "河口镇") in got and ("rank", 3, "新集乡") in got
    assert ("rank", 4, "白庙乡") in got and ("rank", 4, "石门镇") in got
    assert ("score", 82.47, "永丰镇") in got and ("rank", 13, "永丰镇") in got
    assert not [f for f in got if f[0] == "rank" and f[2] is None]


def test_superlatives_anaphora_and_lists_before_jun():
    got = _triples(
        "从满意率看，满意率最高的是城东街道，为98.4%，最低的是南湖街道，为92.1%。"
        "河口镇80.63分，列倒数第2，该镇本月承办工单542件，占该镇工单量的16.4%。"
        "县教育局、县医保局交办事项全部按期办结，按期办结率均为100%。"
        "白庙乡受理诉求1.1万余件，占全县诉求总量的28.4%；三个乡镇合计占全县的41.0%。")
    assert ("satisfaction_rate", 98.4, "城东街道") in got and ("satisfaction_rate", 92.1, "南湖街道") in got
    assert ("volume", 542, "河口镇") in got and ("share", 16.4, "河口镇") in got
    assert not [f for f in got if f[0] == "rank"]        # 倒数第2 is not the rank
    assert ("completion_rate", 100, "县教育局") in got and ("completion_rate", 100, "县医保局") in got
    assert ("share", 28.4, "白庙乡") in got and ("share", 41.0, None) in got
    # a group as the subject is no unit; a group as the scope (`15个乡镇中，`) leaves the unit after it
    got = _triples("15个乡镇中，三坡镇以96.84分排名第1。")
    assert ("rank", 1, "三坡镇") in got and ("score", 96.84, "三坡镇") in got


def test_brackets_belong_to_the_unit_before_them_and_windows_to_their_department():
    got = _triples(
        "报送信息较多的是区教育局46条(采用31条)、码头镇39条(采用27条)。"
        "得分较高的有县医疗保障局窗口(99.5分)、县税务局窗口(99.2分)。")
    assert ("submitted", 46, "区教育局") in got and ("adopted", 31, "区教育局") in got
    assert ("submitted", 39, "码头镇") in got and ("adopted", 27, "码头镇") in got
    assert ("score", 99.5, "县医疗保障局") in got and ("score", 99.2, "县税务局") in got
    assert len(got) == 6


def test_a_rate_given_after_its_change():
    got = _triples(
        "全县满意率较上月提高1.2个百分点，达到96.5%。受理量同比增长5.2%，达到1.2万件。")
    assert ("change_rate", 1.2, None) in got and ("satisfaction_rate", 96.5, None) in got
    assert not [f for f in got if f[1] == 96.5 and f[0] != "satisfaction_rate"]


def test_topics_listed_without_lei_are_categories_and_named_units_stay_entities():
    got = [(f["metric"], f["value"], f["category"], f["entity"]) for f in extract_text(
        "诉求热点主要集中在城乡建设(约6,100件)、劳动保障(3,400件)。"
        "反映的问题主要是供暖用煤18件、道路路灯14件。"
        "热点问题集中在城关镇(120件)、河口镇(98件)。")]
    assert ("category_count", 6100, "城乡建设", None) in got and ("category_count", 3400, "劳动保障", None) in got
    assert ("category_count", 18, "供暖用煤", None) in got and ("category_count", 14, "道路路灯", None) in got
    assert not [f for f in got if f[2] in ("城关镇", "河口镇", "主要集中在城乡建设")]


def test_a_named_government_website_is_a_unit_but_an_adopting_one_or_a_channel_is_not():
    got = _triples(
        "柳河县、辉南县、二道江区政府网站得分分别为92.8分、90.5分、85.8分。"
        "东昌区政府网站回复率仅为85.4%。"
        "各单位信息被省人民政府网站采用21条。通过电话、微信、政府网站等渠道共受理诉求76,542件。"
        "石门县、澧县重办较多，两地合计占全市重办量的36.6%。")
    assert ("score", 92.8, "柳河县") in got and ("score", 85.8, "二道江区政府网站") in got
    assert ("response_rate", 85.4, "东昌区政府网站") in got
    assert ("adopted", 21, None) in got and ("volume", 76542, None) in got
    assert ("share", 36.6, None) in got


def test_a_subject_carries_over_a_dun_and_fenbie_after_counts_takes_their_units():
    got = _doc_figs("各街道中，南湖街道交办19件、办结17件，北湖街道交办12件、办结12件。\n"
                    "各镇中，城关镇受理诉求1,236件、河口镇受理诉求1,108件，同比分别下降12.7%、6.3%。\n")
    assert ("completed", 17, "南湖街道") in got and ("completed", 12, "北湖街道") in got
    assert ("change_rate", -12.7, "城关镇") in got and ("change_rate", -6.3, "河口镇") in got


def test_a_total_keyword_yields_to_the_measure_before_it_and_a_breakdown_sentence_takes_the_total():
    got = _triples("本季度逾期回复工单合计57件，其中城西镇21件、城东镇16件。"
                   "全年交办至各街道的诉求共2.15万件。其中，东湖街道6,420件、西湖街道5,310件。"
                   "全年热线工单共计8,765件。其中，本月新增工单12件。")
    assert ("overdue", 57, None) in got and ("overdue", 21, "城西镇") in got and ("overdue", 16, "城东镇") in got
    assert ("volume", 21500, None) in got
    assert ("volume", 6420, "东湖街道") in got and ("volume", 5310, "西湖街道") in got
    assert ("volume", 8765, None) in got


def test_names_before_a_received_verb_pair_with_the_numbers_in_order():
    got = _triples("县教育局、县卫生健康局、县人社局受理工单量分别为412件、365件、301件，"
                   "按时办结率分别为96.1%、97.3%、98.0%。")
    assert got == [("volume", 412, "县教育局"), ("volume", 365, "县卫生健康局"), ("volume", 301, "县人社局"),
                   ("completion_rate", 96.1, "县教育局"), ("completion_rate", 97.3, "县卫生健康局"),
                   ("completion_rate", 98.0, "县人社局")]


def test_units_with_bracketed_numbers_take_the_keyword_after_their_list():
    got = _triples("各街道中，东湖街道(3,012件)、西湖街道(2,764件)、南湖街道(2,503件)办件量居前三位，"
                   "办结率分别为97.1%、98.3%、96.4%。各县(市、区)中，甲县(2.03万件)、乙区(1.47万件)诉求量较大。")
    assert ("volume", 3012, "东湖街道") in got and ("volume", 2503, "南湖街道") in got
    assert ("completion_rate", 98.3, "西湖街道") in got
    assert ("volume", 20300, "甲县") in got and ("volume", 14700, "乙区") in got


def test_a_second_list_of_numbers_pairs_with_the_units_just_counted():
    got = _triples("县教育局、县民政局、县水利局分别报送信息42条、37条、30条，采用21条、18条、12条。"
                   "全县受理诉求123件、办结120件。")
    assert ("adopted", 21, "县教育局") in got and ("adopted", 18, "县民政局") in got and ("adopted", 12, "县水利局") in got
    assert ("volume", 123, None) in got and ("completed", 120, None) in got


def test_a_list_of_names_may_end_with_he_and_names_may_hold_he():
    got = _triples("工单量居前三位的依次为东湖街道、西湖街道和南湖街道，分别为386件、352件和297件。"
                   "县住房和城乡建设局、县人力资源和社会保障局分别受理12件、10件。")
    assert ("volume", 297, "南湖街道") in got and ("volume", 352, "西湖街道") in got
    assert ("volume", 10, "县人力资源和社会保障局") in got


def test_a_numbered_unit_heading_its_line_is_the_subject():
    """`1.区住建局：逾期回复14件` is cut into heading and paragraph; the heading still names the unit."""
    text = ("现将逾期回复较多的单位通报如下：\n1.区住房和城乡建设局：逾期回复14件，占其承办量的11.2%；\n"
            "(2)城南街道办事处:超期办结9件。\n二、下一步工作：全年受理诉求1,200件。\n")
    got = _doc_figs(text)
    assert ("overdue", 14.0, "区住房和城乡建设局") in got
    assert ("share", 11.2, "区住房和城乡建设局") in got
    assert ("overdue", 9.0, "城南街道办事处") in got
    assert ("volume", 1200.0, None) in got


def test_a_line_that_is_one_number_is_never_glued_to_its_neighbours(tmp_path):
    # a prose line broken mid-sentence is glued to the next (`超期工单⏎12件`), but a line that is
    # one number is a table cell: `超期工单⏎1⏎2件` holds no 12
    assert _file_triples(tmp_path, "本月城关镇超期工单\n12件。\n") == [("overdue", 12.0, "城关镇")]
    assert _file_triples(tmp_path, "本月城关镇超期工单\n1\n2件。\n") == []


def test_markdown_bullets_each_name_their_unit(tmp_path):
    """A Markdown export lists one unit per bullet (`- **城关镇**：受理…`): each line's figures
    are its unit's, and the lines are not run together."""
    text = ("# 关于2024年5月份12345热线办理情况的通报\n\n## 一、各镇办理情况\n\n本月各镇共承办工单1219件。\n\n"
            "- **城关镇**：承办412件，办结405件，满意率97.6%\n* **新集镇**：承办388件，办结388件，满意率99.1%\n")
    assert _file_triples(tmp_path, text) == [
        ("volume", 1219.0, None),
        ("volume", 412.0, "城关镇"), ("completed", 405.0, "城关镇"), ("satisfaction_rate", 97.6, "城关镇"),
        ("volume", 388.0, "新集镇"), ("completed", 388.0, "新集镇"), ("satisfaction_rate", 99.1, "新集镇")]


def test_a_news_pages_links_to_other_articles_give_no_figures(tmp_path):
    """A related-news list under the article (`· headline 2023-04-12`) holds other pages' numbers."""
    text = ("据介绍，一季度全市热线共受理诉求21.4万件。\n相关新闻\n· 我市12345热线去年受理诉求19.8万件2023-04-12\n"
            "2022年热线群众满意率96.7%(2023-01-18)\n")
    assert _file_triples(tmp_path, text) == [("volume", 214000.0, None)]
