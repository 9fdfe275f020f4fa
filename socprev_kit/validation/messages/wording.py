"""The message of one issue, the severity of a check, the header of a column, and the issues
table for people."""

from __future__ import annotations

from .catalogue import CHECKS, WITHOUT_HINT
from .headers import COLUMN_HEADERS, ISSUE_HEADERS, SEVERITY_WORDS
from .terms import LANGS, Lang, Severity


def for_people(issues, lang: Lang = "nl"):  # noqa: ANN001, ANN201 - DataFrame in and out
    """The issues table with headers and severities in ``lang``, for a file a person opens."""
    out = issues.copy()
    out["severity"] = out["severity"].map(lambda s: SEVERITY_WORDS[lang].get(s, s))
    return out.rename(columns=ISSUE_HEADERS[lang])


def severity(check: str) -> Severity:
    """The severity of a check."""
    return CHECKS[check][0]


def message(
    check: str, lang: Lang = "nl", *, value: object = "", column: str = "", hint: str = ""
) -> str:
    """The message of one issue in ``lang``.

    >>> message("bad_number", "fr", value="douze")
    "'douze' n'est pas un nombre. Tapez uniquement des chiffres (p. ex. 12 ou 12,5)."
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    template = CHECKS[check][1][lang]
    if check in WITHOUT_HINT and not str(hint or "").strip():
        template = WITHOUT_HINT[check][lang]
    return template.format(value=value, column=column, hint=hint)


def column_header(column: str, lang: Lang = "nl") -> str:
    """The template's header of a canonical column in ``lang`` (the name itself if it has none).

    >>> column_header("project_id", "fr"), column_header("remark", "fr")
    ('Projet', 'remark')
    """
    headers = COLUMN_HEADERS.get(column)
    return headers[LANGS.index(lang)] if headers else column
