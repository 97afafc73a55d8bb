"""The ``survey`` section of graphnet.yaml."""

from __future__ import annotations

from pathlib import Path

from graphnet.settings import FrequencyStep, read_settings, settings_yaml
from graphnet.survey.scale import Scale


def _read(tmp_path: Path, text: str):
    path = tmp_path / "graphnet.yaml"
    path.write_text(text, encoding="utf-8")
    return read_settings(path)


def test_weights_of_the_built_in_steps(tmp_path: Path) -> None:
    settings, problems = _read(tmp_path, "survey:\n  frequency: {weekly: 50, Měsíčně: '10,5'}\n")
    assert problems == []
    scale, scale_problems = Scale.from_settings(settings)
    assert scale_problems == []
    assert [scale.weight(c) for c in scale.codes] == [0, 1, 4, 10.5, 50]
    assert scale.labels("cs") == ["nikdy", "ročně", "čtvrtletně", "měsíčně", "týdně"]


def test_a_whole_scale_and_its_yaml_round_trip(tmp_path: Path) -> None:
    text = ("survey:\n  frequency:\n    - {code: never, cs: nikdy, en: never, weight: 0}\n"
            "    - {code: daily, cs: denně, en: daily, weight: 250}\n")
    settings, problems = _read(tmp_path, text)
    assert problems == []
    assert settings.survey_frequency == (FrequencyStep("never", 0.0, "nikdy", "never"),
                                         FrequencyStep("daily", 250.0, "denně", "daily"))
    again, _ = _read(tmp_path, settings_yaml(settings))
    assert again.survey_frequency == settings.survey_frequency
    assert again.survey_scale_replaced
    scale, _ = Scale.from_settings(settings)
    assert scale.lookup("DENNE") == "daily" and scale.weight("daily") == 250


def test_problems_name_the_key(tmp_path: Path) -> None:
    _, problems = _read(tmp_path, "survey:\n  frequency: {weekly: many}\n  other: 1\n")
    lines = sorted(p.line() for p in problems)
    assert lines[0].startswith('graphnet.yaml, column "survey.frequency.weekly"')
    assert any("survey.other" in line and p.severity == "warning"
               for line, p in zip(lines, sorted(problems, key=lambda p: p.line()), strict=True))
    _, problems = _read(tmp_path, "survey: [1]\n")
    assert len(problems) == 1 and problems[0].severity == "error"
