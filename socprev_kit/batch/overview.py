"""The national overview page of an output folder, one per language: ``<lang>/overview.html``.

Its tables come from the batch's data context (:mod:`socprev_kit.reports.overview`, computed
once per run and shared by every language); this module only renders them with Jinja2 and
autoescaping and writes the page. The rates table is sorted, filtered and searched by the
index's own script (``templates/index.js``, inlined), a page of rows at a time; without
JavaScript the whole table shows. Each indicator's funnel is the reports' figure
(:func:`socprev_kit.reports.figures.funnel_figure`), inlined as an SVG image with an alternative
text that says its result.
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from .index import OVERVIEW, PAGE
from .index_texts import LANG_NAMES, index_text
from .journal import Journal
from .render import TEMPLATES
from .store import atomic_write

if TYPE_CHECKING:
    from ..reports.data_context import DataContext
    from .planning import Plan

log = logging.getLogger(__name__)

__all__ = ["overview_html", "write_overview", "write_run_overview"]

#: The rates table's columns: (text key, "num" or "text").
COLUMNS = (("indicator", "text"), ("municipality", "text"), ("province", "text"),
           ("region", "text"), ("year", "num"), ("count", "num"), ("population", "num"),
           ("rate", "num"), ("origin", "text"))  # fmt: skip
#: The filters: (facet, text key); the values are the rows' facets.
FILTERS = (("indicator", "indicator"), ("year", "year"), ("province", "province"),
           ("region", "region"))  # fmt: skip


def _environment():  # noqa: ANN202 - a jinja2 Environment
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def _figures(ctx: DataContext, lang: str) -> list[dict]:
    """Each indicator's funnel: ``title``, ``src`` (an SVG data URI) and ``alt``; or ``none``
    (why there is no funnel)."""
    from ..reports.display import figure_svg
    from ..reports.figures import funnel_figure
    from ..reports.overview import funnel_alt, funnels, no_funnel
    from ..reports.tables import indicator_label

    out = []
    for indicator, (year, frame) in funnels(ctx).items():
        if year is None:
            out.append({"none": no_funnel(indicator, lang)})
            continue
        title = f"{indicator_label(indicator, lang)}, {year}"
        svg = figure_svg(funnel_figure(frame, (), title, lang))  # type: ignore[arg-type]
        src = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
        out.append({"title": title, "src": src, "alt": funnel_alt(indicator, year, frame, lang)})
    return out


def overview_html(ctx: DataContext, lang: str, langs: list[str]) -> str:
    """The overview page of ``ctx`` in ``lang`` (``langs``: the pages to switch to)."""
    from ..reports.overview import positions, rate_rows
    from ..reports.texts_overview import OVERVIEW as TEXTS
    from ..reports.texts_overview import overview_text

    rows = rate_rows(ctx, lang)
    options = {}
    for facet, _ in FILTERS:
        values = {}
        for r in rows:
            values.setdefault(r["facets"][facet], r["cells"][_cell_of(facet)][0])
        ordered = sorted(values.items(), key=lambda p: p[0] if facet == "year" else p[1])
        options[facet] = [(v, t) for v, t in ordered if v]
    t = {k: overview_text(k, lang) for k, v in TEXTS.items() if "{" not in v[0]}
    script = (TEMPLATES / "index.js").read_text(encoding="utf-8").replace("</", "<\\/")
    return (
        _environment()
        .get_template("overview.html.j2")
        .render(
            lang=lang,
            t=t,
            columns=[(t[k], kind) for k, kind in COLUMNS],
            filters=[(f, t[k], options[f]) for f, k in FILTERS],
            rows=rows,
            figures=_figures(ctx, lang),
            positions=positions(ctx, lang),
            all=index_text("all", lang),
            reset=index_text("reset", lang),
            sort_hint=index_text("sort_hint", lang),
            filters_label=index_text("filters", lang),
            shown=overview_text(
                "shown", lang, shown="{shown}", total="{total}", listed="{listed}"
            ),  # fmt: skip
            more=index_text("more", lang, n=PAGE),
            everything=index_text("everything", lang, n="{n}"),
            page=PAGE,
            switch=[(g, LANG_NAMES[g], f"../{g}/overview.html") for g in langs if g != lang],
            script=script,
        )
    )


def _cell_of(facet: str) -> int:
    return {"indicator": 0, "province": 2, "region": 3, "year": 4}[facet]


def write_overview(
    out: Path, ctx: DataContext, langs: list[str], journal: Journal | None = None
) -> list[Path]:
    """Write ``out/<lang>/overview.html`` for each of ``langs``; return their paths."""
    paths = []
    for lang in langs:
        path = out / OVERVIEW.format(lang=lang)
        atomic_write(path, overview_html(ctx, lang, langs), journal)
        paths.append(path)
    return paths


def write_run_overview(
    out: Path, the_plan: Plan, memory_mb: float | None, journal: Journal | None = None
) -> None:
    """Write the national overview of each language of the plan (:mod:`.overview`) from the
    data context the plan and the kernels share (built once per run: not read again); when it
    cannot be made, say why in the log and leave the reports as they are."""
    from .inputs import planned_context

    langs = [g for g in ("nl", "fr", "en") if any(j.lang == g for j in the_plan.jobs)]
    if not langs:
        return
    try:
        ctx = planned_context(str(the_plan.data_path), the_plan.input_hash, memory_mb)
        write_overview(out, ctx, langs, journal)
    except Exception:  # noqa: BLE001 - the reports are made; the overview is an extra page
        log.warning("the national overview could not be made", exc_info=True)
