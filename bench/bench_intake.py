"""Benchmark: the intake store against reading the files, on the 565-municipality data set.

Writes the data set of ``bench_loading.py`` (one CSV per municipality of the 2025 geography and a
projects file) into a temporary folder, then times, in one run:

* files: ``socprev_kit.load(folder)``, reading and validating the files directly;
* import: ``import_files(folder, store)`` into a fresh store, as ``socprev-kit import`` does it
  (read every file, store every row with its provenance in one transaction, then validate the
  store's current data to count each file's issues), and the same without that count;
* store: ``socprev_kit.load(store)``, reading the current rows back and validating them.

It prints seconds, the ratio of each to the files, and the size of the store.

    .venv/bin/python bench/bench_intake.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_loading import write_files  # noqa: E402

import socprev_kit as sk  # noqa: E402
from socprev_kit.registration.intake import import_files  # noqa: E402


def timed(fn):  # noqa: ANN001, ANN201
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="write the files here instead of a temporary folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "data"
        folder.mkdir(parents=True, exist_ok=True)
        rows = write_files(folder)
        size = sum(f.stat().st_size for f in folder.glob("*.csv")) / 1e6
        print(f"{len(list(folder.glob('*.csv')))} files, {rows:,} registration rows, {size:.1f} MB")
        sk.load(folder)  # warm the page cache and the imports once
        files_t, data = timed(lambda: sk.load(folder))
        store = Path(tmp) / "store.duckdb"
        import_t, report = timed(lambda: import_files([folder], store))
        bare = Path(tmp) / "bare.duckdb"
        bare_t, _ = timed(lambda: import_files([folder], bare, validate=False))
        again_t, again = timed(lambda: import_files([folder], store, validate=False))
        store_t, stored = timed(lambda: sk.load(store))
        mb = store.stat().st_size / 1e6
    assert len(stored.registrations) == len(data.registrations)
    assert {f.status for f in again.files} == {"unchanged"}
    n = len(report.files)
    print(f"load(folder)              : {files_t:6.2f} s  ({len(data.registrations):,} rows)")
    print(f"import (with issue count) : {import_t:6.2f} s  ratio {import_t / files_t:5.2f}")
    print(f"import (no issue count)   : {bare_t:6.2f} s  ratio {bare_t / files_t:5.2f}")
    print(f"import again (unchanged)  : {again_t:6.2f} s  ratio {again_t / files_t:5.2f}")
    print(f"load(store)               : {store_t:6.2f} s  ratio {store_t / files_t:5.2f}")
    print(f"store: {mb:.1f} MB for {n} files ({size:.1f} MB of CSV)")


if __name__ == "__main__":
    main()
