"""Sentences and paragraphs of a document's text, with character offsets into that text.

Hand-written rather than taken from a library: the only pip-installable splitters either need
model downloads or split at the abbreviations deal prose is full of ("Inc.", "Calif.", "U.S.",
"A.B. Carter", "Dec. 2"). Offsets always refer to the document text, so evidence spans
reported by the extractors can be checked by slicing ``document.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset("""
inc corp co ltd llc plc bros mr mrs ms dr prof st sr jr no nos vs etc approx dept est fig
calif conn fla ill mass mich minn wash ariz colo ga md va pa ny nj tex ore okla del ky tenn
jan feb mar apr jun jul aug sep sept oct nov dec mt ft gen gov sen rep
""".split())
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9$€£])")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*(?:[*•\-–]\s|\d+[.)]\s))|\n")
# In wrapped text a paragraph ends at a blank line, before a list item, or where a sentence ends at a
# line's end and the next line is indented.
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]*(?:[*•\-–]\s|\(?[a-z0-9]\)\s))"
                         r"|(?<=[.!?\"'”’)])[ \t]*\n(?=[ \t]{2,}\S)")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text, where it starts in the document and the paragraph it belongs to."""

    start: int
    end: int
    text: str
    paragraph: int
    heading: bool = False
    headline: bool = False  # a heading that states a deal ("Zentrix to buy Halvora"), read as a sentence


_WRAPPED_END = re.compile(r"[a-z,]$")
#: How much shorter than the longest line a line wrapped at a fixed width may be (a word that did not fit).
_FILL_SLACK = 12


def hard_wrapped(text: str) -> bool:
    """Whether the text is wrapped at a fixed width (filings, e-mail): many long lines that end
    mid-sentence. Then a single line break is a space and only blank lines end paragraphs."""
    lines = [line.rstrip() for line in text[:200_000].split("\n") if line.strip()]
    if len(lines) < 2:
        return False
    # Ends mid-sentence: no closing punctuation, and the next line goes on (not a blank line).
    chunks = text[:200_000].split("\n")
    # (titles end in a capitalised word or a figure; a wrapped line mostly in a small word or comma)
    # A headline over its story ends in a lower-case word too, but the story's next line starts
    # a sentence: a wrapped line goes on in lower case or after a comma.
    # A line filled to the text's width goes on whatever the next line starts with ("acquired\nZentrix").
    full = _filled_width(lines)
    wrapped = sum(1 for line, nxt in zip(chunks, chunks[1:])
                  if 40 <= len(line.rstrip()) <= 130 and nxt.strip() and _WRAPPED_END.search(line.rstrip())
                  and (line.rstrip()[-1] == "," or not nxt.lstrip()[:1].isupper() or len(line.rstrip()) >= full))
    return wrapped / len(lines) > 0.2


def _filled_width(lines: list[str]) -> int:
    """The length from which a line counts as filled to the text's width: near its longest line,
    where at least three lines are that long (a short list's longest line is no width); else a
    length no wrapped line has."""
    longest = max((n for line in lines if (n := len(line)) <= 130), default=0)
    full = longest - _FILL_SLACK
    return full if sum(1 for line in lines if full <= len(line) <= 130) >= 3 else 131


_INDENT = re.compile(r"[ \t]{2,}\S")
_SENTENCE_STOP = re.compile(r"[.!?:;\"'”’)]$")


def indented_paragraphs(text: str) -> bool:
    """Whether the text is wrapped at a fixed width with each paragraph's first line indented (wire
    copy, typed letters): some lines open indented, fewer than half, and many lines break mid-sentence
    before a line that is not. Then a sentence that ends a line before an indented one ends a
    paragraph, and any other line break is a space."""
    chunks = text[:200_000].split("\n")
    lines = [line for line in chunks if line.strip()]
    indented = sum(1 for line in lines if _INDENT.match(line))
    # (a filing indents most of its lines, centred titles and all: then an indent marks nothing)
    if len(lines) < 3 or not 0 < indented < len(lines) / 2:
        return False
    # A line that goes on: of a wrapped width, no closing punctuation, and the next line not indented.
    goes_on = sum(1 for line, nxt in zip(chunks, chunks[1:])
                  if 40 <= len(line.rstrip()) <= 130 and nxt.strip() and not _INDENT.match(nxt)
                  and not _SENTENCE_STOP.search(line.rstrip()))
    return goes_on / len(lines) > 0.2


def _paragraph_splitter(text: str) -> re.Pattern:
    return _BLANK_LINE if hard_wrapped(text) or indented_paragraphs(text) else _PARAGRAPH


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank line or paragraph of ``text``."""
    out: list[tuple[int, int]] = []
    pos = 0
    splitter = _paragraph_splitter(text)
    for m in splitter.finditer(text):
        if text[pos:m.start()].strip():
            out.append(_trim(text, pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append(_trim(text, pos, len(text)))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_HEADING_WORD = re.compile(r"[A-Za-z][\w'’&.-]*")


def is_heading(line: str) -> bool:
    """A headline or section title: short, no closing full stop, mostly capitalised words or all caps."""
    stripped = line.strip().lstrip("*#•- ").strip()
    if not stripped or len(stripped) > 160 or stripped.endswith((".", ":", ";")):
        return False
    words = [w for w in _HEADING_WORD.findall(stripped)]
    if not words:
        return True
    small = {"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "at", "by", "as", "from",
             "vs", "its", "into", "after", "over"}
    content = [w for w in words if w.lower() not in small]
    if not content:
        return False
    caps = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return caps / len(content) >= 0.7 and len(words) >= 2


_BULLET_ITEM = re.compile(r"\s*[*•–-]\s+\S")
_LOWER_WORD = re.compile(r"\b[A-Za-z][a-z]+\b")


def _tells_a_deal(line: str) -> bool:
    """Whether a line has a form of a deal verb of the frames ("joins", "buys", "raises")."""
    from .syntax.framedata import headline_telling_verbs, headline_verbs

    forms = headline_verbs() | headline_telling_verbs()
    return any(w.lower() in forms for w in _LOWER_WORD.findall(line))
_FIELDS = re.compile(r"\s[—–|]\s.*[$€£¥]\s?\d|[$€£¥]\s?\d.*\s[—–|]\s")
_FIGURE = re.compile(r"[$€£¥]\s?\d|\d\s?(?:%|million|billion|[mb]n?\b)")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")
_WORD_BEFORE_STOP = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
# A word that opens a sentence and never goes on a name: after "Inc.", "Calif." or "U.S." it starts
# the next sentence ("... bought Quill Inc. The deal closed in May"; "Quill Inc. Chief Executive ..." goes on).
_OPENER_AFTER = re.compile(r"\s+(?:The|This|That|These|Those|It|Its|In|A|An|On|But|Then|He|She|They|We|Our|Their|His|Her|"
                           r"Under|After|Before|As|At|For|With|When|While|Both|Separately|Meanwhile|However|Also|"
                           r"According|If|Since|There|Such|Each|Terms)\b")
# Abbreviations a sentence may end with: legal suffixes, places, "etc." (not titles: "Dr. The" is no end).
_MAY_END = frozenset("""
inc corp co ltd llc plc bros etc dept calif conn fla ill mass mich minn wash ariz colo ga md va pa ny nj tex ore
okla del ky tenn u.s u.k
""".split())
_ENUMERATOR = re.compile(r"\s*(?:\d{1,3}|[a-z]|[ivx]{1,4})\.")
# "a $55M Series B. Redpine led": a letter naming a round or share class, not an initial.
_CLASS_LETTER = re.compile(r"\b(?:Series|Class|Tranche|Phase|Stage)\s+[A-Z]\.$")


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` in order; headings (titles without a full stop) are flagged."""
    out: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        block = text[p_start:p_end]
        # The document's first line is its title when it has no closing full stop.
        # (a short item of a bulleted list after the first line is a note, not a title: "* X to buy Y")
        title = (number == 0 and len(block) < 200 or len(block) < 70 and not _BULLET_ITEM.match(block)) \
            and "\n" not in block and not block.rstrip().endswith((".", ":", "!", "?", '"', "”"))
        # A bulleted line with a figure ("💰 Orvane: $300M Series C") is a note, not a section title.
        # So is a line of fields ("Orvane Compute — $120M Series B — led by Talus Partners").
        note = _FIGURE.search(block) is not None and (not block[0].isalnum() and block[0] not in "\"'“‘(["
                                                      or _FIELDS.search(block) is not None)
        # (so is an item of a bulleted list that tells a deal with a verb: "- X joins Y as CFO from Z")
        note = note or bool(number) and _BULLET_ITEM.match(block) is not None and _tells_a_deal(block)
        if (title or not _SENTENCE_END.search(block.rstrip(".")) and is_heading(block)) and not (note and number):
            out.append(Sentence(p_start, p_end, block, number, heading=True))
            continue
        pos = 0
        for m in _BOUNDARY.finditer(block):
            if _ENUMERATOR.fullmatch(block, pos, m.start() + 1):
                continue  # "1. Argent Cloud ...": an item's number, not a sentence
            before = block[max(0, m.start() - 40):m.start() + 1]
            word = _WORD_BEFORE_STOP.search(before)
            if word:
                w = word.group(1)
                # "A.B.", "U.S.", single initials, known abbreviations: not an end.
                if w.lower().rstrip(".") in _ABBREVIATIONS or len(w.rstrip(".")) == 1 or "." in w.rstrip("."):
                    if not (w.lower().rstrip(".") in _MAY_END and _OPENER_AFTER.match(block[m.end() - 1:])) \
                            and not (len(w) == 1 and _CLASS_LETTER.search(before)):
                        continue
            s, e = _trim(block, pos, m.end())
            _add(out, block, s, e, p_start, number)
            pos = m.end()
        s, e = _trim(block, pos, len(block))
        _add(out, block, s, e, p_start, number)
    return out


#: Longer "sentences" (tables, data, text without punctuation) are cut into pieces of about this
#: size at spaces, so the work per sentence stays bounded and the whole stays linear in length.
MAX_SENTENCE = 1500


def _add(out: list[Sentence], block: str, s: int, e: int, p_start: int, number: int) -> None:
    while e - s > MAX_SENTENCE:
        cut = block.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        a, b = _trim(block, s, cut)
        if b > a:
            out.append(Sentence(p_start + a, p_start + b, block[a:b], number))
        s = cut
    a, b = _trim(block, s, e)
    if b > a:
        out.append(Sentence(p_start + a, p_start + b, block[a:b], number))


# A wire headline set in capitals ("ZENTRIX <ZEN> TO BUY HALVORA UNIT FOR 40 MLN DLRS"): its words, a
# ticker in angle brackets, and the short forms wire copy writes amounts and shares in.
_HEADLINE_WORD = re.compile(r"<[^<>\s]*>|[A-Za-z][A-Za-z'&-]*")
# A capitalised word after a lower-case word or a comma: inside a sentence, so a name's word.
_CAPITALISED_INSIDE = re.compile(r"(?<=[a-z,][ \t])[A-Z][a-z]+\b")
_WIRE_WORDS = frozenset("a an the of to for in on at by and or with from it its says company unit units stake shares "
                         "mln bln dlr dlrs stg pct shr shrs qtr yr vs cash per".split())


def sentence_case_headline(text: str, common: frozenset[str]) -> str:
    """``text`` with a first line in capitals of three words or more rewritten in sentence case, so
    names stand out as they do in running text: a word of ``common`` (lower-case English words) and
    the wire's short forms in lower case, any other word capitalised ("Zentrix <ZEN> to buy Halvora
    unit for 40 mln dlrs"); a common word the story itself writes capitalised inside a sentence is
    a name's word and stays capitalised ("Halvora Bank"). Letters change case only, so every offset
    into ``text`` still holds."""
    line = text.partition("\n")[0]
    words = [w.group(0) for w in _HEADLINE_WORD.finditer(line) if not w.group(0).startswith("<")]
    if len(words) < 3 or any(not w.isupper() for w in words if any(c.isalpha() for c in w)):
        return text
    named = {w.lower() for w in _CAPITALISED_INSIDE.findall(text, len(line), len(line) + 20_000)}
    common = common - named

    def recase(m: re.Match) -> str:
        word = m.group(0)
        if word.startswith("<") or len(word) == 1 and word != "A":
            return word
        low = word.lower()
        if m.start() > 0 and (low in common or low in _WIRE_WORDS):
            return low
        return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))  # "Ti-Caro"

    return _HEADLINE_WORD.sub(recase, line) + text[len(line):]


#: Markdown emphasis around words ("**Orvane Data**", "*Published Friday*"); a bullet's star, which a
#: space follows, is no emphasis.
_EMPHASIS = re.compile(r"(?<!\S)(?:\*\*?|__)(?=\S)|(?<=\S)(?:\*\*?|__)(?!\S)")


def blank_emphasis(text: str) -> str:
    """``text`` with markdown emphasis markers blanked (each by as many spaces, so offsets stay)."""
    if "*" not in text and "__" not in text:
        return text
    return _EMPHASIS.sub(lambda m: " " * len(m.group(0)), text)
