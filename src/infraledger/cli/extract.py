"""``infraledger extract FILE...``: the deal events of text documents, in the evaluation shape."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import InputError
from ..extract import BACKENDS
from ..model.events import DEAL_TYPES
from .common import AppContext, domain_errors, pass_app, print_table, progress


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one event per line in the evaluation shape; table: a readable summary.")
@click.option("--backend", type=click.Choice(sorted(BACKENDS)), default=None,
              help="Extraction backend (default: the extract_backend setting, 'rules').")
@pass_app
@domain_errors
def extract_cmd(app: AppContext, files: tuple[Path, ...], fmt: str, backend: str | None) -> None:
    """Print the deal events stated in each FILE (plain text or HTML, any encoding).

    Every file is read and extracted before anything is printed, so an unreadable file stops
    the command with one line and no partial output.
    """
    from ..extract import extract_events, to_eval_record
    from ..model.money import format_money
    from ..sources.document import read_document

    settings = app.settings
    name = backend or settings.extract_backend
    found: list[tuple[dict, object]] = []  # (record, fact)
    with progress("extracting", len(files)) as advance:
        for path in files:
            if path.is_dir():
                raise InputError("is a directory, not a document", source=str(path))
            document = read_document(path, max_bytes=settings.max_input_bytes)
            for fact in extract_events(document, backend=name, settings=settings):
                if fact.type in DEAL_TYPES:  # relations ("backed by", "subsidiary of") are not events
                    found.append((to_eval_record(fact, doc=path.name), fact))
            advance()
    if fmt == "jsonl":
        for record, _ in found:
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    rows = []
    for r, fact in found:
        amount = format_money(fact.amount) if fact.amount is not None else ""
        rows.append((r["doc"], r["type"], r["subject"],
                     ", ".join(f"{c['name']} ({c['role']})" for c in r["counterparties"]) or ", ".join(r["people"]),
                     amount, r["date"], r["status"], f"{fact.confidence:.2f}"))
    print_table(f"{len(found)} events", ("doc", "type", "subject", "parties", "amount", "date", "status", "confidence"),
                rows)


def register(cli: click.Group) -> None:
    """Add the ``extract`` command to ``cli``."""
    cli.add_command(extract_cmd)
