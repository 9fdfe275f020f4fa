"""Widgets for the training notebooks: an explorer of the data and a simulation of why a
before/after comparison misleads. Built on ipywidgets and the kit's own functions.

Each function returns a view that displays as the widget in JupyterLab and keeps what it shows
(``figure``, ``png``, ``table``, ``text``, ``data``) for tests and exercises; its ``controls``
(a dict of ipywidgets) drive it from Python::

    w = explorer(lang="fr", nis_code="62063")
    w.controls["indicator"].value = "I01"
    w.text, w.table

Static mode: without a widget front-end (papermill, nbconvert, nbval, a plain Python session) a
view builds no widget and displays the figure (PNG), the table and the text of its initial values.
:func:`static_mode` decides: ``static=`` when given, else the environment variable
``SOCPREV_KIT_STATIC`` (``1`` / ``0``), else live only in a kernel a front-end started (Jupyter
Server's ``JPY_SESSION_NAME``, VS Code): papermill and nbval runs are static without being told.
A training notebook also passes a parameter, to force either::

    # parameters (tagged cell; papermill: -p static True)
    static = None
    ...
    explorer(lang="nl", nis_code="44021", project_id="GEN-DAM", indicator="I01", static=static)
    simulation(lang="nl", effect=-20, static=static)

and the nbval run sets ``SOCPREV_KIT_STATIC=1`` (e.g. in ``notebooks/conftest.py``), so the
stored outputs are a PNG and HTML, not widget model ids.
"""

from .base import STATIC_ENV, KitView, static_mode
from .explorer import Explorer, WidgetChoiceError, explorer
from .simulation import Simulation, estimates, simulate, simulation

__all__ = [
    "STATIC_ENV",
    "Explorer",
    "KitView",
    "Simulation",
    "WidgetChoiceError",
    "estimates",
    "explorer",
    "simulate",
    "simulation",
    "static_mode",
]
