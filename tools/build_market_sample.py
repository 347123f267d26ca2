"""Convert the sourced market-facts table into the bundled data file ``sample-market.json``.

Usage: python tools/build_market_sample.py ../shared/data/facts/market-facts.csv src/infraledger/data/sample-market.json

Each row of the table is one fact from one public web page; the page becomes the fact's source
(recorded on the fact's date, the earliest the page could have said it). Rows about companies the
reference article does not discuss are left out, so the sample stays the article's story.
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date

ARTICLE_SUBJECTS = {"Alphabet", "Amazon", "Meta Platforms", "Microsoft", "Oracle", "CoreWeave", "Netskope",
                    "Fermi", "Wiz", "Chronosphere", "Enfabrica", "DriveNets", "Alphabet+Amazon+Meta+Microsoft"}
NAMES = {"Google (Alphabet)": "Alphabet", "Alphabet+Amazon+Meta+Microsoft": "Top four hyperscalers"}
IPO_ATTR = {"ipo_offer_price": "offer_price", "ipo_shares": "shares", "ipo_first_day_open": "first_day_open",
            "ipo_first_day_close": "first_day_close", "ipo_first_day_return": "first_day_return_pct",
            "ipo_anchor_order": "anchor_order_usd"}
FISCAL_YEAR_END = {"Microsoft": 6, "Oracle": 5}


def record_time(day: str) -> str:
    parts = day.split("-")
    if len(parts) == 1:
        return f"{int(parts[0]) + 1}-01-01T00:00:00"
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return f"{y}-{m:02d}-01T00:00:00"
    return f"{date.fromisoformat(day).isoformat()}T23:59:00"


def money(row: dict) -> dict | None:
    if not row["value"] or row["unit"] not in ("USD", "USD/share"):
        return None
    q = row["qualifier"]
    if q == "range":
        lo, hi = row["value"].split("-")
        return {"amount": lo, "high": hi, "currency": "USD", "qualifier": "between"}
    return {"amount": row["value"], "currency": "USD", "qualifier": q}


def capex_period(row: dict) -> str:
    subject, day, kind = row["subject"], row["date"], row["kind"]
    fye = FISCAL_YEAR_END.get(subject)
    year = int(day[:4])
    if kind == "capex_actual":
        if fye and len(day) == 10:
            month = int(day[5:7])
            fy = year + (1 if month > fye else 0)
            note = row["note"].lower()
            if "single quarter" in note:
                return f"FY{fy}-Q2" if month == 12 else f"FY{fy}"
            if "first half" in note:
                return f"FY{fy}-H1"
            return f"FY{fy}"
        return str(year)
    if fye:
        return f"FY{year + (1 if int(day[5:7] or 1) > fye else 0)}"
    return str(year)


def convert(row: dict, i: int) -> tuple[dict, dict]:
    subject = NAMES.get(row["subject"], row["subject"])
    counterparty = NAMES.get(row["counterparty"], row["counterparty"])
    kind = row["kind"]
    src = {"key": f"m{i}", "kind": "market_data" if kind.startswith(("close_price", "ipo_first_day")) else "article",
           "title": row["source_title"], "url": row["source_url"], "published": None,
           "recorded_at": record_time(row["date"])}
    if len(row["date"]) == 10:
        src["published"] = row["date"]
    src = {k: v for k, v in src.items() if v is not None}
    if "sec.gov" in row["source_url"]:
        src["kind"] = "sec_filing"
    fact: dict = {"source": f"m{i}", "subject": subject, "time": row["date"], "attributes": {}}
    if row["note"]:
        fact["attributes"]["note"] = row["note"]
    m = money(row)
    if kind.startswith("capex"):
        basis = {"capex_guidance": "guidance", "capex_actual": "actual", "capex_estimate": "estimate",
                 "capex_total_estimate": "aggregate"}[kind]
        fact.update(type="capex_budget", amount=m)
        fact["attributes"].update(period=capex_period(row), basis=basis, source_status=row["status"])
        if subject in FISCAL_YEAR_END:
            fact["attributes"]["fiscal_year_end"] = FISCAL_YEAR_END[subject]
        if kind == "capex_total_estimate":
            fact["attributes"]["members"] = ["Alphabet", "Amazon", "Meta Platforms", "Microsoft"]
    elif kind.startswith("ipo_"):
        fact.update(type="ipo", status="completed" if kind != "ipo_pricing_scheduled" else "announced")
        if kind == "ipo_gross_proceeds":
            fact["amount"] = m
        elif kind in IPO_ATTR and row["value"]:
            fact["attributes"][IPO_ATTR[kind]] = row["value"]
            fact["attributes"][IPO_ATTR[kind] + "_qualifier"] = row["qualifier"]
        fact["attributes"]["detail"] = kind.removeprefix("ipo_")
        if kind == "ipo_anchor_order" and counterparty:
            fact["counterparties"] = [{"name": counterparty, "role": "investor"}]
    elif kind == "close_price":
        fact.update(type="price_observation", amount=m)
    elif kind in ("acquisition_announced", "regulatory_clearance", "acquisition_completed"):
        status = {"acquisition_announced": "announced", "regulatory_clearance": "pending",
                  "acquisition_completed": "completed"}[kind]
        fact.update(type="acquisition", status=status, amount=m,
                    counterparties=[{"name": counterparty, "role": "acquirer"}])
        if kind == "regulatory_clearance":
            fact["attributes"]["clearance"] = row["status"]
    elif kind == "talent_move":
        fact.update(type="talent_move", status="completed", amount=m,
                    counterparties=[{"name": counterparty, "role": "hirer"}])
    elif kind in ("contract_value", "contract_value_total"):
        fact.update(type="commercial_contract", status="completed", amount=m,
                    counterparties=[{"name": counterparty, "role": "customer"}])
        fact["attributes"]["tranche"] = ("cumulative " if kind.endswith("total") else "") + row["date"]
    elif kind == "equity_stake":
        fact.update(type="strategic_investment", status="completed", amount=m,
                    counterparties=[{"name": counterparty, "role": "investor"}])
    else:
        raise ValueError(f"row {i}: unknown kind {kind}")
    return src, {k: v for k, v in fact.items() if v not in (None, {}, [])}


def main(src_csv: str, out_json: str) -> None:
    sources, facts = [], []
    with open(src_csv, encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            if row["subject"] not in ARTICLE_SUBJECTS:
                continue
            s, f = convert(row, i)
            sources.append(s)
            facts.append(f)
    out = {"format": "infraledger-data/1",
           "description": "Sourced market facts about the companies and deals of the reference article: capex "
                          "guidance and actuals, IPO terms and later prices, what became of the deals. One fact "
                          "per public web page, with the page as source.",
           "sources": sources, "entities": [{"name": "Fermi", "tickers": ["FRMI"], "layers": ["data_center", "power"]}],
           "facts": facts}
    with open(out_json, "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=1, ensure_ascii=False)
    print(f"{len(facts)} facts from {len(sources)} sources -> {out_json}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
