"""Build tests/resolve/name_pairs.csv: labelled pairs of company names from real SEC data.

Labels come from the SEC's Central Index Key, never from the matcher: two names are the *same*
company when EDGAR files them under one CIK, *different* when under two. Where the names come from
(all in ../shared/data/sec):

- company_tickers.json titles ("NVIDIA CORP", "Meta Platforms, Inc.");
- the EDGAR daily form index of 2020-03-18 (names as filed that day, often since renamed);
- SGML headers of full submissions (conformed names, former conformed names, co-filers);
- inline XBRL cover pages (dei:EntityRegistrantName with dei:EntityCentralIndexKey);
- Form D issuers and their previous names; Schedule 13D issuers;
- data.sec.gov submissions files (name and formerNames);
- the press form of a listed name, made from its title by the conventions newspapers use
  ("MICROSOFT CORP" -> "Microsoft Corporation", "Alphabet Inc." -> "Alphabet").

Negatives are chosen to be hard: co-filers in one submission (a holding company and its utility
subsidiaries), registrants whose titles share their first word, and for a sample of titles the
most similar title of another registrant by rapidfuzz's token_set_ratio. Pairs whose names are
equal once normalised but whose CIKs differ (series of one trust, for instance) are left out:
no name matcher can tell them apart. Column ``shares_word`` says whether the two names have a
word in common once normalised; same-CIK pairs without one are renames ("Facebook Inc" /
"Meta Platforms, Inc."), which only former-name data can resolve.

Run: ``python -m benchmarks.build_name_pairs [--out tests/resolve/name_pairs.csv]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from rapidfuzz import fuzz, process

from infraledger.model import normalise_name

REPO = Path(__file__).resolve().parents[1]
SEC = REPO.parent / "shared" / "data" / "sec"
OUT = REPO / "tests" / "resolve" / "name_pairs.csv"
# Legal words, and EDGAR's "/NEW/" marker for a re-registered company, are not shared words.
_LEGAL = {"inc", "corp", "co", "ltd", "llc", "plc", "lp", "group", "holdings", "company", "corporation", "new"}


def _tickers() -> dict[int, str]:
    rows = json.loads((SEC / "other" / "company_tickers.json").read_text())
    out: dict[int, str] = {}
    for r in rows.values():
        out.setdefault(int(r["cik_str"]), r["title"])
    return out


def _daily_index() -> list[tuple[str, int]]:
    out = []
    for line in (SEC / "other" / "form.20200318.idx").read_text(errors="replace").splitlines():
        m = re.match(r"^(.{12})(.{62})(\d+)\s+\d{8}\s", line)
        if m:
            out.append((m.group(2).strip(), int(m.group(3))))
    return out


def _headers() -> tuple[list[tuple[str, int, str]], list[list[tuple[str, int]]]]:
    """(name, cik, kind) from SGML headers, and the co-filers of each submission."""
    names, groups = [], []
    for path in sorted(SEC.rglob("*.txt")) + sorted(SEC.rglob("*.nc")):
        head = path.read_text(errors="replace")[:60000]
        if "<SEC-HEADER>" not in head and "<SUBMISSION>" not in head:
            continue
        head = head.split("</SEC-HEADER>")[0]
        group = []
        for block in re.split(r"\n\s*(?:FILER|SUBJECT COMPANY|FILED BY|REPORTING-OWNER):\s*\n", head)[1:]:
            m = re.search(r"COMPANY CONFORMED NAME:\s*(.+)", block)
            k = re.search(r"CENTRAL INDEX KEY:\s*(\d+)", block)
            if not (m and k):
                continue
            cik = int(k.group(1))
            names.append((m.group(1).strip(), cik, "sgml_header"))
            group.append((m.group(1).strip(), cik))
            for former in re.findall(r"FORMER CONFORMED NAME:\s*(.+)", block):
                names.append((former.strip(), cik, "former_conformed_name"))
        groups.append(group)
    return names, groups


def _xbrl_and_xml() -> list[tuple[str, int, str]]:
    out = []
    for path in sorted(SEC.rglob("*.htm*")):
        text = path.read_text(errors="replace")
        n = re.search(r"dei:EntityRegistrantName\"[^>]*>([^<]+)", text)
        c = re.search(r"dei:EntityCentralIndexKey\"[^>]*>\s*(\d+)", text)
        if n and c:
            out.append((n.group(1).strip(), int(c.group(1)), "xbrl_cover"))
    for path in sorted((SEC / "form-d").iterdir()):
        text = path.read_text(errors="replace")
        for block in re.findall(r"<(?:primaryIssuer|issuer)>(.*?)</(?:primaryIssuer|issuer)>", text, re.DOTALL):
            c = re.search(r"<cik>(\d+)", block)
            n = re.search(r"<entityName>([^<]+)", block)
            if c and n:
                out.append((n.group(1).strip(), int(c.group(1)), "form_d_issuer"))
                for prev in re.findall(r"<previousName>([^<]+)", block):
                    if prev.strip().lower() != "none":
                        out.append((prev.strip(), int(c.group(1)), "form_d_previous_name"))
    for path in sorted((SEC / "other").glob("Schedule13*.xml")):
        text = path.read_text(errors="replace")
        c = re.search(r"<issuerCIK>(\d+)", text, re.IGNORECASE)
        n = re.search(r"<issuerName>([^<]+)", text)
        if c and n:
            out.append((n.group(1).strip(), int(c.group(1)), "schedule_13d_issuer"))
    for path in sorted((SEC / "other").glob("submissions_CIK*.json")):
        data = json.loads(path.read_text())
        out.append((data["name"], int(data["cik"]), "submissions_name"))
        for f in data.get("formerNames") or []:
            out.append((f["name"], int(data["cik"]), "submissions_former_name"))
    return out


def press_form(title: str) -> str:
    """How a newspaper writes a registrant's title: title case, full legal word, or no legal word."""
    words = title.replace(",", "").split()
    if title.isupper():
        full = {"CORP": "Corporation", "INC": "Inc.", "CO": "Company", "LTD": "Limited", "PLC": "plc"}
        words = [full.get(w.rstrip("."), w if len(w) <= 3 and w.isalpha() and w not in ("COM",) else w.title())
                 for w in words if not w.startswith("/")]
        return " ".join(words)
    while len(words) > 1 and words[-1].rstrip(".").lower() in _LEGAL:
        words.pop()
    return " ".join(words)


def _word_set(name: str) -> set[str]:
    return {w for w in normalise_name(name).split() if len(w) >= 3 and w not in _LEGAL}


def build() -> list[dict]:
    titles = _tickers()
    observed: list[tuple[str, int, str]] = [(t, c, "company_tickers") for c, t in titles.items()]
    index = _daily_index()
    observed += [(n, c, "daily_index") for n, c in index if c in titles]
    header_names, groups = _headers()
    observed += header_names + _xbrl_and_xml()

    pairs: dict[tuple[str, str], dict] = {}

    def add(a: str, b: str, same: bool, kind: str, ca: int, cb: int) -> None:
        if a == b or (not same and normalise_name(a) == normalise_name(b)):
            return
        key = tuple(sorted((a, b)))
        if key in pairs:
            return
        pairs[key] = {"name_a": a, "name_b": b, "label": "same" if same else "different", "kind": kind,
                      "cik_a": ca, "cik_b": cb, "shares_word": "yes" if _word_set(a) & _word_set(b) else "no"}

    # Positives: every two names EDGAR files under one CIK.
    by_cik: dict[int, dict[str, str]] = defaultdict(dict)
    for name, cik, kind in observed:
        by_cik[cik].setdefault(name, kind)
    for cik, names in sorted(by_cik.items()):
        for (a, ka), (b, kb) in combinations(sorted(names.items()), 2):
            add(a, b, True, ka if ka != "company_tickers" else kb, cik, cik)
    # Positives: press forms of the 80 largest listed companies' titles (the file lists them first).
    for cik, title in list(titles.items())[:80]:
        add(title, press_form(title), True, "press_form", cik, cik)

    # Negatives: co-filers of one submission.
    for group in groups:
        for (a, ca), (b, cb) in combinations(sorted(set(group)), 2):
            if ca != cb:
                add(a, b, False, "co_filer", ca, cb)
    # Negatives: titles sharing their first word (up to two pairs per word, words shared by 2-6 titles).
    by_first: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for cik, title in titles.items():
        words = normalise_name(title).split()
        if words and len(words[0]) >= 4:
            by_first[words[0]].append((cik, title))
    shared_first = [w for w, rows in sorted(by_first.items()) if 2 <= len(rows) <= 6]
    for word in shared_first[::6]:
        rows = by_first[word]
        for (ca, a), (cb, b) in list(combinations(rows, 2))[:2]:
            add(a, b, False, "shared_first_word", ca, cb)
    # Negatives: for every 40th title, the most similar title of another registrant.
    choices = list(titles.items())
    normalised = [normalise_name(t) for _, t in choices]
    for i in range(0, len(choices), 40):
        cik, title = choices[i]
        for _, score, j in process.extract(normalised[i], normalised, scorer=fuzz.token_set_ratio, limit=4):
            if choices[j][0] != cik and score >= 60:
                add(title, choices[j][1], False, "similar_title", cik, choices[j][0])
                break
    return sorted(pairs.values(), key=lambda r: (r["label"], r["kind"], r["name_a"].lower(), r["name_b"].lower()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    same = sum(r["label"] == "same" for r in rows)
    print(f"{len(rows)} pairs ({same} same, {len(rows) - same} different) -> {args.out}")


if __name__ == "__main__":
    main()
