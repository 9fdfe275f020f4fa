"""The disclosure audit: can a reader work out a hidden small count from a batch's outputs?

``audit_disclosure(out)`` (``socprev-kit audit-disclosure OUTDIR``) is the independent referee of
the small-cell suppression: it never judges a number by the kit's suppression, only reads what a
batch published (``published``: the report pages' tables, as a reader sees them; ``figures``: the
series their SVG figures draw) and the data the manifest names, and asks a linear programme
which small counts the published numbers pin down (``facts``: the attacker's model and its
limits; ``counts``: its unknowns; ``solve``: the linear programmes). The kit's disclosure pattern
only names which municipalities a funnel group leaves out, when the pages read do not tell
(``hidden``). What it found is an :class:`Audit` (``findings``), written for people by
``texts``. The batch runs it before it reports success.

What it reads: every table of every HTML page (the yearly tables of each project section, the
impact tables' counts and rates per 1,000, the objectives' current values, the funnel table with
its group rate, whose group is every municipality with twelve months of data less those whose
count is hidden, checked against the number of municipalities printed: hidden in the pages read
or, for a batch of part of the country, in the data set's pattern (``hidden``)), and the monthly
count series the SVG figures draw (``figures``: axes calibrated from their ticks), with the
hidden months drawn as hollow markers (each 1 to k - 1), and the sentences (``sentences``:
an objective's observed value, as the cell of its table; a hidden small count's value printed
beside its indicator's name and period). Not (yet): other numbers of sentences (they are no
registered count or repeat a table cell), PNG figures (cannot be read back), the funnel's
scatter of rates, the ipynb (same outputs as the pages), the funnel's Garwood interval (blank
when hidden), bounds from integrality beyond the LP relaxation, counts aggregated as a mean or a
last value.
``summary.csv`` and the manifest's headline hold counts of objectives, no data cell.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..common.errors import SocprevError
from .counts import Counts
from .facts import Facts
from .figures import Series, page_series
from .findings import Audit
from .hidden import hidden_places, pattern_of
from .published import Cell, name_codes, report_cells
from .sentences import link_sentences, objective_cells, page_sentences
from .solve import recoverable

__all__ = ["Audit", "NotABatchError", "audit_disclosure"]


class NotABatchError(SocprevError):
    """``path`` is not the output folder of a batch (no readable ``manifest.json``), or the data
    it names are gone or changed; ``reason``: ``"manifest"``, ``"data"`` or ``"changed"``."""

    def __init__(self, path: Path, reason: str, lang: str = "en") -> None:
        from .texts import word

        self.path, self.reason = path, reason
        super().__init__(word(reason, lang).format(p=path))


def _manifest(out: Path, lang: str) -> dict:
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        manifest["reports"], manifest["input"]["path"]  # noqa: B018 - the keys a batch writes
    except (OSError, ValueError, KeyError, TypeError):
        raise NotABatchError(out, "manifest", lang) from None
    return manifest


def _dataset(manifest: dict, data: str | Path | None, out: Path, lang: str):  # noqa: ANN202
    from ..data.reading import input_hash
    from ..validation.from_files import load

    path = Path(data if data is not None else manifest["input"]["path"])
    if not path.exists():
        raise NotABatchError(path, "data", lang)
    if data is None and manifest["input"].get("sha256") not in (None, input_hash(path)):
        raise NotABatchError(path, "changed", lang)
    return load(path)


def audit_disclosure(
    out: str | Path,
    *,
    data: str | Path | None = None,
    lang: str = "en",
    dataset: object | None = None,
    pattern: object | None = None,
) -> Audit:
    """Re-read a batch's outputs with its data and list every hidden count one can work out.

    Parameters
    ----------
    out : the batch's output folder (with ``manifest.json``).
    data : the registrations, if not where the manifest says (then not checked against its hash).
    lang : the language of an error message.
    dataset : the data, already read and validated from the files the manifest names (a batch
        that just read them in its own guarded process, :mod:`socprev_kit.batch.reading`).
    pattern : the data set's disclosure pattern (the cells of
        :func:`socprev_kit.evaluation.disclosure.pattern`), as the batch decided it for its
        reports; None: decided here from the data, if needed (:mod:`.hidden`). It names the
        members of each funnel group, which a batch of part of the country does not all show
        hidden.

    Raises
    ------
    NotABatchError
        ``out`` has no readable manifest, or the data are missing or changed since the batch.
    """
    from ..data.catalogue import indicator_catalogue
    from ..data.reference import population

    out = Path(out).expanduser().resolve()
    manifest = _manifest(out, lang)
    dataset = dataset if dataset is not None else _dataset(manifest, data, out, lang)
    regs = dataset.registrations.assign(nis_code=lambda r: r["nis_code"].astype(str))
    projects, names = set(regs["project_id"]), name_codes()
    cells: list[Cell] = []
    series: list[Series] = []
    said: list[tuple[Cell, Cell]] = []  # (an objective's sentence, its table cell)
    texts: dict[str, tuple[list, str]] = {}
    reports = [r for r in manifest["reports"] if r.get("status") == "ok" and r.get("html")]
    for record in reports:
        page, file = out / record["html"], record["html"]
        if page.is_file():
            mine = report_cells(page, file, record, projects, names)
            lang = record.get("lang", "nl")
            texts[file] = (page_sentences(page, file, projects), lang)
            said += objective_cells(texts[file][0], page, lang, mine)
            cells += mine
            series += page_series(page, file, record.get("lang", "nl"), _units(record, regs))
    for lang in ("nl", "fr", "en"):  # the national overview: its rates table as a funnel's
        page, file = out / lang / "overview.html", f"{lang}/overview.html"
        if page.is_file():
            cells += report_cells(page, file, {"lang": lang, "kind": "overview"}, projects, names)
    context = getattr(dataset, "context", None)
    counts = Counts(regs, indicator_catalogue(), population(2020), context)
    facts = Facts(counts, cells, lambda: hidden_places(pattern_of(dataset, pattern)))
    for cell in cells:
        facts.add(cell)
    n_series = sum(facts.add_series(s) for s in series)
    told, n_sentences = link_sentences(facts, said, texts)
    found = recoverable(facts)
    seen = {id(c) for r in found for c in r.target.hidden}
    found += [r for r in told if id(r.target.hidden[0]) not in seen]
    return Audit(out, found, len(reports), len(cells), facts.unexplained, n_series, n_sentences)


def _units(record: dict, regs) -> list[tuple[str, str]]:  # noqa: ANN001 - DataFrame
    """The (project, municipality) a page's figures may show."""
    own = str(record.get("id"))
    if record.get("kind") == "project":
        return [(own, "*")]
    projects = sorted(set(regs.loc[regs["nis_code"].eq(own), "project_id"]))
    return [(p, own) for p in projects] + [(p, "*") for p in projects]  # its own, the project's
