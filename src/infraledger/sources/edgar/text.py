"""Plain text of a filing document (HTML, inline XBRL or the old plain-text format).

Readers search this text for items, dates and figures, and facts point into it by character
offset, so the conversion is deterministic: the same bytes always give the same text. Block
elements (paragraphs, divs, table rows) become line breaks and table cells are separated by
a tab, so a heading such as "Item 2.01" stays on its own line. Hidden inline-XBRL header
data (``display:none``) is dropped. HTML is parsed by lxml with network access and entity
loading off; the walk over the tree is ours because lxml's ``text_content()`` loses all layout.
"""

from __future__ import annotations

import re

from lxml import etree, html

from .sgml import decode_text

__all__ = ["document_text", "is_html"]

_HTML_HINT = re.compile(rb"<(html|body|div|p|font|br)[\s>/]", re.IGNORECASE)  # not <TABLE>: old text filings use it
_BLOCK = frozenset({
    "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "title", "center",
    "pre", "blockquote", "hr", "dd", "dt", "dl", "section", "article", "header", "footer", "caption", "thead",
    "tbody", "tfoot", "page",
})
_CELL = frozenset({"td", "th"})
_SKIP = frozenset({"script", "style", "head", "noscript", "xml"})
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_SPACES = re.compile(r"[ \r\f\v\u00a0\u2002\u2003\u2009\u200b]+")
_CELLS = re.compile(r" ?\t[\t ]*")
_CURRENCY_CELL = re.compile(r"([$€£])\t")
_BLANK_LINES = re.compile(r"\n\s*\n(\s*\n)+")
_PAGE_TAG = re.compile(r"^\s*</?PAGE>.*$", re.MULTILINE | re.IGNORECASE)
_BREAK = "\x00"  # stands for a block break while source newlines are turned into spaces
_XML_DECL = re.compile(r"^\s*(<XBRL>|<XML>)?\s*<\?xml[^>]*\?>", re.IGNORECASE)


def _parser() -> html.HTMLParser:
    return html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, default_doctype=False)


def is_html(data: bytes) -> bool:
    """True when the first few kilobytes contain HTML markup."""
    return _HTML_HINT.search(data[:8192]) is not None


def document_text(data: bytes | str) -> str:
    """The readable text of one filing document: HTML rendered to lines, plain text tidied."""
    text = data if isinstance(data, str) else decode_text(data)
    if not is_html(text[:8192].encode("utf-8", "ignore")):
        return _tidy(_PAGE_TAG.sub("", text))
    text = _XML_DECL.sub("", text, count=1)
    try:
        root = html.fromstring(text, parser=_parser())
    except (etree.ParserError, ValueError):
        return _tidy(text)
    # Line breaks in HTML source are plain white space; only block elements break lines.
    return _tidy("".join(_walk(root)).replace("\r", " ").replace("\n", " ").replace(_BREAK, "\n"))


def _walk(root):
    # Inside a table cell, block elements give a space instead of a line break, so that a row
    # ("Initial public offering price  $ 11.00  $ 75,020,000") stays on one line.
    walker = etree.iterwalk(root, events=("start", "end"))
    in_cell = 0
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):  # comments and processing instructions
            if event == "end" and el.tail:
                yield el.tail
            continue
        name = tag.rpartition("}")[2].rpartition(":")[2].lower()
        if event == "start":
            if name in _SKIP or name == "header" and ":" in tag or _HIDDEN.search(el.get("style", "")):
                walker.skip_subtree()
                if el.tail:
                    yield el.tail
                continue
            if name in _CELL:
                in_cell += 1
                yield "\t"
            elif name in _BLOCK:
                yield " " if in_cell and name != "tr" else _BREAK
            if el.text:
                yield el.text
        else:
            if name in _CELL:
                in_cell -= 1
                yield "\t"
            elif name in _BLOCK:
                yield " " if in_cell and name != "tr" else _BREAK
            if el.tail:
                yield el.tail


def _tidy(text: str) -> str:
    # Table cells are separated by one tab; a currency sign in its own cell joins its amount.
    text = _SPACES.sub(" ", text.replace("\r\n", "\n"))
    text = _CURRENCY_CELL.sub(r"\1", _CELLS.sub("\t", text))
    text = "\n".join(line.strip(" \t") for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip() + "\n"
