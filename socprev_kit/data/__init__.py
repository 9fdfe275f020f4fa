"""Data: the contract, the reference tables, and files read into raw tables, nothing judged.

``contract`` (the canonical tables and their Dutch/French/English headers), ``reference/``
(municipalities, mergers, population, police zones), ``catalogue`` (indicators and code lists),
``parsing/`` (cells to numbers, dates, periods, codes), ``files`` (which files are read),
``tables`` (the raw tables every reader makes), ``formats/`` (CSV, xlsx, Parquet, the registration
workbook), ``store/`` (the intake store read back), ``reading`` (``read_paths``). It imports
common only.
"""
