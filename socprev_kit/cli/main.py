"""The ``socprev-kit`` command: parse the arguments, call one function, print for people.

Exit codes: 0 done (warnings allowed), 1 the data have errors, 2 the input cannot be read or the
command is misused. No traceback reaches the user; set ``SOCPREV_DEBUG=1`` to see one.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import textwrap
from pathlib import Path

from .. import __version__
from ..common.arguments import count, lang_of, notebook, out_file, out_folder, scheduler
from ..common.errors import OutputError, SocprevError

#: System errors that mean "cannot write there": full disk, quota, file size, read-only, rights.
WRITE_ERRNOS = {"ENOSPC", "EDQUOT", "EFBIG", "EROFS", "EACCES", "EPERM"}

WORDS = {
    "nl": {
        "error": "FOUT",
        "warning": "LET OP",
        "info": "INFO",
        "row": "rij",
        "summary": "{e} fout(en), {w} waarschuwing(en), {i} opmerking(en) in {f} bestand(en); "
        "{n} rijen bruikbaar.",
        "more": "... en nog {n}; schrijf alles weg met --out FILE.xlsx",
        "written": "Problemen weggeschreven naar {p}",
        "none": "Geen problemen gevonden.",
        "missing": "Niet gevonden: {p}",
        "nothing": "Geen enkel bestand kon gelezen worden.",
    },
    "fr": {
        "error": "ERREUR",
        "warning": "ATTENTION",
        "info": "INFO",
        "row": "ligne",
        "summary": "{e} erreur(s), {w} avertissement(s), {i} remarque(s) dans {f} fichier(s) ; "
        "{n} lignes utilisables.",
        "more": "... et encore {n} ; écrivez tout avec --out FILE.xlsx",
        "written": "Problèmes écrits dans {p}",
        "none": "Aucun problème trouvé.",
        "missing": "Introuvable : {p}",
        "nothing": "Aucun fichier n'a pu être lu.",
    },
    "en": {
        "error": "ERROR",
        "warning": "WARNING",
        "info": "INFO",
        "row": "row",
        "summary": "{e} error(s), {w} warning(s), {i} note(s) in {f} file(s); {n} rows usable.",
        "more": "... and {n} more; write them all with --out FILE.xlsx",
        "written": "Issues written to {p}",
        "none": "No problems found.",
        "missing": "Not found: {p}",
        "nothing": "No file could be read.",
    },
}


def _table_file(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() not in {".csv", ".xlsx"}:
        raise argparse.ArgumentTypeError(
            f"{text}: use a .csv or .xlsx file name / gebruik .csv of .xlsx / "
            "utilisez .csv ou .xlsx"
        )
    return path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="socprev-kit",
        description="Register, check and evaluate local projects against drug-related crime and "
        "nuisance (SOCPREV). / Registreren, controleren en evalueren. / Enregistrer, contrôler "
        "et évaluer.",
    )
    parser.add_argument("--version", action="version", version=f"socprev-kit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    v = sub.add_parser("validate", help="check registration files and list every problem")
    v.add_argument("paths", nargs="+", type=Path, help="files (xlsx, csv, parquet) or folders")
    v.add_argument("--lang", choices=["nl", "fr", "en"], default="nl")
    v.add_argument("--out", type=_table_file, help="also write the issues to a .csv or .xlsx file")
    v.add_argument("--catalogue", type=Path, help="a file with your own extra indicators")
    v.add_argument("--max-lines", type=count, default=200, help="issues to print (default 200)")
    v.set_defaults(func=cmd_validate)

    s = sub.add_parser("summary", help="validate, then summarise the data per municipality")
    s.add_argument("paths", nargs="+", type=Path)
    s.add_argument("--lang", choices=["nl", "fr", "en"], default="nl")
    s.set_defaults(func=cmd_summary)

    g = sub.add_parser("sample-data", help="(re)generate the synthetic sample data set")
    g.add_argument("--out", type=Path, required=True, help="folder to write to")
    g.add_argument("--seed", type=count, default=2026)
    g.set_defaults(func=cmd_sample_data)
    _add_batch(sub)
    _add_audit(sub)
    # registration and the course (their packages import nothing heavy until a command runs)
    from ..registration.feedback import add_feedback_command
    from ..registration.intake import add_intake_commands
    from ..registration.workbook import add_template_command
    from ..teaching import add_training_command

    add_template_command(sub)
    add_intake_commands(sub)
    add_feedback_command(sub)
    add_training_command(sub)
    return parser


def _parameter(text: str) -> tuple[str, str]:
    """``NAME=VALUE``; the batch gives the value the type of the notebook's default."""
    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise argparse.ArgumentTypeError(f"{text!r}: write NAME=VALUE, e.g. period_start=2021-01")
    return name, value


def _positive(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text}: give a number of seconds, 0 for no limit")
    return value


def _megabytes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"{text}: give a number of MB, 0 for no limit")
    return value


def _add_batch(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser(
        "batch",
        help="make one report per municipality and project (notebook + HTML, index)",
        description="Make one report per municipality and per project, in one or more "
        "languages: the executed notebook and a self-contained HTML page each, plus index.html, "
        "summary.csv and manifest.json. Nothing chosen: every municipality with data and every "
        "project. Exit 0: all ok; 1: some reports failed; 2: the batch could not start.",
    )
    b.add_argument(
        "municipalities",
        nargs="*",
        metavar="MUNICIPALITY",
        help="NIS codes or names (Dutch, French, English); 'all': all with data",
    )
    b.add_argument(
        "--project",
        action="append",
        default=[],
        metavar="ID",
        help="a project id (repeat for more; 'all': every project)",
    )
    where = "municipalities with data in this {} (repeat for more)"
    b.add_argument("--province", action="append", default=[], help=where.format("province"))
    b.add_argument("--region", action="append", default=[], help=where.format("region"))
    b.add_argument(
        "--police-zone", action="append", default=[], metavar="ZONE", help=where.format("zone")
    )
    b.add_argument(
        "--data", type=Path, help="file or folder of registrations (default: the sample data)"
    )
    b.add_argument("--lang", nargs="+", default=["nl", "fr"], help="nl, fr (en); default: nl fr")
    b.add_argument("--out", type=Path, default=Path("reports"), help="default: reports/")
    b.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="warm kernels on this machine (default: the number of cores)",
    )
    b.add_argument(
        "--timeout",
        type=_positive,
        default=600.0,
        help="seconds per report, 0: no limit (default 600)",
    )
    b.add_argument("--force", action="store_true", help="redo reports that are up to date")
    b.add_argument(
        "--memory-mb",
        type=_megabytes,
        default=None,
        metavar="MB",
        help="most memory one report may hold; a report over it fails alone, 0: no limit "
        "(default: SOCPREV_LIMIT_KERNEL_MB, else 3072)",
    )
    b.add_argument("--notebook", type=Path, help="municipality report notebook")
    b.add_argument("--project-notebook", type=Path, help="project report notebook")
    b.add_argument(
        "--param",
        type=_parameter,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="another notebook parameter, e.g. period_start=2021-01",
    )
    b.add_argument("--scheduler", metavar="ADDRESS", help="run on a Dask cluster")
    b.set_defaults(func=cmd_batch)


def skip_iri_grammars() -> None:
    """Import jsonschema without ``rfc3987_syntax``, which compiles 39 Earley grammars at import
    (about 3 s; python-jsonschema/jsonschema#1392 and #1521). jsonschema then lacks only its
    ``iri`` and ``iri-reference`` format checks, which neither nbformat's notebook schema nor the
    batch uses. For the command line only: a Python session that calls ``batch()`` is left alone.
    """
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        return
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment] - "not installed"
    try:
        import jsonschema  # noqa: F401 - its format checkers are set up at import
    except ImportError:
        pass
    finally:
        del sys.modules["rfc3987_syntax"]


def cmd_batch(args: argparse.Namespace) -> int:
    import logging

    lang = lang_of(args)
    out_folder(args.out, lang)
    notebook(args.notebook, lang)
    notebook(args.project_notebook, lang)
    scheduler(args.scheduler, lang)
    skip_iri_grammars()
    from ..batch import batch
    from ..batch.errors import BatchPlanError
    from ..batch.outcome import error_text
    from ..batch.texts import reader_langs
    from ..sampledata import ensure_sample_data

    # papermill and nbclient log each failure as it happens; the summary below says it once
    logging.getLogger("papermill").setLevel(logging.CRITICAL)
    if args.data is None:  # the sample data, made once where the kit is installed without them
        args.data = ensure_sample_data()
    try:
        result = _run_batch(batch, args)
    except BatchPlanError as exc:  # in the (first) report language asked for
        text = "\n\n".join(exc.message(g) for g in reader_langs(args.lang))
        print(f"socprev-kit: {text}", file=sys.stderr)
        return 2
    for r in result.records:
        if r["status"] != "ok":
            where = result.out / r["html"]
            print(f"FAILED {r['lang']} {r['kind']} {r['id']}: {error_text(r)} ({where})",
                  file=sys.stderr)  # fmt: skip
    for u in result.unread:  # in the first report language asked for
        lang = next((g for g in args.lang if g in ("nl", "fr")), "nl")
        print(f"NOT READ {u['file']}: {u.get(lang, u.get('nl', u['check']))}", file=sys.stderr)
    print(
        f"{len(result.records)} reports: {result.n_ok} ok, {result.n_failed} failed, "
        f"{result.n_up_to_date} up to date; {result.seconds:.1f} s"
    )
    _print_audit(result, args.lang)
    print(result.index)
    return 0 if result.ok else 1


def _print_audit(result, langs: list[str]) -> None:  # noqa: ANN001 - BatchResult
    """The batch's disclosure audit, in its first report language, when it failed or could
    not check every published number."""
    from ..audit.texts import unchecked, word

    lang = next((g for g in langs if g in ("nl", "fr", "en")), "en")
    if result.audit_error:
        print(word("batch_no_audit", lang).format(e=result.audit_error), file=sys.stderr)
    elif result.n_recoverable:
        text = word("batch_leak", lang).format(n=result.n_recoverable, p=result.out)
        print(text, file=sys.stderr)
    if result.disclosure is not None and (warning := unchecked(result.disclosure, lang)):
        print(warning, file=sys.stderr)


def _add_audit(sub: argparse._SubParsersAction) -> None:
    a = sub.add_parser(
        "audit-disclosure",
        help="list every hidden value one can work out from a batch's outputs",
        description="Re-read a batch's outputs (the report pages' tables) with its data and list "
        "every hidden small count a reader can work out from what is published (sums, rates, "
        "percentages, '< k'). Exit 0: none; 1: some; 2: not a batch output or no data.",
    )
    a.add_argument("out", type=Path, metavar="OUTDIR", help="the folder a batch wrote (--out)")
    a.add_argument("--data", type=Path, help="the data, if not where the manifest says")
    a.add_argument("--lang", choices=["nl", "fr", "en"], default="nl")
    a.set_defaults(func=cmd_audit_disclosure)


def cmd_audit_disclosure(args: argparse.Namespace) -> int:
    from ..audit import audit_disclosure
    from ..audit.texts import report

    result = audit_disclosure(args.out, data=args.data, lang=args.lang)
    print(report(result, args.lang))
    return 0 if result.ok else 1


def _run_batch(batch, args: argparse.Namespace):  # noqa: ANN001, ANN202 - batch(), BatchResult
    return batch(
        args.municipalities,
        projects=args.project,
        provinces=args.province,
        regions=args.region,
        police_zones=args.police_zone,
        data=args.data,
        langs=args.lang,
        out=args.out,
        jobs=max(1, args.jobs),
        timeout=args.timeout or None,
        force=args.force,
        notebook=args.notebook,
        project_notebook=args.project_notebook,
        parameters=dict(args.param),
        scheduler=args.scheduler,
        progress=True,
        memory_mb=args.memory_mb,
    )


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


def _load(args: argparse.Namespace):
    from ..validation.load import load

    words = WORDS[args.lang]
    missing = [p for p in args.paths if not p.exists()]
    for p in missing:
        print(words["missing"].format(p=p), file=sys.stderr)
    if missing:
        return None
    data = load(args.paths, lang=args.lang, catalogue=getattr(args, "catalogue", None))
    if data.files.empty or data.files["rows"].sum() == 0:  # nothing at all could be read
        print_issues(data.issues, args.lang, getattr(args, "max_lines", 200))
        print(words["nothing"], file=sys.stderr)
        return None
    return data


def cmd_validate(args: argparse.Namespace) -> int:
    if args.out:
        out_file(args.out, args.lang)
    data = _load(args)
    if data is None:
        return 2
    print_issues(data.issues, args.lang, args.max_lines)
    _print_counts(data, args.lang)
    words = WORDS[args.lang]
    if args.out:
        from ..common.exports import write_table
        from ..validation.messages import for_people

        write_table(for_people(data.issues, args.lang), args.out)
        print(words["written"].format(p=args.out))
    return 0 if data.ok else 1


def _print_counts(data, lang: str) -> None:
    counts = data.issues["severity"].value_counts()
    print(
        WORDS[lang]["summary"].format(
            e=counts.get("error", 0),
            w=counts.get("warning", 0),
            i=counts.get("info", 0),
            f=len(data.files),
            n=len(data.registrations),
        )
    )


def cmd_summary(args: argparse.Namespace) -> int:
    from ..validation.overview import overview

    data = _load(args)
    if data is None:
        return 2
    errors = data.issues[data.issues["severity"] == "error"]
    if len(errors):
        print_issues(errors, args.lang, 20)
    _print_counts(data, args.lang)
    table = overview(data, lang=args.lang)
    with_width = table.to_string(index=False, max_colwidth=40)
    print(with_width)
    return 0 if data.ok else 1


def cmd_sample_data(args: argparse.Namespace) -> int:
    from ..sampledata import write_sample_data
    from ..sampledata.messy import write_messy_files

    out_folder(args.out, None)
    written = write_sample_data(args.out, seed=args.seed)
    written += write_messy_files(args.out / "messy")
    print(f"{len(written)} files written to {args.out}")
    return 0


def print_issues(issues, lang: str, max_lines: int = 200) -> None:
    """Print the issues grouped by file, one wrapped line each."""
    import pandas as pd

    words = WORDS[lang]
    if issues.empty:
        print(words["none"])
        return
    width = 100
    shown = issues.head(max_lines)
    for (file, sheet), group in shown.groupby(["file", "sheet"], sort=False):
        print(f"\n{file}" + (f" [{sheet}]" if sheet else ""))
        for r in group.itertuples():
            where = f"{words['row']} {r.row}" if pd.notna(r.row) else ""
            col = f"{r.column}" if r.column else ""
            head = f"  {words[r.severity]:<9} {where:<10} {col[:18]:<18} "
            body = textwrap.wrap(f"{r.message} [{r.check}]", width - len(head)) or [""]
            print(head + body[0])
            for line in body[1:]:
                print(" " * len(head) + line)
    if len(issues) > max_lines:
        print("\n" + words["more"].format(n=len(issues) - max_lines))
    print()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
