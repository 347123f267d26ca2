"""``edgar parse`` says what each filing states in words: amounts with their currency, never "None"."""

from __future__ import annotations

from pathlib import Path

from infraledger.cli.edgar import summary_text
from infraledger.sources.edgar.eightk import EightK
from infraledger.sources.edgar.prospectus import ProspectusCover
from infraledger.sources.edgar.registry import ReadFiling

FORM_D = Path(__file__).resolve().parents[1] / "fixtures" / "sec" / "form-d"


def test_form_d_amounts_are_dollars_and_an_indefinite_offering_is_said_so(run):
    out = run("edgar", "parse", FORM_D / "D_Notion-Labs-Inc_2020-04-10.xml",
              FORM_D / "0001398344-24-000491_D-A_Investure-Opportunity-Fund.nc").stdout
    assert "Notion Labs, Inc.: sold $48,828,287 of $50,000,000" in out
    assert "sold $561,224,695 of an indefinite" in out and "None" not in out


def test_a_cover_or_8k_without_figures_or_names_says_so():
    cover = ReadFiling("p.txt", "prospectus", "424B4", ProspectusCover(form_type="424B4", issuer="", cik=None,
                                                                          is_ipo=True))
    assert summary_text(cover) == "(name not stated): no offering terms stated"
    eightk = ReadFiling("e.txt", "8-k", "8-K", EightK(form_type="8-K", company=" ", cik=None, date_of_report=None, items=()))
    assert summary_text(eightk) == "(name not stated): no items stated"
