"""The forest plot of one change estimated by several designs (plots.forest)."""

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd

from socprev_kit.plots.forest import plot_designs


def _rows():
    return pd.DataFrame({
        "label": ["ITS", "Controlled ITS", "DiD", "Synthetic"],
        "rate_ratio": [0.7, 0.76, np.nan, 1.2],
        "ci_low": [0.55, 0.6, np.nan, 0.9],
        "ci_high": [0.9, 0.96, np.nan, 1.6],
        "note": ["level 2/5", "level 3/5", "no comparison municipalities", "level 4/5"],
    })  # fmt: skip


def test_each_estimate_is_a_point_with_its_interval_on_the_log_scale():
    ax = plot_designs(_rows(), "en")
    (points,) = [line for line in ax.get_lines() if line.get_marker() == "o"]
    x, y = points.get_data()
    assert np.allclose(np.exp(x), [0.7, 0.76, 1.2])  # the row without an estimate has no point
    assert list(y) == [3, 2, 0]  # top to bottom in the order given
    ends = np.concatenate([seg[:, 0] for seg in ax.collections[0].get_segments()])
    assert np.allclose(sorted(np.exp(ends)), sorted([0.55, 0.9, 0.6, 0.96, 0.9, 1.6]))
    low, high = ax.get_xlim()
    assert low < np.log(0.55) and high > np.log(1.6) and np.isclose(low, -high)


def test_labels_notes_and_ticks_are_in_the_language():
    ax = plot_designs(_rows(), "fr")
    at = {round(t.get_position()[1]): t.get_text() for t in ax.get_yticklabels()}
    assert at == {3: "ITS", 2: "Controlled ITS", 1: "DiD", 0: "Synthetic"}  # first on top
    notes = [t.get_text() for t in ax.texts]
    assert "no comparison municipalities" in notes
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert "0\u202f%" in ticks and "−25\u202f%" in ticks  # French narrow no-break space
    assert "rapport de taux" in ax.get_xlabel()
