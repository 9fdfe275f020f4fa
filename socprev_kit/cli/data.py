"""``socprev-kit validate``, ``summary`` and ``sample-data``: the data, checked and summarised."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from ..common.arguments import count, out_file, out_folder

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
        "context": "{c} rijen contextgegevens (zonder project) bruikbaar.",
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
        "context": "{c} lignes de données de contexte (sans projet) utilisables.",
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
        "context": "{c} rows of context data (no project) usable.",
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


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``validate``, ``summary`` and ``sample-data`` to the ``socprev-kit`` sub-commands."""
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
    g.add_argument(
        "--scale",
        choices=["teaching", "national"],
        default="teaching",
        help="teaching: the small sample (default); national: context data for all 565 "
        "municipalities and ~170 projects / teaching: het kleine voorbeeld (standaard); "
        "national: contextgegevens voor alle 565 gemeenten en ~170 projecten / teaching : le "
        "petit exemple (par défaut) ; national : données de contexte des 565 communes et ~170 "
        "projets",
    )
    g.set_defaults(func=cmd_sample_data)


def _load(args: argparse.Namespace):
    from ..validation.from_files import load

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
    if len(data.context):
        print(WORDS[lang]["context"].format(c=len(data.context)))


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
    if args.scale == "national":
        from ..sampledata.national_files import write_national_data

        written = write_national_data(args.out, seed=args.seed)
        print(f"{len(written)} files written to {args.out}")
        return 0
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
