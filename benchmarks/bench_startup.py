"""Start-up benchmark: wall time of whole ``infraledger`` processes, best of N runs each.

Run: python -m benchmarks.bench_startup [--runs N] [--exe COMMAND] [--edgar-files N]

Times ``infraledger --version``, ``--help``, ``edgar --help`` and one real read-only command
(``events --json`` on a ledger holding the bundled sample, made once in a temporary folder). Each
figure is the best wall time of N runs (default 10) of a new process: on a shared machine the best
run is the one the neighbours disturbed least. With ``--edgar-files N`` (default 500; 0 leaves it
out) it also times ``edgar parse --format json`` and ``--format jsonl`` of N Form D files: those of
../shared/data/sec/form-d and tests/fixtures/sec/form-d, copied until there are N, best of three,
with the process's peak memory. ``--exe`` times another command line instead of the installed
console script (e.g. ``"python -c 'from infraledger.cli.main import main; main()'"`` with PYTHONPATH
naming another checkout's src).
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FORM_D_DIRS = (REPO.parent / "shared" / "data" / "sec" / "form-d", REPO / "tests" / "fixtures" / "sec" / "form-d")


def console_script() -> list[str]:
    exe = shutil.which("infraledger", path=str(Path(sys.executable).parent)) or shutil.which("infraledger")
    if not exe:
        raise SystemExit("no infraledger command found (pip install -e .)")
    return [exe]


def best_wall(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
        elapsed = time.perf_counter() - t0
        if done.returncode != 0:
            raise SystemExit(f"{shlex.join(cmd)} failed: {done.stderr.decode(errors='replace')}")
        best = min(best, elapsed)
    return best


def peak_rss_mb(cmd: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of one run of ``cmd``, in MB (that process's own, from wait4)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024


def form_d_copies(folder: Path, n: int) -> list[str]:
    """``n`` Form D files in ``folder``: the real ones, copied in turn until there are ``n``."""
    originals = sorted(p for d in FORM_D_DIRS if d.is_dir() for p in d.iterdir() if p.is_file())
    if not originals:
        raise SystemExit(f"no Form D files in {', '.join(map(str, FORM_D_DIRS))}")
    folder.mkdir()
    paths = []
    for i in range(n):
        source = originals[i % len(originals)]
        target = folder / f"{i:05d}_{source.name}"
        shutil.copyfile(source, target)
        paths.append(str(target))
    return paths


def sample_ledger(folder: Path) -> Path:
    """A ledger of the bundled sample, made by another process: this one stays small, so that the memory
    a child process starts with (a copy of this one's until it runs the command) is not counted."""
    path = folder / "sample.duckdb"
    subprocess.run([sys.executable, "-c", "import sys; from infraledger.ledger import open_ledger; "
                    "from infraledger.sample import load_sample; store = open_ledger(sys.argv[1]); "
                    "load_sample(store); store.close()", str(path)], check=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each command (default 10)")
    parser.add_argument("--exe", help="command line to time instead of the installed infraledger")
    parser.add_argument("--edgar-files", type=int, default=500,
                        help="Form D files for the edgar parse figures (default 500; 0: leave them out)")
    args = parser.parse_args()
    exe = shlex.split(args.exe) if args.exe else console_script()
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFRALEDGER_")}
    env["INFRALEDGER_CONFIG"] = os.devnull
    print(f"# {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}; best of {args.runs} runs, wall time of the whole process")
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        db = sample_ledger(Path(tmp))
        cases = [("infraledger --version", ["--version"]),
                 ("infraledger --help", ["--help"]),
                 ("infraledger edgar --help", ["edgar", "--help"]),
                 ("infraledger events --json (sample ledger)", ["--db", str(db), "events", "--json"])]
        print("| command | best wall time |")
        print("|---|---|")
        for label, extra in cases:
            print(f"| `{label}` | {best_wall(exe + extra, args.runs, env) * 1000:.0f} ms |", flush=True)
        bare = best_wall([sys.executable, "-c", "pass"], args.runs, env)
        print(f"| `python -c pass` (the interpreter alone) | {bare * 1000:.0f} ms |")
        if args.edgar_files:
            files = form_d_copies(Path(tmp) / "form-d", args.edgar_files)
            print()
            print(f"| edgar parse of {len(files)} Form D files | best wall time of 3 | peak memory |")
            print("|---|---|---|")
            for fmt in ("json", "jsonl"):
                cmd = exe + ["edgar", "parse", "--format", fmt, *files]
                print(f"| `--format {fmt}` | {best_wall(cmd, 3, env):.2f} s | {peak_rss_mb(cmd, env):.0f} MB |",
                      flush=True)
            against_edgartools(exe, Path(tmp) / "xml", args.edgar_files, env)


#: One process that parses each Form D XML named on its command line with edgartools and prints one
#: JSON line per file; it prints less than ``edgar parse --format jsonl`` (no figures), so the ratio
#: is a lower bound of the difference.
EDGARTOOLS = """
import json, sys
from edgar.offerings import FormD
for path in sys.argv[1:]:
    form = FormD.from_xml(open(path, encoding="utf-8").read())
    print(json.dumps({"file": path, "read": type(form).__name__}))
"""


def against_edgartools(exe: list[str], folder: Path, n: int, env: dict[str, str]) -> None:
    """``edgar parse`` against edgartools, whole process, on the same ``n`` Form D XML files."""
    try:
        import edgar.offerings  # noqa: F401 - only to know that edgartools is there
    except ImportError:
        print("edgartools is not installed: no comparison")
        return
    xml = sorted(p for d in FORM_D_DIRS if d.is_dir() for p in d.glob("*.xml"))
    folder.mkdir()
    files = []
    for i in range(n):
        target = folder / f"{i:05d}_{xml[i % len(xml)].name}"
        shutil.copyfile(xml[i % len(xml)], target)
        files.append(str(target))
    ours = best_wall(exe + ["edgar", "parse", "--format", "jsonl", *files], 3, env)
    theirs = best_wall([sys.executable, "-c", EDGARTOOLS, *files], 3, env)
    print()
    print(f"| {n} Form D XML files, whole process | best wall time of 3 |")
    print("|---|---|")
    print(f"| `infraledger edgar parse --format jsonl` | {ours:.3f} s |")
    print(f"| edgartools `FormD.from_xml`, one process | {theirs:.3f} s |")
    print(f"| ratio | {theirs / ours:.1f}x |")


if __name__ == "__main__":
    main()
