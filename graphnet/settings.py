"""The optional settings file next to a dataset: ``graphnet.yaml``.

It describes the dataset and may add a project's own sectors to the built-in
twelve::

    dataset: orp-horni-lhota-2025        # an id for the dataset (default: folder name)
    name: ORP Horní Lhota                # a readable name (default: the dataset id)
    orp: Horní Lhota                     # the ORP, used for actors whose orp cell is empty
    mapped_on: 1. 3. 2025                # when the network was mapped (d.m.yyyy or ISO)
    sectors:                             # a project's own sectors, after the built-in ones
      - {code: housing, en: housing, cs: bydlení}
    survey:                              # the questionnaire (docs/survey.md)
      frequency: {weekly: 52, monthly: 12}   # weight per year of a scale step

The file is checked like the data: every problem (unknown key, unreadable date,
sector without a label, a sector that already exists) becomes a
:class:`~graphnet.errors.Problem` naming the file and the key.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "graphnet.yaml").write_text("name: Lhota\\nmapped_on: 1. 3. 2025\\n", "utf-8")
>>> settings, problems = read_settings(folder / "graphnet.yaml")
>>> settings.name, settings.mapped_on.isoformat(), problems
('Lhota', '2025-03-01', [])
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from graphnet.errors import Problem
from graphnet.i18n import t
from graphnet.vocab import SECTORS, Term, Vocabulary

__all__ = ["Settings", "SETTINGS_FILES", "read_settings", "parse_date", "settings_yaml",
           "FrequencyStep"]

#: File names looked for next to the data, in this order.
SETTINGS_FILES = ("graphnet.yaml", "graphnet.yml")

_KEYS = ("dataset", "name", "orp", "mapped_on", "sectors", "survey")

_CZECH_DATE = re.compile(r"^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?)?$")


def parse_date(value: object) -> dt.date | None:
    """A date as networkers write it: ``d.m.yyyy``, ``d. m. yyyy`` or ISO ``yyyy-mm-dd``.

    None when the text is no such date (the caller reports it).

    >>> parse_date("1.3.2025"), parse_date(" 1. 3. 2025 "), parse_date("2025-03-01")
    (datetime.date(2025, 3, 1), datetime.date(2025, 3, 1), datetime.date(2025, 3, 1))
    >>> parse_date("31.2.2025") is None, parse_date("March") is None
    (True, True)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = _CZECH_DATE.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        match = _ISO_DATE.match(text)
        if not match:
            return None
        year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class FrequencyStep:
    """One step of the questionnaire's frequency scale as ``survey: frequency:`` gives it.

    ``cs``/``en`` are None when the file only changes the weight of a built-in step.
    """

    code: str
    weight: float
    cs: str | None = None
    en: str | None = None


@dataclass(frozen=True)
class Settings:
    """What ``graphnet.yaml`` says (every field optional)."""

    dataset: str | None = None
    name: str | None = None
    orp: str | None = None
    mapped_on: dt.date | None = None
    sectors: tuple[Term, ...] = ()
    #: ``survey: frequency:`` (empty: the built-in scale of graphnet.survey.scale)
    survey_frequency: tuple[FrequencyStep, ...] = ()
    #: True when ``frequency`` is a list: the whole scale, not weights of built-in steps
    survey_scale_replaced: bool = False

    def sector_vocabulary(self, base: Vocabulary = SECTORS) -> Vocabulary:
        """The built-in sectors followed by the project's own."""
        return base.with_terms(self.sectors) if self.sectors else base


def _problem(file: str, key: str | None, value: object, message: str,
             severity: str = "error", suggestion: str | None = None) -> Problem:
    shown = None if value is None else str(value)
    return Problem(file, None, key, shown, message, suggestion, severity)


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def check_sectors(entries: object, file: str, base: Vocabulary = SECTORS,
                  key: str = "sectors", lang: str = "en") -> tuple[tuple[Term, ...], list[Problem]]:
    """A project's own sectors from a list of ``{code, en, cs}`` mappings, checked."""
    if entries is None:
        return (), []
    if not isinstance(entries, list):
        return (), [_problem(file, key, entries, t("data.settings_sectors_not_list", lang))]
    problems: list[Problem] = []
    terms: list[Term] = []
    seen = base
    for position, entry in enumerate(entries, start=1):
        where = f"{key}[{position}]"
        if not isinstance(entry, Mapping):
            problems.append(_problem(file, where, entry, t("data.settings_sector_shape", lang)))
            continue
        code, en, cs = (_text(entry.get(part)) for part in ("code", "en", "cs"))
        missing = [part for part, text in (("code", code), ("en", en), ("cs", cs)) if not text]
        if missing:
            problems.append(_problem(file, where, None,
                                     t("data.settings_sector_missing", lang,
                                       parts=", ".join(missing))))
            continue
        assert code is not None and en is not None and cs is not None
        taken = next((seen.lookup(text) for text in (code, en, cs) if seen.lookup(text)), None)
        if taken is not None:
            problems.append(_problem(file, where, code,
                                     t("data.settings_sector_exists", lang, code=taken)))
            continue
        term = Term(code, en, cs)
        terms.append(term)
        seen = seen.with_terms([term])
    return tuple(terms), problems


def read_settings(path: str | Path, lang: str = "en") -> tuple[Settings, list[Problem]]:
    """Read and check a settings file; problems (messages in ``lang``) are returned,
    never raised."""
    path = Path(path)
    file = path.name
    try:
        data: Any = yaml.safe_load(path.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), [_problem(file, None, None,
                                     t("data.unreadable_file", lang, reason=str(error)))]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        return Settings(), [Problem(file, row, None, None,
                                    t("data.settings_not_yaml", lang, reason=str(error)))]
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        return Settings(), [_problem(file, None, None, t("data.settings_not_mapping", lang))]
    problems: list[Problem] = []
    for key in data:
        if key not in _KEYS:
            problems.append(_problem(file, str(key), None,
                                     t("data.settings_unknown_key", lang, keys=", ".join(_KEYS)),
                                     severity="warning"))
    mapped_on = None
    if data.get("mapped_on") is not None:
        mapped_on = parse_date(data["mapped_on"])
        if mapped_on is None:
            problems.append(_problem(file, "mapped_on", data["mapped_on"],
                                     t("data.bad_date", lang)))
    sectors, sector_problems = check_sectors(data.get("sectors"), file, lang=lang)
    problems += sector_problems
    frequency, replaced, survey_problems = check_survey(data.get("survey"), file, lang)
    problems += survey_problems
    settings = Settings(
        dataset=_text(data.get("dataset")),
        name=_text(data.get("name")),
        orp=_text(data.get("orp")),
        mapped_on=mapped_on,
        sectors=sectors,
        survey_frequency=frequency,
        survey_scale_replaced=replaced,
    )
    return settings, problems


def _weight(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        try:
            number = float(str(value).strip().replace(",", "."))
        except ValueError:
            return None
    return number if number >= 0 and number == number else None


def check_survey(section: object, file: str, lang: str = "en"
                 ) -> tuple[tuple[FrequencyStep, ...], bool, list[Problem]]:
    """The ``survey`` section: ``frequency`` as a mapping code → weight per year (changes
    the weights of the built-in steps) or as a list of ``{code, cs, en, weight}`` (a whole
    scale, from "never" up). Returns the steps, whether the scale is replaced, problems.

    >>> check_survey({"frequency": {"weekly": 50}}, "graphnet.yaml")
    ((FrequencyStep(code='weekly', weight=50.0, cs=None, en=None),), False, [])
    """
    if section is None:
        return (), False, []
    if not isinstance(section, Mapping):
        return (), False, [_problem(file, "survey", None, t("survey.settings_not_mapping", lang))]
    problems: list[Problem] = []
    for key in section:
        if key != "frequency":
            problems.append(_problem(file, f"survey.{key}", None,
                                     t("survey.settings_unknown_key", lang), severity="warning"))
    entries = section.get("frequency")
    steps: list[FrequencyStep] = []
    if entries is None:
        return (), False, problems
    if isinstance(entries, Mapping):
        for code, value in entries.items():
            weight = _weight(value)
            if weight is None:
                problems.append(_problem(file, f"survey.frequency.{code}", value,
                                         t("survey.settings_bad_weight", lang)))
                continue
            steps.append(FrequencyStep(str(code).strip(), weight))
        return tuple(steps), False, problems
    if not isinstance(entries, list) or not entries:
        return (), False, problems + [_problem(file, "survey.frequency", None,
                                               t("survey.settings_frequency_shape", lang))]
    for position, entry in enumerate(entries, start=1):
        where = f"survey.frequency[{position}]"
        if not isinstance(entry, Mapping):
            problems.append(_problem(file, where, entry, t("survey.settings_frequency_shape",
                                                           lang)))
            continue
        code, cs, en = (_text(entry.get(part)) for part in ("code", "cs", "en"))
        weight = _weight(entry.get("weight"))
        if not code or not cs or not en or weight is None:
            problems.append(_problem(file, where, None, t("survey.settings_frequency_shape",
                                                          lang)))
            continue
        steps.append(FrequencyStep(code, weight, cs, en))
    return tuple(steps), True, problems


def settings_yaml(settings: Settings) -> str:
    """The settings as the text of a ``graphnet.yaml`` (for writers)."""
    data: dict[str, Any] = {}
    if settings.dataset:
        data["dataset"] = settings.dataset
    if settings.name:
        data["name"] = settings.name
    if settings.orp:
        data["orp"] = settings.orp
    if settings.mapped_on:
        data["mapped_on"] = settings.mapped_on.isoformat()
    if settings.sectors:
        data["sectors"] = [{"code": s.code, "en": s.en, "cs": s.cs} for s in settings.sectors]
    if settings.survey_frequency:
        data["survey"] = {"frequency": (
            [{"code": s.code, "cs": s.cs, "en": s.en, "weight": s.weight}
             for s in settings.survey_frequency] if settings.survey_scale_replaced
            else {s.code: s.weight for s in settings.survey_frequency})}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
