"""Messy sample files: one registration file per mistake that real users make.

For the training course and the tests. Each file holds six months (January-June 2024) of a small
municipality's registrations, in Dutch (street work in Ronse) or French (travail de rue in
Andenne), correct except for the mistake its name says, in one or two cells, so that a trainee can
find and fix it. :data:`MISTAKES` says what is wrong and how to fix it, :data:`FILES` which files
are written and where ``socprev-kit validate`` reports each mistake; ``README.md`` is written from
them.

Examples
--------
>>> paths = write_messy_files(Path("sample_data/messy"))  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

#: Written into workbook properties and zip entries, so that the bytes do not depend on the clock.
FIXED_TIME = datetime(2026, 1, 1)

HEADERS = {
    "nl": ["Project", "NIS-code", "Gemeente", "Periode", "Indicator", "Waarde", "Opmerking"],
    "fr": ["Projet", "Code INS", "Commune", "Période", "Indicateur", "Valeur", "Remarque"],
}
PROJECT_HEADERS = {
    "nl": [
        "Project",
        "Naam",
        "Projecttypes",
        "Trekkende gemeente",
        "Deelnemende gemeenten",
        "Fenomeen",
        "Startdatum",
        "Einddatum",
    ],
    "fr": [
        "Projet",
        "Nom",
        "Types de projet",
        "Commune pilote",
        "Communes participantes",
        "Phénomène",
        "Date de début",
        "Date de fin",
    ],
}
SHEETS = {"nl": ("Projecten", "Registraties"), "fr": ("Projets", "Enregistrements")}
#: The project of each language: id, name, NIS code, municipality.
PROJECT = {
    "nl": ("RONSE-SHW", "Straathoekwerk Ronse", "45041", "Ronse"),
    "fr": ("ANDENNE-TR", "Travail de rue Andenne", "92003", "Andenne"),
}
#: Registered every month: contacts, persons reached, referrals, referrals with intake.
VALUES = {
    "O04": [48, 52, 45, 57, 61, 50],
    "O01": [19, 21, 18, 23, 24, 20],
    "O05": [4, 6, 3, 5, 7, 4],
    "O06N": [3, 4, 3, 3, 5, 2],
}
NOTES = {
    "nl": {2: "winteropvang gesloten", 14: "nieuwe medewerker"},
    "fr": {2: "abri de nuit fermé", 14: "nouvel éducateur"},
}


@dataclass(frozen=True)
class Mistake:
    """One kind of mistake: what is wrong and how to fix it (nl, fr), the check it gives.

    ``edits`` maps ``(row, column index)`` to the wrong cell, or to ``{lang: cell}``; ``extra``
    rows ``(period, indicator, value)`` are added at the end; ``drop`` removes a column;
    ``projects`` adds a projects sheet (xlsx only). ``where`` is the ``(row, column)`` of the
    issue when it is not the first edited cell (a column index, or a name as reported).
    """

    stem: str
    check: str
    text: tuple[str, str, str, str]  # mistake nl, mistake fr, fix nl, fix fr
    edits: dict = field(default_factory=dict)
    langs: tuple[str, ...] = ("nl",)
    ext: str = "csv"
    extra: tuple[tuple, ...] = ()
    drop: int | None = None
    projects: bool = False
    where: tuple[int, int | str] | None = None


@dataclass(frozen=True)
class MessyFile:
    """One file: a mistake in one language, with the place the kit reports it."""

    mistake: Mistake
    lang: str

    @property
    def file(self) -> str:
        return f"{self.mistake.stem}_{self.lang}.{self.mistake.ext}"

    @property
    def check(self) -> str:
        return self.mistake.check

    @property
    def sheet(self) -> str:
        return SHEETS[self.lang][1] if self.mistake.ext == "xlsx" else ""

    @property
    def row(self) -> int:
        return (self.mistake.where or next(iter(self.mistake.edits)))[0]

    @property
    def column(self) -> str:
        col = (self.mistake.where or next(iter(self.mistake.edits)))[1]
        return col if isinstance(col, str) else HEADERS[self.lang][col]


def _r(month: int, indicator: str) -> int:
    """The sheet row of ``indicator`` in ``month`` (row 1 holds the headers)."""
    return 2 + (month - 1) * len(VALUES) + list(VALUES).index(indicator)


PID, NIS, NAME, PER, IND, VAL = range(6)  # column indices
M = Mistake
# fmt: off
MISTAKES: tuple[Mistake, ...] = (
    M("01_text_in_number_cells", "bad_number",
      ("Tekst in een getalcel: '45 st.' of 'env. 45' in plaats van 45",
       "Du texte dans une cellule nombre : '45 st.' ou 'env. 45' au lieu de 45",
       "Typ enkel het getal: 45.", "Tapez uniquement le nombre : 45."),
      {(_r(3, "O04"), VAL): {"nl": "45 st.", "fr": "env. 45"}}, ("nl", "fr"), "xlsx"),
    M("02_negative_count", "negative_count",
      ("Een negatief aantal doorverwijzingen: -5", "Un nombre d'orientations négatif : -5",
       "Een aantal is 0 of meer: typ 5.", "Un nombre vaut 0 ou plus : tapez 5."),
      {(_r(4, "O05"), VAL): -5}, ("nl", "fr")),
    M("03_unknown_nis_code", "unknown_nis",
      ("Omgewisselde cijfers in de NIS-code: 45014 bestaat niet",
       "Chiffres inversés dans le code INS : 45014 n'existe pas",
       "Typ de NIS-code van Ronse: 45041.", "Tapez le code INS de Renaix : 45041."),
      {(_r(5, "O01"), NIS): "45014"}),
    M("04_period_typo", "bad_period",
      ("Tikfout in de periode: 2024-60", "Faute de frappe dans la période : 2024-60",
       "Typ 2024-06.", "Tapez 2024-06."),
      {(_r(6, "O04"), PER): "2024-60"}, ext="xlsx"),
    M("05_unknown_indicator", "unknown_indicator",
      ("Indicatorcode zonder nul: O1", "Code d'indicateur sans zéro : O1",
       "Typ de code uit de catalogus: O01.", "Tapez le code du catalogue : O01."),
      {(_r(2, "O01"), IND): "O1"}, ("nl", "fr")),
    M("06_derived_indicator_typed", "derived_typed",
      ("Het percentage geslaagde doorverwijzingen (O06) ingevuld in plaats van het aantal "
       "(O06N)", "Le pourcentage d'orientations abouties (O06) saisi au lieu du nombre (O06N)",
       "Registreer het aantal doorverwijzingen met intake: O06N = 3; de kit berekent O06.",
       "Enregistrez le nombre d'orientations avec prise en charge : O06N = 3 ; le kit "
       "calcule O06."),
      {(_r(3, "O06N"), IND): "O06", (_r(3, "O06N"), VAL): 100}, ext="xlsx"),
    M("07_conflicting_duplicates", "duplicate_conflict",
      ("April is onderaan een tweede keer ingevuld, met een ander aantal contacten (59)",
       "Avril est saisi une seconde fois en bas, avec un autre nombre de contacts (59)",
       "Houd één rij over met het juiste aantal; verwijder de andere.",
       "Gardez une seule ligne avec le bon nombre ; supprimez l'autre."),
      ext="xlsx", extra=(("2024-04", "O04", 59),), where=(_r(4, "O04"), VAL)),
    M("08_municipality_not_in_project", "nis_not_in_project",
      ("Een rij van een buurgemeente (Oudenaarde, Namen) die niet deelneemt aan het project",
       "Une ligne d'une commune voisine (Audenarde, Namur) qui ne participe pas au projet",
       "Verbeter de NIS-code, of voeg de gemeente toe aan de deelnemende gemeenten.",
       "Corrigez le code INS, ou ajoutez la commune aux communes participantes."),
      {(_r(5, "O04"), NIS): {"nl": "45035", "fr": "92094"},
       (_r(5, "O04"), NAME): {"nl": "Oudenaarde", "fr": "Namur"}},
      ("nl", "fr"), "xlsx", projects=True),
    M("09_outside_project_period", "outside_project_period",
      ("Verkeerd jaar: 2023-06 ligt vóór de start van het project (01/01/2024)",
       "Mauvaise année : 2023-06 précède le début du projet (01/01/2024)",
       "Typ 2024-06.", "Tapez 2024-06."),
      {(_r(6, "O05"), PER): "2023-06"}, ("nl", "fr"), "xlsx", projects=True),
    M("10_numerator_above_denominator", "numerator_above_denominator",
      ("Meer doorverwijzingen met intake (8) dan doorverwijzingen (6) in februari",
       "Plus d'orientations avec prise en charge (8) que d'orientations (6) en février",
       "Een deel kan niet groter zijn dan het geheel: typ 4 (of verbeter O05).",
       "Une partie ne dépasse pas le tout : tapez 4 (ou corrigez O05)."),
      {(_r(2, "O06N"), VAL): 8}),
    M("11_missing_required_column", "missing_column",
      ("De kolom 'Project' is verwijderd", "La colonne 'Projet' a été supprimée",
       "Voeg de kolom 'Project' opnieuw toe, met de projectcode op elke rij.",
       "Rajoutez la colonne 'Projet', avec le code du projet sur chaque ligne."),
      drop=PID, where=(1, PID)),
    M("12_percentage_above_100", "out_of_range",
      ("Bekendheid bij bewoners (P11, een percentage) ingevuld als 135",
       "Notoriété auprès des habitants (P11, un pourcentage) saisie comme 135",
       "Een percentage ligt tussen 0 en 100: typ 13,5 of 35 (zie de bevraging).",
       "Un pourcentage est entre 0 et 100 : tapez 13,5 ou 35 (voir l'enquête)."),
      ext="xlsx", extra=(("2024", "I05", 38), ("2024", "P11", 135)),
      where=(_r(6, "O06N") + 2, VAL)),
    M("13_count_not_whole", "not_whole",
      ("Een half persoon: 20,5 bereikte personen", "Une demi-personne : 20,5 personnes atteintes",
       "Een aantal is een geheel getal: typ 20 of 21.", "Un nombre est entier : tapez 20 ou 21."),
      {(_r(5, "O01"), VAL): 20.5}, ("nl", "fr")),
    M("14_unknown_project", "unknown_project",
      ("Tikfout in de projectcode: RONSE-SWH", "Faute de frappe dans le code projet : RONSE-SWH",
       "Typ de code uit het blad Projecten: RONSE-SHW.",
       "Tapez le code de la feuille Projets : RONSE-SHW."),
      {(_r(3, "O05"), PID): "RONSE-SWH"}, ext="xlsx", projects=True),
)
# fmt: on
FILES: tuple[MessyFile, ...] = tuple(MessyFile(m, lang) for m in MISTAKES for lang in m.langs)


def registrations(lang: str, mistake: Mistake | None = None) -> list[list]:
    """The registration sheet (header first) of ``lang``, with ``mistake`` made in it."""
    pid, _, nis, name = PROJECT[lang]
    table = [list(HEADERS[lang])]
    for m in range(1, 7):
        for ind, values in VALUES.items():
            note = NOTES[lang].get(len(table) + 1, "") if ind == "O04" else ""
            table.append([pid, nis, name, f"2024-{m:02d}", ind, values[m - 1], note])
    if mistake is not None:
        for period, ind, value in mistake.extra:
            table.append([pid, nis, name, period, ind, value, ""])
        for (row, col), value in mistake.edits.items():
            table[row - 1][col] = value[lang] if isinstance(value, dict) else value
        if mistake.drop is not None:
            table = [r[: mistake.drop] + r[mistake.drop + 1 :] for r in table]
    return table


def projects(lang: str) -> list[list]:
    """The projects sheet of ``lang``: one street-work project in its municipality, 2024-2025."""
    pid, name, nis, _ = PROJECT[lang]
    start, end = datetime(2024, 1, 1), datetime(2025, 12, 31)
    return [
        PROJECT_HEADERS[lang],
        [pid, name, "street_work", nis, nis, "drug_nuisance", start, end],
    ]


def write_messy_files(out: Path) -> list[Path]:
    """Write every messy file and the README into ``out``; the same files every time.

    Returns
    -------
    list of Path
        The files written, README last.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for f in FILES:
        path = out / f.file
        table = registrations(f.lang, f.mistake)
        if path.suffix == ".csv":
            path.write_bytes(_csv_bytes(table, f.lang))
        else:
            _write_xlsx(path, table, f)
        written.append(path)
    readme = out / "README.md"
    readme.write_text(_readme(), encoding="utf-8")
    return [*written, readme]


def _csv_bytes(table: list[list], lang: str) -> bytes:
    """``;`` and decimal comma; UTF-8 with BOM (nl) or Windows-1252 (fr), as Excel saves them."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    for r in table:
        writer.writerow([str(v).replace(".", ",") if isinstance(v, float) else v for v in r])
    if lang == "fr":
        return buf.getvalue().encode("cp1252")
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def _write_xlsx(path: Path, table: list[list], f: MessyFile) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    proj_title, reg_title = SHEETS[f.lang]
    sheets = {proj_title: projects(f.lang)} if f.mistake.projects else {}
    for title, rows in {**sheets, reg_title: table}.items():
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        if title == proj_title:
            for cell in ws["G"][1:] + ws["H"][1:]:
                cell.number_format = "DD/MM/YYYY"
    save_workbook(wb, path)


def save_workbook(wb, path: Path, patch: Callable[[str, bytes], bytes] | None = None) -> Path:
    """Save an openpyxl workbook with fixed properties and zip timestamps.

    The same workbook gives the same bytes. ``patch(name, data)`` may rewrite an archive member
    (e.g. add cached formula results, which openpyxl does not write).
    """
    wb.properties.creator = "socprev-kit"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            if patch is not None:
                data = patch(info.filename, data)
            dst.writestr(
                zipfile.ZipInfo(info.filename, FIXED_TIME.timetuple()[:6]),
                data,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    Path(path).write_bytes(out.getvalue())
    return Path(path)


def _readme() -> str:
    lines = [
        "# Messy sample files / Rommelige voorbeeldbestanden / Fichiers d'exemple à corriger",
        "",
        "One file per mistake that real users make, for the training course and the tests.",
        "Each holds six months (January-June 2024) of street-work registrations of a small",
        "municipality (Ronse in Dutch, Andenne in French), correct except for one mistake.",
        "Check a file with `socprev-kit validate sample_data/messy/<file>`: it exits 1 and names",
        "the check below as an error, at the row and column given (the Excel row, or the line",
        "of a CSV file). Files with a projects sheet are needed for the checks against a",
        "project. Written by `socprev_kit.sampledata.messy.write_messy_files`; do not edit "
        "by hand.",
        "",
        "*Eén bestand per fout die gebruikers echt maken. Controleer het met `socprev-kit "
        "validate` en verbeter de fout.*",
        "*Un fichier par erreur que les utilisateurs font vraiment. Contrôlez-le avec "
        "`socprev-kit validate` et corrigez l'erreur.*",
        "",
        "| file | mistake / fout / erreur | check | sheet | row | column | fix / oplossing / "
        "correction |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in FILES:
        nl, fr, fix_nl, fix_fr = f.mistake.text
        lines.append(
            f"| `{f.file}` | nl: {nl}<br>fr: {fr} | `{f.check}` | {f.sheet} | {f.row} | "
            f"{f.column} | nl: {fix_nl}<br>fr: {fix_fr} |"
        )
    return "\n".join(lines) + "\n"
