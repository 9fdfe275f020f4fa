"""Disclosure control over everything published from one data set: primary and secondary
(complementary) suppression of small counts.

Decisions:

- **Cells.** A cell is one count of one project, area (a NIS code, or ``"ALL"`` for the
  project's municipalities together), indicator and period (month, quarter or year). A
  registered count indicator is its own cell; a derived indicator (a rate per 1,000, a
  percentage) is the cell of its *numerator*: the rate reveals the count, so both are hidden
  together. Only indicators whose catalogue ``min_cell`` (or that of a derived indicator built on
  them) is above 0 are cells.
- **Primary suppression** (:func:`primary`): a count from 1 to ``min_cell - 1``; zeros stay
  visible (a zero identifies no one). For a proportion (catalogue ``proportion``: the numerator
  is part of the denominator) the complement ``denominator - numerator`` from 1 to
  ``min_cell - 1`` hides the numerator too: "18 of 20" reveals 2.
- **Relations** (:func:`relations`): the linear links a reader can use between published cells:
  a project total and its municipalities (per period), a year and its months (or quarters), and
  the same count of one municipality published in two projects. A relation is kept only when it
  holds in the data (the sum equals the total), because only then can a reader use it.
- **Secondary suppression** (:func:`secondary`): a relation needs one more hidden cell (its
  smallest published one, a non-zero one first) while it has exactly one hidden cell, or while
  all its hidden cells are small and the relation with their bounds 1..``min_cell - 1`` leaves one
  of them a single value (36 = 28 + two hidden small cells: both 4). Repeated over all relations
  until nothing changes (a fixed point), so that a cell hidden for one relation is protected in
  every other relation it takes part in. A hidden value reads the same ("hidden") whether it is
  small or protects another, so a reader cannot tell which bounds apply.
- **Once per data set** (:func:`pattern`): the pattern is decided on the whole data set's
  monthly and yearly tables with the project totals, so that every report, figure, text and
  export of a run hides the same cells; reports look it up (:func:`hidden_rows`) and never decide
  on their own.
- **Derived publications**: an objective's observed value (the project total over 12 months) is
  hidden when a cell of its window is hidden or its count or complement is small
  (:func:`window_hidden`); a funnel hides a municipality whose yearly cell is hidden in any
  project; a figure draws no hidden point; a monthly series mostly hidden is shown per year.
- **Not covered**: model outputs (ITS rate ratios and their intervals, fitted lines) and
  objective statuses are published as they are: they are estimates or bounds, not cells.

Modules: :mod:`.engine` the arithmetic (primary suppression, secondary suppression to a fixed
point over any set of relations), :mod:`.cells` the data set's cells, their relations, the
pattern and its look-ups.
"""

from .cells import KEYS, cell_keys, hidden_rows, pattern, relations, window_hidden
from .engine import primary, secondary

__all__ = [
    "KEYS",
    "cell_keys",
    "hidden_rows",
    "pattern",
    "primary",
    "relations",
    "secondary",
    "window_hidden",
]
