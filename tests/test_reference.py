"""Tests for socprev_kit.data.reference: the shipped municipality data and the look-ups on it."""

from __future__ import annotations

import pandas as pd
import pytest

from socprev_kit.common.errors import UnknownMunicipalityError
from socprev_kit.data import reference as ref


def test_row_counts_and_codes():
    for geography, rows in [(2020, 581), (2025, 565)]:
        codes = ref.municipalities(geography)["nis_code"]
        assert len(codes) == rows
        assert codes.is_unique
        assert codes.str.fullmatch(r"[1-9]\d{4}").all()


def test_national_total_2020():
    assert ref.municipalities(2020)["population"].sum() == 11_492_641
    assert set(ref.municipalities(2020)["population_year"]) == {2020}


def test_population_totals_per_year_equal_statbel_on_both_geographies():
    statbel = {2018: 11_376_070, 2019: 11_431_406, 2020: 11_492_641}
    for geography, rows in [(2020, 581), (2025, 565)]:
        pop = ref.population(geography)
        assert pop.groupby("year")["population"].sum().to_dict() == statbel
        assert pop.groupby("year").size().eq(rows).all()


def test_2025_population_is_the_sum_of_the_predecessors():
    antwerpen = ref.find_municipality("11002")
    assert antwerpen["population"] == 529_247 + 10_949  # Antwerpen + Borsbeek, 2020
    assert antwerpen["predecessor_nis_codes"] == ("11002", "11007")
    assert ref.find_municipality("Gent")["predecessor_nis_codes"] == ()


def test_every_2025_predecessor_exists_in_2020():
    codes_2020 = set(ref.municipalities(2020)["nis_code"])
    predecessors = [c for codes in ref.municipalities(2025)["predecessor_nis_codes"] for c in codes]
    waves = ref.mergers()
    wave_2025 = waves[waves["merger_wave"].dt.year == 2025]
    assert sorted(predecessors) == sorted(wave_2025["old_nis_code"])  # 30, Antwerpen included
    assert set(predecessors) <= codes_2020


def test_names_never_blank_and_brussels_has_no_province():
    m = ref.municipalities(2025)
    assert m["name_nl"].str.len().gt(0).all() and m["name_fr"].str.len().gt(0).all()
    assert ref.find_municipality("23106")["name_fr"] == "Pajottegem"  # no French name in source
    brussels = m[m["region"] == "Brussels"]
    assert len(brussels) == 19 and (brussels["province"] == "").all()


def test_current_map_sends_each_merged_2020_code_to_a_2025_code():
    code_map = ref.current_nis_code_map()
    codes_2020 = set(ref.municipalities(2020)["nis_code"])
    codes_2025 = set(ref.municipalities(2025)["nis_code"])
    merged = codes_2020 & set(code_map)
    assert len(merged) == 29
    assert {code_map[c] for c in merged} <= codes_2025
    assert codes_2020 - merged <= codes_2025


def test_borsbeek_goes_to_antwerpen_which_is_not_old():
    code_map = ref.current_nis_code_map()
    assert code_map["11007"] == "11002"
    assert "11002" not in code_map


def test_2019_wave_and_hainaut_renumbering():
    code_map = ref.current_nis_code_map()
    assert code_map["72025"] == "72043"  # Neerpelt -> Pelt
    assert code_map["54007"] == "57096"  # Moeskroen, renumbered without merging
    assert len(ref.mergers()) == 45 and len(ref.mergers(include_recodings=True)) == 56
    assert pd.api.types.is_datetime64_any_dtype(ref.mergers()["merger_wave"])


def test_chains_are_followed_and_cycles_refused():
    assert ref.resolve_chains({"a": "b", "b": "c"}) == {"a": "c", "b": "c"}
    with pytest.raises(ValueError, match="cycle"):
        ref.resolve_chains({"a": "b", "b": "a"})


def test_to_current_nis_is_vectorised_and_keeps_index_and_missing():
    codes = pd.Series(["12030", 11007, None, "44021", 46003.0], index=[5, 6, 7, 8, 9])
    out = ref.to_current_nis(codes)
    assert list(out.index) == [5, 6, 7, 8, 9]
    assert out.drop(7).tolist() == ["12041", "11002", "44021", "46030"]
    assert pd.isna(out[7])


def test_known_nis_codes():
    assert [len(ref.known_nis_codes(g)) for g in (2018, 2019, 2020, 2025)] == [589, 581, 581, 565]
    assert "12030" in ref.known_nis_codes() and "12030" not in ref.known_nis_codes(2020)
    assert "23106" in ref.known_nis_codes(2025) and "23106" not in ref.known_nis_codes(2020)
    with pytest.raises(ValueError, match="geography"):
        ref.known_nis_codes(2021)


@pytest.mark.parametrize(
    ("query", "geography", "nis_code"),
    [
        (44021, 2025, "44021"),
        ("44021", 2020, "44021"),
        ("11007", 2025, "11002"),  # old code -> current municipality
        ("12030", 2020, "12041"),  # pre-2019 code -> 2019-2024 municipality
        ("Gent", 2025, "44021"),
        ("Anvers", 2025, "11002"),
        ("Liege", 2025, "62063"),
        ("LIÈGE", 2020, "62063"),
        ("Antwerp", 2025, "11002"),
        ("St-Niklaas", 2025, "46021"),
        ("St. Niklaas", 2025, "46021"),
        ("Sint Niklaas", 2025, "46021"),
        ("Saint-Nicolas", 2025, "62093"),  # the name in its own language wins
        ("St-Gilles", 2025, "21013"),
        ("Saint Gilles", 2025, "21013"),
        ("Bruxelles", 2025, "21004"),
        ("Brussel", 2020, "21004"),
        ("Beveren Kruibeke Zwijndrecht", 2025, "46030"),
        ("Borsbeek", 2025, "11002"),  # merged municipality -> its successor
        ("Borsbeek", 2020, "11007"),
        ("Neerpelt", 2020, "72043"),
    ],
)
def test_find_municipality(query, geography, nis_code):
    found = ref.find_municipality(query, geography)
    assert found["nis_code"] == nis_code
    assert found.name == nis_code


def test_find_returns_the_whole_row():
    liege = ref.find_municipality("Liege")
    assert (liege["name_nl"], liege["name_fr"], liege["province"]) == ("Luik", "Liège", "Luik")
    assert liege["region"] == "Wallonia" and liege["population_year"] == 2020


def test_near_miss_raises_with_a_suggestion():
    with pytest.raises(UnknownMunicipalityError, match=r"Did you mean: Sint-Niklaas \(46021\)"):
        ref.find_municipality("St-Niklas")


def test_unknown_name_raises_with_suggestions():
    with pytest.raises(UnknownMunicipalityError, match=r"Unknown municipality 'Kortrik'") as err:
        ref.find_municipality("Kortrik")
    assert err.value.suggestions[0] == "Kortrijk (34022)"
    assert err.value.geography == 2025
    assert isinstance(err.value, LookupError)


def test_unknown_code_and_2025_code_in_2020_geography_raise():
    with pytest.raises(UnknownMunicipalityError, match="99999"):
        ref.find_municipality("99999")
    with pytest.raises(UnknownMunicipalityError, match="2020 geography"):
        ref.find_municipality("23106", geography=2020)


def test_suggest_municipalities():
    assert ref.suggest_municipalities("Brugges", n=1) == ["Brugge (31005)"]
    assert ref.suggest_municipalities("Gentt", n=2) == ["Gent (44021)", "Genk (71016)"]
    assert ref.suggest_municipalities("Anvrs")[0] == "Anvers (11002)"  # spelled as matched
    assert ref.suggest_municipalities("xqzw") == []


def test_names_to_nis():
    names = pd.Series(["Anvers", "sint niklaas", "Kortrik", None, "Borsbeek"], index=list("abcde"))
    out = ref.names_to_nis(names)
    assert list(out.index) == list("abcde")
    assert out[["a", "b", "e"]].tolist() == ["11002", "46021", "11002"]
    assert out[["c", "d"]].isna().all()
    assert ref.names_to_nis(pd.Series(["Borsbeek"]), geography=2020).tolist() == ["11007"]


def test_police_zones():
    m = ref.municipalities(2025)
    flanders_brussels = m[m["region"].isin(["Flanders", "Brussels"])]
    assert len(flanders_brussels) == 304 and flanders_brussels["police_zone"].notna().all()
    assert ref.find_municipality("Eupen")["police_zone"] == "ZP Weser-Göhl"
    assert ref.find_municipality("Sankt Vith")["police_zone"] == "ZP Eifel"
    assert ref.find_municipality("Borsbeek", 2020)["police_zone"] == "PZ Antwerpen"


def test_bad_geography_raises():
    with pytest.raises(ValueError, match="geography must be 2020"):
        ref.municipalities(2021)


def test_returned_objects_are_copies():
    first = ref.municipalities()
    first.loc[0, "name_nl"] = "changed"
    first["population"] = 0
    assert ref.municipalities().loc[0, "name_nl"] != "changed"
    assert ref.municipalities()["population"].gt(0).all()
    pop = ref.population()
    pop["population"] = -1
    assert ref.population()["population"].gt(0).all()
    code_map = ref.current_nis_code_map()
    code_map["11007"] = "x"
    assert ref.current_nis_code_map()["11007"] == "11002"
    row = ref.find_municipality("Gent")
    row["name_nl"] = "changed"
    assert ref.find_municipality("Gent")["name_nl"] == "Gent"
    waves = ref.mergers()
    waves["new_nis_code"] = "x"
    assert ref.mergers()["new_nis_code"].ne("x").all()


@pytest.mark.parametrize(
    ("code", "year", "area"),
    [
        ("71022", 2024, "71022"),  # Hasselt before the merger: without Kortessem
        ("73040", 2019, "73040"),  # Kortessem on its own
        ("71022", 2025, "71022;73040"),  # an old code after the merger: the new municipality
        ("71072", 2024, "71022;73040"),  # the new code for an earlier year: both predecessors
        ("71072", 2025, "71022;73040"),
        ("11002", 2024, "11002"),  # Antwerpen kept its code: before 2025 without Borsbeek
        ("11002", 2025, "11002;11007"),
        ("12030", 2020, "12041"),  # Puurs, merged in 2019: Puurs-Sint-Amands
        ("44021", 2019, "44021"),  # Gent, never merged
        ("44021", 2025, "44021"),
        ("99999", 2024, "99999"),  # unknown: as it is
    ],
)
def test_registered_area_keeps_the_geography_registered_in(code, year, area):
    found = ref.registered_area(pd.Series([code]), pd.Series([year]))
    assert found.tolist() == [area]


def test_registered_area_of_missing_values_and_integer_codes():
    found = ref.registered_area(pd.Series([None, 71022, "71022"]), pd.Series([2024, 2024, None]))
    assert found.isna().tolist() == [True, False, True]
    assert found.iloc[1] == "71022"
