"""Segmenter: headings, run-on headings split at the first stop, tables, annexes, signature."""
from __future__ import annotations

from conftest import founding
from extractor.model import Document
from extractor.pipeline import load
from extractor.segment import section_of, segment


def seg(text: str) -> Document:
    doc = Document(source_path="t", source_format="txt", doc_id="", raw=text, text=text)
    return segment(doc)


def kinds(doc):
    return [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]


def test_run_on_heading_is_split_at_first_stop():
    doc = seg("(一)热线运行情况。本月受理工单100件。")
    assert kinds(doc) == [("heading", "(一)热线运行情况。"), ("paragraph", "本月受理工单100件。")]
    assert section_of(doc, doc.text.index("100")) == "(一)热线运行情况。"


def test_heading_levels():
    doc = seg("一、总体情况\n(二)办理时效\n3.典型问题\n(4)其他")
    assert [(b.kind, b.level) for b in doc.blocks] == [("heading", 1), ("heading", 2), ("heading", 3), ("heading", 4)]


def test_a_numbered_item_ending_in_a_semicolon_is_a_list_item_not_a_heading():
    doc = seg("排名前三的诉求依次为：\n1.物业管理1,204件，占9.8%，主要涉及收费；\n2.城市管理986件，占8.0%；\n3.教育713件；")
    assert [b.kind for b in doc.blocks] == ["paragraph"] * 4


def test_decimal_is_not_a_heading():
    doc = seg("3.5亩蔬菜大棚被占用")
    assert doc.blocks[0].kind == "paragraph"


def test_signature_annex_and_table():
    doc = seg("正文。\n附件：统计表\n| 单位 | 件数 |\n| 甲镇 | 3 |\n城中区人民政府办公室\n2023年11月17日")
    ks = [b.kind for b in doc.blocks]
    assert ks == ["paragraph", "annex", "table", "signature"]


def test_tab_separated_rows_are_a_table_but_one_tab_in_prose_is_not():
    doc = seg("本月受理\t3214件，办结3102件。\n序号\t窗口\t办件量\n1\t不动产登记窗口\t4862\n2\t税务窗口\t3284\n")
    assert [b.kind for b in doc.blocks] == ["paragraph", "table"]
    assert doc.text[doc.blocks[1].start:doc.blocks[1].end].endswith("税务窗口\t3284")


def test_sections_of_a_founding_circular():
    doc = load(founding("000"))
    at = doc.text.index("1416")
    assert section_of(doc, at).startswith("(二)")
    assert section_of(doc, 0) is None


def test_run_on_heading_without_a_stop_ends_after_its_heading_word():
    line = "(一)“12345”便民服务热线运行情况第二季度分中心共受理各类诉求事项4425件,求助类2026件,占诉求总事项的45.8%,主要集中在水利灌溉等方面"
    doc = seg(line)
    assert kinds(doc)[0] == ("heading", "(一)“12345”便民服务热线运行情况")
    assert kinds(doc)[1][0] == "paragraph" and kinds(doc)[1][1].startswith("第二季度")


def test_long_numbered_paragraph_without_heading_word_stays_a_paragraph():
    line = "(四)全面推进“一窗受理”,方便群众就近办理各部门要深化一件事一次办改革和基层审批便民化改革,稳步推进一窗受理集成服务和政务服务下沉"
    doc = seg(line)
    assert [b.kind for b in doc.blocks] == ["paragraph"]
