"""What the disclosure audit found: :class:`Audit` (made by
:func:`socprev_kit.audit.audit_disclosure`, written for people by :mod:`.texts`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from .solve import Recovery

__all__ = ["Audit"]


@dataclass(frozen=True)
class Audit:
    """What the audit found. ``recoveries``: every hidden small count a reader can work out."""

    out: Path
    recoveries: list[Recovery]
    n_reports: int
    n_cells: int
    n_unexplained: int
    n_series: int = 0
    n_sentences: int = 0

    @property
    def ok(self) -> bool:
        return not self.recoveries
