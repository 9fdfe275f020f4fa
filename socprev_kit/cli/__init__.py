"""The ``socprev-kit`` command line: one module per command group, :func:`main` dispatches."""

from .main import main

__all__ = ["main"]
