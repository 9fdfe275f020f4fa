"""A synthetic comparison: the treated municipality against its synthetic series, and the weights.

Left: the treated rate per 1,000 inhabitants month by month (as registered) and the synthetic
comparison (the donors' weighted rate, brought to the treated level before the start: what the
rate ratio compares with), the start of the intervention as a dotted line. Right: the weights of
the largest donors (the rest summed as "other municipalities"), named in the report's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..common.formatting import check_lang, format_number, no_break_spaces
from .style import STYLE, Lang, date_axis, finish, label, percent, period_times

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..evaluation.evidence.synthetic import SyntheticResult

__all__ = ["SYNTHETIC_LABELS", "synthetic_figure"]

#: Texts of this figure, nl/fr/en (kept here, beside the figure that uses them).
SYNTHETIC_LABELS: dict[str, dict[str, str]] = {
    "treated": {"nl": "Gemeente (geregistreerd)", "fr": "Commune (observé)",
                "en": "Municipality (observed)"},
    "synthetic": {
        "nl": "Synthetische vergelijking ({n} gemeenten)",
        "fr": "Comparaison synthétique ({n} communes)",
        "en": "Synthetic comparison ({n} municipalities)",
    },
    "scaled": {
        "nl": "Synthetische vergelijking ({n} gemeenten)\n× {factor}: op het niveau vóór de start",
        "fr": "Comparaison synthétique ({n} communes)\n× {factor} : au niveau d'avant le début",
        "en": "Synthetic comparison ({n} municipalities)\n"
        "× {factor}: at the level before the start",
    },
    "weights": {"nl": "Gewicht in de vergelijking", "fr": "Poids dans la comparaison",
                "en": "Weight in the comparison"},
    "others": {"nl": "{n} andere gemeenten", "fr": "{n} autres communes",
               "en": "{n} other municipalities"},
    "title": {
        "nl": "Vergeleken met een synthetische vergelijking",
        "fr": "Comparée à une comparaison synthétique",
        "en": "Compared with a synthetic comparison",
    },
}  # fmt: skip

#: Donors named in the weights bar; the others are summed.
SHOWN = 8


def _text(key: str, lang: Lang, **fields: object) -> str:
    text = SYNTHETIC_LABELS[key][lang]
    return no_break_spaces(text.format(**fields) if fields else text, lang)


def _weights(ax, result: SyntheticResult, lang: Lang) -> None:
    w = result.weights
    column = {"nl": "name_nl", "fr": "name_fr"}.get(lang, "name")
    names, values = list(w[column][:SHOWN]), list(w["weight"][:SHOWN])
    if len(w) > SHOWN:
        names.append(_text("others", lang, n=len(w) - SHOWN))
        values.append(float(w["weight"][SHOWN:].sum()))
    y = range(len(names))[::-1]
    ax.barh(list(y), values, color=STYLE["fitted"], height=0.6)
    ax.set_yticks(list(y), names)
    ax.set_ylim(-0.5 - max(0, SHOWN + 1 - len(names)), len(names) - 0.5)
    for yy, v in zip(y, values, strict=True):
        shown = percent(v, lang) if v >= 0.005 else "< " + percent(0.01, lang)
        ax.text(v, yy, " " + shown, va="center", fontsize=STYLE["font_size"] - 2)
    ax.set_xlim(0, max(values) * 1.45)
    ax.set_xticks([])
    ax.set_title(_text("weights", lang), fontsize=STYLE["font_size"], loc="left")
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=STYLE["font_size"] - 1, length=0)


def synthetic_figure(
    result: SyntheticResult, *, lang: Lang = "nl", title: str | None = None
) -> Figure:
    """The treated series against its synthetic comparison, with the donors' weights.

    Parameters
    ----------
    result
        A :func:`socprev_kit.evaluation.evidence.synthetic.synthetic_control` result.
    lang
        ``"nl"``, ``"fr"`` or ``"en"``.
    title
        Default: "Compared with a synthetic comparison" in ``lang`` (``""``: none).

    Returns
    -------
    matplotlib.figure.Figure
    """
    check_lang(lang)
    import matplotlib.pyplot as plt

    fig, (ax, side) = plt.subplots(
        1, 2, figsize=(9.0, 3.6), layout="constrained", gridspec_kw={"width_ratios": [3, 1.3]}
    )
    s = result.series
    x = period_times(s["period"].astype(str))
    n = len(result.weights)
    treated = ax.plot(x, s["treated_per_1000"], "o-", color=STYLE["observed"], ms=3, lw=1,
                      label=_text("treated", lang))  # fmt: skip
    # the synthetic line is drawn over the months before and after, the gap of a lag left open
    ratio = result.diagnostics["pre_ratio"]
    name = _text("synthetic", lang, n=n)
    if abs(ratio - 1) > 0.1:  # say that the line was brought to the treated level
        name = _text("scaled", lang, n=n, factor=format_number(ratio, lang, decimals=2))
    synth = ax.plot(x, s["expected_per_1000"], color=STYLE["fitted"], lw=1.8, ls="--",
                    label=name)  # fmt: skip
    start = result.diagnostics["intervention"].start_time
    line = ax.axvline(start, color=STYLE["intervention"], lw=1, ls=":",
                      label=label("intervention", lang))  # fmt: skip
    ax.set_ylabel(label("rate", lang))
    ax.set_xlabel(label("month", lang))
    ax.set_ylim(bottom=0)
    date_axis(ax, lang)
    heading = _text("title", lang) if title is None else title
    finish(ax, None, legend=[*treated, line, *synth], ncols=2)
    if heading:  # above the legend: two rows, a third for a two-line entry
        rows = 2 + ("\n" in name)
        ax.set_title(heading, fontsize=STYLE["title_size"], loc="left", pad=6 + 14 * rows, y=1.0)
    _weights(side, result, lang)
    return fig
