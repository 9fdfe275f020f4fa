"""``index.html``: every report of a run with its status, headline figures and links.

Rendered with Jinja2 and autoescaping, so a municipality or project name, an error message or a
headline value is always text, never markup. The page has no script and loads nothing.
"""

from __future__ import annotations

from datetime import datetime, timezone
from itertools import groupby
from pathlib import Path

from .journal import Journal
from .outcome import error_text
from .planning import Plan
from .render import TEMPLATES
from .store import HEADLINE_COLUMNS, atomic_write, headline_text

LANG_NAMES = {"nl": "Nederlands", "fr": "Français", "en": "English"}
KIND_NAMES = {"municipality": "Gemeente / Commune", "project": "Project / Projet"}
LABELS = {
    "n_projects": "projecten / projets",
    "n_objectives": "doelstellingen / objectifs",
    "n_reached": "bereikt / atteint",
    "n_maintained": "behouden / maintenu",
    "n_on_track": "op schema / en bonne voie",
    "n_behind": "achter op schema / en retard",
    "n_not_reached": "niet bereikt / non atteint",
    "n_not_computable": "niet te berekenen / non calculable",
    "n_issues_error": "fouten / erreurs",
    "n_issues_warning": "waarschuwingen / avertissements",
    "completeness": "volledig / complet",
    "its_level": "ITS: niveauverandering / changement de niveau (RR [95 %])",
}


def _row(record: dict) -> dict:
    headline = record.get("headline") or {}
    name = record["name_fr"] if record["lang"] == "fr" else record["name_nl"]
    values = {k: headline_text(k, headline.get(k)) for k in HEADLINE_COLUMNS}
    seconds = round(sum((record.get("seconds") or {}).values()), 1)
    return {
        **record,
        "display_name": name,
        "error_text": error_text(record),
        "headline_values": values,
        "total_seconds": seconds,
    }


def _relative(file: str, data: Path) -> str:
    """A data file's name as the user sees it: relative to the data folder."""
    root = data if data.is_dir() else data.parent
    try:
        return Path(file).relative_to(root).as_posix()
    except ValueError:
        return file


def write_index(
    out: Path, plan: Plan, records: list[dict], counts: dict, journal: Journal | None = None
) -> Path:
    """Write ``out/index.html`` and return its path."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    rows = [_row(r) for r in records]
    sections = [
        (lang, [(kind, list(group)) for kind, group in groupby(items, key=lambda r: r["kind"])])
        for lang, items in groupby(rows, key=lambda r: r["lang"])
    ]
    html = env.get_template("index.html.j2").render(
        sections=sections,
        counts=counts,
        data_path=str(plan.data_path),
        unread=[{**u, "file": _relative(u["file"], plan.data_path)} for u in plan.unread],
        input_hash=plan.input_hash,
        kit_version=plan.kit_version,
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        lang_names=LANG_NAMES,
        kind_names=KIND_NAMES,
        headline_columns=[(k, LABELS[k]) for k in HEADLINE_COLUMNS],
    )
    path = out / "index.html"
    atomic_write(path, html, journal)
    return path
