"""A failed run leaves the previous output as it was."""

from __future__ import annotations

import pytest

from graphnet.atomic import atomic_directory, atomic_file


def test_a_failed_run_keeps_the_previous_report_and_leaves_no_staging_folder(tmp_path):
    out = tmp_path / "report"
    with atomic_directory(out) as staging:
        (staging / "report.html").write_text("good")
    with pytest.raises(RuntimeError), atomic_directory(out) as staging:
        (staging / "report.html").write_text("half")
        raise RuntimeError("rendering failed")
    assert (out / "report.html").read_text() == "good"
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


def test_a_file_appears_only_when_complete(tmp_path):
    target = tmp_path / "map.html"
    with pytest.raises(ValueError), atomic_file(target) as temporary:
        temporary.write_text("partial")
        raise ValueError
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_written_files_get_ordinary_permissions_not_private_ones(tmp_path):
    target = tmp_path / "map.html"
    with atomic_file(target) as temporary:
        temporary.write_text("<html></html>")
    with atomic_directory(tmp_path / "report") as staging:
        (staging / "report.html").write_text("x")
    assert target.stat().st_mode & 0o044 == 0o044
    assert (tmp_path / "report" / "report.html").stat().st_mode & 0o044 == 0o044
