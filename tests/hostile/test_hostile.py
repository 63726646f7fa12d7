"""Hostile input: every kind in `hostile_files.KINDS` goes through a real `extractor extract`
process; the run exits 0 and every file is exactly one documents or errors row with the
expected outcome. Then the per-file limits: a file over --timeout, a file over
--max-memory-mb, a worker that stops answering, --password and --max-pdf-pages.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import hostile_files
from hostile_files import KINDS, SECRET, build, slow_and_greedy

EXE = [sys.executable, "-m", "extractor.cli"]


def extract(*args, **popen) -> tuple[int, str, float, float]:
    """Runs the CLI in a child process: (exit code, output, seconds, peak RSS in MB of the
    biggest process of the run, workers included)."""
    started = time.perf_counter()
    proc = subprocess.Popen([*EXE, "extract", *map(str, args), "--no-progress"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, **popen)
    output = proc.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, output, time.perf_counter() - started, usage.ru_maxrss / 1024


def outcomes(out: Path) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for p in pd.read_parquet(out / "documents").source_path:
        seen.setdefault(p, []).append("doc")
    for p, code in pd.read_parquet(out / "errors")[["source_path", "error"]].itertuples(index=False):
        seen.setdefault(p, []).append(code)
    return seen


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile") / "set"
    return d, build(d)


@pytest.fixture(scope="module")
def hostile_run(hostile, tmp_path_factory):
    d, expected = hostile
    out = tmp_path_factory.mktemp("out")
    code, output, seconds, peak_mb = extract(d, "--out", out, "--workers", "2")
    print(f"\nhostile set: {len(KINDS)} kinds, {len(expected)} files, {seconds:.1f} s, peak RSS {peak_mb:.0f} MB")
    return code, output, out, seconds, peak_mb


def test_the_run_over_the_hostile_set_exits_zero_quickly(hostile_run, hostile):
    code, output, _, seconds, peak_mb = hostile_run
    assert code == 0, output
    assert f"files {len(hostile[1])}" in output
    assert seconds < 120 and peak_mb < 1500


def test_every_hostile_file_is_one_row_with_the_expected_outcome(hostile_run, hostile):
    _, _, out, _, _ = hostile_run
    seen = outcomes(out)
    expected = hostile[1]
    assert set(seen) == set(expected)
    wrong = {name: got for name, got in seen.items() if len(got) != 1 or got[0] not in expected[name]}
    assert not wrong


def test_error_messages_are_for_people(hostile_run):
    errors = pd.read_parquet(hostile_run[2] / "errors")
    assert (errors.stage == "read").all()
    assert all(len(m) > 10 and "Traceback" not in m for m in errors.message)


def test_entities_are_neither_expanded_nor_fetched(hostile_run):
    out = hostile_run[2]
    texts = pd.read_parquet(out / "texts").set_index("doc_id").text
    docs = pd.read_parquet(out / "documents").set_index("source_path")
    assert not texts.str.contains(SECRET).any()
    assert not texts.str.contains("AAAAAAAAAAAAAAAAAAAA").any()
    for name in ("laughs.html", "xxe.html", "xxe.docx"):
        assert len(texts[docs.loc[name, "doc_id"]]) < 5000, name


def test_deep_html_keeps_its_text_and_nul_bytes_are_gone(hostile_run):
    out = hostile_run[2]
    docs = pd.read_parquet(out / "documents").set_index("source_path")
    texts = pd.read_parquet(out / "texts").set_index("doc_id").text
    assert "1416" in texts[docs.loc["deep.html", "doc_id"]]
    assert "\x00" not in texts[docs.loc["nul-late.txt", "doc_id"]]


def test_every_kind_is_tried(hostile):
    assert len(KINDS) >= 20
    assert len(hostile[1]) >= 40


def test_password_opens_an_encrypted_pdf_and_a_wrong_one_says_so(hostile, tmp_path):
    pdf = hostile[0] / "encrypted.pdf"
    code, output, _, _ = extract(pdf, "--out", tmp_path / "right", "--password", "secret", "--workers", "1")
    assert code == 0 and "ok 1" in output
    assert "12345" in pd.read_parquet(tmp_path / "right" / "texts").text[0]
    code, output, _, _ = extract(pdf, "--out", tmp_path / "wrong", "--password", "nope", "--workers", "1")
    row = pd.read_parquet(tmp_path / "wrong" / "errors").iloc[0]
    assert row.error == "encrypted_pdf" and "password given" in row.message


def test_the_page_cap_is_an_option(hostile, tmp_path):
    code, output, _, _ = extract(hostile[0] / "many-pages.pdf", "--out", tmp_path, "--max-pdf-pages", "1000")
    assert code == 0 and "ok 1" in output


@pytest.fixture(scope="module")
def slow(tmp_path_factory):
    d = tmp_path_factory.mktemp("slow")
    slow_and_greedy(d)
    return d


def test_a_file_over_the_time_limit_becomes_an_errors_row(slow, tmp_path):
    code, output, seconds, _ = extract(slow, "--out", tmp_path, "--workers", "1", "--timeout", "2")
    assert code == 0, output
    assert outcomes(tmp_path) == {"a-big.txt": ["timeout"], **{f"b-small-{i}.txt": ["doc"] for i in range(4)}}
    assert "--timeout" in pd.read_parquet(tmp_path / "errors").message[0]
    assert seconds < 60


def test_a_file_over_the_memory_limit_becomes_an_errors_row(slow, tmp_path):
    code, output, _, _ = extract(slow, "--out", tmp_path, "--workers", "2", "--max-memory-mb", "450")
    assert code == 0, output
    got = outcomes(tmp_path)
    assert got.pop("a-big.txt") == ["out_of_memory"] or "out_of_memory" in set(pd.read_parquet(tmp_path / "errors").error)
    assert got == {f"b-small-{i}.txt": ["doc"] for i in range(4)}


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        out += [int(c) for c in children]
    return out


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_a_worker_that_stops_answering_is_ended_and_the_run_goes_on(slow, tmp_path):
    """SIGSTOP freezes the worker in the middle of the big file, as a hang in C code would:
    its own timer cannot fire, so the parent's watchdog must end it."""
    proc = subprocess.Popen([*EXE, "extract", str(slow), "--out", str(tmp_path), "--workers", "1",
                             "--timeout", "3", "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    stopped = None
    deadline = time.monotonic() + 60
    while stopped is None and time.monotonic() < deadline and proc.poll() is None:
        for child in _children(proc.pid):
            try:
                cmd = Path(f"/proc/{child}/cmdline").read_bytes()
                if b"spawn_main" in cmd and _rss_mb(child) > 160:  # busy with the 20 MB file
                    os.kill(child, signal.SIGSTOP)
                    stopped = child
            except (FileNotFoundError, ProcessLookupError):
                continue
        time.sleep(0.02)
    output = proc.communicate(timeout=120)[0].decode()
    assert stopped is not None, output
    assert proc.returncode == 0, output
    assert not Path(f"/proc/{stopped}").exists() or "zombie" in Path(f"/proc/{stopped}/status").read_text()
    assert outcomes(tmp_path) == {"a-big.txt": ["timeout"], **{f"b-small-{i}.txt": ["doc"] for i in range(4)}}
    assert "did not answer" in pd.read_parquet(tmp_path / "errors").message[0]


def test_the_dask_engine_also_ends_a_file_over_the_time_limit(slow, tmp_path):
    code, output, seconds, _ = extract(slow, "--out", tmp_path, "--engine", "dask", "--workers", "2", "--timeout", "2")
    assert code == 0, output
    assert outcomes(tmp_path) == {"a-big.txt": ["timeout"], **{f"b-small-{i}.txt": ["doc"] for i in range(4)}}
    assert seconds < 90
