"""Context data in the reports: a municipality's series (context rows when it has any, else its
project registrations), funnels and comparisons over every municipality with a series, context
cells hidden like every cell, the audit modelling the same series, and a Context section that
shows context as context, for any subset of the tables (context alone included).

Until the reader fills ``Dataset.context`` from files, the data sets are the sample's with a
context table put in by ``dataclasses.replace``: the I02/I07/C01 registrations of Antwerpen and
Gent without their project, and municipalities that run no project with negative binomial
counts (one with counts small enough to be hidden).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from socprev_kit import reports
from socprev_kit.audit.facts import Counts
from socprev_kit.batch.selection import select
from socprev_kit.data.catalogue import indicator_catalogue
from socprev_kit.data.reference import population
from socprev_kit.evaluation.comparison import comparison_series
from socprev_kit.indicators.report_inputs import report_tables
from socprev_kit.indicators.series import CONTEXT, chosen_rows, municipality_series
from socprev_kit.reports import params
from socprev_kit.reports.evaluate import disclosure_cells, year_funnel, yearly_counts
from socprev_kit.reports.interrupted import its_outcome
from socprev_kit.reports.sections_context import context_rows
from socprev_kit.validation.dataset import CONTEXT_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "clean"
POPULATION = ROOT / "socprev_kit" / "data" / "population.csv"
#: Municipalities of the context data that run no project (Antwerp province, Flanders).
UNTREATED = ["11001", "11004", "11005", "11008", "11009", "11013", "11016", "11018"]
TINY = "11023"  # context C01 counts of about 2 a year: hidden
FROM_SAMPLE = ["11002", "44021"]  # Antwerpen, Gent: their registrations become context too
SECTIONS = reports.SECTIONS


def _context(ds) -> pd.DataFrame:  # noqa: ANN001 - Dataset
    regs = ds.registrations
    taken = regs[
        regs["indicator_id"].isin(["I02", "I07", "C01"]) & regs["nis_code"].isin(FROM_SAMPLE)
    ]
    taken = taken.sort_values("value").drop_duplicates(
        ["nis_code", "period", "indicator_id"], keep="last"
    )
    taken = taken.assign(source="Federale politie", note="")
    rng = np.random.default_rng(16)
    months = pd.period_range("2019-01", "2024-12", freq="M").astype(str)
    rows = []
    for nis in [*UNTREATED, TINY]:
        for indicator, mean in (("I07", 45.0), ("C01", 0.15 if nis == TINY else 7.0)):
            # negative binomial with size 5: overdispersed like police counts
            values = rng.negative_binomial(5, 5 / (5 + mean), len(months))
            for month, v in zip(months, values, strict=True):
                rows.append(
                    {"nis_code": nis, "period": month, "indicator_id": indicator,
                     "value": float(v), "source": "Statbel", "nis_code_registered": nis,
                     "source_file": "context.csv", "source_row": len(rows) + 2}
                )  # fmt: skip
    frame = pd.concat([taken, pd.DataFrame(rows)], ignore_index=True)
    return frame.reindex(columns=list(CONTEXT_COLUMNS))


def _ctx(base: reports.DataContext, data) -> reports.DataContext:  # noqa: ANN001 - Dataset
    """A data context on ``data`` (what ``prepare`` makes once the reader reads context files)."""
    return replace(base, data=data, _memo={}, **report_tables(data))


@pytest.fixture(scope="module")
def contexts() -> dict[str, reports.DataContext]:
    base = reports.prepare(SAMPLE, warm=False)
    ds = base.data
    context = _context(ds)
    none = {t: getattr(ds, t).iloc[:0] for t in ("registrations", "projects", "objectives")}
    return {
        "plain": base,
        "alone": _ctx(base, replace(ds, **none, context=context)),
        "registrations": _ctx(
            base,
            replace(ds, projects=none["projects"], objectives=none["objectives"], context=context),
        ),
        "all": _ctx(base, replace(ds, context=context)),
    }


@pytest.fixture
def use(monkeypatch: pytest.MonkeyPatch, contexts: dict):
    """``use(name)``: reports made from then on run on that data context."""

    def choose(name: str) -> reports.DataContext:
        monkeypatch.setattr(params, "prepare", lambda *a, **k: contexts[name])
        return contexts[name]

    return choose


def test_the_series_is_the_context_when_there_is_some_else_the_largest_registration(contexts):
    ctx = contexts["all"]
    series = ctx.series()
    i07 = series[series["indicator_id"].eq("I07") & series["nis_code"].eq("11002")]
    assert set(i07["origin"]) == {"context"} and set(i07["project_id"]) == {CONTEXT}
    regs = ctx.data.registrations
    # O05 (registered in two projects in Antwerpen): per month the largest value, by hand
    o05 = regs[regs["indicator_id"].eq("O05")].groupby(["nis_code", "period"])["value"].max()
    mine = series[series["indicator_id"].eq("O05")].set_index(["nis_code", "period"])["value"]
    assert set(series.loc[series["indicator_id"].eq("O05"), "origin"]) == {"registrations"}
    pd.testing.assert_series_equal(
        mine.sort_index(), o05.sort_index(), check_names=False, check_index_type=False
    )
    twice = regs[regs["indicator_id"].eq("O05")].groupby(["nis_code", "period"])["project_id"]
    assert twice.nunique().max() > 1  # Antwerpen's O05 is in two projects


def test_rates_and_the_funnel_match_a_hand_calculation(contexts) -> None:
    ctx = contexts["all"]
    pop = pd.read_csv(POPULATION, dtype={"nis_code": str}).query("year == 2020")
    pop = pop.set_index("nis_code")["population"]
    # by hand: 2024 I07 per municipality: the context when it has any, else the largest
    # registration of each month; 12 months needed
    context = ctx.data.context
    c = context[context["indicator_id"].eq("I07") & context["period"].str.startswith("2024")]
    by_context = c.groupby("nis_code")["value"].agg(["sum", "size"])
    regs = ctx.data.registrations
    r = regs[regs["indicator_id"].eq("I07") & regs["period"].str.startswith("2024")]
    r = r[~r["nis_code"].isin(context.loc[context["indicator_id"].eq("I07"), "nis_code"])]
    by_regs = (
        r.groupby(["nis_code", "period"])["value"].max().groupby("nis_code").agg(["sum", "size"])
    )
    hand = pd.concat([by_context, by_regs])
    hand = hand[hand["size"] == 12]["sum"]
    assert set(UNTREATED) <= set(hand.index) and len(hand) >= 8
    frame = year_funnel(ctx, "I07", 2024).set_index("nis_code")
    assert sorted(frame.index) == sorted(hand.index)
    assert not frame["suppressed"].any()
    rates = 1000 * hand / pop.reindex(hand.index)
    np.testing.assert_allclose(frame.loc[hand.index, "rate_per_1000"], rates, rtol=1e-12)
    group = 1000 * hand.sum() / pop.reindex(hand.index).sum()
    np.testing.assert_allclose(frame["group_rate_per_1000"], group, rtol=1e-12)
    # the context section of an untreated municipality shows the same numbers
    report = _report(ctx, UNTREATED[0])
    row = context_rows(report).set_index("indicator_id").loc["I07"]
    assert row["year"] == 2024 and row["value"] == hand[UNTREATED[0]]
    assert row["rate_per_1000"] == pytest.approx(rates[UNTREATED[0]])
    c23 = c[c["nis_code"].eq(UNTREATED[0])]["value"].sum()
    prev = context[context["indicator_id"].eq("I07") & context["nis_code"].eq(UNTREATED[0])]
    prev = prev[prev["period"].str.startswith("2023")]["value"].sum()
    # same population both years (2020 is the reference's last): the change of the counts
    assert row["change"] == pytest.approx(c23 / prev - 1)


def _report(ctx: reports.DataContext, nis: str, lang: str = "nl") -> reports.Report:
    params.prepare, old = (lambda *a, **k: ctx), params.prepare
    try:
        return reports.municipality_report(nis, lang=lang)
    finally:
        params.prepare = old


def test_a_small_context_count_is_hidden_in_the_pattern_and_the_section(contexts) -> None:
    ctx = contexts["all"]
    cells = disclosure_cells(ctx)
    tiny = cells[cells["project_id"].eq(CONTEXT) & cells["nis_code"].eq(TINY)]
    yearly = tiny[tiny["count_id"].eq("C01") & tiny["period"].str.len().eq(4)]
    small = yearly[(yearly["count"] >= 1) & (yearly["count"] <= 4)]
    assert len(small) and small["hidden"].all()
    count = yearly_counts(ctx, "C01").query("nis_code == @TINY and year == 2024")
    assert 1 <= count["value"].iloc[0] <= 4
    for lang, word in (("nl", "afgeschermd"), ("fr", "masqué")):
        table = reports.context_data(_report(ctx, TINY, lang)).tables[0]
        row = table[table.iloc[:, 0].str.startswith("C01")].iloc[0].tolist()
        # the count is hidden, and so are its rate and its change (both would give it back)
        assert row[3] == word and row[4] == "–" and row[5] == "–", row


@pytest.mark.parametrize("name", ["alone", "registrations", "all"])
def test_every_section_renders_in_nl_and_fr(contexts, use, name: str) -> None:
    use(name)
    for nis in (UNTREATED[1], "11002"):
        for lang in ("nl", "fr"):
            report = reports.municipality_report(nis, lang=lang)
            for section in SECTIONS:
                assert section(report).text.strip(), (name, nis, lang, section.__name__)
            assert reports.headline(report)["id"] == nis
    if name == "all":
        project = reports.project_report("ANT-SW", lang="fr")
        assert all(section(project).text.strip() for section in SECTIONS)


def test_context_alone_says_what_is_missing(contexts, use) -> None:
    use("alone")
    for lang, words in (("nl", "geen projecten en geen registraties"), ("fr", "ni projet ni")):
        report = reports.municipality_report("11002", lang=lang)
        assert words in reports.title(report).text
        assert "I07" in reports.context_data(report).text
    assert "geen registraties" in reports.title(_with_projects_only(use)).text


def _with_projects_only(use) -> reports.Report:  # noqa: ANN001
    """Antwerpen with its projects but, in the data, none of its registrations."""
    ctx = use("all")
    regs = ctx.data.registrations
    data = replace(ctx.data, registrations=regs[regs["nis_code"] != "11002"])
    return _report(_ctx(ctx, data), "11002")


def test_a_municipality_without_a_project_among_those_with_projects(contexts, use) -> None:
    plain, ctx = contexts["plain"], use("all")
    report = reports.municipality_report(UNTREATED[2], lang="nl")
    text = reports.context_data(report).text
    assert "geen projecten" in reports.title(report).text
    assert "Statbel" in text and "I07" in text and "niet het resultaat van een project" in text
    # it is in the funnels now: more municipalities than the projects' alone
    assert len(year_funnel(ctx, "C01", 2024)) > len(year_funnel(plain, "C01", 2024))
    # and a batch finds it
    assert set(UNTREATED) <= {code for code, *_ in select(ctx.data).municipalities}


def test_a_project_result_stays_its_own_registrations(contexts) -> None:
    plain, ctx = contexts["plain"], contexts["all"]
    for nis in FROM_SAMPLE:
        a, b = _report(plain, nis), _report(ctx, nis)
        for unit in a.units:
            ta = a.table[a.table["project_id"].eq(unit.project_id)]
            tb = b.table[b.table["project_id"].eq(unit.project_id)]
            pd.testing.assert_frame_equal(ta, tb)
            for indicator in ("I02", "I07"):
                oa, ob = its_outcome(a, unit, indicator), its_outcome(b, unit, indicator)
                if oa.result is not None and not oa.comparisons:
                    pd.testing.assert_frame_equal(oa.result.effects, ob.result.effects)


def test_untreated_municipalities_are_preferred_comparisons(contexts) -> None:
    ctx = contexts["all"]
    table = ctx.table
    found = comparison_series(
        table, nis_code="11002", indicator_id="C01", projects=ctx.data.projects,
        series=ctx.series(),
    )  # fmt: skip
    chosen = found.chosen["nis_code"].tolist()
    assert chosen and set(chosen) <= set(UNTREATED + [TINY])
    # the control is the sum of their context rows, month by month
    context = ctx.data.context
    c = context[context["indicator_id"].eq("C01") & context["nis_code"].isin(chosen)]
    by_hand = c.groupby("period")["value"].sum()
    control = found.control.set_index("period")["value"]
    pd.testing.assert_series_equal(control, by_hand.loc[control.index], check_names=False)
    without = comparison_series(
        table, nis_code="11002", indicator_id="C01", projects=ctx.data.projects
    )
    assert not set(without.chosen["nis_code"]) & set(UNTREATED)


def test_the_audit_models_a_municipality_as_the_reports_do(contexts) -> None:
    ctx = contexts["all"]
    counts = Counts(
        ctx.data.registrations.assign(nis_code=lambda r: r["nis_code"].astype(str)),
        indicator_catalogue(),
        population(2020),
        ctx.data.context,
    )
    year = (2024 * 12, 2024 * 12 + 11)
    for indicator in ("I07", "C01", "I01"):
        full = yearly_counts(ctx, indicator).query("year == 2024").set_index("nis_code")
        assert sorted(counts.full_year(indicator, year)) == sorted(full.index)
        for nis, value in full["value"].items():
            f = counts.functional(("*", nis), indicator, year)
            assert counts.value(f) == value, (indicator, nis)
    vars_ = counts.vars
    assert vars_["chosen"].equals(pd.Series(chosen_rows(vars_).to_numpy(), name="chosen"))


def test_the_municipality_series_of_an_empty_data_set_is_empty() -> None:
    empty = pd.DataFrame(columns=["project_id", "nis_code", "period", "indicator_id", "kind",
                                  "value"])  # fmt: skip
    assert municipality_series(empty, empty).empty


def test_the_municipality_notebook_runs_on_context_data_alone(tmp_path: Path) -> None:
    """A real papermill run of the municipality notebook on a folder that holds one context file
    (``;`` and decimal comma, as Belgian Excel writes it) and nothing else."""
    import nbformat
    import papermill as pm

    from socprev_kit import load

    ds = reports.prepare(SAMPLE, warm=False).data
    context = _context(ds)
    context = context[context["nis_code"].isin(UNTREATED)]
    folder = tmp_path / "data"
    folder.mkdir()
    columns = {"nis_code": "NIS-code", "period": "periode", "indicator_id": "indicator",
               "value": "waarde", "source": "bron", "note": "opmerking"}  # fmt: skip
    table = context[list(columns)].rename(columns=columns)
    table.to_csv(folder / "context.csv", sep=";", decimal=",", index=False, encoding="utf-8-sig")
    if load(folder).context.empty:
        pytest.skip("the reader does not read context files yet (helper ctxdata, issue 16)")
    nis = UNTREATED[0]
    out = tmp_path / "report.ipynb"
    pm.execute_notebook(
        ROOT / "notebooks" / "municipality_report.ipynb",
        out,
        parameters={"nis_code": nis, "data_path": str(folder), "lang": "nl"},
        kernel_name="python3",
        cwd=str(tmp_path),
        progress_bar=False,
    )
    cells = nbformat.read(out, as_version=4).cells
    outputs = [o.get("data", {}) for c in cells if c.cell_type == "code" for o in c.outputs]
    shown = "\n".join(str(d.get("text/markdown", "")) + str(d.get("text/html", ""))
                      for d in outputs)  # fmt: skip
    assert "7. Context" in shown and "geen projecten en geen registraties" in shown
    pop = pd.read_csv(POPULATION, dtype={"nis_code": str}).query("year == 2020")
    count = context.query("nis_code == @nis and indicator_id == 'I07'")
    count = count[count["period"].str.startswith("2024")]["value"].sum()
    rate = 1000 * count / pop.set_index("nis_code").at[nis, "population"]
    assert f"{rate:.2f}".replace(".", ",") in shown


def test_the_audit_explains_every_number_of_the_context_sections(contexts, tmp_path) -> None:
    """The comparison and Context sections of every municipality, as pages the audit reads:
    each count, rate and group rate is explained by the series the reports use, and no hidden
    count can be worked out from them."""
    from socprev_kit.audit.facts import Facts
    from socprev_kit.audit.published import name_codes, report_cells
    from socprev_kit.audit.solve import recoverable
    from socprev_kit.reports.display import html_table

    ctx = contexts["all"]
    names = name_codes()
    cells = []
    for nis in ctx.nis_with_data:  # as a batch: every municipality's report
        report, page = _report(ctx, nis), tmp_path / f"{nis}.html"
        body = "".join(
            f"<h2>{heading}</h2>" + "".join(html_table(t) for t in section(report).tables)
            for heading, section in (("6.", reports.comparison), ("7.", reports.context_data))
        )
        page.write_text(f"<html><body>{body}</body></html>", "utf-8")
        record = {"kind": "municipality", "id": nis, "lang": "nl"}
        cells += report_cells(page, page.name, record, set(ctx.data.projects["project_id"]), names)
    regs = ctx.data.registrations.assign(nis_code=lambda r: r["nis_code"].astype(str))
    counts = Counts(regs, indicator_catalogue(), population(2020), ctx.data.context)
    facts = Facts(counts, cells)
    for cell in cells:
        facts.add(cell)
    assert len(cells) > 3 * len(UNTREATED) and any(c.hidden for c in cells)
    assert {c.unit[1] for c in cells if not c.unit[1].startswith("group")} >= set(UNTREATED)
    assert facts.unexplained == 0
    assert recoverable(facts) == []
