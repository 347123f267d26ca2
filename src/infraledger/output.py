"""Writing an output file (a report, an export, an audit) without ever harming what is already there.

One rule for every command with ``-o``:

- ``-`` is standard output;
- a path that is the ledger file or its write-ahead log (``NAME.wal``), by any name (a symlink, a
  relative path, a hard link), is refused: a report must never overwrite the data it reports on;
- a regular file, or a path that does not exist yet, is written atomically: to ``NAME.partial`` beside
  it, then renamed over it, so a failure never leaves half a file;
- anything else (a FIFO, a device such as ``/dev/null``, a terminal) is written straight through:
  renaming a file over it would replace the device itself. A symlink is followed to its target.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import OutputError

STDOUT = "-"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(target: str | Path, protected: Iterable[str | Path] = ()) -> Path:
    """The real path ``target`` writes to (symlinks resolved); raises OutputError when it must not be written.

    ``protected`` are files (the ledger) that no output may replace; their ``.wal`` is protected too.
    """
    real = Path(os.path.realpath(target))
    for keep in protected:
        kept = Path(os.path.realpath(keep))
        for guarded in (kept, kept.with_name(kept.name + ".wal")):
            if real == guarded or _same_file(real, guarded):
                raise OutputError("is the ledger file; choose another output path", source=str(target))
    if real.is_dir():
        raise OutputError("is a folder; give a file name", source=str(target))
    if not real.parent.is_dir():
        raise OutputError("folder does not exist", source=str(real.parent))
    return real


def _writes_through(real: Path) -> bool:
    """True for an existing path that is not a regular file (FIFO, character or block device, socket)."""
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        return False
    return not stat.S_ISREG(mode)


def _open(path: Path, binary: bool) -> IO:
    return open(path, "wb") if binary else open(path, "w", encoding="utf-8")


@contextmanager
def open_output(target: str | Path, *, binary: bool = False,
                protected: Iterable[str | Path] = ()) -> Iterator[IO]:
    """Open ``target`` for writing by the rules above; yields a text (UTF-8) or binary file object.

    On an exception inside the block, an atomic write leaves the old file as it was.
    Raises :class:`OutputError` for a forbidden or impossible path.
    """
    if str(target) == STDOUT:
        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    real = check_output(target, protected)
    if _writes_through(real):
        with _open(real, binary) as fh:
            yield fh
        return
    tmp = real.with_name(real.name + ".partial")
    try:
        with _open(tmp, binary) as fh:
            yield fh
        os.replace(tmp, real)
    finally:
        tmp.unlink(missing_ok=True)


def write_output(target: str | Path, content: str | bytes, *, protected: Iterable[str | Path] = ()) -> None:
    """Write ``content`` to ``target`` by the rules of :func:`open_output`."""
    binary = isinstance(content, bytes)
    with open_output(target, binary=binary, protected=protected) as fh:
        fh.write(content)


def is_stdout(target: str | Path) -> bool:
    """True when ``target`` names standard output."""
    return str(target) == STDOUT


__all__ = ["STDOUT", "check_output", "is_stdout", "open_output", "write_output"]
