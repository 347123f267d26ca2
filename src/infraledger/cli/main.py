"""The ``infraledger`` command: a group whose commands are defined one module per command group.

A command's module is imported when that command is run (``--help`` imports them all to list
them), so a run of one command does not pay for the imports of every other.
"""

from __future__ import annotations

from importlib import import_module

import click

from .. import __version__
from .common import AppContext, settings_from

#: Each command and the module (of this package) whose ``register`` adds it.
COMMAND_MODULES = {
    **dict.fromkeys(("init", "load", "entities", "events", "show", "conflicts", "export", "quickstart", "copy"),
                    "ledger_commands"),
    "ingest": "ingest", "audit": "audit", "edgar": "edgar", "resolve": "resolve", "report": "report",
    "prices": "prices", "extract": "extract", "serve": "serve", "token": "serve", "review": "review",
    "watch": "watch", "feeds": "watch",
}


class _Commands(click.Group):
    """A group that imports a command's module the first time the command is asked for."""

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(name)
        if module is not None and name not in self.commands:
            import_module(f".{module}", __package__).register(self)
        return super().get_command(ctx, name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMAND_MODULES})


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
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


def main() -> None:
    cli(prog_name="infraledger")
