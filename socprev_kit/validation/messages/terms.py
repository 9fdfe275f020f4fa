"""The languages of the messages and the severities of the checks."""

from __future__ import annotations

from typing import Literal

Lang = Literal["nl", "fr", "en"]
Severity = Literal["error", "warning", "info"]
LANGS: tuple[Lang, ...] = ("nl", "fr", "en")
