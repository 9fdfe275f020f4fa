"""The check of the municipalities of registrations and projects against the reference: names
to codes, unknown codes with a suggestion, old codes mapped to the current ones.
"""

from __future__ import annotations

import pandas as pd

from ..data import parsing, reference
from .categories import as_categorical, per_row
from .marking import checked_rows, reject


def check_municipalities(regs: pd.DataFrame, issues, column: str = "nis_code") -> pd.DataFrame:
    """Names to codes, unknown codes (with a suggestion), old codes mapped to current ones.

    Works on the distinct codes (categories) and spreads the answers over the rows.
    """
    live = checked_rows(regs)
    codes = as_categorical(regs[column])
    names = regs["municipality"] if "municipality" in regs else pd.Series(None, index=regs.index)
    by_name = pd.Series(None, index=regs.index, dtype=object)
    fill = pd.Series(False, index=regs.index)
    if names.notna().any():
        by_name = reference.names_to_nis(names.astype("object")).astype("object")
        fill = codes.isna() & by_name.notna() & live
        if fill.any():
            codes = as_categorical(codes.astype("object").where(~fill, by_name))
        no_name = codes.isna() & names.notna() & live
        issues.add(
            "unknown_municipality",
            regs[no_name],
            column="municipality",
            value=names,
            hint=names[no_name].map(_name_hint),
        )
        regs.loc[no_name, "_bad"] = True
    categories = pd.Series(codes.cat.categories.to_numpy(dtype=object), dtype=object)
    known = reference.known_nis_codes("any")
    unknown = per_row(~categories.isin(known).to_numpy(), codes, False) & live
    issues.add(
        "unknown_nis",
        regs[unknown],
        column=column,
        value=codes.astype("object"),
        hint=codes[unknown].astype("object").map(_code_hint),
    )
    reject(regs, unknown, key=True)
    current_cat = reference.to_current_nis(categories)
    current = parsing.spread_categorical(codes.cat.codes.to_numpy(), current_cat, regs.index)
    moved = per_row((current_cat != categories).to_numpy(), codes, False) & live
    if moved.any():
        first = regs[moved].assign(
            _old=codes[moved].astype("object"), _new=current[moved].astype("object")
        )
        first = first.drop_duplicates(["source_file", "source_sheet", "_old"])
        muni = reference.municipalities(2025).set_index("nis_code")
        issues.add(
            "merged_nis",
            first,
            column=column,
            value=first["_old"],
            hint=first["_new"].map(
                lambda c: (
                    {lang: f"{muni[f'name_{lang}'].get(c, '?')} ({c})" for lang in ("nl", "fr")}
                    | {"en": f"{muni['name_nl'].get(c, '?')} ({c})"}
                )
            ),
        )
    if by_name.notna().any():
        mismatch = by_name.notna() & codes.notna() & ~fill & live
        mismatch &= reference.to_current_nis(by_name.fillna("")) != current.astype("object")
        issues.add(
            "name_mismatch",
            regs[mismatch],
            column="municipality",
            value=names,
            hint=codes.astype("object"),
        )
    regs["nis_code_registered"] = codes.astype("object")
    regs[column] = current
    return regs


def _name_hint(name: object) -> str:
    s = reference.suggest_municipalities(str(name))
    return f" → {', '.join(s)}?" if s else ""


def _code_hint(code: str) -> str:
    """Current municipalities whose code is ``code`` with two adjacent digits swapped (the
    commonest typo) or one digit changed; swaps first."""
    current = reference.municipalities(2025)
    names = dict(zip(current["nis_code"], current["name_nl"], strict=True))
    swaps = [code[:i] + code[i + 1] + code[i] + code[i + 2 :] for i in range(len(code) - 1)]
    one_off = [
        c
        for c in names
        if len(c) == len(code) and sum(a != b for a, b in zip(c, code, strict=True)) == 1
    ]
    near = [c for c in dict.fromkeys([*swaps, *one_off]) if c in names and c != code]
    return f" → {', '.join(f'{names[c]} ({c})' for c in near[:3])}?" if near else ""
