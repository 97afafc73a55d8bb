"""The message catalogue is complete: every key in Czech and English, every key the
report uses present, the same placeholders in both languages."""

from __future__ import annotations

import re
import string
from importlib import resources
from pathlib import Path

import pytest
import yaml

from graphnet.i18n import LANGUAGES, catalogue

PACKAGE = Path(str(resources.files("graphnet")))
CATALOGUE_FILES = sorted((PACKAGE / "data" / "messages").glob("*.yaml"))


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("path", CATALOGUE_FILES, ids=lambda p: p.name)
def test_every_key_has_czech_and_english(path: Path) -> None:
    messages = yaml.safe_load(path.read_text("utf-8")) or {}
    incomplete = []
    for key, texts in messages.items():
        if not isinstance(key, str):  # e.g. an unquoted yes: becomes True
            incomplete.append(f"{key!r} is not a text key")
            continue
        for lang in LANGUAGES:
            value = texts.get(lang) if isinstance(texts, dict) else None
            if not isinstance(value, str) or not value.strip():
                incomplete.append(f"{key}: no {lang}")
    assert incomplete == [], f"{path.name}: " + "; ".join(incomplete)


@pytest.mark.parametrize("path", CATALOGUE_FILES, ids=lambda p: p.name)
def test_both_languages_take_the_same_placeholders(path: Path) -> None:
    messages = yaml.safe_load(path.read_text("utf-8")) or {}
    complete = {key: texts for key, texts in messages.items() if isinstance(texts, dict)
                and all(isinstance(texts.get(lang), str) for lang in LANGUAGES)}
    differing = [key for key, texts in complete.items()
                 if _placeholders(texts["cs"]) != _placeholders(texts["en"])]
    assert differing == [], f"{path.name}: {differing}"


def _report_keys() -> set[str]:
    """Every catalogue key the report's code and templates name."""
    keys: set[str] = set()
    for source in sorted((PACKAGE / "report").glob("*.py")) + [PACKAGE / "cli" / "report.py"]:
        # "report.html" and the like are file names, not keys.
        keys |= set(re.findall(r"[\"'](report\.(?!(?:html|md|json|xlsx)[\"'])[a-z0-9_]+)[\"']",
                               source.read_text("utf-8")))
    for template in sorted((PACKAGE / "templates" / "report").glob("*.j2")):
        text = template.read_text("utf-8")
        keys |= {f"report.{k}" for k in re.findall(r"\b_\([\"']([a-z0-9_]+)[\"']", text)}
    return keys


def test_report_uses_only_keys_in_the_catalogue() -> None:
    keys = _report_keys()
    assert len(keys) > 100  # the scan found the report's keys at all
    missing = sorted(keys - set(catalogue()))
    assert missing == []
