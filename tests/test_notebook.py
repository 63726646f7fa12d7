"""notebooks/cross_region.ipynb runs on the corpus output (nbclient, a real kernel) and draws
its plots with Chinese labels (no missing-glyph boxes)."""
import base64
import io
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from nbclient import NotebookClient

from extractor.cli import main

from conftest import CORPUS, ROOT

NOTEBOOK = ROOT / "notebooks" / "cross_region.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus-out")
    result = CliRunner().invoke(main, ["extract", str(CORPUS), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    nb = nbformat.read(NOTEBOOK, as_version=4)
    mp = pytest.MonkeyPatch()
    mp.setenv("EXTRACTOR_OUT", str(out))
    mp.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    finally:
        mp.undo()
    return nb, out


def outputs(nb):
    for cell in nb.cells:
        yield from cell.get("outputs", [])


def test_notebook_draws_at_least_two_plots(executed):
    from PIL import Image

    nb, _ = executed
    pngs = [o["data"]["image/png"] for o in outputs(nb) if "image/png" in o.get("data", {})]
    assert len(pngs) >= 2
    for png in pngs:
        image = Image.open(io.BytesIO(base64.b64decode(png))).convert("RGB")
        assert image.width > 300 and image.height > 200
        assert len(image.getcolors(maxcolors=1 << 20)) > 50  # something is drawn, not a blank canvas


def test_notebook_reads_the_given_folder_with_a_cjk_font_and_no_errors(executed):
    nb, out = executed
    streams = "".join(o.get("text", "") for o in outputs(nb) if o.output_type == "stream")
    assert str(Path(out).resolve()) in streams
    assert "CJK font:" in streams
    assert not [o for o in outputs(nb) if o.output_type == "error"]
    # matplotlib warns "Glyph … missing from font(s)" when a label would be drawn as boxes
    assert "missing from font" not in streams and "Glyph" not in streams


def test_notebook_tables_cover_rates_categories_overdue_and_checks(executed):
    nb, _ = executed
    html = "".join(o["data"].get("text/html", "") for o in outputs(nb) if "data" in o)
    for column in ("satisfaction_rate", "completion_rate", "response_rate"):
        assert column in html
    # regions of the founding circulars, one category, an overdue unit and a failed check kind
    assert "西宁市城中区" in html and "吴忠市红寺堡区" in html
    assert "咨询" in html
    assert "overdue" in html and "total_vs_rows" in html
