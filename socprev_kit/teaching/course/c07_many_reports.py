"""Notebook 07: producing the reports of many municipalities in one go (the batch engine)."""

from ..exercise import Exercise

NUMBER = 7
NAME = "many_reports"

CELLS: list[dict[str, str] | str | Exercise] = [
    {
        "nl": """
# 7. Rapporten voor veel gemeenten tegelijk

Een onderzoeker of een medewerker van de FOD maakt niet één rapport, maar tientallen of honderden:
één per gemeente, in het Nederlands en in het Frans. Met de hand is dat onbegonnen werk. De kit
heeft er een **batch** voor: één opdracht, en alle rapporten komen samen in één map, met een
overzichtspagina.

In dit notitieboek (reken op 25 minuten):

1. één rapport voor één gemeente (5 min);
2. een paar gemeenten in twee talen, en het resultaat lezen (8 min);
3. opnieuw draaien, en een gemeente die mislukt (7 min);
4. waar kleine aantallen verborgen worden (3 min);
5. hetzelfde vanuit de terminal (2 min).

De rapporten komen in de map `reports_course/` naast dit notitieboek. Voer de cellen uit van boven
naar onder met **Shift + Enter**; een batch duurt een paar seconden.
""",
        "fr": """
# 7. Des rapports pour beaucoup de communes à la fois

Une chercheuse ou un agent du SPF ne produit pas un rapport, mais des dizaines ou des centaines :
un par commune, en français et en néerlandais. À la main, c'est impossible. Le kit a pour cela un
**lot** (*batch*) : une seule commande, et tous les rapports arrivent dans un même dossier, avec une
page d'index.

Dans ce carnet (comptez 25 minutes) :

1. un rapport pour une commune (5 min) ;
2. quelques communes en deux langues, et lire le résultat (8 min) ;
3. relancer, et une commune qui échoue (7 min) ;
4. où les petits nombres sont masqués (3 min) ;
5. la même chose depuis le terminal (2 min).

Les rapports arrivent dans le dossier `reports_course/`, à côté de ce carnet. Exécutez les cellules
de haut en bas avec **Maj + Entrée** ; un lot prend quelques secondes.
""",
    },
    """
import pandas as pd

import socprev_kit as sk
from socprev_kit.batch import batch
from socprev_kit.plots import plot_indicator
from socprev_kit.sampledata import ensure_sample_data
from socprev_kit.teaching.checks import check_failed_reports, check_report_file
""",
    {
        "nl": """
## 1. Eén rapport voor één gemeente

Een rapport is zelf een notitieboek: `notebooks/municipality_report.ipynb` (voor een project:
`notebooks/project_report.ipynb`). Bovenaan staat een cel met **parameters**:

```python
nis_code = "44021"  # NIS-code of naam van de gemeente
data_path = ""      # map of bestand met registraties (leeg: de voorbeelddata)
lang = "nl"         # nl, fr of en
period_start = ""   # bv. 2021-01 (leeg: vanaf de eerste maand)
period_end = ""     # bv. 2024-12 (leeg: tot de laatste maand)
covid = "both"      # COVID-19-maanden in een tijdreeks: both (met en zonder), include, exclude
```

Je kunt dat notitieboek openen in JupyterLab, `nis_code` veranderen en alles uitvoeren. De batch
doet hetzelfde voor jou: hij vult de parameters in, voert het notitieboek uit en bewaart het
resultaat. Hier voor één gemeente, Bredene, in de taal van dit notitieboek. De cursus begint
telkens met een lege map `reports_course` en `force=True`; normaal laat je beide weg (zie deel 3).
""",
        "fr": """
## 1. Un rapport pour une commune

Un rapport est lui-même un carnet : `notebooks/municipality_report.ipynb` (pour un projet :
`notebooks/project_report.ipynb`). En haut se trouve une cellule de **paramètres** :

```python
nis_code = "44021"  # code INS ou nom de la commune
data_path = ""      # dossier ou fichier d'enregistrements (vide : les données d'exemple)
lang = "nl"         # nl, fr ou en
period_start = ""   # p. ex. 2021-01 (vide : depuis le premier mois)
period_end = ""     # p. ex. 2024-12 (vide : jusqu'au dernier mois)
covid = "both"      # mois de COVID-19 dans une série : both (avec et sans), include, exclude
```

Vous pouvez ouvrir ce carnet dans JupyterLab, changer `nis_code` et tout exécuter. Le lot fait la
même chose pour vous : il remplit les paramètres, exécute le carnet et enregistre le résultat. Ici
pour une seule commune, Bredene, dans la langue de ce carnet. Le cours repart chaque fois d'un
dossier `reports_course` vide, avec `force=True` ; normalement, on omet les deux (voir la partie 3).
""",
    },
    """
import shutil

shutil.rmtree("reports_course", ignore_errors=True)  # an empty folder: the course starts afresh
one = batch(
    ["Bredene"], data=data_path or None, langs=[lang], jobs=1, out="reports_course", force=True
)
""",
    {
        "nl": "Hoeveel rapporten zijn gelukt, en hoeveel mislukt?",
        "fr": "Combien de rapports ont réussi, combien ont échoué ?",
    },
    """
one.n_ok, one.n_failed
""",
    {
        "nl": "En waar staat het rapport (in de map `reports_course/`)?",
        "fr": "Et où se trouve le rapport (dans le dossier `reports_course/`) ?",
    },
    """
one.records[0]["html"]
""",
    {
        "nl": """
Elk rapport bestaat uit twee bestanden in de map van zijn taal:

- `municipality_35002.html`: een **webpagina** die in elke browser opengaat, zonder code. Dit
  bestand stuur je naar de gemeente.
- `municipality_35002.ipynb`: het uitgevoerde notitieboek, voor wie wil nakijken hoe het
  rapport gemaakt is.

De naam komt van de **NIS-code** (35002 is Bredene), nooit van de naam van de gemeente: zo is er
geen verwarring tussen Bergen en Mons of tussen Sint-Niklaas en St-Niklaas.

Open het rapport: klik in de bestandsbrowser links op `reports_course`, dan op de taalmap, en
klik met de rechtermuisknop op het `.html`-bestand → **Open in New Browser Tab**. Je ziet wie en
wat (gemeente, periode, projecten), de kwaliteit van de data, de doelstellingen met hun
streefwaarden, de indicatoren door de tijd, de gemeente naast vergelijkbare gemeenten, een korte
interpretatie en een bijlage met de methode.
""",
        "fr": """
Chaque rapport se compose de deux fichiers dans le dossier de sa langue :

- `municipality_35002.html` : une **page web** qui s'ouvre dans tout navigateur, sans code.
  C'est ce fichier qu'on envoie à la commune.
- `municipality_35002.ipynb` : le carnet exécuté, pour qui veut vérifier comment le rapport a
  été produit.

Le nom vient du **code INS** (35002 est Bredene), jamais du nom de la commune : aucune confusion
possible entre Mons et Bergen, ou entre Sint-Niklaas et St-Niklaas.

Ouvrez le rapport : dans l'explorateur de fichiers à gauche, cliquez sur `reports_course`, puis
sur le dossier de la langue, et faites un clic droit sur le fichier `.html` → **Open in New
Browser Tab**. Vous y trouvez qui et quoi (commune, période, projets), la qualité des données,
les objectifs et leurs cibles, les indicateurs dans le temps, la commune à côté de communes
comparables, une courte interprétation et une annexe sur la méthode.
""",
    },
    {
        "nl": """
## 2. Een paar gemeenten, in twee talen

Nu twee gemeenten, Bredene (West-Vlaanderen) en Vaux-sur-Sûre (provincie Luxemburg), in het
Nederlands en het Frans. Met `jobs=2` werken twee Python-*kernels* tegelijk; de data worden maar
één keer gelezen en gecontroleerd voor alle rapporten. Op een gewone laptop kies je voor `jobs`
het aantal processorkernen.
""",
        "fr": """
## 2. Quelques communes, en deux langues

Maintenant deux communes, Bredene (Flandre occidentale) et Vaux-sur-Sûre (province de
Luxembourg), en français et en néerlandais. Avec `jobs=2`, deux *kernels* Python travaillent en
même temps ; les données ne sont lues et vérifiées qu'une fois pour tous les rapports. Sur un
ordinateur portable ordinaire, on choisit pour `jobs` le nombre de cœurs du processeur.
""",
    },
    """
result = batch(
    ["Bredene", "Vaux-sur-Sûre"],
    data=data_path or None,
    langs=["nl", "fr"],
    jobs=2,
    out="reports_course",
    force=True,
)
""",
    {
        "nl": "Hoeveel rapporten heeft de batch gemaakt? Denk eerst zelf na, voer dan de cel uit.",
        "fr": "Combien de rapports le lot a-t-il produits ? Réfléchissez d'abord, puis exécutez.",
    },
    """
len(result.records)
""",
    {
        "nl": """
Twee gemeenten maal twee talen: vier rapporten (en dus acht bestanden: vier `.html` en vier
`.ipynb`).

## Het resultaat lezen

De batch schrijft naast de rapporten deze bestanden in `reports_course/`:

- `index.html`: de ingang naar een **overzichtspagina** per taal (`nl/index.html`,
  `fr/index.html`) met alle rapporten, hun status, een paar kerncijfers en een link naar elk
  rapport; sorteer door op een kolomkop te klikken, filter per provincie of zoek een naam. Open
  ze zoals het rapport hierboven.
- `summary.csv`: dezelfde tabel voor Excel (`;` en decimale komma); `summary_utf8.csv`: dezelfde
  voor Python en andere programma's (`,` en decimaalpunt).
- `manifest.json`: alles over de run (welke data, welke versie van de kit), voor later.

Zo ziet de tabel eruit, met de belangrijkste kolommen:
""",
        "fr": """
Deux communes fois deux langues : quatre rapports (donc huit fichiers : quatre `.html` et quatre
`.ipynb`).

## Lire le résultat

À côté des rapports, le lot écrit ces fichiers dans `reports_course/` :

- `index.html` : l'entrée vers une **page d'index** par langue (`fr/index.html`, `nl/index.html`)
  avec tous les rapports, leur statut, quelques chiffres clés et un lien vers chaque rapport ;
  triez en cliquant sur un en-tête de colonne, filtrez par province ou cherchez un nom.
  Ouvrez-la comme le rapport ci-dessus.
- `summary.csv` : le même tableau pour Excel (`;` et virgule décimale) ; `summary_utf8.csv` : le
  même pour Python et d'autres programmes (`,` et point décimal).
- `manifest.json` : tout sur l'exécution (quelles données, quelle version du kit), pour plus tard.

Voici le tableau, avec les colonnes principales :
""",
    },
    """
summary = pd.read_csv(result.summary_utf8, dtype=str, keep_default_na=False)
""",
    """
summary[["lang", "id", "name_nl", "name_fr", "status", "n_objectives", "n_reached", "html"]]
""",
    {
        "nl": """
- `status`: `ok` of `failed`;
- `n_objectives`, `n_reached`: hoeveel doelstellingen de projecten van de gemeente hebben, en
  hoeveel er al bereikt zijn (de index toont er nog meer: op koers, achter, volledigheid, ...);
- `html`: het bestand, vanuit de map `reports_course/`.

### Oefening: welk bestand stuur je?

De preventiedienst van **Vaux-sur-Sûre** vraagt haar rapport. Welk bestand stuur je? Typ de naam
zoals in de kolom `html`, als tekst tussen aanhalingstekens. Let op: Vaux-sur-Sûre ligt in
Wallonië.
""",
        "fr": """
- `status` : `ok` ou `failed` ;
- `n_objectives`, `n_reached` : combien d'objectifs comptent les projets de la commune, et
  combien sont déjà atteints (l'index en montre davantage : en bonne voie, en retard,
  complétude...) ;
- `html` : le fichier, depuis le dossier `reports_course/`.

### Exercice : quel fichier envoyer ?

Le service de prévention de **Vaux-sur-Sûre** demande son rapport. Quel fichier lui envoyez-vous ?
Tapez le nom tel qu'il figure dans la colonne `html`, comme texte entre guillemets.
""",
    },
    Exercise(
        task="""
report_file = ...  # ← "nl/municipality_.....html" / "fr/municipality_.....html"
check_report_file(report_file, result, "Vaux-sur-Sûre", lang=lang)
""",
        solution="""
report_file = "fr/municipality_82036.html"  # Vaux-sur-Sûre (82036), in Wallonia: French
check_report_file(report_file, result, "Vaux-sur-Sûre", lang=lang)
""",
        explain={
            "nl": "Het `.html`-bestand (niet het `.ipynb`), in het Frans: Vaux-sur-Sûre ligt in "
            "Wallonië. De naam komt van de NIS-code 82036. Typische fouten (het notitieboek, de "
            "Nederlandse versie, `index.html`, een naam in plaats van de code) krijgen elk hun "
            "eigen uitleg.",
            "fr": "Le fichier `.html` (pas le `.ipynb`), en français : Vaux-sur-Sûre est en "
            "Wallonie. Le nom vient du code INS 82036. Les erreurs typiques (le carnet, la "
            "version néerlandaise, `index.html`, un nom au lieu du code) reçoivent chacune leur "
            "explication.",
        },
    ),
    {
        "nl": """
## 3. Opnieuw draaien, en een gemeente die mislukt

Een tweede batch: Bredene en Vaux-sur-Sûre opnieuw, plus **Aalst** en **Bergen** (Mons), in de
taal van dit notitieboek. Deze keer zonder `force=True`. Twee dingen om op te letten:

- Een rapport dat al bestaat en waarvan niets veranderde (dezelfde data, hetzelfde
  rapportnotitieboek, dezelfde parameters, dezelfde versie van de kit), maakt de batch niet
  opnieuw: `up to date`. Verandert één databestand, dan maakt hij alle rapporten van die data
  opnieuw: ze kunnen allemaal veranderd zijn (bv. de vergelijking met andere gemeenten).
- Een rapport dat mislukt, houdt de andere niet tegen.
""",
        "fr": """
## 3. Relancer, et une commune qui échoue

Un deuxième lot : Bredene et Vaux-sur-Sûre à nouveau, plus **Alost** (Aalst) et **Mons**, dans la
langue de ce carnet. Cette fois sans `force=True`. Deux choses à observer :

- Un rapport qui existe déjà et pour lequel rien n'a changé (mêmes données, même carnet de
  rapport, mêmes paramètres, même version du kit) n'est pas refait : `up to date`. Si un seul
  fichier de données change, il refait tous les rapports de ces données : tous peuvent avoir
  changé (p. ex. la comparaison avec d'autres communes).
- Un rapport qui échoue n'arrête pas les autres.
""",
    },
    """
mixed = batch(
    ["Bredene", "Aalst", "Vaux-sur-Sûre", "Mons"],
    data=data_path or None,
    langs=[lang],
    jobs=2,
    out="reports_course",
)
""",
    {
        "nl": "Gelukt, mislukt, en hoeveel waren al klaar:",
        "fr": "Réussis, échoués, et combien étaient déjà prêts :",
    },
    """
mixed.n_ok, mixed.n_failed, mixed.n_up_to_date
""",
    """
table = pd.read_csv(mixed.summary_utf8, dtype=str, keep_default_na=False)
""",
    """
table[["lang", "id", "name_nl", "name_fr", "status", "this_run"]]
""",
    {
        "nl": """
De tabel toont elk rapport in de map, ook van vorige runs. De kolom `this_run` zegt wat deze run
deed: `made` (gemaakt) of `up to date` (al klaar, niet opnieuw gemaakt); `earlier`: gemaakt door
een vorige run (hier de rapporten van deel 2 in de andere taal). De kolom `error` zegt waarom een
rapport mislukte, in de taal van het rapport:
""",
        "fr": """
Le tableau montre chaque rapport du dossier, aussi ceux des exécutions précédentes. La colonne
`this_run` dit ce que cette exécution a fait : `made` (produit) ou `up to date` (déjà prêt, pas
refait) ; `earlier` : produit par une exécution précédente (ici les rapports de la partie 2 dans
l'autre langue). La colonne `error` dit pourquoi un rapport a échoué, dans la langue du
rapport :
""",
    },
    """
print(*table.query("status != 'ok'")["error"], sep="\\n\\n")
""",
    {
        "nl": """
### Oefening: welke rapporten mislukten?

Welke gemeenten van deze tweede batch (`mixed`) kregen geen rapport? Geef hun NIS-codes (kolom
`id`) in een lijst, bv. `["12345", "67890"]`. Lees in de kolom `error` ook waarom.
""",
        "fr": """
### Exercice : quels rapports ont échoué ?

Quelles communes de ce deuxième lot (`mixed`) n'ont pas reçu de rapport ? Donnez leurs codes INS
(colonne `id`) dans une liste, p. ex. `["12345", "67890"]`. Lisez aussi pourquoi dans la colonne
`error`.
""",
    },
    Exercise(
        task="""
failed = ...  # ← ["....."]
check_failed_reports(failed, mixed, lang=lang)
""",
        solution="""
failed = ["41002", "53053"]  # Aalst / Alost, Bergen / Mons: no data in the sample data
check_failed_reports(failed, mixed, lang=lang)
""",
        explain={
            "nl": "De rijen waar `status` niet `ok` is. Bredene en Vaux-sur-Sûre zijn "
            "`up to date`: dat is geen fout, hun rapport bestond al. Aalst en Bergen hebben geen "
            "registraties in de voorbeelddata (kolom `error`).",
            "fr": "Les lignes où `status` n'est pas `ok`. Bredene et Vaux-sur-Sûre sont "
            "`up to date` : ce n'est pas une erreur, leur rapport existait déjà. Alost et Mons "
            "n'ont aucun enregistrement dans les données d'exemple (colonne `error`).",
        },
    ),
    {
        "nl": """
Aalst en Bergen hebben **geen registraties** in de voorbeelddata: er valt niets te rapporteren.
De batch maakte de andere rapporten gewoon af. Van een mislukt rapport bewaart hij het
notitieboek, met bovenaan een rode melding en de fout bij de cel waar het misliep: open
`reports_course/<taal>/municipality_41002.ipynb` om te zien waar.

Een **tikfout** in een naam (bv. `"Bredne"`) is iets anders: dan start de batch niet eens. Hij
meldt eerst alle problemen tegelijk, met namen die erop lijken, en maakt niets.

`index.html` en `summary.csv` tonen **alle** rapporten in de map, van elke opdracht: ook de
Franse rapporten van deel 2. Een rapport dat je met de hand verwijdert, verdwijnt er bij de
volgende run uit.
""",
        "fr": """
Alost et Mons n'ont **aucun enregistrement** dans les données d'exemple : rien à rapporter. Le lot
a terminé les autres rapports normalement. D'un rapport échoué, il garde le carnet, avec en haut
un bandeau rouge et l'erreur à la cellule où cela a coincé : ouvrez
`reports_course/<langue>/municipality_41002.ipynb` pour voir où.

Une **faute de frappe** dans un nom (p. ex. `"Bredne"`) est autre chose : le lot ne démarre même
pas. Il signale d'abord tous les problèmes à la fois, avec des noms proches, et ne produit rien.

`index.html` et `summary.csv` montrent **tous** les rapports du dossier, de chaque commande :
aussi les rapports néerlandais de la partie 2. Un rapport supprimé à la main en disparaît à
l'exécution suivante.
""",
    },
    {
        "nl": """
## 4. Kleine aantallen

In een kleine gemeente verraadt een klein aantal (1 tot 4 meldingen in een maand) al snel wie
het zijn. De rapporten **schermen** zulke cellen altijd **af**, ook in een batch, en ook de
cellen waaruit ze terug te rekenen zouden zijn (een gemeente naast het projecttotaal): in tabellen
staat `afgeschermd`, figuren tekenen ze niet, en de bijlage van elk rapport legt het uit
(notitieboek 4 toont hoe `sk.suppress` werkt). Welk deel van de maandcijfers wordt
verborgen in Gent, Bredene en Vaux-sur-Sûre?
""",
        "fr": """
## 4. Les petits nombres

Dans une petite commune, un petit nombre (1 à 4 plaintes en un mois) permet vite de savoir de qui
il s'agit. Les rapports **masquent** toujours ces cellules, aussi dans un lot, ainsi que les
cellules qui permettraient de les recalculer (une commune à côté du total du projet) : `masqué`
dans les tableaux, rien dans les figures, et l'annexe de chaque rapport l'explique (le carnet 4
montre comment fonctionne `sk.suppress`). Quelle part des chiffres
mensuels est masquée à Gand, à Bredene et à Vaux-sur-Sûre ?
""",
    },
    """
data = sk.load(data_path or ensure_sample_data(), lang=lang)
""",
    """
cells = sk.suppress(sk.indicator_table(data, freq="month"))
""",
    """
cells.groupby("nis_code")["suppressed"].mean().round(2)[["44021", "35002", "82036"]]
""",
    {
        "nl": """
In Gent is 1 op 100 cellen verborgen, in Bredene en Vaux-sur-Sûre meer dan 1 op 4. Zo ziet de
figuur van de meldingen van bewoners (I02) in Vaux-sur-Sûre eruit: een maand met 1 tot 4
meldingen wordt niet getekend, ook niet op een verzonnen hoogte.
""",
        "fr": """
À Gand, 1 cellule sur 100 est masquée ; à Bredene et à Vaux-sur-Sûre, plus d'une sur 4. Voici la
figure des plaintes d'habitants (I02) à Vaux-sur-Sûre : un mois avec 1 à 4 plaintes n'est pas
dessiné, pas même à une hauteur inventée.
""",
    },
    """
ax = plot_indicator(
    cells.query("nis_code == '82036' and indicator_id == 'I02'"), intervention="2021-09", lang=lang
)
""",
    {
        "nl": """
In het rapport van een kleine gemeente zie je dus veel `afgeschermd` en figuren per jaar (als de
meeste maanden afgeschermd zijn): dat is geen fout in de data. Stuur een gemeente altijd het
rapport, nooit de ruwe tabellen.

## 5. Vanuit de terminal

Voor honderden rapporten gebruik je liever de terminal (in JupyterLab: **File → New →
Terminal**). Dezelfde batch als in deel 2, en die van een hele provincie met je eigen data:

```bash
socprev-kit batch Bredene Vaux-sur-Sûre --lang nl fr --jobs 2 --out reports_course
socprev-kit batch --data mijn_data/ --province Limburg --lang nl fr --out reports
socprev-kit batch --project GEN-DAM --lang nl      # het rapport van één project
```

Zonder gemeenten of projecten maakt de batch **alles**: een rapport per gemeente met data en
per project. Dat doet ook `make reports` in de map van de kit, op de voorbeelddata. De batch
stopt met code 0 als alles lukte, 1 als een rapport mislukte en 2 als de opdracht zelf niet
klopt (een tikfout, een onbekende provincie). Hij kan ook op een rekencluster draaien
(`--scheduler`, met Dask).

## Om te onthouden

- Eén opdracht, `batch(...)` of `socprev-kit batch`, maakt per gemeente en per taal een
  `.html`-pagina (om te versturen) en een `.ipynb` (om na te kijken), met namen uit de NIS-code.
- `index.html` en `summary.csv` tonen wat gemaakt is en wat mislukte, en waarom.
- Een mislukt rapport houdt de andere niet tegen. Een tweede run met dezelfde data maakt
  alleen de rapporten die nog ontbreken of mislukten.
- Kleine aantallen blijven verborgen, ook in een batch.

### Even nadenken

De provincie Luxemburg telt 43 gemeenten; stel dat 30 ervan data hebben. Hoeveel
`.html`-pagina's maakt `socprev-kit batch --data mijn_data/ --province Luxemburg --lang nl fr`?
Hoeveel maakt hij opnieuw als je dezelfde opdracht meteen nog eens geeft? En nadat één gemeente
een verbeterd bestand stuurde?
""",
        "fr": """
Dans le rapport d'une petite commune, on voit donc beaucoup de `masqué` et des graphiques par an
(quand la plupart des mois sont masqués) : ce n'est pas une erreur dans les données. Envoyez
toujours le rapport à une commune, jamais les
tableaux bruts.

## 5. Depuis le terminal

Pour des centaines de rapports, on préfère le terminal (dans JupyterLab : **File → New →
Terminal**). Le même lot que dans la partie 2, et celui de toute une province avec vos propres
données :

```bash
socprev-kit batch Bredene Vaux-sur-Sûre --lang nl fr --jobs 2 --out reports_course
socprev-kit batch --data mes_donnees/ --province Luxembourg --lang fr nl --out reports
socprev-kit batch --project GEN-DAM --lang fr      # le rapport d'un projet
```

Sans commune ni projet, le lot produit **tout** : un rapport par commune avec des données et par
projet. C'est aussi ce que fait `make reports` dans le dossier du kit, sur les données d'exemple.
Le lot se termine avec le code 0 si tout a réussi, 1 si un rapport a échoué et 2 si la commande
elle-même ne va pas (une faute de frappe, une province inconnue). Il peut aussi tourner sur une
grappe de calcul (`--scheduler`, avec Dask).

## À retenir

- Une commande, `batch(...)` ou `socprev-kit batch`, produit par commune et par langue une page
  `.html` (à envoyer) et un `.ipynb` (pour vérifier), nommés d'après le code INS.
- `index.html` et `summary.csv` montrent ce qui a été produit, ce qui a échoué, et pourquoi.
- Un rapport échoué n'arrête pas les autres. Une deuxième exécution sur les mêmes données ne
  refait que les rapports manquants ou échoués.
- Les petits nombres restent masqués, aussi dans un lot.

### À méditer

La province de Luxembourg compte 43 communes ; supposons que 30 d'entre elles aient des
données. Combien de pages `.html` produit `socprev-kit batch --data mes_donnees/ --province
Luxembourg --lang fr nl` ? Combien en refait-il si on relance aussitôt la même commande ? Et après
qu'une commune a envoyé un fichier corrigé ?
""",
    },
]
