"""The project's own files agree with each other."""

from __future__ import annotations

import re

import tomllib
from conftest import ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_and_pyproject_name_the_same_dependencies():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in pyproject["dependencies"]}
    wanted |= {_name(r) for r in pyproject["optional-dependencies"]["dev"]}
    text = (ROOT / "environment.yml").read_text()
    deps = text.split("dependencies:", 1)[1]
    conda = set()
    for line in deps.splitlines():
        m = re.match(r"^  - ([A-Za-z0-9_.\-]+)", line)
        if m and m.group(1) not in {"python", "pip"}:
            conda.add(_name(m.group(1)))
    assert conda == wanted, (sorted(conda - wanted), sorted(wanted - conda))


def test_constraints_pin_every_dependency():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if "==" in line:
            name, version = line.split("==", 1)
            pins[name.lower().replace("_", "-")] = version
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for req in pyproject["dependencies"] + pyproject["optional-dependencies"]["dev"]:
        assert _name(req) in pins, f"{_name(req)} is not pinned in constraints.txt"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme
    assert ci.strip().splitlines()[-1] == "exec make test"


def test_readme_folder_map_names_every_top_level_folder():
    readme = (ROOT / "README.md").read_text()
    folders = sorted(
        p.name
        for p in ROOT.iterdir()
        if p.is_dir()
        and not p.name.startswith(".")
        and p.name not in {"build", "dist"}
        and not p.name.endswith(".egg-info")
    )
    for name in folders:
        assert f"{name}/" in readme, f"README's folder map does not mention {name}/"


def test_public_api_lists_only_what_exists():
    import socprev_kit

    for name in socprev_kit.__all__:
        assert getattr(socprev_kit, name) is not None, name


def test_importing_the_kit_does_not_load_statsmodels():
    import subprocess
    import sys

    code = "import sys, socprev_kit; print('statsmodels' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_readme_python_example_runs(monkeypatch):
    """The README's example is run as written, from the repository root."""
    import matplotlib

    matplotlib.use("Agg")
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    code = text.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)
    assert set(namespace["its"].effects["term"]) == {"trend", "level"}
    assert "level" in set(namespace["controlled"].effects["term"])
    comparison = namespace["comparison"]
    # Brugge only: Antwerpen and Hasselt run I01 projects of their own during the window
    assert comparison.chosen["nis_code"].tolist() == ["31005"]
    assert {"11002", "71072"} <= set(comparison.excluded["nis_code"])
