"""The sample data where the kit looks for them by default, made once when they are not there."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..common.errors import InputError
from ..common.paths import SAMPLE_SEED, generated_sample, sample_data_path
from .files import write_sample_data
from .messy import write_messy_files


def ensure_sample_data() -> Path:
    """The sample data (:func:`socprev_kit.common.paths.sample_data_path`): the repository's,
    else generated once (seed 2026, with the messy files in ``../messy`` for the course) into
    the user's cache folder, so that a kit installed without its repository works too."""
    try:
        return sample_data_path()
    except InputError:
        pass
    target = generated_sample()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".sample-", dir=target.parent))
    write_sample_data(tmp, seed=SAMPLE_SEED)
    write_messy_files(tmp / "messy")
    try:
        tmp.rename(target)  # atomic; another process may have been first
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
    return target / "clean"
