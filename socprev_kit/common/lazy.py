"""Names a folder gives on first use (PEP 562), so that importing it loads nothing heavy."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module


def lazy_names(package: str, where: Mapping[str, str]) -> Callable[[str], object]:
    """A ``__getattr__`` for the module ``package`` that imports ``where[name]`` (a module path,
    relative to ``package`` when it starts with a dot) the first time ``name`` is asked for.

    >>> getattr_ = lazy_names("socprev_kit.common", {"limits": ".limits"})
    >>> getattr_("limits").__name__
    'limits'
    """

    def __getattr__(name: str) -> object:
        if name in where:
            return getattr(import_module(where[name], package), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
