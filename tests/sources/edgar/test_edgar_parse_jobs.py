"""``edgar parse --jobs N``: files read by worker processes print what the serial run prints, in its order."""

from __future__ import annotations

import json
import os

import pytest

from cli_runner import Ran, run_console_script, run_in_process, without_settings
from infraledger.cli import edgar as edgar_cli
from infraledger.sources.edgar import parallel


def run(*args: str, script: bool = False) -> Ran:
    return (run_console_script if script else run_in_process)(list(args), env=without_settings())


@pytest.fixture(scope="module")
def shared_files(sec_dir) -> list[str]:
    """Every file of the shared filings, read or not (several are refused): with 3 jobs, a dozen chunks."""
    files = sorted(str(p) for p in sec_dir.rglob("*") if p.is_file() and p.suffix != ".md")
    assert len(files) > 40
    return files


@pytest.mark.parametrize("fmt", ["jsonl", "json", "table"])
def test_jobs_print_what_the_serial_run_prints_on_the_shared_filings(shared_files, fmt):
    serial = run("edgar", "parse", "--format", fmt, "--jobs", "1", *shared_files)
    parallel = run("edgar", "parse", "--format", fmt, "--jobs", "3", *shared_files)
    assert serial.stdout and "Traceback" not in serial.stderr
    assert (parallel.returncode, parallel.stdout, parallel.stderr) == (serial.returncode, serial.stdout, serial.stderr)


def test_jobs_keep_the_order_of_the_paths(sec_dir, tmp_path):
    originals = sorted((sec_dir / "form-d").glob("*.xml"))
    paths = []
    for i in range(150):  # written in an order unlike the names' (and unlike the files' sizes)
        path = tmp_path / f"{(i * 37) % 150:03d}.xml"
        path.write_bytes(originals[i % len(originals)].read_bytes())
        paths.append(str(path))
    ran = run("edgar", "parse", "--format", "jsonl", "--jobs", "2", *paths)
    assert ran.returncode == 0, ran.stderr
    lines = [json.loads(line) for line in ran.stdout.splitlines()]
    assert [line["file"] for line in lines] == paths
    names = [line["parsed"]["issuer"]["name"] for line in lines]
    assert names[: len(originals)] == [json.loads(run("edgar", "parse", "--format", "jsonl", str(p)).stdout)
                                       ["parsed"]["issuer"]["name"] for p in originals]


def test_a_bad_file_among_good_ones_is_one_line_and_the_others_are_printed(sec_dir, tmp_path):
    good = sec_dir / "form-d/D_Notion-Labs-Inc_2020-04-10.xml"
    data = good.read_bytes()
    paths = []
    for i in range(120):
        path = tmp_path / f"{i:03d}.xml"
        path.write_bytes(data[: len(data) // 2] if i == 77 else data)
        paths.append(str(path))
    paths.insert(30, str(tmp_path / "missing.xml"))
    ran = run("edgar", "parse", "--format", "jsonl", "--jobs", "2", *paths)
    assert ran.returncode != 0 and "Traceback" not in ran.stderr
    missing, cut, summary = ran.stderr.splitlines()
    assert missing == f"Error: {tmp_path / 'missing.xml'}: No such file or directory"
    assert cut.startswith(f"Error: {tmp_path / '077.xml'}: truncated XML")
    assert summary == "Error: 119 read, 2 skipped, 0 failed"
    printed = [json.loads(line)["file"] for line in ran.stdout.splitlines()]
    assert printed == [p for p in paths if not p.endswith(("077.xml", "missing.xml"))]
    serial = run("edgar", "parse", "--format", "jsonl", "--jobs", "1", *paths)
    assert (serial.stdout, serial.stderr) == (ran.stdout, ran.stderr)


def test_many_files_are_read_by_one_worker_per_cpu_and_a_few_in_this_process(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3}, raising=False)
    assert parallel.default_jobs(1) == 1
    assert parallel.default_jobs(parallel.PARALLEL_FROM - 1) == 1
    assert parallel.default_jobs(parallel.PARALLEL_FROM) == min(4, parallel.PARALLEL_FROM // parallel.CHUNK)
    assert parallel.default_jobs(100_000) == 4


def test_the_console_script_reads_many_files_with_the_default_jobs_as_one_process_does(sec_dir, tmp_path):
    xml = sorted((sec_dir / "form-d").glob("*.xml"))
    paths = [str(xml[i % len(xml)]) for i in range(parallel.PARALLEL_FROM + 10)]
    default = run("edgar", "parse", "--format", "jsonl", *paths, script=True)
    serial = run("edgar", "parse", "--format", "jsonl", "--jobs", "1", *paths)
    assert default.returncode == 0, default.stderr
    assert default.stdout == serial.stdout and len(default.stdout.splitlines()) == len(paths)


def test_an_unexpected_error_stops_the_run_where_the_serial_run_stops(sec_dir, tmp_path, monkeypatch):
    data = (sec_dir / "form-d/D_Notion-Labs-Inc_2020-04-10.xml").read_bytes()
    paths = []
    for i in range(100):
        path = tmp_path / f"{i:03d}.xml"
        path.write_bytes(data)
        paths.append(str(path))
    line = edgar_cli._json_line

    def failing(filing, with_text):  # a fault in the code, not in the file: the workers are forked with it
        if filing.name.endswith("042.xml"):
            raise RuntimeError(f"fault at {filing.name}")
        return line(filing, with_text)

    monkeypatch.setattr(edgar_cli, "_json_line", failing)
    runs = [run("edgar", "parse", "--format", "jsonl", "--jobs", jobs, *paths) for jobs in ("1", "2")]
    for ran in runs:
        assert ran.returncode == 1 and f"RuntimeError: fault at {tmp_path / '042.xml'}" in ran.stderr
        assert [json.loads(x)["file"] for x in ran.stdout.splitlines()] == paths[:42]
