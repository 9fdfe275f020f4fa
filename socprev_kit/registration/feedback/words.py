"""The words of the feedback in Dutch, French and English.

:data:`WORDS` maps a key to ``(nl, fr, en)``; :func:`word` picks the language, fills in the
``{fields}`` and gives the language's no-break spaces (translators: keep every ``{placeholder}``
and write plain spaces). :func:`month_ranges` writes months compactly, :func:`split_message`
cuts a message of the kit in what is wrong and how to fix it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...common.formatting import Lang

WORDS: dict[str, tuple[str, str, str]] = {
    "title": ("Terugkoppeling over uw registraties: {name}", "Retour sur vos enregistrements : "
              "{name}", "Feedback on your registrations: {name}"),
    "intro": ("Deze pagina zegt wat er ontbreekt en wat er niet klopt in de gegevens van {name}, "
              "cel per cel. Verbeter uw bestanden en stuur ze opnieuw op.",
              "Cette page indique ce qui manque et ce qui ne va pas dans les données de {name}, "
              "cellule par cellule. Corrigez vos fichiers et renvoyez-les.",
              "This page says what is missing and what is wrong in the data of {name}, cell by "
              "cell. Correct your files and send them again."),
    "made": ("Gemaakt op {date} met socprev-kit {version}.", "Créé le {date} avec socprev-kit "
             "{version}.", "Made on {date} with socprev-kit {version}."),
    "all_well": ("Alles is in orde: er ontbreekt niets en er is geen enkel probleem gevonden.",
                 "Tout est en ordre : rien ne manque et aucun problème n'a été trouvé.",
                 "All is well: nothing is missing and no problem was found."),
    "to_do": ("Te doen: {parts}.", "À faire : {parts}.", "To do: {parts}."),
    "and": (" en ", " et ", " and "),
    "do_error": ("{n} fout(en) verbeteren", "corriger {n} erreur(s)", "correct {n} error(s)"),
    "do_warning": ("{n} waarschuwing(en) nakijken", "vérifier {n} avertissement(s)",
                   "check {n} warning(s)"),
    "do_months": ("{n} ontbrekende maand(en) aanvullen", "compléter {n} mois manquant(s)",
                  "fill in {n} missing month(s)"),
    "do_never": ("{n} nooit geregistreerde indicator(en) registreren", "enregistrer {n} "
                 "indicateur(s) jamais saisi(s)", "register {n} indicator(s) never registered"),
    "only_notes": ("Niets te verbeteren; lees de opmerkingen hieronder.", "Rien à corriger ; "
                   "lisez les remarques ci-dessous.", "Nothing to correct; read the notes below."),
    "h_who": ("Wie en wat", "Qui et quoi", "Who and what"),
    "h_missing": ("Wat ontbreekt", "Ce qui manque", "What is missing"),
    "h_issues": ("Wat niet klopt", "Ce qui ne va pas", "What is wrong"),
    "municipality": ("Gemeente", "Commune", "Municipality"),
    "nis_code": ("NIS-code", "Code INS", "NIS code"),
    "province": ("Provincie", "Province", "Province"),
    "period": ("Periode", "Période", "Period"),
    "files": ("Gelezen bestanden", "Fichiers lus", "Files read"),
    "projects": ("Projecten", "Projets", "Projects"),
    "none": ("geen", "aucun", "none"),
    "dates": ("van {start} tot {end}", "du {start} au {end}", "from {start} to {end}"),
    "ongoing": ("lopend", "en cours", "ongoing"),
    "missing_intro": ("Per project en indicator: de maanden zonder registratie, vanaf de start "
                      "van het project tot de laatste maand in de gegevens (of het einde van het "
                      "project). Vul ze aan, met 0 als er niets was. Een maand met een foute "
                      "waarde telt als ontbrekend tot de fout verbeterd is.",
                      "Par projet et indicateur : les mois sans enregistrement, du début du projet "
                      "au dernier mois des données (ou à la fin du projet). Complétez-les, avec 0 "
                      "s'il n'y a rien eu. Un mois dont la valeur est erronée compte comme "
                      "manquant tant que l'erreur n'est pas corrigée.",
                      "Per project and indicator: the months without a registration, from the "
                      "project's start to the last month in the data (or the project's end). "
                      "Fill them in, with 0 if nothing happened. A month whose value has an error "
                      "counts as missing until the error is corrected."),
    "no_missing": ("Er ontbreken geen maanden en geen indicatoren.", "Aucun mois ni indicateur "
                   "ne manque.", "No month and no indicator is missing."),
    "never_intro": ("Nooit geregistreerd: indicatoren die het project verwacht, maar die voor "
                    "{name} nog nooit ingevuld zijn.",
                    "Jamais enregistrés : des indicateurs que le projet attend, mais qui n'ont "
                    "jamais été saisis pour {name}.",
                    "Never registered: indicators the project expects but that were never "
                    "filled in for {name}."),
    "never": ("nooit geregistreerd", "jamais enregistré", "never registered"),
    "why_objective": ("staat in de doelstellingen van het project", "figure dans les objectifs "
                      "du projet", "is in the project's objectives"),
    "why_others": ("andere gemeenten van het project registreren het", "d'autres communes du "
                   "projet l'enregistrent", "other municipalities of the project register it"),
    "no_issues": ("Geen problemen gevonden in de bestanden.", "Aucun problème trouvé dans les "
                  "fichiers.", "No problems found in the files."),
    "issues_intro": ("Per bestand en blad: de cel (kolomletter en rij, zoals in Excel), wat er "
                     "staat, wat er niet klopt en hoe u het verbetert.",
                     "Par fichier et feuille : la cellule (lettre de colonne et ligne, comme "
                     "dans Excel), ce qu'elle contient, ce qui ne va pas et comment corriger.",
                     "Per file and sheet: the cell (column letter and row, as in Excel), what it "
                     "holds, what is wrong and how to correct it."),
    "h_error": ("Fouten: verbeter deze cellen (deze rijen zijn niet meegeteld)", "Erreurs : "
                "corrigez ces cellules (ces lignes ne sont pas comptées)", "Errors: correct these "
                "cells (these rows were not counted)"),
    "h_warning": ("Waarschuwingen: kijk deze cellen na (de rijen zijn wel meegeteld)",
                  "Avertissements : vérifiez ces cellules (les lignes sont comptées)",
                  "Warnings: check these cells (the rows were counted)"),
    "h_info": ("Opmerkingen", "Remarques", "Notes"),
    "error": ("fout", "erreur", "error"),
    "warning": ("waarschuwing", "avertissement", "warning"),
    "info": ("opmerking", "remarque", "note"),
    "file": ("Bestand", "Fichier", "File"),
    "sheet": ("Blad", "Feuille", "Sheet"),
    "in_file": ("Bestand: {file}", "Fichier : {file}", "File: {file}"),
    "in_sheet": ("Bestand: {file} · blad: {sheet}", "Fichier : {file} · feuille : {sheet}",
                 "File: {file} · sheet: {sheet}"),
    "whole_data": ("alle gegevens", "toutes les données", "all the data"),
    "severity": ("Soort", "Type", "Kind"),
    "cell": ("Cel", "Cellule", "Cell"),
    "column": ("Kolom", "Colonne", "Column"),
    "row": ("rij {row}", "ligne {row}", "row {row}"),
    "value": ("Wat er staat", "Contenu", "What it holds"),
    "problem": ("Wat niet klopt", "Problème", "What is wrong"),
    "fix": ("Hoe verbeteren", "Comment corriger", "How to fix"),
    "project": ("Project", "Projet", "Project"),
    "project_name": ("Naam van het project", "Nom du projet", "Project name"),
    "indicator": ("Indicator", "Indicateur", "Indicator"),
    "indicator_name": ("Naam van de indicator", "Nom de l'indicateur", "Indicator name"),
    "months": ("Ontbrekende maanden", "Mois manquants", "Missing months"),
    "n_missing": ("Aantal ontbrekend", "Nombre manquant", "Number missing"),
    "n_expected": ("Verwacht", "Attendus", "Expected"),
    "missing_of": ("Ontbrekend / verwacht", "Manquants / attendus", "Missing / expected"),
    "note": ("Toelichting", "Explication", "Note"),
    "what": ("Wat", "Quoi", "What"),
    "details": ("Gegevens", "Données", "Details"),
    "status": ("Stand van zaken", "État", "Status"),
    "sheet_summary": ("Overzicht", "Résumé", "Summary"),
    "sheet_missing": ("Ontbrekend", "Manquant", "Missing"),
    "sheet_issues": ("Problemen", "Problèmes", "Issues"),
    # the command line
    "written": ("Terugkoppeling voor {name} ({nis}) geschreven: {html} en {xlsx}",
                "Retour pour {name} ({nis}) écrit : {html} et {xlsx}",
                "Feedback for {name} ({nis}) written: {html} and {xlsx}"),
    "counts": ("{error} fout(en), {warning} waarschuwing(en), {info} opmerking(en); "
               "{months} ontbrekende maand(en), {never} nooit geregistreerde indicator(en).",
               "{error} erreur(s), {warning} avertissement(s), {info} remarque(s) ; "
               "{months} mois manquant(s), {never} indicateur(s) jamais enregistré(s).",
               "{error} error(s), {warning} warning(s), {info} note(s); {months} missing "
               "month(s), {never} indicator(s) never registered."),
}  # fmt: skip

_INDEX = {"nl": 0, "fr": 1, "en": 2}


def word(key: str, lang: Lang, **fields: object) -> str:
    """The text ``key`` in ``lang`` with its ``{fields}`` filled in.

    >>> word("row", "fr", row=12)
    'ligne 12'
    """
    from ...common.formatting import check_lang, no_break_spaces

    check_lang(lang)
    text = WORDS[key][_INDEX[lang]]
    return no_break_spaces(text.format(**fields) if fields else text, lang)


def month_ranges(months: list[str], lang: Lang = "nl") -> str:
    """Months (``2024-03``) written compactly as ranges.

    >>> month_ranges(["2024-01", "2024-02", "2024-03", "2024-09", "2024-12", "2025-01"])
    'jan-mrt 2024, sep 2024, dec 2024-jan 2025'
    """
    from ...common.formatting import MONTH_SHORT

    runs: list[list[int]] = []
    for n in sorted({int(m[:4]) * 12 + int(m[5:7]) - 1 for m in months}):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])

    def name(n: int, year: bool = True) -> str:
        return MONTH_SHORT[lang][n % 12] + (f" {n // 12}" if year else "")

    return ", ".join(
        name(a) if a == b else f"{name(a, a // 12 != b // 12)}-{name(b)}"
        for a, b in ((run[0], run[-1]) for run in runs)
    )


def split_message(check: str, message: str) -> tuple[str, str]:
    """A message of ``check`` (any language) cut after its template's first sentence, or before
    its suggestion (``→ O01?``): what is wrong, and how to fix it (empty when it says no more).

    >>> split_message("bad_number", "'env. 45' is geen getal. Typ enkel cijfers (bv. 12 of 12,5).")
    ("'env. 45' is geen getal.", 'Typ enkel cijfers (bv. 12 of 12,5).')
    """
    from ...validation.messages import CHECKS, LANGS, WITHOUT_HINT

    for lang in LANGS:
        for template in (CHECKS[check][1][lang], WITHOUT_HINT.get(check, {}).get(lang)):
            cut = re.search(r"\.\s(?=[A-ZÀ-Ý])", template or "")
            if not cut:
                continue
            head, tail = _pattern(template[: cut.start() + 1]), _pattern(template[cut.end() :])
            if match := re.fullmatch(f"{head}\\s(?P<fix>{tail})", message, re.S):
                return message[: match.start("fix")].rstrip(), match["fix"]
    problem, arrow, suggestion = message.partition(" → ")  # "... bestaat niet. → Ronse (45041)?"
    return (problem, arrow.strip() + " " + suggestion) if arrow else (message, "")


def _pattern(template: str) -> str:
    return ".*?".join(re.escape(part) for part in re.split(r"\{\w+\}", template))
