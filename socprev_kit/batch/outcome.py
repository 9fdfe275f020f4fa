"""What a worker gives back for one report (:class:`Outcome`), and how a failed report's error
reads in the summary, the index and the banner on the notebook (:func:`error_text`).

Plain data, shared by the kernel that makes a report (:mod:`.kernel`), the engine that runs it
(:mod:`.engine`) and the files that keep it (:mod:`.store`, :mod:`.index`); it also comes back
from a Dask worker (:mod:`.cluster`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Outcome:
    """What a worker returns for one report: plain data, also from a Dask worker."""

    key: str
    status: str  # "ok" or "failed"
    error: dict | None
    headline: dict | None
    ipynb: str
    html: str
    started: str
    seconds: dict = field(default_factory=dict)
    worker: str = ""


#: Errors whose message is written for the report's reader, in the report's language: shown
#: without the (English) name of the exception.
READER_ERRORS = frozenset({"ReportParameterError", "ReportMemoryError"})


def error_text(record: dict) -> str:
    """Why a report failed, as the summary and the index show it."""
    error = record.get("error")
    if not error:
        return ""
    if error.get("ename") in READER_ERRORS:
        return str(error.get("evalue"))
    return f"{error.get('ename')}: {error.get('evalue')}"
