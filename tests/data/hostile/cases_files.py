"""What is on disk and what a user types: pipes, devices, links, huge or oddly named files, and
command-line arguments that cannot be right (issue 14, items 3 and 7)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from . import NL_HEAD, Built, case, csv_rows, csv_text, registrations

NOT_REGULAR = frozenset({"not_regular_file"})


def _folder_with_regs(folder: Path, n: int = 12) -> Path:
    """``data/regs.csv``: ``n`` clean rows; returns the data folder."""
    data = folder / "data"
    data.mkdir()
    (data / "regs.csv").write_text(csv_text(NL_HEAD, registrations(n)), encoding="utf-8")
    return data


REGS = csv_rows("data/regs.csv", 2, 12)


# --- only regular files are read -----------------------------------------------------------------


@case("files_fifo_in_folder", exit=1, checks=NOT_REGULAR, usable=12, max_seconds=20)
def fifo_in_folder(folder: Path) -> Built:
    """A named pipe called pipe.csv beside a good CSV: refused with a message, the CSV read."""
    os.mkfifo(_folder_with_regs(folder) / "pipe.csv")
    return Built("data", REGS)


@case("files_fifo_named", exit=2, max_seconds=20, says=("not a regular file",))
def fifo_named(folder: Path) -> Built:
    """A named pipe named on the command line: never opened (it would block forever)."""
    os.mkfifo(folder / "pipe.csv")
    return Built("pipe.csv")


@case("files_dev_zero_link_named", exit=2, max_seconds=20, says=("not a regular file",))
def dev_zero_named(folder: Path) -> Built:
    """A link to /dev/zero named zero.csv, on the command line: endless bytes, never read."""
    (folder / "zero.csv").symlink_to("/dev/zero")
    return Built("zero.csv")


@case("files_dev_zero_link_in_folder", exit=1, checks=NOT_REGULAR, usable=12, max_seconds=20)
def dev_zero_in_folder(folder: Path) -> Built:
    """A link to /dev/zero named zero.csv in the data folder: refused, the other file read."""
    (_folder_with_regs(folder) / "zero.csv").symlink_to("/dev/zero")
    return Built("data", REGS)


@case("files_dev_null_link_named", exit=2, max_seconds=20, says=("not a regular file",))
def dev_null_named(folder: Path) -> Built:
    """A link to the device /dev/null named null.xlsx: a device, not an empty workbook."""
    (folder / "null.xlsx").symlink_to("/dev/null")
    return Built("null.xlsx")


@case("files_socket_in_folder", exit=1, checks=NOT_REGULAR, usable=12, max_seconds=20)
def socket_in_folder(folder: Path) -> Built:
    """A socket named sock.csv in the data folder (mknod, no privilege needed): refused."""
    os.mknod(_folder_with_regs(folder) / "sock.csv", 0o600 | stat.S_IFSOCK)
    return Built("data", REGS)


@case(
    "files_import_fifo_named",
    argv=("import", "{path}", "--lang", "en", "--store", "{dir}/s.duckdb"),
    exit=2,
    max_seconds=20,
    says=("UNREADABLE   pipe.csv", "not a regular file"),
)
def import_fifo_named(folder: Path) -> Built:
    """import of a named pipe: never opened (reading it to hash it blocked forever)."""
    os.mkfifo(folder / "pipe.csv")
    return Built("pipe.csv")


# --- bytes on disk checked before reading --------------------------------------------------------


@case("files_sparse_5gb_in_folder", exit=1, checks=frozenset({"file_too_large"}), usable=12)
def sparse_in_folder(folder: Path) -> Built:
    """A 5 GB file (sparse: it takes no disk) named big.csv beside a good CSV: refused by its
    size before a byte is read."""
    with (_folder_with_regs(folder) / "big.csv").open("wb") as fh:
        fh.truncate(5 * 1024**3)
    return Built("data", REGS)


@case(
    "files_over_the_size_limit_set_by_variable",
    exit=1,
    checks=frozenset({"file_too_large"}),
    usable=3,
    env={"SOCPREV_LIMIT_FILE_MB": "0.001"},
    says=("SOCPREV_LIMIT_FILE_MB",),
)
def over_env_limit(folder: Path) -> Built:
    """SOCPREV_LIMIT_FILE_MB=0.001 (1 KB): a CSV of 40 rows is refused naming the size, the
    limit and the variable; a CSV of 3 rows beside it is read."""
    data = folder / "data"
    data.mkdir()
    (data / "small.csv").write_text(csv_text(NL_HEAD, registrations(3)), encoding="utf-8")
    big = registrations(40, project="GENT-NIGHT", nis="44021")
    (data / "big.csv").write_text(csv_text(NL_HEAD, big), encoding="utf-8")
    return Built("data", csv_rows("data/small.csv", 2, 3) | csv_rows("data/big.csv", 2, 40))


# --- symbolic links that leave the data folder ---------------------------------------------------


def _outside(folder: Path) -> Path:
    """``outside/other.csv``: 12 rows of another project, outside the data folder."""
    outside = folder / "outside"
    outside.mkdir()
    rows = registrations(12, project="GENT-NIGHT", nis="44021")
    (outside / "other.csv").write_text(csv_text(NL_HEAD, rows), encoding="utf-8")
    return outside / "other.csv"


@case("files_link_outside_folder", exit=0, checks=frozenset({"link_outside_folder"}), usable=12)
def link_outside(folder: Path) -> Built:
    """data/extra.csv is a link to ../outside/other.csv: not followed (a warning says so), its
    rows not read; the folder's own CSV is."""
    target = _outside(folder)
    (_folder_with_regs(folder) / "extra.csv").symlink_to(os.path.relpath(target, folder / "data"))
    return Built("data", REGS)


@case(
    "files_feedback_link_outside_folder",
    argv=("feedback", "45041", "--data", "{path}", "--out", "{dir}/fb", "--lang", "en"),
    exit=0,
    checks=frozenset({"link_outside_folder"}),
    usable=12,
    says=("1 warning(s)",),
)
def feedback_link_outside(folder: Path) -> Built:
    """feedback reads the data folder as validate does: registrations_45041_2023.csv, a link to
    a file outside the folder, is not followed, and the feedback counts its warning."""
    target = _outside(folder)
    link = _folder_with_regs(folder) / "registrations_45041_2023.csv"
    link.symlink_to(target)
    return Built("data", REGS)


# --- a file name that is not UTF-8 ---------------------------------------------------------------


@case(
    "files_name_not_utf8",
    argv=("validate", "{path}", "--lang", "en", "--out", "{dir}/issues.csv"),
    exit=1,
    checks=frozenset({"bad_number"}),
    usable=11,
    says=("bad\\xff.csv",),
)
def name_not_utf8(folder: Path) -> Built:
    """A CSV whose name holds the byte 0xFF (a Latin-1 name copied from an old system): read,
    printed and written to the issues CSV as bad\\xff.csv; one value is not a number."""
    data = folder / "data"
    data.mkdir()
    rows = registrations(12)
    rows[3][4] = "twaalf"
    name = os.fsencode(data) + b"/bad\xff.csv"
    with open(name, "w", encoding="utf-8") as fh:
        fh.write(csv_text(NL_HEAD, rows))
    return Built("data", csv_rows("data/bad\\xff.csv", 2, 12))


case(
    "files_import_name_not_utf8",
    argv=("import", "{path}", "--lang", "en"),
    exit=1,
    checks=frozenset({"bad_number"}),
    usable=11,
    says=("NEW          bad\\xff.csv", "1 error(s)"),
)(name_not_utf8)


# --- arguments checked before work starts --------------------------------------------------------


def _csv_and_a_file(folder: Path) -> Built:
    (folder / "data.csv").write_text(csv_text(NL_HEAD, registrations(12)), encoding="utf-8")
    (folder / "afile.txt").write_text("not a folder\n", encoding="utf-8")
    (folder / "afolder.csv").mkdir()
    (folder / "afolder.xlsx").mkdir()
    return Built("data.csv")


def _argument_case(name: str, *argv: str, says: tuple[str, ...] = ()) -> None:
    def build(folder: Path) -> Built:
        built = _csv_and_a_file(folder)
        os.mkfifo(folder / "pipe.duckdb")  # a store that would block whoever opens it
        return built

    build.__doc__ = f"socprev-kit {' '.join(argv)}: refused before any work, exit 2."
    case(name, argv=argv, exit=2, max_seconds=30, says=says)(build)


_argument_case(
    "files_validate_out_under_a_file",
    *("validate", "{path}", "--lang", "en", "--out", "{dir}/afile.txt/issues.csv"),
    says=("afile.txt",),
)
_argument_case(
    "files_validate_out_is_a_folder",
    *("validate", "{path}", "--lang", "en", "--out", "{dir}/afolder.csv"),
    says=("afolder.csv",),
)
_argument_case(
    "files_validate_out_in_a_missing_folder",
    *("validate", "{path}", "--lang", "fr", "--out", "{dir}/nodir/issues.csv"),
    says=("nodir",),
)
_argument_case(
    "files_template_year_99999",
    *("template", "--project", "ANT-SW", "--year", "99999", "--out", "{dir}/t.xlsx"),
    *("--lang", "en"),
    says=("99999",),
)
_argument_case(
    "files_template_year_negative",
    *("template", "--project", "ANT-SW", "--year", "-1", "--out", "{dir}/t.xlsx", "--lang", "nl"),
    says=("-1",),
)
_argument_case(
    "files_template_out_under_a_file",
    *("template", "--project", "ANT-SW", "--out", "{dir}/afile.txt/t.xlsx", "--lang", "en"),
)
_argument_case(
    "files_template_out_is_a_folder",
    *("template", "--project", "ANT-SW", "--out", "{dir}/afolder.xlsx", "--lang", "en"),
)
_argument_case(
    "files_feedback_out_is_a_file",
    *("feedback", "11002", "--out", "{dir}/afile.txt", "--lang", "en"),
    says=("afile.txt",),
)
_argument_case(
    "files_feedback_out_under_a_file",
    *("feedback", "11002", "--out", "{dir}/afile.txt/fb", "--lang", "fr"),
)
_argument_case(
    "files_import_store_under_a_file",
    *("import", "{path}", "--store", "{dir}/afile.txt/s.duckdb", "--lang", "en"),
)
_argument_case("files_sample_data_out_is_a_file", *("sample-data", "--out", "{dir}/afile.txt"))
_argument_case("files_training_out_is_a_file", *("training", "--out", "{dir}/afile.txt"))
_argument_case(
    "files_batch_out_is_a_file",
    *("batch", "11002", "--out", "{dir}/afile.txt", "--lang", "en"),
    says=("afile.txt",),
)
_argument_case(
    "files_import_store_is_a_pipe",
    *("import", "{path}", "--store", "{dir}/pipe.duckdb", "--lang", "en"),
    says=("not a regular file",),
)
_argument_case(
    "files_history_store_is_a_pipe",
    *("history", "--store", "{dir}/pipe.duckdb", "--lang", "fr"),
    says=("pas un fichier ordinaire",),
)
_argument_case(
    "files_sample_data_negative_seed", *("sample-data", "--out", "{dir}/sd", "--seed", "-5")
)
_argument_case(
    "files_batch_notebook_is_not_a_notebook",
    *("batch", "11002", "--notebook", "{dir}/afile.txt", "--out", "{dir}/rb", "--lang", "nl"),
    says=("geen Jupyter-notebook",),
)
_argument_case(
    "files_batch_scheduler_unreachable",
    *("batch", "11002", "--scheduler", "127.0.0.1:9", "--out", "{dir}/rb", "--lang", "fr"),
    says=("Le planificateur Dask à 127.0.0.1:9 est injoignable",),
)


@case(
    "files_folder_over_the_total_limit",
    checks=frozenset({"data_too_large"}),
    usable=24,
    env={"SOCPREV_LIMIT_TOTAL_MB": "0.001"},
)
def folder_over_the_total(folder: Path) -> Built:
    """Three CSV files of about 450 bytes each, the total limit at 1,048 bytes: the first two
    are read, the third is refused with an issue naming the limit and its variable (before,
    a folder of any size was read whole: many files each under the file limit could take
    any amount of memory)."""
    data = folder / "data"
    data.mkdir()
    rows: set = set()
    who = {"a.csv": ("RONSE-SHW", "45041"), "b.csv": ("SERAING-TR", "62096"), "c.csv": ("X", "1")}
    for name, (project, nis) in who.items():
        body = registrations(12, project=project, nis=nis)
        (data / name).write_text(csv_text(NL_HEAD, body), encoding="utf-8")
        rows |= csv_rows(f"data/{name}", 2, 12)
    return Built("data", frozenset(rows))
