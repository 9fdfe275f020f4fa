"""The batch on a Dask cluster gets the prepared data once per worker (issue 16, item 8).

The real report notebooks on a LocalCluster of two worker processes: the reports equal those a
local batch makes, the batch's prepared context reaches each worker once (not once per report),
and the kernels load it as sent instead of preparing the data again.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd
import pytest

from socprev_kit.batch import batch, cluster

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "clean"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two municipalities of the sample (CSV, `;`) and their projects and objectives (xlsx)."""
    folder = tmp_path_factory.mktemp("data")
    for nis in ("35002", "35013"):
        name = f"registrations_{nis}.csv"
        (folder / name).write_bytes((SAMPLE / name).read_bytes())
    sheets = pd.read_excel(SAMPLE / "projects.xlsx", sheet_name=None, dtype=str)
    with pd.ExcelWriter(folder / "projects.xlsx") as xlsx:
        for sheet in ("projects", "objectives"):
            rows = sheets[sheet].query("project_id in ['KUST-SW', 'OOS-HOT']")
            rows.to_excel(xlsx, sheet_name=sheet, index=False)
    return folder


def _outputs(path: Path) -> list:
    nb = nbformat.read(path, as_version=4)
    return [
        {k: v for k, v in o.items() if k not in ("execution_count", "metadata")}
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
    ]


def test_the_cluster_makes_the_local_reports_from_data_sent_once_per_worker(
    data: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    choice = {"municipalities": ["35013", "35002"], "projects": ["KUST-SW"], "langs": ["nl"]}
    local = batch(**choice, data=data, out=tmp_path / "local", jobs=1, audit=False)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None,
        ) as dask_cluster,
        distributed.Client(dask_cluster) as client,
    ):  # fmt: skip
        remote = batch(
            **choice, data=data, out=tmp_path / "cluster", scheduler=dask_cluster.scheduler_address,
            audit=False,
        )  # fmt: skip
        states = list(client.run(cluster.shared_state).values())
    assert [r["status"] for r in local.records] == ["ok"] * 3
    assert [r["status"] for r in remote.records] == ["ok"] * 3
    workers = {int(r["worker"].split(":")[1]) for r in remote.records}  # host:pid:id
    assert workers <= {s["pid"] for s in states}
    for mine, theirs in zip(local.records, remote.records, strict=True):
        assert _outputs(local.out / mine["ipynb"]) == _outputs(remote.out / theirs["ipynb"])
    # three reports, each worker that made one received the context once and its kernel used
    # the context as sent (a kernel that prepared the data itself would have written its own)
    used = [s for s in states if s["pid"] in workers]
    assert [s["installs"] for s in used] == [1] * len(used)
    assert all(s["used_as_sent"] for s in used)
    assert all(s["installs"] == 0 for s in states if s["pid"] not in workers)
