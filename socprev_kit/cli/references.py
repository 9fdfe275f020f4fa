"""Reference outputs of the report notebooks, so that nbval can check the templates.

``notebooks/municipality_report.ipynb`` and ``notebooks/project_report.ipynb`` are templates:
``socprev-kit batch`` and papermill run them with the parameters of each municipality or project.

Decision: the templates keep no outputs. When no kernel could make a report, the batch renders
the template itself with the error on top (``batch.kernel.failed_outcome``, and
``batch.engine`` when a kernel dies before papermill cleared the outputs): stored outputs would
then show Gent's sample figures in the failed report of another municipality. Without outputs a
template also stays small to read, to hash and to send to every report (a job carries its JSON).

nbval compares stored outputs with a fresh run, so each template has a reference copy,
``notebooks/reference/<template>``: the template run top to bottom in a fresh kernel with its
default parameters on the sample data (municipality 44021 Gent, project GEN-DAM, in Dutch).
``notebooks/conftest.py`` has nbval run the template itself and compare every cell with the
reference's outputs (:func:`with_reference_outputs`), and stops with a message when the
template's code no longer matches its reference. The outputs are deterministic (the sample data,
SVG figures with fixed ids and no date); ``notebooks/sanitize.cfg`` masks what truly varies: the
date of the report and the versions of socprev-kit and Matplotlib.

Refresh the references after changing a template or what a report shows::

    python -m socprev_kit.cli.references      # or: make notebooks
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..common.errors import SocprevError

if TYPE_CHECKING:
    from nbformat import NotebookNode

__all__ = [
    "NOTEBOOKS",
    "REFERENCE_DIR",
    "TEMPLATES",
    "reference_path",
    "refresh_references",
    "with_reference_outputs",
]

#: ``notebooks/`` of the repository (found from the package, not the working directory).
NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
#: The report templates, by file name.
TEMPLATES = ("municipality_report.ipynb", "project_report.ipynb")
#: The folder, next to the templates, of their reference copies.
REFERENCE_DIR = "reference"
REFRESH = "python -m socprev_kit.cli.references (make notebooks)"


def reference_path(template: str | Path) -> Path:
    """``<folder>/reference/<name>`` of the template ``<folder>/<name>``.

    >>> reference_path("notebooks/project_report.ipynb").as_posix()
    'notebooks/reference/project_report.ipynb'
    """
    template = Path(template)
    return template.parent / REFERENCE_DIR / template.name


def with_reference_outputs(nb: NotebookNode, reference: NotebookNode, name: str) -> NotebookNode:
    """``nb`` with the outputs of ``reference`` in its code cells (``nb`` is changed in place).

    Parameters
    ----------
    nb
        The template as read (no outputs).
    reference
        Its reference copy, as :func:`refresh_references` wrote it.
    name
        The template's name, for the message.

    Raises
    ------
    SocprevError
        The code cells of the two differ (the template changed since the reference was made).
    """
    code = [c for c in nb.cells if c.cell_type == "code"]
    ref = [c for c in reference.cells if c.cell_type == "code"]
    if len(code) != len(ref):
        raise SocprevError(
            f"{name}: {len(code)} code cells but its reference {REFERENCE_DIR}/{name} has "
            f"{len(ref)}. The template changed: refresh the reference with {REFRESH}."
        )
    for number, (cell, stored) in enumerate(zip(code, ref, strict=True)):
        if cell.source != stored.source:
            raise SocprevError(
                f"{name}: code cell {number} differs from the one in its reference "
                f"{REFERENCE_DIR}/{name}. The template changed: refresh the reference with "
                f"{REFRESH}."
            )
        cell.outputs = stored.outputs
        cell.execution_count = stored.execution_count
    return nb


def refresh_references(notebooks: str | Path = NOTEBOOKS, timeout: int = 600) -> list[Path]:
    """Run each template in a fresh kernel with its default parameters and write its reference.

    The kernel runs in ``notebooks`` (as nbval's does), as the course's notebooks are built
    (:func:`socprev_kit.teaching.build.execute`: widgets static, as ``notebooks/conftest.py``
    has them for nbval; no timing, no ``language_info``), so the file changes only when an
    output does.

    Parameters
    ----------
    notebooks
        The folder of the templates.
    timeout
        Seconds a cell may take.

    Returns
    -------
    list of Path
        The reference files written.
    """
    import nbformat

    from ..teaching.build import execute

    folder = Path(notebooks)
    (folder / REFERENCE_DIR).mkdir(exist_ok=True)
    written = []
    for name in TEMPLATES:
        nb = execute(nbformat.read(folder / name, as_version=4), folder, timeout=timeout)
        target = reference_path(folder / name)
        target.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":  # pragma: no cover - make notebooks
    for path in refresh_references():
        print(path)
