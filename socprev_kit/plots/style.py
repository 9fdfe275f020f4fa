"""One look for every figure: colours, text sizes, labels in nl/fr/en, and shared helpers.

Numbers and percentages are written by :mod:`socprev_kit.common.formatting`, as in the
interpretation sentences. matplotlib is imported only inside the helpers that draw, never at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..common.formatting import MONTH_SHORT, Lang, check_lang, format_percent, no_break_spaces
from ..data import parsing
from .literal import literal_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: Okabe-Ito colours (Okabe & Ito 2008), safe for the common colour-vision deficiencies.
PALETTE: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#BBBBBB",
}
#: Which colour plays which part, and the text sizes (points) for a report page. Statuses are
#: spelled as :func:`socprev_kit.evaluation.targets.attainment` spells them.
STYLE: dict[str, object] = {
    "observed": PALETTE["blue"],
    "fitted": PALETTE["vermillion"],
    "counterfactual": PALETTE["vermillion"],
    "intervention": PALETTE["black"],
    "project_start": PALETTE["purple"],
    "target": PALETTE["green"],
    "cycle": [PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky_blue")],
    "status": {
        "reached": PALETTE["green"],
        "maintained": PALETTE["blue"],
        "on track": PALETTE["sky_blue"],
        "behind": PALETTE["orange"],
        "not reached": PALETTE["vermillion"],
        "not computable": PALETTE["grey"],
    },
    "registered": PALETTE["blue"],
    "missing": PALETTE["orange"],
    "not_expected": "#F2F2F2",
    "limit_95": PALETTE["sky_blue"],
    "limit_998": PALETTE["blue"],
    "font_size": 10,
    "title_size": 11,
}
#: Axis labels and legend texts; ``{...}`` fields are filled in by the plot. Written with plain
#: spaces: :func:`label` makes the one before ``%`` (and French ``:``) no-break.
LABELS: dict[str, dict[str, str]] = {
    "period": {"nl": "Periode", "fr": "Période", "en": "Period"},
    "month": {"nl": "Maand", "fr": "Mois", "en": "Month"},
    "value": {"nl": "Waarde", "fr": "Valeur", "en": "Value"},
    "observed": {"nl": "Geregistreerd", "fr": "Observé", "en": "Observed"},
    "fitted": {"nl": "Model", "fr": "Modèle", "en": "Model"},
    "counterfactual": {
        "nl": "Zonder project (model)",
        "fr": "Sans projet (modèle)",
        "en": "Without project (model)",
    },
    "intervention": {
        "nl": "Start interventie",
        "fr": "Début de l'intervention",
        "en": "Intervention start",
    },
    "project_start": {"nl": "Start project", "fr": "Début du projet", "en": "Project start"},
    "target": {"nl": "Doel", "fr": "Objectif", "en": "Target"},
    "baseline": {"nl": "Nulmeting", "fr": "Situation initiale", "en": "Baseline"},
    "suppressed": {
        "nl": "Afgeschermd: niet getekend",
        "fr": "Masqué : non dessiné",
        "en": "Hidden: not drawn",
    },
    "registered": {"nl": "Geregistreerd", "fr": "Enregistré", "en": "Registered"},
    "missing": {"nl": "Ontbreekt", "fr": "Manquant", "en": "Missing"},
    "not_expected": {"nl": "Niet verwacht", "fr": "Non attendu", "en": "Not expected"},
    "attainment": {
        "nl": "Doelbereik (0 = nulmeting, 100 % = doel)",
        "fr": "Atteinte (0 = situation initiale, 100 % = objectif)",
        "en": "Attainment (0 = baseline, 100% = target)",
    },
    "attainment_note": {
        "nl": "Het deel van de weg van de nulmeting naar het doel; geen balk als de nulmeting "
        "het doel al haalde.",
        "fr": "La part du chemin de la situation initiale à l'objectif ; pas de barre si la "
        "situation initiale atteignait déjà l'objectif.",
        "en": "The share of the way from the baseline to the target; no bar when the baseline "
        "already met the target.",
    },
    "reached": {"nl": "Bereikt", "fr": "Atteint", "en": "Reached"},
    "maintained": {"nl": "Behouden", "fr": "Maintenu", "en": "Maintained"},
    "on track": {"nl": "Op schema", "fr": "En bonne voie", "en": "On track"},
    "behind": {"nl": "Achter op schema", "fr": "En retard", "en": "Behind"},
    "not reached": {"nl": "Niet bereikt", "fr": "Non atteint", "en": "Not reached"},
    "not computable": {"nl": "Niet te berekenen", "fr": "Non calculable", "en": "Not computable"},
    "change": {
        "nl": "Verandering (rate ratio, logaritmische schaal)",
        "fr": "Changement (rapport de taux, échelle logarithmique)",
        "en": "Change (rate ratio, log scale)",
    },
    "population": {"nl": "Inwoners", "fr": "Habitants", "en": "Inhabitants"},
    "rate": {
        "nl": "Per 1.000 inwoners",
        "fr": "Pour 1 000 habitants",
        "en": "Per 1,000 inhabitants",
    },
    "group_rate": {"nl": "Groepsgemiddelde", "fr": "Moyenne du groupe", "en": "Group rate"},
    "limit": {"nl": "{level}-grenzen", "fr": "Limites à {level}", "en": "{level} limits"},
    "outside": {
        "nl": "Buiten de {level}-grenzen",
        "fr": "Hors des limites à {level}",
        "en": "Outside the {level} limits",
    },
    "hidden_one": {
        "nl": "1 gemeente weggelaten, ook uit het groepsgemiddelde (waarde afgeschermd)",
        "fr": "1 commune omise, aussi de la moyenne du groupe (valeur masquée)",
        "en": "1 municipality left out, also of the group rate (value hidden)",
    },
    "hidden": {
        "nl": "{n} gemeenten weggelaten, ook uit het groepsgemiddelde (waarden afgeschermd)",
        "fr": "{n} communes omises, aussi de la moyenne du groupe (valeurs masquées)",
        "en": "{n} municipalities left out, also of the group rate (values hidden)",
    },
    "limits_exact": {
        "nl": "Exacte Poisson-grenzen (geen correctie voor overdispersie)",
        "fr": "Limites de Poisson exactes (sans correction de la surdispersion)",
        "en": "Exact Poisson limits (no overdispersion adjustment)",
    },
    "limits_none": {
        "nl": "Exacte Poisson-grenzen: geen overdispersie (φ = {phi} ≤ 1, Spiegelhalter 2005)",
        "fr": "Limites de Poisson exactes : pas de surdispersion (φ = {phi} ≤ 1, "
        "Spiegelhalter 2005)",
        "en": "Exact Poisson limits: no overdispersion (φ = {phi} ≤ 1, Spiegelhalter 2005)",
    },
    "limits_multiplicative": {
        "nl": "Grenzen verbreed voor overdispersie (Spiegelhalter 2005), multiplicatief met "
        "√φ: φ = {phi} (τ² = {tau2} niet gebruikt)",
        "fr": "Limites élargies pour la surdispersion (Spiegelhalter 2005), multiplicatives "
        "par √φ : φ = {phi} (τ² = {tau2} non utilisé)",
        "en": "Limits widened for overdispersion (Spiegelhalter 2005), multiplicative by √φ: "
        "φ = {phi} (τ² = {tau2} not used)",
    },
    "limits_additive": {
        "nl": "Grenzen verbreed voor overdispersie (Spiegelhalter 2005), additieve "
        "toevalseffecten: τ² = {tau2} (φ = {phi})",
        "fr": "Limites élargies pour la surdispersion (Spiegelhalter 2005), effets aléatoires "
        "additifs : τ² = {tau2} (φ = {phi})",
        "en": "Limits widened for overdispersion (Spiegelhalter 2005), additive random "
        "effects: τ² = {tau2} (φ = {phi})",
    },
}


def label(key: str, lang: Lang, **fields: object) -> str:
    """The text of ``key`` in ``lang`` (``LABELS[key][lang]``), its ``{fields}`` filled in, with
    the language's no-break spaces (:func:`socprev_kit.common.formatting.no_break_spaces`).

    Examples
    --------
    >>> label("suppressed", "fr")
    'Masqué\xa0: non dessiné'
    >>> label("attainment", "fr")
    'Atteinte (0 = situation initiale, 100\u202f% = objectif)'
    """
    check_lang(lang)
    text = LABELS[key][lang]
    return no_break_spaces(text.format(**fields) if fields else text, lang)


def percent(value: float, lang: Lang, digits: int = 0) -> str:
    """A share as a percentage with ``digits`` decimals: ``0.57`` as ``57 %`` (nl: no-break
    space), ``57 %`` (fr: narrow no-break space) or ``57%`` (en), with a decimal comma in nl and
    fr (:func:`socprev_kit.common.formatting.format_percent`).

    >>> percent(0.998, "fr", digits=1), percent(-0.255, "en")
    ('99,8\u202f%', '−26%')
    """
    return format_percent(100 * value, lang, decimals=digits)


def municipality_names(lang: Lang) -> pd.Series:
    """Municipality names by NIS code: Dutch with ``nl``, French with ``fr``; with ``en`` the
    name in the region's language (French in Brussels and Wallonia)."""
    from ..data.reference import municipalities

    m = municipalities().set_index("nis_code")
    if lang == "nl":
        return m["name_nl"]
    if lang == "fr":
        return m["name_fr"]
    return m["name_fr"].where(m["region"] != "Flanders", m["name_nl"])


def get_axes(ax: Axes | None, figsize: tuple[float, float] = (7.0, 3.5)) -> Axes:
    """``ax``, or the Axes of a new figure of ``figsize`` inches (constrained layout)."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=figsize, layout="constrained")
    return new


def finish(ax: Axes, title: str | None, legend: list | None = None, ncols: int = 3) -> None:
    """Legend handles in rows of ``ncols`` above the axes, the title on the left above them,
    text sizes of :data:`STYLE`, no top and right spines; every text drawn as typed
    (:func:`socprev_kit.plots.literal.literal_text`)."""
    size = STYLE["font_size"]
    rows = -(-len(legend) // ncols) if legend else 0
    if legend:
        ax.legend(
            handles=legend,
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncols=ncols,
            frameon=False,
            fontsize=size - 1,
            borderaxespad=0.2,
        )
    if title:
        # y=1: no automatic placement (it measures every tick label, a third of a draw)
        ax.set_title(title, fontsize=STYLE["title_size"], loc="left", pad=6 + 14 * rows, y=1.0)
    ax.tick_params(labelsize=size)
    ax.xaxis.label.set_size(size)
    ax.yaxis.label.set_size(size)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    literal_text(ax)  # a name's $ is a dollar sign, not mathtext


def period_times(periods: pd.Series) -> pd.Series:
    """Period labels ('2024-03', '2024-Q1', '2024') or timestamps as timestamps."""
    if pd.api.types.is_datetime64_any_dtype(periods):
        return periods.reset_index(drop=True)
    return parsing.period_start(periods.astype(str)).reset_index(drop=True)


def _time_span(ax: Axes) -> tuple[float, float]:
    """First and last x of the data of ``ax`` and of the axes that share its x axis (its view
    limits when there are no data)."""
    spans = [a.dataLim.intervalx for a in ax.get_shared_x_axes().get_siblings(ax)]
    spans = [(lo, hi) for lo, hi in spans if lo <= hi and abs(lo) != float("inf")]
    if not spans:
        return ax.get_xlim()
    return min(lo for lo, _ in spans), max(hi for _, hi in spans)


def date_axis(ax: Axes, lang: Lang, max_ticks: int = 7) -> None:
    """Ticks on a time axis, within its data: January of every year (every 2, 5 ...
    years when there are more than ``max_ticks``), or for less than two years every 1, 2, 3 or
    6 months, named in ``lang`` ("mrt", "mars"), with the year on January and the first tick.

    matplotlib's own date ticks (``AutoDateLocator``) name months in English and cost about a
    tenth of a second per panel; these are fixed, so axes that share x show the same ticks.
    """
    import matplotlib.dates as mdates

    low, high = (mdates.num2date(v).replace(tzinfo=None) for v in _time_span(ax))
    first = low.year * 12 + low.month - 1 + (low.day > 1 or low.hour > 0)  # months from year 0
    last = high.year * 12 + high.month - 1
    if last < first:
        return
    months = range(first, last + 1)
    if last - first >= 24:
        years = [m // 12 for m in months if m % 12 == 0]
        step = next(s for s in (1, 2, 5, 10, 20, 50) if len(years) <= s * max_ticks)
        chosen = [12 * y for y in years if y % step == 0]
        labels = [str(m // 12) for m in chosen]
    else:
        step = next(s for s in (1, 2, 3, 6, 12) if len(months) <= s * max_ticks)
        chosen = [m for m in months if m % step == 0]
        names = MONTH_SHORT[lang]
        labels = [
            f"{names[m % 12]} {m // 12}" if i == 0 or m % 12 == 0 else names[m % 12]
            for i, m in enumerate(chosen)
        ]
    ticks = [mdates.date2num(pd.Timestamp(year=m // 12, month=m % 12 + 1, day=1)) for m in chosen]
    ax.set_xticks(ticks, labels)
