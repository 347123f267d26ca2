"""``infraledger serve`` as a real process, and the token and terminal review commands."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from infraledger.cli.main import cli
from infraledger.ledger import open_ledger


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(path: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """``infraledger serve`` on a free loopback port; returns the process and its address once it answers."""
    port = free_port()
    exe = shutil.which("infraledger") or str(Path(sys.executable).with_name("infraledger"))
    proc = subprocess.Popen([exe, "--db", str(path), "serve", "--port", str(port), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited: {proc.stdout.read()}")
        try:
            httpx.get(url + "/api/v1/overview", timeout=2)
            return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("serve did not answer within 60 s")


def test_serve_answers_and_another_command_can_write_meanwhile(ledger_copy, tmp_path):
    path, _tokens = ledger_copy
    proc, url = start_server(path)
    try:
        overview = httpx.get(url + "/api/v1/overview").json()
        assert overview["facts"] > 0
        # the server holds no lock on the DuckDB file: the CLI writes beside it, and the server sees it
        doc = tmp_path / "later.txt"
        doc.write_text("Quillfeather Systems raised $25 million in a Series A led by Harbor Lane Ventures "
                       "on June 2, 2026.\n", encoding="utf-8")
        result = CliRunner().invoke(cli, ["--db", str(path), "ingest", str(doc)])
        assert result.exit_code == 0, result.output
        deadline = time.monotonic() + 10
        while httpx.get(url + "/api/v1/overview").json()["facts"] == overview["facts"]:
            assert time.monotonic() < deadline, "the server did not see the new facts"
            time.sleep(0.3)
        assert "Quillfeather" in httpx.get(url + "/deals", params={"company": "Quillfeather Systems"}).text
    finally:
        proc.terminate()
        proc.wait(10)


def test_token_commands(ledger_copy):
    path, _tokens = ledger_copy
    runner = CliRunner()
    made = runner.invoke(cli, ["--db", str(path), "token", "create", "nora", "--role", "admin"])
    assert made.exit_code == 0 and len(made.output.strip()) >= 40
    listed = runner.invoke(cli, ["--db", str(path), "token", "list"])
    assert "nora" in listed.output and "admin" in listed.output
    assert made.output.strip() not in listed.output
    again = runner.invoke(cli, ["--db", str(path), "token", "create", "nora"])
    assert again.exit_code != 0
    assert runner.invoke(cli, ["--db", str(path), "token", "revoke", "nora"]).exit_code == 0
    assert "nora" not in runner.invoke(cli, ["--db", str(path), "token", "list"]).output


def test_terminal_review_accepts_rejects_and_corrects(ledger_copy):
    path, _tokens = ledger_copy
    with open_ledger(path, read_only=True) as store:
        queue = store.snapshot().review_queue(limit=3).items
    # accept the first, reject the second, correct the third's amount (Enter keeps every other field)
    answers = "a\nr\nc\n\n\n\n$77 million\n\n\n"
    result = CliRunner().invoke(cli, ["--db", str(path), "review", "--reviewer", "tess", "--limit", "3"], input=answers)
    assert result.exit_code == 0, result.output
    assert "3 reviewed" in result.output
    with open_ledger(path, read_only=True) as store:
        snap = store.snapshot()
        actions = {r.fact_id: r.action.value for r in snap.reviews()}
        assert actions == {queue[0].id: "accept", queue[1].id: "reject", queue[2].id: "correct"}
        corrected = next(r for r in snap.reviews() if r.action.value == "correct")
        assert str(snap.fact(corrected.new_fact_id).amount.amount) == "77000000"
        assert all(r.reviewer == "tess" for r in snap.reviews())
