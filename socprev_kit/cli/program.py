"""The ``socprev-kit`` command: parse the arguments, call one function, print for people.

Each command group adds its sub-commands and holds their functions: :mod:`.data` (``validate``,
``summary``, ``sample-data``), :mod:`.reports` (``batch``, ``audit-disclosure``), :mod:`.power`
(``power``), :mod:`.workbook`
(``template``), :mod:`.intake` (``import``, ``history``), :mod:`.feedback` (``feedback``) and
:mod:`.training` (``training``). Nothing heavy is imported until a command runs.

Exit codes: 0 done (warnings allowed), 1 the data have errors, 2 the input cannot be read or the
command is misused. No traceback reaches the user; set ``SOCPREV_DEBUG=1`` to see one.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from .. import __version__
from ..common.arguments import lang_of
from ..common.errors import OutputError, SocprevError
from . import data, feedback, intake, power, reports, training, workbook

#: The command groups, in the order ``socprev-kit --help`` lists their sub-commands.
GROUPS = (data, reports, power, workbook, intake, feedback, training)

#: System errors that mean "cannot write there": full disk, quota, file size, read-only, rights.
WRITE_ERRNOS = {"ENOSPC", "EDQUOT", "EFBIG", "EROFS", "EACCES", "EPERM"}


def build_parser() -> argparse.ArgumentParser:
    """The ``socprev-kit`` parser with the sub-commands of every group."""
    parser = argparse.ArgumentParser(
        prog="socprev-kit",
        description="Register, check and evaluate local projects against drug-related crime and "
        "nuisance (SOCPREV). / Registreren, controleren en evalueren. / Enregistrer, contrôler "
        "et évaluer.",
    )
    parser.add_argument("--version", action="version", version=f"socprev-kit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        group.add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    _readable_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except OutputError as exc:
        print(f"socprev-kit: {_in_lang(exc, lang_of(args))}", file=sys.stderr)
        return 2
    except SocprevError as exc:
        print(f"socprev-kit: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the last guard before a traceback reaches a user
        if isinstance(exc, OSError) and _cannot_write(exc):  # a full disk met by any writer
            print(f"socprev-kit: {_in_lang(_output_error(args, exc), lang_of(args))}",
                  file=sys.stderr)  # fmt: skip
            return 2
        if os.environ.get("SOCPREV_DEBUG"):
            raise
        print(
            f"socprev-kit: unexpected error: {type(exc).__name__}: {exc}\n"
            "Run again with SOCPREV_DEBUG=1 to see the details, and report them.",
            file=sys.stderr,
        )
        return 2


def _readable_output() -> None:
    """Print names that are not UTF-8 (a file name's undecodable bytes) as escapes, not crash;
    the kit's log warnings as one line each, without a traceback (``SOCPREV_DEBUG=1``: with)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    logger = logging.getLogger("socprev_kit")
    if not os.environ.get("SOCPREV_DEBUG") and not any(
        isinstance(h, _OneLine) for h in logger.handlers
    ):
        handler = _OneLine()
        handler.setLevel(logging.WARNING)
        logger.addHandler(handler)


class _OneLine(logging.StreamHandler):
    """A log record as ``socprev-kit: message (the error)``, on the current ``sys.stderr``."""

    def emit(self, record: logging.LogRecord) -> None:
        error = record.exc_info[1] if record.exc_info else None
        text = record.getMessage() + (f" ({type(error).__name__}: {error})" if error else "")
        print(f"socprev-kit: {text}", file=sys.stderr)


def _cannot_write(exc: OSError) -> bool:
    import errno

    return errno.errorcode.get(exc.errno or 0, "") in WRITE_ERRNOS


def _output_error(args: argparse.Namespace, exc: OSError) -> OutputError:
    """A write error met anywhere in a command, named by the folder the user gave."""
    given = getattr(args, "out", None) or getattr(args, "store", None)
    if isinstance(given, Path):
        folder = given.parent if given.suffix and not given.is_dir() else given
    else:
        folder = Path(exc.filename).parent if exc.filename else Path.cwd()
    return OutputError(folder, exc)


def _in_lang(exc: OutputError, lang: str | None) -> str:
    langs = [lang] if lang else ["nl", "fr", "en"]
    return "\n".join(exc.message(g) for g in langs)
