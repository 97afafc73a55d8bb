"""The static pictures: deterministic, in the fixed sector colours, aggregated when large."""

from __future__ import annotations

import base64
import dataclasses
import xml.etree.ElementTree as ET

from graphnet.analysis import Analysis
from graphnet.report import ReportOptions, charts
from graphnet.report.content import build_content
from graphnet.vocab import sector_color


def _svg(uri: str) -> str:
    assert uri.startswith("data:image/svg+xml;base64,")
    return base64.b64decode(uri.split(",", 1)[1]).decode("utf-8")


def test_network_picture_is_the_same_for_the_same_input(sample_analysis: Analysis) -> None:
    network = sample_analysis.network
    first = charts.network_picture(network, sample_analysis.actors, "cs")
    second = charts.network_picture(network, sample_analysis.actors, "cs")
    assert first == second


def test_network_picture_uses_the_sector_colours(sample_analysis: Analysis) -> None:
    network = sample_analysis.network
    svg = _svg(charts.network_picture(network, sample_analysis.actors, "cs")).lower()
    for sector in {a.sector for a in network.actors}:
        assert sector_color(network.sectors, sector).lower() in svg, sector


def test_large_network_is_drawn_by_sector_not_by_actor(sample_analysis: Analysis) -> None:
    network = sample_analysis.network
    svg = _svg(charts.network_picture(network, sample_analysis.actors, "en", aggregate_above=10))
    assert network.sectors.label("child_protection", "en") in svg
    assert network.actors[0].name not in svg


def test_pictures_are_well_formed_svg_with_names_as_text(sample_analysis: Analysis) -> None:
    network = sample_analysis.network
    renamed = dataclasses.replace(network, actors=tuple(
        dataclasses.replace(a, name=f"<b>{a.name[:8]} & co</b>") for a in network.actors))
    pictures = [
        charts.network_picture(renamed, sample_analysis.actors, "en"),
        charts.network_picture(renamed, sample_analysis.actors, "en", aggregate_above=10),
        charts.ei_chart(sample_analysis.sector_ei, network.sectors, "cs"),
    ]
    for uri in pictures:
        root = ET.fromstring(_svg(uri))
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert root.find(".//{http://www.w3.org/2000/svg}script") is None
    texts = [t.text for t in ET.fromstring(_svg(pictures[0])).iter(
        "{http://www.w3.org/2000/svg}text")]
    assert any(text and text.startswith("<b>OSPOD") for text in texts)


def test_mixing_matrix_frames_expected_pairs_without_links_in_red(
        sample_analysis: Analysis) -> None:
    content = build_content(sample_analysis, ReportOptions(lang="cs"))
    matrix = content["sectors"]["matrix"]
    codes = [s["code"] for s in matrix["sectors"]]
    pairs = sample_analysis.sector_pairs
    missing = pairs[pairs["expected"].astype(bool) & (pairs["linked_pairs"] == 0)]
    assert len(missing)
    for row in missing.to_dict("records"):
        a, b = codes.index(row["sector_a"]), codes.index(row["sector_b"])
        assert matrix["rows"][a]["cells"][b]["frame"] == "missing"
        assert matrix["rows"][b]["cells"][a]["frame"] == "missing"
    framed = sum(cell["frame"] == "missing" for line in matrix["rows"] for cell in line["cells"])
    assert framed == 2 * len(missing[missing["sector_a"] != missing["sector_b"]]) + len(
        missing[missing["sector_a"] == missing["sector_b"]])
