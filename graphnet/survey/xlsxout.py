"""Writing small form workbooks fast (XlsxWriter), with the workbook structure locked.

XlsxWriter writes a form of 300 actors in a fraction of what openpyxl needs;
it has no workbook protection, so :func:`lock_structure` adds
``<workbookProtection lockStructure="1"/>`` to the finished file (no password:
the networker may open it up; a respondent does not break it by accident).

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.xlsx"
>>> book, data = new_workbook()
>>> _ = book.add_worksheet("A").write_string(0, 0, "=1+1")
>>> save(book, data, path)
>>> import openpyxl
>>> wb = openpyxl.load_workbook(path)
>>> wb["A"]["A1"].value, wb.security.lockStructure
('=1+1', True)
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import xlsxwriter

__all__ = ["new_workbook", "save", "lock_structure", "OPTIONS"]

#: Text stays text: a name starting with "=" is never a formula, "0123" never a number.
OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
           "in_memory": True}

_PROTECTION = b'<workbookProtection lockStructure="1"/>'


def new_workbook() -> tuple[Any, io.BytesIO]:
    """A workbook writing into memory, and that memory."""
    data = io.BytesIO()
    return xlsxwriter.Workbook(data, OPTIONS), data


def lock_structure(workbook_xml: bytes) -> bytes:
    """``xl/workbook.xml`` with the structure locked (sheets cannot be added, removed,
    renamed or unhidden)."""
    marker = b"<bookViews>"
    if _PROTECTION in workbook_xml or marker not in workbook_xml:
        return workbook_xml
    return workbook_xml.replace(marker, _PROTECTION + marker, 1)


def save(book: Any, data: io.BytesIO, path: Path) -> None:
    """Close ``book`` and write it to ``path`` with the structure locked."""
    book.close()
    data.seek(0)
    with zipfile.ZipFile(data) as source, zipfile.ZipFile(path, "w",
                                                          zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                content = lock_structure(content)
            target.writestr(item, content)
