"""``socprev-kit training``: (re)build the training notebooks and the trainer's solutions."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_commands(sub: argparse._SubParsersAction) -> None:
    """``socprev-kit training --out notebooks/training``: (re)build the training notebooks."""
    p = sub.add_parser("training", help="build the training notebooks (Dutch and French)")
    p.add_argument("--out", type=Path, required=True, help="folder to write to")
    p.add_argument("--no-run", action="store_true", help="do not execute; store no outputs")
    p.add_argument("--solutions", type=Path, help="folder for the trainer's solutions_<lang>.md")
    p.set_defaults(func=cmd_training)


def cmd_training(args: argparse.Namespace) -> int:
    from ..common.arguments import out_folder
    from ..teaching.build import build_course

    out_folder(args.out, None)
    if args.solutions is not None:
        out_folder(args.solutions, None)
    for path in build_course(args.out, run=not args.no_run, solutions=args.solutions):
        print(path)
    return 0
