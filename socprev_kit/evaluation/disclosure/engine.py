"""The arithmetic of disclosure control: which cells are small (:func:`primary`), and which
more must be hidden so that no relation between published cells gives a hidden one back
(:func:`secondary`, a fixed point over any set of relations). Pure numpy, no data set."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["primary", "secondary"]


def primary(
    counts: np.ndarray | pd.Series,
    min_cell: np.ndarray | pd.Series | float,
    *,
    complement: np.ndarray | pd.Series | None = None,
    keep_zero: bool = True,
) -> np.ndarray:
    """Cells hidden for their own sake: a count (or a complement) from 1 to ``min_cell - 1``.

    >>> primary(np.array([0, 3, 7, 18.0]), 5, complement=np.array([np.nan, 1, 4, 2])).tolist()
    [False, True, True, True]
    """
    counts = np.asarray(counts, dtype=float)
    k = np.broadcast_to(np.asarray(min_cell, dtype=float), counts.shape)
    low = 0 if keep_zero else -1
    out = (counts > low) & (counts < k)
    if complement is not None:
        c = np.asarray(complement, dtype=float)
        out |= (c > 0) & (c < k)
    return out


def secondary(
    values: np.ndarray | pd.Series,
    hidden: np.ndarray,
    links: Sequence[Sequence[int]],
    *,
    upper: np.ndarray | pd.Series | None = None,
) -> np.ndarray:
    """Secondary suppression to a fixed point.

    Each relation says ``first = sum(others)``. A reader knows the published cells, so the
    hidden ones must satisfy one equation. A relation needs one more hidden cell (its smallest
    published one, a non-zero one first) while it has exactly one hidden cell, or while all its
    hidden cells are small ones and the equation with their bounds 1..``upper`` leaves one of
    them a single possible whole number: two small cells that a total leaves 8 with
    ``min_cell`` 5 (both 4), or a small year equal to its four small months (all 1). A reader
    cannot tell a small hidden cell from one hidden to protect it (both read "hidden"), so once
    a relation holds a hidden cell that is not small, that guess fails. Repeated over all
    relations until nothing changes (a fixed point).

    Parameters
    ----------
    values
        The value of each cell.
    hidden
        The cells hidden so far (primary suppression).
    links
        Each relation as the positions of its cells, the total first (two equal cells: a total
        with one part).
    upper
        Per cell, the largest value a hidden small cell can have (``min_cell - 1``), NaN for
        cells that are not small.

    Returns
    -------
    numpy.ndarray
        The hidden cells.

    Examples
    --------
    A total of 12 over three parts 3, 4, 5 (3 is small): hiding 3 alone leaves 12 - 4 - 5.

    >>> secondary(np.array([12, 3, 4, 5.0]), np.array([False, True, False, False]),
    ...           [[0, 1, 2, 3]]).tolist()
    [False, True, True, False]
    """
    out = np.array(hidden, dtype=bool, copy=True)
    links = [np.asarray(r, dtype=np.int64) for r in links if len(r) > 1]
    if not links:
        return out
    rel = np.concatenate([np.full(len(r), i) for i, r in enumerate(links)])
    cell = np.concatenate(links)
    sign = np.concatenate([np.r_[1.0, -np.ones(len(r) - 1)] for r in links])
    v = np.asarray(values, dtype=float)[cell]
    up = np.full(len(cell), np.nan) if upper is None else np.asarray(upper, float)[cell]
    order = np.lexsort((cell, v, ~(v > 0), rel))  # per relation: non-zero first, smallest
    rel, cell, sign, v, up = rel[order], cell[order], sign[order], v[order], up[order]
    low, high = np.where(np.isnan(up), 0.0, 1.0), np.where(np.isnan(up), np.inf, up)
    while True:
        h = out[cell]
        n_hidden = np.bincount(rel, weights=h, minlength=len(links))
        small = np.bincount(rel, weights=h & (low > 0), minlength=len(links)) == n_hidden
        pinned = (n_hidden == 1) | (small & _pinned(rel, sign, v, low, high, h, len(links)))
        open_ = pinned[rel] & ~h
        if not open_.any():
            return out
        first = np.unique(rel[open_], return_index=True)[1]
        out[cell[open_][first]] = True


def _pinned(rel, sign, v, low, high, h, n) -> np.ndarray:  # noqa: ANN001
    """Per relation: whether a hidden cell has a single possible whole value."""
    a, b = sign * low, sign * high  # the bounds of sign * x
    lo, hi = np.where(h, np.minimum(a, b), 0.0), np.where(h, np.maximum(a, b), 0.0)
    rest = np.bincount(rel, weights=np.where(h, sign * v, 0.0), minlength=n)  # sum sign*x
    lo_fin, hi_fin = np.where(np.isfinite(lo), lo, 0.0), np.where(np.isfinite(hi), hi, 0.0)
    lo_inf = np.bincount(rel, weights=~np.isfinite(lo), minlength=n)
    hi_inf = np.bincount(rel, weights=~np.isfinite(hi), minlength=n)
    others_lo = np.bincount(rel, weights=lo_fin, minlength=n)[rel] - lo_fin
    others_hi = np.bincount(rel, weights=hi_fin, minlength=n)[rel] - hi_fin
    others_lo[lo_inf[rel] - ~np.isfinite(lo) > 0] = -np.inf
    others_hi[hi_inf[rel] - ~np.isfinite(hi) > 0] = np.inf
    own_lo, own_hi = rest[rel] - others_hi, rest[rel] - others_lo  # the range of sign * x
    x_lo = np.maximum(np.where(sign > 0, own_lo, -own_hi), low)
    x_hi = np.minimum(np.where(sign > 0, own_hi, -own_lo), high)
    single = h & (np.floor(x_hi + 1e-9) - np.ceil(x_lo - 1e-9) < 1)
    return np.bincount(rel, weights=single, minlength=n) > 0
