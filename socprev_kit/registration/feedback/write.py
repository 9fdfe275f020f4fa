"""Write one municipality's feedback: the page and the workbook, each completely or not at all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ...common.errors import InputError, SocprevError
from .content import SEVERITIES, collect
from .page import render_html
from .workbook import write_workbook

if TYPE_CHECKING:
    from ...common.formatting import Lang


@dataclass(frozen=True)
class FeedbackResult:
    """The page and the workbook written for one municipality, and what they count."""

    nis_code: str
    name: str
    html: Path
    xlsx: Path
    counts: dict[str, int]  # error, warning, info, months (missing), never (registered)

    @property
    def ok(self) -> bool:
        """True when this municipality's data have no error (warnings allowed)."""
        return self.counts["error"] == 0


def write_feedback(
    nis_code: str, *, data: str | Path | list | None = None, lang: Lang = "nl", out: str | Path
) -> FeedbackResult:
    """Write ``feedback_<NIS>_<lang>.html`` and ``.xlsx`` for one municipality into ``out``.

    Parameters
    ----------
    nis_code
        A NIS code or a municipality name (Dutch, French or English); an old code or the name of
        a merged municipality gives the municipality it is part of now.
    data
        Files or folders as :func:`socprev_kit.load` reads them; default: the shipped sample data.
    lang
        ``"nl"``, ``"fr"`` or ``"en"``.

    Raises
    ------
    UnknownMunicipalityError
        ``nis_code`` is no municipality.
    InputError
        A path does not exist.
    SocprevError
        The data set holds nothing about this municipality.

    Examples
    --------
    >>> write_feedback("45041", data="sample_data/messy", out="fb").counts  # doctest: +SKIP
    {'error': 13, 'warning': 2, 'info': 1, 'months': 6, 'never': 0}
    """
    from ...common.formatting import check_lang
    from ...common.paths import sample_data_path
    from ...data.reading import read_paths
    from ...data.reference import find_municipality
    from ...validation.dataset import validate

    check_lang(lang)
    muni = find_municipality(nis_code)
    paths = [Path(p) for p in ([data] if isinstance(data, str | Path) else data or [])]
    for p in paths:
        if not p.exists():
            raise InputError(f"Not found / niet gevonden / introuvable: {p}", p)
    paths = paths or [sample_data_path()]
    read = read_paths(paths)
    fb = collect(muni, validate(read, lang=lang), read, lang=lang, roots=paths)
    if fb.all_well and not fb.files and not fb.projects:
        raise SocprevError(
            f"Nothing about {muni['name_nl']} ({muni.name}) in {', '.join(map(str, paths))}: no "
            "registrations, projects or problems. Check the NIS code, or name the folder that "
            "holds its files with --data."
        )
    stem = Path(out) / f"feedback_{muni.name}_{lang}"
    from ...common.exports import write_atomically

    html = write_atomically(
        stem.with_suffix(".html"), lambda p: p.write_text(render_html(fb), "utf-8")
    )
    xlsx = write_atomically(stem.with_suffix(".xlsx"), lambda p: write_workbook(fb, p))
    counts = {k: fb.count(k) for k in (*SEVERITIES, "months", "never")}
    return FeedbackResult(str(muni.name), fb.name, html, xlsx, counts)
