"""Readers for two public research corpora the extraction benchmark can be pointed at.

Neither corpus may be copied into this repository; the benchmark reads them from paths given on
its command line and keeps only counts.

* SENTiVENT (Jacobs & Hoste, "SENTiVENT: enabling supervised information extraction of company-specific
  events in economic and financial news", https://github.com/GillesJ/sentivent_event_sentence_classification):
  ``data/processed/dataset_event_type.tsv`` has one company-news sentence a row, tokenised, with the
  event types its annotators marked (``types_event_unq``, ``subtypes_event_unq``, Python list literals).
* Reuters-21578 (Lewis, distributed by UCI KDD, https://kdd.ics.uci.edu/databases/reuters21578/):
  22 SGML files ``reut2-000.sgm`` .. ``reut2-021.sgm`` of 1987 newswire stories, with topic labels and
  the ModApte split in the ``LEWISSPLIT`` and ``TOPICS`` attributes. The files are SGML, not XML
  (numeric references to control characters, unescaped ``<`` in text, one file with Latin-1 bytes),
  so they are read with regular expressions story by story rather than with an XML parser, and
  HTML's parser would move ``<TITLE>`` and ``<BODY>`` to where HTML wants them.
"""

from __future__ import annotations

import ast
import csv
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from infraledger.model.events import FactType

# --- SENTiVENT ---------------------------------------------------------------------------------

#: SENTiVENT event types (or ``Type.Subtype``) that name a deal, and the event types of ours an
#: extraction must produce for the sentence to count as found. Their guideline's "Deal" covers
#: agreements and partnerships (our contracts); "Financing" raising money by equity or debt; "Investment"
#: spending on assets or stakes; "Employment" hiring, leaving and pay ("Employment.Compensation" is pay
#: alone, so it is reported but is not a talent move). The other types (SecurityValue, Revenue, Rating, ...)
#: are not deals.
SENTIVENT_TYPES: dict[str, frozenset[FactType]] = {
    "Merger/Acquisition": frozenset({FactType.ACQUISITION}),
    "Financing": frozenset({FactType.FUNDING_ROUND, FactType.STRATEGIC_INVESTMENT, FactType.IPO}),
    "Investment": frozenset({FactType.STRATEGIC_INVESTMENT, FactType.ACQUISITION}),
    "Deal": frozenset({FactType.COMMERCIAL_CONTRACT, FactType.STRATEGIC_INVESTMENT, FactType.ACQUISITION}),
    "Employment": frozenset({FactType.TALENT_MOVE}),
    "Employment.Start": frozenset({FactType.TALENT_MOVE}),
    "Employment.End": frozenset({FactType.TALENT_MOVE}),
}
#: Top-level types whose presence makes a sentence a deal sentence (excluded from the false-event rate).
SENTIVENT_DEAL_TYPES = frozenset(label for label in SENTIVENT_TYPES if "." not in label)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One annotated SENTiVENT sentence: its text (detokenised), labels and which part of the corpus."""

    document: str
    index: int
    text: str
    labels: frozenset[str]  # top-level types and "Type.Subtype" labels together
    dataset: str  # "gold" (the expert-annotated part) or "silver"

    @property
    def is_deal(self) -> bool:
        return bool(self.labels & SENTIVENT_DEAL_TYPES)


_DETOKENISE = (
    (re.compile(r" ([.,;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$€£]) "), r"\1"),
    (re.compile(r" ' ?(s|S|re|ve|ll|d|m|t)\b"), r"'\1"),
    (re.compile(r" n't\b"), "n't"),
    (re.compile(r"(\d) \. (\d)"), r"\1.\2"),
    (re.compile(r"(\d) , (\d{3})\b"), r"\1,\2"),
    (re.compile(r"\b([A-Z]) \. (?=[A-Z])"), r"\1. "),
    (re.compile(r" - - "), " -- "),
)


def detokenise(text: str) -> str:
    """Undo the corpus's tokenisation where it is unambiguous ("Inc ." -> "Inc.", "$ 47.08" -> "$47.08",
    "company ' s" -> "company's"), so that the extractor reads text shaped like text."""
    for pattern, repl in _DETOKENISE:
        text = pattern.sub(repl, text)
    return text


def read_sentivent(path: str | Path) -> Iterator[Sentence]:
    """The sentences of a SENTiVENT ``dataset_event_type.tsv``, one at a time.

    Raises ``FileNotFoundError`` for a missing file and ``ValueError`` when the header lacks the
    columns this reader needs.
    """
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        needed = {"document_id", "sentence_idx", "text", "types_event_unq", "subtypes_event_unq"}
        if not needed <= set(reader.fieldnames or ()):
            raise ValueError(f"{path}: not a SENTiVENT event-type file (columns {reader.fieldnames})")
        for row in reader:
            labels = set(ast.literal_eval(row["types_event_unq"] or "[]"))
            labels |= set(ast.literal_eval(row["subtypes_event_unq"] or "[]"))
            yield Sentence(document=row["document_id"], index=int(row["sentence_idx"]),
                           text=detokenise(row["text"]), labels=frozenset(labels),
                           dataset=row.get("dataset", ""))


# --- Reuters-21578 -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Story:
    """One Reuters-21578 story: ModApte split, topics, date, title and body text."""

    newid: str
    split: str  # "train", "test" or "" (not in the ModApte split)
    topics: tuple[str, ...]
    date: datetime | None
    title: str
    dateline: str
    body: str

    @property
    def text(self) -> str:
        """Title, then dateline and body, as one plain-text document."""
        return f"{self.title}\n\n{self.dateline}{self.body}".strip()


_STORY = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_END_MARK = re.compile(r"\s*\bReuter\s*$")


def _element(tag: str, body: str) -> str | None:
    m = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", body, re.DOTALL)
    return m.group(1) if m else None


def _clean(text: str | None) -> str:
    if not text:
        return ""
    text = _CONTROL.sub("", html.unescape(text))
    return _END_MARK.sub("", text).strip("\n")


def _modapte(attrs: dict[str, str]) -> str:
    # ModApte (README.txt of the distribution, section VIII.B): TOPICS="YES" and LEWISSPLIT TRAIN or TEST.
    if attrs.get("TOPICS") != "YES":
        return ""
    return {"TRAIN": "train", "TEST": "test"}.get(attrs.get("LEWISSPLIT", ""), "")


def _date(text: str | None) -> datetime | None:
    if not text:
        return None
    # " 5-MAR-1987 09:14:00.00"; a few stories have stray characters after the time
    m = re.match(r"\s*(\d{1,2}-[A-Z]{3}-\d{4} \d\d:\d\d:\d\d)", text)
    try:
        return datetime.strptime(m.group(1), "%d-%b-%Y %H:%M:%S") if m else None
    except ValueError:
        return None


def parse_stories(sgml: str) -> Iterator[Story]:
    """The stories in the text of one ``.sgm`` file."""
    for m in _STORY.finditer(sgml):
        attrs = dict(_ATTR.findall(m.group(1)))
        inner = m.group(2)
        topics = tuple(re.findall(r"<D>(.*?)</D>", _element("TOPICS", inner) or ""))
        text = _element("TEXT", inner) or ""
        title, dateline, body = (_clean(_element(t, text)) for t in ("TITLE", "DATELINE", "BODY"))
        if not (title or body):  # TYPE="UNPROC": the text without markup
            body = _clean(re.sub(r"<[^>]+>", "", text))
        yield Story(newid=attrs.get("NEWID", ""), split=_modapte(attrs), topics=topics,
                    date=_date(_element("DATE", inner)), title=title, dateline=dateline.lstrip(), body=body)


def read_reuters(folder: str | Path, split: str | None = None) -> Iterator[Story]:
    """The stories of the ``reut2-*.sgm`` files in ``folder``, one file in memory at a time.

    ``split`` ("train" or "test") keeps that ModApte part only. Raises ``FileNotFoundError`` when
    the folder holds no ``.sgm`` file.
    """
    files = sorted(Path(folder).glob("reut2-*.sgm"))
    if not files:
        raise FileNotFoundError(f"no reut2-*.sgm files in {folder}")
    for path in files:
        # Latin-1 reads every byte; the corpus is ASCII apart from a few stray bytes.
        for story in parse_stories(path.read_bytes().decode("latin-1")):
            if split is None or story.split == split:
                yield story
