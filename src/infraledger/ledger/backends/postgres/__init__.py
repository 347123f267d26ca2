"""The PostgreSQL ledger backend: one database shared by a team's readers and writers (extra ``postgres``)."""

from .backend import PostgresBackend

__all__ = ["PostgresBackend"]
