"""Reading many filing files in worker processes, with what each says handed back in the files' order.

Chunks of files go to the pipeline's pool of processes (``pipeline.executor.ProcessExecutor``), at most
two chunks a worker ahead of the one being handed back, so memory holds a few chunks' output whatever
the number of files. A file that cannot be read is one line in ``errors``, as in a run in one process;
an unexpected error is raised where that run would raise it. Workers leave Ctrl-C to the parent (which
stops the pool) and end when the parent is gone.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from ...errors import InputError

#: With no worker count given, files are read in this process below this many, and by one worker per
#: CPU from it. Starting the workers (importing the process pool, forking, handing the output back)
#: costs about 0.06 s, what reading some 250 Form D files does: on 2 cores, 500 files take as long either way.
PARALLEL_FROM = 500
#: Files a worker reads per task, at most: fewer tasks, less to hand back and forth; but each is
#: handed back only when it is whole, so tasks stay small enough to keep the output flowing.
CHUNK = 64


def default_jobs(files: int) -> int:
    """The worker processes for ``files`` files when not told: 1 for a few, else one per CPU."""
    if files < PARALLEL_FROM:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))  # the CPUs this process may run on, not all the machine's
    except AttributeError:  # pragma: no cover - not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, files // CHUNK))


def read_in_order(paths: list[str], jobs: int, max_bytes: int, render: Callable[[Any], Any], errors: list[str], *,
                  join_lines: bool = False,
                  progress: Callable[[int], AbstractContextManager[Callable[[int], None]]] | None = None,
                  ) -> Iterator[tuple[Any, int]]:
    """``(render(filing), 1)`` for each file of ``paths`` read by ``jobs`` worker processes, in the order of
    ``paths``; with ``join_lines`` (``render`` gives lines of bytes) the lines of files read one after
    another come joined by newlines as ``(lines, files)``, one text to hand back instead of one a file.

    ``render`` must be a module-level function (or a ``functools.partial`` of one): it is sent to the
    workers. ``progress(total)`` opens a progress display and gives the function that advances it; it
    is opened once the workers have started (a process forked while another thread runs may hang).
    """
    from ...pipeline.executor import ProcessExecutor
    from . import formd, registry  # noqa: F401 - loaded once here, not by every worker

    size = max(1, min(CHUNK, -(-len(paths) // (4 * jobs))))
    chunks = ((paths[i:i + size], max_bytes, render, join_lines) for i in range(0, len(paths), size))
    with ProcessExecutor(jobs, leave_interrupts=True) as pool:
        results = pool.map(_read_chunk, chunks, window=2 * jobs)
        first = next(results, [])  # the workers start here, before any thread of the progress display
        with progress(len(paths)) if progress is not None else nullcontext(lambda _count: None) as advance:
            for chunk in itertools.chain([first], results):
                for status, value, files in chunk:
                    if status == 0:
                        yield value, files
                    elif status == 1:
                        errors.append(value)
                    else:
                        raise value
                advance(sum(files for _, _, files in chunk))


def _read_chunk(paths: list[str], max_bytes: int, render: Callable[[Any], Any],
                join_lines: bool) -> list[tuple[int, Any, int]]:
    """In a worker: the files of ``paths`` read and rendered, in order, as ``(status, value, files)``.

    Status 0: ``value`` is what ``render`` gives for one file, or with ``join_lines`` the lines of
    ``files`` files in a row joined by newlines; 1: ``value`` is the one-line message of a file that
    cannot be read; 2: an unexpected error, which ends the chunk, for the parent to raise where a run
    in one process would.
    """
    from .registry import read_path

    out: list[tuple[int, Any, int]] = []
    lines: list[bytes] = []
    for path in paths:
        try:
            value = render(read_path(path, max_bytes=max_bytes))
        except InputError as exc:
            failure: tuple[int, Any, int] = (1, str(exc), 1)
        except OSError as exc:
            failure = (1, f"{path}: {exc.strerror or exc}", 1)
        except Exception as exc:  # noqa: BLE001 - handed to the parent, which raises it
            failure = (2, exc, 1)
        else:
            if join_lines:
                lines.append(value)
            else:
                out.append((0, value, 1))
            continue
        if lines:
            out.append((0, b"\n".join(lines), len(lines)))
            lines = []
        out.append(failure)
        if failure[0] == 2:
            return out
    if lines:
        out.append((0, b"\n".join(lines), len(lines)))
    return out
