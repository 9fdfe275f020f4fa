"""What one municipality's feedback says: :class:`Feedback`, gathered by :func:`collect` and
told in one sentence by :func:`status`.

The files read, the period and the projects; per project and indicator the months not registered
and the indicators expected but never registered (:mod:`.gaps`); every issue of the validation
that concerns the municipality (:mod:`.scope`) with its file, sheet and cell, what the cell
holds, what is wrong and how to fix it (the kit's own messages, cut in two by
:func:`.words.split_message`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .gaps import missing
from .scope import concerns, row_owners
from .words import month_ranges, split_message, word

if TYPE_CHECKING:  # pandas is imported where it is used: `socprev-kit --help` stays fast
    import pandas as pd

    from ...common.formatting import Lang
    from ...data.tables import ReadResult
    from ...validation.dataset import Dataset

ISSUE_COLUMNS = ["severity", "file", "sheet", "cell", "column", "value", "problem", "fix", "row"]
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Feedback:
    """What one municipality's feedback says (see :func:`collect`), in ``lang``."""

    municipality: pd.Series  # a row of reference.municipalities(), named by its NIS code
    lang: Lang
    files: list[str]
    period: str
    projects: list[str]
    months: pd.DataFrame  # project, indicator, months (compact text), n_missing, n_expected
    never: pd.DataFrame  # project, indicator, why (in words)
    issues: pd.DataFrame  # ISSUE_COLUMNS, errors first; file names as their sender knows them

    @property
    def name(self) -> str:
        return str(self.municipality["name_fr" if self.lang == "fr" else "name_nl"])

    @property
    def all_well(self) -> bool:
        return self.months.empty and self.never.empty and self.issues.empty

    def count(self, what: str) -> int:
        """Issues of a severity, ``"months"`` missing or indicators ``"never"`` registered."""
        if what == "months":
            return int(self.months["n_missing"].sum())
        return len(self.never) if what == "never" else int((self.issues["severity"] == what).sum())


def status(fb: Feedback) -> str:
    """One sentence: all is well, or what is to do."""
    lang = fb.lang
    if fb.all_well:
        return word("all_well", lang)
    counts = {k: fb.count(k) for k in ("error", "warning", "months", "never")}
    parts = [word(f"do_{k}", lang, n=n) for k, n in counts.items() if n]
    if not parts:
        return word("only_notes", lang)
    last = parts.pop()
    return word("to_do", lang, parts=", ".join(parts) + word("and", lang) + last if parts else last)


def collect(
    muni: pd.Series, data: Dataset, read: ReadResult, *, lang: Lang, roots: list[Path]
) -> Feedback:
    """What concerns ``muni`` in ``data`` (validated from ``read``), with file names relative to
    ``roots`` (the files and folders read)."""
    from ...data.catalogue import indicator_catalogue

    nis, cat = str(muni.name), indicator_catalogue()
    regs = data.registrations[data.registrations["nis_code"] == nis]
    own = data.projects[data.projects["nis_codes"].map(lambda cs: nis in cs).astype(bool)]
    pids = sorted(set(own["project_id"]) | set(regs["project_id"]))
    issues = data.issues_in(lang)
    issues = issues[concerns(issues, row_owners(read, data.projects), nis)]
    files = {*regs["source_file"], *own["source_file"], *issues["file"]} - {""}
    shown = {f: _display(f, roots) for f in files}
    names = dict(zip(data.projects["project_id"], data.projects["name"], strict=True))
    label = {p: f"{p} – {names[p]}" if p in names else p for p in pids}
    ind = cat.set_index("indicator_id")[f"name_{lang}"]
    months, never = missing(data, nis, pids, cat)
    for frame in (months, never):
        frame["project"] = frame["project"].map(label)
        frame["indicator"] = frame["indicator"].map(lambda i: f"{i} – {ind.get(i, '')}")
    never["why"] = never["why"].map(lambda k: word(k, lang))
    months["months"] = months["months"].map(lambda ms: month_ranges(ms, lang))
    rows = _issue_rows(issues, read, shown, lang)
    period, listed = _period(regs, lang), [label[p] for p in pids]
    return Feedback(muni, lang, sorted(shown.values()), period, listed, months, never, rows)


def _period(regs: pd.DataFrame, lang: Lang) -> str:
    from ...common.formatting import format_period
    from ...data.parsing import period_start

    if regs.empty:
        return word("none", lang)
    order = period_start(regs["period"].astype(object)).sort_values()
    first, last = (format_period(p, lang) for p in regs["period"].loc[order.index[[0, -1]]])
    return word("dates", lang, start=first, end=last)


def _issue_rows(issues: pd.DataFrame, read: ReadResult, shown: dict, lang: Lang) -> pd.DataFrame:
    """One row per issue: file, sheet, cell (``E12``), the column as typed, value, problem, fix;
    errors first, then by file, sheet and row."""
    import pandas as pd

    letters = {}
    for t in read.tables:
        for canon, letter in t.letters.items():
            letters[(t.file, t.sheet, canon)] = letters[(t.file, t.sheet, t.headers[canon])] = (
                letter
            )
    rows = []
    for r in issues.itertuples(index=False):
        column, message = r.column, r.message
        if r.check == "missing_months":  # project / NIS code / indicator: the NIS code is known
            column = " / ".join(column.split(" / ")[::2])
        letter = letters.get((r.file, r.sheet, column), "")
        row = None if pd.isna(r.row) else int(r.row)
        cell = f"{letter}{row}" if letter and row else word("row", lang, row=row) if row else ""
        file = shown.get(r.file, r.file)
        problem, fix = split_message(r.check, message)
        rows.append((r.severity, file, r.sheet, cell, column, r.value, problem, fix, r.row))
    out = pd.DataFrame(rows, columns=ISSUE_COLUMNS).astype({"row": "Int64"})
    out["order"] = out["severity"].map({s: i for i, s in enumerate(SEVERITIES)})
    out = out.sort_values(["order", "file", "sheet", "row"], kind="stable")
    return out.drop(columns="order").reset_index(drop=True)


def _display(file: str, roots: list[Path]) -> str:
    """A file's name as its sender knows it: relative to the folder read, or its own name."""
    for root in roots:
        try:
            return Path(file).relative_to(root if root.is_dir() else root.parent).as_posix()
        except ValueError:
            continue
    return Path(file).name
