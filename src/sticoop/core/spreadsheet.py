"""Every CSV and XLSX that sticoop writes goes through here, so an export is safe to open in a spreadsheet:

- a text cell starting with ``= + - @`` (or a tab or carriage return) could run as a formula: in CSV it is
  written with a leading apostrophe (OWASP "CSV injection"; :func:`restore_cell` takes it off again on
  import), in XLSX it is written as a text cell, never a formula;
- characters XML cannot hold (control characters such as the vertical tab Word pastes) are removed from
  XLSX cells, which would otherwise make the whole export fail;
- every CSV starts with a byte-order mark, so spreadsheet programs read Vietnamese and French as UTF-8.

Numbers, dates and booleans are written as they are (``-5`` stays a number).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value safe for a CSV cell: text that a spreadsheet would read as a formula gets a leading ``'``
    (so does text already starting with ``'`` before such a character, so that the import can undo it)."""
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore_cell(value: Any) -> Any:
    """The inverse of :func:`csv_cell`, for importers reading sticoop's own CSVs back."""
    if isinstance(value, str) and value.startswith("'") and value.lstrip("'").startswith(FORMULA_STARTS):
        return value[1:]
    return value


def xlsx_text(value: str) -> str:
    """Text without the characters XML 1.0 cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


class CsvWriter:
    """``csv.writer`` that neutralises formulas in every cell and starts the output with a BOM."""

    def __init__(self, handle: TextIO, bom: bool = True) -> None:
        if bom:
            handle.write(BOM)
        self._writer = csv.writer(handle)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([csv_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def xlsx_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """Cells for ``sheet.append`` of a write-only openpyxl sheet: text is always a text cell (never a
    formula) and stripped of illegal characters; other values are kept as they are."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        if isinstance(value, str):
            cell = WriteOnlyCell(sheet, value=xlsx_text(value))
            cell.data_type = "s"
        else:
            cell = WriteOnlyCell(sheet, value=value)
        cells.append(cell)
    return cells
