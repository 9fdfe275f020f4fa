"""The batch over a data folder with a hostile file, and a report that takes too much memory.

Each case runs ``socprev-kit batch`` with a small report notebook made here (it reads no data, so
a case takes seconds) on a copy of two sample registration files. What the batch must do: make
the reports it can, name what it could not read or make, and exit 1; never crash, hang or take
the machine's memory.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from . import Built, case

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "sample_data" / "clean"


def sample_folder(folder: Path) -> Path:
    """``folder/data`` with the sample registrations of Oostende (35013) and Bredene (35002)."""
    data = folder / "data"
    data.mkdir()
    for nis in ("35002", "35013"):
        name = f"registrations_{nis}.csv"
        (data / name).write_bytes((SAMPLE / name).read_bytes())
    return data


def tiny_notebook(path: Path, hungry_mb: int = 0) -> Path:
    """A municipality report notebook (``nis_code``, ``data_path``, ``lang``) that prints its
    municipality; for ``hungry_for`` it first takes ``hungry_mb`` MB, 20 MB at a time."""
    import nbformat

    params = nbformat.v4.new_code_cell(
        'nis_code = "44021"\ndata_path = ""\nlang = "nl"\nhungry_for = ""'
    )
    params.metadata["tags"] = ["parameters"]
    grow = (
        "import time\nheld = []\nif nis_code == hungry_for:\n"
        f"    for _ in range({hungry_mb // 20}):\n"
        "        held.append(b'x' * (20 * 2**20))\n        time.sleep(0.02)\n"
        "print('made', nis_code, len(held))"
    )
    nb = nbformat.v4.new_notebook(cells=[params, nbformat.v4.new_code_cell(grow)])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)
    return path


_ML = "http://schemas.openxmlformats.org/"
#: What a one-cell workbook of openpyxl (inline strings) needs to read its cell from a table of
#: shared strings instead: part -> (old text, new text).
_SHARED = {
    "xl/worksheets/sheet1.xml": ('t="inlineStr"><is><t>x</t></is>', 't="s"><v>0</v>'),
    "[Content_Types].xml": (
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    "xl/_rels/workbook.xml.rels": (
        "</Relationships>",
        f'<Relationship Id="rIdS" Type="{_ML}officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>',
    ),
}


def shared_strings_bomb(path: Path, mb: int = 1500) -> Path:
    """An xlsx of a few MB whose shared-strings table inflates to one string of ``mb`` MB,
    the only cell's value."""
    import io

    from openpyxl import Workbook

    book, plain = Workbook(), io.BytesIO()
    book.active.title, book.active["A1"] = "registraties", "x"
    book.save(plain)
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_ML}spreadsheetml/2006/main" '
    head += 'count="1" uniqueCount="1"><si><t>'
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            text = src.read(item).decode("utf-8")
            old, new = _SHARED.get(item.filename, ("", ""))
            z.writestr(item.filename, text.replace(old, new) if old else text)
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            fh.write(head.encode())
            block = b"a" * 2**20
            for _ in range(mb):
                fh.write(block)
            fh.write(b"</t></si></sst>")
    return path


BATCH = ("batch", "35013", "35002", "--data", "{dir}/data", "--out", "{dir}/out", "--notebook",
         "{dir}/report.ipynb", "--lang", "nl", "--jobs", "1")  # fmt: skip


@case(
    "batch_hostile_file_in_the_data_folder",
    exit=1,
    argv=(*BATCH, "--memory-mb", "450"),
    says=("2 reports: 2 ok, 0 failed", "NOT READ", "bomb.xlsx"),
    max_seconds=120,
)
def hostile_file_in_folder(folder: Path) -> Built:
    """Two sample registration files and an xlsx whose shared strings inflate to 1 GB: the
    batch reads its data in a process of its own, stopped over the ceiling (450 MB here); the
    file is named as not read (in the index and on the terminal) and both reports are made."""
    shared_strings_bomb(sample_folder(folder) / "bomb.xlsx", mb=1000)
    tiny_notebook(folder / "report.ipynb")
    return Built("data")


@case(
    "batch_report_over_the_memory_ceiling",
    exit=1,
    argv=(*BATCH, "--memory-mb", "500", "--param", "hungry_for=35013"),
    says=(
        "FAILED nl municipality 35013: Het rapport had meer dan 500 MB geheugen nodig",
        "2 reports: 1 ok, 1 failed",
    ),  # fmt: skip
    max_seconds=90,
)
def report_over_memory(folder: Path) -> Built:
    """A custom report notebook that takes 1.5 GB for Oostende only, under a ceiling of 500 MB:
    that report fails alone, saying it needed more than 500 MB; Bredene's is made."""
    sample_folder(folder)
    tiny_notebook(folder / "report.ipynb", hungry_mb=1500)
    return Built("data")
