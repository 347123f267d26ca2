"""One hierarchy of errors for the whole package.

Every error the library raises on purpose derives from :class:`InfraledgerError`, so the CLI can
turn any of them into one clear line and a non-zero exit. Branches also inherit the built-in
exception they mean (``NotFoundError`` is a ``LookupError``), and each error says whether trying
again may help (``retryable``): an EDGAR 429 may, a malformed filing will not.
"""

from __future__ import annotations


class InfraledgerError(Exception):
    """Base of every error raised by infraledger on purpose."""

    retryable: bool = False


class ConfigError(InfraledgerError, ValueError):
    """A setting is missing or has a value that cannot be used."""


class InputError(InfraledgerError, ValueError):
    """An input file or value cannot be read as what it claims to be.

    ``source`` names the file (or other origin) so messages can say where the problem is.
    """

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class OutputError(InputError):
    """An output path (``-o``) that must not or cannot be written: the ledger itself, a missing folder."""


class ParseError(InputError):
    """The input is of a known kind but malformed (truncated XML, bad CSV row, ...)."""


class UnsupportedInputError(InputError):
    """The input is well formed but of a kind or form type that is not read."""


class InputTooLargeError(InputError):
    """The input exceeds the configured size bound.

    Build it with :meth:`of` so every reader words the refusal the same way.
    """

    @classmethod
    def of(cls, size: int | None, limit: int, *, source: str | None = None) -> "InputTooLargeError":
        """The error for an input of ``size`` bytes (None: unknown, read past the limit) over ``limit``."""
        stated = f"{size:,} bytes is more than" if size is not None else "more than"
        return cls(f"{stated} the limit of {limit:,} bytes (setting max_input_bytes)", source=source)


class NotFoundError(InfraledgerError, LookupError):
    """A company, fact, source or file that was asked for does not exist."""


class LedgerError(InfraledgerError):
    """The ledger store failed or refused an operation."""


class LedgerLockedError(LedgerError):
    """Another process holds the ledger file open for writing."""

    retryable = True


class SchemaVersionError(LedgerError):
    """The ledger file was written by a newer version of infraledger."""


class RemoteError(InfraledgerError):
    """A network service answered with an error or not at all."""

    def __init__(self, message: str, *, status: int | None = None, retryable: bool = False) -> None:
        self.status = status
        self.retryable = retryable
        super().__init__(message)
