"""The words of every validation message, in Dutch, French and English.

Each check has one entry: its severity and a template per language. Templates may use ``{value}``
(the cell as the user typed it), ``{column}`` and ``{hint}`` (a detail the check computed: a
suggestion, a range, a mapped code). Every message says what is wrong and how to fix it, in words a
prevention worker understands.

One module per group of checks (:mod:`.files`, :mod:`.cells`, :mod:`.rows`, ...), assembled in
:data:`CHECKS` by :mod:`.catalogue`; the functions that write a message are in :mod:`.wording`.
"""

from __future__ import annotations

from ...data.store.texts import STORE_CHECKS
from .catalogue import CHECKS, WITHOUT_HINT
from .context import NO_PROJECT_HINT, NOT_CONTEXT_REASONS
from .headers import COLUMN_HEADERS, ISSUE_HEADERS, SEVERITY_WORDS
from .terms import LANGS, Lang, Severity
from .wording import column_header, for_people, message, severity

__all__ = [
    "CHECKS",
    "COLUMN_HEADERS",
    "ISSUE_HEADERS",
    "LANGS",
    "NOT_CONTEXT_REASONS",
    "NO_PROJECT_HINT",
    "SEVERITY_WORDS",
    "STORE_CHECKS",
    "WITHOUT_HINT",
    "Lang",
    "Severity",
    "column_header",
    "for_people",
    "message",
    "severity",
]
