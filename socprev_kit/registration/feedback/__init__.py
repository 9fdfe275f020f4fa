"""Feedback for one municipality: what is missing and what is wrong, cell by cell.

:func:`write_feedback` (:mod:`.write`) reads a data set, keeps what concerns one municipality
(:func:`collect` in :mod:`.content`, with :mod:`.scope` for the rows and issues that are its own
and :mod:`.gaps` for what it did not register) and writes a short HTML page (:mod:`.page`) and a
workbook (:mod:`.workbook`) for its prevention worker, in the words of :mod:`.words`;
the command ``socprev-kit feedback`` is in :mod:`socprev_kit.cli.feedback`. Nothing heavy is
imported here: pandas, openpyxl and jinja2 load where they are used, so that ``socprev-kit --help``
stays fast.

Disclosure: feedback goes to the municipality that registered the data, so it shows that
municipality's own cells as typed (values in its own files, even small ones). It shows no value of
another municipality and no project total: a partner's series appears only as the name of an
indicator it registered ("registered by another municipality of the project"), never with its
counts, so no partner's hidden cell can be worked out from it. Do not add project totals or
other municipalities' values here without the data set's disclosure pattern
(:mod:`socprev_kit.evaluation.disclosure`).
"""

from .content import Feedback, collect
from .words import month_ranges, split_message
from .write import FeedbackResult, write_feedback

__all__ = [
    "Feedback",
    "FeedbackResult",
    "collect",
    "month_ranges",
    "split_message",
    "write_feedback",
]
