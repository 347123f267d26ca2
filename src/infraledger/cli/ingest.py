"""``infraledger ingest``: documents in, their deal events into the ledger with the documents as sources."""

from __future__ import annotations

import click

from ..ingest import read_batch, write_batch
from ..ledger.decisions import directory_from
from .common import (
    AppContext,
    domain_errors,
    json_option,
    pass_app,
    print_json,
    print_table,
    progress,
    report_failures,
    strict_option,
)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--backend", default=None, metavar="NAME",
              help="Extraction backend (default: the extract_backend setting, 'rules').")
@click.option("--recorded-at", metavar="DATE",
              help="Record the facts as learnt on this date instead of now (for back-filling).")
@strict_option
@json_option
@pass_app
@domain_errors
def ingest(app: AppContext, files: tuple[str, ...], backend: str | None, recorded_at: str | None,
           strict: bool, as_json: bool) -> None:
    """Extract the deal events of FILES (text, HTML) and add them to the ledger.

    A file that cannot be read is reported (one line) and the others are added; the command then
    exits non-zero with a summary. With --strict, nothing is added when any file cannot be read.
    """
    # Read and extract everything before opening the ledger, which stays locked only while writing.
    with progress("reading", len(files)) as advance:
        prepared, batch = read_batch(files, backend=backend or app.settings.extract_backend,
                                     max_bytes=app.settings.max_input_bytes, on_file=advance)
    if prepared and not (strict and batch.skipped):  # nothing to write: the ledger is not even opened
        with app.open() as store:
            write_batch(store, prepared, batch, recorded_at=recorded_at, directory=directory_from(app.settings),
                        strict=strict)
    results = batch.ingested
    if as_json:
        print_json([{"file": str(r.path), "source": r.source_id, "extracted": r.extracted, "added": r.added}
                    for r in results])
    elif results:
        print_table(f"{sum(r.added for r in results)} facts added from {len(results)} documents",
                    ["file", "source", "events extracted", "facts added"],
                    [[str(r.path), r.source_id, r.extracted, r.added] for r in results])
    report_failures([f.message for f in batch.skipped + batch.failed], batch.summary(), strict=strict)


def register(cli: click.Group) -> None:
    cli.add_command(ingest)
