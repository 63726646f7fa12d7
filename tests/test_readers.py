"""Every reader on real files: the same circular in every format gives the same text."""
import re
import shutil

import logging

import pytest

import extractor
from extractor.readers import ReadError, read, sniff
from extractor.readers import doc as doc_reader

from conftest import CORPUS, FIXTURES, FORMATS, founding

NUMBER = re.compile(r"\d+(?:\.\d+)?%?")


def numbers(text: str) -> list[str]:
    return NUMBER.findall(text)


@pytest.fixture(scope="module")
def source():
    return extractor.read(FORMATS / "f004.txt")


@pytest.mark.parametrize("name, fmt, encoding", [
    ("f004-gb18030.txt", "txt", "gb18030"),
    ("f004-big5.txt", "txt", "big5"),
    ("f004-utf16.txt", "txt", "utf-16"),
    ("f004-utf16le.txt", "txt", "utf-16-le"),
    ("f004-html.html", "html", "utf-8"),
    ("f004-docx.docx", "docx", None),
    ("f004-pdf.pdf", "pdf", None),
])
def test_every_variant_reads_to_the_same_numbers(source, name, fmt, encoding):
    doc = extractor.read(FORMATS / name)
    assert doc.source_format == fmt
    assert doc.encoding == encoding
    assert numbers(doc.text) == numbers(source.text)
    assert "汝州市12345民呼必应热线" in doc.text


def test_big5_is_told_from_gb18030_and_converted_back_to_simplified(source):
    doc = extractor.read(FORMATS / "f004-big5.txt")
    assert doc.script == "hant"
    assert "办结率98.4%" in doc.text
    assert doc.text.replace("\n", "") == source.text.replace("\n", "")


def test_html_drops_script_nav_and_footer_and_keeps_tables_as_structure():
    doc = extractor.read(FORMATS / "f004-html.html")
    assert "tracker" not in doc.text and "不是正文" not in doc.text
    assert "首页" not in doc.text and "网站地图" not in doc.text
    assert len(doc.source_tables) == 4
    first = doc.source_tables[0]
    assert first.rows[0] == ["类型", "数量(件)", "占比"]
    assert first.rows[1] == ["咨询类", "2979", "48.11%"]
    # the structure sits where its rendering sits in the raw text
    assert doc.raw[first.start:first.end].startswith("类型 | 数量(件) | 占比 |")


def test_html_rowspan_and_colspan_are_expanded(tmp_path):
    page = ("<html><body><p>标题</p><table><tr><th rowspan=2>单位</th><th colspan=2>工单</th></tr>"
            "<tr><th>受理</th><th>办结</th></tr><tr><td>甲镇</td><td>5</td><td>4</td></tr></table></body></html>")
    f = tmp_path / "page.htm"
    f.write_text(page, encoding="utf-8")
    doc = read(f)
    assert doc.source_tables[0].rows == [["单位", "工单", "工单"], ["单位", "受理", "办结"], ["甲镇", "5", "4"]]
    assert doc.source_tables[0].header_rows == 2


@pytest.mark.parametrize("title, first_line", [
    ("关于2025年3月热线工单办理情况的通报", "关于2025年3月热线工单办理情况的通报"),   # not in the body: it leads
    ("关于2025年3月热线工单办理情况的通报_某某县人民政府", "关于2025年3月热线工单办理情况的通报"),  # site suffix
    ("通知公告", "关于2025年3月热线工单办理情况的通报"),   # a section name, the article's title below it
])
def test_html_page_title_leads_only_when_the_body_lacks_it(tmp_path, title, first_line):
    body = "" if first_line == title else "<h1>关于2025年3月热线工单办理情况的通报</h1>"
    f = tmp_path / "page.html"
    f.write_text(f"<html><head><title>{title}</title></head><body>{body}<p>本月受理工单120件。</p></body></html>",
                 encoding="utf-8")
    lines = read(f).raw.splitlines()
    assert lines[0] == first_line and lines.count(first_line) == 1


def test_html_pre_keeps_its_line_breaks_and_indentation_between_blocks_makes_no_lines(tmp_path):
    html = ("<html><body><p>附件</p><pre>\n序号\t单位\t报送(条)\n1\t甲镇\t5\n2\t乙镇\t3\n</pre>\n"
            "    <p>单位</p>\n    <p>得分</p>\n</body></html>")
    path = tmp_path / "p.html"
    path.write_text(html, encoding="utf-8")
    raw = extractor.read(path).raw
    assert "附件\n序号\t单位\t报送(条)\n1\t甲镇\t5\n2\t乙镇\t3\n" in raw
    assert "\n单位\n得分\n" in raw


def test_html_in_gbk_with_meta_charset(tmp_path):
    f = tmp_path / "gbk.html"
    f.write_bytes('<html><head><meta charset="gbk"></head><body><p>受理诉求1416件</p></body></html>'.encode("gbk"))
    doc = extractor.read(f)
    assert doc.encoding == "gb18030"
    assert "受理诉求1416件" in doc.text


def test_docx_keeps_paragraphs_and_tables_in_document_order():
    doc = extractor.read(FORMATS / "f004-docx.docx")
    text = doc.text
    assert text.index("二、数据分析") < text.index("咨询类 | 2979") < text.index("三、热点问题")
    # the merged title cell spans the row and comes back repeated
    assert doc.source_tables[0].rows[0] == ["统计", "统计", "统计"]


def test_pdf_keeps_page_breaks_and_text_order():
    doc = extractor.read(FORMATS / "f004-pdf.pdf")
    assert "\f" in doc.text
    assert doc.text.index("一、工作概况") < doc.text.index("二、数据分析")


def test_legacy_doc_is_read_from_its_piece_table_with_cells_kept(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)  # no LibreOffice needed
    doc = extractor.read(CORPUS / "d017-doc.doc")
    assert doc.source_format == "doc" and doc.encoding is None
    assert numbers(doc.text) == numbers(extractor.read(CORPUS / "d017.txt").text)
    table = doc.source_tables[0]
    assert table.rows[0] == ["序号", "单位", "受理(件)", "办结(件)", "延期(件)", "满意率"]
    assert table.rows[-1] == ["", "合计", "512", "486", "19", "92.1%"]
    assert len(table.rows) == 13


def test_legacy_doc_rows_of_different_widths_are_cut_where_each_row_ends(monkeypatch):
    # LibreOffice's .doc of the .docx fixture: each table opens with a title row merged into
    # one cell, so the first row's width says nothing of the others'
    monkeypatch.setattr(shutil, "which", lambda name: None)
    doc, docx = extractor.read(FORMATS / "f004-doc.doc"), extractor.read(FORMATS / "f004-docx.docx")
    assert [t.rows for t in doc.source_tables] == [t.rows for t in docx.source_tables]
    assert doc.source_tables[0].rows[:2] == [["统计"] * 3, ["类型", "数量(件)", "占比"]]


def test_legacy_doc_two_row_header_with_merged_cells_reads_as_its_word_original(monkeypatch):
    # the upper header row has fewer cells (工单办理情况 spans three sub-headings, 序号/县区/…
    # are merged down), so its row ends early; it is spread over the columns as the .docx
    # reader repeats merged cells
    monkeypatch.setattr(shutil, "which", lambda name: None)
    doc = extractor.read(CORPUS / "heldout136" / "si004.doc")
    docx = extractor.read(FIXTURES / "doc" / "si004.docx")
    assert [t.rows for t in doc.source_tables] == [t.rows for t in docx.source_tables]
    assert doc.source_tables[0].rows[0][2:5] == ["工单办理情况（件）"] * 3
    assert doc.source_tables[0].rows[-1][:3] == ["", "合计", "45694"]


def test_doc_headings_sharing_one_run_of_sub_headings_split_it_where_a_group_ends():
    """A .doc keeps no cell widths: two or three merged headings over one run of sub-headings
    split it after a rate and before a sub-heading naming the next heading's words."""
    rows = extractor.read(CORPUS / "heldout147" / "st006.doc").source_tables[0].rows
    assert rows[0][2:11] == ["抽查情况"] * 3 + ["问题类型"] * 4 + ["整改情况"] * 2
    assert rows[1][8:10] == ["诉求未实质解决", "整改到位件数"]
    rows = extractor.read(CORPUS / "heldout147" / "st002.doc").source_tables[0].rows
    assert rows[0][2:9] == ["核查情况"] * 3 + ["不合格类型"] * 4


def test_doc_the_piece_table_cannot_explain_needs_libreoffice_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    f = tmp_path / "old.doc"
    f.write_bytes(b"{\\rtf1\\ansi \\u21463?\\u29702? 1416}")
    with pytest.raises(ReadError, match="LibreOffice") as e:
        read(f)
    assert e.value.code == "no_converter"


def test_rtf_converts_when_libreoffice_is_installed(tmp_path):
    f = tmp_path / "old.doc"
    f.write_bytes(b"{\\rtf1\\ansi \\uc1\\u21463?\\u29702?1416\\u20214?\\par}")
    if doc_reader.soffice() is None:
        with pytest.raises(ReadError, match="LibreOffice"):
            read(f)
    else:
        assert "受理1416件" in extractor.read(f).text


@pytest.mark.parametrize("head, suffix, fmt", [
    (b"%PDF-1.7\n", ".txt", "pdf"),
    (b"PK\x03\x04rest", ".doc", "docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".docx", "doc"),
    (b"  <!DOCTYPE html><html>", ".txt", "html"),
    ("<p>正文</p>".encode("utf-16"), ".txt", "html"),
    (b"# readme with <table> in it", ".md", "txt"),
    ("受理诉求".encode("gb18030"), ".html", "txt"),
])
def test_format_is_sniffed_from_content_not_extension(head, suffix, fmt):
    assert sniff(head, suffix) == fmt


def test_file_that_lies_about_its_extension(tmp_path):
    f = tmp_path / "circular.txt"
    f.write_bytes((FORMATS / "f004-pdf.pdf").read_bytes())
    assert extractor.read(f).source_format == "pdf"


def test_founding_circulars_read_as_utf8():
    for prefix in ("000", "001", "002", "003", "004"):
        doc = extractor.read(founding(prefix))
        assert doc.encoding == "utf-8" and doc.source_format == "txt"


def test_pdf_punctuation_drawn_in_a_second_font_is_put_back_where_it_stands():
    # LibreOffice sets “ ” ‘ ’ — in a Latin font and draws them after the line's other text
    text = extractor.read(FIXTURES / "pdf" / "quotes-libreoffice.pdf").text
    assert text.startswith("城东区政务服务“好差评”\n")  # no space pdfium put before the closing quote
    assert "答复“已办结”但问题未解决" in text and "群众评价“不满意”的有" in text
    assert "坚持‘接诉即办’，对“回头看”中发现的问题—一律退回重办" in text


def test_pdf_lines_wrapped_at_the_margin_are_joined_into_their_paragraph():
    doc = extractor.read(FORMATS / "f004-pdf.pdf")
    assert "(一)本级登记事项6002件。其中,协调办理4906件,办结率100%;交办处理1096件,已办结979件,办结率98.4%,满意率99.2%。" in doc.text
    assert "一、工作概况\n" in doc.text  # a heading stays its own line


def test_pdf_table_rows_written_with_pipes_are_not_joined_to_their_header():
    """A header row as wide as the page, its cells parted by ` | `, is no wrapped line."""
    from extractor.readers.pdf import unwrap
    page = ("附件\n组别 | 责任单位名称 | 超时签收(件) | 综合得分 | 榜单\n镇(街道) | 南山街道 | 2 | 98.64 | 红榜\n"
            "区级部门 | 区人社局 | 0 | 99.2 | 红榜")
    assert unwrap(page) == page


def test_pdf_lines_are_joined_by_what_fits_at_the_margin_not_by_their_length():
    """A line broke three characters short of the margin because the number after it would not
    fit (`…一级分类为：城乡建设` / `11,207件…`): it is wrapped; a right-set issuer and date and
    the note after the date are not run together, nor is a folio at a page's foot."""
    text = extractor.read(CORPUS / "heldout146" / "ss004.pdf").raw
    assert "排名前五的一级分类为：城乡建设11,207件（占21.22%）、劳动保障8,164件" in text
    assert "受理4,733件，占该类的57.97%，其中农民工欠薪3,312件。" in text
    assert "邓州市政务服务和大数据管理局\n二〇二四年七月十日\n" in text
    text = extractor.read(CORPUS / "heldout146" / "ss006.pdf").raw
    assert "2024年7月8日\n（此件公开发布）" in text


def test_pdf_masthead_number_beside_the_issuer_is_not_run_into_the_title():
    """A two-column red header sets the issuer and its number on one line, the title below: the
    line ends at the number (the title's first line is no wrap of it)."""
    raw = extractor.read(CORPUS / "heldout220" / "vo002.pdf").raw
    assert "宜政数发〔2024〕8号\n关于2024年第一季度全市12345政务服务" in raw
    raw = extractor.read(CORPUS / "heldout220" / "vo004.pdf").raw
    assert "秦政办发〔2023〕86号\n天水市秦州区人民政府办公室\n关于11月份" in raw


def test_pdf_paragraph_cut_by_a_page_break_is_joined_back_on_the_page_it_began_on():
    """The folio at the first page's foot stays there (the normaliser drops it), and the rest
    of the second page follows the page break."""
    text = extractor.read(CORPUS / "heldout146" / "ss004.pdf").raw
    assert "湍河街道3,790件；乡镇中穰东镇以2,437件居首。满意率低于95%的有3个" in text
    assert "构林镇（94.6%）。\n— 2 —\n\f三、分析研判\n" in text
    # (a line that ends with a comma, whose glyph stops short of the margin, ran on all the same)
    text = extractor.read(CORPUS / "heldout146" / "ss001.pdf").raw
    assert "房屋质量问题846件，比去年同期减少212件，" in text
    # (prose that sets spaces around its numbers is no table row: `综合得分 88.73 分，排名第 14`)
    text = extractor.read(CORPUS / "heldout170" / "tq004.pdf").raw
    assert "秦皇岛市、承德市、张家口市评为一般等次，其中张家口市综合得分 88.73 分，排名第 14位。" in text


def test_join_pages_passes_over_folios_and_a_running_header_and_keeps_table_rows_apart():
    from extractor.readers.pdf import join_pages

    header = "某某市12345热线办公室"
    pages = [f"{header}\n本月全市受理诉求3.2万件，办结率98.6%，按时办\n第 1 页 共 2 页",
             f"{header}\n结率97.9%。\n二、各县区情况\n甲县 1200 98.5%",
             f"{header}\n乙县 1100 97.1%"]
    box, head = (500.0, 14.0, 14.0), (200.0, 14.0, 14.0)   # (right, first run, size): at the margin, short
    boxes = [[head, box, box], [head, box, box, box], [head, box]]
    upper, middle, lower = join_pages(pages, boxes)
    assert upper == f"{header}\n本月全市受理诉求3.2万件，办结率98.6%，按时办结率97.9%。\n第 1 页 共 2 页"
    assert middle == f"{header}\n二、各县区情况\n甲县 1200 98.5%"
    assert lower == f"{header}\n乙县 1100 97.1%"   # (a row at a page's foot goes on in the table below)
    # a line that stopped short of the margin ended its paragraph
    short = [[head, (300.0, 14.0, 14.0), box], [head, box, box, box], [head, box]]
    assert join_pages(pages, short)[1].startswith(f"{header}\n结率97.9%。")


def test_unwrap_with_line_boxes_keeps_a_title_in_a_larger_font_apart():
    from extractor.readers.pdf import unwrap

    page = "某某区人民政府办公室关于2024年5月份热线工作情况的通报\n各街道办事处，区政府各部门：\n本月共受理诉求。"
    boxes = [(520.0, 22.0, 22.0), (300.0, 16.0, 16.0), (200.0, 16.0, 16.0)]   # (right, first run, size)
    assert unwrap(page, boxes) == page
    same_size = [(520.0, 16.0, 16.0), (300.0, 16.0, 16.0), (200.0, 16.0, 16.0)]
    assert unwrap(page, same_size).split("\n")[0].endswith("通报各街道办事处，区政府各部门：")


def test_unwrap_keeps_short_lines_and_sentence_ends():
    from extractor.readers.pdf import unwrap

    page = ("咨询类诉求6.94万件，占54.01%；投诉类2.71万件，占21.09%；举报类0.3\n"
            "7万件，占2.88%。\n"
            "二、各县区办理情况\n"
            "本月全市共受理群众诉求十二万件，同比增长百分之七，办结率较上月提高。\n"
            "附件：统计表")
    assert unwrap(page) == ("咨询类诉求6.94万件，占54.01%；投诉类2.71万件，占21.09%；举报类0.37万件，占2.88%。\n"
                            "二、各县区办理情况\n"
                            "本月全市共受理群众诉求十二万件，同比增长百分之七，办结率较上月提高。\n"
                            "附件：统计表")


def test_unwrap_leaves_the_issuer_above_the_date_on_its_own_line():
    from extractor.readers.pdf import unwrap

    page = ("请各单位于3月10日前将整改情况报送区政务服务中心。\n"
            "附件：2025年1月各街道（乡镇）热线工单办理情况统计表及考核扣分明细\n"
            "某某区人民政府办公室\n"
            "2025 年 2 月 26 日")
    assert unwrap(page).split("\n")[1:] == ["附件：2025年1月各街道（乡镇）热线工单办理情况统计表及考核扣分明细",
                                            "某某区人民政府办公室", "2025 年 2 月 26 日"]


def test_unwrap_keeps_a_masthead_with_issuer_and_date_on_one_line_apart_from_the_body():
    from extractor.readers.pdf import unwrap

    # (issuer left, date right: the line runs to the margin like a wrapped one)
    page = ("某某县12345热线工单回访简报\n"
            "某某县数据资源管理局                                              2023年6月8日\n"
            "五月份，县热线分中心共回访工单2417件，回访联系成功2236件，联系成功率92.5%，\n"
            "实际解决率83.8%。")
    assert unwrap(page).split("\n")[1] == "某某县数据资源管理局                                              2023年6月8日"


def test_unwrap_joins_a_paragraph_whose_sentence_ended_right_at_the_margin():
    from extractor.readers.pdf import unwrap

    page = ("河西街道：本月承办转派工单318件，其中投诉类126件，占比39.6%，高于全区平均。\n"
            "已办结301件，仍有17件未办结，办结率94.65%，考核得分88.2分，在全区排名第九。\n"
            "河东街道：承办工单205件，办结率99.02%，群众满意率96.3%，得分97.5分。\n"
            "其余单位均按期办结。")
    assert unwrap(page).split("\n") == [
        "河西街道：本月承办转派工单318件，其中投诉类126件，占比39.6%，高于全区平均。"
        "已办结301件，仍有17件未办结，办结率94.65%，考核得分88.2分，在全区排名第九。",
        "河东街道：承办工单205件，办结率99.02%，群众满意率96.3%，得分97.5分。",   # a new `单位：` paragraph
        "其余单位均按期办结。"]   # (the line before ended short of the margin)


def test_unwrap_leaves_table_rows_as_wide_as_the_page_apart():
    from extractor.readers.pdf import unwrap

    page = ("各乡镇受理情况见下表。\n"
            "1 东坝镇 3120 2987 1846 99.91%\n"
            "2 龙门乡 2874 2533 1702 99.86%\n"
            "3 青石镇 2605 2410 1533 99.90%")
    assert unwrap(page) == page


def test_unwrap_leaves_a_header_as_wide_as_the_page_above_its_first_row():
    from extractor.readers.pdf import unwrap

    page = ("序号 乡镇 受理量(件) 办结量(件) 按期办结率 回访满意率 考核得分\n"
            "1 东坝镇 3120 2987 99.91% 98.20% 96.5\n"
            "2 龙门乡 2874 2533 99.86% 97.10% 95.0")
    assert unwrap(page) == page


def test_a_pdf_table_found_by_the_reader_is_a_table_block_not_prose():
    from extractor.normalise import normalise
    from extractor.segment import segment

    doc = segment(normalise(extractor.read(CORPUS / "heldout130" / "sc001.pdf")))
    rows = [b for b in doc.blocks if "不动产登记窗口 9865" in doc.text[b.start:b.end]]
    assert [b.kind for b in rows] == ["table"]
    figures = extractor.extract(CORPUS / "heldout130" / "sc001.pdf")["figures"]
    assert not figures["text"].str.contains("9865 4210").any()
    assert (figures["value"] == 9865).sum() == 1    # (the prose above still read: `不动产登记窗口9865件`)


def test_a_layout_table_is_walked_into_and_the_data_table_inside_it_kept(tmp_path):
    page = ("<html><body><table><tr><td><div class='nav'>首页</div></td></tr><tr><td>"
            "<h1>某区12345热线运行情况通报</h1><p>本月共受理诉求1,416件，办结率98.2%。</p>"
            "<table><tr><th>单位</th><th>受理(件)</th></tr><tr><td>甲镇</td><td>12</td></tr>"
            "<tr><td>合计</td><td>12</td></tr></table><p>区政府办公室</p></td></tr></table></body></html>")
    f = tmp_path / "layout.html"
    f.write_text(page, encoding="utf-8")
    doc = read(f)
    assert [t.rows for t in doc.source_tables] == [[["单位", "受理(件)"], ["甲镇", "12"], ["合计", "12"]]]
    assert "某区12345热线运行情况通报\n本月共受理诉求1,416件，办结率98.2%。\n" in doc.raw
    assert doc.raw[doc.source_tables[0].start:].startswith("单位 | 受理(件) |")


def test_a_pdf_whose_fonts_lack_a_bounding_box_is_read_without_a_warning_per_glyph(caplog):
    """Some writers (this one Chromium) embed fonts pdfminer warns about on every glyph; the text
    is read all the same."""
    with caplog.at_level(logging.WARNING):
        doc = extractor.read(CORPUS / "heldout146" / "ss001.pdf")
    assert "德清县12345政务服务便民热线管理中心" in doc.raw and doc.source_tables
    assert not [r for r in caplog.records if "FontBBox" in r.getMessage()]
