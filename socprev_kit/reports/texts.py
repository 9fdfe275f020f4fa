"""Every word of a report that is not an interpretation sentence, in Dutch, French and English.

:data:`TEXTS` maps a key to a text per language; :func:`text` fills in the ``{fields}`` and
gives the language's no-break spaces. The sentences on trends, attainment and ITS results come from
:mod:`socprev_kit.evaluation.interpretation.texts`; code lists (project types, designs) from the
catalogue. For translators: keep every ``{placeholder}``; write plain spaces (see
:func:`socprev_kit.common.formatting.no_break_spaces`); Markdown (``#``, ``*``, ``**``) is kept as
is.
"""

from __future__ import annotations

from ..common.formatting import Lang, check_lang, no_break_spaces
from .texts_context import CONTEXT
from .texts_evaluation import EVALUATION
from .texts_evidence import EVIDENCE
from .texts_population import POPULATION
from .texts_strength import STRENGTH

__all__ = ["TEXTS", "text"]

_SECTIONS = {
    "h_who": ("1. Wie en wat", "1. Qui et quoi", "1. Who and what"),
    "h_quality": ("2. Kwaliteit van de gegevens", "2. Qualité des données", "2. Data quality"),
    "h_logic": ("3. Doelstellingen en resultaten", "3. Objectifs et résultats",
                "3. Objectives and results"),
    "h_process": ("4. Proces- en outputindicatoren", "4. Indicateurs de processus et de "
                  "réalisation", "4. Process and output indicators"),
    "h_impact": ("5. Impactindicatoren", "5. Indicateurs d'impact", "5. Impact indicators"),
    "h_compare": ("6. Vergelijking met andere gemeenten", "6. Comparaison avec d'autres "
                  "communes", "6. Comparison with other municipalities"),
    "h_interpret": ("8. Interpretatie", "8. Interprétation", "8. Interpretation"),
    "h_annex": ("9. Bijlage", "9. Annexe", "9. Annex"),
    "h_projects": ("Projecten", "Projets", "Projects"),
    "h_municipalities": ("Gemeenten van het project", "Communes du projet",
                         "Municipalities of the project"),
    "h_completeness": ("Volledigheid van de registratie", "Complétude de l'enregistrement",
                       "Completeness of registration"),
    "h_issues": ("Problemen in de gegevens", "Problèmes dans les données", "Problems in the data"),
    "h_findings": ("Belangrijkste bevindingen", "Principaux constats", "Main findings"),
    "h_caveats": ("Kanttekeningen", "Précautions de lecture", "Caveats"),
    "h_parameters": ("Parameters", "Paramètres", "Parameters"),
    "h_methods": ("Methoden", "Méthodes", "Methods"),
    "h_tables": ("Tabellen: waarden per jaar", "Tableaux : valeurs par année",
                 "Tables: values per year"),
    "h_files": ("Gelezen bestanden", "Fichiers lus", "Files read"),
}  # fmt: skip

_WORDS = {
    "title_municipality": ("Evaluatierapport {name}", "Rapport d'évaluation {name}",
                           "Evaluation report {name}"),
    "title_project": ("Evaluatierapport project {name}", "Rapport d'évaluation du projet {name}",
                      "Evaluation report of project {name}"),
    "subtitle": ("Projecten tegen druggerelateerde criminaliteit en overlast · rapport van {date}",
                 "Projets contre la criminalité et les nuisances liées aux drogues · rapport du "
                 "{date}", "Projects against drug-related crime and nuisance · report of {date}"),
    "sample_note": ("Dit rapport gebruikt de **synthetische voorbeeldgegevens** van socprev-kit: "
                    "de projecten en alle cijfers zijn verzonnen.",
                    "Ce rapport utilise les **données d'exemple synthétiques** de socprev-kit : "
                    "les projets et tous les chiffres sont inventés.",
                    "This report uses the **synthetic sample data** of socprev-kit: the projects "
                    "and every figure are invented."),
    "municipality": ("Gemeente", "Commune", "Municipality"),
    "name_nl": ("Naam (Nederlands)", "Nom (néerlandais)", "Name (Dutch)"),
    "name_fr": ("Naam (Frans)", "Nom (français)", "Name (French)"),
    "nis_code": ("NIS-code", "Code INS", "NIS code"),
    "province": ("Provincie", "Province", "Province"),
    "region": ("Gewest", "Région", "Region"),
    "police_zone": ("Politiezone", "Zone de police", "Police zone"),
    "population": ("Inwoners", "Habitants", "Inhabitants"),
    "population_of": ("{n} (1 januari {year})", "{n} (1er janvier {year})",
                      "{n} (1 January {year})"),
    "period": ("Periode", "Période", "Period"),
    "period_covered": ("{first} tot {last}", "{first} à {last}", "{first} to {last}"),
    "period_asked": ("gevraagd: {start} tot {end}", "demandé : {start} à {end}",
                     "asked: {start} to {end}"),
    "open": ("begin", "début", "start"),
    "open_end": ("einde", "fin", "end"),
    "data": ("Gegevens", "Données", "Data"),
    "data_version": ("Gegevensversie", "Version des données", "Data version"),
    "kit_version": ("Versie socprev-kit", "Version de socprev-kit", "socprev-kit version"),
    "report_date": ("Datum van het rapport", "Date du rapport", "Report date"),
    "language": ("Taal", "Langue", "Language"),
    "geography": ("Gemeentelijke indeling", "Découpage communal", "Municipal geography"),
    "geography_2025": ("565 gemeenten sinds 1 januari 2025 (oude NIS-codes omgezet)",
                       "565 communes depuis le 1er janvier 2025 (anciens codes INS convertis)",
                       "565 municipalities since 1 January 2025 (old NIS codes mapped)"),
    "sample_data": ("voorbeeldgegevens (synthetisch)", "données d'exemple (synthétiques)",
                    "sample data (synthetic)"),
    "field": ("Gegeven", "Élément", "Item"),
    "value": ("Waarde", "Valeur", "Value"),
    "project": ("Project", "Projet", "Project"),
    "name": ("Naam", "Nom", "Name"),
    "types": ("Soort", "Type", "Type"),
    "phenomenon": ("Fenomeen", "Phénomène", "Phenomenon"),
    "lead": ("Trekker", "Commune pilote", "Lead municipality"),
    "municipalities": ("Gemeenten", "Communes", "Municipalities"),
    "start": ("Start", "Début", "Start"),
    "intervention": ("Interventie", "Intervention", "Intervention"),
    "lag": ("{month} (+{lag} mnd)", "{month} (+{lag} mois)", "{month} (+{lag} mo.)"),
    "end": ("Einde", "Fin", "End"),
    "running": ("loopt nog", "en cours", "running"),
    "design": ("Evaluatieopzet", "Plan d'évaluation", "Evaluation design"),
    "impact_model": ("Verwacht effect", "Effet attendu", "Expected change"),
    "comparisons": ("Vergelijkingsgemeenten", "Communes de comparaison",
                    "Comparison municipalities"),
    "none": ("geen", "aucune", "none"),
    "intermunicipal": ("{id} is een intergemeentelijk project ({names}): de doelstellingen "
                       "gelden voor het hele project; het heeft een eigen rapport.",
                       "{id} est un projet intercommunal ({names}) : les objectifs valent pour "
                       "l'ensemble du projet ; il a son propre rapport.",
                       "{id} is an intermunicipal project ({names}): its objectives are for the "
                       "project as a whole; it has a report of its own."),
    "whole_project": ("hele project: {names}", "tout le projet : {names}",
                      "whole project: {names}"),
    "project_total": ("alle gemeenten samen", "toutes les communes ensemble",
                      "all municipalities together"),
    "no_projects": ("Geen projecten met gegevens.", "Aucun projet avec des données.",
                    "No projects with data."),
    "regs_without_projects": (
        "De gegevens bevatten registraties van deze gemeente voor {projects}, maar geen "
        "projectentabel. Zonder de projecten (deelnemende gemeenten, start van de interventie, "
        "evaluatieplan) kan dit rapport die registraties niet tonen. Voeg de projecten toe (het "
        "blad Projecten van het registratiewerkboek, of een blad of bestand met de kolommen "
        "project, naam, projecttypes, trekkende gemeente en startdatum) en maak het rapport "
        "opnieuw.",
        "Les données contiennent des enregistrements de cette commune pour {projects}, mais "
        "aucun tableau de projets. Sans les projets (communes participantes, début de "
        "l'intervention, plan d'évaluation), ce rapport ne peut pas montrer ces enregistrements. "
        "Ajoutez les projets (la feuille Projets du classeur d'enregistrement, ou une feuille ou "
        "un fichier avec les colonnes projet, nom, types de projet, commune pilote et date de "
        "début) et refaites le rapport.",
        "The data hold registrations of this municipality for {projects} but no projects "
        "table. Without the projects (participating municipalities, start of the intervention, "
        "evaluation design) this report cannot show those registrations. Add the projects (the "
        "Projects sheet of the registration workbook, or a sheet or file with the columns "
        "project_id, name, project_types, lead_nis_code and start_date) and make the report "
        "again."),
}  # fmt: skip

_QUALITY = {
    "completeness_share": ("Van de {expected} verwachte maanden (per project, indicator en "
                           "gemeente) zijn er {registered} geregistreerd ({share}).",
                           "Sur les {expected} mois attendus (par projet, indicateur et commune), "
                           "{registered} sont enregistrés ({share}).",
                           "Of the {expected} expected months (per project, indicator and "
                           "municipality), {registered} are registered ({share})."),
    "completeness_none": ("Geen maandelijkse indicatoren om te controleren.",
                          "Aucun indicateur mensuel à contrôler.",
                          "No monthly indicators to check."),
    "completeness_gaps": ("Reeksen met ontbrekende maanden:", "Séries avec des mois manquants :",
                          "Series with missing months:"),
    "completeness_full": ("Elke verwachte maand is geregistreerd.",
                          "Chaque mois attendu est enregistré.",
                          "Every expected month is registered."),
    "expected": ("Verwacht", "Attendus", "Expected"),
    "registered": ("Geregistreerd", "Enregistrés", "Registered"),
    "share": ("Aandeel", "Part", "Share"),
    "first_month": ("Van", "De", "From"),
    "last_month": ("Tot", "À", "To"),
    "issues_count": ("In de bestanden van dit rapport: {errors} fout(en), {warnings} "
                     "waarschuwing(en) en {infos} opmerking(en). Rijen met een fout tellen niet "
                     "mee.", "Dans les fichiers de ce rapport : {errors} erreur(s), {warnings} "
                     "avertissement(s) et {infos} remarque(s). Les lignes avec une erreur ne sont "
                     "pas comptées.", "In the files of this report: {errors} error(s), {warnings} "
                     "warning(s) and {infos} note(s). Rows with an error are left out."),
    "issues_first": ("De eerste {n} van {total}:", "Les {n} premiers sur {total} :",
                     "The first {n} of {total}:"),
    "issues_none": ("Geen problemen gevonden.", "Aucun problème trouvé.", "No problems found."),
    "file": ("Bestand", "Fichier", "File"),
    "sheet": ("Blad", "Feuille", "Sheet"),
    "row": ("Rij", "Ligne", "Row"),
    "column": ("Kolom", "Colonne", "Column"),
    "severity": ("Ernst", "Gravité", "Severity"),
    "message": ("Boodschap", "Message", "Message"),
    "error": ("fout", "erreur", "error"),
    "warning": ("waarschuwing", "avertissement", "warning"),
    "info": ("opmerking", "remarque", "note"),
    "rows": ("Rijen", "Lignes", "Rows"),
}  # fmt: skip

_ANNEX = {
    "parameter": ("Parameter", "Paramètre", "Parameter"),
    "empty": ("(leeg)", "(vide)", "(empty)"),
    "m_data": ("**Gegevens.** {n} bestanden, gelezen en gecontroleerd met socprev-kit {version}. "
               "Gemeenten volgens de indeling van 2025: registraties onder een oude NIS-code "
               "tellen bij de gemeente waarvan ze nu deel uitmaakt. Gegevensversie: de "
               "SHA-256-code van de gegevens die dit rapport gebruikt ({hash}).",
               "**Données.** {n} fichiers, lus et "
               "contrôlés avec socprev-kit {version}. Communes selon le découpage de 2025 : les "
               "enregistrements sous un ancien code INS comptent pour la commune dont elle fait "
               "partie aujourd'hui. Version des données : l'empreinte SHA-256 des "
               "données qu'utilise ce rapport ({hash}).",
               "**Data.** {n} files, read and checked with socprev-kit {version}. "
               "Municipalities on the 2025 geography: registrations under an old NIS code count "
               "for the municipality it is part of now. Data version: the SHA-256 digest of the "
               "data this report uses ({hash})."),
    "m_rates": ("**Per 1.000 inwoners.** Aantal / bevolking op 1 januari van hetzelfde jaar × "
                "1.000; voor jaren na het laatste bevolkingsjaar van de kit ({year}) de bevolking "
                "van dat jaar. De bevolking is die van het grondgebied waarvoor geregistreerd "
                "werd: vóór 2025 deelt een registratie onder de oude NIS-code van een "
                "fusiegemeente door de bevolking van de oude gemeente.", "**Pour 1 000 "
                "habitants.** Nombre / population au 1er janvier de la même année × 1 000 ; pour "
                "les années après la dernière année de population du kit ({year}), la population "
                "de cette année. La population est celle du territoire pour lequel on a "
                "enregistré : avant 2025, un enregistrement sous l'ancien code INS d'une commune "
                "fusionnée divise par la population de l'ancienne commune.", "**Per 1,000 "
                "inhabitants.** Count / population on 1 January of the same year × 1,000; for "
                "years after the kit's latest population year ({year}), that year's population. "
                "The population is that of the territory registered for: before 2025, a "
                "registration under the old NIS code of a merged municipality divides by the old "
                "municipality's population."),
    "m_attainment": ("**Realisatie.** Over alle gemeenten van het project samen, in de gewenste "
                     "richting van de indicator (of die van beginwaarde naar streefwaarde). "
                     "Voorbije streefperiode: de waarde in die periode zelf, bereikt of niet. "
                     "Lopende: de laatste 12 maanden op de schaal van de streefperiode; ‘op "
                     "schema’ als de rechte door die maanden de streefwaarde op tijd haalt. "
                     "Afgeleide indicatoren: som van de tellers / som van de noemers. (waarde − "
                     "beginwaarde) / (streefwaarde − beginwaarde) alleen als de beginwaarde de "
                     "streefwaarde nog niet haalde.",
                     "**Réalisation.** Pour toutes les communes du projet ensemble, dans le sens "
                     "souhaité de l'indicateur (ou celui de la valeur de départ vers la cible). "
                     "Période cible terminée : la valeur de cette période, atteinte ou non. En "
                     "cours : les 12 derniers mois à l'échelle de la période cible ; « en bonne "
                     "voie » si la droite passant par ces mois atteint la cible à temps. "
                     "Indicateurs dérivés : somme des numérateurs / somme des dénominateurs. "
                     "(valeur − valeur de départ) / (cible − valeur de départ) seulement si la "
                     "valeur de départ n'atteignait pas encore la cible.",
                     "**Attainment.** Over all the project's municipalities together, in the "
                     "indicator's desired direction (or that from baseline to target). Target "
                     "period over: the value in that period itself, reached or not. Running: the "
                     "last 12 months on the scale of the target period; 'on track' when the "
                     "straight line through them reaches the target in time. Derived indicators: "
                     "sum of numerators / sum of denominators. (value − baseline) / (target − "
                     "baseline) only when the baseline did not meet the target yet."),
    "m_its": ("**Onderbroken tijdreeks.** Gesegmenteerde regressie van de maandaantallen "
              "(quasi-Poisson, de bevolking als offset, seizoen met één sinus-cosinuspaar), "
              "vanaf de interventiedatum van het project plus de vertraging; met "
              "vergelijkingsgemeenten waar de evaluatieopzet die noemt. Minstens 3 maanden voor "
              "en na (12 is beter) en gemiddeld minstens 1 geval per maand aan elke kant. "
              "Resultaat: de verandering van het niveau als verhouding, "
              "met een 95 %-interval.", "**Série temporelle interrompue.** Régression "
              "segmentée des nombres mensuels (quasi-Poisson, la population en offset, saison "
              "avec une paire sinus-cosinus), à partir de la date d'intervention du projet plus "
              "le délai ; avec des communes de comparaison là où le plan d'évaluation les "
              "nomme. Au moins 3 mois avant et après (12 de préférence) et en moyenne au moins 1 "
              "cas par mois de chaque côté. Résultat : le "
              "changement de niveau en rapport, avec un intervalle à 95 %.", "**Interrupted "
              "time series.** Segmented regression of the monthly counts (quasi-Poisson, "
              "population as offset, seasonality with one sine-cosine pair), from the project's "
              "intervention date plus the lag; with comparison municipalities where the "
              "evaluation design names them. At least 3 months before and after (12 are "
              "better) and on average at least 1 case a month on each side. Result: the change "
              "in level as a ratio, with a 95% interval."),
    "m_covid_both": ("**COVID-19.** Vallen maanden van een tijdreeks in de COVID-19-periode "
                     "(maart 2020 tot juni 2021), dan zegt het rapport dat en schat het de "
                     "verandering een tweede keer zonder die maanden (parameter covid).",
                     "**COVID-19.** Quand des mois d'une série tombent dans la période de "
                     "COVID-19 (mars 2020 à juin 2021), le rapport le dit et estime le "
                     "changement une seconde fois sans ces mois (paramètre covid).",
                     "**COVID-19.** When months of a series fall in the COVID-19 period (March "
                     "2020 to June 2021), the report says so and estimates the change a second "
                     "time without those months (parameter covid)."),
    "m_covid_include": ("**COVID-19.** Vallen maanden van een tijdreeks in de COVID-19-periode "
                        "(maart 2020 tot juni 2021), dan zegt het rapport dat; ze tellen mee "
                        "(parameter covid).",
                        "**COVID-19.** Quand des mois d'une série tombent dans la période de "
                        "COVID-19 (mars 2020 à juin 2021), le rapport le dit ; ils sont comptés "
                        "(paramètre covid).",
                        "**COVID-19.** When months of a series fall in the COVID-19 period "
                        "(March 2020 to June 2021), the report says so; they are counted "
                        "(parameter covid)."),
    "m_covid_exclude": ("**COVID-19.** De maanden van de COVID-19-periode (maart 2020 tot juni "
                        "2021) zijn uit de tijdreeksen weggelaten; het rapport geeft de "
                        "verandering ook met die maanden (parameter covid).",
                        "**COVID-19.** Les mois de la période de COVID-19 (mars 2020 à juin "
                        "2021) sont exclus des séries ; le rapport donne aussi le changement avec "
                        "ces mois (paramètre covid).",
                        "**COVID-19.** The months of the COVID-19 period (March 2020 to June "
                        "2021) are left out of the series; the report also gives the change with "
                        "those months (parameter covid)."),
    "m_funnel": ("**Trechterdiagram.** Elke gemeente met 12 maanden gegevens in het jaar, "
                 "minstens 8; aantallen onder het minimum weggelaten, ook uit het "
                 "groepsgemiddelde. Grenzen (95 % en 99,8 %) rond het groepsgemiddelde: exacte "
                 "Poisson-grenzen, verbreed voor overdispersie (Spiegelhalter 2005): φ uit de "
                 "z-scores op de wortelschaal, 10 % aan elke kant gewinsoriseerd; tot φ = 2 "
                 "multiplicatief met √φ, daarboven additieve toevalseffecten (τ²).",
                 "**Graphique en entonnoir.** Chaque commune avec 12 mois de données dans "
                 "l'année, au moins 8 ; les nombres sous le minimum sont omis, aussi de la "
                 "moyenne du groupe. Limites (95 % et 99,8 %) autour de la moyenne du groupe : "
                 "limites de Poisson exactes, élargies pour la surdispersion (Spiegelhalter "
                 "2005) : φ d'après les scores z sur l'échelle de la racine carrée, winsorisés à "
                 "10 % de chaque côté ; jusqu'à φ = 2 multiplicatives par √φ, au-delà effets "
                 "aléatoires additifs (τ²).", "**Funnel plot.** Every municipality with 12 "
                 "months of data in the year, at least 8; counts under the minimum left out, "
                 "also of the group rate. Limits (95% and 99.8%) around the group rate: exact "
                 "Poisson limits widened for overdispersion (Spiegelhalter 2005): φ from the "
                 "z-scores on the square-root scale, winsorised 10% each side; up to φ = 2 "
                 "multiplicative by √φ, above it additive random effects (τ²)."),
    "m_suppression": ("**Afscherming.** Aantallen van 1 tot {k_minus} (minimum van de "
                      "catalogus, meestal {k}) zijn afgeschermd, en ook de percentages en "
                      "verhoudingen die ze zouden verraden. Daarnaast worden andere waarden "
                      "afgeschermd waaruit een afgeschermde waarde af te leiden zou zijn: een "
                      "gemeente naast het projecttotaal, een maand naast het jaar, teller en "
                      "noemer van een klein verschil. Dat gebeurt één keer voor alle rapporten "
                      "van dezelfde gegevens. In tabellen staat dan ‘afgeschermd’; in figuren "
                      "wordt het punt niet getekend.", "**Masquage.** Les nombres de 1 à {k_minus} "
                      "(minimum du catalogue, en général {k}) sont masqués, de même que les "
                      "pourcentages et rapports qui les révéleraient. D'autres valeurs sont "
                      "masquées en plus lorsqu'elles permettraient de retrouver une valeur "
                      "masquée : une commune à côté du total du projet, un mois à côté de "
                      "l'année, le numérateur et le dénominateur d'une petite différence. Cela se "
                      "décide une fois pour tous les rapports des mêmes données. Les tableaux "
                      "indiquent alors « masqué » ; les graphiques ne montrent pas le point.",
                      "**Suppression.** Counts from 1 to {k_minus} (the catalogue's minimum, "
                      "usually {k}) are hidden, and so are the percentages and ratios that would "
                      "reveal them. Other values are hidden as well when a hidden value could be "
                      "worked out from them: a municipality beside the project total, a month "
                      "beside its year, the numerator and denominator of a small difference. This "
                      "is decided once for all reports on the same data. Tables then read "
                      "'hidden'; figures do not draw the point."),
    "annex_table_note": ("Waarden per kalenderjaar volgens de regel van de catalogus (som, "
                         "gemiddelde of laatste waarde); afgeleide indicatoren uit de "
                         "jaarwaarden van teller en noemer.", "Valeurs par année civile selon la "
                         "règle du catalogue (somme, moyenne ou dernière valeur) ; indicateurs "
                         "dérivés à partir des valeurs annuelles du numérateur et du "
                         "dénominateur.", "Values per calendar year following the catalogue's "
                         "rule (sum, mean or last value); derived indicators from the yearly "
                         "values of numerator and denominator."),
    "headline": ("**{name}** ({id}): {n_projects} project(en), {n_objectives} doelstellingen "
                 "({statuses}), {n_issues_error} fouten en {n_issues_warning} waarschuwingen "
                 "in de gegevens.", "**{name}** ({id}) : {n_projects} projet(s), {n_objectives} "
                 "objectifs ({statuses}), {n_issues_error} erreurs et {n_issues_warning} "
                 "avertissements dans les données.", "**{name}** ({id}): {n_projects} "
                 "project(s), {n_objectives} objectives ({statuses}), {n_issues_error} errors "
                 "and {n_issues_warning} warnings in the data."),
}  # fmt: skip

_TABLES = (
    _SECTIONS, _WORDS, _QUALITY, *EVALUATION, _ANNEX, POPULATION, CONTEXT, STRENGTH, EVIDENCE,
)  # fmt: skip
TEXTS: dict[str, dict[str, str]] = {
    key: dict(zip(("nl", "fr", "en"), words, strict=True))
    for table in _TABLES
    for key, words in table.items()
}
if len(TEXTS) != sum(len(t) for t in _TABLES):  # a key in two tables: one would be lost
    raise RuntimeError("A report text key is defined twice in the tables of reports.texts*.")


def text(key: str, lang: Lang, **fields: object) -> str:
    """The text of ``key`` in ``lang``, its ``{fields}`` filled in, with no-break spaces.

    >>> text("h_quality", "fr")
    '2. Qualité des données'
    >>> text("population_of", "nl", n="2.608", year=2020)
    '2.608 (1 januari 2020)'
    """
    check_lang(lang)
    return no_break_spaces(TEXTS[key][lang].format(**fields), lang)
