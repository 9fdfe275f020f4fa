"""The ``socprev-kit`` command line: one module per command group; :func:`main` (in
:mod:`~socprev_kit.cli.program`) builds the parser and dispatches. ``python -m socprev_kit.cli``
runs it too."""

from .program import main

__all__ = ["main"]
