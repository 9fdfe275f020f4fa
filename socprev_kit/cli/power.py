"""``socprev-kit power``: before a project starts, which change of an indicator could its
evaluation see? (:func:`socprev_kit.evaluation.evidence.power.minimum_detectable_effect`).

The municipality's series is the one every report uses (``DataContext.series()``: its context
rows, else its project registrations); comparison municipalities are summed into one series.
Every mistake (an unknown municipality, no monthly data of the indicator, too few months before
the start, a month not written ``YYYY-MM``) is a message in the chosen language and exit 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

WORDS = {
    "nl": {
        "unknown": "Onbekende gemeente: {q}. Geef een NIS-code van 5 cijfers of de naam.{hint}",
        "hint": " Bedoelt u: {s}?",
        "no_data": "Geen maandgegevens van {i} voor {name} ({nis}) in {data}.{known}",
        "known": " Wel maandgegevens van: {ids}.",
        "head": "{name} ({nis}), indicator {i}, start {start}, {m} maanden na de start{cmp}",
        "cmp": ", vergeleken met {names}",
        "assumed": "Aannames, uit de eigen reeks vóór de start:",
        "curve": "Kans dat de analyse de verandering ziet:",
        "foot": "({n} nagebootste reeksen per regel, {s} s)",
    },
    "fr": {
        "unknown": "Commune inconnue : {q}. Donnez un code INS de 5 chiffres ou le nom.{hint}",
        "hint": " Vouliez-vous dire : {s} ?",
        "no_data": "Pas de données mensuelles de {i} pour {name} ({nis}) dans {data}.{known}",
        "known": " Données mensuelles disponibles : {ids}.",
        "head": "{name} ({nis}), indicateur {i}, début {start}, {m} mois après le début{cmp}",
        "cmp": ", comparé à {names}",
        "assumed": "Hypothèses, tirées de la série de la commune avant le début :",
        "curve": "Chance que l'analyse voie le changement :",
        "foot": "({n} séries simulées par ligne, {s} s)",
    },
    "en": {
        "unknown": "Unknown municipality: {q}. Give a 5-digit NIS code or the name.{hint}",
        "hint": " Did you mean: {s}?",
        "no_data": "No monthly data of {i} for {name} ({nis}) in {data}.{known}",
        "known": " Monthly data of: {ids}.",
        "head": "{name} ({nis}), indicator {i}, start {start}, {m} months after the start{cmp}",
        "cmp": ", compared with {names}",
        "assumed": "Assumptions, from the municipality's own series before the start:",
        "curve": "Chance that the analysis sees the change:",
        "foot": "({n} simulated series per line, {s} s)",
    },
}
TYPES = {
    "month": "{t}: give a month as YYYY-MM, e.g. 2026-01 / geef een maand als JJJJ-MM, bv. "
    "2026-01 / donnez un mois AAAA-MM, p. ex. 2026-01",
    "months": "{t}: give a number of months from 3 to 120 / geef een aantal maanden van 3 tot "
    "120 / donnez un nombre de mois de 3 à 120",
    "sims": "{t}: give a number of simulations from 20 to 5000 / geef een aantal simulaties van "
    "20 tot 5000 / donnez un nombre de simulations de 20 à 5000",
}


def _month(text: str) -> str:
    import re

    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text.strip()):
        raise argparse.ArgumentTypeError(TYPES["month"].format(t=text))
    return text.strip()


def _whole(key: str, low: int, high: int):  # noqa: ANN202 - an argparse type
    def check(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(TYPES[key].format(t=text))
        return value

    return check


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``power`` to the ``socprev-kit`` sub-commands."""
    p = sub.add_parser(
        "power",
        help="before the start: the smallest change of an indicator the evaluation would see",
        description="Simulate the planned evaluation (an interrupted time series, as the reports "
        "fit it) from the municipality's own series before the start, and print the smallest "
        "fall (or rise) it would detect, its assumptions and the chance of detecting each "
        "change. Exit 2: unknown municipality, no monthly data of the indicator, too few months "
        "before the start.",
    )
    p.add_argument("municipality", metavar="NIS", help="the NIS code (or name) of the municipality")
    p.add_argument("--indicator", required=True, metavar="ID", help="e.g. I02")
    p.add_argument("--start", required=True, type=_month, metavar="YYYY-MM", help="the start")
    p.add_argument("--months", type=_whole("months", 3, 120), default=24,
                   help="months of data after the start (default 24)")  # fmt: skip
    p.add_argument("--comparison", nargs="+", default=[], metavar="NIS",
                   help="comparison municipalities (a controlled design)")  # fmt: skip
    p.add_argument("--direction", choices=["down", "up"], default="down",
                   help="a fall (default) or a rise to detect")  # fmt: skip
    p.add_argument("--data", type=Path, help="file or folder of data (default: the sample data)")
    p.add_argument("--lang", choices=["nl", "fr", "en"], default="nl")
    p.add_argument("--sims", type=_whole("sims", 20, 5000), default=200,
                   help="simulated series per point of the curve (default 200)")  # fmt: skip
    p.set_defaults(func=cmd_power)


def _municipality(query: str, lang: str) -> pd.Series:
    from ..common.errors import UnknownMunicipalityError, UsageError
    from ..data.reference.names import find_municipality

    try:
        return find_municipality(query)
    except UnknownMunicipalityError as exc:
        words = WORDS[lang]
        hint = words["hint"].format(s=", ".join(exc.suggestions)) if exc.suggestions else ""
        raise UsageError(words["unknown"].format(q=query, hint=hint)) from None


def _name(row: pd.Series, lang: str) -> str:
    return str(row["name_fr"] if lang == "fr" else row["name_nl"])


def _series(series: pd.DataFrame, row: pd.Series, args: argparse.Namespace) -> pd.DataFrame:
    """The municipality's monthly rows of the indicator, or a UsageError naming what exists."""
    from ..common.errors import UsageError

    mine = series[series["nis_code"].eq(row["nis_code"]) & series["frequency"].eq("month")]
    rows = mine[mine["indicator_id"].eq(args.indicator)]
    if rows.empty:
        words = WORDS[args.lang]
        ids = sorted(mine["indicator_id"].unique())
        known = words["known"].format(ids=", ".join(ids)) if ids else ""
        name = _name(row, args.lang)
        text = words["no_data"].format(
            i=args.indicator, name=name, nis=row["nis_code"], data=args.data, known=known
        )
        raise UsageError(text)
    return rows[["period", "value", "population"]].reset_index(drop=True)


def _summed(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The comparison municipalities' series added up, in the months every one of them has."""
    import pandas as pd

    both = pd.concat(parts, ignore_index=True)
    g = both.groupby("period").agg(value=("value", "sum"), population=("population", "sum"),
                                   n=("value", "size"))  # fmt: skip
    return g[g["n"] == len(parts)].drop(columns="n").reset_index()


def cmd_power(args: argparse.Namespace) -> int:
    # The simulation multiplies hundreds of small matrices: BLAS threads only wait on each
    # other there (4 times slower on a busy machine with 2 cores). Before numpy loads.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from ..common.arguments import existing

    lang = args.lang
    if args.data is not None:
        existing(args.data, lang)
    row = _municipality(args.municipality, lang)
    others = [_municipality(q, lang) for q in args.comparison]
    if args.data is None:  # the sample data, made once where the kit is installed without them
        from ..sampledata import ensure_sample_data

        args.data = ensure_sample_data()
    from ..reports.context import prepare

    series = prepare(args.data, warm=False).series()
    treated = _series(series, row, args)
    comparison = _summed([_series(series, r, args) for r in others]) if others else None
    result = _compute(treated, comparison, args)
    _print(result, row, others, args)
    return 0


def _compute(treated: pd.DataFrame, comparison: pd.DataFrame | None, args: argparse.Namespace):  # noqa: ANN202
    from ..common.errors import UsageError
    from ..evaluation.evidence.power import minimum_detectable_effect
    from ..evaluation.evidence.power_model import PowerDataError
    from ..evaluation.evidence.power_texts import error_text

    frames = [treated] + ([comparison] if comparison is not None else [])
    population = "population" if all(f["population"].notna().all() for f in frames) else None
    try:
        return minimum_detectable_effect(
            treated, count="value", period="period", population=population,
            intervention=args.start, months_after=args.months, comparison=comparison,
            n_sims=args.sims, direction=args.direction,
        )  # fmt: skip
    except PowerDataError as exc:
        raise UsageError(error_text(exc, args.lang)) from None


def _print(result, row: pd.Series, others: list, args: argparse.Namespace) -> None:  # noqa: ANN001
    from ..common.formatting import format_month, format_number
    from ..evaluation.evidence.power_texts import assumption_lines, curve_table

    lang, words = args.lang, WORDS[args.lang]
    names = ", ".join(f"{_name(r, lang)} ({r['nis_code']})" for r in others)
    cmp = words["cmp"].format(names=names) if others else ""
    start = format_month(args.start, lang)
    head = words["head"].format(
        name=_name(row, lang), nis=row["nis_code"], i=args.indicator, start=start,
        m=args.months, cmp=cmp,
    )  # fmt: skip
    print(head)
    print()
    print(result.describe(lang))
    print()
    print(words["assumed"])
    lines = assumption_lines(result, lang)
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"  {label:<{width}}  {value}")
    print()
    print(words["curve"])
    print(curve_table(result, lang).to_string(index=False))
    seconds = format_number(result.assumptions["seconds"], lang, decimals=1)
    print(words["foot"].format(n=result.n_sims, s=seconds))
    sys.stdout.flush()
