"""What to say of the falsification checks of an interrupted time series
(:func:`socprev_kit.evaluation.evidence.falsification_checks`): one summary sentence, the reasons
of the checks that failed or could not run in plain words, and a table for a report.

A passed check never turns a change into a proven effect: the summary says it makes an effect
"more plausible" and no more; a failed one says not to read the change as the project's effect.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ...common.formatting import Lang, check_lang, format_number, format_percent
from ..interpretation.sentences import sentence
from ..interpretation.texts import TEMPLATES

if TYPE_CHECKING:
    from .falsification import Falsification

__all__ = ["describe_falsification", "falsification_table"]


def _whole(x: float, lang: Lang) -> str:
    """A count in the language's format (``"–"`` when missing)."""
    return format_number(x, lang, decimals=0) if np.isfinite(x) else "–"


def _fields(row: pd.Series, lang: Lang, names: dict[str, str]) -> dict[str, str]:
    """The placeholders of a check's reason, from its row of the table."""
    codes = [c for c in str(row["detail"]).split(", ") if c]
    n = float(row["n"])
    rank = float(row["rank"])
    larger = rank - 1 if np.isfinite(rank) else np.nan
    k = round(float(row["statistic"]) * n) if np.isfinite(row["statistic"]) else np.nan
    rr = float(row["rate_ratio"])
    change = format_percent(100 * (rr - 1), lang, signed=True) if np.isfinite(rr) else "–"
    return {
        "n": _whole(n, lang),
        "k": _whole(k, lang),
        "rank": _whole(rank, lang),
        "total": _whole(n + 1, lang),
        "larger": _whole(larger, lang),
        "beaten": _whole(n - larger, lang),
        "need": str(row["detail"]),
        "codes": ", ".join(names.get(c, c) for c in codes),
        "change": change,
    }


def _meaning(row: pd.Series, lang: Lang, names: dict[str, str] | None = None) -> str:
    """The sentence of a check's reason."""
    return sentence(f"falsification_{row['reason']}", lang, **_fields(row, lang, names or {}))


def describe_falsification(
    checks: Falsification, lang: Lang = "nl", *, names: dict[str, str] | None = None
) -> list[str]:
    """One sentence summarising the checks, then what each failed or not-run check found or
    lacked, in plain words.

    Parameters
    ----------
    checks : Falsification
        The result of :func:`~socprev_kit.evaluation.evidence.falsification_checks`.
    lang : {"nl", "fr", "en"}
    names : dict of str to str, optional
        Municipality names by NIS code, written instead of the codes of the comparison
        municipalities whose omission changes the conclusion.
    """
    check_lang(lang)
    table = checks.table
    status = table["status"]
    run, failed = int((status != "not_run").sum()), int((status == "fail").sum())
    key = "none" if not run else "fail" if failed else "pass"
    fields = {"run": _whole(run, lang), "failed": _whole(failed, lang),
              "total": _whole(len(table), lang)}  # fmt: skip
    out = [sentence(f"falsification_summary_{key}", lang, **fields)]
    order = list(table[status == "fail"].index) + list(table[status == "not_run"].index)
    return out + [_meaning(table.loc[i], lang, names) for i in order]


def falsification_table(
    checks: Falsification, lang: Lang = "nl", *, names: dict[str, str] | None = None
) -> pd.DataFrame:
    """The checks for a report: the check's name, its result and what it means, with the
    column names in the language (``names`` as for :func:`describe_falsification`)."""
    check_lang(lang)
    table = checks.table

    def word(key: str) -> str:
        return TEMPLATES[key][lang]

    return pd.DataFrame(
        {
            word("falsification_col_check"): [
                word(f"falsification_name_{c}") for c in table["check"]
            ],
            word("falsification_col_status"): [
                word(f"falsification_status_{s}") for s in table["status"]
            ],
            word("falsification_col_meaning"): [
                _meaning(r, lang, names) for _, r in table.iterrows()
            ],
        }
    )
