"""`extractor report FILE --out page.html`: the review page of one circular.

The page is parsed (well-formed nesting, every figure row of the file highlighted with its
metric, value and pattern, the text unchanged after unescaping, tables/fixes/checks shown),
and opened in headless Chromium, which must lay the highlights out and paint them.
"""
import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import main
from extractor.pipeline import Task, process_file
from extractor.report import build_report, cjk_font, highlight, render_html

from conftest import founding

FOUNDING = ["000", "001", "002", "003", "004"]
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source", "track", "embed", "param"}


class Page(HTMLParser):
    """Collects the highlighted elements (with their full text) and checks tag nesting."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.marks: list[dict] = []
        self.open_marks: list[dict] = []
        self.in_text = 0  # depth inside <div class="text">
        self.text_parts: list[str] = []
        self.tables: dict[str, list[list[str]]] = {}
        self.current_table: str | None = None
        self.table_depth = 0
        self.cell: list[str] | None = None
        self.rows_by_class: dict[str, int] = {}
        self.body: dict = {}
        self.ids: set[str] = set()
        self.all_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            assert a["id"] not in self.ids, f"duplicate id {a['id']}"
            self.ids.add(a["id"])
        if tag == "body":
            self.body = a
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "div" and a.get("class") == "text":
            self.in_text = len(self.stack)
        if tag == "span" and a.get("class") == "pagebreak" and self.in_text:
            self.text_parts.append("\f")
        if tag == "mark" and "data-figure-ids" in a:
            m = dict(a, text="", depth=len(self.stack))
            self.marks.append(m)
            self.open_marks.append(m)
        if tag == "div" and (a.get("id") or "").startswith("table-"):
            self.current_table = a["id"]
            self.table_depth = len(self.stack)
            self.tables[a["id"]] = []
        if tag == "tr":
            if self.current_table:
                self.tables[self.current_table].append([])
            cls = a.get("class") or ""
            self.rows_by_class[cls] = self.rows_by_class.get(cls, 0) + 1
        if tag in ("td", "th") and self.current_table:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        if tag == "mark" and self.open_marks and self.open_marks[-1]["depth"] == len(self.stack):
            self.open_marks.pop()
        if tag == "div" and self.in_text == len(self.stack):
            self.in_text = 0
        if tag in ("td", "th") and self.cell is not None and self.current_table:
            self.tables[self.current_table][-1].append("".join(self.cell))
            self.cell = None
        if tag == "div" and self.current_table and self.table_depth == len(self.stack):
            self.current_table = None
        self.stack.pop()

    def handle_data(self, data):
        self.all_text.append(data)
        for m in self.open_marks:
            m["text"] += data
        if self.in_text:
            self.text_parts.append(data)
        if self.cell is not None:
            self.cell.append(data)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    assert not p.errors, p.errors[:5]
    assert p.stack == [], f"unclosed: {p.stack}"
    return p


def figures_of(path) -> tuple[list[dict], str, dict]:
    rows = process_file(Task(str(path), None)).rows
    return rows["figures"], rows["texts"][0]["text"], rows


def num(v) -> str:
    return f"{v:.10g}"


def assert_every_figure_highlighted(page: Page, figures: list[dict], text: str):
    by_id = {}
    for m in page.marks:
        ids = [int(i) for i in m["data-figure-ids"].split()]
        metrics, values, patterns = (m[k].split(" ") for k in ("data-metric", "data-value", "data-pattern"))
        assert len(ids) == len(metrics) == len(values) == len(patterns), m
        detail = json.loads(m["data-figures"])
        for i, fid in enumerate(ids):
            assert fid not in by_id, f"figure {fid} highlighted twice"
            by_id[fid] = (m, metrics[i], values[i], patterns[i], detail[i])
    for f in figures:
        fid = f["figure_id"]
        assert fid in by_id, f"figure {fid} ({f['metric']} {f['value']}) not highlighted"
        m, metric, value, pattern, detail = by_id[fid]
        assert metric == f["metric"] and pattern == f["pattern"], (fid, metric, pattern)
        assert float(value) == pytest.approx(f["value"]), (fid, value, f["value"])
        assert detail["figure_id"] == fid and detail["start"] == f["start"] and detail["end"] == f["end"]
        # the highlight holds the very characters the offsets point at
        assert text[f["start"]:f["end"]] in m["text"], (fid, text[f["start"]:f["end"]], m["text"])
        assert f["metric"] in m["title"] and f["pattern"] in m["title"]
    assert set(by_id) == {f["figure_id"] for f in figures}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The founding circulars' pages, written by the command line, with their figure rows."""
    folder = tmp_path_factory.mktemp("pages")
    out = {}
    for prefix in FOUNDING:
        path = founding(prefix)
        target = folder / f"{prefix}.html"
        result = CliRunner().invoke(main, ["report", str(path), "--out", str(target)])
        assert result.exit_code == 0, result.output
        figures, text, rows = figures_of(path)
        assert f"{len(figures)} figures" in result.output
        out[prefix] = (target, figures, text, rows)
    return out


@pytest.mark.parametrize("prefix", FOUNDING)
def test_founding_page_highlights_every_figure(pages, prefix):
    target, figures, text, rows = pages[prefix]
    assert figures, f"{prefix}: the pipeline found no figures to highlight"
    page = parse(target.read_text(encoding="utf-8"))
    assert_every_figure_highlighted(page, figures, text)
    # highlighting neither drops nor adds text: the text block unescapes to the normalised text
    assert "".join(page.text_parts) == text
    assert page.body["data-figures"] == str(len(figures))
    assert page.body["data-highlighted-figures"] == str(len(figures))


@pytest.mark.parametrize("prefix", FOUNDING)
def test_founding_page_shows_tables_fixes_and_checks(pages, prefix):
    target, _, _, rows = pages[prefix]
    html_text = target.read_text(encoding="utf-8")
    page = parse(html_text)
    assert not any(t in html_text for t in ('src="http', "href=\"http", "<link", "@import")), "external resource"
    # every table with every cell's text in its row and column
    assert len(page.tables) == len(rows["tables"])
    for t in rows["tables"]:
        grid = page.tables[f"table-{t['table_id']}"]
        header, body = grid[0], grid[1:]
        assert header[:len(t["columns"])] == list(t["columns"])
        cells = [c for c in rows["cells"] if c["table_id"] == t["table_id"]]
        assert len(body) == len({c["row"] for c in cells})
        rows_in_order = sorted({c["row"] for c in cells})
        for c in cells:
            assert body[rows_in_order.index(c["row"])][c["col"]] == c["raw"], c
    text = "".join(page.all_text)
    for fix in rows["documents"][0]["fixes"]:
        assert fix["fix"] in text
    n_pass = sum(c["status"] == "pass" for c in rows["checks"])
    n_fail = sum(c["status"] == "fail" for c in rows["checks"])
    assert page.rows_by_class.get("pass", 0) == n_pass and page.rows_by_class.get("fail", 0) == n_fail
    for c in rows["checks"]:
        assert c["detail"] in text


def test_escaping_and_overlapping_spans():
    text = 'A<b>&"x"</b> 受理12件，办结12件，满意率99.5%。\f第二页 1234'
    at = text.index("12")
    figures = [
        # two figures on the same number become one element listing both
        {"figure_id": 0, "metric": "volume", "value": 12.0, "unit": "件", "start": at, "end": at + 2, "pattern": "p<1>"},
        {"figure_id": 1, "metric": "calls", "value": 12.0, "unit": "件", "start": at, "end": at + 2, "pattern": 'p"2"',
         "entity": '<script>alert("x")</script>'},
    ]
    rate = text.index("99.5")
    figures += [
        # a span inside another nests in it
        {"figure_id": 2, "metric": "satisfaction_rate", "value": 99.5, "unit": "%", "start": rate, "end": rate + 5, "pattern": "r"},
        {"figure_id": 3, "metric": "share", "value": 99.0, "unit": "%", "start": rate, "end": rate + 2, "pattern": "s"},
    ]
    big = text.index("1234")
    figures += [
        # crossing spans merge into one element
        {"figure_id": 4, "metric": "volume", "value": 123.0, "start": big, "end": big + 3, "pattern": "c1"},
        {"figure_id": 5, "metric": "volume", "value": 234.0, "start": big + 1, "end": big + 4, "pattern": "c2"},
        # offsets outside the text are reported, not dropped silently
        {"figure_id": 6, "metric": "volume", "value": 1.0, "start": len(text), "end": len(text) + 3, "pattern": "bad"},
    ]
    rows = {"documents": [{"doc_id": "d", "source_path": "x<y>.txt", "title": "<i>t</i>", "fixes": [{"fix": "t2s", "count": 3}],
                           "status": "ok"}],
            "texts": [{"doc_id": "d", "text": text}], "figures": figures, "tables": [], "cells": [],
            "checks": [{"check": "c", "subject": "table 0 <x>", "status": "fail", "expected": 1.0, "actual": 2.0, "detail": "<d>"}],
            "errors": []}
    html_text = render_html(rows)
    assert "<script>alert" not in html_text and "<b>&" not in html_text and "<i>t</i>" not in html_text
    page = parse(html_text)
    assert "".join(page.text_parts) == text
    assert_every_figure_highlighted(page, figures[:6], text)
    same = next(m for m in page.marks if m["data-figure-ids"] == "0 1")
    assert same["data-metric"] == "volume calls" and same["data-pattern"] == 'p<1> p"2"'
    assert '<script>alert("x")</script>' in same["title"]
    outer = next(m for m in page.marks if m["data-figure-ids"] == "2")
    inner = next(m for m in page.marks if m["data-figure-ids"] == "3")
    assert inner["depth"] == outer["depth"] + 1 and outer["text"] == "99.5%" and inner["text"] == "99"
    crossed = next(m for m in page.marks if m["data-figure-ids"] == "4 5")
    assert crossed["text"] == "1234"
    assert "not in text" in "".join(page.all_text)
    assert page.body["data-highlighted-figures"] == "6" and page.body["data-figures"] == "7"


def test_crossing_span_widening_its_parent_stays_well_formed():
    text = "0123456789"
    figures = [{"figure_id": 0, "metric": "volume", "value": 0.0, "start": 0, "end": 5, "pattern": "a"},
               {"figure_id": 1, "metric": "volume", "value": 1.0, "start": 2, "end": 4, "pattern": "b"},
               {"figure_id": 2, "metric": "volume", "value": 2.0, "start": 3, "end": 8, "pattern": "c"}]
    html_text, placed, unplaced = highlight(text, figures)
    assert set(placed) == {0, 1, 2} and not unplaced
    page = parse(f'<div class="text">{html_text}</div>')
    assert "".join(page.text_parts) == text
    assert [m["text"] for m in page.marks] == ["01234567"]


def test_a_file_that_cannot_be_read_gets_a_page_with_its_error(tmp_path):
    bad = tmp_path / "junk.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    page = parse(build_report(bad))
    text = "".join(page.all_text)
    assert "Errors (1)" in text and "read" in text
    assert page.marks == []


def test_cjk_font_has_the_glyphs_of_the_labels():
    from fontTools.ttLib import TTCollection, TTFont

    family, path = cjk_font()
    fonts = TTCollection(path).fonts if path.lower().endswith(".ttc") else [TTFont(path)]
    cmap = fonts[0].getBestCmap()
    assert all(ord(ch) in cmap for ch in "满意率办结响应超期诉求类型"), family


# ---------------------------------------------------------------------------- a real browser

def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("no headless browser: `apt-get install chromium` (.ci/run does)")


def browse(page: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args, page.resolve().as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, env={**os.environ, "LANG": "C.UTF-8"})


@pytest.mark.parametrize("prefix", FOUNDING)
def test_highlights_render_in_a_headless_browser(pages, prefix, tmp_path):
    target, figures, _, _ = pages[prefix]
    page = parse(target.read_text(encoding="utf-8"))
    done = browse(target, tmp_path, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    rendered = parse(done.stdout)
    # the page's own script counted the highlights that have a box on screen after load
    assert rendered.body.get("data-visible-highlights") == str(len(page.marks))
    assert rendered.body.get("data-visible-figures") == str(len(figures))


def test_screenshot_shows_the_highlights(pages, tmp_path):
    from PIL import Image

    target, figures, _, _ = pages["000"]
    shot = tmp_path / "review-000.png"
    done = browse(target, tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars")
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 2000)
    colours = image.getcolors(maxcolors=1 << 20)
    painted = {rgb: n for n, rgb in colours}
    # the count (#ffe08a) and rate (#a8e6b8) highlight backgrounds are painted over the text
    assert painted.get((0xFF, 0xE0, 0x8A), 0) > 500
    assert painted.get((0xA8, 0xE6, 0xB8), 0) > 500
    # and the text is drawn, not blank: plenty of dark pixels
    dark = sum(n for n, (r, g, b) in colours if r + g + b < 200)
    assert dark > 5000


def test_offsets_read_back_from_parquet_as_numpy_ints_are_highlighted():
    import numpy as np

    text = "受理12件"
    figures = [{"figure_id": np.int32(0), "metric": "volume", "value": np.float64(12.0), "unit": "件",
                "start": np.int64(2), "end": np.int64(4), "pattern": "v"}]
    html_text, placed, unplaced = highlight(text, figures)
    assert placed == {0: "fig-0"} and not unplaced
    mark = parse(html_text).marks[0]
    assert mark["text"] == "12" and mark["data-value"] == "12"
    assert json.loads(mark["data-figures"])[0] == {
        "figure_id": 0, "metric": "volume", "value": 12.0, "unit": "件", "category": None, "entity": None,
        "channel": None, "approx": None, "pattern": "v", "start": 2, "end": 4}
