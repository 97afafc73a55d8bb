"""XLSX: one sheet per table, or an actors/links/meetings file each with one sheet.

Cells become text the way the spreadsheet shows them: whole numbers without
``.0``, dates as ISO dates (so ``1.3.2025`` formatted as a date reads as 1 March).
Row numbers are the sheet's own.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from graphnet.errors import Problem
from graphnet.i18n import t
from graphnet.io.columns import make_table
from graphnet.table import Table

__all__ = ["open_workbook", "read_sheet", "sheet_names"]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):  # links and meetings carry dates, not times
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def open_workbook(path: Path, shown: str, lang: str = "en") -> tuple[Any, list[Problem]]:
    """The openpyxl workbook (read-only), or None and the problem why not."""
    import openpyxl  # deferred: reading a CSV folder (most datasets) need not load it

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True), []
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        return None, [Problem(shown, None, None, None, t("data.bad_xlsx", lang, reason=reason))]
    except Exception as error:  # openpyxl raises many kinds on a corrupt file
        return None, [Problem(shown, None, None, None,
                              t("data.bad_xlsx", lang, reason=type(error).__name__))]


def sheet_names(workbook: Any) -> list[str]:
    return list(workbook.sheetnames)


def _rows(sheet: Any) -> Iterator[tuple[int, list[str]]]:
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield number, [_cell(v) for v in values]


def read_sheet(workbook: Any, sheet: str, kind: str, shown: str, lang: str = "en"
               ) -> tuple[Table | None, str | None, list[Problem]]:
    """The table on one sheet, the language of its headers, and reading problems."""
    header: list[str] | None = None
    numbers: list[int] = []
    records: list[list[str]] = []
    for number, cells in _rows(workbook[sheet]):
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = cells
            while header and not header[-1].strip():
                header.pop()
            continue
        numbers.append(number)
        records.append(cells)
    if header is None:
        return None, None, [Problem(shown, None, None, None, t("data.empty_file", lang))]
    problems: list[Problem] = []
    width = len(header)
    for number, cells in zip(numbers, records, strict=True):
        filled = [i for i, c in enumerate(cells) if c.strip()]
        if filled and filled[-1] >= width:
            problems.append(Problem(shown, number, None, None,
                                    t("data.bad_row_width", lang, found=filled[-1] + 1,
                                      expected=width)))
    data = pd.DataFrame([(cells + [""] * width)[:width] for cells in records],
                        columns=range(width), dtype=object)
    if data.empty:
        data = pd.DataFrame({i: pd.Series(dtype=object) for i in range(width)})
    table, language = make_table(kind, shown, header, data, numbers)
    return table, language, problems
