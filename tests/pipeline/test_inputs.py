"""Inputs streamed from files, folders, globs and archives, each document bounded in size."""

from __future__ import annotations

import io
import tarfile
import zipfile

from infraledger.pipeline.inputs import Item, Unreadable, iter_inputs
from infraledger.pipeline.shards import shards


def _names(stream):
    return [(type(x).__name__, x.name.rsplit("/", 1)[-1]) for x in stream]


def test_folders_are_walked_in_order_without_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "b" / "c.txt").write_text("two")
    (tmp_path / ".hidden").write_text("no")
    got = list(iter_inputs([tmp_path], max_bytes=100))
    assert [x.name for x in got] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.txt")]
    assert [x.data for x in got] == [b"one", b"two"]


def test_globs_and_missing_paths(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(name)
    got = list(iter_inputs([str(tmp_path / "x*.txt"), str(tmp_path / "nothing*.txt"), str(tmp_path / "gone.txt")],
                           max_bytes=100))
    assert [type(x) for x in got] == [Item, Item, Unreadable, Unreadable]
    assert "no file matches" in got[2].message and "no such file" in got[3].message


def test_zip_and_tar_members_are_read_without_unpacking(tmp_path):
    z = tmp_path / "docs.zip"
    with zipfile.ZipFile(z, "w") as archive:
        archive.writestr("one.txt", "first")
        archive.writestr("big.txt", "x" * 500)
    t = tmp_path / "20260302.nc.tar.gz"
    with tarfile.open(t, "w:gz") as archive:
        for name, body in (("0001-26-000001.nc", b"filing one"), ("0001-26-000002.nc", b"filing two")):
            info = tarfile.TarInfo(name)
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
    got = list(iter_inputs([z, t], max_bytes=100))
    assert [(type(x).__name__, x.name.split("!")[-1]) for x in got] == [
        ("Item", "one.txt"), ("Unreadable", "big.txt"), ("Item", "0001-26-000001.nc"), ("Item", "0001-26-000002.nc")]
    assert "big.txt" in got[1].message and got[2].data == b"filing one"


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    (tmp_path / "huge.txt").write_bytes(b"x" * 1000)
    [bad] = iter_inputs([tmp_path / "huge.txt"], max_bytes=999)
    assert isinstance(bad, Unreadable) and "huge.txt" in bad.message


def test_shard_ids_depend_on_the_documents_only(tmp_path):
    items = [Item(f"d{i}", str(i).encode()) for i in range(10)]
    a = [s.id for s in shards(items, "text", 4)]
    b = [s.id for s in shards(list(items), "text", 4)]
    assert a == b and len(set(a)) == 3
    changed = items[:5] + [Item("d5", b"other")] + items[6:]
    assert [s.id for s in shards(changed, "text", 4)][1] != a[1]
    assert [s.id for s in shards(items, "filing", 4)][0] != a[0]
