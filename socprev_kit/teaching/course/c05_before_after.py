"""Notebook 05: why a before/after comparison misleads (chance, regression to the mean)."""

from socprev_kit.teaching.exercise import Exercise

NUMBER = 5
NAME = "before_after"

CELLS: list[dict[str, str] | str | Exercise] = [
    {
        "nl": """
# 5. Waarom een voor-en-navergelijking misleidt

Een bekend verhaal: een paar maanden lang zijn er veel meldingen van drugsoverlast. Het
college reageert en start een project. Een paar maanden later zijn er minder meldingen. Werkt
het project?

Misschien. Maar ook **zonder project** daalt het aantal meldingen na een uitzonderlijk slechte
periode meestal vanzelf: cijfers schommelen, en na een uitschieter volgt doorgaans een gewonere
maand. Dat heet **regressie naar het gemiddelde**. In dit notitieboek *simuleren* we cijfers
waarvan we het echte effect kennen, en kijken we wat een eenvoudige vergelijking ervan maakt.
""",
        "fr": """
# 5. Pourquoi une comparaison avant/après induit en erreur

Une histoire connue : pendant quelques mois, les plaintes pour nuisances liées à la drogue se
multiplient. Le collège réagit et lance un projet. Quelques mois plus tard, les plaintes
diminuent. Le projet fonctionne-t-il ?

Peut-être. Mais même **sans projet**, les chiffres baissent souvent d'eux-mêmes après une
période exceptionnellement mauvaise : ils fluctuent, et un pic est généralement suivi d'un mois
plus ordinaire. C'est la **régression vers la moyenne**. Dans ce carnet, nous *simulons* des
chiffres dont nous connaissons l'effet réel, et nous regardons ce qu'en fait une comparaison
simple.
""",
    },
    """
from socprev_kit.teaching.checks import check_closer_method
from socprev_kit.teaching.widgets import estimates, simulate, simulation
""",
    {
        "nl": """
## Een project zonder effect

De simulatie maakt 48 maanden met meldingen (24 vóór en 24 na de start). Het project start
net na drie maanden met veel meldingen, precies zoals in het verhaal. Hier heeft het project
**geen enkel effect** (`effect=0`). Lees de zin en de tabel onder de figuur: wat zegt de
voor-en-navergelijking?
""",
        "fr": """
## Un projet sans effet

La simulation produit 48 mois de plaintes (24 avant et 24 après le démarrage). Le projet
démarre juste après trois mois chargés, comme dans l'histoire. Ici, le projet n'a **aucun
effet** (`effect=0`). Lisez la phrase et le tableau sous la figure : que dit la comparaison
avant/après ?
""",
    },
    """
simulation(lang=lang, effect=0, static=static)
""",
    {
        "nl": """
De vergelijking van de drie maanden vóór met de drie maanden na de start toont een flinke
daling, terwijl het project niets deed. Die daling is puur toeval en regressie naar het
gemiddelde.

Een **onderbroken tijdreeks** gebruikt alle maanden vóór en na de start: ze schat het niveau en
de trend vóór de start en kijkt hoeveel het niveau daarna verandert. Het 95%-interval zegt hoe
zeker die schatting is. Ligt 0 % in het interval, dan kunnen we een effect niet aantonen.

## Een project dat wél werkt

Nu plant de simulatie een echte daling van 20 % (`effect=-20`). Welke methode komt het dichtst
bij de waarheid?
""",
        "fr": """
La comparaison des trois mois avant et des trois mois après le démarrage montre une nette
baisse, alors que le projet n'a rien fait. Cette baisse n'est que du hasard et de la régression
vers la moyenne.

Une **série temporelle interrompue** utilise tous les mois avant et après le démarrage : elle
estime le niveau et la tendance d'avant, puis mesure de combien le niveau change ensuite.
L'intervalle à 95 % indique la précision de cette estimation. S'il contient 0 %, on ne peut pas
démontrer d'effet.

## Un projet qui fonctionne

La simulation introduit maintenant une vraie baisse de 20 % (`effect=-20`). Quelle méthode
s'approche le plus de la vérité ?
""",
    },
    """
simulation(lang=lang, effect=-20, static=static)
""",
    {
        "nl": """
De voor-en-navergelijking **overschat** het effect: ze telt de echte daling én de terugkeer naar
het gemiddelde samen.

In JupyterLab kun je met de schuifbalken spelen: het effect, de ruis (hoe sterk de cijfers van
maand tot maand schommelen), het aantal maanden vóór en na, en de *seed* (een andere toevallige
reeks). Wat gebeurt er met de voor-en-navergelijking als de ruis groter wordt?

## Dezelfde cijfers, zonder widget

Achter de widget zitten twee functies: `simulate` maakt de maandcijfers en `estimates` berekent
beide schattingen. Dit zijn dezelfde cijfers als in de eerste figuur (geen effect,
`seed=1`), rond de start (de kolom `post` is `True` vanaf de start van het project):
""",
        "fr": """
La comparaison avant/après **surestime** l'effet : elle additionne la vraie baisse et le retour
vers la moyenne.

Dans JupyterLab, les curseurs permettent de jouer avec l'effet, le bruit (l'ampleur des
fluctuations d'un mois à l'autre), le nombre de mois avant et après, et la *seed* (une autre
série due au hasard). Que devient la comparaison avant/après quand le bruit augmente ?

## Les mêmes chiffres, sans widget

Derrière le widget se trouvent deux fonctions : `simulate` produit les chiffres mensuels et
`estimates` calcule les deux estimations. Voici les mêmes chiffres que dans la première
figure (aucun effet, `seed=1`), autour du démarrage (la colonne `post` vaut `True` à partir du
démarrage du projet) :
""",
    },
    """
sim = simulate(effect=0, seed=1)
""",
    """
sim.iloc[20:28]
""",
    {
        "nl": "De voor-en-navergelijking, in procent (het echte effect is 0 %):",
        "fr": "La comparaison avant/après, en pour cent (l'effet réel est de 0 %) :",
    },
    """
result = estimates(sim)
print(round(result["naive"], 1))
""",
    {
        "nl": "En de onderbroken tijdreeks, met de grenzen van haar 95%-interval:",
        "fr": "Et la série temporelle interrompue, avec les bornes de son intervalle à 95 % :",
    },
    """
print(round(result["its"], 1), round(result["its_low"], 1), round(result["its_high"], 1))
""",
    {
        "nl": """
Het interval bevat 0 %: terecht toont de tijdreeks geen effect aan.

## Oefening: welke schatting komt het dichtst bij de waarheid?

Nu dezelfde functies voor het project dat wél werkt: een geplante daling van 20 %
(`effect=-20`), dezelfde toevallige reeks (`seed=1`). Eerst de voor-en-navergelijking, dan de
onderbroken tijdreeks:
""",
        "fr": """
L'intervalle contient 0 % : à juste titre, la série temporelle ne démontre aucun effet.

## Exercice : quelle estimation s'approche le plus de la vérité ?

Les mêmes fonctions, pour le projet qui fonctionne : une baisse réelle de 20 % (`effect=-20`),
la même série due au hasard (`seed=1`). D'abord la comparaison avant/après, puis la série
temporelle interrompue :
""",
    },
    """
sim20 = simulate(effect=-20, seed=1)
""",
    """
result20 = estimates(sim20)
print(round(result20["naive"], 1), round(result20["its"], 1))
""",
    {
        "nl": """
**Vraag.** Welke schatting ligt het dichtst bij het echte effect, -20 %? Typ `"naive"` voor de
voor-en-navergelijking of `"its"` voor de onderbroken tijdreeks (met de aanhalingstekens).
""",
        "fr": """
**Question.** Quelle estimation est la plus proche de l'effet réel, -20 % ? Tapez `"naive"`
pour la comparaison avant/après ou `"its"` pour la série temporelle interrompue (avec les
guillemets).
""",
    },
    Exercise(
        task="""
closer = ...
check_closer_method(closer, sim20, lang=lang)
""",
        solution="""
closer = "its"  # -27.0 is 7 points from -20; the naive -36.8 is 16.8 points off
check_closer_method(closer, sim20, lang=lang)
""",
        explain={
            "nl": """
De voor-en-navergelijking geeft -36,8 %: de echte daling plus de terugkeer naar het gemiddelde
na drie drukke maanden. De tijdreeks geeft -27,0 %, 7 procentpunt naast de waarheid, met een
interval dat -20 % bevat. Laat daarna een andere `seed` proberen (bv. 5): soms ligt de naïeve
vergelijking bij toeval dichter. Eén reeks bewijst niets; gemiddeld over veel reeksen zit de
tijdreeks juist en de voor-en-navergelijking te hoog. De controle rekent met de `sim20` van de
deelnemer, dus ook met een andere seed klopt ze.
""",
            "fr": """
La comparaison avant/après donne -36,8 % : la vraie baisse plus le retour vers la moyenne
après trois mois chargés. La série temporelle donne -27,0 %, à 7 points de la vérité, avec un
intervalle qui contient -20 %. Faites ensuite essayer une autre `seed` (p. ex. 5) : parfois, la
comparaison naïve tombe plus près par hasard. Une seule série ne prouve rien ; en moyenne sur
beaucoup de séries, la série temporelle est juste et la comparaison avant/après exagère. La
vérification calcule avec le `sim20` du participant : elle reste juste avec une autre seed.
""",
        },
    ),
    {
        "nl": """
## Om te onthouden

- Een project start vaak **na** een slechte periode. Daarna verbeteren de cijfers ook zonder
  project: een voor-en-navergelijking geeft het project dan te veel eer.
- Kijk naar een lange reeks vóór de start, niet alleen naar de laatste maanden.
- Een onderbroken tijdreeks (notitieboek 6), liefst met een vergelijkingsgemeente, scheidt het
  effect beter van toeval. Het interval zegt hoe zeker je kunt zijn.
""",
        "fr": """
## À retenir

- Un projet démarre souvent **après** une mauvaise période. Ensuite, les chiffres s'améliorent
  même sans projet : une comparaison avant/après lui attribue alors trop de mérite.
- Regardez une longue série avant le démarrage, pas seulement les derniers mois.
- Une série temporelle interrompue (carnet 6), de préférence avec une commune de comparaison,
  distingue mieux l'effet du hasard. L'intervalle dit à quel point on peut en être sûr.
""",
    },
]
