"""Checks of notebook 06 (interrupted time series): read a level change, pick an estimate.

Both checks take the fitted :class:`~socprev_kit.evaluation.its.ITSResult` objects the notebook made
and compute the right answer from them (never a typed-in value), so they work on a trainer's own
data.

>>> import pandas as pd
>>> from socprev_kit.evaluation.its import ITSResult
>>> effects = pd.DataFrame({"term": ["trend", "level"], "rate_ratio": [0.99, 0.8],
...                         "ci_low": [0.98, 0.7], "ci_high": [1.0, 0.9], "p_value": [0.1, 0.0]})
>>> result = ITSResult(effects=effects, fitted=pd.DataFrame())
>>> check_level_change(0.8, True, result, lang="nl").passed
True
>>> check_level_change(-20, True, result, lang="en").lines[1][1][:20]
'Give the rate ratio '
"""

from __future__ import annotations

import math

import numpy as np

from ...evaluation.its import ITSResult
from ..exercise import Feedback, Say, compare_number, feedback, is_unanswered, not_answered

__all__ = ["check_level_change", "check_trust"]

PERCENT: Say = (
    "Dat is een percentage. Geef de rate ratio uit de kolom `rate_ratio` van de rij `level`, "
    "bv. 0.80 voor 20 % lager.",
    "C'est un pourcentage. Donnez le rapport de taux de la colonne `rate_ratio` de la ligne "
    "`level`, p. ex. 0.80 pour 20 % de moins.",
    "Give the rate ratio from column `rate_ratio` of row `level`, not a percentage "
    "(0.80 for 20% lower).",
)
DROP: Say = (
    "Dat is de daling (1 min de rate ratio). Geef de rate ratio zelf: de kolom `rate_ratio`.",
    "C'est la baisse (1 moins le rapport de taux). Donnez le rapport lui-même : la colonne "
    "`rate_ratio`.",
    "That is the drop (1 minus the rate ratio). Give the rate ratio itself: column `rate_ratio`.",
)
TREND: Say = (
    "Dat is de rij `trend`: de verandering per maand, al vóór de start. De niveauverandering "
    "staat in de rij `level`.",
    "C'est la ligne `trend` : l'évolution par mois, déjà avant le démarrage. Le changement de "
    "niveau est dans la ligne `level`.",
    "That is row `trend`: the change per month, already before the start. The level change is "
    "row `level`.",
)
BOUND: Say = (
    "Dat is een grens van het 95%-interval (`ci_low` of `ci_high`). De schatting zelf staat in "
    "de kolom `rate_ratio`.",
    "C'est une borne de l'intervalle à 95 % (`ci_low` ou `ci_high`). L'estimation elle-même est "
    "dans la colonne `rate_ratio`.",
    "That is a bound of the 95% interval (`ci_low` or `ci_high`); the estimate is `rate_ratio`.",
)
P_VALUE: Say = (
    "Dat is de p-waarde (`p_value`). Geef de rate ratio van de rij `level`.",
    "C'est la valeur p (`p_value`). Donnez le rapport de taux de la ligne `level`.",
    "That is the p-value (`p_value`). Give the rate ratio of row `level`.",
)
OTHER_LEVEL: Say = (
    "Kijk in de tabel van de tijdreeks zonder vergelijking, rij `level`, kolom `rate_ratio`.",
    "Regardez le tableau de la série sans comparaison, ligne `level`, colonne `rate_ratio`.",
    "Look at the table of the series without comparison, row `level`, column `rate_ratio`.",
)
NOT_BOOL: Say = (
    "Typ voor de tweede vraag True (aangetoond) of False (niet aangetoond), zonder "
    "aanhalingstekens; je typte {shown!r}.",
    "Pour la deuxième question, tapez True (démontré) ou False (pas démontré), sans guillemets ; "
    "vous avez tapé {shown!r}.",
    "For the second question type True (shown) or False (not shown), without quotes; you typed "
    "{shown!r}.",
)
SHOWN_RIGHT: Say = (
    "Juist: het interval loopt van {low} tot {high}; {verdict_nl}",
    "Exact : l'intervalle va de {low} à {high} ; {verdict_fr}",
    "Right: the interval runs from {low} to {high}; {verdict_en}",
)
SHOWN_WRONG: Say = (
    "Nog niet juist: het interval loopt van {low} tot {high}; {verdict_nl}",
    "Pas encore exact : l'intervalle va de {low} à {high} ; {verdict_fr}",
    "Not right yet: the interval runs from {low} to {high}; {verdict_en}",
)
EXCLUDES_ONE: Say = (
    "1 (geen verandering) ligt er niet in, dus toeval alleen verklaart de daling slecht: een "
    "verandering is aangetoond.",
    "1 (aucun changement) n'y est pas : le hasard seul explique mal la baisse, un changement est "
    "démontré.",
    "1 (no change) is not in it, so chance alone hardly explains the change: a change is shown.",
)
INCLUDES_ONE: Say = (
    "1 (geen verandering) ligt erin, dus de verandering kan toeval zijn: niet aangetoond.",
    "1 (aucun changement) y est : le changement peut être dû au hasard, il n'est pas démontré.",
    "1 (no change) is in it, so the change may be chance: not shown.",
)


def _row(result: ITSResult, term: str) -> dict[str, float]:
    """The effects row ``term`` as floats (NaN when the model has no such term)."""
    effects = result.effects.set_index("term")
    if term not in effects.index:
        return {c: math.nan for c in ("rate_ratio", "ci_low", "ci_high", "p_value")}
    return {c: float(effects.at[term, c]) for c in ("rate_ratio", "ci_low", "ci_high", "p_value")}


def _excludes_one(row: dict[str, float]) -> bool:
    return not row["ci_low"] <= 1.0 <= row["ci_high"]


def _shown_lines(shown: object, level: dict[str, float], lang: str) -> Feedback:
    """The True/False part of :func:`check_level_change`."""
    if is_unanswered(shown):
        return not_answered(lang)
    fields = {"shown": shown, "low": f"{level['ci_low']:.2f}", "high": f"{level['ci_high']:.2f}"}
    if not isinstance(shown, bool | np.bool_):
        return feedback(lang, [("wrong", NOT_BOOL)], **fields)
    expected = _excludes_one(level)
    verdict = EXCLUDES_ONE if expected else INCLUDES_ONE
    fields.update(verdict_nl=verdict[0], verdict_fr=verdict[1], verdict_en=verdict[2])
    mark, sentence = ("ok", SHOWN_RIGHT) if bool(shown) == expected else ("wrong", SHOWN_WRONG)
    return feedback(lang, [(mark, sentence)], **fields)


def check_level_change(
    level_change: object, shown: object, result: ITSResult, *, lang: str = "nl"
) -> Feedback:
    """Exercise 1 of notebook 06: the level change (a rate ratio) and whether it is shown.

    Parameters
    ----------
    level_change
        The participant's rate ratio of the ``level`` row (``...`` while not answered).
    shown
        True when the 95 % interval of the level change does not include 1.
    result
        The interrupted time series the question is about (without a comparison).
    lang
        ``"nl"``, ``"fr"`` or ``"en"``.
    """
    if is_unanswered(level_change) and is_unanswered(shown):
        return not_answered(lang)
    level, trend = _row(result, "level"), _row(result, "trend")
    rr = level["rate_ratio"]
    mistakes = [
        (100 * (rr - 1), PERCENT),
        (100 * (1 - rr), PERCENT),
        (1 - rr, DROP),
        (trend["rate_ratio"], TREND),
        (level["ci_low"], BOUND),
        (level["ci_high"], BOUND),
        (round(level["p_value"], 3), P_VALUE),  # as the rounded table shows it
    ]
    known = [(v, s) for v, s in mistakes if math.isfinite(v)]
    first = compare_number(level_change, rr, lang=lang, rel=0.01, mistakes=known, hint=OTHER_LEVEL)
    return Feedback(lang, first.lines + _shown_lines(shown, level, lang).lines)


# ---------------------------------------------------------------------------------------------
# Exercise 2: which estimate to trust

#: The reasons offered in the notebook: 1 narrower interval, 2 bigger drop, 3 shared change.
REASONS = (1, 2, 3)
SHARED = 3

NOT_A_LETTER: Say = (
    'Typ de letter "A" of "B" (tussen aanhalingstekens), niet {choice!r}.',
    'Tapez la lettre "A" ou "B" (entre guillemets), pas {choice!r}.',
    'Type the letter "A" or "B" (in quotes), not {choice!r}.',
)
A_NUMBER: Say = (
    'Je typte een schatting ({choice!r}). Kies de letter van de schatting: "A" of "B".',
    'Vous avez tapé une estimation ({choice!r}). Choisissez la lettre de l\'estimation : "A" '
    'ou "B".',
    'You typed an estimate ({choice!r}). Choose the letter of the estimate: "A" or "B".',
)
CHOICE_RIGHT: Say = (
    "Juist: B, de schatting met de vergelijkingsgemeente ({b}).",
    "Exact : B, l'estimation avec la commune de comparaison ({b}).",
    "Right: B, the estimate with the comparison municipality ({b}).",
)
CHOICE_WRONG: Say = (
    "Nog niet juist: A ({a}) rekent ook de daling mee die de vergelijkingsgemeente op hetzelfde "
    "moment had (rij `control_level` van B: {control}). Die daling had niets met het project te "
    "maken.",
    "Pas encore exact : A ({a}) compte aussi la baisse que la commune de comparaison a connue au "
    "même moment (ligne `control_level` de B : {control}). Cette baisse n'a rien à voir avec le "
    "projet.",
    "Not right yet: A ({a}) also counts the drop the comparison municipality had at the same "
    "moment (row `control_level` of B: {control}), which had nothing to do with the project.",
)
BOTH_FINE: Say = (
    "Beide kunnen: de vergelijkingsgemeente veranderde niet bij de start ({control}), dus A en B "
    "zeggen ongeveer hetzelfde; B is minder precies maar beschermt tegen gedeelde schokken.",
    "Les deux se défendent : la commune de comparaison n'a pas changé au démarrage ({control}), "
    "A et B disent à peu près la même chose ; B est moins précise mais protège des chocs "
    "communs.",
    "Both will do: the comparison did not change at the start ({control}), so A and B roughly "
    "agree; B is less precise but guards against shared shocks.",
)
NOT_A_REASON: Say = (
    "Kies als reden 1, 2 of 3 (een getal), niet {reason!r}.",
    "Choisissez comme raison 1, 2 ou 3 (un nombre), pas {reason!r}.",
    "Choose reason 1, 2 or 3 (a number), not {reason!r}.",
)
REASON_RIGHT: Say = (
    "Juist: reden 3. Wat in beide gemeenten tegelijk gebeurt, is geen effect van het project.",
    "Exact : raison 3. Ce qui arrive en même temps dans les deux communes n'est pas un effet du "
    "projet.",
    "Right: reason 3. What happens in both municipalities at once is no effect of the project.",
)
REASON_NARROW: Say = (
    "Reden 1 klopt niet: een smaller interval is preciezer, maar niet juister. A is precies fout: "
    "het model ziet de gedeelde daling niet.",
    "La raison 1 ne tient pas : un intervalle plus étroit est plus précis, pas plus juste. A est "
    "précisément faux : le modèle ne voit pas la baisse commune.",
    "Reason 1 does not hold: a narrower interval is more precise, not more right; A is precisely "
    "wrong, as the model cannot see the shared drop.",
)
REASON_BIGGER: Say = (
    "Reden 2 klopt niet: de grootste daling is niet de beste schatting. Je zoekt de juiste, ook "
    "als ze het project minder eer geeft.",
    "La raison 2 ne tient pas : la plus forte baisse n'est pas la meilleure estimation. On "
    "cherche la juste, même si elle donne moins de mérite au projet.",
    "Reason 2 does not hold: the biggest drop is not the best estimate; you want the right one, "
    "even if it gives the project less credit.",
)
REASON_NO_SHARED: Say = (
    "Reden 3 past hier niet: de vergelijkingsgemeente veranderde niet bij de start ({control}).",
    "La raison 3 ne s'applique pas ici : la commune de comparaison n'a pas changé au démarrage "
    "({control}).",
    "Reason 3 does not apply here: the comparison did not change at the start ({control}).",
)


def _letter(choice: object) -> str | None:
    """``"A"`` or ``"B"`` from what was typed (any case, spaces), else None."""
    if isinstance(choice, str) and choice.strip().upper() in ("A", "B"):
        return choice.strip().upper()
    return None


def _choice_line(choice: object, shared: bool, fields: dict) -> tuple[str, Say]:
    letter = _letter(choice)
    if letter is None:
        number = isinstance(choice, int | float) and not isinstance(choice, bool)
        return ("wrong", A_NUMBER if number else NOT_A_LETTER)
    if not shared:
        return ("ok", BOTH_FINE)
    return ("ok", CHOICE_RIGHT) if letter == "B" else ("wrong", CHOICE_WRONG)


def _reason_line(reason: object, shared: bool) -> tuple[str, Say]:
    if isinstance(reason, bool) or not isinstance(reason, int | float) or reason not in REASONS:
        return ("wrong", NOT_A_REASON)
    if reason == SHARED:
        return ("ok", REASON_RIGHT) if shared else ("wrong", REASON_NO_SHARED)
    return ("wrong", REASON_NARROW if reason == 1 else REASON_BIGGER)


def check_trust(
    choice: object,
    reason: object,
    without: ITSResult,
    with_comparison: ITSResult,
    *,
    lang: str = "nl",
) -> Feedback:
    """Exercise 2 of notebook 06: which of two estimates to trust (``"A"`` or ``"B"``) and why.

    Parameters
    ----------
    choice
        ``"A"`` (``without``) or ``"B"`` (``with_comparison``).
    reason
        1 (narrower interval), 2 (bigger drop) or 3 (the comparison changed at the same moment).
    without, with_comparison
        The same series without and with a comparison municipality. When the comparison itself
        changed at the start (the interval of ``control_level`` excludes 1), B and reason 3 are
        right; when it did not, either estimate will do and reason 3 does not apply.
    lang
        ``"nl"``, ``"fr"`` or ``"en"``.
    """
    if is_unanswered(choice) and is_unanswered(reason):
        return not_answered(lang)
    control = _row(with_comparison, "control_level")
    shared = math.isfinite(control["ci_low"]) and _excludes_one(control)
    fields = {
        "choice": choice,
        "reason": reason,
        "a": f"{_row(without, 'level')['rate_ratio']:.2f}",
        "b": f"{_row(with_comparison, 'level')['rate_ratio']:.2f}",
        "control": f"{control['rate_ratio']:.2f}",
    }
    lines = [] if is_unanswered(choice) else [_choice_line(choice, shared, fields)]
    lines += [] if is_unanswered(reason) else [_reason_line(reason, shared)]
    todo = not_answered(lang).lines if is_unanswered(choice) or is_unanswered(reason) else ()
    return Feedback(lang, feedback(lang, lines, **fields).lines + tuple(todo))
