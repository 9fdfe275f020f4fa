"""The feedback page: one self-contained HTML file, readable on a phone and printable.

:func:`render_html` fills :data:`PAGE`, a Jinja template rendered with autoescaping, so every
value from the data shows as text.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .content import SEVERITIES, status
from .words import WORDS, word

if TYPE_CHECKING:
    from ...common.formatting import Lang
    from .content import Feedback

#: The page: one column, readable on a phone (tables become cards below 700 px), printable.
PAGE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<link rel="icon" href="data:,">
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       margin: 1.5em auto; max-width: 1100px; color: #222; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.45em; } h2 { font-size: 1.2em; margin-top: 1.8em; }
h3 { font-size: 1.05em; margin-top: 1.4em; } h4 { font-size: 0.95em; margin: 1.2em 0 0.4em; }
.meta { color: #555; font-size: 0.9em; }
.status { padding: 0.7em 1em; border-radius: 6px; font-weight: 600; }
.status.ok { background: #e6f4ea; color: #0b5d2a; }
.status.todo { background: #fff4e5; color: #7a4100; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3em 1em; margin: 0; }
dt { font-weight: 600; } dd { margin: 0; }
ul { margin: 0; padding-left: 1.2em; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; margin-bottom: 0.8em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.35em 0.5em; text-align: left;
         vertical-align: top; overflow-wrap: anywhere; }
th { background: #f3f3f3; font-size: 0.88em; font-weight: 600; overflow-wrap: normal; }
table.issues { table-layout: fixed; }
td.cell { font-family: ui-monospace, Menlo, Consolas, monospace; }
td.value { font-family: ui-monospace, Menlo, Consolas, monospace; white-space: pre-wrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.error h3 { color: #b00020; } .warning h3 { color: #8a5300; } .info h3 { color: #555; }
.col { color: #666; font-size: 0.85em; font-family: system-ui, sans-serif; white-space: normal; }
@media (max-width: 700px) {
  table, thead, tbody, tr, th, td { display: block; }
  thead { position: absolute; left: -9999px; }
  tr { border: 1px solid #ddd; border-radius: 6px; margin-bottom: 0.6em; padding: 0.3em; }
  td { border: none; padding: 0.15em 0.3em; }
  td::before { content: attr(data-label) ": "; font-weight: 600; font-family: system-ui,
               sans-serif; }
  td.num { text-align: left; }
  dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.4em; }
}
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  .status { border: 1px solid #999; }
  tr { break-inside: avoid; } h2, h3, h4 { break-after: avoid; }
}
</style>
</head>
<body>
<h1>{{ title }}</h1>
<p>{{ intro }}</p>
<p class="status {{ 'ok' if all_well else 'todo' }}">{{ status }}</p>
<p class="meta">{{ made }}</p>

<h2>{{ w.h_who }}</h2>
<dl>
<dt>{{ w.municipality }}</dt><dd>{{ municipality }}</dd>
<dt>{{ w.nis_code }}</dt><dd>{{ nis_code }}</dd>
<dt>{{ w.province }}</dt><dd>{{ province }}</dd>
<dt>{{ w.period }}</dt><dd>{{ period }}</dd>
<dt>{{ w.files }}</dt><dd>{% if files %}<ul>{% for f in files %}<li>{{ f }}</li>{% endfor %}
</ul>{% else %}{{ w.none }}{% endif %}</dd>
<dt>{{ w.projects }}</dt><dd>{% if projects %}<ul>{% for p in projects %}<li>{{ p }}</li>
{% endfor %}</ul>{% else %}{{ w.none }}{% endif %}</dd>
</dl>

<h2>{{ w.h_missing }}</h2>
{% if not months and not never %}<p>{{ w.no_missing }}</p>{% endif %}
{% if months %}<p>{{ w.missing_intro }}</p>
<table><thead><tr>{% for h in month_headers %}<th>{{ h }}</th>{% endfor %}</tr></thead><tbody>
{% for r in months %}<tr><td data-label="{{ month_headers[0] }}">{{ r[0] }}</td>
<td data-label="{{ month_headers[1] }}">{{ r[1] }}</td><td data-label="{{ month_headers[2] }}">
{{ r[2] }}</td><td class="num" data-label="{{ month_headers[3] }}">{{ r[3] }}</td></tr>
{% endfor %}</tbody></table>{% endif %}
{% if never %}<p>{{ never_intro }}</p>
<table><thead><tr>{% for h in never_headers %}<th>{{ h }}</th>{% endfor %}</tr></thead><tbody>
{% for r in never %}<tr>{% for v in r %}<td data-label="{{ never_headers[loop.index0] }}">{{ v }}
</td>{% endfor %}</tr>{% endfor %}</tbody></table>{% endif %}

<h2>{{ w.h_issues }}</h2>
{% if not sections %}<p>{{ w.no_issues }}</p>{% else %}<p>{{ w.issues_intro }}</p>{% endif %}
{% for s in sections %}<section class="{{ s.severity }}">
<h3>{{ s.heading }}</h3>
{% for g in s.groups %}<h4>{{ g.where }}</h4>
<table class="issues"><colgroup><col style="width: 14%"><col style="width: 18%">
<col style="width: 38%"><col style="width: 30%"></colgroup>
<thead><tr>{% for h in issue_headers %}<th>{{ h }}</th>{% endfor %}</tr></thead><tbody>
{% for r in g.rows %}<tr><td class="cell" data-label="{{ issue_headers[0] }}">{{ r.cell }}
{% if r.column %}<div class="col">{{ r.column }}</div>{% endif %}</td>
<td class="value" data-label="{{ issue_headers[1] }}">{{ r.value }}</td>
<td data-label="{{ issue_headers[2] }}">{{ r.problem }}</td>
<td data-label="{{ issue_headers[3] }}">{{ r.fix }}</td></tr>
{% endfor %}</tbody></table>
{% endfor %}</section>
{% endfor %}
</body>
</html>
"""


def render_html(fb: Feedback) -> str:
    """The feedback page: one self-contained file, every value from the data escaped."""
    from jinja2 import Environment

    from ... import __version__

    lang, muni, name = fb.lang, fb.municipality, fb.name
    w = {k: word(k, lang) for k, texts in WORDS.items() if "{" not in texts[0]}
    sections = []
    for sev in SEVERITIES:
        part = fb.issues[fb.issues["severity"] == sev].fillna({"row": -1})
        groups = [
            {"where": _where(file, sheet, lang), "rows": g.to_dict("records")}
            for (file, sheet), g in part.groupby(["file", "sheet"], sort=True)
        ]
        if groups:
            sections.append({"severity": sev, "heading": w[f"h_{sev}"], "groups": groups})
    months = [
        (r.project, r.indicator, r.months, f"{r.n_missing} / {r.n_expected}")
        for r in fb.months.itertuples()
    ]
    both = {muni["name_nl"], muni["name_fr"]}
    context = {
        "lang": lang,
        "w": w,
        "title": word("title", lang, name=name),
        "intro": word("intro", lang, name=name),
        "made": word("made", lang, date=date.today().strftime("%d/%m/%Y"), version=__version__),
        "all_well": fb.all_well,
        "status": status(fb),
        "municipality": " / ".join(sorted(both, key=lambda n: n != name)),
        "nis_code": muni.name,
        "province": muni["province"] or "–",
        "period": fb.period,
        "files": fb.files,
        "projects": fb.projects,
        "months": months,
        "month_headers": [w["project"], w["indicator"], w["months"], w["missing_of"]],
        "never": fb.never[["project", "indicator", "why"]].to_numpy().tolist(),
        "never_headers": [w["project"], w["indicator"], w["note"]],
        "never_intro": word("never_intro", lang, name=name),
        "sections": sections,
        "issue_headers": [w["cell"], w["value"], w["problem"], w["fix"]],
    }
    return Environment(autoescape=True).from_string(PAGE).render(**context)


def _where(file: str, sheet: str, lang: Lang) -> str:
    if not file:
        return word("whole_data", lang)
    return (
        word("in_sheet", lang, file=file, sheet=sheet)
        if sheet
        else word("in_file", lang, file=file)
    )
