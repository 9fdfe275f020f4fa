"""``socprev-kit import`` and ``socprev-kit history``: parse, call one function, print for people.

Nothing heavy is imported here: the commands import pandas and DuckDB when they run.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..common.arguments import count

TEXTS = {
    "nl": {
        "new": "NIEUW        {name}: {new} waarden ingelezen (import {id}).",
        "corrected": "VERBETERD    {name}: {changed} gewijzigd, {new} nieuw, {unchanged} "
        "ongewijzigd (import {id}).",
        "unchanged": "ONGEWIJZIGD  {name}: dezelfde inhoud als {same}{at}; niets veranderd.",
        "at": ", ingelezen op {t}",
        "unreadable": "ONLEESBAAR   {name}: niet ingelezen ({detail}).",
        "issues": "             {e} fout(en), {w} waarschuwing(en), {i} opmerking(en): "
        "zie socprev-kit validate {store}",
        "store_file": "een intake-databank wordt niet ingelezen",
        "done": "{n} bestand(en); databank: {store}",
        "empty": "Geen waarden gevonden.",
        "more": "... en nog {n} rijen; beperk met --project, --municipality, --period, "
        "--indicator of --max-lines",
    },
    "fr": {
        "new": "NOUVEAU      {name} : {new} valeurs importées (import {id}).",
        "corrected": "CORRIGÉ      {name} : {changed} modifiée(s), {new} nouvelle(s), "
        "{unchanged} inchangée(s) (import {id}).",
        "unchanged": "INCHANGÉ     {name} : même contenu que {same}{at} ; rien n'a changé.",
        "at": ", importé le {t}",
        "unreadable": "ILLISIBLE    {name} : non importé ({detail}).",
        "issues": "             {e} erreur(s), {w} avertissement(s), {i} remarque(s) : "
        "voir socprev-kit validate {store}",
        "store_file": "une base d'enregistrements n'est pas importée",
        "done": "{n} fichier(s) ; base : {store}",
        "empty": "Aucune valeur trouvée.",
        "more": "... et encore {n} lignes ; limitez avec --project, --municipality, --period, "
        "--indicator ou --max-lines",
    },
    "en": {
        "new": "NEW          {name}: {new} values imported (import {id}).",
        "corrected": "CORRECTED    {name}: {changed} changed, {new} new, {unchanged} unchanged "
        "(import {id}).",
        "unchanged": "UNCHANGED    {name}: same content as {same}{at}; nothing changed.",
        "at": ", imported on {t}",
        "unreadable": "UNREADABLE   {name}: not imported ({detail}).",
        "issues": "             {e} error(s), {w} warning(s), {i} note(s): see socprev-kit "
        "validate {store}",
        "store_file": "an intake store is not imported",
        "done": "{n} file(s); store: {store}",
        "empty": "No values found.",
        "more": "... and {n} more rows; narrow with --project, --municipality, --period, "
        "--indicator or --max-lines",
    },
}


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``import`` and ``history`` to the ``socprev-kit`` sub-commands."""
    i = sub.add_parser(
        "import",
        help="validate files and keep them in the intake store (nothing is ever lost)",
        description="Validate registration files and keep every value, with its file, sheet, "
        "cell and time of import, in an intake store (a DuckDB file; default _intake.duckdb "
        "in the folder of the first file). The same file again changes nothing; a corrected "
        "file supersedes the values it covers, and the earlier values stay in the history. "
        "Exit 0: stored; 1: a file has errors (stored all the same); 2: a file is unreadable.",
    )
    i.add_argument("paths", nargs="+", type=Path, help="files (xlsx, csv, parquet) or folders")
    i.add_argument("--store", type=Path, help="the store file (default: _intake.duckdb)")
    i.add_argument("--lang", choices=["nl", "fr", "en"], default="nl")
    i.add_argument(
        "--wait", type=float, default=60.0, help="seconds to wait for another import (60)"
    )
    i.set_defaults(func=cmd_import)

    h = sub.add_parser(
        "history",
        help="what a registered value was, when, and from which file and cell",
        description="Every version of the matching values in the intake store, newest first; "
        "the current one is marked.",
    )
    h.add_argument(
        "--store", type=Path, default=Path("_intake.duckdb"), help="default: ./_intake.duckdb"
    )
    h.add_argument("--project", metavar="ID")
    h.add_argument("--municipality", metavar="NIS")
    h.add_argument("--period", metavar="PERIOD", help="e.g. 2024-03")
    h.add_argument("--indicator", metavar="ID")
    h.add_argument("--lang", choices=["nl", "fr", "en"], default="nl")
    h.add_argument("--max-lines", type=count, default=200, help="rows to print (default 200)")
    h.set_defaults(func=cmd_history)


def cmd_import(args: argparse.Namespace) -> int:
    from ..common.arguments import out_file, regular
    from ..registration.intake.importing import default_store, import_files

    store = out_file(args.store or default_store(args.paths), args.lang, "_intake.duckdb")
    regular(store, args.lang)
    report = _unless_full(
        store, lambda: import_files(args.paths, store, lang=args.lang, lock_timeout=args.wait)
    )
    for line in report_lines(report, args.lang):
        print(line)
    return report.exit_code


def _unless_full(store: Path, work):  # noqa: ANN001, ANN202 - a callable and its ImportReport
    """Run ``work``; when it fails on a store it created, remove what it made of it (a store of
    nothing, its write-ahead log), so that a full disk leaves no half store behind. A store that
    existed is DuckDB's to keep whole (its transaction is rolled back)."""
    made = [p for p in (store, store.with_name(store.name + ".wal")) if not p.exists()]
    try:
        return work()
    except BaseException as exc:
        for p in made:
            p.unlink(missing_ok=True)
        if (full := _disk_error(exc)) is not None:
            from ..common.errors import OutputError

            raise OutputError(store.absolute().parent, full) from None
        raise


def _disk_error(exc: BaseException) -> OSError | None:
    """The full disk, quota or read-only folder that DuckDB met, as an :class:`OSError` (DuckDB
    says it in its own error's text), or ``None``."""
    import errno
    import os

    from ..data.store.connection import StoreError

    if not isinstance(exc, OSError | StoreError) and "duckdb" not in type(exc).__module__:
        return None
    text = str(exc)
    for code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS):
        if os.strerror(code) in text:
            return OSError(code, os.strerror(code))
    return None


def report_lines(report, lang: str) -> list[str]:  # noqa: ANN001 - an ImportReport
    """What happened to each file, in ``lang``."""
    from ..data.files import shown

    t = TEXTS[lang]
    lines = []
    for f in report.files:
        detail = t["store_file"] if f.detail == "intake store" else f.detail
        lines.append(
            t[f.status].format(
                name=shown(f.path.name),
                id=f.import_id,
                new=f.new,
                changed=f.changed,
                unchanged=f.unchanged,
                same=Path(f.same_as).name if f.same_as else "",
                at=t["at"].format(t=f.detail) if f.status == "unchanged" and f.detail else "",
                detail=detail,
            )
        )
        if f.status != "unreadable" and (f.errors or f.warnings or f.notes):
            lines.append(
                t["issues"].format(e=f.errors, w=f.warnings, i=f.notes, store=report.store)
            )
    lines.append(t["done"].format(n=len(report.files), store=report.store))
    return lines


def cmd_history(args: argparse.Namespace) -> int:
    from ..common.arguments import regular
    from ..registration.intake.versions import for_people, history

    regular(args.store, args.lang)
    table = history(
        args.store,
        project=args.project,
        municipality=args.municipality,
        period=args.period,
        indicator=args.indicator,
    )
    t = TEXTS[args.lang]
    if table.empty:
        print(t["empty"])
        return 0
    shown = for_people(table.head(args.max_lines), args.lang)
    print(shown.to_string(index=False, max_colwidth=60))
    if len(table) > args.max_lines:
        print(t["more"].format(n=len(table) - args.max_lines))
    return 0
