"""What participants type, made comparable: numbers as text, numpy numbers, one-cell tables.

Private to the checks of the course notebooks 01-05 (no public names).

>>> as_number("52,9 %")
52.9
>>> as_number(16.0), as_number(119 / 225 * 100)
(16, 52.8889)
>>> as_number("abc")
'abc'
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import TypeVar

__all__: list[str] = []

T = TypeVar("T")


def as_number(answer: object) -> object:
    """``answer`` as a float when it is one number in any form; else unchanged (or a short
    label for a long table, so that a check's sentence stays readable)."""
    import pandas as pd

    if isinstance(answer, pd.DataFrame | pd.Series):
        values = answer.to_numpy().ravel()
        if len(values) != 1:
            return f"<{type(answer).__name__} {'x'.join(map(str, answer.shape))}>"
        answer = values[0]
    if isinstance(answer, bool):
        return answer
    if isinstance(answer, str):
        try:
            answer = float(answer.replace("%", "").replace(",", ".").strip())
        except ValueError:
            return answer
    if isinstance(answer, numbers.Real):
        value = round(float(answer), 4)  # shown back to the participant: no 52.888888888888886
        return int(value) if value.is_integer() else value
    return answer


def nearest(answer: object, mistakes: Sequence[tuple[float, T]], tol: float) -> T | None:
    """The sentence of the first ``(value, sentence)`` within ``tol`` (absolute, or 0.2 %
    relative when larger) of a numeric ``answer``; None if none is."""
    if isinstance(answer, bool) or not isinstance(answer, int | float):
        return None
    for value, sentence in mistakes:
        if abs(answer - value) <= max(tol, 0.002 * abs(value)):
            return sentence
    return None
