"""The files collect writes into the dataset folder, in the dataset's language.

Czech: ``;``, UTF-8 with BOM, CRLF, decimal comma, ``d.m.yyyy`` (as
``graphnet.io.csvwrite`` writes ``vazby.csv``); English: ``,`` and ISO dates.
Every file holds rows per respondent; collect replaces a respondent's rows and
keeps everyone else's exactly as they were.

>>> FILES["cs"]["reports"], FILES["en"]["reports"]
('vazby-dotaznik.csv', 'survey_links.csv')
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

from graphnet.io.columns import HEADERS
from graphnet.vocab import normalize

__all__ = ["FILES", "COLUMNS", "read_rows", "csv_text", "format_date", "format_number",
           "delimiter"]

FILES = {
    "cs": {"reports": "vazby-dotaznik.csv", "respondents": "respondenti.csv",
           "corrections": "opravy-akteru.csv", "new_actors": "novi-akteri.csv",
           "forms": "dotaznik-formulare.csv"},
    "en": {"reports": "survey_links.csv", "respondents": "respondents.csv",
           "corrections": "actor_corrections.csv", "new_actors": "new_actors.csv",
           "forms": "survey_forms.csv"},
}

#: Columns of each file (the reports file has exactly the columns of ``vazby``).
COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "cs": {"reports": tuple(HEADERS["cs"]["links"]),
           "respondents": ("aktér", "odpověděl", "datum", "způsob", "poznámka"),
           "corrections": ("aktér", "pole", "v seznamu", "oprava", "soubor"),
           "new_actors": ("uvedl", "název", "sektor", "poznámka", "soubor"),
           "forms": ("aktér", "soubor", "uloženo", "otisk")},
    "en": {"reports": tuple(HEADERS["en"]["links"]),
           "respondents": ("actor", "answered", "date", "method", "note"),
           "corrections": ("actor", "field", "roster", "correction", "file"),
           "new_actors": ("reported_by", "name", "sector", "note", "file"),
           "forms": ("actor", "file", "saved", "sha256")},
}


def delimiter(lang: str) -> str:
    return ";" if lang == "cs" else ","


def format_date(value: dt.date, lang: str) -> str:
    return f"{value.day}.{value.month}.{value.year}" if lang == "cs" else value.isoformat()


def format_number(value: float, lang: str) -> str:
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return text.replace(".", ",") if lang == "cs" else text


def csv_text(lang: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """The file's bytes (BOM, CRLF, minimal quoting)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter(lang), lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def read_rows(path: Path, columns: Sequence[Sequence[str]]) -> list[dict[int, str]] | None:
    """Rows of an existing file as {column index in ``columns`` → text}; None when absent.

    ``columns`` lists, per wanted column, the headers it may have (both languages);
    the delimiter is whichever of ``;``, ``,`` or tab the header row uses.
    """
    if not path.is_file():
        return None
    text = path.read_text("utf-8-sig")
    first = text.splitlines()[0] if text else ""
    sep = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows = list(reader)
    if not rows:
        return []
    header = [normalize(cell) for cell in rows[0]]
    where: dict[int, int] = {}
    for wanted, names in enumerate(columns):
        for name in names:
            if normalize(name) in header:
                where[wanted] = header.index(normalize(name))
                break
    result = []
    for row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        result.append({wanted: row[index] if index < len(row) else ""
                       for wanted, index in where.items()})
    return result
