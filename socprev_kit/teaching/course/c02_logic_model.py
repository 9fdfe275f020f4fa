"""Notebook 02: from the logic model to indicators (objectives, indicator types, derived ones)."""

from socprev_kit.teaching.exercise import Exercise

NUMBER = 2
NAME = "logic_model"

CELLS: list[dict[str, str] | str | Exercise] = [
    {
        "nl": """
# 2. Van logisch model naar indicatoren

Elk project vertrekt van een **logisch model**: wat wil je bereiken, en hoe? In een
veiligheids- en preventieplan heeft dat drie niveaus van doelstellingen:

| niveau | in de data | voorbeeld |
|---|---|---|
| **algemene** doelstelling | `general` | minder drugsoverlast in de stad |
| **strategische** doelstelling | `strategic` | 20 % minder geregistreerde incidenten |
| **operationele** doelstelling | `operational` | zoveel uren straathoekwerk per jaar |

Elke doelstelling krijgt een **indicator**: een cijfer dat je regelmatig registreert en dat
toont of je de doelstelling haalt. In dit notitieboek volg je één project, **GEN-DAM**
(outreach en gemeenschapswachten in de Dampoortwijk in Gent), van zijn doelstellingen tot zijn
cijfers.
""",
        "fr": """
# 2. Du modèle logique aux indicateurs

Tout projet part d'un **modèle logique** : que voulez-vous atteindre, et comment ? Dans un plan
stratégique de sécurité et de prévention, les objectifs ont trois niveaux :

| niveau | dans les données | exemple |
|---|---|---|
| objectif **général** | `general` | moins de nuisances liées à la drogue dans la ville |
| objectif **stratégique** | `strategic` | 20 % d'incidents enregistrés en moins |
| objectif **opérationnel** | `operational` | tant d'heures de travail de rue par an |

Chaque objectif reçoit un **indicateur** : un chiffre que l'on enregistre régulièrement et qui
montre si l'objectif est atteint. Dans ce carnet, vous suivez un projet, **GEN-DAM** (travail de
rue et gardiens de la paix dans le quartier Dampoort à Gand), de ses objectifs à ses chiffres.
""",
    },
    """
import pandas as pd
import socprev_kit as sk
from socprev_kit.data.catalogue import code_list
from socprev_kit.plots import plot_attainment
from socprev_kit.sampledata import ensure_sample_data
from socprev_kit.teaching.checks import check_reach_indicator, check_year_percentage

pd.set_option("display.max_colwidth", None)  # show long texts in full
""",
    {
        "nl": "We lezen de voorbeelddata, zoals in notitieboek 1.",
        "fr": "Nous lisons les données d'exemple, comme dans le carnet 1.",
    },
    """
data = sk.load(data_path or ensure_sample_data(), lang=lang)
""",
    {
        "nl": """
## Het project

De fiche van het project: naam, hoofdgemeente (NIS-code 44021 is Gent), soort project en de
datum waarop de aanpak echt van start ging (`intervention_date`).
""",
        "fr": """
## Le projet

La fiche du projet : nom, commune principale (le code INS 44021 est Gand), type de projet et
date à laquelle l'action a réellement commencé (`intervention_date`).
""",
    },
    """
data.projects.set_index("project_id").loc[
    "GEN-DAM", ["name", "lead_nis_code", "project_types", "start_date", "intervention_date"]
]
""",
    {
        "nl": """
## De doelstellingen van GEN-DAM

De tabel `objectives` bevat de doelstellingen van alle projecten. We houden die van GEN-DAM over:
""",
        "fr": """
## Les objectifs de GEN-DAM

Le tableau `objectives` contient les objectifs de tous les projets. Nous gardons ceux de
GEN-DAM :
""",
    },
    """
objectives = data.objectives.query("project_id == 'GEN-DAM'")
""",
    """
objectives.set_index("objective_id")[["level", "text"]]
""",
    {
        "nl": """
Een algemene doelstelling (G1), twee strategische (S1, S2) en twee operationele (O1, O2). Lees
ze van onder naar boven: als het team zijn activiteiten uitvoert en genoeg uren op straat staat
(O1, O2), dalen de incidenten en de meldingen (S1, S2), en daardoor ervaren bewoners minder
overlast (G1). Dat "als ... dan" is het logisch model.

Een goede doelstelling is meetbaar: ze noemt een **indicator**, een **nulmeting**
(`baseline_value` in `baseline_period`) en een **streefwaarde** (`target_value` tegen
`target_period`):
""",
        "fr": """
Les textes sont dans la langue de ceux qui les ont écrits : Gand travaille en néerlandais.
Il y a un objectif général (G1), deux stratégiques (S1, S2) et deux opérationnels (O1, O2).
Lisez-les de bas en haut : si l'équipe réalise ses activités et passe assez d'heures en rue
(O1, O2), les incidents et les plaintes diminuent (S1, S2), et les habitants ressentent donc
moins de nuisances (G1). Ce « si ... alors » est le modèle logique.

Un bon objectif est mesurable : il nomme un **indicateur**, une **valeur de départ**
(`baseline_value` en `baseline_period`) et une **valeur cible** (`target_value` pour
`target_period`) :
""",
    },
    """
objectives.set_index("objective_id")[
    ["indicator_id", "baseline_value", "baseline_period", "target_value", "target_period"]
]
""",
    {
        "nl": """
## Drie soorten indicatoren

De **indicatorcatalogus** van socprev-kit beschrijft elke indicator: naam, definitie, eenheid,
hoe je hem optelt ... Elke indicator heeft een **type**:

- een **procesindicator** meet of het project doet wat gepland was (ingezet personeel,
  uitgevoerde activiteiten, uren op straat);
- een **outputindicator** meet wat het project rechtstreeks oplevert (bereikte personen,
  contacten, doorverwijzingen);
- een **impactindicator** meet het effect in de buurt (incidenten, meldingen, ervaren overlast).

Een **contextindicator** beschrijft wat rond het project gebeurt (bv. politiecontroles), zonder
dat het project er zelf op mikt. De vier types met hun naam in elke taal:
""",
        "fr": """
## Trois sortes d'indicateurs

Le **catalogue des indicateurs** de socprev-kit décrit chaque indicateur : nom, définition,
unité, manière de l'additionner ... Chaque indicateur a un **type** :

- un **indicateur de processus** mesure si le projet fait ce qui était prévu (personnel
  affecté, activités réalisées, heures en rue) ;
- un **indicateur de réalisation (output)** mesure ce que le projet produit directement
  (personnes atteintes, contacts, orientations) ;
- un **indicateur d'impact** mesure l'effet dans le quartier (incidents, plaintes, nuisances
  ressenties).

Un **indicateur de contexte** décrit ce qui se passe autour du projet (par exemple les contrôles
de police), sans que le projet le vise lui-même. Les quatre types et leur nom dans chaque
langue :
""",
    },
    """
code_list("indicator_type")
""",
    """
catalogue = sk.indicator_catalogue()
""",
    {
        "nl": "Welk type hebben de indicatoren van de doelstellingen van GEN-DAM?",
        "fr": "Quel est le type des indicateurs des objectifs de GEN-DAM ?",
    },
    """
catalogue.set_index("indicator_id").loc[
    objectives["indicator_id"], ["type", "kind", f"name_{lang}", "unit", "direction"]
]
""",
    {
        "nl": """
De algemene en strategische doelstellingen krijgen een **impactindicator**, de operationele een
**procesindicator**: hoe hoger in het logisch model, hoe verder het effect van het werk van het
team af ligt. `direction` zegt welke kant goed is: `down` (dalen is goed) of `up`.

GEN-DAM registreert ook **outputindicatoren** (O01, O04, O05, O08), maar heeft er geen
doelstelling voor. Dit zijn de outputindicatoren die je in de catalogus kunt registreren:
""",
        "fr": """
Les objectifs général et stratégiques reçoivent un **indicateur d'impact**, les objectifs
opérationnels un **indicateur de processus** : plus on monte dans le modèle logique, plus
l'effet est éloigné du travail de l'équipe. `direction` dit quel sens est bon : `down` (une
baisse est bonne) ou `up`.

GEN-DAM enregistre aussi des **indicateurs de réalisation** (O01, O04, O05, O08), mais n'a pas
d'objectif pour eux. Voici les indicateurs de réalisation que le catalogue permet
d'enregistrer :
""",
    },
    """
catalogue.query("type == 'output' and kind == 'registered'").set_index("indicator_id")[
    [f"name_{lang}", "unit"]
]
""",
    {
        "nl": """
**Oefening.** GEN-DAM wil een derde operationele doelstelling (O3): *meer mensen van de
doelgroep bereiken*. Welke indicator uit de lijst hierboven past daarbij? Vervang `...` door
de code van de indicator, tussen aanhalingstekens (bv. `"O05"`), en voer de cel uit.
""",
        "fr": """
**Exercice.** GEN-DAM veut un troisième objectif opérationnel (O3) : *atteindre davantage de
personnes du groupe cible*. Quel indicateur de la liste ci-dessus convient ? Remplacez `...`
par le code de l'indicateur, entre guillemets (p. ex. `"O05"`), et exécutez la cellule.
""",
    },
    Exercise(
        task="""
indicator_o3 = ...
check_reach_indicator(indicator_o3, lang=lang)
""",
        solution="""
indicator_o3 = "O01"  # or "O03" (newly reached); "O02" (coverage) if the target group is known
check_reach_indicator(indicator_o3, lang=lang)
""",
        explain={
            "nl": """
O01 (unieke bereikte personen) telt personen van de doelgroep; O03 (nieuw bereikte personen)
en O02 (bereik, O01 gedeeld door de geschatte doelpopulatie) zijn ook goed. Veel gekozen en fout:
O04 (contacten) of O05 (doorverwijzingen), die handelingen tellen en geen personen, en een
proces- of impactindicator. Vraag daarna hoe de doelstelling klinkt met een nulmeting en een
streefwaarde, bv. "van 1.277 unieke bereikte personen in 2021 naar 1.500 in 2025".
""",
            "fr": """
O01 (personnes distinctes atteintes) compte des personnes du groupe cible ; O03 (nouvelles
personnes atteintes) et O02 (couverture : O01 divisé par la population cible estimée) sont
justes aussi. Choix fréquents et faux : O04 (contacts) ou O05 (orientations), qui comptent des
actes et non des personnes, et un indicateur de processus ou d'impact. Demandez ensuite comment
formuler l'objectif avec une valeur de départ et une cible, p. ex. « de 1 277 personnes
distinctes atteintes en 2021 à 1 500 en 2025 ».
""",
        },
    ),
    {
        "nl": """
Hoe zou je de zin van die doelstelling schrijven, met een nulmeting en een streefwaarde?

## Geregistreerde en berekende indicatoren

De kolom `kind` zegt hoe een cijfer ontstaat. Een **geregistreerde** indicator typ je zelf in,
maand per maand. Een **berekende** indicator typ je nooit in: socprev-kit berekent hem als

> teller / noemer × factor

waarbij teller en noemer geregistreerde indicatoren zijn. De operationele doelstelling O1 gebruikt
P03, de uitvoeringsgetrouwheid: uitgevoerde activiteiten (P03N) gedeeld door geplande
activiteiten (P03D), maal 100 voor een percentage. I01R, incidenten per 1.000 inwoners, deelt
door het inwonertal (`population`) van de gemeente:
""",
        "fr": """
Comment formuleriez-vous cet objectif, avec une valeur de départ et une valeur cible ?

## Indicateurs enregistrés et calculés

La colonne `kind` dit comment un chiffre naît. Un indicateur **enregistré** se saisit à la main,
mois par mois. Un indicateur **calculé** ne se saisit jamais : socprev-kit le calcule comme

> numérateur / dénominateur × facteur

où numérateur et dénominateur sont des indicateurs enregistrés. L'objectif opérationnel O1
utilise P03, la fidélité de mise en œuvre : les activités réalisées (P03N) divisées par les
activités prévues (P03D), fois 100 pour un pourcentage. I01R, les incidents pour 1 000 habitants,
divise par la population (`population`) de la commune :
""",
    },
    """
catalogue.set_index("indicator_id").loc[
    ["P03N", "P03D", "P03", "I01", "I01R"],
    ["kind", f"name_{lang}", "numerator", "denominator", "factor", "unit"],
]
""",
    {
        "nl": """
`sk.indicator_table` zet alle indicatoren van alle projecten in één tabel, geregistreerde en
berekende samen, per maand, kwartaal of jaar. Hier per jaar, en dan P03 van GEN-DAM:
""",
        "fr": """
`sk.indicator_table` réunit tous les indicateurs de tous les projets dans un seul tableau,
enregistrés et calculés, par mois, trimestre ou année. Ici par année, puis P03 pour GEN-DAM :
""",
    },
    """
yearly = sk.indicator_table(data, freq="year")
""",
    """
yearly.query("project_id == 'GEN-DAM' and indicator_id == 'P03'").set_index("period")[
    ["numerator", "denominator", "value"]
].round(1)
""",
    {
        "nl": """
Reken 2021 na: 783 / 864 × 100 = 90,6. Dat is de nulmeting van O1.

**Denk even na.** Voor een jaar telt socprev-kit eerst alle tellers en alle noemers op en
deelt dan; het neemt niet het gemiddelde van de twaalf maandpercentages. Stel: in januari 1 van
de 2 geplande activiteiten (50 %), in februari 20 van de 20 (100 %). Het gemiddelde van de
percentages is 75 %, de kit geeft 21 / 22 = 95 %. Welk cijfer zegt het best hoe goed het
project zijn planning volgde?

## Oefening: een jaarpercentage

Bij GEN-DAM zijn er elke maand evenveel activiteiten gepland: daar geven beide manieren
hetzelfde. Bij het project ANT-CAS (casusoverleg in Antwerpen) schommelt de noemer wel sterk.
O06, de geslaagde doorverwijzingen, is O06N (doorverwijzingen met bevestigde intake) gedeeld
door O05 (alle doorverwijzingen) × 100. De maandcijfers van 2021:
""",
        "fr": """
Vérifiez 2021 : 783 / 864 × 100 = 90,6. C'est la valeur de départ de O1.

**Réfléchissez.** Pour une année, socprev-kit additionne d'abord tous les numérateurs et tous
les dénominateurs, puis divise ; il ne fait pas la moyenne des douze pourcentages mensuels.
Imaginez : en janvier, 1 activité réalisée sur 2 prévues (50 %), en février 20 sur 20 (100 %).
La moyenne des pourcentages vaut 75 %, le kit donne 21 / 22 = 95 %. Quel chiffre dit le mieux si
le projet a suivi son planning ?

## Exercice : un pourcentage annuel

Chez GEN-DAM, le nombre d'activités prévues est le même chaque mois : les deux façons y
donnent le même résultat. Dans le projet ANT-CAS (concertation de cas à Anvers), le
dénominateur varie beaucoup. O06, les orientations abouties, vaut O06N (orientations avec prise
en charge confirmée) divisé par O05 (toutes les orientations) × 100. Les chiffres mensuels de 2021 :
""",
    },
    """
monthly = sk.indicator_table(data)
""",
    """
monthly.query("project_id == 'ANT-CAS' and indicator_id == 'O06' and period.str[:4] == '2021'")[
    ["period", "numerator", "denominator", "value"]
].round(1)
""",
    {
        "nl": """
**Vraag.** Hoeveel procent is O06 van ANT-CAS voor **heel 2021**, zoals socprev-kit het
berekent? Typ een getal (met een punt, bv. `61.5`), op één decimaal. Je mag rekenen met de
tabel hierboven of met pandas.
""",
        "fr": """
**Question.** Combien vaut O06 pour ANT-CAS sur **toute l'année 2021**, calculé comme le fait
socprev-kit ? Tapez un nombre (avec un point, p. ex. `61.5`), à une décimale. Vous pouvez
calculer à partir du tableau ci-dessus ou avec pandas.
""",
    },
    Exercise(
        task="""
o06_2021 = ...
check_year_percentage(
    o06_2021, data, project_id="ANT-CAS", indicator_id="O06", year="2021", lang=lang
)
""",
        solution="""
o06_2021 = 119 / 225 * 100  # sum of numerators / sum of denominators × 100 = 52.9
check_year_percentage(
    o06_2021, data, project_id="ANT-CAS", indicator_id="O06", year="2021", lang=lang
)
""",
        explain={
            "nl": """
Tellers: 3 + 2 + 11 + ... + 11 = 119; noemers: 7 + 7 + 15 + ... + 19 = 225; 119 / 225 × 100 =
52,9 %. Het gemiddelde van de twaalf maandpercentages is 50,9 %: januari en februari, met maar 7
doorverwijzingen, wegen dan even zwaar als juni met 27. De controle herkent ook de vergeten
× 100 (0,529), de omgekeerde deling (189,1) en de som van de percentages. Met pandas:
`rows = monthly.query(...)`, dan `rows["numerator"].sum() / rows["denominator"].sum() * 100`.
""",
            "fr": """
Numérateurs : 3 + 2 + 11 + ... + 11 = 119 ; dénominateurs : 7 + 7 + 15 + ... + 19 = 225 ;
119 / 225 × 100 = 52,9 %. La moyenne des douze pourcentages mensuels vaut 50,9 % : janvier et
février, avec seulement 7 orientations, pèsent alors autant que juin avec 27. La vérification
reconnaît aussi l'oubli du × 100 (0,529), la division à l'envers (189,1) et la somme des
pourcentages. Avec pandas : `rows = monthly.query(...)`, puis
`rows["numerator"].sum() / rows["denominator"].sum() * 100`.
""",
        },
    ),
    {
        "nl": """
Hetzelfde voor de incidenten per 1.000 inwoners: de teller is I01, de noemer het inwonertal
van Gent in `population_year` (het laatste jaar waarvoor een officieel cijfer bestaat).
""",
        "fr": """
Même principe pour les incidents pour 1 000 habitants : le numérateur est I01, le dénominateur
la population de Gand en `population_year` (la dernière année pour laquelle un chiffre officiel
existe).
""",
    },
    """
yearly.query("project_id == 'GEN-DAM' and indicator_id == 'I01R'").set_index("period")[
    ["numerator", "denominator", "population_year", "value"]
].round(2)
""",
    {
        "nl": """
## Haalt GEN-DAM zijn doelstellingen?

Nu verbinden we de indicatoren weer met de doelstellingen. Het **doelbereik** zegt welk deel
van de weg van nulmeting naar streefwaarde afgelegd is:

> (waargenomen − nulmeting) / (streefwaarde − nulmeting)

0 % is de nulmeting, 100 % de streefwaarde. Waargenomen (`observed`) is de waarde in de
streefperiode zelf als die voorbij is (`status`: bereikt of niet bereikt), anders die van de
laatste twaalf maanden (op schema of achter op schema). `sk.attainment` rekent dit uit op de
maandcijfers; in de tabel staat 1 voor 100 % (0,92 is dus 92 %).
""",
        "fr": """
## GEN-DAM atteint-il ses objectifs ?

Relions maintenant les indicateurs aux objectifs. L'**atteinte** de l'objectif dit quelle part du
chemin entre la valeur de départ et la valeur cible a été parcourue :

> (observé − valeur de départ) / (valeur cible − valeur de départ)

0 % est la valeur de départ, 100 % la cible. L'observé (`observed`) est la valeur de la période
cible elle-même si elle est terminée (`status` : atteint ou non atteint), sinon celle des douze
derniers mois (en bonne voie ou en retard). `sk.attainment` le calcule sur les chiffres
mensuels ; dans le tableau, 1 vaut 100 % (0,92 signifie donc 92 %).
""",
    },
    """
progress = sk.attainment(objectives, monthly)
""",
    """
progress.set_index("objective_id")[
    ["indicator_id", "baseline", "target", "observed", "attainment", "status"]
].round(2)
""",
    {
        "nl": "Als figuur; de groene streepjeslijn is de streefwaarde (100 %):",
        "fr": "En figure ; la ligne verte en tirets est la cible (100 %) :",
    },
    """
ax = plot_attainment(progress, lang=lang)
""",
    {
        "nl": """
De incidenten en meldingen (S1, S2) zijn ver voorbij hun streefwaarde. De ervaren overlast (G1)
is bijna op doel. Maar het team haalt zijn eigen operationele doelstellingen niet: de
uitvoeringsgetrouwheid (O1) zit nog dicht bij de nulmeting.

**Denk even na.** Hoe kan de impact beter zijn dan verwacht, terwijl het proces achterblijft?
Bedenk minstens twee verklaringen. (Tip: is het project de enige oorzaak van minder incidenten?
Notitieboeken 5 en 6 gaan daarover.)

## Om te onthouden

- Een logisch model verbindt **operationele** doelstellingen (wat het team doet) met
  **strategische** en **algemene** doelstellingen (wat verandert in de buurt).
- **Proces**indicatoren meten de inzet, **output**indicatoren wat het project oplevert,
  **impact**indicatoren het effect in de buurt.
- Een doelstelling is pas meetbaar met een indicator, een nulmeting en een streefwaarde.
- **Geregistreerde** indicatoren typ je in; **berekende** (teller / noemer × factor) berekent
  socprev-kit. Registreer dus teller en noemer, nooit het percentage zelf.
""",
        "fr": """
Les incidents et les plaintes (S1, S2) ont largement dépassé leur cible. Les nuisances
ressenties (G1) sont presque à l'objectif. Mais l'équipe n'atteint pas ses propres objectifs
opérationnels : la fidélité de mise en œuvre (O1) reste proche de la valeur de départ.

**Réfléchissez.** Comment l'impact peut-il être meilleur que prévu alors que le processus est à
la traîne ? Trouvez au moins deux explications. (Indice : le projet est-il la seule cause de la
baisse des incidents ? Les carnets 5 et 6 y reviennent.)

## À retenir

- Un modèle logique relie les objectifs **opérationnels** (ce que fait l'équipe) aux objectifs
  **stratégiques** et **généraux** (ce qui change dans le quartier).
- Les indicateurs de **processus** mesurent les moyens mis en œuvre, ceux de **réalisation** ce
  que le projet produit, ceux d'**impact** l'effet dans le quartier.
- Un objectif n'est mesurable qu'avec un indicateur, une valeur de départ et une valeur cible.
- Les indicateurs **enregistrés** se saisissent ; les indicateurs **calculés** (numérateur /
  dénominateur × facteur) sont calculés par socprev-kit. Enregistrez donc le numérateur et le
  dénominateur, jamais le pourcentage lui-même.
""",
    },
]
