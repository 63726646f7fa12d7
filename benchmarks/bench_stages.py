"""Where the time of one document goes: each stage against a bare OpenCC t2s pass, in one run.

    python benchmarks/bench_stages.py [PATH ...]   (default: corpus/)

Reads every file once to keep its bytes, then times, best of N rounds over all files,
in-process (no pool, no Parquet): a bare OpenCC t2s pass over the decoded text (the
baseline), and each stage of `process_file` in turn: read, normalise, segment,
metadata, figures, tables, checks. Prints milliseconds and the ratio to the baseline,
so a profile of the pipeline reads as "stage X costs k OpenCC passes".
"""
from __future__ import annotations

import copy
import sys
import time
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.checks import run_checks  # noqa: E402
from extractor.figures import extract_figures  # noqa: E402
from extractor.metadata import extract_metadata  # noqa: E402
from extractor.normalise import normalise  # noqa: E402
from extractor.pipeline import discover  # noqa: E402
from extractor.readers import read  # noqa: E402
from extractor.segment import segment  # noqa: E402
from extractor.tables import extract_tables  # noqa: E402

ROUNDS = 5


def best_of(fn, rounds=ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str]) -> int:
    paths = [(p, r) for p, r in discover(argv or [str(ROOT / "corpus")]) if p.endswith((".txt", ".html"))]
    docs = []
    for p, r in paths:
        try:
            docs.append((p, r, read(p, r)))
        except Exception as e:  # unreadable files are not what we time
            print(f"skip {p}: {type(e).__name__}", file=sys.stderr)
    raw = [d.raw for _, _, d in docs]
    chars = sum(map(len, raw))
    cc = opencc.OpenCC("t2s")

    def baseline():
        for t in raw:
            cc.convert(t)

    def read_all():
        for p, r, _ in docs:
            read(p, r)

    fresh = [d for _, _, d in docs]
    normalised = []

    def normalise_all():
        normalised.clear()
        for d in fresh:
            normalised.append(normalise(copy.copy(d)))

    def segment_all():
        for d in normalised:
            segment(d)

    stage_rows: dict[str, list] = {}

    def each(name, fn):
        def run():
            stage_rows[name] = [fn(d) for d in normalised]
        return run

    normalise_all(), segment_all()  # warm up caches and compile patterns outside the timing
    for fn in (each("metadata", extract_metadata), each("figures", extract_figures),
               each("tables", extract_tables)):
        fn()
    figures, tables = stage_rows["figures"], stage_rows["tables"]

    def checks_all():
        for d, f, (t, c) in zip(normalised, figures, tables):
            run_checks(d, f, t, c)

    t_cc = best_of(baseline)
    timings = [("read", best_of(read_all)), ("normalise", best_of(normalise_all)), ("segment", best_of(segment_all)),
               ("metadata", best_of(each("metadata", extract_metadata))),
               ("figures", best_of(each("figures", extract_figures))),
               ("tables", best_of(each("tables", extract_tables))), ("checks", best_of(checks_all))]
    print(f"documents {len(docs)}, characters {chars}, best of {ROUNDS} rounds")
    print(f"{'stage':<12}{'ms':>10}{'x OpenCC':>10}")
    print(f"{'OpenCC t2s':<12}{t_cc * 1000:10.2f}{1:10.2f}   baseline")
    for name, t in timings:
        print(f"{name:<12}{t * 1000:10.2f}{t / t_cc:10.2f}")
    total = sum(t for _, t in timings)
    print(f"{'all stages':<12}{total * 1000:10.2f}{total / t_cc:10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
