"""One table of input as a reader hands it to the checks: :class:`Table` and the
columns every table must have (:data:`REQUIRED`).

Its own module, below both the readers (:mod:`graphnet.io`) that make tables and
the checks (:mod:`graphnet.checks`) that turn them into a network, so that
neither has to import the other for it.

>>> table = Table.from_records("akteri.csv", [{"id": "a", "name": "OSPOD", "sector": "OSPOD"}])
>>> table.rows, table.has("sector"), table.header("sector"), REQUIRED["actors"]
([2], True, 'sector', ('id', 'name', 'sector'))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

__all__ = ["Table", "REQUIRED"]

#: Columns that must be present in each table (canonical field names).
REQUIRED: Mapping[str, tuple[str, ...]] = {
    "actors": ("id", "name", "sector"),
    "links": ("source", "target", "kind"),
    "meetings": ("meeting", "actor"),
    "respondents": ("actor", "answered"),
    "survey_links": ("source", "target", "kind"),
}


@dataclass(frozen=True)
class Table:
    """One table of input as the user wrote it.

    ``frame`` holds the recognised columns under their field names (cells as the
    file had them: text, or numbers/lists from JSON); ``extras`` the other columns
    under their original headers (kept as attributes); ``headers`` maps each field
    to the header as written (for messages); ``rows`` is the spreadsheet row of
    each frame row (header = row 1); ``missing`` lists required fields that were
    not found, with the aliases accepted for them.
    """

    file: str
    frame: pd.DataFrame
    headers: Mapping[str, str] = field(default_factory=dict)
    rows: Sequence[int] = ()
    extras: pd.DataFrame | None = None
    missing: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_records(cls, file: str, records: Iterable[Mapping[str, Any]], *,
                     first_row: int = 2) -> Table:
        """A table from dicts keyed by field name (for tests and in-memory data)."""
        frame = pd.DataFrame(list(records), dtype=object)
        headers = {str(column): str(column) for column in frame.columns}
        rows = list(range(first_row, first_row + len(frame)))
        return cls(file, frame.reset_index(drop=True), headers, rows)

    def header(self, name: str) -> str:
        return self.headers.get(name, name)

    def has(self, name: str) -> bool:
        return name in self.frame.columns

