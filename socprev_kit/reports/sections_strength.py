"""How strong each estimate of section 5 is (issue 17 items 1 and 4): per ITS estimate, the table
of the four falsification checks (each passed, failed or not run, with what it means), the
summary sentence, the rating on the Maryland scale with what lowers it, and the smallest change
the design could see.

A finding whose interval includes no change claims nothing for the checks to test: its checks are
shown with a sentence that says so instead of the summary, whose "not passed" would read as a
verdict on an effect the report does not claim.
"""

from __future__ import annotations

from ..common.formatting import format_percent
from ..evaluation.evidence.falsification_sentences import (
    describe_falsification,
    falsification_table,
)
from .display import Section
from .evaluate import catalogue
from .interrupted import ITSOutcome
from .report import Report
from .strength import outcome_checks, outcome_rating, rating_sentence, verdict
from .tables import indicator_label, municipality_name
from .texts import text

__all__ = ["power_sentence", "strength_part"]


def strength_part(report: Report, outcomes: list[ITSOutcome]) -> Section:
    """The checks and the rating of each outcome with an estimate (nothing without one)."""
    lang, out = report.lang, Section()
    for outcome in (o for o in outcomes if o.result is not None):
        checks = outcome_checks(report, outcome)
        name = indicator_label(outcome.indicator_id, lang)
        out.md(f"**{text('checks_of', lang, indicator=name)}**")
        names = {c: municipality_name(c, lang) for c in outcome.comparisons}
        out.table(falsification_table(checks, lang, names=names))
        # the table says what each check found; the summary says what they mean together
        summary = describe_falsification(checks, lang, names=names)[0]
        if not verdict(outcome.result):
            summary = text("checks_no_claim", lang)
        out.bullets([summary, rating_sentence(report, outcome), power_sentence(report, outcome)])
    return out


def power_sentence(report: Report, outcome: ITSOutcome) -> str:
    """The smallest change the estimate's design could see (80 % power at the 95 % level, from
    the precision of the fit: :func:`~socprev_kit.evaluation.evidence.rating.detectable_change`),
    in the indicator's desired direction ("" without one)."""
    rating = outcome_rating(report, outcome)
    mde = None if rating is None else rating.fields["mde"]
    if mde is None:
        return ""
    lang = report.lang
    direction = catalogue()["direction"].get(outcome.indicator_id, "none")
    word = text(f"power_{direction if direction in ('down', 'up') else 'none'}", lang)
    after = outcome.result.diagnostics["n_post"]
    return text("power_seen", lang, after=after, change=word,
                mde=format_percent(100 * mde, lang))  # fmt: skip
