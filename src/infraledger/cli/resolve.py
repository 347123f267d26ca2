"""``infraledger resolve``: what a name maps to and why; the recorded decisions; undo and manual merge."""

from __future__ import annotations

import click

from ..ledger.decisions import directory_from, history, merge, resolver_for, undo
from ..model.entities import EntityKind
from .common import (
    AppContext,
    domain_errors,
    json_option,
    note_rest,
    page_options,
    page_title,
    pass_app,
    print_json,
    print_table,
)


class _NameOrCommand(click.Group):
    """A group whose first argument is either a subcommand or a name to explain (``resolve NAME``)."""

    def resolve_command(self, ctx: click.Context, args: list[str]):
        if args and args[0] not in self.commands:
            return "show", self.commands["show"], args
        return super().resolve_command(ctx, args)


@click.group(cls=_NameOrCommand)
def resolve() -> None:
    """Entity resolution. 'resolve NAME' shows what NAME maps to and why.

    Set company_tickers (INFRALEDGER_COMPANY_TICKERS) to the SEC's company_tickers.json to match
    tickers, CIKs and registrant names too.
    """


@resolve.command("show")
@click.argument("name")
@click.option("--kind", type=click.Choice([k.value for k in EntityKind]), default="company", show_default=True,
              help="What kind of entity the name is of.")
@json_option
@pass_app
@domain_errors
def show(app: AppContext, name: str, kind: str, as_json: bool) -> None:
    """What NAME maps to in the ledger, why, and the other candidates (nothing is recorded)."""
    with app.open(read_only=True) as store:
        resolver = resolver_for(store, directory_from(app.settings))
        candidates = resolver.candidates(name, EntityKind(kind))  # before resolve() may add a new entity
        r = resolver.resolve(name, kind=EntityKind(kind))
        past = history(store, name)
    out = {"name": name, "entity_id": r.entity.id, "entity": r.entity.name, "new": r.created,
           "method": r.method, "score": r.score, "reason": r.reason or ("no known entity matches; would be created"
                                                                        if r.created else ""),
           "candidates": [{"entity_id": e.id, "entity": e.name, "score": round(m.score, 2), "reason": m.reason}
                          for e, m in candidates],
           "decisions": past}
    if as_json:
        print_json(out)
        return
    verdict = "a new entity" if r.created else f"{r.entity.name} ({r.entity.id})"
    click.echo(f"{name} -> {verdict}")
    click.echo(f"  method: {r.method}" + (f", score {r.score:.1f}" if r.score is not None else ""))
    if out["reason"]:
        click.echo(f"  why: {out['reason']}")
    if candidates:
        print_table("candidates", ["entity", "id", "score", "reason"],
                    [[c["entity"], c["entity_id"], f"{c['score']:.1f}", c["reason"]] for c in out["candidates"]])
    if past:
        _print_decisions(past, title="recorded decisions for this name")


def _print_decisions(rows: list[dict], title: str) -> None:
    print_table(title, ["recorded", "action", "name", "entity", "method", "score", "source"],
                [[r["recorded_at"], r["action"], r["name"], r["entity_id"], r["method"],
                  "" if r["score"] is None else f"{r['score']:.1f}", r["source_id"]] for r in rows])


@resolve.command("decisions")
@click.option("--name", help="Only decisions about this name.")
@page_options
@json_option
@pass_app
@domain_errors
def decisions(app: AppContext, name: str | None, limit: int | None, offset: int, as_json: bool) -> None:
    """Every recorded resolution decision (merges and undos), oldest first."""
    from ..ledger import Page

    with app.open(read_only=True) as store:
        if name is None:
            page = store.resolution_page(limit=limit, offset=offset)
        else:  # names match by their matching key, which is computed in Python
            found = history(store, name)
            page = Page(found[offset:None if limit is None else offset + limit], len(found), offset)
    rows = page.items
    if as_json:
        print_json(rows)
        note_rest("decisions", page)
    elif not page.total:
        click.echo("no resolution decisions recorded")
    else:
        _print_decisions(rows, title=page_title("resolution decisions", page))


@resolve.command("undo")
@click.argument("name")
@click.option("--entity", metavar="REF", help="Undo the merge into this entity (id or name) only.")
@pass_app
@domain_errors
def undo_cmd(app: AppContext, name: str, entity: str | None) -> None:
    """Undo the merge of NAME into an entity: NAME will no longer resolve to it."""
    with app.open() as store:
        row = undo(store, name, directory=directory_from(app.settings), entity=entity)
    click.echo(f"undone: '{name}' no longer maps to {row['entity_id']} (was {row['method']})")


@resolve.command("merge")
@click.argument("name")
@click.argument("entity")
@pass_app
@domain_errors
def merge_cmd(app: AppContext, name: str, entity: str) -> None:
    """Record by hand that NAME means ENTITY (an id, name, alias, ticker or CIK)."""
    with app.open() as store:
        row = merge(store, name, entity, directory=directory_from(app.settings))
    click.echo(f"merged: '{name}' now maps to {row['entity_id']}")


def register(cli: click.Group) -> None:
    cli.add_command(resolve)
