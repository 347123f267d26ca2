"""What every command shares: settings, opening the ledger, output formats, error handling."""

from __future__ import annotations

import functools
import json
import sys
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Callable, Iterable, Sequence

import click
from rich.console import Console
from rich.table import Table

from ..config import Settings, load_settings
from ..errors import InfraledgerError
from ..ledger import LedgerStore, Page, open_ledger


@dataclass
class AppContext:
    settings: Settings

    def open(self, *, read_only: bool = False) -> LedgerStore:
        """The ledger, waiting up to the ``wait`` setting for another process to release it; close it soon."""
        return open_ledger(self.settings.db, read_only=read_only, wait=self.settings.wait)


pass_app = click.make_pass_decorator(AppContext)


def console() -> Console:
    """Rich console for stdout: colour only when stdout is a terminal."""
    return Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 200,
                   no_color=not sys.stdout.isatty(), force_terminal=sys.stdout.isatty())


def domain_errors(func: Callable) -> Callable:
    """Turn library errors into one-line click errors (non-zero exit, no traceback)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except InfraledgerError as exc:
            raise click.ClickException(str(exc)) from None
        except FileNotFoundError as exc:
            raise click.ClickException(f"file not found: {exc.filename}") from None
        except (IsADirectoryError, PermissionError, UnicodeDecodeError) as exc:
            raise click.ClickException(str(exc).splitlines()[0]) from None

    return wrapper


def json_option(func: Callable) -> Callable:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(func)


def as_of_option(func: Callable) -> Callable:
    return click.option("--as-of", "as_of", metavar="DATE",
                        help="Read the ledger as it stood at this record date (YYYY-MM-DD or timestamp).")(func)


#: Rows a listing shows unless told otherwise (``--limit 0`` shows all).
DEFAULT_LIMIT = 50


def page_options(func: Callable) -> Callable:
    """``--limit`` and ``--offset`` for a listing; the command gets ``limit`` (None for all) and ``offset``."""
    func = click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
                        help="Skip this many rows first.")(func)
    return click.option("--limit", type=click.IntRange(min=0), default=DEFAULT_LIMIT, show_default=True,
                        callback=lambda _ctx, _param, value: value or None,
                        help="Show at most this many rows (0: all).")(func)


def page_title(noun: str, page: Page) -> str:
    """``"60 events"``, or ``"60 events, 1-50 shown (--offset 50 for more)"`` for part of a listing."""
    shown = len(page.items)
    if page.offset == 0 and page.rest == 0:
        return f"{page.total} {noun}"
    span = f"{page.offset + 1}-{page.offset + shown} shown" if shown else "none shown"
    return f"{page.total} {noun}, {span}" + (f" (--offset {page.offset + shown} for more)" if page.rest else "")


def note_rest(noun: str, page: Page) -> None:
    """With JSON output, say on stderr when rows were left out of the page."""
    if page.rest or page.offset:
        click.echo(page_title(noun, page), err=True)


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "to_json"):
        return value.to_json()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, default=_default, ensure_ascii=False))


def print_table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    table = Table(title=title, show_lines=False, header_style="bold")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console().print(table)


def settings_from(db: str | None, config: str | None, *, wait: float | None = None) -> Settings:
    """Settings for this run: file and environment, with ``--db`` and ``--wait`` taking precedence."""
    try:
        return load_settings(config_file=config).replace(db=db, wait=wait)
    except InfraledgerError as exc:
        raise click.ClickException(str(exc)) from None
