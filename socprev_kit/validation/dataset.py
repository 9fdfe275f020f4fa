"""Check the canonical tables all at once and return the usable rows with an issues table.

:func:`validate` parses every cell with :mod:`socprev_kit.data.parsing`, runs every check of
:mod:`socprev_kit.validation.checks`, and returns a :class:`Dataset`: the rows that can be used
(typed, old NIS codes mapped to the current ones) and one issues table with the fixed columns
``file, sheet, row, column, value, check, severity, message``. A row with an error is left out of
the tables and named in the issues table, so nothing the user gave disappears without a word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..common.errors import ValidationError
from ..data import parsing
from ..data.contract import PROVENANCE, TABLES, column_names, normalise_header
from ..data.tables import RawTable, ReadResult, as_numpy, column_letter
from . import checks
from .issues import Issues
from .messages import LANGS, Lang

TOTAL_WORDS = {
    "totaal",
    "total",
    "totale",
    "totaux",
    "som",
    "somme",
    "sum",
    "subtotaal",
    "sous total",
    "subtotal",
    "grand total",
    "eindtotaal",
    "total general",
    "total général",
    "algemeen totaal",
}


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
    found : Issues or None
        The issues as found, before they were written in a language (:meth:`issues_in`).
    """

    registrations: pd.DataFrame
    projects: pd.DataFrame
    objectives: pd.DataFrame
    issues: pd.DataFrame
    files: pd.DataFrame = field(default_factory=pd.DataFrame)
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
        table
        name to DataFrame, or one DataFrame of registrations. Columns may carry the Dutch or French
        headers.
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
    parsed = {t: _parse_table(t, [r for r in read.tables if r.table == t], issues) for t in TABLES}
    tables = checks.run_all(parsed, cat, issues)
    out = Dataset(
        registrations=tables["registrations"],
        projects=tables["projects"],
        objectives=tables["objectives"],
        issues=issues.frame(lang),
        files=pd.DataFrame(read.files, columns=["file", "rows"]),
        found=issues,
    )
    if strict and not out.ok:
        raise ValidationError(out.issues)
    return out


def _as_read_result(data: object) -> ReadResult:
    if isinstance(data, ReadResult):
        return data
    if isinstance(data, Dataset):
        data = {
            "registrations": data.registrations,
            "projects": data.projects,
            "objectives": data.objectives,
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


def _parse_table(table: str, raws: list[RawTable], issues: Issues) -> pd.DataFrame:
    """Concatenate the raw tables of one kind and parse every column.

    Adds ``_bad`` (the row cannot be used) and ``_skip`` (its cells are not checked one by one).
    """
    names = column_names(table)
    cols = [*names, *PROVENANCE]
    sizes = [len(r) for r in raws] if raws else [0]
    # categoricals of the cells as typed: each distinct value is parsed once
    raw = pd.DataFrame({c: _stack(raws, c, sizes) for c in cols})
    raw["_src"] = np.repeat(np.arange(len(sizes)), sizes)
    raw["_comma"] = np.repeat([r.decimal_comma for r in raws] or [True], sizes)
    raw["_missing"] = np.repeat(
        [_missing_required(table, r, issues) for r in raws] or [False], sizes
    )
    factors = {}  # per column: row codes, distinct values, and those as stripped text
    for c in names:
        uniques = pd.Series(raw[c].cat.categories.to_numpy(dtype=object), dtype=object)
        factors[c] = (raw[c].cat.codes.to_numpy(), uniques, parsing.as_text_distinct(uniques))
    raw, factors = _drop_blank_rows(raw, factors, raws, issues)
    headers = np.empty(len(raws), dtype=object)
    headers[:] = [r.headers for r in raws]
    raw["_shown"] = headers[raw["_src"].to_numpy(dtype=int)] if len(raws) else None
    bad = raw["_missing"].astype(bool).copy()
    total = _total_rows(table, raw, factors)
    issues.add("total_row", raw[total], value=raw.loc[total, names].apply(_first_total, axis=1))
    bad |= total
    skip = bad.copy()  # rows not checked cell by cell: totals, sheets without a required column
    out = raw[[*PROVENANCE]].copy()
    for col in TABLES[table]:
        shown = col.name  # Issues.add shows each row's own header for it
        values, blank, failed, serial, check = _parse_column(
            col.kind, *factors[col.name], raw["_comma"]
        )
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
        if serial is not None:
            serial = serial & ~failed & live & ~blank
            hint = values[serial].dt.strftime("%Y-%m-%d") if col.kind != "period" else values
            issues.add(
                "excel_serial_date", raw[serial], column=shown, value=raw[col.name], hint=hint
            )
        out[col.name] = values
        if col.name == "value":  # the cell as typed, for the messages (one text per distinct cell)
            codes, _, text = factors["value"]
            out["_value_text"] = parsing.spread_categorical(codes, text, raw.index)
    out["_bad"] = bad
    out["_skip"] = skip
    out["_shown"] = raw["_shown"]
    return out


def _stack(raws: list[RawTable], column: str, sizes: list[int]) -> pd.Series:
    """One column of all raw tables end to end, as a categorical (``None`` where a table lacks
    the column): every later step works on its few distinct values.

    Columns that all came from Arrow (large CSV data sets) are encoded by Arrow; others are
    factorized by pandas.
    """
    parts = [r.columns.get(column) for r in raws]
    if column == "source_row":
        return pd.Series(np.concatenate(parts) if parts else np.array([], dtype=int))
    if column in ("source_file", "source_sheet", "source_column") and all(p is None for p in parts):
        labels = [r.provenance(column) for r in raws]
        codes, uniques = pd.factorize(pd.Series(labels, dtype=object))
        return pd.Series(
            pd.Categorical.from_codes(
                np.repeat(codes, sizes) if parts else np.array([], dtype=int),
                categories=pd.Index(uniques, dtype=object),
            )
        )
    if parts and all(p is not None and not isinstance(p, np.ndarray) for p in parts):
        import pyarrow as pa
        import pyarrow.compute as pc

        chunks = [c for p in parts for c in (p.chunks if hasattr(p, "chunks") else [p])]
        encoded = pc.dictionary_encode(pa.chunked_array(chunks, type=pa.string()))
        encoded = encoded.combine_chunks()
        codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False)
        uniques = pd.Index(encoded.dictionary.to_pylist(), dtype=object)
        return pd.Series(pd.Categorical.from_codes(codes.astype(np.int64), categories=uniques))
    parts = [r.column(column) for r in raws]
    arrays = [
        np.full(n, None, dtype=object) if p is None else as_numpy(p).astype(object, copy=False)
        for p, n in zip(parts, sizes, strict=False)
    ]
    values = np.concatenate(arrays) if arrays else np.array([], dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return pd.Series(pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object)))


def _drop_blank_rows(
    raw: pd.DataFrame, factors: dict, raws: list[RawTable], issues: Issues
) -> tuple[pd.DataFrame, dict]:
    """Rows with nothing typed in any known column are not data; a file left with none is empty."""
    typed = np.zeros(len(raw), dtype=bool)
    for codes, _, text in factors.values():
        blank = np.append(text.isna().to_numpy(dtype=bool), True)
        typed |= ~blank[codes]
    kept = raw[typed].reset_index(drop=True)
    for i in sorted(set(range(len(raws))) - set(np.unique(kept["_src"].to_numpy(dtype=int)))):
        issues.records.append(
            {
                "file": raws[i].file,
                "sheet": raws[i].sheet,
                "row": None,
                "column": "",
                "value": "",
                "check": "empty_file",
                "hint": "",
            }
        )
    return kept, {c: (codes[typed], u, t) for c, (codes, u, t) in factors.items()}


def _parse_column(
    kind: str, codes: np.ndarray, uniques: pd.Series, text: pd.Series, comma: pd.Series
):
    """Parse one column, each distinct value once.

    Returns the parsed values, masks of blank cells, of cells holding something unreadable and
    (periods and dates) of Excel serial numbers, and the check that reports unreadable cells.
    Identifiers, codes and periods come back as categoricals, which later checks group and match
    quickly.
    """
    index = comma.index
    blank = parsing.spread(codes, text.isna(), True, index).astype(bool)
    parsers = {
        "period": (parsing.parse_period_distinct, "bad_period"),
        "date": (parsing.parse_date_distinct, "bad_date"),
        "nis": (parsing.parse_nis_distinct, "bad_nis"),
        "code": (lambda u: text, None),
    }
    if kind in ("number", "int"):
        flags = comma.to_numpy(dtype=bool)
        parsed = pd.Series(np.nan, index=index)
        for flag in np.unique(flags).tolist():
            part = parsing.spread(
                codes, parsing.parse_number_distinct(uniques, flag), np.nan, index
            )
            parsed = parsed.where(flags != flag, part)
        parsed, check = parsed.astype("float64"), "bad_number"
        if kind == "int":  # a whole number or nothing: 2,5 months of lag is unreadable
            whole = (parsed.round() == parsed) & (parsed.abs() < 2**53)  # exact as an integer
            parsed = parsed.where(whole).astype("Int64")
    elif kind in ("date", "end"):
        parsed = pd.to_datetime(
            parsing.spread(codes, parsing.parse_date_distinct(uniques), pd.NaT, index)
        )
        check = "bad_date"
        if kind == "end":  # 31/12/9999: no end, as a blank cell
            blank |= parsing.spread(codes, parsing.is_open_end(uniques), False, index).astype(bool)
    elif kind in parsers:
        fn, check = parsers[kind]
        parsed = parsing.spread_categorical(codes, fn(uniques), index)
    else:
        values = parsing.parse_list(text) if kind == "list" else text
        parsed = parsing.spread(codes, values, () if kind == "list" else None, index)
        check = None
    failed = parsed.isna() & ~blank if check else pd.Series(False, index=index)
    serial = None
    if kind in ("period", "date", "end"):
        serial = parsing.spread(
            codes, parsing.is_excel_serial_distinct(uniques).astype(bool), False, index
        ).astype(bool)
    return parsed, blank, failed, serial, check


def _missing_required(table: str, raw: RawTable, issues: Issues) -> bool:
    """Report required columns absent from one file or sheet; True when its rows are unusable."""
    present = set(raw.columns)
    missing = [c for c in column_names(table) if c not in present and c in _required(table)]
    if table == "registrations" and "nis_code" in missing and "municipality" in present:
        missing.remove("nis_code")  # names are turned into codes
    rows = raw.columns["source_row"]
    header_row = int(rows[0]) - 1 if len(rows) else None
    for c in missing:
        issues.records.append(
            {
                "file": raw.file,
                "sheet": raw.sheet,
                "row": header_row,
                "column": c,
                "value": "",
                "check": "missing_column",
                "hint": "",
            }
        )
    return bool(missing)


def _required(table: str) -> set[str]:
    return {c.name for c in TABLES[table] if c.required}


def _total_rows(table: str, raw: pd.DataFrame, factors: dict) -> pd.Series:
    """Rows with a total word in a cell: the word alone anywhere, or first in an identifier cell
    (``Totaal januari``, ``Sous-total``); free text such as a note may start with one."""
    kinds = {c.name: c.kind for c in TABLES[table]}
    mask = np.zeros(len(raw), dtype=bool)
    for name, (codes, uniques, _) in factors.items():
        words = _is_total(_fold_unique(uniques), start=kinds[name] in ("code", "nis", "period"))
        mask |= np.append(words.to_numpy(dtype=bool), False)[codes]
    return pd.Series(mask, index=raw.index)


#: A total word first in a folded cell, followed by more words (``Totaal januari``). The short
#: words (``som``, ``sum``) count only alone: a project id such as ``SOM-2024`` is no total.
_TOTAL_FIRST = "(?:{})(?: |$)".format(
    "|".join(map(re.escape, sorted((w for w in TOTAL_WORDS if len(w) > 3), key=len)[::-1]))
)


def _is_total(folded: pd.Series, start: bool = True) -> pd.Series:
    """True for a total word alone or, with ``start``, followed by more words."""
    alone = folded.isin(TOTAL_WORDS)
    if not start:
        return alone
    return alone | folded.str.match(_TOTAL_FIRST).fillna(False).astype(bool)


def _fold_words(col: pd.Series) -> pd.Series:
    return parsing.map_unique(col, _fold_unique)


def _fold_unique(col: pd.Series) -> pd.Series:
    text = col.map(lambda v: v if isinstance(v, str) else None).astype("object")
    text = text.str.strip().str.lower()
    return text.str.replace(r"[\s_\-:]+", " ", regex=True).str.strip().astype("object")


def _first_total(row: pd.Series) -> str:
    for v in row:
        if isinstance(v, str) and _is_total(_fold_words(pd.Series([v], dtype=object))).iat[0]:
            return v
    return ""
