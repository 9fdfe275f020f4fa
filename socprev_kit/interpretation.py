"""Short interpretations of a trend, a target attainment and an interrupted time series.

Each result becomes a list of short sentences in Dutch, French or English for a prevention worker:
what changed, whether that is the desired direction, and the caveats that apply (an indicator that
counts registrations, few months, an interval that includes no change, hidden small cells, months
that are not independent, no comparison municipalities). A change is never called an effect: the
words are "lower than expected from the trend before", and the chance caveat follows whenever the
95 % interval includes no change.

Every text is in :data:`TEMPLATES` (sentence id -> {lang: template}), so a translator can review
them in one place. Templates use plain spaces; :func:`sentence` makes the space before ``%`` a
no-break space (narrow in French) and, in French, those before ``:`` ``;`` and inside « ». Numbers
and month names are written here, not by the OS locale: ``1.234,5`` (nl), ``1 234,5`` (fr),
``1,234.5`` (en); ``−20 %`` (nl, fr) and ``−20%`` (en).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import partial
from string import Formatter
from typing import TYPE_CHECKING, Literal, NamedTuple

import numpy as np
import pandas as pd

from .catalogue import indicator_catalogue, indicator_names

if TYPE_CHECKING:
    from .evaluation import TrendResult
    from .its import ITSResult

__all__ = [
    "MONTH_NAMES",
    "TEMPLATES",
    "caveats",
    "describe_attainment",
    "describe_attainments",
    "describe_its",
    "describe_trend",
    "format_month",
    "format_number",
    "format_percent",
    "format_period",
    "placeholders",
    "sentence",
]

Lang = Literal["nl", "fr", "en"]
LANGS: tuple[Lang, ...] = ("nl", "fr", "en")
#: Fewer months than this (in total for a trend, on either side for an ITS) gets a caveat.
FEW_MONTHS = 12
#: Ljung-Box p-value below which the months are called dependent.
LJUNG_BOX_P = 0.05
#: Pearson dispersion above which a plain Poisson model's interval is called too narrow.
DISPERSION = 1.5
_MINUS = "\u2212"
_PERCENT_SPACE = {"nl": "\u00a0", "fr": "\u202f", "en": ""}
_DIGITS = {
    "nl": str.maketrans({",": ".", ".": ","}),
    "fr": str.maketrans({",": "\u202f", ".": ","}),
    "en": str.maketrans({}),
}
_FR_SPACES = ((" :", "\u00a0:"), (" ;", "\u202f;"), (" ?", "\u202f?"), (" !", "\u202f!"),
              ("« ", "«\u202f"), (" »", "\u202f»"), (" %", "\u202f%"))  # fmt: skip

MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}  # fmt: skip

#: sentence id -> {lang: template}. Every language has the same ``{fields}`` (a test checks it).
TEMPLATES: dict[str, dict[str, str]] = {
    # --- trend ---------------------------------------------------------------------------------
    "trend_up": {
        "nl": "Van {first} tot {last} ({n} maanden met gegevens) steeg de indicator “{indicator}” "
        "gemiddeld met {slope} per maand (95 %-interval: {low} tot {high}).",
        "fr": "De {first} à {last} ({n} mois avec des données), l'indicateur « {indicator} » a "
        "augmenté en moyenne de {slope} par mois (intervalle à 95 % : {low} à {high}).",
        "en": "From {first} to {last} ({n} months with data), the indicator “{indicator}” rose "
        "by {slope} per month on average (95% interval: {low} to {high}).",
    },
    "trend_down": {
        "nl": "Van {first} tot {last} ({n} maanden met gegevens) daalde de indicator "
        "“{indicator}” gemiddeld met {slope} per maand (95 %-interval: {low} tot {high}).",
        "fr": "De {first} à {last} ({n} mois avec des données), l'indicateur « {indicator} » a "
        "diminué en moyenne de {slope} par mois (intervalle à 95 % : {low} à {high}).",
        "en": "From {first} to {last} ({n} months with data), the indicator “{indicator}” fell "
        "by {slope} per month on average (95% interval: {low} to {high}).",
    },
    "trend_flat": {
        "nl": "Van {first} tot {last} ({n} maanden met gegevens) bleef de indicator "
        "“{indicator}” ongeveer gelijk (95 %-interval: {low} tot {high} per maand).",
        "fr": "De {first} à {last} ({n} mois avec des données), l'indicateur « {indicator} » est "
        "resté à peu près stable (intervalle à 95 % : {low} à {high} par mois).",
        "en": "From {first} to {last} ({n} months with data), the indicator “{indicator}” stayed "
        "about the same (95% interval: {low} to {high} per month).",
    },
    "trend_too_few": {
        "nl": "Te weinig maanden met gegevens ({n}) om een trend van de indicator “{indicator}” "
        "te berekenen; daarvoor zijn er minstens 3 nodig.",
        "fr": "Trop peu de mois avec des données ({n}) pour calculer une tendance de "
        "l'indicateur « {indicator} » ; il en faut au moins 3.",
        "en": "Too few months with data ({n}) to compute a trend of the indicator "
        "“{indicator}”; at least 3 are needed.",
    },
    "year_on_year": {
        "nl": "In {span} was het totaal {current}, tegenover {previous} in dezelfde maanden van "
        "{previous_year} ({change}).",
        "fr": "En {span}, le total était de {current}, contre {previous} pour les mêmes mois de "
        "{previous_year} ({change}).",
        "en": "In {span} the total was {current}, against {previous} in the same months of "
        "{previous_year} ({change}).",
    },
    "desired": {
        "nl": "Dat is de gewenste richting.",
        "fr": "C'est le sens souhaité.",
        "en": "That is the desired direction.",
    },
    "undesired": {
        "nl": "Dat is tegen de gewenste richting in.",
        "fr": "C'est le contraire du sens souhaité.",
        "en": "That is the opposite of the desired direction.",
    },
    # --- interrupted time series ---------------------------------------------------------------
    "its_lower": {
        "nl": "Na de start van het project in {month} lag de indicator “{indicator}” {pct} lager "
        "dan verwacht volgens de trend ervoor (95 %-interval: van {low} tot {high}).",
        "fr": "Après le début du projet en {month}, l'indicateur « {indicator} » était {pct} plus "
        "bas que prévu d'après la tendance d'avant (intervalle à 95 % : de {low} à {high}).",
        "en": "After the start of the project in {month}, the indicator “{indicator}” was {pct} "
        "lower than expected from the trend before (95% interval: {low} to {high}).",
    },
    "its_higher": {
        "nl": "Na de start van het project in {month} lag de indicator “{indicator}” {pct} hoger "
        "dan verwacht volgens de trend ervoor (95 %-interval: van {low} tot {high}).",
        "fr": "Après le début du projet en {month}, l'indicateur « {indicator} » était {pct} plus "
        "haut que prévu d'après la tendance d'avant (intervalle à 95 % : de {low} à {high}).",
        "en": "After the start of the project in {month}, the indicator “{indicator}” was {pct} "
        "higher than expected from the trend before (95% interval: {low} to {high}).",
    },
    "its_same": {
        "nl": "Na de start van het project in {month} lag de indicator “{indicator}” ongeveer "
        "op het niveau dat de trend ervoor liet verwachten (95 %-interval: van {low} tot {high}).",
        "fr": "Après le début du projet en {month}, l'indicateur « {indicator} » était à peu près "
        "au niveau prévu d'après la tendance d'avant (intervalle à 95 % : de {low} à {high}).",
        "en": "After the start of the project in {month}, the indicator “{indicator}” was about "
        "as expected from the trend before (95% interval: {low} to {high}).",
    },
    "its_unestimable": {
        "nl": "Hoe de indicator “{indicator}” veranderde na de start van het project in {month}, "
        "kan met deze gegevens niet geschat worden.",
        "fr": "Le changement de l'indicateur « {indicator} » après le début du projet en {month} "
        "ne peut pas être estimé avec ces données.",
        "en": "The change in the indicator “{indicator}” after the start of the project in "
        "{month} cannot be estimated from these data.",
    },
    "its_slope": {
        "nl": "Daarna veranderde de trend met {pct} per maand tegenover ervoor (95 %-interval: "
        "{low} tot {high}).",
        "fr": "Ensuite, la tendance a changé de {pct} par mois par rapport à avant (intervalle à "
        "95 % : {low} à {high}).",
        "en": "After that, the trend changed by {pct} per month compared with before (95% "
        "interval: {low} to {high}).",
    },
    "ratio_lower": {"nl": "{pct} lager", "fr": "{pct} plus bas", "en": "{pct} lower"},
    "ratio_higher": {"nl": "{pct} hoger", "fr": "{pct} plus haut", "en": "{pct} higher"},
    "ratio_same": {"nl": "geen verschil", "fr": "aucune différence", "en": "no difference"},
    # --- attainment ----------------------------------------------------------------------------
    "att_values": {
        "nl": "Doelstelling {objective} (“{indicator}”): beginwaarde {baseline}, streefwaarde "
        "{target} voor {target_period}, huidige waarde {observed} (gegevens tot {last}).",
        "fr": "Objectif {objective} (« {indicator} ») : valeur de départ {baseline}, cible "
        "{target} pour {target_period}, valeur actuelle {observed} (données jusqu'à {last}).",
        "en": "Objective {objective} (“{indicator}”): baseline {baseline}, target {target} for "
        "{target_period}, current value {observed} (data up to {last}).",
    },
    "att_reached": {
        "nl": "De streefwaarde is bereikt.",
        "fr": "La cible est atteinte.",
        "en": "The target has been reached.",
    },
    "att_on_track": {
        "nl": "{share} van de weg naar de streefwaarde is afgelegd; als de trend van de laatste "
        "12 maanden aanhoudt, wordt ze op tijd bereikt.",
        "fr": "{share} du chemin vers la cible est parcouru ; si la tendance des 12 derniers mois "
        "se maintient, elle sera atteinte à temps.",
        "en": "{share} of the way to the target has been covered; if the trend of the last 12 "
        "months continues, it will be reached in time.",
    },
    "att_behind": {
        "nl": "{share} van de weg naar de streefwaarde is afgelegd; in het huidige tempo wordt ze "
        "niet op tijd bereikt.",
        "fr": "{share} du chemin vers la cible est parcouru ; au rythme actuel, elle ne sera pas "
        "atteinte à temps.",
        "en": "{share} of the way to the target has been covered; at the current pace it will "
        "not be reached in time.",
    },
    "att_not_reached": {
        "nl": "{share} van de weg naar de streefwaarde is afgelegd; ze is niet bereikt.",
        "fr": "{share} du chemin vers la cible est parcouru ; elle n'est pas atteinte.",
        "en": "{share} of the way to the target has been covered; it has not been reached.",
    },
    "att_away": {
        "nl": "De indicator is sinds de beginwaarde verder van de streefwaarde af geraakt.",
        "fr": "L'indicateur s'est éloigné de la cible depuis la valeur de départ.",
        "en": "The indicator has moved away from the target since the baseline.",
    },
    "att_no_data": {
        "nl": "Doelstelling {objective} (“{indicator}”): nog geen waarde geregistreerd, dus de "
        "realisatie kan niet berekend worden.",
        "fr": "Objectif {objective} (« {indicator} ») : aucune valeur enregistrée pour l'instant, "
        "la réalisation ne peut donc pas être calculée.",
        "en": "Objective {objective} (“{indicator}”): no value registered yet, so attainment "
        "cannot be computed.",
    },
    "att_no_target": {
        "nl": "Doelstelling {objective} (“{indicator}”): de realisatie wordt niet berekend, want "
        "de indicator heeft geen gewenste richting of de beginwaarde of streefwaarde ontbreekt.",
        "fr": "Objectif {objective} (« {indicator} ») : la réalisation n'est pas calculée, car "
        "l'indicateur n'a pas de sens souhaité ou la valeur de départ ou la cible manque.",
        "en": "Objective {objective} (“{indicator}”): attainment is not computed, because the "
        "indicator has no desired direction or the baseline or target is missing.",
    },
    "att_hidden": {
        "nl": "Doelstelling {objective} (“{indicator}”): de huidige waarde is verborgen omdat ze "
        "onder het minimum van {k} ligt (bescherming van de privacy).",
        "fr": "Objectif {objective} (« {indicator} ») : la valeur actuelle est masquée car elle "
        "est inférieure au minimum de {k} (protection de la vie privée).",
        "en": "Objective {objective} (“{indicator}”): the current value is hidden because it is "
        "below the minimum of {k} (to protect privacy).",
    },
    "att_not_causal": {
        "nl": "Een vergelijking met de beginwaarde toont niet of het project de verandering "
        "veroorzaakt heeft: ze kan ook toeval zijn of een trend die al bezig was.",
        "fr": "Une comparaison avec la valeur de départ ne montre pas si le projet a causé le "
        "changement : il peut aussi être dû au hasard ou à une tendance déjà en cours.",
        "en": "A comparison with the baseline does not show whether the project caused the "
        "change: it can also be chance or a trend that was already under way.",
    },
    # --- caveats -------------------------------------------------------------------------------
    "chance": {
        "nl": "Het interval omvat ook ‘geen verandering’: deze verandering kan toeval zijn.",
        "fr": "L'intervalle comprend aussi l'absence de changement : ce changement peut être dû "
        "au hasard.",
        "en": "The interval includes no change: this change could be chance.",
    },
    "chance_year": {
        "nl": "Bij zulke aantallen kan dit verschil met vorig jaar toeval zijn.",
        "fr": "Avec de tels nombres, cette différence avec l'année précédente peut être due au "
        "hasard.",
        "en": "With numbers like these, this difference from the year before could be chance.",
    },
    "few_months": {
        "nl": "Slechts {n} maanden met gegevens (12 of meer zijn beter): lees de trend met "
        "voorzichtigheid.",
        "fr": "Seulement {n} mois avec des données (12 ou plus seraient préférables) : lisez la "
        "tendance avec prudence.",
        "en": "Only {n} months with data (12 or more are better): read the trend with caution.",
    },
    "few_its": {
        "nl": "Slechts {n_pre} maanden vóór en {n_post} na de start (12 aan elke kant zijn "
        "beter): lees het resultaat met voorzichtigheid.",
        "fr": "Seulement {n_pre} mois avant et {n_post} après le début (12 de chaque côté "
        "seraient préférables) : lisez le résultat avec prudence.",
        "en": "Only {n_pre} months before and {n_post} after the start (12 on each side are "
        "better): read the result with caution.",
    },
    "zero_before": {
        "nl": "Alle aantallen vóór de start zijn nul: de grootte van de verandering is niet "
        "betrouwbaar te schatten.",
        "fr": "Tous les nombres avant le début sont nuls : l'ampleur du changement ne peut pas "
        "être estimée de façon fiable.",
        "en": "All counts before the start are zero: the size of the change cannot be estimated "
        "reliably.",
    },
    "zero_after": {
        "nl": "Alle aantallen na de start zijn nul: de grootte van de verandering is niet "
        "betrouwbaar te schatten.",
        "fr": "Tous les nombres après le début sont nuls : l'ampleur du changement ne peut pas "
        "être estimée de façon fiable.",
        "en": "All counts after the start are zero: the size of the change cannot be estimated "
        "reliably.",
    },
    "autocorrelation": {
        "nl": "De maanden zijn niet onafhankelijk van elkaar; het interval kan te smal zijn.",
        "fr": "Les mois ne sont pas indépendants les uns des autres ; l'intervalle peut être trop "
        "étroit.",
        "en": "The months are not independent of each other; the interval may be too narrow.",
    },
    "overdispersion": {
        "nl": "De aantallen schommelen meer dan het model aanneemt, dus het interval is te smal "
        "(gebruik quasi-Poisson of negatief binomiaal).",
        "fr": "Les nombres varient plus que le modèle ne le suppose, l'intervalle est donc trop "
        "étroit (utilisez quasi-Poisson ou binomiale négative).",
        "en": "The counts vary more than the model assumes, so the interval is too narrow (use "
        "quasi-Poisson or negative binomial).",
    },
    "uncontrolled": {
        "nl": "Zonder vergelijkingsgemeenten zou een verandering die overal plaatsvond "
        "(bijvoorbeeld een nieuwe politieprioriteit of een nationale campagne) hier ook te zien "
        "zijn.",
        "fr": "Sans communes de comparaison, un changement survenu partout (par exemple une "
        "nouvelle priorité policière ou une campagne nationale) apparaîtrait aussi ici.",
        "en": "Without comparison municipalities, a change that happened everywhere (for example "
        "a new police priority or a national campaign) would also show here.",
    },
    "controlled_named": {
        "nl": "De verwachting houdt rekening met de vergelijkingsgemeenten {names}: een "
        "verandering die ook daar plaatsvond, telt hier niet mee.",
        "fr": "Le niveau attendu tient compte des communes de comparaison {names} : un changement "
        "survenu aussi chez elles n'est pas compté ici.",
        "en": "The expected level takes the comparison municipalities {names} into account: a "
        "change that also happened there is not counted here.",
    },
    "controlled_series": {
        "nl": "De verwachting houdt rekening met een vergelijkingsreeks ({n} maanden): een "
        "verandering die ook daar plaatsvond, telt hier niet mee.",
        "fr": "Le niveau attendu tient compte d'une série de comparaison ({n} mois) : un "
        "changement survenu aussi dans cette série n'est pas compté ici.",
        "en": "The expected level takes a comparison series ({n} months) into account: a change "
        "that also happened there is not counted here.",
    },
    "not_parallel": {
        "nl": "Vóór de start liep de trend hier anders dan in de vergelijking; die vergelijking "
        "past dus minder goed.",
        "fr": "Avant le début, la tendance ici différait de celle de la comparaison ; la "
        "comparaison convient donc moins bien.",
        "en": "Before the start, the trend here differed from the comparison's, so the "
        "comparison fits less well.",
    },
    "reporting": {
        "nl": "Deze indicator telt registraties: meer registraties kunnen wijzen op meer aandacht "
        "van politie of diensten, niet op meer problemen. Tijdens een project kan een stijging "
        "van het project zelf komen, omdat het problemen zichtbaarder maakt.",
        "fr": "Cet indicateur compte des enregistrements : plus d'enregistrements peut signifier "
        "plus d'attention de la police ou des services, pas plus de problèmes. Pendant un projet, "
        "une hausse peut venir du projet lui-même, parce qu'il rend les problèmes plus visibles.",
        "en": "This indicator counts registrations: more registrations can mean more attention "
        "from police or services, not more problems. During a project, a rise can come from the "
        "project itself, because it makes problems more visible.",
    },
    "suppressed_one": {
        "nl": "1 waarde is verborgen omdat ze onder het minimum van {k} ligt (bescherming van de "
        "privacy).",
        "fr": "1 valeur est masquée car elle est inférieure au minimum de {k} (protection de la "
        "vie privée).",
        "en": "1 value is hidden because it is below the minimum of {k} (to protect privacy).",
    },
    "suppressed_many": {
        "nl": "{n} waarden zijn verborgen omdat ze onder het minimum van {k} liggen (bescherming "
        "van de privacy).",
        "fr": "{n} valeurs sont masquées car elles sont inférieures au minimum de {k} (protection "
        "de la vie privée).",
        "en": "{n} values are hidden because they are below the minimum of {k} (to protect "
        "privacy).",
    },
    # --- pieces --------------------------------------------------------------------------------
    "points_one": {
        "nl": "{value} procentpunt",
        "fr": "{value} point de pourcentage",
        "en": "{value} percentage point",
    },
    "points_many": {
        "nl": "{value} procentpunt",
        "fr": "{value} points de pourcentage",
        "en": "{value} percentage points",
    },
    "quarter": {"nl": "{q}e kwartaal {year}", "fr": "T{q} {year}", "en": "Q{q} {year}"},
    "and": {"nl": "{first} en {last}", "fr": "{first} et {last}", "en": "{first} and {last}"},
}


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"Unknown language {lang!r}; use 'nl', 'fr' or 'en'.")


def sentence(key: str, lang: Lang = "nl", **fields: object) -> str:
    """One template of :data:`TEMPLATES`, filled in, with the language's spacing.

    >>> sentence("ratio_lower", "fr", pct="20 %")
    '20\\u202f% plus bas'
    """
    text = _text(key, lang, **fields)
    return text[:1].upper() + text[1:]


def _text(key: str, lang: Lang, **fields: object) -> str:
    """A template filled in with the language's spacing, not capitalised (a piece of a sentence)."""
    _check_lang(lang)
    text = TEMPLATES[key][lang].format(**fields)
    if lang == "fr":
        for plain, fixed in _FR_SPACES:
            text = text.replace(plain, fixed)
    elif lang == "nl":
        text = text.replace(" %", "\u00a0%")
    return text


def placeholders(template: str) -> set[str]:
    """The ``{fields}`` of a template (for the parity test and translators' tools)."""
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def format_number(
    x: float,
    lang: Lang = "nl",
    *,
    signed: bool = False,
    decimals: int | None = None,
    trim: bool | None = None,
) -> str:
    """A number in the language's format; ``−`` for minus, ``–`` for a missing value.

    Without ``decimals``: none for whole numbers and from 100, one from 1, else two. Trailing
    zeros are dropped unless ``decimals`` is given (``trim`` overrides).

    >>> [format_number(1234.5, lang, decimals=1) for lang in ("nl", "fr", "en")]
    ['1.234,5', '1\\u202f234,5', '1,234.5']
    >>> format_number(-0.25, "nl"), format_number(3, "en", signed=True), format_number(0.6, "fr")
    ('−0,25', '+3', '0,6')
    >>> format_number(0.6, "fr", decimals=2)
    '0,60'
    """
    _check_lang(lang)
    if x is None or not np.isfinite(x):
        return "–"
    trim = decimals is None if trim is None else trim
    decimals = _decimals(x) if decimals is None else decimals
    text = f"{abs(x):,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    zero = text.strip("0.,") == ""
    sign = "" if zero else _MINUS if x < 0 else "+" if signed else ""
    return sign + text.translate(_DIGITS[lang])


def _decimals(x: float) -> int:
    return 0 if abs(x) >= 100 or round(float(x), 9).is_integer() else 1 if abs(x) >= 1 else 2


def format_percent(x: float, lang: Lang = "nl", *, signed: bool = False) -> str:
    """A percentage (``x`` in percent): whole from 10, one decimal from 1, else two.

    >>> format_percent(-20.04, "fr"), format_percent(-20.04, "en"), format_percent(2.5, "nl")
    ('−20\\u202f%', '−20%', '2,5\\xa0%')
    """
    size = abs(x) if x is not None and np.isfinite(x) else 0.0
    digits = 0 if size >= 9.95 else 1 if size >= 0.995 else 2
    text = format_number(x, lang, signed=signed, decimals=digits, trim=True)
    return text + _PERCENT_SPACE[lang] + "%"


def format_month(period: object, lang: Lang = "nl") -> str:
    """A month (``"2020-09"``, a Timestamp or Period) as words, without the OS locale.

    >>> [format_month("2020-09", lang) for lang in ("nl", "fr", "en")]
    ['september 2020', 'septembre 2020', 'September 2020']
    """
    _check_lang(lang)
    month = pd.Period(period, freq="M")
    return f"{MONTH_NAMES[lang][month.month - 1]} {month.year}"


def format_period(period: object, lang: Lang = "nl") -> str:
    """A period ``2025``, ``2025-Q4`` or ``2025-03`` as words; anything else as it is.

    >>> format_period("2025-Q4", "nl"), format_period("2025-Q4", "fr"), format_period("2025", "en")
    ('4e kwartaal 2025', 'T4 2025', '2025')
    """
    text = "" if period is None or pd.isna(period) else str(period).strip()
    if m := re.fullmatch(r"(\d{4})-?Q([1-4])", text, flags=re.IGNORECASE):
        return _text("quarter", lang, q=m[2], year=m[1])
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return format_month(text, lang)
    return text or "–"


class _Indicator(NamedTuple):
    name: str  # in the language, first letter lower-case unless it starts an acronym
    direction: str
    type: str
    sensitive: bool
    min_cell: int
    percent: bool
    count: bool


def _indicator(indicator_id: str, catalogue: pd.DataFrame | None, lang: Lang) -> _Indicator:
    _check_lang(lang)
    cat = indicator_catalogue() if catalogue is None else catalogue
    rows = cat[cat["indicator_id"] == indicator_id]
    if rows.empty:
        raise ValueError(
            f"Indicator {indicator_id!r} is not in the catalogue; pass catalogue= with your own "
            "indicators (socprev_kit.indicator_catalogue(your_file))."
        )
    r, name = rows.iloc[0], indicator_names(lang, rows)[indicator_id]
    if not name[1:2].isupper():
        name = name[:1].lower() + name[1:]
    return _Indicator(name, str(r["direction"]), str(r["type"]), bool(r["reporting_sensitive"]),
                      int(r["min_cell"]), r["unit"] == "%", r["value_type"] == "count")  # fmt: skip


def caveats(
    indicator_id: str,
    *,
    lang: Lang = "nl",
    catalogue: pd.DataFrame | None = None,
    suppressed: int = 0,
) -> list[str]:
    """The caveats that belong to the indicator: it counts registrations, cells are hidden.

    >>> caveats("O05", lang="en", suppressed=2)
    ['2 values are hidden because they are below the minimum of 5 (to protect privacy).']
    """
    info = _indicator(indicator_id, catalogue, lang)
    out = [sentence("reporting", lang)] if info.sensitive else []
    if suppressed > 0:
        if info.min_cell < 1:
            raise ValueError(f"{indicator_id} has no minimum cell size, so nothing is suppressed.")
        key = "suppressed_one" if suppressed == 1 else "suppressed_many"
        out.append(sentence(key, lang, n=suppressed, k=info.min_cell))
    return out


def _covers(low: float, high: float, value: float) -> bool:
    return bool(low <= value <= high)


def _direction(sign: float, direction: str, lang: Lang) -> list[str]:
    """ "That is the desired direction" (or its opposite) for an ``up`` or ``down`` indicator."""
    if direction not in ("up", "down") or sign == 0:
        return []
    return [sentence("desired" if (sign > 0) == (direction == "up") else "undesired", lang)]


def _amount(x: float, info: _Indicator, lang: Lang, decimals: int, signed: bool = False) -> str:
    """A change of the indicator: a number, with percentage points for a percentage."""
    text = format_number(x, lang, signed=signed, decimals=decimals)
    if not info.percent:
        return text
    one = abs(x) < 2 if lang == "fr" else text.lstrip("+" + _MINUS) == "1"
    return _text("points_one" if one else "points_many", lang, value=text)


def describe_trend(
    result: TrendResult,
    indicator_id: str,
    *,
    lang: Lang = "nl",
    catalogue: pd.DataFrame | None = None,
    suppressed: int = 0,
) -> list[str]:
    """Sentences on a :func:`~socprev_kit.evaluation.trend`: the linear trend per month, the
    comparison with the same months a year earlier (counts only) and the caveats.

    Parameters
    ----------
    result
        The trend of one indicator.
    indicator_id
        Its id in the catalogue (name, direction, reporting sensitivity, minimum cell).
    lang
        ``"nl"``, ``"fr"`` or ``"en"``.
    catalogue
        The indicator catalogue (default: the shipped one).
    suppressed
        How many of the series' values are hidden in the published tables.

    Examples
    --------
    >>> from socprev_kit.evaluation import trend
    >>> months = [f"2024-{m:02d}" for m in range(1, 13)]
    >>> s = pd.DataFrame({"period": months, "value": [3, 5, 4, 6, 8, 7, 9, 8, 11, 10, 12, 13]})
    >>> describe_trend(trend(s), "O05", lang="en")[:2]  # doctest: +NORMALIZE_WHITESPACE
    ['From January 2024 to December 2024 (12 months with data), the indicator “referrals made”
      rose by 0.85 per month on average (95% interval: +0.68 to +1.01).', 'That is the desired
      direction.']
    """
    info = _indicator(indicator_id, catalogue, lang)
    if result.n < 3 or not np.isfinite(result.slope):
        out = [sentence("trend_too_few", lang, n=result.n, indicator=info.name)]
    else:
        out = _slope_sentences(result, info, lang)
        out += [sentence("few_months", lang, n=result.n)] if result.n < FEW_MONTHS else []
    out += _year_on_year(result, info, lang)
    return out + caveats(indicator_id, lang=lang, catalogue=catalogue, suppressed=suppressed)


def _slope_sentences(result: TrendResult, info: _Indicator, lang: Lang) -> list[str]:
    obs = result.table.dropna(subset=["value"])
    digits = _decimals(result.slope)
    flat = round(abs(result.slope), digits) == 0
    key = "trend_flat" if flat else "trend_up" if result.slope > 0 else "trend_down"
    bound = partial(format_number, lang=lang, signed=True, decimals=digits)
    out = [sentence(key, lang, indicator=info.name, n=result.n,
                    slope=_amount(abs(result.slope), info, lang, digits),
                    first=format_month(obs["period"].iloc[0], lang),
                    last=format_month(obs["period"].iloc[-1], lang), low=bound(result.ci_low),
                    high=_amount(result.ci_high, info, lang, digits, True) if flat
                    else bound(result.ci_high))]  # fmt: skip
    if flat:
        return out
    out += _direction(result.slope, info.direction, lang)
    if _covers(result.ci_low, result.ci_high, 0.0):
        out.append(sentence("chance", lang))
    return out


def _year_on_year(result: TrendResult, info: _Indicator, lang: Lang) -> list[str]:
    """The latest year's months against the same months a year earlier, for counts only."""
    if not info.count or not np.isfinite(result.ytd):
        return []
    from scipy.stats import binomtest

    t = result.table.dropna(subset=["value", "previous_year"])
    year = result.table.dropna(subset=["value"])["period"].iloc[-1][:4]
    months = t.loc[t["period"].str[:4] == year, "period"]
    first, last = format_month(months.iloc[0], lang), format_month(months.iloc[-1], lang)
    span = last if first == last else f"{first.rsplit(' ', 1)[0]}–{last}"
    prev, now = result.ytd_previous, result.ytd
    change = (format_percent(100 * (now - prev) / prev, lang, signed=True) if prev > 0
              else format_number(now - prev, lang, signed=True))  # fmt: skip
    out = [sentence("year_on_year", lang, span=span, current=format_number(now, lang),
                    previous=format_number(prev, lang), previous_year=int(year) - 1,
                    change=change)]  # fmt: skip
    total = int(round(now + prev))
    if total and binomtest(int(round(now)), total, 0.5).pvalue >= 0.05:
        out.append(sentence("chance_year", lang))
    return out


def _ratio(rr: float, lang: Lang) -> str:
    """A rate ratio as "35 % lower", "5 % higher" or "no difference"."""
    pct = format_percent(abs(100 * (rr - 1)), lang)
    if pct == format_percent(0, lang):
        return _text("ratio_same", lang)
    return _text("ratio_lower" if rr < 1 else "ratio_higher", lang, pct=pct)


def describe_its(
    result: ITSResult,
    indicator_id: str,
    *,
    lang: Lang = "nl",
    catalogue: pd.DataFrame | None = None,
    comparisons: Sequence[str] | None = None,
    suppressed: int = 0,
    start: object = None,
) -> list[str]:
    """Sentences on an :func:`~socprev_kit.its.interrupted_time_series`: the change against the
    trend before, the change of slope (if modelled), the model's and the design's caveats.

    Parameters
    ----------
    result
        The fitted series of one indicator (with or without a control).
    indicator_id, lang, catalogue, suppressed
        As for :func:`describe_trend`.
    comparisons
        Names of the comparison municipalities of a controlled series, to name them.
    start
        The project's start month (default: ``diagnostics["intervention"]`` if present, else the
        first month counted as after).

    Examples
    --------
    >>> from socprev_kit.its import interrupted_time_series
    >>> months = pd.period_range("2020-01", periods=48, freq="M").astype(str)
    >>> df = pd.DataFrame({"month": months, "n": [20, 22, 18, 21] * 6 + [10, 11, 9, 10] * 6})
    >>> res = interrupted_time_series(df, count="n", period="month", intervention="2022-01")
    >>> describe_its(res, "I01", lang="en")[:2]  # doctest: +NORMALIZE_WHITESPACE
    ['After the start of the project in January 2022, the indicator “drug-nuisance incidents
      registered” was 50% lower than expected from the trend before (95% interval: 54% lower to
      46% lower).', 'That is the desired direction.']
    """
    info = _indicator(indicator_id, catalogue, lang)
    d, effects = result.diagnostics, result.effects.set_index("term")
    if start is None:
        start = d.get("intervention", result.fitted["period"].iloc[d["n_pre"]])
    out = _level(effects.loc["level"], format_month(start, lang), info, lang)
    if "slope" in effects.index:
        out += _slope_change(effects.loc["slope"], lang)
    out += _model_checks(result, lang) + _design(result, comparisons, lang)
    return out + caveats(indicator_id, lang=lang, catalogue=catalogue, suppressed=suppressed)


def _bounds(row: pd.Series) -> tuple[float, float, float] | None:
    values = tuple(float(row[c]) for c in ("rate_ratio", "ci_low", "ci_high"))
    return values if all(np.isfinite(v) and v > 0 for v in values) else None


def _level(row: pd.Series, month: str, info: _Indicator, lang: Lang) -> list[str]:
    if (values := _bounds(row)) is None:
        return [sentence("its_unestimable", lang, indicator=info.name, month=month)]
    rr, low, high = values
    same = _ratio(rr, lang) == _text("ratio_same", lang)
    key = "its_same" if same else "its_lower" if rr < 1 else "its_higher"
    out = [sentence(key, lang, month=month, indicator=info.name,
                    pct=format_percent(abs(100 * (rr - 1)), lang),
                    low=_ratio(low, lang), high=_ratio(high, lang))]  # fmt: skip
    if not same:
        out += _direction(rr - 1, info.direction, lang)
        out += [sentence("chance", lang)] if _covers(low, high, 1.0) else []
    return out


def _slope_change(row: pd.Series, lang: Lang) -> list[str]:
    if (values := _bounds(row)) is None:
        return []
    rr, low, high = (format_percent(100 * (v - 1), lang, signed=True) for v in values)
    out = [sentence("its_slope", lang, pct=rr, low=low, high=high)]
    return out + ([sentence("chance", lang)] if _covers(*values[1:], 1.0) else [])


def _model_checks(result: ITSResult, lang: Lang) -> list[str]:
    """Few months, an all-zero side, dependent months, overdispersion under plain Poisson."""
    d = result.diagnostics
    n_pre, n_post = int(d["n_pre"]), int(d["n_post"])
    out = []
    if min(n_pre, n_post) < FEW_MONTHS:
        out.append(sentence("few_its", lang, n_pre=n_pre, n_post=n_post))
    observed = result.fitted["observed"].to_numpy()
    out += [sentence("zero_before", lang)] if (observed[:n_pre] == 0).all() else []
    out += [sentence("zero_after", lang)] if (observed[n_pre:] == 0).all() else []
    if d.get("ljung_box_p", np.nan) < LJUNG_BOX_P:
        out.append(sentence("autocorrelation", lang))
    if d.get("family") == "poisson" and d.get("dispersion", np.nan) > DISPERSION:
        out.append(sentence("overdispersion", lang))
    return out


def _design(result: ITSResult, comparisons: Sequence[str] | None, lang: Lang) -> list[str]:
    """Without a control: what it cannot rule out; with one: what it was compared with."""
    d = result.diagnostics
    if not d.get("controlled", False):
        return [sentence("uncontrolled", lang)]
    if comparisons:
        names = list(comparisons)
        joined = names[0] if len(names) == 1 else _text("and", lang, first=", ".join(names[:-1]),
                                                        last=names[-1])  # fmt: skip
        out = [sentence("controlled_named", lang, names=joined)]
    else:
        out = [sentence("controlled_series", lang, n=d.get("n_control", 0))]
    effects = result.effects.set_index("term")
    if "trend_difference" in effects.index:
        row = effects.loc["trend_difference"]
        out += (
            [] if _covers(row["ci_low"], row["ci_high"], 1.0) else [sentence("not_parallel", lang)]
        )
    return out


_STATUSES = ("reached", "on track", "behind", "no data")


def describe_attainment(
    row: Mapping[str, object] | pd.Series,
    *,
    lang: Lang = "nl",
    catalogue: pd.DataFrame | None = None,
) -> list[str]:
    """Sentences on one row of :func:`~socprev_kit.evaluation.attainment`: baseline, target and
    latest value, the status, and the caveats (a row marked ``suppressed`` shows no value).

    Examples
    --------
    >>> row = {"objective_id": "OD1", "indicator_id": "O05", "direction": "up", "baseline": 40,
    ...        "target": 60, "target_period": "2025", "observed": 50, "last_period": "2024-06",
    ...        "attainment": 0.5, "projection": 55, "status": "behind"}
    >>> describe_attainment(row, lang="nl")  # doctest: +NORMALIZE_WHITESPACE
    ['Doelstelling OD1 (“doorverwijzingen”): beginwaarde 40, streefwaarde 60 voor 2025, huidige
      waarde 50 (gegevens tot juni 2024).', '50\\xa0% van de weg naar de streefwaarde is afgelegd;
      in het huidige tempo wordt ze niet op tijd bereikt.']
    """
    row = dict(row)
    info = _indicator(str(row["indicator_id"]), catalogue, lang)
    if row["status"] not in _STATUSES:
        raise ValueError(f"Unknown status {row['status']!r}; expected one of {_STATUSES}.")
    head = {"objective": row["objective_id"], "indicator": info.name}
    if bool(row.get("suppressed", False)):
        out = [sentence("att_hidden", lang, **head, k=info.min_cell)]
    elif row["status"] == "no data":
        out = [sentence(_no_data_key(row), lang, **head)]
    else:
        values = {k: _value(row[k], info, lang) for k in ("baseline", "target", "observed")}
        out = [sentence("att_values", lang, **head, **values,
                        target_period=format_period(row["target_period"], lang),
                        last=format_period(row.get("last_period"), lang)),
               _status_sentence(row, lang)]  # fmt: skip
        out += [sentence("att_not_causal", lang)] if info.type == "impact" else []
    return out + ([sentence("reporting", lang)] if info.sensitive else [])


def _no_data_key(row: dict) -> str:
    base, target = (pd.to_numeric(row.get(k), errors="coerce") for k in ("baseline", "target"))
    usable = row.get("direction") != "none" and pd.notna(base) and pd.notna(target)
    return "att_no_data" if usable and base != target else "att_no_target"


def _value(x: object, info: _Indicator, lang: Lang) -> str:
    x = float(pd.to_numeric(x, errors="coerce"))
    return format_percent(x, lang) if info.percent else format_number(x, lang)


def _status_sentence(row: dict, lang: Lang) -> str:
    att = float(row["attainment"])
    share = format_percent(100 * max(att, 0.0), lang)
    if row["status"] == "reached":
        return sentence("att_reached", lang)
    if row["status"] == "on track":
        return sentence("att_on_track", lang, share=share)
    if att < 0:
        return sentence("att_away", lang)
    projected = pd.notna(row.get("projection"))
    return sentence("att_behind" if projected else "att_not_reached", lang, share=share)


def describe_attainments(
    table: pd.DataFrame, *, lang: Lang = "nl", catalogue: pd.DataFrame | None = None
) -> pd.Series:
    """One text per row of an :func:`~socprev_kit.evaluation.attainment` table (its sentences
    joined by a space), on the table's index, named ``interpretation``."""
    cat = indicator_catalogue() if catalogue is None else catalogue
    texts = [
        " ".join(describe_attainment(r, lang=lang, catalogue=cat)) for _, r in table.iterrows()
    ]
    return pd.Series(texts, index=table.index, name="interpretation", dtype=object)
