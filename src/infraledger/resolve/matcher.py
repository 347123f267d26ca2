"""How alike two company names are, as a score from 0 to 100 with a reason.

Names are compared on their matching keys (:func:`names.match_key`). Equal keys, or keys equal
once spaces are dropped, are the same name. Otherwise each word of one name is paired with its most
similar word of the other (rapidfuzz's ``fuzz.ratio``, so a misspelt word still pairs), and the
score is the share of the two names' weight that pairs up. A word's weight is how rare it is among
the SEC registrants' names (inverse document frequency): sharing "Alabama" says much, sharing
"Power" little. rapidfuzz has no weighted token scorer, which is why this weighting is written here.

A name that is wholly contained in the other ("Palo Alto" in "Palo Alto Networks") is the same
company only when it is *specific*: the registrants' names (and the caller's known names) show one
company with all its words, and it is not made of generic words only. "Southern" is in a dozen
registrants' names, so "Southern" never absorbs "Southern Power".
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from .directory import SecDirectory
from .names import GENERIC_WORDS, content_tokens, is_generic, match_key, numbers_in, squash

#: Scores at or above this mean "same company" (chosen on tests/resolve/name_pairs.csv; see
#: benchmarks/bench_resolve.py, which prints precision and recall across thresholds).
THRESHOLD = 86.0
#: Two words pair when rapidfuzz's ratio reaches this (one wrong, missing or extra letter in a word
#: of eight or more letters; typists rarely get the first letter wrong, so it must agree).
WORD_RATIO = 87.0
#: Shorter words pair only when equal: one letter more or less turns one short brand into another.
MIN_FUZZY_WORD = 8
#: Shortest name (letters and digits, without spaces) that may match by anything but equality.
MIN_FUZZY_LEN = 4


@dataclass(frozen=True)
class Match:
    """A score (0-100) for two names and why."""

    score: float
    reason: str


class NameMatcher:
    """Scores name pairs; word weights and specificity come from an optional SEC directory."""

    def __init__(self, directory: SecDirectory | None = None, *, threshold: float = THRESHOLD) -> None:
        self.directory = directory
        self.threshold = threshold
        self._n = len(directory) if directory is not None else 0
        self._weights: dict[str, float] = {}

    def weight(self, token: str) -> float:
        """Rarity of a word among registrants' names (1 for every word when there is no directory)."""
        if not self._n:
            return 1.0
        w = self._weights.get(token)
        if w is None:
            w = self._weights[token] = math.log((self._n + 1) / (self.directory.doc_freq(token) + 1))
        return w

    def specific(self, tokens: tuple[str, ...], known_count: Callable[[tuple[str, ...]], int] | None = None) -> bool:
        """True when a name with these words points at one company only."""
        if not tokens or all(t in GENERIC_WORDS for t in tokens):
            return False
        if self.directory is not None and self._n and self.directory.registrants_with(tokens) > 1:
            return False
        return known_count is None or known_count(tokens) <= 1

    def _pair_weight(self, mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[float, float]:
        """(weight of ``mine`` that pairs with a word of ``theirs``, total weight of ``mine``)."""
        matched = total = 0.0
        for t in mine:
            w = self.weight(t)
            total += w
            if t in theirs:
                matched += w
                continue
            if len(t) < MIN_FUZZY_WORD:
                continue
            best = max((fuzz.ratio(t, o) for o in theirs if len(o) >= MIN_FUZZY_WORD and o[0] == t[0]), default=0.0)
            if best >= WORD_RATIO:
                matched += w * best / 100.0
        return matched, total

    def compare(self, a: str, b: str, *, known_count: Callable[[tuple[str, ...]], int] | None = None,
                keys: tuple[str, str] | None = None) -> Match:
        """Score names ``a`` and ``b``; ``known_count`` counts the caller's names containing given words."""
        ka, kb = keys or (match_key(a), match_key(b))
        if not ka or not kb:
            return Match(0.0, "empty name")
        if ka == kb:
            return Match(100.0, "same name")
        if squash(ka) == squash(kb):
            return Match(99.0, "same letters")
        if numbers_in(ka) != numbers_in(kb):
            return Match(0.0, "different numbers")
        if is_generic(ka) or is_generic(kb):
            return Match(0.0, "generic name")
        if min(len(squash(ka)), len(squash(kb))) < MIN_FUZZY_LEN:
            return Match(0.0, "name too short to compare")
        ta, tb = content_tokens(ka), content_tokens(kb)
        ma, wa = self._pair_weight(ta, tb)
        mb, wb = self._pair_weight(tb, ta)
        if wa + wb == 0:
            return Match(0.0, "no comparable words")
        dice = 100.0 * (ma + mb) / (wa + wb)
        shorter, short_matched, short_total = (ta, ma, wa) if wa <= wb else (tb, mb, wb)
        longer = tb if shorter is ta else ta
        if short_total and short_matched >= 0.999 * short_total and len(shorter) < len(longer):
            # The longer name may add only descriptive words: "Palo Alto" is "Palo Alto Networks",
            # "Palo" is not (its partner word "Alto" is part of the name, not a description).
            extra = [t for t in longer if t not in shorter and t not in GENERIC_WORDS]
            if not self.specific(shorter, known_count):
                return Match(min(dice, self.threshold - 1.0), "contained, not specific")
            if not extra:
                return Match(max(dice, self.threshold + 4.0 + dice / 100.0), "contained, specific")
        return Match(round(dice, 2), "shared words")

    def same(self, a: str, b: str) -> bool:
        """True when ``a`` and ``b`` score at or above the threshold."""
        return self.compare(a, b).score >= self.threshold
