"""The checks of the exercises of course notebooks 01-05 (``socprev_kit.teaching.checks``).

Each right answer is computed here another way (from the raw registrations, the reference
tables, the messy files read with csv/openpyxl, or by hand); each typical mistake must get its
own hint in Dutch and in French; ``...`` is not answered; wrong types never raise.
"""

from __future__ import annotations

import csv

import openpyxl
import pandas as pd
import pytest

import socprev_kit as sk
from socprev_kit.common.paths import sample_data_path
from socprev_kit.data import reference
from socprev_kit.teaching.checks import (
    check_closer_method,
    check_corrected_period,
    check_error_row,
    check_hidden_months,
    check_nis_code,
    check_rate_per_1000,
    check_reach_indicator,
    check_year_percentage,
)
from socprev_kit.teaching.widgets import estimates, simulate

MESSY = sample_data_path().parent / "messy"
ODD_ANSWERS = ["abc", True, [1, 2], {"a": 1}, pd.DataFrame({"a": [1, 2]}), 1 + 2j, object()]


@pytest.fixture(scope="module")
def data():
    return sk.load(sample_data_path(), lang="nl")


@pytest.fixture(scope="module")
def monthly(data):
    return sk.indicator_table(data)


def text(fb) -> str:
    return " ".join(line for _, line in fb.lines)


def hints(check, answer, **kwargs) -> dict[str, str]:
    """The feedback text in nl and fr; each must be wrong (not passed)."""
    out = {}
    for lang in ("nl", "fr"):
        fb = check(answer, lang=lang, **kwargs)
        assert not fb.passed, (lang, answer, fb)
        out[lang] = text(fb)
    return out


def assert_basics(check, right, **kwargs) -> None:
    """Right passes in both languages, ``...`` is not answered, odd types get a sentence."""
    for lang in ("nl", "fr"):
        assert check(right, lang=lang, **kwargs).passed, (lang, right)
        fb = check(..., lang=lang, **kwargs)
        assert [mark for mark, _ in fb.lines] == ["todo"] and not fb.passed
        assert ("Nog niet ingevuld" if lang == "nl" else "Pas encore de réponse") in text(fb)
        for odd in ODD_ANSWERS:
            fb = check(odd, lang=lang, **kwargs)
            assert not fb.passed and fb.lines and "wrong" in [m for m, _ in fb.lines], odd
            assert len(repr(fb)) < 600 and fb._repr_html_().startswith("<ul")


# 01 getting started ---------------------------------------------------------------------------


def test_nis_code() -> None:
    kw = {"municipality": "Hasselt"}
    assert_basics(check_nis_code, "71072", **kw)  # Statbel: Hasselt since the 2025 merger
    number = check_nis_code(71072, lang="nl", **kw)
    assert number.passed and "aanhalingstekens" in text(number)
    old = hints(check_nis_code, "71022", **kw)
    assert "oude NIS-code" in old["nl"] and "ancien code INS" in old["fr"]
    post = hints(check_nis_code, "3500", **kw)
    assert "postcode" in post["nl"] and "code postal" in post["fr"]
    gent = hints(check_nis_code, "44021", **kw)
    assert "van Gent" in gent["nl"] and "de Gand" in gent["fr"]
    name = hints(check_nis_code, "hasselt", **kw)
    assert "een naam" in name["nl"] and "un nom" in name["fr"]
    row = hints(check_nis_code, sk.find_municipality("Hasselt"), **kw)
    assert "hele fiche" in row["nl"] and "toute la fiche" in row["fr"]


# 02 logic model -------------------------------------------------------------------------------


def test_reach_indicator() -> None:
    for right in ("O01", "O03", "o02", " O01 "):
        assert_basics(check_reach_indicator, right)
    process = hints(check_reach_indicator, "P04")
    assert "procesindicator" in process["nl"] and "indicateur de processus" in process["fr"]
    impact = hints(check_reach_indicator, "I01")
    assert "impactindicator" in impact["nl"] and "indicateur d'impact" in impact["fr"]
    contacts = hints(check_reach_indicator, "O04")
    assert "geen personen" in contacts["nl"] and "pas des personnes" in contacts["fr"]
    unknown = hints(check_reach_indicator, "O1")
    assert "niet in de catalogus" in unknown["nl"] and "pas dans le catalogue" in unknown["fr"]


def test_year_percentage(data) -> None:
    regs = data.registrations.query("project_id == 'ANT-CAS' and period.str[:4] == '2021'")
    regs = regs[regs["period"].str.fullmatch(r"\d{4}-\d{2}")]  # months (others have quarters)
    num = regs.loc[regs["indicator_id"] == "O06N", "value"].sum()
    den = regs.loc[regs["indicator_id"] == "O05", "value"].sum()
    assert (num, den) == (119, 225)
    monthly_pct = (
        regs.pivot_table(index="period", columns="indicator_id", values="value")
        .eval("O06N / O05 * 100")
        .to_numpy()
    )
    kw = {"data": data, "project_id": "ANT-CAS", "indicator_id": "O06", "year": "2021"}
    assert_basics(check_year_percentage, 52.9, **kw)
    assert check_year_percentage("52,9 %", lang="fr", **kw).passed
    assert check_year_percentage(num / den * 100, lang="nl", **kw).passed
    mean = hints(check_year_percentage, round(monthly_pct.mean(), 1), **kw)
    assert "gemiddelde van de maandpercentages" in mean["nl"]
    assert "moyenne des pourcentages mensuels" in mean["fr"]
    fraction = hints(check_year_percentage, round(num / den, 3), **kw)
    assert "× 100" in fraction["nl"] and "oublié × 100" in fraction["fr"]
    upside = hints(check_year_percentage, round(den / num * 100, 1), **kw)
    assert "noemer door de teller" in upside["nl"] and "à l'envers" not in upside["fr"]
    assert "dénominateur par le numérateur" in upside["fr"]
    total = hints(check_year_percentage, round(monthly_pct.sum(), 1), **kw)
    assert "som van de maandpercentages" in total["nl"] and "somme des" in total["fr"]
    other = hints(check_year_percentage, 70, **kw)
    assert "tel de kolom `numerator` op" in other["nl"] and "additionnez" in other["fr"]


# 03 registering -------------------------------------------------------------------------------


def test_error_row() -> None:
    path = MESSY / "02_negative_count_nl.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle, delimiter=";" if ";" in path.read_text() else ","))
    line = next(i for i, row in enumerate(lines, start=1) if "-5" in row)
    assert line == 16
    kw = {"data": sk.load(path, lang="nl")}
    assert_basics(check_error_row, line, **kw)
    assert check_error_row(str(line), lang="fr", **kw).passed
    value = hints(check_error_row, -5, **kw)
    assert "waarde die in de cel staat" in value["nl"] and "valeur de la cellule" in value["fr"]
    for off in (line - 2, line - 1, line + 1):
        close = hints(check_error_row, off, **kw)
        assert "Net ernaast" in close["nl"] and "Tout près" in close["fr"]
    far = hints(check_error_row, 3, **kw)
    assert "severity **error**" in far["nl"] and "severity est **error**" in far["fr"]
    clean = sk.load(MESSY / "01_text_in_number_cells_nl.xlsx", lang="nl")
    assert check_error_row(10, clean, lang="nl").passed  # the README's row of another file


def test_corrected_period() -> None:
    path = MESSY / "09_outside_project_period_fr.xlsx"
    sheet = openpyxl.load_workbook(path, read_only=True)["Enregistrements"]
    rows = [r for r in sheet.iter_rows(values_only=True) if any(v is not None for v in r)]
    head = [str(h) for h in rows[0]]
    period, indicator = head.index("Période"), head.index("Indicateur")
    months = {str(r[period]) for r in rows[1:]}
    o05 = {str(r[period]) for r in rows[1:] if r[indicator] == "O05"}
    right = sorted(m for m in months - o05 if m.startswith("2024"))
    assert right == ["2024-06"] and "2023-06" in o05
    kw = {"data": sk.load(path, lang="fr")}
    assert_basics(check_corrected_period, right[0], **kw)
    back = hints(check_corrected_period, "2023-06", **kw)
    assert "verkeerd getypt" in back["nl"] and "mal tapé" in back["fr"]
    for form in ("06/2024", "2024/6", "202406", pd.Period("2024-06", "M")):
        fmt = hints(check_corrected_period, form, **kw)
        assert "De juiste maand" in fmt["nl"] and "Le bon mois" in fmt["fr"]
    there = hints(check_corrected_period, "2024-03", **kw)
    assert "staat al in de reeks" in there["nl"] and "figure déjà" in there["fr"]
    other = hints(check_corrected_period, "2025-01", **kw)
    assert "Lees beide meldingen" in other["nl"] and "Lisez les deux" in other["fr"]


# 04 rates -------------------------------------------------------------------------------------


def test_rate_per_1000(data) -> None:
    regs = data.registrations.query("nis_code == '71072' and indicator_id == 'I02'")
    count = regs.loc[regs["period"].str[:4] == "2025", "value"].sum()
    pop = reference.population(2025).query("nis_code == '71072'").set_index("year")["population"]
    assert pop.index.max() == 2020  # the latest year: used for 2025
    rate = 1000 * count / pop[2020]
    assert round(rate, 2) == 4.35
    kw = {"data": data, "nis_code": "71072", "indicator_id": "I02", "year": "2025"}
    assert_basics(check_rate_per_1000, round(rate, 2), **kw)
    assert check_rate_per_1000(rate, lang="nl", **kw).passed
    per_100 = hints(check_rate_per_1000, round(rate / 10, 2), **kw)
    assert "per 100 inwoners" in per_100["nl"] and "pour 100 habitants" in per_100["fr"]
    per_one = hints(check_rate_per_1000, rate / 1000, **kw)
    assert "per inwoner" in per_one["nl"] and "par habitant" in per_one["fr"]
    counts = hints(check_rate_per_1000, count, **kw)
    assert "aantal meldingen" in counts["nl"] and "nombre de plaintes" in counts["fr"]
    old_pop = hints(check_rate_per_1000, round(1000 * count / pop[2019], 2), **kw)
    assert "bevolking van 2019" in old_pop["nl"] and "population de 2019" in old_pop["fr"]
    last = regs.loc[regs["period"].str[:4] == "2024", "value"].sum()
    # 2024 was registered as old Hasselt (71022), without Kortessem: its population divides
    old_hasselt = reference.population(2020).query("nis_code == '71022' and year == 2020")
    year = hints(
        check_rate_per_1000, round(1000 * last / old_hasselt["population"].item(), 2), **kw
    )
    assert "cijfer van 2024" in year["nl"] and "taux de 2024" in year["fr"]
    halen = data.registrations.query("nis_code == '71020' and indicator_id == 'I02'")
    halen_count = halen.loc[halen["period"].str[:4] == "2025", "value"].sum()
    halen_pop = reference.population(2025).query("nis_code == '71020' and year == 2020")
    place = hints(check_rate_per_1000, 1000 * halen_count / halen_pop["population"].iloc[0], **kw)
    assert "andere gemeente (NIS-code 71020)" in place["nl"] and "autre commune" in place["fr"]


def test_hidden_months(monthly) -> None:
    regs = monthly.query("nis_code == '71020' and indicator_id == 'I02' and period >= '2025'")
    values = regs["value"].tolist()
    assert len(values) == 12
    hidden = sum(1 <= v <= 4 for v in values)
    zeros = values.count(0)
    assert (hidden, zeros) == (9, 3)
    kw = {"monthly": monthly, "nis_code": "71020", "indicator_id": "I02", "year": "2025"}
    assert_basics(check_hidden_months, hidden, **kw)
    periods = regs.loc[regs["value"].between(1, 4), "period"].tolist()
    assert check_hidden_months(periods, lang="fr", **kw).passed
    too_many = hints(check_hidden_months, hidden + zeros, **kw)
    assert "maanden met 0" in too_many["nl"] and "mois à 0" in too_many["fr"]
    with_zero = hints(check_hidden_months, [*periods, "2025-01"], **kw)
    assert "maanden met 0" in with_zero["nl"] and "mois à 0" in with_zero["fr"]
    visible = hints(check_hidden_months, zeros, **kw)
    assert "zichtbaar blijven" in visible["nl"] and "restent visibles" in visible["fr"]
    assert "1 tot 4" in hints(check_hidden_months, 5, **kw)["nl"]


# 05 before/after ------------------------------------------------------------------------------


def test_closer_method() -> None:
    sim = simulate(effect=-20, seed=1)
    before = sim.loc[~sim["post"], "count"].iloc[-3:].mean()
    after = sim.loc[sim["post"], "count"].iloc[:3].mean()
    naive = 100 * (after / before - 1)
    its = estimates(sim)["its"]
    assert abs(its + 20) < abs(naive + 20)  # on this series the ITS is closer
    kw = {"sim": sim}
    for right in ("its", "ITS", "onderbroken tijdreeks", "série temporelle interrompue"):
        assert_basics(check_closer_method, right, **kw)
    wrong = hints(check_closer_method, "naive", **kw)
    assert f"{naive:.1f}" in wrong["nl"] and "procentpunt" in wrong["nl"]
    assert f"{naive:.1f}" in wrong["fr"] and "points" in wrong["fr"]
    number = hints(check_closer_method, round(its, 1), **kw)
    assert "een getal" in number["nl"] and "un nombre" in number["fr"]
    naive_wins = simulate(effect=-20, seed=5)  # by chance the naive estimate is closer here
    est = estimates(naive_wins)
    assert abs(est["naive"] + 20) < abs(est["its"] + 20)
    assert check_closer_method("naive", naive_wins, lang="nl").passed
    assert not check_closer_method("its", naive_wins, lang="fr").passed


def test_a_decimal_comma_gets_its_own_hint_in_every_number_check(data) -> None:
    """``4,35`` typed without quotes is the tuple ``(4, 35)`` in Python: every check that wants a
    number says to type a point, in the participant's language, and does not call it right."""
    fb = check_rate_per_1000(
        (4, 35), data, nis_code="71072", indicator_id="I02", year="2025", lang="nl"
    )
    assert not fb.passed and "Je typte een komma" in repr(fb) and "4.35" in repr(fb)
    fb = check_year_percentage(
        (52, 9), data, project_id="ANT-CAS", indicator_id="O06", year="2021", lang="fr"
    )
    assert not fb.passed and "virgule" in repr(fb) and "52.9" in repr(fb)
