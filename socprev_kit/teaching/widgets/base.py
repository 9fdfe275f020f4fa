"""What both widgets share: the static-mode switch, the view object, figures as PNG.

A :class:`KitView` holds the widget's state where Python can read it (``figure``, ``table``,
``text``, ``png``) and its ``controls`` by name. In a live JupyterLab it displays as an
ipywidgets box; in static mode (papermill, nbconvert, nbval, a plain Python session) it builds no
widget at all and displays the figure as a PNG image, the table as HTML and the text.
"""

from __future__ import annotations

import html
import io
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["STATIC_ENV", "KitView", "new_figure", "static_mode", "table_html"]

#: Set to ``1`` (``true``, ``yes``) to make every widget static, e.g. in the environment of a
#: papermill or nbval run; ``0`` (``false``, ``no``) forces live widgets.
STATIC_ENV = "SOCPREV_KIT_STATIC"
#: What Jupyter Server puts in the environment of the kernels it starts for a notebook.
FRONT_END_ENV = "JPY_SESSION_NAME"


def static_mode(static: bool | None = None) -> bool:
    """Whether the widgets should show a static figure instead of live controls.

    ``static`` given: that. Otherwise :data:`STATIC_ENV` when set. Otherwise live only in a
    kernel that a front-end started: Jupyter Server (JupyterLab, Notebook 7) gives its kernels
    ``JPY_SESSION_NAME``, VS Code defines ``__vsc_ipynb_file__``. A plain Python session has no
    kernel, and papermill, nbclient and nbval start kernels with neither, so they get the static
    figure (and what they store shows it) without being told.
    """
    if static is not None:
        return bool(static)
    flag = os.environ.get(STATIC_ENV, "").strip().lower()
    if flag in ("1", "true", "yes"):
        return True
    if flag in ("0", "false", "no"):
        return False
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return True
    shell = get_ipython()
    if shell is None or getattr(shell, "kernel", None) is None:
        return True
    return not (FRONT_END_ENV in os.environ or "__vsc_ipynb_file__" in shell.user_ns)


def new_figure(size: tuple[float, float] = (7.0, 3.6)) -> Figure:
    """A matplotlib figure outside pyplot: never shown automatically by the inline backend,
    freed when no longer referenced."""
    from matplotlib.figure import Figure

    return Figure(figsize=size, layout="constrained")


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=96)
    return buffer.getvalue()


def table_html(table: pd.DataFrame) -> str:
    """A small table as HTML (cells are already texts); escaped."""
    return table.to_html(escape=True, border=0, na_rep="–", classes="socprev-table")


class KitView:
    """A widget's state and, unless static, its ipywidgets box.

    Attributes
    ----------
    controls : dict[str, ipywidgets.Widget]
        The controls by name (empty in static mode); set ``.value`` to drive the view.
    figure : matplotlib.figure.Figure or None
        The figure drawn last.
    png : bytes
        That figure as PNG (what the view shows).
    table : pandas.DataFrame
        The small table shown last (cells as texts).
    text : str
        The sentence shown last.
    data : pandas.DataFrame
        The rows behind the figure (as published: suppressed values blank).
    renders : int
        How many times the view was redrawn.
    """

    def __init__(self, lang: str, static: bool) -> None:
        self.lang = lang
        self.static = static
        self.controls: dict[str, Any] = {}
        self.figure: Figure | None = None
        self.png = b""
        self.table = pd.DataFrame()
        self.text = ""
        self.data = pd.DataFrame()
        self.renders = 0
        self.box = None
        self._image = self._html = None

    def build(self, controls: dict[str, Any], refresh: Callable[[], None]) -> None:
        """Lay out ``controls`` above the figure, table and text; redraw on every change."""
        import ipywidgets as w

        self.controls = controls
        self._image = w.Image(format="png", layout=w.Layout(max_width="100%"))
        self._html = w.HTML()
        rows = [w.HBox(list(controls.values())[i : i + 2]) for i in range(0, len(controls), 2)]
        self.box = w.VBox([*rows, self._image, self._html])
        for control in controls.values():
            control.observe(lambda _change: refresh(), names="value")

    def show(self, figure: Figure, table: pd.DataFrame, text: str, data: pd.DataFrame) -> None:
        """Keep what was drawn and, when live, put it in the box."""
        self.figure, self.table, self.text, self.data = figure, table, text, data
        self.png = _png(figure)
        self.renders += 1
        if self._image is not None:
            self._image.value = self.png
            # JupyterLab's class for rendered HTML: the table looks like the notebook's tables
            self._html.value = (
                f'<div class="jp-RenderedHTMLCommon"><p>{html.escape(text)}</p>'
                f"{table_html(table)}</div>"
            )

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, Image, display

        if self.box is not None:
            display(self.box)
            return
        display(Image(data=self.png, format="png"))
        display(HTML(f"<p>{html.escape(self.text)}</p>{table_html(self.table)}"))

    def __repr__(self) -> str:
        mode = "static" if self.box is None else "live"
        return f"<{type(self).__name__} ({mode}): {self.text}>"
