"""Every text of a figure drawn as typed: a ``$`` in a project's name is a dollar sign.

matplotlib reads text between two ``$`` as mathtext: ``"OOS$\\frac$"`` as a project id stops the
figure with a parse error, and ``"$x^2$"`` is drawn as a formula. The kit's own labels use no
mathtext, so every title, label, legend entry and annotation is drawn as plain text, and so are
tick labels the kit gave as text (names of rows and objectives). Tick labels that a number
formatter writes (a log axis's ``10^4``) keep their mathtext.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.artist import Artist

#: A ``$`` not escaped yet (so that drawing a figure twice escapes nothing twice).
_DOLLAR = re.compile(r"(?<!\\)\$")


def literal_text(artist: Artist) -> Artist:
    """Draw every text of ``artist`` (a Figure or an Axes) as typed; returns ``artist``.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_title("OOS$x^2$")
    >>> literal_text(fig).axes[0].title.get_parse_math()
    False
    >>> plt.close(fig)
    """
    for text in _texts(artist):
        text.set_parse_math(False)
    return artist


def _texts(artist: Artist) -> Iterator[Artist]:
    """The Text artists under ``artist``; of an axis only its label (its tick labels come from
    its formatters: see :func:`_label_ticks`)."""
    from matplotlib.axis import Axis
    from matplotlib.text import Text

    for child in artist.get_children():
        if isinstance(child, Axis):
            _label_ticks(child)
            yield child.label
            continue
        if isinstance(child, Text):
            yield child
        yield from _texts(child)


def _label_ticks(axis) -> None:  # noqa: ANN001 - a matplotlib Axis
    """Tick labels the kit gave as text (``set_ticks(ticks, labels)``, a fixed or function
    formatter) with their ``$`` escaped; number formatters' labels are left as they are."""
    from matplotlib.ticker import FixedFormatter, FuncFormatter

    for formatter, setter in (
        (axis.get_major_formatter(), axis.set_major_formatter),
        (axis.get_minor_formatter(), axis.set_minor_formatter),
    ):
        if isinstance(formatter, FixedFormatter | FuncFormatter) and not getattr(
            formatter, "literal", False
        ):
            typed = FuncFormatter(lambda x, pos=None, f=formatter: _escape(f(x, pos)))
            typed.literal = True
            setter(typed)


def _escape(label: object) -> object:
    """A tick label with its ``$`` escaped (matplotlib draws ``\\$`` as ``$``)."""
    return _DOLLAR.sub(r"\\$", label) if isinstance(label, str) else label
