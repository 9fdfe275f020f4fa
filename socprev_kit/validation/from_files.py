"""``load``: read files or folders (:mod:`socprev_kit.data.reading`) and validate them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..data.reading import read_paths
from .dataset import Dataset, validate


def load(
    paths: Iterable[str | Path] | str | Path,
    *,
    lang: str = "nl",
    strict: bool = False,
    catalogue: pd.DataFrame | str | Path | None = None,
) -> Dataset:
    """Read files or folders and return the validated canonical tables.

    Parameters
    ----------
    paths
        One or more files (xlsx, csv, parquet) or folders; a folder is read with every data file
        below it, except names starting with ``.``, ``_`` or ``~$``.
    lang
        Language of the issue messages: ``"nl"``, ``"fr"`` or ``"en"``.
    strict
        Raise :class:`~socprev_kit.common.errors.ValidationError` when any issue is an error.
    catalogue
        A catalogue file of the user's own indicators, added to the shipped one.

    Returns
    -------
    Dataset
        ``registrations``, ``projects``, ``objectives`` and ``context`` (usable rows; context:
        the files without a project column), ``issues`` and ``files``.

    Examples
    --------
    >>> data = load("sample_data/clean")  # doctest: +SKIP
    >>> data.issues.query("severity == 'error'")  # doctest: +SKIP
    """
    return validate(read_paths(paths), lang=lang, strict=strict, catalogue=catalogue)
