"""Write the registration workbook: :func:`write_template`.

Sheets: instructions, registrations (:mod:`~socprev_kit.registration.workbook.registration`),
project and objectives (:mod:`~socprev_kit.registration.workbook.sheets`), and the hidden code lists
of the drop-downs.
See :mod:`socprev_kit.data.formats.registration_layout` for where everything is.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ...data.formats import registration_layout as layout
from . import sheets, texts
from .plan import Plan, make_plan
from .registration import letter, write_registrations


def write_template(
    out: str | Path,
    *,
    project_id: str | None = None,
    nis_code: str | None = None,
    lang: str = "nl",
    year: int | None = None,
    data: str | Path | object | None = None,
) -> Path:
    """Write the registration workbook of one project, or of every project of one municipality.

    Parameters
    ----------
    out
        The ``.xlsx`` file to write (written next to it and renamed: complete or not at all).
    project_id, nis_code
        Exactly one: a project of ``data`` (rows for each of its municipalities), or a NIS code
        or name (rows for that municipality in each of its projects).
    lang
        ``"nl"``, ``"fr"`` or ``"en"``: sheet names, headers, instructions, messages.
    year
        The year of the month columns (default: this year), one of
        :func:`socprev_kit.common.arguments.years`.
    data
        A data set :func:`socprev_kit.load` reads (or a loaded ``Dataset``) with the projects,
        their objectives and what they register; default: the shipped sample data.

    Returns
    -------
    Path
        ``out``. Raises :class:`~socprev_kit.common.errors.InputError` for an unknown project and
        :class:`~socprev_kit.common.errors.UnknownMunicipalityError` for an unknown municipality.

    Examples
    --------
    >>> write_template("ant-sw.xlsx", project_id="ANT-SW", lang="nl")  # doctest: +SKIP
    """
    from ...data.catalogue import indicator_catalogue
    from ...data.reference import find_municipality, municipalities

    if (project_id is None) == (nis_code is None):
        raise ValueError("give project_id or nis_code (one of them)")
    if lang not in layout.LANGS:
        raise ValueError(f"lang must be one of {layout.LANGS}, not {lang!r}")
    if year is not None:
        from ...common.arguments import year as checked_year

        checked_year(year, lang)  # a UsageError saying which years can be used
    dataset, source = _dataset(data)
    if nis_code is not None:
        nis_code = str(find_municipality(str(nis_code))["nis_code"])
    muni = municipalities(2025)
    names = dict(zip(muni["nis_code"], muni[f"name_{'nl' if lang == 'en' else lang}"], strict=True))
    plan = make_plan(
        dataset,
        indicator_catalogue(),
        names,
        project_id=project_id,
        nis_code=nis_code,
        source=source,
    )
    return _save(build_workbook(plan, lang, year or dt.date.today().year), Path(out))


def build_workbook(plan: Plan, lang: str, year: int):  # noqa: ANN201 - an openpyxl Workbook
    """All sheets of the workbook of ``plan``."""
    from openpyxl import Workbook

    wb = Workbook()
    lists = list(dict.fromkeys([*layout.DROPDOWNS.values(), *layout.OBJECTIVE_DROPDOWNS.values()]))
    names = layout.SHEETS[lang]
    first_month = layout.FIRST_PERIOD
    values = {
        "year": str(year),
        "what": plan.what,
        **names,
        "first": letter(first_month),
        "first_period": f"{year}-01",
        "last_month": f"{year}-12",
    }
    sheets.write_instructions(wb.active, lang, values, lists)
    write_registrations(wb.create_sheet(), plan, lang, year)
    refs = sheets.write_lists(wb, lang, lists)
    sheets.write_table(
        wb,
        lang,
        "projects",
        plan.projects,
        layout.PROJECT_HEADERS[lang],
        layout.PROJECT_OPEN,
        layout.DROPDOWNS,
        refs,
        plan.what,
    )
    sheets.write_table(
        wb,
        lang,
        "objectives",
        plan.objectives,
        layout.OBJECTIVE_HEADERS[lang],
        layout.OBJECTIVE_OPEN,
        layout.OBJECTIVE_DROPDOWNS,
        refs,
        plan.what,
        _indicator_notes(lang),
    )
    wb.move_sheet(names["lists"], offset=len(wb.sheetnames))
    wb.active = 0
    wb.calculation.fullCalcOnLoad = True
    wb.properties.title = texts.WORDS[lang]["title"].format(year=year, what=plan.what)
    wb.properties.creator = "socprev-kit"
    return wb


def _indicator_notes(lang: str) -> dict[str, str]:
    """``{indicator id: "name: definition"}`` in ``lang`` for the objectives' indicator cells."""
    from ...data.catalogue import indicator_catalogue, indicator_names

    cat = indicator_catalogue()
    names = indicator_names(lang, cat)
    definitions = cat[f"definition_{lang}"].where(cat[f"definition_{lang}"] != "", cat["name_en"])
    return {i: f"{names[i]}: {d}" for i, d in zip(cat["indicator_id"], definitions, strict=True)}


def _dataset(data: object) -> tuple[object, str]:
    from ...validation.dataset import Dataset

    if isinstance(data, Dataset):
        return data, "<data>"
    from ...validation.from_files import load

    if data is None:
        from ...common.paths import sample_data_path

        data = sample_data_path()
    return load(data), str(data)


def _save(wb, out: Path) -> Path:  # noqa: ANN001
    from ...common.exports import save_workbook, write_atomically

    return write_atomically(out, lambda p: save_workbook(wb, p))
