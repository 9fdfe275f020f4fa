"""One error hierarchy for the kit.

Every error carries the data a caller needs and a message that says what went wrong, where, and
how to fix it. The command line catches :class:`SocprevError` and prints its message; no traceback
reaches a user of the CLI.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


class SocprevError(Exception):
    """Base class of every error the kit raises on purpose."""


class InputError(SocprevError):
    """A file or folder cannot be read at all (missing, unsupported format, unreadable)."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None


class ValidationError(SocprevError):
    """Strict mode found errors; ``issues`` is the whole issues table."""

    def __init__(self, issues: pd.DataFrame, message: str | None = None) -> None:
        self.issues = issues
        n_errors = int((issues["severity"] == "error").sum()) if len(issues) else 0
        if message is None:
            first = issues[issues["severity"] == "error"].head(5)
            lines = [
                f"  {r.file}, {r.sheet or '-'}, row {r.row}, column {r.column}: {r.message}"
                for r in first.itertuples()
            ]
            more = f"\n  ... and {n_errors - len(first)} more" if n_errors > len(first) else ""
            message = f"{n_errors} error(s) in the input:\n" + "\n".join(lines) + more
        super().__init__(message)
        self.n_errors = n_errors


class CatalogueError(SocprevError):
    """An indicator catalogue (shipped or the user's) is inconsistent.

    ``problems`` lists one sentence per problem, each naming the indicator and the column.
    """

    def __init__(self, problems: list[str], path: Path | str | None = None) -> None:
        self.problems = list(problems)
        self.path = Path(path) if path is not None else None
        where = f" in {self.path}" if self.path else ""
        super().__init__(
            f"The indicator catalogue{where} has {len(self.problems)} problem(s):\n"
            + "\n".join(f"  - {p}" for p in self.problems)
        )


class UnknownMunicipalityError(SocprevError, LookupError):
    """A NIS code or name that is not in the reference; ``suggestions`` holds near misses."""

    def __init__(self, query: str, suggestions: list[str] | None = None, geography: int = 2025):
        self.query = query
        self.suggestions = list(suggestions or [])
        self.geography = geography
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(
            f"Unknown municipality {query!r} in the {geography} geography.{hint} "
            "Use a 5-digit NIS code or the Dutch or French name."
        )


class WidgetChoiceError(SocprevError, ValueError):
    """An initial choice of a widget (municipality, project, indicator) that has no data; the
    message lists the valid choices."""


#: Why a file cannot be written, by errno (``ENOSPC`` ...), in nl, fr and en.
_WRITE_REASONS = {
    "ENOSPC": ("de schijf is vol", "le disque est plein", "the disk is full"),
    "EDQUOT": ("uw schijfquotum is op", "votre quota disque est atteint",
               "your disk quota is used up"),
    "EFBIG": ("het bestand wordt te groot voor deze schijf",
              "le fichier devient trop grand pour ce disque",
              "the file grows too large for this disk"),
    "EROFS": ("de map is alleen-lezen", "le dossier est en lecture seule",
              "the folder is read-only"),
    "EACCES": ("u mag er niet schrijven", "vous n'avez pas le droit d'y écrire",
               "you may not write there"),
    "EPERM": ("u mag er niet schrijven", "vous n'avez pas le droit d'y écrire",
              "you may not write there"),
}  # fmt: skip
_WRITE = (
    "Kan niet schrijven in de map {folder}: {reason}. Er is geen half bestand achtergelaten en "
    "niets dat al bewaard was is verloren. Maak plaats vrij of kies een andere map.",
    "Impossible d'écrire dans le dossier {folder} : {reason}. Aucun fichier partiel n'est resté "
    "et rien de ce qui était déjà enregistré n'est perdu. Libérez de la place ou choisissez un "
    "autre dossier.",
    "Cannot write in the folder {folder}: {reason}. No partial file was left and nothing already "
    "stored is lost. Free some space or choose another folder.",
)


class OutputError(SocprevError):
    """A file the kit writes in ``folder`` cannot be written (a full disk, a read-only folder,
    no rights); ``errno`` is the system's error number. The writer leaves no partial file;
    :meth:`message` says so in the user's language."""

    def __init__(self, folder: Path | str, exc: OSError) -> None:
        import errno as errnos

        self.folder = Path(folder)
        self.errno = exc.errno
        self.code = errnos.errorcode.get(exc.errno or 0, "")
        self.detail = exc.strerror or str(exc)
        super().__init__(" / ".join(self.message(g) for g in ("en", "nl", "fr")))

    def message(self, lang: str) -> str:
        """The message in ``lang`` (``"nl"``, ``"fr"`` or ``"en"``)."""
        i = ("nl", "fr", "en").index(lang)
        reason = _WRITE_REASONS.get(self.code, (self.detail,) * 3)[i]
        return _WRITE[i].format(folder=self.folder, reason=reason)


class UsageError(SocprevError):
    """A command-line argument that cannot be right (a path, a year, an option), found before
    any work starts; the message, in the user's language, says which and how to fix it."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None
