"""Throughput, memory and rerun cost of `extractor extract`, against bare baselines in one run.

    python benchmarks/bench_pipeline.py [--sizes 1000,10000] [--pdf-docs 40] [--keep DIR]

Builds a corpus of N varied circulars from the UTF-8 text and html files in `corpus/`
(digits shuffled so every copy is a new document), then measures in the same run:
  * bare read (bytes + UTF-8 decode) and a bare OpenCC t2s pass over the same files;
  * full extraction with 1 and 2 workers (the CLI, as a user runs it);
  * PDF pages/s for the reading stage and for full extraction against a bare pypdfium2
    text pass, on prose-only PDFs;
  * peak RSS of the extraction process at each size, and the time of an unchanged rerun.
Prints a table; ratios are against the baseline measured in this run, as machines are noisy.
"""
from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTRACTOR = [sys.executable, "-m", "extractor.cli"]


def build_corpus(dest: Path, n: int, seed: int = 1) -> list[Path]:
    sources = [p for p in sorted((ROOT / "corpus").rglob("*")) if p.suffix in (".txt", ".html")]
    texts = []
    for p in sources:
        try:
            texts.append((p.suffix, p.read_bytes().decode("utf-8")))
        except UnicodeDecodeError:
            continue
    rng = random.Random(seed)
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        suffix, text = texts[i % len(texts)]
        varied = re.sub(r"\d", lambda m: str(rng.randrange(10)), text)
        path = dest / f"c{i:06d}{suffix}"
        path.write_text(varied, encoding="utf-8")
        out.append(path)
    return out


def build_pdfs(dest: Path, n: int) -> tuple[list[Path], int]:
    """Prose-only PDFs (no tables) drawn with reportlab's built-in CJK font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    import extractor

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=11, leading=18, wordWrap="CJK")
    prose = []
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        lines = [line for line in extractor.read(p).text.split("\n") if len(line) > 20 and "|" not in line and "\t" not in line]
        prose.append(lines)
    dest.mkdir(parents=True, exist_ok=True)
    paths, pages = [], 0
    for i in range(n):
        path = dest / f"p{i:04d}.pdf"
        lines = prose[i % len(prose)] * 3
        SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build([Paragraph(line, style) for line in lines])
        paths.append(path)
    import pypdfium2 as pdfium

    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        pages += len(pdf)
        pdf.close()
    return paths, pages


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def bare_read(paths):
    for p in paths:
        p.read_bytes().decode("utf-8")


def bare_opencc(paths):
    import opencc

    t2s = opencc.OpenCC("t2s")
    for p in paths:
        t2s.convert(p.read_bytes().decode("utf-8"))


def bare_pdfium(paths):
    import pypdfium2 as pdfium

    for p in paths:
        pdf = pdfium.PdfDocument(str(p))
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
        pdf.close()


def read_pdfs(paths):
    """The PDF reader alone (pypdfium2 text, line unwrapping, the table sniff): the "PDF text" cost."""
    from extractor.readers import read

    for p in paths:
        read(p)


def extract(src: Path, out: Path, workers: int) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `extractor extract` run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run([*EXTRACTOR, "extract", str(src), "--out", str(out), "--workers", str(workers), "--no-progress"],
                   check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--pdf-docs", type=int, default=200)
    ap.add_argument("--keep", type=Path, help="build the corpora here and keep them")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    work = a.keep or Path(tempfile.mkdtemp(prefix="bench-"))
    rows = []

    def row(what, n, seconds, mb=None, note=""):
        rate = f"{n / seconds:9.1f}" if seconds else "        -"
        mbs = f"{mb / seconds:7.2f}" if mb and seconds else "      -"
        rows.append(f"{what:<44} {n:>7} {seconds:9.2f} {rate} {mbs}  {note}")

    n = sizes[0]
    src = work / f"text-{n}"
    paths = build_corpus(src, n)
    mb = sum(p.stat().st_size for p in paths) / 2**20
    base_read = timed(lambda: bare_read(paths))
    base_cc = timed(lambda: bare_opencc(paths))
    row("bare read (bytes + utf-8 decode)", n, base_read, mb)
    row("bare OpenCC t2s pass", n, base_cc, mb, "baseline")
    for workers in (1, 2):
        out = work / f"out-{n}-w{workers}"
        shutil.rmtree(out, ignore_errors=True)
        seconds, peak = extract(src, out, workers)
        row(f"full extraction, {workers} worker(s)", n, seconds, mb,
            f"{seconds / base_cc:.1f}x OpenCC; peak RSS {peak:.0f} MB")
        if workers == 2:
            rerun, _ = extract(src, out, workers)
            row("unchanged rerun, 2 workers", n, rerun, mb, f"{100 * rerun / seconds:.1f}% of the first run")
    peaks = {}
    for size in sizes:
        s = work / f"text-{size}"
        if not s.exists():
            build_corpus(s, size)
        out = work / f"out-rss-{size}"
        shutil.rmtree(out, ignore_errors=True)
        seconds, peaks[size] = extract(s, out, 1)
        row(f"full extraction for RSS, N={size}, 1 worker", size, seconds, None, f"peak RSS {peaks[size]:.0f} MB")

    pdfs, pages = build_pdfs(work / "pdf", a.pdf_docs)
    base_pdf = min(timed(lambda: bare_pdfium(pdfs)) for _ in range(2))
    out = work / "out-pdf"
    shutil.rmtree(out, ignore_errors=True)
    pdf_seconds, _ = extract(work / "pdf", out, 1)
    read_pdf = min(timed(lambda: read_pdfs(pdfs)) for _ in range(2))
    row("bare pypdfium2 text pass (pages)", pages, base_pdf, None, "baseline")
    row("PDF reading stage (text), in process", pages, read_pdf, None, f"{read_pdf / base_pdf:.2f}x pypdfium2")
    row("full extraction of the PDFs (pages), 1 worker", pages, pdf_seconds, None, f"{pdf_seconds / base_pdf:.1f}x pypdfium2")

    print(f"{'measure':<44} {'docs':>7} {'seconds':>9} {'per s':>9} {'MB/s':>7}  ratio / note")
    print("\n".join(rows))
    if len(sizes) > 1:
        print(f"peak RSS N={sizes[-1]} / N={sizes[0]}: {peaks[sizes[-1]] / peaks[sizes[0]]:.2f}x")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
