"""Reading one returned questionnaire, as Excel or LibreOffice saved it.

Rows are found by the actor id in the hidden first column and columns by their
header (in either language), never by position: a renamed file, an extra
column, deleted or moved rows and answers typed instead of chosen (any case,
with or without diacritics) all read the same. Every cell that cannot be read
is one :class:`~graphnet.errors.Problem` naming file, sheet, row, column, value
and the nearest allowed value.

>>> ReadForm.__dataclass_fields__.keys() >= {"actor", "answers", "problems"}
True
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from graphnet.errors import Problem
from graphnet.i18n import LANGUAGES, t
from graphnet.survey.forms import record_value
from graphnet.survey.layout import (
    FORM_FORMAT,
    ID_HEADER,
    MARKER_SHEET,
    QUESTIONS,
    RECORD_FIELDS,
    sheet_name,
)
from graphnet.survey.roster import Roster
from graphnet.survey.xlsxread import Book
from graphnet.vocab import LEVELS, NEEDS, Vocabulary, normalize

__all__ = ["Answer", "Correction", "NewActor", "ReadForm", "read_form"]

_LIST_SPLIT = re.compile(r"[,;|]")


@dataclass(frozen=True)
class Answer:
    """One answered question: the other actor, the question key, the scale step."""

    other: str
    question: str
    step: str
    note: str | None = None


@dataclass(frozen=True)
class Correction:
    """A change the respondent asks for in its own record (for the networker to review)."""

    field: str
    roster: str
    correction: str


@dataclass(frozen=True)
class NewActor:
    """An actor the respondent named that is not on the roster (for review)."""

    name: str
    sector: str | None
    note: str | None


@dataclass
class ReadForm:
    """What one file holds; ``actor`` is None when it is no readable graphnet form."""

    path: Path
    actor: str | None = None
    lang: str = "cs"
    digest: str | None = None
    saved: dt.datetime | None = None
    sha256: str = ""
    answers: list[Answer] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    new_actors: list[NewActor] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _header_names(key: str) -> set[str]:
    return {normalize(t(key, lang)) for lang in LANGUAGES}


def _saved(path: Path, workbook: Book) -> dt.datetime:
    # When the respondent last saved the form (the workbook's own "modified"
    # property, which Excel and LibreOffice set); the file's time only without it.
    modified = workbook.modified
    if modified is not None:
        return modified
    stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
    return stamp.replace(tzinfo=None, microsecond=0)


def _sheet(workbook: Book, which: str) -> str | None:
    names = {normalize(sheet_name(which, lang)) for lang in LANGUAGES}
    for title in workbook.sheetnames:
        if normalize(title) in names:
            return title
    return None


class _FormReader:
    def __init__(self, path: Path, roster: Roster, lang: str):
        self.path = path
        self.roster = roster
        self.lang = lang
        self.form = ReadForm(path)

    def problem(self, sheet: str | None, row: int | None, column: str | None,
                value: str | None, message: str, suggestion: str | None = None,
                severity: str = "error") -> None:
        where = self.path.name if sheet is None else f"{self.path.name} [{sheet}]"
        self.form.problems.append(Problem(where, row, column, value, message, suggestion,
                                          severity))

    def read(self) -> ReadForm:
        form = self.form
        form.sha256 = hashlib.sha256(self.path.read_bytes()).hexdigest()
        try:
            workbook = Book(self.path)
            if self._markers(workbook):
                form.saved = _saved(self.path, workbook)
                self._record(workbook)
                self._actors(workbook)
        except (zipfile.BadZipFile, OSError, KeyError, ValueError, IndexError,
                ElementTree.ParseError) as error:
            # Not an XLSX at all, or one whose parts are broken.
            self.problem(None, None, None, None, t("survey.not_a_workbook", self.lang,
                                                   reason=str(error) or type(error).__name__))
        return form

    def _markers(self, workbook: Book) -> bool:
        if MARKER_SHEET not in workbook.sheetnames:
            self.problem(None, None, None, None, t("survey.not_a_form", self.lang))
            return False
        markers = {}
        for row in workbook.rows(MARKER_SHEET):
            if row and row[0] is not None:
                markers[_text(row[0])] = _text(row[1] if len(row) > 1 else None)
        if markers.get("form") != FORM_FORMAT:
            self.problem(None, None, None, markers.get("form") or None,
                         t("survey.not_a_form", self.lang))
            return False
        actor = markers.get("actor", "")
        form_lang = markers.get("lang", "")
        self.form.lang = form_lang if form_lang in LANGUAGES else "cs"
        self.form.digest = markers.get("roster_digest")
        if not self.roster.network.has_actor(actor):
            self.problem(None, None, None, actor, t("survey.unknown_respondent", self.lang))
            return False
        self.form.actor = actor
        if self.form.digest != self.roster.digest:
            self.problem(None, None, None, None, t("survey.other_roster", self.lang),
                         severity="warning")
        return True

    def _header(self, rows: list[tuple[Any, ...]], wanted: dict[str, set[str]],
                required: set[str]) -> tuple[int, dict[str, int]] | None:
        for index, row in enumerate(rows[:30]):
            texts = [normalize(_text(value)) for value in row]
            columns: dict[str, int] = {}
            for key, names in wanted.items():
                for position, text in enumerate(texts):
                    if text in names:
                        columns[key] = position
                        break
            if required <= columns.keys():
                return index, columns
        return None

    def _record(self, workbook: Book) -> None:
        sheet = _sheet(workbook, "record")
        label = sheet_name("record", self.form.lang)
        if sheet is None:
            self.problem(label, None, None, None, t("survey.sheet_missing", self.lang))
            return
        rows = workbook.rows(sheet)
        wanted = {"id": {ID_HEADER}, "correction": _header_names("survey.record_correction")}
        found = self._header(rows, wanted, set(wanted))
        if found is None:
            self.problem(sheet, None, None, None, t("survey.no_header", self.lang,
                         columns=", ".join((ID_HEADER,
                                            t("survey.record_correction", self.form.lang)))))
            return
        start, columns = found
        network = self.roster.network
        actor = network.actor(self.form.actor or "")
        column_name = t("survey.record_correction", self.form.lang)
        for offset, row in enumerate(rows[start + 1:], start=start + 2):
            key = _text(_cell(row, columns["id"]))
            value = _text(_cell(row, columns["correction"]))
            if key not in RECORD_FIELDS or not value:
                continue
            current = record_value(actor, key, network, self.form.lang)
            if normalize(value) == normalize(current):
                continue
            if key == "sector" and network.sectors.lookup(value) is None:
                suggestion = network.sectors.suggest(value)
                self.problem(sheet, offset, column_name, value,
                             t("survey.unknown_sector", self.lang),
                             network.sectors.label(suggestion, self.form.lang)
                             if suggestion else None)
                continue
            if key in ("needs", "levels"):
                vocabulary: Vocabulary = NEEDS if key == "needs" else LEVELS
                bad = [part.strip() for part in _LIST_SPLIT.split(value)
                       if part.strip() and vocabulary.lookup(part) is None]
                if bad:
                    for part in bad:
                        suggestion = vocabulary.suggest(part)
                        self.problem(sheet, offset, column_name, part,
                                     t(f"survey.unknown_{key}", self.lang),
                                     vocabulary.label(suggestion, self.form.lang)
                                     if suggestion else None)
                    continue
            self.form.corrections.append(Correction(key, current, value))

    def _actors(self, workbook: Book) -> None:
        sheet = _sheet(workbook, "actors")
        label = sheet_name("actors", self.form.lang)
        if sheet is None:
            self.problem(label, None, None, None, t("survey.sheet_missing", self.lang))
            return
        rows = workbook.rows(sheet)
        wanted = {"id": {ID_HEADER}, "name": _header_names("survey.column_actor"),
                  "sector": _header_names("survey.column_sector"),
                  "note": _header_names("survey.column_note")}
        wanted |= {q.key: _header_names(f"survey.question_{q.key}") for q in QUESTIONS}
        required = {"id", *(q.key for q in QUESTIONS)}
        found = self._header(rows, wanted, required)
        lang = self.form.lang
        if found is None:
            names = [ID_HEADER, *(q.label(lang) for q in QUESTIONS)]
            self.problem(sheet, None, None, None,
                         t("survey.no_header", self.lang, columns=", ".join(names)))
            return
        start, columns = found
        network = self.roster.network
        scale = self.roster.scale
        respondent = self.form.actor
        seen: dict[str, int] = {}
        for number, row in enumerate(rows[start + 1:], start=start + 2):
            marker = _text(_cell(row, columns["id"]))
            note = _text(_cell(row, columns.get("note"))) or None
            if marker.startswith("new:"):
                self._new_actor(sheet, number, row, columns, note)
                continue
            if marker.startswith("sector:") or marker == "new":
                continue
            cells = {q.key: _text(_cell(row, columns[q.key])) for q in QUESTIONS}
            if not marker:
                if any(cells.values()):
                    self.problem(sheet, number, ID_HEADER, None,
                                 t("survey.row_without_id", self.lang))
                continue
            if marker == respondent or not network.has_actor(marker):
                if any(cells.values()):
                    self.problem(sheet, number, ID_HEADER, marker,
                                 t("survey.row_unknown_actor", self.lang))
                continue
            if marker in seen:
                if any(cells.values()):
                    self.problem(sheet, number, ID_HEADER, marker,
                                 t("survey.row_twice", self.lang, row=seen[marker]))
                continue
            seen[marker] = number
            for question in QUESTIONS:
                value = cells[question.key]
                if not value:
                    continue
                step = scale.lookup(value)
                if step is None:
                    self.problem(sheet, number, question.label(lang), value,
                                 t("survey.not_a_step", self.lang),
                                 scale.suggest(value, lang))
                    continue
                if scale.weight(step) > 0:
                    self.form.answers.append(Answer(marker, question.key, step, note))

    def _new_actor(self, sheet: str, number: int, row: tuple[Any, ...],
                   columns: dict[str, int], note: str | None) -> None:
        name = _text(_cell(row, columns.get("name")))
        sector_text = _text(_cell(row, columns.get("sector")))
        if not name:
            if sector_text or note:
                self.problem(sheet, number, t("survey.column_actor", self.form.lang), None,
                             t("survey.new_without_name", self.lang))
            return
        sector = None
        if sector_text:
            network = self.roster.network
            sector = network.sectors.lookup(sector_text)
            if sector is None:
                suggestion = network.sectors.suggest(sector_text)
                self.problem(sheet, number, t("survey.column_sector", self.form.lang),
                             sector_text, t("survey.unknown_sector", self.lang),
                             network.sectors.label(suggestion, self.form.lang)
                             if suggestion else None)
                return
        self.form.new_actors.append(NewActor(name, sector, note))


def _cell(row: tuple[Any, ...], index: int | None) -> Any:
    if index is None or index >= len(row):
        return None
    return row[index]


def read_form(path: str | Path, roster: Roster, lang: str = "en") -> ReadForm:
    """Read the returned form at ``path`` against ``roster``; problems in ``lang``."""
    return _FormReader(Path(path), roster, lang).read()
