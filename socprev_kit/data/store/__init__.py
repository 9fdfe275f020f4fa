"""The intake store (DuckDB) as data: its schema and checks (``schema``), opening it safely
(``connection``), its texts (``texts``), and its current rows read back as raw tables
(``reading``). Writing to it is :mod:`socprev_kit.registration.intake`.
"""
