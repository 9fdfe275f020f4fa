"""The words of every interpretation sentence, in Dutch, French and English.

:data:`TEMPLATES` maps a sentence id to a template per language; the code that picks and fills
them is :mod:`socprev_kit.evaluation.interpretation`. One table per topic: :mod:`.trends`,
:mod:`.its`, :mod:`.covid`, :mod:`.targets` (objectives), :mod:`.caveats`, :mod:`.rating` (the
strength of a finding) and :mod:`.falsification` (the checks of an interrupted time series). For
translators:

- ``{name}`` is a placeholder the code fills in: a number, a percentage or a month already written
  in the language (``1.234,5``, ``20 %``, ``septembre 2020``), an indicator's name, or a piece of
  sentence such as ``{pct}`` = "35 % lower". Keep every placeholder of a sentence, spelled as it
  is, in all three languages (a test checks that they match); the order may change.
- Write plain spaces. The space before ``%`` becomes a no-break space (Dutch) or a narrow
  no-break space (French), and in French also the spaces before ``:`` (no-break) and before
  ``;`` ``?`` ``!`` and inside « » (narrow): see
  :func:`socprev_kit.common.formatting.no_break_spaces`.
- The first letter of a sentence is made upper-case by the code; an ``{indicator}`` name is written
  with a lower-case first letter (unless it starts with an acronym), so it can stand inside a
  sentence.
- Never call a change an effect: "lower than expected from the trend before".
"""

from __future__ import annotations

from .caveats import CAVEATS
from .covid import COVID
from .falsification import FALSIFICATION
from .its import ITS
from .rating import RATING
from .targets import TARGETS
from .trends import TRENDS

__all__ = ["TEMPLATES"]

#: Every sentence id with its template per language (``"nl"``, ``"fr"``, ``"en"``).
TEMPLATES: dict[str, dict[str, str]] = {
    **TRENDS,
    **ITS,
    **COVID,
    **TARGETS,
    **CAVEATS,
    **RATING,
    **FALSIFICATION,
}
