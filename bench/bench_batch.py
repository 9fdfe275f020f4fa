"""Benchmark the batch engine against the usual ways of making many reports (run by hand).

The same notebook for the same municipalities, three ways, in one run:

(a) a shell loop of the ``papermill`` command plus ``jupyter nbconvert --to html``,
(b) a sequential loop of papermill's Python API plus nbconvert's ``HTMLExporter``,
(c) ``socprev-kit batch --jobs 2`` (warm kernels).

Each way writes to its own folder under ``bench/out/`` and starts from nothing (``--force`` for
the batch). Goal: (c) has at least 10x the throughput of (a) and 4x that of (b).

    .venv/bin/python bench/bench_batch.py            # notebooks/municipality_report.ipynb
    .venv/bin/python bench/bench_batch.py --n 4 --skip a

Without ``notebooks/municipality_report.ipynb`` a stand-in notebook is used: the heavy imports
(pandas, statsmodels, matplotlib, socprev_kit), a model fit and a figure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
OUT = ROOT / "bench" / "out" / "batch"
DATA = ROOT / "sample_data" / "clean"
REPORT = ROOT / "notebooks" / "municipality_report.ipynb"
CODES = ["11002", "21004", "21012", "21015", "31005", "35002", "35013", "35029", "44021", "52011"]


def standin_notebook(path: Path) -> Path:
    """A report-like notebook: parameters, heavy imports, a statsmodels fit and a figure."""
    params = nbformat.v4.new_code_cell('nis_code = "44021"\ndata_path = ""\nlang = "nl"')
    params.metadata["tags"] = ["parameters"]
    cells = [
        params,
        nbformat.v4.new_code_cell(
            "import matplotlib.pyplot as plt\nimport numpy as np\nimport pandas as pd\n"
            "import statsmodels.api as sm\n\nimport socprev_kit as sk"
        ),
        nbformat.v4.new_code_cell("muni = sk.find_municipality(nis_code)\nmuni.to_frame()"),
        nbformat.v4.new_code_cell(
            "x = np.arange(60)\ny = 50 + 0.3 * x + 5 * np.sin(x / 6)\n"
            "fit = sm.OLS(y, sm.add_constant(x)).fit()\n"
            "fig, ax = plt.subplots(figsize=(6, 3))\nax.plot(x, y)\nax.plot(x, fit.fittedvalues)\n"
            "ax.set_title(muni['name_nl'])"
        ),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def shell_loop(notebook: Path, codes: list[str], out: Path) -> None:
    """(a) one ``papermill`` and one ``jupyter nbconvert`` process per report."""
    script = (
        'for code in "$@"; do\n'
        f'  "{BIN}/papermill" "{notebook}" "{out}/report_$code.ipynb" -k python3 '
        f'-p nis_code "$code" -p data_path "{DATA}" -p lang nl --no-progress-bar '
        "--log-level ERROR || exit 1\n"
        f'  "{BIN}/jupyter" nbconvert --to html --no-input --log-level ERROR '
        f'"{out}/report_$code.ipynb" || exit 1\n'
        "done\n"
    )
    subprocess.run(["bash", "-c", script, "loop", *codes], check=True)


PYTHON_LOOP = """
import sys
import papermill as pm
from nbconvert import HTMLExporter
notebook, data, out, *codes = sys.argv[1:]
exporter = HTMLExporter(exclude_input=True)
for code in codes:
    path = f"{out}/report_{code}.ipynb"
    nb = pm.execute_notebook(notebook, path, kernel_name="python3", progress_bar=False,
                             parameters={"nis_code": code, "data_path": data, "lang": "nl"})
    html, _ = exporter.from_notebook_node(nb)
    open(f"{out}/report_{code}.html", "w", encoding="utf-8").write(html)
"""


def python_loop(notebook: Path, codes: list[str], out: Path) -> None:
    """(b) papermill's API and nbconvert's exporter in one Python process, one after another."""
    args = [sys.executable, "-c", PYTHON_LOOP, str(notebook), str(DATA), str(out), *codes]
    subprocess.run(args, check=True)


def warm_batch(notebook: Path, codes: list[str], out: Path) -> None:
    """(c) ``socprev-kit batch --jobs 2``."""
    args = [str(BIN / "socprev-kit"), "batch", *codes, "--lang", "nl", "--jobs", "2"]
    args += ["--notebook", str(notebook), "--data", str(DATA), "--out", str(out), "--force"]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def timed(name: str, run, notebook: Path, codes: list[str]) -> float:  # noqa: ANN001
    out = OUT / name
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    start = time.perf_counter()
    run(notebook, codes, out)
    seconds = time.perf_counter() - start
    print(f"  ({name}) {seconds:7.1f} s  {seconds / len(codes):6.2f} s/report", flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10, help="municipalities (at most 10)")
    parser.add_argument("--skip", default="", help="ways to skip, e.g. 'a' or 'a,b'")
    parser.add_argument("--notebook", type=Path, help="default: the report notebook")
    args = parser.parse_args()
    notebook = args.notebook or (REPORT if REPORT.exists() else None)
    notebook = notebook or standin_notebook(OUT / "standin_report.ipynb")
    codes = CODES[: args.n]
    print(f"{len(codes)} reports of {notebook.relative_to(ROOT)} on {os.cpu_count()} cores")
    ways = {"a": shell_loop, "b": python_loop, "c": warm_batch}
    skip = set(args.skip.split(","))
    seconds = {k: timed(k, run, notebook, codes) for k, run in ways.items() if k not in skip}
    for base, goal in (("a", 10), ("b", 4)):
        if base in seconds and "c" in seconds:
            ratio = seconds[base] / seconds["c"]
            verdict = "ok" if ratio >= goal else f"below the goal of {goal}x"
            print(f"  throughput c/{base}: {ratio:.1f}x ({verdict})")


if __name__ == "__main__":
    main()
