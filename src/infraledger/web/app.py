"""The web application: the dashboard's pages, the JSON API under ``/api/v1/``, and what they share.

``create_app(options)`` builds a FastAPI app over one ledger address. Reads come from the server's
in-memory copy of the ledger (:mod:`.mirror`); writes open the ledger, append, close it and make the
copy look again. Every response carries the security headers of :mod:`.security`; every error is a
short message (JSON under ``/api/``, a page elsewhere), never a stack trace.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware

from .. import __version__
from ..errors import InfraledgerError, InputError, LedgerError, LedgerLockedError, NotFoundError
from ..ledger import Ledger, open_ledger
from ..ledger.snapshot import SqlSnapshot
from ..ledger.store import as_record_time
from ..ledger.tokens import verify_token
from .mirror import Copy, Mirror
from .security import CSP, HEADERS, SESSION_COOKIE, Access, AccessDenied, Sessions, bearer

log = logging.getLogger("infraledger.web")
HERE = Path(__file__).parent


@dataclass(frozen=True)
class ServerOptions:
    """How the server runs: the ledger's address, whether writes are allowed, the largest upload."""

    address: str
    writes: bool = False
    max_upload_bytes: int = 2_000_000
    wait: float = 10.0
    #: Work out a new copy's deals table and analyses in the background (the server does; in-process
    #: uses such as tests compute them on first request).
    warm: bool = False


class Server:
    """What every request reads from: the options, the ledger's copy, the sessions."""

    def __init__(self, options: ServerOptions, opener: Callable[[bool], Ledger] | None = None) -> None:
        self.options = options
        self._opener = opener or (lambda read_only: open_ledger(options.address, read_only=read_only,
                                                                wait=options.wait))
        self.mirror = Mirror(options.address, self._opener, on_copy=self._warm if options.warm else None)
        self.sessions = Sessions()
        self._write_lock = threading.Lock()

    @staticmethod
    def _warm(copy: Copy) -> None:
        """Start working out the deals table, overview and analyses of a new copy in the background."""
        from .deals import DealFilters, deals
        from .views import warm

        def run() -> None:
            try:
                deals(copy, copy.snapshot(None), DealFilters(), limit=1)
                warm(copy)
            except Exception:  # noqa: BLE001 - a request computing the same value will report it
                log.exception("working out a new copy of the ledger")

        threading.Thread(target=run, name="infraledger-warm", daemon=True).start()

    def copy(self) -> Copy:
        return self.mirror.current()

    def snapshot(self, as_of: str | None) -> tuple[Copy, SqlSnapshot]:
        copy = self.copy()
        return copy, copy.snapshot(_as_of(as_of))

    def write(self, action: Callable[[Ledger], object]):
        """Run ``action`` on the ledger opened for writing (one write at a time), then read afresh."""
        with self._write_lock:
            with self._opener(False) as ledger:
                result = action(ledger)
        self.mirror.invalidate()
        return result

    def access(self, request: Request) -> Access | None:
        """Who sent ``request``: a Bearer token's holder, a signed-in session's, or nobody."""
        token = bearer(request.headers.get("authorization"))
        if token:
            info = verify_token(Ledger(self.copy().cursor()), token)
            if info is None:
                raise AccessDenied("unknown or revoked token", status=401)
            from ..ledger.tokens import AccessRole

            return Access(info.name, AccessRole(info.role))
        return self.sessions.get(request.cookies.get(SESSION_COOKIE))


def _as_of(value: str | None) -> datetime | None:
    if value in (None, "", "now"):
        return None
    if len(value) > 32:
        raise InputError("as_of: not a date")
    return as_record_time(value)


class _Headers(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        length = request.headers.get("content-length")
        limit = request.app.state.server.options.max_upload_bytes
        if length is not None and (not length.isdigit() or int(length) > limit):
            return _error(request, 413, f"request body larger than {limit:,} bytes")
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        return response


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    from .pages import render

    try:
        return render(request, "error.html.j2", {"status": status, "message": message, "title": str(status)}, status)
    except Exception:  # noqa: BLE001 - the error page itself failed: say it plainly
        log.exception("error page for %s", request.url.path)
        return PlainTextResponse(f"{status}: {message}", status_code=status)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(AccessDenied)
    async def denied(request: Request, exc: AccessDenied):
        return _error(request, exc.status, str(exc))

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError):
        return _error(request, 404, str(exc))

    @app.exception_handler(LedgerLockedError)
    async def locked(request: Request, exc: LedgerLockedError):
        return _error(request, 503, "the ledger is busy with another writer; try again in a moment")

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError):
        return _error(request, 400, str(exc).splitlines()[0][:500])

    @app.exception_handler(LedgerError)
    async def ledger_error(request: Request, exc: LedgerError):
        return _error(request, 409, str(exc).splitlines()[0][:500])

    @app.exception_handler(InfraledgerError)
    async def other(request: Request, exc: InfraledgerError):
        return _error(request, 400, str(exc).splitlines()[0][:500])

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "body", "path"))
        return _error(request, 422, f"{where or 'request'}: {first.get('msg', 'invalid value')}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("error answering %s", request.url.path)
        return _error(request, 500, "the server failed to answer this request; the error is in its log")


def create_app(options: ServerOptions, *, opener: Callable[[bool], Ledger] | None = None) -> FastAPI:
    """The web app over the ledger at ``options.address``."""
    from . import alerts_feed, api, pages

    app = FastAPI(title="infraledger", version=__version__, openapi_url="/api/v1/openapi.json",
                  docs_url=None, redoc_url=None,
                  description="A sourced, time-aware ledger of the AI-infrastructure capital cycle. Every read "
                              "takes `as_of` (a date or timestamp: the ledger as it stood then).")
    app.state.server = Server(options, opener)
    app.state.templates = pages.templates()
    app.add_middleware(_Headers)
    _install_errors(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(alerts_feed.router)
    return app
