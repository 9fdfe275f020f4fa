"""The registration workbook: the Excel template a prevention worker fills in, and its layout.

``write_template`` writes it (``socprev-kit template``, :mod:`socprev_kit.cli.workbook`);
:mod:`socprev_kit.data.formats.excel` reads its registration sheet back through
:mod:`socprev_kit.data.formats.registration`. Nothing heavy is imported here: pandas and openpyxl
load when a workbook is written.
"""

from importlib import import_module

_LAZY = {"write_template": ".write", "build_workbook": ".write"}


def __getattr__(name: str):  # noqa: ANN202 - PEP 562 lazy attributes
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["build_workbook", "write_template"]
