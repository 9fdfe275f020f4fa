"""The architecture of docs/architecture.md: folders that follow the flow, imports one way.

`lint-imports` (run by `make test`) checks the contracts of pyproject.toml: the layers, no circle
between sibling files or folders, private modules kept private. These tests check what the
contracts do not see: a circle through a folder's ``__init__``, a private name (``_x``) imported
from or used in another module, and that the contracts name every folder. Each check is also run
on a small planted package, so that it is known to fail where it should.
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
import textwrap
from pathlib import Path

import grimp
import pytest
from conftest import ROOT

import socprev_kit

PACKAGE = ROOT / "socprev_kit"


def _module_name(path: Path, root: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    return ".".join(parts[:-1] if is_package else parts), is_package


def _absolute(module: str, is_package: bool, level: int, name: str | None) -> str:
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (level - 1)] if level > 1 else base
    return ".".join(base + ([name] if name else []))


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_imports(root: Path) -> list[str]:
    """Every private name one module of the package at ``root`` takes from another: imported
    (``from .x import _y``), a private module imported from outside its folder, or reached as an
    attribute of an imported module (``x._y``)."""
    modules = {_module_name(p, root)[0]: p for p in root.rglob("*.py")}
    found = []
    for path in sorted(root.rglob("*.py")):
        module, is_package = _module_name(path, root)
        aliases: dict[str, str] = {}  # local name -> module of the package
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                target = node.module or ""
                if node.level:
                    target = _absolute(module, is_package, node.level, node.module)
                if target.split(".")[0] != root.name:
                    continue
                for alias in node.names:
                    if f"{target}.{alias.name}" in modules:
                        aliases[alias.asname or alias.name] = f"{target}.{alias.name}"
                    elif _private(alias.name) and target != module:
                        found.append(f"{module} imports {target}.{alias.name}")
                parts = target.split(".")
                folder = module if is_package else module.rpartition(".")[0]
                hidden = [i for i, p in enumerate(parts) if _private(p)]
                owner = ".".join(parts[: hidden[0]]) if hidden else ""
                if hidden and not (folder == owner or folder.startswith(owner + ".")):
                    found.append(f"{module} imports the private module {target}")
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in modules and alias.asname:
                        aliases[alias.asname] = alias.name
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and _private(node.attr)
                and aliases[node.value.id] != module
            ):
                found.append(f"{module} uses {aliases[node.value.id]}.{node.attr}")
    return sorted(set(found))


def import_circles(package: str) -> list[list[str]]:
    """Every set of modules of ``package`` that import each other in a circle, a folder's
    ``__init__`` included, lazy imports (inside a function) and type-checking imports too."""
    graph = grimp.build_graph(package, cache_dir=None)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.find_modules_directly_imported_by(node):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for module in sorted(graph.modules):
            if module not in index:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    return sorted(circles)


@pytest.fixture
def planted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small package with a private name imported, one used as an attribute, a private module
    imported from outside its folder (and one from inside: allowed), and one circle through a
    folder's ``__init__``."""
    files = {
        "__init__.py": "",
        "low.py": "def _helper():\n    return 1\n\ndef shown():\n    return 2\n",
        "high.py": "from .low import _helper, shown\n",
        "other.py": "from . import low\n\nlow._helper()\n",
        "peek.py": "from .sub._inner import X\n",
        "sub/__init__.py": "from .part import thing\n",
        "sub/part.py": "from . import thing as _again\n\ndef thing():\n    return 3\n",
        "sub/_inner.py": "X = 1\n",
        "sub/near.py": "from ._inner import X\n",
    }
    for name, text in files.items():
        (tmp_path / "plantedpkg" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "plantedpkg" / name).write_text(textwrap.dedent(text))
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path / "plantedpkg"


def test_the_checks_find_what_was_planted(planted: Path) -> None:
    assert private_imports(planted) == [
        "plantedpkg.high imports plantedpkg.low._helper",
        "plantedpkg.other uses plantedpkg.low._helper",
        "plantedpkg.peek imports the private module plantedpkg.sub._inner",
    ]
    assert import_circles("plantedpkg") == [["plantedpkg.sub", "plantedpkg.sub.part"]]


def test_no_private_name_is_taken_from_another_module() -> None:
    assert private_imports(PACKAGE) == []


def test_no_import_circle_also_through_a_folders_init() -> None:
    assert import_circles("socprev_kit") == []


def test_the_layers_name_every_folder_once() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    named = [m.strip() for layer in layers for m in layer.replace(":", "|").split("|")]
    folders = sorted(
        f"socprev_kit.{p.name}" for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()
    )
    assert sorted(named) == folders
    assert not [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    kinds = {c["type"] for c in contracts}
    assert {"layers", "acyclic_siblings", "private_modules"} <= kinds


@pytest.mark.parametrize("old", sorted(socprev_kit.MOVED))
def test_an_old_module_path_still_imports_with_a_warning(old: str) -> None:
    name = f"socprev_kit.{old}"
    news = [importlib.import_module(f"socprev_kit.{m}") for m in socprev_kit.MOVED[old]]
    sys.modules.pop(name, None)
    try:
        with pytest.warns(FutureWarning, match=re.escape(news[0].__name__)):
            module = importlib.import_module(name)
        for new in news:
            public = getattr(new, "__all__", None) or [n for n in vars(new) if n[0] != "_"]
            assert {n: getattr(module, n) for n in public} == {n: getattr(new, n) for n in public}
    finally:
        sys.modules.pop(name, None)


def test_a_module_of_an_old_folder_path_imports_too() -> None:
    sys.modules.pop("socprev_kit.training", None)
    sys.modules.pop("socprev_kit.training.checks", None)
    try:
        with pytest.warns(FutureWarning) as caught:
            from socprev_kit.training.checks import check_nis_code
        said = [str(w.message).split(";")[0] for w in caught]
        assert said == [
            "socprev_kit.training is now socprev_kit.teaching",
            "socprev_kit.training.checks is now socprev_kit.teaching.checks",
        ]
        from socprev_kit.teaching.checks import check_nis_code as new

        assert check_nis_code is new
    finally:
        sys.modules.pop("socprev_kit.training", None)
        sys.modules.pop("socprev_kit.training.checks", None)


@pytest.mark.parametrize("folder", ["evaluation", "indicators", "validation"])
def test_a_folder_gives_its_public_names_where_the_old_module_did(folder: str) -> None:
    package = importlib.import_module(f"socprev_kit.{folder}")
    for name, module in package.PUBLIC.items():
        assert getattr(package, name) is getattr(
            importlib.import_module(module, package.__name__), name
        )
    with pytest.raises(AttributeError, match="no attribute"):
        package.not_a_name  # noqa: B018
