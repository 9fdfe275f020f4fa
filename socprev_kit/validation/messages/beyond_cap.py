"""Rows beyond the issues listed one by one (issue 14): one row per message and severity.

Each check: ``name -> (severity, {lang: template})``; see :mod:`socprev_kit.validation.messages`.
"""

from __future__ import annotations

from .terms import Severity

BEYOND_CAP_CHECKS: dict[str, tuple[Severity, dict[str, str]]] = {
    "more_rows_error": (
        "error",
        {
            "nl": "En nog {value} rijen met dezelfde melding [{hint}]. Ze staan hier samen in plaats van elk apart; verbeter ze zoals de rijen hierboven en controleer opnieuw.",
            "fr": "Et encore {value} lignes avec le même message [{hint}]. Elles sont regroupées ici au lieu d'être listées une à une ; corrigez-les comme les lignes ci-dessus et contrôlez à nouveau.",
            "en": "And {value} more rows with the same message [{hint}]. They are listed together here instead of one by one; correct them as the rows above and check again.",
        },
    ),
    "more_rows_warning": (
        "warning",
        {
            "nl": "En nog {value} rijen met dezelfde melding [{hint}]. Ze staan hier samen in plaats van elk apart; verbeter ze zoals de rijen hierboven en controleer opnieuw.",
            "fr": "Et encore {value} lignes avec le même message [{hint}]. Elles sont regroupées ici au lieu d'être listées une à une ; corrigez-les comme les lignes ci-dessus et contrôlez à nouveau.",
            "en": "And {value} more rows with the same message [{hint}]. They are listed together here instead of one by one; correct them as the rows above and check again.",
        },
    ),
    "more_rows_info": (
        "info",
        {
            "nl": "En nog {value} rijen met dezelfde melding [{hint}]. Ze staan hier samen in plaats van elk apart; verbeter ze zoals de rijen hierboven en controleer opnieuw.",
            "fr": "Et encore {value} lignes avec le même message [{hint}]. Elles sont regroupées ici au lieu d'être listées une à une ; corrigez-les comme les lignes ci-dessus et contrôlez à nouveau.",
            "en": "And {value} more rows with the same message [{hint}]. They are listed together here instead of one by one; correct them as the rows above and check again.",
        },
    ),
}
