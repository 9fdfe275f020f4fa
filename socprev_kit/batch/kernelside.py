"""Code that runs inside a warm report kernel: remember its state after warm-up, restore it.

:func:`snapshot` runs once, after the warm-up code; :func:`reset` runs before every report. Both are
called as ``__import__("socprev_kit.batch.kernelside", fromlist=["_"]).reset(...)`` in a silent
execution (no history, no output), so they bind no name in the user namespace. The state lives in
this module, out of reach of ``%reset``.

What a report can leave behind and :func:`reset` undoes: every user variable (IPython's
``reset``), the execution counter (back to 1, so counts equal a fresh kernel's), open figures and
matplotlib's ``rcParams``, pandas options, NumPy print options, warning filters and every
module's ``__warningregistry__`` (a warning shown in one report is shown again in the next),
``sys.path``, ``os.environ`` and the working directory. Modules stay imported: that is the point
of a warm kernel, and their import-time effects belong to the warm-up. After warm-up the garbage
collector freezes what exists (``gc.freeze``): the prepared data are never walked again, which
makes the reset's collection (IPython's ``reset`` runs one) about 0.2 s faster per report.
"""

from __future__ import annotations

import gc
import os
import sys
import warnings
from typing import Any

_STATE: dict[str, Any] = {}


def snapshot(cwd: str) -> None:
    """Remember the kernel's state right after warm-up; :func:`reset` returns to it."""
    _STATE.clear()
    _STATE["cwd"] = cwd
    _STATE["path"] = list(sys.path)
    _STATE["environ"] = dict(os.environ)
    _STATE["filters"] = list(warnings.filters)
    try:
        import matplotlib
        import matplotlib.pyplot as plt
    except ImportError:
        pass
    else:
        plt.close(plt.figure())  # loads the inline backend now, as the first figure would
        _STATE["rc"] = dict(matplotlib.rcParams)
    if "numpy" in sys.modules:
        _STATE["numpy"] = sys.modules["numpy"].get_printoptions()
    if "pandas" in sys.modules:
        _STATE["pandas"] = _pandas_options()
    gc.collect()
    gc.freeze()  # the warm-up's objects live as long as the kernel: no collection walks them


def _pandas_options() -> dict[str, object]:
    import pandas as pd

    names = pd._config.config._registered_options  # no public list of every option
    return {name: pd.get_option(name) for name in names if not _deprecated(name)}


def _deprecated(name: str) -> bool:
    import pandas as pd

    return name in pd._config.config._deprecated_options


def reset(cwd: str = "") -> None:
    """Bring the kernel back to the state :func:`snapshot` saw, then clear the user namespace."""
    target = cwd if cwd and os.path.isdir(cwd) else _STATE.get("cwd", os.getcwd())
    os.chdir(target)
    sys.path[:] = _STATE.get("path", sys.path)
    if "environ" in _STATE:
        os.environ.clear()
        os.environ.update(_STATE["environ"])
    _reset_warnings()
    _reset_matplotlib()
    if "numpy" in _STATE:
        sys.modules["numpy"].set_printoptions(**_STATE["numpy"])
    if "pandas" in _STATE:
        _reset_pandas(_STATE["pandas"])
    from IPython import get_ipython

    ip = get_ipython()
    ip.reset(new_session=False)  # what `%reset -f` does; also collects garbage
    ip.execution_count = 1


def _reset_warnings() -> None:
    warnings.resetwarnings()  # also tells the warnings module its filters changed
    warnings.filters[:] = _STATE.get("filters", [])
    getattr(warnings, "onceregistry", {}).clear()
    for module in list(sys.modules.values()):
        registry = getattr(module, "__dict__", {}).get("__warningregistry__")
        if isinstance(registry, dict):
            registry.clear()


def _reset_matplotlib() -> None:
    if "matplotlib.pyplot" not in sys.modules:
        return
    import matplotlib
    import matplotlib.pyplot as plt

    plt.close("all")
    if "rc" in _STATE:
        saved = dict(_STATE["rc"])
        if matplotlib.get_backend() != saved.pop("backend"):
            plt.switch_backend(_STATE["rc"]["backend"])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            matplotlib.rcParams.update(saved)
    else:
        matplotlib.rc_file_defaults()


def _reset_pandas(saved: dict[str, object]) -> None:
    import pandas as pd

    for name, value in saved.items():
        if pd.get_option(name) != value:
            pd.set_option(name, value)
