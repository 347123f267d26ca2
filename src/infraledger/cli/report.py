"""``infraledger report``: write the HTML or Markdown report of the ledger as of a date."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputTooLargeError
from ..model.sources import content_hash
from ..output import is_stdout
from .common import AppContext, as_of_option, domain_errors, pass_app


@click.command("report")
@as_of_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), metavar="FILE",
              help="Where to write the report ('-': standard output; default: report.html or report.md). "
                   "Never the ledger file.")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html", show_default=True)
@click.option("--source-text", "texts", multiple=True, type=click.Path(exists=True, dir_okay=False), metavar="FILE",
              help="Text of a source document, matched by content hash, so evidence spans are quoted (repeatable).")
@click.option("--timeline", "timelines", multiple=True, metavar="COMPANY",
              help="Append the timeline of a company (name, ticker or id) or of 'layer:<layer>' (repeatable).")
@pass_app
@domain_errors
def report(app: AppContext, as_of: str | None, output: str | None, fmt: str, texts: tuple[str, ...],
           timelines: tuple[str, ...]) -> None:
    """Write the report (capex, IPOs, M&A, funding, stack map) and print its path."""
    from ..ledger import as_record_time
    from ..render import build_report

    path = output or f"report.{fmt}"
    with app.open(read_only=True) as store:
        snap = store.snapshot(as_record_time(as_of) if as_of else None)
        by_hash = {s.content_hash: s.id for s in snap.sources() if s.content_hash}
        source_texts = snap.document_texts()  # texts stored with their sources, then the files given
        for name in texts:
            data = Path(name).read_bytes()
            if len(data) > app.settings.max_input_bytes:
                raise InputTooLargeError.of(len(data), app.settings.max_input_bytes, source=name)
            sid = by_hash.get(content_hash(data))
            if sid is None:
                raise click.ClickException(f"{name}: no source in the ledger has this content")
            source_texts[sid] = data.decode("utf-8", errors="replace")
        text = build_report(snap, as_of=as_of, fmt=fmt, source_texts=source_texts, timelines=timelines)
    with app.output(path) as fh:
        fh.write(text)
    if not is_stdout(path):
        click.echo(path)


def register(cli: click.Group) -> None:
    cli.add_command(report)
