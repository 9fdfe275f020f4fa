"""The widgets' labels and sentences in nl/fr/en: data for translators, not logic."""

from __future__ import annotations

from ...common.formatting import Lang, check_lang

__all__ = ["TEXTS", "wtext"]

#: ``{key: (nl, fr, en)}``; sentences use ``str.format`` fields.
TEXTS: dict[str, tuple[str, str, str]] = {
    "municipality": ("Gemeente", "Commune", "Municipality"),
    "project": ("Project", "Projet", "Project"),
    "indicator": ("Indicator", "Indicateur", "Indicator"),
    "period": ("Periode", "Période", "Period"),
    "effect": ("Effect (%)", "Effet (%)", "Effect (%)"),
    "noise": ("Ruis", "Bruit", "Noise"),
    "n_before": ("Maanden vóór", "Mois avant", "Months before"),
    "n_after": ("Maanden na", "Mois après", "Months after"),
    "seed": ("Toeval (seed)", "Hasard (seed)", "Chance (seed)"),
    "year": ("Jaar", "Année", "Year"),
    "no_data": (
        "Geen gegevens voor deze keuze.",
        "Pas de données pour ce choix.",
        "No data for this choice.",
    ),
    "explorer_text": (
        "{indicator} in {municipality} ({project}): {n} maanden van {first} tot {last}.",
        "{indicator} à {municipality} ({project}) : {n} mois de {first} à {last}.",
        "{indicator} in {municipality} ({project}): {n} months from {first} to {last}.",
    ),
    "hidden": (
        " {n} waarden zijn afgeschermd (onder {k}, of om een afgeschermde waarde te beschermen).",
        " {n} valeurs sont masquées (inférieures à {k}, ou pour protéger une valeur masquée).",
        " {n} values are hidden (below {k}, or to protect another hidden value).",
    ),
    "sim_title": (
        "Gesimuleerde maandelijkse tellingen (gepland effect {effect})",
        "Comptages mensuels simulés (effet planté {effect})",
        "Simulated monthly counts (planted effect {effect})",
    ),
    "truth": ("Werkelijk niveau", "Niveau réel", "True level"),
    "naive_mean": ("Gemiddelde voor/na", "Moyenne avant/après", "Mean before/after"),
    "method": ("Methode", "Méthode", "Method"),
    "estimate": ("Schatting", "Estimation", "Estimate"),
    "interval": ("95%-interval", "Intervalle à 95 %", "95% interval"),
    "planted": ("Geplant effect", "Effet planté", "Planted effect"),
    "naive": (
        "Voor/na ({w} maanden)",
        "Avant/après ({w} mois)",
        "Before/after ({w} months)",
    ),
    "its": (
        "Onderbroken tijdreeks",
        "Série temporelle interrompue",
        "Interrupted time series",
    ),
    "sim_text": (
        "Het project startte in {start}, na {w} maanden met veel meldingen. Het echte effect is "
        "{effect}. Een eenvoudige voor/na-vergelijking van {w} maanden geeft {naive}: een deel "
        "daarvan is terugkeer naar het gemiddelde. De onderbroken tijdreeks over {before} "
        "maanden vóór en {after} na geeft {its} (95%-interval {low} tot {high}).",
        "Le projet a démarré en {start}, après {w} mois de nombreux signalements. L'effet réel "
        "est de {effect}. Une simple comparaison avant/après sur {w} mois donne {naive} : une "
        "partie est un retour vers la moyenne. La série temporelle interrompue sur {before} mois "
        "avant et {after} après donne {its} (intervalle à 95 % de {low} à {high}).",
        "The project started in {start}, after {w} months with many reports. The true effect is "
        "{effect}. A simple before/after comparison of {w} months gives {naive}: part of it is "
        "regression to the mean. The interrupted time series over {before} months before and "
        "{after} after gives {its} (95% interval {low} to {high}).",
    ),
    "its_failed": (
        "De onderbroken tijdreeks kon niet worden geschat: {error}",
        "La série temporelle interrompue n'a pas pu être estimée : {error}",
        "The interrupted time series could not be estimated: {error}",
    ),
}


def wtext(key: str, lang: Lang, **fields: object) -> str:
    """The text ``key`` in ``lang`` with ``fields`` filled in.

    >>> wtext("municipality", "fr")
    'Commune'
    """
    check_lang(lang)
    template = TEXTS[key][("nl", "fr", "en").index(lang)]
    return template.format(**fields) if fields else template
