"""``infraledger prices``: load share prices into the ledger from CSV files or, optionally, Yahoo Finance."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import click

from ..errors import InputError, NotFoundError
from ..model.entities import Entity
from .common import AppContext, domain_errors, pass_app

if TYPE_CHECKING:  # pragma: no cover
    from ..sources.prices import PriceFile


@click.group("prices")
def prices() -> None:
    """Share prices: price_observation facts from CSV (date,ticker,close[,open,high,low,volume])."""


def _load(app: AppContext, pf: PriceFile, origin: str, new_companies: bool) -> None:
    with app.open() as store:
        snap = store.snapshot()
        names: dict[str, str] = {}
        new: list[Entity] = []
        unknown = []
        for ticker in pf.tickers:
            try:
                names[ticker] = snap.entity(ticker).name
            except NotFoundError:
                unknown.append(ticker)
                # with --new-companies an unknown ticker becomes a company of that name, to be merged later
                new.append(Entity.new(ticker, tickers=(ticker,)))
                names[ticker] = ticker
        if unknown and not new_companies:
            raise InputError(f"no company in the ledger has the ticker{'s' if len(unknown) > 1 else ''} "
                             f"{', '.join(unknown)} (load the companies first, or pass --new-companies)",
                             source=origin)
        facts = [replace(c, subject=names[c.subject]) for c in pf.candidates]
        result = store.append(pf.source, facts, entities=new)
    click.echo(f"{origin}: {result.facts_added} price observations added ({result.facts_skipped} already in the ledger) "
               f"for {len(pf.tickers)} tickers" + (f"; new companies: {', '.join(e.name for e in new)}" if new else ""))


_NEW_COMPANIES = click.option("--new-companies", is_flag=True,
                              help="Add a company for each ticker the ledger does not know (default: refuse the file).")


@prices.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@_NEW_COMPANIES
@pass_app
@domain_errors
def load(app: AppContext, file: str, new_companies: bool) -> None:
    """Load a price CSV file; tickers are matched to companies in the ledger (an unknown ticker is refused)."""
    from ..sources.prices import read_price_csv

    _load(app, read_price_csv(file, max_bytes=app.settings.max_input_bytes), file, new_companies)


@prices.command("fetch")
@click.argument("tickers", nargs=-1, required=True)
@click.option("--start", required=True, metavar="DATE", help="First day (YYYY-MM-DD).")
@click.option("--end", default=None, metavar="DATE", help="Day after the last (default: today).")
@_NEW_COMPANIES
@pass_app
@domain_errors
def fetch(app: AppContext, tickers: tuple[str, ...], start: str, end: str | None, new_companies: bool) -> None:
    """Download daily prices with yfinance (extra 'prices', needs network), cache them, and load them."""
    from ..sources.prices import fetch_yfinance, read_price_csv

    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end) if end else date.today()
    except ValueError as exc:
        raise InputError(f"dates must be YYYY-MM-DD ({exc})") from None
    path = fetch_yfinance(list(tickers), first, last, app.settings.cache_path / "prices")
    _load(app, read_price_csv(path, max_bytes=app.settings.max_input_bytes), str(path), new_companies)


def register(cli: click.Group) -> None:
    cli.add_command(prices)
