"""One module per training notebook: ``NUMBER``, ``NAME`` and ``CELLS``.

``CELLS`` is the ordered list of cells after the parameters cell: a markdown cell is a dict
``{"nl": ..., "fr": ...}`` (written for each language, not translated word for word), a code
cell is one string shared by both languages (the language comes from the ``lang`` parameter).
"""

from . import c01_getting_started, c05_before_after

#: The notebooks in course order.
COURSE = (c01_getting_started, c05_before_after)

__all__ = ["COURSE"]
