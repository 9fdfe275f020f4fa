"""A report's parameters, checked: which municipality or project, which language and period.

:func:`municipality_report` and :func:`project_report` turn the notebook's parameters into a
:class:`Report`, or stop with a :class:`ReportParameterError` that names the value and what is
allowed (the batch engine checks the same before it starts a kernel).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..common.errors import SocprevError, UnknownMunicipalityError
from ..common.formatting import LANGS, Lang
from ..data.reference import find_municipality, municipalities
from .context import prepare
from .data_context import DataContext
from .params_texts import all_languages, parameter_message
from .report import ALL, Report, Unit

__all__ = ["ReportParameterError", "municipality_report", "project_report"]


class ReportParameterError(SocprevError, ValueError):
    """A report parameter that cannot be used; carries the parameter, the value and what is
    allowed.

    ``str(error)`` is the message in the report's language ``lang`` (in Dutch, French and English
    when ``lang`` itself is not one of them): the batch shows it in the report's summary row and
    page. :meth:`message` gives it in any language. ``problem`` names the template in
    :data:`~socprev_kit.reports.params_texts.PARAMETER_TEXTS`; ``fields`` fill it in.
    """

    def __init__(
        self, parameter: str, value: object, problem: str, lang: str = "en", **fields: object
    ) -> None:
        self.parameter, self.value, self.problem, self.lang = parameter, value, problem, lang
        self.fields = fields
        if lang in LANGS:
            text = self.message(lang)  # type: ignore[arg-type] - checked just above
        else:
            text = all_languages(problem, parameter, value, **fields)
        super().__init__(text)

    def message(self, lang: Lang) -> str:
        """The message in ``lang`` (``"nl"``, ``"fr"`` or ``"en"``)."""
        return parameter_message(self.problem, lang, self.parameter, self.value, **self.fields)


def _period(name: str, value: str, end: bool, lang: str) -> pd.Period | None:
    text = str(value or "").strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2]))?", text):
        raise ReportParameterError(name, value, "period_format", lang)
    if len(text) == 4:
        text += "-12" if end else "-01"
    return pd.Period(text, freq="M")


def _periods(lang: str, start: str, end: str) -> tuple[pd.Period | None, pd.Period | None]:
    """Check the language and the period (before any data is read)."""
    if lang not in LANGS:
        raise ReportParameterError("lang", lang, "lang", lang)
    first = _period("period_start", start, False, lang)
    last = _period("period_end", end, True, lang)
    if first is not None and last is not None and first > last:
        raise ReportParameterError("period_end", end, "period_order", lang, start=repr(start))
    return first, last


#: How an interrupted time series treats the months of the COVID-19 period (:attr:`Report.covid`).
COVID_CHOICES = ("both", "include", "exclude")


def _covid(value: str, lang: str) -> str:
    """The ``covid`` choice, checked (empty: ``"both"``)."""
    choice = str(value or "").strip().lower() or "both"
    if choice not in COVID_CHOICES:
        raise ReportParameterError("covid", value, "covid", lang)
    return choice


def _load(data_path: str | Path | None, lang: str) -> DataContext:
    given = str(data_path or "").strip()
    if given and not Path(given).expanduser().exists():
        raise ReportParameterError("data_path", data_path, "data_path", lang, cwd=str(Path.cwd()))
    return prepare(given or None, warm=False)


def _find(query: str, lang: str) -> pd.Series:
    """The municipality of a NIS code or name (checked before any data is read)."""
    try:
        return find_municipality(str(query or "").strip())
    except UnknownMunicipalityError as exc:
        raise ReportParameterError(
            "nis_code", query, "unknown_municipality", lang, suggestions=exc.suggestions
        ) from exc


def _named(codes: Sequence[str]) -> dict[str, list[str]]:
    """``"Gent (44021)"`` per language for NIS codes (English: the Dutch name)."""
    table = municipalities().set_index("nis_code")
    names = {g: [f"{table.at[c, f'name_{g}']} ({c})" if c in table.index else c for c in codes]
             for g in ("nl", "fr")}  # fmt: skip
    return {**names, "en": names["nl"]}


def _with_data(ctx: DataContext, row: pd.Series, query: str, lang: str) -> pd.Series:
    if row["nis_code"] not in ctx.nis_with_data:
        raise ReportParameterError(
            "nis_code", query, "municipality_without_data", lang,
            name={"nl": row["name_nl"], "fr": row["name_fr"], "en": row["name_nl"]},
            nis=row["nis_code"], choices=_named(ctx.nis_with_data),
        )  # fmt: skip
    return row


def _check_data(report: Report, parameter: str) -> Report:
    """Refuse a period in which the report has no data at all."""
    if report.table.empty and (report.start is not None or report.end is not None):
        table = report.ctx.table
        monthly = table["frequency"] == "month"
        months = table.loc[monthly if monthly.any() else slice(None), "period"].astype(str)
        raise ReportParameterError(
            parameter, report.parameters[parameter], "period_without_data", report.lang,
            first=str(months.min()), last=str(months.max()),
        )  # fmt: skip
    return report


def municipality_report(
    nis_code: str,
    *,
    data_path: str | Path | None = "",
    lang: str = "nl",
    period_start: str = "",
    period_end: str = "",
    covid: str = "both",
) -> Report:
    """The report of one municipality (NIS code or Dutch, French or English name).

    ``covid``: an interrupted time series whose months overlap the COVID-19 period is fitted
    with them and shown once more without them (``"both"``), only with them (``"include"``),
    or without them and shown once more with them (``"exclude"``).

    Raises
    ------
    ReportParameterError
        Unknown municipality, one without data, an unknown language, a bad period or ``covid``.
    """
    first, last = _periods(lang, period_start, period_end)
    covid = _covid(covid, lang)
    row = _find(nis_code, lang)
    ctx = _load(data_path, lang)
    row = _with_data(ctx, row, nis_code, lang)
    nis = str(row["nis_code"])
    projects = ctx.data.projects
    mine = set(ctx.rows("registrations", "nis_code", nis)["project_id"])
    mine |= {
        p
        for p, c in zip(projects["project_id"], projects["nis_codes"], strict=True)
        if nis in (c or ())
    }
    projects = projects[projects["project_id"].isin(mine)].reset_index(drop=True)
    report = Report(
        kind="municipality", id=nis, name_nl=str(row["name_nl"]), name_fr=str(row["name_fr"]),
        lang=lang, ctx=ctx, projects=projects, nis_codes=(nis,),
        units=tuple(Unit(p, nis) for p in projects["project_id"]), start=first, end=last,
        parameters=_given(nis_code=nis_code, data_path=data_path, lang=lang,
                          period_start=period_start, period_end=period_end, covid=covid),
        covid=covid,
    )  # fmt: skip
    return _check_data(report, "period_start" if period_start else "period_end")


def _given(**parameters: object) -> dict[str, str]:
    """The parameters as given (for the annex), ``None`` as empty."""
    return {k: "" if v is None else str(v) for k, v in parameters.items()}


def _project(ctx: DataContext, project_id: str, lang: str) -> pd.Series:
    projects = ctx.data.projects
    hit = projects[projects["project_id"] == str(project_id).strip()]
    if hit.empty:
        ids = sorted(projects["project_id"])
        close = difflib.get_close_matches(str(project_id).strip().upper(), ids, n=3)
        raise ReportParameterError(
            "project_id", project_id, "unknown_project", lang, suggestions=close, choices=ids
        )
    return hit.iloc[0]


def project_report(
    project_id: str,
    *,
    data_path: str | Path | None = "",
    lang: str = "nl",
    period_start: str = "",
    period_end: str = "",
    covid: str = "both",
) -> Report:
    """The report of one project over all its municipalities (``covid`` as for
    :func:`municipality_report`).

    Raises
    ------
    ReportParameterError
        Unknown project, an unknown language, a bad period or ``covid``.
    """
    first, last = _periods(lang, period_start, period_end)
    covid = _covid(covid, lang)
    ctx = _load(data_path, lang)
    row = _project(ctx, project_id, lang)
    pid = str(row["project_id"])
    regs = ctx.rows("registrations", "project_id", pid)
    nis = set(row["nis_codes"] or ()) | set(regs["nis_code"])
    nis_codes = tuple(sorted(nis))
    report = Report(
        kind="project", id=pid, name_nl=str(row["name"]), name_fr=str(row["name"]), lang=lang,
        ctx=ctx, projects=ctx.data.projects[ctx.data.projects["project_id"] == pid]
        .reset_index(drop=True), nis_codes=nis_codes,
        units=(Unit(pid, nis_codes[0] if len(nis_codes) == 1 else ALL),), start=first, end=last,
        parameters=_given(project_id=project_id, data_path=data_path, lang=lang,
                          period_start=period_start, period_end=period_end, covid=covid),
        covid=covid,
    )  # fmt: skip
    return _check_data(report, "period_start" if period_start else "period_end")
