"""An executed report as a self-contained HTML page, and the headline figures it carries.

The page uses the ``socprev`` nbconvert template (``templates/socprev``): JupyterLab's look without
anything from the web (no require.js, MathJax, Mermaid or widget scripts), no code and no prompts;
figures are embedded as data URIs, so a report opens offline and in an e-mail attachment.

nbconvert's ``HTMLExporter`` ends by parsing the whole page with BeautifulSoup to give images
without ``alt`` a placeholder and every output ``tabindex="0"``: a fifth of a second for a report
page of 1 MB, more than the rest of the export. :class:`ReportExporter` skips that pass: the
template writes each figure's own title as its ``alt`` (the image's metadata ``alt``, set by
``socprev_kit.reports``), and the outputs get their ``tabindex`` from a text substitution. All
threads of a batch share one exporter (its templates are compiled once), one page at a time.
"""

from __future__ import annotations

import json
import re
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nbformat

#: The MIME type of the headline figures a report notebook displays (a JSON object).
HEADLINE_MIME = "application/vnd.socprev.headline+json"
TEMPLATES = Path(__file__).with_name("templates")
#: The opening tag of an output area of the lab template, for ``tabindex``.
_OUTPUT = re.compile(r'<div (id="[^"<>]*" )?class="([^"<>]*\bjp-OutputArea-output\b[^"<>]*)"')

_lock = threading.Lock()
_shared: dict[str, object] = {}


def _exporter():  # noqa: ANN202 - a ReportExporter, imported late
    with _lock:
        if "exporter" not in _shared:
            _shared["exporter"] = _report_exporter_class()(
                template_name="socprev",
                extra_template_basedirs=[str(TEMPLATES)],
                exclude_input=True,
                exclude_input_prompt=True,
                exclude_output_prompt=True,
                embed_images=True,
            )
        return _shared["exporter"]


def _report_exporter_class() -> type:
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class ReportExporter(HTMLExporter):
        """``HTMLExporter`` without its BeautifulSoup pass (see the module docstring) and
        without validating the notebook again after each of its preprocessors."""

        def _validate_preprocessor(self, nbc, preprocessor):  # noqa: ANN001, ANN202
            # nbconvert validates the whole notebook after each preprocessor (a twentieth of a
            # second for a report, and a second schema compiled, relax_add_props=True). The
            # notebook comes from papermill, whose nbclient validated every output as it came
            # and which validated the notebook when it wrote it; the preprocessors here only
            # read or drop parts of it.
            return None

        def from_notebook_node(self, nb, resources=None, **kw):  # noqa: ANN001, ANN201
            # HTMLExporter.from_notebook_node up to its BeautifulSoup pass (nbconvert 7)
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            highlight = self.filters.get(
                "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)
            )
            resources = self._init_resources(resources)
            data_type = WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources
            )
            self.register_filter("highlight_code", highlight)
            self.register_filter("filter_data_type", data_type)
            html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return _OUTPUT.sub(r'<div \1tabindex="0" class="\2"', html), resources

    return ReportExporter


def prepare_exporter() -> None:
    """Import nbconvert and render a first page now (about 1 s, once), while the kernels warm
    up, instead of during the first report (the worker imports papermill just before:
    :mod:`.engine`)."""
    import nbformat

    to_html(nbformat.v4.new_notebook())


def to_html(nb: nbformat.NotebookNode, lang: str = "en") -> str:
    """The report page of an executed notebook."""
    exporter = _exporter()
    with _lock:
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
