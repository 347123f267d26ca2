"""The SEC's list of listed companies (company_tickers.json): tickers, CIKs and legal titles.

The file has about 10,000 rows. It is read on first use, not at import or construction, and the
name index (which needs a matching key per title) is built only when a name is first looked up.
Former names from ``data.sec.gov`` submissions files can be added, so a renamed company still
resolves under its old name.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, InputTooLargeError, NotFoundError
from .names import content_tokens, match_key


@dataclass
class DirectoryEntry:
    """One registrant: CIK, current title, tickers and any former names."""

    cik: int
    title: str
    tickers: list[str] = field(default_factory=list)
    former_names: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        return [self.title, *self.former_names]


class SecDirectory:
    """Lookups by ticker, CIK and exact name key over company_tickers.json."""

    def __init__(self, path: str | Path | None = None, *, max_bytes: int = 50_000_000) -> None:
        self.path = Path(path).expanduser() if path else None
        self.max_bytes = max_bytes
        self._by_cik: dict[int, DirectoryEntry] | None = None
        self._by_ticker: dict[str, int] = {}
        self._by_key: dict[str, set[int]] | None = None
        self._postings: dict[str, set[int]] = {}

    @classmethod
    def from_entries(cls, entries: list[DirectoryEntry]) -> SecDirectory:
        """A directory over given entries (for a subset, or data from elsewhere)."""
        d = cls()
        d._by_cik = {}
        for e in entries:
            d._add(e.cik, e.title, e.tickers)
            d._by_cik[e.cik].former_names.extend(e.former_names)
        return d

    # -- loading ----------------------------------------------------------------------------
    def _add(self, cik: int, title: str, tickers: list[str]) -> None:
        entry = self._by_cik.get(cik) if self._by_cik is not None else None
        if entry is None:
            entry = self._by_cik[cik] = DirectoryEntry(cik, title)
        for t in tickers:
            if t and t.upper() not in entry.tickers:
                entry.tickers.append(t.upper())
                self._by_ticker.setdefault(t.upper(), cik)

    def _entries(self) -> dict[int, DirectoryEntry]:
        if self._by_cik is None:
            self._by_cik = {}
            if self.path is not None:
                self._load(self.path)
        return self._by_cik

    def _load(self, path: Path) -> None:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise NotFoundError(f"company tickers file not found: {path}") from None
        if size > self.max_bytes:
            raise InputTooLargeError.of(size, self.max_bytes, source=str(path))
        try:
            data = json.loads(path.read_bytes())
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(f"not a company tickers JSON file ({exc})", source=str(path)) from None
        rows = data.values() if isinstance(data, dict) else data
        if isinstance(data, dict) and "fields" in data and "data" in data:  # the "exchange" variant
            cols = data["fields"]
            rows = [dict(zip(cols, r)) for r in data["data"]]
        try:
            for r in rows:
                self._add(int(r["cik_str"] if "cik_str" in r else r["cik"]), str(r.get("title") or r["name"]),
                          [str(r["ticker"])] if r.get("ticker") else [])
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"unexpected row in company tickers file ({exc!r})", source=str(path)) from None

    def add_former_names(self, submissions_json: str | Path) -> DirectoryEntry:
        """Add a ``data.sec.gov/submissions/CIK##########.json`` file's former names; returns the entry."""
        path = Path(submissions_json)
        try:
            data = json.loads(path.read_bytes())
            cik, name = int(data["cik"]), str(data["name"])
            former = [str(f["name"]) for f in data.get("formerNames") or []]
            tickers = [str(t) for t in data.get("tickers") or []]
        except FileNotFoundError:
            raise NotFoundError(f"submissions file not found: {path}") from None
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"not an EDGAR submissions JSON file ({exc!r})", source=str(path)) from None
        entries = self._entries()
        self._add(cik, name, tickers)
        entry = entries[cik]
        entry.former_names.extend(n for n in former if n not in entry.former_names)
        self._by_key = None  # rebuilt with the new names on next use
        return entry

    def _index(self) -> dict[str, set[int]]:
        if self._by_key is None:
            by_key: dict[str, set[int]] = defaultdict(set)
            postings: dict[str, set[int]] = defaultdict(set)
            for e in self._entries().values():
                for n in e.names():
                    key = match_key(n)
                    by_key[key].add(e.cik)
                    for t in content_tokens(key):
                        postings[t].add(e.cik)
            self._by_key, self._postings = dict(by_key), dict(postings)
        return self._by_key

    # -- lookups ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entries())

    def entries(self) -> list[DirectoryEntry]:
        return list(self._entries().values())

    def by_cik(self, cik: int | str) -> DirectoryEntry | None:
        try:
            number = int(str(cik).lower().removeprefix("cik").strip(": "))
        except ValueError:
            return None
        return self._entries().get(number)

    def by_ticker(self, ticker: str) -> DirectoryEntry | None:
        self._entries()
        cik = self._by_ticker.get(ticker.strip().lstrip("$").upper())
        return self._by_cik.get(cik) if cik is not None else None

    def by_name(self, name: str) -> DirectoryEntry | None:
        """The one registrant whose title (or former name) has the key of ``name``; None if none or several."""
        ciks = self._index().get(match_key(name), set())
        return self._by_cik[next(iter(ciks))] if len(ciks) == 1 else None

    def doc_freq(self, token: str) -> int:
        """In how many registrants' names a matching-key token occurs (how little it says about identity)."""
        self._index()
        return len(self._postings.get(token, ()))

    def registrants_with(self, tokens: tuple[str, ...]) -> int:
        """How many registrants have a name containing all ``tokens``."""
        self._index()
        sets = sorted((self._postings.get(t, set()) for t in set(tokens)), key=len)
        if not sets:
            return 0
        return len(set.intersection(*sets)) if len(sets) > 1 else len(sets[0])
