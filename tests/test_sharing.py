"""Data prepared once for the processes of a batch (socprev_kit.reports.sharing), in real
processes."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from socprev_kit import reports
from socprev_kit.data.reading import files_stamp, input_hash, read_paths
from socprev_kit.reports import context, sharing
from socprev_kit.validation.dataset import validate

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "clean"


def _build_in_process(folder: str, log: str, start: float) -> str:
    """One process asking for the shared 'context' (a string here), the way a kernel does."""

    def build(loaded: dict | None) -> str:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        time.sleep(1.0)  # long enough for the others to find the lock taken
        return f"built by {os.getpid()}"

    time.sleep(max(0.0, start - time.time()))  # all start together
    return sharing.shared_context(Path(folder), "/data", "stamp", build)


def test_the_first_process_builds_and_the_others_load(tmp_path: Path) -> None:
    log = tmp_path / "builds.txt"
    spawn = multiprocessing.get_context("spawn")
    start = time.time() + 3  # after the spawned interpreters have started
    with spawn.Pool(3) as pool:
        got = pool.starmap(_build_in_process, [(str(tmp_path), str(log), start)] * 3)
    builders = log.read_text(encoding="utf-8").split()
    assert len(builders) == 1  # one process built ...
    assert got == [f"built by {builders[0]}"] * 3  # ... and every process has its result
    assert not (tmp_path / sharing.LOCK).exists()


def test_a_file_made_from_other_files_is_not_used(tmp_path: Path) -> None:
    sharing.write_shared(tmp_path, sharing.CONTEXT, "/data", "stamp", context="old")
    assert sharing.read_shared(tmp_path / sharing.CONTEXT, "/data", "stamp")["context"] == "old"
    assert sharing.read_shared(tmp_path / sharing.CONTEXT, "/data", "new stamp") is None
    assert sharing.read_shared(tmp_path / sharing.CONTEXT, "/other", "stamp") is None
    built = sharing.shared_context(tmp_path, "/data", "new stamp", lambda loaded: "new")
    assert built == "new"  # and it replaced the old file
    assert sharing.read_shared(tmp_path / sharing.CONTEXT, "/data", "new stamp")["context"] == "new"


def test_a_broken_file_or_a_lock_left_behind_does_not_stop_a_report(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / sharing.CONTEXT).write_bytes(b"not a pickle")
    assert sharing.read_shared(tmp_path / sharing.CONTEXT, "/data", "stamp") is None
    assert "cannot use" in caplog.text
    (tmp_path / sharing.LOCK).touch()  # a builder that died
    start = time.monotonic()
    got = sharing.shared_context(tmp_path, "/data", "stamp", lambda loaded: "mine", wait=0.3)
    assert got == "mine" and 0.3 <= time.monotonic() - start < 5
    gone = tmp_path / "batch-is-over"
    assert sharing.shared_context(gone, "/data", "stamp", lambda loaded: "alone") == "alone"


@pytest.fixture
def small_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("projects.xlsx", "registrations_82038.csv"):
        shutil.copy(SAMPLE / name, data / name)
    return data


def test_kernels_prepare_from_the_data_the_batch_read(
    small_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    stamp = files_stamp(small_data)
    read = read_paths(small_data)
    sharing.share_loaded(folder, small_data.resolve(), read, validate(read), input_hash(small_data))
    context.clear_cache()
    expected = reports.prepare(small_data, warm=False)
    context.clear_cache()

    def no_reading(*args: object) -> None:
        raise AssertionError("the data were read again")

    monkeypatch.setattr(context, "read_paths", no_reading)
    shared = reports.prepare(small_data, warm=False, share=folder)
    pd.testing.assert_frame_equal(shared.table, expected.table)
    assert shared.input_hash == expected.input_hash == input_hash(small_data)
    context.clear_cache()  # another kernel: loads what the first one built
    assert reports.prepare(small_data, warm=False, share=folder).table.equals(expected.table)
    monkeypatch.undo()
    csv = small_data / "registrations_82038.csv"
    csv.write_bytes(csv.read_bytes() + b"\n")  # the data changed since the batch read them
    context.clear_cache()
    changed = reports.prepare(small_data, warm=False, share=folder)
    assert changed.input_hash == input_hash(small_data) != expected.input_hash
    assert files_stamp(small_data) != stamp


def test_kernels_take_the_aggregates_the_batch_made(
    small_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the batch aggregated while the kernels imported (monthly and yearly tables,
    completeness) is what a kernel would have made itself, and the kernel does not make it
    again; the rest of the warm-up (attainment, funnels) is the same too."""
    from socprev_kit.indicators import report_inputs
    from socprev_kit.indicators import table as indicators

    folder = tmp_path / "share"
    folder.mkdir()
    read = read_paths(small_data)
    data = validate(read)
    tables = report_inputs.report_tables(data, yearly=True)
    sharing.share_loaded(folder, small_data.resolve(), read, data, input_hash(small_data), tables)
    context.clear_cache()
    expected = reports.prepare(small_data, warm=True)
    context.clear_cache()

    def no_aggregating(*args: object, **kwargs: object) -> None:
        raise AssertionError("the kernel aggregated the data again")

    monkeypatch.setattr(indicators, "indicator_table", no_aggregating)
    monkeypatch.setattr(report_inputs, "report_tables", no_aggregating)
    shared = reports.prepare(small_data, warm=True, share=folder)
    for name in ("table", "completeness", "completeness_months"):
        pd.testing.assert_frame_equal(getattr(shared, name), getattr(expected, name))
    pd.testing.assert_frame_equal(shared.yearly_all(), expected.yearly_all())
    assert set(shared._memo) == set(expected._memo)
    for key, value in expected._memo.items():
        _assert_same(shared._memo[key], value, key)


def _assert_same(got: object, value: object, key: object) -> None:
    """``got`` equals ``value``: frames, arrays, and tuples or dicts of them (a funnel's
    ``(year, frame)``, frames per indicator or project, row positions), compared in depth."""
    if isinstance(value, pd.DataFrame):
        pd.testing.assert_frame_equal(got, value)
    elif isinstance(value, np.ndarray):
        np.testing.assert_array_equal(got, value)
    elif isinstance(value, tuple | list):
        assert type(got) is type(value) and len(got) == len(value), key
        for g, v in zip(got, value, strict=True):
            _assert_same(g, v, key)
    elif isinstance(value, dict):
        assert value.keys() == got.keys(), key
        for k in value:
            _assert_same(got[k], value[k], (key, k))
    else:
        assert got == value, key


def test_the_context_a_batch_hands_its_kernels_is_lean_and_the_same(
    small_data: Path, tmp_path: Path
) -> None:
    """The context in ``context.pickle`` (:func:`sharing.share_context`) holds the same frames
    and memo as one prepared from the files, with one object per distinct text and without the
    raw tables read from the files; it renders the issues in a language not rendered before."""
    import pickle

    context.clear_cache()
    fresh = reports.prepare(small_data, warm=True)
    fresh_bytes = len(pickle.dumps(fresh, protocol=pickle.HIGHEST_PROTOCOL))
    context.clear_cache()
    made = reports.prepare(small_data, warm=True)
    sharing.share_context(tmp_path, small_data.resolve(), made)
    file = tmp_path / sharing.CONTEXT
    got = sharing.read_shared(file, str(small_data.resolve()), files_stamp(small_data))["context"]
    assert file.stat().st_size < fresh_bytes
    for name in ("table", "completeness", "completeness_months"):
        pd.testing.assert_frame_equal(getattr(got, name), getattr(fresh, name))
    for name in ("registrations", "projects", "objectives", "context", "issues", "files"):
        pd.testing.assert_frame_equal(getattr(got.data, name), getattr(fresh.data, name))
    assert set(got._memo) == set(fresh._memo)
    for key, value in fresh._memo.items():
        _assert_same(got._memo[key], value, key)
    codes = got.table["nis_code"].to_numpy()
    assert codes.dtype == object and len({id(c) for c in codes}) == len(set(codes))
    assert got.read.tables == [] and fresh.read.tables
    assert got.read.issues == fresh.read.issues and got.read.files == fresh.read.files
    pd.testing.assert_frame_equal(got.issues("en"), fresh.issues("en"))
