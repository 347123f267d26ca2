"""Commands over the ledger itself: init, load, entities, events, show, conflicts, export, quickstart."""

from __future__ import annotations

import click

from .common import AppContext, domain_errors, pass_app


@click.command()
@pass_app
@domain_errors
def init(app: AppContext) -> None:
    """Create an empty ledger (or migrate an existing one)."""
    with app.open() as store:
        click.echo(f"ledger ready: {store.path} (schema version {store.schema_version})")


def register(cli: click.Group) -> None:
    cli.add_command(init)
