"""The raw tables of one kind as one parsed table: every cell typed, each distinct value once.

:func:`parse_table` stacks what the readers gave, drops blank rows, reports missing columns and
total rows, and parses each column of the contract; the checks
(:mod:`socprev_kit.validation.checks`) then work on the rows it marked usable.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import parsing
from ..data.contract import PROVENANCE, TABLES, column_names
from ..data.tables import RawTable, as_numpy
from .issues import Issues
from .messages import NO_PROJECT_HINT
from .totals import first_total, total_rows


def parse_table(table: str, raws: list[RawTable], issues: Issues) -> pd.DataFrame:
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
    total = total_rows(table, raw, factors)
    issues.add("total_row", raw[total], value=raw.loc[total, names].apply(first_total, axis=1))
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
            if col.name == "nis_code" and table in ("registrations", "context"):
                miss &= parsing.is_blank(raw["municipality"])
            hint = NO_PROJECT_HINT if (table, col.name) == ("registrations", "project_id") else ""
            issues.add("missing_value", raw[miss], column=shown, hint=hint)
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
    if (
        table in ("registrations", "context")
        and "nis_code" in missing
        and "municipality" in present
    ):
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
