"""Check the canonical tables all at once and return the usable rows with an issues table.

:func:`validate` parses every cell with :mod:`socprev_kit.parsing`, runs every check of
:mod:`socprev_kit.checks`, and returns a :class:`Dataset`: the rows that can be used (typed, old NIS
codes mapped to the current ones) and one issues table with the fixed columns
``file, sheet, row, column, value, check, severity, message``. A row with an error is left out of the
tables and named in the issues table, so nothing the user gave disappears without a word.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import checks, parsing
from .contract import PROVENANCE, TABLES, column_names, normalise_header
from .errors import ValidationError
from .loading import RawTable, ReadResult
from .messages import CHECKS, LANGS, Lang, message

ISSUE_COLUMNS = ["file", "sheet", "row", "column", "value", "check", "severity", "message"]
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
TOTAL_WORDS = {"totaal", "total", "totale", "totaux", "som", "somme", "sum", "subtotaal",
               "sous total", "subtotal", "grand total", "eindtotaal", "total general",
               "total général", "algemeen totaal"}


@dataclass(frozen=True)
class Dataset:
    """The canonical tables of one data set, usable rows only, and every issue found.

    Attributes
    ----------
    registrations, projects, objectives : pandas.DataFrame
        Typed canonical tables with the provenance columns ``source_file``, ``source_sheet`` and
        ``source_row``.
    issues : pandas.DataFrame
        One row per problem: ``file, sheet, row, column, value, check, severity, message``.
    files : pandas.DataFrame
        The files read, with the number of rows each gave.
    geography : int
        The municipality geography the NIS codes refer to (2025: after the 2025 mergers).
    """

    registrations: pd.DataFrame
    projects: pd.DataFrame
    objectives: pd.DataFrame
    issues: pd.DataFrame
    files: pd.DataFrame = field(default_factory=pd.DataFrame)
    geography: int = 2025

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


class Issues:
    """Collects issues as plain records; :meth:`frame` renders them in one language."""

    def __init__(self, records: list[dict] | None = None) -> None:
        self.records: list[dict] = list(records or [])

    def add(self, check: str, rows: pd.DataFrame, *, column: str | pd.Series = "",
            value: object = None, hint: object = "") -> None:
        """One issue per row of ``rows`` (which carries the provenance columns)."""
        if check not in CHECKS:
            raise KeyError(check)
        if len(rows) == 0:
            return
        n = len(rows)

        def col(x: object) -> list:
            if isinstance(x, pd.Series):
                return x.reindex(rows.index).tolist()
            return [x] * n

        for f, s, r, c, v, h in zip(rows["source_file"], rows["source_sheet"], rows["source_row"],
                                    col(column), col(value), col(hint), strict=True):
            self.records.append({"file": f, "sheet": s, "row": r, "column": c, "value": v,
                                 "check": check, "hint": h})

    def frame(self, lang: Lang = "nl") -> pd.DataFrame:
        if not self.records:
            return pd.DataFrame({c: pd.Series(dtype="object") for c in ISSUE_COLUMNS})
        df = pd.DataFrame.from_records(self.records)
        df["value"] = df["value"].map(_show)
        df["hint"] = df["hint"].map(lambda h: "" if h is None or h != h else str(h))
        df["severity"] = df["check"].map(lambda c: CHECKS[c][0])
        df["message"] = [
            message(c, lang, value=v, column=col, hint=h)
            for c, v, col, h in zip(df["check"], df["value"], df["column"], df["hint"], strict=True)
        ]
        df["row"] = pd.to_numeric(df["row"], errors="coerce").astype("Int64")
        for c in ("file", "sheet", "column"):
            df[c] = df[c].fillna("").astype(str)
        df = df.sort_values(
            ["severity", "file", "sheet", "row"],
            key=lambda s: s.map(_SEVERITY_ORDER) if s.name == "severity" else s,
            kind="stable",
        )
        return df[ISSUE_COLUMNS].reset_index(drop=True)


def _show(v: object) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


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
        What :func:`socprev_kit.loading.read_paths` read, a :class:`Dataset`, a mapping of table
        name to DataFrame, or one DataFrame of registrations. Columns may carry the Dutch or French
        headers.
    lang
        Language of the messages: ``"nl"``, ``"fr"`` or ``"en"``.
    strict
        Raise :class:`~socprev_kit.errors.ValidationError` (carrying the issues table) when any
        issue is an error.
    catalogue
        The indicator catalogue, or a file of the user's own indicators to add to the shipped one.

    Examples
    --------
    >>> regs = pd.DataFrame({"project_id": ["P1"], "nis_code": ["44021"], "period": ["2024-03"],
    ...                      "indicator_id": ["I01"], "value": ["-2"]})
    >>> validate(regs, lang="en").issues[["check", "severity"]].values.tolist()
    [['negative_count', 'error']]
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    from .catalogue import indicator_catalogue

    cat = catalogue if isinstance(catalogue, pd.DataFrame) else indicator_catalogue(catalogue)
    read = _as_read_result(data)
    issues = Issues(read.issues)
    parsed = {t: _parse_table(t, [r for r in read.tables if r.table == t], issues)
              for t in TABLES}
    tables = checks.run_all(parsed, cat, issues)
    out = Dataset(
        registrations=tables["registrations"],
        projects=tables["projects"],
        objectives=tables["objectives"],
        issues=issues.frame(lang),
        files=pd.DataFrame(read.files, columns=["file", "rows"]),
    )
    if strict and not out.ok:
        raise ValidationError(out.issues)
    return out


def _as_read_result(data: object) -> ReadResult:
    if isinstance(data, ReadResult):
        return data
    if isinstance(data, Dataset):
        data = {"registrations": data.registrations, "projects": data.projects,
                "objectives": data.objectives}
    if isinstance(data, pd.DataFrame):
        data = {"registrations": data}
    if not isinstance(data, Mapping):
        raise TypeError(f"cannot validate a {type(data).__name__}; give DataFrames or read files")
    result = ReadResult()
    for table, frame in data.items():
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}; expected one of {list(TABLES)}")
        result.tables.append(_frame_to_raw(table, frame))
    return result


def _frame_to_raw(table: str, frame: pd.DataFrame) -> RawTable:
    """An in-memory DataFrame as if it had been read from a file called ``<table>``."""
    from .contract import ALIASES

    mapping = ALIASES[table]
    out: dict[str, object] = {}
    headers: dict[str, str] = {}
    for c in frame.columns:
        canon = c if c in PROVENANCE else mapping.get(normalise_header(c))
        if canon and canon not in out:
            out[canon] = frame[c].astype("object").to_numpy()
            headers[canon] = str(c)
    raw = pd.DataFrame(out, index=pd.RangeIndex(len(frame)), dtype=object)
    if "source_file" not in raw:
        raw["source_file"] = f"<{table}>"
    if "source_sheet" not in raw:
        raw["source_sheet"] = ""
    if "source_row" not in raw:
        raw["source_row"] = range(2, len(frame) + 2)  # as if row 1 held the headers
    return RawTable(table, raw, headers, decimal_comma=True)


def _parse_table(table: str, raws: list[RawTable], issues: Issues) -> pd.DataFrame:
    """Concatenate the raw tables of one kind and parse every column; adds ``_bad`` (row unusable)."""
    names = column_names(table)
    parts = []
    for i, raw in enumerate(raws):
        f = raw.frame.copy()
        for c in names:
            if c not in f:
                f[c] = None
        f["_src"] = i
        f["_comma"] = raw.decimal_comma
        f["_missing"] = _missing_required(table, raw, issues)
        parts.append(f[[*names, *PROVENANCE, "_src", "_comma", "_missing"]])
    if not parts:
        cols = [*names, *PROVENANCE, "_src", "_comma", "_missing"]
        parts = [pd.DataFrame({c: pd.Series(dtype="object") for c in cols})]
    raw = pd.concat(parts, ignore_index=True)
    headers = [r.headers for r in raws]
    bad = raw["_missing"].astype(bool).copy()
    total = _total_rows(raw, names)
    issues.add("total_row", raw[total], value=raw.loc[total, names].apply(_first_total, axis=1))
    bad |= total
    skip = bad.copy()  # rows not checked cell by cell: totals, sheets without a required column
    out = raw[[*PROVENANCE]].copy()
    for col in TABLES[table]:
        shown = raw["_src"].map(lambda i, c=col.name: headers[i].get(c, c))
        values, failed, check = _parse_column(col.kind, raw[col.name], raw["_comma"])
        blank = parsing.is_blank(raw[col.name])
        live = ~skip
        if col.required:
            miss = blank & live & ~raw["_missing"]
            if col.name == "nis_code" and table == "registrations":
                miss &= parsing.is_blank(raw["municipality"])
            issues.add("missing_value", raw[miss], column=shown)
            bad |= miss
        if check:
            issues.add(check, raw[failed & live], column=shown, value=raw[col.name])
            bad |= failed
        if col.kind in ("period", "date"):
            serial = parsing.is_excel_serial(raw[col.name]).fillna(False) & ~failed & live & ~blank
            hint = values.dt.strftime("%Y-%m-%d") if col.kind == "date" else values
            issues.add("excel_serial_date", raw[serial], column=shown, value=raw[col.name],
                       hint=hint)
        out[col.name] = values
    out["_bad"] = bad
    out["_skip"] = skip
    out["_shown"] = raw["_src"].map(lambda i: headers[i])
    return out


def _parse_column(kind: str, values: pd.Series, comma: pd.Series) -> tuple[pd.Series, pd.Series,
                                                                          str | None]:
    """Parsed values, a mask of cells that hold something unreadable, and the check to report."""
    if kind == "number" or kind == "int":
        parsed = parsing.parse_number(values, comma)
        check = "bad_number"
    elif kind == "period":
        parsed, check = parsing.parse_period(values), "bad_period"
    elif kind == "date":
        parsed, check = parsing.parse_date(values), "bad_date"
    elif kind == "nis":
        parsed, check = parsing.parse_nis(values), "bad_nis"
    elif kind == "list":
        return parsing.parse_list(values), pd.Series(False, index=values.index), None
    else:
        return parsing.parse_code(values), pd.Series(False, index=values.index), None
    failed = parsed.isna() & ~parsing.is_blank(values)
    return parsed, failed, check


def _missing_required(table: str, raw: RawTable, issues: Issues) -> bool:
    """Report required columns absent from one file or sheet; True when its rows are unusable."""
    present = set(raw.frame.columns)
    missing = [c for c in column_names(table) if c not in present and c in _required(table)]
    if table == "registrations" and "nis_code" in missing and "municipality" in present:
        missing.remove("nis_code")  # names are turned into codes
    for c in missing:
        first = raw.frame.head(1)
        if first.empty:
            continue
        issues.add("missing_column", first.assign(source_row=first["source_row"] - 1), column=c)
    return bool(missing)


def _required(table: str) -> set[str]:
    return {c.name for c in TABLES[table] if c.required}


def _total_rows(raw: pd.DataFrame, names: list[str]) -> pd.Series:
    mask = pd.Series(False, index=raw.index)
    for c in names:
        folded = _fold_words(raw[c])
        mask |= folded.isin(TOTAL_WORDS).fillna(False).astype(bool)
    return mask


def _fold_words(col: pd.Series) -> pd.Series:
    try:
        text = col.astype("object").str.strip().str.lower()
    except AttributeError:  # no text in this column at all
        return pd.Series(None, index=col.index, dtype="object")
    return text.str.replace(r"[\s_\-:]+", " ", regex=True).str.strip().astype("object")


def _first_total(row: pd.Series) -> str:
    for v in row:
        if isinstance(v, str) and _fold_words(pd.Series([v], dtype=object)).iat[0] in TOTAL_WORDS:
            return v
    return ""
