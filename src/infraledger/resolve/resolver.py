"""Map names in documents to ledger entities: exact name, alias, ticker, CIK, fuzzy name, SEC directory.

Order of evidence, strongest first: an entity id; a CIK; a name or alias of a known entity (after
normalisation); a ticker written as one ("NVDA", "$NVDA"); a merge made by hand; a "<Parent>
subsidiary <Child>" phrase (the child stays its own entity, with the parent as ``parent_id``); a
fuzzy match to a known entity's name (:mod:`.matcher`); the SEC directory (title, former name,
ticker or CIK of a registrant). Unknown names become new entities with stable ids
(:func:`infraledger.model.entity_id_for`).

Every answer is a :class:`Resolution`; the ledger records those that merged a name into an entity
(anything but ``id``, ``name`` and ``new``), so each can be undone. Undo decisions given to the
resolver (``decisions=store.resolutions()``) stop it mapping that name to that entity again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from ..model import Entity, EntityKind, entity_id_for, normalise_name
from .directory import DirectoryEntry, SecDirectory
from .matcher import Match, NameMatcher
from .names import content_tokens, is_generic, match_key
from .subsidiary import split_subsidiary

# Which kinds of known entity a name of a given kind may be matched to by a fuzzy or SEC match:
# an investor named in a round is often a company ("Nvidia" investing), a person never is.
_COMPATIBLE: dict[EntityKind, frozenset[EntityKind]] = {
    EntityKind.COMPANY: frozenset({EntityKind.COMPANY, EntityKind.INVESTOR, EntityKind.EXCHANGE}),
    EntityKind.INVESTOR: frozenset({EntityKind.COMPANY, EntityKind.INVESTOR}),
    EntityKind.EXCHANGE: frozenset({EntityKind.EXCHANGE, EntityKind.COMPANY}),
    EntityKind.PERSON: frozenset(),
    EntityKind.GOVERNMENT: frozenset({EntityKind.GOVERNMENT}),
    EntityKind.LIST: frozenset(),
    EntityKind.GROUP: frozenset(),
}
_SEC_KINDS = frozenset({EntityKind.COMPANY, EntityKind.INVESTOR, EntityKind.EXCHANGE})
_TICKER_REF = re.compile(r"^(?:\$|(?:NYSE|NASDAQ|Nasdaq|NYSE American|AMEX)\s*:\s*)([A-Za-z][A-Za-z0-9.\-]{0,9})$")
_CIK_REF = re.compile(r"^(?:CIK|cik)\s*:?\s*(\d{1,10})$")
#: Candidates are gathered from at most this many of a name's rarest words, each in at most
#: MAX_POSTING known names (a name of common words only is still compared by whole-string ratio).
MAX_CANDIDATE_WORDS = 3
MAX_POSTING = 50
#: Two different entities scoring within this many points of each other make a name ambiguous.
AMBIGUITY_MARGIN = 3.0


@dataclass(frozen=True)
class Resolution:
    """Which entity a name was taken to mean, and why."""

    name: str
    entity: Entity
    created: bool
    # "id", "cik", "ticker", "name", "alias", "manual", "subsidiary", "fuzzy", "sec_name",
    # "sec_ticker", "sec_cik", "new"
    method: str
    score: float | None = None
    reason: str = ""


class Resolver:
    """Resolve names against known entities (and optionally the SEC directory); learns what it creates."""

    def __init__(self, entities: Iterable[Entity] = (), *, directory: SecDirectory | None = None,
                 decisions: Iterable[Mapping] = (), matcher: NameMatcher | None = None) -> None:
        self.directory = directory
        self.matcher = matcher or NameMatcher(directory)
        self._by_id: dict[str, Entity] = {}
        self._by_name: dict[str, str] = {}
        self._by_ticker: dict[str, str] = {}
        self._by_cik: dict[int, str] = {}
        self._key_ids: dict[str, set[str]] = {}     # matching key -> entity ids with a name of that key
        self._postings: dict[str, set[str]] = {}    # word -> matching keys containing it
        self._blocked: set[tuple[str, str]] = set()  # (matching key, entity id) undone
        self._manual: dict[str, str] = {}            # matching key -> entity id merged by hand
        self._by_initial: dict[str, list[str]] | None = None  # keys by first letter, for rapidfuzz
        for e in entities:
            self.add(e)
        self.apply_decisions(decisions)

    # -- what is known ----------------------------------------------------------------------
    def add(self, entity: Entity) -> None:
        """Make ``entity`` known (a later version of the same id replaces the earlier one)."""
        self._by_id[entity.id] = entity
        for n in entity.names():
            self._by_name.setdefault(normalise_name(n), entity.id)
            key = match_key(n)
            if key:
                if key not in self._key_ids and self._by_initial is not None:
                    self._by_initial.setdefault(key[0], []).append(key)
                self._key_ids.setdefault(key, set()).add(entity.id)
                for t in content_tokens(key):
                    self._postings.setdefault(t, set()).add(key)
        self._by_name[normalise_name(entity.name)] = entity.id
        for t in entity.tickers:
            self._by_ticker[t.upper()] = entity.id
        if entity.cik:
            self._by_cik[int(entity.cik)] = entity.id

    def apply_decisions(self, decisions: Iterable[Mapping]) -> None:
        """Replay recorded decisions, oldest first: undos block a name -> entity mapping, manual merges add one."""
        for d in decisions:
            key, eid = match_key(str(d["name"])), str(d["entity_id"])
            if d.get("action") == "undo":
                self._blocked.add((key, eid))
                if self._manual.get(key) == eid:
                    del self._manual[key]
            elif d.get("method") == "manual":
                self._manual[key] = eid
                self._blocked.discard((key, eid))

    def adopt(self, entity: Entity) -> Entity:
        """The entity to record for an incoming ``entity`` that may already be known.

        The ledger can learn a company first by name (an article: ``n:<name>``) and later with its
        CIK (a filing: ``cik:<N>``), or the other way round, and each source describes it in part
        (a filing's "NVIDIA CORP" without layers, a data file's "Nvidia" with them). When the incoming
        entity's id, CIK, name or alias is that of a known entity (and their CIKs do not differ), the
        known entity is returned with the incoming tickers, names, layers and CIK added, keeping its
        own name, so no source's description is lost. Otherwise ``entity`` itself.
        """
        found = self._by_id.get(entity.id)
        if found is None:
            for ref in ((f"cik:{entity.cik}",) if entity.cik else ()) + entity.names():
                hit = self.lookup(ref)
                if hit and hit.method in ("cik", "name", "alias") and hit.entity.kind is entity.kind:
                    found = hit.entity
                    break
        if found is None or (found.cik and entity.cik and found.cik != entity.cik):
            return entity
        names = tuple(dict.fromkeys(n for n in (*found.aliases, *entity.names()) if n != found.name))
        return replace(found, cik=found.cik or entity.cik, aliases=names,
                       tickers=tuple(dict.fromkeys((*found.tickers, *entity.tickers))),
                       layers=tuple(dict.fromkeys((*found.layers, *entity.layers))),
                       country=found.country or entity.country, parent_id=found.parent_id or entity.parent_id)

    def known(self) -> list[Entity]:
        return list(self._by_id.values())

    def is_blocked(self, name: str, entity_id: str) -> bool:
        """True when mapping ``name`` to ``entity_id`` was undone."""
        return (match_key(name), entity_id) in self._blocked

    # -- exact lookups ----------------------------------------------------------------------
    def _ok(self, ref: str, eid: str, method: str, score: float | None = None, reason: str = "") -> Resolution | None:
        if self.is_blocked(ref, eid):
            return None
        return Resolution(ref, self._by_id[eid], False, method, score, reason)

    def lookup(self, ref: str) -> Resolution | None:
        """An existing entity for ``ref`` (id, CIK, name, alias, ticker or manual merge), or None."""
        ref = ref.strip()
        if ref in self._by_id:
            return Resolution(ref, self._by_id[ref], False, "id")
        digits = ref.lower().removeprefix("cik").strip(": ")
        if digits.isdigit() and int(digits) in self._by_cik:
            return self._ok(ref, self._by_cik[int(digits)], "cik", reason="CIK of a known entity")
        key = normalise_name(ref)
        if key in self._by_name:
            eid = self._by_name[key]
            entity = self._by_id[eid]
            if normalise_name(entity.name) == key:
                found = self._ok(ref, eid, "name", reason="the entity's name")
            else:
                found = self._ok(ref, eid, "alias", reason="a known alias of the entity")
            if found:
                return found
        written = _TICKER_REF.match(ref)  # "$NVDA", "NASDAQ: NVDA"
        ticker = (written.group(1) if written else ref).upper()
        if ticker in self._by_ticker and (ref.isupper() or written):
            found = self._ok(ref, self._by_ticker[ticker], "ticker", reason=f"ticker {ticker}")
            if found:
                return found
        mkey = match_key(ref)
        if mkey in self._manual and self._manual[mkey] in self._by_id:
            return Resolution(ref, self._by_id[self._manual[mkey]], False, "manual", reason="merged by hand")
        return None

    # -- fuzzy ------------------------------------------------------------------------------
    def _known_count(self, tokens: tuple[str, ...]) -> int:
        """How many known entities have a name containing all ``tokens``."""
        keys: set[str] | None = None
        for t in tokens:
            have = self._postings.get(t, set())
            keys = set(have) if keys is None else keys & have
            if not keys:
                return 0
        return len({eid for k in keys or () for eid in self._key_ids[k]})

    def candidates(self, name: str, kind: EntityKind = EntityKind.COMPANY, limit: int = 5) -> list[tuple[Entity, Match]]:
        """Known entities a name may mean, best first, each with its score and reason (blocked ones left out)."""
        key = match_key(name)
        allowed = _COMPATIBLE.get(EntityKind(kind), frozenset())
        if not key or not allowed:
            return []
        # Candidates share one of the query's rarer words: a word in hundreds of names ("capital",
        # "technology") would bring hundreds of candidates and decides nothing on its own.
        posted = sorted((self._postings[t] for t in set(content_tokens(key)) if t in self._postings), key=len)
        keys: set[str] = set()
        for have in posted[:MAX_CANDIDATE_WORDS]:
            if len(have) > MAX_POSTING:
                break
            keys |= have
        # Misspelt names share no exact word; rapidfuzz's whole-string ratio finds them among the
        # names with the same first letter (a first letter is rarely the mistyped one).
        if self._by_initial is None:
            self._by_initial = {}
            for k in self._key_ids:
                self._by_initial.setdefault(k[0], []).append(k)
        keys |= {k for k, _, _ in process.extract(key, self._by_initial.get(key[0], []), scorer=fuzz.ratio,
                                                  score_cutoff=80, limit=limit)}
        best: dict[str, Match] = {}
        for k in keys:
            m = self.matcher.compare(name, k, known_count=self._known_count, keys=(key, k))
            for eid in self._key_ids[k]:
                if (self._by_id[eid].kind in allowed and not self.is_blocked(name, eid)
                        and (eid not in best or m.score > best[eid].score)):
                    best[eid] = m
        ranked = sorted(best.items(), key=lambda kv: (-kv[1].score, kv[0]))[:limit]
        return [(self._by_id[eid], m) for eid, m in ranked]

    def _fuzzy(self, name: str, kind: EntityKind) -> Resolution | None:
        ranked = self.candidates(name, kind, limit=2)
        if not ranked or ranked[0][1].score < self.matcher.threshold:
            return None
        (entity, m) = ranked[0]
        if len(ranked) > 1 and ranked[1][1].score >= max(self.matcher.threshold, m.score - AMBIGUITY_MARGIN):
            return None  # two entities fit about equally well: do not guess
        return Resolution(name, entity, False, "fuzzy", round(m.score, 2), f"{m.reason} ('{name}' ~ known name)")

    # -- SEC directory ----------------------------------------------------------------------
    def _from_directory(self, name: str, kind: EntityKind, cik: int | None) -> Resolution | None:
        if self.directory is None or kind not in _SEC_KINDS:
            return None
        ref = name.strip()
        entry: DirectoryEntry | None = None
        method = ""
        if cik:
            entry, method = self.directory.by_cik(cik), "sec_cik"
        elif m := _TICKER_REF.match(ref):
            entry, method = self.directory.by_ticker(m.group(1)), "sec_ticker"
        elif m := _CIK_REF.match(ref):
            entry, method = self.directory.by_cik(int(m.group(1))), "sec_cik"
        elif not is_generic(match_key(ref)):
            entry, method = self.directory.by_name(ref), "sec_name"
        if entry is None:
            return None
        reason = f"SEC registrant {entry.title} (CIK {entry.cik})"
        if entry.cik in self._by_cik:
            return self._ok(name, self._by_cik[entry.cik], method, reason=reason)
        if self.is_blocked(name, entity_id_for(entry.title, entry.cik)):
            return None
        aliases = (entry.title,) if normalise_name(entry.title) != normalise_name(ref) else ()
        entity = Entity.new(ref if method == "sec_name" else entry.title, kind=kind, cik=entry.cik,
                            tickers=tuple(entry.tickers), aliases=aliases)
        self.add(entity)
        return Resolution(name, entity, True, method, reason=reason)

    # -- the whole resolution ---------------------------------------------------------------
    def resolve(self, name: str, *, kind: EntityKind = EntityKind.COMPANY, cik: int | None = None) -> Resolution:
        """The entity ``name`` means; a new entity when nothing known matches."""
        kind = EntityKind(kind)
        if cik and int(cik) in self._by_cik:
            return Resolution(name, self._by_id[self._by_cik[int(cik)]], False, "cik")
        found = self.lookup(name)
        if found is not None:
            return found
        if cik:
            via_sec = self._from_directory(name, kind, cik)
            if via_sec is not None:
                return via_sec
        parts = split_subsidiary(name) if kind in _SEC_KINDS else None
        if parts is not None:
            child = self._subsidiary(name, *parts, kind=kind)
            if child is not None:
                return child
        found = self._fuzzy(name, kind)
        if found is not None and found.entity.cik and self.directory is not None:
            exact = self.directory.by_name(name)
            if exact is not None and exact.cik != found.entity.cik:
                found = None  # the SEC knows this exact name as another registrant
        found = found or self._from_directory(name, kind, None)
        if found is not None:
            return found
        return self._new(name, kind, cik)

    def _subsidiary(self, phrase: str, child: str, parent: str, *, kind: EntityKind) -> Resolution | None:
        known = self.lookup(child) or self._fuzzy(child, kind)
        reason = f"subsidiary phrase: {child}, subsidiary of {parent}"
        if known is not None:
            return None if self.is_blocked(phrase, known.entity.id) else \
                Resolution(phrase, known.entity, False, "subsidiary", known.score, reason)
        parent_res = self.lookup(parent) or self._fuzzy(parent, kind)
        parent_id = parent_res.entity.id if parent_res else entity_id_for(parent)
        entity = Entity.new(child, kind=kind, parent_id=parent_id)
        if self.is_blocked(phrase, entity.id):
            return None
        self.add(entity)
        return Resolution(phrase, entity, True, "subsidiary", reason=reason)

    def _new(self, name: str, kind: EntityKind, cik: int | None) -> Resolution:
        entity = Entity.new(name.strip(), kind=kind, cik=cik)
        if entity.id in self._by_id:  # same normalised name, e.g. punctuation variants
            return Resolution(name, self._by_id[entity.id], False, "name")
        self.add(entity)
        return Resolution(name, entity, True, "new")
