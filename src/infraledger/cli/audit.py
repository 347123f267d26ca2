"""``infraledger audit FILE``: check every claim of an article against the ledger."""

from __future__ import annotations

from dataclasses import replace

import click

from ..output import is_stdout
from .common import AppContext, domain_errors, pass_app


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--as-of", "as_of", metavar="DATE",
              help="Use the ledger as it stood at this record date (YYYY-MM-DD or timestamp); default: everything.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True,
              help="Markdown table, standalone HTML page, or JSON.")
@click.option("-o", "--output", metavar="OUT", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the report to this file instead of standard output. Never the ledger file.")
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
    if output and not is_stdout(output):
        with app.output(output) as fh:
            fh.write(content)
        counts = ", ".join(f"{k} {v}" for k, v in report.counts().items() if v)
        click.echo(f"{len(report.verdicts)} claims ({counts}); {len(report.opinions)} opinions -> {output}", err=True)
    else:
        click.echo(content, nl=not content.endswith("\n"))


def register(cli: click.Group) -> None:
    cli.add_command(audit)
