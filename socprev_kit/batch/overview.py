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

import pandas as pd

from .index import OVERVIEW, PAGE
from .index_texts import LANG_NAMES, index_text
from .journal import Journal
from .render import TEMPLATES
from .store import atomic_write

if TYPE_CHECKING:
    from markupsafe import Markup

    from ..reports.data_context import DataContext
    from .planning import Plan

log = logging.getLogger(__name__)

__all__ = ["figures", "overview_html", "row_html", "write_overview", "write_run_overview"]

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


def figures(ctx: DataContext, lang: str) -> list[dict]:
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


def row_html(rows: pd.DataFrame) -> Markup:
    """The rates table's rows as HTML, every text escaped (:func:`markupsafe.escape`, as the
    template's autoescaping does): built column-wise in one pass, because a template loop over
    the country's ~25,000 rows takes seconds."""
    from markupsafe import Markup, escape

    def esc(column: str) -> list[str]:  # each distinct text escaped once
        values = [str(v) for v in rows[column].tolist()]
        table = {v: str(escape(v)) for v in set(values)}
        return [table[v] for v in values]

    def num(text: str, value: str) -> list[str]:
        values = rows[value]
        return [
            f'<td class="num">{t}</td>'
            if pd.isna(v)
            else f'<td class="num" data-v="{v!r}">{t}</td>'
            for t, v in zip(esc(text), values.astype(float).tolist(), strict=True)
        ]

    texts = {c: esc(c) for c in ("indicator", "municipality", "province", "region", "origin")}
    facets = {c: esc(f"f_{c}") for c in ("indicator", "year", "province", "region")}
    numbers = [num(c, f"{c}_v") for c in ("year", "count", "population", "rate")]
    search = esc("search")
    hidden = rows["hidden"].to_numpy(dtype=bool)
    lines = []
    for i in range(len(rows)):
        attrs = "".join(f' data-{f}="{facets[f][i]}"' for f in facets)
        cls = ' class="hidden-cell"' if hidden[i] else ""
        cells = "".join(
            f"<td>{texts[c][i]}</td>" for c in ("indicator", "municipality", "province", "region")
        )
        cells += "".join(n[i] for n in numbers) + f"<td>{texts['origin'][i]}</td>"
        lines.append(f'<tr{cls}{attrs} data-q="{search[i]}">{cells}</tr>')
    return Markup("\n".join(lines))


def overview_html(ctx: DataContext, lang: str, langs: list[str]) -> str:
    """The overview page of ``ctx`` in ``lang`` (``langs``: the pages to switch to)."""
    from ..reports.overview import positions, rate_rows
    from ..reports.texts_overview import OVERVIEW as TEXTS
    from ..reports.texts_overview import overview_text

    rows = rate_rows(ctx, lang)
    options = {}
    for facet, _ in FILTERS:
        pairs = rows[[f"f_{facet}", facet]].drop_duplicates(f"f_{facet}")
        pairs = pairs[pairs[f"f_{facet}"].ne("")]
        ordered = pairs.sort_values(f"f_{facet}" if facet == "year" else facet)
        options[facet] = list(ordered.itertuples(index=False, name=None))
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
            n_rows=len(rows),
            rows=row_html(rows),
            figures=figures(ctx, lang),
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
