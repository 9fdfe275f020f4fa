"""How strong a finding is: its level on the Maryland Scientific Methods Scale and what lowers it.

The Maryland Scientific Methods Scale (Sherman et al. 1997; Farrington et al. 2002) rates the
design of an evaluation from 1 to 5. The What Works Crime Reduction Toolkit and the European Crime
Prevention Network read it with what weakens a design in practice. Decisions:

- **The design's level** (:data:`DESIGN_LEVELS`): 1 an association at one moment; 2 one series
  before and after (an interrupted time series without comparison, a before/after count); 3 a
  controlled design (controlled ITS, difference-in-differences, a synthetic control) whose
  comparisons followed the treated series before the start; 4 the same with many comparison
  municipalities (at least :data:`MANY_UNITS`) or a synthetic control that passes its checks
  (fit before the start, inside the donors' range, in-space placebos); 5 randomised. Comparisons
  that did not follow the same trend before the start (``comparable=False``: a controlled ITS
  whose ``trend_difference`` interval excludes 1) give level 2: the comparison adds nothing
  that can be trusted.
- **What lowers it**, one level each, never below 1 (a weakness of the data is as serious as one
  of the design, so each counts the same, as in EMMIE's quality coding):
  a short series (fewer than :data:`MIN_PRE` months before or :data:`MIN_POST` after the start:
  seasons and trends cannot be told apart), a failed falsification check
  (:mod:`socprev_kit.evaluation.evidence.falsification`), low power (the design could only see a
  change larger than :data:`LOW_POWER` or none at all,
  :func:`socprev_kit.evaluation.evidence.power.minimum_detectable_effect`), months of the
  COVID-19 period in the analysis (lockdowns changed registrations regardless of any project),
  and an indicator that rises with enforcement effort (catalogue column ``effort``): a change
  there may be more or fewer controls, not more or less problem.
- A check that could not run lowers nothing: what it could not show is said by the check itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import stats

from ...common.formatting import Lang, format_percent
from ..interpretation.sentences import clause, sentence
from ..interpretation.texts import TEMPLATES

__all__ = [
    "DESIGN_LEVELS",
    "LOW_POWER",
    "MANY_UNITS",
    "MIN_POST",
    "MIN_PRE",
    "REASONS",
    "Rating",
    "describe_rating",
    "detectable_change",
    "rate_finding",
]

#: The level of each design before anything lowers it (controlled designs: with comparable
#: comparisons; see the module docstring for levels 2 and 4).
DESIGN_LEVELS = {
    "correlation": 1,
    "before_after": 2,
    "its": 2,
    "controlled_its": 3,
    "did": 3,
    "synthetic": 3,
    "randomised": 5,
}
#: Comparison municipalities from which a controlled design counts as "many units" (level 4).
MANY_UNITS = 10
#: Fewest months before and after the start for a series that is not "short".
MIN_PRE, MIN_POST = 24, 12
#: A design that can only see a relative change larger than this has low power.
LOW_POWER = 0.5
#: What can lower a level, in the order the sentence names them.
REASONS = (
    "not_comparable",
    "short_series",
    "failed_checks",
    "low_power",
    "not_detectable",
    "covid_overlap",
    "effort",
)


@dataclass(frozen=True)
class Rating:
    """The level of a finding (1 to 5), its design's level before lowering, and why it is lower.

    ``reasons`` are keys of :data:`REASONS`; ``fields`` fill their sentences (``n_pre``,
    ``n_post``, ``mde``, ``covid_months``, ``checks``).
    """

    level: int
    base: int
    reasons: tuple[str, ...] = ()
    fields: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        """The rating as plain JSON values (for a report's headline and the index)."""
        return {"level": self.level, "base": self.base, "reasons": list(self.reasons)}


def rate_finding(
    design: str,
    *,
    n_pre: int,
    n_post: int,
    comparable: bool | None = None,
    n_units: int = 1,
    synthetic_ok: bool | None = None,
    failed_checks: tuple[str, ...] = (),
    mde: float | None = None,
    detectable: bool = True,
    covid_months: int = 0,
    effort: bool = False,
) -> Rating:
    """The Maryland level of one finding, with what lowers it (see the module docstring).

    Parameters
    ----------
    design : str
        A key of :data:`DESIGN_LEVELS`.
    n_pre, n_post : int
        Months in the analysis before and after the start.
    comparable : bool, optional
        Controlled designs: whether the comparisons followed the treated series before the
        start (None: not known, taken as comparable).
    n_units : int
        Comparison municipalities of a controlled design.
    synthetic_ok : bool, optional
        A synthetic control: whether it passes its own checks.
    failed_checks : tuple of str
        The falsification checks that failed (keys of
        :data:`socprev_kit.evaluation.evidence.falsification.CHECKS`, named in the sentence).
    mde, detectable : float, bool
        The design's minimum detectable relative change (None: not computed) and whether any
        change could be seen at all.
    covid_months : int
        Months of the COVID-19 period in the analysis.
    effort : bool
        The indicator rises with enforcement effort (catalogue column ``effort``).

    Examples
    --------
    >>> rate_finding("controlled_its", n_pre=36, n_post=24, n_units=3).level
    3
    >>> r = rate_finding("its", n_pre=14, n_post=24, effort=True)
    >>> r.level, r.base, r.reasons
    (1, 2, ('short_series', 'effort'))
    """
    if design not in DESIGN_LEVELS:
        raise ValueError(f"Unknown design {design!r}; use one of {sorted(DESIGN_LEVELS)}.")
    base, reasons = DESIGN_LEVELS[design], []
    if base == 3 and comparable is False:
        base, reasons = 2, ["not_comparable"]
    elif design == "synthetic" and synthetic_ok or base == 3 and n_units >= MANY_UNITS:
        base = 4
    reasons += ["short_series"] if n_pre < MIN_PRE or n_post < MIN_POST else []
    reasons += ["failed_checks"] if failed_checks else []
    if not detectable:
        reasons.append("not_detectable")
    elif mde is not None and mde > LOW_POWER:
        reasons.append("low_power")
    reasons += ["covid_overlap"] if covid_months else []
    reasons += ["effort"] if effort else []
    lowered = sum(r != "not_comparable" for r in reasons)
    fields = {
        "n_pre": n_pre,
        "n_post": n_post,
        "mde": mde,
        "covid_months": covid_months,
        "checks": tuple(failed_checks),
    }
    return Rating(max(1, base - lowered), base, tuple(reasons), fields)


def detectable_change(
    ratio: float, low: float, high: float, *, df: float | None = None, power: float = 0.8
) -> float:
    """The smallest relative change a fitted design of this precision would detect with
    ``power`` at the level of its 95 % interval: ``1 - exp(-(q + z_power) se)``, ``se`` the
    standard error of the log rate ratio read back from the interval ``(low, high)`` and ``q``
    its quantile (Student t with ``df`` degrees of freedom, normal without). The usual
    approximation of a Wald test's power; it depends on the design's precision only, never on the
    estimate found (``ratio`` is checked, not used), so it is no "observed power".
    :func:`socprev_kit.evaluation.evidence.power.minimum_detectable_effect` simulates it before a
    project starts.

    >>> round(detectable_change(0.8, 0.64, 1.0), 3)  # se = log(1/0.64) / 3.92 = 0.114
    0.273
    """
    if not (np.isfinite(ratio) and 0 < low <= high):
        return float("nan")
    q = stats.t.ppf(0.975, df) if df else stats.norm.ppf(0.975)
    se = (np.log(high) - np.log(low)) / (2 * q)
    return float(1 - np.exp(-(q + stats.norm.ppf(power)) * se))


def describe_rating(rating: Rating, lang: Lang = "nl") -> str:
    """One sentence: the level, the design it comes from and, when lower, why.

    >>> describe_rating(rate_finding("its", n_pre=36, n_post=12, covid_months=3), "en")
    'Strength of evidence: level 1 of 5 on the Maryland scale. The design (one series before and after the start, without comparison with other municipalities) gives level 2, but 3 months of the COVID-19 period are in the analysis.'
    """  # noqa: E501
    design = clause(f"design_{rating.base}", lang)
    if "not_comparable" in rating.reasons:  # why a controlled design counts as one series
        design += "; " + _reason("not_comparable", rating.fields, lang)
    if rating.level == rating.base:
        return sentence("rating", lang, level=rating.level, design=design)
    parts = [_reason(r, rating.fields, lang) for r in rating.reasons if r != "not_comparable"]
    joined = (
        ", ".join(parts[:-1]) + clause("reasons_and", lang) + parts[-1] if parts[1:] else parts[0]
    )
    return sentence("rating_lowered", lang, level=rating.level, base=rating.base, design=design,
                    reasons=joined)  # fmt: skip


def _check_name(check: str, lang: Lang) -> str:
    """A falsification check's name in ``lang``, lower-case within a sentence (a name that is not
    a check's key is kept as given)."""
    key = f"falsification_name_{check}"
    if key not in TEMPLATES:
        return check
    name = clause(key, lang)
    return name[:1].lower() + name[1:]


def _reason(key: str, fields: dict, lang: Lang) -> str:
    f = fields
    values = {
        "short_series": {"n_pre": f["n_pre"], "n_post": f["n_post"], "min_pre": MIN_PRE,
                         "min_post": MIN_POST},
        "failed_checks": {"checks": ", ".join(_check_name(c, lang) for c in f["checks"])},
        "low_power": {"mde": format_percent(100 * (f["mde"] or 0), lang)},
        "covid_overlap": {"n": f["covid_months"]},
    }  # fmt: skip
    return clause(f"reason_{key}", lang, **values.get(key, {}))
