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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

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
from graphnet.survey.scale import Scale
from graphnet.vocab import LEVELS, NEEDS

__all__ = ["FormsResult", "make_forms", "record_value", "write_form", "put"]

_BOLD = Font(bold=True)
_HEADING = Font(bold=True, size=12)
_OPEN = Protection(locked=False)
_ANSWER_FILL = PatternFill("solid", fgColor="FFF8DC")
_SECTOR_FILL = PatternFill("solid", fgColor="DDE7F0")
_WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class FormsResult:
    """What :func:`make_forms` wrote: the folder and one file per actor (roster order)."""

    folder: Path
    files: tuple[Path, ...]
    lang: str


def put(sheet: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write ``value`` as it is: a text starting with ``=`` stays text, never a formula."""
    cell = sheet.cell(row, column, value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


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


def _protect(sheet: Worksheet) -> None:
    # No password: the networker may need to open a form up; the point is that a
    # respondent does not break the layout by accident. Column widths may change.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def _list_range(column: str, count: int) -> str:
    return f"{MARKER_SHEET}!${column}$1:${column}${count}"


def _markers(workbook: Workbook, roster: Roster, actor: Actor, lang: str,
             made: str, sectors: Sequence[str], steps: Sequence[str]) -> None:
    sheet = workbook.create_sheet(MARKER_SHEET)
    rows = [("form", FORM_FORMAT), ("graphnet_version", __version__), ("actor", actor.id),
            ("roster_digest", roster.digest), ("lang", lang), ("made", made)]
    for row, (key, value) in enumerate(rows, start=1):
        put(sheet, row, 1, key)
        put(sheet, row, 2, value)
    # The drop-down lists (a list typed into the validation itself may not pass 255 characters).
    for row, label in enumerate(sectors, start=1):
        put(sheet, row, 4, label)
    for row, label in enumerate(steps, start=1):
        put(sheet, row, 5, label)
    sheet.sheet_state = "veryHidden"
    _protect(sheet)


def _instructions(workbook: Workbook, roster: Roster, actor: Actor, lang: str,
                  steps: Sequence[str]) -> None:
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_name("instructions", lang)
    sheet.column_dimensions["A"].width = 100
    network = roster.network
    lines = [
        (t("survey.form_title", lang, name=network.name or roster.folder.name), _HEADING),
        (t("survey.form_for", lang, actor=actor.name), _BOLD),
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
    for row, (text, font) in enumerate(lines, start=1):
        cell = put(sheet, row, 1, text)
        cell.alignment = _WRAP
        if font is not None:
            cell.font = font
    _protect(sheet)


def _record(workbook: Workbook, roster: Roster, actor: Actor, lang: str,
            sector_count: int) -> None:
    sheet = workbook.create_sheet(sheet_name("record", lang))
    headers = [ID_HEADER, t("survey.record_field", lang), t("survey.record_value", lang),
               t("survey.record_correction", lang)]
    for column, text in enumerate(headers, start=1):
        put(sheet, 1, column, text).font = _BOLD
    for row, field in enumerate(RECORD_FIELDS, start=2):
        put(sheet, row, 1, field)
        put(sheet, row, 2, t(f"survey.field_{field}", lang))
        put(sheet, row, 3, record_value(actor, field, roster.network, lang))
        answer = sheet.cell(row, 4)
        answer.protection = _OPEN
        answer.fill = _ANSWER_FILL
    sector_row = 2 + RECORD_FIELDS.index("sector")
    validation = DataValidation(type="list", formula1=_list_range("D", sector_count),
                                allow_blank=True, errorStyle="warning")
    validation.add(f"D{sector_row}")
    sheet.add_data_validation(validation)
    sheet.column_dimensions["A"].hidden = True
    sheet.column_dimensions["B"].width = 22
    sheet.column_dimensions["C"].width = 50
    sheet.column_dimensions["D"].width = 50
    _protect(sheet)


def _actors(workbook: Workbook, roster: Roster, actor: Actor, lang: str,
            sector_count: int, step_count: int) -> None:
    sheet = workbook.create_sheet(sheet_name("actors", lang))
    network = roster.network
    headers = [ID_HEADER, t("survey.column_actor", lang), t("survey.column_sector", lang),
               *(question.label(lang) for question in QUESTIONS), t("survey.column_note", lang)]
    first_answer, note_column = 4, 4 + len(QUESTIONS)
    for column, text in enumerate(headers, start=1):
        cell = put(sheet, 1, column, text)
        cell.font = _BOLD
        cell.alignment = _WRAP
    row = 2
    by_sector: dict[str, list[Actor]] = {}
    for other in network.actors:
        if other.id != actor.id:
            by_sector.setdefault(other.sector, []).append(other)
    order = [code for code in network.sectors.codes if code in by_sector]
    for code in order:
        put(sheet, row, 1, f"sector:{code}")
        heading = put(sheet, row, 2, network.sectors.label(code, lang))
        heading.font = _BOLD
        for column in range(1, note_column + 1):
            sheet.cell(row, column).fill = _SECTOR_FILL
        row += 1
        for other in by_sector[code]:
            put(sheet, row, 1, other.id)
            put(sheet, row, 2, other.name)
            put(sheet, row, 3, network.sectors.label(other.sector, lang))
            for column in range(first_answer, note_column + 1):
                cell = sheet.cell(row, column)
                cell.protection = _OPEN
                cell.fill = _ANSWER_FILL
            row += 1
    last_actor_row = row - 1
    put(sheet, row, 1, "new")
    put(sheet, row, 2, t("survey.new_heading", lang)).font = _BOLD
    for column in range(1, note_column + 1):
        sheet.cell(row, column).fill = _SECTOR_FILL
    row += 1
    first_new = row
    for number in range(1, NEW_ROWS + 1):
        put(sheet, row, 1, f"new:{number}")
        for column in (2, 3, note_column):
            cell = sheet.cell(row, column)
            cell.protection = _OPEN
            cell.fill = _ANSWER_FILL
        row += 1
    steps = DataValidation(type="list", formula1=_list_range("E", step_count),
                           allow_blank=True, errorStyle="warning")
    last_letter = sheet.cell(1, note_column - 1).column_letter
    if last_actor_row >= 2:
        steps.add(f"D2:{last_letter}{last_actor_row}")
    sheet.add_data_validation(steps)
    sectors = DataValidation(type="list", formula1=_list_range("D", sector_count),
                             allow_blank=True, errorStyle="warning")
    sectors.add(f"C{first_new}:C{row - 1}")
    sheet.add_data_validation(sectors)
    sheet.column_dimensions["A"].hidden = True
    sheet.column_dimensions["B"].width = 45
    sheet.column_dimensions["C"].width = 24
    for column in range(first_answer, note_column):
        sheet.column_dimensions[sheet.cell(1, column).column_letter].width = 16
    sheet.column_dimensions[sheet.cell(1, note_column).column_letter].width = 40
    sheet.freeze_panes = "D2"
    _protect(sheet)


def write_form(path: Path, roster: Roster, actor: Actor, lang: str, made: str) -> None:
    """Write the questionnaire of ``actor`` to ``path``."""
    scale: Scale = roster.scale
    sectors = [roster.network.sectors.label(code, lang) for code in roster.network.sectors.codes]
    steps = scale.labels(lang)
    workbook = Workbook()
    _instructions(workbook, roster, actor, lang, steps)
    _record(workbook, roster, actor, lang, len(sectors))
    _actors(workbook, roster, actor, lang, len(sectors), len(steps))
    _markers(workbook, roster, actor, lang, made, sectors, steps)
    workbook.security = WorkbookProtection(lockStructure=True)
    workbook.save(path)


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
