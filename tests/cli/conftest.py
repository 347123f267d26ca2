"""Running the installed console script as a user would."""

from __future__ import annotations

import shutil
import subprocess
import sys
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
