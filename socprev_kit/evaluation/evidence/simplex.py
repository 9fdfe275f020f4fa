"""Least squares on the simplex: the weights of a synthetic comparison.

``simplex_least_squares(X, y)`` solves

    minimise ||y - X w||^2  subject to  w >= 0, sum(w) = 1

by a primal active-set method (Lawson and Hanson's NNLS, with the sum-to-one constraint kept in
every step; Nocedal and Wright 2006, algorithm 16.3). Decisions:

- **active set, not a general solver**: the problem is a small convex quadratic programme (up to
  a few dozen donors, a few dozen months). The active set ends at the exact optimum in a few
  dozen steps of a (k + 1)-square linear system, about a millisecond, and gives the same answer
  on every run and machine; SLSQP needs tolerances, and projected gradients need thousands of
  steps to reach 1e-6 on ill-conditioned panels (donors whose series move together);
- **start**: the donor closest to ``y`` (a vertex of the simplex, feasible);
- **a tiny ridge** (1e-10 times the mean of ``diag(X'X)``): with more donors than months the
  optimum is not unique; the ridge makes it unique (and the linear systems solvable) without
  moving the objective by more than 1e-10 relative;
- **stopping**: the Lagrange multipliers of the donors at 0 are all >= -1e-10 times the scale of
  the gradient (the KKT conditions); the method stops after 50 * (k + 1) steps otherwise and
  returns the best feasible point (never seen in the tests or the benchmark).
"""

from __future__ import annotations

import numpy as np

__all__ = ["simplex_least_squares"]

RIDGE = 1e-10


def _solve_on(G: np.ndarray, b: np.ndarray, free: list[int]) -> np.ndarray:
    """Minimiser of 1/2 w'Gw - b'w on the free donors with sum(w) = 1 (others 0)."""
    k = len(free)
    kkt = np.zeros((k + 1, k + 1))
    kkt[:k, :k] = G[np.ix_(free, free)]
    kkt[:k, k] = kkt[k, :k] = 1.0
    rhs = np.append(b[free], 1.0)
    try:
        sol = np.linalg.solve(kkt, rhs)
    except np.linalg.LinAlgError:  # two identical donors: any split of their weight will do
        sol = np.linalg.lstsq(kkt, rhs, rcond=None)[0]
    w = np.zeros(len(b))
    w[free] = sol[:k]
    return w


def _step_towards(w: np.ndarray, target: np.ndarray, free: list[int]) -> tuple[np.ndarray, list]:
    """Move from ``w`` towards ``target`` until the first free weight reaches 0; drop the
    weights at 0 from the free set."""
    idx = np.array(free)
    falling = target[idx] < w[idx]
    ratios = np.where(falling, w[idx] / np.where(falling, w[idx] - target[idx], 1.0), np.inf)
    alpha = min(1.0, float(ratios.min()))
    w = w + alpha * (target - w)
    w[np.abs(w) < 1e-14] = 0.0
    keep = [i for i in free if w[i] > 1e-14]
    w[[i for i in free if i not in keep]] = 0.0
    return w, keep


def simplex_least_squares(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights ``w >= 0`` summing to 1 that minimise ``||y - X w||^2``.

    Parameters
    ----------
    X
        Months x donors.
    y
        The treated series on the same months.

    Returns
    -------
    weights : numpy.ndarray
        One per column of ``X``.
    objective : float
        ``||y - X w||^2`` at the weights.

    Examples
    --------
    >>> X = np.array([[1.0, 0.0, 5.0], [0.0, 1.0, 5.0]])
    >>> w, obj = simplex_least_squares(X, np.array([0.6, 0.4]))
    >>> np.round(w, 6).tolist(), round(obj, 12)
    ([0.6, 0.4, 0.0], 0.0)
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[1]
    G = X.T @ X
    G[np.diag_indices(n)] += RIDGE * max(float(np.mean(np.diag(G))), 1e-300)
    b = X.T @ y
    start = int(np.argmin(((X - y[:, None]) ** 2).sum(axis=0)))
    w = np.zeros(n)
    w[start] = 1.0
    free = [start]
    tol = 1e-10 * max(float(np.abs(b).max()), float(np.abs(G).max()), 1e-300)
    for _ in range(50 * (n + 1)):
        target = _solve_on(G, b, free)
        if target[free].min() < 0:
            w, free = _step_towards(w, target, free)
            continue
        w = target
        grad = G @ w - b
        nu = -float(np.mean(grad[free]))
        mult = grad + nu
        mult[free] = np.inf
        worst = int(np.argmin(mult))
        if mult[worst] >= -tol:
            break
        free.append(worst)
    w = np.clip(w, 0.0, None)
    w /= w.sum()
    return w, float(np.sum((y - X @ w) ** 2))
