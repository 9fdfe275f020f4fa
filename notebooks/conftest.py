"""nbval for every notebook under ``notebooks/``: ``pytest --nbval notebooks/``, no other flag.

- The kernels run with ``SOCPREV_KIT_STATIC=1``: the course's widgets show a PNG and an HTML
  table instead of widget model ids, as in the stored outputs. Kernels inherit this environment.
- ``sanitize.cfg`` next to this file masks what truly varies between runs (dates of the run,
  versions, paths) unless ``--nbval-sanitize-with`` names another file.
- The report templates keep no outputs; nbval compares them with their reference copies in
  ``reference/``, which are not collected themselves (see ``socprev_kit.cli.references``).
- Folders a batch wrote (a course notebook makes reports next to itself) are not collected.
- The cells of a notebook run in order on one kernel, whatever reordered the tests before
  (pytest-randomly shuffles items, and a kernel would restart between cells of one notebook).
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbval.plugin import IPyNbCell, IPyNbFile

from socprev_kit.cli.references import REFRESH, TEMPLATES, reference_path, with_reference_outputs
from socprev_kit.common.errors import SocprevError

HERE = Path(__file__).resolve().parent
SANITIZE = HERE / "sanitize.cfg"
#: The reference copies of the report templates: compared, never run on their own.
collect_ignore = ["reference"]


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Skip what a batch wrote (``manifest.json`` and ``.records/``, e.g. the reports course
    notebook 07 makes in ``reports_course/``): executed reports, outputs and not sources."""
    if collection_path.is_dir() and (collection_path / "manifest.json").is_file():
        return (collection_path / ".records").is_dir() or None
    return None


def pytest_configure(config: pytest.Config) -> None:
    option = config.option
    if not (getattr(option, "nbval", False) or getattr(option, "nbval_lax", False)):
        return
    os.environ["SOCPREV_KIT_STATIC"] = "1"
    given = (getattr(option, name, None) for name in ("nbval_sanitize_with", "sanitize_with"))
    if not any(given):
        option.nbval_sanitize_with = str(SANITIZE)


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path: Path, parent: pytest.Collector):  # noqa: ANN201
    """nbval's collector of a report template compares with the template's reference copy."""
    collected = yield
    if file_path.parent != HERE or file_path.name not in TEMPLATES:
        return collected
    return [
        TemplateFile.from_parent(parent, path=file_path, reference=reference_path(file_path))
        if type(node) is IPyNbFile
        else node
        for node in collected
    ]


class TemplateFile(IPyNbFile):
    """A report template, checked against the outputs of its reference copy."""

    def __init__(self, *args, reference: Path, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.reference = reference
        # The same values as the text/plain repr, which is sanitized; JSON never is.
        self.skip_compare = (*self.skip_compare, "application/vnd.socprev.headline+json")

    def collect(self) -> list[pytest.Item]:
        items = list(super().collect())  # reads the template into self.nb
        if not self.reference.is_file():
            raise self.CollectError(
                f"{self.path.name}: no reference copy {self.reference} to compare with; make it "
                f"with {REFRESH}"
            )
        reference = nbformat.read(self.reference, as_version=4)
        try:
            with_reference_outputs(self.nb, reference, self.path.name)
        except SocprevError as exc:
            raise self.CollectError(str(exc)) from exc
        return items


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Notebook cells together, notebook by notebook, each notebook's cells in order.

    The notebooks keep the order in which they first appear (so a shuffle still varies which
    notebook runs first), at the place of the first cell; other items keep their order.
    """
    cells = [item for item in items if isinstance(item, IPyNbCell)]
    if not cells:
        return
    first = next(i for i, item in enumerate(items) if isinstance(item, IPyNbCell))
    rest = [item for item in items if not isinstance(item, IPyNbCell)]
    notebooks: dict[str, int] = {}
    for cell in cells:
        notebooks.setdefault(cell.parent.nodeid, len(notebooks))
    cells.sort(key=lambda cell: (notebooks[cell.parent.nodeid], cell.cell_num))
    items[:] = [*rest[:first], *cells, *rest[first:]]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """With ``-n N``, every cell of a notebook goes to one worker, in order (``--dist
    loadscope``, as nbval advises); a ``--dist`` given explicitly is kept."""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    return LoadScopeScheduling(config, log)
