"""Share prices: a strict CSV reader, and an optional yfinance provider cached on disk.

The CSV has a header with ``date,ticker,close`` and optionally ``open,high,low,volume``, one row
per trading day and ticker. Every row becomes a ``price_observation`` candidate (subject: the
ticker, to be resolved to a company; amount: the close in USD; time: the day) whose evidence is
the CSV line itself, so the report can quote it. The file is the facts' ``market_data`` source.
Errors name the file and line; nothing is returned from a file with any bad row.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import InputError, InputTooLargeError, ParseError, RemoteError
from ..model import CandidateFact, FactType, FuzzyTime, Money, Source
from ..model.money import MAX_AMOUNT

REQUIRED = ("date", "ticker", "close")
OPTIONAL = ("open", "high", "low", "volume")
_TICKER = re.compile(r"[A-Z0-9][A-Z0-9.\-]{0,9}")


@dataclass(frozen=True)
class PriceFile:
    source: Source
    candidates: tuple[CandidateFact, ...]
    tickers: tuple[str, ...]


def _decimal(value: str, column: str, where: str) -> Decimal:
    try:
        d = Decimal(value.strip().replace(",", ""))
    except InvalidOperation:
        raise ParseError(f"{where}: {column} is not a number: {value!r}") from None
    if not d.is_finite() or d < 0 or d >= MAX_AMOUNT:
        raise ParseError(f"{where}: {column} must be a non-negative number below 10^18, got {value[:40]!r}")
    return d


def parse_price_csv(data: bytes, *, name: str = "prices.csv", max_bytes: int = 50_000_000,
                    retrieved: date | None = None, today: date | None = None) -> PriceFile:
    """Read price rows from ``data`` (CSV bytes, UTF-8). Raises ParseError (with ``name:line``) or InputTooLargeError.

    Prices dated after ``today`` (default: the current date) and figures out of the money range
    (:data:`infraledger.model.money.MAX_AMOUNT`) are refused; prices keep six decimal places.
    """
    today = today or date.today()
    if len(data) > max_bytes:
        raise InputTooLargeError.of(len(data), max_bytes, source=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"not UTF-8 text (byte {exc.start})", source=name) from None
    lines = text.splitlines(keepends=True)
    if not lines or not lines[0].strip():
        raise ParseError("empty file; expected a header date,ticker,close[,open,high,low,volume]", source=name)
    header = [h.strip().lower() for h in next(csv.reader([lines[0]]))]
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c not in REQUIRED + OPTIONAL]
    if missing or unknown or len(set(header)) != len(header):
        raise ParseError(f"line 1: header must have {', '.join(REQUIRED)} and optionally {', '.join(OPTIONAL)}; "
                         f"got {', '.join(header)}", source=name)
    out: list[CandidateFact] = []
    seen: dict[tuple[str, date], int] = {}
    offset = len(lines[0])
    for number, line in enumerate(lines[1:], start=2):
        start, offset = offset, offset + len(line)
        if not line.strip():
            continue
        where = f"line {number}"
        row = next(csv.reader([line]))
        if len(row) != len(header):
            raise ParseError(f"{where}: expected {len(header)} fields, found {len(row)}", source=name)
        values = {h: v.strip() for h, v in zip(header, row)}
        try:
            day = date.fromisoformat(values["date"])
        except ValueError:
            raise ParseError(f"{where}: date must be YYYY-MM-DD, got {values['date']!r}", source=name) from None
        if day > today:
            raise ParseError(f"{where}: a price cannot be dated after today ({today}), got {day}", source=name)
        ticker = values["ticker"].upper()
        if not _TICKER.fullmatch(ticker):
            raise ParseError(f"{where}: not a ticker: {values['ticker']!r}", source=name)
        if (ticker, day) in seen:
            raise ParseError(f"{where}: {ticker} on {day} already given on line {seen[(ticker, day)]}", source=name)
        seen[(ticker, day)] = number
        try:
            close = _decimal(values["close"], "close", where)
            attrs: dict[str, str] = {"ticker": ticker}
            for col in ("open", "high", "low"):
                if values.get(col):
                    attrs[col] = str(_decimal(values[col], col, where))
            if values.get("volume"):
                vol = _decimal(values["volume"], "volume", where)
                if vol != vol.to_integral_value():
                    raise ParseError(f"{where}: volume must be a whole number, got {values['volume']!r}")
                attrs["volume"] = str(int(vol))
            price = Money(amount=close)
        except InputError as exc:
            raise ParseError(str(exc) if isinstance(exc, ParseError) else f"{where}: {exc}", source=name) from None
        if price.amount == 0:
            raise ParseError(f"{where}: close must be positive", source=name)
        high, low = attrs.get("high"), attrs.get("low")
        if high and low and Decimal(high) < Decimal(low):
            raise ParseError(f"{where}: high {high} is below low {low}", source=name)
        if high and Decimal(high) < price.amount or low and Decimal(low) > price.amount:
            raise ParseError(f"{where}: close {price.amount} is outside the day's low-high range", source=name)
        out.append(CandidateFact(type=FactType.PRICE_OBSERVATION, subject=ticker, amount=price,
                                 time=FuzzyTime.day(day), evidence=line.strip(), span=(start, start + len(line.rstrip("\r\n"))),
                                 attributes=attrs))
    if not out:
        raise ParseError("no price rows after the header", source=name)
    last = max(c.time.start for c in out)
    source = Source.new("market_data", content=data, title=f"Share prices ({Path(name).name})", published=last,
                        retrieved=retrieved)
    return PriceFile(source, tuple(out), tuple(sorted({c.subject for c in out})))


def read_price_csv(path: str | Path, *, max_bytes: int = 50_000_000) -> PriceFile:
    """Read a price CSV file; raises InputError subclasses (file name and line in the message)."""
    p = Path(path)
    if p.stat().st_size > max_bytes:
        raise InputTooLargeError.of(p.stat().st_size, max_bytes, source=str(p))
    return parse_price_csv(p.read_bytes(), name=str(p), max_bytes=max_bytes,
                           retrieved=datetime.fromtimestamp(p.stat().st_mtime).date())


def fetch_yfinance(tickers: list[str], start: date, end: date, cache_dir: Path) -> Path:
    """Daily prices from Yahoo Finance (needs the ``prices`` extra and network) as a CSV in ``cache_dir``.

    A request already cached on disk is not fetched again. Returns the CSV path to load with
    :func:`read_price_csv`. Raises InputError when yfinance is not installed, RemoteError on failure.
    """
    try:
        import yfinance  # optional dependency: pip install 'infraledger[prices]'
    except ImportError:
        raise InputError("price download needs the 'prices' extra: pip install 'infraledger[prices]'") from None
    for t in tickers:
        if not _TICKER.fullmatch(t.upper()):
            raise InputError(f"not a ticker: {t!r}")
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / f"prices-{'_'.join(sorted(t.upper() for t in tickers))}-{start}-{end}.csv"
    if target.exists():
        return target
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["date", "ticker", "close", "open", "high", "low", "volume"])
    for t in sorted(t.upper() for t in tickers):
        try:
            hist = yfinance.Ticker(t).history(start=start.isoformat(), end=end.isoformat(), auto_adjust=False)
        except Exception as exc:  # the library raises many kinds; one clear error for all
            raise RemoteError(f"price download for {t} failed: {exc}", retryable=True) from None
        for ts, row in hist.iterrows():
            writer.writerow([ts.date().isoformat(), t, f"{row['Close']:.4f}", f"{row['Open']:.4f}", f"{row['High']:.4f}",
                             f"{row['Low']:.4f}", int(row["Volume"])])
    tmp = target.with_suffix(".partial")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    tmp.replace(target)
    return target
