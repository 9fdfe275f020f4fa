"""Plan a batch: one job per report, each with its parameters, output name and key.

Everything is checked here, before a kernel starts: the languages, the municipalities and projects
(:mod:`.selection`) and the notebooks' declared parameters (``papermill.inspect_notebook``).

A report's key is a hash of the notebook's bytes, its parameters, the kit (version and source)
and the report's **data version**: the hash of the data that report uses, not of the whole data
set (:func:`socprev_kit.reports.fingerprint.data_version`, by value, computed once per run from
the context the kernels get too: :mod:`.inputs`). For a municipality: its registrations and
context rows; for each of its projects (registered there, lead or member), the project's row,
objectives and registrations in all its municipalities, and its comparison municipalities' rows
and projects; the funnel inputs of the impact counts it has rows of (every municipality's rows of
that indicator); which of its cells the disclosure pattern hides; the validation issues it lists
and the files of its rows. A project's report: the same for the project, plus its
municipalities' context rows. So a report is redone when something it shows or computes from may
have changed, and only then: correcting a value of one project redoes that project's report and
its municipalities' (in each language), a funnel's input redoes the reports that show that
funnel, a comparison municipality's row the projects that compare with it. A report shows its
data version (title, annex, headline); a kernel that was given other data than the plan's shows
another one, its record keeps it and the next run redoes the report (:func:`.store.up_to_date`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from .. import __version__
from ..common.errors import InputError, SocprevError
from ..common.paths import repo_sample, sample_data_path
from .errors import (
    BatchPlanError,
    DataPathError,
    DataReadError,
    NothingToReportError,
    UnknownLanguageError,
)
from .parameters import REQUIRED, Kind, check_parameters, declared

LANGS = ("nl", "fr", "en")
PACKAGE = Path(__file__).resolve().parents[1]
REPO = PACKAGE.parent


@dataclass(frozen=True)
class Job:
    """One report to make. Plain data, so that it travels to a Dask worker as it is."""

    kind: Kind
    id: str
    lang: str
    name_nl: str
    name_fr: str
    notebook: str
    notebook_json: str
    parameters: dict
    cwd: str
    key: str
    kit: str = ""
    #: The hash of the data the report uses (:mod:`.inputs`), part of ``key``.
    data_version: str = ""
    #: Registrations the report covers: the batch starts the largest reports first.
    weight: int = 0
    #: What the index filters it by (province, region, project types, ...: :mod:`.facets`).
    facets: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def stem(self) -> str:
        return f"{self.kind}_{safe_name(self.id)}"

    @property
    def ipynb(self) -> str:
        """Path of the executed notebook, relative to the output folder."""
        return f"{self.lang}/{self.stem}.ipynb"

    @property
    def html(self) -> str:
        return f"{self.lang}/{self.stem}.html"


@dataclass(frozen=True)
class Plan:
    jobs: list[Job]
    data_path: Path
    input_hash: str
    kit_version: str
    notebooks: dict[str, str] = field(default_factory=dict)
    parameters: dict = field(default_factory=dict)
    #: Data files refused whole (not read, too costly, crashed the reader): ``{"file", "check",
    #: "message"}`` each (:func:`.reading.unread_files`); the reports are made without them.
    unread: list[dict] = field(default_factory=list)


def safe_name(text: str) -> str:
    """An id as it may appear in a file name: ``[A-Za-z0-9_-]`` kept, else a short hash added.

    >>> safe_name("GEN-DAM"), safe_name("a/b <c>")
    ('GEN-DAM', 'abc-8afd48e2')
    """
    kept = re.sub(r"[^A-Za-z0-9_-]", "", text)[:40]
    if kept == text and kept:
        return kept
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{kept}-{digest}" if kept else digest


def default_data_path() -> Path:
    """The sample data (:func:`socprev_kit.common.paths.sample_data_path`); where there are
    none, the repository's ``sample_data/clean``, which the plan then names as not found."""
    try:
        return sample_data_path()
    except InputError:
        return repo_sample()


def default_notebook(kind: Kind) -> Path:
    """``notebooks/<kind>_report.ipynb`` of the repository, found from the package, not the cwd.

    Without a project notebook, a municipality notebook that declares ``project_id`` does both.
    """
    path = REPO / "notebooks" / f"{kind}_report.ipynb"
    fallback = REPO / "notebooks" / "municipality_report.ipynb"
    use_fallback = kind == "project" and not path.exists() and fallback.exists()
    if use_fallback and "project_id" in declared(str(fallback)):
        return fallback
    return path


@cache
def kit_fingerprint() -> str:
    """``"<version>+<hash of the package's files>"``: a change of code or data redoes reports."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def report_key(notebook_bytes: bytes, parameters: Mapping, salt: str) -> str:
    """Hash of a notebook, its parameters and ``salt`` (the report's data version and the kit)."""
    text = json.dumps([parameters, salt], sort_keys=True, default=str)
    return hashlib.sha256(notebook_bytes + b"\0" + text.encode("utf-8")).hexdigest()


def plan(
    municipalities: Sequence[str] = (),
    *,
    projects: Sequence[str] = (),
    provinces: Sequence[str] = (),
    regions: Sequence[str] = (),
    police_zones: Sequence[str] = (),
    data: str | Path | None = None,
    langs: Sequence[str] = ("nl", "fr"),
    notebooks: Mapping[Kind, str | Path | None] | None = None,
    parameters: Mapping[str, object] | None = None,
    memory_mb: float | None = None,
) -> Plan:
    """Check the whole request and list the reports to make; see :func:`socprev_kit.batch.batch`
    (``memory_mb``: the ceiling of the process that reads the data, :mod:`.reading`).

    Raises
    ------
    BatchPlanError
        With every problem found: unknown language, municipality, project, group, notebook or
        parameter, or data that cannot be read.
    """
    extra = dict(parameters or {})
    errors: list[SocprevError] = [UnknownLanguageError(g, LANGS) for g in langs if g not in LANGS]
    data_path, paths = resolve(data, notebooks)
    if not data_path.exists():
        errors.append(DataPathError(data_path))
        raise BatchPlanError(errors)
    from ..data.reading import input_hash
    from .facets import report_facets
    from .inputs import data_versions
    from .reading import read_and_validate, unread_files
    from .selection import select

    data_hash = input_hash(data_path)
    try:
        read, dataset = read_and_validate(str(data_path), data_hash, memory_mb)
    except DataReadError as exc:
        raise BatchPlanError([*errors, exc]) from None
    chosen = select(dataset, municipalities, projects, provinces, regions, police_zones)
    errors += chosen.errors
    wanted = {"municipality": chosen.municipalities, "project": chosen.projects}
    groups = municipalities or provinces or regions or police_zones
    asked = {"municipality": bool(wanted["municipality"] or groups),
             "project": bool(wanted["project"] or projects)}  # fmt: skip
    typed = {}
    for kind in (k for k in REQUIRED if asked[k]):  # a notebook is checked when asked for
        typed[kind], problems = check_parameters(paths[kind], kind, extra)
        errors += problems
    if not errors and not (wanted["municipality"] or wanted["project"]):
        errors.append(NothingToReportError(data_path))
    if errors:
        raise BatchPlanError(errors)
    kit = kit_fingerprint()
    versions = data_versions(str(data_path), data_hash, memory_mb, wanted)
    jobs = _jobs(wanted, langs, paths, typed, data_path, (versions, kit))
    facets = report_facets(dataset, {(j.kind, j.id) for j in jobs})
    weights = _weights(dataset)
    jobs = [
        replace(j, weight=weights[j.kind].get(j.id, 0), facets=facets[j.kind, j.id]) for j in jobs
    ]
    used = {k: str(paths[k]) for k in REQUIRED if wanted[k]}
    return Plan(jobs, data_path, data_hash, kit, used, extra, unread_files(read, dataset))


def _jobs(
    wanted: dict[Kind, list],
    langs: Sequence[str],
    paths: dict[Kind, Path],
    typed: dict[Kind, dict],
    data_path: Path,
    hashes: tuple[dict, str],
) -> list[Job]:
    """One job per language, kind and municipality or project, in that order."""
    raw = {kind: paths[kind].read_bytes() for kind in REQUIRED if wanted[kind]}
    common = {k: {"data_path": str(data_path), **typed[k]} for k in raw}
    return [
        _job(kind, item, lang, paths[kind], raw[kind], common[kind], hashes)
        for lang in dict.fromkeys(langs)
        for kind in REQUIRED
        for item in wanted[kind]
    ]


def _job(
    kind: Kind,
    item: tuple[str, str, str],
    lang: str,
    notebook: Path,
    raw: bytes,
    common: dict,
    hashes: tuple[dict, str],
) -> Job:
    """``hashes``: the data version of each ``(kind, id)`` and the kit's fingerprint."""
    ident, name_nl, name_fr = item
    params = {REQUIRED[kind][0]: ident, "lang": lang, **common}
    version, kit = hashes[0][kind, ident], hashes[1]
    key = report_key(raw, params, version + kit)
    text, cwd = raw.decode("utf-8"), str(notebook.parent)
    return Job(kind, ident, lang, name_nl, name_fr, str(notebook), text, params, cwd, key, kit,
               version)  # fmt: skip


def resolve(
    data: str | Path | None, notebooks: Mapping[Kind, str | Path | None] | None
) -> tuple[Path, dict[Kind, Path]]:
    """The data path and the notebook of each kind, given or by default (absolute paths)."""
    data_path = Path(data).expanduser().resolve() if data else default_data_path()
    given = notebooks or {}
    paths = {
        kind: Path(given[kind]).expanduser().resolve()
        if given.get(kind)
        else default_notebook(kind)
        for kind in REQUIRED
    }
    return data_path, paths


def _weights(dataset) -> dict[Kind, dict[str, int]]:  # noqa: ANN001 - a Dataset
    """How many registrations each report covers (its municipality's, or its project's), counted
    once for all reports (once per report, a national plan took minutes)."""
    regs = dataset.registrations
    by = {"municipality": "nis_code", "project": "project_id"}
    return {k: regs[c].astype(str).value_counts().to_dict() for k, c in by.items()}
