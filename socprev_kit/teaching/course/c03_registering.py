"""Notebook 03: registering with the workbook; reading what validation says about messy files."""

from socprev_kit.teaching.exercise import Exercise

NUMBER = 3
NAME = "registering"

CELLS: list[dict[str, str] | str | Exercise] = [
    {
        "nl": """
# 3. Registreren en controleren

Een evaluatie is maar zo goed als de cijfers die erin gaan. In dit notitieboek bekijk je eerst
het **registratiewerkboek**: het Excelbestand dat een preventiewerker maand per maand invult.
Daarna lees je bestanden met **typische fouten** en leer je de meldingen van socprev-kit lezen:
wat is er mis, waar staat het, en hoe verbeter je het?

Reken op een halfuur.
""",
        "fr": """
# 3. Enregistrer et contrôler

Une évaluation ne vaut que par les chiffres qu'on y met. Dans ce carnet, vous découvrez d'abord
le **classeur d'enregistrement** : le fichier Excel qu'un travailleur de prévention remplit mois
après mois. Ensuite, vous lisez des fichiers contenant des **erreurs typiques** et apprenez à
lire les signalements de socprev-kit : qu'est-ce qui ne va pas, où, et comment le corriger ?

Comptez une demi-heure.
""",
    },
    """
import pandas as pd

import socprev_kit as sk
from socprev_kit.sampledata import ensure_sample_data
from socprev_kit.teaching.checks import check_corrected_period, check_error_row
from socprev_kit.registration.workbook import write_template

pd.set_option("display.max_colwidth", None)  # show the messages in full
""",
    {
        "nl": """
## Het registratiewerkboek

socprev-kit maakt voor elk project een werkboek op maat: de juiste gemeenten en de juiste
indicatoren staan al ingevuld. Deze cel schrijft het werkboek van het project GEN-DAM (Gent)
voor 2025 in de map van dit notitieboek. In het terminalvenster doet
`socprev-kit template` hetzelfde.
""",
        "fr": """
## Le classeur d'enregistrement

socprev-kit prépare pour chaque projet un classeur sur mesure : les bonnes communes et les bons
indicateurs y figurent déjà. Cette cellule écrit le classeur du projet GEN-DAM (Gand) pour 2025
dans le dossier de ce carnet. Dans un terminal, `socprev-kit template` fait la même chose.
""",
    },
    """
workbook = write_template(
    f"GEN-DAM_2025_{lang}.xlsx", project_id="GEN-DAM", lang=lang, year=2025, data=data_path or None
)
""",
    {
        "nl": "Het werkboek heeft deze bladen:",
        "fr": "Le classeur contient ces feuilles :",
    },
    """
pd.ExcelFile(workbook).sheet_names
""",
    {
        "nl": """
- **Instructies**: wat je invult en hoe, in gewone woorden. Lees het één keer helemaal.
- **Registraties**: hier komen de cijfers (zie hieronder).
- **Projecten**: de gegevens van het project: gemeenten, start- en einddatum, type. Nakijken en
  verbeteren als iets niet klopt.
- **Doelstellingen**: de doelstellingen met hun nulmeting en streefwaarde.
- **Lijsten** is verborgen: de codes van de keuzelijsten.

Zo ziet het begin van het blad *Registraties* eruit (de eerste maanden):
""",
        "fr": """
- **Instructions** : quoi remplir et comment, en mots simples. À lire une fois en entier.
- **Enregistrements** : c'est ici qu'on saisit les chiffres (voir ci-dessous).
- **Projets** : les données du projet : communes, dates de début et de fin, type. À vérifier et
  à corriger si quelque chose ne va pas.
- **Objectifs** : les objectifs avec leur valeur de base et leur valeur cible.
- **Listes** est masquée : les codes des listes déroulantes.

Voici le début de la feuille *Enregistrements* (les premiers mois) :
""",
    },
    """
pd.read_excel(workbook, sheet_name=1, header=2, usecols="A:I", nrows=8)
""",
    {
        "nl": """
Wat elk deel van het blad betekent:

- **Rij 1 en 2**: de titel en een korte uitleg. **Rij 3**: de kolomkoppen. Verander nooit een
  kolomkop of de naam van een blad: dan kan socprev-kit het bestand niet meer lezen.
- **Kolommen A tot F** (lichtblauw): project, NIS-code, gemeente, indicator, naam en eenheid.
  Ze staan al ingevuld. Houd de muis op de naam van een indicator voor de definitie.
- **Vanaf kolom G** (geel): één kolom per maand, `2025-01` is januari. Typ één getal per cel,
  zonder eenheid. **0** betekent: er was niets. **Leeg** betekent: (nog) niet gekend.
  Sommige indicatoren vul je per kwartaal of per jaar in; hun andere cellen zijn grijs.
- **Groene rijen** rekent het blad zelf uit, bv. P01 = P01N / P01D × 100. Vul ze nooit in: hier
  zie je `NaN`, omdat Excel de formule pas uitrekent als je het bestand opent.

Het werkboek weigert meteen een ongeldig getal. Toch komen veel gegevens binnen in eigen
Excel- of CSV-bestanden, met één rij per cijfer. Daar sluipen fouten in.
""",
        "fr": """
Le rôle de chaque partie de la feuille :

- **Lignes 1 et 2** : le titre et une courte explication. **Ligne 3** : les en-têtes. Ne
  modifiez jamais un en-tête ni le nom d'une feuille : socprev-kit ne pourrait plus lire le
  fichier.
- **Colonnes A à F** (bleu clair) : projet, code INS, commune, indicateur, nom et unité. Elles
  sont déjà remplies. Passez la souris sur le nom d'un indicateur pour voir sa définition.
- **À partir de la colonne G** (jaune) : une colonne par mois, `2025-01` est janvier. Un seul
  nombre par cellule, sans unité. **0** veut dire : il n'y a rien eu. **Vide** veut dire : pas
  (encore) connu. Certains indicateurs se remplissent par trimestre ou par année ; leurs autres
  cellules sont grises.
- Les **lignes vertes** sont calculées par la feuille, p. ex. P01 = P01N / P01D × 100. Ne les
  remplissez jamais : vous voyez ici `NaN`, car Excel ne calcule la formule qu'à l'ouverture
  du fichier.

Le classeur refuse aussitôt un nombre non valable. Pourtant, beaucoup de données arrivent dans
des fichiers Excel ou CSV faits maison, avec une ligne par chiffre. C'est là que les erreurs se
glissent.
""",
    },
    {
        "nl": """
## Bestanden met fouten

Naast de voorbeelddata staat de map `messy` met kleine bestanden: zes maanden straathoekwerk
in Ronse, elk met **één fout** die gebruikers echt maken. Dit zijn de Nederlandstalige:
""",
        "fr": """
## Des fichiers avec des erreurs

À côté des données d'exemple se trouve le dossier `messy`, avec de petits fichiers : six mois
de travail de rue à Andenne, chacun avec **une erreur** que les utilisateurs font vraiment.
Voici ceux en français :
""",
    },
    """
messy = ensure_sample_data().parent / "messy"
sorted(path.name for path in messy.glob(f"*_{lang}.*"))
""",
    {
        "nl": """
### Fout 1: tekst in een getalcel

`sk.load` leest een bestand en controleert het. De tabel `issues` zegt per melding in welk
blad (`sheet`), op welke rij (`row`) en in welke kolom (`column`) het probleem zit, wat er
staat (`value`) en wat je moet doen (`message`).
""",
        "fr": """
### Erreur 1 : du texte dans une cellule nombre

`sk.load` lit un fichier et le contrôle. Le tableau `issues` indique pour chaque signalement
la feuille (`sheet`), la ligne (`row`) et la colonne (`column`) du problème, ce qui y figure
(`value`) et ce qu'il faut faire (`message`).
""",
    },
    """
data = sk.load(messy / f"01_text_in_number_cells_{lang}.xlsx", lang=lang)
""",
    """
data.issues[["sheet", "row", "column", "value", "severity", "message"]]
""",
    {
        "nl": """
De **error** staat op rij 10 van het blad *Registraties*, in de kolom *Waarde*: iemand typte
`45 st.` in plaats van `45`. **Oplossing:** typ enkel het getal, 45. Tot je dat doet, telt deze
maand niet mee.

De **info** zegt dat dit bestand geen blad met projecten heeft: de controles op de looptijd en
de deelnemende gemeenten zijn overgeslagen. Daar hoef je niets aan te doen.
""",
        "fr": """
L'**error** se trouve à la ligne 10 de la feuille *Enregistrements*, dans la colonne *Valeur* :
quelqu'un a tapé `env. 45` au lieu de `45`. **Correction :** tapez uniquement le nombre, 45.
Tant que ce n'est pas fait, ce mois ne compte pas.

L'**info** signale que ce fichier n'a pas de feuille de projets : les contrôles de la durée du
projet et des communes participantes sont ignorés. Rien à faire de ce côté.
""",
    },
    {
        "nl": """
### Fout 2: een indicatorcode zonder nul

Dit is een CSV-bestand. Een CSV heeft geen bladen, dus `sheet` is leeg en `row` is de
regel in het bestand (regel 1 zijn de kolomkoppen).
""",
        "fr": """
### Erreur 2 : un code d'indicateur sans zéro

Ceci est un fichier CSV. Un CSV n'a pas de feuilles : `sheet` est vide et `row` est la ligne
du fichier (la ligne 1 contient les en-têtes).
""",
    },
    """
data = sk.load(messy / f"05_unknown_indicator_{lang}.csv", lang=lang)
""",
    """
data.issues[["sheet", "row", "column", "value", "severity", "message"]]
""",
    {
        "nl": """
Op regel 7 staat `O1` in plaats van `O01`, en socprev-kit stelt zelf `O01` voor.
**Oplossing:** typ de code uit de catalogus, `O01`.

Eén fout, twee meldingen: omdat die rij niet als O01 telt, **ontbreekt** februari in de reeks
van O01 (de **warning**). Verbeter je de code, dan verdwijnen beide.
""",
        "fr": """
À la ligne 7 figure `O1` au lieu de `O01`, et socprev-kit propose lui-même `O01`.
**Correction :** tapez le code du catalogue, `O01`.

Une erreur, deux signalements : comme cette ligne ne compte pas pour O01, février **manque**
dans la série de O01 (le **warning**). Corrigez le code et les deux disparaissent.

L'**info** « Lu en Windows-1252 » dit que le fichier a été lu dans l'ancien encodage qu'Excel
utilise pour les CSV. Vérifiez que les accents (« Période ») s'affichent bien ; enregistrer en
« CSV UTF-8 » évite ce signalement.
""",
    },
    {
        "nl": """
### Fout 3: een gemeente die niet meedoet

Dit bestand heeft ook een blad *Projecten*. Nu kan socprev-kit elke rij vergelijken met het
project: de looptijd en de deelnemende gemeenten.
""",
        "fr": """
### Erreur 3 : une commune qui ne participe pas

Ce fichier a aussi une feuille *Projets*. socprev-kit peut alors comparer chaque ligne avec le
projet : sa durée et ses communes participantes.
""",
    },
    """
data = sk.load(messy / f"08_municipality_not_in_project_{lang}.xlsx", lang=lang)
""",
    """
data.issues[["sheet", "row", "column", "value", "severity", "message"]]
""",
    {
        "nl": """
Rij 18 hoort bij Oudenaarde (45035), een buurgemeente die niet aan het project deelneemt, en
daardoor ontbreekt mei voor Ronse. **Oplossing:** twee mogelijkheden. Was het een tikfout, typ
dan de NIS-code van Ronse, 45041. Werkte het team echt in Oudenaarde, voeg die gemeente dan toe
aan de *deelnemende gemeenten* in het blad *Projecten*.

**Om over na te denken:** socprev-kit kan niet kiezen tussen die twee. Wie in jouw stad of
gemeente weet het wel, en hoe vraag je het na?
""",
        "fr": """
La ligne 18 concerne Namur (92094), une commune voisine qui ne participe pas au projet ; du coup,
mai manque pour Andenne. **Correction :** deux possibilités. S'il s'agit d'une faute de frappe,
tapez le code INS d'Andenne, 92003. Si l'équipe a vraiment travaillé à Namur, ajoutez cette
commune aux *communes participantes* dans la feuille *Projets*.

**À méditer :** socprev-kit ne peut pas choisir entre les deux. Qui, dans votre ville ou
commune, le sait, et comment le lui demander ?
""",
    },
    {
        "nl": """
## Probeer zelf

### Oefening 1: waar zit de fout?

Een ander bestand uit de lijst: zes maanden doorverwijzingen en contacten, als CSV.
""",
        "fr": """
## À vous

### Exercice 1 : où est l'erreur ?

Un autre fichier de la liste : six mois d'orientations et de contacts, en CSV.
""",
    },
    """
data = sk.load(messy / f"02_negative_count_{lang}.csv", lang=lang)
""",
    """
data.issues[["sheet", "row", "column", "value", "severity", "message"]]
""",
    {
        "nl": """
**Vraag.** Op welke regel van het bestand staat de **error**? Vervang `...` door het getal en
voer de cel uit. (Hoe zou je de fout verbeteren? Denk erover na; het antwoord staat in
`README.md` van de map `messy`.)
""",
        "fr": """
**Question.** À quelle ligne du fichier se trouve l'**error** ? Remplacez `...` par le nombre
et exécutez la cellule. (Comment corrigeriez-vous l'erreur ? Réfléchissez-y ; la réponse est
dans le `README.md` du dossier `messy`.)
""",
    },
    Exercise(
        task="""
error_row = ...
check_error_row(error_row, data, lang=lang)
""",
        solution="""
error_row = 16  # the column `row` of the error
check_error_row(error_row, data, lang=lang)
""",
        explain={
            "nl": """
De kolom `row` zegt het: regel 16 (regel 1 zijn de kolomkoppen, zoals in Excel). Wie zelf telt
in de tabel van pandas komt vaak één of twee te laag uit; wie de waarde (-5) overneemt, heeft
`value` en `row` verward: de controle zegt het telkens. De oplossing: een aantal is 0 of meer,
typ 5 (het minteken was een tikfout; vraag het na bij wie registreerde).
""",
            "fr": """
La colonne `row` le dit : ligne 16 (la ligne 1 contient les en-têtes, comme dans Excel). Qui
compte soi-même dans le tableau de pandas arrive souvent une ou deux lignes trop haut ; qui
reprend la valeur (-5) a confondu `value` et `row` : la vérification le signale chaque fois. La
correction : un nombre vaut 0 ou plus, tapez 5 (le signe moins était une faute de frappe ;
vérifiez auprès de qui a encodé).
""",
        },
    ),
    {
        "nl": """
### Oefening 2: wat had er moeten staan?

Nog een bestand, nu met een blad *Projecten*: socprev-kit kent dus de looptijd van het project.
""",
        "fr": """
### Exercice 2 : qu'aurait-il fallu taper ?

Encore un fichier, cette fois avec une feuille *Projets* : socprev-kit connaît donc la durée du
projet.
""",
    },
    """
data = sk.load(messy / f"09_outside_project_period_{lang}.xlsx", lang=lang)
""",
    """
data.issues[["sheet", "row", "column", "value", "severity", "message"]]
""",
    {
        "nl": """
**Vraag.** Eén fout, twee meldingen. Welke periode had de preventiewerker op die rij moeten
typen? Lees de error en de warning samen. Typ de periode zoals in het bestand, tussen
aanhalingstekens, bv. `"2024-01"`.
""",
        "fr": """
**Question.** Une erreur, deux signalements. Quelle période le travailleur de prévention
aurait-il dû taper sur cette ligne ? Lisez l'error et le warning ensemble. Tapez la période
comme dans le fichier, entre guillemets, p. ex. `"2024-01"`.
""",
    },
    Exercise(
        task="""
right_period = ...
check_corrected_period(right_period, data, lang=lang)
""",
        solution="""
right_period = "2024-06"  # the month the warning says is missing
check_corrected_period(right_period, data, lang=lang)
""",
        explain={
            "nl": """
De error: 2023-06 ligt vóór de start van het project (januari 2024). De warning: in de reeks
van O05 ontbreekt 2024-06. Samen: het jaar is verkeerd getypt, het moest 2024-06 zijn. De
controle herkent 2023-06 (wat er stond), de juiste maand in een andere vorm (06/2024) en een
maand die er al is.
""",
            "fr": """
L'error : 2023-06 précède le début du projet (janvier 2024). Le warning : dans la série de O05,
2024-06 manque. Ensemble : l'année a été mal tapée, il fallait 2024-06. La vérification
reconnaît 2023-06 (ce qui figurait), le bon mois sous une autre forme (06/2024) et un mois déjà
présent.
""",
        },
    ),
    {
        "nl": """
### Nog meer fouten

1. Verander in de cel van oefening 1 de bestandsnaam in een ander bestand uit de lijst
   hierboven, bv. `f"13_count_not_whole_{lang}.csv"`, en voer die cel en de cel eronder opnieuw
   uit. Vind je de fout? Hoe zou je ze verbeteren?
2. Welke fout vind je het gevaarlijkst: een fout die socprev-kit meldt, of een fout die er
   **geen** melding over geeft (bv. 54 getypt in plaats van 45)?

Het bestand `README.md` in de map `messy` zegt per bestand wat de fout is en hoe je ze
verbetert: daar vind je je antwoord.
""",
        "fr": """
### D'autres erreurs

1. Dans la cellule de l'exercice 1, remplacez le nom du fichier par un autre de la liste
   ci-dessus, p. ex. `f"13_count_not_whole_{lang}.csv"`, puis exécutez à nouveau cette cellule
   et celle d'en dessous. Trouvez-vous l'erreur ? Comment la corrigeriez-vous ?
2. Quelle erreur est la plus dangereuse : celle que socprev-kit signale, ou celle qu'il **ne**
   signale **pas** (p. ex. 54 tapé au lieu de 45) ?

Le fichier `README.md` du dossier `messy` donne pour chaque fichier l'erreur et sa correction :
vous pouvez y vérifier votre réponse.
""",
    },
    {
        "nl": """
## Feedback voor de preventiewerker

Wie de gegevens van een stad of gemeente verzamelt, stuurt best een lijst terug van wat ontbreekt
of niet klopt. Dat doet `socprev-kit feedback` in het terminalvenster (**File → New →
Terminal**), bv. voor Ronse (NIS-code 45041):

```
socprev-kit feedback 45041 --lang nl --out feedback \
    --data sample_data/messy/08_municipality_not_in_project_nl.xlsx
```

Het schrijft een webpagina en een Excelbestand voor die gemeente: de maanden en indicatoren die
ontbreken, en elke fout cel per cel (bv. `B18`), met de oplossing erbij. Om eerst zelf alle
bestanden van een map te controleren: `socprev-kit validate map-met-bestanden --lang nl`.

## Om te onthouden

- Gebruik het werkboek: het vult de vaste kolommen in en weigert ongeldige getallen.
- **0** is "er was niets", een **lege** cel is "niet gekend".
- Een **error** verbeter je, een **warning** kijk je na, een **info** lees je.
- Een melding zegt altijd waar: bestand, blad, rij en kolom. Eén fout kan meer dan één melding
  geven: begin bij de errors.
""",
        "fr": """
## Un retour pour le travailleur de prévention

Qui rassemble les données d'une ville ou commune a intérêt à renvoyer la liste de ce qui manque
ou ne va pas. C'est ce que fait `socprev-kit feedback` dans un terminal (**File → New →
Terminal**), p. ex. pour Andenne (code INS 92003) :

```
socprev-kit feedback 92003 --lang fr --out feedback \
    --data sample_data/messy/08_municipality_not_in_project_fr.xlsx
```

Il écrit une page web et un fichier Excel pour cette commune : les mois et indicateurs qui
manquent, et chaque erreur cellule par cellule (p. ex. `B18`), avec sa correction. Pour
contrôler d'abord soi-même tous les fichiers d'un dossier : `socprev-kit validate
dossier-des-fichiers --lang fr`.

## À retenir

- Utilisez le classeur : il remplit les colonnes fixes et refuse les nombres non valables.
- **0** veut dire « il n'y a rien eu », une cellule **vide** « pas connu ».
- Une **error** se corrige, un **warning** se vérifie, une **info** se lit.
- Un signalement dit toujours où : fichier, feuille, ligne et colonne. Une erreur peut donner
  plusieurs signalements : commencez par les errors.
""",
    },
]
