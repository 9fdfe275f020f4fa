"""Where the kit's own files are: the repository next to the package, the sample data, the cache.

One small place that every layer may use, so that none of them needs the sample generator to find
the default data: :func:`sample_data_path` finds the sample data (the repository's, or the copy
:func:`socprev_kit.sampledata.ensure_sample_data` generated once into the user's cache) and says
how to make them when neither is there.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import __version__
from .errors import InputError

#: The package folder, and the repository (checkout) it sits in when installed editable.
PACKAGE = Path(__file__).resolve().parents[1]
REPO = PACKAGE.parent
#: The seed of the shipped sample data (``socprev-kit sample-data`` uses it by default).
SAMPLE_SEED = 2026


def repo_sample() -> Path:
    """``<repo>/sample_data/clean``: the sample data of a checkout (it may not exist)."""
    return REPO / "sample_data" / "clean"


def cache_home() -> Path:
    """The user's cache folder of the kit: ``$SOCPREV_KIT_CACHE``, else
    ``$XDG_CACHE_HOME/socprev-kit`` (``%LOCALAPPDATA%`` on Windows) or ``~/.cache/socprev-kit``."""
    if given := os.environ.get("SOCPREV_KIT_CACHE"):
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    return (Path(base) if base else Path.home() / ".cache") / "socprev-kit"


def generated_sample() -> Path:
    """The folder the sample data are generated into outside a checkout (``clean/`` and
    ``messy/`` below it), one per kit version and seed."""
    return cache_home() / f"sample-data-{__version__}-{SAMPLE_SEED}"


def sample_data_path() -> Path:
    """The sample data: ``<repo>/sample_data/clean`` next to the package (a checkout), else the
    copy generated into the cache folder (:func:`generated_sample`).

    Raises
    ------
    InputError
        When neither exists: the message says to give data or to make the sample data once.
    """
    if (repo := repo_sample()).is_dir():
        return repo
    if (generated := generated_sample() / "clean").is_dir():
        return generated
    raise InputError(
        "No data given, and the sample data are not there yet: give a file or folder of "
        "registrations, or make the sample data once with `socprev-kit sample-data`. / Geen "
        "gegevens opgegeven en de voorbeeldgegevens bestaan nog niet: geef een bestand of map met "
        "registraties op, of maak de voorbeeldgegevens één keer met `socprev-kit sample-data`. / "
        "Aucune donnée indiquée et les données d'exemple n'existent pas encore : indiquez un "
        "fichier ou un dossier d'enregistrements, ou créez les données d'exemple une fois avec "
        "`socprev-kit sample-data`.",
        generated,
    )


def is_sample(path: Path) -> bool:
    """Whether ``path`` (resolved) is the sample data, the repository's or a generated copy."""
    return path == repo_sample().resolve() or cache_home().resolve() in path.parents
