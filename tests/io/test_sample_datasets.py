"""The bundled sample datasets load without errors and survive every format."""

from __future__ import annotations

from pathlib import Path

import pytest

import graphnet

DATASETS = Path(__file__).resolve().parents[2] / "datasets"
SAMPLES = sorted(p for p in DATASETS.glob("orp-*") if p.is_dir())


@pytest.mark.parametrize("folder", SAMPLES, ids=lambda p: p.name)
def test_sample_dataset_has_no_errors(folder: Path) -> None:
    assert [p.line() for p in graphnet.validate(folder) if p.severity == "error"] == []
    network = graphnet.load(folder)
    assert network.language == "cs" and len(network.actors) >= 40


@pytest.mark.parametrize("output", ["net.json", "net.graphml", "net.gexf", "folder"])
@pytest.mark.parametrize("folder", SAMPLES[:1], ids=lambda p: p.name)
def test_sample_dataset_round_trips(folder: Path, tmp_path: Path, output: str) -> None:
    network = graphnet.load(folder)
    graphnet.save(network, tmp_path / output, include_personal=True)
    again = graphnet.load(tmp_path / output)
    assert again.canonical() == network.canonical()
