"""``pytest --nbval notebooks/`` passes for every notebook (issue 6): the report templates, checked
against their reference copies, and the course notebooks; one sanitize file masks what varies,
and the cells of each notebook run in order whatever reorders the tests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT

from socprev_kit.cli.references import TEMPLATES, reference_path, with_reference_outputs
from socprev_kit.common.errors import SocprevError

NOTEBOOKS = ROOT / "notebooks"
# -rA: one line per item, "PASSED <nodeid>" (-v mangles nbval's ids: "x::ipynb::Cell 0")
RESULT = re.compile(r"^(PASSED|FAILED|ERROR|SKIPPED) (\S+\.ipynb)::Cell (\d+)", re.MULTILINE)
COLLECTED = re.compile(r"^(\S+\.ipynb)::Cell (\d+)$", re.MULTILINE)
NBVAL = [sys.executable, "-m", "pytest", "--nbval", "-p", "no:cacheprovider"]


def notebooks_to_check() -> dict[str, int]:
    """Every notebook under notebooks/ with its number of code cells, except the reference
    copies and what a batch wrote (folders with manifest.json and .records/)."""
    found = {}
    for path in sorted(NOTEBOOKS.rglob("*.ipynb")):
        parts = path.relative_to(NOTEBOOKS).parts
        batch_output = any(
            (folder / "manifest.json").is_file() and (folder / ".records").is_dir()
            for folder in path.parents
        )
        if parts[0] == "reference" or ".ipynb_checkpoints" in parts or batch_output:
            continue
        nb = nbformat.read(path, as_version=4)
        found[path.relative_to(ROOT).as_posix()] = sum(c.cell_type == "code" for c in nb.cells)
    return found


def nbval(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*NBVAL, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )


def copy_template(tmp_path: Path, name: str = "municipality_report.ipynb") -> Path:
    """A notebooks/ folder in tmp with the conftest, the sanitize file, one template and its
    reference copy."""
    folder = tmp_path / "notebooks"
    (folder / "reference").mkdir(parents=True)
    for rel in ("conftest.py", "sanitize.cfg", name, f"reference/{name}"):
        shutil.copy(NOTEBOOKS / rel, folder / rel)
    return folder


@pytest.mark.slow
def test_every_notebook_passes_nbval() -> None:
    expected = notebooks_to_check()
    assert {"notebooks/municipality_report.ipynb", "notebooks/project_report.ipynb"} <= set(
        expected
    )
    assert any(name.startswith("notebooks/training/nl/") for name in expected)
    assert any(name.startswith("notebooks/training/fr/") for name in expected)
    run = nbval("notebooks/", "-q", "-rA")
    failures = run.stdout.split(" PASSES ")[0]  # -rA lists the passes after the failures
    assert run.returncode == 0, failures[-8000:] + run.stderr[-2000:]
    results = RESULT.findall(run.stdout)
    assert {status for status, *_ in results} == {"PASSED"}
    ran = Counter(name for _, name, _ in results)
    assert dict(ran) == expected, "every code cell of every notebook, once"


@pytest.mark.slow
def test_sanitize_masks_what_varies_and_nothing_else(tmp_path) -> None:
    folder = copy_template(tmp_path)
    path = folder / "reference" / "municipality_report.ipynb"
    ref = nbformat.read(path, as_version=4)
    varies = [  # the date of the report, the versions of the kit and of Matplotlib, ids
        (r"(rapport van )\d{1,2} \w+ \d{4}", r"\g<1>1 januari 2000"),
        (r"(Datum van het rapport</td>\s*<td>)[^<]+", r"\g<1>1 januari 2000"),
        (r"socprev-kit \d+\.\d+\.\d+", "socprev-kit 9.9.9"),
        (r"'kit_version': '[^']+'", "'kit_version': '9.9.9'"),
        (r"Matplotlib v[\d.]+", "Matplotlib v0.0.1"),
        # a table's id digests its cells, the date among them: on another day it differs
        (r'(<table class="dataframe socprev" id="t)[0-9a-f]{10}', r"\g<1>0123456789"),
    ]
    changed = Counter()
    for cell in ref.cells:
        for output in cell.get("outputs", []):
            for mime, value in output.get("data", {}).items():
                for number, (pattern, new) in enumerate(varies):
                    if isinstance(value, str):
                        value, n = re.subn(pattern, new, value)
                        changed[number] += n
                output["data"][mime] = value
    assert all(changed[i] for i in range(len(varies))), changed
    headline = ref.cells[-1].outputs[0].data
    assert " doelstellingen" in headline["text/markdown"]
    headline["text/markdown"] = re.sub(r"\d+ doelstellingen", "99 doelstellingen",
                                       headline["text/markdown"])  # fmt: skip
    nbformat.write(ref, path)

    run = nbval(str(folder), "-q", "-rA", cwd=tmp_path)  # no --nbval-sanitize-with given
    results = {int(cell): status for status, _, cell in RESULT.findall(run.stdout)}
    n_code = sum(cell.cell_type == "code" for cell in ref.cells)
    assert len(results) == n_code, run.stdout[-3000:] + run.stderr[-2000:]
    last = max(results)
    assert results.pop(last) == "FAILED", run.stdout[-3000:]  # the headline's number
    assert set(results.values()) == {"PASSED"}, run.stdout[-3000:]  # masked differences
    assert f"Cell {last}: Cell outputs differ" in run.stdout and run.returncode == 1
    assert "mismatch 'text/markdown'" in run.stdout and "99 doelstel" in run.stdout


@pytest.mark.slow
def test_a_template_that_changed_needs_a_new_reference(tmp_path) -> None:
    folder = copy_template(tmp_path, "project_report.ipynb")
    nb = nbformat.read(folder / "project_report.ipynb", as_version=4)
    nb.cells[2].source += "\nreports.title(report)"
    nbformat.write(nb, folder / "project_report.ipynb")
    run = nbval(str(folder), "--co", "-q", cwd=tmp_path)
    assert run.returncode != 0
    assert "code cell 2 differs" in run.stdout and "socprev_kit.cli.references" in run.stdout


def test_references_match_the_templates() -> None:
    for name in TEMPLATES:
        template = nbformat.read(NOTEBOOKS / name, as_version=4)
        assert all(not c.get("outputs") for c in template.cells), f"{name}: keep it clean"
        reference = nbformat.read(reference_path(NOTEBOOKS / name), as_version=4)
        merged = with_reference_outputs(template, reference, name)
        outputs = [o for c in merged.cells if c.cell_type == "code" for o in c.outputs]
        assert len(outputs) > 20 and not any(o.output_type == "error" for o in outputs)
        assert any("image/svg+xml" in o.get("data", {}) for o in outputs)
        reference.cells[1].source = "report = None"
        with pytest.raises(SocprevError, match="code cell 1 differs.*refresh"):
            with_reference_outputs(template, reference, name)


SHUFFLE = '''
import pytest

@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items):
    """Like pytest-randomly (not installed here): reorders before the other hooks."""
    items.reverse()
    return (yield)
'''


@pytest.mark.slow
def test_cells_run_in_order_whatever_reorders_the_items(tmp_path) -> None:
    (tmp_path / "shuffle_items.py").write_text(SHUFFLE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    plugins = ["-p", "shuffle_items"]
    try:
        import pytest_randomly  # noqa: F401

        plugins += ["-p", "randomly", "--randomly-seed=7"]
    except ImportError:
        pass

    def order(*args: str) -> list[tuple[str, int]]:
        run = nbval("notebooks/", "--co", "-q", *plugins, *args, env=env)
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
        return [(name, int(cell)) for name, cell in COLLECTED.findall(run.stdout)]

    shuffled = order("--noconftest")
    assert shuffled != sorted(shuffled, key=lambda x: (x[0], x[1]))  # the stand-in reorders
    ordered = order()
    assert Counter(name for name, _ in ordered) == notebooks_to_check()
    names = [name for name, _ in ordered]
    blocks = [name for i, name in enumerate(names) if i == 0 or names[i - 1] != name]
    assert len(blocks) == len(set(blocks)), "each notebook's cells together"
    for name in set(names):
        assert [c for n, c in ordered if n == name] == list(range(names.count(name)))
