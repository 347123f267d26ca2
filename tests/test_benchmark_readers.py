"""The extraction benchmark's readers: research-corpus formats, dev-set genres and the scorer's matching.

All inputs here are made up in the corpora's formats; the corpora themselves are never in the repository.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import datetime
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"benchmarks.{name}", REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


corpora = _load("corpora")
devset = _load("devset")

SGML = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="7">
<DATE> 5-MAR-1987 09:14:00.00</DATE>
<TOPICS><D>acq</D><D>earn</D></TOPICS>
<PLACES><D>usa</D></PLACES>
<TEXT>&#2;
<TITLE>QUILLMOOR &lt;QMR> TO BUY TARNBRIDGE UNIT</TITLE>
<DATELINE>    NEW YORK, March 5 - </DATELINE><BODY>Quillmoor Corp said it agreed to buy
the valve unit of Tarnbridge Inc for 40 mln dlrs.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="YES" LEWISSPLIT="TEST" CGISPLIT="PUBLISHED-TESTSET" OLDID="2" NEWID="8">
<DATE>26-MAR-1987 15:01:01.79</DATE>
<TOPICS></TOPICS>
<TEXT TYPE="UNPROC">&#2;
Orvane shares rose 3 cts in early trade.
&#3;</TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="NOT-USED" CGISPLIT="TRAINING-SET" OLDID="3" NEWID="9">
<DATE>27-MAR-1987 10:00:00.00</DATE>
<TOPICS></TOPICS>
<TEXT><TITLE>HALVETTA NOTES</TITLE><BODY>Nothing.</BODY></TEXT>
</REUTERS>
"""


def test_reuters_stories_are_read_with_split_topics_date_and_text():
    first, second, third = corpora.parse_stories(SGML)
    assert (first.newid, first.split, first.topics) == ("7", "train", ("acq", "earn"))
    assert first.date == datetime(1987, 3, 5, 9, 14)
    assert first.title == "QUILLMOOR <QMR> TO BUY TARNBRIDGE UNIT"
    assert first.text.startswith("QUILLMOOR <QMR> TO BUY TARNBRIDGE UNIT\n\nNEW YORK, March 5 - Quillmoor Corp said")
    assert first.text.endswith("for 40 mln dlrs.")  # the "Reuter" sign-off and control characters are gone
    assert (second.split, second.topics, second.text) == ("test", (), "Orvane shares rose 3 cts in early trade.")
    assert third.split == ""  # TOPICS="NO" is outside ModApte


def test_reuters_folder_reading_keeps_one_split(tmp_path):
    (tmp_path / "reut2-000.sgm").write_bytes(SGML.encode("latin-1"))
    assert [s.newid for s in corpora.read_reuters(tmp_path, "test")] == ["8"]
    assert [s.newid for s in corpora.read_reuters(tmp_path)] == ["7", "8", "9"]
    with pytest.raises(FileNotFoundError):
        list(corpora.read_reuters(tmp_path / "empty"))


def test_sentivent_rows_are_read_and_detokenised(tmp_path):
    path = tmp_path / "dataset_event_type.tsv"
    header = ("document_id\tdocument_title\tsentence_idx\ttext\ttypes_event\tsubtypes_event\ttypes_event_unq\t"
              "subtypes_event_unq\ttoken_cnt\tevent_cnt\tdataset\tlabels")
    rows = [
        ("qm00\tqm00.txt\t0\tQuillmoor Corp . agreed to buy Tarnbridge ' s valve unit for $ 40.5 million , "
        "it said .\t[]\t[]\t['Merger/Acquisition']\t['Merger/Acquisition.None']\t14\t1\tgold\t[]"),
        ("qm00\tqm00.txt\t1\tShares of Quillmoor did n't move .\t[]\t[]\t['SecurityValue']\t"
        "['SecurityValue.Stable_SecurityValue']\t7\t1\tsilver\t[]"),
        ("qm00\tqm00.txt\t2\tOrvane named Dana Whitlock chief executive .\t[]\t[]\t['Employment']\t"
        "['Employment.Start']\t7\t1\tsilver\t[]"),
    ]
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    first, second, third = corpora.read_sentivent(path)
    assert first.text == "Quillmoor Corp. agreed to buy Tarnbridge's valve unit for $40.5 million, it said."
    assert first.is_deal and first.dataset == "gold" and "Merger/Acquisition" in first.labels
    assert second.text == "Shares of Quillmoor didn't move." and not second.is_deal
    assert third.labels == {"Employment", "Employment.Start"} and third.is_deal


def test_sentivent_reader_refuses_other_files(tmp_path):
    path = tmp_path / "other.tsv"
    path.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a SENTiVENT"):
        list(corpora.read_sentivent(path))


@pytest.mark.parametrize(("description", "genre"), [
    ("formal press release with contacts", "press release / company post"),
    ("press release as HTML page", "HTML page"),
    ("8-K Exhibit 99.1 press release, hard-wrapped", "filing exhibit"),
    ("markdown article with a table of listings", "table / markdown"),
    ("weekly newsletter with distractors", "roundup / newsletter"),
    ("short news brief, executive moves", "people moves"),
    ("look-back feature; IPO filing as non-event", "analysis / feature"),
    ("IPO news from a regional exchange", "IPO news"),
    ("social-post style thread", "social post"),
    ("short follow-up brief", "news story"),
])
def test_genre_keywords(description, genre):
    assert devset.genre_of(description) == genre


def test_genre_column_is_read_from_markdown_tables(tmp_path):
    md = tmp_path / "SOURCES.md"
    md.write_text("| doc | genre | events |\n|---|---|---|\n"
                  "| dev-01.txt | weekly newsletter | a, b |\n"
                  "| dev-02.txt | article with a table (A \\| B) | c |\n"
                  "text between tables\n", encoding="utf-8")
    assert devset.genre_descriptions(md) == {"dev-01.txt": "weekly newsletter",
                                             "dev-02.txt": "article with a table (A | B)"}
    assert devset.document_genres(md) == {"dev-01.txt": "roundup / newsletter", "dev-02.txt": "table / markdown"}


@pytest.mark.skipif(not (devset.EVAL / "score_events.py").exists(), reason="needs ../shared/eval")
def test_matching_is_the_scorers_one_to_one_matching():
    gold = [{"doc": "a.txt", "type": "acquisition", "subject": "Tarnbridge Inc.", "amount_usd": 40_000_000},
            {"doc": "a.txt", "type": "funding_round", "subject": "Orvane", "amount_usd": None}]
    pred = [{"doc": "a.txt", "type": "acquisition", "subject": "Tarnbridge", "amount_usd": 40_100_000},
            {"doc": "a.txt", "type": "acquisition", "subject": "Tarnbridge", "amount_usd": 40_000_000},
            {"doc": "b.txt", "type": "funding_round", "subject": "Orvane", "amount_usd": None},
            {"doc": "a.txt", "type": "funding_round", "subject": "Orvane Labs", "amount_usd": 5}]
    assert devset.matched(gold, pred) == [True, False, False, True]


def test_reliability_bins_count_every_fact_once():
    rows = devset.reliability([0.05, 0.2, 0.99, 1.0, 0.5], [False, True, True, True, False])
    assert [(label, n) for label, n, _, _ in rows] == [("0.0-0.2", 1), ("0.2-0.4", 1), ("0.4-0.6", 1),
                                                        ("0.6-0.8", 0), ("0.8-1.0", 2)]
    assert rows[4][3] == 1.0 and rows[0][3] == 0.0 and rows[3][2] is None
