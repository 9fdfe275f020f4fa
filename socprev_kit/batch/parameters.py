"""The notebooks' parameters: those the batch sets itself, and the user's, checked against what
a notebook declares (``papermill.inspect_notebook``) and typed like its defaults."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Literal

from ..common.errors import SocprevError
from .errors import NotebookNotFoundError, NotebookParameterError

__all__ = ["REQUIRED", "Kind", "check_parameters", "declared"]

Kind = Literal["municipality", "project"]
#: Parameters the batch sets itself, per kind of report.
REQUIRED: dict[Kind, tuple[str, ...]] = {
    "municipality": ("nis_code", "data_path", "lang"),
    "project": ("project_id", "data_path", "lang"),
}


@cache
def declared(path: str) -> dict:
    """The parameters a notebook declares, read once per path and process."""
    import papermill

    return papermill.inspect_notebook(path)


def check_parameters(
    notebook: Path, kind: Kind, extra: Mapping[str, object]
) -> tuple[dict, list[SocprevError]]:
    """The user's parameters typed for ``notebook``, and the problems (empty: fine).

    A value given as text (from the command line) takes the type of the declared default when
    that is a number or a boolean: ``"0.5"`` for ``pause = 0.0`` becomes ``0.5``.
    """
    if not notebook.is_file():
        return {}, [NotebookNotFoundError(notebook, kind)]
    names = declared(str(notebook.resolve()))
    reserved = [p for p in extra if p in REQUIRED[kind]]
    unknown = [p for p in extra if p not in names and p not in reserved]
    missing = [p for p in REQUIRED[kind] if p not in names]
    if unknown or missing or reserved:
        return {}, [NotebookParameterError(notebook, unknown, missing, reserved)]
    typed, problems = {}, []
    for name, value in extra.items():
        try:
            typed[name] = _typed(value, names[name]["default"])
        except ValueError:
            default = names[name]["default"]
            problems.append(
                NotebookParameterError(notebook, [f"{name}={value!r} (like {default})"])
            )
    return typed, problems


def _typed(value: object, default: str) -> object:
    try:
        example = ast.literal_eval(default)
    except (ValueError, SyntaxError):
        return value
    if not isinstance(value, str) or not isinstance(example, int | float | bool):
        return value
    if isinstance(example, bool):
        if value.lower() not in {"true", "false"}:
            raise ValueError(value)
        return value.lower() == "true"
    number = ast.literal_eval(value.strip())
    if isinstance(number, bool) or not isinstance(number, int | float):
        raise ValueError(value)
    return number if isinstance(example, float) is False else float(number)
