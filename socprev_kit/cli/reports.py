"""``socprev-kit batch`` and ``audit-disclosure``: the reports of many municipalities and projects,
and the check that they hide what they must."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..common.arguments import lang_of, notebook, out_folder, scheduler


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``batch`` and ``audit-disclosure`` to the ``socprev-kit`` sub-commands."""
    _add_batch(sub)
    _add_audit(sub)


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
        "languages: the executed notebook and a self-contained HTML page each, plus index.html "
        "(a page per language: sort, filter, search), summary.csv (Excel), summary_utf8.csv and "
        "manifest.json, listing every report in the folder. Nothing chosen: every municipality "
        "with data and every project. Exit 0: all ok; 1: some reports failed; 2: the batch "
        "could not start.",
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
    b.add_argument(
        "--force",
        action="store_true",
        help="redo reports that are up to date (a report is up to date when its notebook, "
        "parameters, the kit and the data that report uses are unchanged)",
    )
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
