"""An executed report as a self-contained HTML page, and the headline figures it carries.

The page uses the ``socprev`` nbconvert template (``templates/socprev``): JupyterLab's look without
anything from the web (no require.js, MathJax, Mermaid or widget scripts), no code and no prompts;
figures are embedded as data URIs, so a report opens offline and in an e-mail attachment.
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nbformat

#: The MIME type of the headline figures a report notebook displays (a JSON object).
HEADLINE_MIME = "application/vnd.socprev.headline+json"
TEMPLATES = Path(__file__).with_name("templates")

_local = threading.local()


def _exporter():  # noqa: ANN202 - nbconvert.HTMLExporter, imported late
    if getattr(_local, "exporter", None) is None:
        from nbconvert import HTMLExporter

        _local.exporter = HTMLExporter(
            template_name="socprev",
            extra_template_basedirs=[str(TEMPLATES)],
            exclude_input=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
            embed_images=True,
        )
    return _local.exporter


def prepare_exporter() -> None:
    """Import papermill and nbconvert and render a first page now (about 2 s, once per thread),
    while the kernel warms up, instead of during the first report."""
    import nbformat
    import papermill  # noqa: F401

    from . import engine  # noqa: F401 - registers the engine

    to_html(nbformat.v4.new_notebook())


def to_html(nb: nbformat.NotebookNode, lang: str = "en") -> str:
    """The report page of an executed notebook (one exporter per thread, made once)."""
    exporter = _exporter()
    exporter.language_code = lang  # <html lang="...">: screen readers, hyphenation
    body, _ = exporter.from_notebook_node(nb)
    return body


def read_headline(nb: nbformat.NotebookNode) -> dict | None:
    """The last headline object the notebook displayed, or None.

    ``socprev_kit.reports.read_headline`` is used when the reports package is already imported;
    importing it only for this would cost the batch process about 2 s (statsmodels, matplotlib).
    """
    reports = sys.modules.get("socprev_kit.reports")
    if callable(reader := getattr(reports, "read_headline", None)):
        return reader(nb)
    found = None
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            value = output.get("data", {}).get(HEADLINE_MIME)
            if value is not None:
                found = json.loads(value) if isinstance(value, str) else dict(value)
    return found
