"""The report library (socprev_kit.reports) and the two report notebooks.

The notebooks are run for real with papermill (kernel python3) from a temporary working
directory; the runs start in background threads as soon as the first notebook test asks for
them, so the tests of the section functions (no kernel) run meanwhile.
"""

from __future__ import annotations

import os
import re
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import papermill as pm
import pytest

from socprev_kit import reports
from socprev_kit.reports import ReportParameterError
from socprev_kit.reports.context import input_hash
from socprev_kit.reports.evaluate import attainment_rows
from socprev_kit.reports.fingerprint import data_version

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SAMPLE = ROOT / "sample_data" / "clean"
SMALL = "82038"  # Sainte-Ode, 2,608 inhabitants: most impact counts are below 5

HEADINGS = {
    "nl": [
        "1. Wie en wat",
        "2. Kwaliteit van de gegevens",
        "3. Doelstellingen en resultaten",
        "4. Proces- en outputindicatoren",
        "5. Impactindicatoren",
        "6. Vergelijking met andere gemeenten",
        "7. Context",
        "8. Interpretatie",
        "9. Bijlage",
    ],
    "fr": [
        "1. Qui et quoi",
        "2. Qualité des données",
        "3. Objectifs et résultats",
        "4. Indicateurs de processus et de réalisation",
        "5. Indicateurs d'impact",
        "6. Comparaison avec d'autres communes",
        "7. Contexte",
        "8. Interprétation",
        "9. Annexe",
    ],
}
RUNS = {
    "gent_nl": ("municipality_report", {}),
    "small_fr": ("municipality_report", {"nis_code": SMALL, "lang": "fr"}),
    "project_nl": ("project_report", {}),
    "unknown_nis": ("municipality_report", {"nis_code": "Atlantis"}),
    "unknown_project": ("project_report", {"project_id": "NO-SUCH"}),
}


# --- notebooks, executed with papermill ----------------------------------------------------------


class Runs(dict):
    """Notebook runs of :data:`RUNS` by name, each started once on first use in a pool of
    threads; outside pytest-xdist the first use starts them all (a worker of xdist starts only
    those its tests need)."""

    def __init__(self, work: Path, pool: ThreadPoolExecutor, eager: bool) -> None:
        super().__init__()
        self.work, self.pool, self.eager = work, pool, eager

    def __missing__(self, name: str) -> Future:
        for other in [name, *(RUNS if self.eager else [])]:
            if other not in self:
                notebook, parameters = RUNS[other]
                self[other] = self.pool.submit(self._run, other, notebook, parameters)
        return self[name]

    def _run(self, name: str, notebook: str, parameters: dict) -> nbformat.NotebookNode:
        out = self.work / f"{name}.ipynb"
        pm.execute_notebook(
            NOTEBOOKS / f"{notebook}.ipynb",
            out,
            parameters=parameters,
            kernel_name="python3",
            cwd=str(self.work),  # not the repository: the notebook must find its data itself
            progress_bar=False,
        )
        return nbformat.read(out, as_version=4)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    pool = ThreadPoolExecutor(max_workers=3)
    yield Runs(tmp_path_factory.mktemp("papermill"), pool, "PYTEST_XDIST_WORKER" not in os.environ)
    pool.shutdown(wait=True, cancel_futures=True)


def _outputs(nb: nbformat.NotebookNode, mime: str) -> list:
    return [
        o["data"][mime]
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if mime in o.get("data", {})
    ]


@pytest.mark.parametrize("name", ["municipality_report", "project_report"])
def test_notebook_has_a_parameters_cell_and_no_logic(name: str, runs: Runs) -> None:
    runs["gent_nl"]  # start the runs now; the checks below need no kernel
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    assert nb.metadata.kernelspec.name == "python3"
    assert nb.cells[0].metadata.tags == ["parameters"]
    assert {c.cell_type for c in nb.cells} == {"code"}  # headings come from the library
    assert not any(
        re.search(r"^\s*(def|class|for|if|import pandas)\b", c.source, re.M) for c in nb.cells
    )
    params = pm.inspect_notebook(NOTEBOOKS / f"{name}.ipynb")
    first = "nis_code" if name.startswith("municipality") else "project_id"
    assert list(params) == [first, "data_path", "lang", "period_start", "period_end", "covid"]


@pytest.mark.parametrize(("run", "lang"), [("gent_nl", "nl"), ("small_fr", "fr")])
def test_municipality_notebook_shows_every_section_in_its_language(
    runs: Runs, run: str, lang: str
) -> None:
    nb = runs[run].result()
    markdown = "\n".join(_outputs(nb, "text/markdown"))
    for heading in HEADINGS[lang]:
        assert f"## {heading}" in markdown
    assert len(_outputs(nb, "image/svg+xml")) >= 4
    assert not [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]


def test_project_notebook_runs_with_its_defaults(runs: Runs) -> None:
    nb = runs["project_nl"].result()
    markdown = "\n".join(_outputs(nb, "text/markdown"))
    assert "# Evaluatierapport project" in markdown and "GEN-DAM" in markdown
    assert "## 5. Impactindicatoren" in markdown
    assert len(_outputs(nb, "image/svg+xml")) >= 4
    head = reports.read_headline(nb)
    assert head["kind"] == "project" and head["id"] == "GEN-DAM"


@pytest.mark.parametrize("run", ["gent_nl", "small_fr", "project_nl"])
def test_headline_output_is_there_and_consistent(runs: Runs, run: str) -> None:
    nb = runs[run].result()
    head = reports.read_headline(nb)
    assert head is not None
    statuses = ("n_reached", "n_maintained", "n_on_track", "n_behind", "n_not_reached")
    statuses += ("n_not_computable",)
    assert sum(head[k] for k in statuses) == head["n_objectives"] > 0
    assert head["lang"] == ("fr" if run == "small_fr" else "nl")
    # the data version of the data this report uses, as the batch hashes it for its key
    ctx = reports.prepare(SAMPLE, warm=False)
    assert head["data_version"] == data_version(ctx, head["kind"], head["id"])
    assert head["data_version"] != input_hash(SAMPLE)
    for level in head["its_level"]:
        assert level["ci_low"] <= level["rate_ratio"] <= level["ci_high"]
    last = nb.cells[-1].outputs[-1]["data"]
    assert reports.MIME in last and "text/markdown" in last and "text/plain" in last


def test_gent_headline_holds_the_planted_changes(runs: Runs) -> None:
    head = reports.read_headline(runs["gent_nl"].result())
    assert (head["id"], head["name_nl"], head["name_fr"]) == ("44021", "Gent", "Gand")
    levels = {(x["project_id"], x["indicator_id"]): x for x in head["its_level"]}
    dam = levels[("GEN-DAM", "I01")]  # planted: x 0.75, controlled by Brugge
    assert dam["controlled"] and dam["ci_low"] < 0.75 < dam["ci_high"]


def test_a_suppressed_count_never_appears_in_a_published_table(runs: Runs) -> None:
    nb = runs["small_fr"].result()
    tables = "\n".join(_outputs(nb, "text/html"))
    # Sainte-Ode registered 3 resident complaints about drugs (I02) in 2019: 1.17 per 1,000.
    row = re.search(r"<tr>\s*<td[^>]*>I02 Plaintes[^<]*: nombre</td>(.*?)</tr>", tables, re.S)
    rate = re.search(r"<tr>\s*<td[^>]*>I02 Plaintes[^<]*: pour 1[^<]*</td>(.*?)</tr>", tables, re.S)
    assert row and rate
    first = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td.*?</td>", row[1], re.S)]
    first_rate = re.findall(r"<td[^>]*>([^<]*)</td>", rate[1])
    assert first[0] == first_rate[0] == "masqué"  # a rate reads "masqué" too, never "< 5"
    assert "1,17" not in first_rate and "3" not in first


@pytest.mark.parametrize(
    ("run", "value"), [("unknown_nis", "Atlantis"), ("unknown_project", "NO-SUCH")]
)
def test_an_unknown_municipality_or_project_stops_with_a_clear_error(
    runs: Runs, run: str, value: str
) -> None:
    with pytest.raises(pm.PapermillExecutionError) as caught:
        runs[run].result()
    assert caught.value.ename == "ReportParameterError"
    assert value in caught.value.evalue


# --- the library, without a kernel ---------------------------------------------------------------


@pytest.fixture(scope="module")
def gent() -> reports.Report:
    return reports.municipality_report("Gand", lang="fr")


@pytest.fixture(scope="module")
def small() -> reports.Report:
    return reports.municipality_report(SMALL, lang="en")


SECTIONS = reports.SECTIONS


def test_a_municipality_is_found_by_name_and_its_projects_listed(gent: reports.Report) -> None:
    assert (gent.id, gent.name) == ("44021", "Gand")
    assert set(gent.projects["project_id"]) == {"GEN-DAM", "GEN-PZ", "GEN-NIGHT"}
    text = reports.who_and_what(gent).text
    for fact in (
        "Gent",
        "Gand",
        "44021",
        "Flandre-Orientale",
        "Région flamande",
        "PZ Gent",
        "263 927",
        data_version(gent.ctx, "municipality", "44021")[:12],
        gent.ctx.kit_version,
    ):
        assert fact.replace(" ", "\u202f") in text or fact in text


def test_every_section_is_in_the_report_language_with_svg_figures(small: reports.Report) -> None:
    sections = [f(small) for f in SECTIONS]
    text = "\n".join(s.text for s in sections)
    for heading in (
        "## 1. Who and what",
        "## 5. Impact indicators",
        "## 7. Context",
        "## 9. Annex",
    ):
        assert heading in text
    figures = [svg for s in sections for svg in s.figures]
    assert len(figures) >= 4 and all(b"<svg" in svg[:400] for svg in figures)
    assert all(b"<dc:date>" not in svg and b"font-family" in svg for svg in figures)


def test_small_counts_are_hidden_in_tables_and_give_no_its(small: reports.Report) -> None:
    section = reports.impact(small)
    table = next(t for t in section.tables if t.iloc[:, 0].str.startswith("I02").any())
    count = table[table.iloc[:, 0].str.endswith(": count")].iloc[0]
    rate = table[table.iloc[:, 0].str.endswith("per 1,000 inhabitants")].iloc[0]
    assert count["2019"] == rate["2019"] == "hidden"  # 3 complaints in 2019
    assert count["2021"] == "5"
    assert "too small" in section.text  # on average 0.3 a month: no ITS estimate
    annex = reports.annex(small)
    row = (
        next(t for t in annex.tables if "2019" in t)
        .set_index("Indicator")
        .loc["I02 Resident complaints about drugs"]
    )
    assert row["2019"] == "hidden"


def test_its_refusals_and_fits_are_said_in_words(gent: reports.Report) -> None:
    text = reports.impact(gent).text
    assert "plus bas que prévu d'après la tendance d'avant" in text
    assert "avec Bruges" in text  # GEN-DAM's design names Brugge as comparison
    monitoring = reports.municipality_report("31005", lang="nl")  # BRU-COORD: pre_post design
    assert "onderbroken tijdreeks is niet gepland" in reports.impact(monitoring).text


def test_a_named_comparison_with_its_own_project_is_said() -> None:
    """GEN-DAM compared with Antwerpen, which runs its own I01 project (ANT-SW): the estimate
    is made as asked, and the report says why the comparison is weaker."""
    from dataclasses import replace

    from socprev_kit.reports.interrupted import its_outcome

    base = reports.municipality_report("44021", lang="nl", period_start="2019-01")
    projects = base.projects.copy()
    projects["comparison_nis_codes"] = [
        ("11002",) if p == "GEN-DAM" else c
        for p, c in zip(projects["project_id"], projects["comparison_nis_codes"], strict=True)
    ]
    report = replace(base, projects=projects, start=pd.Period("2019-02", "M"))  # own cache key
    unit = next(u for u in report.units if u.project_id == "GEN-DAM")
    outcome = its_outcome(report, unit, "I01")
    assert outcome.comparisons == ("11002",) and outcome.own_comparisons == (("11002", "ANT-SW"),)
    words = reports.impact(report).text
    assert "de vergelijking met Antwerpen is zwakker" in words and "(ANT-SW)" in words
    assert its_outcome(base, unit, "I01").own_comparisons == ()  # Brugge: monitoring only


def test_the_headline_counts_the_objectives_by_status(gent: reports.Report) -> None:
    head = reports.headline(gent)
    assert head["n_objectives"] == 13 and head["n_projects"] == 3
    statuses = ("n_reached", "n_maintained", "n_on_track", "n_behind", "n_not_reached")
    assert sum(head[k] for k in (*statuses, "n_not_computable")) == 13
    # the sample data end in 2025-12: every target period is over, so no "on track" or "behind"
    assert head["n_on_track"] == head["n_behind"] == 0 and head["n_not_computable"] == 0
    bundle = head._repr_mimebundle_()
    assert bundle[reports.MIME]["id"] == "44021" and "**Gand**" in bundle["text/markdown"]
    tally = f"{head['n_reached']} atteints, {head['n_not_reached']} non atteints"
    assert f"13 objectifs ({tally})" in bundle["text/markdown"]
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("display_data", data=bundle)])
        ]
    )
    assert reports.read_headline(nb) == bundle[reports.MIME]
    assert reports.read_headline(nbformat.v4.new_notebook()) is None


def test_a_funnel_finding_is_key_only_outside_the_adjusted_limits(gent: reports.Report) -> None:
    """Gent's I01 of 2025 lies below the pure Poisson 99.8 % limit, inside the limits adjusted
    for overdispersion: no key finding. Oostende's I01 of 2025 lies outside the adjusted 99.8 %
    limits: a key finding. (I01 and I02 both compare 9 shown municipalities in 2025, I02 having
    3 hidden; the tie goes to the catalogue's order.)"""
    from scipy import stats

    from socprev_kit.reports.evaluate import funnel_year
    from socprev_kit.reports.sections_summary import _funnel_finding, main_indicator

    assert main_indicator(gent) == "I01"
    _, frame = funnel_year(gent.ctx, "I01", None, 2025)
    me = frame[frame["nis_code"] == "44021"].iloc[0]
    assert me["value"] < stats.poisson.ppf(0.001, me["expected"])  # a finding under pure Poisson
    assert _funnel_finding(gent) == []
    oostende = reports.project_report("OOS-HOT", lang="en")
    assert main_indicator(oostende) == "I01"
    found = _funnel_finding(oostende)
    assert len(found) == 1 and found[0].startswith("In 2025, Oostende was below the 99.8")


def test_reports_never_modify_the_shared_data(gent: reports.Report) -> None:
    ctx = gent.ctx
    before = pd.util.hash_pandas_object(ctx.table).sum(), len(ctx.data.registrations)
    first = [f(gent).text for f in SECTIONS]
    again = reports.municipality_report("Gand", lang="fr")
    assert again.ctx is ctx  # loaded once per process
    assert [f(again).text for f in SECTIONS[1:]] == first[1:]  # same words on a rerun
    assert (pd.util.hash_pandas_object(ctx.table).sum(), len(ctx.data.registrations)) == before


def test_a_period_limits_the_report() -> None:
    report = reports.municipality_report("44021", period_start="2020", period_end="2022-06")
    months = report.table.loc[report.table["frequency"] == "month", "period"]
    assert (months.min(), months.max()) == ("2020-01", "2022-06")
    head = reports.headline(report)
    assert (head["period_first"], head["period_last"]) == ("2020-01", "2022-06")
    assert "juni 2022" in reports.who_and_what(report).text
    att = attainment_rows(report).set_index(["project_id", "objective_id"])
    assert att.loc[("GEN-DAM", "S1"), "status"] in ("on track", "behind")  # 2023 runs in 2022-06


def test_a_target_before_the_report_period_is_judged_on_its_own_year() -> None:
    report = reports.municipality_report("44021", period_start="2024")
    att = attainment_rows(report).set_index(["project_id", "objective_id"])
    row = att.loc[("GEN-DAM", "S1")]  # I01, down, target 2023
    regs = report.ctx.data.registrations
    mine = regs[(regs["project_id"] == "GEN-DAM") & (regs["indicator_id"] == "I01")]
    in_2023 = mine.loc[mine["period"].astype(str).str.startswith("2023"), "value"].sum()
    assert row["observed"] == pytest.approx(in_2023)
    assert row["status"] == ("reached" if in_2023 <= row["target"] else "not reached")


#: Bad parameters and what the message says in each language: the parameter, the value typed and
#: how to fix it (French with its no-break spaces, matched by ``\s``).
BAD_PARAMETERS = [
    ({"nis_code": "Atlantis"}, {
        "nl": r"nis_code='Atlantis': deze gemeente bestaat niet\..*NIS-code van 5 cijfers",
        "fr": r"nis_code='Atlantis'\s: cette commune n'existe pas\..*code INS à 5 chiffres",
        "en": r"nis_code='Atlantis': no such municipality\..*5-digit NIS code"}),
    ({"nis_code": "Sint-Niklas"}, {
        "nl": r"'Sint-Niklas'.*Bedoelde u: Sint-Niklaas \(46021\)",
        "fr": r"'Sint-Niklas'.*Vouliez-vous dire\s: Sint-Niklaas \(46021\)",
        "en": r"'Sint-Niklas'.*Did you mean: Sint-Niklaas \(46021\)"}),
    ({"nis_code": "41002"}, {
        "nl": r"nis_code='41002': Aalst \(41002\) heeft geen project en geen registraties.*"
              r"Kies een gemeente met gegevens: .*Gent \(44021\)",
        "fr": r"nis_code='41002'\s: Alost \(41002\) n'a ni projet ni enregistrement.*"
              r"Choisissez une commune avec des données\s: .*Gand \(44021\)",
        "en": r"nis_code='41002': Aalst \(41002\) has no project or registr.*Gent \(44021\)"}),
    ({"nis_code": "44021", "period_start": "2024-13"}, {
        "nl": r"period_start='2024-13': schrijf een maand als JJJJ-MM",
        "fr": r"period_start='2024-13'\s: écrivez un mois sous la forme AAAA-MM",
        "en": r"period_start='2024-13': use a month YYYY-MM"}),
    ({"nis_code": "44021", "period_start": "2024", "period_end": "2023"}, {
        "nl": r"period_end='2023': dit ligt vóór period_start='2024'; draai de twee om",
        "fr": r"period_end='2023'\s: cette date précède period_start='2024'\s; inversez",
        "en": r"period_end='2023': it is before period_start='2024'; swap them"}),
    ({"nis_code": "44021", "period_start": "2030"}, {
        "nl": r"period_start='2030': er zijn geen gegevens.*lopen van 2019-01 tot 2025-12",
        "fr": r"period_start='2030'\s: il n'y a pas de données.*vont de 2019-01 à 2025-12",
        "en": r"period_start='2030': no data in the period asked.*from 2019-01 to 2025-12"}),
    ({"nis_code": "44021", "data_path": "no/such/folder"}, {
        "nl": r"data_path='no/such/folder': dit bestand of deze map bestaat niet",
        "fr": r"data_path='no/such/folder'\s: ce fichier ou ce dossier n'existe pas",
        "en": r"data_path='no/such/folder': no such file or folder"}),
    ({"project_id": "GEN-DAN"}, {
        "nl": r"project_id='GEN-DAN': dit project staat niet.*Bedoelde u: GEN-DAM.*Projecten",
        "fr": r"project_id='GEN-DAN'\s: ce projet ne figure pas.*dire\s: GEN-DAM.*Projets",
        "en": r"project_id='GEN-DAN': no such project.*Did you mean: GEN-DAM.*Projects"}),
]  # fmt: skip


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
@pytest.mark.parametrize(("kwargs", "messages"), BAD_PARAMETERS)
def test_bad_parameters_stop_with_a_clear_error_in_the_report_language(
    kwargs: dict, messages: dict, lang: str
) -> None:
    make = reports.project_report if "project_id" in kwargs else reports.municipality_report
    kwargs = dict(kwargs)
    first = kwargs.pop("nis_code", None) or kwargs.pop("project_id")
    with pytest.raises(ReportParameterError, match=messages[lang]) as caught:
        make(first, lang=lang, **kwargs)
    error = caught.value
    assert error.value in (first, *kwargs.values())
    assert f"{error.parameter}={error.value!r}" in str(error)
    for other in ("nl", "fr", "en"):  # every language on demand, the same as the report's own
        assert re.search(messages[other], error.message(other))
    assert str(error) == error.message(lang)


def test_a_bad_language_is_explained_in_all_three() -> None:
    with pytest.raises(ReportParameterError) as caught:
        reports.municipality_report("44021", lang="de")
    text = str(caught.value)
    assert caught.value.parameter == "lang" and caught.value.value == "de"
    assert "lang='de': de kit schrijft rapporten in 'nl' (Nederlands)" in text
    assert re.search(r"lang='de'\s: le kit écrit les rapports en 'nl' \(néerlandais\)", text)
    assert "lang='de': the kit writes reports in 'nl' (Dutch), 'fr' (French) or 'en'" in text


def test_every_parameter_text_has_the_same_placeholders_in_each_language() -> None:
    from string import Formatter

    from socprev_kit.reports.params_texts import PARAMETER_TEXTS

    for key, texts in PARAMETER_TEXTS.items():
        fields = {g: {f for _, f, _, _ in Formatter().parse(t) if f} for g, t in texts.items()}
        assert set(texts) == {"nl", "fr", "en"}, key
        assert fields["nl"] == fields["fr"] == fields["en"], key


def test_prepare_caches_by_file_state_and_content(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("projects.xlsx", f"registrations_{SMALL}.csv"):
        shutil.copy(SAMPLE / name, data / name)
    first = reports.prepare(data, warm=False)
    assert reports.prepare(str(data), warm=False) is first
    csv = data / f"registrations_{SMALL}.csv"
    csv.touch()  # new modification time, same bytes: the content hash finds the same data
    assert reports.prepare(data, warm=False) is first
    csv.write_bytes(csv.read_bytes() + b"\n")
    changed = reports.prepare(data, warm=False)
    assert changed is not first and changed.input_hash != first.input_hash
    assert changed.input_hash == input_hash(data)
    assert reports.prepare(warm=False).sample and reports.prepare(warm=False).path == SAMPLE


def test_a_figure_gives_the_same_svg_bytes_every_time(small: reports.Report) -> None:
    from socprev_kit.reports import sections_facts

    first, again = (sections_facts.data_quality(small).figures[0] for _ in range(2))
    assert first == again and b"<svg" in first


def test_the_report_table_html_equals_pandas_to_html() -> None:
    """The direct writer of report tables gives what ``DataFrame.to_html`` gives (escaped,
    stripped, "–" for missing), falls back to pandas for other cells, and keeps the blanks of
    the sparkline column (missing months), shown as typed (``white-space: pre``)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from socprev_kit.reports.display import _string_table, html_table

    cell = st.one_of(
        st.text(alphabet=" <>&\"'ab1,.%–▁█·", max_size=8), st.none(), st.just(float("nan"))
    )

    @settings(max_examples=200, deadline=None)
    @given(st.integers(0, 4), st.lists(st.text(" ab<&", min_size=1, max_size=3), min_size=1,
                                       max_size=4, unique=True), st.data())  # fmt: skip
    def check(n_rows: int, columns: list[str], data: st.DataObject) -> None:
        rows = [[data.draw(cell) for _ in columns] for _ in range(n_rows)]
        frame = pd.DataFrame(rows, columns=columns, dtype=object)
        # pandas writes None in an object column as "None", not na_rep; the writer writes "–".
        # (pandas also writes a tab or line break as "\\t", "\\n"; the writer keeps them.)
        nan_for_none = [[float("nan") if v is None else v for v in row] for row in rows]
        expected = pd.DataFrame(nan_for_none, columns=columns, dtype=object).to_html(
            escape=True, index=False, border=0, classes="socprev", table_id="t1", na_rep="–"
        )
        assert _string_table(frame, "t1") == expected

    check()
    numbers = pd.DataFrame({"a": [1.5, 2.0], "b": ["x", "y"]})
    assert _string_table(numbers, "t1") is None  # pandas formats numbers
    assert "<td>1.5</td>" in html_table(numbers)
    spark = pd.DataFrame({"name": [" a "], "trend": ["  ▁█ "]})
    page = html_table(spark, spark="trend")
    assert "<td>a</td>" in page and "<td>  ▁█ </td>" in page and "white-space: pre" in page


def test_yearly_table_takes_each_value_and_flag_from_its_year() -> None:
    """Yearly cells and the sparkline of the latest 24 months, by hand."""
    from socprev_kit.reports.tables import sparkline, yearly_table

    yearly = pd.DataFrame(
        {
            "indicator_id": ["I01", "I01", "I01", "P03"],
            "period": ["2023", "2024", "2024", "2024"],
            "value": [12.0, 2.0, 99.0, 40.0],  # the second 2024 row of I01 is ignored
            "suppressed": [False, True, False, False],
        }
    )
    months = [f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)]
    monthly = pd.DataFrame(
        {
            "indicator_id": "I01",
            "period": months[2:],  # January and February 2023 missing
            "value": [4.0] * 21 + [8.0],
            "suppressed": [False] * 20 + [True, False],
        }
    )
    table = yearly_table(yearly, ["I01", "P03"], "nl", monthly=monthly, n_years=2)
    assert table["2023"].tolist() == ["12", "–"]
    assert table["2024"].tolist()[0] == "afgeschermd"  # suppressed
    assert table.iloc[:, -1].tolist() == [sparkline([float("nan")] * 2 + [4.0] * 21 + [8.0],
                                                    [False] * 22 + [True, False]),
                                          " " * 24]  # fmt: skip
    assert table.iloc[0, -1] == "  " + "▅" * 20 + "·█"  # 4/8 of 7 steps: round(3.5) = 4


def test_a_mostly_hidden_series_is_shown_per_year_or_for_the_whole_project() -> None:
    from socprev_kit.reports.figures import Panel, by_year, mostly_hidden

    months = pd.period_range("2024-01", periods=12, freq="M").astype(str)
    # 7 of the 10 months with a count are hidden (the 2 zeros say nothing): more than half
    monthly = pd.DataFrame(
        {
            "period": months,
            "indicator_id": "I02",
            "value": [np.nan] * 7 + [6.0, 7.0, 5.0, 0.0, 0.0],
            "suppressed": [True] * 7 + [False] * 5,
        }
    )
    years = pd.DataFrame(
        {
            "period": ["2023", "2024"],
            "indicator_id": "I02",
            "value": [30.0, 33.0],
            "suppressed": [False, False],
        }  # fmt: skip
    )
    hidden_years = years.assign(value=np.nan, suppressed=True)
    project = years.assign(value=[80.0, 90.0])
    assert mostly_hidden(monthly) and not mostly_hidden(years) and mostly_hidden(hidden_years)
    assert not mostly_hidden(monthly.assign(suppressed=[True] * 5 + [False] * 7, value=1.0))
    panel = Panel(monthly, "I02", "per month", yearly=years, project=project, year_label="per year")
    shown = by_year(panel, "en")
    assert shown.series is years and shown.ylabel == "per year" and shown.its is None
    assert shown.title == "I02 (per year: most months are hidden)"
    whole = by_year(Panel(monthly, "I02", "m", yearly=hidden_years, project=project), "en")
    assert whole.series is project and "whole project" in whole.title
    kept = Panel(monthly.assign(suppressed=False, value=1.0), "I02", "m", yearly=years)
    assert by_year(kept, "en") is kept


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        ("nl", "geen projectentabel"),
        ("fr", "aucun tableau de projets"),
        ("en", "no projects table"),
    ],
)
def test_registrations_without_a_projects_table_are_named_not_silently_left_out(
    tmp_path: Path, lang: str, says: str
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for nis in ("11002", "35002"):
        shutil.copy(SAMPLE / f"registrations_{nis}.csv", data / f"registrations_{nis}.csv")
    typed = pd.read_csv(data / "registrations_11002.csv", sep=";", encoding="utf-8-sig", dtype=str)
    report = reports.municipality_report("11002", lang=lang, data_path=data)
    said = reports.who_and_what(report).text
    assert says in said
    assert all(p in said for p in typed["project"].unique()) and "35002" not in said
    assert report.projects.empty  # nothing is invented: the report only says what is missing
    shutil.copy(SAMPLE / "projects.xlsx", data / "projects.xlsx")
    whole = reports.who_and_what(reports.municipality_report("11002", lang=lang, data_path=data))
    assert says not in whole.text and "ANT-CAS" in whole.text


def _subset(folder: Path, tables: set[str]) -> Path:
    """The sample data of Antwerpen (11002) with only ``tables``: its registrations file, and the
    projects file with only the sheets asked for."""
    import openpyxl

    folder.mkdir()
    if "registrations" in tables:
        shutil.copy(SAMPLE / "registrations_11002.csv", folder / "registrations_11002.csv")
    if tables - {"registrations"}:
        book = openpyxl.load_workbook(SAMPLE / "projects.xlsx")
        for sheet in ("projects", "objectives"):
            if sheet not in tables:
                del book[sheet]
        book.save(folder / "projects.xlsx")
    return folder


@pytest.mark.parametrize(
    "tables",
    [
        {"registrations"},
        {"registrations", "projects"},
        {"registrations", "objectives"},
        {"projects"},
        {"projects", "objectives"},
    ],
    ids=lambda t: "+".join(sorted(t)),
)
def test_any_subset_of_the_tables_gives_every_section_of_a_report(
    tmp_path: Path, tables: set[str]
) -> None:
    data = _subset(tmp_path / "data", tables)
    for lang in ("nl", "fr"):
        report = reports.municipality_report("11002", lang=lang, data_path=data)
        for section in SECTIONS:
            assert section(report).text.strip(), section.__name__
        assert reports.headline(report)["id"] == "11002"
    if "projects" in tables:
        project = reports.project_report("ANT-SW", lang="fr", data_path=data)
        assert all(section(project).text.strip() for section in SECTIONS)
