"""Every measure states its convention."""

from __future__ import annotations

from graphnet.measures import ACTOR_COLUMNS, CONVENTIONS


def test_every_measure_column_has_a_convention() -> None:
    measured = [c for c in ACTOR_COLUMNS if c not in ("id", "name", "sector")]
    missing = [c for c in measured if c not in CONVENTIONS
               and not (c.startswith("brokerage_") and "brokerage" in CONVENTIONS)]
    assert missing == []


def test_network_figures_have_conventions() -> None:
    for key in ("density", "ei_index", "sector_modularity", "key_players", "reciprocity",
                "degree_centralization", "transitivity", "sector_mixing", "scope"):
        assert key in CONVENTIONS


def test_conventions_are_plain_sentences() -> None:
    for key, text in CONVENTIONS.items():
        assert text.endswith(".") and len(text) > 30, key


def test_sampling_is_stated_with_its_measured_error() -> None:
    text = CONVENTIONS["betweenness"]
    assert "sampled" in text or "sample" in text
    assert "error" in text
