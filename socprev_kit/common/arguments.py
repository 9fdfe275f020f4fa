"""What a user types on the command line, checked before any work starts.

Every path, year and count a user can mistype gets a message in the command's language (all
three where no language is known yet, as in ``argparse``'s own type checks) and exit 2, before
a file is read or written: an output file that is a folder, or under a file, or in a folder
that does not exist; an output folder that is a file; a path that does not exist; a year the
kit cannot register. Each check raises :class:`~socprev_kit.common.errors.UsageError`.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from .errors import UsageError

LANGS = ("nl", "fr", "en")
#: The years a registration workbook can be made for: periods are read back for 1900-2099,
#: the reference's municipalities exist from 2000 on; ten years ahead is planning enough.
FIRST_YEAR = 2000
YEARS_AHEAD = 10

TEXTS = {
    "is_folder": (
        "{path} is een map. Geef een bestandsnaam, bijvoorbeeld {example}.",
        "{path} est un dossier. Donnez un nom de fichier, par exemple {example}.",
        "{path} is a folder. Give a file name, for example {example}.",
    ),
    "under_file": (
        "{path} kan niet: {file} is een bestand, geen map. Kies een pad in een bestaande map.",
        "{path} est impossible : {file} est un fichier, pas un dossier. Choisissez un chemin "
        "dans un dossier existant.",
        "{path} cannot be: {file} is a file, not a folder. Choose a path in an existing folder.",
    ),
    "no_folder": (
        "De map {folder} bestaat niet (voor {path}). Maak ze eerst aan of kies een bestaande map.",
        "Le dossier {folder} n'existe pas (pour {path}). Créez-le d'abord ou choisissez un "
        "dossier existant.",
        "The folder {folder} does not exist (for {path}). Create it first or choose an existing "
        "folder.",
    ),
    "is_file": (
        "{path} is een bestand, geen map. Geef een map (ze wordt aangemaakt als ze nog niet "
        "bestaat).",
        "{path} est un fichier, pas un dossier. Donnez un dossier (il est créé s'il n'existe "
        "pas encore).",
        "{path} is a file, not a folder. Give a folder (it is created if it does not exist yet).",
    ),
    "missing": (
        "Niet gevonden: {path}. Controleer de naam en de map.",
        "Introuvable : {path}. Vérifiez le nom et le dossier.",
        "Not found: {path}. Check the name and the folder.",
    ),
    "year": (
        "Het jaar {year} kan niet: geef een jaar van {first} tot en met {last}.",
        "L'année {year} n'est pas possible : donnez une année de {first} à {last}.",
        "The year {year} cannot be used: give a year from {first} to {last}.",
    ),
    "special": (
        "{path} is geen gewoon bestand (maar een named pipe, apparaat of socket). Geef een "
        "gewoon bestand.",
        "{path} n'est pas un fichier ordinaire (mais un tube nommé, un périphérique ou un "
        "socket). Donnez un fichier ordinaire.",
        "{path} is not a regular file (but a named pipe, a device or a socket). Give an ordinary "
        "file.",
    ),
    "notebook": (
        "{path} is geen Jupyter-notebook (.ipynb). Geef het rapportnotebook, bijvoorbeeld "
        "notebooks/municipality_report.ipynb.",
        "{path} n'est pas un notebook Jupyter (.ipynb). Donnez le notebook du rapport, par "
        "exemple notebooks/municipality_report.ipynb.",
        "{path} is not a Jupyter notebook (.ipynb). Give the report notebook, for example "
        "notebooks/municipality_report.ipynb.",
    ),
    "scheduler": (
        "De Dask-scheduler op {address} is niet bereikbaar ({why}). Controleer het adres "
        "(host:poort) of laat --scheduler weg om op deze machine te werken.",
        "Le planificateur Dask à {address} est injoignable ({why}). Vérifiez l'adresse "
        "(hôte:port) ou omettez --scheduler pour travailler sur cette machine.",
        "The Dask scheduler at {address} cannot be reached ({why}). Check the address "
        "(host:port) or leave out --scheduler to work on this machine.",
    ),
    "count": (
        "{text}: geef een geheel getal van 0 of meer.",
        "{text} : donnez un nombre entier de 0 ou plus.",
        "{text}: give a whole number of 0 or more.",
    ),
}


def say(key: str, lang: str | None, **fields: object) -> str:
    """The text ``key`` in ``lang``, or in Dutch, French and English (one per line) when
    ``lang`` is ``None``."""
    texts = TEXTS[key]
    if lang in LANGS:
        return texts[LANGS.index(lang)].format(**fields)
    return "\n".join(t.format(**fields) for t in texts)


def _file_above(path: Path) -> Path | None:
    """The nearest existing ancestor of ``path`` when it is a file (so ``path`` cannot be)."""
    for folder in path.parents:
        if folder.exists():
            return None if folder.is_dir() else folder
        if folder.is_symlink():  # a dangling link: nothing can be made below it
            return folder
    return None


def out_file(path: Path, lang: str | None, example: str = "issues.xlsx") -> Path:
    """``path`` as a file to write: not a folder, and in a folder that exists."""
    if path.is_dir():
        raise UsageError(say("is_folder", lang, path=path, example=path / example), path)
    blocker = _file_above(path)
    if blocker is not None:
        raise UsageError(say("under_file", lang, path=path, file=blocker), path)
    if not path.absolute().parent.is_dir():
        raise UsageError(say("no_folder", lang, path=path, folder=path.parent), path)
    return path


def out_folder(path: Path, lang: str | None) -> Path:
    """``path`` as a folder to write into (made if missing): not a file, nor under one."""
    if path.exists() and not path.is_dir():
        raise UsageError(say("is_file", lang, path=path), path)
    blocker = _file_above(path)
    if blocker is not None:
        raise UsageError(say("under_file", lang, path=path, file=blocker), path)
    return path


def regular(path: Path, lang: str | None) -> Path:
    """``path``, if it exists, as a regular file (a store, a notebook): never a named pipe,
    which would block the command forever, nor a device."""
    if path.exists() and not path.is_dir() and not path.is_file():
        raise UsageError(say("special", lang, path=path), path)
    return path


def notebook(path: Path | None, lang: str | None) -> Path | None:
    """``path``, if it is a file, as a Jupyter notebook (JSON with cells); a missing path is
    left to the batch, which says which notebook it needs."""
    import json

    if path is None or not regular(path, lang).is_file():
        return path
    try:
        cells = json.loads(path.read_bytes()).get("cells")
    except (ValueError, AttributeError, OSError):
        cells = None
    if not isinstance(cells, list):
        raise UsageError(say("notebook", lang, path=path), path)
    return path


def scheduler(address: str | None, lang: str | None, timeout: float = 5.0) -> str | None:
    """``address`` (``tcp://host:port`` or ``host:port``) as a Dask scheduler that answers,
    tried once with a short timeout; other protocols are left to Dask."""
    import socket
    from urllib.parse import urlsplit

    if not address or "://" in address and not address.startswith("tcp://"):
        return address
    where = urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        with socket.create_connection((where.hostname or "", where.port or 8786), timeout):
            return address
    except (OSError, ValueError) as exc:
        why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise UsageError(say("scheduler", lang, address=address, why=why)) from None


def existing(path: Path, lang: str | None) -> Path:
    """``path`` as a file or folder to read: it exists."""
    if not path.exists():
        raise UsageError(say("missing", lang, path=path), path)
    return path


def years() -> range:
    """The years a registration workbook can be made for."""
    return range(FIRST_YEAR, dt.date.today().year + YEARS_AHEAD + 1)


def year(value: int, lang: str | None) -> int:
    """``value`` as the year of a registration workbook (:func:`years`)."""
    if value not in years():
        first, last = years()[0], years()[-1]
        raise UsageError(say("year", lang, year=value, first=first, last=last))
    return value


def count(text: str) -> int:
    """An ``argparse`` type: a whole number of 0 or more (``--max-lines``)."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(say("count", None, text=text).replace("\n", " / "))
    return value


def lang_of(args: argparse.Namespace) -> str | None:
    """The language of a command's messages: its ``--lang`` (the first known one of a list),
    or ``None`` when the command has none."""
    given = getattr(args, "lang", None)
    for lang in [given] if isinstance(given, str) else given or []:
        if lang in LANGS:
            return lang
    return None
