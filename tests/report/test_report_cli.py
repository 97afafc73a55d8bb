"""``graphnet report`` and ``graphnet demo`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphnet
from graphnet.cli import main
from graphnet.model import Actor, Network
from graphnet.report import report_language


def test_report_command_writes_the_folder_and_says_where(sample_dir: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "lhota"
    result = CliRunner().invoke(
        main, ["report", str(sample_dir), "-o", str(outdir), "--lang", "en", "--top", "7",
               "--title", "Horní Lhota 2025"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert str(outdir / "report.html") in result.output
    data = json.loads((outdir / "report.json").read_text("utf-8"))
    assert (data["report"]["language"], data["report"]["top"]) == ("en", 7)
    assert data["report"]["title"] == "Horní Lhota 2025"


def test_report_command_on_a_missing_folder_fails_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(tmp_path / "nowhere"), "-o",
                                       str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_demo_command_reports_on_the_sample(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["demo", "-o", str(tmp_path / "demo")],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    html = tmp_path / "demo" / "report.html"
    assert str(html) in result.output
    assert "Horní Lhota" in html.read_text("utf-8")


def test_every_report_command_help_ends_with_an_example() -> None:
    for command in ("report", "demo"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output


def test_report_command_uses_the_model_given(sample_dir: Path, tmp_path: Path) -> None:
    model = Path(graphnet.__file__).parent / "data" / "optimal_model.yaml"
    outdir = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", str(sample_dir), "-o", str(outdir),
                                       "--model", str(model)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads((outdir / "report.json").read_text("utf-8"))
    assert data["analysis"]["model"]


def test_report_language_follows_the_option_then_the_data_then_czech() -> None:
    english = Network(actors=(Actor("a", "A", "police"),), language="en")
    unknown = Network(actors=(Actor("a", "A", "police"),))
    assert report_language(english) == "en"
    assert report_language(english, "cs") == "cs"
    assert report_language(unknown) == "cs"
