"""Deterministic synthetic sample data: projects, objectives and registrations with known effects.

The municipalities (NIS codes, names, regions, populations) are real, from the shipped reference;
projects, objectives and every registered value are invented. Monthly impact and context counts are
drawn from a negative binomial segmented-regression model, and the parameters they were drawn from
come back as ``ground_truth``, so that an evaluation can be checked against the truth::

    log mu_t = log(pop / 1000) + log(rate) + trend * t + amp * cos(2 pi (month - peak) / 12)
               + log(rr_level) * post_t + log(rr_slope) * (t - t0) * post_t

``pop`` is that of the territory registered: before 2025 a municipality merged in 2025 registered
under its old code, for the old territory only (``population_before_2025``). ``t`` counts months
from 2019-01 (t = 0), ``t0`` is the intervention month plus the lag and
``post_t`` is ``t >= t0``; a count is Poisson with a gamma(1 / alpha, alpha * mu) mean (NB2,
variance ``mu + alpha mu**2``). The same seed gives equal tables and, where the format allows,
the same file bytes.

The design (the invented projects) is in ``projects``, the count model in ``series``, the other
registered series in ``activity``, the tables in ``tables`` and ``objectives``, the files in
``files`` (the registration workbooks of Gent and Liège in ``workbooks``) and ``readme``;
:func:`ensure_sample_data` makes them where the kit looks for them by default.

The national sample (``socprev-kit sample-data --scale national``) uses the same model for context
data of all 565 municipalities and about 170 drawn projects: its design in ``national_design``,
its tables in ``national_tables``, its files in ``national_files`` and ``national_readme``.
"""

from .files import write_sample_data
from .location import ensure_sample_data
from .projects import SEED
from .series import expected_counts
from .tables import make_sample_data

__all__ = ["SEED", "ensure_sample_data", "expected_counts", "make_sample_data", "write_sample_data"]
