"""The words of the registration workbook in nl, fr and en: data for translators, not logic.

``{placeholders}`` are filled by the writer. Instructions are a list of ``(kind, text)`` with kind
``title``, ``head`` (a section heading) or ``text`` (a paragraph), written for a prevention worker
who has never seen the workbook.
"""

from __future__ import annotations

MONTHS = {
    "nl": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    "fr": ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov",
           "déc"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}  # fmt: skip

#: Units of the catalogue (written in English there) in each language; others as they are.
UNITS = {
    "nl": {"FTE-months": "VTE-maanden", "hours": "uren", "days": "dagen", "n/person": "n/persoon",
           "n/round": "n/ronde", "per 1,000": "per 1.000"},
    "fr": {"FTE-months": "mois-ETP", "hours": "heures", "days": "jours", "n/person": "n/personne",
           "n/round": "n/tournée", "per 1,000": "pour 1 000"},
    "en": {},
}  # fmt: skip

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Registratie {year}: {what}",
        "help": "Vul de gele cellen in: één getal per maand (0 als er niets was, leeg als u het "
        "nog niet weet). Groene rijen rekent het blad zelf uit. Uitleg: blad '{sheet}'.",
        "computed": "berekend: {formula}",
        "page": "Pagina &P van &N",
        "quarter": "kwartaal",
        "year": "jaar",
        "count_title": "Geen geheel getal",
        "count": "Typ een geheel getal vanaf 0 (bv. 0, 3 of 12), zonder tekst of eenheid. Laat "
        "de cel leeg als u het niet weet.",
        "range_title": "Getal buiten het bereik",
        "range": "Typ een getal tussen {lo} en {hi} (decimalen met een komma), zonder tekst of "
        "eenheid.",
        "min": "Typ een getal vanaf {lo} (decimalen met een komma), zonder tekst of eenheid.",
        "list_title": "Kies uit de lijst",
        "list": "Kies een code uit de lijst. Betekenis van de codes: zie het blad '{sheet}'.",
        "types": "Kies een code uit de lijst; meerdere types: scheid ze met ; (bv. street_work; "
        "drug_outreach).",
        "lag": "Typ een geheel aantal maanden, 0 tot 60.",
        "code": "Code",
        "meaning": "Betekenis",
        "definition": "Definitie",
    },
    "fr": {
        "title": "Enregistrement {year} : {what}",
        "help": "Remplissez les cellules jaunes : un nombre par mois (0 s'il n'y a rien eu, vide "
        "si vous ne savez pas encore). Les lignes vertes se calculent seules. Mode d'emploi : "
        "feuille '{sheet}'.",
        "computed": "calculé : {formula}",
        "page": "Page &P de &N",
        "quarter": "trimestre",
        "year": "année",
        "count_title": "Pas un nombre entier",
        "count": "Tapez un nombre entier à partir de 0 (p. ex. 0, 3 ou 12), sans texte ni unité. "
        "Laissez la cellule vide si vous ne savez pas.",
        "range_title": "Nombre hors limites",
        "range": "Tapez un nombre entre {lo} et {hi} (décimales avec une virgule), sans texte ni "
        "unité.",
        "min": "Tapez un nombre à partir de {lo} (décimales avec une virgule), sans texte ni "
        "unité.",
        "list_title": "Choisissez dans la liste",
        "list": "Choisissez un code dans la liste. Signification des codes : voir la feuille "
        "'{sheet}'.",
        "types": "Choisissez un code dans la liste ; plusieurs types : séparez-les par ; (p. ex. "
        "street_work; drug_outreach).",
        "lag": "Tapez un nombre entier de mois, de 0 à 60.",
        "code": "Code",
        "meaning": "Signification",
        "definition": "Définition",
    },
    "en": {
        "title": "Registration {year}: {what}",
        "help": "Fill in the yellow cells: one number per month (0 if nothing happened, blank if "
        "you do not know yet). Green rows are computed by the sheet. Help: sheet '{sheet}'.",
        "computed": "computed: {formula}",
        "page": "Page &P of &N",
        "quarter": "quarter",
        "year": "year",
        "count_title": "Not a whole number",
        "count": "Type a whole number from 0 (e.g. 0, 3 or 12), without text or unit. Leave the "
        "cell blank if you do not know.",
        "range_title": "Number out of range",
        "range": "Type a number between {lo} and {hi}, without text or unit.",
        "min": "Type a number from {lo}, without text or unit.",
        "list_title": "Choose from the list",
        "list": "Choose a code from the list. What the codes mean: see sheet '{sheet}'.",
        "types": "Choose a code from the list; several types: separate them with ; (e.g. "
        "street_work; drug_outreach).",
        "lag": "Type a whole number of months, 0 to 60.",
        "code": "Code",
        "meaning": "Meaning",
        "definition": "Definition",
    },
}

# fmt: off
INSTRUCTIONS: dict[str, list[tuple[str, str]]] = {
    "nl": [
        ("title", "Registratie {year}: {what}"),
        ("text", "Dit werkboek is het registratieformulier van uw project. U vult het in, slaat "
         "het op en stuurt het terug. U hebt er geen opleiding voor nodig: deze pagina legt "
         "alles uit."),
        ("head", "1. Wat vult u in?"),
        ("text", "Ga naar het blad '{registrations}'. Elke rij is één indicator van één project "
         "in één gemeente (kolommen A tot F, die staan al ingevuld). Vanaf kolom {first} staat "
         "één kolom per maand: {first_period} is januari {year}, {last_month} is december."),
        ("text", "Typ in elke gele cel het aantal of de waarde voor die maand. Was er niets? Typ "
         "0. Weet u het (nog) niet? Laat de cel leeg: een lege cel betekent 'niet gekend', niet "
         "nul."),
        ("text", "Typ alleen een getal, zonder eenheid of tekst: 12, niet '12 personen'. "
         "Decimalen met een komma: 2,5. Aantallen (personen, contacten, meldingen) zijn gehele "
         "getallen. Een ongeldig getal weigert het blad meteen, met uitleg."),
        ("head", "2. Maanden, kwartalen en jaren"),
        ("text", "De meeste indicatoren vult u per maand in. Sommige gelden per kwartaal "
         "(kolommen {year}-Q1 tot {year}-Q4) of per jaar (kolom {year}), zoals het budget of "
         "een bevraging. Bij zo'n indicator zijn alleen die cellen geel; de grijze cellen "
         "gelden niet voor die indicator. U mag maand per maand invullen en het bestand "
         "tussendoor terugsturen."),
        ("head", "3. Wat betekenen de kleuren?"),
        ("text", "Geel: hier vult u in. Lichtblauw: vaste gegevens (project, gemeente, "
         "indicator); die verandert u niet. Groene rij: een percentage of verhouding die het "
         "blad zelf uitrekent uit de rijen erboven, als snelle controle voor u; die vult u nooit "
         "in en ze wordt niet als registratie ingelezen. Grijs: geldt niet voor deze "
         "indicator."),
        ("head", "4. Vergrendelde cellen"),
        ("text", "Koppen en vaste kolommen zijn beveiligd, zodat ze niet per ongeluk veranderen. "
         "Er is geen wachtwoord. Moet u toch iets aanpassen: Excel: Controleren > Beveiliging "
         "blad opheffen; LibreOffice: Extra > Blad beveiligen (vinkje weg). Verander nooit de "
         "namen van de bladen, de koppen of de volgorde van de kolommen: dan kan het bestand "
         "niet meer ingelezen worden."),
        ("head", "5. Wat betekent een indicator?"),
        ("text", "Ga met de muis op de naam van een indicator (kolom E, rood driehoekje): de "
         "definitie verschijnt. Op het blad '{objectives}' staan de doelstellingen van het "
         "project met hun nulmeting en streefwaarde."),
        ("head", "6. Project en doelstellingen"),
        ("text", "Kijk op de bladen '{projects}' en '{objectives}' na of de gegevens kloppen en "
         "verbeter ze waar nodig. Kies codes uit de keuzelijst in de cel; wat de codes "
         "betekenen, staat hieronder. Datums als dd/mm/jjjj."),
        ("head", "7. Welke verandering zou de evaluatie kunnen zien?"),
        ("text", "Hoe kleiner de aantallen en hoe sterker ze van maand tot maand schommelen, hoe "
         "groter een verandering moet zijn om ze met zekerheid te zien. Vóór de start kan de "
         "evaluator dat voor uw gemeente uitrekenen uit haar eigen cijfers van de voorbije "
         "jaren, met het commando: socprev-kit power <NIS-code> --indicator I02 --start "
         "{year}-01 --months 24. Het antwoord luidt bijvoorbeeld: 'met 24 maanden na de start "
         "zou een daling van 30 % of meer zichtbaar zijn; kleinere veranderingen niet'. Is de "
         "verandering die u nastreeft kleiner? Plan dan meer maanden, een grotere zone of een "
         "indicator met meer feiten, of verwacht van de cijfers alleen geen bewijs van effect."),
        ("head", "8. Terugsturen"),
        ("text", "Sla het bestand op als Excel-werkmap (.xlsx), met dezelfde naam, en stuur het "
         "naar wie het u bezorgde (de evaluator van uw stad of gemeente of de FOD Binnenlandse "
         "Zaken). Een verbeterde versie mag altijd: ze vervangt de waarden die ze bevat. U "
         "krijgt een overzicht terug van wat ontbreekt of niet klopt, cel per cel."),
        ("head", "9. Betekenis van de codes"),
    ],
    "fr": [
        ("title", "Enregistrement {year} : {what}"),
        ("text", "Ce classeur est le formulaire d'enregistrement de votre projet. Vous le "
         "remplissez, l'enregistrez et le renvoyez. Aucune formation n'est nécessaire : cette "
         "page explique tout."),
        ("head", "1. Que remplir ?"),
        ("text", "Allez à la feuille '{registrations}'. Chaque ligne est un indicateur d'un "
         "projet dans une commune (colonnes A à F, déjà remplies). À partir de la colonne "
         "{first}, une colonne par mois : {first_period} est janvier {year}, {last_month} est "
         "décembre."),
        ("text", "Tapez dans chaque cellule jaune le nombre ou la valeur de ce mois. Rien ne "
         "s'est passé ? Tapez 0. Vous ne savez pas (encore) ? Laissez la cellule vide : une "
         "cellule vide veut dire 'inconnu', pas zéro."),
        ("text", "Tapez uniquement un nombre, sans unité ni texte : 12, pas '12 personnes'. "
         "Décimales avec une virgule : 2,5. Les nombres (personnes, contacts, plaintes) sont "
         "entiers. La feuille refuse aussitôt un nombre non valable, avec une explication."),
        ("head", "2. Mois, trimestres et années"),
        ("text", "La plupart des indicateurs se remplissent par mois. Certains valent par "
         "trimestre (colonnes {year}-Q1 à {year}-Q4) ou par année (colonne {year}), comme le "
         "budget ou une enquête. Pour un tel indicateur, seules ces cellules sont jaunes ; les "
         "cellules grises ne s'appliquent pas à cet indicateur. Vous pouvez remplir mois par "
         "mois et renvoyer le fichier entre-temps."),
        ("head", "3. Que veulent dire les couleurs ?"),
        ("text", "Jaune : à remplir. Bleu clair : données fixes (projet, commune, indicateur), à "
         "ne pas modifier. Ligne verte : un pourcentage ou un rapport que la feuille calcule "
         "elle-même à partir des lignes au-dessus, comme contrôle rapide pour vous ; ne la "
         "remplissez jamais, elle n'est pas lue comme un enregistrement. Gris : ne "
         "s'applique pas à cet indicateur."),
        ("head", "4. Cellules verrouillées"),
        ("text", "Les en-têtes et les colonnes fixes sont protégés pour éviter de les modifier "
         "par erreur. Il n'y a pas de mot de passe. Si vous devez vraiment changer quelque "
         "chose : Excel : Révision > Ôter la protection de la feuille ; LibreOffice : Outils > "
         "Protéger la feuille (décocher). Ne changez jamais les noms des feuilles, les en-têtes "
         "ou l'ordre des colonnes : le fichier ne pourrait plus être lu."),
        ("head", "5. Que veut dire un indicateur ?"),
        ("text", "Passez la souris sur le nom d'un indicateur (colonne E, petit triangle "
         "rouge) : sa définition apparaît. La feuille '{objectives}' donne les objectifs du "
         "projet avec leur valeur de base et leur valeur cible."),
        ("head", "6. Projet et objectifs"),
        ("text", "Vérifiez les données des feuilles '{projects}' et '{objectives}' et corrigez-"
         "les si nécessaire. Choisissez les codes dans la liste déroulante de la cellule ; leur "
         "signification est donnée ci-dessous. Dates au format jj/mm/aaaa."),
        ("head", "7. Quel changement l'évaluation pourrait-elle voir ?"),
        ("text", "Plus les nombres sont petits et varient d'un mois à l'autre, plus un "
         "changement doit être grand pour être vu avec certitude. Avant le début, l'évaluateur "
         "peut le calculer pour votre commune à partir de ses propres chiffres des dernières "
         "années, avec la commande : socprev-kit power <code INS> --indicator I02 --start "
         "{year}-01 --months 24. La réponse est par exemple : 'avec 24 mois après le début, une "
         "baisse de 30 % ou plus serait visible ; des changements plus petits ne le seraient "
         "pas'. Le changement que vous visez est plus petit ? Prévoyez alors plus de mois, une "
         "zone plus grande ou un indicateur avec plus de faits, ou n'attendez pas des seuls "
         "chiffres la preuve d'un effet."),
        ("head", "8. Renvoyer le fichier"),
        ("text", "Enregistrez le fichier comme classeur Excel (.xlsx), sous le même nom, et "
         "renvoyez-le à la personne qui vous l'a transmis (l'évaluateur de votre ville ou "
         "commune ou le SPF Intérieur). Une version corrigée est toujours possible : elle "
         "remplace les valeurs qu'elle contient. Vous recevrez en retour la liste de ce qui "
         "manque ou ne va pas, cellule par cellule."),
        ("head", "9. Signification des codes"),
    ],
    "en": [
        ("title", "Registration {year}: {what}"),
        ("text", "This workbook is your project's registration form. Fill it in, save it and "
         "send it back. No training is needed: this page explains everything."),
        ("head", "1. What to fill in"),
        ("text", "Go to sheet '{registrations}'. Each row is one indicator of one project in one "
         "municipality (columns A to F, already filled in). From column {first} on there is one "
         "column per month: {first_period} is January {year}, {last_month} is December."),
        ("text", "Type the number or value for that month in each yellow cell. Nothing "
         "happened? Type 0. You do not know (yet)? Leave the cell blank: blank means 'unknown', "
         "not zero."),
        ("text", "Type a number only, without unit or text: 12, not '12 persons'. Counts "
         "(persons, contacts, complaints) are whole numbers. The sheet refuses an invalid "
         "number at once and says why."),
        ("head", "2. Months, quarters and years"),
        ("text", "Most indicators are filled in per month. Some are per quarter (columns "
         "{year}-Q1 to {year}-Q4) or per year (column {year}), such as the budget or a survey. "
         "For those, only these cells are yellow; grey cells do not apply to the indicator. "
         "You may fill in month by month and send the file back in between."),
        ("head", "3. What the colours mean"),
        ("text", "Yellow: fill in. Light blue: fixed data (project, municipality, indicator); do "
         "not change it. Green row: a percentage or ratio the sheet computes from the rows above "
         "it, as a quick check for you; never fill it in, it is not read as a registration. "
         "Grey: does not apply to this indicator."),
        ("head", "4. Locked cells"),
        ("text", "Headers and fixed columns are protected so they are not changed by mistake. "
         "There is no password. If you must change something: Excel: Review > Unprotect Sheet; "
         "LibreOffice: Tools > Protect Sheet (untick). Never change sheet names, headers or the "
         "order of the columns: the file could no longer be read."),
        ("head", "5. What an indicator means"),
        ("text", "Hover over an indicator's name (column E, small red triangle) to read its "
         "definition. Sheet '{objectives}' lists the project's objectives with their baseline "
         "and target."),
        ("head", "6. Project and objectives"),
        ("text", "Check the data on sheets '{projects}' and '{objectives}' and correct them "
         "where needed. Choose codes from the drop-down list in the cell; their meaning is "
         "listed below. Dates as dd/mm/yyyy."),
        ("head", "7. Which change could the evaluation see?"),
        ("text", "The smaller the counts and the more they vary from month to month, the larger "
         "a change must be to be seen with confidence. Before the start, the evaluator can work "
         "this out for your municipality from its own figures of the past years, with the "
         "command: socprev-kit power <NIS code> --indicator I02 --start {year}-01 --months 24. "
         "The answer reads, for example: 'with 24 months after the start, a fall of 30% or more "
         "would be visible; smaller changes would not'. Is the change you aim for smaller? Then "
         "plan more months, a larger area or an indicator with more incidents, or do not expect "
         "the figures alone to prove an effect."),
        ("head", "8. Sending it back"),
        ("text", "Save the file as an Excel workbook (.xlsx) under the same name and send it to "
         "whoever sent it to you (your city's evaluator or FPS Home Affairs). A corrected "
         "version is always welcome: it replaces the values it holds. You will get back a list "
         "of what is missing or wrong, cell by cell."),
        ("head", "9. What the codes mean"),
    ],
}
# fmt: on
