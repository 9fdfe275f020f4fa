"""The indicator catalogue and the code lists, shipped as package data.

An indicator is ``registered`` (typed in per project, municipality and period) or ``derived``
(DHIS2-style ``numerator / denominator * factor``, computed by the kit, never typed in). Numerator
and denominator are registered ids joined by ``+`` or ``-`` (``"I01 + I02"``); the denominator may
instead be the reserved token ``population`` (inhabitants, for rates per 1,000). A term that is
itself derived is refused, so formulas never nest and can never form a cycle. A derived
indicator's ``frequency`` is that of its numerator (a yearly denominator applies to every period
of its year); its ``min_cell`` applies to the underlying counts.

``context`` says whether an indicator may be registered as context data, without a project
(:data:`socprev_kit.data.contract.TABLES` ``"context"``): true for registered impact and context
counts measured on a whole municipality (police statistics, Statbel figures: I01, I02, I03, I07,
I11, C01, C02), false for what is measured on a project's participants (I08N..I10D), in a survey
(I05, I06), on a project's own observation rounds (I04N, I04D), for process and output indicators
and for derived ones (the kit computes a rate from its count). A user's catalogue without the
column registers none of its indicators as context.

``effort`` marks an indicator that rises with enforcement or observation effort rather than with
the problem alone: drug-law offences registered by the police (C01), police controls (C02), and
the incidents a municipality registers (I01), which include its own observations and
administrative sanctions, so that more street workers or patrols register more. An effect on
such an indicator is never reported alone as a change in the problem (the reports pair it with
the project's complaint or nuisance indicators). ``non_target`` names, for an impact count, an
outcome that a drug-prevention project should not move but that shares its confounders (police
registration practice, population, the COVID-19 months): road accidents with injuries (C03).
The falsification checks (:mod:`socprev_kit.evaluation.evidence`) fit the same model to it; a
"change" there says that something other than the project moved the series.

I12 (operational-objective attainment) is not in the catalogue: it is computed from the
objectives table (baseline, target, observed value), never registered.

Code lists (``data/codelists.csv``) have labels in nl, fr and en. Nothing is read at import;
each file is read once, on first use; every function returns a new frame.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from functools import cache, partial
from importlib.resources import files
from pathlib import Path
from typing import Literal

import pandas as pd

from ..common.errors import CatalogueError, InputError
from .formats.csv import decode
from .parsing import as_text, parse_number

Lang = Literal["nl", "fr", "en"]
#: The catalogue's columns, in order.
COLUMNS: tuple[str, ...] = (
    "indicator_id", "type", "kind", "name_nl", "name_fr", "name_en", "definition_nl",
    "definition_fr", "definition_en", "unit", "value_type", "numerator", "denominator", "factor",
    "proportion", "frequency", "aggregation", "min_value", "max_value", "direction",
    "target_value", "reporting_sensitive", "min_cell", "source_hint", "context", "effort",
    "non_target",
)  # fmt: skip
#: Columns a user's catalogue may leave out: they are then blank (false for the booleans).
OPTIONAL: tuple[str, ...] = (
    "name_en", "definition_nl", "definition_fr", "definition_en", "proportion", "min_value",
    "max_value", "target_value", "reporting_sensitive", "source_hint", "context", "effort",
    "non_target",
)  # fmt: skip
BOOL_COLUMNS = ("proportion", "reporting_sensitive", "context", "effort")
NUMBER_COLUMNS = ("factor", "min_value", "max_value", "target_value", "min_cell")
#: Column -> the code list that holds its allowed values.
ENUMS: dict[str, str] = {
    "type": "indicator_type", "kind": "indicator_kind", "value_type": "value_type",
    "frequency": "frequency", "aggregation": "aggregation", "direction": "direction",
}  # fmt: skip
#: Reserved formula token: inhabitants of the municipality (from the reference).
POPULATION = "population"
_REG, _DER = "registered", "derived"
_NO_FORMULA = "only for derived indicators; leave it blank (or set kind to derived)."
#: Row checks as data: (column, flags a problem in the typed row, message template).
RULES: tuple[tuple[str, Callable[[dict], object], str], ...] = (
    ("name_nl", lambda r: not (r["name_nl"] or r["name_fr"] or r["name_en"]),
     "no name; give at least a Dutch or French name."),
    ("unit", lambda r: not r["unit"], "blank; give a short unit such as n, %, hours, per 1,000."),
    ("min_value", lambda r: r["min_value"] > r["max_value"],
     "{min_value:g} is above max_value {max_value:g}; swap them."),
    ("min_value", lambda r: r["value_type"] == "count" and r["min_value"] < 0,
     "a count cannot be negative; set it to 0."),
    ("max_value", lambda r: r["value_type"] == "percent" and r["kind"] == _REG
     and (r["min_value"] < 0 or r["max_value"] > 100), "a percentage lies between 0 and 100."),
    ("min_cell", lambda r: not r["min_cell"] >= 0 or r["min_cell"] % 1,
     "give a whole number: 5 for counts of persons or incidents, 0 for hours, euros ..."),
    ("target_value", lambda r: (r["direction"] == "target") == pd.isna(r["target_value"]),
     "give a value exactly when direction is target (e.g. 100), else leave it blank."),
    *((c, lambda r, c=c: r["kind"] == _REG and r[c], _NO_FORMULA)
      for c in ("numerator", "denominator", "proportion")),
    ("factor", lambda r: r["kind"] == _REG and pd.notna(r["factor"]), _NO_FORMULA),
    ("aggregation", lambda r: r["kind"] == _REG and r["aggregation"] == "ratio",
     "ratio is for derived indicators; use sum, mean, last or none."),
    ("factor", lambda r: r["kind"] == _DER and not r["factor"] > 0,
     "a derived indicator needs a positive factor: 100 for a percentage, 1000 per 1,000."),
    ("context", lambda r: r["kind"] == _DER and r["context"],
     "a derived indicator is computed, never registered: set context on its numerator."),
    ("context", lambda r: r["context"] and r["type"] not in ("impact", "context"),
     "only impact and context indicators can be context data; set it to false."),
    ("aggregation", lambda r: r["kind"] == _DER and r["aggregation"] != "ratio",
     "write ratio: the kit aggregates numerator and denominator, then divides."),
)  # fmt: skip

_ID = r"[A-Za-z][A-Za-z0-9_]*"
_FORMULA = re.compile(rf"\s*[+-]?\s*{_ID}(?:\s*[+-]\s*{_ID})*\s*")
_TERM = re.compile(rf"([+-]?)\s*({_ID})")
_TRUE = {"true", "waar", "vrai", "yes", "ja", "oui", "1", "y", "j"}
_FALSE = {"false", "onwaar", "faux", "no", "nee", "non", "0", "n"}


def formula_terms(expr: str) -> list[tuple[int, str]]:
    """Split a numerator or denominator into signed terms; ValueError for anything but ids
    joined by ``+`` or ``-`` (numbers, ``*``, ``/``, parentheses).

    >>> formula_terms("I01 + I02 - X")
    [(1, 'I01'), (1, 'I02'), (-1, 'X')]
    """
    if not isinstance(expr, str) or not _FORMULA.fullmatch(expr):
        raise ValueError(f"cannot read {expr!r}: write ids joined by + or -, e.g. I01 + I02")
    return [(-1 if sign == "-" else 1, name) for sign, name in _TERM.findall(expr)]


@cache
def _read_data(name: str) -> pd.DataFrame:
    with (files("socprev_kit") / "data" / name).open("r", encoding="utf-8") as f:
        return pd.read_csv(f, dtype=str, keep_default_na=False)


def code_list(name: str) -> pd.DataFrame:
    """A code list (e.g. ``"project_type"``): ``code``, ``label_nl``, ``label_fr``, ``label_en``."""
    lists = _read_data("codelists.csv")
    if name not in set(lists["list"]):
        known = ", ".join(dict.fromkeys(lists["list"]))
        raise ValueError(f"Unknown code list {name!r}; choose one of: {known}.")
    rows = lists.loc[lists["list"] == name, ["code", "label_nl", "label_fr", "label_en"]]
    return rows.reset_index(drop=True).copy()


def code_labels(name: str, lang: Lang) -> dict[str, str]:
    """``{code: label}`` of a code list in ``lang`` (``"nl"``, ``"fr"`` or ``"en"``)."""
    if lang not in ("nl", "fr", "en"):
        raise ValueError(f"Unknown language {lang!r}; use 'nl', 'fr' or 'en'.")
    cl = code_list(name)
    return dict(zip(cl["code"], cl[f"label_{lang}"], strict=True))


def _prepare(raw: pd.DataFrame) -> pd.DataFrame:
    """Headers folded to snake case; missing optional columns added, blank."""
    cat = raw.rename(columns=lambda c: re.sub(r"[\s\-]+", "_", str(c).strip().lower()))
    return cat.assign(**{c: "" for c in OPTIONAL if c not in cat}).reset_index(drop=True)


def _missing_columns(cat: pd.DataFrame) -> list[str]:
    msg = "The catalogue has no column {!r}; add it (blank cells are fine where it does not apply)."
    return [msg.format(c) for c in COLUMNS if c not in cat.columns]


def _text(v: object) -> str:
    """A cell as stripped text, ``""`` for blank (not ``as_text``: ``none`` is a code here)."""
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip()


def _coerce(cat: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Typed copy (text, bool, float with NaN for blank) and the cells that could not be read."""
    out, problems = cat.copy(), []
    for col in out.columns.difference(BOOL_COLUMNS + NUMBER_COLUMNS, sort=False):
        out[col] = cat[col].map(_text).astype(str)
    ids = out["indicator_id"]
    for col in NUMBER_COLUMNS:
        vals = cat[col].astype(object).where(cat[col].notna(), "")  # no NaN: see parse_number
        text, num = as_text(vals), parse_number(vals)
        bad = text.index[text.notna() & num.isna()]
        problems += [f"Indicator {ids[i]}, column {col}: {text[i]!r} is not a number." for i in bad]
        out[col] = num.astype("float64")
    for col in BOOL_COLUMNS:
        low = (text := as_text(cat[col])).str.lower()
        bad = low.index[low.notna() & ~low.isin(_TRUE | _FALSE)]
        problems += [f"Indicator {ids[i]}, column {col}: write true or false." for i in bad]
        out[col] = low.isin(_TRUE).astype(bool)
    return out, problems


def check_catalogue(cat: pd.DataFrame) -> list[str]:
    """Every problem of a catalogue (``[]`` if none), one sentence each naming id and column.

    Missing columns (then nothing else); bad or duplicate ids; values outside the code lists;
    unreadable numbers and booleans; :data:`RULES`; formula terms that are not registered ids of
    the catalogue (or ``population`` alone as denominator): refusing derived terms rules out cycles.
    """
    cat = _prepare(cat)
    if missing := _missing_columns(cat):
        return missing
    typed, problems = _coerce(cat)
    problems = _check_ids(typed["indicator_id"]) + problems
    kinds = dict(zip(typed["indicator_id"], typed["kind"], strict=True))
    allowed = {col: list(code_list(name)["code"]) for col, name in ENUMS.items()}
    for r in typed.to_dict("records"):
        say = partial("Indicator {}, column {}: {}".format, r["indicator_id"])
        bad = [c for c, codes in allowed.items() if r[c] not in codes]
        problems += [say(c, f"{r[c]!r} is not allowed; use one of {allowed[c]}.") for c in bad]
        problems += [say(col, msg.format(**r)) for col, flags, msg in RULES if flags(r)]
        for col in ("numerator", "denominator") if r["kind"] == _DER else ():
            problems += [say(col, m) for m in _formula_problems(r[col], col, kinds)]
        problems += [say("non_target", m) for m in _non_target_problems(r, kinds)]
    return problems


def _non_target_problems(row: dict, kinds: dict[str, str]) -> list[str]:
    """What is wrong with a row's ``non_target``: it must name another registered indicator."""
    name = row["non_target"]
    if not name:
        return []
    if name not in kinds:
        return [f"unknown indicator {name!r}; name a registered indicator of the catalogue."]
    if name == row["indicator_id"] or kinds[name] != _REG:
        return [f"{name} cannot be its own control outcome; name another registered indicator."]
    return []


def _check_ids(ids: pd.Series) -> list[str]:
    upper, shipped = ids.str.upper(), set(_read_data("indicators.csv")["indicator_id"].str.upper())
    free = next(f"X{n:02d}" for n in range(1, 1000) if f"X{n:02d}" not in set(upper))
    problems = [
        f"Indicator {x or f'in row {n + 1}'}, column indicator_id: not a valid id; start with a "
        f"letter, use only letters, digits and _ (not {POPULATION!r}), e.g. {free}."
        for n, x in ids.items()
        if x.lower() == POPULATION or not re.fullmatch(_ID, x)
    ]
    for key, count in upper[ids != ""].value_counts()[lambda n: n > 1].items():
        x = " and ".join(dict.fromkeys(ids[upper == key]))
        used = "is already in the shipped catalogue" if key in shipped else f"appears {count} times"
        problems.append(f"Indicator {x}, column indicator_id: {key} {used}; choose another id, "
                        f"e.g. {free}.")  # fmt: skip
    return problems


def _formula_problems(expr: str, col: str, kinds: dict[str, str]) -> list[str]:
    """What is wrong with one numerator or denominator of a derived indicator."""
    if not expr:
        return ["a derived indicator needs one: registered ids joined by + or -, e.g. I01 + I02."]
    try:
        terms = formula_terms(expr)
    except ValueError as e:
        return [f"{e}."]
    upper, out = {k.upper(): k for k in kinds}, []
    for _, t in terms:
        if t == POPULATION and (col == "numerator" or len(terms) > 1):
            out.append(f"{POPULATION} may only stand alone, as the denominator of a rate.")
        elif t != POPULATION and t not in kinds:
            hint = f" (did you mean {upper[t.upper()]}?)" if t.upper() in upper else ""
            out.append(f"unknown indicator {t!r}{hint}; add it to the catalogue or fix the id.")
        elif kinds.get(t) == _DER:
            out.append(f"{t} is itself derived; use registered indicators only (write out {t}).")
    return out


def _finish(typed: pd.DataFrame) -> pd.DataFrame:
    extra = [c for c in typed.columns if c not in COLUMNS]
    return typed[[*COLUMNS, *extra]].reset_index(drop=True).astype({"min_cell": "int64"})


@cache
def _shipped() -> pd.DataFrame:
    if problems := check_catalogue(raw := _read_data("indicators.csv")):
        raise CatalogueError(problems, "socprev_kit/data/indicators.csv")
    return _finish(_coerce(_prepare(raw))[0])


@cache
def shipped_column(name: str) -> dict:
    """``{indicator_id: value}`` of one column of the shipped catalogue, made once, for code
    that looks values up indicator by indicator (do not modify)."""
    shipped = _shipped()
    return dict(zip(shipped["indicator_id"], shipped[name], strict=True))


def _read_user_file(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise InputError(f"Catalogue file {path} not found; check the path.", path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from .formats.xlsx import OverLimit, check_archive

        try:
            check_archive(path)  # a compression bomb is not opened
            return pd.read_excel(path, sheet_name=0, dtype=object)
        except Exception as exc:  # noqa: BLE001 - a broken workbook is the user's file, not ours
            reason = exc.hint if isinstance(exc, OverLimit) else type(exc).__name__
            raise InputError(
                f"Catalogue file {path} cannot be read ({reason}) / kan niet gelezen "
                "worden / ne peut pas être lu. Open it in Excel or LibreOffice and save it again "
                "as .xlsx / sla het opnieuw op als .xlsx / enregistrez-le à nouveau en .xlsx.",
                path,
            ) from exc
    if path.suffix.lower() not in (".csv", ".txt"):
        raise InputError(f"Catalogue file {path}: use a .csv or .xlsx file.", path)
    first = (text := decode(path.read_bytes())[0]).split("\n", 1)[0]
    sep = ";" if first.count(";") > first.count(",") else ","
    return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)


def indicator_catalogue(extra: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """The shipped catalogue, with the user's own indicators appended.

    Parameters
    ----------
    extra
        A catalogue of one's own with the same columns: a frame, a CSV file (``;`` or ``,``,
        UTF-8 or Windows-1252) or the first sheet of an xlsx file. Its ids must differ from the
        shipped ones; its formulas may use shipped and own registered indicators.

    Returns
    -------
    pandas.DataFrame
        RangeIndex; :data:`COLUMNS` then any extra ones: text (``""`` for blank), three bools,
        floats (NaN for blank), ``min_cell`` int. Raises :class:`CatalogueError` listing every
        problem, or :class:`InputError` when the file cannot be read at all.
    """
    shipped = _shipped()
    if extra is None:
        return shipped.copy()
    path = None if isinstance(extra, pd.DataFrame) else Path(extra)
    user = _prepare(extra if path is None else _read_user_file(path))
    if problems := _missing_columns(user):
        raise CatalogueError(problems, path)
    # The user's rows first, so that row numbers in the problems are theirs.
    if problems := check_catalogue(pd.concat([user, _read_data("indicators.csv")])):
        raise CatalogueError(problems, path)
    return pd.concat([shipped, _finish(_coerce(user)[0])], ignore_index=True)


def indicator_names(lang: Lang, cat: pd.DataFrame | None = None) -> dict[str, str]:
    """``{indicator_id: name}`` in ``lang``; a blank name falls back to en, nl, fr, then the id."""
    cat = indicator_catalogue() if cat is None else cat
    code_labels("value_type", lang)  # checks lang
    order = [f"name_{x}" for x in dict.fromkeys([lang, "en", "nl", "fr"])]
    rows = cat[["indicator_id", *order]].itertuples(index=False)  # a row loop: no pandas overhead
    return {r[0]: next((t for t in map(_text, r[1:]) if t), r[0]) for r in rows}


def registered_ids(cat: pd.DataFrame | None = None) -> set[str]:
    """Ids of the registered (typed-in) indicators of ``cat`` (default: the shipped catalogue)."""
    cat = indicator_catalogue() if cat is None else cat
    return set(cat.loc[cat["kind"] == _REG, "indicator_id"])


def derived_ids(cat: pd.DataFrame | None = None) -> set[str]:
    """Ids of the derived (computed) indicators of ``cat`` (default: the shipped catalogue)."""
    cat = indicator_catalogue() if cat is None else cat
    return set(cat.loc[cat["kind"] == _DER, "indicator_id"])
