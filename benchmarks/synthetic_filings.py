"""Unique Form D filings made from real ones: each copy a new issuer (CIK and name), so a new source.

A real Form D notice is copied with its CIK and issuer name replaced, ``n`` times round-robin over
the templates; the copies differ in identity only, so reading and ingesting them costs what real
filings cost. Used by the pipeline's benchmark and by its tests (resume, cluster equality).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

_CIK = re.compile(rb"<cik>\d+</cik>")
_NAME = re.compile(rb"<(entityName|issuerName)>([^<]*)</\1>")


_ACCESSION = re.compile(rb"(ACCESSION NUMBER:\s*)(\d{10}-\d{2}-\d{6})")
_HEADER_CIK = re.compile(rb"(CENTRAL INDEX KEY:\s*)(\d{10})")


def unique_8k(templates: list[bytes], n: int, folder: Path) -> list[Path]:
    """Write ``n`` 8-K full submissions (with their exhibits), each under a new accession number and filer CIK."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        data = templates[i % len(templates)]
        data = _ACCESSION.sub(lambda m, i=i: m.group(1) + b"%010d-26-%06d" % (8_000_000_000 + i, i), data)
        data = _HEADER_CIK.sub(lambda m, i=i: m.group(1) + b"%010d" % (8_000_000_000 + i), data, count=1)
        path = folder / f"8k_{i:06d}.txt"
        path.write_bytes(data)
        paths.append(path)
    return paths


def form_d_templates(folders: Iterable[Path]) -> list[bytes]:
    """Original (not amended) Form D XML notices found in ``folders``."""
    out = []
    for folder in folders:
        for path in sorted(Path(folder).glob("D_*.xml")):
            data = path.read_bytes()
            if _CIK.search(data) and b"<submissionType>D</submissionType>" in data:
                out.append(data)
    return out


def unique_form_d(templates: list[bytes], n: int, folder: Path, *, start: int = 0) -> list[Path]:
    """Write ``n`` unique Form D notices into ``folder``; returns their paths."""
    if not templates:
        raise ValueError("no Form D template")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        data = templates[i % len(templates)]
        cik = 9_000_000_000 + i
        data = _CIK.sub(f"<cik>{cik:010d}</cik>".encode(), data)
        name = b"Synthetic Issuer %d LLC" % i
        data = _NAME.sub(lambda m, name=name: b"<%s>%s</%s>" % (m.group(1), name, m.group(1)), data)
        path = folder / f"D_{i:07d}.xml"
        path.write_bytes(data)
        paths.append(path)
    return paths
