"""Check the canonical tables all at once and return the usable rows with an issues table.

:func:`validate` parses every cell (:mod:`socprev_kit.validation.parsed_tables`), runs every check
of :mod:`socprev_kit.validation.checks`, and returns a :class:`Dataset`: the rows that can be used
(typed, old NIS codes mapped to the current ones) and one issues table with the fixed columns
``file, sheet, row, column, value, check, severity, message``. A row with an error is left out of
the tables and named in the issues table, so nothing the user gave disappears without a word.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..common.errors import ValidationError
from ..data.contract import PROVENANCE, TABLES, normalise_header
from ..data.tables import RawTable, ReadResult, column_letter, without_project
from . import checks
from .issues import Issues
from .messages import LANGS, Lang
from .parsed_tables import parse_table


@dataclass(frozen=True)
class Dataset:
    """The canonical tables of one data set, usable rows only, and every issue found.

    Attributes
    ----------
    registrations, projects, objectives : pandas.DataFrame
        Typed canonical tables with the provenance columns ``source_file``, ``source_sheet`` and
        ``source_row``.
    context : pandas.DataFrame
        Context data: registrations of impact and context indicators that belong to no project
        (police statistics, Statbel figures), for any municipality, with their ``source``. The
        columns of ``registrations`` without ``project_id``; empty when the data hold none.
    issues : pandas.DataFrame
        One row per problem: ``file, sheet, row, column, value, check, severity, message``.
    files : pandas.DataFrame
        The files read, with the number of rows each gave.
    geography : int
        The municipality geography the NIS codes refer to (2025: after the 2025 mergers).
    found : Issues or None
        The issues as found, before they were written in a language (:meth:`issues_in`).
    """

    registrations: pd.DataFrame
    projects: pd.DataFrame
    objectives: pd.DataFrame
    issues: pd.DataFrame
    files: pd.DataFrame = field(default_factory=pd.DataFrame)
    context: pd.DataFrame = field(default_factory=lambda: empty_context())
    geography: int = 2025
    found: Issues | None = field(default=None, repr=False, compare=False)

    def issues_in(self, lang: Lang) -> pd.DataFrame | None:
        """The issues table with its messages in ``lang``, without validating again (None for
        a data set made without :func:`validate`)."""
        return None if self.found is None else self.found.frame(lang)

    @property
    def n_errors(self) -> int:
        return int((self.issues["severity"] == "error").sum())

    @property
    def n_warnings(self) -> int:
        return int((self.issues["severity"] == "warning").sum())

    @property
    def ok(self) -> bool:
        """True when no issue is an error (warnings are allowed)."""
        return self.n_errors == 0


#: Columns of :attr:`Dataset.context`, in order (provenance last, as in every table).
CONTEXT_COLUMNS = (
    "nis_code", "municipality", "period", "indicator_id", "value", "source", "note",
    "nis_code_registered", *PROVENANCE,
)  # fmt: skip


def empty_context() -> pd.DataFrame:
    """A context table with no rows and the dtypes of a read one."""
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in CONTEXT_COLUMNS})
    return frame.astype({"value": "float64", "source_row": "int64"})


def validate(
    data: ReadResult | Dataset | Mapping[str, pd.DataFrame] | pd.DataFrame,
    *,
    lang: Lang = "nl",
    strict: bool = False,
    catalogue: pd.DataFrame | str | Path | None = None,
) -> Dataset:
    """Run every check and return the usable rows with the issues table.

    Parameters
    ----------
    data
        What :func:`socprev_kit.data.reading.read_paths` read, a :class:`Dataset`, a mapping of
        table name (``registrations``, ``projects``, ``objectives``, ``context``) to DataFrame,
        or one DataFrame of registrations. Columns may carry the Dutch or
        French headers.
    lang
        Language of the messages: ``"nl"``, ``"fr"`` or ``"en"``.
    strict
        Raise :class:`~socprev_kit.common.errors.ValidationError` (carrying the issues table) when
        any issue is an error.
    catalogue
        The indicator catalogue, or a file of the user's own indicators to add to the shipped one.

    Examples
    --------
    >>> regs = pd.DataFrame({"project_id": ["P1"], "nis_code": ["44021"], "period": ["2024-03"],
    ...                      "indicator_id": ["I01"], "value": ["-2"]})
    >>> validate(regs, lang="en").issues[["check", "severity"]].values.tolist()
    [['negative_count', 'error'], ['no_projects', 'info']]
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    from ..data.catalogue import indicator_catalogue

    cat = catalogue if isinstance(catalogue, pd.DataFrame) else indicator_catalogue(catalogue)
    read = _as_read_result(data)
    issues = Issues(read.issues)
    raws = without_project(read.tables, cat)
    parsed = {t: parse_table(t, [r for r in raws if r.table == t], issues) for t in TABLES}
    tables = checks.run_all(parsed, cat, issues)
    out = Dataset(
        registrations=tables["registrations"],
        projects=tables["projects"],
        objectives=tables["objectives"],
        context=_context_frame(tables["context"]),
        issues=issues.frame(lang),
        files=pd.DataFrame(read.files, columns=["file", "rows"]),
        found=issues,
    )
    if strict and not out.ok:
        raise ValidationError(out.issues)
    return out


def _context_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """The usable context rows with the columns and dtypes of :func:`empty_context`."""
    if rows.empty:
        return empty_context()
    out = rows.reindex(columns=list(CONTEXT_COLUMNS))
    return out.astype({"value": "float64", "source_row": "int64"})


def _as_registered(context: pd.DataFrame) -> pd.DataFrame:
    """Context rows with their NIS codes as registered, so that validating them again maps and
    reports them as the first time."""
    if "nis_code_registered" not in context:
        return context
    registered = context["nis_code_registered"].astype(object)
    nis = registered.where(registered.notna(), context["nis_code"].astype(object))
    return context.drop(columns="nis_code_registered").assign(nis_code=nis)


def _as_read_result(data: object) -> ReadResult:
    if isinstance(data, ReadResult):
        return data
    if isinstance(data, Dataset):
        data = {
            "registrations": data.registrations,
            "projects": data.projects,
            "objectives": data.objectives,
            **({"context": _as_registered(data.context)} if len(data.context) else {}),
        }
    if isinstance(data, pd.DataFrame):
        data = {"registrations": data}
    if not isinstance(data, Mapping):
        raise TypeError(f"cannot validate a {type(data).__name__}; give DataFrames or read files")
    result = ReadResult()
    for table, frame in data.items():
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}; expected one of {list(TABLES)}")
        result.tables.append(_frame_to_raw(table, frame, result))
    return result


def _frame_to_raw(table: str, frame: pd.DataFrame, result: ReadResult) -> RawTable:
    """An in-memory DataFrame as if it had been read from a file called ``<table>``.

    Columns are taken by position: of two columns with the same meaning the first is read and the
    second reported as ``duplicate_column`` in ``result``.
    """
    from ..data.contract import ALIASES

    mapping = ALIASES[table]
    out: dict[str, np.ndarray] = {}
    headers: dict[str, str] = {}
    letters: dict[str, str] = {}
    for j, c in enumerate(frame.columns):
        canon = c if c in PROVENANCE else mapping.get(normalise_header(c))
        if canon and canon in out:
            hint = f"{headers[canon]} / {c}"
            result.issue(
                "duplicate_column", f"<{table}>", row=1, column=str(c), value=str(c), hint=hint
            )
        elif canon:
            out[canon] = frame.iloc[:, j].to_numpy(dtype=object)
            headers[canon] = str(c)
            letters[canon] = column_letter(j)
    n = len(frame)
    out.setdefault("source_row", np.arange(2, n + 2))  # as if row 1 held the headers
    return RawTable(table, out, headers, decimal_comma=True, file=f"<{table}>", letters=letters)
