"""``infraledger edgar sync``: every filing of some forms filed over a stretch of days, from EDGAR's full indexes.

Where ``edgar fetch`` follows one company, ``sync`` follows the whole of EDGAR: it reads the
index of each day from ``--since`` (the quarterly index for each whole quarter already over),
keeps the filings of the forms asked for (amendments included), fetches each once through the
cached, rate-limited client and ingests them the way ``edgar ingest`` does. Everything fetched is
cached and the ledger skips what it holds, so a second run over the same days sends no request
for a filing already fetched and adds nothing.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import click

from ..errors import RemoteError
from .common import AppContext, domain_errors, pass_app, print_json, progress, report_failures
from .edgar import _report

if TYPE_CHECKING:  # pragma: no cover - the EDGAR modules are imported when the command runs
    from ..sources.edgar.client import EdgarClient

_DAY = click.DateTime(formats=["%Y-%m-%d"])
#: Filings read and ingested together: a quarter of 8-Ks is some 20,000 filings, too many to hold at once.
CHUNK = 200


def _forms(text: str) -> tuple[str, ...]:
    forms = tuple(f.strip().upper() for f in text.split(",") if f.strip())
    if not forms:
        raise click.BadParameter("give at least one form type, e.g. D,8-K", param_hint="--forms")
    return forms


@click.command("sync")
@click.option("--forms", default="D,8-K", show_default=True,
              help="Comma-separated form types; each takes its amendments (D takes D/A) unless --no-amendments.")
@click.option("--since", type=_DAY, required=True, help="First filing day (YYYY-MM-DD).")
@click.option("--until", type=_DAY, help="Last filing day (default: today).")
@click.option("--cik", "ciks", type=int, multiple=True, help="Only filings by this CIK (repeatable).")
@click.option("--no-amendments", is_flag=True, help="Take only the forms named, not their amendments.")
@click.option("--no-ingest", is_flag=True, help="Only download into the cache.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_app
@domain_errors
def sync(app: AppContext, forms: str, since, until, ciks: tuple[int, ...], no_amendments: bool, no_ingest: bool,
         as_json: bool) -> None:
    """Fetch and ingest every filing of --forms filed from --since to --until, from EDGAR's daily and quarterly indexes.

    Needs the edgar_user_agent setting. Whole quarters already over are read from one quarterly
    index, other days from their daily index (weekends have none; a day without one, a holiday,
    is skipped with a note). Filings are fetched once and cached; a rerun adds nothing twice.
    """
    wanted = _forms(forms)
    first, last = since.date(), (until.date() if until else date.today())
    from ..pipeline import run_pipeline
    from ..sources.edgar.client import EdgarClient
    from ..sources.edgar.indexes import index_periods, select

    client = EdgarClient.from_settings(app.settings)
    periods = index_periods(first, last, today=date.today())
    listed, missing = [], []
    with progress("reading indexes", len(periods)) as advance:
        for period in periods:
            try:
                if period.is_quarter:
                    listed += client.quarterly_index(period.year, period.quarter, compressed=True)
                else:
                    listed += client.daily_index(period.day)
            except RemoteError as exc:
                if exc.status != 404:
                    raise
                missing.append(period.label())
            finally:
                advance()
    if missing:
        click.echo(f"no index published for {', '.join(missing)} (no filings disseminated then)", err=True)
    # The indexes read are the window: a day's index also lists filings disseminated late (their
    # filing date a few days earlier), which no other index of the window holds, so no date filter.
    refs = select(listed, forms=wanted, ciks=ciks, amendments=not no_amendments)
    # Oldest first, so a notice is in the ledger before the amendment that supersedes it.
    refs.sort(key=lambda r: (r.filed or date.min, r.accession))
    rows, failures, skipped, kept, resumed = [], [], [], [], 0
    counts = {"downloaded": 0, "cached": 0, "read": 0}
    with progress("fetching filings", len(refs)) as advance:
        for start in range(0, len(refs), CHUNK):
            fetched = _fetch(client, refs[start:start + CHUNK], skipped, counts, advance)
            if no_ingest:
                kept += [{"file": str(path), "form": ref.form} for ref, path in fetched]
                counts["read"] += len(fetched)
                continue
            # The fetched filings go through the one ingest pipeline, from the cache (resumable).
            result = run_pipeline(lambda: app.open(), [path for _ref, path in fetched], kind="filing",
                                  max_bytes=app.settings.max_input_bytes)
            counts["read"] += result.read
            resumed += result.shards_resumed
            rows += result.rows
            failures += [f.message for f in result.skipped + result.failed]
    for line in skipped:
        click.echo(f"skipped {line}", err=True)
    click.echo(f"{len(refs)} filings of {', '.join(wanted)} listed from {len(periods) - len(missing)} indexes; "
               f"{counts['downloaded']} downloaded, {counts['cached']} from the cache", err=True)
    if no_ingest:
        if as_json:
            print_json(kept)
        return
    _report(rows, as_json, f"{sum(r['facts_added'] for r in rows)} facts added from {len(rows)} filings")
    if resumed:
        click.echo(f"{resumed} shards already in the ledger, skipped", err=True)
    report_failures(failures, f"{counts['read']} read, {len(skipped) + len(failures)} skipped, 0 failed",
                    strict=False)


def _fetch(client: "EdgarClient", refs: list, skipped: list[str], counts: dict[str, int], advance) -> list:
    """``(ref, cached file)`` of each filing of ``refs``, fetched or from the cache; those missing go to ``skipped``."""
    fetched = []
    for ref in refs:
        url = client.filing_url(ref)
        try:
            _data, from_cache = client.get(url)
        except RemoteError as exc:
            if exc.status != 404:
                raise
            skipped.append(f"{ref.accession} ({ref.form}): not found on EDGAR")
            advance()
            continue
        counts["cached" if from_cache else "downloaded"] += 1
        fetched.append((ref, client.cache_path(url)))
        advance()
    return fetched


def register(edgar_group: click.Group) -> None:
    """Add ``sync`` to the ``edgar`` command group."""
    edgar_group.add_command(sync)
