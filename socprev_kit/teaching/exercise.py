"""Exercises of the course: a cell the participant completes, and the feedback of its check.

An :class:`Exercise` is a code cell of a course module (see :mod:`socprev_kit.teaching.course`)
with a gap, ``...``, that the participant fills in; the same cell answered (``solution``) and a
word for the trainer (``explain``) go to the solutions file, never into the participant's
notebook. The cell ends with a call to a check function of :mod:`socprev_kit.teaching.checks`,
which returns a :class:`Feedback`: lines that say, in the participant's language, what is right,
what is wrong and where to look. A check never raises on a wrong answer: whatever the participant
typed gets a sentence.

>>> fb = compare_number(3.1, 2.66, lang="nl", rel=0.05)
>>> fb.passed
False
>>> compare_number(2.66, 2.66, lang="fr").passed
True
>>> compare_number(..., 2.66, lang="nl").lines[0][0]
'todo'
>>> compare_number((2, 66), 2.66, lang="fr").lines[0][1][:53]  # 2,66 typed without quotes
'Vous avez tapé une virgule : Python lit 2,66 comme de'
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..common.formatting import check_lang

__all__ = [
    "Exercise",
    "Feedback",
    "Say",
    "compare_number",
    "feedback",
    "is_unanswered",
    "not_answered",
    "say",
]

#: A sentence in the three languages: ``(nl, fr, en)``; it may hold ``str.format`` fields.
Say = tuple[str, str, str]

#: The marks of a line: right, wrong, a hint (neither), and not answered yet.
MARKS = {"ok": "✔", "wrong": "✘", "hint": "→", "todo": "…"}
COLOURS = {"ok": "#1a7f37", "wrong": "#b42318", "hint": "#475467", "todo": "#475467"}
LANG_INDEX = {"nl": 0, "fr": 1, "en": 2}


@dataclass(frozen=True)
class Exercise:
    """A code cell with a gap for the participant, and its solution for the trainer.

    Parameters
    ----------
    task
        The code in the participant's notebook: ``...`` where the answer goes, then the check,
        e.g. ``answer = ...`` and ``check_rate(answer, lang=lang)``. Shared by both languages.
    solution
        The same code answered; it must make the check pass on the sample data.
    explain
        ``{"nl": ..., "fr": ...}``: why this is the answer, for the trainer (the solutions file).
    """

    task: str
    solution: str
    explain: dict[str, str] = field(default_factory=dict)


def say(lang: str, sentence: Say, **fields: object) -> str:
    """``sentence`` in ``lang``, with its fields filled in."""
    check_lang(lang)
    return sentence[LANG_INDEX[lang]].format(**fields)


@dataclass(frozen=True)
class Feedback:
    """What a check says about an answer: ``(mark, text)`` lines, mark one of :data:`MARKS`.

    It shows as a coloured list in JupyterLab and as plain lines elsewhere. ``passed`` is True
    when at least one line is right and none is wrong or unanswered.
    """

    lang: str
    lines: tuple[tuple[str, str], ...]

    @property
    def passed(self) -> bool:
        marks = [mark for mark, _ in self.lines]
        return "ok" in marks and not {"wrong", "todo"} & set(marks)

    def __repr__(self) -> str:
        return "\n".join(f"{MARKS[mark]} {text}" for mark, text in self.lines)

    def _repr_html_(self) -> str:
        items = "".join(
            f'<li style="color:{COLOURS[mark]}"><b>{MARKS[mark]}</b> {html.escape(text)}</li>'
            for mark, text in self.lines
        )
        return (
            f'<ul class="socprev-check" data-passed="{str(self.passed).lower()}" '
            f'style="list-style:none;padding-left:0.5em">{items}</ul>'
        )


def feedback(lang: str, lines: Iterable[tuple[str, Say | str]], **fields: object) -> Feedback:
    """A :class:`Feedback` from ``(mark, sentence)`` lines; a sentence is a :data:`Say` or text."""
    check_lang(lang)
    out = []
    for mark, sentence in lines:
        if mark not in MARKS:
            raise ValueError(f"unknown mark {mark!r}; one of {sorted(MARKS)}")
        text = sentence if isinstance(sentence, str) else say(lang, sentence, **fields)
        out.append((mark, text))
    return Feedback(lang, tuple(out))


NOT_ANSWERED: Say = (
    "Nog niet ingevuld: vervang `...` door je antwoord en voer de cel opnieuw uit.",
    "Pas encore de réponse : remplacez `...` par votre réponse et exécutez à nouveau la cellule.",
    "Not answered yet: replace `...` with your answer and run the cell again.",
)
NOT_A_NUMBER: Say = (
    "Je antwoord is geen getal ({answer!r}). Typ een getal, bv. 12.5 (met een punt).",
    "Votre réponse n'est pas un nombre ({answer!r}). Tapez un nombre, p. ex. 12.5 (avec un point).",
    "Your answer is not a number ({answer!r}). Type a number, e.g. 12.5.",
)
DECIMAL_COMMA: Say = (
    "Je typte een komma: Python leest {whole},{decimals} als twee getallen. Typ een punt in "
    "plaats van de komma, bv. {whole}.{decimals}.",
    "Vous avez tapé une virgule : Python lit {whole},{decimals} comme deux nombres. Tapez un "
    "point au lieu de la virgule, p. ex. {whole}.{decimals}.",
    "You typed a comma: Python reads {whole},{decimals} as two numbers. Type a point instead, "
    "e.g. {whole}.{decimals}.",
)
RIGHT_NUMBER: Say = ("Juist: {answer}.", "Exact : {answer}.", "Right: {answer}.")
WRONG_NUMBER: Say = (
    "Nog niet juist: {answer}.",
    "Pas encore exact : {answer}.",
    "Not right yet: {answer}.",
)


def is_unanswered(answer: object) -> bool:
    """Whether the gap is still open: ``...`` (or None)."""
    return answer is Ellipsis or answer is None


def not_answered(lang: str) -> Feedback:
    """The feedback for a gap still open."""
    return feedback(lang, [("todo", NOT_ANSWERED)])


def compare_number(
    answer: object,
    expected: float,
    *,
    lang: str,
    rel: float = 0.01,
    mistakes: Sequence[tuple[float, Say]] = (),
    hint: Say | None = None,
    **fields: object,
) -> Feedback:
    """Check a number: right within ``rel`` (relative), else the known mistake it matches.

    Parameters
    ----------
    answer
        What the participant typed (``...`` when not answered).
    expected
        The right value, computed by the check from the data (never typed into the check).
    rel
        The relative tolerance, for answers rounded by hand.
    mistakes
        ``(value, sentence)`` of typical wrong answers (per 100 instead of per 1,000, the wrong
        year...): an answer within ``rel`` of ``value`` gets that sentence as a hint.
    hint
        Said after a wrong answer that matches no known mistake.
    fields
        Fields for the sentences; ``answer`` and ``expected`` are added.
    """
    if is_unanswered(answer):
        return not_answered(lang)
    fields = {"answer": answer, "expected": expected, **fields}
    if decimal_comma(answer):  # 4,35 typed without quotes is the tuple (4, 35)
        whole, decimals = answer  # type: ignore[misc] - a pair, checked just above
        return feedback(lang, [("wrong", DECIMAL_COMMA)], whole=whole, decimals=decimals)
    if isinstance(answer, bool) or not isinstance(answer, int | float):
        return feedback(lang, [("wrong", NOT_A_NUMBER)], **fields)
    if close(answer, expected, rel):
        return feedback(lang, [("ok", RIGHT_NUMBER)], **fields)
    lines: list[tuple[str, Say | str]] = [("wrong", WRONG_NUMBER)]
    known = [sentence for value, sentence in mistakes if close(answer, value, rel)]
    lines += [("hint", sentence) for sentence in known[:1] or ([hint] if hint else [])]
    return feedback(lang, lines, **fields)


def decimal_comma(answer: object) -> bool:
    """Whether ``answer`` is a number typed with a decimal comma: a pair of whole numbers."""
    return (
        isinstance(answer, tuple)
        and len(answer) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) for x in answer)
    )


def close(a: float, b: float, rel: float) -> bool:
    """``a`` equals ``b`` within the relative tolerance ``rel`` (absolutely for ``b == 0``)."""
    return math.isclose(float(a), float(b), rel_tol=rel, abs_tol=rel if b == 0 else 0.0)
