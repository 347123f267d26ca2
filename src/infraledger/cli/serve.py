"""``infraledger serve`` (the web dashboard and JSON API) and ``infraledger token`` (access for writes)."""

from __future__ import annotations

import click

from .common import AppContext, domain_errors, pass_app, print_table


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but 127.0.0.1 lets other machines in.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--writes/--read-only", default=False, show_default=True,
              help="Allow reviews and audits by holders of a token (infraledger token create).")
@click.option("--max-upload", default=2_000_000, show_default=True, type=click.IntRange(1_000, 100_000_000),
              metavar="BYTES", help="Largest request body accepted.")
@pass_app
@domain_errors
def serve(app: AppContext, host: str, port: int, writes: bool, max_upload: int) -> None:
    """Serve the ledger as a web dashboard with a JSON API under /api/v1/.

    The server reads a copy of the ledger kept in memory and copies again when the ledger changes,
    so other commands can write to a DuckDB ledger while it runs.
    """
    import uvicorn

    from ..web import ServerOptions, create_app

    # Open once for writing so an older ledger file is brought up to the current schema.
    with app.open() as store:
        facts = store.snapshot().count()
    options = ServerOptions(address=app.settings.db, writes=writes, max_upload_bytes=max_upload, wait=app.settings.wait,
                            warm=True)
    web = create_app(options)
    web.state.server.copy()  # the first copy now, not on the first visitor's request
    shown = "localhost" if host == "127.0.0.1" else host
    click.echo(f"serving {app.settings.db} ({facts:,} facts, {'writes with a token' if writes else 'read-only'}) "
               f"at http://{shown}:{port}/  (Ctrl+C stops)")
    uvicorn.run(web, host=host, port=port, log_level="warning", server_header=False)


@click.group("token")
def token() -> None:
    """Access tokens for the web server's writes (reviews, audits)."""


@token.command("create")
@click.argument("name")
@click.option("--role", type=click.Choice(["reader", "reviewer", "admin"]), default="reviewer", show_default=True)
@pass_app
@domain_errors
def token_create(app: AppContext, name: str, role: str) -> None:
    """Make a token for NAME and print it (once: the ledger keeps only its hash)."""
    from ..ledger.tokens import create_token

    with app.open() as store:
        secret = create_token(store, name, role)
    click.echo(secret)


@token.command("list")
@pass_app
@domain_errors
def token_list(app: AppContext) -> None:
    """The active tokens' holders and roles."""
    from ..ledger.tokens import list_tokens

    with app.open(read_only=True) as store:
        rows = [(t.name, t.role, str(t.created)) for t in list_tokens(store)]
    print_table("Tokens", ["name", "role", "created"], rows)


@token.command("revoke")
@click.argument("name")
@pass_app
@domain_errors
def token_revoke(app: AppContext, name: str) -> None:
    """Revoke NAME's token: it no longer signs in."""
    from ..ledger.tokens import revoke_token

    with app.open() as store:
        if not revoke_token(store, name):
            raise click.ClickException(f"no active token named '{name}'")
    click.echo(f"revoked {name}")


def register(cli: click.Group) -> None:
    cli.add_command(serve)
    cli.add_command(token)
