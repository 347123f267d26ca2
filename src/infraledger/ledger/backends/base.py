"""What a ledger backend does: store rows, run transactions, answer the ledger service's queries.

The ledger's meaning (resolution on append, supersession, event state, conflicts, as-of reads) is
written once, in :mod:`infraledger.ledger.service` and :mod:`infraledger.ledger.snapshot`, over plain
rows of append-only tables (``sources``, ``entities``, ``facts``, ``resolutions``, and since schema 2
``documents``, ``reviews``, ``tokens``; their columns are
:mod:`infraledger.ledger.arrow_schema`). A backend offers the few primitives below; the service writes
SQL with ``?`` placeholders in the subset the two databases share, and asks the backend's
:class:`Dialect` for the few fragments they spell differently.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa


@dataclass(frozen=True)
class Dialect:
    """SQL fragments that differ between databases; everything else the service writes is shared SQL.

    Every fragment that takes a value holds exactly one ``?`` placeholder.
    """

    name: str
    #: The entity ids of a fact row's ``counterparties``, as a list/array expression.
    party_ids: str
    #: Column giving the order rows were inserted into ``resolutions`` (ties of record time).
    resolution_order: str
    #: ``{column}`` and ``{key}``: the text value at ``key`` of a JSON text column.
    json_text: str
    #: ``{expr}``: the list/array ``expr`` contains a parameter.
    list_has: str = "? = ANY({expr})"
    #: A faster test that a fact row names the parameter's entity among its counterparties, or None
    #: (then: ``party_ids`` contains it).
    has_party: str | None = None
    #: A faster query of each event's head than the shared one (window functions), or None. It reads
    #: the facts of CTE ``v`` and gives event_key, type, subject, subject_id, status and start;
    #: ``<rank>`` stands for the status rank expression.
    event_heads: str | None = None
    #: A statement that holds a lock on the parameter (a text key) until the transaction ends, so that
    #: two writers checking and then writing one fact's review take turns; None where the database
    #: has one writer at a time anyway.
    lock: str | None = None

    def contains(self, expr: str) -> str:
        """SQL: the list/array ``expr`` contains the parameter."""
        return self.list_has.format(expr=expr)

    def names_party(self) -> str:
        """SQL: the fact row names the parameter's entity among its counterparties."""
        return self.has_party or self.contains(self.party_ids)

    def attribute(self, key: str, column: str = "attributes") -> str:
        """SQL: the text value of ``key`` in the JSON of ``column`` (``key`` is a constant, never user text)."""
        if not key.isidentifier():
            raise ValueError(f"not an attribute name: {key!r}")
        return self.json_text.format(column=column, key=key)


#: SQL: ``expr`` is one of a list parameter (shared by both databases).
def in_list(expr: str) -> str:
    return f"{expr} = ANY(CAST(? AS VARCHAR[]))"




class Backend(ABC):
    """One database holding a ledger's tables."""

    #: URL schemes (``postgresql``) or ``""`` for a file path, that select this backend.
    schemes: ClassVar[tuple[str, ...]] = ()
    dialect: Dialect
    #: Where the ledger is, for messages (a path, or a URL without its password).
    location: str
    read_only: bool
    schema_version: int

    @abstractmethod
    def query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        """Rows of one statement written with ``?`` placeholders."""

    @abstractmethod
    def arrow(self, sql: str, params: Sequence, schema: "pa.Schema") -> "pa.Table":
        """The rows of a query as an Arrow table of ``schema`` (the query selects its columns in order)."""

    @abstractmethod
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside lands together or not at all.

        A database error inside raises :class:`~infraledger.errors.LedgerError` saying nothing was changed.
        """

    @abstractmethod
    def insert(self, table: str, rows: "pa.Table", unique: Sequence[str] = ()) -> int:
        """Append ``rows`` (columns named as the table's) to ``table``; return how many were added.

        A row equal on the ``unique`` columns to one already stored is skipped, so concurrent writers of
        the same document add it once (the caller passes ``rows`` without duplicates among themselves).
        """

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""
