"""One module per training notebook: ``NUMBER``, ``NAME`` and ``CELLS``.

``CELLS`` is the ordered list of cells after the parameters cell: a markdown cell is a dict
``{"nl": ..., "fr": ...}`` (written for each language, not translated word for word), a code
cell is one string shared by both languages (the language comes from the ``lang`` parameter).
"""

import pkgutil
from importlib import import_module

#: The notebooks in course order: every module ``cNN_<name>`` of this package, by number.
COURSE = tuple(
    import_module(f"{__name__}.{m.name}")
    for m in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)
    if m.name[:1] == "c" and m.name[1:3].isdigit()
)

__all__ = ["COURSE"]
