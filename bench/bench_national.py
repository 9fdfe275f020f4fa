"""Benchmark: the batch on a national data set, against the naive loop (run by hand).

Does the time per report stay flat when the country grows? In one run, on one data folder:

1. ``socprev-kit batch`` (the Python API, warm kernels, ``--jobs``) for the first 20, the first
   100 and all municipalities with data (``--sizes``), every report in each language (``--lang``),
   with ``--projects`` project reports added to each run: wall time, reports per second, wall
   seconds per report, and the kernels' own seconds per report (reset, execute, HTML), the peak
   resident memory of each kernel and of the batch's whole process tree (each batch runs in a
   process of its own, as the command does; psutil, sampled);
2. the naive loop on a few reports (``--naive``, default 5, alternating languages): one
   ``papermill`` process and one ``jupyter nbconvert --to html`` process per report, as a user
   would script it; its seconds per report, and the ratio naive / batch per report;
3. where a report's time goes (``--profile``): the sections of one municipality and one project
   report run in this process on the prepared data (CPU seconds per section, after a first run
   that warms the caches) and the library functions that take most of it (cProfile).

    .venv/bin/python bench/bench_national.py                     # writes the national folder
    .venv/bin/python bench/bench_national.py --data DIR --sizes 20 100 all --lang nl fr
    .venv/bin/python bench/bench_national.py --data sample_data/clean --sizes 5 all

Without ``--data``, the folder of ``bench/bench_loading.py`` is written into a temporary folder
(565 municipalities, 605 projects, 660,660 rows; no objectives). Goals (issue 16): the time per
report flat across sizes, at least 40 times the naive loop per report, under 2 GB of memory in
all, a full national run (every municipality and project, nl and fr) under 15 minutes on 2 cores.
The machine's load matters: the load average is printed with the results.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NOTEBOOKS = ROOT / "notebooks"


class PeakMemory:
    """Sample the resident memory of this process's children (the kernels) and of the whole
    tree, a few times a second, and keep the peaks (MB)."""

    def __init__(self, every: float = 0.25) -> None:
        self.every, self.kernel, self.total = every, 0.0, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(self.every):
            total = 0  # the batch's process tree (it runs in a child: this one is not counted)
            for child in me.children(recursive=True):
                try:
                    rss, kernel = child.memory_info().rss, "ipykernel" in " ".join(child.cmdline())
                except psutil.Error:
                    continue
                total += rss
                if kernel:
                    self.kernel = max(self.kernel, rss / 2**20)
            self.total = max(self.total, total / 2**20)


def with_data(data: Path) -> tuple[list[str], list[str]]:
    """NIS codes of the municipalities with data and the project ids, sorted; found in a child
    process, so that this one (the batches' parent) holds no data of its own."""
    code = ("import json, sys; from socprev_kit import reports; "
            "ctx = reports.prepare(sys.argv[1], warm=False); "
            "print(json.dumps([list(ctx.nis_with_data), "
            "sorted(ctx.data.projects['project_id'])]))")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code, str(data)], check=True,
                          capture_output=True, text=True)  # fmt: skip
    codes, projects = json.loads(done.stdout.strip().splitlines()[-1])
    return codes, projects


def run_batch(data: Path, codes: list[str], projects: list[str], langs: list[str], jobs: int,
              out: Path) -> dict:  # fmt: skip
    """One batch from nothing, in a process of its own (as ``socprev-kit batch`` runs: its
    memory is the batch's alone); its wall time, kernel seconds and memory peaks: the largest
    kernel, and the whole tree (the batch, its kernels, its reading and preparing children)."""
    shutil.rmtree(out, ignore_errors=True)
    job = json.dumps([str(data), codes, projects, langs, jobs, str(out)])
    with PeakMemory() as peak:
        done = subprocess.run([sys.executable, __file__, "--one-batch", job], check=True,
                              capture_output=True, text=True)  # fmt: skip
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return {**found, "kernel_mb": peak.kernel, "total_mb": peak.total}


def one_batch(job: str) -> None:
    """The child of :func:`run_batch`: run the batch, print what it measured as JSON."""
    from socprev_kit.batch import batch

    data, codes, projects, langs, jobs, out = json.loads(job)
    start = time.perf_counter()
    result = batch(codes, projects=projects, data=data, langs=langs, out=out, jobs=jobs,
                   force=True, audit=False)  # fmt: skip
    wall = time.perf_counter() - start
    parts = {"reset": 0.0, "execute": 0.0, "html": 0.0}
    for record in result.records:
        for key, value in (record.get("seconds") or {}).items():
            parts[key] = parts.get(key, 0.0) + value
    n = len(result.records)
    print(json.dumps({
        "n": n, "failed": result.n_failed, "wall": wall, "per_report": wall / max(n, 1),
        "kernel": {k: v / max(n, 1) for k, v in parts.items()},
    }))  # fmt: skip


def naive_loop(data: Path, codes: list[str], langs: list[str], out: Path) -> tuple[float, int]:
    """One ``papermill`` and one ``jupyter nbconvert`` process per report (languages in turn)."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    notebook = NOTEBOOKS / "municipality_report.ipynb"
    start = time.perf_counter()
    for i, code in enumerate(codes):
        lang = langs[i % len(langs)]
        target = out / f"municipality_{code}_{lang}.ipynb"
        subprocess.run(
            [str(BIN / "papermill"), str(notebook), str(target), "-k", "python3", "-p", "nis_code",
             code, "-p", "data_path", str(data), "-p", "lang", lang, "--no-progress-bar",
             "--log-level", "ERROR"],
            check=True, cwd=out,
        )  # fmt: skip
        subprocess.run(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", "--log-level",
             "ERROR", str(target)],
            check=True,
        )  # fmt: skip
    return time.perf_counter() - start, len(codes)


def _cells(kind: str) -> list[str]:
    notebook = json.loads((NOTEBOOKS / f"{kind}_report.ipynb").read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    return ["".join(c["source"]) for c in code[1:]]  # the parameters are set here


def profile(data: Path, kind: str, ident: str, lang: str, top: int = 12) -> None:
    """CPU seconds per section of one report in this process (second run: caches warm), and
    the library functions that take most of them."""
    from IPython.core.interactiveshell import InteractiveShell

    from socprev_kit import reports

    t0 = time.process_time()
    reports.prepare(data, warm=True)
    print(f"  prepare (once per run, shared): {time.process_time() - t0:.1f} s CPU in one process")
    shell = InteractiveShell.instance()
    key = "nis_code" if kind == "municipality" else "project_id"
    params = {key: ident, "data_path": str(data), "lang": lang, "period_start": "",
              "period_end": "", "covid": "both"}  # fmt: skip
    times: dict[str, float] = {}
    profiler = cProfile.Profile(time.process_time)
    for attempt in range(2):
        shell.user_ns.update(params)
        for cell in _cells(kind):
            name = re.search(r"reports\.(\w+)\(", cell)
            name = name.group(1) if name else cell.strip().splitlines()[0][:28]
            t = time.process_time()
            if attempt:
                profiler.enable()
            with open(os.devnull, "w") as sink:  # the outputs are made, not printed
                stdout, sys.stdout = sys.stdout, sink
                try:
                    shell.run_cell(cell, silent=False, store_history=False)
                finally:
                    sys.stdout = stdout
            if attempt:
                profiler.disable()
                times[name] = time.process_time() - t
    total = sum(times.values())
    print(f"  {kind} {ident} ({lang}): {total:.2f} s CPU (under the profiler)")
    for name, seconds in sorted(times.items(), key=lambda kv: -kv[1]):
        print(f"    {seconds:6.2f} s {100 * seconds / total:4.0f} %  {name}")
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).sort_stats("tottime")
    rows = [(f, s) for f, s in stats.stats.items() if "site-packages" in f[0] or "socprev" in f[0]]
    by_package: dict[str, float] = {}
    for (file, _, _), (_, _, tottime, _, _) in rows:
        package = file.split("site-packages/")[-1].split("/")[0] if "site-packages" in file else ""
        package = package or "socprev_kit"
        by_package[package] = by_package.get(package, 0.0) + tottime
    shares = sorted(by_package.items(), key=lambda kv: -kv[1])[:6]
    print("    own time by package: " + ", ".join(f"{p} {s:.2f} s" for p, s in shares))
    kit = [(f, s) for f, s in stats.stats.items() if "socprev_kit" in f[0]]
    kit.sort(key=lambda fs: -fs[1][3])
    print("    slowest kit functions (cumulative):")
    for (file, line, func), (_, _, _, cum, _) in kit[:top]:
        where = file.split("socprev_kit/")[-1]
        print(f"      {cum:6.2f} s  {where}:{line} {func}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, help="data folder (default: write the national one)")
    ap.add_argument("--sizes", nargs="+", default=["20", "100", "all"])
    ap.add_argument("--lang", nargs="+", default=["nl", "fr"])
    ap.add_argument("--projects", type=int, default=0,
                    help="project reports added to each run (-1: every project)")  # fmt: skip
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--naive", type=int, default=5, help="reports of the naive loop (0: none)")
    ap.add_argument("--profile", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--out", type=Path, help="output folder (default: a temporary one)")
    ap.add_argument("--one-batch", help=argparse.SUPPRESS)  # run_batch's child
    args = ap.parse_args()
    if args.one_batch:
        one_batch(args.one_batch)
        return
    with tempfile.TemporaryDirectory(prefix="bench-national-") as tmp:
        out = args.out or Path(tmp)
        data = args.data
        if data is None:
            sys.path.insert(0, str(ROOT / "bench"))
            from bench_loading import write_files

            data = out / "data"
            data.mkdir(parents=True, exist_ok=True)
            print(f"writing the national folder: {write_files(data):,} rows")
        data = data.resolve()
        codes, projects = with_data(data)
        chosen = projects if args.projects < 0 else projects[: args.projects]
        print(f"{data}: {len(codes)} municipalities with data, {len(projects)} projects; "
              f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")  # fmt: skip
        rows = []
        for size in args.sizes:
            some = codes if size == "all" else codes[: int(size)]
            res = run_batch(data, some, chosen, args.lang, args.jobs, out / f"batch_{size}")
            rows.append((size, res))
            print(f"  batch {size}: {res['n']} reports in {res['wall']:.1f} s "
                  f"(load {os.getloadavg()[0]:.1f})", flush=True)  # fmt: skip
        naive = None
        if args.naive:
            seconds, n = naive_loop(data, codes[: args.naive], args.lang, out / "naive")
            naive = seconds / n
            print(f"  naive loop: {n} reports in {seconds:.1f} s", flush=True)
        if args.profile:  # last: it prepares the data in this process
            print("where a report's time goes")
            profile(data, "municipality", codes[0], args.lang[0])
            if projects:
                profile(data, "project", projects[0], args.lang[-1])
        print(f"\nload average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
              f"(a shared machine slows every figure)")  # fmt: skip
        names = ("municipalities", "reports", "failed", "wall s", "rep/s", "s/report",
                 "kernel s", "kernel MB", "all MB", "x naive")  # fmt: skip
        widths = (14, 7, 6, 8, 6, 8, 8, 9, 7, 7)
        print(" ".join(f"{n:>{w}}" for n, w in zip(names, widths, strict=True)))
        for size, r in rows:
            ratio = f"{naive / r['per_report']:7.1f}" if naive else "      -"
            kernel = sum(r["kernel"].values())
            print(f"{size:>14} {r['n']:7d} {r['failed']:6d} {r['wall']:8.1f} "
                  f"{r['n'] / r['wall']:6.2f} {r['per_report']:8.2f} {kernel:8.2f} "
                  f"{r['kernel_mb']:9.0f} {r['total_mb']:7.0f} {ratio}")  # fmt: skip
        if naive:
            print(f"{'naive loop':>14} {args.naive:7d} {'':6} {naive * args.naive:8.1f} "
                  f"{1 / naive:6.2f} {naive:8.2f}")  # fmt: skip
        for size, r in rows:
            parts = ", ".join(f"{k} {v:.2f} s" for k, v in r["kernel"].items())
            print(f"  kernel seconds per report ({size}): {parts}")


if __name__ == "__main__":
    main()
