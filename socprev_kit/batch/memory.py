"""A memory ceiling for each process of a batch: every report kernel, and the reading of the data.

A watchdog thread looks at the resident memory of every process it watches twenty times a second
and kills (SIGKILL) one that holds more than the ceiling; the code that waited on that process
then says that it "needed more than N MB" (:data:`MESSAGES`), and the batch goes on with the
others. Resident memory, not address space: a warm report kernel reserves about 2.7 GB of
address space (thread stacks, libraries, allocator arenas) while it holds 0.4 GB, so an
address-space limit (``RLIMIT_AS``) would measure nothing a user can act on.

The ceiling, in MB: ``batch(memory_mb=...)`` or ``socprev-kit batch --memory-mb``, else
:attr:`socprev_kit.common.limits.Limits.kernel_mb` (``SOCPREV_LIMIT_KERNEL_MB``); 0 or None: none.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from dataclasses import dataclass

log = logging.getLogger(__name__)

__all__ = ["MESSAGES", "Watch", "ceiling_mb", "watch"]

#: What a process over the ceiling was doing, per language (``{mb}``: the ceiling).
MESSAGES = {
    "report": {
        "nl": "Het rapport had meer dan {mb} MB geheugen nodig en is gestopt (--memory-mb). "
        "De andere rapporten zijn gemaakt; verhoog de grens met --memory-mb als deze computer "
        "het geheugen heeft.",
        "fr": "Le rapport a eu besoin de plus de {mb} Mo de mémoire et a été arrêté "
        "(--memory-mb). Les autres rapports sont produits ; augmentez la limite avec "
        "--memory-mb si cet ordinateur a la mémoire nécessaire.",
        "en": "The report needed more than {mb} MB of memory and was stopped (--memory-mb). "
        "The other reports are made; raise the limit with --memory-mb if this computer has "
        "the memory.",
    },
    "warmup": {
        "nl": "De rapportkernel had meer dan {mb} MB geheugen nodig om de gegevens voor te "
        "bereiden (--memory-mb).",
        "fr": "Le noyau des rapports a eu besoin de plus de {mb} Mo de mémoire pour préparer "
        "les données (--memory-mb).",
        "en": "The report kernel needed more than {mb} MB of memory to prepare the data "
        "(--memory-mb).",
    },
}

#: Seconds between two looks at the watched processes.
INTERVAL = 0.05


def ceiling_mb(given: float | None = None) -> float | None:
    """The ceiling in force: ``given`` (0: none), else the limit ``kernel_mb``."""
    if given is None:
        from ..common.limits import limits

        given = limits().kernel_mb
    return float(given) if given and given > 0 else None


@dataclass
class Watch:
    """One watched process: ``exceeded`` is the resident MB it held when it was killed."""

    pid: int
    mb: float
    exceeded: float | None = None
    done: bool = False

    def stop(self) -> None:
        self.done = True

    def __enter__(self) -> Watch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


_watches: list[Watch] = []
_lock = threading.Lock()
_thread: threading.Thread | None = None


def watch(pid: int, mb: float | None) -> Watch:
    """Kill process ``pid`` if it holds more than ``mb`` MB (None: only keep count)."""
    global _thread
    found = Watch(pid, mb or float("inf"))
    if mb is None:
        return found
    with _lock:
        _watches.append(found)
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_patrol, name="socprev-memory", daemon=True)
            _thread.start()
    return found


def resident_mb(pid: int) -> float | None:
    """The resident memory of process ``pid`` in MB, None when it is gone."""
    try:
        import psutil  # a dependency of ipykernel
    except ImportError:  # pragma: no cover - Linux without psutil
        return _proc_status_mb(pid)
    try:
        return psutil.Process(pid).memory_info().rss / 2**20
    except (psutil.Error, OSError):
        return None


def _proc_status_mb(pid: int) -> float | None:
    with contextlib.suppress(OSError, ValueError):
        for line in open(f"/proc/{pid}/status", encoding="ascii"):  # noqa: SIM115
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return None


def _patrol() -> None:
    while True:
        with _lock:
            _watches[:] = [w for w in _watches if not w.done]
            current = list(_watches)
        for w in current:
            held = resident_mb(w.pid)
            if held is None:
                w.done = True
            elif held > w.mb and not w.done:
                w.exceeded = held
                w.done = True
                log.info("process %d holds %.0f MB, over %g MB: stopped", w.pid, held, w.mb)
                with contextlib.suppress(OSError):
                    os.kill(w.pid, signal.SIGKILL)
        time.sleep(INTERVAL)
