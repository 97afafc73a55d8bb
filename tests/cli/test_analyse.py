"""``graphnet analyse``: prints the findings sentences, writes the analysis JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from graphnet.cli import main


def test_analyse_prints_the_findings_in_czech(sample_dir: Path) -> None:
    result = CliRunner().invoke(main, ["analyse", str(sample_dir), "--lang", "cs"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("Zjištění (")
    assert lines[1].startswith("  1. [vysoká] ")
    assert "Žádná škola není propojena s žádnou sociální službou" in result.output
    assert "Navržené nové vazby (10):" in result.output


def test_analyse_writes_the_json_and_says_where(sample_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "analysis.json"
    result = CliRunner().invoke(main, ["analyse", str(sample_dir), "-o", str(target),
                                              "--lang", "en"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    data = json.loads(target.read_text("utf-8"))
    assert data["schema"] == "graphnet.analysis/1"
    assert f"Analysis written to {target}" in result.output
    assert "No school is linked to any social service" in result.output


def test_analyse_with_a_broken_model_names_file_line_and_key(sample_dir: Path,
                                                            tmp_path: Path) -> None:
    model = tmp_path / "model.yaml"
    model.write_text("expected_pairs:\n  - between: [schools, sociall services]\n",
                     encoding="utf-8")
    target = tmp_path / "analysis.json"
    result = CliRunner().invoke(main, ["analyse", str(sample_dir), "--model", str(model),
                                       "-o", str(target), "--lang", "en"])
    assert result.exit_code == 1
    assert ('model.yaml, row 2, column "expected_pairs[1].between": unknown sector: '
            '"sociall services" (did you mean "social services"?)') in result.output
    assert not target.exists()


def test_analyse_with_its_own_model_uses_it(sample_dir: Path, tmp_path: Path) -> None:
    model = tmp_path / "model.yaml"
    model.write_text("expected_pairs:\n  - between: [police, health]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyse", str(sample_dir), "--model", str(model),
                                       "--suggestions", "0", "--lang", "en"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert "No school is linked to any social service" not in result.output
    assert "Suggested new links" not in result.output


def test_analyse_help_ends_with_an_example() -> None:
    result = CliRunner().invoke(main, ["analyse", "--help"])
    assert result.output.rstrip().splitlines()[-1].strip().startswith("graphnet analyse ")
