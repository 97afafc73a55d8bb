"""Writers for the report's data files: CSV (UTF-8 with BOM), XLSX and JSON.

CSV files follow the spreadsheet habits of the report's language so that a
double click opens them right: Czech uses ``;`` between fields and a decimal
comma (as Czech Excel does), English ``,`` and a decimal point. Both carry a BOM
so Excel reads the Czech letters as UTF-8.

Text that a spreadsheet would take for a formula (a cell starting with ``=``,
``+``, ``-`` or ``@``) is defused: in XLSX it is stored as a text cell (the value
stays the literal text, see :mod:`graphnet.report.xlsx`); in CSV, which has no
cell types, it gets a leading apostrophe (OWASP's advice against CSV injection).

>>> guard_csv_text("=HYPERLINK(1)"), guard_csv_text("ZŠ Lhota"), guard_csv_text(-1.5)
("'=HYPERLINK(1)", 'ZŠ Lhota', -1.5)
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pandas as pd

from graphnet.plain import to_plain
from graphnet.report.xlsx import write_xlsx

__all__ = ["FORMULA_STARTS", "guard_csv_text", "write_csv", "write_xlsx", "write_json",
           "json_ready", "csv_dialect"]  # write_xlsx: re-exported from graphnet.report.xlsx

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
    """``frame`` as a CSV file a spreadsheet in ``lang`` opens right (UTF-8 with BOM).

    Written as pandas' ``to_csv(sep, decimal, index=False, lineterminator="\\r\\n")``
    writes it (the same bytes), but each column is turned into text once, as a whole:
    pandas formats decimal-comma floats one value at a time, and the 30,000-row actor
    table of a national network took most of a second.
    """
    separator, decimal = csv_dialect(lang)
    if not len(frame.columns):
        frame.to_csv(path, sep=separator, index=False, encoding="utf-8-sig",
                     lineterminator="\r\n")
        return
    columns = [_csv_column(frame.iloc[:, k], decimal) for k in range(len(frame.columns))]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=separator, lineterminator="\r\n")
        writer.writerow([str(name) for name in frame.columns])
        writer.writerows(zip(*columns, strict=True))


def _csv_column(values: pd.Series, decimal: str) -> list[Any]:
    """One column's cells as the csv module should write them: floats as pandas
    writes them (``str()``, the decimal mark, "" for NaN), missing values as "",
    text guarded against formulas (:func:`guard_csv_text`)."""
    if pd.api.types.is_float_dtype(values):
        return _decimal_text(values, decimal)
    if pd.api.types.is_integer_dtype(values) and not values.hasnans:
        return values.tolist()
    if pd.api.types.is_bool_dtype(values) and not values.hasnans:
        return values.tolist()
    items = values.tolist()
    missing = values.isna().to_numpy()
    if missing.any():
        items = ["" if gap else item for item, gap in zip(items, missing.tolist(), strict=True)]
    if _may_hold_formula(items):
        items = [guard_csv_text(v) for v in items]
    if decimal != "." and pd.api.types.infer_dtype(values, skipna=True) not in _NO_FLOATS:
        # floats among other values (counts and shares in one column) get the decimal
        # mark too; after the guard, since a negative number is no formula
        items = [repr(float(v)).replace(".", decimal) if isinstance(v, float) else v
                 for v in items]
    return items


#: What pandas infers for an object column that holds no float (checked in C, at once).
_NO_FLOATS = frozenset({"string", "empty", "boolean", "integer", "bytes", "date", "datetime"})


def _may_hold_formula(items: list[Any]) -> bool:
    """Whether any text in ``items`` starts like a formula (possibly a false alarm
    when a text holds a line break; never a miss). Looked for in the column joined
    into one text: one C-level search per formula start, not one call per cell."""
    if not all(type(v) is str for v in items):
        return any(isinstance(v, str) and v.startswith(FORMULA_STARTS) for v in items)
    joined = "\n" + "\n".join(items)
    return any("\n" + start in joined for start in FORMULA_STARTS)


def _decimal_text(values: pd.Series, decimal: str) -> list[str]:
    numbers = values.to_numpy(dtype=float)
    # repr() of a float is str() of numpy's float64 (shortest round trip), what pandas
    # writes; a repr holds at most one ".", so one replace over the joined column
    # puts the decimal mark into every cell.
    text = "\n".join(map(repr, numbers.tolist()))
    if decimal != ".":
        text = text.replace(".", decimal)
    cells = text.split("\n") if len(numbers) else []
    for position in np.flatnonzero(np.isnan(numbers)).tolist():
        cells[position] = ""
    return cells


#: ``value`` as strict JSON data (NaN/inf as None, numpy scalars as Python, tuples and
#: sets as lists, dates as ISO text): :func:`graphnet.plain.to_plain`, under the name
#: the report and the comparison use.
json_ready = to_plain


def write_json(data: Mapping[str, Any], path: Path) -> None:
    """Strict JSON (no NaN), UTF-8, keys in the order given, indented by two spaces,
    newline at the end. ``data`` must already be JSON-ready (see :func:`json_ready`).

    orjson writes the 30,000 actor records of a national network in a tenth of a
    second where the standard library needs two (measured on the 206-ORP synthetic
    network); both give the same values (shortest round-trip floats).
    """
    text = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)
    path.write_bytes(text + b"\n")
