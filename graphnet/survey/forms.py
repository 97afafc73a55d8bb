"""``graphnet survey forms``: one questionnaire workbook per actor of the roster.

Each workbook has an instructions sheet, the actor's own record to confirm or
correct, every other actor grouped by sector with one drop-down per question
and a free note, and empty rows to name actors missing from the list. The
sheets are protected (only the answer cells are open), the workbook structure
too; a very hidden sheet carries the markers collect recognises a form by
(:data:`~graphnet.survey.layout.FORM_FORMAT`, graphnet version, actor id,
roster digest, language, when it was made).

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "forms"
>>> result = make_forms("datasets/orp-horni-lhota-2025", out)  # doctest: +SKIP
>>> len(result.files)  # doctest: +SKIP
53
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphnet import __version__
from graphnet.atomic import atomic_directory
from graphnet.i18n import t
from graphnet.model import Actor, Network
from graphnet.survey.layout import (
    FORM_FORMAT,
    ID_HEADER,
    MARKER_SHEET,
    NEW_ROWS,
    QUESTIONS,
    RECORD_FIELDS,
    sheet_name,
)
from graphnet.survey.naming import form_file_name, unique_names
from graphnet.survey.roster import Roster, read_roster
from graphnet.survey.xlsxout import new_workbook, save
from graphnet.vocab import LEVELS, NEEDS

__all__ = ["FormsResult", "make_forms", "record_value", "write_form", "protect", "Formats"]

@dataclass(frozen=True)
class FormsResult:
    """What :func:`make_forms` wrote: the folder and one file per actor (roster order)."""

    folder: Path
    files: tuple[Path, ...]
    lang: str


def record_value(actor: Actor, field: str, network: Network, lang: str) -> str:
    """The actor's ``field`` as the record sheet shows it (vocabulary labels, ``, ``)."""
    if field == "sector":
        return network.sectors.label(actor.sector, lang)
    if field == "needs":
        return ", ".join(NEEDS.label(code, lang) for code in actor.needs)
    if field == "levels":
        return ", ".join(LEVELS.label(code, lang) for code in actor.levels)
    value = getattr(actor, field)
    return "" if value is None else str(value)


def protect(sheet: Any) -> None:
    """Protect ``sheet`` without a password; column widths and row heights may change."""
    # No password: the networker may need to open a form up; the point is that a
    # respondent does not break the layout by accident.
    sheet.protect("", {"format_columns": True, "format_rows": True})


def _list_range(column: str, count: int) -> str:
    return f"={MARKER_SHEET}!${column}$1:${column}${count}"


class Formats:
    """The cell formats of one workbook (XlsxWriter formats belong to their workbook)."""

    def __init__(self, book: Any):
        self.bold = book.add_format({"bold": True})
        self.heading = book.add_format({"bold": True, "font_size": 12})
        self.header = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.answer = book.add_format({"locked": False, "bg_color": "#FFF8DC",
                                       "border": 1, "border_color": "#D9D9D9"})
        self.sector = book.add_format({"bold": True, "bg_color": "#DDE7F0"})
        self.plain = book.add_format({})


def _markers(book: Any, roster: Roster, actor: Actor, lang: str, made: str,
             sectors: Sequence[str], steps: Sequence[str]) -> None:
    sheet = book.add_worksheet(MARKER_SHEET)
    form_id = hashlib.sha256(f"{actor.id}\t{roster.digest}\t{made}".encode()).hexdigest()[:16]
    rows = [("form", FORM_FORMAT), ("graphnet_version", __version__), ("actor", actor.id),
            ("roster_digest", roster.digest), ("lang", lang), ("made", made),
            ("form_id", form_id)]
    for row, (key, value) in enumerate(rows):
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, value)
    # The drop-down lists (a list typed into the validation itself may not pass 255 characters).
    for row, label in enumerate(sectors):
        sheet.write_string(row, 3, label)
    for row, label in enumerate(steps):
        sheet.write_string(row, 4, label)
    sheet.very_hidden()
    protect(sheet)


def _instructions(book: Any, formats: Formats, roster: Roster, actor: Actor, lang: str,
                  steps: Sequence[str]) -> None:
    sheet = book.add_worksheet(sheet_name("instructions", lang))
    sheet.set_column(0, 0, 100)
    network = roster.network
    lines = [
        (t("survey.form_title", lang, name=network.name or roster.folder.name), formats.heading),
        (t("survey.form_for", lang, actor=actor.name), formats.bold),
        ("", None),
        (t("survey.instructions_1", lang, record=sheet_name("record", lang)), None),
        (t("survey.instructions_2", lang, actors=sheet_name("actors", lang)), None),
        (t("survey.instructions_3", lang, steps=", ".join(steps)), None),
        (t("survey.instructions_4", lang), None),
        (t("survey.instructions_5", lang), None),
        (t("survey.instructions_6", lang), None),
        ("", None),
    ]
    lines += [(f"• {question.label(lang)}: {t(f'survey.explain_{question.key}', lang)}", None)
              for question in QUESTIONS]
    for row, (text, style) in enumerate(lines):
        if text:
            sheet.write_string(row, 0, text, style or formats.wrap)
    protect(sheet)


def _record(book: Any, formats: Formats, roster: Roster, actor: Actor, lang: str,
            sector_count: int) -> None:
    sheet = book.add_worksheet(sheet_name("record", lang))
    headers = [ID_HEADER, t("survey.record_field", lang), t("survey.record_value", lang),
               t("survey.record_correction", lang)]
    for column, text in enumerate(headers):
        sheet.write_string(0, column, text, formats.bold)
    for row, field in enumerate(RECORD_FIELDS, start=1):
        sheet.write_string(row, 0, field)
        sheet.write_string(row, 1, t(f"survey.field_{field}", lang))
        sheet.write_string(row, 2, record_value(actor, field, roster.network, lang))
        sheet.write_blank(row, 3, None, formats.answer)
    sector_row = 1 + RECORD_FIELDS.index("sector")
    sheet.data_validation(sector_row, 3, sector_row, 3, {
        "validate": "list", "source": _list_range("D", sector_count), "error_type": "warning"})
    sheet.set_column(0, 0, None, None, {"hidden": True})
    sheet.set_column(1, 1, 22)
    sheet.set_column(2, 3, 50)
    protect(sheet)


def _actors(book: Any, formats: Formats, roster: Roster, actor: Actor, lang: str,
            sector_count: int, step_count: int) -> None:
    sheet = book.add_worksheet(sheet_name("actors", lang))
    network = roster.network
    headers = [ID_HEADER, t("survey.column_actor", lang), t("survey.column_sector", lang),
               *(question.label(lang) for question in QUESTIONS), t("survey.column_note", lang)]
    first_answer, note_column = 3, 3 + len(QUESTIONS)
    for column, text in enumerate(headers):
        sheet.write_string(0, column, text, formats.header)
    row = 1
    by_sector: dict[str, list[Actor]] = {}
    for other in network.actors:
        if other.id != actor.id:
            by_sector.setdefault(other.sector, []).append(other)
    for code in (code for code in network.sectors.codes if code in by_sector):
        sheet.write_string(row, 0, f"sector:{code}", formats.sector)
        sheet.write_string(row, 1, network.sectors.label(code, lang), formats.sector)
        for column in range(2, note_column + 1):
            sheet.write_blank(row, column, None, formats.sector)
        row += 1
        label = network.sectors.label(code, lang)
        for other in by_sector[code]:
            sheet.write_string(row, 0, other.id)
            sheet.write_string(row, 1, other.name)
            sheet.write_string(row, 2, label)
            for column in range(first_answer, note_column + 1):
                sheet.write_blank(row, column, None, formats.answer)
            row += 1
    last_actor_row = row - 1
    sheet.write_string(row, 0, "new", formats.sector)
    sheet.write_string(row, 1, t("survey.new_heading", lang), formats.sector)
    for column in range(2, note_column + 1):
        sheet.write_blank(row, column, None, formats.sector)
    row += 1
    first_new = row
    for number in range(1, NEW_ROWS + 1):
        sheet.write_string(row, 0, f"new:{number}")
        for column in (1, 2, note_column):
            sheet.write_blank(row, column, None, formats.answer)
        row += 1
    if last_actor_row >= 1:
        sheet.data_validation(1, first_answer, last_actor_row, note_column - 1, {
            "validate": "list", "source": _list_range("E", step_count),
            "error_type": "warning"})
    sheet.data_validation(first_new, 2, row - 1, 2, {
        "validate": "list", "source": _list_range("D", sector_count), "error_type": "warning"})
    sheet.set_column(0, 0, None, None, {"hidden": True})
    sheet.set_column(1, 1, 45)
    sheet.set_column(2, 2, 24)
    sheet.set_column(first_answer, note_column - 1, 16)
    sheet.set_column(note_column, note_column, 40)
    sheet.set_row(0, 45)
    sheet.freeze_panes(1, 3)
    protect(sheet)


def write_form(path: Path, roster: Roster, actor: Actor, lang: str, made: str) -> None:
    """Write the questionnaire of ``actor`` to ``path``."""
    sectors = [roster.network.sectors.label(code, lang) for code in roster.network.sectors.codes]
    steps = roster.scale.labels(lang)
    book, data = new_workbook()
    formats = Formats(book)
    _instructions(book, formats, roster, actor, lang, steps)
    _record(book, formats, roster, actor, lang, len(sectors))
    _actors(book, formats, roster, actor, lang, len(sectors), len(steps))
    _markers(book, roster, actor, lang, made, sectors, steps)
    save(book, data, path)
def make_forms(data: str | Path, output: str | Path, lang: str | None = None,
               now: dt.datetime | None = None) -> FormsResult:
    """Write one questionnaire per actor of the roster in ``data`` into ``output``.

    The folder appears whole or not at all (files already there are kept, forms of
    the same name replaced). ``lang`` is the language of the forms.
    """
    roster = read_roster(data, lang or "en")
    lang = lang or roster.language
    output = Path(output)
    made = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0).isoformat()
    actors = roster.network.actors
    names = unique_names([form_file_name(a.id, a.name) for a in actors])
    with atomic_directory(output) as staging:
        for actor, name in zip(actors, names, strict=True):
            write_form(staging / name, roster, actor, lang, made)
    return FormsResult(output, tuple(output / name for name in names), lang)
