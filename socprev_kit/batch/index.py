"""The index of an output folder: one page per language, and ``index.html`` to choose one.

``<lang>/index.html`` lists every report of that language in the folder, from every run
(:mod:`.listing`), with its status, name, kind, province, region, project types and headline
figures in the page's language, a link to the report, to its notebook and to the same report in
the other languages; links to the two summaries (:mod:`.summary`), the validation issues files
the batch wrote and the national overview (``<lang>/overview.html``) when they exist.

Rendered with Jinja2 and autoescaping, so a municipality or project name, an error message or a
headline value is always text, never markup. The page loads nothing: its style and its script
(``templates/index.js``: sorting, filtering and search, plain JavaScript) are inlined. Without
JavaScript it shows the whole table.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from .index_rows import COLUMNS, FILTERS, fold, index_row, value_label
from .index_texts import COLUMN_LABELS, INDEX_TEXTS, LANG_NAMES, index_text
from .journal import Journal
from .planning import Plan
from .render import TEMPLATES
from .store import atomic_write
from .summary import SUMMARY, SUMMARY_UTF8

__all__ = ["ISSUES_FILES", "OVERVIEW", "write_index"]

#: Validation issues files the index links when the folder holds them (``{lang}``: the page's).
ISSUES_FILES = (
    "validation_issues_{lang}.xlsx",
    "validation_issues_{lang}.csv",
    "validation_issues.xlsx",
    "validation_issues.csv",
)
#: The national overview page of a language, beside its index.
OVERVIEW = "{lang}/overview.html"
ORDER = ("nl", "fr", "en")
#: Rows the page's script lays out at once (more on demand): see ``templates/index.js``.
PAGE = 200


def _environment():  # noqa: ANN202 - a jinja2 Environment
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def _relative(file: str, data: Path) -> str:
    """A data file's name as the user sees it: relative to the data folder."""
    root = data if data.is_dir() else data.parent
    try:
        return Path(file).relative_to(root).as_posix()
    except ValueError:
        return file


def _options(rows: list[dict], lang: str) -> dict[str, list[tuple[str, str]]]:
    """Each filter's values on a page: ``(value, label)``, sorted by label."""
    options = {}
    for facet in FILTERS:
        values = {v for r in rows for v in r["filters"][facet].split("|") if v}
        labelled = [(v, value_label(facet, v, lang)) for v in values]
        options[facet] = sorted(labelled, key=lambda p: (fold(p[1]), p[1]))
    return options


def _links(out: Path, lang: str) -> list[tuple[str, str]]:
    """(href from the language folder, text) of the summaries, issues files and overview."""
    links = [("../" + SUMMARY, index_text("summary", lang)),
             ("../" + SUMMARY_UTF8, index_text("summary_utf8", lang))]  # fmt: skip
    for pattern in ISSUES_FILES:
        name = pattern.format(lang=lang)
        if (out / name).is_file() and all(h != "../" + name for h, _ in links):
            links.append(("../" + name, index_text("issues", lang, name=name)))
    if (out / OVERVIEW.format(lang=lang)).is_file():
        links.append(("overview.html", index_text("overview", lang)))
    return links


def _texts(lang: str) -> dict[str, str]:
    return {k: index_text(k, lang) for k, v in INDEX_TEXTS.items() if "{" not in v[lang]}


def write_index(
    out: Path,
    plan: Plan,
    records: list[dict],
    counts: dict,
    journal: Journal | None = None,
) -> Path:
    """Write ``out/<lang>/index.html`` for each language of ``records`` (every report in the
    folder) or with such a page already, and ``out/index.html``; return the path of
    ``index.html``. ``counts``: this run's."""
    env = _environment()
    script = (TEMPLATES / "index.js").read_text(encoding="utf-8").replace("</", "<\\/")
    created = datetime.now(timezone.utc).isoformat(timespec="seconds")
    html_of = {(r["lang"], r["kind"], r["id"]): r["html"] for r in records}
    # a language whose reports are all gone keeps a page, empty, never a stale list
    langs = [g for g in ORDER if any(r["lang"] == g for r in records)
             or (out / g / "index.html").is_file()]  # fmt: skip
    unread = [{**u, "file": _relative(u["file"], plan.data_path)} for u in plan.unread]
    meta = {"data_path": str(plan.data_path), "input_hash": plan.input_hash,
            "kit_version": plan.kit_version, "created": created}  # fmt: skip
    run_counts = {
        "made": counts.get("reports", 0) - counts.get("up_to_date", 0),
        "up_to_date": counts.get("up_to_date", 0),
        "failed": counts.get("failed", 0),
    }
    for lang in langs:
        rows = [
            index_row(
                r,
                lang,
                {
                    g: html_of[g, r["kind"], r["id"]]
                    for g in langs
                    if g != lang and (g, r["kind"], r["id"]) in html_of
                },
            )  # fmt: skip
            for r in records
            if r["lang"] == lang
        ]
        mine = [r for r in records if r["lang"] == lang]
        html = env.get_template("index.html.j2").render(
            lang=lang,
            rows=rows,
            columns=[(k, kind, COLUMN_LABELS[k][lang]) for k, kind in COLUMNS],
            filters=[(f, COLUMN_LABELS[f][lang], o) for f, o in _options(rows, lang).items()],
            t=_texts(lang),
            in_folder=index_text(
                "in_folder", lang, n=len(mine), failed=sum(r["status"] != "ok" for r in mine)
            ),  # fmt: skip
            this_run=index_text("this_run", lang, **run_counts),
            shown=index_text("shown", lang, shown="{shown}", total="{total}", listed="{listed}"),
            more=index_text("more", lang, n=PAGE),
            page=PAGE,
            everything=index_text("everything", lang, n="{n}"),
            switch=[(g, LANG_NAMES[g], f"../{g}/index.html") for g in langs if g != lang],
            links=_links(out, lang),
            unread=[{"file": u["file"], "why": u.get(lang) or u.get("nl", "")} for u in unread],
            script=script,
            **meta,
        )
        atomic_write(out / lang / "index.html", html, journal)
    chooser = env.get_template(
        "chooser.html.j2"
    ).render(
        pages=[
            (
                g,
                LANG_NAMES[g],
                INDEX_TEXTS["title"][g],
                f"{g}/index.html",
                index_text("n_reports", g, n=sum(r["lang"] == g for r in records)),
            )
            for g in langs
        ],  # fmt: skip
        choose=" / ".join(index_text("choose", g) for g in langs or ORDER[:2]),
        title=" / ".join(INDEX_TEXTS["title"][g] for g in langs or ORDER[:2]),
        summaries=[SUMMARY, SUMMARY_UTF8],
        **meta,
    )
    path = out / "index.html"
    atomic_write(path, chooser, journal)
    return path
