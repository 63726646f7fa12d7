"""Fuzzing the stages that read text: the table rebuilders and the figures engine take any
normalised text without an exception, and every offset they give lies inside the text (the
normaliser's own property test is in test_normalise.py)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.figures import extract_figures
from extractor.model import Document
from extractor.normalise import normalise
from extractor.segment import segment
from extractor.tables import extract_tables

# pieces of real circulars: keywords, numbers, units, table marks, headings, annex lines
PIECES = [
    "受理", "办结", "办结率", "满意率", "回访", "诉求", "工单", "件", "条", "个", "%", "％", "百分之",
    "同比增长", "下降", "占", "约", "近", "余", "合计", "小计", "其中", "总计", "单位：件", "附件1", "附件",
    "备注", "注：", "一、", "（一）", "1.", "二、数据分析", "街道", "镇", "局", "分别为", "、", "，", "。",
    "：", "；", "|", " | ", "｜", "\t", "\n", "\n\n", "\f", " ", "—", "/", "-", "(", ")", "（", "）",
    "0", "1", "12", "98.5", "1,416", "1416", "0.37万", "100", "3.", "..", "２０２３年", "2023年10月",
    "〔2023〕2号", "12345", "710", "表1", "序号", "单位", "办件量", "区县", "咨询类", "投诉类",
    "甲镇", "乙镇", "&nbsp;", "&amp;", "<td>", "區(qū)", "著", "\u3000", "\ufeff", "\x00", "\ud7ff",
]
# Any character, decimal digits of every script included (and digits of Unicode versions newer
# than this Python's, such as U+16130, which float() does not know); surrogates left out.
CHARS = st.one_of(st.characters(exclude_categories=["Cs"]), st.sampled_from("0123456789０１２３４５\U00016130٣३"))
text = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    st.text(CHARS, max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(CHARS, max_size=5)), max_size=60).map("".join),
)
# a table-shaped text: rows of pipe or tab separated cells under an annex heading
cell = st.one_of(st.sampled_from(["合计", "小计", "甲镇", "乙镇", "单位", "办结率", "—", "", "1416", "98.5%", "12"]),
                 st.text(alphabet="0123456789.%件镇合计", max_size=6))
row = st.tuples(st.lists(cell, min_size=1, max_size=7), st.sampled_from([" | ", "|", "\t", "  "]))
table = st.tuples(st.sampled_from(["", "附件1\n", "附件2\n表1 受理情况统计表\n单位：件\n"]),
                  st.lists(row, min_size=1, max_size=10), st.sampled_from(["", "注：数据截至月底\n"])).map(
    lambda t: t[0] + "".join(sep.join(cells) + ("|" if sep.strip() == "|" else "") + "\n" for cells, sep in t[1]) + t[2])
anything = st.one_of(text, table, st.tuples(text, table, text).map("".join))

SETTINGS = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def document(raw: str) -> Document:
    doc = Document(source_path="fuzz.txt", source_format="txt", doc_id="fuzz", raw=raw)
    normalise(doc)
    segment(doc)
    return doc


def inside(doc: Document, start, end) -> bool:
    return 0 <= start <= end <= len(doc.text)


@SETTINGS
@given(anything)
def test_table_rebuilders_never_raise_and_stay_inside_the_text(raw):
    doc = document(raw)
    tables, cells = extract_tables(doc)
    for t in tables:
        assert inside(doc, t["start"], t["end"]), t
        assert t["n_rows"] >= 0 and t["n_cols"] >= 0
    ids = {t["table_id"] for t in tables}
    assert all(c["table_id"] in ids for c in cells)


@SETTINGS
@given(anything)
def test_figures_engine_never_raises_and_stays_inside_the_text(raw):
    doc = document(raw)
    for f in extract_figures(doc):
        assert inside(doc, f["start"], f["end"]) and f["start"] < f["end"], f
        assert 0 <= f["raw_start"] <= f["raw_end"] <= len(doc.raw), f
        assert any(ch.isdigit() for ch in doc.text[f["start"]:f["end"]]) or "百分之" in f["text"], f


html_cell = st.tuples(cell, st.sampled_from(["", ' colspan="2"', ' rowspan="2"', ' rowspan="3" colspan="2"']),
                      st.sampled_from(["td", "th"]))
html_table = st.lists(st.lists(html_cell, min_size=1, max_size=6), min_size=1, max_size=8).map(
    lambda rows: "<table>" + "".join("<tr>" + "".join(f"<{t}{a}>{c}</{t}>" for c, a, t in r) + "</tr>" for r in rows)
    + "</table>")


@SETTINGS
@given(st.tuples(text, html_table, text))
def test_html_table_rebuilder_never_raises_and_stays_inside_the_text(parts):
    import html

    from extractor.readers import ReadError
    from extractor.readers.html import read_html

    before, tbl, after = parts
    page = f"<html><body><p>{html.escape(before)}</p>{tbl}<p>{html.escape(after)}</p></body></html>"
    doc = Document(source_path="fuzz.html", source_format="html", doc_id="fuzz", raw="")
    try:
        read_html(page.encode("utf-8", "surrogatepass"), doc)
    except ReadError:  # a clean refusal (NUL bytes, an impossible table) is an allowed outcome
        return
    normalise(doc)
    segment(doc)
    tables, cells = extract_tables(doc)
    for t in tables:
        assert inside(doc, t["start"], t["end"]), t
    for f in extract_figures(doc):
        assert inside(doc, f["start"], f["end"]), f
