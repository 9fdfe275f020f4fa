"""Decide which targets the facts pin to one whole number: min and max by linear programming.

For each small count that must stay hidden (a :class:`~.facts.Target`), HiGHS (scipy's
``linprog``) gives its least and greatest value over every published fact of its component (the
unknowns linked to it by facts); a single whole number in between is a recovered value. The
facts whose constraints bind (non-zero duals) are the published numbers it follows from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix

from .facts import Fact, Facts, Target


@dataclass
class Recovery:
    """A target a reader can work out: its value and the facts that pin it."""

    target: Target
    value: float
    used: list[Fact]


def _components(facts: list[Fact]) -> dict[int, int]:
    """Union-find over the unknowns that share a fact: unknown -> its component's root."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for fact in facts:
        first, *rest = fact.coef
        root(first)  # a fact of one unknown makes that unknown a component of its own
        for j in rest:
            parent[root(j)] = root(first)
    return {i: root(i) for i in parent}


def _bounds(target: Target, facts: list[Fact]) -> tuple[float, float, set[int]]:
    """Min and max of the target over the facts (HiGHS), and the facts that bind."""
    unknowns = sorted({i for f in facts for i in f.coef} | set(target.coef))
    at = {u: k for k, u in enumerate(unknowns)}
    rows, cols, vals, b, which = [], [], [], [], []
    for n, fact in enumerate(facts):
        for sign, bound in ((1.0, fact.hi), (-1.0, -fact.lo)):
            if math.isfinite(bound):
                for i, c in fact.coef.items():
                    rows.append(len(b)), cols.append(at[i]), vals.append(sign * c)
                b.append(bound), which.append(n)
    a = csr_matrix((vals, (rows, cols)), shape=(len(b), len(unknowns)))
    c = np.zeros(len(unknowns))
    for i, v in target.coef.items():
        c[at[i]] = v
    out, used = [], set()
    for sign in (1.0, -1.0):
        res = linprog(sign * c, A_ub=a, b_ub=b, bounds=(0, None), method="highs")
        if res.status != 0:  # unbounded (or, not expected, infeasible): not pinned
            return -math.inf, math.inf, set()
        out.append(sign * res.fun)
        used |= {which[k] for k in np.flatnonzero(np.abs(res.ineqlin.marginals) > 1e-9)}
    return out[0], out[1], used


def recoverable(facts: Facts) -> list[Recovery]:
    """Every target whose value the published facts pin to one whole number."""
    every = list(facts.facts.values())
    component = _components(every)
    by_root: dict[int, list[int]] = {}
    for n, fact in enumerate(every):
        by_root.setdefault(component[next(iter(fact.coef))], []).append(n)
    found = []
    for target in facts.targets.values():
        roots = {component.get(i) for i in target.coef}
        if None in roots:  # an unknown in no fact at all: unbounded
            continue
        mine = [n for r in roots for n in by_root[r]]
        lo, hi, used = _bounds(target, [every[n] for n in mine])
        if math.ceil(lo - 1e-6) == math.floor(hi + 1e-6):
            found.append(Recovery(target, round(hi), [every[mine[k]] for k in sorted(used)]))
    return found
