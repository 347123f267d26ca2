"""``infraledger ingest``: documents in, their deal events into the ledger with the documents as sources."""

from __future__ import annotations

import click

from ..pipeline.shards import SHARD_SIZE
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


def pipeline_options(func):
    """The options every ingest command shares: workers, a Dask scheduler, the shard size."""
    func = click.option("--shard-size", default=SHARD_SIZE, show_default=True, type=click.IntRange(1, 100_000),
                        help="Documents read together and written in one transaction (the unit of resuming).")(func)
    func = click.option("--scheduler", metavar="ADDRESS", envvar="DASK_SCHEDULER_ADDRESS",
                        help="Read on a Dask cluster (tcp://host:8786; default: DASK_SCHEDULER_ADDRESS).")(func)
    func = click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 512),
                        help="Local worker processes that read and extract (one writer appends).")(func)
    return func


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--backend", default=None, metavar="NAME",
              help="Extraction backend (default: the extract_backend setting, 'rules').")
@click.option("--recorded-at", metavar="DATE",
              help="Record the facts as learnt on this date instead of now (for back-filling).")
@pipeline_options
@strict_option
@json_option
@pass_app
@domain_errors
def ingest(app: AppContext, files: tuple[str, ...], backend: str | None, recorded_at: str | None,
           workers: int, scheduler: str | None, shard_size: int, strict: bool, as_json: bool) -> None:
    """Extract the deal events of FILES (text, HTML; folders, globs, zip and tar archives) into the ledger.

    Documents are read and extracted by --workers processes (or a Dask cluster) and appended in
    shards, one transaction each; a rerun after a crash or Ctrl-C skips the shards already in the
    ledger. A file that cannot be read is reported (one line) and the others are added; the command
    then exits non-zero with a summary. With --strict, nothing is added when any file cannot be read.
    """
    from ..ledger.decisions import directory_from
    from ..pipeline import run_pipeline
    from ..pipeline.executor import make_executor

    with make_executor(workers, scheduler) as executor, progress("ingesting", None) as advance:
        result = run_pipeline(lambda: app.open(), files, kind="text", max_bytes=app.settings.max_input_bytes,
                              executor=executor, shard_size=shard_size,
                              options={"backend": backend or app.settings.extract_backend},
                              recorded_at=recorded_at, directory=directory_from(app.settings), strict=strict,
                              on_document=advance)
    results = result.documents
    if as_json:
        print_json([{"file": str(r.path), "source": r.source_id, "extracted": r.extracted, "added": r.added}
                    for r in results])
    elif results:
        print_table(f"{sum(r.added for r in results)} facts added from {len(results)} documents",
                    ["file", "source", "events extracted", "facts added"],
                    [[str(r.path), r.source_id, r.extracted, r.added] for r in results])
    if result.shards_resumed:
        click.echo(f"{result.shards_resumed} shards already in the ledger, skipped (a rerun reads only what is not)",
                   err=True)
    report_failures([f.message for f in result.skipped + result.failed], result.summary(), strict=strict)


def register(cli: click.Group) -> None:
    cli.add_command(ingest)
