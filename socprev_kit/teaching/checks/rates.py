"""Checks of notebook 04 (indicators over time): a rate per 1,000, and small-cell suppression."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import exercise as ex
from ..answers import as_number, nearest
from ..exercise import Feedback, Say, feedback

if TYPE_CHECKING:
    import pandas as pd

    from ...validation.dataset import Dataset

__all__ = ["check_hidden_months", "check_rate_per_1000"]

#: How far a rate typed with two decimals may be from the exact one (or from a mistake).
ROUNDING = 0.0051

PER_100: Say = (
    "Dat is per 100 inwoners. Gevraagd is per 1.000: vermenigvuldig met 1.000, niet met 100.",
    "C'est pour 100 habitants. On demande pour 1 000 : multipliez par 1 000, pas par 100.",
    "That is per 100 inhabitants. Per 1,000 is asked: multiply by 1,000, not by 100.",
)
PER_PERSON: Say = (
    "Dat is per inwoner. Vermenigvuldig nog met 1.000.",
    "C'est par habitant. Multipliez encore par 1 000.",
    "That is per inhabitant. Multiply by 1,000 as well.",
)
COUNT: Say = (
    "Dat is het aantal meldingen, geen cijfer per 1.000 inwoners: deel door de bevolking "
    "(`population`) en vermenigvuldig met 1.000.",
    "C'est le nombre de plaintes, pas un taux pour 1 000 habitants : divisez par la population "
    "(`population`) et multipliez par 1 000.",
    "That is the number of complaints, not a rate per 1,000 inhabitants: divide by the "
    "population and multiply by 1,000.",
)
POP_YEAR: Say = (
    "Je gebruikte de bevolking van {pop_year}. De kit neemt die van `population_year` in de "
    "tabel ({right_year}): het jaar zelf, of het laatste jaar met een officieel cijfer.",
    "Vous avez pris la population de {pop_year}. Le kit prend celle de `population_year` dans "
    "le tableau ({right_year}) : l'année même, ou la dernière année avec un chiffre officiel.",
    "You used the population of {pop_year}. The kit takes that of `population_year` in the "
    "table ({right_year}): the year itself, or the latest year with an official figure.",
)
OTHER_YEAR: Say = (
    "Dat is het cijfer van {other}, niet van {year}. Kijk naar de kolom `period`.",
    "C'est le taux de {other}, pas de {year}. Regardez la colonne `period`.",
    "That is the rate of {other}, not of {year}. Look at the `period` column.",
)
OTHER_PLACE: Say = (
    "Dat is het cijfer van een andere gemeente (NIS-code {other}). Kijk naar de kolom "
    "`nis_code`: {nis_code}.",
    "C'est le taux d'une autre commune (code INS {other}). Regardez la colonne `nis_code` : "
    "{nis_code}.",
    "That is the rate of another municipality (NIS code {other}). Look at the `nis_code` "
    "column: {nis_code}.",
)
RATE_HINT: Say = (
    "Zoek de rij van NIS-code {nis_code} en {year} in `rates` (pas de NIS-codes in de query "
    "hierboven aan), of reken: aantal / bevolking × 1.000.",
    "Cherchez la ligne du code INS {nis_code} et de {year} dans `rates` (modifiez les codes INS "
    "de la requête ci-dessus), ou calculez : nombre / population × 1 000.",
    "Find the row of NIS code {nis_code} and {year} in `rates` (change the NIS codes in the "
    "query above), or compute: count / population × 1,000.",
)


def check_rate_per_1000(
    answer: object, data: Dataset, *, nis_code: str, indicator_id: str, year: str, lang: str
) -> Feedback:
    """Check the yearly rate per 1,000 inhabitants of ``indicator_id`` in ``nis_code``.

    Computed from ``data`` with :func:`~socprev_kit.rates_per_1000`. Recognises per 100 and
    per inhabitant, the count, the population of another year, another year's rate and another
    municipality's rate of the same year. Answers rounded to two decimals pass.
    """
    from ...data import reference
    from ...indicators.rates import rates_per_1000
    from ...indicators.table import indicator_table

    rates = rates_per_1000(indicator_table(data, freq="year"))
    rates = rates[rates["indicator_id"] == indicator_id].astype({"period": str, "nis_code": str})
    row = rates[(rates["nis_code"] == nis_code) & (rates["period"] == str(year))].iloc[0]
    expected, count = float(row["rate_per_1000"]), float(row["value"])
    fields = {"nis_code": nis_code, "year": year, "right_year": int(row["population_year"])}
    mistakes: list[tuple[float, Say]] = [(expected / 10, PER_100), (expected / 1000, PER_PERSON),
                                         (count, COUNT)]  # fmt: skip
    pops = reference.population(2025).astype({"nis_code": str})
    for _, pop in pops[pops["nis_code"] == nis_code].iterrows():
        if int(pop["year"]) != fields["right_year"]:
            text = tuple(s.replace("{pop_year}", str(int(pop["year"]))) for s in POP_YEAR)
            mistakes.append((1000 * count / float(pop["population"]), text))  # type: ignore[arg-type]
    same_place = rates[(rates["nis_code"] == nis_code) & (rates["period"] != str(year))]
    same_year = rates[(rates["nis_code"] != nis_code) & (rates["period"] == str(year))]
    for frame, column, sentence in ((same_place, "period", OTHER_YEAR),
                                    (same_year, "nis_code", OTHER_PLACE)):  # fmt: skip
        for value, other in zip(frame["rate_per_1000"], frame[column], strict=True):
            text = tuple(s.replace("{other}", str(other)) for s in sentence)
            mistakes.append((float(value), text))  # type: ignore[arg-type]
    number = as_number(answer)
    hint = nearest(number, mistakes, ROUNDING) or RATE_HINT
    rel = max(0.002, ROUNDING / expected) if expected else 0.01
    return ex.compare_number(number, expected, lang=lang, rel=rel, hint=hint, **fields)


ZEROS_TOO: Say = (
    "Je telde ook de maanden met 0. Een 0 blijft zichtbaar: alleen 1 tot {top} wordt verborgen.",
    "Vous avez aussi compté les mois à 0. Un 0 reste visible : seuls 1 à {top} sont masqués.",
    "You counted the months with 0 too. A 0 stays visible: only 1 to {top} is hidden.",
)
VISIBLE: Say = (
    "Dat zijn de maanden die zichtbaar blijven. Gevraagd is hoeveel er verborgen worden.",
    "Ce sont les mois qui restent visibles. On demande combien sont masqués.",
    "Those are the months that stay visible. How many are hidden is asked.",
)
HIDDEN_HINT: Say = (
    "Tel in de tabel hierboven de maanden met een waarde van 1 tot {top}.",
    "Comptez dans le tableau ci-dessus les mois dont la valeur va de 1 à {top}.",
    "Count the months in the table above whose value is 1 to {top}.",
)


def check_hidden_months(
    answer: object,
    monthly: pd.DataFrame,
    *,
    nis_code: str,
    indicator_id: str,
    year: str,
    lang: str,
) -> Feedback:
    """Check how many months of ``year`` :func:`~socprev_kit.suppress` hides.

    ``monthly`` is the monthly :func:`~socprev_kit.indicator_table`. A list of the hidden
    periods is accepted too. Recognises counting the zeros too and counting the visible months.
    """
    from ...data import catalogue
    from ...evaluation import suppression as evaluation

    rows = monthly[
        (monthly["nis_code"].astype(str) == nis_code)
        & (monthly["indicator_id"] == indicator_id)
        & monthly["period"].astype(str).str.startswith(str(year))
    ]
    hidden = evaluation.suppress(rows)["suppressed"]
    info = catalogue.indicator_catalogue().set_index("indicator_id")
    fields = {"top": int(info.loc[indicator_id, "min_cell"]) - 1}
    if ex.is_unanswered(answer):
        return ex.not_answered(lang)
    zeros = set(rows.loc[rows["value"] == 0, "period"].astype(str))
    if isinstance(answer, list | tuple | set):
        typed = {str(a) for a in answer}
        if typed == set(rows.loc[hidden, "period"].astype(str)):
            return feedback(lang, [("ok", ex.RIGHT_NUMBER)], answer=len(typed))
        hint = ZEROS_TOO if typed & zeros else HIDDEN_HINT
        return feedback(lang, [("wrong", ex.WRONG_NUMBER), ("hint", hint)], answer=answer, **fields)
    mistakes = [
        (float(hidden.sum() + len(zeros)), ZEROS_TOO),
        (float(len(rows) - hidden.sum()), VISIBLE),
    ]
    return ex.compare_number(as_number(answer), float(hidden.sum()), lang=lang, rel=1e-9,
                             mistakes=mistakes, hint=HIDDEN_HINT, **fields)  # fmt: skip
