"""Fixtures for the questionnaire: a copy of the sample, its forms, and filling them in
the way respondents do (openpyxl here; LibreOffice in test_libreoffice.py).

The expected reports are worked out here from what was typed into the form and
the documented meaning of each question (docs/survey.md), never by the code
under test.
"""

from __future__ import annotations

import random
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest

from graphnet.survey import forms

#: The questions as the Czech form words them → (kind as vazby writes it, flow inbound?).
QUESTIONS_CS = {
    "Posíláme jim rodiny": ("doporučení", False),
    "Posílají nám rodiny": ("doporučení", True),
    "Předáváme si informace": ("informace", False),
    "Spolupracujeme na případech": ("spolupráce", False),
    "Pravidelně se scházíme": ("setkání", False),
}
#: The documented default weights per year of the Czech scale.
WEIGHTS_CS = {"nikdy": 0, "ročně": 1, "čtvrtletně": 4, "měsíčně": 12, "týdně": 52}
#: How people type them instead of choosing (case, no diacritics, stray spaces).
TYPED = {"nikdy": "Nikdy", "ročně": "rocne", "čtvrtletně": " ČTVRTLETNĚ", "měsíčně": "Mesicne",
         "týdně": "tydne "}

ACTORS_SHEET = "Spolupráce"
RECORD_SHEET = "Váš záznam"


@dataclass
class Filled:
    """What was filled into one form: expected reports (od, komu, typ, váha, uvedl, poznámka)."""

    path: Path
    actor: str
    reports: set[tuple[str, str, str, str, str, str]] = field(default_factory=set)


@pytest.fixture()
def data(tmp_path: Path, sample_dir: Path) -> Path:
    """A copy of the sample dataset to collect into, as it is before any survey
    (the sample ships the respondents table of its own, finished, mapping)."""
    target = tmp_path / "data"
    shutil.copytree(sample_dir, target)
    (target / "respondenti.csv").unlink(missing_ok=True)
    return target


@pytest.fixture(scope="session")
def blank_forms(tmp_path_factory: pytest.TempPathFactory, sample_dir: Path) -> Path:
    """The Czech forms of the sample, made once."""
    out = tmp_path_factory.mktemp("forms") / "forms"
    forms(sample_dir, out, lang="cs")
    return out


def form_of(folder: Path, actor: str) -> Path:
    """The blank form of ``actor`` (its file name starts with the id)."""
    matches = sorted(folder.glob(f"{actor}-*.xlsx"))
    assert len(matches) == 1, matches
    return matches[0]


def header_columns(sheet: openpyxl.worksheet.worksheet.Worksheet) -> tuple[int, dict[str, int]]:
    """The header row and column of each header text (1-based), found by text."""
    for row in sheet.iter_rows(min_row=1, max_row=10):
        texts = {str(c.value).strip(): c.column for c in row if c.value is not None}
        if "Posíláme jim rodiny" in texts:
            return row[0].row, texts
    raise AssertionError("no header row")


def fill(source: Path, target: Path, seed: int, *, typed: bool = False,
         note_every: int = 0, skip: float = 0.3) -> Filled:
    """Fill the form at ``source`` with random answers from ``seed``, save to ``target``."""
    rng = random.Random(seed)
    book = openpyxl.load_workbook(source)
    actor = str(book["graphnet"]["B3"].value)
    sheet = book[ACTORS_SHEET]
    header, columns = header_columns(sheet)
    filled = Filled(target, actor)
    for number, row in enumerate(sheet.iter_rows(min_row=header + 1), start=1):
        other = row[columns["id"] - 1].value
        if not other or str(other).startswith(("sector:", "new")):
            continue
        other = str(other)
        note = f"poznámka {number}" if note_every and number % note_every == 0 else ""
        if note:
            row[columns["Poznámka"] - 1].value = note
        for question, (kind, inbound) in QUESTIONS_CS.items():
            if rng.random() < skip:
                continue
            step = rng.choice(list(WEIGHTS_CS))
            row[columns[question] - 1].value = TYPED[step] if typed and rng.random() < 0.5 \
                else step
            weight = WEIGHTS_CS[step]
            if weight:
                source_id, target_id = (other, actor) if inbound else (actor, other)
                filled.reports.add((source_id, target_id, kind, str(weight), actor, note))
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return filled


def set_saved(path: Path, when: str) -> None:
    """Make the workbook say it was last saved at ``when`` (ISO, UTC), as Excel would."""
    with zipfile.ZipFile(path) as source:
        items = [(item, source.read(item.filename)) for item in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item, content in items:
            if item.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + when.encode() + rb"\g<2>", content)
            target.writestr(item, content)


def collected(data: Path) -> set[tuple[str, str, str, str, str, str]]:
    """The reports in vazby-dotaznik.csv, read back with the csv module."""
    import csv

    with (data / "vazby-dotaznik.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    return {(r["od"], r["komu"], r["typ"], r["váha"], r["uvedl"], r["poznámka"]) for r in rows}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of ``folder`` and its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


FillFn = Callable[..., Filled]
