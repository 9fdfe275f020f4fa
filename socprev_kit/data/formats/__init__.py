"""The readers of each file format, each adding raw tables (:mod:`socprev_kit.data.tables`).

``csv`` and ``csv_rows`` (text files), ``excel`` with ``xlsx`` and ``xlsx_stream`` (workbooks),
``registration`` and ``registration_layout`` (the kit's registration workbook), ``parquet`` and
``parquet_cells``.
"""
