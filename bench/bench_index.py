"""How fast the batch index sorts, filters and searches a national folder (run by hand).

Writes an index of ``--n`` synthetic reports per language (``tests/synthetic_index.py``: every
municipality, then projects) and times, in headless Chromium, what a user does on the Dutch
page: a sort on a number column and back, a province filter, a search typed without its accent,
clearing it, and "show all". Each time is the script's work plus the layout that follows
(``performance.now()`` around the call and a forced layout), the median of ``--repeat`` runs.

    .venv/bin/python bench/bench_index.py            # 2,000 reports per language
    .venv/bin/python bench/bench_index.py --n 5000 --keep bench/out/index
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from conftest import chromium  # noqa: E402
from synthetic_index import PLAN, synthetic_records  # noqa: E402

from socprev_kit.batch.index import write_index  # noqa: E402

STEPS = {
    "sort (objectives, up)": "window.socprevIndex.sortBy(7, false)",
    "sort (objectives, down)": "window.socprevIndex.sortBy(7, true)",
    "filter (province)": "var s = document.querySelector('select[data-facet=province]');"
    " s.value = 'Luik'; window.socprevIndex.apply()",
    "filter off": "document.querySelector('select[data-facet=province]').value = '';"
    " window.socprevIndex.apply()",
    "search 'liege'": "document.getElementById('q').value = 'liege'; window.socprevIndex.apply()",
    "search cleared": "document.getElementById('q').value = ''; window.socprevIndex.apply()",
    "show all": "document.getElementById('everything').click()",
    "sort all (name)": "window.socprevIndex.sortBy(0, false)",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="reports per language")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the index here and keep it")
    args = parser.parse_args()
    out = args.keep or Path(tempfile.mkdtemp(prefix="socprev-index-"))
    records = synthetic_records(args.n)
    start = time.perf_counter()
    write_index(out, PLAN, records, {"reports": len(records), "failed": 0, "up_to_date": 0})
    written = time.perf_counter() - start
    size = (out / "nl" / "index.html").stat().st_size / 1e6
    print(f"{args.n} reports per language: index written in {written:.2f} s, nl page {size:.1f} MB")
    driver = chromium("1400,1000")
    try:
        times: dict[str, list[float]] = {step: [] for step in STEPS}
        loads = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            driver.get((out / "nl" / "index.html").as_uri())
            driver.execute_script("return document.body.offsetHeight")
            loads.append(time.perf_counter() - start)
            for step, code in STEPS.items():
                ms = driver.execute_script(
                    f"var t = performance.now(); {code}; document.body.offsetHeight;"
                    " return performance.now() - t;"
                )
                times[step].append(ms)
        print(
            f"{'page load (parse, layout, script)':34s} {1000 * statistics.median(loads):7.0f} ms"
        )
        for step, values in times.items():
            print(f"{step:34s} {statistics.median(values):7.0f} ms")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
