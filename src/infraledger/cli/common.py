"""What every command shares: settings, opening the ledger, output formats, error handling."""

from __future__ import annotations

import functools
import json
import os
import sys
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any, Callable, ContextManager, Iterable, Sequence

import click

from ..config import Settings, load_settings
from ..errors import InfraledgerError
from ..output import open_output

# Everything heavy (the ledger and its backends, rich's consoles and tables) is imported by the
# function that uses it, so that a command (or --help) imports only what it needs.
if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console

    from ..ledger import LedgerStore, Page


@dataclass
class AppContext:
    settings: Settings

    def open(self, *, read_only: bool = False) -> LedgerStore:
        """The ledger, waiting up to the ``wait`` setting for another process to release it; close it soon."""
        from ..ledger import open_ledger

        return open_ledger(self.settings.db, read_only=read_only, wait=self.settings.wait)

    def output(self, target: str, *, binary: bool = False) -> ContextManager[IO]:
        """Open ``-o TARGET`` for writing; the ledger file (and its WAL) is never a valid target."""
        return open_output(target, binary=binary, protected=ledger_files(self.settings.db))


def ledger_files(db: str) -> list[str]:
    """The file of a file-backed ledger (nothing for ``:memory:`` or a database URL)."""
    return [] if db == ":memory:" or "://" in db else [os.path.expanduser(db)]


pass_app = click.make_pass_decorator(AppContext)


def console() -> Console:
    """Rich console for stdout: colour only when stdout is a terminal; never reads markup or highlights.

    Text from sources and users (titles, names, paths) may hold square brackets: it is printed as is.
    """
    from rich.console import Console

    return Console(highlight=False, markup=False, emoji=False, soft_wrap=False,
                   width=None if sys.stdout.isatty() else 200,
                   no_color=not sys.stdout.isatty(), force_terminal=sys.stdout.isatty())


def progress(description: str, total: int | None) -> "_Bar":
    """A progress bar on standard error, drawn only when it is a terminal (quiet when piped).

    Use as ``with progress("reading", len(paths)) as advance: ... advance()``.
    """
    return _Bar(description, total)


class _Bar:
    def __init__(self, description: str, total: int | None) -> None:
        self._progress = None
        if not sys.stderr.isatty():  # nothing is drawn: rich is not even imported
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
                                  TimeRemainingColumn(), console=Console(stderr=True, markup=False, highlight=False),
                                  transient=True)
        self._task = self._progress.add_task(description, total=total)

    def __enter__(self) -> "_Bar":
        if self._progress is not None:
            self._progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)

    def __call__(self, step: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, step)

    def total(self, total: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, total=total)


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


def report_failures(messages: Sequence[str], summary: str, *, strict: bool) -> None:
    """Print one line per file that was not read or added, then exit non-zero with ``summary``; no-op if none."""
    if not messages:
        return
    for message in messages:
        click.echo(f"Error: {message}", err=True)
    raise click.ClickException(summary + ("; nothing was added (--strict)" if strict else ""))


def strict_option(func: Callable) -> Callable:
    return click.option("--strict", is_flag=True,
                        help="All or nothing: add nothing when any file cannot be read.")(func)


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


def json_bytes(data: Any, *, indent: bool = True) -> bytes:
    """``data`` as JSON in UTF-8, indented by two spaces or (``indent=False``) on one line.

    The text is what ``json.dumps(data, indent=2, default=_default, ensure_ascii=False)`` gives (one line:
    with ``separators=(",", ":")``), made by orjson; dates, datetimes and dataclasses still go through
    :func:`_default`. What orjson refuses and json takes (integers beyond 64 bits, keys that are not
    strings) is written by json.
    """
    import orjson

    option = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
    try:
        return orjson.dumps(data, default=_default, option=(option | orjson.OPT_INDENT_2) if indent else option)
    except orjson.JSONEncodeError:
        return _json_text(data, indent=indent).encode("utf-8")


def _json_text(data: Any, *, indent: bool) -> str:
    if indent:
        return json.dumps(data, indent=2, default=_default, ensure_ascii=False)
    return json.dumps(data, separators=(",", ":"), default=_default, ensure_ascii=False)


def print_json(data: Any) -> None:
    try:
        out = json_bytes(data)
    except UnicodeEncodeError:  # a lone surrogate: printed as before, by the text stream
        out = _json_text(data, indent=True)
    click.echo(out)


def print_table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Print a table; every title, header and cell is plain text (square brackets are not markup)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title) if title else None, show_lines=False, header_style="bold")
    for col in columns:
        table.add_column(Text(col), overflow="fold")
    for row in rows:
        table.add_row(*(Text("" if v is None else str(v)) for v in row))
    console().print(table)


def settings_from(db: str | None, config: str | None, *, wait: float | None = None) -> Settings:
    """Settings for this run: file and environment, with ``--db`` and ``--wait`` taking precedence."""
    try:
        return load_settings(config_file=config).replace(db=db, wait=wait)
    except InfraledgerError as exc:
        raise click.ClickException(str(exc)) from None
