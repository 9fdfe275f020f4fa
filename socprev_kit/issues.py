"""The issues table: one row per problem, with fixed columns, rendered in the user's language.

Checks collect plain records (where, which check, the value, a hint); :meth:`Issues.frame` turns
them into the table ``file, sheet, row, column, value, check, severity, message`` in nl, fr or en,
errors first.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .messages import CHECKS, Lang, column_header, message

ISSUE_COLUMNS = ["file", "sheet", "row", "column", "value", "check", "severity", "message"]
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class Issues:
    """Collects issues as plain records; :meth:`frame` renders them in one language."""

    def __init__(self, records: list[dict] | None = None) -> None:
        self.records: list[dict] = list(records or [])

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

    def frame(self, lang: Lang = "nl") -> pd.DataFrame:
        if not self.records:
            return pd.DataFrame({c: pd.Series(dtype="object") for c in ISSUE_COLUMNS})
        df = pd.DataFrame.from_records(self.records)
        df["value"] = df["value"].map(_show)
        df["hint"] = [
            visible(h.get(lang, "")) if isinstance(h, dict) else _show(h) for h in df["hint"]
        ]
        lacking = df["check"] == "missing_column"  # named as the template heads it, not its key
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
