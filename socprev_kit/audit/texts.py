"""The audit's words in nl/fr/en, and its findings written for people."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..common.formatting import format_month
from .published import Cell

if TYPE_CHECKING:
    from .findings import Audit
    from .solve import Recovery

WORDS: dict[str, tuple[str, str, str]] = {
    "manifest": (
        "{p} is geen uitvoermap van socprev-kit batch (geen leesbaar manifest.json). Geef de map "
        "die de batch schreef (--out).",
        "{p} n'est pas un dossier de sortie de socprev-kit batch (pas de manifest.json lisible). "
        "Indiquez le dossier écrit par le batch (--out).",
        "{p} is not an output folder of socprev-kit batch (no readable manifest.json). Give the "
        "folder the batch wrote (--out).",
    ),
    "data": (
        "De gegevens van de batch zijn niet gevonden: {p}. Geef ze met --data.",
        "Les données du batch sont introuvables : {p}. Indiquez-les avec --data.",
        "The batch's data are not found: {p}. Give them with --data.",
    ),
    "changed": (
        "De gegevens in {p} zijn gewijzigd sinds de batch (andere SHA-256). Maak de rapporten "
        "opnieuw, of geef de gegevens van toen met --data.",
        "Les données de {p} ont changé depuis le batch (autre SHA-256). Refaites les rapports, "
        "ou indiquez les données d'alors avec --data.",
        "The data in {p} changed since the batch (another SHA-256). Make the reports again, or "
        "give the data of then with --data.",
    ),
    "found": (
        "{n} verborgen waarde(n) te herleiden uit wat de batch publiceert:",
        "{n} valeur(s) masquée(s) peuvent être retrouvées à partir de ce que le batch publie :",
        "{n} hidden value(s) can be worked out from what the batch publishes:",
    ),
    "none": (
        "Geen enkele verborgen waarde is te herleiden.",
        "Aucune valeur masquée ne peut être retrouvée.",
        "No hidden value can be worked out.",
    ),
    "read": (
        "{r} rapport(en), {c} gepubliceerde getallen gelezen, {s} getallen in zinnen gekoppeld; "
        "{u} niet uit de gegevens te verklaren en weggelaten.",
        "{r} rapport(s), {c} nombres publiés lus, {s} nombres de phrases reliés ; {u} "
        "inexplicables à partir des données et laissés de côté.",
        "{r} report(s), {c} published numbers read, {s} numbers in sentences linked; {u} not "
        "explained by the data and left out.",
    ),
    "unchecked": (
        "LET OP: {u} gepubliceerde getallen konden niet gecontroleerd worden (niet uit de "
        "gegevens te verklaren): een verborgen waarde kan eruit te herleiden zijn.",
        "ATTENTION : {u} nombres publiés n'ont pas pu être vérifiés (inexplicables à partir des "
        "données) : une valeur masquée pourrait s'en déduire.",
        "WARNING: {u} published numbers could not be checked (not explained by the data): a "
        "hidden value might be worked out from them.",
    ),
    "is": ("is", "vaut", "is"),
    "all": ("alle gemeenten", "toutes les communes", "all municipalities"),
    "hidden_in": ("verborgen in", "masquée dans", "hidden in"),
    "shown_in": ("leesbaar in", "lisible dans", "readable in"),
    "from": ("af te leiden uit", "déduite de", "worked out from"),
    "batch_leak": (
        "MISLUKT: {n} verborgen waarde(n) te herleiden; zie socprev-kit audit-disclosure {p}",
        "ÉCHEC : {n} valeur(s) masquée(s) retrouvable(s) ; voir socprev-kit audit-disclosure {p}",
        "FAILED: {n} hidden value(s) can be worked out; see socprev-kit audit-disclosure {p}",
    ),
    "batch_no_audit": (
        "MISLUKT: de controle op afscherming liep niet: {e}",
        "ÉCHEC : le contrôle du masquage n'a pas pu tourner : {e}",
        "FAILED: the disclosure audit could not run: {e}",
    ),
}
_LANGS = ("nl", "fr", "en")


def word(key: str, lang: str) -> str:
    """The text ``key`` in ``lang`` (English for another language)."""
    return WORDS[key][_LANGS.index(lang) if lang in _LANGS else 2]


def _files(cells: list) -> str:
    return ", ".join(sorted({c.file for c in cells}))


def cell_name(cell: Cell, lang: str) -> str:
    """``BAS-CA · 82036 · I02 · 2025``: whose count, of what, when.

    >>> c = Cell("f", "w", ("BAS-CA", "*"), "I02", (24300, 24311), "value", "< 5", None, 0, True, 5)
    >>> cell_name(c, "fr")
    'BAS-CA · toutes les communes · I02 · 2025'
    """
    project, nis = cell.unit
    who = [p for p in (project if project != "*" else "",
                       nis if nis != "*" else word("all", lang)) if p]  # fmt: skip
    first, last = cell.months
    if first % 12 == 0 and last == first + 11:
        when = str(first // 12)
    else:
        months = dict.fromkeys(
            format_month(f"{m // 12}-{m % 12 + 1:02d}", lang) for m in (first, last)
        )
        when = "–".join(months)
    return " · ".join([*who, cell.indicator, when])


def recovery_lines(r: Recovery, lang: str) -> list[str]:
    """One finding: what is hidden where, its value, and the published numbers it follows from."""
    first = (r.target.hidden or r.target.shown)[0]
    name = cell_name(first, lang)
    lines = [f"- {name}: {word('is', lang)} {r.value:g} ({first.text})"]
    if r.target.hidden:
        lines.append(f"    {word('hidden_in', lang)}: {_files(r.target.hidden)}")
    if r.target.shown:
        lines.append(f"    {word('shown_in', lang)}: {_files(r.target.shown)}")
    used = [f"{f.cells[0].text} ({f.cells[0].file} | {f.cells[0].where})" for f in r.used]
    if used:
        lines.append(f"    {word('from', lang)}:")
        lines += [f"      {u}" for u in dict.fromkeys(used)]
    return lines


def report(audit: Audit, lang: str = "en") -> str:
    """The audit as text for the command line, in ``lang``."""
    lines = [word("found", lang).format(n=len(audit.recoveries)) if audit.recoveries
             else word("none", lang)]  # fmt: skip
    for r in audit.recoveries:
        lines += recovery_lines(r, lang)
    lines.append(word("read", lang).format(r=audit.n_reports, c=audit.n_cells,
                                           s=audit.n_sentences, u=audit.n_unexplained))  # fmt: skip
    if (warning := unchecked(audit, lang)) is not None:
        lines.append(warning)
    return "\n".join(lines)


def unchecked(audit: Audit, lang: str = "en") -> str | None:
    """The line that says how many published numbers the audit could not check (a blind spot
    of the referee: a hidden value might follow from them), None when it checked them all."""
    if not audit.n_unexplained:
        return None
    return word("unchecked", lang).format(u=audit.n_unexplained)
