"""Short interpretations of a trend, a target attainment and an interrupted time series.

Each result becomes a list of short sentences in Dutch, French or English for a prevention worker:
what changed, whether that is the desired direction, and the caveats that apply (an indicator that
counts registrations, few months, an interval that includes no change, hidden small cells, months
that are not independent, no comparison municipalities). A change is never called an effect: the
words are "lower than expected from the trend before", and the chance caveat follows whenever the
95 % interval includes no change.

The texts are in :data:`socprev_kit.evaluation.interpretation.texts.TEMPLATES` (one table per
topic), so a translator can review them in one place; numbers, percentages and months are written
by :mod:`socprev_kit.common.formatting`.

Modules: :mod:`.sentences` the pieces every interpretation is made of (a template filled in, the
indicator's catalogue row, the shared caveats), :mod:`.trends` a trend, :mod:`.its` an interrupted
time series with :mod:`.covid` its COVID-19 months, :mod:`.targets` an objective's attainment,
:mod:`.texts` the words. The falsification checks' sentences sit beside the checks
(:mod:`socprev_kit.evaluation.evidence.falsification_sentences`)."""

from .its import DISPERSION, LJUNG_BOX_P, describe_its
from .sentences import FEW_MONTHS, caveats, placeholders, sentence
from .targets import describe_attainment, describe_attainments
from .texts import TEMPLATES
from .trends import describe_trend

__all__ = [
    "DISPERSION",
    "FEW_MONTHS",
    "LJUNG_BOX_P",
    "TEMPLATES",
    "caveats",
    "describe_attainment",
    "describe_attainments",
    "describe_its",
    "describe_trend",
    "placeholders",
    "sentence",
]
