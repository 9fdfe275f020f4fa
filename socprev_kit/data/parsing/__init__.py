"""Turn the cell values users type into typed values, vectorised, without ever raising.

Each parser takes a Series of whatever the file held (text, numbers, datetimes, blanks) and returns
a Series of parsed values with missing values where the text could not be read. The caller compares
the result with the input to report what failed; nothing here decides what is an error.

Each reader parses the distinct values of a column once (:mod:`.distinct_values`); its
``*_distinct`` twin does the work on values given once each, for callers that factorize a column
themselves. The readers live in modules named after what they read: :mod:`.text` (text,
identifiers, lists, NIS codes), :mod:`.numbers`, :mod:`.dates` and :mod:`.periods`. Callers import
this package and call ``parsing.parse_number(...)``.
"""

from .dates import (
    DATE_YEARS,
    EXCEL_SERIAL_RANGE,
    excel_serial_to_timestamp,
    is_excel_serial,
    is_excel_serial_distinct,
    is_open_end,
    parse_date,
    parse_date_distinct,
)
from .distinct_values import factorize, map_unique, spread, spread_categorical
from .numbers import parse_number, parse_number_distinct
from .periods import (
    MONTHS,
    parse_period,
    parse_period_distinct,
    period_end,
    period_frequency,
    period_parts,
    period_start,
)
from .text import (
    as_text,
    as_text_distinct,
    is_blank,
    parse_code,
    parse_list,
    parse_nis,
    parse_nis_distinct,
)

__all__ = [
    "DATE_YEARS",
    "EXCEL_SERIAL_RANGE",
    "MONTHS",
    "as_text",
    "as_text_distinct",
    "excel_serial_to_timestamp",
    "factorize",
    "is_blank",
    "is_excel_serial",
    "is_excel_serial_distinct",
    "is_open_end",
    "map_unique",
    "parse_code",
    "parse_date",
    "parse_date_distinct",
    "parse_list",
    "parse_nis",
    "parse_nis_distinct",
    "parse_number",
    "parse_number_distinct",
    "parse_period",
    "parse_period_distinct",
    "period_end",
    "period_frequency",
    "period_parts",
    "period_start",
    "spread",
    "spread_categorical",
]
