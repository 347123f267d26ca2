"""Running ``infraledger`` for a test: in this process (click's CliRunner) or as the installed console script.

Both give what a user of the command sees: the exit code, standard output and standard error.
In process, an exception no command handles ends the run with exit code 1 and its traceback on
standard error, as the interpreter would print it, so a test that checks for "Traceback" means the
same in both. Each kind of command keeps one test through the real console script; every other test
runs in process, which saves starting a Python process and importing the package for each run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import traceback
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

EXE = shutil.which("infraledger", path=str(Path(sys.executable).parent)) or "infraledger"


@dataclass
class Ran:
    """One run: the fields of :class:`subprocess.CompletedProcess` a test reads."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


@contextmanager
def _cwd(path: str | Path | None):
    if path is None:
        yield
        return
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def run_in_process(args: list[str], *, env: Mapping[str, str | None] | None = None,
                   cwd: str | Path | None = None, input: str | bytes | None = None) -> Ran:
    """Run ``infraledger ARGS`` in this process; ``env`` sets (a value) or removes (None) variables for the run."""
    from click.testing import CliRunner

    from infraledger.cli.main import cli

    args = [str(a) for a in args]
    with _cwd(cwd):
        out = CliRunner().invoke(cli, args, input=input, env=dict(env or {}), prog_name="infraledger",
                                 catch_exceptions=True)
    stderr = out.stderr
    if out.exception is not None and not isinstance(out.exception, SystemExit):
        stderr += "".join(traceback.format_exception(out.exception))
    return Ran(["infraledger", *args], out.exit_code, out.stdout, stderr)


def run_console_script(args: list[str], *, env: Mapping[str, str | None] | None = None,
                       cwd: str | Path | None = None) -> Ran:
    """Run the installed ``infraledger ARGS`` as a new process; ``env`` as for :func:`run_in_process`."""
    full_env = dict(os.environ)
    for name, value in (env or {}).items():
        if value is None:
            full_env.pop(name, None)
        else:
            full_env[name] = value
    proc = subprocess.run([EXE, *map(str, args)], capture_output=True, text=True, timeout=120, env=full_env,
                          cwd=cwd, check=False)
    return Ran(["infraledger", *map(str, args)], proc.returncode, proc.stdout, proc.stderr)


def without_settings(**extra: str | None) -> dict[str, str | None]:
    """An environment with no INFRALEDGER_* variable of the test run's own, an empty settings file, and ``extra``."""
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("INFRALEDGER_")}
    env["INFRALEDGER_CONFIG"] = os.devnull
    env.update(extra)
    return env
