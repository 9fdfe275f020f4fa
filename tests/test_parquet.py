"""The Parquet reader: real Parquet files written with pyarrow, every row accounted for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from socprev_kit import load
from socprev_kit.data.reading import read_paths

HEAD = {"project": "BXL-1", "NIS-code": "21004", "indicator": "I02"}


def _table(n: int, **columns: object) -> pa.Table:
    data = {k: [v] * n for k, v in HEAD.items()}
    data["periode"] = [f"2023-{m % 12 + 1:02d}" for m in range(n)]
    data["waarde"] = list(range(n))
    data.update(columns)
    return pa.table(data)


def _rows(data) -> list[int]:  # noqa: ANN001 - a Dataset
    """Every source row a data set uses or names, sorted."""
    used = data.registrations["source_row"].astype(int).tolist()
    named = data.issues["row"].dropna().astype(int).tolist()
    return sorted(set(used) | set(named))


def test_row_groups_are_numbered_as_one_table(tmp_path: Path) -> None:
    path = tmp_path / "groups.parquet"
    pq.write_table(_table(10), path, row_group_size=3)
    assert pq.ParquetFile(path).metadata.num_row_groups == 4
    data = load(path)
    assert sorted(data.registrations["source_row"]) == list(range(2, 12))
    assert data.registrations.sort_values("source_row")["value"].tolist() == list(range(10))


def test_dictionary_columns_and_a_dictionary_of_dates(tmp_path: Path) -> None:
    periods = pa.array([dt.datetime(2023, m, 1) for m in (1, 2, 3)], pa.timestamp("ms"))
    table = pa.table(
        {k: pa.array([v] * 3).dictionary_encode() for k, v in HEAD.items()}
        | {"periode": periods.dictionary_encode(), "waarde": pa.array([1, 2, 3])}
    )
    pq.write_table(table, tmp_path / "dict.parquet")
    data = load(tmp_path / "dict.parquet")
    assert sorted(data.registrations["period"].astype(str)) == ["2023-01", "2023-02", "2023-03"]
    assert not (data.issues["severity"] == "error").any(), data.issues


def test_cells_come_as_the_other_readers_give_them(tmp_path: Path) -> None:
    """Whole numbers stay whole (a blank stays blank, not NaN turning 21004 into 21004.0);
    bytes, durations and times of day are text; a pandas index is a column as pandas gives it."""
    frame = pd.DataFrame(
        {"NIS-code": pd.array([21004, None, 21004], dtype="Int64"), "waarde": [1, 2, 3],
         "periode": ["2023-01", "2023-02", "2023-03"], "indicator": ["I02"] * 3,
         "opmerking": [b"caf\xc3\xa9", b"\xff", None]},
        index=pd.Index(["BXL-1"] * 3, name="project"),
    )  # fmt: skip
    frame.to_parquet(tmp_path / "typed.parquet")
    (table,) = read_paths(tmp_path / "typed.parquet").tables
    assert list(table.headers.values())[0] == "project"  # the index first, as pandas gives it
    assert table.columns["nis_code"].tolist() == [21004, None, 21004]
    assert table.columns["note"].tolist() == ["café", "\ufffd", None]
    times = _table(2, opmerking=pa.array([90, 3600], pa.duration("s")))
    pq.write_table(times, tmp_path / "times.parquet")
    (table,) = read_paths(tmp_path / "times.parquet").tables
    assert table.columns["note"].tolist() == ["0:01:30", "1:00:00"]


def test_nested_cells_are_text_and_the_column_named(tmp_path: Path) -> None:
    note = pa.array([{"a": 1, "when": dt.date(2023, 1, 1)}, None, {"a": 3, "when": None}])
    value = pa.array([[1], [2, 3], None])
    pq.write_table(_table(3, opmerking=note, waarde=value), tmp_path / "nested.parquet")
    (table,) = read_paths(tmp_path / "nested.parquet").tables
    assert table.columns["note"].tolist() == ['{"a": 1, "when": "2023-01-01"}', None,
                                              '{"a": 3, "when": null}']  # fmt: skip
    data = load(tmp_path / "nested.parquet", lang="en")
    nested = data.issues.query("check == 'parquet_nested_column'")
    assert sorted(nested["column"]) == ["opmerking", "waarde"] and set(nested["row"]) == {1}
    assert _rows(data) == [1, 2, 3, 4] and data.registrations.empty


def test_dates_beyond_pandas_are_named_cell_by_cell(tmp_path: Path) -> None:
    far = [dt.date(2023, 1, 1), dt.date(9999, 12, 31), None, dt.date(1, 1, 1)]
    pq.write_table(_table(4, periode=pa.array(far, pa.date32())), tmp_path / "far.parquet")
    data = load(tmp_path / "far.parquet", lang="en")
    out = data.issues.query("check == 'parquet_date_out_of_range'")
    assert out[["row", "column", "value"]].values.tolist() == [
        [3, "periode", "9999-12-31"], [5, "periode", "0001-01-01"]]  # fmt: skip
    assert data.registrations["source_row"].tolist() == [2]
    assert _rows(data) == [2, 3, 4, 5]


def test_an_open_end_date_of_9999_is_read_as_no_end(tmp_path: Path) -> None:
    projects = pa.table(
        {"project_id": ["BXL-1"], "name": ["Straathoek"], "project_types": ["street_work"],
         "lead_nis_code": ["21004"], "nis_codes": ["21004"],
         "start_date": pa.array([dt.datetime(2022, 1, 1)], pa.timestamp("us")),
         "intervention_date": pa.array([dt.datetime(2022, 6, 1)], pa.timestamp("us")),
         "end_date": pa.array([dt.datetime(9999, 12, 31)], pa.timestamp("us"))}
    )  # fmt: skip
    pq.write_table(projects, tmp_path / "projects.parquet")
    data = load(tmp_path / "projects.parquet", lang="en")
    assert data.projects["end_date"].isna().all() and len(data.projects) == 1
    assert data.issues.query("check == 'parquet_date_out_of_range'")["row"].tolist() == [2]


def test_a_damaged_column_chunk_blanks_that_column_there_only(tmp_path: Path) -> None:
    path = tmp_path / "damaged.parquet"
    pq.write_table(_table(6, opmerking=["x"] * 6), path, row_group_size=3,
                   write_page_checksum=True)  # fmt: skip
    meta = pq.ParquetFile(path).metadata
    names = meta.schema.names
    chunk = meta.row_group(1).column(names.index("opmerking"))
    end = (chunk.dictionary_page_offset or chunk.data_page_offset) + chunk.total_compressed_size
    data = bytearray(path.read_bytes())
    data[end - 4 : end] = b"\xa5" * 4
    path.write_bytes(bytes(data))
    loaded = load(path, lang="en")
    bad = loaded.issues.query("check == 'parquet_bad_column'")
    assert bad[["row", "column", "value"]].values.tolist() == [[5, "opmerking", "5-7"]]
    assert len(loaded.registrations) == 6
    assert loaded.registrations.sort_values("source_row")["note"].tolist()[:3] == ["x"] * 3


@pytest.mark.parametrize(
    ("variable", "value", "words"),
    [("SOCPREV_LIMIT_SHEET_CELLS", "50", "SOCPREV_LIMIT_SHEET_CELLS=50"),
     ("SOCPREV_LIMIT_COLUMNS", "3", "SOCPREV_LIMIT_COLUMNS=3"),
     ("SOCPREV_LIMIT_PARQUET_MB", "0.0001", "SOCPREV_LIMIT_PARQUET_MB")],
)  # fmt: skip
def test_limits_are_read_from_the_footer_before_any_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, words: str
) -> None:
    pq.write_table(_table(20), tmp_path / "big.parquet")
    monkeypatch.setenv(variable, value)
    data = load(tmp_path / "big.parquet", lang="en")
    assert data.issues["check"].tolist() == ["parquet_too_large"], data.issues
    assert words in data.issues["message"].iat[0] and data.registrations.empty


def test_zero_rows_a_cut_file_and_not_parquet(tmp_path: Path) -> None:
    pq.write_table(_table(0), tmp_path / "zero.parquet")
    pq.write_table(_table(5), tmp_path / "whole.parquet")
    whole = (tmp_path / "whole.parquet").read_bytes()
    (tmp_path / "cut.parquet").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "text.parquet").write_bytes(b"project;periode\n" * 3)
    checks = {
        name: load(tmp_path / name, lang="en").issues["check"].tolist()
        for name in ("zero.parquet", "cut.parquet", "text.parquet")
    }
    assert checks == {"zero.parquet": ["empty_file"], "cut.parquet": ["parquet_truncated"],
                      "text.parquet": ["unreadable_file"]}  # fmt: skip


def test_a_parquet_file_goes_through_the_store_as_read(tmp_path: Path) -> None:
    from socprev_kit.registration.intake import import_files

    far = [dt.datetime(2023, 1, 1), dt.datetime(9999, 12, 31)]
    table = _table(2, periode=pa.array(far, pa.timestamp("us")), opmerking=pa.array([[1], []]))
    pq.write_table(table, tmp_path / "odd.parquet")
    import_files([tmp_path / "odd.parquet"], tmp_path / "s.duckdb", validate=False)
    a, b = load(tmp_path / "s.duckdb", lang="en"), load(tmp_path / "odd.parquet", lang="en")
    assert a.issues.drop(columns="file").equals(b.issues.drop(columns="file"))
    assert np.array_equal(a.registrations["source_row"], b.registrations["source_row"])


def test_row_groups_read_together_and_alone_keep_their_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Groups are read several at once; a broken one among them is read alone, the others kept.
    A column name twice is read twice, each its own cells."""
    import socprev_kit.data.formats.parquet as reader

    monkeypatch.setattr(reader, "BATCH_ROWS", 7)
    table = _table(12).append_column("waarde ", pa.array([9] * 12))
    path = tmp_path / "groups.parquet"
    pq.write_table(table.rename_columns([*table.column_names[:-1], "waarde"]), path,
                   row_group_size=3, write_page_checksum=True)  # fmt: skip
    meta = pq.ParquetFile(path).metadata
    assert [g for g, _, _ in reader._batches(meta, 1e9)] == [[0, 1], [2, 3]]
    assert [g for g, _, _ in reader._batches(meta, 10)] == [[0], [1], [2], [3]]
    meta = pq.ParquetFile(path).metadata.row_group(2)
    data = bytearray(path.read_bytes())
    for j in range(meta.num_columns):
        c = meta.column(j)
        end = (c.dictionary_page_offset or c.data_page_offset) + c.total_compressed_size
        data[end - 4 : end] = b"\xa5" * 4
    path.write_bytes(bytes(data))
    loaded = load(path, lang="en")
    assert sorted(loaded.registrations["source_row"]) == [2, 3, 4, 5, 6, 7, 11, 12, 13]
    assert loaded.registrations.sort_values("source_row")["value"].tolist()[:2] == [0, 1]
    bad = loaded.issues.query("check == 'parquet_bad_rows'")
    assert bad["row"].tolist() == [8, 9, 10] and set(bad["value"]) == {"3"}
    assert "duplicate_column" in set(loaded.issues["check"])


def test_text_repeated_on_every_row_is_counted_before_it_is_decoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    zeros = pa.array(np.zeros(1000, dtype=np.int32))
    note = pa.DictionaryArray.from_arrays(zeros, pa.array(["x" * 2000]))  # 2 MB decoded
    pq.write_table(_table(1000, opmerking=note), tmp_path / "long.parquet")
    whole = load(tmp_path / "long.parquet")
    assert whole.files["rows"].tolist() == [1000]
    assert "parquet_too_large" not in set(whole.issues["check"])
    monkeypatch.setenv("SOCPREV_LIMIT_PARQUET_MB", "1")
    data = load(tmp_path / "long.parquet", lang="en")
    assert data.issues["check"].tolist() == ["parquet_too_large"] and data.registrations.empty
    assert data.issues["value"].iat[0] == "2 MB"
