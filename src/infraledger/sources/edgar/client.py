"""Fetch from SEC EDGAR under its fair-access rules, through an on-disk cache.

Used only when configured: every request needs a declared User-Agent with a contact e-mail
(``settings.edgar_user_agent``, e.g. ``"Example Research ops@example.com"``); without one a
:class:`~infraledger.errors.ConfigError` is raised before anything is sent. Requests are
spaced to at most ``settings.edgar_rate`` per second (the SEC allows 10), retried with
exponential backoff on 429 and 5xx answers (honouring ``Retry-After``), on timeouts and on
bodies cut short. Every response body is stored under ``<cache>/edgar/<host>/<path>`` by an
atomic rename, so nothing is fetched twice, a run that is interrupted resumes where it
stopped, and no half-written file is ever read back.

HTTP is ``requests`` with ``urllib3``'s ``Retry`` for status codes; body read errors happen
after urllib3 has handed the response over, so one outer loop retries those.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ...config import Settings
from ...errors import ConfigError, InputTooLargeError, RemoteError
from .indexes import daily_index_path, parse_index, quarterly_index_path
from .listings import parse_atom_feed
from .submissions import CompanySubmissions, FilingRef, parse_submissions
from .tickers import TickerMap, parse_tickers

__all__ = ["EdgarClient", "Fetched", "RateLimiter"]

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_RETRY_STATUS = (429, 500, 502, 503, 504)
#: A daily index missing this many days after the day will not appear any more (a weekend or holiday).
SETTLED_DAYS = 7


class RateLimiter:
    """Spaces calls at least ``1/rate`` seconds apart (shared by threads)."""

    def __init__(self, rate: float) -> None:
        if rate <= 0:
            raise ConfigError(f"edgar_rate must be positive, got {rate}")
        self.interval = 1.0 / rate
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = time.monotonic()
            delay = self._next - now
            self._next = max(now, self._next) + self.interval
        if delay > 0:
            time.sleep(delay)


@dataclass(frozen=True)
class Fetched:
    """One filing fetched (or found in the cache) during :meth:`EdgarClient.fetch_filings`."""

    ref: FilingRef
    data: bytes
    path: Path
    from_cache: bool


class EdgarClient:
    """EDGAR over HTTP with cache, rate limit and retries. Construct with :meth:`from_settings`."""

    def __init__(self, *, user_agent: str, cache_dir: Path, base_url: str = "https://www.sec.gov",
                 data_url: str = "https://data.sec.gov", rate: float = 10.0, timeout: float = 30.0,
                 retries: int = 5, backoff: float = 0.5, max_bytes: int = 50_000_000) -> None:
        if not user_agent or not _EMAIL.search(user_agent):
            raise ConfigError("EDGAR needs a declared User-Agent with a contact e-mail: set edgar_user_agent "
                              "(INFRALEDGER_EDGAR_USER_AGENT), e.g. 'Example Research ops@example.com'")
        if rate > 10:
            raise ConfigError(f"edgar_rate {rate} is above the 10 requests per second the SEC allows")
        self.base_url, self.data_url = base_url.rstrip("/"), data_url.rstrip("/")
        self.cache_dir = Path(cache_dir)
        self.limiter = RateLimiter(rate)
        self.timeout, self.retries, self.backoff, self.max_bytes = timeout, retries, backoff, max_bytes
        self.requests_sent = 0
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"})
        # urllib3 retries connection errors and the listed statuses; the limiter is applied to
        # the first attempt by the adapter and to each retry by the Retry subclass.
        retry = type("_Retry", (_LimitedRetry,), {"limiter": self.limiter})(total=retries, connect=retries, read=retries, status=retries, backoff_factor=backoff,
                      backoff_max=30, status_forcelist=_RETRY_STATUS, allowed_methods=frozenset({"GET"}),
                      respect_retry_after_header=True, raise_on_status=False)
        adapter = _LimitedAdapter(self, max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    @classmethod
    def from_settings(cls, settings: Settings, **overrides) -> EdgarClient:
        values = {"user_agent": settings.edgar_user_agent, "cache_dir": settings.cache_path / "edgar",
                  "base_url": settings.edgar_base_url, "data_url": settings.edgar_data_url,
                  "rate": settings.edgar_rate, "max_bytes": settings.max_input_bytes}
        values.update(overrides)
        return cls(**values)

    # -- cache ----------------------------------------------------------------------------
    def cache_path(self, url: str) -> Path:
        parts = urlsplit(url)
        host = parts.netloc.replace(":", "_") or "local"
        segments = [s for s in parts.path.split("/") if s and s not in (".", "..")] or ["index"]
        if parts.query:  # one file per query (feeds differ only in it)
            segments[-1] += "@" + hashlib.sha256(parts.query.encode()).hexdigest()[:16]
        return self.cache_dir.joinpath(host, *segments)

    def get(self, url: str, *, refresh: bool = False) -> tuple[bytes, bool]:
        """The body at ``url`` and whether it came from the cache. Raises RemoteError."""
        path = self.cache_path(url)
        if not refresh and path.is_file():
            return path.read_bytes(), True
        data = self._download(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return data, False

    def _download(self, url: str) -> bytes:
        # Statuses and connection failures are retried inside urllib3; a body cut short shows
        # up only while reading it, so those attempts are repeated here.
        last: RemoteError | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(min(30.0, self.backoff * 2 ** (attempt - 1)))
                self.limiter.wait()
            try:
                response = self.session.get(url, timeout=self.timeout, stream=True)
            except requests.exceptions.RequestException as exc:
                raise RemoteError(f"{url}: {_reason(exc)}", retryable=True) from None
            status = response.status_code
            if status in _RETRY_STATUS:
                response.close()
                raise RemoteError(f"{url}: HTTP {status} after {self.retries} retries", status=status, retryable=True)
            if status == 404:
                raise RemoteError(f"{url}: not found on EDGAR (HTTP 404)", status=404)
            if status >= 400:
                raise RemoteError(f"{url}: HTTP {status}", status=status)
            try:
                return self._body(url, response)
            except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ConnectionError,
                    requests.exceptions.Timeout) as exc:
                last = RemoteError(f"{url}: response body cut short ({_reason(exc)})", retryable=True)
        assert last is not None
        raise last

    def _body(self, url: str, response: requests.Response) -> bytes:
        chunks, size = [], 0
        for chunk in response.iter_content(65536):
            size += len(chunk)
            if size > self.max_bytes:
                response.close()
                raise InputTooLargeError.of(None, self.max_bytes, source=url)
            chunks.append(chunk)
        return b"".join(chunks)

    # -- EDGAR endpoints --------------------------------------------------------------------
    def submissions(self, cik: int, *, refresh: bool = True) -> CompanySubmissions:
        """A company's submissions JSON (refetched by default: it grows with every filing)."""
        url = f"{self.data_url}/submissions/CIK{int(cik):010d}.json"
        data, _ = self.get(url, refresh=refresh)
        return parse_submissions(data, source=url)

    def company_tickers(self) -> TickerMap:
        url = f"{self.base_url}/files/company_tickers.json"
        data, _ = self.get(url)
        return parse_tickers(data, source=url)

    def daily_index(self, day: date, kind: str = "form", *, compressed: bool = False,
                    refresh: bool | None = None) -> list[FilingRef]:
        """Every filing disseminated on ``day``, from its daily ``form`` or ``master`` index.

        A past day's index never changes and is read from the cache; today's is refetched (it
        grows during the day) unless ``refresh`` says otherwise. A day without an index (a
        weekend or holiday) is a RemoteError with status 404; once the day is
        :data:`SETTLED_DAYS` old that answer is remembered in the cache too, so asking again
        sends nothing.
        """
        url = self.base_url + daily_index_path(day, kind, compressed=compressed)
        refresh = (day >= date.today()) if refresh is None else refresh
        settled = (date.today() - day).days >= SETTLED_DAYS
        marker = self.cache_path(url).with_name(self.cache_path(url).name + ".missing")
        if settled and not refresh and marker.is_file():
            raise RemoteError(f"{url}: not found on EDGAR (HTTP 404, remembered)", status=404)
        try:
            data, _ = self.get(url, refresh=refresh)
        except RemoteError as exc:
            if exc.status == 404 and settled:
                marker.parent.mkdir(parents=True, exist_ok=True)
                marker.touch()
            raise
        return parse_index(data, source=url, max_bytes=self.index_max_bytes)

    def quarterly_index(self, year: int, quarter: int, kind: str = "form", *, compressed: bool = False,
                        refresh: bool = False) -> list[FilingRef]:
        """Every filing of a quarter, from its full ``form`` or ``master`` index (cached: read it for past quarters).

        A recent quarter's ``form.idx`` runs to tens of MB; ``compressed`` fetches ``form.gz``
        instead, about a fifth of that, inflated up to :attr:`index_max_bytes`.
        """
        url = self.base_url + quarterly_index_path(year, quarter, kind, compressed=compressed)
        data, _ = self.get(url, refresh=refresh)
        return parse_index(data, source=url, max_bytes=self.index_max_bytes)

    @property
    def index_max_bytes(self) -> int:
        """Largest index accepted once inflated: ten times the download bound (indexes compress about 5:1)."""
        return 10 * self.max_bytes

    def latest_filings(self, form: str = "", count: int = 100) -> list[FilingRef]:
        """The newest filings (of one form, if given) from EDGAR's Atom feed; always refetched."""
        url = (f"{self.base_url}/cgi-bin/browse-edgar?action=getcurrent&type={quote(form)}&count={int(count)}"
               "&output=atom")
        data, _ = self.get(url, refresh=True)
        return parse_atom_feed(data, source=url)

    def filing_url(self, ref: FilingRef) -> str:
        return f"{self.base_url}/Archives/edgar/data/{ref.cik}/{ref.accession.replace('-', '')}/{ref.accession}.txt"

    def fetch_filings(self, cik: int, *, forms: tuple[str, ...] = (), since: date | None = None,
                      on_listed: Callable[[int], None] | None = None) -> Iterator[Fetched]:
        """The full submissions of a company's filings of ``forms`` filed since ``since``, oldest first.

        Cached filings are read from disk; the rest are downloaded (rate-limited, retried).
        ``on_listed`` is told how many filings will follow (for a progress bar).
        """
        refs = sorted(self.submissions(cik).select(forms, since), key=lambda r: (r.filed or date.min, r.accession))
        if on_listed:
            on_listed(len(refs))
        for ref in refs:
            url = self.filing_url(ref)
            data, cached = self.get(url)
            yield Fetched(ref=ref, data=data, path=self.cache_path(url), from_cache=cached)


def _reason(exc: BaseException) -> str:
    """The innermost cause of a requests/urllib3 failure in words, whole ("Failed to resolve 'www.sec.gov'
    ([Errno -3] Temporary failure in name resolution)"), without the wrappers' object addresses."""
    inner, seen = exc, set()
    while id(inner) not in seen:
        seen.add(id(inner))
        nested = getattr(inner, "reason", None)
        if not isinstance(nested, BaseException) and inner.args and isinstance(inner.args[0], BaseException):
            nested = inner.args[0]
        if not isinstance(nested, BaseException):
            break
        inner = nested
    lines = str(inner).strip().splitlines()
    text = re.sub(r"^<[^>]*>:\s*", "", lines[0]) if lines else ""
    return text or type(inner).__name__


class _LimitedRetry(Retry):
    """urllib3 Retry that also waits for the rate limiter before each retry (class attribute ``limiter``)."""

    limiter: RateLimiter | None = None

    def sleep(self, response=None) -> None:
        super().sleep(response)
        if self.limiter is not None:
            self.limiter.wait()


class _LimitedAdapter(HTTPAdapter):
    """An adapter that waits for the rate limiter before every attempt, retries included."""

    def __init__(self, client: EdgarClient, **kwargs) -> None:
        self._client = client
        super().__init__(**kwargs)

    def send(self, request, **kwargs):
        self._client.limiter.wait()
        self._client.requests_sent += 1
        return super().send(request, **kwargs)
