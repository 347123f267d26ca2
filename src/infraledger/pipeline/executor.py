"""Where shards are read: in this process, on a local process pool, or on a Dask cluster.

Every executor runs the same function on the same shards and yields the results **in submission
order**, at most ``window`` shards in flight, so memory stays bounded and the writer appends shards in
input order whatever finishes first: a run on a cluster writes the ledger a local run writes.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import ConfigError


class Executor:
    """Runs ``fn(*args)`` for each job; subclasses decide where."""

    workers: int = 1
    name = "in process"

    def map(self, fn: Callable, jobs: Iterable[tuple], window: int | None = None) -> Iterator[Any]:
        for args in jobs:
            yield fn(*args)

    def close(self) -> None:
        pass

    def __enter__(self) -> "Executor":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Windowed(Executor):
    """Submit up to ``window`` jobs ahead, hand results back oldest first."""

    def _submit(self, fn: Callable, args: tuple):  # -> a future with .result()
        raise NotImplementedError

    def map(self, fn: Callable, jobs: Iterable[tuple], window: int | None = None) -> Iterator[Any]:
        window = window or 2 * self.workers
        pending: deque = deque()
        for args in jobs:
            pending.append(self._submit(fn, args))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def exit_with_parent(pid: int) -> None:
    """In a worker: end the process once the writer that started it is gone.

    A writer killed outright (SIGKILL, out of memory) cannot shut its pool down, and a worker blocked
    handing back a result would wait for it for ever; the worker looks every second instead.
    """
    def watch() -> None:
        while os.getppid() == pid:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="infraledger-parent-watch", daemon=True).start()


def _worker_start(parent: int, leave_interrupts: bool) -> None:
    """In a worker: end with the parent; with ``leave_interrupts``, leave Ctrl-C to the parent too (it
    stops the pool, so no worker prints a traceback of its own)."""
    if leave_interrupts:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent(parent)


class ProcessExecutor(_Windowed):
    """A pool of local worker processes (``leave_interrupts``: Ctrl-C is the parent's alone)."""

    def __init__(self, workers: int, *, leave_interrupts: bool = False) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.name = f"{workers} local processes"
        self._pool = ProcessPoolExecutor(workers, initializer=_worker_start, initargs=(os.getpid(), leave_interrupts))

    def _submit(self, fn, args):
        return self._pool.submit(fn, *args)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class DaskExecutor(_Windowed):
    """Workers of a Dask distributed cluster (``dask[distributed]``, the ``dask`` extra)."""

    def __init__(self, client) -> None:
        self.client = client
        info = client.scheduler_info()
        self.workers = max(sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()), 1)
        self.name = f"Dask at {client.scheduler.address} ({self.workers} worker threads)"

    @classmethod
    def connect(cls, address: str) -> "DaskExecutor":
        try:
            from distributed import Client
        except ImportError:
            raise ConfigError("a Dask scheduler needs the dask extra: pip install 'infraledger[dask]'") from None
        try:
            return cls(Client(address, timeout="20s"))
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {address} ({exc})") from None

    def _submit(self, fn, args):
        return self.client.submit(fn, *args, pure=False)

    def close(self) -> None:
        self.client.close()


def make_executor(workers: int | None = None, scheduler: str | None = None) -> Executor:
    """Dask when a scheduler is named (or ``DASK_SCHEDULER_ADDRESS`` is set), else ``workers`` local processes."""
    address = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS")
    if address:
        return DaskExecutor.connect(address)
    if workers is None:
        workers = 1
    if workers < 1:
        raise ConfigError("--workers must be at least 1")
    return Executor() if workers == 1 else ProcessExecutor(workers)
