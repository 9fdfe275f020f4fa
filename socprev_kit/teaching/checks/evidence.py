"""Checks of notebook 08 (how strong is a finding): predict the falsification checks, name the
check that sees a step before the start, read an effort indicator and choose a sentence for a
mayor.

The checks read the right answer from the results the notebook computed (the
:class:`~socprev_kit.evaluation.evidence.falsification.Falsification` and the fits), never from a
typed-in value, and say why in the participant's language, numbers in its format.

>>> import pandas as pd
>>> from socprev_kit.evaluation.evidence.falsification import Falsification
>>> table = pd.DataFrame({"check": ["placebo_time", "placebo_space", "leave_one_out",
...     "non_target"], "status": ["pass", "pass", "not_run", "pass"],
...     "reason": ["placebos_smaller", "real_among_largest", "uncontrolled",
...     "non_target_unchanged"], "statistic": [0.0, 0.04, float("nan"), 0.7],
...     "threshold": [0.1, 0.05, float("nan"), 0.05], "n": [8, 24, 0, 1], "skipped": 0,
...     "rank": [float("nan"), 1.0, float("nan"), float("nan")],
...     "rate_ratio": [float("nan"), float("nan"), float("nan"), 0.9], "detail": ""})
>>> checks = Falsification(table=table)
>>> check_prediction("pass", "pass", "not_run", checks, lang="nl").passed
True
>>> check_prediction("pass", "pass", "pass", checks, lang="en").lines[-1][1][:33]
'A check that could not run is no '
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...common.formatting import format_percent
from ...evaluation.evidence.falsification_sentences import falsification_table
from ..exercise import Feedback, Say, feedback, is_unanswered, not_answered

if TYPE_CHECKING:
    from ...evaluation.evidence.falsification import Falsification
    from ...evaluation.its import ITSResult

__all__ = ["check_mayor_sentence", "check_prediction", "check_step"]

#: What a participant may type for each status (lower case, spaces trimmed).
STATUS_WORDS = {
    "pass": {"pass", "passed", "geslaagd", "réussi", "reussi", "ok"},
    "fail": {"fail", "failed", "niet geslaagd", "gefaald", "échoué", "echoue", "échec"},
    "not_run": {"not run", "niet uitgevoerd", "pas effectué", "pas effectue", "niet gelopen"},
}  # fmt: skip
STATUS_NAMES: dict[str, Say] = {
    "pass": ('"pass" (geslaagd)', '"pass" (réussi)', '"pass"'),
    "fail": ('"fail" (niet geslaagd)', '"fail" (échoué)', '"fail"'),
    "not_run": ('"not_run" (niet uitgevoerd)', '"not_run" (pas effectué)', '"not_run"'),
}
LANG_INDEX = {"nl": 0, "fr": 1, "en": 2}

NOT_A_STATUS: Say = (
    '{check}: typ "pass", "fail" of "not_run" (tussen aanhalingstekens), niet {answer!r}.',
    '{check} : tapez "pass", "fail" ou "not_run" (entre guillemets), pas {answer!r}.',
    '{check}: type "pass", "fail" or "not_run" (in quotes), not {answer!r}.',
)
STATUS_RIGHT: Say = ("{check}: juist, {status}.", "{check} : exact, {status}.",
                     "{check}: right, {status}.")  # fmt: skip
STATUS_WRONG: Say = (
    "{check}: niet {answer}, maar {status}.",
    "{check} : pas {answer}, mais {status}.",
    "{check}: not {answer} but {status}.",
)
NOT_RUN_IS_NOT_PASS: Say = (
    "Een controle die niet kon lopen, is niet geslaagd: ze zegt niets. Deze tijdreeks heeft geen "
    "vergelijkingsgemeenten, dus er valt er geen weg te laten.",
    "Un contrôle qui n'a pas pu être fait n'est pas réussi : il ne dit rien. Cette série n'a pas "
    "de communes de comparaison, il n'y en a donc aucune à retirer.",
    "A check that could not run is no pass: it says nothing. This series has no comparison "
    "municipalities, so there is none to leave out.",
)
IT_RAN: Say = (
    "Deze controle kon wel lopen: er zijn genoeg maanden vóór de start en genoeg gemeenten "
    "zonder project. Wat ze vond: {meaning}",
    "Ce contrôle a bien pu être fait : il y a assez de mois avant le début et assez de communes "
    "sans projet. Ce qu'il a trouvé : {meaning}",
    "This check could run: there are enough months before the start and enough municipalities "
    "without a project. What it found: {meaning}",
)
FOUND: Say = ("Wat ze vond: {meaning}", "Ce qu'il a trouvé : {meaning}", "What it found: {meaning}")


def _status(answer: object) -> str | None:
    """``"pass"``, ``"fail"``, ``"not_run"`` for what was typed (``not_run`` or ``not run``,
    any case), else None."""
    if not isinstance(answer, str):
        return None
    text = " ".join(answer.strip().lower().replace("_", " ").split())
    return next((key for key, words in STATUS_WORDS.items() if text in words), None)


def _status_lines(check: str, answer: object, row, lang: str) -> list[tuple[str, str]]:
    """The lines of one predicted check: right, or wrong with the hint of the mistake."""
    i = LANG_INDEX[lang]
    fields = {"check": row["name"], "answer": answer, "status": STATUS_NAMES[row["status"]][i]}
    guess = _status(answer)
    if guess is None:
        return list(feedback(lang, [("wrong", NOT_A_STATUS)], **fields).lines)
    if guess == row["status"]:
        return list(feedback(lang, [("ok", STATUS_RIGHT)], **fields).lines)
    fields["answer"] = STATUS_NAMES[guess][i]
    if row["status"] == "not_run" and check == "leave_one_out":
        hint = NOT_RUN_IS_NOT_PASS
    elif guess == "not_run":
        hint = IT_RAN
    else:
        hint = FOUND
    lines = [("wrong", STATUS_WRONG), ("hint", hint)]
    return list(feedback(lang, lines, meaning=row["meaning"], **fields).lines)


def _rows(checks: Falsification, lang: str) -> dict[str, dict]:
    """check -> name, status, meaning (the sentence of the checks table) in ``lang``."""
    shown = falsification_table(checks, lang)
    name_col, _, meaning_col = shown.columns
    return {
        check: {"name": shown.at[i, name_col], "status": status,
                "meaning": shown.at[i, meaning_col]}
        for i, (check, status) in enumerate(zip(checks.table["check"], checks.table["status"],
                                                strict=True))
    }  # fmt: skip


def check_prediction(
    placebo_time: object,
    placebo_space: object,
    leave_one_out: object,
    checks: Falsification,
    *,
    lang: str = "nl",
) -> Feedback:
    """Exercise 1 of notebook 08: the predicted result of three falsification checks.

    Parameters
    ----------
    placebo_time, placebo_space, leave_one_out
        ``"pass"``, ``"fail"`` or ``"not_run"`` (or the Dutch or French word).
    checks
        The checks the notebook ran (the right answers come from their table).
    lang
        ``"nl"``, ``"fr"`` or ``"en"``.
    """
    answers = {"placebo_time": placebo_time, "placebo_space": placebo_space,
               "leave_one_out": leave_one_out}  # fmt: skip
    if all(is_unanswered(a) for a in answers.values()):
        return not_answered(lang)
    rows, lines = _rows(checks, lang), []
    for check, answer in answers.items():
        if is_unanswered(answer):
            lines += list(not_answered(lang).lines)
        else:
            lines += _status_lines(check, answer, rows[check], lang)
    return Feedback(lang, tuple(lines))


# ---------------------------------------------------------------------------------------------
# Exercise 2: the check that sees a step before the start

CHECK_NAMES = ("placebo_time", "placebo_space", "leave_one_out", "non_target")

NOT_A_CHECK: Say = (
    'Typ de naam van een controle, tussen aanhalingstekens: "placebo_time", "placebo_space", '
    '"leave_one_out" of "non_target"; niet {answer!r}.',
    'Tapez le nom d\'un contrôle, entre guillemets : "placebo_time", "placebo_space", '
    '"leave_one_out" ou "non_target" ; pas {answer!r}.',
    'Type the name of a check, in quotes: "placebo_time", "placebo_space", "leave_one_out" or '
    '"non_target"; not {answer!r}.',
)
STEP_RIGHT: Say = (
    "Juist: de valse startdatums. {meaning}",
    "Exact : les fausses dates de début. {meaning}",
    "Right: the fake start dates. {meaning}",
)
STEP_MISSED: Say = (
    "Dat is de controle die naar de maanden vóór de start kijkt, maar op deze reeks faalde ze "
    "niet: {meaning} Een kleine sprong kan ze missen.",
    "C'est le contrôle qui regarde les mois d'avant le début, mais sur cette série il n'a pas "
    "échoué : {meaning} Un petit saut peut lui échapper.",
    "That is the check that looks at the months before the start, but on this series it did "
    "not fail: {meaning} A small step can escape it.",
)
STEP_WRONG: Say = ("Nog niet juist: {answer!r}.", "Pas encore exact : {answer!r}.",
                   "Not right yet: {answer!r}.")  # fmt: skip
SPACE_HINT: Say = (
    "Die controle vergelijkt de verandering op de echte startdatum met die van gemeenten zonder "
    "project ({status}); naar juli 2023 kijkt ze niet. Welke controle zoekt in de maanden vóór "
    "de start?",
    "Ce contrôle compare le changement à la vraie date de début avec celui de communes sans "
    "projet ({status}) ; il ne regarde pas juillet 2023. Quel contrôle cherche dans les mois "
    "d'avant le début ?",
    "That check compares the change at the real start date with that of municipalities without "
    "a project ({status}); it does not look at July 2023. Which check searches the months "
    "before the start?",
)
LOO_HINT: Say = (
    "Die kan hier niet lopen: de reeks heeft geen vergelijkingsgemeenten om weg te laten.",
    "Celui-là ne peut pas être fait ici : la série n'a pas de communes de comparaison à retirer.",
    "That one cannot run here: the series has no comparison municipalities to leave out.",
)
NON_TARGET_HINT: Say = (
    "Die kijkt naar een andere indicator (verkeersongevallen); de sprong zit alleen in de "
    "meldingen. Welke controle zoekt in de maanden vóór de start?",
    "Celui-là regarde un autre indicateur (les accidents de la route) ; le saut n'est que dans "
    "les plaintes. Quel contrôle cherche dans les mois d'avant le début ?",
    "That one looks at another indicator (traffic accidents); the step is in the complaints "
    "only. Which check searches the months before the start?",
)


def check_step(answer: object, checks: Falsification, *, lang: str = "nl") -> Feedback:
    """Exercise 2 of notebook 08: the check that sees a step in the months before the start.

    The answer is ``"placebo_time"`` (the fake start dates); it is marked right when that check
    failed on the series, else the feedback says that it missed the step (never claiming it
    found what it did not).
    """
    if is_unanswered(answer):
        return not_answered(lang)
    rows = _rows(checks, lang)
    text = answer.strip().lower() if isinstance(answer, str) else None
    if text not in CHECK_NAMES:
        return feedback(lang, [("wrong", NOT_A_CHECK)], answer=answer)
    time = rows["placebo_time"]
    if text == "placebo_time":
        right = time["status"] == "fail"
        return feedback(lang, [("ok" if right else "wrong", STEP_RIGHT if right else STEP_MISSED)],
                        meaning=time["meaning"])  # fmt: skip
    hint = {"placebo_space": SPACE_HINT, "leave_one_out": LOO_HINT}.get(text, NON_TARGET_HINT)
    status = STATUS_NAMES[rows["placebo_space"]["status"]][LANG_INDEX[lang]]
    return feedback(lang, [("wrong", STEP_WRONG), ("hint", hint)], answer=answer, status=status)


# ---------------------------------------------------------------------------------------------
# Exercise 3: an effort indicator, and the sentence for the mayor

#: The readings of a rise of C01 offered: 1 the problem grew, 2 the project backfired,
#: 3 more controls register more (the right one).
EFFORT_READING = 3
#: The sentences for the mayor offered; B is the one that says no more than the analysis.
MAYOR = "B"

NOT_A_READING: Say = (
    "Kies voor de eerste vraag 1, 2 of 3 (een getal), niet {answer!r}.",
    "Pour la première question, choisissez 1, 2 ou 3 (un nombre), pas {answer!r}.",
    "For the first question choose 1, 2 or 3 (a number), not {answer!r}.",
)
READING_RIGHT: Say = (
    "Juist: 3. C01 telt wat de politie vaststelt ({c01}); meer controles registreren meer. Of het "
    "probleem kleiner werd, zeggen de meldingen van bewoners ({i02}).",
    "Exact : 3. C01 compte ce que la police constate ({c01}) ; plus de contrôles enregistrent "
    "plus. Si le problème a diminué, ce sont les plaintes des habitants qui le disent ({i02}).",
    "Right: 3. C01 counts what the police record ({c01}); more controls register more. Whether "
    "the problem shrank is what the residents' complaints say ({i02}).",
)
READING_GREW: Say = (
    "Nog niet juist: C01 telt vastgestelde drugsdelicten. Meer controles vinden er meer, ook als "
    "het probleem gelijk blijft of daalt; de meldingen van bewoners daalden ({i02}).",
    "Pas encore exact : C01 compte les infractions constatées. Plus de contrôles en trouvent "
    "plus, même si le problème reste égal ou baisse ; les plaintes des habitants ont baissé "
    "({i02}).",
    "Not right yet: C01 counts recorded drug offences. More controls find more, even when the "
    "problem stays the same or falls; the residents' complaints fell ({i02}).",
)
READING_BACKFIRED: Say = (
    "Nog niet juist: een stijging van C01 is geen teken dat het project averechts werkt. Het "
    "project liet de politie meer controleren, dus registreert ze meer ({c01}).",
    "Pas encore exact : une hausse de C01 n'indique pas que le projet a eu l'effet inverse. Le "
    "projet a fait contrôler davantage la police, elle enregistre donc plus ({c01}).",
    "Not right yet: a rise of C01 is no sign that the project backfired. The project made the "
    "police check more, so it registers more ({c01}).",
)
NOT_A_LETTER: Say = (
    'Kies voor de tweede vraag de letter "A", "B", "C" of "D" (tussen aanhalingstekens), niet '
    "{answer!r}.",
    'Pour la deuxième question, choisissez la lettre "A", "B", "C" ou "D" (entre guillemets), '
    "pas {answer!r}.",
    'For the second question choose the letter "A", "B", "C" or "D" (in quotes), not {answer!r}.',
)
MAYOR_RIGHT: Say = (
    "Juist: B zegt wat de analyse toont (minder meldingen dan verwacht, met het interval), wat de "
    "controles vonden, en wat ze niet bewijst.",
    "Exact : B dit ce que l'analyse montre (moins de plaintes que prévu, avec l'intervalle), ce "
    "que les contrôles ont trouvé, et ce qu'elle ne prouve pas.",
    "Right: B says what the analysis shows (fewer complaints than expected, with the interval), "
    "what the checks found, and what it does not prove.",
)
MAYOR_HINTS: dict[str, Say] = {
    "A": (
        "Nog niet juist: A zegt dat het project de daling veroorzaakte. De analyse toont een "
        "daling bij de start; de controles maken een effect aannemelijker, maar bewijzen het niet.",
        "Pas encore exact : A dit que le projet a causé la baisse. L'analyse montre une baisse au "
        "début ; les contrôles rendent un effet plus plausible, sans le prouver.",
        "Not right yet: A says the project caused the fall. The analysis shows a fall at the "
        "start; the checks make an effect more plausible, they do not prove it.",
    ),
    "C": (
        "Nog niet juist: C leest de drugsdelicten (C01) als de omvang van het probleem. Ze "
        "stegen omdat de politie meer controleerde.",
        "Pas encore exact : C lit les infractions (C01) comme l'ampleur du problème. Elles ont "
        "augmenté parce que la police a contrôlé davantage.",
        "Not right yet: C reads the drug offences (C01) as the size of the problem. They rose "
        "because the police checked more.",
    ),
    "D": (
        "Nog niet juist: niveau 2 zegt hoe sterk de opzet is, niet dat er geen effect is. Een "
        "zwakke opzet kan een effect niet uitsluiten en niet bewijzen.",
        "Pas encore exact : le niveau 2 dit la force du plan d'évaluation, pas qu'il n'y a pas "
        "d'effet. Un plan faible ne peut ni exclure ni prouver un effet.",
        "Not right yet: level 2 says how strong the design is, not that there is no effect. A "
        "weak design can neither rule out nor prove an effect.",
    ),
}


def _change(result: ITSResult, lang: str) -> str:
    rr = float(result.effects.set_index("term").at["level", "rate_ratio"])
    return format_percent(100 * (rr - 1), lang, signed=True, decimals=0)


def _reading_line(answer: object) -> tuple[str, Say]:
    if isinstance(answer, bool) or answer not in (1, 2, 3):
        return ("wrong", NOT_A_READING)
    if answer == EFFORT_READING:
        return ("ok", READING_RIGHT)
    return ("wrong", READING_GREW if answer == 1 else READING_BACKFIRED)


def _mayor_line(answer: object) -> tuple[str, Say]:
    letter = answer.strip().upper() if isinstance(answer, str) else None
    if letter not in ("A", "B", "C", "D"):
        return ("wrong", NOT_A_LETTER)
    return ("ok", MAYOR_RIGHT) if letter == MAYOR else ("wrong", MAYOR_HINTS[letter])


def check_mayor_sentence(
    reading: object,
    sentence: object,
    complaints: ITSResult,
    offences: ITSResult,
    *,
    lang: str = "nl",
) -> Feedback:
    """Exercise 3 of notebook 08: how to read a rise of an effort indicator (1, 2 or 3) and the
    sentence for the mayor (``"A"`` to ``"D"``).

    Parameters
    ----------
    reading, sentence
        The participant's answers (``...`` while not answered).
    complaints, offences
        The fits of the residents' complaints (I02) and of the registered drug offences (C01),
        whose level changes the feedback quotes in the language's format.
    lang
        ``"nl"``, ``"fr"`` or ``"en"``.
    """
    if is_unanswered(reading) and is_unanswered(sentence):
        return not_answered(lang)
    fields = {"i02": _change(complaints, lang), "c01": _change(offences, lang)}
    lines = []
    for answer, line in ((reading, _reading_line), (sentence, _mayor_line)):
        if is_unanswered(answer):
            lines += list(not_answered(lang).lines)
        else:
            lines += list(feedback(lang, [line(answer)], answer=answer, **fields).lines)
    return Feedback(lang, tuple(lines))
