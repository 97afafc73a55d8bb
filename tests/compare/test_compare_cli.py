"""``graphnet compare OLD NEW -o OUTDIR``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from graphnet.cli import main


def test_compare_command_writes_the_comparison(sample_dir: Path, sample_dir_later: Path,
                                               tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["compare", str(sample_dir), str(sample_dir_later), "-o", str(tmp_path),
               "--lang", "en", "--no-map"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert str(tmp_path / "compare.html") in result.output
    data = json.loads((tmp_path / "compare.json").read_text("utf-8"))
    assert data["has_changes"] is True
    assert not (tmp_path / "compare_map.html").exists()


def test_compare_command_names_a_missing_mapping_in_one_line(sample_dir: Path,
                                                             tmp_path: Path) -> None:
    missing = tmp_path / "no-such-mapping"
    result = CliRunner().invoke(main, ["compare", str(sample_dir), str(missing), "-o",
                                       str(tmp_path / "out")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "no-such-mapping" in lines[0]
    assert not (tmp_path / "out").exists()


def test_compare_help_ends_with_an_example() -> None:
    result = CliRunner().invoke(main, ["compare", "--help"])
    assert result.output.rstrip().splitlines()[-2].strip() == "Example:"
