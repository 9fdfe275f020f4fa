"""The words on populations and the 2025 mergers in a report, in Dutch, French and English
(:mod:`socprev_kit.reports.population`); part of :data:`~socprev_kit.reports.texts.TEXTS`."""

from __future__ import annotations

POPULATION = {
    "merger_intro": ("{name} bestaat sinds 1 januari 2025 uit {parts}.", "{name} est née le 1er "
                     "janvier 2025 de la fusion de {parts}.", "{name} was formed on 1 January "
                     "2025 from {parts}."),
    "merger_part": ("{years}: geregistreerd voor {area} alleen; de cijfers per 1.000 inwoners "
                    "delen door de bevolking van dat grondgebied ({n} op 1 januari {year}), niet "
                    "door die van de fusiegemeente ({whole}).", "{years} : enregistré pour {area} "
                    "seule ; les taux pour 1 000 habitants divisent par la population de ce "
                    "territoire ({n} au 1er janvier {year}), pas par celle de la commune "
                    "fusionnée ({whole}).", "{years}: registered for {area} alone; rates per "
                    "1,000 divide by that territory's population ({n} on 1 January {year}), not "
                    "by the merged municipality's ({whole})."),
    "merger_whole_before": ("{years}: de registraties van {parts} samengeteld, met de som van "
                            "hun bevolking.", "{years} : les enregistrements de {parts} "
                            "additionnés, avec la somme de leurs populations.", "{years}: the "
                            "registrations of {parts} added up, with the sum of their "
                            "populations."),
    "merger_whole": ("{years}: de fusiegemeente, met de som van de bevolking van {parts}.",
                     "{years} : la commune fusionnée, avec la somme des populations de {parts}.",
                     "{years}: the merged municipality, with the sum of the populations of "
                     "{parts}."),
    "merger_comparable": ("De aantallen volgen het geregistreerde grondgebied en springen bij de "
                          "fusie; de cijfers per 1.000 inwoners delen telkens door de bevolking "
                          "van dat grondgebied en blijven over de fusie heen vergelijkbaar.",
                          "Les nombres suivent le territoire enregistré et font un saut à la "
                          "fusion ; les taux pour 1 000 habitants divisent chaque fois par la "
                          "population de ce territoire et restent comparables de part et d'autre "
                          "de la fusion.", "Counts follow the territory registered and jump at "
                          "the merger; rates per 1,000 divide by that territory's population each "
                          "time and stay comparable across the merger."),
    "population_year_note": ("De cijfers van {year} per 1.000 inwoners delen door de bevolking "
                             "op 1 januari {used}, de laatste die de kit heeft.", "Les taux de "
                             "{year} pour 1 000 habitants divisent par la population au 1er "
                             "janvier {used}, la dernière dont dispose le kit.", "Rates of "
                             "{year} per 1,000 inhabitants divide by the population on 1 January "
                             "{used}, the latest the kit holds."),
}  # fmt: skip
