"""Access tokens for the ledger's web service: who may read, review, or administer.

A token's secret is shown once, when it is made, and never stored: the ledger keeps only its SHA-256
hex, so a copy of the ledger (or of its ``tokens`` table) gives nobody a working token. Verifying a
secret looks its hash up, the hash being the key. Like every table of the ledger, ``tokens`` is
append-only: revoking a token adds a ``revoke`` row for its hash; a token is active while its hash
has a ``create`` row and no ``revoke`` row.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from ..errors import InputError
from .arrow_schema import TOKEN_SCHEMA, rows_to_table
from .review import REVIEW_SCHEMA_VERSION

if TYPE_CHECKING:  # pragma: no cover
    from .service import Ledger


class AccessRole(StrEnum):
    """What a token's holder may do; each role allows what the roles before it allow."""

    READER = "reader"
    REVIEWER = "reviewer"
    ADMIN = "admin"


_RANK = {role: n for n, role in enumerate(AccessRole)}


def allows(have: AccessRole | str, need: AccessRole | str) -> bool:
    """True when a holder of role ``have`` may do what needs role ``need`` (reader < reviewer < admin)."""
    return _RANK[_role(have)] >= _RANK[_role(need)]


@dataclass(frozen=True)
class TokenInfo:
    """An active token: its name, role and when it was made (never its secret)."""

    name: str
    role: AccessRole
    created: datetime


def token_hash(secret: str) -> str:
    """The SHA-256 hex of a secret: what the ledger stores in its place."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(ledger: "Ledger", name: str, role: AccessRole | str) -> str:
    """Make a token named ``name`` with ``role``; return its secret, which is not stored and shown once.

    Raises InputError for an empty name, an unknown role or a name an active token already has.
    """
    from .service import UNIQUE, utcnow

    name = (name or "").strip() if isinstance(name, str) else ""
    if not name or not name.isprintable():
        raise InputError("a token needs a name (printable text)")
    role = _role(role)
    ledger._writable()
    secret = secrets.token_urlsafe(32)
    with ledger.backend.transaction():
        if ledger.backend.dialect.lock:  # two admins making one name at once: one of them is refused
            ledger.backend.query(ledger.backend.dialect.lock, [f"token:{name}"])
        if any(t.name == name for t in list_tokens(ledger)):
            raise InputError(f"an active token is already named '{name}'; revoke it first or choose another name")
        ledger.backend.insert("tokens", rows_to_table([(name, role.value, token_hash(secret), "create", utcnow())],
                                                      TOKEN_SCHEMA), UNIQUE["tokens"])
    return secret


def verify_token(ledger: "Ledger", secret: str) -> TokenInfo | None:
    """The active token whose secret is ``secret``, or None (unknown or revoked)."""
    if not isinstance(secret, str) or not secret or ledger.backend.schema_version < REVIEW_SCHEMA_VERSION:
        return None
    digest = token_hash(secret)
    rows = ledger.backend.query("SELECT name, role, hash, action, recorded_at FROM tokens WHERE hash = ?", [digest])
    created = [r for r in rows if r[3] == "create" and hmac.compare_digest(r[2], digest)]
    if not created or any(r[3] == "revoke" for r in rows):
        return None
    name, role, _hash, _action, recorded_at = created[0]
    return TokenInfo(name, AccessRole(role), recorded_at)


def revoke_token(ledger: "Ledger", name: str) -> bool:
    """Revoke the active token named ``name``; False when there is none."""
    from .service import UNIQUE, utcnow

    ledger._writable()
    with ledger.backend.transaction():
        if ledger.backend.dialect.lock:
            ledger.backend.query(ledger.backend.dialect.lock, [f"token:{name}"])
        active = _active(ledger, name)
        if not active:
            return False
        rows = [(name, role, digest, "revoke", utcnow()) for role, digest in active]
        ledger.backend.insert("tokens", rows_to_table(rows, TOKEN_SCHEMA), UNIQUE["tokens"])
    return True


def list_tokens(ledger: "Ledger") -> list[TokenInfo]:
    """Active tokens, by name."""
    if ledger.backend.schema_version < REVIEW_SCHEMA_VERSION:
        return []
    rows = ledger.backend.query(
        "SELECT name, role, recorded_at FROM tokens c WHERE action = 'create' AND NOT EXISTS "
        "(SELECT 1 FROM tokens r WHERE r.hash = c.hash AND r.action = 'revoke') ORDER BY name, recorded_at")
    return [TokenInfo(name, AccessRole(role), recorded_at) for name, role, recorded_at in rows]


def _active(ledger: "Ledger", name: str) -> list[tuple[str, str]]:
    """(role, hash) of the active tokens named ``name`` (at most one, unless written around this module)."""
    return [tuple(r) for r in ledger.backend.query(
        "SELECT role, hash FROM tokens c WHERE action = 'create' AND name = ? AND NOT EXISTS "
        "(SELECT 1 FROM tokens r WHERE r.hash = c.hash AND r.action = 'revoke')", [name])]


def _role(role: AccessRole | str) -> AccessRole:
    try:
        return AccessRole(role)
    except ValueError:
        raise InputError(f"unknown role {role!r} (choose from {', '.join(r.value for r in AccessRole)})") from None


__all__ = ["AccessRole", "TokenInfo", "allows", "create_token", "list_tokens", "revoke_token", "token_hash",
           "verify_token"]
