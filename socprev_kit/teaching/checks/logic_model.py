"""Checks of notebook 02 (logic model): choosing an indicator, and a yearly percentage.

>>> check_reach_indicator("O01", lang="nl").passed
True
>>> check_reach_indicator("P03", lang="fr").passed
False
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..answers import as_number
from ..exercise import Feedback, Say, compare_number, feedback, is_unanswered, not_answered

if TYPE_CHECKING:
    from ...validation.dataset import Dataset

__all__ = ["REACH_INDICATORS", "check_reach_indicator", "check_year_percentage"]

#: Output indicators that measure the reach of the target group (persons, not contacts).
REACH_INDICATORS = ("O01", "O02", "O03")

RIGHT_CODE: Say = (
    "Juist: {code} ({label}) telt de personen van de doelgroep die het project bereikt.",
    "Exact : {code} ({label}) compte les personnes du groupe cible que le projet atteint.",
    "Right: {code} ({label}) counts the people of the target group the project reaches.",
)
WRONG_CODE: Say = (
    "Nog niet juist: {code} ({label}) meet het bereik van de doelgroep niet.",
    "Pas encore exact : {code} ({label}) ne mesure pas la couverture du groupe cible.",
    "Not right yet: {code} ({label}) does not measure the reach of the target group.",
)
BY_TYPE: dict[str, Say] = {
    "process": (
        "Dat is een procesindicator: hij meet de inzet van het team, niet wie bereikt wordt. "
        "Kies in de lijst van outputindicatoren hierboven.",
        "C'est un indicateur de processus : il mesure les moyens de l'équipe, pas qui est atteint. "
        "Choisissez dans la liste des indicateurs de réalisation ci-dessus.",
        "That is a process indicator: it measures the team's effort, not who is reached. Choose "
        "from the list of output indicators above.",
    ),
    "impact": (
        "Dat is een impactindicator: hij meet het effect in de buurt, niet het bereik van het "
        "project. Kies een outputindicator.",
        "C'est un indicateur d'impact : il mesure l'effet dans le quartier, pas la couverture du "
        "projet. Choisissez un indicateur de réalisation.",
        "That is an impact indicator: it measures the effect in the neighbourhood, not the "
        "project's reach. Choose an output indicator.",
    ),
    "context": (
        "Dat is een contextindicator: het project mikt er niet zelf op.",
        "C'est un indicateur de contexte : le projet ne le vise pas lui-même.",
        "That is a context indicator: the project does not aim at it.",
    ),
}
CONTACTS: Say = (
    "Een outputindicator, maar hij telt geen personen: één persoon kan vele contacten of "
    "doorverwijzingen hebben. Zoek een indicator die *personen* telt.",
    "Un indicateur de réalisation, mais il ne compte pas des personnes : une personne peut avoir "
    "beaucoup de contacts ou d'orientations. Cherchez un indicateur qui compte des *personnes*.",
    "An output indicator, but it does not count people: one person can have many contacts or "
    "referrals. Look for an indicator that counts *people*.",
)
OTHER_OUTPUT: Say = (
    "Een outputindicator, maar over iets anders dan het bereik van de doelgroep. Lees de namen "
    "in de lijst hierboven nog eens.",
    "Un indicateur de réalisation, mais sur autre chose que la couverture du groupe cible. "
    "Relisez les noms de la liste ci-dessus.",
    "An output indicator, but about something else than reaching the target group. Read the "
    "names in the list above again.",
)
UNKNOWN_CODE: Say = (
    "{answer!r} staat niet in de catalogus. Typ een code uit de kolom `indicator_id` hierboven, "
    'tussen aanhalingstekens, bv. "O05" (met de nul).',
    "{answer!r} n'est pas dans le catalogue. Tapez un code de la colonne `indicator_id` "
    'ci-dessus, entre guillemets, p. ex. "O05" (avec le zéro).',
    "{answer!r} is not in the catalogue. Type a code from the `indicator_id` column above, "
    'between quotes, e.g. "O05" (with the zero).',
)


def check_reach_indicator(answer: object, *, lang: str) -> Feedback:
    """Check the indicator chosen for an objective about reaching the target group.

    Right: one of :data:`REACH_INDICATORS`. A process, impact or context indicator, an output
    indicator that counts contacts or referrals, and a code not in the catalogue each get a hint.
    """
    from ...data.catalogue import indicator_catalogue

    if is_unanswered(answer):
        return not_answered(lang)
    info = indicator_catalogue().set_index("indicator_id")
    code = str(answer).strip().upper() if isinstance(answer, str) else ""
    if code not in info.index:
        return feedback(lang, [("wrong", UNKNOWN_CODE)], answer=answer)
    fields = {"code": code, "label": info.loc[code, f"name_{lang}"]}
    if code in REACH_INDICATORS:
        return feedback(lang, [("ok", RIGHT_CODE)], **fields)
    kind = info.loc[code, "type"]
    hint = BY_TYPE.get(kind) or (CONTACTS if code[:3] in {"O04", "O05", "O06"} else OTHER_OUTPUT)
    return feedback(lang, [("wrong", WRONG_CODE), ("hint", hint)], **fields)


MEAN_OF_MONTHS: Say = (
    "Dat is het gemiddelde van de maandpercentages. Maar een maand met 7 doorverwijzingen telt "
    "dan even zwaar als een maand met 27. Tel eerst alle tellers op, dan alle noemers, en deel.",
    "C'est la moyenne des pourcentages mensuels. Mais un mois avec 7 orientations pèse alors "
    "autant qu'un mois avec 27. Additionnez d'abord tous les numérateurs, puis tous les "
    "dénominateurs, et divisez.",
    "That is the mean of the monthly percentages. A month with 7 referrals then weighs as much "
    "as one with 27. Add up all numerators, then all denominators, and divide.",
)
NOT_TIMES_100: Say = (
    "Bijna: je deelde goed, maar vergat × 100. Het antwoord is een percentage.",
    "Presque : la division est bonne, mais vous avez oublié × 100. La réponse est un pourcentage.",
    "Almost: the division is right, but you forgot × 100. The answer is a percentage.",
)
UPSIDE_DOWN: Say = (
    "Je deelde de noemer door de teller. De teller (`numerator`) staat boven de deelstreep.",
    "Vous avez divisé le dénominateur par le numérateur. Le numérateur (`numerator`) va "
    "au-dessus de la barre.",
    "You divided the denominator by the numerator. The numerator goes on top.",
)
SUM_OF_MONTHS: Say = (
    "Dat is de som van de maandpercentages. Percentages tel je niet op: tel tellers en noemers "
    "op, en deel.",
    "C'est la somme des pourcentages mensuels. Les pourcentages ne s'additionnent pas : "
    "additionnez numérateurs et dénominateurs, puis divisez.",
    "That is the sum of the monthly percentages. Percentages do not add up: add numerators and "
    "denominators, then divide.",
)
PERCENT_HINT: Say = (
    "Gebruik de maandcijfers van {year} in de tabel hierboven: tel de kolom `numerator` op, "
    "tel de kolom `denominator` op, en reken teller / noemer × 100.",
    "Utilisez les chiffres mensuels de {year} du tableau ci-dessus : additionnez la colonne "
    "`numerator`, puis la colonne `denominator`, et calculez numérateur / dénominateur × 100.",
    "Use the monthly figures of {year} in the table above: add up `numerator`, add up "
    "`denominator`, and compute numerator / denominator × 100.",
)


def check_year_percentage(
    answer: object, data: Dataset, *, project_id: str, indicator_id: str, year: str, lang: str
) -> Feedback:
    """Check a derived percentage over one ``year``: sum of numerators / sum of denominators.

    The monthly numerators and denominators come from ``data`` (its :func:`indicator_table`).
    Recognises the mean and the sum of the monthly percentages, a fraction without × 100 and
    the division upside down.
    """
    from ...indicators import table as indicators

    table = indicators.indicator_table(data, freq="month")
    rows = table[
        (table["project_id"] == project_id)
        & (table["indicator_id"] == indicator_id)
        & table["period"].astype(str).str.startswith(str(year))
    ]
    num, den = rows["numerator"].sum(), rows["denominator"].sum()
    expected = 100 * num / den
    mistakes = [
        (rows["value"].mean(), MEAN_OF_MONTHS),
        (num / den, NOT_TIMES_100),
        (100 * den / num if num else float("nan"), UPSIDE_DOWN),
        (rows["value"].sum(), SUM_OF_MONTHS),
    ]
    return compare_number(
        as_number(answer), expected, lang=lang, mistakes=mistakes, hint=PERCENT_HINT, year=year
    )
