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
