"""The issues table: one row per problem, with fixed columns, rendered in the user's language.

Checks collect plain records (where, which check, the value, a hint); :meth:`Issues.frame` turns
them into the table ``file, sheet, row, column, value, check, severity, message`` in nl, fr or en,
errors first.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator

import numpy as np
import pandas as pd

from .messages import CHECKS, Lang, column_header, message

ISSUE_COLUMNS = ["file", "sheet", "row", "column", "value", "check", "severity", "message"]
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class Issues:
    """Collects issues as plain records; :meth:`frame` renders them in one language.

    One check in one column of one file or sheet is listed row by row up to ``cap`` issues
    (:attr:`~socprev_kit.common.limits.Limits.issues_per_check`); the rows beyond are kept in
    :attr:`beyond` as row numbers only and named together by one issue (``more_rows_<severity>``,
    their row numbers as ranges), so a file of a million broken rows stays small.
    """

    def __init__(self, records: list[dict] | None = None, cap: int | None = None) -> None:
        from ..common.limits import limits

        self.records: list[dict] = list(records or [])
        self.cap = limits().issues_per_check if cap is None else cap
        self.listed: dict[tuple, int] = {}
        self.beyond: dict[tuple, array] = {}  # (file, sheet, check, column) -> rows

    def add(
        self,
        check: str,
        rows: pd.DataFrame,
        *,
        column: str | pd.Series = "",
        value: object = None,
        hint: object = "",
    ) -> None:
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

        columns = col(column)
        if isinstance(column, str) and "_shown" in rows:  # the header as written in each file
            columns = [
                h.get(column, column) if isinstance(h, dict) else column for h in rows["_shown"]
            ]
        for f, s, r, c, v, h in zip(
            rows["source_file"],
            rows["source_sheet"],
            rows["source_row"],
            columns,
            col(value),
            col(hint),
            strict=True,
        ):
            key = (f, s, check, c)
            listed = self.listed.get(key, 0)
            if listed >= self.cap and isinstance(r, int | np.integer):
                self.beyond.setdefault(key, array("q")).append(int(r))
                continue
            self.listed[key] = listed + 1
            self.records.append(
                {
                    "file": f,
                    "sheet": s,
                    "row": r,
                    "column": c,
                    "value": v,
                    "check": check,
                    "hint": h,
                }
            )

    def named(self) -> Iterator[tuple[object, object, int]]:
        """``(file, sheet, row)`` of every row named in :attr:`beyond` (the rows the issues
        ``more_rows_*`` stand for)."""
        for (f, s, _, _), rows in self.beyond.items():
            for r in rows:
                yield f, s, r

    def _summaries(self) -> list[dict]:
        """One record per key of :attr:`beyond`: how many rows, and which, as ranges."""
        out = []
        for (f, s, check, c), rows in self.beyond.items():
            hint = {g: f"{check}; {ROWS_WORD[g]} {row_ranges(rows)}" for g in ROWS_WORD}
            out.append(
                {
                    "file": f,
                    "sheet": s,
                    "row": rows[0],
                    "column": c,
                    "value": len(rows),
                    "check": f"more_rows_{CHECKS[check][0]}",
                    "hint": hint,
                }
            )
        return out

    def frame(self, lang: Lang = "nl") -> pd.DataFrame:
        records = self.records + self._summaries() if self.beyond else self.records
        if not records:
            return pd.DataFrame({c: pd.Series(dtype="object") for c in ISSUE_COLUMNS})
        df = pd.DataFrame.from_records(records)
        df["value"] = df["value"].map(_show)
        df["hint"] = [
            visible(h.get(lang, "")) if isinstance(h, dict) else _show(h) for h in df["hint"]
        ]
        # a column a file lacks: named as the template heads it, not by its key
        lacking = df["check"].isin(["missing_column", "context_no_source"])
        df.loc[lacking, "column"] = [column_header(c, lang) for c in df.loc[lacking, "column"]]
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


ROWS_WORD = {"nl": "rijen", "fr": "lignes", "en": "rows"}


def row_ranges(rows: Iterable[int], most: int = 20) -> str:
    """Row numbers as ranges, the first ``most`` of them written out.

    >>> row_ranges([1002, 1003, 1004, 1010, 1012, 1013])
    '1002-1004, 1010, 1012-1013'
    >>> row_ranges(range(0, 100, 2), most=2)
    '0, 2, ... (50 ranges)'
    """
    spans: list[list[int]] = []
    for r in sorted(set(rows)):
        if spans and r == spans[-1][1] + 1:
            spans[-1][1] = r
        else:
            spans.append([r, r])
    shown = [f"{a}" if a == b else f"{a}-{b}" for a, b in spans[:most]]
    return ", ".join(shown) + (f", ... ({len(spans)} ranges)" if len(spans) > most else "")


def _show(v: object) -> str:
    """A cell as the user reads it in a message, control characters made visible."""
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, bool | np.bool_):  # as a spreadsheet shows a boolean cell
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return visible(str(v))


#: Characters a person cannot see: C0 and C1 controls other than tab and line breaks.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    r"""Invisible characters written out: 12 and a bell → ``12\x07``, as the user can read it."""
    return _INVISIBLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
