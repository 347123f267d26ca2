"""Shards: runs of consecutive documents that are read together and written in one transaction.

A shard's id is a digest of its documents' names and contents, so the same inputs cut the same way
give the same ids on a rerun, and the ledger's ``ingest_shards`` table tells which are done.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

# The input readers are imported by ``shards`` itself, so that a command taking SHARD_SIZE for an
# option's default does not load them.
if TYPE_CHECKING:  # pragma: no cover
    from .inputs import Item, Unreadable

#: Documents per shard by default: large enough to amortise a transaction, small enough to bound memory.
SHARD_SIZE = 64


@dataclass(frozen=True, slots=True)
class Shard:
    id: str
    number: int
    items: tuple[Item, ...]
    unreadable: tuple[Unreadable, ...] = ()

    @property
    def size(self) -> int:
        return len(self.items) + len(self.unreadable)


def shard_id(kind: str, items: Iterable[Item], unreadable: Iterable[Unreadable]) -> str:
    h = hashlib.sha256(kind.encode())
    for item in items:
        h.update(item.name.encode("utf-8", "surrogatepass") + b"\0" + hashlib.sha256(item.data).digest())
    for bad in unreadable:
        h.update(b"!" + bad.name.encode("utf-8", "surrogatepass"))
    return "sh:" + h.hexdigest()[:32]


def shards(stream: Iterable[Item | Unreadable], kind: str, size: int = SHARD_SIZE) -> Iterator[Shard]:
    """``stream`` cut into shards of ``size`` inputs."""
    from .inputs import Unreadable

    items: list[Item] = []
    bad: list[Unreadable] = []
    number = 0
    for x in stream:
        (bad if isinstance(x, Unreadable) else items).append(x)
        if len(items) + len(bad) >= size:
            yield Shard(shard_id(kind, items, bad), number, tuple(items), tuple(bad))
            number += 1
            items, bad = [], []
    if items or bad:
        yield Shard(shard_id(kind, items, bad), number, tuple(items), tuple(bad))
