"""Crash safety: a run killed with SIGKILL part-way, then rerun, leaves the same datasets as a
run that was never interrupted: nothing duplicated, nothing missing."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pandas as pd

from extractor.schema import DATASETS
from extractor.write import read_dataset

from conftest import CORPUS


def frame(out, name):
    df = read_dataset(out, name).to_pandas()
    key = [c for c in ("doc_id", "figure_id", "table_id", "row", "col", "check", "subject", "source_path",
                       "stage") if c in df.columns]
    return df.sort_values(key).reset_index(drop=True)


def command(src, out):
    return [sys.executable, "-m", "extractor.cli", "extract", str(src), "--out", str(out), "--workers", "1",
            "--batch", "1", "--no-progress"]


def test_a_run_killed_part_way_and_rerun_equals_an_uninterrupted_run(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(CORPUS, src)
    (src / "broken.pdf").write_bytes(b"%PDF-1.7 nothing else")  # an errors row, committed like the rest
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    subprocess.run(command(src, whole), check=True, capture_output=True)
    files = {p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file()}

    proc = subprocess.Popen(command(src, killed), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        committed = list((killed / "documents").glob("part-*.parquet")) if (killed / "documents").is_dir() else []
        if len(committed) >= 3:
            break
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its worker, mid-run
    proc.wait()
    done_before = len(list((killed / "documents").glob("part-*.parquet")))
    assert 3 <= done_before < len(files) - 3, "the kill was meant to land part-way"

    result = subprocess.run(command(src, killed), check=True, capture_output=True, text=True)
    assert "skipped" in result.stdout and "skipped 0" not in result.stdout
    for name in DATASETS:
        pd.testing.assert_frame_equal(frame(killed, name), frame(whole, name), obj=name)
    docs, errors = frame(killed, "documents"), frame(killed, "errors")
    assert docs.doc_id.is_unique
    assert sorted([*docs.source_path, *errors.source_path]) == sorted(files)  # each file once
