"""``infraledger edgar``: read SEC filings (parse), put them in the ledger (ingest), fetch them live (fetch)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from ..errors import InputError
from ..sources.edgar.parallel import PARALLEL_FROM, default_jobs
from .common import (
    AppContext,
    domain_errors,
    json_bytes,
    pass_app,
    print_json,
    print_table,
    progress,
    report_failures,
    strict_option,
)
from .ingest import pipeline_options

# The filing readers, the ledger and the EDGAR client are imported by the functions that use them,
# so that ``infraledger edgar --help`` does not load them.
if TYPE_CHECKING:  # pragma: no cover
    from ..sources.edgar.client import EdgarClient
    from ..sources.edgar.registry import ReadFiling


def _read_all(paths: Iterable[str], max_bytes: int) -> tuple[list[ReadFiling], list[str]]:
    from ..sources.edgar.registry import read_path

    paths = list(paths)
    done, errors = [], []
    with progress("reading", len(paths)) as advance:
        for path in paths:
            try:
                done.append(read_path(path, max_bytes=max_bytes))
            except InputError as exc:
                errors.append(str(exc))
            except OSError as exc:
                errors.append(f"{path}: {exc.strerror or exc}")
            advance()
    return done, errors


def _usd(value) -> str:
    """An amount a filing states in dollars, exact ("$561,224,695"); "not stated" when it states none."""
    return "not stated" if value is None else f"${value:,}"


def _named(name: str | None) -> str:
    return (name or "").strip() or "(name not stated)"


def summary_text(read: ReadFiling) -> str:
    """One line saying what a filing states, never a bare "None"."""
    parsed = read.parsed
    if read.kind == "form_d":
        offered = "an indefinite amount" if parsed.offering_amount_indefinite else _usd(parsed.total_offering_amount)
        return f"{_named(parsed.issuer.name)}: sold {_usd(parsed.total_amount_sold)} of {offered}"
    if read.kind == "8-k":
        items = ", ".join(i.code for i in parsed.items)
        return f"{_named(parsed.company)}: " + (f"items {items}" if items else "no items stated")
    if read.kind == "prospectus":
        terms = [f"{parsed.shares:,} shares" if parsed.shares is not None else "",
                 f"at {_usd(parsed.price_per_share)}" if parsed.price_per_share is not None else "",
                 f"gross {_usd(parsed.gross_proceeds)}" if parsed.gross_proceeds is not None else ""]
        return f"{_named(parsed.issuer)}: " + (" ".join(t for t in terms if t) or "no offering terms stated")
    if read.kind == "submissions":
        return f"{_named(parsed.name)}: {len(parsed.filings)} filings"
    if read.kind in ("form_index", "atom_feed"):
        return f"{len(parsed.filings)} filings listed"
    if isinstance(parsed, dict):
        return ", ".join(f"{k}={v}" for k, v in parsed.items())
    return ""


def _summary_row(read: ReadFiling) -> list:
    source = read.contributions[0].source if read.contributions else None
    return [read.name, read.kind, read.form_type, source.accession if source else "", summary_text(read),
            read.fact_count]


@click.group()
def edgar() -> None:
    """SEC EDGAR filings: Form D, 8-K, S-1/424B prospectuses, full submissions and EDGAR JSON."""


def _read_each(paths: Iterable[str], max_bytes: int, errors: list[str]) -> Iterator[ReadFiling]:
    """The filings at ``paths``, each read when asked for; what cannot be read goes to ``errors`` (one line each)."""
    from ..sources.edgar.registry import read_path

    paths = list(paths)
    with progress("reading", len(paths)) as advance:
        for path in paths:
            try:
                read = read_path(path, max_bytes=max_bytes)
            except InputError as exc:
                errors.append(str(exc))
                read = None
            except OSError as exc:
                errors.append(f"{path}: {exc.strerror or exc}")
                read = None
            advance()
            if read is not None:
                yield read


def _json_line(filing: ReadFiling, with_text: bool) -> bytes:
    """``json_bytes(filing.to_json(), indent=False)``, made faster where the reader's value writes its own JSON.

    A Form D's text is written by orjson straight from its dataclasses and put into the line as is
    (an ``orjson.Fragment``), instead of being read back into a dict and written a second time:
    a third of the time of printing a Form D. What orjson cannot write goes the long way.
    """
    import orjson

    if hasattr(filing.parsed, "to_json_bytes"):
        try:
            return json_bytes(filing.around(orjson.Fragment(filing.parsed.to_json_bytes())), indent=False)
        except (orjson.JSONEncodeError, TypeError):  # TypeError: json_bytes' fallback meets the fragment
            pass
    return json_bytes(filing.to_json(with_text=with_text), indent=False)


def _indented(item: bytes) -> bytes:
    """An indented JSON value, its lines after the first indented once more: an element of an indented array.

    Every newline of an indented JSON text is between tokens (a string holds its newlines as ``\\n``).
    """
    return item.replace(b"\n", b"\n  ")


def _rendered(filing: ReadFiling, fmt: str, with_text: bool) -> Any:
    """What ``parse`` prints of one filing: a JSON line, an indented JSON item or a table row."""
    if fmt == "jsonl":
        return _json_line(filing, with_text)
    if fmt == "json":
        return json_bytes(filing.to_json(with_text=with_text))
    return _summary_row(filing)


@edgar.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True,
              help="json: everything each filing says, with the facts it would add; jsonl: the same, one line "
                   "per filing, printed as each file is read.")
@click.option("--with-text", is_flag=True, help="With --format json or jsonl: include press-release exhibit texts.")
@click.option("--jobs", "-j", type=click.IntRange(min=1, max=512), metavar="N",
              help=f"Worker processes that read the files (default: one per CPU from {PARALLEL_FROM} files, "
                   "else 1). The output is the same, in the same order.")
@pass_app
@domain_errors
def parse(app: AppContext, paths: tuple[str, ...], fmt: str, with_text: bool, jobs: int | None) -> None:
    """Read filings at PATHS and print what they say; nothing is written."""
    with _fewer_collections():
        _parse(app, paths, fmt, with_text, jobs)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run with the objects made so far (modules, classes: about 150,000) out of the cyclic garbage collector's
    sight, and its youngest generation collected 30 times less often; as before afterwards.

    Reading a file makes some thousand objects, nearly all freed by reference counting as soon as its
    output is made; the collector's passes over them and over everything imported at start-up were
    about 4% of the time of a run over many Form D files.
    """
    import gc

    threshold = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0  # what someone else froze stays theirs to unfreeze
    if freeze:
        gc.freeze()
    gc.set_threshold(20_000, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if freeze:
            gc.unfreeze()


def _line_printer() -> Callable[[bytes], None]:
    """``click.echo`` of a line of bytes to standard output, written (and flushed) straight to its binary stream."""
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # pragma: no cover - a text-only stdout: click finds its way
        return click.echo
    sys.stdout.flush()

    def echo(line: bytes) -> None:
        stream.write(line + b"\n")
        stream.flush()

    return echo


def _parse(app: AppContext, paths: tuple[str, ...], fmt: str, with_text: bool, jobs: int | None) -> None:
    errors: list[str] = []
    max_bytes = app.settings.max_input_bytes
    jobs = min(jobs or default_jobs(len(paths)), len(paths))
    if jobs > 1:
        from functools import partial

        from ..sources.edgar.parallel import read_in_order

        render = partial(_rendered, fmt=fmt, with_text=with_text)
        outputs: Iterable[tuple[Any, int]] = read_in_order(
            list(paths), jobs, max_bytes, render, errors, join_lines=fmt == "jsonl",
            progress=lambda total: progress("reading", total))
    else:
        outputs = ((_rendered(filing, fmt, with_text), 1) for filing in _read_each(paths, max_bytes, errors))
    read = 0
    if fmt == "table":
        rows = [row for row, _ in outputs]
        read = len(rows)
        if rows:
            print_table(None, ["file", "kind", "form", "accession", "says", "facts"], rows)
    elif fmt == "jsonl":
        echo = _line_printer()
        for lines, files in outputs:
            echo(lines)
            read += files
    else:
        # Each filing is turned into its JSON as soon as it is read (only the text is kept), and the
        # array is printed once all are read, so that a run stopped by an error prints nothing.
        items = [item for item, _ in outputs]
        read = len(items)
        for i, item in enumerate(items):
            click.echo((b",\n  " if i else b"[\n  ") + _indented(item), nl=False)
        click.echo(b"\n]" if items else b"[]")
    report_failures(errors, f"{read} read, {len(errors)} skipped, 0 failed", strict=False)


def _ingest(app: AppContext, reads: list[ReadFiling],
            recorded_at: str | None) -> tuple[list[dict], dict[str, str]]:
    """Add each filing's contributions (one transaction each); returns the rows added and, by file, the failures."""
    from ..errors import LedgerError, LedgerLockedError
    from ..ledger import as_record_time
    from ..ledger.turns import in_turns
    from ..sources.edgar.ingest import ingest as ingest_one

    when = as_record_time(recorded_at)
    # Oldest filing first, so that an amendment finds the notice it amends already in the ledger.
    contributions = sorted(((r, c) for r in reads for c in r.contributions),
                           key=lambda rc: rc[1].source.published or date.min)
    rows, failed = [], {}
    # One transaction per filing, the ledger held in turns so that readers get in between.
    with progress("ingesting", len(contributions)) as advance, closing(in_turns(app.open, contributions)) as turns:
        for store, (read, contribution) in turns:
            try:
                result = ingest_one(store, contribution, recorded_at=when)
            except LedgerLockedError:
                raise
            except (InputError, LedgerError) as exc:
                failed[read.name] = f"{read.name}: {exc}"
                continue
            finally:
                advance()
            rows.append({"file": read.name, "form": contribution.source.form_type,
                         "accession": contribution.source.accession, "source": result.source_id,
                         "facts_added": result.facts_added, "facts_skipped": result.facts_skipped,
                         "superseded": result.superseded, "notes": contribution.notes})
    return rows, failed


def _report(rows: list[dict], as_json: bool, title: str) -> None:
    if as_json:
        print_json(rows)
        return
    print_table(title, ["file", "form", "accession", "facts added", "superseded", "notes"],
                [[r["file"], r["form"], r["accession"], r["facts_added"], r["superseded"], "; ".join(r["notes"])]
                 for r in rows])


@edgar.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--recorded-at", metavar="DATE", help="Record the facts as learnt on this date instead of now.")
@pipeline_options
@strict_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_app
@domain_errors
def ingest(app: AppContext, paths: tuple[str, ...], recorded_at: str | None, workers: int, scheduler: str | None,
           shard_size: int, strict: bool, as_json: bool) -> None:
    """Add the facts of the filings at PATHS (files, folders, globs, zip/tar and daily feed archives) to the ledger.

    Filings are read by --workers processes (or a Dask cluster) and appended in shards, one
    transaction each, amendments superseding what they amend; a rerun after a crash skips the shards
    already in the ledger. A file that cannot be read is reported (one line) and the others are
    added; the command then exits non-zero with a summary. With --strict nothing is added when any
    file cannot be read.
    """
    from ..pipeline import run_pipeline
    from ..pipeline.executor import make_executor

    with make_executor(workers, scheduler) as executor, progress("ingesting", None) as advance:
        result = run_pipeline(lambda: app.open(), paths, kind="filing", max_bytes=app.settings.max_input_bytes,
                              executor=executor, shard_size=shard_size, recorded_at=recorded_at, strict=strict,
                              on_document=advance)
    if not (strict and result.skipped):
        rows = result.rows
        _report(rows, as_json, f"{sum(r['facts_added'] for r in rows)} facts added from {len(rows)} filings")
    if result.shards_resumed:
        click.echo(f"{result.shards_resumed} shards already in the ledger, skipped (a rerun reads only what is not)",
                   err=True)
    report_failures([f.message for f in result.skipped + result.failed], result.summary(), strict=strict)


def _cik_for(app: AppContext, client: EdgarClient, cik: int | None, ticker: str | None) -> int:
    from ..sources.edgar.tickers import load_tickers

    if cik is not None:
        return cik
    if not ticker:
        raise click.UsageError("give --cik or --ticker")
    if app.settings.company_tickers:
        return load_tickers(app.settings.company_tickers).cik_for(ticker)
    return client.company_tickers().cik_for(ticker)


@edgar.command()
@click.option("--cik", type=int, help="The company's SEC CIK.")
@click.option("--ticker", help="The company's ticker (looked up in company_tickers.json).")
@click.option("--forms", default="D,D/A,8-K,S-1,424B4", show_default=True, help="Comma-separated form types.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Only filings filed on or after this day.")
@click.option("--no-ingest", is_flag=True, help="Only download into the cache.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_app
@domain_errors
def fetch(app: AppContext, cik: int | None, ticker: str | None, forms: str, since, no_ingest: bool,
          as_json: bool) -> None:
    """Download a company's filings from EDGAR (cached, rate-limited) and add their facts to the ledger.

    Needs the edgar_user_agent setting ('Name email@example.com'). Interrupted runs resume:
    filings already in the cache are not downloaded again.
    """
    from ..sources.edgar.client import EdgarClient
    from ..sources.edgar.registry import read_filing

    client = EdgarClient.from_settings(app.settings)
    number = _cik_for(app, client, cik, ticker)
    wanted = tuple(f.strip().upper() for f in forms.split(",") if f.strip())
    reads, skipped = [], []
    with progress(f"fetching CIK {number}", None) as advance:
        for fetched in client.fetch_filings(number, forms=wanted, since=since.date() if since else None,
                                            on_listed=advance.total):
            try:
                reads.append(read_filing(fetched.data, str(fetched.path)))
            except InputError as exc:
                skipped.append(f"{fetched.ref.accession} ({fetched.ref.form}): {exc}")
            advance()
    for line in skipped:
        click.echo(f"skipped {line}", err=True)
    if no_ingest:
        if as_json:
            print_json([{"file": r.name, "form": r.form_type} for r in reads])
        else:
            click.echo(f"{len(reads)} filings in the cache under {client.cache_dir}")
        return
    rows, failed = _ingest(app, reads, None)
    _report(rows, as_json, f"{sum(r['facts_added'] for r in rows)} facts added from {len(rows)} filings")
    report_failures(list(failed.values()), f"{len(reads) - len(failed)} read, {len(skipped)} skipped, "
                                          f"{len(failed)} failed", strict=False)


def register(cli: click.Group) -> None:
    cli.add_command(edgar)
    from .edgar_sync import register as register_sync  # here: edgar_sync imports this module
    register_sync(edgar)

