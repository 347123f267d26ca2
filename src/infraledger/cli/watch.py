"""``infraledger watch`` and ``infraledger feeds``: watchlists, the feeds polled for them, and alerts."""

from __future__ import annotations

import click

from .common import AppContext, domain_errors, pass_app, print_json

_CRITERIA = [
    click.option("--company", "companies", multiple=True, help="A company by name, ticker or CIK (repeatable)."),
    click.option("--layer", "layers", multiple=True, help="A layer of the stack, e.g. compute (repeatable)."),
    click.option("--type", "types", multiple=True, help="An event type, e.g. funding_round (repeatable)."),
    click.option("--form", "forms", multiple=True, help="An SEC form type, e.g. D or 8-K (repeatable)."),
    click.option("--keyword", "keywords", multiple=True, help="A word in the fact's evidence or subject (repeatable)."),
    click.option("--min-amount", help='Smallest amount, e.g. "$10M".'),
]


def _criteria(func):
    for option in reversed(_CRITERIA):
        func = option(func)
    return func


@click.group("watch")
def watch_group() -> None:
    """Watchlists and alerts: be told when a watched company files, raises, lists or is bought."""


@watch_group.command("add")
@click.argument("name")
@_criteria
@pass_app
@domain_errors
def add(app: AppContext, name: str, companies, layers, types, forms, keywords, min_amount) -> None:
    """Add criteria to the watchlist NAME (made if new). Kinds combine with AND, values of a kind with OR."""
    from ..watch import lists

    with app.open() as ledger:
        w = lists.add(ledger, name, companies=companies, layers=layers, types=types, forms=forms, keywords=keywords,
                      min_amount=min_amount)
    click.echo(f"watchlist {w.name}: " + _describe(w))


def _describe(w) -> str:
    parts = [f"{k} {', '.join(sorted(v))}" for k, v in sorted(w.criteria.items()) if v]
    return "; ".join(parts) or "no criteria yet"


@watch_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
@domain_errors
def list_(app: AppContext, as_json: bool) -> None:
    """Show every watchlist and its criteria."""
    from ..watch import lists

    with app.open(read_only=True) as ledger:
        found = lists.load(ledger)
    if as_json:
        print_json([{"name": w.name, "criteria": {k: sorted(v) for k, v in w.criteria.items() if v}}
                    for w in found.values()])
        return
    if not found:
        click.echo("no watchlists (add one with: infraledger watch add NAME --company X)")
    for w in found.values():
        click.echo(f"{w.name}: {_describe(w)}")


@watch_group.command("remove")
@click.argument("name")
@_criteria
@pass_app
@domain_errors
def remove(app: AppContext, name: str, companies, layers, types, forms, keywords, min_amount) -> None:
    """Remove criteria from the watchlist NAME, or the whole list when no criteria are given."""
    from ..watch import lists

    with app.open() as ledger:
        w = lists.remove(ledger, name, companies=companies, layers=layers, types=types, forms=forms,
                         keywords=keywords, min_amount=min_amount)
    click.echo(f"watchlist {name} removed" if w is None else f"watchlist {name}: {_describe(w)}")


@watch_group.command("ack")
@click.argument("alert_ids", nargs=-1, required=True)
@pass_app
@domain_errors
def ack(app: AppContext, alert_ids) -> None:
    """Acknowledge alerts: they are never delivered again."""
    from ..watch.deliver import acknowledge

    with app.open() as ledger:
        for aid in alert_ids:
            acknowledge(ledger, aid)
    click.echo(f"{len(alert_ids)} alerts acknowledged")


@watch_group.command("run")
@click.option("--once", is_flag=True, help="Poll once and stop.")
@click.option("--interval", type=click.FloatRange(min=1), default=300, show_default=True,
              help="Seconds between polls (plus up to a tenth at random).")
@click.option("--jsonl", type=click.Path(dir_okay=False), help="Also append alerts to this JSON-lines file.")
@click.option("--webhook", help="Also POST alerts to this URL (signed with --webhook-secret).")
@click.option("--webhook-secret", help="Secret of the HMAC-SHA256 signature of webhook bodies.")
@click.option("--email", "emails", multiple=True, help="Also e-mail alerts to this address (needs smtp_host).")
@click.option("--quiet", is_flag=True, help="Do not print alerts on the terminal.")
@pass_app
@domain_errors
def run(app: AppContext, once: bool, interval: float, jsonl, webhook, webhook_secret, emails, quiet: bool) -> None:
    """Poll the feeds, ingest new filings and pages, record the alerts they give and deliver them.

    Needs the edgar_user_agent setting. Stops cleanly on Ctrl-C or SIGTERM (the poll under way is
    finished). A feed that fails is reported in one line and the others are read.
    """
    from ..sources.edgar.client import EdgarClient
    from ..watch import deliver
    from ..watch.runner import Watcher

    channels: list = [] if quiet else [deliver.Terminal()]
    if jsonl:
        channels.append(deliver.JsonLines(jsonl))
    if webhook:
        channels.append(deliver.Webhook(webhook, webhook_secret or ""))
    if emails:
        channels.append(deliver.Email(deliver.SmtpConfig.from_settings(app.settings), emails))
    watcher = Watcher(lambda: app.open(), EdgarClient.from_settings(app.settings), channels,
                      max_bytes=app.settings.max_input_bytes)

    def show(report) -> None:
        for line in report.problems:
            click.echo(line, err=True)
        click.echo(report.summary(), err=True)

    if once:
        show(watcher.run_once())
        return
    watcher.loop(interval, on_report=show)


@click.group("feeds")
def feeds_group() -> None:
    """The feeds ``watch run`` polls: EDGAR's latest filings, company feeds, news RSS/Atom."""


@feeds_group.command("add")
@click.argument("url")
@click.option("--kind", type=click.Choice(["edgar-latest", "edgar-company", "rss"]),
              help="What the feed is (default: guessed from the URL).")
@pass_app
@domain_errors
def feeds_add(app: AppContext, url: str, kind) -> None:
    """Poll URL on every ``watch run``."""
    from ..watch.feeds import add_feed

    with app.open() as ledger:
        kind = add_feed(ledger, url, kind or "")
    click.echo(f"feed {url} ({kind}) added")


@feeds_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
@domain_errors
def feeds_list(app: AppContext, as_json: bool) -> None:
    """Show the feeds polled."""
    from ..watch.feeds import load_feeds

    with app.open(read_only=True) as ledger:
        found = load_feeds(ledger)
    if as_json:
        print_json([{"url": u, "kind": k} for u, k in found.items()])
        return
    if not found:
        click.echo("no feeds (add one with: infraledger feeds add URL)")
    for url, kind in found.items():
        click.echo(f"{kind}\t{url}")


@feeds_group.command("remove")
@click.argument("url")
@pass_app
@domain_errors
def feeds_remove(app: AppContext, url: str) -> None:
    """Stop polling URL."""
    from ..watch.feeds import remove_feed

    with app.open() as ledger:
        remove_feed(ledger, url)
    click.echo(f"feed {url} removed")


def register(cli: click.Group) -> None:
    """Add the ``watch`` and ``feeds`` groups."""
    cli.add_command(watch_group)
    cli.add_command(feeds_group)
