"""``history``: what a registered value was, when, and from which file and cell, newest first."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...data.store.connection import LOCK_TIMEOUT, connect
from ...data.store.schema import SCHEMA_VERSION, history_select, stored_version
from ...validation.issues import visible

#: Column headings of the history table for people, per language.
HEADINGS = {
    "nl": {
        "project_id": "project",
        "nis_code": "NIS-code",
        "period": "periode",
        "indicator_id": "indicator",
        "value_typed": "waarde",
        "state": "stand",
        "imported_at": "ingelezen op",
        "file_name": "bestand",
        "sheet": "blad",
        "cell": "cel",
        "import_id": "import",
    },
    "fr": {
        "project_id": "projet",
        "nis_code": "code INS",
        "period": "période",
        "indicator_id": "indicateur",
        "value_typed": "valeur",
        "state": "état",
        "imported_at": "importé le",
        "file_name": "fichier",
        "sheet": "feuille",
        "cell": "cellule",
        "import_id": "import",
    },
    "en": {
        "project_id": "project",
        "nis_code": "NIS code",
        "period": "period",
        "indicator_id": "indicator",
        "value_typed": "value",
        "state": "state",
        "imported_at": "imported at",
        "file_name": "file",
        "sheet": "sheet",
        "cell": "cell",
        "import_id": "import",
    },
}
STATES = {
    "nl": ("huidig", "vervangen door import {n} op {at}"),
    "fr": ("actuelle", "remplacée par l'import {n} le {at}"),
    "en": ("current", "superseded by import {n} on {at}"),
}


def history(
    store: str | Path,
    *,
    project: str | None = None,
    municipality: str | None = None,
    period: str | None = None,
    indicator: str | None = None,
    timeout: float = LOCK_TIMEOUT,
) -> pd.DataFrame:
    """Every version of the matching registration values and context figures (those with an
    empty ``project_id``), newest first.

    Parameters
    ----------
    store
        The intake store.
    project, municipality, period, indicator
        Keep only this project id, NIS code, period (any way the loader reads one: ``2024-3``,
        ``maart 2024``) or indicator id.

    Returns
    -------
    pandas.DataFrame
        The columns of the store's ``registration_history`` view: key, ``value`` (as parsed),
        ``value_typed``, source and note, file name and path, sheet, cell, the file's SHA-256,
        ``import_id``, ``imported_at``, ``superseded_by``, ``superseded_at`` and ``current``.
    """
    where, params = [], []
    if period is not None:
        from ...data.parsing import parse_period

        period = parse_period(pd.Series([period], dtype=object)).iloc[0] or period
    for column, value in (
        ("project_id", project),
        ("nis_code", municipality),
        ("period", period),
        ("indicator_id", indicator),
    ):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(str(value).strip())
    where_sql = " WHERE " + " AND ".join(where) if where else ""
    order = " ORDER BY imported_at DESC, import_id DESC, project_id, nis_code, period, indicator_id"
    with connect(store, write=False, timeout=timeout) as con:
        # not the store's view: the kit's own query, over the tables of the store's schema
        select = history_select(stored_version(con) or SCHEMA_VERSION)
        return con.execute(f"SELECT * FROM ({select}){where_sql}{order}", params).df()


def for_people(table: pd.DataFrame, lang: str = "nl") -> pd.DataFrame:
    """The history with the columns a person reads, headed in ``lang``; the value as typed, its
    control characters written out (``\\x1b``)."""
    current, superseded = STATES[lang]
    state = [
        current
        if r.current
        else superseded.format(n=int(r.superseded_by), at=f"{r.superseded_at:%Y-%m-%d %H:%M}")
        for r in table.itertuples()
    ]
    out = table.assign(state=state, imported_at=table["imported_at"].dt.strftime("%Y-%m-%d %H:%M"))
    out = out[list(HEADINGS[lang])]
    out = out.assign(project_id=out["project_id"].fillna(""))  # context figures: no project
    # what the files hold, shown and never run by the terminal (an escape sequence's colours
    # or link): control characters written out, as in the issues
    text = [
        c for c in out.columns if out[c].dtype == object or pd.api.types.is_string_dtype(out[c])
    ]
    out = out.assign(**{c: out[c].map(visible, na_action="ignore") for c in text})
    return out.rename(columns=HEADINGS[lang])
