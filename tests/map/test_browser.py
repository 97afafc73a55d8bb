"""The map in a real headless Chromium: offline, faithful to the data, usable, safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphnet.graphs import collaboration_graph
from graphnet.map import write_map
from graphnet.synth import synthesize

pytestmark = pytest.mark.browser
READY = "window.graphnetReady === true"


@pytest.fixture(scope="module")
def sample_map(sample_network, sample_analysis, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("map") / "map.html"
    return write_map(sample_network, path, sample_analysis, lang="cs", suggestions=5)


@pytest.fixture(scope="module")
def hostile_map(small, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("map") / "hostile.html"
    return write_map(small, path, lang="en", measures=False)


def node_records(page):
    return page.evaluate("graphnet.nodes.get().map(n => ({id: n.id, sector: n.sector, "
                         "hidden: Boolean(n.hidden)}))")


def visible_edges(page, layer):
    return page.evaluate(
        "layer => graphnet.edges.get().filter(e => e.layer === layer && !e.hidden)"
        ".map(e => ({from: e.from, to: e.to, dashes: e.dashes}))", layer)


def test_page_loads_from_file_without_network_or_console_errors(open_page, sample_map,
                                                                 artifacts):
    visit = open_page(sample_map, wait_for=READY)
    assert visit.network_requests == []
    assert visit.console_errors == []
    visit.page.screenshot(path=str(artifacts / "map-horni-lhota-2025.png"))


def test_datasets_hold_exactly_the_actors_and_collaboration_edges(open_page, sample_map,
                                                                  sample_network):
    page = open_page(sample_map, wait_for=READY).page
    assert sorted(n["id"] for n in node_records(page)) == sorted(sample_network.actor_ids)
    links = page.evaluate("graphnet.edges.get().filter(e => e.layer === 'link')"
                          ".map(e => [e.from, e.to, e.kind])")
    graph = collaboration_graph(sample_network)
    assert {frozenset(link[:2]) for link in links} == {frozenset(e) for e in graph.edges()}
    expected = sorted((*sorted((u, v)), kind) for u, v, d in graph.edges(data=True)
                      for kind in d["kinds"])
    assert sorted((*sorted(link[:2]), link[2]) for link in links) == expected


def test_typing_a_name_focuses_that_actor(open_page, sample_map, sample_network):
    page = open_page(sample_map, wait_for=READY).page
    actor = next(a for a in sample_network.actors if a.sector == "health")
    page.fill("#gn-search", actor.name)
    page.wait_for_function("id => graphnet.focused === id", arg=actor.id)
    assert page.evaluate("graphnet.network.getSelectedNodes()") == [actor.id]
    # After the short animation the actor is in the middle of the view.
    page.wait_for_function(
        """id => { const p = graphnet.network.getPositions([id])[id];
                   const v = graphnet.network.getViewPosition();
                   return Math.hypot(p.x - v.x, p.y - v.y) < 2; }""", arg=actor.id)
    neighbours = set(collaboration_graph(sample_network)[actor.id])
    dimmed = set(page.evaluate(
        "graphnet.nodes.get().filter(n => n.color.background === '#e4e4e4').map(n => n.id)"))
    assert dimmed == set(sample_network.actor_ids) - neighbours - {actor.id}


def test_unticking_a_sector_hides_exactly_that_sectors_nodes(open_page, sample_map, sample_network):
    page = open_page(sample_map, wait_for=READY).page
    assert not any(n["hidden"] for n in node_records(page))
    page.uncheck("input[data-filter='sector'][value='education']")
    hidden = {n["id"] for n in node_records(page) if n["hidden"]}
    assert hidden == {a.id for a in sample_network.actors if a.sector == "education"}
    page.check("input[data-filter='sector'][value='education']")
    assert not any(n["hidden"] for n in node_records(page))


def test_unticking_a_link_kind_hides_exactly_those_links(open_page, sample_map):
    page = open_page(sample_map, wait_for=READY).page
    page.uncheck("input[data-filter='kind'][value='meeting']")
    shown = page.evaluate("graphnet.edges.get().filter(e => e.layer === 'link')"
                          ".map(e => [e.kind, Boolean(e.hidden)])")
    assert all(hidden == (kind == "meeting") for kind, hidden in shown)


def test_suggestions_switch_shows_exactly_n_dashed_edges(open_page, sample_map,
                                                        sample_analysis):
    page = open_page(sample_map, wait_for=READY).page
    assert visible_edges(page, "suggestion") == []
    page.check("#gn-suggestions")
    shown = visible_edges(page, "suggestion")
    assert len(shown) == 5 and all(e["dashes"] for e in shown)
    assert [(e["from"], e["to"]) for e in shown] == [
        (s.source, s.target) for s in sample_analysis.suggestions[:5]]
    page.uncheck("#gn-suggestions")
    assert visible_edges(page, "suggestion") == []


def test_hostile_names_render_as_text_and_open_no_dialog(open_page, hostile_map, small,
                                                         artifacts):
    visit = open_page(hostile_map, wait_for=READY)
    page = visit.page
    for actor_id in ("x1", "x2"):
        name = small.actor(actor_id).name
        page.mouse.move(*_dom_point(page, actor_id))
        page.wait_for_function(
            "name => !graphnetTooltip.hidden && graphnetTooltip.textContent.includes(name)",
            arg=name)
        if actor_id == "x2":
            assert small.actor(actor_id).notes in page.evaluate("graphnetTooltip.textContent")
    # Nothing from the data became markup: no image, link or script element was made.
    assert page.evaluate("document.querySelectorAll('img, a, #gn-network script').length") == 0
    page.wait_for_timeout(300)
    assert visit.dialogs == []
    assert visit.console_errors == []
    page.screenshot(path=str(artifacts / "map-hostile-names.png"))


def _dom_point(page, actor_id):
    return page.evaluate(
        """id => { const p = graphnet.network.getPositions([id])[id];
                   const d = graphnet.network.canvasToDOM(p);
                   const r = document.getElementById('gn-network').getBoundingClientRect();
                   return [d.x + r.left, d.y + r.top]; }""", actor_id)


def test_save_as_png_downloads_a_png_of_the_view(open_page, sample_map):
    page = open_page(sample_map, wait_for=READY).page
    with page.expect_download() as download:
        page.click("#gn-png")
    data = Path(download.value.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_release_and_freeze_switch_the_physics(open_page, sample_map):
    page = open_page(sample_map, wait_for=READY).page
    page.click("#gn-physics")
    assert page.evaluate("graphnet.physics") is True
    assert page.inner_text("#gn-physics") == "Zastavit pohyb"
    page.click("#gn-physics")
    assert page.evaluate("graphnet.physics") is False


def test_aggregate_map_opens_with_one_node_per_sector_in_each_orp(open_page, tmp_path):
    network = synthesize(orps=3, seed=5)
    path = write_map(network, tmp_path / "aggregate.html", view="aggregate", lang="en")
    visit = open_page(path, wait_for=READY)
    assert visit.console_errors == [] and visit.network_requests == []
    groups = visit.page.evaluate(
        "graphnet.nodes.get().filter(n => n.layer === 'group').map(n => [n.id, n.actors])")
    expected: dict[str, int] = {}
    for actor in network.actors:
        key = f"{actor.orp}|{actor.sector}"
        expected[key] = expected.get(key, 0) + 1
    assert dict(groups) == expected


def test_ego_map_opens_with_its_centre_selected(open_page, small, tmp_path):
    path = write_map(small, tmp_path / "ego.html", measures=False, ego="sas", depth=1)
    page = open_page(path, wait_for=READY).page
    assert page.evaluate("graphnet.network.getSelectedNodes()") == ["sas"]
    assert sorted(n["id"] for n in node_records(page)) == ["ospod", "ppp", "sas", "zs"]


def test_hiding_the_legend_gives_the_network_the_whole_width(open_page, sample_map):
    page = open_page(sample_map, wait_for=READY).page
    before = page.evaluate("document.getElementById('gn-network').offsetWidth")
    page.click("#gn-legend-toggle")
    assert page.is_hidden("#gn-legend")
    assert page.evaluate("document.getElementById('gn-network').offsetWidth") > before
    assert page.inner_text("#gn-legend-toggle") == "Ukázat legendu"
