"""The words of the national overview page (:mod:`socprev_kit.reports.overview`), in Dutch,
French and English (same conventions as :mod:`socprev_kit.reports.texts`)."""

from __future__ import annotations

from ..common.formatting import Lang, check_lang, no_break_spaces

__all__ = ["OVERVIEW", "overview_text"]

OVERVIEW: dict[str, tuple[str, str, str]] = {
    "title": ("Nationaal overzicht", "Aperçu national", "National overview"),
    "intro": ("Per impact- en contextindicator: het aantal per gemeente en per volledig jaar "
              "(12 maanden), de bevolking en het aantal per 1.000 inwoners, uit de "
              "contextgegevens van de gemeente als die er zijn, anders uit de registraties van "
              "haar projecten. Een klein aantal is afgeschermd, zoals in de rapporten; zijn "
              "aantal per 1.000 dan ook.",
              "Par indicateur d'impact et de contexte : le nombre par commune et par année "
              "complète (12 mois), la population et le nombre pour 1 000 habitants, tirés des "
              "données de contexte de la commune s'il y en a, sinon des enregistrements de ses "
              "projets. Un petit nombre est masqué, comme dans les rapports ; son taux pour "
              "1 000 aussi.",
              "Per impact and context indicator: the count per municipality and full year "
              "(12 months), the population and the rate per 1,000 inhabitants, from the "
              "municipality's context data when it has any, else from its projects' "
              "registrations. A small count is hidden, as in the reports; so is its rate."),
    "h_rates": ("Aantal per 1.000 inwoners per gemeente en jaar",
                "Taux pour 1 000 habitants par commune et par année",
                "Rate per 1,000 inhabitants by municipality and year"),
    "h_funnels": ("Trechters over alle gemeenten", "Entonnoirs sur toutes les communes",
                  "Funnels across all municipalities"),
    "h_positions": ("Plaats van elk project", "Position de chaque projet",
                    "Each project's position"),
    "positions_intro": ("Per project, elke gemeente ervan in de trechter van elke indicator "
                        "die het project registreert.",
                        "Par projet, chacune de ses communes dans l'entonnoir de chaque "
                        "indicateur que le projet enregistre.",
                        "Per project, each of its municipalities in the funnel of each indicator "
                        "the project registers."),
    "no_data": ("Geen indicator met een volledig jaar per gemeente in deze gegevens.",
                "Aucun indicateur avec une année complète par commune dans ces données.",
                "No indicator with a full year per municipality in these data."),
    "no_funnel": ("{indicator}: geen trechter (minder dan {min} gemeenten met een getoond "
                  "volledig jaar).",
                  "{indicator} : pas d'entonnoir (moins de {min} communes avec une année "
                  "complète affichée).",
                  "{indicator}: no funnel (fewer than {min} municipalities with a full year "
                  "shown)."),
    "funnel_alt": ("Trechter van {indicator} in {year}: {n} gemeenten vergeleken, "
                   "groepsgemiddelde {rate} per 1.000; {above} boven en {below} onder de "
                   "99,8 %-grenzen, {hidden} afgeschermd en weggelaten.",
                   "Entonnoir de {indicator} en {year} : {n} communes comparées, taux du "
                   "groupe {rate} pour 1 000 ; {above} au-dessus et {below} en dessous des "
                   "limites à 99,8 %, {hidden} masquées et omises.",
                   "Funnel of {indicator} in {year}: {n} municipalities compared, group rate "
                   "{rate} per 1,000; {above} above and {below} below the 99.8% limits, "
                   "{hidden} hidden and left out."),
    "indicator": ("Indicator", "Indicateur", "Indicator"),
    "municipality": ("Gemeente", "Commune", "Municipality"),
    "province": ("Provincie", "Province", "Province"),
    "region": ("Gewest", "Région", "Region"),
    "year": ("Jaar", "Année", "Year"),
    "count": ("Aantal", "Nombre", "Count"),
    "population": ("Bevolking", "Population", "Population"),
    "rate": ("Per 1.000 inwoners", "Pour 1 000 habitants", "Per 1,000 inhabitants"),
    "origin": ("Bron", "Source", "Source"),
    "context": ("contextgegevens", "données de contexte", "context data"),
    "registrations": ("registraties", "enregistrements", "registrations"),
    "project": ("Project", "Projet", "Project"),
    "position": ("Plaats in de trechter", "Place dans l'entonnoir", "Place in the funnel"),
    "not_in_funnel": ("geen volledig jaar", "pas d'année complète", "no full year"),
    "no_funnel_short": ("geen trechter", "pas d'entonnoir", "no funnel"),
    "group_rate": ("Groepsgemiddelde", "Taux du groupe", "Group rate"),
    "search": ("Zoeken (gemeente, NIS-code)", "Rechercher (commune, code INS)",
               "Search (municipality, NIS code)"),
    "shown": ("{shown} van de {total} rijen passen bij de keuze; {listed} staan hieronder.",
              "{shown} lignes sur {total} correspondent au choix ; {listed} sont affichées.",
              "{shown} of {total} rows match; {listed} are listed below."),
    "back": ("Terug naar de rapporten", "Retour aux rapports", "Back to the reports"),
}  # fmt: skip


def overview_text(key: str, lang: Lang, **fields: object) -> str:
    """The overview's text of ``key`` in ``lang``, its ``{fields}`` filled in.

    >>> overview_text("year", "fr")
    'Année'
    """
    check_lang(lang)
    return no_break_spaces(OVERVIEW[key][("nl", "fr", "en").index(lang)].format(**fields), lang)
