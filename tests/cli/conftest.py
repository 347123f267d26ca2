"""Running the command line in process: with what a user of the console script sees (``cli``, returning
exit code, stdout and stderr) or with click's result (``run``); ``console_script`` runs the installed command."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from cli_runner import Ran, run_console_script, run_in_process


def run_cli(*args: str, db: Path | None = None, ok: bool = True) -> Ran:
    """Run ``infraledger [--db DB] ARGS`` in this process; with ``ok`` assert it exits 0."""
    ran = run_in_process((["--db", str(db)] if db else []) + list(args))
    if ok:
        assert ran.returncode == 0, ran.stderr
    return ran


def run_script(*args: str, db: Path | None = None, ok: bool = True) -> Ran:
    """Run the installed ``infraledger [--db DB] ARGS`` as a new process; with ``ok`` assert it exits 0."""
    ran = run_console_script((["--db", str(db)] if db else []) + list(args))
    if ok:
        assert ran.returncode == 0, ran.stderr
    return ran


@pytest.fixture(scope="session")
def cli():
    """The in-process runner with the console script's view (see :func:`run_cli`)."""
    return run_cli


@pytest.fixture(scope="session")
def console_script():
    """The installed console script (see :func:`run_script`)."""
    return run_script


@dataclass
class Result:
    """What one in-process run printed and returned."""

    code: int
    stdout: str
    stderr: str
    exception: BaseException | None


def invoke(*args: str, db: Path | None = None, ok: bool = True, input: str | bytes | None = None) -> Result:
    """Run ``infraledger [--db DB] ARGS`` in this process (click's CliRunner); with ``ok`` assert it exits 0."""
    from click.testing import CliRunner

    from infraledger.cli.main import cli as group

    runner = CliRunner()
    out = runner.invoke(group, (["--db", str(db)] if db else []) + [str(a) for a in args], input=input,
                        catch_exceptions=True)
    result = Result(out.exit_code, out.stdout, out.stderr,
                    out.exception if not isinstance(out.exception, SystemExit) else None)
    if ok:
        assert result.code == 0 and result.exception is None, (result.stderr, result.exception)
    return result


@pytest.fixture(scope="session")
def run():
    """The in-process runner (see :func:`invoke`)."""
    return invoke
