"""Each normalisation fix on real text, its log entry, and the offset map back to the original."""
import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractor
from extractor.model import Document
from extractor.normalise import (detect_script, fix_cjk_spacing, fix_digit_grouping, fix_entities, fix_mojibake, fix_pinyin, fix_t2s, fix_tags,
                                 fix_whitespace, fix_width, fix_zhe, normalise)

from conftest import founding

T2S = opencc.OpenCC("t2s")


def norm(raw: str) -> Document:
    return normalise(Document(source_path="x", source_format="txt", doc_id="x", raw=raw))


def fixes(doc: Document) -> dict[str, int]:
    return {f.fix: f.count for f in doc.fixes}


def test_founding_traditional_circular_becomes_simplified_without_annotations():
    doc = extractor.read(founding("000"))
    assert doc.script == "hant"
    assert "(qū)" not in doc.text and "(zhèn)" not in doc.text
    assert T2S.convert(doc.text) == doc.text
    assert "共接到转办工单1416件" in doc.text
    assert fixes(doc)["pinyin_annotations"] > 100 and fixes(doc)["t2s"] > 100


def test_offsets_lead_back_to_the_original_characters():
    doc = extractor.read(founding("000"))
    pos = doc.text.index("工单1416件") + 2
    raw_pos = doc.to_raw(pos)
    assert doc.raw[raw_pos:raw_pos + 4] == "1416"
    assert doc.to_text(raw_pos) == pos
    # a character that t2s changed points at its traditional original
    pos = doc.text.index("转办工单")
    assert doc.raw[doc.to_raw(pos)] == "轉"
    assert doc.raw[doc.to_raw(pos + 1)] == "辦"  # past the dropped `(zhuǎn)`


@pytest.mark.parametrize("raw, want", [
    ("區(qū)政府", "區政府"),
    ("統(tǒng)計(jì)表", "統計表"),
    ("鎮（zhèn）", "鎮"),
    ("我們(men)", "我們"),
])
def test_pinyin_annotations_are_removed(raw, want):
    assert fix_pinyin(raw)[0] == want


@pytest.mark.parametrize("raw", ["市教育体育局(教育)承办", "(见附件1", "(总第266期)", "(2023年版)",
                                 "热线(12345)", "方案(a)", "移动(APP)端", "监测(pm)"])
def test_real_parentheses_are_kept(raw):
    assert fix_pinyin(raw)[0] == raw


def test_utf8_read_as_gbk_is_repaired_line_by_line():
    good = "超期工单较多的单位是：大沥镇96宗、狮山镇71宗。"
    broken = good.encode("utf-8").decode("gbk", errors="replace")
    text, offsets, count = fix_mojibake("第一行正常。\n" + broken + "\n第三行也正常。")
    assert count == 1
    assert "大沥镇96宗" in text and "狮山镇71宗" in text
    assert text.startswith("第一行正常。\n") and text.endswith("\n第三行也正常。")


@pytest.mark.parametrize("wrong, right", [("latin-1", "utf-8"), ("cp1252", "utf-8"), ("latin-1", "gb18030")])
def test_bytes_shown_as_latin1_are_repaired(wrong, right):
    good = "群众满意率为百分之九十五点六二"
    # as browsers do: bytes that cp1252 leaves undefined show as the C1 control of that number
    broken = "".join(bytes([b]).decode(wrong, errors="ignore") or chr(b) for b in good.encode(right))
    assert fix_mojibake(broken)[0] == good


def test_clean_text_is_not_touched_by_mojibake_repair():
    doc = extractor.read(founding("001"))
    assert "mojibake" not in fixes(doc)


@pytest.mark.parametrize("raw, want", [
    ("&ldquo;首接负责&rdquo;", "“首接负责”"),
    ("ldquo;首接负责rdquo;", "“首接负责”"),
    ("&amp;ldquo;双重&amp;rdquo;", "“双重”"),
    ("&#8220;数字&#x201D;", "“数字”"),
    ("满意率&nbsp;95%", "满意率 95%"),
])
def test_html_entities_are_decoded(raw, want):
    assert fix_entities(raw)[0] == want


def test_ampersand_in_prose_is_kept():
    assert fix_entities("R&D 投入 & 产出")[0] == "R&D 投入 & 产出"


def test_leftover_tags_are_removed():
    assert fix_tags("受理<span style=\"color:red\">1416</span>件<br/>办结")[0] == "受理1416件\n办结"


def test_width_folding_of_digits_letters_and_symbols():
    text, _, count = fix_width("受理１，２３４件，办结率９８．５％（ＡＢＣ）：完成")
    assert text == "受理1,234件，办结率98.5%(ABC)：完成"
    assert count == 15


def test_t2s_and_the_zhe_particle():
    assert fix_t2s("區政府網站信息報送")[0] == "区政府网站信息报送"
    assert fix_zhe("看著辦，隨著發展，著名的著作")[0] == "看着辦，隨着發展，著名的著作"
    doc = norm("區政府隨著群眾訴求增加，顯著提高辦理質量。")
    assert doc.text == "区政府随着群众诉求增加，显著提高办理质量。"
    assert fixes(doc)["particle_zhe"] == 1


def test_zhe_fix_does_not_run_on_simplified_text():
    assert norm("著力解决群众诉求").text == "著力解决群众诉求"


# simplified prose enough to make a text `mixed` when a few traditional forms follow
_SIMPLIFIED_LINES = "本月全区共受理群众诉求1,286件，办结1,240件，按期办结率96.4%，群众满意率97.8%。\n" * 8


def test_simplified_text_keeps_characters_gb2312_writes_and_loses_stray_traditional_ones():
    # 藉口镇 is a town's name in simplified script (t2s would make it 借口镇); a stray 區 is traditional
    doc = norm(_SIMPLIFIED_LINES + "藉口镇因答复不规范被退单重办4件，城關區受理12件。")
    assert doc.script == "mixed"
    assert doc.text.endswith("藉口镇因答复不规范被退单重办4件，城关区受理12件。")
    assert norm("藉口鎮因答覆不規範被退單重辦4件。").text == "借口镇因答复不规范被退单重办4件。"


def test_a_traditional_paragraph_in_simplified_text_is_converted_whole():
    # a web tool converted one paragraph: its 於, which GB2312 also writes, is traditional usage there
    doc = norm(_SIMPLIFIED_LINES + "滿意率低於90%的單位有：城關鎮、東峽鄉。\n其余单位满意率均高于95%。")
    assert doc.script == "mixed"
    assert doc.text.endswith("满意率低于90%的单位有：城关镇、东峡乡。\n其余单位满意率均高于95%。")


def test_whitespace_noise_but_not_the_blank_lines_of_tab_tables():
    text, _, _ = fix_whitespace("甲\r\n乙\u00a0丙\u200b丁   \n\t序号\n\n\t \n")
    assert text == "甲\n乙 丙丁\n\t序号\n\n\t \n"


def test_script_detection():
    assert detect_script("区政府网站信息报送") == "hans"
    assert detect_script("區政府網站信息報送情況") == "hant"
    assert detect_script("區政府網站信息報送情況，区政府网站信息报送情况，为了区里") == "mixed"


def test_every_fix_that_changed_something_is_logged_with_its_count():
    doc = norm("區(qū)政府&ldquo;１２３４５&rdquo;熱線\r\n")
    assert fixes(doc) == {"html_entities": 2, "pinyin_annotations": 1, "width": 5, "t2s": 3, "whitespace": 1}
    assert doc.text == "区政府“12345”热线\n"


def test_a_fix_that_changes_nothing_is_not_logged():
    assert norm("区政府受理诉求1416件。").fixes == []


RAW_TEXT = st.text(alphabet=st.sampled_from(list("區(qū)政府網站&ldquo;;nbsp１２３４５６.,，%％<br>\r\n\t 　\u200b著看abcāé鍗曚綅鏄锛ÃÂ©") + ["\ufffd", "统"]), max_size=300)


@settings(max_examples=300, deadline=None)
@given(RAW_TEXT)
def test_normaliser_never_raises_and_offsets_stay_monotone_and_in_range(raw):
    doc = norm(raw)
    previous = 0
    for pos in range(len(doc.text) + 1):
        old = doc.to_raw(pos)
        assert 0 <= old <= len(raw)
        assert old >= previous
        previous = old
    assert doc.to_raw(len(doc.text)) == len(raw)


@pytest.mark.parametrize("raw, want", [
    ("2023 年上半年，全市 12345 热线共受理群众诉求 96,385 件，满意率 97.06 %。",
     "2023年上半年，全市12345热线共受理群众诉求96,385件，满意率97.06%。"),
    ("寿政办字〔2023〕31 号", "寿政办字〔2023〕31号"),
    ("1 圣城街道 8956 8904 99.42% 97.3%", "1 圣城街道 8956 8904 99.42% 97.3%"),  # a table row keeps its cells
    ("\t 合计", "\t 合计"),
    # a row of cells set apart by runs of spaces, though it holds one number
    ("       合计         6335           —            —", "       合计         6335           —            —"),
    # a tab header row keeps the empty cells its merged headings span
    ("序号\t单位\t督办事项\t\t\t12345热线工单\t\t\t得分", "序号\t单位\t督办事项\t\t\t12345热线工单\t\t\t得分"),
    # a sentence letter-spaced by OCR or typesetting reads as written; a row of name cells stays apart
    ("其中超期19件。重 办 工 单63件，", "其中超期19件。重办工单63件，"),
    ("市 审 计局、市气象局上半年报送信息为零，不参与排名。", "市审计局、市气象局上半年报送信息为零，不参与排名。"),
    ("单位 城关镇 东关镇 西关镇", "单位 城关镇 东关镇 西关镇"),
    ("合计：  城关镇  东关镇，  西关镇", "合计：  城关镇  东关镇，  西关镇"),
    # a line set letter by letter (a title, a heading, a cell) closes up; a header row of words does not
    ("季 度 分 析 报 告", "季度分析报告"),
    ("三 、 办理质效", "三、办理质效"),
    ("单位 受理量 办结量", "单位 受理量 办结量"),
])
def test_typesetting_spaces_between_chinese_and_digits(raw, want):
    assert fix_cjk_spacing(raw)[0] == want


@pytest.mark.parametrize("raw,want", [
    ("本季度办结1 951件，占97.2%。", "本季度办结1951件，占97.2%。"),
    ("共产生评价38 720条，差评12条。", "共产生评价38720条，差评12条。"),
    ("累计受理12 604 311人次，接通率96%。", "累计受理12604311人次，接通率96%。"),
    ("补贴1 250万元。", "补贴1250万元。"),
    # two numbers a space apart stay two: no unit after them, or a table row without prose marks
    ("得分 98 100，名次不变。", "得分 98 100，名次不变。"),
    ("1 城关镇 12 345件 98.2%", "1 城关镇 12 345件 98.2%"),
    ("2024年 125件，同比持平。", "2024年 125件，同比持平。"),
])
def test_spaces_grouping_the_digits_of_one_number(raw, want):
    assert fix_digit_grouping(raw)[0] == want


def test_digit_grouping_is_logged_with_its_count():
    doc = norm("已办结2 673件，其中按期办结2 590件。")
    assert doc.text == "已办结2673件，其中按期办结2590件。"
    assert fixes(doc)["digit_grouping"] == 2


def test_combining_tone_marks_are_composed_so_pinyin_notes_are_still_found():
    doc = norm("區(qu\u0304)政府")
    assert doc.text == "区政府"
    assert fixes(doc)["unicode_nfc"] == 1


def test_page_numbers_standing_alone_are_taken_out_with_their_line():
    """Text copied out of a paginated document keeps its folios (`— 3 —`, `-2-`, `第2页 共5页`),
    even inside a paragraph or a table: they go, logged, and the text around still leads back."""
    raw = "本月共受理群众\n— 3 —\n诉求1,416件，办结率\n-4-\n98.6%。\n第2页 共5页\n序号\n1\n第3名\n"
    doc = norm(raw)
    assert doc.text == "本月共受理群众\n诉求1,416件，办结率\n98.6%。\n序号\n1\n第3名\n"
    assert fixes(doc)["page_numbers"] == 3
    pos = doc.text.index("98.6")
    assert raw[doc.to_raw(pos):doc.to_raw(pos) + 4] == "98.6"


def test_markdown_marks_are_taken_out_but_a_bullet_stays():
    """An office system's Markdown export: heading `#`s and `**bold**` marks go (logged, the
    words kept and leading back); a list bullet stays, as it parts the items."""
    raw = "## 一、总体情况\n共受理诉求**1.2万件**，同比增长8.6%。\n- **城关镇**：承办312件\n"
    doc = norm(raw)
    assert doc.text == "一、总体情况\n共受理诉求1.2万件，同比增长8.6%。\n- 城关镇：承办312件\n"
    assert fixes(doc)["markdown"] == 5
    pos = doc.text.index("1.2万件")
    assert raw[doc.to_raw(pos):doc.to_raw(pos) + 5] == "1.2万件"
    assert "markdown" not in fixes(norm("2×3*4 = 24，A_B__C"))


def test_a_running_header_after_each_folio_goes_with_it():
    """Each page a copied document turns opens with its running header (the bulletin's name, the
    document number): after a folio, a line the text repeats elsewhere goes too, so a sentence
    broken by the page reads on; a line after a folio said only once stays."""
    raw = ("某县政务服务热线简报\n一、总体情况\n本月共受理群众诉求\n- 1 -\n某县政务服务热线简报\n"
           "1,416件。\n·2·\n二、典型案例\n")
    doc = norm(raw)
    assert doc.text == "某县政务服务热线简报\n一、总体情况\n本月共受理群众诉求\n1,416件。\n二、典型案例\n"
    assert fixes(doc)["page_numbers"] == 3
    pos = doc.text.index("1,416")
    assert raw[doc.to_raw(pos):doc.to_raw(pos) + 5] == "1,416"


def test_ideographic_spaces_inside_words_of_a_sentence_close_up():
    assert norm("回访满\u3000意\u3000率96.8%，较上月提高0.4个百分点。").text == "回访满意率96.8%，较上月提高0.4个百分点。"


def test_a_folio_heading_the_text_goes_too():
    doc = norm("— 1 —\n某某区12345热线简报\n")
    assert doc.text == "\n某某区12345热线简报\n"
    assert fixes(doc)["page_numbers"] == 1


def test_utf8_read_as_gbk_with_lost_bytes_gets_its_characters_back():
    """A page copied with the wrong encoding and errors replaced: each U+FFFD is one byte the
    GBK reading could not pair. The byte is put back as the one that completes a common
    character the clean lines pair with its neighbours, so a name comes back whole; short
    damaged lines (a table's cells) are repaired once the text is known to be damaged."""
    clean = ["各窗口办件情况：社保窗口8740件，医保窗口6215件。", "不动产登记窗口、公安户政窗口本月均按时办结。"]
    damaged = [line.encode("utf-8").decode("gbk", errors="replace")
               for line in ("不动产登记窗口5128件，办结率100%。", "丹灶镇 | 3.75")]
    assert "\ufffd" in damaged[0] and "\ufffd" in damaged[1]
    doc = norm("\n".join(clean + damaged))
    assert doc.text.split("\n")[2:] == ["不动产登记窗口5128件，办结率100%。", "丹灶镇 | 3.75"]
    assert fixes(doc)["mojibake"] == 2
