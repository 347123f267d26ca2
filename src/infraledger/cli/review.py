"""``infraledger review``: the review queue in a terminal (next / accept / correct / reject)."""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING

import click

from ..errors import InfraledgerError
from .common import AppContext, domain_errors, pass_app

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Fact

#: Characters of the source's text shown on each side of the evidence.
CONTEXT = 240


def _show(f: Fact, text: str | None, title: str) -> None:
    parties = ", ".join(f"{p.name} ({p.role.value})" for p in f.counterparties) or "-"
    click.echo("")
    click.echo(f"{f.type.value}: {f.subject}   [confidence {f.confidence:.2f}]  {f.id}")
    click.echo(f"  counterparties: {parties}")
    click.echo(f"  amount: {f.amount or '-'}   date: {f.time.label() if f.time else '-'}   "
               f"status: {f.status.value if f.status else '-'}")
    click.echo(f"  source: {title}")
    if text and f.span:
        a, b = f.span
        before, quote, after = text[max(a - CONTEXT, 0):a], text[a:b], text[b:b + CONTEXT]
        click.echo("  ..." + " ".join(before.split()) + " >>>" + " ".join(quote.split()) + "<<< "
                   + " ".join(after.split()) + "...")
    elif f.evidence:
        click.echo(f"  evidence: {' '.join(f.evidence.split())}")


def _correction(f: Fact) -> dict:
    """The fields as the person at the terminal wants them (Enter keeps each)."""
    parties = "; ".join(f"{p.role.value}: {p.name}" for p in f.counterparties)
    fields = {
        "type": click.prompt("type", default=f.type.value),
        "subject": click.prompt("subject", default=f.subject),
        "counterparties": click.prompt("counterparties (role: name; ...)", default=parties, show_default=True),
        "amount": click.prompt("amount ('-' for none)", default=f.amount.text or str(f.amount) if f.amount else "-"),
        "date": click.prompt("date ('-' for none)", default=f.time.label() if f.time else "-"),
        "status": click.prompt("status ('-' for none)", default=f.status.value if f.status else "-"),
    }
    fields["counterparties"] = "\n".join(x.strip() for x in fields["counterparties"].split(";") if x.strip())
    return {k: ("" if v == "-" else v) for k, v in fields.items()}


@click.command("review")
@click.option("--reviewer", default=lambda: getpass.getuser(), show_default="your login name",
              help="Name the reviews are recorded under.")
@click.option("--source", "source_id", metavar="SOURCE_ID", help="Only the facts read from this source.")
@click.option("--order", type=click.Choice(["confidence", "document"]), default="confidence", show_default=True,
              help="Least confident first, or document by document.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000),
              help="Facts to go through in this sitting.")
@pass_app
@domain_errors
def review(app: AppContext, reviewer: str, source_id: str | None, order: str, limit: int) -> None:
    """Go through machine-read facts nobody has reviewed: accept, correct or reject each.

    Every answer is appended to the ledger with your name and the time; a correction is a new
    version of the fact, a rejection retracts it, and the ledger as of an earlier day is unchanged.
    """
    from ..model.edits import edited_fact

    with app.open(read_only=True) as store:
        snap = store.snapshot()
        queue = snap.review_queue(source_id=source_id, order=order, limit=limit).items
        titles = {s.id: s.title or s.id for s in snap.sources({f.source_id for f in queue})}
        texts = {sid: snap.document_text(sid) for sid in titles}
        published = {s.id: s.published for s in snap.sources(titles)}
    if not queue:
        click.echo("nothing to review")
        return
    done = 0
    for n, f in enumerate(queue, 1):
        click.echo(f"\n[{n}/{len(queue)}]")
        _show(f, texts.get(f.source_id), titles.get(f.source_id, f.source_id))
        while True:
            choice = click.prompt("[a]ccept [c]orrect [r]eject [s]kip [q]uit",
                                  type=click.Choice(list("acrsq")), show_choices=False)
            if choice == "q":
                click.echo(f"{done} reviewed")
                return
            if choice == "s":
                break
            try:
                correction = None
                if choice == "c":
                    correction = edited_fact(_correction(f), base=f, anchor=published.get(f.source_id))
                action = {"a": "accept", "c": "correct", "r": "reject"}[choice]
                with app.open() as store:
                    store.review(f.id, action, reviewer, correction=correction)
            except InfraledgerError as exc:
                click.echo(f"not recorded: {exc}", err=True)
                continue
            done += 1
            click.echo(f"{action}ed" if action != "reject" else "rejected")
            break
    click.echo(f"{done} reviewed")


def register(cli: click.Group) -> None:
    cli.add_command(review)
