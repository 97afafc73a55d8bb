"""Reading the cell values of a returned form quickly, straight from the XLSX parts.

openpyxl spends most of its time on what a form does not need (styles, rich
text objects); this reads only the workbook's sheet list, the shared strings,
the cell values of a sheet and the "last saved" time. Values come back as text
(numbers as Python numbers), each row as a tuple indexed by column (A = 0) and
the rows in a list indexed by row number - 1, empty rows included.

>>> import tempfile, pathlib, openpyxl
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.xlsx"
>>> wb = openpyxl.Workbook(); wb.active.title = "S"; wb.active["B2"] = "x"; wb.active["C2"] = 3
>>> wb.save(path)
>>> book = Book(path)
>>> book.sheetnames, book.rows("S")
(['S'], [(), (None, 'x', 3)])
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

__all__ = ["Book"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_CELL = re.compile(r"([A-Z]+)(\d+)")


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1


def _text(element: ElementTree.Element) -> str:
    # The visible text of a string item: its <t> runs, without phonetic (<rPh>) ones.
    if element.tag == f"{_MAIN}t":
        return element.text or ""
    return "".join(_text(child) for child in element if child.tag != f"{_MAIN}rPh")


class Book:
    """One workbook opened for reading (raises zipfile.BadZipFile, KeyError or
    ElementTree.ParseError when it is no XLSX)."""

    def __init__(self, path: Path):
        self.path = path
        with zipfile.ZipFile(path) as archive:
            self._parts = {name: archive.read(name) for name in archive.namelist()
                           if name.startswith(("xl/", "docProps/core.xml"))}
        workbook = ElementTree.fromstring(self._parts["xl/workbook.xml"])
        rels = ElementTree.fromstring(self._parts["xl/_rels/workbook.xml.rels"])
        targets = {rel.get("Id"): rel.get("Target", "")
                   for rel in rels.iter(f"{_PKG_REL}Relationship")}
        self._sheets: dict[str, str] = {}
        for sheet in workbook.iter(f"{_MAIN}sheet"):
            target = targets.get(sheet.get(f"{_REL}id"), "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
            self._sheets[sheet.get("name", "")] = part
        self._strings: list[str] = []
        shared = self._parts.get("xl/sharedStrings.xml")
        if shared is not None:
            self._strings = [_text(item) for item in
                             ElementTree.fromstring(shared).iter(f"{_MAIN}si")]

    @property
    def sheetnames(self) -> list[str]:
        return list(self._sheets)

    @property
    def modified(self) -> dt.datetime | None:
        """When the workbook was last saved (UTC, naive), if it says."""
        core = self._parts.get("docProps/core.xml")
        if core is None:
            return None
        element = ElementTree.fromstring(core).find(f"{_DCTERMS}modified")
        if element is None or not element.text:
            return None
        try:
            stamp = dt.datetime.fromisoformat(element.text.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
        if stamp.tzinfo is not None:
            stamp = stamp.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return stamp.replace(microsecond=0)

    def rows(self, name: str) -> list[tuple[Any, ...]]:
        """The values of sheet ``name``, row by row from row 1."""
        root = ElementTree.fromstring(self._parts[self._sheets[name]])
        data = root.find(f"{_MAIN}sheetData")
        result: list[tuple[Any, ...]] = []
        if data is None:
            return result
        for row in data.iter(f"{_MAIN}row"):
            number = int(row.get("r") or len(result) + 1)
            while len(result) < number - 1:
                result.append(())
            values: list[Any] = []
            for position, cell in enumerate(row.iter(f"{_MAIN}c")):
                reference = cell.get("r")
                match = _CELL.match(reference) if reference else None
                index = _column(match.group(1)) if match else position
                value = self._value(cell)
                if value is None:
                    continue
                values.extend([None] * (index + 1 - len(values)))
                values[index] = value
            result.append(tuple(values))
        return result

    def _value(self, cell: ElementTree.Element) -> Any:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            inline = cell.find(f"{_MAIN}is")
            return _text(inline) if inline is not None else None
        value = cell.find(f"{_MAIN}v")
        if value is None or value.text is None:
            return None
        text = value.text
        if kind == "s":
            return self._strings[int(text)]
        if kind in ("str", "e"):
            return text
        if kind == "b":
            return text == "1"
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() else number
