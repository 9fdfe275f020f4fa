"""What a section shows: Markdown, HTML tables and SVG figures, in order.

A section function returns a :class:`Section`; in a notebook it displays itself (one output per
block, so the HTML export shows headings, tables and ``image/svg+xml`` figures), and in a test its
blocks can be read without a kernel. Figures are drawn with matplotlib, saved as SVG and closed at
once, so nothing is left for the inline backend to show twice.

SVG rather than PNG: sharp when zoomed or printed, a third faster to write than a PNG of 100 dpi
(no rasterising; about 0.2 s less per report), and smaller. Text stays text
(``svg.fonttype="none"``) in matplotlib's font with the usual sans-serif fallbacks; the file
carries no date and its ids are fixed (``svg.hashsalt``), so the same figure gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from ..validation.issues import visible

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "Figure",
    "Html",
    "Markdown",
    "Section",
    "Table",
    "figure_svg",
    "html_table",
    "md_escape",
]

_CSS = """<style>
table.socprev {border-collapse: collapse; margin: 0.4em 0 1em; font-size: 0.92em;}
table.socprev th, table.socprev td {padding: 0.25em 0.6em; border-bottom: 1px solid #ddd;
  vertical-align: top; text-align: left !important;}
table.socprev th {border-bottom: 2px solid #888;}
</style>"""


@dataclass(frozen=True)
class Markdown:
    """A block of Markdown (headings, paragraphs, bullet lists)."""

    text: str


@dataclass(frozen=True)
class Table:
    """A published table: ``frame`` (strings, localized headers) and its escaped HTML."""

    frame: pd.DataFrame
    html: str


@dataclass(frozen=True)
class Figure:
    """A figure as SVG (UTF-8 bytes), with its title: the alt text of the report page."""

    svg: bytes
    title: str = ""


@dataclass(frozen=True)
class Html:
    """Raw HTML written by the kit itself (the tables' style), never user text."""

    html: str


Block = Markdown | Table | Figure | Html


@dataclass
class Section:
    """The blocks of one report section, displayed in order."""

    blocks: list[Block] = field(default_factory=list)

    def md(self, *lines: str) -> Section:
        """Add a Markdown block (lines joined by blank lines; empty lines dropped)."""
        text = "\n\n".join(line for line in lines if line)
        if text:
            self.blocks.append(Markdown(text))
        return self

    def bullets(self, items: Iterable[str]) -> Section:
        """Add a bullet list of the kit's own sentences (nothing when empty)."""
        items = [i for i in items if i]
        return self.md("\n".join(f"- {i}" for i in items)) if items else self

    def table(self, frame: pd.DataFrame, numeric: Sequence[str] = (), spark: str = "") -> Section:
        """Add a table of strings; ``numeric`` columns are right-aligned."""
        self.blocks.append(Table(frame, html_table(frame, numeric, spark)))
        return self

    def figure(self, fig: Figure | object, title: str = "") -> Section:
        """Add a matplotlib figure (rendered to PNG and closed)."""
        self.blocks.append(Figure(figure_svg(fig), title))
        return self

    def style(self) -> Section:
        """Add the CSS of the report's tables (once per report, with the title)."""
        self.blocks.append(Html(_CSS))
        return self

    def extend(self, other: Section) -> Section:
        self.blocks.extend(other.blocks)
        return self

    @property
    def text(self) -> str:
        """Every Markdown block and every table as text (for tests and search)."""
        parts = [
            b.text if isinstance(b, Markdown) else b.frame.to_string()
            for b in self.blocks
            if isinstance(b, Markdown | Table)
        ]
        return "\n\n".join(parts)

    @property
    def tables(self) -> list[pd.DataFrame]:
        return [b.frame for b in self.blocks if isinstance(b, Table)]

    @property
    def figures(self) -> list[bytes]:
        return [b.svg for b in self.blocks if isinstance(b, Figure)]

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, display
        from IPython.display import Markdown as Md

        for block in self.blocks:
            if isinstance(block, Markdown):
                display(Md(block.text))
            elif isinstance(block, Table | Html):
                display(HTML(block.html))
            else:  # the title is the alt text of the report page (socprev_kit.batch.render)
                data = {"image/svg+xml": block.svg.decode("utf-8")}
                data["text/plain"] = block.title or "<Figure>"
                display(data, raw=True, metadata={"image/svg+xml": {"alt": block.title}})


def md_escape(text: object) -> str:
    r"""Text from a data file (a project's name or id, a municipality's name, a file name) made
    safe to put in the kit's Markdown: it shows as typed, and nothing in it becomes a link, an
    image, a heading, a list, a table, emphasis, strike-through, math or HTML.

    ``& < >`` and the backslash become entities (an escaped backslash, ``\\(``, would still
    open nbconvert's math); `` ` * _ [ ] # | ~ $ @`` get a backslash, and so do the ``:`` of
    ``://`` and the ``.`` of ``www.``: renderers link those without any markup (GFM, the
    ``url`` plugin of nbconvert). A line break becomes a space, so the text cannot end a
    heading or start a block; blanks around it are dropped and a leading ``-``, ``+``, ``=``,
    ``:`` or ``1.`` escaped, should it start a line. Control characters are written out
    (``\\x1b``), as in the issues (:func:`socprev_kit.validation.issues.visible`).

    >>> print(md_escape("<b>Project_1</b> *x*"))
    &lt;b&gt;Project\_1&lt;/b&gt; \*x\*
    >>> print(md_escape("[site](https://x.example) $5"))
    \[site\](https\://x.example) \$5
    """
    out = _LINE_BREAK.sub(" ", str(text)).strip()
    out = _SPECIAL.sub(_escaped, visible(out))  # controls (a terminal's escapes) written out
    return _LINE_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], out)


def _escaped(match: re.Match) -> str:
    found = match.group()
    return _ENTITIES.get(found) or found[:-1] + "\\" + found[-1]


#: Line breaks (CommonMark's and the others Python and browsers know), with the blanks around.
_LINE_BREAK = re.compile(r"[ \t]*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+[ \t]*")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "&#92;"}
#: What has a meaning in Markdown (CommonMark, GFM, nbconvert's math and plugins) anywhere.
_SPECIAL = re.compile(r"[&<>\\`*_\[\]#|~$@]|:(?=//)|(?<![\w.])(?i:www)\.")
#: What starts a block when it starts a line: a list item, a setext underline, a definition.
_LINE_START = re.compile(r"^(?:[-+=:]|\d{1,9}[.)](?!\S))")


def html_table(frame: pd.DataFrame, numeric: Sequence[str] = (), spark: str = "") -> str:
    """An HTML table of ``frame`` (strings) by :meth:`pandas.DataFrame.to_html` with
    ``escape=True`` (every cell and header escaped), no index, class ``socprev``; ``numeric``
    columns right-aligned and the ``spark`` column in a monospace font by a style keyed to the
    table's id, which derives from its content (the same table gives the same HTML).

    >>> "&lt;b&gt;" in html_table(pd.DataFrame({"a": ["<b>"], "n": ["1"]}), numeric=["n"])
    True
    """
    digest = "t" + hashlib.sha1(frame.to_json().encode()).hexdigest()[:10]
    rules = [
        f"#{digest} td:nth-child({k + 1}) {{text-align: right !important; white-space: nowrap;}}"
        for k, c in enumerate(frame.columns)
        if c in numeric
    ]
    rules += [
        f"#{digest} td:nth-child({k + 1}) {{font-family: monospace; white-space: pre;}}"
        for k, c in enumerate(frame.columns)
        if c == spark
    ]
    table = _string_table(frame, digest, spark)
    if table is None:
        table = frame.to_html(
            escape=True, index=False, border=0, classes="socprev", table_id=digest, na_rep="–"
        )
    return f"<style>{' '.join(rules)}</style>{table}" if rules else table


def _escape(text: str, keep: bool = False) -> str:
    """``text`` escaped as ``to_html`` escapes a cell: stripped, and runs of blanks kept with
    ``&nbsp;``; with ``keep``, as it is (the ``white-space: pre`` sparkline column)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text if keep else text.strip().replace("  ", "&nbsp;&nbsp;")


def _string_table(frame: pd.DataFrame, table_id: str, spark: str = "") -> str | None:
    """What ``html_table`` asks of :meth:`pandas.DataFrame.to_html` (cells stripped of
    surrounding blanks, except in the ``spark`` column, whose blanks are missing months),
    written directly when every header and cell is text or missing (the report's tables: a
    tenth of the time); None for anything else, which pandas formats."""
    columns = list(frame.columns)
    if not all(isinstance(c, str) for c in columns):
        return None
    keep = [c == spark for c in columns]
    cells = []
    for row in frame.itertuples(index=False, name=None):
        texts = []
        for v, k in zip(row, keep, strict=True):
            if isinstance(v, str):
                texts.append(_escape(v, k))
            elif v is None or v is pd.NA or (isinstance(v, float) and v != v):
                texts.append("–")
            else:
                return None
        cells.append(texts)
    out = [f'<table class="dataframe socprev" id="{table_id}">', "  <thead>"]
    out += ['    <tr style="text-align: right;">']
    out += [f"      <th>{_escape(c)}</th>" for c in columns]
    out += ["    </tr>", "  </thead>", "  <tbody>"]
    for row in cells:
        out += ["    <tr>", *(f"      <td>{v}</td>" for v in row), "    </tr>"]
    out += ["  </tbody>", "</table>"]
    return "\n".join(out)


def figure_svg(fig: Figure | object) -> bytes:
    """The figure (or the figure of an Axes) as SVG bytes (see the module docstring), every
    text drawn as typed (a ``$`` in a name is no mathtext); the figure is closed."""
    import matplotlib
    import matplotlib.pyplot as plt

    from ..plots.literal import literal_text

    figure = literal_text(getattr(fig, "figure", fig))
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "socprev-kit"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(figure)
    return buffer.getvalue()
