"""Notebook 08: how strong is a finding? Falsification checks, a synthetic comparison, power
before the start and the rating on the Maryland scale, on a simulated panel with a planted truth."""

from socprev_kit.teaching.exercise import Exercise

NUMBER = 8
NAME = "strength_of_evidence"

CELLS: list[dict[str, str] | str | Exercise] = [
    {
        "nl": """
# 8. Hoe sterk is een resultaat? Controles en beoordeling lezen

Een rapport zegt bijvoorbeeld: "na de start 31 % minder meldingen dan verwacht". Een zorgvuldige
lezer vraagt dan verder:

- Zou **dezelfde analyse** ook een "effect" vinden waar er geen was? (**controles op een
  schijneffect**)
- Hoe ging het in **vergelijkbare gemeenten zonder project**? (**synthetische vergelijking**)
- Kon dit project een verandering van die grootte **überhaupt zichtbaar maken**? (**onderscheidend
  vermogen vóór de start**)
- Hoe **sterk is de opzet**? (**beoordeling op de Maryland-schaal**)

De rapporten van de kit tonen die vier antwoorden bij elk resultaat. In dit notitieboek leer je
ze lezen. We werken met **gesimuleerde** cijfers waarvan we de waarheid kennen: één gemeente met
een project (`T00`) en 25 gemeenten zonder (`D01` tot `D25`). Voor analisten; reken op 40
minuten. Notitieboek 6 (onderbroken tijdreeks) moet je gezien hebben.
""",
        "fr": """
# 8. Quelle est la force d'un résultat ? Lire les contrôles et la notation

Un rapport dit par exemple : « après le début, 31 % de plaintes de moins que prévu ». Un lecteur
attentif demande alors :

- La **même analyse** trouverait-elle aussi un « effet » là où il n'y en avait pas ?
  (**contrôles d'effet factice**)
- Qu'ont connu des **communes comparables sans projet** ? (**comparaison synthétique**)
- Ce projet pouvait-il **seulement rendre visible** un changement de cette taille ?
  (**puissance avant le début**)
- Quelle est la **force du plan d'évaluation** ? (**notation sur l'échelle de Maryland**)

Les rapports du kit donnent ces quatre réponses pour chaque résultat. Ce carnet apprend à les
lire. Nous travaillons sur des chiffres **simulés** dont nous connaissons la vérité : une commune
avec un projet (`T00`) et 25 communes sans projet (`D01` à `D25`). Pour les analystes ; comptez 40
minutes. Il faut avoir vu le carnet 6 (série temporelle interrompue).
""",
    },
    """
import socprev_kit as sk
from socprev_kit.evaluation.evidence import (
    describe_rating, falsification_checks, minimum_detectable_effect, rate_finding,
    synthetic_control,
)
from socprev_kit.evaluation.evidence.power_texts import curve_table
from socprev_kit.evaluation.evidence.falsification_sentences import (
    describe_falsification, falsification_table,
)
from socprev_kit.plots import plot_indicator
from socprev_kit.plots.synthetic import synthetic_figure
from socprev_kit.teaching.checks import check_mayor_sentence, check_prediction, check_step
from socprev_kit.teaching.evidence_panel import (
    DONORS, SHOCKED, START, TREATED, planted_truth, simulate_panel,
)
""",
    {
        "nl": """
## De gesimuleerde gemeenten

Elke gemeente heeft maandcijfers van januari 2022 tot juni 2026 voor drie indicatoren:

- **I02**, meldingen van bewoners over drugs: wat het project wil doen dalen;
- **C01**, door de politie geregistreerde drugsdelicten: een **inspanningsindicator**, die stijgt
  als de politie meer controleert;
- **C03**, verkeersongevallen met letsel: een indicator die het project **niet** zou mogen
  veranderen.

Alle gemeenten volgen hetzelfde seizoen en dezelfde algemene schommelingen, elk met hun eigen
toeval. In `T00` start in januari 2025 een project. Dit is wat erin geplant is:
""",
        "fr": """
## Les communes simulées

Chaque commune a des chiffres mensuels de janvier 2022 à juin 2026 pour trois indicateurs :

- **I02**, les plaintes d'habitants liées à la drogue : ce que le projet veut faire baisser ;
- **C01**, les infractions en matière de drogues enregistrées par la police : un **indicateur
  d'effort**, qui augmente quand la police contrôle davantage ;
- **C03**, les accidents de la route avec blessés : un indicateur que le projet ne devrait
  **pas** changer.

Toutes les communes suivent la même saison et les mêmes fluctuations générales, chacune avec son
propre hasard. À `T00`, un projet démarre en janvier 2025. Voici ce qui y a été planté :
""",
    },
    """
panel = simulate_panel()
planted_truth()
""",
    {
        "nl": """
`rate_ratio_level` is de geplante verandering: 0,70 is 30 % minder meldingen, 1,40 is 40 % meer
geregistreerde drugsdelicten (de politie controleert meer), 1 is geen verandering. De laatste rij
is gemeente `D07`: die ging in juli 2023 over op een nieuwe manier van meldingen registreren,
waardoor er sindsdien 40 % minder binnenkomen. Dat heeft niets met een project te maken.

De meldingen in `T00`, met de start van het project:
""",
        "fr": """
`rate_ratio_level` est le changement planté : 0,70 fait 30 % de plaintes en moins, 1,40 fait
40 % d'infractions enregistrées en plus (la police contrôle davantage), 1 aucun changement. La
dernière ligne est la commune `D07` : en juillet 2023, elle a changé sa manière d'enregistrer les
plaintes, si bien qu'il en arrive 40 % de moins depuis. Cela n'a rien à voir avec un projet.

Les plaintes à `T00`, avec le début du projet :
""",
    },
    """
complaints = panel.query("nis_code == @TREATED and indicator_id == 'I02'")
offences = panel.query("nis_code == @TREATED and indicator_id == 'C01'")
accidents = panel.query("nis_code == @TREATED and indicator_id == 'C03'")
ax = plot_indicator(complaints, intervention=START, title="T00: I02", lang=lang)
""",
    {
        "nl": """
## De onderbroken tijdreeks

Zoals in notitieboek 6: trend en seizoen vóór de start, doorgetrokken na de start.
""",
        "fr": """
## La série temporelle interrompue

Comme dans le carnet 6 : tendance et saison avant le début, prolongées après.
""",
    },
    """
its = sk.interrupted_time_series(
    complaints, count="value", period="period", population="population",
    intervention=START, harmonics=1,
)
its.effects.round(3)
""",
    {
        "nl": """
De niveauverandering is 0,685: 31 % minder meldingen dan verwacht, met een 95%-interval van 0,57
tot 0,83. De waarheid (0,70) ligt erin. Maar in een echte gemeente ken je de waarheid niet. Wat
kan dit resultaat nog misleiden?

## Vier controles op een schijneffect

`falsification_checks` doet vier controles. Elk **slaagt**, **faalt** of **kan niet lopen**, met
de reden erbij:

1. **Valse startdatums** (`placebo_time`): dezelfde analyse op datums vóór de echte start, op de
   maanden vóór de start alleen. Vindt ze daar even grote, duidelijke veranderingen, dan komen
   zulke veranderingen ook voor als er niets start. Nodig: minstens 26 maanden vóór de start.
2. **Gemeenten zonder project** (`placebo_space`): dezelfde analyse, op dezelfde datum, in elke
   gemeente zonder project. Is de verandering hier groter dan in (bijna) al die gemeenten? Nodig:
   minstens 19 gemeenten.
3. **Eén vergelijkingsgemeente weglaten** (`leave_one_out`): bij een tijdreeks **met**
   vergelijkingsgemeenten, telkens één weglaten. Verandert de conclusie, dan hangt ze aan één
   gemeente.
4. **Een indicator die het project niet zou mogen veranderen** (`non_target`): verandert die even
   sterk, dan veranderde iets anders de cijfers van de hele gemeente.

`D07` laten we weg uit de gemeenten zonder project: we weten dat ze in 2023 anders is gaan
registreren, en een gemeente met een eigen breuk is geen goede spiegel (zoals een gemeente met
een eigen project in notitieboek 6).
""",
        "fr": """
Le changement de niveau est de 0,685 : 31 % de plaintes de moins que prévu, avec un intervalle à
95 % de 0,57 à 0,83. La vérité (0,70) y est. Mais dans une vraie commune, on ne connaît pas la
vérité. Qu'est-ce qui peut encore tromper dans ce résultat ?

## Quatre contrôles d'effet factice

`falsification_checks` fait quatre contrôles. Chacun **réussit**, **échoue** ou **ne peut pas
être fait**, avec la raison :

1. **Fausses dates de début** (`placebo_time`) : la même analyse à des dates antérieures au vrai
   début, sur les seuls mois d'avant le début. Si elle y trouve des changements nets aussi
   grands, de tels changements arrivent aussi quand rien ne commence. Il faut au moins 26 mois
   avant le début.
2. **Communes sans projet** (`placebo_space`) : la même analyse, à la même date, dans chaque
   commune sans projet. Le changement est-il ici plus grand que dans (presque) toutes ces
   communes ? Il en faut au moins 19.
3. **Retirer une commune de comparaison** (`leave_one_out`) : pour une série **avec** communes de
   comparaison, en retirer une à la fois. Si la conclusion change, elle tient à une seule
   commune.
4. **Un indicateur que le projet ne devrait pas changer** (`non_target`) : s'il change aussi
   fort, autre chose a changé les chiffres de toute la commune.

Nous retirons `D07` des communes sans projet : nous savons qu'elle enregistre autrement depuis
2023, et une commune avec sa propre rupture n'est pas un bon miroir (comme une commune avec son
propre projet dans le carnet 6).
""",
    },
    """
donors = {
    code: panel.query("nis_code == @code and indicator_id == 'I02'")
    for code in DONORS if code != SHOCKED
}
len(donors)
""",
    {
        "nl": """
### Oefening 1: voorspel eerst

Voorspel, **vóór** je de controles uitvoert, het resultaat van de eerste drie voor `T00`:
`"pass"` (geslaagd), `"fail"` (niet geslaagd) of `"not_run"` (kon niet lopen). Denk aan: hoeveel
maanden vóór de start zijn er, hoeveel gemeenten zonder project, en heeft deze tijdreeks
vergelijkingsgemeenten? De cel voert daarna de controles uit en vergelijkt.
""",
        "fr": """
### Exercice 1 : prédire d'abord

Prédisez, **avant** d'exécuter les contrôles, le résultat des trois premiers pour `T00` :
`"pass"` (réussi), `"fail"` (échoué) ou `"not_run"` (pas pu être fait). Pensez-y : combien de
mois avant le début, combien de communes sans projet, et cette série a-t-elle des communes de
comparaison ? La cellule exécute ensuite les contrôles et compare.
""",
    },
    Exercise(
        task="""
placebo_time = ...  # ← "pass", "fail" or "not_run"
placebo_space = ...  # ← "pass", "fail" or "not_run"
leave_one_out = ...  # ← "pass", "fail" or "not_run"
checks = falsification_checks(
    complaints, count="value", period="period", population="population", intervention=START,
    donors=donors, non_target=accidents, its_options={"harmonics": 1}, result=its,
)
check_prediction(placebo_time, placebo_space, leave_one_out, checks, lang=lang)
""",
        solution="""
placebo_time = "pass"  # 36 months before the start, no step in them
placebo_space = "pass"  # -31 % is larger than in all 24 municipalities without a project
leave_one_out = "not_run"  # this time series has no comparison municipalities
checks = falsification_checks(
    complaints, count="value", period="period", population="population", intervention=START,
    donors=donors, non_target=accidents, its_options={"harmonics": 1}, result=its,
)
check_prediction(placebo_time, placebo_space, leave_one_out, checks, lang=lang)
""",
        explain={
            "nl": "Met 36 maanden vóór de start kunnen de valse startdatums lopen, en de "
            "maanden vóór de start hebben geen sprong: geslaagd. De daling van 31 % is groter dan "
            "in alle 24 gemeenten zonder project (rang 1 van 25): geslaagd. Zonder "
            "vergelijkingsgemeenten valt er niets weg te laten: niet uitgevoerd. De meest "
            'gemaakte fout: "pass" voor de derde. Een controle die niet liep, zegt niets; ze '
            "is geen geslaagde controle.",
            "fr": "Avec 36 mois avant le début, les fausses dates peuvent être testées, et ces "
            "mois n'ont pas de saut : réussi. La baisse de 31 % est plus grande que dans les 24 "
            "communes sans projet (rang 1 sur 25) : réussi. Sans communes de comparaison, rien à "
            'retirer : pas effectué. Erreur la plus fréquente : "pass" pour le troisième. Un '
            "contrôle qui n'a pas été fait ne dit rien ; ce n'est pas un contrôle réussi.",
        },
    ),
    {
        "nl": "Zo toont een rapport de controles, met een zin erboven:",
        "fr": "Voici comment un rapport montre les contrôles, avec une phrase au-dessus :",
    },
    """
print("\\n".join(describe_falsification(checks, lang=lang)))
falsification_table(checks, lang=lang)
""",
    {
        "nl": """
Lees de woorden van de samenvatting: geslaagde controles maken een effect **aannemelijker**, ze
**bewijzen** het niet. Ze sluiten alleen enkele andere verklaringen uit (toeval, een verandering
overal tegelijk, iets wat de hele gemeente trof).

## Een reeks met een sprong vóór de start

Stel nu dat iemand `D07` analyseert alsof daar in januari 2025 een project startte. Er gebeurde
toen niets, maar in juli 2023 daalden de meldingen met 40 % (de nieuwe manier van registreren).
De onderbroken tijdreeks trekt een dalende trend door die sprong, en na de start liggen de cijfers
boven die doorgetrokken lijn:
""",
        "fr": """
Lisez les mots du résumé : des contrôles réussis rendent un effet **plus plausible**, ils ne le
**prouvent** pas. Ils écartent seulement quelques autres explications (le hasard, un changement
partout à la fois, quelque chose qui a touché toute la commune).

## Une série avec un saut avant le début

Supposons maintenant que quelqu'un analyse `D07` comme si un projet y avait démarré en janvier
2025. Rien ne s'est passé à ce moment, mais en juillet 2023 les plaintes ont baissé de 40 % (la
nouvelle manière d'enregistrer). La série temporelle interrompue trace une tendance en baisse à
travers ce saut, et après le début les chiffres sont au-dessus de cette ligne prolongée :
""",
    },
    """
step = panel.query("nis_code == @SHOCKED and indicator_id == 'I02'")
its_step = sk.interrupted_time_series(
    step, count="value", period="period", population="population", intervention=START,
    harmonics=1,
)
ax = plot_indicator(step, intervention=START, its=its_step, title="D07: I02", lang=lang)
""",
    {
        "nl": """
### Oefening 2: welke controle ziet de sprong?

Welke van de vier controles zal **falen** en zo de sprong van juli 2023 verraden? Typ haar naam:
`"placebo_time"`, `"placebo_space"`, `"leave_one_out"` of `"non_target"`. De cel voert daarna de
controles op `D07` uit (met de 24 andere gemeenten zonder project).
""",
        "fr": """
### Exercice 2 : quel contrôle voit le saut ?

Lequel des quatre contrôles va **échouer** et trahir ainsi le saut de juillet 2023 ? Tapez son
nom : `"placebo_time"`, `"placebo_space"`, `"leave_one_out"` ou `"non_target"`. La cellule
exécute ensuite les contrôles sur `D07` (avec les 24 autres communes sans projet).
""",
    },
    Exercise(
        task="""
sees_the_step = ...  # ← the name of a check, in quotes
others = {code: panel.query("nis_code == @code and indicator_id == 'I02'")
          for code in DONORS if code != SHOCKED}
step_checks = falsification_checks(
    step, count="value", period="period", population="population", intervention=START,
    donors=others, its_options={"harmonics": 1}, result=its_step,
)
check_step(sees_the_step, step_checks, lang=lang)
""",
        solution="""
sees_the_step = "placebo_time"  # fake start dates around July 2023 find a clear fall
others = {code: panel.query("nis_code == @code and indicator_id == 'I02'")
          for code in DONORS if code != SHOCKED}
step_checks = falsification_checks(
    step, count="value", period="period", population="population", intervention=START,
    donors=others, its_options={"harmonics": 1}, result=its_step,
)
check_step(sees_the_step, step_checks, lang=lang)
""",
        explain={
            "nl": "De valse startdatums liggen in de maanden vóór de start; die rond juli 2023 "
            'vinden een duidelijke daling, groter dan de "verandering" in januari 2025. Ook de '
            "controle met gemeenten zonder project faalt hier, maar om een andere reden: de "
            "verandering van januari 2025 is niet groter dan in andere gemeenten. Naar juli 2023 "
            'kijkt die niet. Zonder vergelijkingsgemeenten kan "leave_one_out" niet lopen.',
            "fr": "Les fausses dates de début sont dans les mois d'avant le début ; celles autour "
            "de juillet 2023 trouvent une baisse nette, plus grande que le « changement » de "
            "janvier 2025. Le contrôle avec les communes sans projet échoue aussi ici, mais pour "
            "une autre raison : le changement de janvier 2025 n'est pas plus grand qu'ailleurs. "
            'Il ne regarde pas juillet 2023. Sans communes de comparaison, "leave_one_out" ne '
            "peut pas être fait.",
        },
    ),
    """
falsification_table(step_checks, lang=lang)
""",
    {
        "nl": """
## De synthetische vergelijking

Notitieboek 6 gebruikte één vergelijkingsgemeente. `synthetic_control` zoekt een **gewogen mix**
van gemeenten zonder project die de reeks van `T00` vóór de start zo goed mogelijk volgt (per
1.000 inwoners, maand per maand). Na de start toont die mix wat zonder project te verwachten was.
""",
        "fr": """
## La comparaison synthétique

Le carnet 6 utilisait une commune de comparaison. `synthetic_control` cherche un **mélange
pondéré** de communes sans projet qui suit au mieux la série de `T00` avant le début (pour 1 000
habitants, mois par mois). Après le début, ce mélange montre ce qu'on pouvait attendre sans
projet.
""",
    },
    """
synthetic = synthetic_control(
    panel, treated=TREATED, indicator_id="I02", intervention=START, donors=list(donors),
)
fig = synthetic_figure(synthetic, lang=lang)
""",
    """
synthetic.effects[["rate_ratio", "ci_low", "ci_high", "p_value"]].round(3)
""",
    """
print(synthetic.convex_hull.text(lang))
synthetic.weights[["nis_code", "weight"]].round(3)
""",
    {
        "nl": """
- De synthetische vergelijking geeft 0,68 (interval 0,59 tot 0,78): ook hier ligt de waarheid
  (0,70) in het interval. Twee opzetten die overeenkomen, zijn sterker dan één.
- Het **bereik** (convex hull): `T00` lag vóór de start binnen het bereik van de gemeenten zonder
  project, en de mix volgde haar goed. Ligt een gemeente boven of onder alle andere, dan kan geen
  mix haar volgen; het rapport zegt dat dan.
- De **gewichten**: we maakten `T00` uit `D03`, `D11` en `D19` (50, 30 en 20 %). De mix kiest
  grotendeels andere gemeenten. Met zulke kleine aantallen volgen veel mixen de reeks even goed:
  lees de gewichten als "op wie lijkt de reeks", niet als een waarheid. Wat telt, is hoe goed de
  mix vóór de start volgt.

## Vóór de start: kan het project een effect zichtbaar maken?

Stel dat `T00` in december 2024 wil weten of 18 maanden na de start genoeg zijn om een daling te
zien. `minimum_detectable_effect` bootst de eigen reeks van vóór de start vele keren na (niveau,
seizoen, schommelingen), met een daling erin, en kijkt hoe vaak de analyse ze ziet. Het resultaat
is de kleinste daling die in 80 % van de nagebootste reeksen duidelijk zichtbaar is. Hier met 100
nagebootste reeksen per stap, zodat het snel gaat; een rapport neemt er meer.
""",
        "fr": """
- La comparaison synthétique donne 0,68 (intervalle de 0,59 à 0,78) : ici aussi, la vérité (0,70)
  est dans l'intervalle. Deux plans d'évaluation qui concordent sont plus solides qu'un seul.
- La **fourchette** (enveloppe convexe) : avant le début, `T00` se situait dans la fourchette des
  communes sans projet, et le mélange la suivait bien. Si une commune est au-dessus ou en dessous
  de toutes les autres, aucun mélange ne peut la suivre ; le rapport le dit alors.
- Les **poids** : nous avons fabriqué `T00` à partir de `D03`, `D11` et `D19` (50, 30 et 20 %). Le
  mélange choisit en bonne partie d'autres communes. Avec d'aussi petits nombres, beaucoup de
  mélanges suivent la série aussi bien : lisez les poids comme « à qui la série ressemble », pas
  comme une vérité. Ce qui compte, c'est la qualité du suivi avant le début.

## Avant le début : le projet peut-il rendre un effet visible ?

Supposons qu'en décembre 2024, `T00` veuille savoir si 18 mois après le début suffisent pour
voir une baisse. `minimum_detectable_effect` imite de nombreuses fois la série propre d'avant le
début (niveau, saison, fluctuations), avec une baisse, et regarde combien de fois l'analyse la
voit. Le résultat est la plus petite baisse visible nettement dans 80 % des séries imitées. Ici
avec 100 séries imitées par étape, pour aller vite ; un rapport en prend davantage.
""",
    },
    """
before = complaints[complaints["period"] < START]
power = minimum_detectable_effect(
    before, count="value", period="period", population="population", intervention=START,
    months_after=18, n_sims=100,
)
print(power.describe(lang))
curve_table(power, lang)
""",
    {
        "nl": """
De tabel is de kans dat de analyse een daling van die grootte duidelijk ziet. De geplante daling
(30 %) is net groot genoeg om met 18 maanden zichtbaar te worden. Een daling van 10 % zou in
ongeveer 15 % van de nagebootste reeksen zichtbaar zijn: een project dat op 10 % mikt, toont met
deze aantallen meestal niets, ook als het werkt. Dan zegt "geen duidelijke verandering" weinig.
Reken dit uit **vóór** de start: meer maanden, een groter gebied of een indicator met meer feiten
helpen.

## De beoordeling: niveau 1 tot 5

De **Maryland-schaal** beoordeelt de opzet van een evaluatie: 1 een samenhang op één moment,
2 één reeks vóór en na, 3 met vergelijkbare vergelijkingsgemeenten, 4 met veel gemeenten of een
synthetische vergelijking die haar toetsen doorstaat, 5 gerandomiseerd. `rate_finding` geeft het
niveau en verlaagt het met één per zwakte: een korte reeks, een gefaalde controle, te weinig
onderscheidend vermogen, maanden uit de COVID-19-periode, een inspanningsindicator.
""",
        "fr": """
Le tableau donne la chance que l'analyse voie nettement une baisse de cette taille. La baisse
plantée (30 %) est tout juste assez grande pour devenir visible en 18 mois. Une baisse de 10 %
serait visible dans environ 15 % des séries imitées : un projet qui vise 10 % ne montre le plus
souvent rien avec ces nombres, même s'il fonctionne. « Pas de changement net » dit alors peu de
chose. Calculez-le **avant** le début : plus de mois, une zone plus grande ou un indicateur avec
plus de faits aident.

## La notation : niveau 1 à 5

L'**échelle de Maryland** note le plan d'une évaluation : 1 un lien à un seul moment, 2 une
série avant et après, 3 avec des communes de comparaison comparables, 4 avec de nombreuses
communes ou une comparaison synthétique qui passe ses contrôles, 5 randomisé. `rate_finding`
donne le niveau et l'abaisse d'un cran par faiblesse : une série courte, un contrôle échoué, une
puissance trop faible, des mois de la période de COVID-19, un indicateur d'effort.
""",
    },
    """
n_pre, n_post = its.diagnostics["n_pre"], its.diagnostics["n_post"]
rating_its = rate_finding(
    "its", n_pre=n_pre, n_post=n_post, mde=power.mde,
    failed_checks=tuple(checks.table.query("status == 'fail'")["check"]),
)
print(describe_rating(rating_its, lang))
""",
    """
rating_synthetic = rate_finding(
    "synthetic", n_pre=n_pre, n_post=n_post, synthetic_ok=bool(synthetic.convex_hull),
)
print(describe_rating(rating_synthetic, lang))
""",
    {
        "nl": """
Dezelfde daling, twee opzetten: één reeks haalt niveau 2, de synthetische vergelijking die haar
toetsen doorstaat niveau 4. En `D07`, waar een controle faalde:
""",
        "fr": """
La même baisse, deux plans : une série seule atteint le niveau 2, la comparaison synthétique qui
passe ses contrôles le niveau 4. Et `D07`, où un contrôle a échoué :
""",
    },
    """
failed = tuple(step_checks.table.query("status == 'fail'")["check"])
print(describe_rating(rate_finding("its", n_pre=n_pre, n_post=n_post, failed_checks=failed), lang))
""",
    {
        "nl": """
## Een inspanningsindicator: geregistreerde drugsdelicten (C01)

Het project liet de politie ook meer controleren. Zo verging het C01 in `T00`:
""",
        "fr": """
## Un indicateur d'effort : les infractions en matière de drogues enregistrées (C01)

Le projet a aussi fait contrôler davantage la police. Voici C01 à `T00` :
""",
    },
    """
its_offences = sk.interrupted_time_series(
    offences, count="value", period="period", population="population", intervention=START,
    harmonics=1,
)
its_offences.effects.round(3)
""",
    """
rating_offences = rate_finding("its", n_pre=n_pre, n_post=n_post, effort=True)
print(describe_rating(rating_offences, lang))
""",
    {
        "nl": """
### Oefening 3: wat zeg je aan de burgemeester?

**Vraag 1.** De geregistreerde drugsdelicten (C01) liggen 43 % hoger dan verwacht. Wat betekent
dat? Kies een getal:

1. het drugsprobleem in `T00` is gegroeid;
2. het project heeft averechts gewerkt;
3. de politie controleerde meer en registreerde dus meer; of het probleem veranderde, zeggen de
   meldingen van bewoners (I02).

**Vraag 2.** Welke zin schrijf je voor de burgemeester? Kies een letter:

- **A.** "Het project heeft de meldingen over drugs met 31 % doen dalen."
- **B.** "Na de start kwamen er ongeveer 31 % minder meldingen over drugs binnen dan verwacht
  (tussen 17 % en 43 % minder). De controles vonden geen andere verklaring; een bewijs dat het
  project dit deed, is het niet."
- **C.** "De politie registreerde 43 % meer drugsdelicten: het drugsprobleem is gegroeid."
- **D.** "Het bewijs haalt maar niveau 2 van 5, dus we weten nu dat het project niet werkt."
""",
        "fr": """
### Exercice 3 : que dire au bourgmestre ?

**Question 1.** Les infractions en matière de drogues enregistrées (C01) sont 43 % plus élevées
que prévu. Qu'est-ce que cela signifie ? Choisissez un nombre :

1. le problème de la drogue a augmenté à `T00` ;
2. le projet a eu l'effet inverse ;
3. la police a contrôlé davantage et a donc enregistré plus ; si le problème a changé, ce sont
   les plaintes des habitants (I02) qui le disent.

**Question 2.** Quelle phrase écrivez-vous pour le bourgmestre ? Choisissez une lettre :

- **A.** « Le projet a fait baisser de 31 % les plaintes liées à la drogue. »
- **B.** « Après le début, il est arrivé environ 31 % de plaintes liées à la drogue de moins que
  prévu (entre 17 % et 43 % de moins). Les contrôles n'ont pas trouvé d'autre explication ; ce
  n'est pas une preuve que le projet en est la cause. »
- **C.** « La police a enregistré 43 % d'infractions en plus : le problème de la drogue a
  augmenté. »
- **D.** « La preuve n'atteint que le niveau 2 sur 5 : nous savons donc que le projet ne
  fonctionne pas. »
""",
    },
    Exercise(
        task="""
reading = ...  # ← 1, 2 or 3
sentence = ...  # ← "A", "B", "C" or "D"
check_mayor_sentence(reading, sentence, its, its_offences, lang=lang)
""",
        solution="""
reading = 3  # C01 rises with police effort: more controls register more offences
sentence = "B"  # what was seen, with its interval, the checks, and what is not proven
check_mayor_sentence(reading, sentence, its, its_offences, lang=lang)
""",
        explain={
            "nl": "C01 is een inspanningsindicator: meer controles registreren meer delicten, "
            "los van het probleem; de kit leest haar daarom altijd samen met de meldingen of de "
            "overlast van hetzelfde project. Zin B zegt wat gezien is (met het interval), wat de "
            "controles vonden en wat niet bewezen is. A claimt een oorzaak, C leest C01 als het "
            'probleem, D leest een zwakke opzet als "geen effect".',
            "fr": "C01 est un indicateur d'effort : plus de contrôles enregistrent plus "
            "d'infractions, indépendamment du problème ; le kit le lit donc toujours avec les "
            "plaintes ou les nuisances du même projet. La phrase B dit ce qui a été vu (avec "
            "l'intervalle), ce que les contrôles ont trouvé et ce qui n'est pas prouvé. A affirme "
            "une cause, C lit C01 comme le problème, D lit un plan faible comme « pas d'effet ».",
        },
    ),
    {
        "nl": """
## Om te onthouden

- Een **controle op een schijneffect** slaagt, faalt of kan niet lopen. Een geslaagde controle
  maakt een effect aannemelijker, geen enkele bewijst het. Een controle die niet liep, zegt
  niets.
- **Valse startdatums** verraden een sprong of breuk vóór de start; **gemeenten zonder project**
  een verandering die overal gebeurde.
- Een **synthetische vergelijking** is een mix van gemeenten zonder project; kijk of ze de
  gemeente vóór de start goed volgde. De gewichten zijn geen waarheid.
- Reken het **onderscheidend vermogen** uit vóór de start: een project kan alleen tonen wat zijn
  aantallen toelaten.
- De **beoordeling** (1 tot 5) zegt hoe sterk de opzet is, niet of het project werkt.
- Een **inspanningsindicator** (C01) meet ook de inzet van politie en diensten: lees ze samen
  met de meldingen of de overlast.

### Even nadenken

1. Welke indicator van jouw project zou het project niet mogen veranderen?
2. Hoeveel maanden na de start heb je nodig om de daling te zien waarop je mikt?
""",
        "fr": """
## À retenir

- Un **contrôle d'effet factice** réussit, échoue ou ne peut pas être fait. Un contrôle réussi
  rend un effet plus plausible, aucun ne le prouve. Un contrôle qui n'a pas été fait ne dit rien.
- Les **fausses dates de début** trahissent un saut ou une rupture avant le début ; les
  **communes sans projet**, un changement survenu partout.
- Une **comparaison synthétique** est un mélange de communes sans projet ; vérifiez qu'elle
  suivait bien la commune avant le début. Les poids ne sont pas une vérité.
- Calculez la **puissance** avant le début : un projet ne peut montrer que ce que ses nombres
  permettent.
- La **notation** (1 à 5) dit la force du plan d'évaluation, pas si le projet fonctionne.
- Un **indicateur d'effort** (C01) mesure aussi l'effort de la police et des services : lisez-le
  avec les plaintes ou les nuisances.

### À méditer

1. Quel indicateur de votre projet le projet ne devrait-il pas changer ?
2. Combien de mois après le début vous faut-il pour voir la baisse que vous visez ?
""",
    },
]
