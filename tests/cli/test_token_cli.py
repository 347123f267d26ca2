"""``infraledger token`` through the installed console script (tests/web runs all of its commands in process)."""

from __future__ import annotations


def test_a_token_is_created_and_listed(tmp_path, console_script, cli):
    db = tmp_path / "l.duckdb"
    secret = console_script("token", "create", "nora", "--role", "admin", db=db).stdout.strip()
    assert len(secret) >= 40
    listed = console_script("token", "list", db=db).stdout
    assert "nora" in listed and "admin" in listed and secret not in listed
    again = cli("token", "create", "nora", db=db, ok=False)
    assert again.returncode != 0 and "Traceback" not in again.stderr
