"""The words of a report's context section (:mod:`socprev_kit.reports.sections_context`), in
Dutch, French and English (same conventions as :mod:`socprev_kit.reports.texts`)."""

from __future__ import annotations

__all__ = ["CONTEXT"]

CONTEXT: dict[str, tuple[str, str, str]] = {
    "h_context": ("7. Context", "7. Contexte", "7. Context"),
    "context_intro": ("Contextgegevens: cijfers over de hele gemeente die bij geen enkel project "
                      "horen (zoals politiestatistieken of cijfers van Statbel). Ze tonen de "
                      "toestand in de gemeente, **niet het resultaat van een project**: een "
                      "verandering zegt niet of een project werkte. Per indicator het laatste "
                      "volledige jaar (12 maanden), per 1.000 inwoners, de verandering tegenover "
                      "het jaar ervoor en de plaats in de trechter van alle gemeenten met "
                      "gegevens in dat jaar. Een contextindicator (zoals C01) zonder "
                      "contextgegevens komt uit de registraties van de projecten (de bron zegt "
                      "van welke).",
                      "Données de contexte : des chiffres sur toute la commune qui "
                      "n'appartiennent à aucun projet (statistiques policières, chiffres de "
                      "Statbel, par exemple). Ils montrent la situation de la commune, **pas le "
                      "résultat d'un projet** : une évolution ne dit pas si un projet a marché. "
                      "Par indicateur, la dernière année complète (12 mois), pour 1 000 "
                      "habitants, l'évolution par rapport à l'année précédente et la place dans "
                      "l'entonnoir de toutes les communes ayant des données cette année-là. Un "
                      "indicateur de contexte (comme C01) sans données de contexte vient des "
                      "enregistrements des projets (la source dit lesquels).",
                      "Context data: figures on the whole municipality that belong to no project "
                      "(police statistics, Statbel figures). They show the situation in the "
                      "municipality, **not a project's result**: a change does not say whether a "
                      "project worked. Per indicator the latest full year (12 months), per 1,000 "
                      "inhabitants, the change against the year before and the place in the "
                      "funnel of every municipality with data that year. A context indicator "
                      "(such as C01) without context data comes from the projects' "
                      "registrations (the source says whose)."),
    "context_none": ("Geen contextgegevens voor deze gemeente (cijfers die bij geen project "
                     "horen).", "Pas de données de contexte pour cette commune (des chiffres qui "
                     "n'appartiennent à aucun projet).", "No context data for this municipality "
                     "(figures that belong to no project)."),
    "context_none_project": ("Geen contextgegevens voor de gemeenten van dit project (cijfers "
                             "die bij geen project horen).", "Pas de données de contexte pour "
                             "les communes de ce projet (des chiffres qui n'appartiennent à "
                             "aucun projet).", "No context data for the municipalities of this "
                             "project (figures that belong to no project)."),
    "context_no_year": ("Contextgegevens over {indicators}, maar geen volledig jaar (12 "
                        "maanden): geen jaarcijfer.", "Des données de contexte sur {indicators}, "
                        "mais aucune année complète (12 mois) : pas de chiffre annuel.", "Context "
                        "data on {indicators}, but no full year (12 months): no yearly figure."),
    "context_only": ("Voor deze gemeente zijn er **geen projecten en geen registraties van "
                     "projecten** in de gegevens: dit rapport toont alleen contextgegevens "
                     "(deel 7). De delen over doelstellingen, proces, impact en vergelijking "
                     "blijven daarom leeg.", "Pour cette commune, les données ne contiennent "
                     "**ni projet ni enregistrement de projet** : ce rapport ne montre que des "
                     "données de contexte (partie 7). Les parties sur les objectifs, le "
                     "processus, l'impact et la comparaison restent donc vides.", "For this "
                     "municipality the data hold **no project and no project registration**: "
                     "this report shows context data only (part 7). The parts on objectives, "
                     "process, impact and comparison are therefore empty."),
    "context_no_registrations": ("Voor deze gemeente zijn er projecten maar **geen "
                                 "registraties** in de gegevens.", "Pour cette commune, il y a "
                                 "des projets mais **aucun enregistrement** dans les données.",
                                 "For this municipality there are projects but **no "
                                 "registrations** in the data."),
    "context_change": ("Verandering t.o.v. vorig jaar", "Évolution par rapport à l'année "
                       "précédente", "Change against the year before"),
    "context_from_projects": ("registraties van {projects}: {source}", "enregistrements de "
                              "{projects} : {source}", "registrations of {projects}: {source}"),
    "context_from_projects_only": ("registraties van {projects}", "enregistrements de "
                                   "{projects}", "registrations of {projects}"),
    "funnel_place": ("Plaats in de trechter", "Place dans l'entonnoir", "Place in the funnel"),
    "context_source": ("Bron", "Source", "Source"),
    "no_funnel": ("geen trechter (minder dan {min} gemeenten)", "pas d'entonnoir (moins de "
                  "{min} communes)", "no funnel (fewer than {min} municipalities)"),
}  # fmt: skip
