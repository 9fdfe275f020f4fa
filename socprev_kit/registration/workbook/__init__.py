"""The registration workbook: the Excel template a prevention worker fills in, and its layout.

``write_template`` writes it (``socprev-kit template``, :mod:`socprev_kit.cli.workbook`);
:mod:`socprev_kit.data.formats.excel` reads its registration sheet back through
:mod:`socprev_kit.data.formats.registration`. Nothing heavy is imported here: pandas and openpyxl
load when a workbook is written.
"""

from ...common.lazy import lazy_names

_LAZY = {"write_template": ".write", "build_workbook": ".write"}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = ["build_workbook", "write_template"]
