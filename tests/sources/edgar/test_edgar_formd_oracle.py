"""Our Form D reader against edgartools (the correctness oracle) on every real Form D we have."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from infraledger.sources.edgar.formd import form_d_xml, parse_form_d

SEC = Path(__file__).resolve().parents[2] / "fixtures" / "sec"  # the shared Form D files, copied

edgar_offerings = pytest.importorskip("edgar.offerings")

FORM_D_FILES = sorted(p for p in (SEC / "form-d").iterdir() if p.is_file()) if SEC.is_dir() else []


def _blank(value):
    """Absent values: edgartools gives '' or None, and keeps EDGAR's literal 'None' placeholder in
    some fields (a recipient's zip code) while dropping it in others; we read all three as None."""
    return None if value in ("", None, "None") else value


def _amount(text):
    """edgartools keeps amounts as the XML text; ours are Decimal or None + an 'indefinite' flag."""
    if text in (None, ""):
        return None
    return "Indefinite" if text == "Indefinite" else Decimal(text)


def _ours_amount(value, indefinite):
    return "Indefinite" if indefinite else value


def _address(a):
    return (_blank(a.street1), _blank(a.street2), _blank(a.city), _blank(a.state_or_country),
            _blank(a.state_or_country_description), _blank(getattr(a, "zipcode", None) or getattr(a, "zip_code", None)))


def theirs_fields(f) -> dict:
    od = f.offering_data
    issuer = f.primary_issuer
    osa = od.offering_sales_amounts
    fees = od.sales_commission_finders_fees
    return {
        "submission_type": f.submission_type,
        "is_live": f.is_live,
        "issuer.cik": int(issuer.cik),
        "issuer.name": issuer.entity_name,
        "issuer.entity_type": issuer.entity_type,
        "issuer.jurisdiction": issuer.jurisdiction,
        "issuer.year": int(issuer.year_of_incorporation) if _blank(issuer.year_of_incorporation) else None,
        "issuer.within_five_years": issuer.incorporated_within_5_years,
        "issuer.phone": issuer.phone_number,
        "issuer.address": _address(issuer.primary_address),
        "issuer.previous_names": tuple(issuer.issuer_previous_names),
        "issuer.edgar_previous_names": tuple(issuer.edgar_previous_names),
        "related_persons": [(p.first_name, p.last_name, tuple(p.relationships), _blank(p.relationship_clarification),
                             _address(p.address)) for p in f.related_persons],
        "industry_group": od.industry_group.industry_group_type,
        "investment_fund_type": od.industry_group.investment_fund_info.investment_fund_type
        if od.industry_group.investment_fund_info else None,
        "is_40_act": od.industry_group.investment_fund_info.is_40_act if od.industry_group.investment_fund_info else None,
        "revenue_range": od.revenue_range,
        "federal_exemptions": tuple(od.federal_exemptions),
        "is_new": od.is_new,
        "date_of_first_sale": _blank(od.date_of_first_sale),
        "more_than_one_year": od.more_than_one_year,
        "is_equity": od.is_equity,
        "is_pooled_investment": od.is_pooled_investment,
        "is_business_combination": od.business_combination_transaction.is_business_combination,
        "business_combination_clarification": _blank(od.business_combination_transaction.clarification_of_response),
        "minimum_investment": Decimal(od.minimum_investment) if _blank(od.minimum_investment) else None,
        "sales_compensation": [(_blank(r.name), _blank(r.crd), _blank(r.associated_bd_name), _blank(r.associated_bd_crd),
                                tuple(r.states_of_solicitation), _address(r.address))
                               for r in od.sales_compensation_recipients],
        "total_offering_amount": _amount(osa.total_offering_amount),
        "total_amount_sold": _amount(osa.total_amount_sold),
        "total_remaining": _amount(osa.total_remaining),
        "offering_clarification": _blank(osa.clarification_of_response),
        "has_non_accredited_investors": od.investors.has_non_accredited_investors,
        "total_investors": int(od.investors.total_already_invested),
        "sales_commissions": _amount(fees.sales_commission),
        "finders_fees": _amount(fees.finders_fees),
        "fees_clarification": _blank(fees.clarification_of_response),
        "gross_proceeds_used": _amount(od.use_of_proceeds.gross_proceeds_used),
        "proceeds_clarification": _blank(od.use_of_proceeds.clarification_of_response),
        "authorized_representative": f.signature_block.authorized_representative,
        "signatures": [(s.issuer_name, s.signature_name, s.name_of_signer, s.title, s.date)
                       for s in f.signature_block.signatures],
    }


def ours_fields(d) -> dict:
    i = d.issuer
    return {
        "submission_type": d.submission_type,
        "is_live": d.is_live,
        "issuer.cik": i.cik,
        "issuer.name": i.name,
        "issuer.entity_type": i.entity_type,
        "issuer.jurisdiction": i.jurisdiction,
        "issuer.year": i.year_of_incorporation,
        "issuer.within_five_years": i.incorporated_within_five_years,
        "issuer.phone": i.phone,
        "issuer.address": _address(i.address),
        "issuer.previous_names": i.previous_names,
        "issuer.edgar_previous_names": i.edgar_previous_names,
        "related_persons": [(p.first_name, p.last_name, p.relationships, p.clarification, _address(p.address))
                            for p in d.related_persons],
        "industry_group": d.industry_group,
        "investment_fund_type": d.investment_fund_type,
        "is_40_act": d.is_40_act,
        "revenue_range": d.revenue_range,
        "federal_exemptions": d.federal_exemptions,
        "is_new": None if d.is_amendment is None else not d.is_amendment,
        "date_of_first_sale": d.date_of_first_sale.isoformat() if d.date_of_first_sale else None,
        "more_than_one_year": d.more_than_one_year,
        "is_equity": d.is_equity,
        "is_pooled_investment": d.is_pooled_investment,
        "is_business_combination": d.is_business_combination,
        "business_combination_clarification": d.business_combination_clarification,
        "minimum_investment": d.minimum_investment,
        "sales_compensation": [(r.name, r.crd, r.associated_bd_name, r.associated_bd_crd, r.states_of_solicitation,
                                _address(r.address)) for r in d.sales_compensation],
        "total_offering_amount": _ours_amount(d.total_offering_amount, d.offering_amount_indefinite),
        "total_amount_sold": d.total_amount_sold,
        "total_remaining": _ours_amount(d.total_remaining, d.remaining_indefinite),
        "offering_clarification": d.offering_clarification,
        "has_non_accredited_investors": d.has_non_accredited_investors,
        "total_investors": d.total_investors,
        "sales_commissions": d.sales_commissions,
        "finders_fees": d.finders_fees,
        "fees_clarification": d.fees_clarification,
        "gross_proceeds_used": d.gross_proceeds_used,
        "proceeds_clarification": d.proceeds_clarification,
        "authorized_representative": d.authorized_representative,
        "signatures": [(s.issuer_name, s.signature_name, s.name_of_signer, s.title,
                        s.date.isoformat() if s.date else None) for s in d.signatures],
    }


def test_every_shared_form_d_is_covered():
    assert len(FORM_D_FILES) >= 7


@pytest.mark.parametrize("path", FORM_D_FILES, ids=lambda p: p.name)
def test_form_d_fields_equal_edgartools(path):
    data = path.read_bytes()
    ours = ours_fields(parse_form_d(data, source=path.name))
    theirs = theirs_fields(edgar_offerings.FormD.from_xml(form_d_xml(data).decode("utf-8")))
    assert ours == theirs
