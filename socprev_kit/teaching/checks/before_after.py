"""Checks of notebook 05 (before/after): which estimate comes closer to the planted effect."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import exercise as ex
from ..exercise import Feedback, Say, feedback

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["check_closer_method"]

#: What a participant may type for each method (lower case, without spaces at the ends).
METHOD_WORDS = {
    "its": {"its", "tijdreeks", "onderbroken tijdreeks", "série temporelle interrompue",
            "serie temporelle interrompue", "série temporelle", "interrupted time series"},
    "naive": {"naive", "naïef", "naief", "voor-en-na", "voor en na", "voor/na", "avant/après",
              "avant-après", "avant après", "naïve", "before/after"},
}  # fmt: skip

RIGHT: Say = (
    "Juist: het echte effect is {effect:.0f} %, de tijdreeks schat {its:.1f} %, de "
    "voor-en-navergelijking {naive:.1f} %.",
    "Exact : l'effet réel est de {effect:.0f} %, la série temporelle estime {its:.1f} %, la "
    "comparaison avant/après {naive:.1f} %.",
    "Right: the true effect is {effect:.0f} %, the time series estimates {its:.1f} %, the "
    "before/after comparison {naive:.1f} %.",
)
WRONG: Say = (
    "Nog niet juist: {answer!r}.",
    "Pas encore exact : {answer!r}.",
    "Not right yet: {answer!r}.",
)
DISTANCES: Say = (
    "Vergelijk elk met het echte effect, {effect:.0f} %: de voor-en-navergelijking ({naive:.1f} "
    "%) zit er {d_naive:.1f} procentpunt naast, de tijdreeks ({its:.1f} %) {d_its:.1f}.",
    "Comparez chacune à l'effet réel, {effect:.0f} % : la comparaison avant/après ({naive:.1f} "
    "%) s'en écarte de {d_naive:.1f} points, la série temporelle ({its:.1f} %) de {d_its:.1f}.",
    "Compare each with the true effect, {effect:.0f} %: the before/after comparison "
    "({naive:.1f} %) is {d_naive:.1f} points off, the time series ({its:.1f} %) {d_its:.1f}.",
)
A_NUMBER: Say = (
    'Je typte een getal. Gevraagd is de naam van de methode: "naive" (voor-en-na) of "its" '
    "(onderbroken tijdreeks).",
    'Vous avez tapé un nombre. On demande le nom de la méthode : "naive" (avant/après) ou '
    '"its" (série temporelle interrompue).',
    'You typed a number. The name of the method is asked: "naive" (before/after) or "its" '
    "(interrupted time series).",
)
WHICH: Say = (
    'Typ "naive" (voor-en-na) of "its" (onderbroken tijdreeks), tussen aanhalingstekens.',
    'Tapez "naive" (avant/après) ou "its" (série temporelle interrompue), entre guillemets.',
    'Type "naive" (before/after) or "its" (interrupted time series), between quotes.',
)


def check_closer_method(answer: object, sim: pd.DataFrame, *, lang: str) -> Feedback:
    """Check which estimate of :func:`~socprev_kit.teaching.widgets.estimates` is closer to the
    effect
    planted in ``sim`` (a :func:`~socprev_kit.teaching.widgets.simulate` table): ``"naive"`` or
    ``"its"``.

    A wrong method gets both distances to the true effect; a number or other text gets a hint.
    """
    from ..widgets import estimates

    if ex.is_unanswered(answer):
        return ex.not_answered(lang)
    est = estimates(sim)
    fields = {key: est[key] for key in ("effect", "naive", "its")}
    fields["d_naive"] = abs(est["naive"] - est["effect"])
    fields["d_its"] = abs(est["its"] - est["effect"])
    closer = "its" if fields["d_its"] <= fields["d_naive"] else "naive"
    method = _method(answer)
    fields["answer"] = answer
    if method == closer:
        return feedback(lang, [("ok", RIGHT)], **fields)
    if method:
        hint = DISTANCES
    else:
        hint = (
            A_NUMBER if isinstance(answer, int | float) and not isinstance(answer, bool) else WHICH
        )
    return feedback(lang, [("wrong", WRONG), ("hint", hint)], **fields)


def _method(answer: object) -> str:
    """``"its"``, ``"naive"`` or ``""`` for what was typed."""
    if not isinstance(answer, str):
        return ""
    text = " ".join(answer.strip().lower().replace("_", " ").split())
    return next((key for key, words in METHOD_WORDS.items() if text in words), "")
