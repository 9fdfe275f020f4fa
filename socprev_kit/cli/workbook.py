"""``socprev-kit template``: write the registration workbook of a project or a municipality."""

from __future__ import annotations

import argparse
from pathlib import Path


def _xlsx(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() != ".xlsx":
        raise argparse.ArgumentTypeError(
            f"{text}: use an .xlsx file name / gebruik .xlsx / utilisez .xlsx"
        )
    return path


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``template`` to the sub-commands of the ``socprev-kit`` parser."""
    t = sub.add_parser(
        "template",
        help="write the Excel registration workbook of a project or a municipality",
        description="Write the registration workbook (instructions, registration sheet with one "
        "column per month, project and objectives) for one project, or for every project of "
        "one municipality. Exit 2: unknown project or municipality.",
    )
    which = t.add_mutually_exclusive_group(required=True)
    which.add_argument("--project", metavar="ID", help="a project id of the data")
    which.add_argument("--municipality", metavar="NIS", help="a NIS code (or name)")
    t.add_argument("--lang", choices=["nl", "fr", "en"], default="nl")
    t.add_argument("--year", type=int, help="year of the month columns (default: this year)")
    t.add_argument("--data", type=Path, help="file or folder with the projects (default: sample)")
    t.add_argument("--out", type=_xlsx, required=True, help="the .xlsx file to write")
    t.set_defaults(func=cmd_template)


def cmd_template(args: argparse.Namespace) -> int:
    from ..common.arguments import existing, out_file
    from ..registration.workbook.write import write_template

    out_file(args.out, args.lang, example="template.xlsx")
    if args.data is not None:
        existing(args.data, args.lang)
    path = write_template(
        args.out,
        project_id=args.project,
        nis_code=args.municipality,
        lang=args.lang,
        year=args.year,
        data=args.data,
    )
    print(path)
    return 0
