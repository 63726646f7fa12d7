"""Tables stage: every layout rebuilt into the same rows and cells, whatever the file format."""
import pytest

import extractor
from extractor.figures import extract_figures
from extractor.model import Document
from extractor.normalise import normalise
from extractor.pipeline import load
from extractor.segment import segment
from extractor.tables import extract_tables, format_tables, parse_value

from conftest import CORPUS, FIXTURES, FORMATS, founding


def tables_of(path):
    return extract_tables(load(path))


def tables_of_text(text: str, fmt: str = "txt"):
    doc = Document(source_path="x.txt", source_format=fmt, doc_id="x", raw=text)
    normalise(doc)
    segment(doc)
    return extract_tables(doc)


def shapes(tables):
    return [(t["n_rows"], t["n_cols"]) for t in tables]


def cell_set(cells):
    return sorted((c["row_label"], c["column"], c["value"] if c["value"] is not None else c["raw"]) for c in cells)


def cell(cells, label, column):
    found = [c for c in cells if c["row_label"] == label and c["column"] == column]
    assert len(found) == 1, (label, column, found)
    return found[0]


@pytest.mark.parametrize("prefix, expected", [
    ("000", [(36, 6), (36, 6), (10, 4), (29, 6)]),
    ("001", []),
    ("002", [(23, 6), (21, 6)]),
    ("003", [(27, 5)]),
    ("004", [(6, 3), (11, 3), (21, 3), (21, 3)]),
])
def test_founding_circulars_tables_have_their_rows_and_columns(prefix, expected):
    tables, cells = tables_of(founding(prefix))
    assert shapes(tables) == expected
    # one cell per data row and column, the index (序号) and label columns excepted
    for t in tables:
        n_label = sum(1 for c in t["columns"] if c in ("序号",)) + 1
        assert sum(1 for c in cells if c["table_id"] == t["table_id"]) == t["n_rows"] * (t["n_cols"] - n_label)


def test_pipe_cells_with_merged_total_row_and_captions():
    tables, cells = tables_of(founding("000"))
    t = tables[1]
    assert t["layout"] == "pipe_cells"
    assert t["annex"] == "附件2"
    assert t["title"] == "城中区“12345政务服务便民热线”10月情况统计表"
    assert t["columns"] == ["序号", "单位", "本月投诉(条)", "办结投诉(条)", "延期数(条)", "重办条数(条)"]
    total = cell([c for c in cells if c["table_id"] == 1], "合计", "本月投诉(条)")
    assert total["is_total"] and total["value"] == 1416 and total["unit"] == "条"
    rate = [c for c in cells if c["table_id"] == 3 and c["column"] == "采纳率"][0]
    assert rate["raw"] == "100%" and rate["value"] == 100.0 and rate["unit"] == "%"
    assert not any(c["column"] in ("序号", "单位") for c in cells)


def test_tab_cells_total_row_first_unit_and_note():
    tables, cells = tables_of(founding("002"))
    t = tables[0]
    assert t["layout"] == "tab_cells"
    assert t["title"] == "承办单位办件情况表一(县直单位)"
    assert t["annex"] == "附件1" and tables[1]["annex"] == "附件2"  # from the letter's list of annexes
    assert t["unit_note"] == "单位：件"
    assert t["note"].startswith("备注：此表统计截止于2017年12月31日")
    first = [c for c in cells if c["table_id"] == 0 and c["row"] == 0]
    assert {c["row_label"] for c in first} == {"合计"} and all(c["is_total"] for c in first)
    assert cell([c for c in cells if c["table_id"] == 0], "合计", "承办量")["value"] == 206
    assert first[0]["unit"] == "件"


def test_pipe_rows_titles_from_single_cell_lines_and_notes():
    tables, cells = tables_of(founding("004"))
    assert [t["title"] for t in tables] == ["诉求类型统计表", "热点问题统计表", "二月份乡镇街道考核表", "二月份市直单位考核表"]
    assert [t["annex"] for t in tables] == [None, None, "附件1", "附件2"]
    assert tables[3]["note"] == "注:工单量小于5件的单位未计入考核。"
    assert cell(cells, "咨询类", "占比")["value"] == 48.11
    totals = [c for c in cells if c["is_total"] and c["column"] == "数量(件)"]
    assert sorted(c["value"] for c in totals) == [2685, 6192]
    assert cell([c for c in cells if c["table_id"] == 2], "蟒川镇", "考核总分")["value"] == 83.26


def test_two_row_headers_are_joined_with_a_slash():
    tables, cells = tables_of(CORPUS / "d007.txt")
    assert tables[0]["columns"] == ["序号", "乡镇(街道)", "受理诉求(件)", "转办工单办理情况/转办(件)",
                                    "转办工单办理情况/办结(件)", "转办工单办理情况/按期办结率", "满意率"]
    assert cell(cells, "递铺街道", "转办工单办理情况/按期办结率")["value"] == 99.67


def test_tab_cells_province_table():
    tables, cells = tables_of(CORPUS / "d005.txt")
    assert shapes(tables) == [(12, 7)]
    assert cell(cells, "合计", "转办工单")["value"] == 514312
    assert cell(cells, "合计", "转办工单")["row"] == 0


def test_slash_and_empty_cells_are_kept_without_a_value():
    tables, cells = tables_of(CORPUS / "d015.txt")
    c = cell(cells, "紫蓬镇", "好差评/整改率")
    assert c["raw"] == "/" and c["value"] is None


@pytest.mark.parametrize("source, variants", [
    ("d014.txt", ["d014-docx.docx", "d014-pdf.pdf"]),
    ("d012.txt", ["d012-html.html"]),
    ("d013.txt", ["d013-html.html"]),
    ("d015.txt", ["d015-docx.docx"]),
    ("d016.txt", ["d016-pdf.pdf"]),
    ("d017.txt", ["d017-doc.doc"]),
])
def test_every_format_of_a_circular_gives_the_same_cells(source, variants):
    base_tables, base_cells = tables_of(CORPUS / source)
    assert base_cells
    for v in variants:
        tables, cells = tables_of(CORPUS / v)
        assert cell_set(cells) == cell_set(base_cells), v
        assert shapes(tables) == shapes(base_tables), v
        assert [t["columns"] for t in tables] == [t["columns"] for t in base_tables], v
        assert [t["title"] for t in tables] == [t["title"] for t in base_tables], v


def test_a_pdf_table_cut_by_a_page_break_inside_its_header_row_is_put_back_together():
    """LibreOffice let the page end halfway down the header row (热线工单受理 | 量(件)), and
    pdfium ran the data rows on the next page into one line."""
    pdf_tables, pdf_cells = tables_of(FIXTURES / "pdf" / "header-split-by-page-libreoffice.pdf")
    docx_tables, docx_cells = tables_of(FIXTURES / "pdf" / "header-split-by-page.docx")
    assert len(cell_set(docx_cells)) == 21 and cell_set(pdf_cells) == cell_set(docx_cells)
    assert [t["columns"] for t in pdf_tables] == [t["columns"] for t in docx_tables]
    assert pdf_tables[0]["columns"][2] == "热线工单受理量(件)"


def test_layouts_are_named_by_format():
    assert tables_of(CORPUS / "d014-docx.docx")[0][0]["layout"] == "docx"
    assert tables_of(CORPUS / "d014-pdf.pdf")[0][0]["layout"] == "pdf"
    assert tables_of(CORPUS / "d012-html.html")[0][0]["layout"] == "html"
    assert tables_of(CORPUS / "d012.txt")[0][0]["layout"] == "pipe_cells"


def test_f004_in_every_format_gives_the_same_cells():
    base_tables, base_cells = tables_of(FORMATS / "f004.txt")
    base = cell_set(base_cells)
    assert len(base) == 118
    for path in sorted(FORMATS.iterdir()):
        tables, cells = tables_of(path)
        assert cell_set(cells) == base, path.name
        keys = ("title", "annex", "note", "n_rows", "n_cols", "columns")
        assert [[t[k] for k in keys] for t in tables] == [[t[k] for k in keys] for t in base_tables], path.name


def test_table_offsets_cover_the_table_in_the_text():
    doc = load(CORPUS / "d014-pdf.pdf")
    tables, _ = extract_tables(doc)
    span = doc.text[tables[0]["start"]:tables[0]["end"]]
    assert span.startswith("序号") and "羊口镇" in span and span.rstrip().endswith("97.3%")
    doc = load(founding("000"))
    tables, _ = extract_tables(doc)
    assert doc.text[tables[0]["start"]:tables[0]["end"]].startswith("序号 |")
    assert doc.text[tables[0]["start"]:tables[0]["end"]].endswith("0 |")


def test_markdown_rows_with_rules():
    text = ("各街道情况如下。\n表1：各街道受理情况\n| 街道 | 受理(件) | 办结率 |\n|---|---:|---|\n"
            "| 东城街道 | 1,234 | 98.5% |\n| 西城街道 | 56 | — |\n| 合计 | 1,290 | |\n")
    tables, cells = tables_of_text(text)
    assert shapes(tables) == [(3, 3)]
    assert tables[0]["title"] == "表1：各街道受理情况"
    assert cell(cells, "东城街道", "受理(件)")["value"] == 1234
    assert cell(cells, "西城街道", "办结率")["value"] is None
    assert cell(cells, "合计", "受理(件)")["is_total"]


def test_pipe_cells_without_an_index_column():
    text = "附件\n各社区工单情况\n社区 |\n工单(件) |\n满意率 |\n甲社区 |\n12 |\n90% |\n乙社区 |\n8 |\n95% |\n合计 |\n20 |\n92% |\n"
    tables, cells = tables_of_text(text)
    assert shapes(tables) == [(3, 3)]
    assert cell(cells, "乙社区", "工单(件)")["value"] == 8
    assert cell(cells, "合计", "满意率")["value"] == 92.0


def test_cells_one_per_line_without_any_separator():
    """`序号` / `乡镇` / … / `1` / `贡江镇` / `412` …: the ` |` layout with its pipes left off."""
    text = ("一、基本情况\n本月受理工单600件。\n\n附件\n7月份各乡镇工单办理情况统计表\n序号\n乡镇\n承办量（件）\n满意率\n排名\n"
            "1\n贡江镇\n412\n98.3%\n1\n2\n梓山镇\n176\n97.8%\n2\n合计\n588\n98.1%\n—\n")
    tables, cells = tables_of_text(text)
    assert shapes(tables) == [(3, 5)]
    assert tables[0]["layout"] == "pipe_cells" and tables[0]["title"] == "7月份各乡镇工单办理情况统计表"
    assert cell(cells, "梓山镇", "承办量(件)")["value"] == 176
    assert cell(cells, "合计", "满意率")["value"] == 98.1 and cell(cells, "合计", "排名")["value"] is None
    doc = Document(source_path="x.txt", source_format="txt", doc_id="x", raw=text)
    figures = extract_figures(segment(normalise(doc)))
    assert [(f["metric"], f["value"]) for f in figures] == [("volume", 600.0)]   # the cells are no prose


def test_cells_one_per_line_led_by_a_rank_column():
    text = ("各镇(街道)工单办理时效排名表\n排名\n镇(街道)\n工单量(件)\n按时办结率\n1\n甲镇\n846\n100%\n"
            "2\n乙镇\n702\n99%\n3\n丙街道\n1135\n98.5%\n")
    tables, cells = tables_of_text(text)
    assert tables[0]["columns"] == ["排名", "镇(街道)", "工单量(件)", "按时办结率"]
    assert cell(cells, "丙街道", "按时办结率")["value"] == 98.5 and cell(cells, "乙镇", "排名")["value"] == 2


def test_a_total_row_without_the_rank_the_rows_open_with():
    text = ("附件\n各县考核情况\n排名 | 县 | 受理(件) | 得分 |\n1 | 甲县 | 10 | 98 |\n2 | 乙县 | 8 | 97 |\n"
            "— | 开发区 | 3 | — |\n合计 | 21 | — |\n")
    tables, cells = tables_of_text(text)
    assert cell(cells, "合计", "受理(件)")["value"] == 21 and cell(cells, "合计", "得分")["raw"] == "—"


def test_cells_one_per_line_after_short_signature_lines():
    """The signature, `附件` and the title are short lines too: the header cell (`单位`) four lines
    into that run of short lines still opens the table, and its cells never run together as
    one number in the figures (`8⏎7⏎0⏎98.5` is no 87098.5)."""
    text = ("本月交办事项46项。\n附件：考评得分情况\n兰山区人民政府办公室\n2022年12月6日\n附件\n考评得分情况\n"
            "单位\n承办事项（件）\n办结（件）\n逾期（件）\n考评得分\n"
            "金雀山街道\n7\n7\n0\n100\n兰山街道\n8\n7\n0\n98.5\n银雀山街道\n6\n5\n1\n97\n")
    tables, cells = tables_of_text(text)
    assert shapes(tables) == [(3, 5)]
    assert cell(cells, "兰山街道", "考评得分")["value"] == 98.5
    assert cell(cells, "银雀山街道", "逾期(件)")["value"] == 1
    doc = Document(source_path="x.txt", source_format="txt", doc_id="x", raw=text)
    figures = extract_figures(segment(normalise(doc)))
    assert [(f["metric"], f["value"]) for f in figures] == [("volume", 46.0)]


@pytest.mark.parametrize("text, shape, want", [
    # each row set off by a blank line, the total row without its index
    ("附件\n各镇（街道）工单办理情况统计表\n\n序号\n单位\n承办量（件）\n退回重办（件）\n满意率（%）\n\n"
     "1\n城关街道\n512\n7\n97.85\n\n2\n河口镇\n301\n2\n98.12\n\n合计\n813\n9\n—\n注：满意率为回访满意率。\n",
     (3, 5), [("河口镇", "承办量(件)", 301), ("城关街道", "满意率(%)", 97.85), ("合计", "退回重办(件)", 9),
              ("合计", "满意率(%)", None)]),
    # led by a window column, without an index
    ("附件\n各窗口服务评价情况表\n窗口名称\n办件量（件）\n好评率\n排名\n"
     "不动产登记窗口\n3862\n99.97%\n1\n社会保障窗口\n2115\n100.00%\n2\n税务窗口\n1948\n99.90%\n3\n",
     (3, 4), [("社会保障窗口", "办件量(件)", 2115), ("税务窗口", "排名", 3)]),
])
def test_cells_one_per_line_in_other_layouts(text, shape, want):
    """The one-cell-per-line layout with a blank line between rows, or led by a window column."""
    tables, cells = tables_of_text(text)
    assert shapes(tables) == [shape]
    for label, column, value in want:
        assert cell(cells, label, column)["value"] == value


def test_rows_aligned_with_runs_of_spaces():
    """Fixed-width rows, as PDF text and typed annexes give them; a spaced-out heading is no row."""
    text = ("通　　报\n附件\n各单位办理情况统计表\n序号  单位          交办(项)   办结(项)   满意率\n"
            " 1    城关街道        14         13        98.2%\n 2    河口镇          11         11        97.5%\n"
            "      合计            25         24         —\n")
    tables, cells = tables_of_text(text)
    assert shapes(tables) == [(3, 5)] and tables[0]["layout"] == "tab_cells"
    assert cell(cells, "河口镇", "办结(项)")["value"] == 11 and cell(cells, "城关街道", "满意率")["value"] == 98.2
    assert cell(cells, "合计", "交办(项)")["value"] == 25


def test_two_tables_one_cell_per_line_after_each_other_stay_two():
    """A 县市区 column leads the first; the blank line before `附件2` ends it."""
    text = ("附件1\n各县市区办件情况表\n县市区\n办件量（万件）\n好评率\n排名\n天元区\n13.42\n99.99%\n1\n"
            "醴陵市\n11.86\n99.98%\n2\n\n附件2\n市直部门办件情况表\n部门\n办件量（件）\n超期件数（件）\n"
            "市公安局\n213862\n0\n市医保局\n12906\n1\n")
    tables, cells = tables_of_text(text)
    assert shapes(tables) == [(2, 4), (2, 3)]
    assert cell(cells, "醴陵市", "好评率")["value"] == 99.98 and cell(cells, "市医保局", "超期件数(件)")["value"] == 1


def test_short_lines_without_a_header_cell_are_no_table():
    text = "特此通报\n\n城关镇人民政府\n县林业局\n县水利局\n2\n3\n4\n县财政局\n2024年8月12日\n"
    assert tables_of_text(text) == ([], [])


@pytest.mark.parametrize("text, present, absent", [
    # `其中：市级采用数` is a header cell, not prose: its colon does not end a one-cell-per-line table
    ("附件\n各乡镇信息报送采用情况\n单位：条\n序号\n乡镇\n报送数\n采用数\n其中：市级采用数\n"
     "1\n城关镇\n48\n20\n5\n2\n新华镇\n31\n12\n2\n3\n河西乡\n22\n9\n0\n合计\n101\n41\n7\n",
     [("新华镇", "其中：市级采用数", 2), ("合计", "采用数", 41)], []),
    # `单位` and `账号名称` both name every row; the total row's `—` under the second makes it no
    # better a label than the first
    ("附件\n政务新媒体检查情况表\n序号 | 单位 | 账号名称 | 错别字（处） | 扣分\n"
     "1 | 县民政局 | 民政在线 | 3 | 1\n2 | 城南街道 | 城南发布 | 0 | 0\n3 | 县文旅局 | 文旅之窗 | 5 | 2\n| 合计 | — | 8 | 3\n",
     [("城南街道", "账号名称", "城南发布"), ("县文旅局", "错别字(处)", 5), ("合计", "扣分", 3)], []),
    # `排序` numbers the rows like `序号` (the total row then starts in its column)
    ("附件\n诉求领域排行\n排序 | 诉求领域 | 受理量(件) | 占比 |\n1 | 城市管理 | 1842 | 11.8% |\n"
     "2 | 物业服务 | 1521 | 9.7% |\n3 | 交通出行 | 1305 | 8.3% |\n合计 | 4668 | 29.8% |\n",
     [("合计", "受理量(件)", 4668), ("物业服务", "占比", 9.7)], [("物业服务", "排序")]),
    # a fixed-width table (a Chinese character two columns wide) whose 合计 row leaves its rank
    # blank: its cells go under the header cells they stand below, and the blank is no datum
    ("附件\n各镇考核排名\n排名   单位         工单量（件）   满意率   考核得分\n"
     "1      府店镇       312            100%     99.2\n2      山化镇       268            98.5%    98.9\n"
     "3      首阳山街道   862            97.2%    98.1\n       合计         1442           —        —\n",
     [("合计", "工单量(件)", 1442), ("合计", "满意率", "—"), ("山化镇", "排名", 2)], [("合计", "排名")]),
])
def test_tables_read_by_their_header(text, present, absent):
    _, cells = tables_of_text(text)
    for label, column, want in present:
        found = cell(cells, label, column)
        assert (found["raw"] if isinstance(want, str) else found["value"]) == want
    for label, column in absent:
        assert not [c for c in cells if c["row_label"] == label and c["column"] == column]


def test_html_word_export_cells_wrapped_in_paragraphs_keep_their_spans(tmp_path):
    """A Word export wraps every cell in `<p><span>`: still a data table, so its rowspan and
    colspan are expanded (not read as a layout table, one cell per line)."""
    cell_html = '<td {}><p align="center"><span style="font-size:12pt">{}</span></p></td>'
    def row(*cells):
        return "<tr>" + "".join(cell_html.format(a, t) for a, t in cells) + "</tr>"
    html = ("<html><body><p>附件</p><p>各镇受理情况表</p><table>"
            + row(('rowspan="2"', "序号"), ('rowspan="2"', "乡镇"), ('colspan="2"', "受理量（件）"), ('rowspan="2"', "满意率"))
            + row(("", "一季度"), ("", "二季度"))
            + row(("", "1"), ("", "双桥镇"), ("", "142"), ("", "167"), ("", "97.5%"))
            + row(("", "2"), ("", "回水镇"), ("", "176"), ("", "190"), ("", "98.1%"))
            + "</table></body></html>")
    path = tmp_path / "w.html"
    path.write_text(html, encoding="utf-8")
    tables, cells = tables_of(path)
    assert tables[0]["columns"] == ["序号", "乡镇", "受理量(件)/一季度", "受理量(件)/二季度", "满意率"]
    assert cell(cells, "双桥镇", "受理量(件)/二季度")["value"] == 167
    assert cell(cells, "回水镇", "满意率")["value"] == 98.1


def test_html_table_one_cell_per_indented_paragraph(tmp_path):
    """A page that sets each cell in a <p> of its own, the rows on indented source lines."""
    rows = "".join(f"\n        <p>{a}</p><p>{b}</p><p>{c}</p>" for a, b, c in (
        ("街道", "诉求量（件）", "满意率"), ("甲街道", "742", "93.1%"), ("乙街道", "613", "94.8%"),
        ("丙街道", "986", "92.4%"), ("合计", "2341", "/")))
    path = tmp_path / "p.html"
    path.write_text(f"<html><body><p>附件</p><p>各街道诉求办理情况统计表</p>{rows}\n</body></html>", encoding="utf-8")
    tables, cells = tables_of(path)
    assert shapes(tables) == [(4, 3)]
    assert cell(cells, "乙街道", "满意率")["value"] == 94.8 and cell(cells, "合计", "诉求量(件)")["value"] == 2341


def test_html_rowspan_and_colspan(tmp_path):
    html = """<html><body><p>附件</p><p>各镇情况统计表</p><table>
    <tr><td rowspan="2">序号</td><td rowspan="2">单位</td><td colspan="2">热线</td><td rowspan="2">满意率</td></tr>
    <tr><td>受理(件)</td><td>办结(件)</td></tr>
    <tr><td>1</td><td>甲镇</td><td>10</td><td>9</td><td>95%</td></tr>
    <tr><td>2</td><td>乙镇</td><td>20</td><td>20</td><td>98%</td></tr>
    <tr><td colspan="2">合计</td><td>30</td><td>29</td><td>97%</td></tr>
    </table></body></html>"""
    path = tmp_path / "t.html"
    path.write_text(html, encoding="utf-8")
    tables, cells = tables_of(path)
    assert tables[0]["columns"] == ["序号", "单位", "热线/受理(件)", "热线/办结(件)", "满意率"]
    assert tables[0]["title"] == "各镇情况统计表" and tables[0]["annex"] == "附件"
    assert cell(cells, "合计", "热线/办结(件)")["value"] == 29
    assert cell(cells, "甲镇", "满意率")["value"] == 95.0
    assert shapes(tables) == [(3, 5)]


def test_unruled_pdf_table(tmp_path):
    path = tmp_path / "unruled.pdf"
    c = _cjk_canvas(path)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 780, "各街道工单办理情况")
    rows = [["街道", "受理(件)", "办结(件)", "办结率"], ["东城街道", "120", "118", "98.33%"],
            ["西城街道", "95", "90", "94.74%"], ["南城街道", "60", "60", "100%"], ["合计", "275", "268", "97.45%"]]
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            c.drawString(72 + j * 110, 750 - 20 * i, v)
    c.drawString(72, 620, "以上数据截至月底。")
    c.save()
    tables, cells = tables_of(path)
    assert shapes(tables) == [(4, 4)]
    assert tables[0]["title"] == "各街道工单办理情况"
    assert cell(cells, "西城街道", "办结率")["value"] == 94.74


def test_unruled_pdf_table_whose_header_words_straddle_its_columns(tmp_path):
    """Header words set loosely over right-aligned numbers cross the gaps between the columns;
    a header line with one word per column is still the header, its words taken in order."""
    path = tmp_path / "loose.pdf"
    c = _cjk_canvas(path)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 780, "各地热线运行情况表")
    for x, word in zip((72, 110, 180, 262, 344, 430), ("序号", "地区", "受理量(件)", "接通率(%)", "满意率(%)", "排名")):
        c.drawString(x, 750, word)
    rows = [("1", "东城区", "1234", "98.87", "96.43", "2"), ("2", "西城区", "987", "93.07", "92.64", "3"),
            ("3", "南城区", "2046", "99.41", "97.08", "1")]
    for i, r in enumerate(rows):
        y = 730 - 18 * i
        c.drawString(72, y, r[0])
        c.drawString(110, y, r[1])
        for right, v in zip((250, 330, 410, 470), r[2:]):
            c.drawRightString(right, y, v)
    c.drawString(72, 600, "以上数据截至月底。")
    c.save()
    tables, cells = tables_of(path)
    assert tables[0]["columns"] == ["序号", "地区", "受理量(件)", "接通率(%)", "满意率(%)", "排名"]
    assert cell(cells, "西城区", "满意率(%)")["value"] == 92.64
    assert cell(cells, "南城区", "受理量(件)")["value"] == 2046


def test_text_without_tables_has_none():
    assert tables_of_text("一、总体情况\n本月受理工单1,234件，办结率98.5%。\n二、工作要求\n(一)加强领导。\n") == ([], [])


@pytest.mark.parametrize("raw, value", [
    ("30%", 30.0), ("1,234", 1234.0), ("98.20%", 98.2), ("", None), ("—", None), ("/", None),
    ("-", None), ("2.31万", 23100.0), ("合计", None), ("12345热线", None), ("0", 0.0),
])
def test_parse_value(raw, value):
    assert parse_value(raw) == value


def test_format_tables_shows_rows_and_failed_checks():
    tables, cells = tables_of(CORPUS / "d013.txt")
    checks = [{"check": "total_vs_rows", "subject": "table 0 column 受理(件)", "status": "fail",
               "expected": 3214.0, "actual": 3200.0, "detail": "合计 row against the sum of 13 rows"},
              {"check": "total_vs_rows", "subject": "table 0 column 办结(件)", "status": "pass",
               "expected": 3102.0, "actual": 3102.0, "detail": ""}]
    out = format_tables(tables, cells, checks)
    assert "2月份各单位12345热线工单办理情况统计表" in out
    assert "小溪塔街道" in out and "1046" in out
    assert "FAIL total_vs_rows: table 0 column 受理(件): expected 3214, actual 3200" in out
    assert "办结(件): expected" not in out


def _cjk_canvas(path):
    """A reportlab canvas at `path` with the built-in CJK font STSong-Light registered."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return canvas.Canvas(str(path))


def _ruled_pdf(path, pages):
    """A PDF of ruled tables: `pages` is a list of (title or None, rows) drawn as grids from the top."""
    c = _cjk_canvas(path)
    for title, rows in pages:
        c.setFont("STSong-Light", 11)
        y = 800
        if title:
            c.drawString(72, y, title)
            y -= 30
        widths = [40, 120, 80, 80]
        top = y + 15
        for r in rows:
            x = 72
            for w, v in zip(widths, r):
                c.rect(x, y - 6, w, 20)
                c.drawString(x + 4, y, v)
                x += w
            y -= 20
        c.drawString(290, 40, "- 1 -")
        c.showPage()
    c.save()


def test_pdf_table_over_a_page_break_with_its_header_repeated(tmp_path):
    head = ["序号", "单位", "受理(件)", "办结(件)"]
    rows = [[str(i), f"第{i}街道", str(100 + i), str(90 + i)] for i in range(1, 71)]
    first, second = rows[:36], rows[36:]
    total = ["", "合计", str(sum(100 + i for i in range(1, 71))), str(sum(90 + i for i in range(1, 71)))]
    path = tmp_path / "long.pdf"
    _ruled_pdf(path, [("附件 各街道受理情况统计表", [head] + first), (None, [head] + second + [total])])
    tables, cells = tables_of(path)
    assert shapes(tables) == [(71, 4)]
    assert tables[0]["columns"] == head
    assert cell(cells, "第70街道", "受理(件)")["value"] == 170
    assert cell(cells, "合计", "办结(件)")["value"] == sum(90 + i for i in range(1, 71))


def test_html_caption_rows_unit_rows_and_unnamed_index(tmp_path):
    html = """<html><body><table>
    <tr><td colspan="3">各社区诉求统计表</td><td>单位：件</td></tr>
    <tr><td></td><td>社区</td><td>受理</td><td>办结</td></tr>
    <tr><td></td><td></td><td>(件)</td><td>(件)</td></tr>
    <tr><td>1</td><td>甲社区</td><td>10</td><td>9</td></tr>
    <tr><td>2</td><td>乙社区</td><td>20</td><td>—</td></tr>
    <tr><td colspan="4">备注：乙社区数据待核。</td></tr>
    </table></body></html>"""
    path = tmp_path / "t.html"
    path.write_text(html, encoding="utf-8")
    tables, cells = tables_of(path)
    t = tables[0]
    assert t["title"] == "各社区诉求统计表" and t["unit_note"] == "单位：件" and t["note"] == "备注：乙社区数据待核。"
    assert t["columns"] == ["", "社区", "受理(件)", "办结(件)"]
    assert {c["row_label"] for c in cells} == {"甲社区", "乙社区"}
    assert {c["column"] for c in cells} == {"受理(件)", "办结(件)"}
    assert cell(cells, "乙社区", "办结(件)")["raw"] == "—" and cell(cells, "乙社区", "办结(件)")["value"] is None


def test_year_columns_are_a_header():
    text = "附件\n近两年受理情况\n类别 | 2022 | 2023 |\n咨询 | 120 | 150 |\n投诉 | 80 | 60 |\n"
    tables, cells = tables_of_text(text)
    assert tables[0]["columns"] == ["类别", "2022", "2023"]
    assert cell(cells, "投诉", "2023")["value"] == 60


def test_pipe_rows_single_cell_lines_for_annex_unit_and_note():
    text = ("附件2 |\n各单位考核表 |\n单位：分 |\n单位 | 得分 | 排名 |\n甲局 | 98.5 | 1 |\n乙局 | 97 | 2 |\n"
            "注：满分100分。 |\n")
    tables, cells = tables_of_text(text)
    t = tables[0]
    assert (t["annex"], t["title"], t["unit_note"], t["note"]) == ("附件2", "各单位考核表", "单位：分", "注：满分100分。")
    assert shapes(tables) == [(2, 3)]


def test_row_label_is_the_unit_not_a_category_merged_over_rows():
    text = ("附件\n各单位办件情况\n类别 | 单位 | 办件(件) |\n县直部门 | 公安局 | 5 |\n | 教育局 | 3 |\n"
            "乡镇 | 甲镇 | 7 |\n | 乙镇 | 2 |\n合计 |  | 17 |\n")
    tables, cells = tables_of_text(text)
    assert cell(cells, "教育局", "办件(件)")["value"] == 3
    assert cell(cells, "合计", "办件(件)")["is_total"]
    # (the category groups the rows, like their names: it holds no data)
    assert [c["column"] for c in cells if c["row_label"] == "公安局"] == ["办件(件)"]


def test_a_column_describing_each_row_before_its_name_keeps_its_cells():
    """`所属县` in a ranking comes back after other values: it is no group of rows but data."""
    text = ("附件\n满意率前四位的街道\n排名 | 所属县 | 街道 | 满意率 |\n1 | 甲县 | 东街道 | 99% |\n"
            "2 | 乙县 | 西街道 | 98% |\n3 | 甲县 | 南街道 | 97% |\n4 | 丙县 | 北街道 | 96% |\n")
    tables, cells = tables_of_text(text)
    assert cell(cells, "南街道", "所属县")["raw"] == "甲县"
    assert cell(cells, "北街道", "满意率")["value"] == 96


def test_a_total_row_is_named_as_the_contract_says_unless_it_names_the_area():
    text = ("附件\n各县受理情况\n县 | 受理(件) |\n甲县 | 5 |\n乙县 | 3 |\n全市合计 | 8 |\n\n"
            "附件2\n各局受理情况\n单位 | 受理(件) |\n甲局 | 4 |\n乙局 | 2 |\n总 计 | 6 |\n")
    tables, cells = tables_of_text(text)
    assert cell(cells, "全市合计", "受理(件)")["is_total"]
    assert cell(cells, "合计", "受理(件)")["value"] == 6


def test_a_table_run_on_after_another_is_split():
    text = ("附件\n统计表\n类型 | 数量(件) |\n咨询 | 10 |\n投诉 | 5 |\n单位 | 得分 |\n甲局 | 98 |\n乙局 | 96 |\n")
    tables, cells = tables_of_text(text)
    assert [t["columns"] for t in tables] == [["类型", "数量(件)"], ["单位", "得分"]]
    assert cell(cells, "乙局", "得分")["value"] == 96


def test_numbers_written_with_their_unit_in_the_cell():
    text = "附件\n情况表\n单位 | 受理 | 金额 |\n甲局 | 120件 | 1.5万元 |\n乙局 | 3件 | 0.2万元 |\n"
    tables, cells = tables_of_text(text)
    c = cell(cells, "甲局", "受理")
    assert (c["value"], c["unit"], c["raw"]) == (120.0, "件", "120件")
    c = cell(cells, "乙局", "金额")
    assert (c["value"], c["unit"]) == (0.2, "万元")


def test_section_rows_inside_a_table_do_not_split_it():
    text = ("附件\n各单位办件情况\n序号 | 单位 | 办件(件) |  |\n一、县直部门 |  |  |  |\n1 | 公安局 | 5 |  |\n"
            "2 | 教育局 | 3 |  |\n二、乡镇 |\n3 | 甲镇 | 7 |  |\n4 | 乙镇 | 2 |  |\n")
    tables, cells = tables_of_text(text)
    assert shapes(tables) == [(4, 3)]  # the empty fourth column is no column
    assert tables[0]["columns"] == ["序号", "单位", "办件(件)"]
    assert [c["row_label"] for c in cells] == ["公安局", "教育局", "甲镇", "乙镇"]


def test_a_first_data_row_without_numbers_is_not_a_header():
    text = "附件\n情况表\n单位 | 受理(件) | 办结率 |\n甲镇 | — | — |\n乙镇 | 5 | 100% |\n"
    tables, cells = tables_of_text(text)
    assert tables[0]["columns"] == ["单位", "受理(件)", "办结率"]
    assert cell(cells, "甲镇", "受理(件)")["raw"] == "—"


def test_pipe_cells_with_caption_and_note_cells():
    text = ("附件\n2024年5月各街道工单办理情况统计表 |\n单位：件 |\n序号 |\n街道 |\n受理 |\n办结 |\n1 |\n甲街道 |\n10 |\n9 |\n"
            "2 |\n乙街道 |\n20 |\n20 |\n合计 |\n30 |\n29 |\n备注：数据截至月底。 |\n")
    tables, cells = tables_of_text(text)
    t = tables[0]
    assert (t["title"], t["unit_note"], t["note"]) == ("2024年5月各街道工单办理情况统计表", "单位：件", "备注：数据截至月底。")
    assert t["columns"] == ["序号", "街道", "受理", "办结"] and t["n_rows"] == 3
    assert cell(cells, "合计", "办结")["value"] == 29 and cell(cells, "合计", "办结")["unit"] == "件"


D014_HEAD = ["序号", "单位", "受理诉求(件)", "办结情况", "群众满意率", "办结(件)", "办结率"]
D014_ROWS = [["1", "圣城街道", "8956", "8904", "99.42%", "97.3%"], ["2", "文家街道", "6412", "6381", "99.52%", "97.6%"],
             ["3", "古城街道", "5733", "5697", "99.37%", "96.8%"], ["合计", "21101", "20982", "99.44%", "97.2%"]]
D014_COLUMNS = ["序号", "单位", "受理诉求(件)", "办结情况/办结(件)", "办结情况/办结率", "群众满意率"]


def test_pipe_cells_two_row_header_with_merged_cells_written_once():
    text = "附件\n统计表\n" + "".join(f"{c} |\n" for c in D014_HEAD + [c for r in D014_ROWS for c in r])
    tables, cells = tables_of_text(text)
    assert tables[0]["columns"] == D014_COLUMNS
    assert shapes(tables) == [(4, 6)]
    assert cell(cells, "古城街道", "办结情况/办结率")["value"] == 99.37
    assert cell(cells, "合计", "办结情况/办结(件)")["value"] == 20982


def test_tab_cells_two_row_header_with_merged_cells_written_once():
    groups = [D014_HEAD[:5], D014_HEAD[5:]] + [([""] + r if r[0] == "合计" else r) for r in D014_ROWS]
    text = "附件\n统计表\n\n" + "\n".join("".join(f"\t{c}\n" for c in g) for g in groups)
    tables, cells = tables_of_text(text)
    assert tables[0]["layout"] == "tab_cells"
    assert tables[0]["columns"] == D014_COLUMNS
    assert cell(cells, "文家街道", "群众满意率")["value"] == 97.6


def test_pipe_cells_header_with_two_groups():
    head = ["序号", "单位", "督办事项", "12345热线", "交办(项)", "按期办结(项)", "受理(件)", "办结(件)", "满意率"]
    rows = [["1", "湄江街道", "6", "6", "164", "161", "95.7%"], ["2", "黄家坝街道", "4", "4", "98", "96", "94.9%"],
            ["3", "鱼泉街道", "3", "3", "71", "71", "96.2%"]]
    text = "附件\n统计表\n" + "".join(f"{c} |\n" for c in head + [c for r in rows for c in r])
    tables, cells = tables_of_text(text)
    assert tables[0]["columns"] == ["序号", "单位", "督办事项/交办(项)", "督办事项/按期办结(项)", "12345热线/受理(件)",
                                    "12345热线/办结(件)", "12345热线/满意率"]
    assert cell(cells, "鱼泉街道", "12345热线/受理(件)")["value"] == 71


def test_html_cells_are_normalised_like_the_text_around_them(tmp_path):
    html = """<html><body><p>各鄉鎮辦理情況如下，請各單位認真對照檢查，進一步提高辦理質量。</p><p>附件</p><p>各鄉鎮辦理情況統計表</p><table>
    <tr><td>單位</td><td>受理(件)</td><td>辦結率</td></tr>
    <tr><td>甲鎮</td><td>10</td><td>90%</td></tr><tr><td>乙鄉</td><td>20</td><td>95%</td></tr></table></body></html>"""
    path = tmp_path / "hant.html"
    path.write_text(html, encoding="utf-8")
    tables, cells = tables_of(path)
    assert tables[0]["title"] == "各乡镇办理情况统计表"
    assert {c["row_label"] for c in cells} == {"甲镇", "乙乡"}
    assert {c["column"] for c in cells} == {"受理(件)", "办结率"}


def test_three_line_pdf_table(tmp_path):
    path = tmp_path / "three.pdf"
    c = _cjk_canvas(path)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 800, "本月共受理群众诉求320件，办结312件，办结率97.5%。")
    c.drawString(72, 760, "附件")
    c.drawString(150, 740, "各街道工单办理情况统计表")
    rows = [["序号", "街道", "受理(件)", "办结(件)", "办结率"], ["1", "东城街道", "120", "118", "98.33%"],
            ["2", "西城街道", "95", "90", "94.74%"], ["3", "南城街道", "60", "60", "100%"],
            ["4", "北城街道", "45", "44", "97.78%"], ["", "合计", "320", "312", "97.5%"]]
    y = 710
    c.line(72, y + 16, 522, y + 16)
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            c.drawString(72 + j * 90, y, v)
        if i == 0:
            c.line(72, y - 6, 522, y - 6)
        y -= 20
    c.line(72, y + 14, 522, y + 14)
    c.save()
    tables, cells = tables_of(path)
    assert shapes(tables) == [(5, 5)]
    assert (tables[0]["title"], tables[0]["annex"]) == ("各街道工单办理情况统计表", "附件")
    assert cell(cells, "合计", "办结(件)")["value"] == 312 and cell(cells, "合计", "办结(件)")["is_total"]


def test_caption_with_unit_on_the_same_line_and_form_lines():
    text = ("附件2\n各街道工单办理情况统计表        单位：件\n填报单位：区热线办    统计时间：2024年5月\n"
            "街道 | 受理 | 办结 |\n甲街道 | 10 | 9 |\n乙街道 | 20 | 20 |\n")
    tables, _ = tables_of_text(text)
    t = tables[0]
    assert (t["annex"], t["title"], t["unit_note"]) == ("附件2", "各街道工单办理情况统计表", "单位：件")


def test_format_tables_keeps_the_total_row_when_rows_are_cut():
    tables, cells = tables_of(founding("004"))
    out = format_tables(tables[1:2], cells, max_rows=3)
    assert "… 7 more rows" in out and "合计 *" in out and "2685" in out
    assert "耕地保护—耕地违建" not in out


def test_pdf_pages_are_only_searched_for_tables_when_their_text_looks_tabular():
    from extractor.readers.pdf_tables import find_tables, looks_tabular

    prose = "一、总体情况\n本月共受理群众诉求3,214件，办结3,102件，办结率96.52%。\n二、工作要求\n各单位要加强领导。\n"
    rows = "序号 单位 受理 办结\n1 甲镇 10 9\n2 乙镇 20 20\n3 丙镇 5 5\n合计 35 34\n"
    cells = "".join(f"{v}\n" for v in ["1", "甲镇", "10", "9", "2", "乙镇", "20", "20", "3", "丙镇", "5", "5"])
    # wrapped PDF prose with several numbers a line, spaced the way pdfium spaces them
    wrapped = ("上半年，全市 12345 热线共受理群众诉求 96,385 件，同比增长 5.2%。其中，电话渠道\n"
               "受理 61,204 件，占 63.5%；微信渠道受理 20,117 件，占 20.9%；网站渠道受理\n"
               "“710”系统交办 47 件，办结 45 件，按期办结率 95.7%，群众满意率 98.1%。\n")
    assert not looks_tabular(prose) and not looks_tabular(wrapped)
    assert looks_tabular(rows) and looks_tabular(cells)
    assert find_tables(b"not a pdf", [prose]) == []  # pdfplumber is not even opened
    assert find_tables(b"not a pdf", [rows]) == []  # and a damaged file is no error here


def test_hotline_numbers_in_a_header_row_are_names():
    text = ("附件\n情况表\n序号 | 单位 | 710 |  | 12345 |  |\n |  | 交办(项) | 办结(项) | 受理(件) | 办结(件) |\n"
            "1 | 甲镇 | 3 | 3 | 40 | 39 |\n2 | 乙镇 | 2 | 1 | 30 | 30 |\n")
    tables, cells = tables_of_text(text)
    assert tables[0]["columns"] == ["序号", "单位", "710/交办(项)", "710/办结(项)", "12345/受理(件)", "12345/办结(件)"]
    assert cell(cells, "乙镇", "710/办结(项)")["value"] == 1


def test_contact_and_ticket_lists_are_not_tables_of_figures():
    text = ("附件\n各单位联系方式\n序号 | 单位 | 联系电话 |\n1 | 区热线办 | 28615230 |\n2 | 区信访局 | 28615231 |\n\n"
            "典型工单\n工单编号 | 诉求内容 | 承办单位 |\n2024041000218 | 电梯停运 | 区住建局 |\n2024041000219 | 噪声扰民 | 区城管局 |\n")
    assert tables_of_text(text) == ([], [])


def test_a_rank_column_first_is_data_not_an_index():
    text = "附件\n考核表\n排名 | 单位 | 得分 |\n1 | 甲镇 | 99 |\n2 | 乙镇 | 97.5 |\n3 | 丙镇 | 96 |\n"
    tables, cells = tables_of_text(text)
    assert cell(cells, "乙镇", "排名")["value"] == 2 and cell(cells, "乙镇", "得分")["value"] == 97.5


def test_an_encrypted_pdf_opened_with_its_password_keeps_its_tables(tmp_path):
    from reportlab.lib import colors, pdfencrypt
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from extractor.model import Document
    from extractor.readers import Limits
    from extractor.readers.pdf import read_pdf

    table = Table([["Unit", "Received", "Done"], ["A", "12", "11"], ["B", "9", "9"], ["Total", "21", "20"]])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    locked = tmp_path / "locked.pdf"
    SimpleDocTemplate(str(locked), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0), invariant=1).build([table])
    doc = Document("locked.pdf", "pdf", "x", "")
    read_pdf(locked.read_bytes(), doc, Limits(), password="secret")
    assert doc.source_tables[0].rows[-1] == ["Total", "21", "20"]


def test_tab_separated_rows_are_a_table_with_the_total_in_the_index_column():
    text = ("附件\n2024年4月份各镇（街道）便民服务中心办件情况统计表\n单位：件\n"
            "序号\t镇（街道）\t受理量\t办结量\t差评数\n1\t圣城街道\t1532\t1528\t2\n"
            "2\t文家街道\t1204\t1201\t1\n3\t侯镇\t614\t612\t0\n合计\t\t3350\t3341\t3\n"
            "\n二、下一步工作\n各单位要加强领导。\n")
    tables, cells = tables_of_text(text)
    assert shapes(tables) == [(4, 5)]
    assert tables[0]["layout"] == "tab_cells" and tables[0]["unit_note"] == "单位：件"
    assert tables[0]["columns"] == ["序号", "镇(街道)", "受理量", "办结量", "差评数"]
    assert cell(cells, "文家街道", "办结量")["value"] == 1201
    total = cell(cells, "合计", "受理量")
    assert total["value"] == 3350 and total["is_total"] and total["unit"] == "件"
    assert len(cells) == 12


def test_a_tab_total_row_merged_over_index_and_unit_keeps_its_numbers_under_their_columns():
    text = ("附件\n各乡镇工单办理情况表\n"
            "序号\t单位\t转办量(件)\t办结量(件)\t满意率\t排名\n1\t城关镇\t118\t117\t99.1%\t1\n"
            "2\t河口镇\t97\t96\t98.7%\t2\n合计\t215\t213\t98.9%\t—\n\n二、下一步工作\n各单位要加强领导。\n")
    tables, cells = tables_of_text(text)
    assert cell(cells, "合计", "转办量(件)")["value"] == 215
    assert cell(cells, "合计", "满意率")["value"] == 98.9


def test_a_total_row_lacking_both_the_index_and_the_rank_keeps_its_numbers_under_their_columns():
    # (tab cells and ` | ` cells: the row names itself where the index stands and stops before the rank)
    for sep in ("\t", " | "):
        rows = [["序号", "单位", "受理", "办结", "满意率", "排名"], ["1", "城关镇", "412", "410", "97.35%", "2"],
                ["2", "河口镇", "388", "385", "98.02%", "1"], ["合计", "800", "795", "97.68%"]]
        text = "附件\n各乡镇工单办理情况表\n" + "\n".join(sep.join(r) for r in rows) + "\n\n二、下一步工作\n各单位要加强领导。\n"
        tables, cells = tables_of_text(text)
        assert cell(cells, "合计", "受理")["value"] == 800, sep
        assert cell(cells, "合计", "满意率")["value"] == 97.68, sep


def test_one_cell_per_line_indicators_by_quarter_and_a_blank_of_spaces_before_the_total():
    text = ("附件\n2023年热线主要指标分季度统计表\n指标\n一季度\n二季度\n全年\n"
            "受理量(万件)\n3.12\n3.40\n6.52\n按期办结率(%)\n98.6\n99.1\n98.9\n\n二、下一步工作\n各单位要加强领导。\n")
    tables, cells = tables_of_text(text)
    assert tables[0]["columns"] == ["指标", "一季度", "二季度", "全年"]
    assert cell(cells, "按期办结率(%)", "二季度")["value"] == 99.1
    text = ("附件\n各镇办理情况表\n序号\n镇\n受理量\n满意率\n1\n城关镇\n143\n97.9%\n2\n河口镇\n61\n96.7%\n"
            "\u3000\n合计\n204\n97.5%\n\n二、下一步工作\n各单位要加强领导。\n")
    tables, cells = tables_of_text(text)
    assert cell(cells, "合计", "受理量")["value"] == 204


def test_a_tab_in_prose_is_not_a_table():
    tables, _ = tables_of_text("一、总体情况\n本月受理\t3214件，办结3102件。\n二、工作要求\n各单位要加强领导。\n")
    assert tables == []


BOX_TABLE = (
    "附件\r\n各街道受理情况统计表\r\n"
    "┌──┬──────┬────────────┬──────┐\r\n"
    "│序号│  街  道  │    按期办结    │满意率(%)│\r\n"
    "│    │          ├─────┬──────┤      │\r\n"
    "│    │          │ 件数 │办结率(%)│      │\r\n"
    "├──┼──────┼─────┼──────┼──────┤\r\n"
    "│ 1  │车站街道  │ 479  │ 99.38  │ 97.12 │\r\n"
    "├──┼──────┼─────┼──────┼──────┤\r\n"
    "│ 2  │经济开发区│ 525  │ 99.25  │ 96.80 │\r\n"
    "│    │管委会    │      │        │       │\r\n"
    "├──┴──────┼─────┼──────┼──────┤\r\n"
    "│   合计       │ 1004 │ 99.31  │ 96.95 │\r\n"
    "└─────────┴─────┴──────┴──────┘\r\n"
    "张店区人民政府办公室\r\n")


def test_box_drawn_tables_with_merged_and_wrapped_cells(tmp_path):
    """A table drawn with box characters (WPS/Word saved as text): `┬` under a header cell
    splits it into sub-headings, a blank segment continues a cell down, `┴` merges the cells
    of the row below, and a row's text wrapped onto a second line stays one cell."""
    f = tmp_path / "box.txt"
    f.write_bytes(BOX_TABLE.encode("gbk"))
    tables, cells = tables_of(f)
    assert tables[0]["columns"] == ["序号", "街道", "按期办结/件数", "按期办结/办结率(%)", "满意率(%)"]
    assert tables[0]["title"] == "各街道受理情况统计表"
    assert cell(cells, "经济开发区管委会", "按期办结/件数")["value"] == 525
    assert cell(cells, "合计", "满意率(%)")["value"] == 96.95 and cell(cells, "合计", "满意率(%)")["is_total"]
    figures = extractor.extract(f)["figures"]
    assert figures.empty   # (its rows are cells, not running text)


def test_box_drawn_tables_of_a_real_layout():
    tables, cells = tables_of(CORPUS / "heldout139" / "sl005.txt")
    assert tables[0]["columns"][2:6] == ["受理情况/受理量(万件)", "受理情况/同比增长(%)",
                                         "办理质效(%)/按期办结率", "办理质效(%)/满意率"]
    assert cell(cells, "赣州市", "受理情况/受理量(万件)")["value"] == 231.7
