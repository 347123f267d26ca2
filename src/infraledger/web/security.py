"""Who may do what: access tokens, browser sessions, CSRF, and the headers every response carries.

The server is read-only unless started with writes on. A write (a review action, an audit upload)
needs a token made with ``infraledger token create``: sent as ``Authorization: Bearer <token>`` by
API clients, or pasted once on the sign-in page by a person, who then holds a session cookie
(HttpOnly, SameSite=Strict) that names a session kept in the server's memory, never the token.
Forms carry a CSRF value that must match a cookie of this site (double submit), so another site
cannot post in a signed-in reviewer's name. The ledger stores only each token's SHA-256.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass

from ..ledger.tokens import AccessRole, TokenInfo, allows

SESSION_COOKIE = "infraledger_session"
CSRF_COOKIE = "infraledger_csrf"
CSRF_FIELD = "csrf"
#: Seconds a browser session lasts.
SESSION_SECONDS = 8 * 3600

#: Pages may load only this server's own scripts, styles and images: nothing inline runs.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'")
#: The report is one self-contained page with its styles inline; it has no scripts.
REPORT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; "
              "base-uri 'none'; form-action 'none'")
HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "SAMEORIGIN",
           "Cross-Origin-Opener-Policy": "same-origin"}


class AccessDenied(Exception):
    """A request without the access it needs (401 without credentials, 403 with too little)."""

    def __init__(self, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Access:
    name: str
    role: AccessRole


class Sessions:
    """Browser sessions: a random id in a cookie, the token's holder and role kept here."""

    def __init__(self) -> None:
        self._by_id: dict[str, tuple[Access, float]] = {}
        self._lock = threading.Lock()

    def start(self, info: TokenInfo) -> str:
        sid = secrets.token_urlsafe(32)
        with self._lock:
            now = time.time()
            self._by_id = {k: v for k, v in self._by_id.items() if v[1] > now}
            self._by_id[sid] = (Access(info.name, AccessRole(info.role)), now + SESSION_SECONDS)
        return sid

    def get(self, sid: str | None) -> Access | None:
        if not sid:
            return None
        with self._lock:
            found = self._by_id.get(sid)
        if found is None or found[1] < time.time():
            return None
        return found[0]

    def end(self, sid: str | None) -> None:
        with self._lock:
            self._by_id.pop(sid or "", None)


def bearer(header: str | None) -> str | None:
    """The token of an ``Authorization: Bearer`` header."""
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


def require(access: Access | None, need: AccessRole, *, writes: bool) -> Access:
    """``access`` if it may do what needs role ``need``; AccessDenied otherwise."""
    if not writes:
        raise AccessDenied("this server is read-only (start it with --writes to allow reviews and uploads)")
    if access is None:
        raise AccessDenied("sign in with a token to do this (infraledger token create)", status=401)
    if not allows(access.role, need):
        raise AccessDenied(f"a {need.value} token is needed to do this; yours is a {access.role.value} token")
    return access


def new_csrf() -> str:
    return secrets.token_urlsafe(24)


def csrf_ok(cookie: str | None, sent: str | None) -> bool:
    return bool(cookie and sent) and hmac.compare_digest(cookie, sent)
