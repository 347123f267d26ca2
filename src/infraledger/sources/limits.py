"""The largest input a reader takes by default, in a module light enough for anything to import."""

#: Bytes; the ``max_input_bytes`` setting has the same default.
DEFAULT_MAX_BYTES = 50_000_000

__all__ = ["DEFAULT_MAX_BYTES"]
