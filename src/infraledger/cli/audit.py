"""``infraledger audit FILE``: check every claim of an article against the ledger."""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path

import click

from .common import AppContext, domain_errors, pass_app


def _write_atomically(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` via a temporary file in the same folder: never half a report."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise click.ClickException(f"folder does not exist: {folder}")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--as-of", "as_of", metavar="DATE",
              help="Use the ledger as it stood at this record date (YYYY-MM-DD or timestamp); default: everything.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True,
              help="Markdown table, standalone HTML page, or JSON.")
@click.option("-o", "--output", metavar="OUT", type=click.Path(dir_okay=False),
              help="Write the report to this file instead of standard output.")
@click.option("--url", metavar="URL", default="",
              help="Where FILE was published, so a ledger source with that address is not used as evidence.")
@pass_app
@domain_errors
def audit(app: AppContext, file: str, as_of: str | None, fmt: str, output: str | None, url: str) -> None:
    """Find the checkable claims in FILE (text or HTML) and give each a verdict with evidence.

    The text never supports itself: a ledger source with the same content, address or title is
    left out of the evidence.
    """
    from ..audit.api import audit_document
    from ..audit.html import to_html
    from ..audit.reading import read_file
    from ..audit.render import to_json, to_markdown

    doc = read_file(file, max_bytes=app.settings.max_input_bytes)
    if url:
        doc = replace(doc, url=url)
    with app.open(read_only=True) as store:
        report = audit_document(doc, store.snapshot(as_of))
    content = {"md": to_markdown, "html": to_html, "json": to_json}[fmt](report)
    if output:
        _write_atomically(Path(output), content)
        counts = ", ".join(f"{k} {v}" for k, v in report.counts().items() if v)
        click.echo(f"{len(report.verdicts)} claims ({counts}); {len(report.opinions)} opinions -> {output}", err=True)
    else:
        click.echo(content, nl=not content.endswith("\n"))


def register(cli: click.Group) -> None:
    cli.add_command(audit)
