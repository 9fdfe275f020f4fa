"""What a report shows of a data file's texts: as typed, never as a link, an image, a heading,
emphasis, math or HTML (issue 14, safe output).

The Markdown is rendered by the renderer of the kit's HTML pages (nbconvert's mistune with its
plugins: tables, strike-through, bare URLs, math), an independent referee of the escaping.
"""

from __future__ import annotations

import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from socprev_kit import reports
from socprev_kit.reports.display import Figure, Markdown, Table, md_escape

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))

from hostile.cases_output import ATTACK, NAME, PROJECT_ID, hostile_names  # noqa: E402

#: The anchor nbconvert adds to a heading (the kit's own link, to the heading itself).
ANCHOR = re.compile(r'<a class="anchor-link" href="#[^"]*">&#182;</a>')
#: What the kit's own Markdown becomes: headings, paragraphs, bullets, bold and italics.
KIT_TAGS = {"h1", "h2", "h3", "h4", "p", "ul", "li", "strong", "em"}
TABLE_TAGS = {"style", "table", "thead", "tbody", "tr", "th", "td"}


class _Page(HTMLParser):
    """The tags (with attributes) and the text of an HTML fragment, as a browser reads it."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.texts: list[str] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    @property
    def text(self) -> str:
        return _blanks("".join(self.texts))


def _blanks(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def render(markdown: str) -> _Page:
    """The Markdown as the report page shows it (nbconvert), without the headings' anchors."""
    return _Page(ANCHOR.sub("", markdown2html_mistune(markdown)))


# --- md_escape against the renderer --------------------------------------------------------------

HOSTILE = [
    "[klik](https://evil.example/link)",
    "![img](https://evil.example/p.png)",
    "<https://evil.example/auto>",
    "https://evil.example/bare",
    "HTTPS://EVIL.EXAMPLE/x",
    "ftp://evil.example",
    "www.evil.example",
    "x@evil.example",
    "<img src=x onerror=alert(1)>",
    '<a href="https://evil.example">a</a>',
    "<script>alert(1)</script>",
    "<!-- c --> <div>x</div> x<br>y",
    "$\\href{https://evil.example}{m}$",
    "$$x$$",
    "a $b$ c",
    "\\[x\\]",
    "\\(x\\)",
    "\\\\(x\\\\)",
    "\\begin{equation}x\\end{equation}",
    "*nadruk* **vet** _x_ __y__",
    "~~weg~~",
    "`code`",
    "# Kop",
    "Kop\n===",
    "a\n---",
    "- item",
    "+ item",
    "1. item",
    "1) item",
    "> quote",
    "    code",
    "| a | b |\n|---|---|\n| c | d |",
    "term\n: definition",
    "[ ] task",
    "[x]: https://evil.example",
    "[a]\n\n[a]: https://evil.example",
    "&lt;b&gt; &amp; &#60; &copy;",
    "a\\",
    "a  \nb",
    "\u2028# x",
    "a\rb",
    '=HYPERLINK("https://evil.example")',
    "***",
]
#: Where the kit puts a name: a heading, a sentence, a bullet, a line of its own, bold.
CONTEXTS = ["### {} – naam", "Tekst {} tekst.", "- {}: iets", "{}", "**{}**"]


@pytest.mark.parametrize("typed", HOSTILE)
@pytest.mark.parametrize("context", CONTEXTS)
def test_escaped_text_shows_as_typed_and_nothing_else(typed: str, context: str) -> None:
    page = render(context.format(md_escape(typed)))
    assert {tag for tag, _ in page.tags} <= KIT_TAGS - {"em"}, page.tags
    assert all(not attrs or tag.startswith("h") for tag, attrs in page.tags), page.tags
    shown = _blanks(re.sub(r"^(### |- |\*\*)|\*\*$", "", context).format(_blanks(typed)))
    assert page.text == shown


@given(st.text(alphabet=st.sampled_from(list("ab1 .:/-+=#*_~`$\\[]()<>!&|@\n\tw")), max_size=40))
def test_any_text_of_markdown_characters_shows_as_typed(typed: str) -> None:
    for context in CONTEXTS if md_escape(typed) else CONTEXTS[:3]:  # "****" is a rule
        page = render(context.format(md_escape(typed)))
        assert {tag for tag, _ in page.tags} <= KIT_TAGS - {"em"}, (typed, page.tags)
        shown = _blanks(re.sub(r"^(### |- |\*\*)|\*\*$", "", context).format(_blanks(typed)))
        assert page.text == shown, (typed, context)


def test_control_characters_are_written_out() -> None:
    """A terminal's escape sequences (a link, a colour) reached the page as they were: the
    disclosure audit printed the page's text back to a terminal, which ran them."""
    typed = "\x1b]8;;https://evil.example\x07klik\x1b]8;;\x07 \x1b[31mrood"
    page = render(f"### {md_escape(typed)} – naam")
    assert page.text == "\\x1b]8;;https://evil.example\\x07klik\\x1b]8;;\\x07 \\x1b[31mrood – naam"
    assert {tag for tag, _ in page.tags} == {"h3"}


def test_usual_names_are_left_as_they_are() -> None:
    for name in ["Straathoekwerk Antwerpen-Noord", "Sint-Genesius-Rode", "GEN-DAM", "2024 (a)"]:
        assert md_escape(name) == name


# --- a report of a data set whose texts attack ---------------------------------------------------

SECTIONS = reports.SECTIONS


@pytest.fixture(scope="module")
def hostile_blocks(tmp_path_factory: pytest.TempPathFactory) -> list:
    """Every block of Oostende's report and of the project's with hostile names
    (``tests/data/hostile/cases_output.py``)."""
    folder = tmp_path_factory.mktemp("data") / "data [d](https:x) $d$ <i>"
    hostile_names(folder)
    made = [
        reports.municipality_report("35013", data_path=str(folder), lang="nl"),
        reports.project_report(PROJECT_ID, data_path=str(folder), lang="fr"),
    ]
    return [block for report in made for section in SECTIONS for block in section(report).blocks]


def test_a_report_shows_a_files_texts_as_typed_and_runs_none(hostile_blocks: list) -> None:
    pages = [render(b.text) for b in hostile_blocks if isinstance(b, Markdown)]
    for page in pages:
        assert {tag for tag, _ in page.tags} <= KIT_TAGS, page.tags
        assert all(not attrs or tag.startswith("h") for tag, attrs in page.tags), page.tags
    shown = " ".join(page.text for page in pages)
    assert _blanks(NAME) in shown and PROJECT_ID in shown  # the heading of the project


def test_a_reports_tables_are_text_and_its_figures_draw_a_dollar(hostile_blocks: list) -> None:
    for block in (b for b in hostile_blocks if isinstance(b, Table)):
        page = _Page(block.html)
        assert {tag for tag, _ in page.tags} <= TABLE_TAGS
    texts = " ".join(_Page(b.html).text for b in hostile_blocks if isinstance(b, Table))
    assert _blanks(ATTACK) in texts  # an objective's text, as typed
    svgs = [b.svg.decode("utf-8") for b in hostile_blocks if isinstance(b, Figure)]
    assert any(html.escape(PROJECT_ID, quote=False) in svg for svg in svgs)


# --- the published pages, made by the batch from the report notebooks ---------------------------

#: Elements a data file could have chosen; none is in a report page.
FOREIGN = {
    "script",
    "del",
    "s",
    "code",
    "pre",
    "input",
    "hr",
    "blockquote",
    "dl",
    "iframe",
    "object",
}


@pytest.mark.slow
def test_the_published_pages_carry_no_link_image_or_html_from_the_data(tmp_path: Path) -> None:
    """The report notebooks run by the batch, their pages as nbconvert writes them: the
    project's page failed (a ``$`` in its id), the others carried live links of its name; the
    disclosure audit reads the pages back whatever the ids hold."""
    from socprev_kit.batch import batch

    hostile_names(tmp_path / "data")
    root = Path(__file__).resolve().parents[1] / "notebooks"
    made = batch(["35013"], projects=[PROJECT_ID], data=tmp_path / "data", out=tmp_path / "out",
                 langs=["nl"], jobs=2, notebook=root / "municipality_report.ipynb",
                 project_notebook=root / "project_report.ipynb")  # fmt: skip
    assert [r["status"] for r in made.records] == ["ok", "ok"]
    assert made.disclosure.n_unexplained == 0  # the audit read an objective id with a * as "G1"
    pages = [p for p in (tmp_path / "out" / "nl").glob("*.html")
             if p.name not in ("index.html", "overview.html")]  # fmt: skip
    assert len(pages) == 2
    for path in pages:
        page = _Page(path.read_text(encoding="utf-8"))
        for tag, attrs in page.tags:
            assert tag not in FOREIGN, (path.name, tag, attrs)
            if tag == "a":
                assert attrs.get("class") == "anchor-link" and attrs["href"].startswith("#")
            if tag == "img":
                assert attrs["src"].startswith("data:image/svg+xml;base64,")
        assert PROJECT_ID in page.text and _blanks(NAME) in page.text, path.name
    # the index pages: links only to the kit's own files, whatever the names hold
    own = r"(\.\./)?([a-z]{2}/)?[\w.-]+\.(html|ipynb|csv|xlsx|json)"
    for page in ("index.html", "nl/index.html"):
        index = _Page((tmp_path / "out" / page).read_text(encoding="utf-8"))
        links = [attrs.get("href", "") for tag, attrs in index.tags if tag == "a"]
        assert links and all(re.fullmatch(own, h) for h in links), (page, links)
    assert "municipality_35013.html" in str(links) and "project_" in str(links)
    # the page's own search box and its one inlined script (nothing loaded), nothing else
    tags = [(tag, attrs) for tag, attrs in index.tags]
    assert [attrs for tag, attrs in tags if tag == "script"] == [{}], "one inlined script"
    assert not (FOREIGN - {"script", "input"}) & {tag for tag, _ in tags}
    assert _blanks(NAME) in index.text
