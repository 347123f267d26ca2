"""Running the command line: in process (click's CliRunner, the default) or as the installed console script."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

EXE = shutil.which("infraledger", path=str(Path(sys.executable).parent)) or "infraledger"


def run_cli(*args: str, db: Path | None = None, ok: bool = True) -> subprocess.CompletedProcess:
    """Run ``infraledger [--db DB] ARGS``; with ``ok`` assert it exits 0."""
    cmd = [EXE] + (["--db", str(db)] if db else []) + list(args)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="session")
def cli():
    """The console script runner (see :func:`run_cli`)."""
    return run_cli


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
