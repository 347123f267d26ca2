"""Commands over the ledger itself: init, load, entities, events, show, conflicts, export, quickstart."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import LedgerError
from ..ledger import open_ledger
from ..ledger.export import FORMATS, export
from ..model.entities import Layer
from ..model.events import FactType, Status
from ..output import is_stdout, write_output
from ..sample import SAMPLE_PARTS, load_sample, sample_paths, sample_text_paths
from .common import (
    AppContext,
    as_of_option,
    domain_errors,
    json_option,
    ledger_files,
    note_rest,
    page_options,
    page_title,
    pass_app,
    print_json,
    print_table,
    progress,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..ledger import EventState
    from ..model import Fact, Source


def _parties(f: Fact) -> str:
    return ", ".join(f"{p.name} ({p.role.value})" for p in f.counterparties)


def _source_label(source: Source | None, f: Fact) -> str:
    label = (source.title or source.url or source.id) if source else f.source_id
    if len(label) > 60:
        label = label[:57] + "..."
    return f"{label} [cites: {f.cited_source}]" if f.cited_source else label


def _fact_row(f: Fact, sources: dict[str, Source]) -> list:
    return [f.time.label() if f.time else "", f.type.value, f.subject, _parties(f),
            str(f.amount) if f.amount else "", f.status.value if f.status else "", _source_label(sources.get(f.source_id), f)]


@click.command("copy")
@click.argument("source", metavar="SRC")
@click.argument("target", metavar="DST")
@pass_app
@domain_errors
def copy_command(app: AppContext, source: str, target: str) -> None:
    """Copy the ledger SRC into the new ledger DST (a DuckDB file or a postgresql:// URL) and check both hold the same.

    Every fact, entity version, source and resolution decision is copied with its record time, in one
    transaction; reading both ledgers back must then give the same rows, or the command fails.
    """
    from ..ledger.copy import TABLES, copy_ledger

    with open_ledger(source, read_only=True, wait=app.settings.wait) as src, \
            open_ledger(target, wait=app.settings.wait) as dst, progress("copying", len(TABLES)) as advance:
        result = copy_ledger(src, dst, step=lambda _name: advance())
    counts = ", ".join(f"{n} {name}" for name, n in result.rows.items())
    if not result.same:
        raise LedgerError(f"copied {counts}, but {dst.path} does not read back the same rows as {src.path}")
    click.echo(f"copied {counts} from {src.path} to {dst.path}; both hold the same rows")


@click.command()
@pass_app
@domain_errors
def init(app: AppContext) -> None:
    """Create an empty ledger (or migrate an existing one)."""
    with app.open() as store:
        click.echo(f"ledger ready: {store.path} (schema version {store.schema_version})")


@click.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--sample", type=click.Choice(["all", *SAMPLE_PARTS]), is_flag=False, flag_value="all",
              default=None, help="Load the bundled sample: all of it (the default), or only its 'article' "
                                 "facts or its 'market' facts.")
@pass_app
@domain_errors
def load(app: AppContext, files: tuple[str, ...], sample: str | None) -> None:
    """Load data files (infraledger JSON format) or the bundled sample into the ledger."""
    from ..ledger.datafile import read_datafile

    if not files and not sample:
        raise click.UsageError("give data files to load, or --sample")
    # Every file is read and checked before the ledger is opened, so it is locked only while written.
    with progress("reading", len(files)) as advance:
        data = []
        for path in files:
            data.append(read_datafile(path, max_bytes=app.settings.max_input_bytes))
            advance()
    with app.open() as store:
        results = load_sample(store, sample) if sample else []
        for datafile in data:
            results += store.append_many(datafile.batches)
    added = sum(r.facts_added for r in results)
    skipped = sum(r.facts_skipped for r in results)
    # a source named by several entries of a file is still one source
    click.echo(f"loaded {added} new facts from {len({r.source_id for r in results})} sources "
               f"({skipped} already in the ledger)")


@click.command()
@click.option("--layer", type=click.Choice([x.value for x in Layer]), help="Only entities in this layer.")
@click.option("--kind", help="Only entities of this kind (company, investor, person, ...).")
@as_of_option
@page_options
@json_option
@pass_app
@domain_errors
def entities(app: AppContext, layer: str | None, kind: str | None, as_of: str | None, limit: int | None, offset: int,
             as_json: bool) -> None:
    """List the entities in the ledger."""
    with app.open(read_only=True) as store:
        page = store.snapshot(as_of).entity_page(layer=layer, kind=kind, limit=limit, offset=offset)
    items = page.items
    if as_json:
        print_json([e.to_json() for e in items])
        note_rest("entities", page)
        return
    print_table(page_title("entities", page), ["id", "name", "kind", "tickers", "layers"],
                [[e.id, e.name, e.kind.value, ", ".join(e.tickers), ", ".join(x.value for x in e.layers)] for e in items])


def _sources_of(snap, facts) -> dict[str, Source]:
    """The sources of ``facts`` (only those: a listing's page needs a few of many)."""
    return {s.id: s for s in snap.sources({f.source_id for f in facts})}


def _event_json(e: EventState) -> dict:
    latest = e.latest
    return {"key": e.key, "type": e.type.value, "subject": e.subject, "subject_id": e.subject_id,
            "status": e.status.value if e.status else None,
            "time": latest.time.label() if latest.time else None,
            "amount": e.amount.to_json() if e.amount else None,
            "counterparties": [p.to_json() for p in latest.counterparties],
            "facts": [f.id for f in e.facts], "sources": sorted({f.source_id for f in e.facts})}


@click.command()
@click.option("--type", "types", multiple=True, type=click.Choice([t.value for t in FactType]),
              help="Only events of this type (repeatable).")
@click.option("--company", help="Only events about this company (name, alias, ticker or id).")
@click.option("--layer", type=click.Choice([x.value for x in Layer]), help="Only events whose subject is in this layer.")
@click.option("--status", type=click.Choice([s.value for s in Status]), help="Only events in this state.")
@click.option("--since", help="Only events valid on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only events valid on or before this date (YYYY-MM-DD).")
@as_of_option
@page_options
@json_option
@pass_app
@domain_errors
def events(app: AppContext, types, company, layer, status, since, until, as_of, limit, offset, as_json) -> None:
    """List events (facts grouped by deal) with their state as known at --as-of."""
    from ..model.fuzzytime import parse_day

    with app.open(read_only=True) as store:
        snap = store.snapshot(as_of)
        page = snap.event_page(types=list(types) or None, entity=company, layer=layer, status=status,
                               valid_from=parse_day(since, "--since"), valid_until=parse_day(until, "--until"),
                               limit=limit, offset=offset)
        items = page.items
        sources = _sources_of(snap, [f for e in items for f in e.facts])
    if as_json:
        print_json([_event_json(e) for e in items])
        note_rest("events", page)
        return
    rows = []
    for e in items:
        row = _fact_row(e.latest, sources)
        row[4] = str(e.amount) if e.amount else ""
        row[5] = e.status.value if e.status else ""
        if len(e.facts) > 1:
            row[6] += f" (+{len(e.facts) - 1} more)"
        rows.append(row)
    title = page_title("events" + (f" as of {as_of}" if as_of else ""), page)
    print_table(title, ["when", "type", "subject", "counterparties", "amount", "status", "source"], rows)


@click.command()
@click.argument("company")
@as_of_option
@page_options
@json_option
@pass_app
@domain_errors
def show(app: AppContext, company: str, as_of: str | None, limit: int | None, offset: int, as_json: bool) -> None:
    """Timeline of one company, with the source of every fact."""
    with app.open(read_only=True) as store:
        snap = store.snapshot(as_of)
        entity = snap.entity(company)
        page = snap.fact_page(entity=entity.id, limit=limit, offset=offset)
        facts = page.items
        sources = _sources_of(snap, facts)
    if as_json:
        print_json({"entity": entity.to_json(), "facts": [f.to_json() for f in facts],
                    "sources": {sid: sources[sid].to_json() for sid in {f.source_id for f in facts}}})
        note_rest("facts", page)
        return
    layers = ", ".join(x.value for x in entity.layers) or "no layer"
    click.echo(f"{entity.name} ({entity.kind.value}; {layers}){' — tickers ' + ', '.join(entity.tickers) if entity.tickers else ''}")
    print_table(page_title("facts", page), ["when", "type", "subject", "counterparties", "amount", "status", "source"],
                [_fact_row(f, sources) for f in facts])


@click.command()
@as_of_option
@page_options
@json_option
@pass_app
@domain_errors
def conflicts(app: AppContext, as_of: str | None, limit: int | None, offset: int, as_json: bool) -> None:
    """Events whose sources disagree (amounts, valuations, dates)."""
    with app.open(read_only=True) as store:
        snap = store.snapshot(as_of)
        page = snap.conflict_page(limit=limit, offset=offset)
        items = page.items
        sources = _sources_of(snap, [f for c in items for f in c.facts])
    if as_json:
        print_json([{"key": c.key, "type": c.type.value, "subject": c.subject, "field": c.field,
                     "values": list(c.values), "facts": [f.id for f in c.facts],
                     "sources": [f.source_id for f in c.facts]} for c in items])
        note_rest("conflicts", page)
        return
    print_table(page_title("conflicts", page), ["subject", "type", "field", "value", "source"],
                [[c.subject, c.type.value, c.field, v, _source_label(sources.get(f.source_id), f)]
                 for c in items for f, v in zip(c.facts, c.values)])


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="File format.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write ('-': standard output). Never the ledger file.")
@as_of_option
@pass_app
@domain_errors
def export_cmd(app: AppContext, fmt: str, output: str, as_of: str | None) -> None:
    """Export the facts (as of a date) to CSV, Parquet or JSON lines."""
    with app.open(read_only=True) as store:
        n = export(store.snapshot(as_of), output, fmt, protected=ledger_files(app.settings.db))
    click.echo(f"wrote {n} facts to {'standard output' if is_stdout(output) else output}", err=is_stdout(output))


@click.command()
@click.argument("path", required=False, type=click.Path(dir_okay=False))
@click.option("--report/--no-report", default=True, help="Also write the HTML report next to the ledger.")
@pass_app
@domain_errors
def quickstart(app: AppContext, path: str | None, report: bool) -> None:
    """Build a ledger from the bundled sample and show what it holds.

    PATH is the ledger file to create or fill (a DuckDB file, e.g. sample.duckdb); the report is
    written beside it as PATH with the suffix .html. Without PATH, a new temporary folder is used.
    """
    target = Path(path) if path else Path(tempfile.mkdtemp(prefix="infraledger-")) / "sample.duckdb"
    from ..ingest import ingest_files

    with open_ledger(target) as store:
        results = load_sample(store)
        # Made-up press releases read by the extractor: their facts wait in the review queue.
        texts = ingest_files(store, sample_text_paths(), backend=app.settings.extract_backend)
        snap = store.snapshot()
        evs = snap.events(types=[t.value for t in FactType if t.value in {
            "funding_round", "strategic_investment", "ipo", "acquisition", "commercial_contract", "talent_move"}])
        sources = {s.id: s for s in snap.sources()}
        n_entities = len(snap.entities())
        n_facts = snap.count()
        report_path = None
        if report:
            report_path = _write_report(store, target.with_suffix(".html"))
    click.echo(f"ledger: {target}")
    click.echo(f"{n_facts} facts about {n_entities} entities from {len(sources)} sources "
               f"({sum(r.facts_added for r in results) + sum(t.added for t in texts)} added now; files: "
               f"{', '.join(p.name for p in sample_paths())} and {len(texts)} sample press releases)")
    rows = []
    for e in sorted(evs, key=lambda e: (e.latest.time.start if e.latest.time else date.max, e.subject)):
        row = _fact_row(e.latest, sources)
        row[4] = str(e.amount) if e.amount else ""
        row[5] = e.status.value if e.status else ""
        rows.append(row)
    print_table("Deals in the ledger (current state)", ["when", "type", "subject", "counterparties", "amount", "status", "source"], rows)
    if report_path:
        click.echo(f"report: {report_path}")
    click.echo(f"next: infraledger --db {target} events --as-of 2026-03-10 --type acquisition")
    click.echo(f"      infraledger --db {target} serve   (the dashboard at http://localhost:8000/; to review, make a "
               f"token with 'infraledger --db {target} token create NAME' and add --writes)")


def _write_report(store, path: Path) -> Path | None:
    """Write the HTML report when the report module is available; returns its path."""
    try:
        from ..render import build_report
    except ImportError:
        return None
    html = build_report(store.snapshot(), as_of=None, fmt="html")
    write_output(path, html, protected=[store.path])
    return path


def register(cli: click.Group) -> None:
    for command in (init, load, entities, events, show, conflicts, export_cmd, quickstart, copy_command):
        cli.add_command(command)
