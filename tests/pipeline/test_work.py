"""A worker's reading of a shard of texts (fictional companies)."""

from __future__ import annotations

from infraledger.ingest import prepare_bytes
from infraledger.pipeline.inputs import Item
from infraledger.pipeline.work import read_shard

GOOD = [
    Item("a.txt", b"Zentrix raised $40 million in a Series B round led by Halvora Capital.\n"),
    Item("b.txt", b"Quillon Bio agreed to acquire Merrow Analytics for $120 million, the companies said.\n"),
]


def test_a_shard_of_texts_reads_each_as_it_is_read_alone():
    read = read_shard("text", tuple(GOOD), {})
    assert [r.name for r in read] == ["a.txt", "b.txt"] and not any(r.error for r in read)
    assert [r.value.candidates for r in read] == [prepare_bytes(i.data, i.name).candidates for i in GOOD]
    assert all(r.value.candidates for r in read)


def test_a_bad_text_in_a_shard_is_an_error_in_its_place_and_the_others_are_read():
    items = (GOOD[0], Item("empty.txt", b""), GOOD[1])
    read = read_shard("text", items, {})
    assert [r.name for r in read] == ["a.txt", "empty.txt", "b.txt"]
    assert "empty.txt" in read[1].error and read[1].value is None
    assert [r.value.candidates for r in (read[0], read[2])] == [prepare_bytes(i.data, i.name).candidates for i in GOOD]
