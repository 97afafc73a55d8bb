"""``graphnet map``: parses, draws, says where the map is; errors in one line."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from graphnet.cli import main
from graphnet.graphs import collaboration_graph


def test_map_command_writes_the_map(sample_dir, tmp_path):
    target = tmp_path / "mapa.html"
    result = CliRunner().invoke(
        main, ["map", str(sample_dir), "-o", str(target), "--lang", "en", "--suggestions", "3"],
        catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert str(target) in result.output
    page = target.read_text("utf-8")
    assert 'lang="en"' in page and "Show suggested links (3)" in page


def test_ego_option_draws_only_the_neighbourhood(sample_dir, sample_network, tmp_path):
    target = tmp_path / "ego.html"
    centre = sample_network.actors[0]
    result = CliRunner().invoke(
        main, ["map", str(sample_dir), "-o", str(target), "--ego", centre.name, "--depth", "1"],
        catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = target.read_text("utf-8")
    outside = [a for a in sample_network.actors
               if a.id != centre.id and a.id not in collaboration_graph(sample_network)[centre.id]]
    assert f'"id": "{centre.id}"' in page
    assert all(f'"id": "{a.id}"' not in page for a in outside)


def test_unknown_ego_is_one_line_error_and_nothing_written(sample_dir, tmp_path):
    target = tmp_path / "ego.html"
    result = CliRunner().invoke(
        main, ["map", str(sample_dir), "-o", str(target), "--ego", "Nobody At All",
                     "--lang", "en"])
    assert result.exit_code == 1
    assert 'no actor has the id or name "Nobody At All"' in result.output
    assert not target.exists()


def test_unknown_link_kind_is_refused(sample_dir, tmp_path):
    result = CliRunner().invoke(
        main, ["map", str(sample_dir), "-o", str(tmp_path / "m.html"), "--kinds", "gossip"])
    assert result.exit_code == 1
    assert 'neznámý druh vazby "gossip"' in result.output  # the sample is Czech


def test_ties_and_combine_options_set_the_layer_shown_and_the_weights(sample_dir, tmp_path):
    target = tmp_path / "platform.html"
    result = CliRunner().invoke(
        main, ["map", str(sample_dir), "-o", str(target), "--lang", "en", "--ties", "platform",
               "--combine", "mean"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = target.read_text("utf-8")
    assert re.search(r'<input type="checkbox" checked data-filter="layer" value="platform"', page)
    assert re.search(r'<input type="checkbox" data-filter="layer" value="working"', page)
    payload = json.loads(re.search(
        r'<script id="graphnet-data" type="application/json">(.*?)</script>', page, re.S)[1])
    edges = {e["id"]: e for e in payload["edges"]}
    assert edges["referral:OSPOD|SAS-RODINA"]["weight"] == 22.0
    assert edges["referral:OSPOD|SAS-RODINA"]["hidden"] is True
    assert not any(e.get("hidden") for e in payload["edges"] if e.get("tie_layer") == "platform")


def test_an_unknown_ties_layer_is_refused(sample_dir, tmp_path):
    result = CliRunner().invoke(
        main, ["map", str(sample_dir), "-o", str(tmp_path / "m.html"), "--ties", "meetings"])
    assert result.exit_code == 2 and "meetings" in result.output
