"""A throwaway PostgreSQL server for the tests, started from the Debian packages' binaries.

``postgres_server`` (session) runs ``initdb`` into a temporary folder and starts the server on a free
port of 127.0.0.1 (as the unprivileged ``postgres`` user when the tests run as root, since the server
refuses to run as root), and stops it at the end. ``postgres_url`` gives each test a fresh, empty
database; ``postgres_server.new_database()`` gives more. With ``INFRALEDGER_TEST_POSTGRES=URL`` the
tests use that server instead (its user must be allowed to create databases). Without server
binaries or psycopg, the tests that need PostgreSQL are skipped, with the reason.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running server and a way to make databases on it."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self._names = (f"ledger_test_{os.getpid()}_{n}" for n in itertools.count())

    def new_database(self) -> str:
        import psycopg

        name = next(self._names)
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        base = self.admin_url.rsplit("/", 1)[0]
        return f"{base}/{name}"


def _start(folder: Path, bin_dir: Path) -> tuple[str, subprocess.Popen | None, list[str]]:
    data, sockets = folder / "data", folder / "sock"
    sockets.mkdir(parents=True)
    as_user: list[str] = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
    subprocess.run([*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "ledger", "--auth=trust",
                    "--no-locale", "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
    port = _free_port()
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c fsync=off -c max_connections=60"
    subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-t", "60",
                    "-l", str(folder / "server.log"), "start"], check=True, capture_output=True)
    stop = [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
    return f"postgresql://ledger@127.0.0.1:{port}/postgres", None, stop


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for this test session (see the module docstring)."""
    pytest.importorskip("psycopg", reason="needs psycopg (pip install 'infraledger[postgres]')")
    given = os.environ.get("INFRALEDGER_TEST_POSTGRES")
    if given:
        yield Server(given)
        return
    bin_dir = _binaries()
    if bin_dir is None:
        pytest.skip("needs PostgreSQL server binaries (Debian package postgresql) or INFRALEDGER_TEST_POSTGRES")
    folder = Path(tempfile.mkdtemp(prefix="infraledger-pg-"))
    try:
        url, _, stop = _start(folder, bin_dir)
    except (subprocess.CalledProcessError, OSError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        detail = exc.stderr.decode(errors="replace").strip().splitlines()[-1:] if getattr(exc, "stderr", None) else [exc]
        pytest.skip(f"could not start a PostgreSQL server: {detail}")
    try:
        yield Server(url)
    finally:
        subprocess.run(stop, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A fresh, empty database on the test server."""
    return postgres_server.new_database()
