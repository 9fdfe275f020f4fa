"""The intake store: every file a municipality sends, kept in one DuckDB file, nothing ever lost.

``import_files`` validates files and stores every row with its provenance (file, sheet, cell,
SHA-256 of the file, import and time); importing the same bytes again changes nothing; a
corrected file supersedes the values it covers, and the earlier values stay in the history
(``history``). ``socprev_kit.load(store)`` reads the current rows back as the files gave them.

A store is data, never code: it is opened read-only unless a command writes to it, in a DuckDB
sandbox, and only a store that holds the kit's own tables and nothing else is read or written.

Modules: ``schema`` (what a store holds, and the check that a file holds only that), ``store``
(opening the file safely, cells kept as typed), ``staging`` (rows from read files),
``writing`` (the import transaction), ``reading`` (current rows back as raw tables),
``importing`` (``import_files``) and ``versions`` (``history``); the commands
``socprev-kit import`` and ``socprev-kit history`` are in :mod:`socprev_kit.cli.intake`. Nothing
heavy is imported with this package.
"""

from ...common.lazy import lazy_names

_LAZY = {
    "import_files": ".importing",
    "ImportReport": ".importing",
    "FileOutcome": ".importing",
    "default_store": ".importing",
    "history": ".versions",
    "read_store": "socprev_kit.data.store.reading",
    "StoreError": "socprev_kit.data.store.connection",
    "STORE_NAME": "socprev_kit.data.store.connection",
}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = sorted(_LAZY)
