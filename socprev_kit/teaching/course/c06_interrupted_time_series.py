"""Notebook 06: interrupted time series on a sample project, alone and with a comparison."""

from socprev_kit.teaching.exercise import Exercise

NUMBER = 6
NAME = "interrupted_time_series"

CELLS: list[dict[str, str] | str | Exercise] = [
    {
        "nl": """
# 6. Onderbroken tijdreeks, met en zonder vergelijkingsgemeente

In notitieboek 5 zag je dat een voor-en-navergelijking het effect van een project overschat.
Een **onderbroken tijdreeks** doet het beter: ze gebruikt alle maanden vóór de start om te
voorspellen hoe het zonder project verder was gegaan, en vergelijkt dat met wat er daarna echt
gebeurde.

We werken met een voorbeeldproject waarvan we **het echte effect kennen**: de voorbeelddata
zijn zo gemaakt. Zo kun je zien hoe dicht de schatting bij de waarheid komt. Daarna voegen we
een **vergelijkingsgemeente** toe en kijken we wat die verandert. Reken op 35 minuten.
""",
        "fr": """
# 6. Série temporelle interrompue, avec et sans commune de comparaison

Le carnet 5 a montré qu'une comparaison avant/après surestime l'effet d'un projet. Une **série
temporelle interrompue** fait mieux : elle utilise tous les mois d'avant le démarrage pour
prédire ce qui se serait passé sans projet, puis compare cette prédiction à ce qui s'est
réellement passé.

Nous travaillons sur un projet d'exemple dont nous **connaissons l'effet réel** : les données
d'exemple ont été fabriquées ainsi. Vous verrez à quel point l'estimation s'approche de la
vérité. Ensuite, nous ajoutons une **commune de comparaison** et regardons ce qu'elle change.
Comptez 35 minutes.
""",
    },
    """
import pandas as pd

import socprev_kit as sk
from socprev_kit.evaluation.comparison import comparison_series
from socprev_kit.evaluation.interpretation import describe_its
from socprev_kit.plots import plot_indicator, small_multiples
from socprev_kit.sampledata import ensure_sample_data
from socprev_kit.teaching.checks import check_level_change, check_trust
""",
    {
        "nl": """
## Het project: outreach in de Dampoort (Gent)

We lezen de data en maken er maandcijfers van, met de bevolking erbij (notitieboek 4).
""",
        "fr": """
## Le projet : travail de proximité à Dampoort (Gand)

Nous lisons les données et en faisons des chiffres mensuels, avec la population (carnet 4).
""",
    },
    """
data = sk.load(data_path or ensure_sample_data(), lang=lang)
""",
    """
monthly = sk.rates_per_1000(sk.indicator_table(data, freq="month"))
""",
    """
columns = ["name", "intervention_date", "lag_months", "comparison_nis_codes"]
data.projects.set_index("project_id").loc["GEN-DAM", columns]
""",
    {
        "nl": """
GEN-DAM zet sinds oktober 2020 outreachwerkers en gemeenschapswachten in. Het project
verwacht een effect vanaf één maand later (`lag_months`). We kijken naar **I01, de
geregistreerde drugsoverlastincidenten** in Gent. Het project noemt zelf Brugge (31005) als
vergelijkingsgemeente; die laten we voorlopig opzij.

`comparison_series` haalt de maandreeks van Gent (`pair.treated`) en die van Brugge
(`pair.control`) op. Eerst alleen Gent:
""",
        "fr": """
Depuis octobre 2020, GEN-DAM déploie des travailleurs de proximité et des gardiens de la paix.
Le projet attend un effet à partir d'un mois plus tard (`lag_months`). Nous suivons **I01, les
incidents de nuisances liées à la drogue enregistrés** à Gand. Le projet désigne lui-même Bruges
(31005) comme commune de comparaison ; nous la laissons de côté pour l'instant.

`comparison_series` extrait la série mensuelle de Gand (`pair.treated`) et celle de Bruges
(`pair.control`). D'abord Gand seule :
""",
    },
    """
pair = comparison_series(
    monthly, nis_code="44021", indicator_id="I01", project_id="GEN-DAM", comparisons=["31005"]
)
""",
    """
ax = plot_indicator(pair.treated, intervention="2020-10", lang=lang)
""",
    {
        "nl": """
Na de start (stippellijn) liggen de cijfers lager. Maar kijk ook naar de jaren ervoor: ze
daalden al langzaam, en elke zomer is er een piek. Een eerlijke schatting houdt met allebei
rekening.

## De onderbroken tijdreeks, zonder vergelijking

Het model trekt een lijn door de maanden vóór de start (de trend, plus een seizoenspatroon:
`harmonics=1`) en trekt die door na de start. Die doorgetrokken lijn is de
**contrafactische reeks**: wat we zonder project verwachten. Het model schat dan:

- de **niveauverandering** (`level`): hoeveel lager of hoger de cijfers meteen na de start liggen
  dan verwacht;
- de **trendverandering**: of de daling daarna sneller of trager gaat. GEN-DAM verwacht alleen
  een niveauverandering, dus die laten we weg (`slope_change=False`, de standaard).

`population="population"` maakt er een vergelijking van cijfers per inwoner van.
""",
        "fr": """
Après le démarrage (ligne pointillée), les chiffres sont plus bas. Mais regardez aussi les
années d'avant : ils baissaient déjà lentement, avec un pic chaque été. Une estimation honnête
tient compte des deux.

## La série temporelle interrompue, sans comparaison

Le modèle trace une ligne à travers les mois d'avant le démarrage (la tendance, plus un motif
saisonnier : `harmonics=1`) et la prolonge après. Ce prolongement est la **série
contrefactuelle** : ce qu'on attend sans projet. Le modèle estime alors :

- le **changement de niveau** (`level`) : de combien les chiffres sont plus bas ou plus hauts
  que prévu juste après le démarrage ;
- le **changement de tendance** : si la baisse s'accélère ou ralentit ensuite. GEN-DAM n'attend
  qu'un changement de niveau, nous l'omettons donc (`slope_change=False`, par défaut).

`population="population"` en fait une comparaison de taux par habitant.
""",
    },
    """
its_one = sk.interrupted_time_series(
    pair.treated, count="value", period="period", population="population",
    intervention="2020-10", lag=1, harmonics=1,
)
""",
    """
its_one.effects.round(3)
""",
    {
        "nl": """
Zo lees je de tabel:

- `rate_ratio` is een **verhouding**. In de rij `level` betekent 0,80: na de start 20 % minder
  incidenten dan verwacht. 1 betekent: geen verandering.
- De rij `trend` is de trend van vóór de start, per maand: 0,993 is 0,7 % minder per maand.
- `ci_low` en `ci_high` vormen het **95%-interval**: de waarden die met de data verenigbaar
  zijn. Ligt 1 in het interval, dan kan de verandering toeval zijn.
- `p_value` zegt hoe verrassend zo'n verandering zou zijn als er niets veranderd was.

### De figuur lezen

Hieronder: de punten zijn de echte cijfers, de volle lijn is wat het model past, de streepjeslijn
na de start is de contrafactische reeks. De afstand tussen beide lijnen is de
niveauverandering.
""",
        "fr": """
Comment lire le tableau :

- `rate_ratio` est un **rapport**. Dans la ligne `level`, 0,80 signifie : après le démarrage,
  20 % d'incidents de moins que prévu. 1 signifie : aucun changement.
- La ligne `trend` est la tendance d'avant le démarrage, par mois : 0,993 fait 0,7 % de moins
  par mois.
- `ci_low` et `ci_high` forment l'**intervalle à 95 %** : les valeurs compatibles avec les
  données. Si 1 est dans l'intervalle, le changement peut être dû au hasard.
- `p_value` dit à quel point un tel changement serait surprenant si rien n'avait changé.

### Lire la figure

Ci-dessous : les points sont les chiffres réels, la ligne pleine est l'ajustement du modèle, la
ligne en tirets après le démarrage est la série contrefactuelle. L'écart entre les deux lignes
est le changement de niveau.
""",
    },
    """
ax = plot_indicator(pair.treated, intervention="2020-10", its=its_one, lang=lang)
""",
    {
        "nl": "De kit zet het resultaat ook in zinnen, zoals in de rapporten:",
        "fr": "Le kit traduit aussi le résultat en phrases, comme dans les rapports :",
    },
    """
print("\\n".join(describe_its(its_one, "I01", lang=lang)))
""",
    {
        "nl": """
Let op de woorden: "lager dan verwacht", nooit "het project werkte". En de laatste zin zegt
wat deze methode niet kan uitsluiten.
""",
        "fr": """
Notez les mots : « plus bas que prévu », jamais « le projet a fonctionné ». Et la dernière
phrase dit ce que cette méthode ne peut pas exclure.
""",
    },
    {
        "nl": """
### Oefening 1

Lees in de tabel `its_one.effects` de **niveauverandering**: de `rate_ratio` van de rij `level`
(een getal, bv. 0.9). Is een verandering **aangetoond**, dus ligt 1 *niet* in het 95%-interval?
Antwoord met `True` (ja) of `False` (nee).
""",
        "fr": """
### Exercice 1

Lisez dans le tableau `its_one.effects` le **changement de niveau** : le `rate_ratio` de la
ligne `level` (un nombre, p. ex. 0.9). Un changement est-il **démontré**, c'est-à-dire 1 n'est-il
*pas* dans l'intervalle à 95 % ? Répondez par `True` (oui) ou `False` (non).
""",
    },
    Exercise(
        task="""
level_change = ...  # ← a number, e.g. 0.9
shown = ...  # ← True or False
check_level_change(level_change, shown, its_one, lang=lang)
""",
        solution="""
level_change = 0.80  # its_one.effects, row "level", column "rate_ratio"
shown = True  # the interval (0.72 to 0.90) does not include 1
check_level_change(level_change, shown, its_one, lang=lang)
""",
        explain={
            "nl": "De rate ratio 0,80 betekent 20 % minder dan verwacht; het interval (0,72 tot "
            "0,90) bevat 1 niet, dus de daling is geen toeval. Veelgemaakte fouten: een "
            "percentage typen (-20), de rij `trend` lezen, of een grens van het interval.",
            "fr": "Le rapport 0,80 signifie 20 % de moins que prévu ; l'intervalle (0,72 à 0,90) "
            "ne contient pas 1, la baisse n'est donc pas due au hasard. Erreurs fréquentes : "
            "taper un pourcentage (-20), lire la ligne `trend` ou une borne de l'intervalle.",
        },
    ),
    {
        "nl": """
## De waarheid

De voorbeelddata zijn gesimuleerd. Het bestand `ground_truth.csv` bewaart wat erin geplant is:
`rate_ratio_level` is het echte effect.
""",
        "fr": """
## La vérité

Les données d'exemple sont simulées. Le fichier `ground_truth.csv` garde ce qui y a été
planté : `rate_ratio_level` est l'effet réel.
""",
    },
    """
truth = pd.read_csv(ensure_sample_data().parent / "ground_truth.csv")
truth.query("project_id == 'GEN-DAM'")[["nis_code", "indicator_id", "rate_ratio_level"]]
""",
    {
        "nl": """
Voor I01 is de waarheid **0,75** (25 % minder). De schatting zegt 0,80, met een interval van
0,72 tot 0,90: ze zit er 5 procentpunten naast, maar de waarheid ligt in het interval. Daar
dient het interval voor.

## Waarom een vergelijkingsgemeente?

De tijdreeks van Gent alleen gaat ervan uit dat de trend van vóór de start zonder project zou
zijn doorgegaan. Alles wat **op hetzelfde moment** veranderde, telt ze mee als effect: een
nieuwe manier van registreren bij de politie, een lockdown, een nationale campagne, een
strengere aanpak in heel Vlaanderen. Een **vergelijkingsgemeente zonder project** beleeft die
veranderingen ook. Het model kijkt dan hoeveel Gent veranderde **bovenop** de verandering in de
vergelijkingsgemeente.

### Hoe de kit een vergelijkingsgemeente kiest

Geef je er geen op, dan kiest `comparison_series` er tot drie: gemeenten uit **hetzelfde
gewest**, met **data voor de indicator**, en een **bevolking zo dicht mogelijk** bij die van
Gent. De gemeenten van het project zelf vallen af. Met `projects=data.projects` vallen ook de
gemeenten af met **een eigen project** op dezelfde indicator (of een verwante, zoals I01R)
in dezelfde periode. Een project zonder impactmodel, dat de cijfers alleen registreert (zoals
BRU-COORD in Brugge), telt niet als eigen project.
""",
        "fr": """
Pour I01, la vérité est **0,75** (25 % de moins). L'estimation dit 0,80, avec un intervalle de
0,72 à 0,90 : elle se trompe de 5 points de pourcentage, mais la vérité est dans l'intervalle.
C'est à cela que sert l'intervalle.

## Pourquoi une commune de comparaison ?

La série de Gand seule suppose que la tendance d'avant le démarrage aurait continué sans
projet. Tout ce qui a changé **au même moment** est compté comme effet : une nouvelle manière
d'enregistrer à la police, un confinement, une campagne nationale, une politique plus stricte
dans toute la Flandre. Une **commune de comparaison sans projet** vit aussi ces changements. Le
modèle regarde alors de combien Gand a changé **en plus** du changement dans la commune de
comparaison.

### Comment le kit choisit une commune de comparaison

Si vous n'en donnez pas, `comparison_series` en choisit jusqu'à trois : des communes de la
**même région**, avec **des données pour l'indicateur**, et une **population aussi proche que
possible** de celle de Gand. Les communes du projet lui-même sont exclues. Avec
`projects=data.projects`, les communes qui mènent **leur propre projet** sur le même indicateur
(ou un indicateur apparenté, comme I01R) pendant la même période le sont aussi. Un projet sans
modèle d'impact, qui ne fait qu'enregistrer les chiffres (comme BRU-COORD à Bruges), ne compte
pas comme projet propre.
""",
    },
    """
auto = comparison_series(
    monthly, nis_code="44021", indicator_id="I01", project_id="GEN-DAM", projects=data.projects
)
auto.chosen[["nis_code", "name_nl", "name_fr", "population"]]
""",
    {
        "nl": """
Alleen Brugge blijft over. Deze gemeenten liet de kit weg, met het project dat de reden is
(`indicator_ids`: de indicatoren die dat project registreert):
""",
        "fr": """
Seule Bruges reste. Voici les communes que le kit a écartées, avec le projet qui en est la
raison (`indicator_ids` : les indicateurs que ce projet enregistre) :
""",
    },
    """
auto.excluded
""",
    {
        "nl": """
### En als je ze toch meeneemt?

Qua grootte liggen Antwerpen, Brugge en Hasselt het dichtst bij Gent. Neem je die drie met de
hand als vergelijking (`comparisons=[...]`), dan gebeurt dit:
""",
        "fr": """
### Et si on les prend quand même ?

Par leur taille, Anvers, Bruges et Hasselt sont les plus proches de Gand. Si vous prenez ces
trois communes à la main comme comparaison (`comparisons=[...]`), voici ce qui se passe :
""",
    },
    """
by_hand = comparison_series(
    monthly, nis_code="44021", indicator_id="I01", project_id="GEN-DAM",
    comparisons=["11002", "31005", "71072"],
)
sk.interrupted_time_series(
    by_hand.treated, control=by_hand.control, count="value", period="period",
    population="population", intervention="2020-10", lag=1, harmonics=1,
).effects.round(3)
""",
    {
        "nl": """
Het effect is bijna verdwenen (0,96, en 1 ligt in het interval). Waarom? Kijk naar de rij
`control_level`: de vergelijkingsgemeenten daalden zelf met 15 % bij de start. Antwerpen en
Hasselt hebben **hun eigen projecten** tegen drugsoverlast (ANT-SW sinds september 2020,
HAS-VI vanaf 2021). Hun daling verbergt die van Gent. Daarom laat de kit ze weg.

De kit ziet alleen wat in de data staat: een project dat niet in de projectentabel staat, of
een gelijkaardig project op een andere indicator (bv. meldingen, I02, naast incidenten, I01),
kent ze niet. **Jij** kijkt dus mee: sluit zulke gemeenten uit met `exclude=[...]`, of kies
zelf met `comparisons=[...]`. GEN-DAM koos Brugge, dat cijfers registreert zonder eigen
actie. Zo zien Gent en Brugge eruit, per 1.000 inwoners:
""",
        "fr": """
L'effet a presque disparu (0,96, et 1 est dans l'intervalle). Pourquoi ? Regardez la ligne
`control_level` : les communes de comparaison ont elles-mêmes baissé de 15 % au démarrage.
Anvers et Hasselt ont **leurs propres projets** contre les nuisances liées à la drogue (ANT-SW
depuis septembre 2020, HAS-VI à partir de 2021). Leur baisse cache celle de Gand. C'est pourquoi
le kit les écarte.

Le kit ne voit que ce qui est dans les données : un projet absent du tableau des projets, ou un
projet semblable sur un autre indicateur (p. ex. les plaintes, I02, à côté des incidents, I01),
il ne le connaît pas. **Vous** vérifiez donc aussi : excluez ces communes avec `exclude=[...]`,
ou choisissez vous-même avec `comparisons=[...]`. GEN-DAM a choisi Bruges, qui enregistre ses
chiffres sans action propre. Voici Gand et Bruges, pour 1 000 habitants :
""",
    },
    """
fig = small_multiples(
    monthly.query("nis_code in ['44021', '31005']"), indicators=["I01"], facet="indicator_id",
    value="rate_per_1000", intervention="2020-10", lang=lang,
)
""",
    {
        "nl": """
## De onderbroken tijdreeks, met Brugge als vergelijking

Dezelfde functie, nu met `control=pair.control`:
""",
        "fr": """
## La série temporelle interrompue, avec Bruges comme comparaison

La même fonction, maintenant avec `control=pair.control` :
""",
    },
    """
its_two = sk.interrupted_time_series(
    pair.treated, control=pair.control, count="value", period="period",
    population="population", intervention="2020-10", lag=1, harmonics=1,
)
its_two.effects.round(3)
""",
    {
        "nl": """
- `level` is nu de verandering in Gent **tegenover** die in Brugge: 0,75, precies de waarheid.
- `control_level` is de eigen verandering van Brugge bij de start: 1,07, en 1 ligt in het
  interval. Brugge veranderde dus niet echt; wat Gent deed, is niet iets van de hele regio.
- `trend_difference` vergelijkt de trends vóór de start. Ligt 1 erin, dan liepen beide gelijk.
  Hier daalde Gent iets sneller dan Brugge; het model houdt daar rekening mee, maar hoe verder
  de trends uiteenlopen, hoe minder Brugge een goede spiegel is.
- Het interval is **breder** (0,63 tot 0,91): Brugge brengt zijn eigen toeval mee. Dat is de
  prijs van de bescherming tegen gedeelde veranderingen.

De contrafactische reeks volgt nu Brugge:
""",
        "fr": """
- `level` est maintenant le changement à Gand **par rapport** à celui de Bruges : 0,75,
  exactement la vérité.
- `control_level` est le changement propre à Bruges au démarrage : 1,07, et 1 est dans
  l'intervalle. Bruges n'a donc pas vraiment changé ; ce qu'a fait Gand n'est pas un mouvement
  de toute la région.
- `trend_difference` compare les tendances d'avant le démarrage. Si 1 est dans l'intervalle,
  elles étaient parallèles. Ici, Gand baissait un peu plus vite que Bruges ; le modèle en tient
  compte, mais plus les tendances divergent, moins Bruges est un bon miroir.
- L'intervalle est **plus large** (0,63 à 0,91) : Bruges apporte son propre hasard. C'est le
  prix de la protection contre les changements communs.

La série contrefactuelle suit maintenant Bruges :
""",
    },
    """
ax = plot_indicator(pair.treated, intervention="2020-10", its=its_two, lang=lang)
""",
    """
names = list(pair.chosen["name_" + lang])
print("\\n".join(describe_its(its_two, "I01", lang=lang, comparisons=names)))
""",
    {
        "nl": """
## Wat als de hele regio tegelijk verandert?

In de voorbeelddata gebeurde er niets in heel Vlaanderen tegelijk. Stel nu dat de politie in
november 2020 overal een nieuw registratiesysteem invoerde, waardoor **in Gent én in Brugge** 30 %
minder incidenten geregistreerd worden. We passen de cijfers van beide gemeenten vanaf november
2020 zo aan:
""",
        "fr": """
## Et si toute la région change en même temps ?

Dans les données d'exemple, rien ne s'est passé dans toute la Flandre à la fois. Supposons
maintenant qu'en novembre 2020 la police introduise partout un nouveau système
d'enregistrement, si bien que **Gand et Bruges** enregistrent 30 % d'incidents en moins. Nous
adaptons ainsi les chiffres des deux communes à partir de novembre 2020 :
""",
    },
    """
treated_shock = pair.treated.copy()
control_shock = pair.control.copy()
treated_shock.loc[treated_shock["period"] >= "2020-11", "value"] *= 0.7
control_shock.loc[control_shock["period"] >= "2020-11", "value"] *= 0.7
""",
    {
        "nl": "**A**: Gent alleen, met de nieuwe cijfers.",
        "fr": "**A** : Gand seule, avec les nouveaux chiffres.",
    },
    """
its_a = sk.interrupted_time_series(
    treated_shock, count="value", period="period", population="population",
    intervention="2020-10", lag=1, harmonics=1,
)
its_a.effects.round(3)
""",
    {
        "nl": "**B**: Gent met Brugge als vergelijking, met de nieuwe cijfers.",
        "fr": "**B** : Gand avec Bruges comme comparaison, avec les nouveaux chiffres.",
    },
    """
its_b = sk.interrupted_time_series(
    treated_shock, control=control_shock, count="value", period="period",
    population="population", intervention="2020-10", lag=1, harmonics=1,
)
its_b.effects.round(3)
""",
    {
        "nl": """
### Oefening 2

Het project deed niets anders dan vroeger (de waarheid blijft 0,75). Welke schatting vertrouw
je: `"A"` of `"B"`? En waarom? Kies de reden met een getal:

1. het interval is smaller;
2. ze toont de grootste daling;
3. de vergelijkingsgemeente daalde op hetzelfde moment, dus een deel van de daling in Gent komt
   niet van het project.
""",
        "fr": """
### Exercice 2

Le projet n'a rien fait de plus qu'avant (la vérité reste 0,75). Quelle estimation vous
inspire confiance : `"A"` ou `"B"` ? Et pourquoi ? Choisissez la raison par un nombre :

1. l'intervalle est plus étroit ;
2. elle montre la plus forte baisse ;
3. la commune de comparaison a baissé au même moment, donc une partie de la baisse à Gand ne
   vient pas du projet.
""",
    },
    Exercise(
        task="""
choice = ...  # ← "A" or "B"
reason = ...  # ← 1, 2 or 3
check_trust(choice, reason, its_a, its_b, lang=lang)
""",
        solution="""
choice = "B"  # with the comparison municipality: 0.75, the truth
reason = 3  # control_level of B: Bruges fell by about 25 % at the same moment
check_trust(choice, reason, its_a, its_b, lang=lang)
""",
        explain={
            "nl": "A telt de daling van de registratie (30 %) mee als effect en zegt 0,56; B ziet "
            "dezelfde daling in Brugge (`control_level` rond 0,75) en houdt 0,75 over, de "
            "waarheid. Een smaller interval of een grotere daling maakt een schatting niet "
            "juister.",
            "fr": "A compte la baisse de l'enregistrement (30 %) comme un effet et dit 0,56 ; B "
            "voit la même baisse à Bruges (`control_level` autour de 0,75) et retrouve 0,75, la "
            "vérité. Un intervalle plus étroit ou une plus forte baisse ne rend pas une "
            "estimation plus juste.",
        },
    ),
    {
        "nl": """
## Wat een onderbroken tijdreeks niet kan zeggen

- **Wat de oorzaak is.** Ze toont een verandering op het moment van de start. Begon er op
  hetzelfde moment iets anders in Gent alleen (een nieuwe wijkagent, een verhuisde dealer),
  dan kan geen vergelijkingsgemeente dat scheiden van het project.
- **Of de overlast echt daalde.** I01 telt *geregistreerde* incidenten: meer of minder
  melden, of anders registreren, verandert het cijfer ook.
- **Of de overlast verhuisde** naar de straten ernaast (verplaatsing).
- **Iets zinnigs met weinig maanden of kleine aantallen**: met minder dan 12 maanden aan een
  kant, of een paar incidenten per maand, wordt het interval te breed om iets te zeggen.

## Om te onthouden

- Een onderbroken tijdreeks vergelijkt de maanden na de start met de **doorgetrokken trend**
  van ervoor. De `rate_ratio` van `level` zegt hoeveel lager of hoger; het interval hoe zeker.
- Een **vergelijkingsgemeente** beschermt tegen veranderingen die overal tegelijk gebeuren.
  Het interval wordt breder: dat is eerlijk.
- De kit stelt vergelijkingsgemeenten voor op gewest en grootte, zonder de gemeenten die
  volgens de data een eigen project op de indicator hebben. **Kijk zelf na** dat ook wat niet
  in de data staat geen gelijkaardig project is.

### Even nadenken

1. Welke gemeente zou jij als vergelijking nemen voor je eigen project, en waarom?
2. Wat gebeurde er in jouw gemeente op hetzelfde moment als de start van je project?
""",
        "fr": """
## Ce qu'une série temporelle interrompue ne peut pas dire

- **Quelle est la cause.** Elle montre un changement au moment du démarrage. Si autre chose a
  commencé au même moment à Gand seulement (un nouvel agent de quartier, un dealer qui a
  déménagé), aucune commune de comparaison ne peut le distinguer du projet.
- **Si les nuisances ont vraiment baissé.** I01 compte les incidents *enregistrés* : signaler
  plus ou moins, ou enregistrer autrement, change aussi le chiffre.
- **Si les nuisances se sont déplacées** vers les rues voisines (déplacement).
- **Quelque chose de sensé avec peu de mois ou de petits nombres** : avec moins de 12 mois d'un
  côté, ou quelques incidents par mois, l'intervalle devient trop large pour conclure.

## À retenir

- Une série temporelle interrompue compare les mois après le démarrage à la **tendance
  prolongée** d'avant. Le `rate_ratio` de `level` dit de combien c'est plus bas ou plus haut ;
  l'intervalle, avec quelle certitude.
- Une **commune de comparaison** protège contre les changements qui arrivent partout en même
  temps. L'intervalle s'élargit : c'est honnête.
- Le kit propose des communes de comparaison selon la région et la taille, sans celles qui,
  d'après les données, mènent leur propre projet sur l'indicateur. **Vérifiez vous-même**
  qu'aucun projet semblable absent des données ne s'y déroule.

### À méditer

1. Quelle commune prendriez-vous comme comparaison pour votre propre projet, et pourquoi ?
2. Que s'est-il passé dans votre commune au moment du démarrage de votre projet ?
""",
    },
]
