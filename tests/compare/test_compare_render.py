"""The comparison's files: JSON by its schema and deterministic, CSV for Excel, Markdown
escaped, written whole or not at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphnet.compare import Comparison, compare_networks, write_comparison
from graphnet.compare.render import CSV_FILES, render_html, render_json, render_markdown
from graphnet.i18n import t

FIXED_TIME = "2026-11-22T17:00:00+00:00"


@pytest.fixture(scope="module")
def written(sample_comparison: Comparison, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("compare")
    write_comparison(sample_comparison, out, lang="cs", generated_at=FIXED_TIME)
    return out


def test_every_output_file_is_written(written: Path) -> None:
    expected = {
        "compare.html",
        "compare.md",
        "compare.json",
        "compare_map.html",
        *CSV_FILES.values(),
    }
    assert expected <= {p.name for p in written.iterdir()}


def test_json_names_its_schema_and_both_mappings(written: Path) -> None:
    data = json.loads((written / "compare.json").read_text("utf-8"))
    assert data["schema"] == "graphnet.compare/1"
    assert data["old"]["mapped_on"] == "2025-03-31" and data["new"]["mapped_on"] == "2026-03-31"


def test_json_figures_equal_the_library(written: Path, sample_comparison: Comparison) -> None:
    data = json.loads((written / "compare.json").read_text("utf-8"))
    assert [(f["key"], f["before"], f["after"]) for f in data["figures"]] == [
        (f.key, f.before, f.after) for f in sample_comparison.figures
    ]
    assert len(data["links"]["gained"]) == len(sample_comparison.links.gained)


def test_json_is_the_same_for_the_same_input_apart_from_generated_at(
    sample_comparison: Comparison, written: Path
) -> None:
    first = json.loads((written / "compare.json").read_text("utf-8"))
    second = json.loads(render_json(sample_comparison, "2030-01-01T00:00:00+00:00"))
    assert first["generated_at"] != second["generated_at"]
    first.pop("generated_at"), second.pop("generated_at")
    assert first == second


def test_json_bytes_repeat_exactly_with_the_same_generated_at(
    sample_comparison: Comparison, written: Path
) -> None:
    again = render_json(sample_comparison, FIXED_TIME).encode("utf-8")
    assert again == (written / "compare.json").read_bytes()


def test_csv_files_start_with_a_bom_and_use_czech_separators(written: Path) -> None:
    raw = (written / CSV_FILES["links"]).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header = raw[3:].decode("utf-8").splitlines()[0]
    assert header.split(";")[:3] == [t("compare.col_change", "cs"),
                                     t("compare.col_link_kind", "cs"),
                                     t("compare.col_source", "cs")]


def test_csv_links_hold_every_change(written: Path, sample_comparison: Comparison) -> None:
    rows = (written / CSV_FILES["links"]).read_text("utf-8-sig").splitlines()[1:]
    links = sample_comparison.links
    assert len(rows) == len(links.gained) + len(links.lost) + len(links.reweighted)


def test_markdown_escapes_actor_names(evil_comparison: Comparison) -> None:
    text = render_markdown(evil_comparison, "en")
    assert "\\<script\\>alert(1)\\</script\\>" in text
    assert "<script>" not in text


def test_html_escapes_actor_names(evil_comparison: Comparison, evil_name: str) -> None:
    html = render_html(evil_comparison, "en", with_charts=False)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert evil_name not in html


def test_a_failed_run_leaves_no_output(sample_comparison: Comparison, tmp_path: Path) -> None:
    target = tmp_path / "out"
    with pytest.raises(ValueError):
        write_comparison(sample_comparison, target, lang="de", with_map=False)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_comparison_without_analyses_says_positions_were_not_compared(
    sample_network, sample_network_later
) -> None:
    html = render_html(
        compare_networks(sample_network, sample_network_later), "en", with_charts=False
    )
    assert t("compare.not_analysed", "en") in html
