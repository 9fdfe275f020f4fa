"""A first look at a data set: what was registered, where and when."""

from __future__ import annotations

import pandas as pd

from .messages import Lang
from .reference import municipalities
from .validation import Dataset

HEADERS = {
    "nl": {"nis_code": "NIS-code", "name": "gemeente", "projects": "projecten",
           "indicators": "indicatoren", "rows": "registraties", "first": "eerste periode",
           "last": "laatste periode"},
    "fr": {"nis_code": "code INS", "name": "commune", "projects": "projets",
           "indicators": "indicateurs", "rows": "enregistrements", "first": "première période",
           "last": "dernière période"},
    "en": {"nis_code": "NIS code", "name": "municipality", "projects": "projects",
           "indicators": "indicators", "rows": "registrations", "first": "first period",
           "last": "last period"},
}


def overview(data: Dataset, *, lang: Lang = "nl") -> pd.DataFrame:
    """One row per municipality with registrations: projects, indicators, rows, first and last
    period, with headers in ``lang``.

    Examples
    --------
    >>> overview(load("sample_data/clean"), lang="fr").head()  # doctest: +SKIP
    """
    regs = data.registrations
    names = municipalities(2025).set_index("nis_code")["name_fr" if lang == "fr" else "name_nl"]
    if regs.empty:
        return pd.DataFrame(columns=list(HEADERS[lang].values()))
    g = regs.groupby("nis_code")
    table = pd.DataFrame({
        "name": names.reindex(g.size().index),
        "projects": g["project_id"].nunique(),
        "indicators": g["indicator_id"].nunique(),
        "rows": g.size(),
        "first": g["period"].min(),
        "last": g["period"].max(),
    }).reset_index()
    return table.rename(columns=HEADERS[lang])
