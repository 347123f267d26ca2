"""Reading a filing does each step once: a full submission is split once, and the collector is left as found."""

from __future__ import annotations

import gc
from pathlib import Path

from cli_runner import run_in_process, without_settings
from infraledger.sources.edgar import formd, registry
from infraledger.sources.edgar.registry import _base_name, _path_text, read_filing

INVESTURE = "form-d/0001398344-24-000491_D-A_Investure-Opportunity-Fund.nc"


def test_a_form_d_submission_is_split_once_and_read_as_when_split_again(sec_dir, monkeypatch):
    data = (sec_dir / INVESTURE).read_bytes()
    calls = []
    split = registry.split_submission

    def counting(*args, **kwargs):
        calls.append(1)
        return split(*args, **kwargs)

    monkeypatch.setattr(registry, "split_submission", counting)
    monkeypatch.setattr(formd, "split_submission", counting)
    read = read_filing(data, "investure.nc")
    assert len(calls) == 1
    assert read.parsed == formd.parse_form_d(data, source="investure.nc")
    assert read.parsed.issuer.name == "INVESTURE OPPORTUNITY FUND, LP"
    assert read.contributions[0].facts[0].attributes["evidence_location"]["document"] == "primary_doc.xml"


def test_names_are_what_paths_make_of_them():
    for name in ["a/b.xml", "b.xml", "/x/y/z.xml", "a//b.xml", "./a.xml", "a/./b.xml", "a/", "a/.", ".", "", "/",
                 "//a", "a/..", "../a.xml", ".hidden/a.xml", "a/.hidden", "dir/ spaced .xml"]:
        assert _path_text(name) == str(Path(name)), name
        assert _base_name(name) == Path(name).name, name


def test_a_parse_leaves_the_garbage_collector_as_it_found_it(sec_dir):
    before = (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled())
    ran = run_in_process(["edgar", "parse", "--format", "jsonl", str(sec_dir / INVESTURE)], env=without_settings())
    assert ran.returncode == 0, ran.stderr
    assert (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()) == before
