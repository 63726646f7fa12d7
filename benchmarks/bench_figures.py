"""Times the figures stage against one bare OpenCC t2s pass over the same texts.

    python benchmarks/bench_figures.py [PATH ...]   (default: corpus/)

Reads and normalises every file once (not timed), then, in the same run, times
`opencc.OpenCC('t2s').convert` over every normalised text and `extract_figures` over the
same Documents (pattern library already compiled, as in a worker), best of N rounds, and
prints both and their ratio. A script that prints numbers, not a test.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.figures import extract_figures  # noqa: E402
from extractor.patterns import load_library  # noqa: E402
from extractor.pipeline import discover, load  # noqa: E402

ROUNDS = 7


def best_of(fn, rounds=ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str]) -> int:
    paths = argv or [str(ROOT / "corpus")]
    docs = []
    for path, root in discover(paths):
        if path.endswith(".md"):
            continue
        try:
            docs.append(load(path, root))
        except Exception as e:  # unreadable files are not what we time
            print(f"skip {path}: {type(e).__name__}", file=sys.stderr)
    texts = [d.text for d in docs]
    chars = sum(map(len, texts))
    cc = opencc.OpenCC("t2s")
    load_library()  # compile once, outside the timing (module-level cache)

    def run_cc():
        for t in texts:
            cc.convert(t)

    n_figs = [0]

    def run_figures():
        n = 0
        for d in docs:
            n += len(extract_figures(d))
        n_figs[0] = n

    run_cc(), run_figures()  # warm up
    t_cc = best_of(run_cc)
    t_fig = best_of(run_figures)
    print(f"documents          {len(docs)}")
    print(f"characters         {chars}")
    print(f"figures found      {n_figs[0]}")
    print(f"opencc t2s         {t_cc * 1000:8.2f} ms  ({t_cc / max(chars, 1) * 1e9:6.1f} ns/char)")
    print(f"figures stage      {t_fig * 1000:8.2f} ms  ({t_fig / max(chars, 1) * 1e9:6.1f} ns/char)")
    print(f"ratio figures/cc   {t_fig / t_cc:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
