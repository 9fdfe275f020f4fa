"""Notebook 01: getting started in JupyterLab with the sample data."""

from socprev_kit.teaching.exercise import Exercise

NUMBER = 1
NAME = "getting_started"

CELLS: list[dict[str, str] | str | Exercise] = [
    {
        "nl": """
# 1. Aan de slag in JupyterLab

In dit notitieboek leer je werken met JupyterLab en met de **voorbeelddata** van socprev-kit.
Je hoeft niet te kunnen programmeren: elke grijze cel doet één ding.

**Een cel uitvoeren:** klik in de cel en druk op **Shift + Enter**. Het resultaat verschijnt
onder de cel en JupyterLab springt naar de volgende cel. Werk van boven naar onder.

De cel hieronder bevat de *parameters* van dit notitieboek: de taal (`lang`), de data
(`data_path`, leeg = de voorbeelddata) en of figuren vast of interactief zijn (`static`).
Laat ze voorlopig zoals ze zijn.
""",
        "fr": """
# 1. Premiers pas dans JupyterLab

Ce carnet vous apprend à travailler dans JupyterLab avec les **données d'exemple** de
socprev-kit. Inutile de savoir programmer : chaque cellule grise fait une seule chose.

**Exécuter une cellule :** cliquez dans la cellule puis appuyez sur **Maj + Entrée**. Le résultat
s'affiche sous la cellule et JupyterLab passe à la suivante. Avancez de haut en bas.

La cellule ci-dessous contient les *paramètres* du carnet : la langue (`lang`), les données
(`data_path`, vide = les données d'exemple) et le type de figures, fixes ou interactives
(`static`). Gardez-les tels quels pour l'instant.
""",
    },
    {
        "nl": """
## Het gereedschap klaarzetten

Deze cel laadt socprev-kit. Er verschijnt niets onder: dat is normaal. Het getal links van de
cel, bv. `[2]`, toont dat ze uitgevoerd is.
""",
        "fr": """
## Préparer les outils

Cette cellule charge socprev-kit. Rien ne s'affiche en dessous, c'est normal. Le numéro à
gauche de la cellule, par exemple `[2]`, indique qu'elle a été exécutée.
""",
    },
    """
import socprev_kit as sk
from socprev_kit.sampledata import ensure_sample_data
from socprev_kit.teaching.checks import check_nis_code
from socprev_kit.teaching.widgets import explorer
""",
    {
        "nl": """
## De voorbeelddata lezen

De voorbeelddata zijn verzonnen, maar ze lijken op echte registraties: 21 projecten in Vlaamse,
Brusselse en Waalse gemeenten, maand per maand van 2019 tot 2025. `sk.load` leest alle bestanden
van een map en controleert ze meteen.
""",
        "fr": """
## Lire les données d'exemple

Les données d'exemple sont fictives, mais ressemblent à de vrais enregistrements : 21 projets
dans des communes flamandes, bruxelloises et wallonnes, mois par mois de 2019 à 2025.
`sk.load` lit tous les fichiers d'un dossier et les vérifie aussitôt.
""",
    },
    """
data = sk.load(data_path or ensure_sample_data(), lang=lang)
""",
    {
        "nl": "Welke projecten zitten erin?",
        "fr": "Quels projets contiennent-elles ?",
    },
    """
data.projects[["project_id", "name", "lead_nis_code"]]
""",
    {
        "nl": """
Elke rij van de registraties is één cijfer: één indicator, voor één project, in één gemeente,
in één maand. Zo ziet het begin eruit, en zoveel rijen zijn er:
""",
        "fr": """
Chaque ligne des enregistrements est un chiffre : un indicateur, pour un projet, dans une
commune, pour un mois. Voici le début, puis le nombre de lignes :
""",
    },
    """
data.registrations[["project_id", "nis_code", "period", "indicator_id", "value"]].head()
""",
    """
len(data.registrations)
""",
    {
        "nl": """
## De meldingen lezen

Bij het lezen noteert socprev-kit alles wat opvalt in de tabel `issues`: een **error** moet je
verbeteren, een **warning** moet je nakijken, een **info** is ter informatie. Kolommen `sheet`,
`row` en `column` zeggen waar in het bestand je moet kijken.
""",
        "fr": """
## Lire les signalements

En lisant, socprev-kit note tout ce qui attire l'attention dans le tableau `issues` : une
**error** doit être corrigée, un **warning** mérite une vérification, une **info** est donnée
à titre indicatif. Les colonnes `sheet`, `row` et `column` disent où regarder dans le fichier.
""",
    },
    """
data.issues.drop(columns="file")
""",
    {
        "nl": """
De voorbeelddata zijn proper: alleen een paar waarschuwingen over oude NIS-codes (van vóór een
fusie van gemeenten) en bestanden in een oude tekencodering. In notitieboek 3 lees je data vol
fouten.

## Een eerste figuur

De *verkenner* toont één indicator van één project in één gemeente door de tijd. In JupyterLab
kies je met de keuzelijsten een andere gemeente, een ander project, een andere indicator of
periode, en de figuur verandert meteen.
""",
        "fr": """
Les données d'exemple sont propres : seulement quelques avertissements sur d'anciens codes INS
(d'avant une fusion de communes) et des fichiers dans un ancien encodage. Le carnet 3 vous
fera lire des données pleines d'erreurs.

## Une première figure

L'*explorateur* montre un indicateur d'un projet dans une commune au fil du temps. Dans
JupyterLab, les listes déroulantes permettent de choisir une autre commune, un autre projet,
un autre indicateur ou une autre période, et la figure change aussitôt.
""",
    },
    """
explorer(
    data_path, lang=lang, nis_code="44021", project_id="GEN-DAM", indicator="I01", static=static
)
""",
    {
        "nl": """
## Probeer zelf

1. Kies in de verkenner een andere indicator. Welke indicatoren heeft het project GEN-DAM?
2. Kies een andere gemeente. Zie je dezelfde pieken in de zomer?
3. Verander in de cel hierboven `"I01"` in een andere indicator en voer de cel opnieuw uit.

Vastgelopen? Kies in het menu **Kernel → Restart Kernel and Run All Cells** om alles opnieuw van
boven naar onder uit te voeren.
""",
        "fr": """
## À vous

1. Choisissez un autre indicateur dans l'explorateur. Quels indicateurs le projet GEN-DAM
   suit-il ?
2. Choisissez une autre commune. Retrouvez-vous les mêmes pics en été ?
3. Dans la cellule ci-dessus, remplacez `"I01"` par un autre indicateur et exécutez-la à nouveau.

Bloqué ? Le menu **Kernel → Restart Kernel and Run All Cells** relance tout de haut en bas.
""",
    },
    {
        "nl": """
## Oefening: een NIS-code opzoeken

Socprev-kit kent een gemeente aan haar **NIS-code**, de code van Statbel met 5 cijfers (geen
postcode). Gent is 44021. `sk.find_municipality` zoekt een gemeente op naam op; zo voor Halen:
""",
        "fr": """
## Exercice : trouver un code INS

socprev-kit reconnaît une commune à son **code INS**, le code de Statbel à 5 chiffres (pas le
code postal). Gand, c'est 44021. `sk.find_municipality` cherche une commune par son nom ; voici
Halen :
""",
    },
    """
sk.find_municipality("Halen")
""",
    {
        "nl": """
**Vraag.** Wat is de NIS-code van **Hasselt**? Zoek ze op zoals hierboven: kopieer de cel of
verander de naam en voer ze opnieuw uit. Vervang dan in de cel hieronder `...` door de code,
tussen aanhalingstekens (bv. `"44021"`), en druk op **Shift + Enter**. De controle zegt of het
klopt. Met die code kun je Hasselt daarna in de verkenner kiezen.
""",
        "fr": """
**Question.** Quel est le code INS de **Hasselt** ? Cherchez-le comme ci-dessus : copiez la
cellule ou changez le nom et exécutez-la à nouveau. Remplacez ensuite `...` dans la cellule
ci-dessous par le code, entre guillemets (p. ex. `"44021"`), et appuyez sur **Maj + Entrée**.
La vérification dit si c'est juste. Avec ce code, vous pourrez ensuite choisir Hasselt dans
l'explorateur.
""",
    },
    Exercise(
        task="""
nis_hasselt = ...
check_nis_code(nis_hasselt, "Hasselt", lang=lang)
""",
        solution="""
nis_hasselt = sk.find_municipality("Hasselt")["nis_code"]  # "71072"
check_nis_code(nis_hasselt, "Hasselt", lang=lang)
""",
        explain={
            "nl": """
Hasselt heeft sinds de fusie met Kortessem (1 januari 2025) de NIS-code 71072. Wie in oude
lijsten kijkt, vindt 71022 (Hasselt vóór de fusie): de controle herkent die oude code, een
postcode (3500), de code van een andere gemeente en de naam in plaats van de code. Een goed
moment om de waarschuwing over 71022 in de tabel `issues` hierboven te bespreken.
""",
            "fr": """
Depuis sa fusion avec Kortessem (1er janvier 2025), Hasselt a le code INS 71072. Qui consulte
d'anciennes listes trouve 71022 (Hasselt avant la fusion) : la vérification reconnaît cet ancien
code, un code postal (3500), le code d'une autre commune et le nom au lieu du code. Bon moment
pour commenter l'avertissement sur 71022 dans le tableau `issues` plus haut.
""",
        },
    ),
]
