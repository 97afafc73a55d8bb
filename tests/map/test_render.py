"""The HTML page: self-contained, escaped, stable, written whole or not at all."""

from __future__ import annotations

import json
import re

import pytest

from graphnet.errors import OutputError
from graphnet.map import render, render_map, write_map
from graphnet.map.render import map_data, script_json

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HREF_NAME = 'Klinika <a href="javascript:alert(2)">odkaz</a>'
HREF_NOTE = 'viz <a href="https://example.org/">web</a> a <script>alert(3)</script>'


@pytest.fixture(scope="module")
def page(small) -> str:
    return render_map(small, lang="en", measures=False)


def _embedded_data(page: str) -> dict:
    block = re.search(r'<script id="graphnet-data" type="application/json">(.*?)</script>',
                      page, re.S)
    assert block is not None
    return json.loads(block.group(1))


def test_script_json_cannot_close_its_script_element():
    text = str(script_json({"a": "</script><!-- & -->"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & -->"}


def test_hostile_names_appear_only_escaped_in_the_page(page):
    for raw in (HOSTILE_NAME, HREF_NAME, "<script>alert(3)</script>", "Lhota <test>"):
        assert raw not in page


def test_embedded_data_round_trips_the_hostile_names_as_text(page):
    data = _embedded_data(page)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels["x1"] == HOSTILE_NAME and labels["x2"] == HREF_NAME
    tooltip = next(n["tooltip"] for n in data["nodes"] if n["id"] == "x2")
    assert f"Note: {HREF_NOTE}" in tooltip


def test_heading_is_escaped_by_the_template(page):
    assert '<h1 title="Lhota &lt;test&gt;">Lhota &lt;test&gt;</h1>' in page


def test_page_loads_nothing_from_elsewhere(page):
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "@import" not in page and "<link" not in page
    assert "vis.Network" in page  # vis-network is embedded, not fetched


def test_no_personal_field_reaches_the_page(small, page):
    assert "jana@example.org" not in page and "Nováková" not in page


def test_same_data_gives_the_same_page(small, page):
    assert render_map(small, lang="en", measures=False) == page


def test_the_callers_network_is_left_as_it_was(small):
    before = small.canonical()
    render_map(small, measures=False, ego="sas", depth=2, kinds=["referral"])
    assert small.canonical() == before


def test_controls_are_in_czech_by_default(small):
    html = render_map(small, measures=False)
    assert 'lang="cs"' in html and "Hledat aktéra" in html and "Uložit jako PNG" in html


def test_above_the_threshold_the_default_is_the_aggregate_map(small, monkeypatch):
    monkeypatch.setattr(render, "AGGREGATE_ABOVE", 5)
    assert map_data(small, measures=False).view == "aggregate"
    assert map_data(small, measures=False, orp="Lhota").view == "actors"
    assert map_data(small, measures=False, view="actors").view == "actors"


def test_too_large_an_actor_map_is_refused_saying_what_to_use(small, monkeypatch):
    monkeypatch.setattr(render, "MAX_MAP_NODES", 5)
    with pytest.raises(OutputError, match="--orp NAME.*--ego ACTOR"):
        map_data(small, measures=False, view="actors")


def test_too_large_an_aggregate_map_is_refused_saying_what_to_use(small, monkeypatch):
    monkeypatch.setattr(render, "MAX_MAP_EDGES", 1)
    with pytest.raises(OutputError, match="aggregate map.*--orp NAME"):
        map_data(small, measures=False, view="aggregate")


def test_write_map_writes_a_readable_file(small, tmp_path):
    target = write_map(small, tmp_path / "map.html", measures=False)
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert target.stat().st_mode & 0o044  # others may read the map they are given


def test_a_failed_write_leaves_the_old_file_untouched(small, tmp_path, monkeypatch):
    target = tmp_path / "map.html"
    target.write_text("old map", "utf-8")
    monkeypatch.setattr(render, "MAX_MAP_NODES", 1)
    with pytest.raises(OutputError):
        write_map(small, target, measures=False, view="actors")
    assert target.read_text("utf-8") == "old map"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]
