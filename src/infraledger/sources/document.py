"""Text documents: plain text or HTML read from a file, decoded, cleaned and dated.

A :class:`Document` is what the extractors read. Its ``text`` is the decoded plain text (for HTML,
the visible article text without navigation and boilerplate, one block per paragraph), and every
character offset an extractor reports refers to that text. ``published`` is the date the document
states for itself (a dateline "HOUSTON, July 2, 2025 --", "Published March 10, 2026", an HTML
meta tag); relative dates in the text ("on Monday", "last month") are resolved against it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..errors import InputError, InputTooLargeError
from ..lexicon import dateline_dash, wire_tag
from ..model.fuzzytime import FuzzyTime, Precision, find_times, parse_time
from ..model.sources import Source, SourceKind, content_hash
from .limits import DEFAULT_MAX_BYTES

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Elements whose text is never part of the article itself.
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button",
              "iframe", "svg", "template", "menu")
_BOILERPLATE_CLASS = re.compile(r"\b(nav|menu|breadcrumb|cookie|share|social|subscribe|newsletter-signup|"
                                r"related|sidebar|advert|promo|footer|header|author-bio|bio|byline-bio|"
                                r"read-more|recommended|teaser)\b", re.I)
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "section",
               "article", "main", "dd", "dt", "figcaption", "table", "ul", "ol", "br", "hr", "td", "th"}
_DATE_META = ("article:published_time", "og:published_time", "date", "pubdate", "publishdate", "dc.date",
              "dc.date.issued", "sailthru.date", "parsely-pub-date", "datepublished")


@dataclass(frozen=True, slots=True)
class Document:
    """One document as read: raw bytes, decoded text and what is known about it.

    ``kind`` is "text" or "html"; ``published`` the document's own date (None when it states none);
    ``dateline`` the dateline or date line it was read from; ``name`` the file's base name.
    """

    text: str
    name: str = ""
    kind: str = "text"
    title: str = ""
    published: FuzzyTime | None = None
    dateline: str = ""
    url: str = ""
    raw: bytes = b""
    content_hash: str = ""

    @property
    def anchor(self) -> date | None:
        """The day relative dates are resolved against: the document's day, the last of the week a weekly
        note is "for" ("Week of March 2": its "on Wednesday" is that week's), or the last of the month of a
        text dated only by its month ("January 2026 -- X said on Monday": a Monday of that January)."""
        if self.published is None:
            return None
        if self.published.precision in (Precision.RANGE, Precision.MONTH):
            return self.published.end
        return self.published.start

    @property
    def source_kind(self) -> SourceKind:
        """``press_release`` when the text reads like one (release markers, an "About X" section,
        media contacts, a dateline with "today announced"), else ``article``."""
        return SourceKind.PRESS_RELEASE if looks_like_press_release(self.text) else SourceKind.ARTICLE

    def to_source(self) -> Source:
        """The ledger :class:`Source` for this document: identified by its content hash, dated by its date."""
        return Source.new(self.source_kind, content=self.raw or self.text, url=self.url,
                          title=self.title or self.name,
                          published=self.published.start if self.published else None)


_RELEASE_MARKS = re.compile(r"FOR IMMEDIATE RELEASE|\bPRESS RELEASE\b|^About [A-Z][^\n]{0,60}$|"
                            r"^(?:Media|Press|Investor)(?: Relations)? [Cc]ontacts?\b|^Contacts?:|"
                            r"^Forward[- ][Ll]ooking [Ss]tatements", re.M)


def looks_like_press_release(text: str) -> bool:
    """Two or more press-release markers, or a dateline sentence saying "today announced"."""
    marks = len(_RELEASE_MARKS.findall(text[:200_000]))
    lead = text[:1500]
    dateline_announce = bool(re.search(r"(?:19|20)\d{2}\s*(?:--|—|–|-)\s[^\n]{0,300}\btoday announced\b", lead))
    return marks >= 2 or (marks >= 1 and dateline_announce) or dateline_announce and "\n" in lead


def read_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a plain-text or HTML file of at most ``max_bytes`` bytes into a :class:`Document`.

    Raises :class:`InputTooLargeError` for a larger file, :class:`InputError` for a file that is
    not text (binary data, undecodable bytes) or is empty (no bytes, only white space, HTML without
    any text: an empty file is never a source), and ``FileNotFoundError`` when it does not exist.
    """
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise InputTooLargeError.of(size, max_bytes, source=str(path))
    with path.open("rb") as fh:
        raw = fh.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise InputTooLargeError.of(None, max_bytes, source=str(path))
    return read_bytes(raw, name=path.name, source=str(path))


def read_bytes(raw: bytes, *, name: str, source: str) -> Document:
    """A document from the bytes of a file or an archive member named ``name`` (``source`` in messages).

    Raises InputError as :func:`read_document` does for a file that is not text or is empty.
    """
    if len(raw) < 65536 and not decode(raw, source=source).strip():
        raise InputError("empty file: no text to read", source=source)
    document = document_from_bytes(raw, name=name, source=source)
    if not document.text.strip():
        raise InputError("empty file: no text to read" if document.kind == "text" else "HTML without any text to read",
                         source=source)
    return document


def document_from_bytes(raw: bytes, *, name: str = "", url: str = "", source: str | None = None) -> Document:
    """Decode ``raw`` (any encoding), detect HTML, clean and date it. Raises :class:`InputError`."""
    text = decode(raw, source=source or name or None)
    is_html = name.lower().endswith((".html", ".htm", ".xhtml")) or _looks_like_html(text)
    if is_html:
        body, title, meta_date = html_to_text(text)
        return document_from_text(body, name=name, kind="html", title=title, url=url, raw=raw,
                                  published=meta_date)
    return document_from_text(text, name=name, url=url, raw=raw)


def document_from_text(text: str, name: str = "", *, kind: str = "text", title: str = "", url: str = "",
                       raw: bytes | None = None, published: FuzzyTime | None = None) -> Document:
    """A :class:`Document` for text already decoded; the date is read from the text unless given."""
    text = _normalise_newlines(text)
    if not title:
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]
    dateline = ""
    found = find_document_date(text)
    if found is not None:
        dateline, found_date = found
        if published is None or (published.precision is not Precision.DAY
                                 and found_date.precision is Precision.DAY):
            published = found_date
    data = raw if raw is not None else text.encode("utf-8")
    return Document(text=text, name=name, kind=kind, title=title, published=published, dateline=dateline,
                    url=url, raw=data, content_hash=content_hash(data))


def decode(raw: bytes, *, source: str | None = None) -> str:
    """Bytes to text: a BOM wins, then UTF-8, then Windows-1252 for mostly-ASCII text, then
    charset-normalizer's best guess.

    Raises :class:`InputError` when the bytes are binary data or no encoding reads them as text.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _check_text(raw.decode(encoding), source)
            except UnicodeDecodeError:
                raise InputError(f"bytes do not match their {encoding} byte-order mark", source=source) from None
    utf16 = _utf16_without_bom(raw)
    if utf16:
        try:
            return _check_text(raw.decode(utf16), source)
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw[:4096]:
        raise InputError("binary data, not a text document", source=source)
    try:
        return _check_text(raw.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    # Mostly ASCII with a few other bytes: Western text in Windows-1252 (a superset of Latin-1 for
    # text), the legacy encoding of English news. Statistical detection guesses wrong on short texts
    # of this kind ("€" and curly quotes read as DOS code-page letters), so it is tried only after.
    high = sum(1 for b in raw[:65536] if b > 0x7F)
    if high <= 0.15 * min(len(raw), 65536):
        try:
            return _check_text(raw.decode("cp1252"), source)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError("cannot decode the bytes as text in any known encoding", source=source)
    return _check_text(str(best), source)


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when ``raw`` looks like UTF-16 text without a BOM, else None.

    Text in a Latin script written as UTF-16 has a zero in (nearly) every other byte: the high
    byte of each character. Binary data has zeros in both positions.
    """
    sample = raw[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    pairs = len(sample) // 2
    even = sum(1 for i in range(0, pairs * 2, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, pairs * 2, 2) if sample[i] == 0)
    if odd >= 0.6 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.6 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _check_text(text: str, source: str | None) -> str:
    sample = text[:8192]
    if not sample:
        return text
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control / len(sample) > 0.05 or "\x00" in sample:
        raise InputError("binary data, not a text document", source=source)
    return text


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.search(r"<(body|p|div|article)\b", head))


def html_to_text(html: str) -> tuple[str, str, FuzzyTime | None]:
    """Visible article text of an HTML page, its title and its meta date.

    Scripts, styles, navigation, headers, footers, asides and elements whose class or id marks
    them as boilerplate are dropped; block elements become paragraphs separated by blank lines,
    so sentence and paragraph offsets in the result are meaningful. The parser never fetches
    anything from the network and does not expand entities beyond HTML's own.
    """
    from lxml import etree
    from lxml import html as lxml_html

    # The text is already decoded: tell the parser its UTF-8 re-encoding, or lxml guesses Latin-1
    # for pages without a charset declaration and mangles every non-ASCII character.
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=False,
                                  encoding="utf-8")
    try:
        root = lxml_html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}") from None
    title = " ".join((root.findtext(".//title") or "").split())
    meta_date = _meta_date(root)
    for el in list(root.iter(*_DROP_TAGS)):
        _drop(el)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        marker = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
        if el.tag not in ("html", "body", "article", "main") and _BOILERPLATE_CLASS.search(marker) \
                and "dateline" not in marker and "article" not in marker:
            _drop(el)
    body = root.find(".//body")
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            blocks.append(line)
        current.clear()

    def walk(el) -> None:
        if not isinstance(el.tag, str):
            if el.tail:
                current.append(el.tail)
            return
        if el.tag == "tr":
            # A table row is one line, its cells joined by " | " (the extractor reads tables so).
            flush()
            current.append(" | ".join(" ".join(c.text_content().split()) for c in el if c.tag in ("td", "th")))
            flush()
            if el.tail:
                current.append(el.tail)
            return
        block = el.tag in _BLOCK_TAGS
        if block:
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            current.append(el.tail)

    walk(body if body is not None else root)
    flush()
    return "\n\n".join(blocks), title, meta_date


def _drop(el) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _meta_date(root) -> FuzzyTime | None:
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _DATE_META and meta.get("content"):
            try:
                return parse_time(meta.get("content", "")[:10])
            except InputError:
                continue
    for t in root.iter("time"):
        value = t.get("datetime") or t.text or ""
        try:
            return parse_time(value[:40])
        except InputError:
            continue
    return None


# Words a dateline's place may hold before its date: "HOUSTON,", "SANTA CLARA, Calif.,",
# "ARMONK, N.Y. and MOUNTAIN VIEW, Calif.,", "SYDNEY and NEW YORK,".
_PLACE_WORD = re.compile(r"^(?:[A-Z][A-Z.'&-]*|[A-Z][a-z]{1,5}\.|and|[—–|*_-]+)$")
# After a capitalised city, a country or state may follow in title case ("OSLO, Norway, April 8").
_PLACE_TAIL = re.compile(r"^[A-Z][a-z]+$")
# What follows a dateline's date: a dash, perhaps after a wire service tag ("/PRNewswire/ --",
# "(Reuters) -").
_AFTER_DATELINE = re.compile(rf"\s*(?:{wire_tag()}\s*)?(?:{dateline_dash()})")
_WIRE_TAG = re.compile(rf"--{wire_tag()}--")
# After a date opening a line: a dash and a short label (a timeline's section), not a story.
_SECTION_LABEL = re.compile(r"\s*(?:--|—|–|:|\|)\s*(?:\S+\s+){0,5}\S*[^\s.!?]\s*$")
# "Week of March 18, 2026", "week beginning 2 March 2026": the date opens the week the text covers.
_WEEK_OF = re.compile(r"\bweek (?:of|beginning|starting|commencing)\s*:?\s*$", re.I)
_LEAD_IN = re.compile(r"(?:published|posted|updated|issued|dated|week of|as of|by [^—–|]{0,40}|"
                      r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?)\s*:?\s*$", re.I)


def find_document_date(text: str, max_lines: int = 15) -> tuple[str, FuzzyTime] | None:
    """The document's own date from its dateline or date line among its first ``max_lines`` lines.

    A dateline ("HOUSTON, July 2, 2025 --") wins; otherwise the first short line that is, or
    introduces, a date ("Published March 10, 2026", "Issue 41 | October 1, 2025"). A day-precise
    date wins over a month. Returns ``(line, FuzzyTime)`` or None.
    """
    lines = [line.strip() for line in text.split("\n", 60)[:60] if line.strip()][:max_lines]
    found = _scan_date_lines(lines)
    if found is not None and found[1].precision is Precision.DAY:
        line, ft = found
        at = line.find(ft.text) if ft.text else -1
        if at > 0 and _WEEK_OF.search(line[:at]):
            found = line, FuzzyTime(ft.start, ft.start + timedelta(days=6), Precision.RANGE, line[:at + len(ft.text)])
    if found is None:
        # A dateline without a year ("SEOUL, July 28 (Wire) -") is in the year that puts it within
        # six months of the first date the text states in full (the anchor three months on from
        # that date gives this: a year-less date is read in the anchor's year unless it falls more
        # than three months after it).
        stated = next((ft for _, _, ft in find_times(text[:5000])
                       if ft.precision in (Precision.DAY, Precision.MONTH)), None)
        if stated is not None:
            found = _scan_date_lines(lines, anchor=stated.start + timedelta(days=91), datelines_only=True)
    return found


def _scan_date_lines(lines: list[str], anchor: date | None = None,
                     datelines_only: bool = False) -> tuple[str, FuzzyTime] | None:
    """The date line among ``lines`` (see :func:`find_document_date`); with an ``anchor``, dates
    without a year are read in its year, and with ``datelines_only`` only a dateline counts."""
    short: tuple[str, FuzzyTime] | None = None
    for line in lines:
        found = [(s, e, ft) for s, e, ft in find_times(line[:200], anchor, partial=anchor is not None)
                 if ft.precision in (Precision.DAY, Precision.MONTH) and s < 100]
        if not found:
            continue
        s, e, ft = found[0]
        if _SECTION_LABEL.match(line, e) and not line[:s].strip():
            continue  # "June 26, 2023 -- Acquisition": a dated section of a timeline, not the text's date
        # (Business Wire puts its name between place and date: "SAN JOSE, Calif.--(BUSINESS WIRE)--")
        prefix = _WIRE_TAG.sub(" ", line[:s]).replace(",", " ").split()
        if prefix and _PLACE_WORD.match(prefix[0]) and prefix[0].isupper() and \
                all(_PLACE_WORD.match(w) or _PLACE_TAIL.match(w) for w in prefix[1:]) and len(prefix) <= 8 \
                and (len(line) < 120 or _AFTER_DATELINE.match(line[e:])) \
                or all(_PLACE_WORD.match(w) for w in prefix) and (len(line) < 120 or _AFTER_DATELINE.match(line[e:])):
            if prefix or not datelines_only and (ft.precision is Precision.DAY or len(line) < 60):
                return line[:160], ft
        if datelines_only:
            continue
        # (a title that ends in its day after a comma: "Zentrix -- Second Quarter Call, May 4, 2026")
        if len(line) < 120 and (not prefix or _LEAD_IN.search(line[:s]) or re.search(r"[|—–·•]\s*$", line[:s])
                                or ft.precision is Precision.DAY and line[:s].rstrip().endswith(",")
                                and not line[e:].strip(" .)")):
            if short is None or (short[1].precision is not Precision.DAY and ft.precision is Precision.DAY):
                short = (line, ft)
    return short
