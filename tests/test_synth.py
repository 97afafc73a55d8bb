"""graphnet.synth and ``graphnet synth``: seeded synthetic networks of N ORPs."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphnet
from graphnet.cli import main
from graphnet.graphs import collaboration_graph
from graphnet.model import Network
from graphnet.synth import ACTORS_PER_ORP, LINKS_PER_ACTOR, REGIONS, synthesize
from graphnet.vocab import LINK_KINDS, SECTORS


@pytest.fixture(scope="module")
def twenty() -> Network:
    """Twenty ORPs: enough for the averages, small enough to be quick."""
    return synthesize(orps=20, seed=11)


def orp_of(network: Network) -> dict[str, str | None]:
    return {actor.id: actor.orp for actor in network.actors}


def test_same_seed_gives_an_identical_network() -> None:
    assert synthesize(orps=3, seed=42) == synthesize(orps=3, seed=42)


def test_another_seed_gives_another_network() -> None:
    first, second = synthesize(orps=3, seed=42), synthesize(orps=3, seed=43)
    assert first.links != second.links
    assert [a.name for a in first.actors] != [a.name for a in second.actors]


def test_zero_orps_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        synthesize(orps=0, seed=1)


def test_every_orp_has_every_sector_and_one_or_two_ospods(twenty: Network) -> None:
    sectors: dict[str | None, Counter[str]] = defaultdict(Counter)
    for actor in twenty.actors:
        sectors[actor.orp][actor.sector] += 1
    assert len(sectors) == 20
    for counts in sectors.values():
        assert set(counts) == set(SECTORS.codes)
        assert counts["child_protection"] in (1, 2)


def test_actor_and_link_counts_scale_as_documented(twenty: Network) -> None:
    per_orp = len(twenty.actors) / 20
    per_actor = len(twenty.links) / len(twenty.actors)
    assert 0.75 * ACTORS_PER_ORP <= per_orp <= 1.25 * ACTORS_PER_ORP
    assert 0.9 * LINKS_PER_ACTOR <= per_actor <= 1.1 * LINKS_PER_ACTOR
    twice = synthesize(orps=40, seed=11)
    assert 1.6 <= len(twice.actors) / len(twenty.actors) <= 2.4


def test_most_ties_stay_inside_an_orp_and_the_rest_inside_a_region(twenty: Network) -> None:
    orp = orp_of(twenty)
    region = {actor.id: actor.region for actor in twenty.actors}
    between = [k for k in twenty.links if orp[k.source] != orp[k.target]]
    assert 0 < len(between) <= 0.06 * len(twenty.links)
    assert all(region[k.source] == region[k.target] for k in between)


def test_orps_are_spread_over_the_regions_like_the_real_ones() -> None:
    country = synthesize(orps=206, seed=3, actors_per_orp=30, links_per_actor=1)
    orps_per_region = Counter(
        region for region, _ in {(a.region, a.orp) for a in country.actors}
    )
    assert dict(orps_per_region) == dict(REGIONS)


def test_ospod_is_the_best_connected_actor_of_almost_every_orp(twenty: Network) -> None:
    graph = collaboration_graph(twenty)
    best: dict[str | None, tuple[int, str]] = {}
    for actor in twenty.actors:
        best[actor.orp] = max(best.get(actor.orp, (-1, "")), (graph.degree(actor.id), actor.sector))
    assert sum(sector == "child_protection" for _, sector in best.values()) >= 18


def test_schools_and_social_services_rarely_link(twenty: Network) -> None:
    graph = collaboration_graph(twenty)
    sector = {actor.id: actor.sector for actor in twenty.actors}
    pairs = Counter(frozenset((sector[u], sector[v])) for u, v in graph.edges())
    school_social = pairs[frozenset(("education", "social_services"))]
    school_counselling = pairs[frozenset(("education", "school_counselling"))]
    assert school_social < 0.01 * graph.number_of_edges()
    assert school_social * 5 < school_counselling


def test_some_actors_are_isolated_doctors_most_often(twenty: Network) -> None:
    graph = collaboration_graph(twenty)
    isolated = [a for a in twenty.actors if graph.degree(a.id) == 0]
    assert 0.02 * len(twenty.actors) <= len(isolated) <= 0.10 * len(twenty.actors)
    share = Counter(a.sector for a in isolated)
    assert share.most_common(1)[0][0] == "health"


def test_links_carry_every_kind_weights_dates_and_some_reporters(twenty: Network) -> None:
    assert {k.kind for k in twenty.links} == set(LINK_KINDS.codes)
    assert any(not k.weight.is_integer() for k in twenty.links)
    mapped_on = twenty.mapped_on
    assert mapped_on is not None
    assert all(k.date is not None and k.date <= mapped_on for k in twenty.links)
    reported = [k for k in twenty.links if k.reported_by]
    assert 0.3 * len(twenty.links) < len(reported) < 0.7 * len(twenty.links)
    assert all(k.reported_by in (k.source, k.target) for k in reported)


def test_links_have_no_self_loops_or_duplicates(twenty: Network) -> None:
    keys = [(k.source, k.target, k.kind) for k in twenty.links]
    assert len(keys) == len(set(keys))
    assert not any(k.is_self_loop for k in twenty.links)


def test_every_orp_holds_a_platform_meeting_with_its_ospod(twenty: Network) -> None:
    sector = {actor.id: actor.sector for actor in twenty.actors}
    platforms = defaultdict(set)
    for row in twenty.attendance:
        if row.meeting.startswith("PLAT"):
            platforms[row.meeting].add(row.actor)
    assert len(platforms) == 20
    assert all(any(sector[a] == "child_protection" for a in present)
               for present in platforms.values())


def test_written_csv_loads_back_as_the_same_network(tmp_path: Path) -> None:
    network = synthesize(orps=2, seed=5)
    graphnet.save(network, tmp_path / "synth")
    assert graphnet.load(tmp_path / "synth").canonical() == network.canonical()


# --- the command ---------------------------------------------------------------------------


def test_command_writes_a_networkers_folder_and_says_what_it_made(tmp_path: Path) -> None:
    out = tmp_path / "synth"
    result = CliRunner().invoke(main, ["synth", "--orps", "2", "--seed", "9", "-o", str(out),
                                       "--lang", "en"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    network = synthesize(orps=2, seed=9)
    assert f"{len(network.actors)} actors, {len(network.links)} links" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "akteri.csv", "graphnet.yaml", "setkani.csv", "vazby.csv"
    ]
    raw = (out / "vazby.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfod;komu;typ;")
    assert b"\r\n" in raw
    assert graphnet.load(out).canonical() == network.canonical()


def test_command_message_in_czech(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["synth", "--orps", "1", "-o", str(tmp_path / "s"), "--lang", "cs"],
        catch_exceptions=False,
    )
    assert "Syntetická síť je hotová (seed 0): ORP 1, aktéři 90" in result.output


def test_command_refuses_zero_orps_and_writes_nothing(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["synth", "--orps", "0", "-o", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "--orps" in result.output
    assert list(tmp_path.iterdir()) == []


def test_command_help_ends_with_an_example() -> None:
    result = CliRunner().invoke(main, ["synth", "--help"], catch_exceptions=False)
    assert result.output.rstrip().endswith("graphnet synth --orps 206 --seed 1 -o out/synth-206")


def test_command_writes_graphnet_json_when_asked_by_the_suffix(tmp_path: Path) -> None:
    out = tmp_path / "synth.json"
    result = CliRunner().invoke(main, ["synth", "--orps", "1", "--seed", "4", "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert graphnet.load(out).canonical() == synthesize(orps=1, seed=4).canonical()
