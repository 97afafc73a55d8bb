"""The settings file next to the data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graphnet.settings import parse_date, read_settings


def _settings(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "graphnet.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_settings_are_read(tmp_path: Path) -> None:
    settings, problems = read_settings(_settings(
        tmp_path, "dataset: lhota\nname: ORP Lhota\norp: Lhota\nmapped_on: 2025-03-01\n"
                  "sectors:\n  - {code: housing, en: housing, cs: bydlení}\n"))
    assert problems == []
    assert (settings.dataset, settings.name, settings.orp, settings.mapped_on) == (
        "lhota", "ORP Lhota", "Lhota", dt.date(2025, 3, 1))
    assert settings.sector_vocabulary().lookup("Bydleni") == "housing"


@pytest.mark.parametrize(("text", "key"), [
    ("mapped_on: brezen\n", "mapped_on"),
    ("sectors:\n  - {code: x, en: X}\n", "sectors[1]"),
    ("sectors:\n  - {code: health2, en: zdravotnictví, cs: zdravotnictví}\n", "sectors[1]"),
    ("sectors: bydlení\n", "sectors"),
])
def test_bad_settings_are_errors_naming_the_key(tmp_path: Path, text: str, key: str) -> None:
    _, problems = read_settings(_settings(tmp_path, text))
    assert [(p.file, p.column, p.severity) for p in problems] == [
        ("graphnet.yaml", key, "error")]


def test_unknown_key_is_a_warning(tmp_path: Path) -> None:
    _, problems = read_settings(_settings(tmp_path, "nazev: Lhota\n"))
    assert [(p.column, p.severity) for p in problems] == [("nazev", "warning")]


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    _, problems = read_settings(_settings(tmp_path, "name: a\nsectors: [\n"))
    assert problems[0].file == "graphnet.yaml" and problems[0].row is not None


@pytest.mark.parametrize("text", ["1.3.2025", "1. 3. 2025", "01.03.2025", "2025-03-01"])
def test_dates_in_every_accepted_form(text: str) -> None:
    assert parse_date(text) == dt.date(2025, 3, 1)
