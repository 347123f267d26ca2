"""What a worker does with a shard: read and extract each document, nothing written.

Functions here run in worker processes (or on Dask workers), so they take and return plain picklable
values: a shard's items in, each document's prepared facts or its one-line error out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from .inputs import Item

#: Kinds of input the pipeline reads, and what a worker makes of one document of each.
KINDS = ("text", "filing")


@dataclass(frozen=True)
class Read:
    """One document of a shard after reading: what it says (``value``), or why it could not be read."""

    name: str
    value: Any = None
    error: str = ""


def read_shard(kind: str, items: tuple[Item, ...], options: dict[str, Any]) -> list[Read]:
    """Read every item of a shard as ``kind``; a bad document is an error in its place, never a failure."""
    if kind == "text":
        together = _read_texts_together(items, options.get("backend", "rules"))
        if together is not None:
            return together
        from ..ingest import prepare_bytes

        def one(item: Item):
            return prepare_bytes(item.data, item.name, backend=options.get("backend", "rules"))
    elif kind == "filing":
        from ..sources.edgar.registry import read_filing

        def one(item: Item):
            return read_filing(item.data, item.name)
    else:
        raise ValueError(f"unknown input kind {kind!r}")
    out = []
    for item in items:
        try:
            out.append(Read(item.name, one(item)))
        except InputError as exc:
            message = str(exc)
            out.append(Read(item.name, error=message if item.name in message else f"{item.name}: {message}"))
    return out


def _read_texts_together(items: tuple[Item, ...], backend: str) -> list[Read] | None:
    """The shard's texts read and extracted together (their deal sentences parsed in one batch), or
    None when one of them cannot be read: they are then read one at a time, each error in its place."""
    from ..ingest import prepare_bytes_many

    try:
        prepared = prepare_bytes_many([(item.data, item.name) for item in items], backend=backend)
    except InputError:
        return None
    return [Read(item.name, value) for item, value in zip(items, prepared)]
