"""The disclosure audit of a batch of part of the country: the funnel groups' members come from
the data set's disclosure pattern, not only from the hidden cells of the pages made.

The sample's batch of the province of Namur makes one page (Namur, 92094); its context section
prints the group rate of C01 in 2025 over 15 municipalities: every municipality with twelve
months of C01 less Vaux-sur-Sûre and Sainte-Ode, whose counts the reports hide (Sainte-Ode's is
small, Vaux-sur-Sûre's hidden beside it so that BAS-CA's total does not give it away) but whose
pages this batch does not make. The references are computed here from the raw files.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import socprev_kit.audit as audit_package
from socprev_kit.audit import audit_disclosure
from socprev_kit.cli import main

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "sample_data" / "clean"
HIDDEN = ("82036", "82038")  # Vaux-sur-Sûre, Sainte-Ode
YEAR = "2025"


def _raw(nis: str) -> pd.DataFrame:
    """A French sample file as it is on disk (Windows-1252, ';', decimal comma)."""
    raw = pd.read_csv(CLEAN / f"registrations_{nis}.csv", sep=";", encoding="cp1252", dtype=str)
    raw.columns = ["project", "nis", "period", "indicator", "value", "source", "note"]
    return raw.assign(value=pd.to_numeric(raw["value"].str.replace(",", ".")))


def _count(nis: str, indicator: str) -> int:
    raw = _raw(nis)
    return int(raw.loc[raw["indicator"].eq(indicator) & raw["period"].str.startswith(YEAR),
                       "value"].sum())  # fmt: skip


@pytest.fixture(scope="module")
def namur(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    """The batch of the province of Namur in Dutch: (its folder, its exit code, its stderr)."""
    out = tmp_path_factory.mktemp("namur")
    given: list[bool] = []
    audit = audit_package.audit_disclosure

    def spy(*args: object, pattern: object = None, **kwargs: object) -> object:
        given.append(pattern is not None)
        return audit(*args, pattern=pattern, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(audit_package, "audit_disclosure", spy)
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(["batch", "--data", str(CLEAN), "--province", "Namen", "--lang", "nl",
                         "--jobs", "1", "--out", str(out)])  # fmt: skip
    assert given == [True]  # the batch handed its own pattern over, once
    return out, code, err.getvalue()


def _group_cells(out: Path) -> list[str]:
    """The group sizes the Namur page prints (``Groepsgemiddelde`` rows of sections 6 and 7)."""
    from socprev_kit.audit.published import report_cells

    record = {"kind": "municipality", "id": "92094", "lang": "nl"}
    page = out / "nl" / "municipality_92094.html"
    cells = report_cells(page, "", record, set(), {"namen": {"92094": "namen;namur;namur"}})
    return sorted(f"{c.indicator}:{c.unit[1]}" for c in cells if c.unit[1].startswith("group:"))


@pytest.mark.slow
def test_a_partial_batch_checks_every_group_rate(namur, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    out, code, err = namur
    assert code == 0 and "LET OP" not in err  # the batch's own audit: nothing left unchecked
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in manifest["reports"]] == ["92094"]
    # the counts the group leaves out, from the raw files (one small), and no page of theirs
    assert _count("82038", "C01") in range(1, 5) and _count("82036", "C01") >= 5
    assert not any((out / "nl" / f"municipality_{nis}.html").exists() for nis in HIDDEN)
    assert "C01:group:15" in _group_cells(out)
    # the national overview pages show which counts are hidden: without them (a batch that
    # publishes the reports alone) only the data set's pattern settles the groups
    shutil.copytree(out, tmp_path / "out")
    out = tmp_path / "out"
    for page in out.glob("*/overview.html"):
        page.unlink()
    audit = audit_disclosure(out)  # standalone: the pattern decided from the data
    assert audit.ok and audit.n_unexplained == 0 and audit.n_reports == 1
    # what the audit did before: the group inferred from the pages alone is not 15 strong
    monkeypatch.setattr(audit_package, "pattern_of", lambda dataset, pattern=None: None)
    assert audit_disclosure(out).n_unexplained == 1


@pytest.mark.slow
def test_a_leak_planted_beside_a_partial_batch_is_still_found(namur, tmp_path) -> None:  # noqa: ANN001
    """A page of BAS-CA planted in the Namur batch prints the project's I02 total of 2025 beside
    Bastogne's count and the two small ones hidden: the total less Bastogne gives 4 + 4."""
    out = tmp_path / "out"
    shutil.copytree(namur[0], out)
    bastogne = _count("82039", "I02")
    total = bastogne + sum(_count(nis, "I02") for nis in HIDDEN)
    label = "I02 Plaintes d'habitants liées à la drogue : nombre"
    pages = {"project_BAS-CA": total, "municipality_82036": "< 5",
             "municipality_82038": "< 5", "municipality_82039": bastogne}  # fmt: skip
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for name, value in pages.items():
        kind, _, ident = name.partition("_")
        head = "<h3>BAS-CA – Plan drogues Centre Ardenne ¶</h3>"
        table = (f"<table><thead><tr><th>Indicateur</th><th>{YEAR}</th></tr></thead>"
                 f"<tr><td>{label}</td><td>{value}</td></tr></table>")  # fmt: skip
        (out / "fr").mkdir(exist_ok=True)
        (out / "fr" / f"{name}.html").write_text(f"<html><body>{head}{table}</body></html>")
        manifest["reports"].append({"kind": kind, "id": ident, "lang": "fr", "status": "ok",
                                    "html": f"fr/{name}.html"})  # fmt: skip
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    audit = audit_disclosure(out)
    found = sorted((c.unit[1], r.value) for r in audit.recoveries for c in r.target.hidden)
    # each small count is recovered, in every cell that hides it (the planted pages, and the
    # national overview's rates table when it lists the same year)
    assert sorted(set(found)) == [(nis, _count(nis, "I02")) for nis in HIDDEN] and not audit.ok
    assert audit.n_unexplained == 0
