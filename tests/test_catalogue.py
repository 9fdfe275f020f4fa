"""Tests for socprev_kit.data.catalogue: the shipped catalogue, user catalogues, checks, code
lists."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from socprev_kit.common.errors import CatalogueError, InputError
from socprev_kit.data.catalogue import (
    COLUMNS,
    check_catalogue,
    code_labels,
    code_list,
    derived_ids,
    formula_terms,
    indicator_catalogue,
    indicator_names,
    registered_ids,
)

DATA = Path(__file__).parent / "data" / "catalogues"
SHIPPED_CSV = Path(__file__).parents[1] / "socprev_kit" / "data" / "indicators.csv"

#: Ids the sample-data generator and the validator rely on.
REQUIRED_IDS = """
P01N P01D P01 P02N P02D P02 P03N P03D P03 P04 P05N P05D P05 P06N P06D P06 P07 P08N P08 P09 P10N
P10D P10 P11 O01 O02D O02 O03 O04 O04R O05 O06N O06 O07 O07N O07R O08 O09 O09C O09A O09R O10S
O10C O10R O11 O11P I01 I01R I02 I02R I03 I04N I04D I04 I05 I06 I07 I07R I08N I08D I08 I09N I09D
I09 I10N I10D I10 I11 C01 C01R C02
""".split()  # noqa: SIM905 - a table of ids reads better than a 71-line list


def row(indicator_id: str, **changes: object) -> dict[str, object]:
    """A valid registered count indicator as a catalogue row (all text, as read from a file)."""
    base = dict.fromkeys(COLUMNS, "")
    base.update(
        indicator_id=indicator_id, type="impact", kind="registered", name_nl=f"Naam {indicator_id}",
        name_fr=f"Nom {indicator_id}", name_en=f"Name {indicator_id}", unit="n",
        value_type="count", proportion="false", frequency="month", aggregation="sum",
        min_value="0", direction="down", reporting_sensitive="false", min_cell="5",
    )  # fmt: skip
    base.update(changes)
    return base


def ratio(indicator_id: str, numerator: str, denominator: str, **changes: object) -> dict:
    """A valid derived percentage."""
    derived = dict(
        kind="derived", unit="%", value_type="percent", numerator=numerator,
        denominator=denominator, factor="100", aggregation="ratio", direction="up",
    )  # fmt: skip
    return row(indicator_id, **{**derived, **changes})


def tiny(*rows: dict) -> pd.DataFrame:
    """A small stand-alone catalogue: A01, A02 registered, A03 = 100 * A01 / A02, plus ``rows``."""
    return pd.DataFrame([row("A01"), row("A02"), ratio("A03", "A01", "A02"), *rows])


@pytest.fixture(scope="module")
def cat() -> pd.DataFrame:
    return indicator_catalogue()


# --- the shipped catalogue ----------------------------------------------------------------------


def test_shipped_catalogue_has_the_columns_in_order(cat):
    assert list(cat.columns) == list(COLUMNS)
    assert SHIPPED_CSV.read_text(encoding="utf-8").splitlines()[0] == ",".join(COLUMNS)
    assert isinstance(cat.index, pd.RangeIndex)


def test_shipped_catalogue_is_large_enough_and_covers_the_four_types(cat):
    assert len(cat) >= 30
    assert set(cat["type"]) == {"process", "output", "impact", "context"}
    assert set(cat["kind"]) == {"registered", "derived"}
    assert cat["indicator_id"].is_unique


def test_shipped_catalogue_keeps_the_agreed_ids(cat):
    assert set(REQUIRED_IDS) <= set(cat["indicator_id"])
    assert "I12" not in set(cat["indicator_id"])  # computed from objectives, not registered


def test_shipped_catalogue_passes_its_own_check(cat):
    assert check_catalogue(pd.read_csv(SHIPPED_CSV, dtype=str, keep_default_na=False)) == []
    assert check_catalogue(cat) == []  # a typed frame passes too


def test_every_derived_term_is_a_registered_id_or_population(cat):
    registered = registered_ids(cat)
    derived = cat[cat["kind"] == "derived"]
    assert len(derived) >= 15
    for r in derived.itertuples():
        for part in (r.numerator, r.denominator):
            for _, term in formula_terms(part):
                assert term in registered or (term == "population" and part == r.denominator)
        assert r.factor in (1.0, 100.0, 1000.0)
        assert r.aggregation == "ratio"


def test_registered_indicators_have_no_formula(cat):
    reg = cat[cat["kind"] == "registered"]
    assert (reg["numerator"] == "").all() and (reg["denominator"] == "").all()
    assert reg["factor"].isna().all()
    assert not reg["proportion"].any()


def test_typed_columns(cat):
    assert cat["proportion"].dtype == bool and cat["reporting_sensitive"].dtype == bool
    for col in ("factor", "min_value", "max_value", "target_value"):
        assert cat[col].dtype == "float64"
    assert cat["min_cell"].dtype == "int64"
    assert (cat["min_cell"].isin([0, 5])).all()


@pytest.mark.parametrize(
    ("indicator_id", "numerator", "denominator", "factor"),
    [
        ("P01", "P01N", "P01D", 100),
        ("P08", "P08N", "O04", 100),
        ("O02", "O01", "O02D", 100),
        ("O04R", "O04", "O01", 1),
        ("O06", "O06N", "O05", 100),
        ("O07R", "O07N", "O07", 100),
        ("O09R", "O09A", "O09C", 100),
        ("O10R", "O10C", "O10S", 100),
        ("I01R", "I01", "population", 1000),
        ("I04", "I04N", "I04D", 1),
        ("C01R", "C01", "population", 1000),
    ],
)
def test_key_formulas(cat, indicator_id, numerator, denominator, factor):
    r = cat.set_index("indicator_id").loc[indicator_id]
    assert (r.numerator, r.denominator, r.factor) == (numerator, denominator, factor)


def test_semantics_from_the_brief(cat):
    c = cat.set_index("indicator_id")
    assert c.loc["P01", "direction"] == "target" and c.loc["P01", "target_value"] == 100
    assert c.loc["P02", "direction"] == "target" and c.loc["P02", "frequency"] == "year"
    assert c.loc[["P05", "P08", "P10", "O06", "O09R", "I08"], "proportion"].all()
    assert not c.loc[["P01", "P03", "O07R", "O10R"], "proportion"].any()
    assert c.loc[["O01", "P07"], "aggregation"].eq("none").all()
    assert c.loc[["P05N", "P05D", "P09"], "aggregation"].eq("mean").all()
    assert c.loc[["P10N", "P10D", "P11", "I05", "O02D"], "aggregation"].eq("last").all()
    sensitive = set(c.index[c["reporting_sensitive"]])
    assert {"I01", "I02", "C01", "I01R", "I02R", "C01R"} <= sensitive
    assert c.loc[["C01", "C01R", "C02", "O07", "O04R"], "direction"].eq("none").all()
    assert (
        c.loc[["I01", "I02", "I03", "I04", "I05", "I06", "I07", "I08"], "direction"]
        .eq("down")
        .all()
    )
    assert c.loc[["I05", "I06", "P11"], "frequency"].eq("wave").all()
    assert c.loc[["I08N", "I09D", "I10N"], "frequency"].eq("quarter").all()
    assert c.loc["I01R", "unit"] == "per 1,000"
    # Effort indicators (rise with police or observation effort) and the control outcome.
    assert set(c.index[c["effort"]]) == {"C01", "C02", "I01"}
    monthly_counts = ["I01", "I02", "I03", "I07", "I11"]
    assert c.loc[monthly_counts, "non_target"].eq("C03").all()
    assert c.loc["C03", "context"] and not c.loc["C03", "effort"]
    # Targets only where the direction is target.
    assert (c["target_value"].notna() == (c["direction"] == "target")).all()


def test_ranges(cat):
    counts = cat[cat["value_type"] == "count"]
    assert (counts["min_value"] == 0).all()
    pct = cat[(cat["value_type"] == "percent") & (cat["kind"] == "registered")]
    assert ((pct["min_value"] == 0) & (pct["max_value"] == 100)).all()
    proportions = cat[cat["proportion"]]
    assert (proportions["max_value"] == 100).all()
    assert not (cat["min_value"] > cat["max_value"]).any()


def test_names_and_definitions_in_three_languages(cat):
    for col in ("name_nl", "name_fr", "name_en", "definition_nl", "definition_fr", "definition_en"):
        assert (cat[col].str.len() > 3).all(), col
    for col in ("unit", "source_hint"):
        assert (cat[col] != "").all(), col
    c = cat.set_index("indicator_id")
    assert "straathoekwerk" in c.loc["P04", "name_nl"].lower()
    assert "casusoverleg" in c.loc["P07", "name_nl"]
    assert "concertation de cas" in c.loc["P07", "name_fr"]
    assert "VTE" in c.loc["P01N", "name_nl"] and "ETP" in c.loc["P01N", "name_fr"]


def test_indicator_names_and_id_helpers(cat):
    fr = indicator_names("fr")
    assert fr["O05"] == "Orientations"
    assert indicator_names("nl")["O05"] == "Doorverwijzingen"
    assert set(fr) == set(cat["indicator_id"])
    assert registered_ids() | derived_ids() == set(cat["indicator_id"])
    assert not registered_ids() & derived_ids()
    assert "I01" in registered_ids() and "I01R" in derived_ids()
    with pytest.raises(ValueError, match="language"):
        indicator_names("de")  # type: ignore[arg-type]


def test_returned_frames_are_copies():
    first = indicator_catalogue()
    first.loc[0, "name_nl"] = "changed"
    del first["unit"]
    again = indicator_catalogue()
    assert again.loc[0, "name_nl"] != "changed" and "unit" in again.columns
    types = code_list("project_type")
    types.loc[0, "label_nl"] = "changed"
    assert code_list("project_type").loc[0, "label_nl"] != "changed"
    assert code_labels("project_type", "nl")["street_work"] == "straathoekwerk"


# --- formula_terms ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expr", "terms"),
    [
        ("I01", [(1, "I01")]),
        ("I01 + I02 - X", [(1, "I01"), (1, "I02"), (-1, "X")]),
        ("  I01+I02-I03 ", [(1, "I01"), (1, "I02"), (-1, "I03")]),
        ("population", [(1, "population")]),
        ("my_own_1 - P01N", [(1, "my_own_1"), (-1, "P01N")]),
    ],
)
def test_formula_terms_parses(expr, terms):
    assert formula_terms(expr) == terms


@pytest.mark.parametrize(
    "expr",
    ["", " ", "2", "1000", "I01 * 2", "I01 / I02", "(I01 + I02)", "I01 + 2", "I01 I02", "I01 +",
     "I01 ++ I02", "1I01", "I01 + I02)", None],
)  # fmt: skip
def test_formula_terms_rejects_anything_else(expr):
    with pytest.raises(ValueError, match="ids joined by"):
        formula_terms(expr)


# --- check_catalogue: one test per kind of problem ----------------------------------------------


def test_tiny_catalogue_is_valid():
    assert check_catalogue(tiny()) == []


def test_missing_columns_are_reported():
    problems = check_catalogue(tiny().drop(columns=["kind", "min_cell"]))
    assert len(problems) == 2
    assert "'kind'" in problems[0] and "'min_cell'" in problems[1]


def test_optional_columns_may_be_left_out():
    optional = ["name_en", "definition_nl", "definition_fr", "definition_en", "source_hint"]
    assert check_catalogue(tiny().drop(columns=optional)) == []


@pytest.mark.parametrize(
    ("bad_row", "column", "words"),
    [
        (row("B01", type="outcome"), "type", "not allowed"),
        (row("B01", kind="typed"), "kind", "not allowed"),
        (row("B01", value_type="integer"), "value_type", "not allowed"),
        (row("B01", frequency="weekly"), "frequency", "not allowed"),
        (row("B01", aggregation="median"), "aggregation", "not allowed"),
        (row("B01", direction="better"), "direction", "not allowed"),
        (row("B01", name_nl="", name_fr="", name_en=""), "name_nl", "no name"),
        (row("B01", unit=""), "unit", "unit"),
        (row("B01", min_value="10", max_value="5"), "min_value", "above max_value"),
        (row("B01", min_value="-1"), "min_value", "negative"),
        (row("B01", value_type="percent", max_value="120"), "max_value", "between 0 and 100"),
        (row("B01", min_cell="-1"), "min_cell", "whole number"),
        (row("B01", min_cell="2.5"), "min_cell", "whole number"),
        (row("B01", min_cell=""), "min_cell", "whole number"),
        (row("B01", direction="target"), "target_value", "direction is target"),
        (row("B01", target_value="100"), "target_value", "direction is target"),
        (row("B01", min_value="abc"), "min_value", "not a number"),
        (row("B01", proportion="misschien"), "proportion", "true or false"),
        (row("B01", numerator="A01"), "numerator", "only for derived"),
        (row("B01", denominator="A02"), "denominator", "only for derived"),
        (row("B01", factor="100"), "factor", "only for derived"),
        (row("B01", proportion="true"), "proportion", "only for derived"),
        (row("B01", aggregation="ratio"), "aggregation", "ratio is for derived"),
        (ratio("B01", "", "A02"), "numerator", "needs one"),
        (ratio("B01", "A01", ""), "denominator", "needs one"),
        (ratio("B01", "A01", "A02", factor=""), "factor", "positive factor"),
        (ratio("B01", "A01", "A02", factor="0"), "factor", "positive factor"),
        (ratio("B01", "A01", "A02", aggregation="sum"), "aggregation", "write ratio"),
        (ratio("B01", "A01", "Z99"), "denominator", "unknown indicator 'Z99'"),
        (ratio("B01", "a01", "A02"), "numerator", "did you mean A01"),
        (ratio("B01", "A01 * 2", "A02"), "numerator", "ids joined by"),
        (ratio("B01", "A03", "A02"), "numerator", "A03 is itself derived"),
        (ratio("B01", "B01", "A02"), "numerator", "B01 is itself derived"),  # a self-cycle
        (ratio("B01", "population", "A02"), "numerator", "population may only stand alone"),
        (ratio("B01", "A01", "population + A02"), "denominator", "population may only stand"),
        (row("B-1"), "indicator_id", "not a valid id"),
        (row("population"), "indicator_id", "not a valid id"),
        (row("X{0}"), "indicator_id", "not a valid id"),
        (row("A01"), "indicator_id", "appears 2 times"),
        (row("a01"), "indicator_id", "A01 appears 2 times"),
        (row("B01", effort="soms"), "effort", "true or false"),
        (row("B01", non_target="Z99"), "non_target", "unknown indicator 'Z99'"),
        (row("B01", non_target="B01"), "non_target", "its own control outcome"),
        (row("B01", non_target="A03"), "non_target", "its own control outcome"),  # derived
    ],
)
def test_each_problem_names_the_id_and_column(bad_row, column, words):
    problems = check_catalogue(tiny(bad_row))
    i = bad_row["indicator_id"]
    matching = [p for p in problems if f" {i}," in p and f"column {column}:" in p and words in p]
    assert matching, problems


def test_a_cycle_between_derived_indicators_is_refused():
    problems = check_catalogue(tiny(ratio("B01", "B02", "A01"), ratio("B02", "B01", "A01")))
    assert any(
        p.startswith("Indicator B01, column numerator: B02 is itself derived") for p in problems
    )
    assert any(
        p.startswith("Indicator B02, column numerator: B01 is itself derived") for p in problems
    )


def test_blank_id_gives_the_row_number():
    problems = check_catalogue(tiny(row("")))
    assert any("in row 4, column indicator_id" in p for p in problems), problems


def test_all_problems_are_reported_at_once():
    problems = check_catalogue(pd.read_csv(DATA / "bad_catalogue.csv", dtype=str))
    assert any(
        p.startswith("Indicator Y02, column denominator: unknown indicator 'Y99'") for p in problems
    )
    assert any(p.startswith("Indicator Y03, column type:") for p in problems)
    assert any(
        p.startswith("Indicator Y04, column numerator: Y02 is itself derived") for p in problems
    )
    assert len(problems) == 3, problems


# --- the user's own catalogue -------------------------------------------------------------------


def test_user_frame_adds_indicators():
    own = pd.DataFrame([row("X01"), ratio("X02", "X01 + I01", "O04"), row("X03", name_fr="")])
    cat = indicator_catalogue(own)
    shipped = indicator_catalogue()
    assert len(cat) == len(shipped) + 3
    assert list(cat["indicator_id"].tail(3)) == ["X01", "X02", "X03"]
    assert isinstance(cat.index, pd.RangeIndex)
    assert list(cat.columns) == list(COLUMNS)
    x02 = cat.set_index("indicator_id").loc["X02"]
    assert x02.factor == 100.0 and x02.kind == "derived"
    assert "X02" in derived_ids(cat) and "X01" in registered_ids(cat)
    assert indicator_names("fr", cat)["X03"] == "Name X03"  # falls back to English
    assert check_catalogue(cat) == []


def test_user_csv_windows_1252_semicolon_with_accents_loads():
    path = DATA / "own_catalogue_cp1252_semicolon.csv"
    cat = indicator_catalogue(path)
    c = cat.set_index("indicator_id")
    assert c.loc["X01", "name_nl"] == "Meldingen van café-uitbaters"
    assert c.loc["X01", "name_fr"] == "Plaintes des exploitants de cafés"
    assert c.loc["X01", "reporting_sensitive"] and not c.loc["X01", "proportion"]  # waar / onwaar
    assert c.loc["X01R", "denominator"] == "population" and c.loc["X01R", "factor"] == 1000
    assert c.loc["X02", "min_value"] == 0.5 and c.loc["X02", "max_value"] == 1000  # 0,5 and 1.000
    assert c.loc["X02", "source_hint"] == ""
    assert indicator_catalogue(str(path)).equals(cat)


def test_user_xlsx_first_sheet_loads(tmp_path):
    own = pd.DataFrame([row("X01", min_cell=5, min_value=0, proportion=False)])
    path = tmp_path / "eigen indicatoren.xlsx"
    with pd.ExcelWriter(path) as xl:
        own.to_excel(xl, sheet_name="indicatoren", index=False)
        pd.DataFrame({"x": [1]}).to_excel(xl, sheet_name="notes", index=False)
    cat = indicator_catalogue(path)
    assert cat["indicator_id"].iloc[-1] == "X01"
    assert cat["min_cell"].iloc[-1] == 5


def test_duplicate_of_a_shipped_id_is_refused():
    with pytest.raises(CatalogueError, match=r"I01 is already in the shipped catalogue") as info:
        indicator_catalogue(pd.DataFrame([row("I01")]))
    assert "choose another id, e.g. X01" in str(info.value)
    assert len(info.value.problems) == 1
    with pytest.raises(CatalogueError, match="Indicator i01 and I01, .*I01 is already in the"):
        indicator_catalogue(pd.DataFrame([row("i01")]))


def test_user_formula_may_not_use_a_shipped_derived_indicator():
    with pytest.raises(CatalogueError, match="Indicator X01, column numerator: I01R is itself"):
        indicator_catalogue(pd.DataFrame([ratio("X01", "I01R", "I02")]))


def test_user_catalogue_errors_carry_the_path_and_row(tmp_path):
    path = tmp_path / "own.csv"
    pd.DataFrame([row("X01"), row(""), row("X03", type="outcome")]).to_csv(path, index=False)
    with pytest.raises(CatalogueError) as info:
        indicator_catalogue(path)
    assert info.value.path == path
    assert any("in row 2, column indicator_id" in p for p in info.value.problems)
    assert any(p.startswith("Indicator X03, column type") for p in info.value.problems)
    assert str(path) in str(info.value)


def test_user_catalogue_missing_column():
    own = pd.DataFrame([row("X01")]).drop(columns="direction")
    with pytest.raises(CatalogueError, match="no column 'direction'"):
        indicator_catalogue(own)


def test_unreadable_user_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        indicator_catalogue(tmp_path / "missing.csv")
    (tmp_path / "own.json").write_text("{}")
    with pytest.raises(InputError, match="csv or .xlsx"):
        indicator_catalogue(tmp_path / "own.json")


def test_user_frame_is_not_modified():
    own = pd.DataFrame([row("X01")])
    before = own.copy()
    indicator_catalogue(own)
    pd.testing.assert_frame_equal(own, before)


# --- code lists ---------------------------------------------------------------------------------

PROJECT_TYPES = {
    "street_work", "drug_outreach", "harm_reduction_nsp", "low_threshold_drop_in",
    "drug_consumption_room", "drug_coordination", "nuisance_mediation", "early_intervention",
    "justice_linked_referral", "aftercare_reintegration", "hotspot_presence",
    "situational_measures", "nightlife_party",
}  # fmt: skip


def test_project_types_have_three_languages():
    types = code_list("project_type")
    assert set(types["code"]) == PROJECT_TYPES and len(types) == 13
    assert list(types.columns) == ["code", "label_nl", "label_fr", "label_en"]
    for lang in ("nl", "fr", "en"):
        assert all(label.strip() for label in code_labels("project_type", lang).values())
    assert code_labels("project_type", "fr")["street_work"] == "travail de rue"


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("objective_level", ["general", "strategic", "operational"]),
        ("phenomenon", ["drug_nuisance", "drug_crime", "both"]),
        ("evaluation_design", ["post_only", "pre_post", "its", "controlled_its", "did", "wdd",
                               "rct"]),
        ("impact_model", ["level", "slope", "level_and_slope"]),
        ("indicator_type", ["process", "output", "impact", "context"]),
        ("indicator_kind", ["registered", "derived"]),
        ("direction", ["up", "down", "target", "none"]),
        ("aggregation", ["sum", "mean", "last", "none", "ratio"]),
        ("frequency", ["month", "quarter", "year", "wave"]),
        ("value_type", ["count", "number", "percent"]),
        ("data_source", ["resident_complaint", "shopkeeper", "police_call", "GAS",
                         "own_observation", "cleaning_service", "partner", "project_admin",
                         "survey", "police_statistics", "other"]),
    ],
)  # fmt: skip
def test_code_lists(name, codes):
    cl = code_list(name)
    assert list(cl["code"]) == codes
    assert (cl[["label_nl", "label_fr", "label_en"]] != "").all().all()


def test_unknown_code_list_and_language():
    with pytest.raises(ValueError, match="Unknown code list 'colour'.*project_type"):
        code_list("colour")
    with pytest.raises(ValueError, match="Unknown language"):
        code_labels("project_type", "de")  # type: ignore[arg-type]


def test_a_truncated_catalogue_workbook_is_an_input_error_naming_it(tmp_path):
    """Issue 14: a catalogue workbook cut off half way crashed `validate --catalogue`."""
    full = tmp_path / "full.xlsx"
    pd.DataFrame([row("X01")]).to_excel(full, index=False)
    cut = tmp_path / "own.xlsx"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    with pytest.raises(InputError, match=r"own\.xlsx.*cannot be read.*kan niet gelezen") as err:
        indicator_catalogue(cut)
    assert err.value.path == cut


def test_validate_with_a_truncated_catalogue_exits_2(tmp_path, capsys):
    from socprev_kit.cli import main

    cut = tmp_path / "own.xlsx"
    cut.write_bytes(b"PK\x03\x04 not a whole workbook")
    data = tmp_path / "r.csv"
    data.write_text("Project;NIS-code;Periode;Indicator;Waarde\nA;44021;2024-01;P04;1\n")
    assert main(["validate", str(data), "--catalogue", str(cut), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "own.xlsx" in err and "Traceback" not in err
