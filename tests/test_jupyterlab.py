"""Training notebooks in a real JupyterLab, run in Debian's headless Chromium through Selenium.

A JupyterLab server starts on loopback (its own token, port and settings; the user's Jupyter
settings are never read) on copies of ``notebooks/training/nl/05_before_after.ipynb`` and
``04_indicators_over_time.ipynb``, WITHOUT ``SOCPREV_KIT_STATIC``: the widgets are live. The
browser opens each notebook, runs all cells from the Run menu as a participant would, checks that
the widget renders (controls, a figure, a table, no error) and that moving a slider with the
keyboard (simulation) or choosing another municipality (explorer) redraws the figure, the text and
the table. The figure the browser shows is compared byte for byte with the one the kernel drew,
asked from the kernel itself. Screenshots go to the folder ``SOCPREV_SCREENSHOTS`` names, if set.
"""

from __future__ import annotations

import ast
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import chromium

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    if os.environ.get("CI"):
        pytest.fail("Chromium and ChromeDriver are missing: `make browser` installs them")
    pytest.skip("Chromium and ChromeDriver are missing: `make browser`", allow_module_level=True)

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "notebooks" / "training" / "nl"
SIMULATION, EXPLORER = "05_before_after.ipynb", "04_indicators_over_time.ipynb"
#: Generous: the machine may be running other tests at the same time.
START, RUN, CHANGE = 180, 300, 120
#: The kernel's status in the notebook's toolbar.
INDICATOR = ".jp-Notebook-ExecutionIndicator"
#: JupyterLab's own prompts that would cover the page: news, update checks.
QUIET = {"@jupyterlab/apputils-extension/notification": {"fetchNews": "false",
                                                          "checkForUpdates": False}}  # fmt: skip


@dataclass
class Lab:
    """A running JupyterLab: its base URL, token, notebook folder and runtime folder."""

    url: str
    token: str
    root: Path
    runtime: Path
    log: Path

    def api(self, path: str) -> object:
        request = urllib.request.Request(f"{self.url}{path}")
        request.add_header("Authorization", f"token {self.token}")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _environment(home: Path) -> dict[str, str]:
    """The server's environment: Jupyter's user folders in ``home``, live widgets."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "SOCPREV_KIT"))}
    folders = {
        "JUPYTER_CONFIG_DIR": "config",
        "JUPYTER_DATA_DIR": "data",  # the venv's kernel spec and lab extensions stay on the path
        "JUPYTER_RUNTIME_DIR": "runtime",
        "JUPYTERLAB_SETTINGS_DIR": "settings",
        "JUPYTERLAB_WORKSPACES_DIR": "workspaces",
    }
    for name, sub in folders.items():
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[name] = str(home / sub)
    for plugin, values in QUIET.items():
        target = home / "settings" / f"{plugin}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _wait_until_up(proc: subprocess.Popen, runtime: Path, token: str, log: Path) -> str:
    """The server's URL once ``/api/status`` answers (it may have taken another port)."""
    deadline = time.monotonic() + START
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"JupyterLab stopped ({proc.returncode}):\n{log.read_text()[-3000:]}")
        for info in runtime.glob(f"jpserver-{proc.pid}.json"):
            url = f"http://127.0.0.1:{json.loads(info.read_text())['port']}"
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5):
                    return url
            except OSError:
                pass
        time.sleep(0.5)
    pytest.fail(f"JupyterLab did not answer in {START} s:\n{log.read_text()[-3000:]}")


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server and every process it started (kernels), whatever happened."""
    import psutil

    try:
        children = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)  # the server shuts its kernels down
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)
    _, alive = psutil.wait_procs(children, timeout=15)
    for child in alive:
        child.kill()
    psutil.wait_procs(alive, timeout=15)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab-notebooks")
    for notebook in (SIMULATION, EXPLORER):
        shutil.copy(TRAINING / notebook, root)
    home = tmp_path_factory.mktemp("lab-home")
    token, log = secrets.token_hex(24), home / "jupyterlab.log"
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={_free_port()}",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--LabApp.extension_manager=readonly",  # no request to PyPI
    ]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # CI containers run as root
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command, cwd=root, env=_environment(home), stdout=out, stderr=subprocess.STDOUT
        )
    try:
        url = _wait_until_up(proc, home / "runtime", token, log)
        yield Lab(url, token, root, home / "runtime", log)
    finally:
        _stop(proc)


@pytest.fixture(scope="module")
def browser():
    driver = chromium("1280,1400")
    yield driver
    driver.quit()


def _shot(browser, name: str) -> None:
    if os.environ.get("SOCPREV_SCREENSHOTS"):
        folder = Path(os.environ["SOCPREV_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(folder / name))


def _wait(browser, seconds: float, condition, message: str):
    """Wait for ``condition``; on time-out fail with the cells' prompts and a screenshot."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(browser, seconds, poll_frequency=0.5).until(condition)
    except TimeoutException:
        _shot(browser, "jupyterlab_timeout.png")
        status = [e.get_attribute("data-status") for e in _css(browser, INDICATOR)]
        pytest.fail(f"{message} in {seconds} s; kernel {status}, prompts {_prompts(browser)}")


def _css(browser, selector: str) -> list:
    return browser.find_elements("css selector", selector)


def _prompts(browser) -> list[str]:
    return [p.text.strip() for p in _css(browser, ".jp-CodeCell .jp-InputPrompt")]


def _all_cells_ran(browser) -> bool:
    """Every code cell shows its execution count (``[3]:``), none is waiting (``[*]:``)."""
    prompts = _prompts(browser)
    return bool(prompts) and all(p[1:-2].isdigit() for p in prompts)


def _run_all(browser) -> None:
    """Run > Run All Cells, as a participant does, once the item is enabled (it is not until
    JupyterLab has made the notebook its current widget); wait until the first cell ran."""
    from selenium.webdriver.common.keys import Keys

    def click(b) -> bool:
        items = _css(b, '.lm-Menu-item[data-command="runmenu:run-all"]')
        if not items:
            [run] = [m for m in _css(b, ".lm-MenuBar-item") if m.text.strip() == "Run"]
            run.click()
            return False
        if "lm-mod-disabled" in items[0].get_attribute("class"):
            b.find_element("tag name", "body").send_keys(Keys.ESCAPE)  # close, open again
            return False
        items[0].click()
        return True

    _wait(browser, START, click, "Run All Cells stayed disabled")
    _wait(browser, RUN, lambda b: _prompts(b)[0][1:-2].isdigit(), "the first cell did not run")


_DIGEST = """
const done = arguments[arguments.length - 1];
fetch(arguments[0].src).then(r => r.arrayBuffer())
  .then(b => crypto.subtle.digest("SHA-256", b))
  .then(h => done([...new Uint8Array(h)].map(x => x.toString(16).padStart(2, "0")).join("")))
  .catch(e => done("error: " + e));
"""


def _digest(browser, image) -> str:
    """SHA-256 of the image data the browser shows (a blob URL for an ipywidgets Image)."""
    return browser.execute_async_script(_DIGEST, image)


def _kernel(lab: Lab, notebook: str, expression: str) -> object:
    """The value of ``expression`` in the kernel of ``notebook``, asked by a second client on
    that kernel's connection file (a literal: a list of tuples of numbers and strings)."""
    from jupyter_client import BlockingKernelClient

    (session,) = [s for s in lab.api("/api/sessions") if s["path"] == notebook]
    client = BlockingKernelClient()
    client.load_connection_file(lab.runtime / f"kernel-{session['kernel']['id']}.json")
    client.start_channels()
    try:
        msg_id = client.execute("", silent=True, user_expressions={"x": expression})
        reply = client.get_shell_msg(timeout=60)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = client.get_shell_msg(timeout=60)
    finally:
        client.stop_channels()
    result = reply["content"]["user_expressions"]["x"]
    assert result["status"] == "ok", result
    return ast.literal_eval(result["data"]["text/plain"])


def _views(lab: Lab, notebook: str, kind: str, state: str) -> list[tuple]:
    """(``state``, renders, sha256 of the PNG) of each ``kind`` view the notebook displayed (the
    kernel keeps a cell's result in ``Out``)."""
    expression = (
        f"[({state}, v.renders, __import__('hashlib').sha256(v.png).hexdigest()) "
        f"for _, v in sorted(Out.items()) if type(v).__name__ == {kind!r}]"
    )
    return _kernel(lab, notebook, expression)


def _console_errors(browser) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def _connected(lab: Lab, notebook: str, settle: float = 2.0) -> bool:
    """The notebook's kernel is idle with at least one connection, and still is ``settle``
    seconds later."""
    for attempt in range(2):
        sessions = [s for s in lab.api("/api/sessions") if s["path"] == notebook]
        kernel = sessions[0]["kernel"] if sessions else {}
        if kernel.get("execution_state") != "idle" or not kernel.get("connections"):
            return False
        if attempt == 0:
            time.sleep(settle)
    return True


def _open_and_run(lab: Lab, browser, notebook: str) -> list:
    """Open ``notebook`` (in a workspace of its own), run all cells, wait until they ran and
    their widgets are drawn; the widgets' boxes."""
    stem = Path(notebook).stem
    browser.get(f"{lab.url}/lab/workspaces/{stem}/tree/{notebook}?token={lab.token}")
    _wait(browser, START, lambda b: _css(b, ".jp-Notebook .jp-CodeCell"), "no notebook")
    idle = f'{INDICATOR}[data-status="idle"]'
    _wait(browser, START, lambda b: _css(b, idle), "the kernel did not start")
    # the toolbar says "idle" as soon as the kernel process answers; a cell sent before the page
    # holds the kernel's connection (and the widget manager its comm target) can be lost when
    # the machine is busy: wait until the server counts the page's connection, idle, twice
    _wait(browser, START, lambda b: _connected(lab, notebook), "the page did not connect")
    _run_all(browser)
    _wait(browser, RUN, _all_cells_ran, "the cells did not all run")
    _wait(browser, RUN, lambda b: _css(b, idle), "the kernel stayed busy")
    return _wait(browser, RUN, lambda b: _css(b, ".jp-OutputArea-output .widget-vbox"), "no widget")


def _rendered(browser, widget) -> tuple:
    """Scroll to ``widget``; wait until its figure is drawn; check the page shows no error.
    Its image, its HTML (text and table) element and that element's text."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", widget)
    image = widget.find_element("css selector", "img")
    _wait(browser, CHANGE, lambda b: b.execute_script("return arguments[0].naturalWidth", image)
          > 300, "the figure is not drawn")  # fmt: skip
    assert widget.find_elements("css selector", ".widget-html table.socprev-table")
    html = widget.find_element("css selector", ".widget-html")  # its content gets replaced
    page = browser.find_element("css selector", ".jp-Notebook").text
    for bad in ("Error displaying widget", "Loading widget", "Traceback"):
        assert bad not in page
    assert _css(browser, '[data-mime-type="application/vnd.jupyter.error"]') == []
    assert _css(browser, '[data-mime-type="application/vnd.jupyter.stderr"]') == []
    return image, html, html.text


def test_the_simulation_widget_renders_and_follows_its_slider(lab, browser):
    from selenium.webdriver.common.keys import Keys

    widgets = _open_and_run(lab, browser, SIMULATION)
    assert len(widgets) == 2, len(widgets)  # the notebook shows two simulations
    widget = widgets[0]
    sliders = widget.find_elements("css selector", ".widget-slider")
    labels = [s.find_element("css selector", ".widget-label").text for s in sliders]
    assert labels == ["Effect (%)", "Ruis", "Maanden vóór", "Maanden na", "Toeval (seed)"]
    image, html, before = _rendered(browser, widget)
    assert "Het echte effect is 0 %" in before
    digest = _digest(browser, image)
    _shot(browser, "jupyterlab_simulation_before.png")
    first, second = _views(lab, SIMULATION, "Simulation", "v.controls['effect'].value")
    assert first == (0, 1, digest)  # the kernel drew what the browser shows

    handle = sliders[0].find_element("css selector", ".noUi-handle")
    handle.send_keys(Keys.ARROW_RIGHT)  # one step: 5 %
    _wait(browser, CHANGE, lambda b: _digest(b, image) != digest, "the figure stayed")
    _wait(browser, CHANGE, lambda b: html.text != before, "the text and table stayed")
    _shot(browser, "jupyterlab_simulation_after.png")
    assert "Het echte effect is +5 %" in html.text
    assert sliders[0].find_element("css selector", ".widget-readout").text == "5"
    views = _views(lab, SIMULATION, "Simulation", "v.controls['effect'].value")
    assert views == [(5, 2, _digest(browser, image)), second]  # the other one did not move
    assert _console_errors(browser) == []


def test_the_explorer_renders_and_follows_its_municipality(lab, browser):
    from selenium.webdriver.support.ui import Select

    (widget,) = _open_and_run(lab, browser, EXPLORER)
    dropdowns = [Select(s) for s in widget.find_elements("css selector", ".widget-dropdown select")]
    assert len(dropdowns) == 3  # municipality, project, indicator; then the period slider
    assert widget.find_elements("css selector", ".widget-slider")
    municipality, project, _ = dropdowns
    period = widget.find_element("css selector", ".widget-slider .widget-readout")
    assert period.text.startswith("jan 2019") and period.text.endswith("dec 2025")
    fits = "return arguments[0].scrollWidth <= arguments[0].clientWidth"
    assert browser.execute_script(fits, period), "the period is cut off"
    assert municipality.first_selected_option.text == "Halen (71020)"
    image, html, before = _rendered(browser, widget)
    assert "Halen" in before
    digest = _digest(browser, image)
    _shot(browser, "jupyterlab_explorer_before.png")
    state = "v.choice['nis_code'], v.choice['project_id']"
    assert _views(lab, EXPLORER, "Explorer", state) == [("71020", "HAS-SW", 1, digest)]

    municipality.select_by_visible_text("Hasselt (71072)")
    _wait(browser, CHANGE, lambda b: _digest(b, image) != digest, "the figure stayed")
    _wait(browser, CHANGE, lambda b: "Hasselt" in html.text, "the text and table stayed")
    _shot(browser, "jupyterlab_explorer_after.png")
    assert html.text != before and "Halen" not in html.text
    assert project.first_selected_option.text.startswith("HAS-SW")
    views = _views(lab, EXPLORER, "Explorer", state)
    assert views == [("71072", "HAS-SW", 2, _digest(browser, image))]
    assert _console_errors(browser) == []
