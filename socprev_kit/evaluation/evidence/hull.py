"""Can the donors reproduce the treated series? The convex-hull and fit check of a synthetic
comparison.

A weighted average of donors (weights >= 0, sum 1) can never lie above the highest donor nor
below the lowest: a treated municipality outside the donors' range before the start gets a
synthetic series that misses it, and its effect rests on the level matching alone (Abadie 2021,
section 6). Decisions:

- **level**: the treated mean rate before the start must lie between the lowest and the highest
  donor mean (else ``reason`` ``"above"`` or ``"below"``);
- **months**: in at least :data:`MIN_INSIDE` of the months before the start the treated rate
  lies between the lowest and the highest donor rate of that month (else ``"partly_outside"``);
  single months outside are normal with noisy counts;
- **fit**: the root mean squared error before the start, relative to the treated mean level,
  is at most :data:`FIT_FACTOR` times the treated series' own month-to-month noise: the root
  mean square of its month-to-month changes over sqrt(2), relative to its mean, and at least the
  Poisson noise ``1 / sqrt(mean monthly count)`` (else ``"poor_fit"``). No synthetic series can
  fit better than the noise of the series itself; police counts vary 1.5 to 3 times as much as
  Poisson counts, so the Poisson noise alone would call every fit poor. Month-to-month changes
  hold the noise (and little of a slow trend or season); twice that leaves room for the
  donors' own noise but not for a systematic gap.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...common.formatting import Lang, check_lang, format_percent

__all__ = ["HullCheck", "hull_check"]

MIN_INSIDE = 0.8
FIT_FACTOR = 2.0

TEXTS: dict[str, dict[str, str]] = {
    "inside": {
        "nl": "De synthetische vergelijking volgt de gemeente goed vóór de start: de gemeente "
        "ligt binnen het bereik van de vergelijkingsgemeenten.",
        "fr": "La comparaison synthétique suit bien la commune avant le début : la commune se "
        "situe dans la fourchette des communes de comparaison.",
        "en": "The synthetic comparison tracks the municipality well before the start: it lies "
        "within the range of the comparison municipalities.",
    },
    "above": {
        "nl": "Vóór de start lag de gemeente hoger dan elke vergelijkingsgemeente: geen "
        "combinatie kan haar goed nabootsen. Lees het resultaat met voorzichtigheid.",
        "fr": "Avant le début, la commune était plus haut que chaque commune de comparaison : "
        "aucune combinaison ne peut bien la reproduire. Lisez le résultat avec prudence.",
        "en": "Before the start the municipality was higher than every comparison municipality: "
        "no combination can reproduce it well. Read the result with care.",
    },
    "below": {
        "nl": "Vóór de start lag de gemeente lager dan elke vergelijkingsgemeente: geen "
        "combinatie kan haar goed nabootsen. Lees het resultaat met voorzichtigheid.",
        "fr": "Avant le début, la commune était plus bas que chaque commune de comparaison : "
        "aucune combinaison ne peut bien la reproduire. Lisez le résultat avec prudence.",
        "en": "Before the start the municipality was lower than every comparison municipality: "
        "no combination can reproduce it well. Read the result with care.",
    },
    "partly_outside": {
        "nl": "Vóór de start lag de gemeente maar in {share} van de maanden binnen het bereik "
        "van de vergelijkingsgemeenten. Lees het resultaat met voorzichtigheid.",
        "fr": "Avant le début, la commune ne se situait dans la fourchette des communes de "
        "comparaison que pendant {share} des mois. Lisez le résultat avec prudence.",
        "en": "Before the start the municipality lay within the range of the comparison "
        "municipalities in only {share} of the months. Read the result with care.",
    },
    "poor_fit": {
        "nl": "De synthetische vergelijking volgt de gemeente vóór de start slecht (gemiddelde "
        "afwijking {error} van het niveau). Lees het resultaat met voorzichtigheid.",
        "fr": "La comparaison synthétique suit mal la commune avant le début (écart moyen de "
        "{error} du niveau). Lisez le résultat avec prudence.",
        "en": "The synthetic comparison tracks the municipality poorly before the start "
        "(average gap {error} of the level). Read the result with care.",
    },
}


@dataclass(frozen=True)
class HullCheck:
    """``passed`` (also the truth value), ``reason`` (``"inside"``, ``"above"``, ``"below"``,
    ``"partly_outside"``, ``"poor_fit"``: the first that fails), ``share_inside`` (months
    before the start within the donors' range), ``level_inside``, ``relative_rmspe`` (root mean
    squared error before / treated mean), ``noise`` (the series' own noise it is held against) and
    ``fit_acceptable``. :meth:`text` says it in nl, fr or en."""

    passed: bool
    reason: str
    share_inside: float
    level_inside: bool
    relative_rmspe: float
    noise: float
    fit_acceptable: bool

    def __bool__(self) -> bool:
        return self.passed

    def text(self, lang: Lang = "nl") -> str:
        check_lang(lang)
        return TEXTS[self.reason][lang].format(
            share=format_percent(100 * self.share_inside, lang, decimals=0),
            error=format_percent(100 * self.relative_rmspe, lang, decimals=0),
        )


def hull_check(y: np.ndarray, X: np.ndarray, counts: np.ndarray, pre_rmspe: float) -> HullCheck:
    """The check of the treated rates ``y`` against the donors ``X`` (months x donors) over the
    months before the start; ``counts``: the treated counts of those months."""
    share = float(np.mean((y >= X.min(axis=1)) & (y <= X.max(axis=1))))
    means = X.mean(axis=0)
    level = float(y.mean())
    rel = pre_rmspe / level if level > 0 else np.inf
    poisson = 1 / np.sqrt(max(float(np.mean(counts)), 1e-12))
    jumps = np.sqrt(np.mean(np.diff(y) ** 2) / 2) / level if level > 0 and len(y) > 1 else 0.0
    noise = max(poisson, float(jumps))
    fit_ok = bool(rel <= FIT_FACTOR * noise)
    if level > means.max():
        reason = "above"
    elif level < means.min():
        reason = "below"
    elif share < MIN_INSIDE:
        reason = "partly_outside"
    elif not fit_ok:
        reason = "poor_fit"
    else:
        reason = "inside"
    return HullCheck(
        passed=reason == "inside",
        reason=reason,
        share_inside=share,
        level_inside=bool(means.min() <= level <= means.max()),
        relative_rmspe=float(rel),
        noise=float(noise),
        fit_acceptable=fit_ok,
    )
