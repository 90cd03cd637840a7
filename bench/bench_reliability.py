"""Nothing lost: SIGKILLs during imports and autosaves, parallel command-line imports, and
how many full copies of the store one import writes.

    python3 bench/bench_reliability.py --kills 1000 --sizes 50 1000   # POSIX
    python3 bench/bench_reliability.py --pairs 100
    python3 bench/bench_reliability.py --copies

Kill rounds: a forked child works as the clerk would (a window session of autosaves, then
a command-line import of an exchange file, again and again) and is SIGKILLed at a random
moment. After each kill the parent, as the clerk, retries the import that was under way and
checks the store: it opens (not corrupt), every report is whole (all its parts of one
version), no committed import is missing, no autosave went back, no report is there twice.
All counts must be 0.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_store_crash import version_of, versioned  # noqa: E402

from model import commands  # noqa: E402
from model.errors import NianbaoError  # noqa: E402
from model.files import atomic_file  # noqa: E402
from model.importers.exchange import write_exchange_file  # noqa: E402
from model.report import Report  # noqa: E402
from model.store.report_store import ReportStore  # noqa: E402

SAMPLE = ROOT / "tests" / "data" / "000_edff53855f6cc80f.txt"


def seed(path: Path, count: int) -> list[str]:
    reports = []
    for i in range(count):
        report = Report(format="fmt2021", agency=f"机关{i}", year=2024)
        versioned(report, 0)
        reports.append(report)
    with ReportStore(path, backup_interval=1e9) as store, store._storage.batch():
        for report in reports:
            store.put(report)
    return [r.id for r in reports]


def exchange_pool(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        report = Report(format="fmt2021", agency=f"导入机关{i}", year=2023)
        versioned(report, 0)
        files.append(write_exchange_file(report, folder / f"import{i}.nianbao.json"))
    return files


def child(path: Path, ids: list[str], pool: list[Path], log: Path, seed_no: int) -> None:
    """The clerk's work until killed; what has committed is appended to ``log``."""
    rng = random.Random(seed_no)
    while True:
        with ReportStore(path, backup_interval=0.5) as store:  # a window session
            for _ in range(rng.randint(1, 6)):
                report_id = rng.choice(ids)
                report = store.get(report_id)
                version = version_of(report) + 1
                versioned(report, version)
                store.put(report)
                with open(log, "a", encoding="utf-8") as out:
                    out.write(f"saved {report_id} {version}\n")
        source = rng.choice(pool)
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"importing {source}\n")
        with commands.opened_store(path, wait=10.0) as store:  # a command-line import
            result = commands.import_into_store(store, source)
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"imported {source} {result.report.id}\n")


def kill_rounds(size: int, rounds: int, folder: Path, max_delay: float) -> dict[str, int]:
    path = folder / f"kill{size}" / "reports.json"
    path.parent.mkdir(parents=True)
    ids = seed(path, size)
    pool = exchange_pool(folder / f"pool{size}", 40)
    log = folder / f"kill{size}.log"
    rng = random.Random(size)
    figures = Counter({"corrupt": 0, "lost": 0, "went_back": 0, "torn": 0, "duplicates": 0})
    figures["imports_retried"] = 0
    last_saved: dict[str, int] = dict.fromkeys(ids, 0)
    committed: dict[Path, str] = {}
    for round_no in range(rounds):
        log.write_text("", encoding="utf-8")
        pid = os.fork()
        if pid == 0:
            try:
                child(path, ids, pool, log, round_no)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0.005, max_delay))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pending = None
        for line in log.read_text(encoding="utf-8").splitlines():
            kind, *rest = line.split(" ")
            if kind == "saved":
                last_saved[rest[0]] = max(last_saved[rest[0]], int(rest[1]))
            elif kind == "importing":
                pending = Path(rest[0])
            elif kind == "imported":
                committed[Path(rest[0])] = rest[1]
                pending = None
        try:
            if pending is not None:  # the clerk runs the import again
                figures["imports_retried"] += 1
                with commands.opened_store(path, wait=10.0) as store:
                    committed[pending] = commands.import_into_store(store, pending).report.id
            with ReportStore(path, read_only=True) as store:
                present = {s.id for s in store.list_reports()}
                agencies = Counter(s.agency for s in store.list_reports())
                for report_id in ids:
                    if report_id not in present:
                        figures["lost"] += 1
                        continue
                    try:
                        version = version_of(store.get(report_id))
                    except AssertionError:
                        figures["torn"] += 1
                        continue
                    if version < last_saved[report_id]:
                        figures["went_back"] += 1
                    last_saved[report_id] = version
                figures["lost"] += sum(1 for i in committed.values() if i not in present)
                figures["duplicates"] += sum(n - 1 for n in agencies.values() if n > 1)
        except NianbaoError as exc:
            print(f"round {round_no}: {exc}", file=sys.stderr)
            figures["corrupt"] += 1
            break
    figures["rounds"] = round_no + 1
    figures["imports_committed"] = len(committed)
    figures["autosaves"] = sum(last_saved.values())
    return dict(figures)


def parallel_pairs(pairs: int, folder: Path) -> dict[str, int]:
    """Two command-line imports started at the same moment, ``pairs`` times."""
    store = folder / "pairs" / "reports.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, str(ROOT / "main.py"), "import", str(SAMPLE), "--store", str(store)]
    both = failed = 0
    for _ in range(pairs):
        runs = [
            subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
            for _ in range(2)
        ]
        codes = [run.wait(120) for run in runs]
        for run in runs:
            assert run.stdout is not None and run.stderr is not None
            run.stdout.close()
            if run.returncode:
                print(run.stderr.read().decode("utf-8", "replace"), file=sys.stderr)
            run.stderr.close()
        both += codes == [0, 0]
        failed += sum(1 for c in codes if c)
    with ReportStore(store, read_only=True) as opened:
        stored = len(opened.list_reports())
    return {"pairs": pairs, "both_succeeded": both, "failed_runs": failed, "reports": stored}


def copies_per_import(count: int, folder: Path) -> dict[str, float]:
    """Full copies of the store (store rewrites and backups) one command-line import writes."""
    path = folder / "copies" / "reports.json"
    path.parent.mkdir(parents=True)
    seed(path, count)
    size = path.stat().st_size
    written: list[int] = []
    real = atomic_file.write_chunks

    def counting(fd: int, chunks: list[bytes]) -> None:
        written.append(sum(len(c) for c in chunks))
        real(fd, chunks)

    atomic_file.write_chunks = counting  # type: ignore[assignment]
    pool = exchange_pool(folder / "copies-pool", 3)
    result = {}
    try:
        for n, source in enumerate(pool, 1):
            written.clear()
            with commands.opened_store(path) as store:
                commands.import_into_store(store, source)
            result[f"import {n}"] = sum(1 for w in written if w >= size * 0.9)
    finally:
        atomic_file.write_chunks = real  # type: ignore[assignment]
    result["store_mb"] = round(size / 1e6, 1)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=0, help="SIGKILL rounds per store size")
    parser.add_argument("--sizes", type=int, nargs="*", default=[50, 1000])
    parser.add_argument("--pairs", type=int, default=0, help="parallel import pairs")
    parser.add_argument("--copies", action="store_true", help="full copies per import")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.copies:
            copies = copies_per_import(1000, folder)
            print("full copies of a 1,000-report store per import:", copies)
        if args.pairs:
            print("parallel command-line imports:", parallel_pairs(args.pairs, folder))
        for size in args.sizes if args.kills else []:
            start = time.perf_counter()
            delay = 0.6 if size <= 100 else 2.0
            figures = kill_rounds(size, args.kills, folder, delay)
            took = time.perf_counter() - start
            print(f"SIGKILL, {size} reports: {figures} in {took:.0f} s", flush=True)


if __name__ == "__main__":
    main()
