"""EDGAR benchmark: Form D reading, ours vs edgartools, and full-submission splitting vs raw reading.

Run: python -m benchmarks.bench_edgar [--docs N] [--split-mb M] [--whole-process N]

1. Every Form D in ../shared/data/sec/form-d is repeated to N documents (default 3,000) and
   parsed by our reader and by edgartools' ``FormD.from_xml`` in the same run; docs/s for both
   and the ratio are printed, after checking that both readers report the same key fields for
   each distinct filing.
2. Every full submission (.txt/.nc) in ../shared/data/sec is read from disk and split, repeated
   to about M MB (default 200); the splitting throughput in MB/s is printed next to the raw
   speed of reading the same files (the upper limit).
3. With ``--whole-process N`` (and nothing else): N copies of the real Form D XML files in a
   temporary folder, read by the ``infraledger`` console script (``edgar parse --format jsonl``,
   once with ``--jobs 1`` and once with the default jobs) and by one Python process parsing each
   with edgartools and printing a line per file; best wall time of three rounds of the three whole
   processes run in turn, start-up included, and the ratios. The console script imports the
   first infraledger on the path: run with ``PYTHONPATH=<checkout>/src`` to time a checkout.
Best CPU time of three runs each; edgartools is optional (``pip install edgartools``).
"""

from __future__ import annotations

import argparse
import platform
import time
from decimal import Decimal
from pathlib import Path

from infraledger.sources.edgar.formd import form_d_xml, parse_form_d
from infraledger.sources.edgar.sgml import is_submission, split_submission
from infraledger.sources.edgar.xmlsafe import parse_xml

SEC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "sec"


def best_of(fn, repeat: int = 3) -> float:
    """Best CPU time of ``repeat`` runs: on a shared machine, wall time mostly measures the neighbours."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _each(read, docs) -> None:
    # Results are dropped as they come, as a bulk loader would; keeping thousands alive would
    # time the garbage collector rather than the reader.
    for doc in docs:
        read(doc)


def _visit_tree(xml: bytes) -> None:
    # What any reader that takes its values from an lxml tree pays at least: the parse, then
    # the tag and text of every element read once from Python, with nothing done with them.
    for node in parse_xml(xml).iter():
        _ = (node.tag, node.text)


def _key_fields_ours(d) -> tuple:
    return (d.issuer.cik, d.issuer.name, d.submission_type, "Indefinite" if d.offering_amount_indefinite
            else d.total_offering_amount, d.total_amount_sold, d.total_investors,
            d.date_of_first_sale.isoformat() if d.date_of_first_sale else None, len(d.related_persons),
            d.federal_exemptions)


def _key_fields_theirs(f) -> tuple:
    od = f.offering_data
    osa = od.offering_sales_amounts

    def amount(text):
        return "Indefinite" if text == "Indefinite" else (Decimal(text) if text else None)

    return (int(f.primary_issuer.cik), f.primary_issuer.entity_name, f.submission_type,
            amount(osa.total_offering_amount), amount(osa.total_amount_sold), int(od.investors.total_already_invested),
            od.date_of_first_sale or None, len(f.related_persons), tuple(od.federal_exemptions))


def bench_form_d(n_docs: int) -> None:
    files = sorted(p for p in (SEC / "form-d").iterdir() if p.is_file())
    xmls = [form_d_xml(p.read_bytes(), source=p.name) for p in files]
    docs = [xmls[i % len(xmls)] for i in range(n_docs)]
    ours = best_of(lambda: _each(parse_form_d, docs))
    print(f"Form D: {len(files)} distinct real filings repeated to {n_docs} documents")
    lxml_only = best_of(lambda: _each(parse_xml, docs))
    floor = best_of(lambda: _each(_visit_tree, docs))
    print(f"  ours        {n_docs / ours:10,.0f} docs/s  ({ours * 1000 / n_docs:.3f} ms/doc, of which lxml's parse "
          f"{lxml_only * 1000 / n_docs:.3f} ms)")
    print(f"  tree floor  {n_docs / floor:10,.0f} docs/s  ({floor * 1000 / n_docs:.3f} ms/doc: lxml's parse, then each "
          "element's tag and text read once)")
    try:
        from edgar.offerings import FormD
    except ImportError:
        print("  edgartools  not installed (pip install edgartools) - no comparison")
        return
    texts = [x.decode("utf-8") for x in docs]
    same = all(_key_fields_ours(parse_form_d(x)) == _key_fields_theirs(FormD.from_xml(x.decode("utf-8")))
               for x in xmls)
    theirs = best_of(lambda: _each(FormD.from_xml, texts))
    print(f"  edgartools  {n_docs / theirs:10,.0f} docs/s  ({theirs * 1000 / n_docs:.3f} ms/doc)")
    print(f"  ratio       {theirs / ours:10.1f}x   key fields identical on every filing: {same}")
    print(f"  ratio bound {theirs / floor:10.1f}x   (edgartools against the tree floor)")


def bench_split(target_mb: float) -> None:
    files = [p for p in SEC.rglob("*") if p.is_file() and p.suffix in (".txt", ".nc")]
    files = [p for p in files if is_submission(p.read_bytes()[:4096])]
    size = sum(p.stat().st_size for p in files)
    rounds = max(1, int(target_mb * 1e6 // size))
    total_mb = size * rounds / 1e6

    def raw() -> None:
        for _ in range(rounds):
            for p in files:
                p.read_bytes()

    def split() -> None:
        for _ in range(rounds):
            for p in files:
                split_submission(p.read_bytes())

    documents = sum(len(split_submission(p.read_bytes()).documents) for p in files)
    raw_t, split_t = best_of(raw), best_of(split)
    print(f"Full submissions: {len(files)} real files ({size / 1e6:.1f} MB, {documents} documents) x {rounds} "
          f"= {total_mb:.0f} MB")
    print(f"  raw read    {total_mb / raw_t:10,.0f} MB/s")
    print(f"  read+split  {total_mb / split_t:10,.0f} MB/s  ({split_t / raw_t:.2f}x the raw read time)")


def bench_whole_process(n_files: int, runs: int = 3) -> None:
    """``infraledger edgar parse --format jsonl`` against edgartools, each a whole process, on ``n_files`` files.

    Ours is timed twice: with ``--jobs 1`` (one process, one core) and with the default jobs (one
    worker per CPU for this many files). The three commands are run in turn, ``runs`` rounds, and
    the best wall time of each is kept, so that a neighbour's load falls on all three alike.
    """
    import os
    import shutil
    import subprocess
    import sys
    import tempfile

    from infraledger.sources.edgar.parallel import default_jobs

    from .bench_startup import EDGARTOOLS, FORM_D_DIRS, best_wall, console_script

    try:
        import edgar.offerings  # noqa: F401 - only to know that edgartools is there
    except ImportError:
        print("edgartools is not installed (pip install edgartools): no comparison")
        return
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFRALEDGER_")}
    env["INFRALEDGER_CONFIG"] = os.devnull
    exe = console_script()
    # The console script imports whichever infraledger comes first on this environment's path
    # (PYTHONPATH=<checkout>/src runs that checkout's code): say which, and byte-compile it, as an
    # installed package is (edgartools' is), even where PYTHONDONTWRITEBYTECODE is set.
    package = subprocess.run([sys.executable, "-c", "import infraledger, os; print(os.path.dirname(infraledger.__file__))"],
                             env=env, capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], env=env, check=True, stdout=subprocess.DEVNULL)
    print(f"{shlex_join(exe)} runs infraledger from {package}")
    print(f"load average {os.getloadavg()[0]:.2f}, {len(os.sched_getaffinity(0))} CPUs; `infraledger --version` "
          f"(start-up alone) {best_wall(exe + ['--version'], 5, env) * 1000:.0f} ms")
    xml = sorted(p for d in FORM_D_DIRS if d.is_dir() for p in d.glob("*.xml"))
    with tempfile.TemporaryDirectory(prefix="bench-edgar-") as tmp:
        files = []
        for i in range(n_files):
            target = Path(tmp) / f"{i:05d}_{xml[i % len(xml)].name}"
            shutil.copyfile(xml[i % len(xml)], target)
            files.append(str(target))
        ours = exe + ["edgar", "parse", "--format", "jsonl"]
        one = subprocess.run(ours + ["--jobs", "1", *files], env=env, capture_output=True, check=True).stdout
        default = subprocess.run(ours + files, env=env, capture_output=True, check=True).stdout
        commands = {"one": ours + ["--jobs", "1", *files], "default": ours + files,
                    "edgartools": [sys.executable, "-c", EDGARTOOLS, *files]}
        best = dict.fromkeys(commands, float("inf"))
        for _ in range(runs):
            for key, cmd in commands.items():
                best[key] = min(best[key], best_wall(cmd, 1, env))
    jobs = default_jobs(n_files)
    print()
    print(f"| {n_files} Form D XML files, whole process | best wall time of {runs} | edgartools' time / ours |")
    print("|---|---|---|")
    print(f"| `infraledger edgar parse --format jsonl --jobs 1` (one core) | {best['one']:.3f} s "
          f"| {best['edgartools'] / best['one']:.1f}x |")
    print(f"| `infraledger edgar parse --format jsonl` (default, {jobs} jobs) | {best['default']:.3f} s "
          f"| {best['edgartools'] / best['default']:.1f}x |")
    print(f"| edgartools `FormD.from_xml`, one process | {best['edgartools']:.3f} s | |")
    print(f"output of --jobs 1 and of {jobs} jobs byte for byte the same: {one == default} "
          f"({len(one.splitlines())} lines)")


def shlex_join(cmd: list[str]) -> str:
    import shlex

    return shlex.join(cmd)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000, help="Form D documents to parse (default 3000)")
    parser.add_argument("--split-mb", type=float, default=200, help="MB of submissions to split (default 200)")
    parser.add_argument("--whole-process", type=int, metavar="N",
                        help="only time whole processes, ours and edgartools', on N Form D files")
    args = parser.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()} {platform.system()}")
    if args.whole_process:
        bench_whole_process(args.whole_process)
        return
    bench_form_d(args.docs)
    bench_split(args.split_mb)


if __name__ == "__main__":
    main()
