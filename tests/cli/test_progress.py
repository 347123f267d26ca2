"""Progress bars: drawn on standard error when it is a terminal, silent when output is piped."""

from __future__ import annotations

import io
import sys

from infraledger.cli.common import progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_is_drawn_on_a_terminal(monkeypatch):
    monkeypatch.setattr(sys, "stderr", _Terminal())
    with progress("reading [files]", 3) as advance:
        for _ in range(3):
            advance()
    assert "reading [files]" in sys.stderr.getvalue()


def test_nothing_is_drawn_when_stderr_is_not_a_terminal(monkeypatch):
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with progress("reading", 3) as advance:
        advance(3)
    assert sys.stderr.getvalue() == ""


def test_commands_stay_quiet_when_piped(tmp_path, run):
    doc = tmp_path / "a.txt"
    doc.write_text("June 3, 2025 -- Quillfeather Systems raised $85 million in a Series C round led by "
                   "Bramblewood Ventures.\n", encoding="utf-8")
    db = tmp_path / "l.duckdb"
    for args in (["ingest", doc], ["extract", doc], ["load", "--sample", "article"]):
        result = run(*args, db=db)
        assert result.stderr == "" and result.stdout, args
