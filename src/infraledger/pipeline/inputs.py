"""The documents of an ingest run, streamed one at a time from files, folders, globs and archives.

Archives are read member by member without unpacking to disk: zip files, tar files (``.tar``,
``.tar.gz``, ``.tgz``) and the SEC's daily feed archives (``.nc.tar.gz``, a tar of full submissions).
A member or file larger than ``max_bytes`` is refused before it is read; nothing is held in memory but
the document being handed on.
"""

from __future__ import annotations

import glob
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputTooLargeError

_TAR = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")


@dataclass(frozen=True, slots=True)
class Item:
    """One document: its name (a path, or ``archive!member``) and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An input that cannot be read, and the one-line reason naming it."""

    name: str
    message: str


def _is_tar(path: Path) -> bool:
    return path.name.lower().endswith(_TAR)


def expand(paths: Iterable[str | Path]) -> Iterator[Path | Unreadable]:
    """Every file named by ``paths``: globs matched, folders walked (sorted, hidden files left out)."""
    for raw in paths:
        text = str(raw)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield Unreadable(text, f"{text}: no file matches")
            for m in matches:
                yield from expand([m]) if Path(m).is_dir() else iter([Path(m)])
            continue
        path = Path(text)
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file()
                        and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.exists():
            yield path
        else:
            yield Unreadable(text, f"{text}: no such file")


def iter_inputs(paths: Iterable[str | Path], *, max_bytes: int) -> Iterator[Item | Unreadable]:
    """The documents of ``paths`` in order, archives opened member by member."""
    for path in expand(paths):
        if isinstance(path, Unreadable):
            yield path
            continue
        try:
            if zipfile.is_zipfile(path) and path.suffix.lower() == ".zip":
                yield from _zip(path, max_bytes)
            elif _is_tar(path):
                yield from _tar(path, max_bytes)
            else:
                size = path.stat().st_size
                if size > max_bytes:
                    yield Unreadable(str(path), str(InputTooLargeError.of(size, max_bytes, source=str(path))))
                    continue
                yield Item(str(path), path.read_bytes())
        except (OSError, zipfile.BadZipFile, tarfile.TarError) as exc:
            yield Unreadable(str(path), f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})")


def _zip(path: Path, max_bytes: int) -> Iterator[Item | Unreadable]:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            name = f"{path}!{info.filename}"
            if info.file_size > max_bytes:  # the stated size; the read below is bounded too
                yield Unreadable(name, str(InputTooLargeError.of(info.file_size, max_bytes, source=name)))
                continue
            with archive.open(info) as fh:
                data = fh.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield Unreadable(name, str(InputTooLargeError.of(len(data), max_bytes, source=name)))
                continue
            yield Item(name, data)


def _tar(path: Path, max_bytes: int) -> Iterator[Item | Unreadable]:
    # Streaming mode: members are read in order, never seeked, so a large feed archive is not buffered.
    with tarfile.open(path, mode="r|*") as archive:
        for member in archive:
            if not member.isfile():
                continue
            name = f"{path}!{member.name}"
            if member.size > max_bytes:
                yield Unreadable(name, str(InputTooLargeError.of(member.size, max_bytes, source=name)))
                continue
            fh = archive.extractfile(member)
            if fh is None:
                continue
            yield Item(name, fh.read(max_bytes + 1))
