"""Writers for the report's data files: CSV (UTF-8 with BOM), XLSX and JSON.

CSV files follow the spreadsheet habits of the report's language so that a
double click opens them right: Czech uses ``;`` between fields and a decimal
comma (as Czech Excel does), English ``,`` and a decimal point. Both carry a BOM
so Excel reads the Czech letters as UTF-8.

Text that a spreadsheet would take for a formula (a cell starting with ``=``,
``+``, ``-`` or ``@``) is defused: in XLSX it is stored as an explicit text cell
(the value stays the literal text); in CSV, which has no cell types, it gets a
leading apostrophe (OWASP's advice against CSV injection).

>>> guard_csv_text("=HYPERLINK(1)"), guard_csv_text("ZŠ Lhota"), guard_csv_text(-1.5)
("'=HYPERLINK(1)", 'ZŠ Lhota', -1.5)
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

__all__ = ["FORMULA_STARTS", "guard_csv_text", "write_csv", "write_xlsx", "write_json",
           "json_ready", "csv_dialect"]

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard_csv_text(value: Any) -> Any:
    """Text starting like a formula gets a leading apostrophe; anything else is kept."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_dialect(lang: str) -> tuple[str, str]:
    """(field separator, decimal mark) of a spreadsheet in ``lang``."""
    return (";", ",") if lang == "cs" else (",", ".")


def write_csv(frame: pd.DataFrame, path: Path, lang: str) -> None:
    """``frame`` as a CSV file a spreadsheet in ``lang`` opens right (UTF-8 with BOM)."""
    separator, decimal = csv_dialect(lang)
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(guard_csv_text)
    safe.to_csv(path, sep=separator, decimal=decimal, index=False, encoding="utf-8-sig",
                lineterminator="\r\n")


def _cell_value(value: Any) -> Any:
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (tuple, list, set, frozenset)):
        return "; ".join(str(v) for v in value)
    return value


_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="0B4F8A")


def write_xlsx(sheets: Mapping[str, pd.DataFrame], path: Path) -> None:
    """Each frame as a sheet (name = key, cut to Excel's 31 characters) of one workbook.

    Written in openpyxl's streaming mode (a 30,000-actor table in seconds); every
    text cell is typed as text, so no user text can become a formula.
    """
    workbook = Workbook(write_only=True)
    for title, frame in sheets.items():
        sheet = workbook.create_sheet(title=_sheet_title(title))
        sheet.freeze_panes = "A2"
        widths = _column_widths(frame)
        for position, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(position)].width = width
        header = []
        for name in frame.columns:
            cell = WriteOnlyCell(sheet, value=str(name))
            cell.data_type = "s"
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            header.append(cell)
        sheet.append(header)
        for row in frame.itertuples(index=False, name=None):
            values = []
            for raw in row:
                value = _cell_value(raw)
                if isinstance(value, str):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.data_type = "s"  # never a formula, whatever the text starts with
                    values.append(cell)
                else:
                    values.append(value)
            sheet.append(values)
    workbook.save(path)


def _sheet_title(title: str) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title)
    return cleaned[:31] or "sheet"


def _column_widths(frame: pd.DataFrame, sample: int = 200) -> list[float]:
    widths = []
    head = frame.head(sample)
    for column in frame.columns:
        longest = max([len(str(column))] + [len(str(v)) for v in head[column] if v is not None])
        widths.append(float(min(max(longest + 2, 8), 60)))
    return widths


def json_ready(value: Any) -> Any:
    """``value`` with NaN/inf as None, numpy scalars as Python, tuples and sets as lists,
    dates as ISO text: what ``json.dumps`` can write as strict JSON."""
    if isinstance(value, Mapping):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return [json_ready(v) for v in sorted(value, key=str)]
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def write_json(data: Mapping[str, Any], path: Path) -> None:
    """Strict JSON, UTF-8, keys in the order given, two-space indent, newline at the end."""
    text = json.dumps(json_ready(data), ensure_ascii=False, indent=2, allow_nan=False)
    path.write_text(text + "\n", encoding="utf-8")
