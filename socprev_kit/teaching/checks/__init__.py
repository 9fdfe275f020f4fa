"""The check functions of the course's exercises, one module per topic.

Every public name of every public module here is also a name of this package, so a notebook writes
``from socprev_kit.teaching.checks import check_rate``. A check takes the participant's answer
(``...`` while not answered), what it needs to compute the right answer itself (the data), and
``lang``; it returns a :class:`~socprev_kit.teaching.exercise.Feedback` and never raises on a
wrong answer.
"""

import pkgutil
from importlib import import_module

__all__: list[str] = []

for _module in pkgutil.iter_modules(__path__):
    if _module.name.startswith("_"):  # helpers of the checks, not checks
        continue
    _loaded = import_module(f"{__name__}.{_module.name}")
    for _name in _loaded.__all__:
        globals()[_name] = getattr(_loaded, _name)
        __all__.append(_name)
