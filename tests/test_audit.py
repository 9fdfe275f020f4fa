"""The disclosure audit (``socprev_kit.audit``, ``socprev-kit audit-disclosure``).

The references are computed here from the raw registration files with plain pandas, never with
the kit's suppression or indicator code.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from socprev_kit.audit import NotABatchError, audit_disclosure
from socprev_kit.cli import main

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "sample_data" / "clean"
BAS_CA = {"82036": "Vaux-sur-Sûre", "82038": "Sainte-Ode", "82039": "Bastogne"}


def _raw(nis: str) -> pd.DataFrame:
    """A French sample file as it is on disk (Windows-1252, ';', French headers)."""
    raw = pd.read_csv(CLEAN / f"registrations_{nis}.csv", sep=";", encoding="cp1252", dtype=str)
    raw.columns = ["project", "nis", "period", "indicator", "value", "source", "note"]
    return raw.assign(value=pd.to_numeric(raw["value"].str.replace(",", ".")))


def _count(nis: str, indicator: str, year: str) -> int:
    raw = _raw(nis)
    rows = raw[raw["indicator"].eq(indicator) & raw["period"].str.startswith(year)]
    return int(rows["value"].sum())


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three BAS-CA municipalities' registration files (no projects: rows are kept)."""
    folder = tmp_path_factory.mktemp("data")
    for nis in BAS_CA:
        shutil.copy(CLEAN / f"registrations_{nis}.csv", folder)
    return folder


def _table(heading: str, header: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<h3>{heading} ¶</h3><table><thead><tr>{cells}</tr></thead>{body}</table>"


def _batch_folder(out: Path, data: Path, pages: dict[str, list[list[str]]],
                  years: tuple[str, ...] = ("2025",)) -> Path:  # fmt: skip
    """A hand-made batch output: one French page per report, I02 counts (and rates) of 2025
    (or of ``years``)."""
    reports = []
    for report, rows in pages.items():
        kind, _, ident = report.partition("_")
        html = f"fr/{report}.html"
        table = _table("BAS-CA – Plan drogues Centre Ardenne", ["Indicateur", *years], rows)
        (out / "fr").mkdir(parents=True, exist_ok=True)
        (out / html).write_text(f"<html><body>{table}</body></html>", encoding="utf-8")
        reports.append({"kind": kind, "id": ident, "lang": "fr", "status": "ok", "html": html})
    manifest = {"input": {"path": str(data), "sha256": None}, "reports": reports}
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return out


def _pages(total: str, vaux_rate: str = "< 5") -> dict[str, list[list[str]]]:
    count = "I02 Plaintes d'habitants liées à la drogue : nombre"
    rate = "I02 Plaintes d'habitants liées à la drogue : pour 1 000 habitants"
    return {
        "project_BAS-CA": [[count, total]],
        "municipality_82036": [[count, "< 5"], [rate, vaux_rate]],
        "municipality_82038": [[count, "< 5"]],
        "municipality_82039": [[count, str(_count("82039", "I02", "2025"))]],
    }


def test_a_total_beside_all_but_the_hidden_members_gives_them_away(data: Path, tmp_path: Path):
    """Total 36, Bastogne 28, the two others '< 5' (1 to 4 each): both must be 4."""
    total = sum(_count(nis, "I02", "2025") for nis in BAS_CA)
    vaux, ode = _count("82036", "I02", "2025"), _count("82038", "I02", "2025")
    assert (vaux, ode) == (4, 4) and total - _count("82039", "I02", "2025") == 8  # the case
    out = _batch_folder(tmp_path, data, _pages(str(total)))
    audit = audit_disclosure(out)
    found = {(r.target.hidden[0].file, r.value) for r in audit.recoveries}
    assert found == {("fr/municipality_82036.html", vaux), ("fr/municipality_82038.html", ode)}
    assert not audit.ok and audit.n_unexplained == 0


def test_nothing_recoverable_when_the_total_is_hidden_too(data: Path, tmp_path: Path) -> None:
    out = _batch_folder(tmp_path, data, _pages("masqué"))
    assert audit_disclosure(out).ok
    assert main(["audit-disclosure", str(out), "--lang", "fr"]) == 0


def test_a_rate_per_1000_gives_its_hidden_count_away(data: Path, tmp_path: Path) -> None:
    """Vaux-sur-Sûre's 4 complaints over 5,734 inhabitants (2020, the last population year):
    '0,70' per 1,000 leaves only 4 (3.99 to 4.04)."""
    from socprev_kit.data.reference import population

    pop = population().query("nis_code == '82036' and year == 2020")["population"].item()
    rate = _count("82036", "I02", "2025") / pop * 1000
    text = f"{rate:.2f}".replace(".", ",")
    out = _batch_folder(tmp_path, data, _pages("masqué", vaux_rate=text))
    (found,) = audit_disclosure(out).recoveries
    assert found.value == 4 and text in {f.cells[0].text for f in found.used}


def _old_population(codes: list[str]) -> int:
    """Statbel's population of 1 January 2020 of 2019-2024 municipalities, summed."""
    from socprev_kit.data.reference import population

    table = population(2020).query("nis_code in @codes and year == 2020")
    assert len(table) == len(codes)
    return int(table["population"].sum())


def _rate(count: int, pop: int) -> str:
    return f"{count / pop * 1000:.2f}".replace(".", ",")


def test_a_rate_of_a_merged_municipality_before_2025_gives_its_small_count_away(tmp_path: Path):
    """Rows registered for old Bastogne (82003) before the 2025 merger: the report divides by
    old Bastogne's 16,276 inhabitants, not merged Bastogne's 19,932 (82003 + Bertogne 82005).
    A reader who knows the rule reads 3 back from '0,18' beside '< 5'; 12 in 2023 beside its
    rate is checked, nothing left out."""
    values = {"2023": [1] * 12, "2024": [1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0]}
    data = tmp_path / "data"
    data.mkdir()
    lines = [f"T-1;82003;{y}-{m + 1:02d};I02;{v}" for y, vs in values.items()
             for m, v in enumerate(vs)]  # fmt: skip
    text = "project;NIS-code;periode;indicator;waarde\n" + "\n".join(lines) + "\n"
    (data / "registrations.csv").write_text(text, encoding="utf-8")
    old, merged = _old_population(["82003"]), _old_population(["82003", "82005"])
    assert (old, merged) == (16276, 19932) and _rate(3, old) != _rate(3, merged)
    rows = [["I02 Plaintes : nombre", "12", "< 5"],
            ["I02 Plaintes : pour 1 000 habitants", _rate(12, old), _rate(3, old)]]  # fmt: skip
    out = _batch_folder(tmp_path / "out", data, {"municipality_82039": rows}, ("2023", "2024"))
    page = out / "fr" / "municipality_82039.html"
    page.write_text(page.read_text(encoding="utf-8").replace("BAS-CA", "T-1"))
    audit = audit_disclosure(out)
    (found,) = audit.recoveries
    assert found.value == 3 and found.target.hidden[0].months[0] // 12 == 2024
    assert _rate(3, old) in {c.text for f in found.used for c in f.cells}
    assert audit.n_unexplained == 0


def _funnel_page(out: Path, rows: list[list[str]]) -> None:
    header = ["Indicateur", "Commune", "Année", "Nombre", "Moyenne du groupe", "Communes"]
    table = _table("6. Comparaison avec d'autres communes", header, rows)
    (out / "fr" / "project_BAS-CA.html").write_text(f"<html><body>{table}</body></html>")


def test_a_funnel_group_without_its_hidden_members_is_checked(data: Path, tmp_path: Path):
    """The reports leave the hidden counts out of the group rate: of BAS-CA's three full years
    of 2025, Vaux-sur-Sûre and Sainte-Ode are hidden, so the group of '1' is Bastogne alone
    (28 over merged Bastogne's 19,932). The audit models that group and checks its rate; a
    rate of another group (the three together) is not explained and is counted."""
    bastogne = _count("82039", "I02", "2025")
    group = _rate(bastogne, _old_population(["82003", "82005"]))

    def rows(rate: str) -> list[list[str]]:
        return [["I02 Plaintes", name, "2025", str(bastogne) if nis == "82039" else "masqué",
                 rate, "1"] for nis, name in BAS_CA.items()]  # fmt: skip

    out = _batch_folder(tmp_path, data, {"project_BAS-CA": []})
    _funnel_page(out, rows(group))
    audit = audit_disclosure(out)
    assert audit.ok and audit.n_unexplained == 0 and audit.n_cells == 6
    total = sum(_count(nis, "I02", "2025") for nis in BAS_CA)
    everyone = _rate(total, _old_population(["82036", "82038", "82003", "82005"]))
    assert everyone != group
    _funnel_page(out, rows(everyone))
    assert audit_disclosure(out).n_unexplained == 3


def test_the_command_says_how_many_numbers_it_could_not_check(data: Path, tmp_path: Path,
                                                              capsys) -> None:  # fmt: skip
    """A number the audit cannot explain is a blind spot: said on its own line, in the
    language asked; the exit code stays that of the recoveries (none here: 0)."""
    years = ("2025", "2026")  # no registration of 2026 explains the 12
    out = _batch_folder(tmp_path, data, {"municipality_82036": [[I02, "< 5", "12"]]}, years)
    assert main(["audit-disclosure", str(out), "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "WARNING: 1 published numbers could not be checked" in text
    assert main(["audit-disclosure", str(out), "--lang", "fr"]) == 0
    assert "ATTENTION : 1 nombres publiés n'ont pas pu être vérifiés" in capsys.readouterr().out
    _batch_folder(tmp_path, data, {"municipality_82036": [[I02, "< 5", "–"]]}, years)
    assert main(["audit-disclosure", str(out), "--lang", "en"]) == 0
    assert "could not be checked" not in capsys.readouterr().out


def test_the_batch_says_how_many_numbers_its_audit_could_not_check(data: Path, tmp_path: Path,
                                                                   capsys) -> None:  # fmt: skip
    from socprev_kit.batch.run import BatchResult, audited
    from socprev_kit.cli.reports import _print_audit

    out = _batch_folder(tmp_path, data, {"municipality_82036": [[I02, "< 5", "12"]]},
                        ("2025", "2026"))  # fmt: skip
    result = audited(
        BatchResult(out, out / "index.html", out / "summary.csv", out / "manifest.json")
    )
    assert result.ok and result.disclosure.n_unexplained == 1
    _print_audit(result, ["nl", "fr"])
    err = capsys.readouterr().err
    assert err.startswith("LET OP: 1 gepubliceerde getallen konden niet gecontroleerd worden")


def _svg_of_months(nis: str, year: str) -> str:
    """A figure of a municipality's monthly I02 counts, drawn with plain matplotlib."""
    import base64
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    raw = _raw(nis).query("indicator == 'I02' and period.str.startswith(@year)")
    months = [int(year) * 12 + int(p[5:]) - 1 for p in raw["period"]]
    fig, ax = plt.subplots()
    ax.plot(months, raw["value"], marker="o")
    ax.set_xticks([int(year) * 12, int(year) * 12 + 12], [year, str(int(year) + 1)])
    ax.set_title("I02 Plaintes d'habitants liées à la drogue")
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text as text, as the reports do
        fig.savefig(buffer, format="svg")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue().encode()).decode()


def test_a_figure_of_the_months_gives_a_hidden_year_away(data: Path, tmp_path: Path) -> None:
    """Vaux-sur-Sûre's 2025 total is hidden, its figure draws the 12 months: their sum."""
    out = _batch_folder(
        tmp_path, data, {"municipality_82036": _pages("masqué")["municipality_82036"]}
    )
    page = out / "fr" / "municipality_82036.html"
    image = f'<img src="data:image/svg+xml;base64,{_svg_of_months("82036", "2025")}">'
    page.write_text(page.read_text(encoding="utf-8").replace("<body>", f"<body>{image}"))
    audit = audit_disclosure(out)
    assert audit.n_series == 1
    (found,) = audit.recoveries
    assert found.value == _count("82036", "I02", "2025")
    assert len({c.where for f in found.used for c in f.cells if c.where.startswith("SVG")}) == 12


def test_the_command_says_what_is_found_and_exits_1(data: Path, tmp_path: Path, capsys) -> None:
    total = str(sum(_count(nis, "I02", "2025") for nis in BAS_CA))
    out = _batch_folder(tmp_path, data, _pages(total))
    assert main(["audit-disclosure", str(out), "--lang", "nl"]) == 1
    text = capsys.readouterr().out
    assert text.startswith("2 verborgen waarde(n) te herleiden")
    assert "- BAS-CA · 82036 · I02 · 2025: is 4 (< 5)" in text


def test_a_folder_that_is_not_a_batch_output_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["audit-disclosure", str(tmp_path), "--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert "n'est pas un dossier de sortie de socprev-kit batch" in err and "Traceback" not in err
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(NotABatchError, match="manifest.json"):
        audit_disclosure(tmp_path)


def test_missing_data_exit_2(tmp_path: Path, capsys) -> None:
    manifest = {"input": {"path": str(tmp_path / "gone")}, "reports": []}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert main(["audit-disclosure", str(tmp_path), "--lang", "en"]) == 2
    assert "The batch's data are not found" in capsys.readouterr().err


YEARS = tuple(str(y) for y in range(2019, 2026))
I02 = "I02 Plaintes d'habitants liées à la drogue : nombre"


def _suppressed_pages(data: Path, *, secondary: bool) -> dict[str, list[list[str]]]:
    """BAS-CA's yearly I02 counts, project total and members, as the reports print them: hidden
    by the reports' own ``hide``, primary only (what the reports did before the secondary
    suppression: ``evaluation.suppress`` without ``hidden=``, a small count as "< 5") or with
    the data set's pattern (``secondary``, a hidden count as "masqué")."""
    from socprev_kit.data.catalogue import indicator_catalogue
    from socprev_kit.indicators.table import combine_projects
    from socprev_kit.reports import prepare
    from socprev_kit.reports.evaluate import hide

    ctx = prepare(data, warm=False)
    yearly = ctx.yearly_all().query("indicator_id == 'I02' and project_id == 'BAS-CA'")
    both = pd.concat([yearly, combine_projects(yearly, indicator_catalogue())])
    shown = hide(both.reset_index(drop=True), ctx if secondary else None)
    text = shown["value"].map("{:.0f}".format).where(~shown["suppressed"],
                                                     "masqué" if secondary else "< 5")  # fmt: skip
    cells = shown.assign(text=text).set_index(["nis_code", "period"])["text"]
    pages = {f"municipality_{nis}": [[I02, *(cells[nis, y] for y in YEARS)]] for nis in BAS_CA}
    return {"project_BAS-CA": [[I02, *(cells["ALL", y] for y in YEARS)]], **pages}


def test_bas_ca_with_primary_suppression_only_gives_counts_away(data: Path, tmp_path: Path):
    """Before the secondary suppression, a year's total stood beside its members: one small
    member beside the others shown (or two at 4 + 4) is worked out. With the data set's
    pattern the same pages give nothing away. The reference: plain sums of the raw files."""
    truth = {(nis, y): _count(nis, "I02", y) for nis in BAS_CA for y in YEARS}
    expected = set()
    for y in YEARS:
        small = [nis for nis in BAS_CA if 1 <= truth[nis, y] <= 4]
        if len(small) == 1 or (len(small) == 2 and {truth[n, y] for n in small} in ({1}, {4})):
            expected |= {(nis, int(y), truth[nis, y]) for nis in small}
    assert {("82036", 2025, 4), ("82038", 2025, 4), ("82038", 2019, 3)} <= expected  # the case
    old = _batch_folder(tmp_path / "old", data, _suppressed_pages(data, secondary=False), YEARS)
    audit = audit_disclosure(old)
    found = {
        (c.unit[1], c.months[0] // 12, r.value) for r in audit.recoveries for c in r.target.hidden
    }
    assert found == expected and audit.n_unexplained == 0
    new = _batch_folder(tmp_path / "new", data, _suppressed_pages(data, secondary=True), YEARS)
    audit = audit_disclosure(new)
    assert audit.ok and audit.n_unexplained == 0


def _i02_2025_hidden(out: Path, kind: str, ident: str) -> set[bool]:
    """Whether each I02 count of 2025 of the page's own unit (in BAS-CA's tables) of a French
    page is hidden: the project's total on its page, the municipality's count on its own (not
    the project's objective values, which a municipality's page repeats)."""
    from socprev_kit.audit.published import report_cells

    record = {"kind": kind, "id": ident, "lang": "fr"}
    cells = report_cells(out / "fr" / f"{kind}_{ident}.html", "", record, {"BAS-CA"}, {})
    key = (
        "I02",
        (2025 * 12, 2025 * 12 + 11),
        "value",
        ("BAS-CA", "*" if kind == "project" else ident),
    )
    return {c.hidden for c in cells if (c.indicator, c.months, c.measure, c.unit) == key}


@pytest.mark.slow
def test_the_bas_ca_batch_is_clean_and_the_old_leak_still_found(data: Path, tmp_path: Path,
                                                                 capsys) -> None:  # fmt: skip
    """The sample's BAS-CA reports, in French: the batch succeeds, its audit reads every
    published number and works out none (the leak of issue 13 is fixed); the same counts
    printed with the old primary-only suppression are still caught (both hidden 4s)."""
    out = tmp_path / "batch"
    code = main(["batch", "--data", str(CLEAN), "--project", "BAS-CA", *BAS_CA, "--lang", "fr",
                 "--jobs", "1", "--out", str(out)])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0 and "ÉCHEC" not in err and "ATTENTION" not in err
    audit = audit_disclosure(out)
    assert audit.ok and audit.n_unexplained == 0 and audit.n_reports == 4
    assert audit.n_series > 0
    # the leak's cells: the project's 2025 total and Bastogne's count, read, not both shown
    hidden = [
        _i02_2025_hidden(out, "project", "BAS-CA"),
        _i02_2025_hidden(out, "municipality", "82039"),
    ]
    assert all(hidden) and not (False in hidden[0] and False in hidden[1])
    old = _batch_folder(tmp_path / "old", data, _suppressed_pages(data, secondary=False), YEARS)
    recovered = {(c.unit, c.months[0] // 12, r.value)
                 for r in audit_disclosure(old).recoveries for c in r.target.hidden}  # fmt: skip
    for nis in ("82036", "82038"):
        assert (("BAS-CA", nis), 2025, _count(nis, "I02", "2025")) in recovered


def test_the_batch_is_not_ok_when_its_outputs_give_a_hidden_value_away(data: Path, tmp_path: Path):
    from socprev_kit.batch.run import BatchResult, audited

    def result(out: Path) -> BatchResult:
        return BatchResult(out, out / "index.html", out / "summary.csv", out / "manifest.json")

    total = str(sum(_count(nis, "I02", "2025") for nis in BAS_CA))
    leaky = audited(result(_batch_folder(tmp_path / "leaky", data, _pages(total))))
    assert leaky.n_recoverable == 2 and not leaky.ok
    safe = audited(result(_batch_folder(tmp_path / "safe", data, _pages("masqué"))))
    assert safe.n_recoverable == 0 and safe.audit_error is None and safe.ok
    broken = audited(result(tmp_path / "nothing"))  # no manifest: the audit cannot run
    assert "NotABatchError" in broken.audit_error and not broken.ok


def test_a_funnel_group_rate_gives_its_hidden_members_away(data: Path, tmp_path: Path) -> None:
    """The three BAS-CA municipalities are the whole group of 2025: its rate (2 decimals) over
    their 28,274 inhabitants pins the total to 36, so the two hidden members are 4 and 4."""
    from socprev_kit.data.reference import population

    pop = population().query("nis_code in @BAS_CA and year == 2020")["population"].sum()
    total = sum(_count(nis, "I02", "2025") for nis in BAS_CA)
    group = f"{total / pop * 1000:.2f}".replace(".", ",")
    header = ["Indicateur", "Commune", "Année", "Nombre", "Moyenne du groupe", "Communes"]
    rows = [["I02 Plaintes", name, "2025", str(_count(nis, "I02", "2025")) if nis == "82039"
             else "< 5", group, "3"] for nis, name in BAS_CA.items()]  # fmt: skip
    out = _batch_folder(tmp_path, data, {"project_BAS-CA": []})
    table = _table("6. Comparaison avec d'autres communes", header, rows)
    (out / "fr" / "project_BAS-CA.html").write_text(f"<html><body>{table}</body></html>")
    audit = audit_disclosure(out)
    assert sorted(r.value for r in audit.recoveries) == [4, 4] and audit.n_unexplained == 0
    assert any(c.text == group for r in audit.recoveries for f in r.used for c in f.cells)


def test_hollow_markers_of_hidden_months_beside_the_year_give_them_away(tmp_path: Path) -> None:
    """A planted year: 19 complaints, months 0, 7, 9 drawn, one month drawn hollow '< 5': 3."""
    import base64
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    values = [0, 0, 7, 0, 3, 0, 0, 9, 0, 0, 0, 0]
    data = tmp_path / "data"
    data.mkdir()
    lines = [f"T-1;82036;2025-{i + 1:02d};I02;{v}" for i, v in enumerate(values)]
    text = "project;NIS-code;periode;indicator;waarde\n" + "\n".join(lines) + "\n"
    (data / "registrations.csv").write_text(text, encoding="utf-8")
    months = [2025 * 12 + i for i in range(12)]
    shown = [(m, v) for m, v in zip(months, values, strict=True) if not 1 <= v <= 4]
    fig, ax = plt.subplots()
    ax.plot(*zip(*shown, strict=True), marker="o")
    hidden = [m for m, v in zip(months, values, strict=True) if 1 <= v <= 4]
    ax.plot(hidden, [2.5] * len(hidden), ls="", marker="o", mfc="#ffffff", label="Masqué (< 5)")
    ax.set_xticks([2025 * 12, 2026 * 12], ["2025", "2026"])
    ax.set_title("I02 Plaintes d'habitants liées à la drogue")
    fig.legend()
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.savefig(buffer, format="svg")
    plt.close(fig)
    svg = base64.b64encode(buffer.getvalue().encode()).decode()
    out = _batch_folder(tmp_path / "out", data, {"municipality_82036": [["I02 : nombre", "19"]]})
    page = out / "fr" / "municipality_82036.html"
    html = page.read_text(encoding="utf-8").replace("BAS-CA", "T-1")
    page.write_text(html.replace("<body>", f'<body><img src="data:image/svg+xml;base64,{svg}">'))
    (found,) = audit_disclosure(out).recoveries
    assert found.value == 3 and found.target.hidden[0].months == (2025 * 12 + 4,) * 2


def _planted(folder: Path, series: dict[str, list[int]]) -> Path:
    """A data folder of one made-up project T-1 in Vaux-sur-Sûre, 2025, month by month."""
    folder.mkdir(parents=True)
    lines = [f"T-1;82036;2025-{i + 1:02d};{ind};{v}"
             for ind, values in series.items() for i, v in enumerate(values)]  # fmt: skip
    text = "project;NIS-code;periode;indicator;waarde\n" + "\n".join(lines) + "\n"
    (folder / "registrations.csv").write_text(text, encoding="utf-8")
    return folder


def test_a_percentage_beside_its_denominator_gives_the_numerator_away(tmp_path: Path) -> None:
    """20 referrals, 3 completed ('< 5'), and '15,0 %' completed: 15 % of 20 is 3."""
    data = _planted(tmp_path / "data", {"O05": [2] * 10 + [0, 0], "O06N": [1, 1, 1] + [0] * 9})
    rows = [["O05 Orientations", "20"], ["O06N Orientations abouties", "< 5"],
            ["O06 Orientations abouties", "15,0 %"]]  # fmt: skip
    out = _batch_folder(tmp_path / "out", data, {"municipality_82036": rows})
    page = out / "fr" / "municipality_82036.html"
    page.write_text(page.read_text(encoding="utf-8").replace("BAS-CA", "T-1"))
    (found,) = audit_disclosure(out).recoveries
    assert found.value == 3 and found.target.indicator == "O06N"
    # the percentage hidden too: 1 to 4 completed, nothing more
    page.write_text(page.read_text(encoding="utf-8").replace("15,0 %", "masqué"))
    assert audit_disclosure(out).ok


def test_dutch_numbers_and_hidden_words_are_read(tmp_path: Path) -> None:
    from socprev_kit.audit.published import report_cells

    page = tmp_path / "page.html"
    rows = [["C01 Drugsfeiten", "1.234", "verborgen", "–"], ["P03 Trouw", "97,5 %", "< 5", "7"]]
    page.write_text(_table("BAS-CA – Drugsplan", ["Indicator", "2023", "2024", "2025"], rows))
    record = {"kind": "municipality", "id": "82039", "lang": "nl"}
    cells = report_cells(page, "nl/x.html", record, {"BAS-CA"}, {})
    got = [(c.indicator, c.months[0] // 12, c.value, c.hidden, c.bound) for c in cells]
    assert got == [("C01", 2023, 1234.0, False, None), ("C01", 2024, None, True, None),
                   ("P03", 2023, 97.5, False, None), ("P03", 2024, None, True, 5),
                   ("P03", 2025, 7.0, False, None)]  # fmt: skip
    assert {c.unit for c in cells} == {("BAS-CA", "82039")} and cells[2].half == 0.05


OBJECTIVES = ["Niveau", "Objectif", "Indicateur", "Valeur de départ", "Cible", "Valeur", "État"]


def _objective_page(out: Path, value: str, sentence: str) -> Path:
    """BAS-CA's project page with one objective on I02 (its 2025 total in ``value``) and the
    objective's sentence below the table, as the reports write them."""
    row = ["objectif général", "G1: Moins de plaintes.", "I02 Plaintes d'habitants liées à la "
           "drogue", "37 (2019)", "26 (2025)", value, "Non atteint"]  # fmt: skip
    table = _table("BAS-CA – Plan drogues Centre Ardenne (toutes les communes ensemble)",
                   OBJECTIVES, [row])  # fmt: skip
    page = out / "fr" / "project_BAS-CA.html"
    page.write_text(f"<html><body>{table}<h4>Réalisation</h4><ul><li>{sentence}</li></ul>"
                    "</body></html>", encoding="utf-8")  # fmt: skip
    return page


def test_an_objective_sentence_printing_what_its_table_hides_is_found(data: Path, tmp_path: Path):
    """The table hides G1's value of 2025 ('masqué'), the sentence prints it: 36, the sum of the
    three raw files' I02 of 2025."""
    total = sum(_count(nis, "I02", "2025") for nis in BAS_CA)
    said = (f"Objectif G1 (« plaintes d'habitants liées à la drogue ») : valeur de départ 37, "
            f"cible 26 pour 2025, valeur en 2025 {total}. Cible non atteinte.")  # fmt: skip
    out = _batch_folder(tmp_path, data, {"project_BAS-CA": []})
    _objective_page(out, "masqué", said)
    (found,) = audit_disclosure(out).recoveries
    assert found.value == total == 36 and found.target.hidden[0].text == "masqué"
    assert [c.text for c in found.target.shown] == ["36"]
    assert main(["audit-disclosure", str(out), "--lang", "fr"]) == 1
    # a target still running, in Dutch: the period is the 12 months up to the data's last month
    said = (f"Doelstelling G1 (“meldingen van bewoners over drugs”): beginwaarde 37, streefwaarde "
            f"26 voor 2026, huidige waarde {total} (gegevens tot december 2025).")  # fmt: skip
    page = _objective_page(out, "verborgen", said)
    page.write_text(page.read_text(encoding="utf-8").replace("Objectif", "Doelstelling")
                    .replace("Valeur", "Waarde").replace("Indicateur", "Indicator"))  # fmt: skip
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["reports"][0]["lang"] = "nl"
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (found,) = audit_disclosure(out).recoveries
    assert found.value == 36 and found.target.hidden[0].months == (2025 * 12, 2025 * 12 + 11)


def test_a_clean_objective_sentence_is_linked_and_gives_nothing(data: Path, tmp_path: Path,
                                                                 capsys) -> None:  # fmt: skip
    """Table and sentence both print 36 (the raw sum): linked, explained, nothing found; the
    sentence's baseline 37 and target 26 (typed by the user) are not read as counts."""
    total = sum(_count(nis, "I02", "2025") for nis in BAS_CA)
    said = (f"Objectif G1 (« plaintes d'habitants liées à la drogue ») : valeur de départ 37, "
            f"cible 26 pour 2025, valeur en 2025 {total}. 9 % du chemin est parcouru.")  # fmt: skip
    out = _batch_folder(tmp_path, data, {"project_BAS-CA": []})
    _objective_page(out, f"{total} (2025)", said)
    audit = audit_disclosure(out)
    assert audit.ok and audit.n_unexplained == 0 and audit.n_sentences == 1
    assert main(["audit-disclosure", str(out), "--lang", "fr"]) == 0
    assert "1 nombres de phrases reliés" in capsys.readouterr().out
    # a sentence value the data do not explain is counted, as a table cell would be
    _objective_page(out, f"{total} (2025)", said.replace(f"2025 {total}.", "2025 35."))
    assert audit_disclosure(out).n_unexplained == 1


def test_a_sentence_naming_a_hidden_count_with_its_value_gives_it_away(data: Path, tmp_path: Path):
    """Vaux-sur-Sûre's 4 complaints of 2025 are '< 5' in its table; a sentence of the same page
    that names the indicator and 2025 and prints 4 shows it. Another year, another number or
    another page: nothing."""
    vaux = _count("82036", "I02", "2025")
    out = _batch_folder(tmp_path, data, _pages("masqué"))
    page = out / "fr" / "municipality_82036.html"
    table = page.read_text(encoding="utf-8")

    def say(text: str) -> None:
        page.write_text(table.replace("</body>", f"<p>{text}</p></body>"), encoding="utf-8")

    say(f"En 2025, {vaux} plaintes d'habitants liées à la drogue ont été enregistrées.")
    (found,) = audit_disclosure(out).recoveries
    assert found.value == vaux == 4 and found.target.hidden[0].file.endswith("82036.html")
    for other in (f"En 2024, {vaux} plaintes d'habitants liées à la drogue.",
                  f"En 2025, {vaux + 1} plaintes d'habitants liées à la drogue.",
                  f"En 2025, {vaux} orientations.",
                  f"Sur les {vaux} objectifs, 2 sont atteints en 2025."):  # fmt: skip
        say(other)
        assert audit_disclosure(out).ok, other


def test_a_fact_of_one_unknown_pins_it_and_stands_beside_the_others() -> None:
    """A number published about one unknown alone (a municipality whose series appears in no
    sum, the national sample's case) is a component of its own: the audit solves it instead of
    stopping with a KeyError, and it pins the hidden count it gives away (3 ≤ x ≤ 3)."""
    from types import SimpleNamespace

    from socprev_kit.audit.facts import Fact, Target
    from socprev_kit.audit.solve import recoverable

    facts = {
        "alone": Fact({7: 1.0}, 3.0, 3.0),  # a rate that gives x7 = 3 by itself
        "sum": Fact({1: 1.0, 2: 1.0}, 10.0, 10.0),  # x1 + x2 = 10: neither is pinned
    }
    targets = {
        "x7": Target({7: 1.0}, "I02", 3.0),
        "x1": Target({1: 1.0}, "I02", 2.0),
    }
    found = recoverable(SimpleNamespace(facts=facts, targets=targets))
    assert [(r.target.coef, r.value) for r in found] == [({7: 1.0}, 3)]
    assert [f.lo for f in found[0].used] == [3.0]


def test_two_municipalities_of_one_name_are_told_apart_by_the_page_or_the_province() -> None:
    """Sint-Niklaas is "Saint-Nicolas" in French, like the municipality near Liège: a row of
    that name is the page's own municipality when it is one of them, else the one in the row's
    province; with neither, the audit does not guess."""
    from socprev_kit.audit.published import _nis, name_codes

    names = name_codes()
    assert set(names["saint-nicolas"]) == {"46021", "62093"}
    row = ["I01 ...", "Saint-Nicolas", "Liège", "2024"]
    assert _nis(names, row, 1, None, "46021") == "46021"  # on Sint-Niklaas's own page
    assert _nis(names, row, 1, 2, "") == "62093"  # the overview: its province column
    assert _nis(names, ["", "Saint-Nicolas", "Flandre-Orientale"], 1, 2, "") == "46021"
    assert _nis(names, row, 1, None, "") is None
    assert _nis(names, ["", "Gent"], 1, None, "") == "44021"
