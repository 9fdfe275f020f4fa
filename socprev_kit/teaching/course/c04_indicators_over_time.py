"""Notebook 04: indicators over time, rates per 1,000 inhabitants and small numbers."""

from socprev_kit.teaching.exercise import Exercise

NUMBER = 4
NAME = "indicators_over_time"

CELLS: list[dict[str, str] | str | Exercise] = [
    {
        "nl": """
# 4. Indicatoren door de tijd en cijfers per 1.000 inwoners

Een cijfer alleen zegt weinig. Pas als je het **door de tijd** volgt en het **eerlijk
vergelijkt** met andere gemeenten, kun je er iets uit leren. In dit notitieboek:

1. de registraties optellen per maand en per jaar;
2. rekenen **per 1.000 inwoners**, zodat Gent en een kleine gemeente vergelijkbaar worden;
3. waarom kleine aantallen **verborgen** worden;
4. een figuur en de verkenner.

Reken op een halfuur. Voer de cellen uit van boven naar onder met **Shift + Enter**.
""",
        "fr": """
# 4. Les indicateurs dans le temps et les taux pour 1 000 habitants

Un chiffre isolé dit peu de choses. Il devient parlant quand on le suit **dans le temps** et
qu'on le **compare honnêtement** à d'autres communes. Dans ce carnet :

1. additionner les enregistrements par mois et par an ;
2. calculer **pour 1 000 habitants**, pour pouvoir comparer Gand et une petite commune ;
3. comprendre pourquoi les petits nombres sont **masqués** ;
4. une figure et l'explorateur.

Comptez une demi-heure. Exécutez les cellules de haut en bas avec **Maj + Entrée**.
""",
    },
    """
import socprev_kit as sk
from socprev_kit.plots import plot_indicator
from socprev_kit.sampledata import ensure_sample_data
from socprev_kit.teaching.checks import check_hidden_months, check_rate_per_1000
from socprev_kit.teaching.widgets import explorer
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
## Per maand

`sk.indicator_table` maakt van alle registraties één tabel: één rij per project, gemeente,
indicator en maand. Ze rekent ook de *afgeleide* indicatoren uit (bv. een percentage uit een
teller en een noemer).
""",
        "fr": """
## Par mois

`sk.indicator_table` rassemble tous les enregistrements en un seul tableau : une ligne par
projet, commune, indicateur et mois. Elle calcule aussi les indicateurs *dérivés* (par exemple
un pourcentage à partir d'un numérateur et d'un dénominateur).
""",
    },
    """
monthly = sk.indicator_table(data, freq="month")
""",
    {
        "nl": """
We kijken naar één indicator: **I02, meldingen van bewoners over drugs**, in **Gent**
(NIS-code 44021), geregistreerd door het project GEN-DAM. De eerste maanden:
""",
        "fr": """
Regardons un seul indicateur : **I02, plaintes d'habitants liées à la drogue**, à **Gand**
(code INS 44021), enregistré par le projet GEN-DAM. Les premiers mois :
""",
    },
    """
monthly.query("nis_code == '44021' and indicator_id == 'I02'")[
    ["project_id", "nis_code", "period", "indicator_id", "value"]
].head(6)
""",
    {
        "nl": """
## Per jaar

Maandcijfers schommelen sterk. Per jaar zie je de grote lijn beter. Met `freq="year"` telt
`sk.indicator_table` de maanden van elk jaar op (`freq="quarter"` geeft kwartalen). Een
telling wordt opgeteld; een percentage of een gemiddelde niet: de catalogus zegt per indicator
hoe.
""",
        "fr": """
## Par an

Les chiffres mensuels fluctuent beaucoup. Par an, la tendance se voit mieux. Avec
`freq="year"`, `sk.indicator_table` additionne les mois de chaque année (`freq="quarter"` donne
des trimestres). Un comptage s'additionne ; un pourcentage ou une moyenne, non : le catalogue
indique la règle de chaque indicateur.
""",
    },
    """
yearly = sk.indicator_table(data, freq="year")
""",
    """
yearly.query("nis_code == '44021' and indicator_id == 'I02'")[["period", "value"]]
""",
    {
        "nl": """
In Gent daalt het aantal meldingen van bijna 1.200 in 2019 naar iets meer dan 700 in 2025.

## Gent en Halen: aantallen vergelijken?

Halen (NIS-code 71020) is een kleine gemeente in Limburg; het project HAS-SW registreert er
dezelfde indicator. Gent telt zo'n 900 meldingen per jaar, Halen zo'n 15. Betekent dat dat er
in Gent 60 keer meer drugsoverlast is?

Nee: Gent heeft ook bijna 30 keer meer inwoners. Daarom delen we door de bevolking.
`sk.rates_per_1000` voegt drie kolommen toe: `population` (het aantal inwoners),
`population_year` (het jaar van dat bevolkingscijfer) en `rate_per_1000` (het aantal per 1.000
inwoners).
""",
        "fr": """
À Gand, les plaintes passent de près de 1 200 en 2019 à un peu plus de 700 en 2025.

## Gand et Halen : comparer des nombres ?

Halen (code INS 71020) est une petite commune du Limbourg ; le projet HAS-SW y enregistre le
même indicateur. Gand compte environ 900 plaintes par an, Halen environ 15. Y a-t-il pour
autant 60 fois plus de nuisances liées à la drogue à Gand ?

Non : Gand compte aussi près de 30 fois plus d'habitants. On divise donc par la population.
`sk.rates_per_1000` ajoute trois colonnes : `population` (le nombre d'habitants),
`population_year` (l'année de ce chiffre de population) et `rate_per_1000` (le nombre pour
1 000 habitants).
""",
    },
    """
rates = sk.rates_per_1000(yearly)
""",
    """
columns = ["nis_code", "period", "value", "population", "population_year", "rate_per_1000"]
rates.query("indicator_id == 'I02' and nis_code in ['44021', '71020']")[columns].round(2)
""",
    {
        "nl": """
Per 1.000 inwoners is het verschil veel kleiner: in 2025 zo'n 2,7 meldingen in Gent tegenover
1,5 in Halen.

Kijk ook naar `population_year`: de bevolking is die van 1 januari van hetzelfde jaar. De
bevolkingscijfers van de kit lopen tot 2020, dus vanaf 2021 gebruikt ze die van 2020. De kolom
zegt het eerlijk, zodat je het in een rapport kunt vermelden.

### Oefening: een cijfer per 1.000 inwoners

**Vraag.** Hoeveel meldingen (I02) per 1.000 inwoners waren er in **Hasselt** (NIS-code 71072)
in **2025**? Pas de NIS-codes in de cel hierboven aan of reken zelf: aantal / bevolking × 1.000.
Typ een getal met twee decimalen en een punt, bv. `2.75`.
""",
        "fr": """
Pour 1 000 habitants, l'écart se réduit fortement : en 2025, environ 2,7 plaintes à Gand contre
1,5 à Halen.

Regardez aussi `population_year` : la population est celle du 1er janvier de la même année. Les
chiffres de population du kit s'arrêtent à 2020 : à partir de 2021, il utilise ceux de 2020. La
colonne l'indique clairement, pour que vous puissiez le mentionner dans un rapport.

### Exercice : un taux pour 1 000 habitants

**Question.** Combien de plaintes (I02) pour 1 000 habitants y a-t-il eu à **Hasselt** (code
INS 71072) en **2025** ? Modifiez les codes INS de la cellule ci-dessus ou calculez vous-même :
nombre / population × 1 000. Tapez un nombre à deux décimales, avec un point, p. ex. `2.75`.
""",
    },
    Exercise(
        task="""
rate_hasselt_2025 = ...
check_rate_per_1000(
    rate_hasselt_2025, data, nis_code="71072", indicator_id="I02", year="2025", lang=lang
)
""",
        solution="""
rate_hasselt_2025 = 4.35  # 379 / 87151 × 1000; population of 2020, the latest year
check_rate_per_1000(
    rate_hasselt_2025, data, nis_code="71072", indicator_id="I02", year="2025", lang=lang
)
""",
        explain={
            "nl": """
`rates.query("indicator_id == 'I02' and nis_code == '71072'")` toont 379 meldingen in 2025 en
87.151 inwoners (bevolking van 2020, het laatste jaar met een officieel cijfer): 379 / 87.151 ×
1.000 = 4,35. De controle herkent per 100 (0,43) en per inwoner, het aantal (379), het cijfer
van een ander jaar of een andere gemeente en de bevolking van een ander jaar. Hasselt heeft
sinds 2025 een nieuwe NIS-code (fusie met Kortessem); de kit telt de bevolking van beide samen.
""",
            "fr": """
`rates.query("indicator_id == 'I02' and nis_code == '71072'")` montre 379 plaintes en 2025 et
87 151 habitants (population de 2020, la dernière année avec un chiffre officiel) : 379 /
87 151 × 1 000 = 4,35. La vérification reconnaît le taux pour 100 (0,43) et par habitant, le
nombre (379), le taux d'une autre année ou d'une autre commune et la population d'une autre
année. Hasselt a un nouveau code INS depuis 2025 (fusion avec Kortessem) ; le kit additionne la
population des deux.
""",
        },
    ),
    {
        "nl": """
### Even nadenken

1. Halen had in 2020 plots 26 meldingen, de andere jaren 14 of 15. Het cijfer per 1.000 springt
   van 1,6 naar 2,7. Is er in 2020 echt iets gebeurd in Halen, of kan dat toeval zijn?
2. Een gemeente met veel pendelaars, uitgaanspubliek of een groot station: zegt een cijfer per
   1.000 *inwoners* daar alles?
""",
        "fr": """
### À méditer

1. En 2020, Halen a soudain 26 plaintes, contre 14 ou 15 les autres années. Le taux pour 1 000
   passe de 1,6 à 2,7. S'est-il vraiment passé quelque chose à Halen en 2020, ou est-ce peut-être
   le hasard ?
2. Dans une commune avec beaucoup de navetteurs, de fêtards ou une grande gare, un taux pour
   1 000 *habitants* dit-il tout ?
""",
    },
    {
        "nl": """
## Kleine aantallen verbergen

In Halen komen er per maand maar 0 tot een paar meldingen binnen. Zo'n klein aantal schommelt
sterk, en het kan een persoon herkenbaar maken ("die ene melding in mijn straat"). Daarom
publiceert de kit een telling van 1 tot 4 niet: de catalogus legt per indicator een minimum
vast (hier 5). Een 0 blijft zichtbaar. Eerst de echte cijfers van Halen in 2025:
""",
        "fr": """
## Masquer les petits nombres

À Halen, il n'arrive que zéro à quelques plaintes par mois. Un si petit nombre fluctue
fortement, et il peut permettre de reconnaître une personne (« la seule plainte de ma rue »).
Le kit ne publie donc pas un comptage de 1 à 4 : le catalogue fixe un minimum par indicateur
(ici 5). Un 0 reste visible. D'abord, les vrais chiffres de Halen en 2025 :
""",
    },
    """
monthly.query("nis_code == '71020' and indicator_id == 'I02' and period >= '2025'")[
    ["period", "value"]
]
""",
    {
        "nl": """
**Oefening.** Voorspel het eerst zelf: hoeveel van deze twaalf maanden zal de kit verbergen?
Typ een getal.
""",
        "fr": """
**Exercice.** Prévoyez-le d'abord vous-même : combien de ces douze mois le kit va-t-il
masquer ? Tapez un nombre.
""",
    },
    Exercise(
        task="""
hidden_months = ...
check_hidden_months(
    hidden_months, monthly, nis_code="71020", indicator_id="I02", year="2025", lang=lang
)
""",
        solution="""
hidden_months = 9  # the months with 1 to 4 complaints; the three months with 0 stay visible
check_hidden_months(
    hidden_months, monthly, nis_code="71020", indicator_id="I02", year="2025", lang=lang
)
""",
        explain={
            "nl": """
Halen heeft in 2025 negen maanden met 1 tot 4 meldingen (verborgen) en drie met 0 (zichtbaar:
"er was niets" verraadt niemand). Wie 12 antwoordt, verbergt ook de nullen; wie 3 antwoordt,
telde de zichtbare maanden. Een lijst van de verborgen maanden (`["2025-03", ...]`) mag ook.
De tabel na `sk.suppress` hieronder toont het antwoord.
""",
            "fr": """
En 2025, Halen a neuf mois avec 1 à 4 plaintes (masqués) et trois avec 0 (visibles : « il n'y
a rien eu » ne trahit personne). Qui répond 12 masque aussi les zéros ; qui répond 3 a compté
les mois visibles. Une liste des mois masqués (`["2025-03", ...]`) est acceptée aussi. Le
tableau après `sk.suppress` ci-dessous montre la réponse.
""",
        },
    ),
    {
        "nl": """
`sk.suppress` maakt de publiceerbare versie: kleine cellen worden leeg (`NaN`) en de kolom
`suppressed` zegt welke.
""",
        "fr": """
`sk.suppress` produit la version publiable : les petites cellules sont vidées (`NaN`) et la
colonne `suppressed` indique lesquelles.
""",
    },
    """
published = sk.suppress(monthly)
""",
    """
published.query("nis_code == '71020' and indicator_id == 'I02' and period >= '2025'")[
    ["period", "value", "suppressed"]
]
""",
    {
        "nl": """
De rapporten van de kit doen dit altijd. Werk je zelf met de cijfers (in Excel, in een
presentatie), vertrek dan van de versie na `sk.suppress`.

## Een figuur

`plot_indicator` tekent één indicator van één gemeente door de tijd. De stippellijn is de start
van het project GEN-DAM (oktober 2020).
""",
        "fr": """
Les rapports du kit le font toujours. Si vous travaillez vous-même avec les chiffres (dans
Excel, dans une présentation), partez de la version passée par `sk.suppress`.

## Une figure

`plot_indicator` dessine un indicateur d'une commune dans le temps. La ligne pointillée marque
le démarrage du projet GEN-DAM (octobre 2020).
""",
    },
    """
ax = plot_indicator(
    published.query("nis_code == '44021' and indicator_id == 'I02'"),
    intervention="2020-10",
    lang=lang,
)
""",
    {
        "nl": """
Na de start liggen de cijfers lager en zijn de pieken in de zomer kleiner. Komt dat door het
project? Deze figuur alleen kan dat niet zeggen: cijfers schommelen ook vanzelf, en andere
dingen veranderen mee. Daarover gaan notitieboeken 5 en 6.

## De verkenner voor Halen

De verkenner toont wat een rapport zou publiceren. Voor Halen zijn de meeste maanden
afgeschermd: de figuur tekent ze niet, de tabel toont `afgeschermd`.
In JupyterLab kun je een andere gemeente kiezen, bv. Hasselt (71072), dat hetzelfde project
heeft.
""",
        "fr": """
Après le démarrage, les chiffres sont plus bas et les pics d'été plus faibles. Est-ce grâce au
projet ? Cette figure seule ne permet pas de le dire : les chiffres fluctuent aussi d'eux-mêmes,
et d'autres choses changent en même temps. C'est le sujet des carnets 5 et 6.

## L'explorateur pour Halen

L'explorateur montre ce qu'un rapport publierait. Pour Halen, la plupart des mois sont
masqués : la figure ne les dessine pas, le tableau indique `masqué`. Dans JupyterLab, vous
pouvez choisir une autre commune, par exemple Hasselt
(71072), qui a le même projet.
""",
    },
    """
explorer(
    data_path, lang=lang, nis_code="71020", project_id="HAS-SW", indicator="I02", static=static
)
""",
    {
        "nl": """
### Even nadenken

Een collega wil de maandcijfers van Halen naast die van Gent in een presentatie zetten. Welke
cijfers zou je tonen: per maand of per jaar, aantallen of per 1.000 inwoners?

## Om te onthouden

- `sk.indicator_table` zet de registraties op een rij per maand, kwartaal of jaar.
- Vergelijk gemeenten van verschillende grootte **per 1.000 inwoners**, niet met aantallen.
  Vermeld het bevolkingsjaar.
- In een kleine gemeente schommelt een cijfer sterk: een paar meldingen meer of minder en het
  cijfer per 1.000 verandert flink. Tel daarom liever per jaar.
- Kleine aantallen (1 tot 4) publiceer je niet: `sk.suppress` verbergt ze.
""",
        "fr": """
### À méditer

Une collègue veut montrer les chiffres mensuels de Halen à côté de ceux de Gand dans une
présentation. Quels chiffres montreriez-vous : par mois ou par an, des nombres ou des taux pour
1 000 habitants ?

## À retenir

- `sk.indicator_table` range les enregistrements par mois, trimestre ou année.
- Comparez des communes de tailles différentes **pour 1 000 habitants**, pas en nombres.
  Mentionnez l'année de la population.
- Dans une petite commune, un chiffre fluctue fortement : quelques plaintes de plus ou de moins
  et le taux pour 1 000 change beaucoup. Mieux vaut alors compter par an.
- Les petits nombres (de 1 à 4) ne se publient pas : `sk.suppress` les masque.
""",
    },
]
