"""Writes `corpus/formats/`: one founding circular in every format and encoding the tool reads.

    python scripts/make_fixtures.py [SOURCE] [--out corpus/formats]

The source (default: the 2023 汝州 bulletin, `corpus/004_*.txt`) is read and normalised
by the extractor itself, then written back out as GB18030, Big5 (after OpenCC s2tw),
UTF-16 with and without BOM, an HTML page with page chrome and real `<table>`s, a .docx
with headings and Word tables (one header cell merged), and a PDF drawn by reportlab with
its built-in `STSong-Light` CJK font and a ruled grid per table; where LibreOffice is
installed, also a Word 97 `.doc` converted from the .docx (its tables keep the merged
title row). Tests compare every variant with the source; the files are committed, so
the readers are tested without LibreOffice.
"""
from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import extractor  # noqa: E402
from extractor.normalise import converter  # noqa: E402

STEM = "f004"


def blocks(text: str) -> list[tuple[str, object]]:
    """("p", line) and ("table", rows) in order; a one-cell pipe line is a caption paragraph."""
    out: list[tuple[str, object]] = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.rstrip().rstrip("|").split(" | ")] if line.rstrip().endswith("|") else None
        if cells and len(cells) > 1:
            if out and out[-1][0] == "table" and len(out[-1][1][0]) == len(cells):
                out[-1][1].append(cells)
            else:
                out.append(("table", [cells]))
        elif line.strip():
            out.append(("p", line.rstrip(" |")))
    return out


def is_heading(line: str) -> bool:
    return line[:2] in {"一、", "二、", "三、", "四、", "五、", "六、"}


def write_html(parts, path: Path, title: str) -> None:
    body = []
    for kind, item in parts:
        if kind == "p":
            tag = "h3" if is_heading(item) else "p"
            body.append(f"<{tag}>{html.escape(item)}</{tag}>")
        else:
            rows = ["<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in item[0]) + "</tr>"]
            rows += ["<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in item[1:]]
            body.append("<table border=\"1\">\n" + "\n".join(rows) + "\n</table>")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>td,th{{border:1px solid #333}}</style><script>var tracker = "12345 99.9% 不是正文";</script></head>
<body><div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>
<div class="article">
{chr(10).join(body)}
</div>
<div class="footer"><p>主办单位：某市人民政府办公室 &nbsp;|&nbsp; 网站地图</p></div>
</body></html>
"""
    path.write_text(page, encoding="utf-8")


def write_docx(parts, path: Path) -> None:
    import docx

    d = docx.Document()
    for kind, item in parts:
        if kind == "p":
            if is_heading(item):
                d.add_heading(item, level=2)
            else:
                d.add_paragraph(item)
        else:
            table = d.add_table(rows=len(item) + 1, cols=len(item[0]))
            table.style = "Table Grid"
            # a merged title row over the whole table, as Word users make them
            title = table.rows[0].cells[0].merge(table.rows[0].cells[-1])
            title.text = "统计"
            for r, row in enumerate(item, start=1):
                for c, value in enumerate(row):
                    table.rows[r].cells[c].text = value
    d.save(path)


def write_pdf(parts, path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK")
    story = []
    for kind, item in parts:
        if kind == "p":
            story.append(Paragraph(html.escape(item), style))
        else:
            t = Table(item)
            t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 9),
                                   ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            story.append(t)
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1)
    doc.build(story)


def write_doc(docx_path: Path, path: Path) -> None:
    import shutil
    import subprocess
    import tempfile

    exe = shutil.which("soffice")
    if exe is None:
        print("no LibreOffice: the .doc is left as it is", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "doc",
                        "--outdir", tmp, str(docx_path)], check=True, capture_output=True, timeout=300)
        shutil.move(Path(tmp) / docx_path.with_suffix(".doc").name, path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", nargs="?", default=str(next((ROOT / "corpus").glob("004_*.txt"))))
    ap.add_argument("--out", default=str(ROOT / "corpus" / "formats"))
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    text = extractor.read(a.source).text
    (out / f"{STEM}.txt").write_text(text, encoding="utf-8")
    (out / f"{STEM}-gb18030.txt").write_bytes(text.encode("gb18030"))
    (out / f"{STEM}-big5.txt").write_bytes(converter("s2tw").convert(text).encode("big5"))
    (out / f"{STEM}-utf16.txt").write_bytes(text.encode("utf-16"))
    (out / f"{STEM}-utf16le.txt").write_bytes(text.encode("utf-16-le"))
    parts = blocks(text)
    title = next(item for kind, item in parts if kind == "p" and "简报" in item)
    write_html(parts, out / f"{STEM}-html.html", title)
    write_docx(parts, out / f"{STEM}-docx.docx")
    write_pdf(parts, out / f"{STEM}-pdf.pdf")
    write_doc(out / f"{STEM}-docx.docx", out / f"{STEM}-doc.doc")
    for p in sorted(out.iterdir()):
        print(f"{p.stat().st_size:>8}  {p.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
