"""Split an EDGAR full-submission file (``.txt`` or ``.nc``) into its header and documents.

A full submission is the SGML-like container EDGAR serves at ``<accession>.txt``: a header
(``<SEC-HEADER>`` with ``KEY: value`` lines, or the tagged ``<SUBMISSION>`` form of ``.nc``
files) followed by ``<DOCUMENT>`` blocks, each with ``<TYPE>``, ``<SEQUENCE>``, ``<FILENAME>``,
``<DESCRIPTION>`` and a ``<TEXT>`` body. Binary parts (images, PDFs) are uuencoded inside the body.

The splitter works on bytes with ``bytes.find`` and keeps each document as offsets into the one
buffer, so splitting costs little more than reading the file; bodies are decoded only on demand.
It is hand-written because no maintained library parses this container; the format is described
in the SEC's "EDGAR Public Dissemination Service" specification
(https://www.sec.gov/info/edgar/specifications/pds_dissemination_spec.pdf).
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass, field

from ...errors import ParseError
from .sgml_header import (
    Company,
    SubmissionHeader,
    parse_header_tags,
    parse_header_text,
    with_accession,
)

__all__ = [
    "Company", "Submission", "SubmissionDocument", "SubmissionHeader", "decode_text", "is_submission",
    "split_submission", "uudecode",
]

_ACCESSION = re.compile(rb"\d{10}-\d{2}-\d{6}")


@dataclass(frozen=True, slots=True)
class SubmissionDocument:
    """One ``<DOCUMENT>`` of a submission; its body is ``buffer[start:end]`` (not copied)."""

    type: str
    sequence: int | None
    filename: str
    description: str
    start: int
    end: int
    buffer: bytes = field(repr=False, compare=False)

    @property
    def raw(self) -> bytes:
        """The body bytes between ``<TEXT>`` and ``</TEXT>``, as filed."""
        return self.buffer[self.start:self.end]

    @property
    def size(self) -> int:
        return self.end - self.start

    @property
    def is_uuencoded(self) -> bool:
        head = self.buffer[self.start:self.start + 600].lstrip()
        for wrapper in (b"<PDF>", b"<XBRL>", b"<XML>", b"<JSON>", b"<ZIP>", b"<EXCEL>"):
            if head.startswith(wrapper):
                head = head[len(wrapper):].lstrip()
        return head.startswith(b"begin ") and re.match(rb"begin [0-7]{3,4} \S", head) is not None

    @property
    def is_xml(self) -> bool:
        head = self.buffer[self.start:self.start + 200].lstrip()
        return head.startswith((b"<XML>", b"<?xml"))

    def xml(self) -> bytes:
        """The body with the ``<XML>`` wrapper EDGAR adds around XML documents removed."""
        return strip_xml_wrapper(self.raw)

    def text(self) -> str:
        """The body decoded to text (see :func:`decode_text`)."""
        return decode_text(self.raw)

    def content(self) -> bytes:
        """The document's bytes: uudecoded when the body is uuencoded, else the raw body.

        Raises ParseError when a uuencoded body is broken.
        """
        return uudecode(self.raw, source=self.filename or self.type)[1] if self.is_uuencoded else self.raw

    def to_json(self) -> dict:
        return {"type": self.type, "sequence": self.sequence, "filename": self.filename,
                "description": self.description, "bytes": self.size,
                "encoding": "uuencode" if self.is_uuencoded else "text"}


@dataclass(frozen=True, slots=True)
class Submission:
    """A split full submission: header plus documents in filing order."""

    header: SubmissionHeader
    documents: tuple[SubmissionDocument, ...]
    size: int

    @property
    def primary(self) -> SubmissionDocument | None:
        """The main document: sequence 1, else the first."""
        for doc in self.documents:
            if doc.sequence == 1:
                return doc
        return self.documents[0] if self.documents else None

    def find(self, type_prefix: str) -> list[SubmissionDocument]:
        """Documents whose type starts with ``type_prefix`` (case-insensitive), e.g. ``"EX-99"``."""
        prefix = type_prefix.upper()
        return [d for d in self.documents if d.type.upper().startswith(prefix)]

    def to_json(self) -> dict:
        return {"header": self.header.to_json(), "documents": [d.to_json() for d in self.documents]}


def is_submission(data: bytes) -> bool:
    """True when ``data`` looks like a full submission (``.txt`` with a PEM wrapper or not, or ``.nc``)."""
    head = data[:4096].lstrip()
    return head.startswith((b"<SEC-DOCUMENT>", b"<SUBMISSION>", b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----",
                            b"<SEC-HEADER>", b"<IMS-DOCUMENT>"))


def decode_text(data: bytes) -> str:
    """Decode filing bytes: UTF-8 when valid, else Windows-1252.

    EDGAR documents were ASCII or Latin-1/Windows-1252 for decades and UTF-8 lately; trying
    strict UTF-8 first and falling back is exact for both, and much faster than statistical
    detection. Undefined Windows-1252 bytes become U+FFFD rather than failing the whole filing.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def strip_xml_wrapper(body: bytes) -> bytes:
    """Remove the ``<XML>`` ... ``</XML>`` wrapper EDGAR puts around XML documents, if present."""
    stripped = body.strip()
    if stripped.startswith(b"<XML>"):
        stripped = stripped[5:]
        end = stripped.rfind(b"</XML>")
        if end >= 0:
            stripped = stripped[:end]
        stripped = stripped.strip()
    return stripped


def uudecode(body: bytes, *, source: str = "") -> tuple[str, bytes]:
    """Decode a uuencoded body; return ``(filename, bytes)``.

    Raises ParseError when there is no ``begin`` line, no ``end`` line (truncated) or a line
    cannot be decoded. Python's ``uu`` module was removed in 3.13, so this loop uses
    :func:`binascii.a2b_uu` directly, with the same repair ``uu`` applied for encoders that pad
    lines wrongly (decode only the bytes the length character announces).
    """
    lines = body.split(b"\n")
    index = next((i for i, line in enumerate(lines) if line.startswith(b"begin ")), None)
    if index is None:
        raise ParseError("uuencoded part has no 'begin' line", source=source)
    parts = lines[index].split(b" ", 2)
    name = parts[2].strip().decode("latin-1") if len(parts) > 2 else ""
    out = bytearray()
    for line in lines[index + 1:]:
        line = line.rstrip(b"\r")
        if line.strip() == b"end":
            return name, bytes(out)
        if not line:
            continue
        if line[:1] == b"<" and not _uu_length_ok(line):
            # A wrapper tag such as </PDF> or </TEXT>, not data: a data line may also start
            # with "<" (the length character of 28 bytes), but then its length matches.
            if line.startswith(b"</"):
                break
            continue
        try:
            out += binascii.a2b_uu(line)
        except binascii.Error:
            nbytes = (((line[0] - 32) & 63) * 4 + 5) // 3
            try:
                out += binascii.a2b_uu(line[:nbytes])
            except binascii.Error as exc:
                raise ParseError(f"uuencoded part {name!r} is corrupt ({exc})", source=source) from None
    raise ParseError(f"uuencoded part {name!r} is truncated (no 'end' line)", source=source)


def _uu_length_ok(line: bytes) -> bool:
    """True when a line is as long as its uuencode length character says (padding may vary by one)."""
    expected = 1 + (((line[0] - 32) & 63) + 2) // 3 * 4
    return abs(len(line.rstrip()) - expected) <= 1 or len(line) == expected


def split_submission(data: bytes, *, source: str = "") -> Submission:
    """Split a full submission into header and documents.

    Takes the file's bytes; returns a :class:`Submission`. Raises ParseError when the container
    is truncated (a document without ``</DOCUMENT>``) or holds no header and no documents.
    """
    if not is_submission(data):
        raise ParseError("not an EDGAR full submission (no <SEC-DOCUMENT>, <SEC-HEADER> or <SUBMISSION>)",
                         source=source)
    first_doc = data.find(b"<DOCUMENT>")
    header_end = first_doc if first_doc >= 0 else len(data)
    sec_header = data.find(b"<SEC-HEADER>", 0, header_end)
    if sec_header >= 0:
        close = data.find(b"</SEC-HEADER>", sec_header, header_end)
        if close < 0:
            raise ParseError("truncated submission: <SEC-HEADER> is not closed", source=source)
        header = parse_header_text(data[sec_header:close], data[:sec_header])
    else:
        header = parse_header_tags(data[:header_end])
    documents = []
    pos = first_doc
    while pos >= 0:
        doc_end = data.find(b"</DOCUMENT>", pos)
        if doc_end < 0:
            raise ParseError(f"truncated submission: document {len(documents) + 1} has no </DOCUMENT>",
                             source=source)
        documents.append(_document(data, pos, doc_end, source))
        pos = data.find(b"<DOCUMENT>", doc_end)
    if not documents and not header.accession:
        raise ParseError("submission holds neither a header nor documents", source=source)
    if not header.accession:
        match = _ACCESSION.search(data, 0, 512)
        if match:
            header = with_accession(header, match.group().decode())
    return Submission(header=header, documents=tuple(documents), size=len(data))


def _document(data: bytes, pos: int, doc_end: int, source: str) -> SubmissionDocument:
    text_tag = data.find(b"<TEXT>", pos, doc_end)
    meta_end = text_tag if text_tag >= 0 else doc_end
    meta: dict[str, str] = {}
    for line in data[pos + len(b"<DOCUMENT>"):meta_end].split(b"\n"):
        line = line.strip()
        if line.startswith(b"<") and b">" in line:
            tag, _, value = line[1:].partition(b">")
            meta[tag.decode("latin-1").upper()] = value.strip().decode("latin-1")
    if text_tag >= 0:
        start = text_tag + len(b"<TEXT>")
        if data[start:start + 2] == b"\r\n":
            start += 2
        elif data[start:start + 1] == b"\n":
            start += 1
        end = data.rfind(b"</TEXT>", start, doc_end)
        if end < 0:
            raise ParseError(f"truncated submission: document {meta.get('FILENAME') or meta.get('TYPE', '?')} "
                             "has no </TEXT>", source=source)
    else:
        start = end = meta_end
    sequence = meta.get("SEQUENCE", "")
    return SubmissionDocument(
        type=meta.get("TYPE", ""), sequence=int(sequence) if sequence.isdigit() else None,
        filename=meta.get("FILENAME", ""), description=meta.get("DESCRIPTION", ""),
        start=start, end=end, buffer=data,
    )
