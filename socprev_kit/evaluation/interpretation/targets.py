"""Sentences on an objective's target attainment: baseline, target and the value judged, what
its status means, and the caveats."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ...common.formatting import Lang, format_number, format_percent, format_period
from ...data.catalogue import indicator_catalogue
from .sentences import IndicatorInfo, indicator_info, sentence, sentences_if

__all__ = ["describe_attainment", "describe_attainments"]

_STATUSES = ("reached", "maintained", "on track", "behind", "not reached", "not computable")


def describe_attainment(
    row: Mapping[str, object] | pd.Series,
    *,
    lang: Lang = "nl",
    catalogue: pd.DataFrame | None = None,
) -> list[str]:
    """Sentences on one row of :func:`~socprev_kit.evaluation.targets.attainment`: baseline,
    target and the value judged, the status (what "reached", "on track" ... mean for this row),
    and the caveats (a row marked ``suppressed`` shows no value). "Not in time" is only said of a
    target period that is still running.

    Examples
    --------
    >>> row = {"objective_id": "OD1", "indicator_id": "O05", "direction": "up", "baseline": 40,
    ...        "target": 60, "target_period": "2025", "observed": 50, "last_period": "2024-06",
    ...        "attainment": 0.5, "projection": 55, "status": "behind"}
    >>> describe_attainment(row, lang="nl")  # doctest: +NORMALIZE_WHITESPACE
    ['Doelstelling OD1 (“doorverwijzingen”): beginwaarde 40, streefwaarde 60 voor 2025, huidige
      waarde 50 (gegevens tot juni 2024).', '50\xa0% van de weg van de beginwaarde naar de
      streefwaarde is afgelegd; in het huidige tempo wordt ze niet op tijd bereikt.']
    """
    row = dict(row)
    info = indicator_info(str(row["indicator_id"]), catalogue, lang)
    if row["status"] not in _STATUSES:
        raise ValueError(f"Unknown status {row['status']!r}; expected one of {_STATUSES}.")
    head = {"objective": row["objective_id"], "indicator": info.name}
    period = format_period(row.get("target_period"), lang)
    if bool(row.get("suppressed", False)):
        out = [sentence("att_hidden", lang, **head, k=info.min_cell)]
    elif row["status"] == "not computable":
        out = [sentence(_not_computable_key(row), lang, **head, target_period=period)]
    else:
        values = {k: _value(row[k], info, lang) for k in ("baseline", "target", "observed")}
        key = "att_values_over" if row.get("period_over", False) else "att_values"
        out = [sentence(key, lang, **head, **values, target_period=period,
                        last=format_period(row.get("last_period"), lang)),
               _status_sentence(row, lang)]  # fmt: skip
        out += sentences_if(info.type == "impact", "att_not_causal", lang)
    return out + sentences_if(info.sensitive, "reporting", lang)


def _not_computable_key(row: dict) -> str:
    """Why there is no status: no value (in the target period once it is over), no direction,
    no baseline or target."""
    reason = row.get("reason")
    if reason == "no data":
        return "att_no_data_over" if row.get("period_over", False) else "att_no_data"
    return "att_no_direction" if reason == "no direction" else "att_no_target"


def _value(x: object, info: IndicatorInfo, lang: Lang) -> str:
    """A baseline, target or observed value; percentages with one decimal, as in the objective
    table (95.3 % and 95 % must not both read "95 %")."""
    x = float(pd.to_numeric(x, errors="coerce"))
    return format_percent(x, lang, decimals=1) if info.percent else format_number(x, lang)


def _status_key(row: dict) -> str:
    """The template of the status sentence (see :data:`_STATUSES`)."""
    status, att = row["status"], float(pd.to_numeric(row.get("attainment"), errors="coerce"))
    projected = pd.notna(pd.to_numeric(row.get("projection"), errors="coerce"))
    if status in ("reached", "maintained"):
        return f"att_{status}"
    if np.isnan(att):  # the baseline already met the target, the value judged no longer does
        return {"not reached": "att_lost", "on track": "att_lost_on_track"}.get(
            status, "att_lost_behind"
        )
    if status == "not reached":
        return "att_away_not_reached" if att < 0 else "att_not_reached"
    if status == "on track":
        return "att_on_track" if projected else "att_on_track_now"
    if att < 0:
        return "att_away"
    return "att_behind" if projected else "att_not_yet"


def _status_sentence(row: dict, lang: Lang) -> str:
    """Reached, maintained, not reached, on track or behind, with the share of the way."""
    att = float(pd.to_numeric(row.get("attainment"), errors="coerce"))
    share = format_percent(100 * max(att, 0.0), lang) if not np.isnan(att) else ""
    period = format_period(row.get("target_period"), lang)
    return sentence(_status_key(row), lang, share=share, target_period=period)


def describe_attainments(
    table: pd.DataFrame, *, lang: Lang = "nl", catalogue: pd.DataFrame | None = None
) -> pd.Series:
    """One text per row of an :func:`~socprev_kit.evaluation.targets.attainment` table (its
    sentences joined by a space), on the table's index, named ``interpretation``."""
    cat = indicator_catalogue() if catalogue is None else catalogue
    texts = [
        " ".join(describe_attainment(r, lang=lang, catalogue=cat)) for _, r in table.iterrows()
    ]
    return pd.Series(texts, index=table.index, name="interpretation", dtype=object)
