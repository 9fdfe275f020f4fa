"""The training notebooks: one source per notebook, built in Dutch and French.

The sources live in :mod:`socprev_kit.teaching.course`; :mod:`socprev_kit.teaching.build` turns
them into ``notebooks/training/nl/*.ipynb`` and ``notebooks/training/fr/*.ipynb``
(``socprev-kit training --out notebooks/training``, ``make training``).
"""

from .build import build_course, make_notebook

__all__ = ["build_course", "make_notebook"]
