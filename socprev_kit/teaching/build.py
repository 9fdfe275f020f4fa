"""Build the training notebooks in Dutch and French from one source each.

Each source module of :mod:`socprev_kit.teaching.course` holds the cells; :func:`make_notebook`
writes the notebook of one language: a tagged ``parameters`` cell (``lang``, ``data_path``,
``static``) followed by the cells. :func:`build` writes ``<out>/<lang>/<NN>_<name>.ipynb``.

Stored outputs (decision): the build executes every notebook with nbclient, in static widget
mode (``SOCPREV_KIT_STATIC=1``: a PNG and an HTML table instead of widget model ids), and stores
the outputs. Participants then see what to expect before they run a cell, and nbval compares
every text and HTML output with a fresh run (PNG images are not compared by nbval). To make the
file a pure function of the sources and the pinned environment, cell ids are their position,
execution timing and the kernel's ``language_info`` are not stored, and the outputs show no
absolute path (``notebooks/sanitize.cfg`` masks one anyway). No cell is marked
``NBVAL_IGNORE_OUTPUT``: every output is deterministic (the sample data and seeded simulations).
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from .exercise import Exercise

if TYPE_CHECKING:
    from nbformat import NotebookNode

__all__ = ["LANGS", "build_course", "make_notebook", "solutions_text"]

#: The languages the notebooks are built in.
LANGS = ("nl", "fr")

PARAMETERS = """\
# Parameters (papermill can set them, e.g. -p lang fr)
lang = "{lang}"  # nl or fr
data_path = ""  # a folder or file of registrations; empty: the sample data
static = None  # True: static figures instead of live widgets; None: decided automatically"""


def file_name(source: ModuleType) -> str:
    """``NN_<name>.ipynb`` of a course module."""
    return f"{source.NUMBER:02d}_{source.NAME}.ipynb"


def make_notebook(source: ModuleType, lang: str, *, solutions: bool = False) -> NotebookNode:
    """The notebook of ``source`` in ``lang``, without outputs.

    Parameters
    ----------
    source
        A module of :mod:`socprev_kit.teaching.course` (``NUMBER``, ``NAME``, ``CELLS``).
    lang
        ``"nl"`` or ``"fr"``.
    solutions
        Fill the exercises' gaps with their solutions (to test them; never written out).
    """
    from nbformat import v4

    cells = [v4.new_code_cell(PARAMETERS.format(lang=lang), metadata={"tags": ["parameters"]})]
    for cell in source.CELLS:
        if isinstance(cell, dict):
            cells.append(v4.new_markdown_cell(cell[lang].strip()))
        elif isinstance(cell, Exercise):
            code = cell.solution if solutions else cell.task
            cells.append(v4.new_code_cell(code.strip(), metadata={"tags": ["exercise"]}))
        else:
            cells.append(v4.new_code_cell(cell.strip()))
    for index, cell in enumerate(cells):
        cell["id"] = f"cell-{index:02d}"
    kernelspec = {"display_name": "Python 3", "language": "python", "name": "python3"}
    return v4.new_notebook(cells=cells, metadata={"kernelspec": kernelspec})


def execute(nb: NotebookNode, cwd: Path, timeout: int = 300) -> NotebookNode:
    """Run ``nb`` in a fresh kernel in ``cwd``, widgets static; keep only deterministic bits
    (no timing, no ``language_info``); ``timeout``: seconds a cell may take."""
    from nbclient import NotebookClient

    saved = os.environ.get("SOCPREV_KIT_STATIC")
    os.environ["SOCPREV_KIT_STATIC"] = "1"
    try:
        client = NotebookClient(
            nb, timeout=timeout, kernel_name="python3", record_timing=False,
            resources={"metadata": {"path": str(cwd)}},
        )  # fmt: skip
        client.execute()
    finally:
        if saved is None:
            del os.environ["SOCPREV_KIT_STATIC"]
        else:
            os.environ["SOCPREV_KIT_STATIC"] = saved
    nb.metadata.pop("language_info", None)
    nb.metadata.pop("widgets", None)
    return nb


def build_course(
    out: str | Path, *, run: bool = True, solutions: str | Path | None = None
) -> list[Path]:
    """Write every training notebook in every language below ``out``.

    Parameters
    ----------
    out
        The folder (``notebooks/training``); ``<out>/nl`` and ``<out>/fr`` are created.
    run
        Execute the notebooks and store their outputs (see the module docstring).
    solutions
        A folder (``docs/training``) for the trainer's solutions, ``solutions_<lang>.md``; kept
        apart from the notebooks participants get. None: not written.

    Returns
    -------
    list of Path
        The files written.
    """
    import nbformat

    from .course import COURSE

    written = []
    for lang in LANGS:
        folder = Path(out) / lang
        folder.mkdir(parents=True, exist_ok=True)
        for source in COURSE:
            nb = make_notebook(source, lang)
            if run:
                nb = execute(nb, folder)
            target = folder / file_name(source)
            target.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
            written.append(target)
        if solutions is not None:
            Path(solutions).mkdir(parents=True, exist_ok=True)
            target = Path(solutions) / f"solutions_{lang}.md"
            target.write_text(solutions_text(lang), encoding="utf-8")
            written.append(target)
    return written


SOLUTIONS_HEAD = {
    "nl": (
        "# Oplossingen van de oefeningen\n\nVoor de lesgever: geef dit bestand niet aan de "
        "deelnemers. Elke oplossing laat de controle van de oefening slagen op de voorbeelddata. "
        "Gemaakt met `make training`; niet met de hand aanpassen."
    ),
    "fr": (
        "# Solutions des exercices\n\nPour la formatrice ou le formateur : ne distribuez pas ce "
        "fichier aux participants. Chaque solution fait réussir la vérification de l'exercice sur "
        "les données d'exemple. Produit par `make training` ; ne pas modifier à la main."
    ),
}
EXERCISE_WORD = {"nl": "Oefening", "fr": "Exercice"}


def solutions_text(lang: str) -> str:
    """The trainer's solutions in ``lang`` (Markdown): per notebook, each exercise's question
    (the text cell before it), the answered cell and why."""
    from .course import COURSE

    parts = [SOLUTIONS_HEAD[lang]]
    for source in COURSE:
        title, question, number = None, "", 0
        for cell in source.CELLS:
            if isinstance(cell, dict):
                text = cell[lang].strip()
                title = title or text.splitlines()[0].lstrip("# ")
                question = text
            elif isinstance(cell, Exercise):
                number += 1
                if number == 1:
                    parts.append(f"## {file_name(source).removesuffix('.ipynb')}: {title}")
                quoted = "\n".join(f"> {line}".rstrip() for line in question.splitlines())
                parts.append(f"### {EXERCISE_WORD[lang]} {number}\n\n{quoted}")
                parts.append(f"```python\n{cell.solution.strip()}\n```")
                if cell.explain:
                    parts.append(cell.explain[lang].strip())
    return "\n\n".join(parts) + "\n"
