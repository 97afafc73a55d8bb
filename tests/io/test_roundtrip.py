"""load → save → load gives the same network, in every format graphnet writes."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from network_strategies import networks

import graphnet
from graphnet.model import Network

ROUND_TRIP = settings(max_examples=30, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow])


def _round_trip(network: Network, name: str) -> Network:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        graphnet.save(network, path, include_personal=True)
        return graphnet.load(path)


@pytest.mark.parametrize("file_name", ["net.json", "net.graphml", "net.gexf"])
@ROUND_TRIP
@given(network=networks())
def test_saved_network_loads_back_the_same(file_name: str, network: Network) -> None:
    assert _round_trip(network, file_name).canonical() == network.canonical()


@ROUND_TRIP
@given(network=networks())
def test_csv_folder_loads_back_the_same(network: Network) -> None:
    # A folder has no empty name: the reader falls back to the folder's name,
    # and a network without a language is written in English.
    named = replace(network, name=network.name or "x", source=network.source or "x",
                    language=network.language or "en")
    assert _round_trip(named, "x").canonical() == named.canonical()


@pytest.mark.parametrize("file_name", ["net.json", "net.graphml", "net.gexf", "folder"])
def test_personal_fields_left_out_unless_asked(tmp_path: Path, file_name: str) -> None:
    network = Network(actors=(graphnet.Actor("a", "OSPOD", "child_protection",
                                             contact="jana.novakova@example.cz"),))
    graphnet.save(network, tmp_path / file_name)
    written = "".join(p.read_text("utf-8-sig") for p in sorted(tmp_path.rglob("*")) if p.is_file())
    assert "jana.novakova" not in written
    assert graphnet.load(tmp_path / file_name).actors[0].contact is None
