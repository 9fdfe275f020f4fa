"""The errors of the batch engine, all :class:`~socprev_kit.common.errors.SocprevError`.

A batch is checked before anything runs; every problem found becomes one error, and all of them
travel together in one :class:`BatchPlanError`, so a user fixes them in one go.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..common.errors import InputError, SocprevError, UnknownMunicipalityError

if TYPE_CHECKING:
    from ..common.formatting import Lang


class UnknownProjectError(SocprevError, LookupError):
    """A project id that is not in the data; ``suggestions`` holds near misses."""

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        self.query = query
        self.suggestions = list(suggestions)
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"Unknown project {query!r}: it is not in the data.{hint}")


class UnknownGroupError(SocprevError, LookupError):
    """A province, region or police zone that matches no municipality; ``choices`` are valid."""

    def __init__(self, kind: str, query: str, choices: Sequence[str] = ()) -> None:
        self.kind = kind
        self.query = query
        self.choices = list(choices)
        some = ", ".join(self.choices[:12]) + (" ..." if len(self.choices) > 12 else "")
        super().__init__(f"Unknown {kind} {query!r}. Choose one of: {some}")


class UnknownLanguageError(SocprevError, ValueError):
    """A report language the kit does not write."""

    def __init__(self, lang: str, known: Sequence[str]) -> None:
        self.lang = lang
        self.known = list(known)
        super().__init__(f"Unknown report language {lang!r}; use one of {', '.join(known)}.")


class NotebookParameterError(SocprevError):
    """The parameters a batch passes do not match those the notebook declares.

    ``unknown``: passed but not declared (a typo would silently use the default). ``missing``:
    needed by the batch (``nis_code``, ``lang`` ...) but not declared by the notebook.
    ``reserved``: passed by the user but set by the batch itself (``lang``, ``data_path`` ...).
    """

    def __init__(
        self,
        notebook: Path,
        unknown: Sequence[str] = (),
        missing: Sequence[str] = (),
        reserved: Sequence[str] = (),
    ) -> None:
        self.notebook = Path(notebook)
        self.unknown = list(unknown)
        self.missing = list(missing)
        self.reserved = list(reserved)
        parts = []
        if self.unknown:
            parts.append(f"unknown parameter(s) {', '.join(self.unknown)}")
        if self.missing:
            parts.append(f"missing parameter(s) {', '.join(self.missing)}")
        if self.reserved:
            parts.append(
                f"{', '.join(self.reserved)} set by the batch itself (use the batch's options)"
            )
        super().__init__(
            f"Notebook {self.notebook}: {'; '.join(parts)}. The parameters cell (tag "
            "'parameters') must declare every parameter the batch passes."
        )


class NotebookNotFoundError(SocprevError, FileNotFoundError):
    """A report notebook that does not exist or cannot be read."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = Path(path)
        self.kind = kind
        option = "--project-notebook" if kind == "project" else "--notebook"
        super().__init__(f"No {kind} report notebook at {self.path}; pass one with {option} PATH.")


class DataPathError(InputError):
    """The data path given to the batch does not exist."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"The data path {path} does not exist.", path)


class DataReadError(InputError):
    """The data could not be read and validated at all (not one file's fault): ``reason``."""

    def __init__(self, path: Path, reason: str) -> None:
        self.reason = reason
        super().__init__(f"The data in {path} could not be read ({reason}).", path)


class NothingToReportError(InputError):
    """The data hold no registration and no project: there is no report to make."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"Nothing to report: no registrations in {path}.", path)


class BatchPlanError(SocprevError):
    """The batch cannot start: ``errors`` lists every problem found (the errors above).

    ``str(error)`` is in English; :meth:`message` gives the problems in a report language
    (:func:`plan_message`, in the words of :mod:`~socprev_kit.batch.texts`), as
    ``socprev-kit batch`` shows them.
    """

    def __init__(self, errors: Sequence[SocprevError]) -> None:
        self.errors = list(errors)
        lines = "\n".join(f"  - {e}" for e in self.errors)
        super().__init__(f"The batch cannot start ({len(self.errors)} problem(s)):\n{lines}")

    def message(self, lang: str) -> str:
        """The problems in ``lang`` (``"nl"``, ``"fr"`` or ``"en"``), one per line."""
        from .texts import plan_heading  # imports pandas (French spaces): only when asked

        lines = [f"  - {plan_message(e, lang)}" for e in self.errors]  # type: ignore[arg-type]
        return "\n".join([plan_heading(len(self.errors), lang), *lines])  # type: ignore[arg-type]


def plan_message(error: SocprevError, lang: Lang) -> str:
    """One problem of a plan in ``lang``; an error without a translation keeps its own text."""
    from .texts import PLAN_TEXTS, plan_text  # imports pandas (French spaces): only when asked

    def hint(suggestions: Sequence[str]) -> str:
        listed = ", ".join(suggestions)
        return plan_text("did_you_mean", lang, suggestions=listed) if suggestions else ""

    def parts(error: NotebookParameterError) -> str:
        given = {"unknown": error.unknown, "missing": error.missing, "reserved": error.reserved}
        return "; ".join(plan_text(k, lang, names=", ".join(v)) for k, v in given.items() if v)

    e, g = error, lang
    if isinstance(e, UnknownMunicipalityError):
        return plan_text("unknown_municipality", g, query=repr(e.query), hint=hint(e.suggestions))
    if isinstance(e, UnknownProjectError):
        return plan_text("unknown_project", g, query=repr(e.query), hint=hint(e.suggestions))
    if isinstance(e, UnknownGroupError):
        choices = ", ".join(e.choices[:12]) + (" ..." if len(e.choices) > 12 else "")
        kind = PLAN_TEXTS[e.kind][g] if e.kind in PLAN_TEXTS else e.kind
        return plan_text("unknown_group", g, kind=kind, query=repr(e.query), choices=choices)
    if isinstance(e, UnknownLanguageError):
        return plan_text("unknown_language", g, code=repr(e.lang))
    if isinstance(e, NotebookParameterError):
        return plan_text("notebook_parameters", g, notebook=e.notebook, parts=parts(e))
    if isinstance(e, NotebookNotFoundError):
        option = "--project-notebook" if e.kind == "project" else "--notebook"
        return plan_text("notebook_not_found", g, kind=e.kind, path=e.path, option=option)
    if isinstance(e, DataReadError):
        return plan_text("data_read", g, path=e.path, reason=e.reason)
    if isinstance(e, DataPathError | NothingToReportError):
        key = "data_path" if isinstance(e, DataPathError) else "nothing"
        return plan_text(key, g, path=e.path)
    return str(e)


class KernelError(SocprevError):
    """A report kernel could not be started or warmed up; ``detail`` is the kernel's error."""

    def __init__(self, message: str, detail: str = "") -> None:
        self.detail = detail
        super().__init__(f"{message}: {detail}" if detail else message)
