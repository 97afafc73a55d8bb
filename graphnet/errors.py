"""Typed errors raised by the library; only the CLI turns them into messages and exit codes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

__all__ = ["GraphnetError", "Problem", "ValidationError", "InputError", "OutputError"]


class GraphnetError(Exception):
    """Base of every error graphnet raises on purpose (bad input, unreachable server …)."""


@dataclass(frozen=True)
class Problem:
    """One problem found in the input, located as a spreadsheet user sees it.

    ``row`` is the row number the spreadsheet shows (the header is row 1), or None
    for a problem with a whole file or column. ``severity`` is "error" or "warning".

    >>> Problem("akteri.csv", 3, "sektor", "skolstvi2", "unknown sector", "školství").line()
    'akteri.csv, row 3, column "sektor": unknown sector: "skolstvi2" (did you mean "školství"?)'
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str
    suggestion: str | None = None
    severity: str = "error"

    def line(self) -> str:
        """The problem as one readable line."""
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f'column "{self.column}"')
        text = f"{', '.join(where)}: {self.message}"
        if self.value is not None:
            text += f': "{self.value}"'
        if self.suggestion is not None:
            text += f' (did you mean "{self.suggestion}"?)'
        return text

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


class ValidationError(GraphnetError):
    """The input has errors; ``problems`` holds every one of them (and the warnings)."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in the input")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


class InputError(GraphnetError):
    """The input cannot be read at all (no such path, unknown format …)."""


class OutputError(GraphnetError):
    """An output cannot be written (or would be unusable, e.g. a map too large to open)."""
