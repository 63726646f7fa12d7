"""Check stage: totals against rows, headline figures against annex totals, rates against counts.

Figures are built here the way the figures stage reports them (metric, value, channel,
entity, text, and the offsets of the number in the normalised text).
"""
import pytest

from extractor.checks import rate_agrees, run_checks
from extractor.model import Document
from extractor.normalise import normalise
from extractor.pipeline import load
from extractor.schema import SCHEMAS
from extractor.segment import segment
from extractor.tables import extract_tables

from conftest import CORPUS, founding


def doc_of_text(text: str) -> Document:
    doc = Document(source_path="x.txt", source_format="txt", doc_id="x", raw=text)
    normalise(doc)
    segment(doc)
    return doc


def fig(doc, metric, clause, number, channel="hotline", entity=None, value=None):
    """A figure as the figures stage gives it: `number` as written inside `clause`."""
    at = doc.text.index(clause)
    start = doc.text.index(number, at)
    if value is None:
        value = float(number.replace(",", ""))
    return {"metric": metric, "value": value, "unit": "%" if metric.endswith("rate") else "件",
            "category": None, "entity": entity, "channel": channel, "text": clause,
            "start": start, "end": start + len(number)}


def checks_of(doc, figures=()):
    tables, cells = extract_tables(doc)
    return run_checks(doc, list(figures), tables, cells)


def by(checks, check, status=None):
    return [c for c in checks if c["check"] == check and (status is None or c["status"] == status)]


def test_check_rows_have_the_contract_columns():
    checks = checks_of(load(CORPUS / "d013.txt"))
    assert checks
    allowed = set(SCHEMAS["checks"].names) - {"doc_id"}
    for c in checks:
        assert set(c) == allowed
        assert c["status"] in ("pass", "fail")


def test_total_rows_agree_with_their_rows():
    checks = checks_of(load(CORPUS / "d013.txt"))
    totals = by(checks, "total_vs_rows")
    assert {c["subject"] for c in totals} == {"table 0 column 受理(件)", "table 0 column 办结(件)", "table 0 column 超期(件)"}
    assert all(c["status"] == "pass" for c in totals)
    assert next(c for c in totals if "受理" in c["subject"])["expected"] == 3214


def test_a_total_row_that_does_not_add_up_fails():
    # the founding circular 002: the 合计 of 承办量 is 206, its 22 rows make 208
    checks = checks_of(load(founding("002")))
    failed = by(checks, "total_vs_rows", "fail")
    assert [(c["subject"], c["expected"], c["actual"]) for c in failed] == [("table 0 column 承办量", 206.0, 208.0)]
    assert len(by(checks, "total_vs_rows", "pass")) == 7


def test_share_columns_are_summed_and_rates_are_not():
    checks = checks_of(load(founding("004")))
    subjects = {c["subject"]: c for c in by(checks, "total_vs_rows")}
    assert subjects["table 0 column 占比"]["status"] == "pass"  # 48.11 + 17.67 + … = 100%
    assert subjects["table 1 column 数量(件)"]["expected"] == 2685
    assert not any("考核总分" in s or "排名" in s for s in subjects)
    checks = checks_of(load(CORPUS / "d012.txt"))
    assert not any("办结率" in c["subject"] or "满意率" in c["subject"] for c in by(checks, "total_vs_rows"))


def test_rate_columns_against_their_count_columns():
    checks = checks_of(load(CORPUS / "d014.txt"))
    rates = by(checks, "rate_vs_columns")
    assert len(rates) == 15 and all(c["status"] == "pass" for c in rates)
    total = next(c for c in rates if "合计" in c["subject"])
    assert total["expected"] == 99.38 and total["actual"] == pytest.approx(59198 / 59566 * 100)
    # 采纳率 = 采纳 / 报送 (000's website table)
    rates = by(checks_of(load(founding("000"))), "rate_vs_columns")
    assert rates and all("采纳率" in c["subject"] for c in rates) and all(c["status"] == "pass" for c in rates)


def test_a_rate_column_that_disagrees_fails():
    doc = doc_of_text("附件\n各街道情况\n街道 | 受理(件) | 办结(件) | 办结率 |\n甲街道 | 200 | 190 | 95% |\n"
                      "乙街道 | 100 | 90 | 95% |\n合计 | 300 | 280 | 93.33% |\n")
    rates = by(checks_of(doc), "rate_vs_columns")
    assert [(c["subject"], c["status"]) for c in rates] == [
        ("table 0 row 甲街道 column 办结率", "pass"), ("table 0 row 乙街道 column 办结率", "fail"),
        ("table 0 row 合计 column 办结率", "pass")]


def test_headline_figures_against_the_annex_total():
    doc = load(founding("000"))
    figures = [fig(doc, "volume", "共接到转办工单1416件", "1416"),
               fig(doc, "volume", "“邻里牵手”共接到转办工单81件", "81"),
               fig(doc, "completed", "办结81件", "81"),
               fig(doc, "volume", "交办工作任务47项", "47", channel="supervision")]
    head = by(checks_of(doc, figures), "headline_vs_annex")
    passed = {(c["subject"], c["expected"]) for c in head if c["status"] == "pass"}
    assert ("table 1 合计 本月投诉(条)", 1416.0) in passed  # the 12345 annex
    assert ("table 2 合计 本月投诉(条)", 81.0) in passed
    # 办结81件 is the 邻里牵手 table's, not a counter-example for the 12345 annex's 1416
    assert not by(checks_of(doc, figures), "headline_vs_annex", "fail")


def test_a_headline_that_differs_from_the_annex_total_fails():
    doc = load(CORPUS / "d013.txt")
    figures = [fig(doc, "volume", "共受理群众诉求3,214件", "3,214"), fig(doc, "completed", "已办结3,102件", "3,102")]
    assert {c["status"] for c in by(checks_of(doc, figures), "headline_vs_annex")} == {"pass"}
    wrong = [dict(figures[0], value=3241.0)]
    failed = by(checks_of(doc, wrong), "headline_vs_annex", "fail")
    assert [(c["expected"], c["actual"]) for c in failed] == [(3241.0, 3214.0)]
    # another channel is not compared
    assert not by(checks_of(doc, [dict(wrong[0], channel="website")]), "headline_vs_annex")


def test_headline_written_in_wan_is_compared_at_its_precision():
    doc = load(CORPUS / "d005.txt")
    clause = next(line for line in doc.text.split("\n") if "49.87万" in line)
    figures = [fig(doc, "completed", clause, "49.87", value=498700.0)]
    head = by(checks_of(doc, figures), "headline_vs_annex")
    assert [(c["status"], c["actual"]) for c in head] == [("pass", 498706.0)]


def test_town_tables_are_not_held_to_the_citywide_headline():
    doc = load(CORPUS / "d014.txt")
    figures = [fig(doc, "volume", "共受理群众诉求96,385件", "96,385")]
    assert not by(checks_of(doc, figures), "headline_vs_annex")


def test_stated_rate_against_stated_counts():
    doc = doc_of_text("本月共受理群众诉求3,214件。其中，电话渠道2,876件，网络渠道338件。已办结3,102件，"
                      "正在办理112件，办结率96.52%。\n信息报送296条，采纳137条，采纳率46%。\n")
    figures = [fig(doc, "volume", "受理群众诉求3,214件", "3,214"), fig(doc, "volume", "电话渠道2,876件", "2,876"),
               fig(doc, "volume", "网络渠道338件", "338"), fig(doc, "completed", "已办结3,102件", "3,102"),
               fig(doc, "pending", "正在办理112件", "112"), fig(doc, "completion_rate", "办结率96.52%", "96.52"),
               fig(doc, "submitted", "信息报送296条", "296", channel="website"),
               fig(doc, "adopted", "采纳137条", "137", channel="website"),
               fig(doc, "adoption_rate", "采纳率46%", "46", channel="website")]
    rates = by(checks_of(doc, figures), "rate_vs_counts")
    assert [(c["subject"], c["status"]) for c in rates] == [
        ("completion_rate of hotline", "pass"), ("adoption_rate of website", "pass")]
    assert rates[0]["actual"] == pytest.approx(3102 / 3214 * 100)  # the total, not a 其中 breakdown


def test_a_stated_rate_that_disagrees_with_its_counts_fails():
    doc = load(founding("002"))
    figures = [fig(doc, "volume", "群众来电574件", "574"), fig(doc, "completed", "已办结366件", "366"),
               fig(doc, "completion_rate", "办结率为64.3%", "64.3")]
    rates = by(checks_of(doc, figures), "rate_vs_counts")
    assert [(c["status"], c["expected"]) for c in rates] == [("fail", 64.3)]
    assert rates[0]["actual"] == pytest.approx(366 / 574 * 100)


def test_rates_from_rounded_counts_use_their_precision():
    doc = doc_of_text("派发工单1.64万宗，办结1.59万宗，按期办结率97.3%。\n")
    figures = [fig(doc, "volume", "派发工单1.64万宗", "1.64", value=16400.0),
               fig(doc, "completed", "办结1.59万宗", "1.59", value=15900.0),
               fig(doc, "completion_rate", "按期办结率97.3%", "97.3")]
    assert [c["status"] for c in by(checks_of(doc, figures), "rate_vs_counts")] == ["pass"]


def test_a_rate_of_another_breakdown_is_not_checked():
    doc = doc_of_text("共受理群众诉求9.86万件。其中，直接答复5.73万件，转办4.13万件。转办工单按期办结率99.2%。\n")
    figures = [fig(doc, "volume", "共受理群众诉求9.86万件", "9.86", value=98600.0),
               fig(doc, "completed", "直接答复5.73万件", "5.73", value=57300.0),
               fig(doc, "volume", "转办4.13万件", "4.13", value=41300.0),
               fig(doc, "completion_rate", "转办工单按期办结率99.2%", "99.2")]
    assert not by(checks_of(doc, figures), "rate_vs_counts")


@pytest.mark.parametrize("stated, decimals, computed, ok", [
    (98.2, 1, 98.2499, True), (98.2, 1, 98.15, True), (98.2, 1, 98.29, True),  # rounded or cut off
    (98.2, 1, 98.31, False), (100.0, 0, 99.6, True), (100.0, 0, 99.4, False), (96.52, 2, 96.5184, True),
])
def test_rate_agrees(stated, decimals, computed, ok):
    assert rate_agrees(stated, decimals, computed) is ok


def test_no_figures_no_tables_no_checks():
    assert checks_of(doc_of_text("一、总体情况\n本月工作平稳。\n")) == []


def test_subtotal_and_of_which_rows_are_not_summed_and_already_done_counts_pair_with_rates():
    doc = doc_of_text("附件\n情况表\n单位 | 受理(件) | 已办结(件) | 办结率 |\n甲镇 | 100 | 90 | 90% |\n其中：甲村 | 40 | 40 | 100% |\n"
                      "乙镇 | 50 | 50 | 100% |\n小计 | 150 | 140 | 93.33% |\n全区平均 | 75 | 70 | 93.33% |\n合计 | 150 | 140 | 93.33% |\n")
    checks = checks_of(doc)
    totals = by(checks, "total_vs_rows")
    assert [(c["subject"], c["status"], c["actual"]) for c in totals] == [
        ("table 0 column 受理(件)", "pass", 150.0), ("table 0 column 已办结(件)", "pass", 140.0)]
    assert len(by(checks, "rate_vs_columns", "pass")) == 6


def test_category_figures_against_a_table_of_categories():
    doc = doc_of_text("本月咨询类诉求2979件，占48.11%；建议类73件。\n诉求类型统计表\n类型 | 数量(件) | 占比 |\n"
                      "咨询类 | 2979 | 48.11% |\n建议类 | 37 | 0.60% |\n其它 | 3176 | 51.29% |\n合计 | 6192 | 100% |\n")
    figures = [dict(fig(doc, "category_count", "咨询类诉求2979件", "2979"), category="咨询"),
               dict(fig(doc, "category_share", "占48.11%", "48.11"), category="咨询"),
               dict(fig(doc, "category_count", "建议类73件", "73"), category="建议")]
    checks = by(checks_of(doc, figures), "category_vs_table")
    assert [(c["subject"], c["status"]) for c in checks] == [
        ("table 0 咨询类 数量(件)", "pass"), ("table 0 咨询类 占比", "pass"), ("table 0 建议类 数量(件)", "fail")]
