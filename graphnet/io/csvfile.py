"""CSV as spreadsheets export it: the encoding and the delimiter are detected.

- Encoding: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"),
  else Windows-1250 (what Czech Excel writes for "CSV").
- Delimiter: whichever of ``;`` ``,`` and tab occurs most often in the header
  line outside quotes (``csv.Sniffer`` guesses wrong on short Czech files).
- Line ends: CRLF, LF or CR. An Excel ``sep=;`` first line sets the delimiter.

Empty lines are skipped but counted, so a problem's row is the row a
spreadsheet shows (header = row 1).

>>> detect_delimiter('id;"název, plný";sektor')
';'
>>> decode(b"id;n\\xe1zev\\r\\n")
('id;název\\r\\n', 'windows-1250')
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path

import pandas as pd

from graphnet.errors import Problem
from graphnet.i18n import t
from graphnet.io.columns import make_table
from graphnet.table import Table

__all__ = ["decode", "detect_delimiter", "read_csv_table", "CSV_DELIMITERS"]

CSV_DELIMITERS = (";", ",", "\t")
_SEP_HINT = re.compile(r"^sep=(.)\r?\n?", re.IGNORECASE)


class _Unreadable(Exception):
    """A file that is no text table; carries the message for the user."""


def decode(data: bytes, lang: str = "en") -> tuple[str, str]:
    """The text of a file and the encoding it was in."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data:
        raise _Unreadable(t("data.not_text", lang))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("windows-1250"), "windows-1250"
    except UnicodeDecodeError as error:
        raise _Unreadable(t("data.bad_encoding", lang)) from error


def detect_delimiter(header_line: str) -> str:
    """The delimiter occurring most often outside quotes in the header line (``,`` if none)."""
    counts = dict.fromkeys(CSV_DELIMITERS, 0)
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(CSV_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def _records(text: str, delimiter: str) -> pd.DataFrame:
    """Every record as text cells (pandas' C parser; the csv module on ragged rows)."""
    try:
        return pd.read_csv(io.StringIO(text), sep=delimiter, header=None, dtype=str,
                           keep_default_na=False, na_filter=False, skip_blank_lines=False,
                           quotechar='"', engine="c")
    except pd.errors.EmptyDataError:
        return pd.DataFrame()
    except pd.errors.ParserError:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        width = max(len(row) for row in rows)
        return pd.DataFrame([row + [""] * (width - len(row)) for row in rows], dtype=str)


def read_csv_table(path: Path, kind: str, shown: str, lang: str = "en"
                   ) -> tuple[Table | None, str | None, list[Problem]]:
    """The table in a CSV file, the language of its headers, and reading problems.

    ``shown`` is the file name as the user sees it (used in problems); ``lang`` the
    language of the problem messages.
    """
    try:
        text, _encoding = decode(path.read_bytes(), lang)
    except OSError as error:
        return None, None, [Problem(shown, None, None, None,
                                    t("data.unreadable_file", lang, reason=error.strerror))]
    except _Unreadable as error:
        return None, None, [Problem(shown, None, None, None, str(error))]
    delimiter = detect_delimiter(_first_line(text))
    hint = _SEP_HINT.match(text)
    if hint:  # Excel's "sep=;" line: it names the delimiter and is not shown as a row
        delimiter = hint.group(1)
        text = text[hint.end():]
    records = _records(text, delimiter)
    if records.empty:
        return None, None, [Problem(shown, None, None, None, t("data.empty_file", lang))]
    # Leading blank lines: the header is the first non-empty record.
    cells = records.fillna("")
    # A row of empty cells is a blank line (whitespace-only cells count as content,
    # so such a row is reported rather than skipped).
    nonblank = (cells != "").any(axis=1).to_numpy()
    first = int(nonblank.argmax())
    if not nonblank.any():
        return None, None, [Problem(shown, None, None, None, t("data.empty_file", lang))]
    header = [str(h) for h in cells.iloc[first].tolist()]
    while header and not header[-1].strip():
        header.pop()
    problems: list[Problem] = []
    data = cells.iloc[first + 1:]
    keep = nonblank[first + 1:]
    row_numbers = (data.index.to_numpy() + 1)[keep]
    data = data[keep]
    if data.shape[1] > len(header):
        overflow = data.iloc[:, len(header):]
        wide = (overflow != "").any(axis=1).to_numpy()
        for position in wide.nonzero()[0]:
            row = data.iloc[position]
            found = max(i for i, v in enumerate(row.tolist()) if str(v).strip()) + 1
            problems.append(Problem(shown, int(row_numbers[position]), None, None,
                                    t("data.bad_row_width", lang, found=found,
                                      expected=len(header))))
        data = data.iloc[:, : len(header)]
    table, language = make_table(kind, shown, header, data, row_numbers.tolist())
    return table, language, problems
