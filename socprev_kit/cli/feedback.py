"""``socprev-kit feedback``: parse, write the feedback of one municipality, say what."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_commands(sub: argparse._SubParsersAction) -> None:
    """``socprev-kit feedback NIS [--lang nl|fr|en] [--data PATH ...] --out DIR``."""
    f = sub.add_parser(
        "feedback",
        help="for one municipality: what is missing and wrong, cell by cell (HTML page + xlsx)",
        description="Write feedback_<NIS>_<lang>.html and .xlsx for one municipality: the months "
        "and indicators not registered, and every problem in its files, cell by cell, with how "
        "to fix it. Exit 0: no errors; 1: its data have errors; 2: cannot start (unknown "
        "municipality, missing path, nothing about it in the data).",
    )
    f.add_argument("municipality", metavar="NIS", help="NIS code or name of the municipality")
    f.add_argument("--lang", choices=["nl", "fr", "en"], default="nl")
    f.add_argument("--data", type=Path, nargs="+", help="files or folders (default: sample data)")
    f.add_argument("--out", type=Path, required=True, help="folder to write to")
    f.set_defaults(func=cmd_feedback)


def cmd_feedback(args: argparse.Namespace) -> int:
    from ..common.arguments import existing, out_folder
    from ..registration.feedback.words import word
    from ..registration.feedback.write import write_feedback

    out_folder(args.out, args.lang)
    for path in args.data or []:
        existing(path, args.lang)
    r = write_feedback(args.municipality, data=args.data, lang=args.lang, out=args.out)
    print(word("written", args.lang, name=r.name, nis=r.nis_code, html=r.html, xlsx=r.xlsx))
    print(word("counts", args.lang, **r.counts))
    return 0 if r.ok else 1
