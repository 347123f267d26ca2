"""Two real processes on one ledger: readers and writers wait for a batch, not for a whole run."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from click.testing import CliRunner

from infraledger.cli.main import cli
from infraledger.errors import LedgerLockedError
from infraledger.ledger import open_ledger

# Holds the ledger open for writing until its standard input closes (or for argv[2] seconds), then
# appends one fact, as a writer finishing a batch would.
HOLDER = textwrap.dedent("""
    import sys, threading
    from datetime import datetime
    from infraledger.ledger import open_ledger
    from infraledger.model import CandidateFact, FactType, Source
    store = open_ledger(sys.argv[1], wait=0)
    print("holding", flush=True)
    done = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    done.wait(float(sys.argv[2]))
    store.append(Source.new("press_release", content="held", title="held", recorded_at=datetime(2026, 1, 2)),
                 [CandidateFact(type=FactType.IPO, subject="Heldco")])
    store.close()
""")

# Appends N batches, one at a time, holding the ledger in turns; prints when it starts and ends.
TURNS = textwrap.dedent("""
    import sys, time
    from datetime import datetime
    from infraledger.ledger import open_ledger
    from infraledger.ledger.turns import in_turns
    from infraledger.model import CandidateFact, FactType, Source
    path, n = sys.argv[1], int(sys.argv[2])
    print("writing", flush=True)
    for store, i in in_turns(lambda: open_ledger(path, wait=30), range(n), hold=0.3):
        store.append(Source.new("press_release", content=f"batch {i}", title=f"b{i}", recorded_at=datetime(2026, 1, 2)),
                     [CandidateFact(type=FactType.IPO, subject=f"Company {i}")])
        time.sleep(0.1)  # the next batch being read and extracted
    print("done", flush=True)
""")


@pytest.fixture
def ledger_path(tmp_path):
    path = tmp_path / "shared.duckdb"
    open_ledger(path).close()
    return path


@pytest.fixture
def holder(ledger_path):
    """Start a process holding the ledger for ``seconds`` (or until released); yields the process."""
    started = []

    def start(seconds: float = 120.0) -> subprocess.Popen:
        proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(ledger_path), str(seconds)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        started.append(proc)
        assert proc.stdout.readline().strip() == "holding"
        return proc

    yield start
    for proc in started:
        proc.stdin.close()
        proc.wait(timeout=30)


def test_a_reader_waits_for_a_writer_and_then_reads_what_it_wrote(ledger_path, holder):
    holder(seconds=1.0)
    with open_ledger(ledger_path, read_only=True, wait=30) as store:
        assert [f.subject for f in store.snapshot().facts()] == ["Heldco"]


def test_a_reader_that_waits_too_long_is_told_which_process_holds_the_ledger(ledger_path, holder):
    proc = holder()
    with pytest.raises(LedgerLockedError, match=rf"in use by another process \(PID {proc.pid}, .*gave up after waiting 0.3 s"):
        open_ledger(ledger_path, read_only=True, wait=0.3)


def test_a_second_writer_waits_too(ledger_path, holder):
    holder(seconds=1.0)
    with open_ledger(ledger_path, wait=30) as store:
        assert store.snapshot().count() == 1


def test_the_cli_waits_for_wait_seconds_then_fails_in_one_line(ledger_path, holder):
    proc = holder()
    result = CliRunner().invoke(cli, ["--db", str(ledger_path), "--wait", "0.2", "events"])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and f"PID {proc.pid}" in lines[0] and "Traceback" not in result.output


def test_the_wait_setting_comes_from_the_environment(ledger_path, holder, monkeypatch):
    holder()
    monkeypatch.setenv("INFRALEDGER_WAIT", "0.2")
    result = CliRunner().invoke(cli, ["--db", str(ledger_path), "entities"])
    assert result.exit_code != 0 and "gave up after waiting 0.2 s" in result.output


@pytest.mark.parametrize("command, name", [(["ingest"], "doc.html"), (["load"], "data.json")])
def test_files_are_read_before_the_ledger_is_opened(ledger_path, holder, tmp_path, command, name):
    # An unreadable input is reported at once, without waiting for a ledger another process holds.
    bad = tmp_path / name
    bad.write_bytes(b"\x00\x01\x02 not a document" * 10)
    holder()
    result = CliRunner().invoke(cli, ["--db", str(ledger_path), "--wait", "60", *command, str(bad)])
    assert result.exit_code != 0
    assert name in result.output and "in use by another process" not in result.output


def test_a_reader_gets_in_while_a_long_write_runs_in_turns(ledger_path):
    n = 60
    writer = subprocess.Popen([sys.executable, "-c", TURNS, str(ledger_path), str(n)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "writing"
        seen = 0
        while not seen:
            time.sleep(0.2)  # the writer's first batch; a reader polling without pause would keep it out
            with open_ledger(ledger_path, read_only=True, wait=30) as store:
                seen = store.snapshot().count()
        still_writing = writer.poll() is None
    finally:
        assert writer.stdout.readline().strip() == "done"
        writer.wait(timeout=60)
    assert still_writing and 0 < seen < n
    with open_ledger(ledger_path, read_only=True) as store:
        assert store.snapshot().count() == n
