"""Read the monthly series a page's SVG figures draw, as a reader with a ruler would.

Each axes of an SVG figure is calibrated from its own tick labels (years along x, numbers along
y); every line whose vertices fall on whole months and whole numbers is a candidate series of
monthly counts of the indicator named in the axes' title; a line of hollow markers at one height,
with a legend ``(< k)``, marks hidden months (1 to k - 1 each). Which project and municipality it
shows is left to the data (``solve.Facts.add_series``): a series is a fact only when every point
matches the registrations of one of the page's units. PNG figures cannot be read back, nor
SVG text drawn as glyph paths (matplotlib's default ``svg.fonttype``; the reports write text).
"""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .published import read_number

_SVG = "{http://www.w3.org/2000/svg}"
_IMG = re.compile(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)")
_ID = re.compile(r"^(?:\S+ · )?([A-Z]\d{2}[A-Z]?) ")
_POINT = re.compile(r"[ML]\s*(-?[\d.]+)\s+(-?[\d.]+)")


@dataclass(frozen=True)
class Series:
    """Monthly counts a figure draws: ``points`` maps a month (``year * 12 + month - 1``) to
    its value; ``units``: the page's (project, NIS code or "*") it may show."""

    file: str
    where: str
    units: tuple[tuple[str, str], ...]
    indicator: str
    points: dict[int, float]
    bound: int | None = None  # hidden months drawn as hollow markers "< bound": 1 to bound - 1


def _ticks(axes: ET.Element, axis: str, lang: str) -> list[tuple[float, str]]:
    out = []
    for tick in axes.iter(f"{_SVG}g"):
        if not tick.get("id", "").startswith(f"{axis}tick_"):
            continue
        use, text = tick.find(f".//{_SVG}use"), tick.find(f".//{_SVG}text")
        if use is not None and text is not None and text.text:
            out.append((float(use.get("x" if axis == "x" else "y")), text.text))
    return out


def _fit(ticks: list[tuple[float, float]]) -> tuple[float, float] | None:
    """value = a + b · position through the ticks, if they lie on a line."""
    if len(ticks) < 2:
        return None
    pos, val = np.array(ticks).T
    b, a = np.polyfit(pos, val, 1)
    return (a, b) if np.allclose(a + b * pos, val, atol=1e-6 * max(1.0, np.ptp(val))) else None


def _y_scale(axes: ET.Element, lang: str) -> tuple[float, float] | None:
    ticks = _ticks(axes, "y", lang)
    for g in (lang, "en"):  # matplotlib's own labels are written the English way
        numbers = [(p, n[0]) for p, t in ticks if (n := read_number(t, g))]
        if len(numbers) == len(ticks) and (fit := _fit(numbers)):
            return fit
    return None


def _x_scale(axes: ET.Element) -> tuple[float, float] | None:
    ticks = [(p, int(t) * 12.0) for p, t in _ticks(axes, "x", "en") if re.fullmatch(r"\d{4}", t)]
    return _fit(ticks)


def _lines(axes: ET.Element) -> list[tuple[np.ndarray, bool]]:
    """The vertices of each line of the axes (paths and markers), ticks left out, and whether
    it is only hollow markers (the kit's way of drawing a hidden value)."""
    lines = []
    for line in axes:
        if not line.get("id", "").startswith("line2d_"):
            continue
        points = [
            (float(x), float(y))
            for p in line.iter(f"{_SVG}path")
            if not p.get("id")
            for x, y in _POINT.findall(p.get("d", ""))
        ]  # fmt: skip (a marker's shape has an id)
        markers = list(line.iter(f"{_SVG}use"))
        points += [(float(u.get("x")), float(u.get("y"))) for u in markers]
        hollow = bool(markers) and all("fill: #ffffff" in u.get("style", "") for u in markers)
        if points:
            lines.append((np.array(points), hollow))
    return lines


def _bound(root: ET.Element) -> int | None:
    """``k`` of a legend entry ``Masqué (< k)`` (any language) anywhere in the figure."""
    texts = [t.text for t in root.iter(f"{_SVG}text") if t.text]
    return next((int(m[1]) for t in texts if (m := re.search(r"\(<\s*(\d+)\)", t))), None)


def _axes_series(axes: ET.Element, lang: str, bound: int | None) -> list[tuple]:
    title = [t.text for t in axes.iter(f"{_SVG}text") if t.text and _ID.match(t.text)]
    x, y = _x_scale(axes), _y_scale(axes, lang)
    if not title or x is None or y is None:
        return []
    indicator, found = _ID.match(title[-1])[1], []
    for points, hollow in _lines(axes):
        months = x[0] + x[1] * points[:, 0]
        values = y[0] + y[1] * points[:, 1]
        on_months = len(points) >= 1 and np.all(np.abs(months - np.round(months)) < 0.5)
        at = np.round(months).astype(int).tolist()
        whole = np.abs(values - np.round(values)) < 0.02 * max(1.0, abs(y[1]))
        if on_months and hollow and bound and np.ptp(values) < 1e-6:  # "hidden" markers
            found.append((indicator, dict.fromkeys(at, float("nan")), bound))
        elif on_months and len(points) >= 3 and whole.all():
            found.append((indicator, dict(zip(at, np.round(values).tolist(), strict=True)), None))
    return found


def page_series(path: Path, file: str, lang: str, units: list[tuple[str, str]]) -> list[Series]:
    """Every monthly count series the SVG figures of a page draw."""
    found = []
    for n, data in enumerate(_IMG.findall(path.read_text(encoding="utf-8", errors="replace"))):
        try:
            root = ET.fromstring(base64.b64decode(data))
        except (ET.ParseError, ValueError):
            continue
        for axes in root.iter(f"{_SVG}g"):
            if axes.get("id", "").startswith("axes_"):
                for ind, points, bound in _axes_series(axes, lang, _bound(root)):
                    where = f"SVG {n + 1} | {ind}"
                    found.append(Series(file, where, tuple(units), ind, points, bound))
    return found
