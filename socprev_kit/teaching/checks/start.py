"""Checks of notebook 01 (getting started): finding a municipality's NIS code.

>>> check_nis_code("71072", "Hasselt", lang="nl").passed
True
>>> check_nis_code("71022", "Hasselt", lang="nl").passed
False
"""

from __future__ import annotations

from ..exercise import Feedback, Say, feedback, is_unanswered, not_answered

__all__ = ["check_nis_code"]

RIGHT: Say = (
    "Juist: {name} heeft NIS-code {code}.",
    "Exact : le code INS de {name} est {code}.",
    "Right: {name} has NIS code {code}.",
)
WRONG: Say = (
    "Nog niet juist: {answer!r} is niet de NIS-code van {name}.",
    "Pas encore exact : {answer!r} n'est pas le code INS de {name}.",
    "Not right yet: {answer!r} is not the NIS code of {name}.",
)
AS_NUMBER: Say = (
    'Tip: typ een code tussen aanhalingstekens, "{code}": het is een code, geen getal om mee '
    "te rekenen.",
    'Conseil : tapez un code entre guillemets, "{code}" : c\'est un code, pas un nombre pour '
    "calculer.",
    'Tip: type a code between quotes, "{code}": it is a code, not a number to compute with.',
)
OLD_CODE: Say = (
    "Dat is een oude NIS-code, van vóór de fusie van 2025. Sindsdien hoort ze bij {name}, met "
    "een nieuwe code: kijk naar `nis_code` in de uitkomst van `sk.find_municipality`.",
    "C'est un ancien code INS, d'avant la fusion de 2025. Depuis, il fait partie de {name}, qui "
    "a un nouveau code : regardez `nis_code` dans le résultat de `sk.find_municipality`.",
    "That is an old NIS code, from before the 2025 merger. It is now part of {name}, which has "
    "a new code: look at `nis_code` in the result of `sk.find_municipality`.",
)
POSTCODE: Say = (
    "Dat lijkt op een postcode (4 cijfers). Een NIS-code heeft 5 cijfers: zoek ze op met "
    '`sk.find_municipality("{name}")`.',
    "Cela ressemble à un code postal (4 chiffres). Un code INS a 5 chiffres : cherchez-le avec "
    '`sk.find_municipality("{name}")`.',
    "That looks like a postal code (4 digits). A NIS code has 5 digits: look it up with "
    '`sk.find_municipality("{name}")`.',
)
OTHER_PLACE: Say = (
    "Dat is de NIS-code van {other}, niet van {name}.",
    "C'est le code INS de {other}, pas celui de {name}.",
    "That is the NIS code of {other}, not of {name}.",
)
THE_NAME: Say = (
    'Je typte een naam. Gevraagd is de code: voer `sk.find_municipality("{name}")` uit en neem '
    "de waarde naast `nis_code`.",
    'Vous avez tapé un nom. On demande le code : exécutez `sk.find_municipality("{name}")` et '
    "reprenez la valeur à côté de `nis_code`.",
    'You typed a name. The code is asked: run `sk.find_municipality("{name}")` and take the '
    "value next to `nis_code`.",
)
WHOLE_ROW: Say = (
    "Je gaf de hele fiche van de gemeente. Typ alleen de code, de waarde naast `nis_code`.",
    "Vous avez donné toute la fiche de la commune. Tapez seulement le code, la valeur à côté de "
    "`nis_code`.",
    "You gave the municipality's whole record. Type only the code, the value next to `nis_code`.",
)
LOOK_UP: Say = (
    'Zoek de code op met `sk.find_municipality("{name}")`, zoals voor Halen hierboven.',
    'Cherchez le code avec `sk.find_municipality("{name}")`, comme pour Halen ci-dessus.',
    'Look the code up with `sk.find_municipality("{name}")`, as for Halen above.',
)


def check_nis_code(answer: object, municipality: str, *, lang: str) -> Feedback:
    """Check the NIS code (geography 2025) typed for ``municipality`` (a name).

    Recognises an old code from before a merger, a postal code, another municipality's code,
    the name instead of the code and the whole record of :func:`~socprev_kit.find_municipality`.
    A right code typed as a number passes with a tip to type it as text.
    """
    import pandas as pd

    from ...data import reference

    if is_unanswered(answer):
        return not_answered(lang)
    row = reference.find_municipality(municipality)
    name, code = str(row[f"name_{lang}"]), str(row["nis_code"])
    fields = {"name": name, "code": code, "answer": answer}
    if isinstance(answer, pd.Series | pd.DataFrame):
        fields["answer"] = f"<{type(answer).__name__}>"
        return feedback(lang, [("wrong", WRONG), ("hint", WHOLE_ROW)], **fields)
    if isinstance(answer, bool) or not isinstance(answer, str | int | float):
        return feedback(lang, [("wrong", WRONG), ("hint", LOOK_UP)], **fields)
    text = str(answer).strip().strip("\"'")
    text = text[:-2] if isinstance(answer, float) and text.endswith(".0") else text
    if text == code:
        tip = [("hint", AS_NUMBER)] if not isinstance(answer, str) else []
        return feedback(lang, [("ok", RIGHT), *tip], **fields)
    return feedback(lang, [("wrong", WRONG), ("hint", _mistake(text, row, lang))], **fields)


def _mistake(text: str, row: object, lang: str) -> Say:
    """The hint for a wrong code ``text`` given for the municipality ``row``."""
    from ...common.errors import SocprevError
    from ...data import reference

    if text in {str(old) for old in row["predecessor_nis_codes"]}:
        return OLD_CODE
    if text.isdigit() and len(text) == 4:
        return POSTCODE
    if not text.isdigit():
        try:
            same = reference.find_municipality(text)["nis_code"] == row["nis_code"]
        except (SocprevError, ValueError):
            same = False
        return THE_NAME if same else LOOK_UP
    table = reference.municipalities()
    other = table.loc[table["nis_code"] == text, f"name_{lang}"]
    if len(other):
        return _with_other(OTHER_PLACE, str(other.iloc[0]))
    return LOOK_UP


def _with_other(sentence: Say, other: str) -> Say:
    """``sentence`` with its ``{other}`` field filled in (the other fields stay open)."""
    return tuple(s.replace("{other}", other) for s in sentence)  # type: ignore[return-value]
