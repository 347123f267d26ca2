"""The ``infraledger`` command: a group that registers one module per command group."""

from __future__ import annotations

import click

from .. import __version__
from .common import AppContext, settings_from


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="INFRALEDGER_DB", metavar="PATH|URL",
              help="Ledger: a DuckDB file (default: infraledger.duckdb, or INFRALEDGER_DB) or a postgresql:// URL.")
@click.option("--config", "config", metavar="FILE", help="TOML settings file (default: INFRALEDGER_CONFIG).")
@click.option("--wait", type=click.FloatRange(min=0), metavar="SECONDS",
              help="How long to wait for a ledger another process is using (default: 10, or INFRALEDGER_WAIT).")
@click.version_option(__version__, prog_name="infraledger")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config: str | None, wait: float | None) -> None:
    """A sourced, time-aware ledger of the AI-infrastructure capital cycle."""
    ctx.obj = AppContext(settings_from(db, config, wait=wait))


def _register() -> None:
    # One line per command module; each module defines the commands it adds.
    from . import ledger_commands
    ledger_commands.register(cli)
    from . import ingest
    ingest.register(cli)
    from . import audit
    audit.register(cli)
    from . import edgar
    edgar.register(cli)
    from . import resolve
    resolve.register(cli)
    from . import report
    report.register(cli)
    from . import prices
    prices.register(cli)
    from . import extract
    extract.register(cli)
    from . import serve
    serve.register(cli)
    from . import review
    review.register(cli)
    from . import watch
    watch.register(cli)


_register()


def main() -> None:
    cli(prog_name="infraledger")
