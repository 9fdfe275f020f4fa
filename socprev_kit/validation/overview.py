"""A first look at a data set: what was registered (in projects and as context), where and
when."""

from __future__ import annotations

import pandas as pd

from ..data.parsing import period_end, period_start
from ..data.reference import municipalities
from .dataset import Dataset
from .messages import Lang

HEADERS = {
    "nl": {
        "nis_code": "NIS-code",
        "name": "gemeente",
        "projects": "projecten",
        "indicators": "indicatoren",
        "rows": "registraties",
        "context": "contextrijen",
        "first": "eerste periode",
        "last": "laatste periode",
    },
    "fr": {
        "nis_code": "code INS",
        "name": "commune",
        "projects": "projets",
        "indicators": "indicateurs",
        "rows": "enregistrements",
        "context": "lignes de contexte",
        "first": "première période",
        "last": "dernière période",
    },
    "en": {
        "nis_code": "NIS code",
        "name": "municipality",
        "projects": "projects",
        "indicators": "indicators",
        "rows": "registrations",
        "context": "context rows",
        "first": "first period",
        "last": "last period",
    },
}


def overview(data: Dataset, *, lang: Lang = "nl") -> pd.DataFrame:
    """One row per municipality with registrations or context data: projects, indicators,
    registration rows, context rows, first and last month covered (a quarter or year counts to
    its last month), with headers in ``lang``.

    Examples
    --------
    >>> overview(load("sample_data/clean"), lang="fr").head()  # doctest: +SKIP
    """
    regs, context = data.registrations, data.context
    names = municipalities(2025).set_index("nis_code")["name_fr" if lang == "fr" else "name_nl"]
    if regs.empty and context.empty:
        return pd.DataFrame(columns=list(HEADERS[lang].values()))
    both = pd.concat(
        [
            regs[["nis_code", "project_id", "indicator_id", "period"]].assign(_context=False),
            context[["nis_code", "indicator_id", "period"]].assign(_context=True),
        ],
        ignore_index=True,
    )
    both = both.assign(_start=period_start(both["period"]), _end=period_end(both["period"]))
    g = both.groupby("nis_code")
    table = pd.DataFrame(
        {
            "name": names.reindex(g.size().index),
            "projects": g["project_id"].nunique(),
            "indicators": g["indicator_id"].nunique(),
            "rows": g.size() - g["_context"].sum(),
            "context": g["_context"].sum(),
            "first": g["_start"].min().dt.strftime("%Y-%m"),
            "last": g["_end"].max().dt.strftime("%Y-%m"),
        }
    ).reset_index()
    return table.rename(columns=HEADERS[lang])
