"""The training notebooks: built from one source in Dutch and French, committed as built, their
exercises answered by their solutions (nbval of every notebook: tests/test_nbval.py)."""

from __future__ import annotations

import nbformat
import pytest
from conftest import ROOT

from socprev_kit import cli
from socprev_kit.teaching import make_notebook
from socprev_kit.teaching.build import LANGS, file_name
from socprev_kit.teaching.course import COURSE
from socprev_kit.teaching.exercise import Exercise

COMMITTED = ROOT / "notebooks" / "training"
SOLUTIONS = ROOT / "docs" / "training"
EXERCISES = [s for s in COURSE if any(isinstance(c, Exercise) for c in s.CELLS)]


def test_sources_have_both_languages_and_no_def() -> None:
    for source in COURSE:
        for cell in source.CELLS:
            if isinstance(cell, dict):
                assert set(cell) == set(LANGS), source.NAME
                assert cell["nl"].strip() != cell["fr"].strip()
                continue
            codes = (cell.task, cell.solution) if isinstance(cell, Exercise) else (cell,)
            for code in codes:
                assert "def " not in code and "class " not in code, (source.NAME, code)
            if isinstance(cell, Exercise):
                assert "..." in cell.task and "..." not in cell.solution, (source.NAME, cell)
                assert set(cell.explain) == set(LANGS), (source.NAME, cell)


def test_notebooks_differ_only_in_language() -> None:
    for source in COURSE:
        nl, fr = (make_notebook(source, lang) for lang in LANGS)
        assert [c.cell_type for c in nl.cells] == [c.cell_type for c in fr.cells]
        assert nl.cells[0].metadata["tags"] == ["parameters"]
        assert 'lang = "nl"' in nl.cells[0].source and 'lang = "fr"' in fr.cells[0].source
        code = [(a.source, b.source) for a, b in zip(nl.cells[1:], fr.cells[1:], strict=True)
                if a.cell_type == "code"]  # fmt: skip
        assert code and all(a == b for a, b in code)
        nbformat.validate(nl)


@pytest.mark.slow
def test_committed_notebooks_equal_a_fresh_build(tmp_path) -> None:
    solutions = tmp_path / "solutions"
    assert cli.main(["training", "--out", str(tmp_path), "--solutions", str(solutions)]) == 0
    built = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.glob("*/*.ipynb"))
    assert built == sorted(f"{lang}/{file_name(s)}" for lang in LANGS for s in COURSE)
    for rel in built:
        fresh = (tmp_path / rel).read_bytes()
        assert (COMMITTED / rel).read_bytes() == fresh, f"{rel}: run `make training`"
    for lang in LANGS:
        fresh = (solutions / f"solutions_{lang}.md").read_text(encoding="utf-8")
        assert (SOLUTIONS / f"solutions_{lang}.md").read_text(encoding="utf-8") == fresh
    for rel in built:  # every notebook ran without an error; the course shows figures
        nb = nbformat.read(tmp_path / rel, as_version=4)
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert not any(o.output_type == "error" for o in outputs), rel
        assert not any(o.get("name") == "stderr" for o in outputs), rel
    pngs = [rel for rel in built if "image/png" in (tmp_path / rel).read_text(encoding="utf-8")]
    assert len(pngs) >= len(built) // 2, pngs


def _exercise_outputs(nb) -> list[str]:
    cells = [c for c in nb.cells if "exercise" in c.metadata.get("tags", [])]
    return [o.get("data", {}).get("text/html", "") for c in cells for o in c.outputs]


@pytest.mark.slow
@pytest.mark.parametrize("source", EXERCISES, ids=[s.NAME for s in EXERCISES])
def test_solutions_pass_their_checks_and_the_notebooks_ask(source, tmp_path) -> None:
    """Run with its solutions filled in, every exercise's check passes (in the language of the
    notebook, alternating so both are covered); the notebook participants get shows each check
    once, not passed."""
    from socprev_kit.teaching.build import execute

    lang = LANGS[source.NUMBER % 2]
    solved = execute(make_notebook(source, lang, solutions=True), tmp_path)
    n = sum(isinstance(c, Exercise) for c in source.CELLS)
    outputs = _exercise_outputs(solved)
    assert len(outputs) == n and all('data-passed="true"' in o for o in outputs), outputs
    for lang in LANGS:
        given = nbformat.read(COMMITTED / lang / file_name(source), as_version=4)
        outputs = _exercise_outputs(given)
        assert len(outputs) == n and all('data-passed="false"' in o for o in outputs), outputs


def test_solutions_file_quotes_each_exercise() -> None:
    from socprev_kit.teaching.build import solutions_text

    for lang in LANGS:
        text = solutions_text(lang)
        for source in EXERCISES:
            for cell in source.CELLS:
                if isinstance(cell, Exercise):
                    assert cell.solution.strip() in text and cell.explain[lang].strip() in text
