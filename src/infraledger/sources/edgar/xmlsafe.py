"""Parse filer-written XML safely: no entity expansion, no DTD, no network, bounded depth.

Form D and other EDGAR XML is written by the filer, so it is untrusted input. Besides
lxml's own guards (``resolve_entities=False``, ``no_network=True``, ``huge_tree=False``,
``load_dtd=False``) any document type declaration is refused outright before parsing: no
EDGAR form schema uses one, and refusing it closes entity-expansion ("billion laughs") and
external-entity attacks without depending on parser details (the same policy as defusedxml's
``forbid_dtd``). Problems become one-line :class:`~infraledger.errors.ParseError` messages.
"""

from __future__ import annotations

import re
import threading

from lxml import etree

from ...errors import ParseError

__all__ = ["looks_like_html", "parse_xml"]

_local = threading.local()
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_HTML_START = re.compile(rb"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE | re.DOTALL)


def _parser() -> etree.XMLParser:
    # lxml parsers keep per-parse state and must not be shared between threads; one per
    # thread is reused, which saves building a parser for every small document.
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
            dtd_validation=False, remove_blank_text=True, remove_comments=True, remove_pis=True,
            collect_ids=False,
        )
        _local.parser = parser
    return parser


def looks_like_html(data: bytes) -> bool:
    """True when the bytes start like an HTML page (an error page served where XML was expected)."""
    return _HTML_START.match(data[:2048]) is not None


def parse_xml(data: bytes, *, source: str = "") -> etree._Element:
    """Parse ``data`` as XML and return the root element.

    Raises ParseError for: empty input, an HTML page, a DTD or entity declaration, bytes that
    do not match the declared encoding, and truncated or malformed XML.
    """
    # EDGAR serves primary_doc.xml with a leading newline; XML forbids anything before the
    # declaration, so it is skipped rather than rejected.
    data = data.lstrip(b" \t\r\n")
    if not data:
        raise ParseError("empty document, expected XML", source=source)
    # A document that starts with an XML declaration cannot match the HTML pattern, so the
    # regex is skipped for it (nearly every EDGAR XML document).
    if data[:5] != b"<?xml" and looks_like_html(data):
        raise ParseError("an HTML page, not XML", source=source)
    # Every declaration starts with "<!". A search for the single byte "!" (memchr) takes about
    # 1 us on a 10 kB Form D, where one for the pair "<!" takes 20 us, as "<" is everywhere in
    # XML; "!" rarely appears at all, so the regex almost never runs.
    if b"!" in data and _DTD.search(data):
        raise ParseError("XML with a DTD or entity declaration is refused (entities are never expanded "
                         "or fetched)", source=source)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise ParseError(_describe(exc, data), source=source) from None
    except ValueError as exc:  # e.g. an encoding name lxml does not know
        raise ParseError(f"cannot read XML: {exc}", source=source) from None
    if root is None:
        raise ParseError("no XML element found", source=source)
    return root


def _describe(exc: etree.XMLSyntaxError, data: bytes) -> str:
    message = str(exc.msg or exc).split("\n")[0]
    where = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
    lowered = message.lower()
    # An error on the last line, in a document whose end is not a closing tag, is a cut file.
    last_line = data.rstrip().count(b"\n") + 1
    if getattr(exc, "lineno", None) and exc.lineno >= last_line and not data.rstrip().endswith(b">") \
            and "encoding" not in lowered:
        return f"truncated XML: {message}{where}"
    if "encoding" in lowered or "utf-8" in lowered or "bytes:" in lowered or "char" in lowered and "range" in lowered:
        return f"wrong encoding: the bytes do not match the XML's declared encoding ({message}){where}"
    if "premature end" in lowered or "end of data" in lowered or "not properly terminated" in lowered \
            or "extra content" not in lowered and "eof" in lowered:
        return f"truncated XML: {message}{where}"
    return f"malformed XML: {message}{where}"
