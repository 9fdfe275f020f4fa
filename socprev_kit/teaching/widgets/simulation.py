"""Why a before/after comparison misleads: simulated counts with a planted effect.

:func:`simulate` is a pure function. Monthly counts are Poisson around a stable level with
month-to-month noise (log-normal, ``noise`` its standard deviation on the log scale). The
project starts the month after the last ``window`` months first averaged well above the level (a
start chosen because it was high: a stopping rule on the past only, so the months after the start
are not selected); from that month the level is multiplied by ``1 + effect / 100``.

:func:`estimates` compares the naive difference (the ``window`` months before against the
``window`` months after: the high months pull it away from the truth, regression to the mean)
with the level change of an interrupted time series over all months.
:func:`simulation` is the widget with sliders for the effect, the noise and the months.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...common.formatting import Lang, check_lang, format_month, format_percent
from ...evaluation.its import interrupted_time_series
from ...plots import plot_indicator
from ...plots.style import PALETTE
from .base import KitView, new_figure, static_mode
from .texts import wtext

__all__ = ["Simulation", "estimates", "simulate", "simulation"]

#: How far above the level (in standard deviations of a ``window``-month mean) the last months
#: must be before the project starts.
ALARM_SD = 1.5
#: The simulated calendar starts here.
FIRST_MONTH = "2019-01"


def simulate(
    *,
    effect: float = -20.0,
    noise: float = 0.15,
    n_before: int = 24,
    n_after: int = 24,
    level: float = 40.0,
    window: int = 3,
    seed: int = 1,
) -> pd.DataFrame:
    """Monthly counts with a known effect, starting after a run of high months.

    Parameters
    ----------
    effect
        The planted change of the level at the start, in percent (``-20``: a fifth fewer).
    noise
        Standard deviation of the month-to-month variation of the level, log scale.
    n_before, n_after
        Months before and from the start (at least 3 each).
    level
        Expected count per month without the project.
    window
        The start follows the first ``window`` months (after ``n_before``) whose mean exceeds
        the level by :data:`ALARM_SD` standard deviations of such a mean.
    seed
        Seed of :func:`numpy.random.default_rng`.

    Returns
    -------
    pandas.DataFrame
        ``period`` (``YYYY-MM``), ``count``, ``expected`` (the true level, with the effect after
        the start), ``post``; ``attrs``: ``start`` (the first month of the project), ``effect``,
        ``window``.

    Examples
    --------
    >>> sim = simulate(effect=-30, seed=3)
    >>> len(sim), sim.attrs["effect"], int(sim["post"].sum())
    (48, -30.0, 24)
    """
    if min(n_before, n_after) < 3 or window < 1 or noise < 0 or level <= 0:
        raise ValueError("need n_before, n_after >= 3, window >= 1, noise >= 0 and level > 0")
    rng = np.random.default_rng(seed)
    sd = np.sqrt((level + level**2 * (np.exp(noise**2) - 1)) / window)
    alarm = level + ALARM_SD * sd
    past = list(_month(rng, level, noise, n_before))
    while np.mean(past[-window:]) <= alarm and len(past) < n_before + 600:
        past.append(_month(rng, level, noise, 1)[0])
    after_level = level * (1 + effect / 100)
    counts = np.concatenate([past[-n_before:], _month(rng, after_level, noise, n_after)])
    periods = pd.period_range(FIRST_MONTH, periods=n_before + n_after, freq="M").astype(str)
    post = np.arange(n_before + n_after) >= n_before
    out = pd.DataFrame(
        {
            "period": list(periods),
            "count": counts.astype(float),
            "expected": np.where(post, after_level, level),
            "post": post,
        }
    )
    out.attrs.update(start=str(periods[n_before]), effect=float(effect), window=int(window))
    return out


def _month(rng: np.random.Generator, level: float, noise: float, n: int) -> np.ndarray:
    return rng.poisson(level * np.exp(rng.normal(-(noise**2) / 2, noise, n))).astype(float)


def estimates(sim: pd.DataFrame) -> dict[str, float]:
    """The naive before/after change and the ITS level change of :func:`simulate`'s output.

    Returns
    -------
    dict
        ``effect`` (planted), ``naive`` (mean of the ``window`` months after over the ``window``
        months before, minus 1), ``its``, ``its_low``, ``its_high`` (level rate ratio of a
        quasi-Poisson ITS and its 95% interval, minus 1), all in percent; ``result`` the
        :class:`~socprev_kit.evaluation.its.ITSResult`.
    """
    w, start = sim.attrs["window"], sim.attrs["start"]
    before = sim.loc[~sim["post"], "count"].iloc[-w:].mean()
    after = sim.loc[sim["post"], "count"].iloc[:w].mean()
    res = interrupted_time_series(sim, count="count", period="period", intervention=start)
    row = res.effects.set_index("term").loc["level"]
    return {
        "effect": sim.attrs["effect"],
        "naive": 100 * (after / before - 1),
        "its": 100 * (row["rate_ratio"] - 1),
        "its_low": 100 * (row["ci_low"] - 1),
        "its_high": 100 * (row["ci_high"] - 1),
        "result": res,
    }


class Simulation(KitView):
    """The state of :func:`simulation`; ``estimates`` holds the last :func:`estimates`."""

    estimates: dict


def _pct(x: float, lang: Lang) -> str:
    return format_percent(x, lang, signed=True, decimals=0)


def _draw(sim: pd.DataFrame, est: dict, lang: Lang):  # noqa: ANN202 - a matplotlib Figure
    from ...plots.style import period_times

    fig = new_figure()
    ax = fig.add_subplot()
    series = sim.rename(columns={"count": "value"})
    title = wtext("sim_title", lang, effect=_pct(est["effect"], lang))
    x = period_times(sim["period"])
    ax.step(
        x, sim["expected"], where="mid", color=PALETTE["grey"], lw=1, label=wtext("truth", lang)
    )
    w, post = sim.attrs["window"], sim["post"].to_numpy()
    names = (wtext("naive_mean", lang), "_naive")
    for part, name in zip(
        (np.flatnonzero(~post)[-w:], np.flatnonzero(post)[:w]), names, strict=True
    ):
        mean = sim["count"].iloc[part].mean()
        ax.plot(x[part], [mean] * len(part), color=PALETTE["black"], lw=3, label=name)
    plot_indicator(series, intervention=sim.attrs["start"], its=est.get("result"), ax=ax,
                   lang=lang, title=title)  # fmt: skip
    return fig


def _table(est: dict, lang: Lang, window: int) -> pd.DataFrame:
    rows = [
        (wtext("planted", lang), _pct(est["effect"], lang), ""),
        (wtext("naive", lang, w=window), _pct(est["naive"], lang), ""),
        (
            wtext("its", lang),
            _pct(est["its"], lang),
            f"{_pct(est['its_low'], lang)} … {_pct(est['its_high'], lang)}",
        ),
    ]
    columns = [wtext(k, lang) for k in ("method", "estimate", "interval")]
    return pd.DataFrame(rows, columns=columns).set_index(columns[0])


def _sentence(sim: pd.DataFrame, est: dict, lang: Lang) -> str:
    n_after = int(sim["post"].sum())
    return wtext(
        "sim_text",
        lang,
        start=format_month(sim.attrs["start"], lang),
        w=sim.attrs["window"],
        effect=_pct(est["effect"], lang),
        naive=_pct(est["naive"], lang),
        its=_pct(est["its"], lang),
        low=_pct(est["its_low"], lang),
        high=_pct(est["its_high"], lang),
        before=len(sim) - n_after,
        after=n_after,
    )


def _redraw(view: Simulation, settings: dict) -> None:
    import warnings

    sim = simulate(**settings)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # few-months warnings: the text shows the interval
        est = estimates(sim)
    view.estimates = est
    fig = _draw(sim, est, view.lang)
    view.show(fig, _table(est, view.lang, sim.attrs["window"]), _sentence(sim, est, view.lang), sim)


def _sliders(lang: Lang, settings: dict) -> dict:
    import ipywidgets as w

    def slider(kind, key, low, high, step):  # noqa: ANN001, ANN202
        return kind(value=settings[key], min=low, max=high, step=step,
                    description=wtext(key, lang), continuous_update=False,
                    style={"description_width": "initial"})  # fmt: skip

    return {
        "effect": slider(w.IntSlider, "effect", -60, 40, 5),
        "noise": slider(w.FloatSlider, "noise", 0.0, 0.5, 0.05),
        "n_before": slider(w.IntSlider, "n_before", 6, 60, 1),
        "n_after": slider(w.IntSlider, "n_after", 6, 60, 1),
        "seed": slider(w.IntSlider, "seed", 1, 100, 1),
    }


def simulation(
    *,
    lang: Lang = "nl",
    effect: int = -20,
    noise: float = 0.15,
    n_before: int = 24,
    n_after: int = 24,
    seed: int = 1,
    static: bool | None = None,
) -> Simulation:
    """Sliders for the planted effect, the noise and the months before and after; the figure,
    the table and a sentence compare the naive before/after change with an ITS estimate.

    Parameters are :func:`simulate`'s; ``static`` as in
    :func:`~socprev_kit.teaching.widgets.explorer`.

    Returns
    -------
    Simulation
        ``controls["effect"]``, ``["noise"]``, ``["n_before"]``, ``["n_after"]``, ``["seed"]``
        drive it; ``figure``, ``png``, ``table``, ``text``, ``data`` (the simulated frame) and
        ``estimates`` hold what it shows.
    """
    check_lang(lang)
    settings = {"effect": effect, "noise": noise, "n_before": n_before, "n_after": n_after,
                "seed": seed}  # fmt: skip
    view = Simulation(lang, static_mode(static))
    if not view.static:
        controls = _sliders(lang, settings)
        view.build(controls, lambda: _redraw(view, {k: c.value for k, c in controls.items()}))
    _redraw(view, settings)
    return view
