"""Which rows, files and issues of a data set concern one municipality.

- an issue on a data row belongs to the municipalities the row is about: a registration's NIS
  code as typed (an old code counts for the municipality it is part of now; without a code, its
  municipality name), a project's lead and participating municipalities, an objective's
  project's municipalities;
- an issue that questions a registration's municipality (an unknown, unreadable or empty code, a
  name that does not match, a municipality outside the project, an old code) also belongs to the
  municipalities of the file that holds the row: the code itself may be the typo;
- an issue without a row of its own (a missing column, an unreadable or empty file, a header) or
  on a row whose municipality cannot be read belongs to the municipalities of its file, those
  with registrations or projects in it; a file with none, to the municipality whose NIS code is
  in its name;
- a missing-months warning belongs to the municipality of its series; a check skipped for the
  whole data set (no projects table) concerns every municipality.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported where it is used: `socprev-kit --help` stays fast
    import pandas as pd

    from ...data.tables import ReadResult

IDENTITY_CHECKS = {"unknown_nis", "bad_nis", "unknown_municipality", "name_mismatch",
                   "nis_not_in_project", "merged_nis", "missing_value"}  # fmt: skip
DATASET_CHECKS = {"no_projects", "no_usable_projects"}


def row_owners(read: ReadResult, projects: pd.DataFrame) -> pd.DataFrame:
    """``file, sheet, row, nis``: the municipalities each row read is about."""
    import pandas as pd

    from ...data import parsing, reference

    regs = _rows(read, "registrations", "nis_code", "municipality")
    regs["nis"] = _current(regs["nis_code"])
    by_name = regs["nis"].isna() & regs["municipality"].notna()
    regs.loc[by_name, "nis"] = _current(reference.names_to_nis(regs.loc[by_name, "municipality"]))
    proj = _rows(read, "projects", "project_id", "lead_nis_code", "nis_codes")
    lists = parsing.parse_list(proj["nis_codes"].astype(object))
    codes = [(lead, *cs) for lead, cs in zip(proj["lead_nis_code"], lists, strict=True)]
    proj = proj.assign(nis=pd.Series(codes, index=proj.index, dtype=object)).explode("nis")
    proj["nis"] = _current(proj["nis"])
    pid = proj["project_id"].astype(str).str.strip()
    members = pd.concat([
        pd.DataFrame({"pid": pid, "nis": proj["nis"]}),
        projects[["project_id", "nis_codes"]].set_axis(["pid", "nis"], axis=1).explode("nis"),
    ]).dropna().groupby("pid")["nis"].agg(tuple)  # fmt: skip
    obj = _rows(read, "objectives", "project_id")
    obj["nis"] = obj["project_id"].astype(str).str.strip().map(members)
    parts = [regs, proj, obj.explode("nis")]
    out = pd.concat([p[["file", "sheet", "row", "nis"]] for p in parts], ignore_index=True)
    return out.astype({"row": "int64", "nis": object})


def concerns(issues: pd.DataFrame, owners: pd.DataFrame, nis: str) -> pd.Series:
    """True for the issues that concern municipality ``nis`` (the rules of the module doc), given
    the :func:`row_owners` of the rows read."""
    import numpy as np
    import pandas as pd

    mine = owners["nis"] == nis
    on_row = mine.groupby([owners["file"], owners["sheet"], owners["row"]]).any()
    rows = issues["row"].fillna(-1).astype("int64")
    hit = on_row.reindex(pd.MultiIndex.from_arrays([issues["file"], issues["sheet"], rows]))
    own_file = issues["file"].isin(set(owners.loc[mine, "file"]))
    unowned = ~issues["file"].isin(set(owners.loc[owners["nis"].notna(), "file"]))
    named = unowned & issues["file"].map(lambda f: nis in Path(f).name)
    on_own_row = hit.fillna(False).to_numpy(dtype=bool)
    identity = issues["check"].isin(IDENTITY_CHECKS) & own_file
    tied = np.where(hit.notna().to_numpy(), on_own_row | identity, own_file | named)
    series = issues["column"].str.split(" / ").map(lambda k: len(k) == 3 and k[1] == nis)
    tied = np.where(issues["check"] == "missing_months", series, tied)
    return pd.Series(tied, index=issues.index, dtype=bool) | issues["check"].isin(DATASET_CHECKS)


def _current(values: pd.Series) -> pd.Series:
    """NIS codes as typed → current 2025 codes; anything else → missing."""
    from ...data import parsing, reference

    codes = reference.to_current_nis(parsing.parse_nis(values.astype(object)))
    return codes.where(codes.isin(reference.known_nis_codes(2025))).astype(object)


def _rows(read: ReadResult, table: str, *columns: str) -> pd.DataFrame:
    """Every ``table`` read, end to end: ``file, sheet, row`` and the ``columns`` as typed."""
    import numpy as np
    import pandas as pd

    from ...data.tables import as_numpy

    tables = [t for t in read.tables if t.table == table]
    sizes = [len(t) for t in tables]

    def stack(name: str) -> np.ndarray:
        parts = [t.column(name) for t in tables]
        arrays = [
            np.full(n, None, dtype=object) if p is None else as_numpy(p).astype(object)
            for p, n in zip(parts, sizes, strict=True)
        ]
        return np.concatenate(arrays) if arrays else np.array([], dtype=object)

    where = {
        "file": np.repeat(np.array([t.file for t in tables], dtype=object), sizes),
        "sheet": np.repeat(np.array([t.sheet for t in tables], dtype=object), sizes),
    }
    return pd.DataFrame(where | {c: stack(c) for c in ("source_row", *columns)}).rename(
        columns={"source_row": "row"}
    )
