"""Map CIK <-> ticker <-> company name with the SEC's ``company_tickers.json``.

The file is an object of rows ``{"cik_str": 320193, "ticker": "AAPL", "title": "Apple Inc."}``
keyed by row number. One CIK may have several tickers (share classes); the first listed is
the main one, as the SEC orders rows by market value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...errors import NotFoundError, ParseError, UnsupportedInputError
from ...model.entities import normalise_name
from .submissions import load_json

__all__ = ["TickerMap", "TickerRow", "load_tickers", "parse_tickers"]


@dataclass(frozen=True, slots=True)
class TickerRow:
    cik: int
    ticker: str
    name: str


@dataclass(frozen=True)
class TickerMap:
    """Look-ups over company_tickers.json rows."""

    rows: tuple[TickerRow, ...]
    _by_ticker: dict[str, TickerRow] = field(default_factory=dict, repr=False)
    _by_cik: dict[int, list[TickerRow]] = field(default_factory=dict, repr=False)
    _by_name: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for row in self.rows:
            self._by_ticker.setdefault(row.ticker.upper(), row)
            self._by_cik.setdefault(row.cik, []).append(row)
            self._by_name.setdefault(normalise_name(row.name), row.cik)

    def __len__(self) -> int:
        return len(self.rows)

    def cik_for(self, ticker: str) -> int:
        """The CIK of a ticker (case-insensitive; "BRK.B" and "BRK-B" both work). Raises NotFoundError."""
        key = ticker.strip().upper()
        row = self._by_ticker.get(key) or self._by_ticker.get(key.replace(".", "-"))
        if row is None:
            raise NotFoundError(f"ticker {ticker!r} is not in company_tickers.json")
        return row.cik

    def tickers_for(self, cik: int) -> tuple[str, ...]:
        return tuple(r.ticker for r in self._by_cik.get(int(cik), ()))

    def name_for(self, cik: int) -> str | None:
        rows = self._by_cik.get(int(cik))
        return rows[0].name if rows else None

    def cik_for_name(self, name: str) -> int | None:
        """The CIK of an exact name after normalisation ("NVIDIA Corporation" finds "NVIDIA CORP"), else None."""
        return self._by_name.get(normalise_name(name))


def parse_tickers(data: bytes | dict, *, source: str = "") -> TickerMap:
    """Read company_tickers.json. ParseError for broken JSON, UnsupportedInputError for other JSON."""
    doc = data if isinstance(data, dict) else load_json(data, source=source, what="company_tickers JSON")
    rows = []
    for value in doc.values():
        if not isinstance(value, dict) or "cik_str" not in value or "ticker" not in value:
            raise UnsupportedInputError("JSON is not company_tickers.json (rows need cik_str and ticker)", source=source)
        try:
            rows.append(TickerRow(cik=int(value["cik_str"]), ticker=str(value["ticker"]), name=str(value.get("title", ""))))
        except (TypeError, ValueError):
            raise ParseError(f"company_tickers row has a non-numeric cik_str {value.get('cik_str')!r}",
                             source=source) from None
    return TickerMap(tuple(rows))


def load_tickers(path: str | Path) -> TickerMap:
    """Read company_tickers.json from a file."""
    path = Path(path)
    return parse_tickers(path.read_bytes(), source=str(path))
