"""What the national overview costs a batch run (run by hand, on the national sample).

Builds the data context once as a batch does (not part of the overview's cost), then times each
part of one language's page: the rates table (once per run), its rows in the language, the
projects' positions, the funnel figures, the rows' HTML and the whole page; with ``--browser``
also the time headless Chromium takes to load the page and lay out its first rows.

    .venv/bin/python -m socprev_kit.cli sample-data --scale national --out bench/out/national
    .venv/bin/python bench/bench_overview.py bench/out/national --browser
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from socprev_kit.batch import overview as page  # noqa: E402
from socprev_kit.batch.inputs import planned_context  # noqa: E402
from socprev_kit.data.reading import input_hash  # noqa: E402
from socprev_kit.reports import overview  # noqa: E402
from socprev_kit.reports.context import ready  # noqa: E402


def _timed(name: str, call):  # noqa: ANN001, ANN202
    start = time.perf_counter()
    out = call()
    print(f"{name:<34} {time.perf_counter() - start:7.2f} s")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--lang", default="nl")
    parser.add_argument("--browser", action="store_true")
    args = parser.parse_args()
    lang = args.lang
    ctx = _timed("context (shared by the run)", lambda: ready(
        planned_context(str(args.data), input_hash(args.data)), ("nl", "fr")))  # fmt: skip
    table = _timed("rates table (once per run)", lambda: overview.rate_table(ctx))
    rows = _timed(f"rows in {lang}", lambda: overview.rate_rows(ctx, lang))
    _timed(f"positions in {lang}", lambda: overview.positions(ctx, lang))
    _timed(f"funnel figures in {lang}", lambda: page.figures(ctx, lang))
    _timed("rows' HTML", lambda: page.row_html(rows))
    html = _timed(f"whole page in {lang}", lambda: page.overview_html(ctx, lang, [lang]))
    print(f"{len(table)} rows, {len(html) / 1e6:.1f} MB")
    if args.browser:
        from conftest import chromium

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "overview.html"
            path.write_text(html, encoding="utf-8")
            browser = chromium("1400,1000")
            try:
                _timed("Chromium: load and first rows", lambda: browser.get(path.as_uri()))
            finally:
                browser.quit()


if __name__ == "__main__":
    main()
