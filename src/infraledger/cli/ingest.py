"""``infraledger ingest``: documents in, their deal events into the ledger with the documents as sources."""

from __future__ import annotations

import click

from ..ingest import ingest_prepared, prepare
from ..resolve.decisions import directory_from, resolver_for
from .common import AppContext, domain_errors, json_option, pass_app, print_json, print_table


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--backend", default=None, metavar="NAME",
              help="Extraction backend (default: the extract_backend setting, 'rules').")
@click.option("--recorded-at", metavar="DATE",
              help="Record the facts as learnt on this date instead of now (for back-filling).")
@json_option
@pass_app
@domain_errors
def ingest(app: AppContext, files: tuple[str, ...], backend: str | None, recorded_at: str | None,
           as_json: bool) -> None:
    """Extract the deal events of FILES (text, HTML) and add them to the ledger.

    All files are read first: if one cannot be read, nothing is added.
    """
    # Read and extract everything before opening the ledger, which stays locked only while writing.
    prepared = [prepare(path, backend=backend or app.settings.extract_backend, max_bytes=app.settings.max_input_bytes)
                for path in files]
    with app.open() as store:
        resolver = resolver_for(store, directory_from(app.settings))
        results = ingest_prepared(store, prepared, recorded_at=recorded_at, resolver=resolver)
    if as_json:
        print_json([{"file": str(r.path), "source": r.source_id, "extracted": r.extracted, "added": r.added}
                    for r in results])
        return
    print_table(f"{sum(r.added for r in results)} facts added from {len(results)} documents",
                ["file", "source", "events extracted", "facts added"],
                [[str(r.path), r.source_id, r.extracted, r.added] for r in results])


def register(cli: click.Group) -> None:
    cli.add_command(ingest)
