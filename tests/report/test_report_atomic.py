"""A failed run leaves no half-written files and keeps the previous report whole."""

from __future__ import annotations

from pathlib import Path

import pytest

import graphnet.report
import graphnet.report.files
import graphnet.report.render
from graphnet.report import Report, write_report


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_failure_while_rendering_keeps_the_previous_report(
        sample_report_objects: dict[str, Report], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    outdir = tmp_path / "report"
    write_report(sample_report_objects["cs"], outdir)
    before = _snapshot(outdir)
    english = sample_report_objects["en"]

    def broken(content: dict) -> str:  # JSON, CSV, XLSX and Markdown are written by now
        raise RuntimeError("rendering failed half-way")

    monkeypatch.setattr(graphnet.report.render, "render_html", broken)
    with pytest.raises(RuntimeError):
        write_report(english, outdir)
    assert _snapshot(outdir) == before
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


def test_failure_on_the_first_run_leaves_nothing(
        sample_report_objects: dict[str, Report], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    report = sample_report_objects["cs"]
    monkeypatch.setattr(graphnet.report.files, "write_xlsx",
                        lambda sheets, path, **_: (path.write_bytes(b"half"), 1 / 0))
    with pytest.raises(ZeroDivisionError):
        write_report(report, tmp_path / "report")
    assert list(tmp_path.iterdir()) == []


def test_report_without_a_drawable_map_does_not_mention_one(
        sample_report_objects: dict[str, Report], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graphnet.report, "_render_map", lambda *args: None)
    write_report(sample_report_objects["en"], tmp_path)
    assert not (tmp_path / "map.html").exists()
    assert "map.html" not in (tmp_path / "report.html").read_text("utf-8")
    assert "map.html" not in (tmp_path / "report.json").read_text("utf-8")
