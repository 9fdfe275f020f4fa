"""How much the kit reads from one input: ceilings checked before reading, so that no file,
however broken or hostile, makes a command use more than about 1 GB or a minute.

The defaults pass any real registration file with room to spare (the national benchmark's
largest file is far below each); a data team with larger files raises one with an environment
variable ``SOCPREV_LIMIT_<NAME>`` (for example ``SOCPREV_LIMIT_FILE_MB=500``), read when the
limits are asked for. A file over a limit becomes an issue naming the file, the limit and the
variable; it is never read in part without saying so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Limits:
    """The ceilings, each with the environment variable that overrides it.

    Attributes
    ----------
    file_mb : float
        Bytes on disk of one data file (CSV, xlsx, Parquet), in MB (``SOCPREV_LIMIT_FILE_MB``);
        see ``total_mb`` for why 64.
    line_chars : int
        Characters of one line of a text file (``SOCPREV_LIMIT_LINE_CHARS``).
    columns : int
        Columns of one table (``SOCPREV_LIMIT_COLUMNS``).
    header_lines : int
        Lines or rows searched for the header at the top of a file or sheet
        (``SOCPREV_LIMIT_HEADER_LINES``).
    xlsx_part_mb : float
        Uncompressed size of one part of an xlsx (a sheet, the shared strings), in MB
        (``SOCPREV_LIMIT_XLSX_PART_MB``).
    xlsx_ratio : float
        Uncompressed over compressed size of one part of an xlsx: a compression bomb inflates
        thousands of times, a real sheet 5 to 30 (``SOCPREV_LIMIT_XLSX_RATIO``).
    sheet_cells : int
        Cells that hold a value in one sheet (``SOCPREV_LIMIT_SHEET_CELLS``).
    sheets : int
        Sheets of one workbook (``SOCPREV_LIMIT_SHEETS``).
    parquet_mb : float
        Uncompressed size of the data of one Parquet file, in MB, as its footer declares it (a
        Parquet file of repeated values compresses thousands of times, legitimately; its rows
        times columns count against ``sheet_cells``) (``SOCPREV_LIMIT_PARQUET_MB``).
    kernel_mb : float
        Resident memory of one process of a batch (a report kernel, the reading of the data),
        in MB; one over it is stopped and that report (or file) fails alone; ``--memory-mb``
        of the batch overrides it (``SOCPREV_LIMIT_KERNEL_MB``). The default is eight times
        what the largest sample report holds (about 0.4 GB).
    read_seconds : float
        Seconds a batch gives the reading of one data file (``SOCPREV_LIMIT_READ_SECONDS``);
        one that takes longer (a file that never ends) is stopped and named, the others read.
    issues_per_check : int
        Issues of one check in one column of one file or sheet listed row by row; the rows
        beyond are named together in one issue with their row numbers as ranges, so that a file
        of a million broken rows costs no more than a few thousand issues
        (``SOCPREV_LIMIT_ISSUES_PER_CHECK``).
    total_mb : float
        Bytes on disk of all the data files one command reads together (a folder), in MB; the
        files past it, in name order, are not read and each gets an issue
        (``SOCPREV_LIMIT_TOTAL_MB``). A clean CSV costs about 13 times its size in memory while
        it is validated: 64 MB keeps ``validate`` under 1 GB; the 565-municipality benchmark data
        set is 32 MB.
    """

    file_mb: float = 64.0
    line_chars: int = 1_000_000
    columns: int = 2_000
    header_lines: int = 50
    xlsx_part_mb: float = 200.0
    xlsx_ratio: float = 200.0
    sheet_cells: int = 2_000_000
    sheets: int = 1_000
    parquet_mb: float = 500.0
    kernel_mb: float = 3_072.0
    read_seconds: float = 300.0
    issues_per_check: int = 1_000
    total_mb: float = 64.0

    @staticmethod
    def variable(name: str) -> str:
        """The environment variable that overrides the limit ``name``."""
        return f"SOCPREV_LIMIT_{name.upper()}"


def limits() -> Limits:
    """The limits in force: the defaults, overridden by ``SOCPREV_LIMIT_<NAME>`` variables
    (a variable that is not a positive number is ignored)."""
    given = {}
    for f in fields(Limits):
        text = os.environ.get(Limits.variable(f.name), "").strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            continue
        if value > 0:
            given[f.name] = int(value) if f.type == "int" else value
    return Limits(**given)
