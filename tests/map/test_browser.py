"""The map in a real headless Chromium: offline, faithful to the data, usable, safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphnet.analysis import analyse
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


def tie_edges_shown(page):
    return page.evaluate(
        "graphnet.edges.get().filter(e => e.layer === 'link' && !e.hidden)"
        ".map(e => [e.from, e.to, e.kind, e.tie_layer, e.weight])")


def ties_of(analysis, layer):
    return sorted([t.source, t.target, t.kind, t.layer, t.weight]
                  for t in analysis.ties if t.layer == layer)


def test_datasets_hold_exactly_the_actors_and_the_working_ties(open_page, sample_map,
                                                               sample_network, sample_analysis):
    page = open_page(sample_map, wait_for=READY).page
    assert sorted(n["id"] for n in node_records(page)) == sorted(sample_network.actor_ids)
    # One edge per tie of both layers; the working ties shown when the page opens.
    every = page.evaluate("graphnet.edges.get().filter(e => e.layer === 'link')"
                          ".map(e => [e.from, e.to, e.kind, e.tie_layer, e.weight])")
    assert sorted(every) == sorted(ties_of(sample_analysis, "working")
                                   + ties_of(sample_analysis, "platform"))
    assert sorted(tie_edges_shown(page)) == ties_of(sample_analysis, "working")
    assert page.is_checked("#gn-layer-working") and not page.is_checked("#gn-layer-platform")


def test_the_platform_switch_shows_exactly_the_co_attendance_pairs(open_page, sample_map,
                                                                    sample_analysis, artifacts):
    page = open_page(sample_map, wait_for=READY).page
    page.check("#gn-layer-platform")
    page.uncheck("#gn-layer-working")
    shown = tie_edges_shown(page)
    assert sorted(shown) == ties_of(sample_analysis, "platform") and shown
    page.screenshot(path=str(artifacts / "map-platform-layer.png"))
    page.check("#gn-layer-working")
    assert sorted(tie_edges_shown(page)) == sorted(ties_of(sample_analysis, "working")
                                                   + ties_of(sample_analysis, "platform"))
    page.uncheck("#gn-layer-platform")
    assert sorted(tie_edges_shown(page)) == ties_of(sample_analysis, "working")


def test_a_map_of_the_platform_layer_opens_with_the_platform_on(open_page, sample_network,
                                                               tmp_path):
    analysis = analyse(sample_network, ties="platform")
    path = write_map(sample_network, tmp_path / "platform.html", analysis, lang="en")
    page = open_page(path, wait_for=READY).page
    assert sorted(tie_edges_shown(page)) == ties_of(analysis, "platform")
    assert page.is_checked("#gn-layer-platform") and not page.is_checked("#gn-layer-working")


def test_the_ospod_to_sas_referral_carries_24_not_44(open_page, sample_map):
    page = open_page(sample_map, wait_for=READY).page
    edge = page.evaluate("graphnet.edges.get('referral:OSPOD|SAS-RODINA')")
    assert edge["weight"] == 24 and edge["status"] == "confirmed"
    assert "Váha (spojená: max): 24" in edge["tooltip"]
    assert not any("44" in line for line in edge["tooltip"])
    # Hovering the edge shows the tooltip as text.
    page.evaluate("graphnet.network.focus('OSPOD', {scale: 1.5, animation: false})")
    point = page.evaluate(
        """() => { const p = graphnet.network.getPositions(['OSPOD', 'SAS-RODINA']);
                   const a = p['OSPOD'], b = p['SAS-RODINA'];
                   const d = graphnet.network.canvasToDOM({x: (a.x + b.x) / 2,
                                                           y: (a.y + b.y) / 2});
                   const r = document.getElementById('gn-network').getBoundingClientRect();
                   return [d.x + r.left, d.y + r.top]; }""")
    page.mouse.move(*point)
    page.wait_for_function("!graphnetTooltip.hidden")
    text = page.evaluate("graphnetTooltip.textContent")
    assert "Stav:" in text


def test_an_unknown_actor_looks_unlike_an_isolated_one(open_page, sample_map, sample_analysis):
    page = open_page(sample_map, wait_for=READY).page
    table = sample_analysis.actors
    unknown = table.index[table["is_unknown"].astype(bool)][0]
    isolated = table.index[table["is_isolated"].astype(bool)][0]
    style = "id => { const n = graphnet.nodes.get(id); return [n.shape, n.color.background, " \
            "JSON.stringify(n.shapeProperties || {}), n.borderWidth]; }"
    assert page.evaluate(style, unknown) != page.evaluate(style, isolated)
    assert page.evaluate(style, unknown)[1] == "#FFFFFF"
    legend = page.inner_text("#gn-legend")
    assert "neznámý aktér" in legend and "izolovaný aktér" in legend
    assert "Neodpověděl(a) a nikdo ho neuvádí" in " ".join(
        page.evaluate("id => graphnet.nodes.get(id).tooltip", unknown))


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
    neighbours = set(network_graph(page)[actor.id])
    dimmed = set(page.evaluate(
        "graphnet.nodes.get().filter(n => n.color.background === '#e4e4e4').map(n => n.id)"))
    assert dimmed == set(sample_network.actor_ids) - neighbours - {actor.id}


def network_graph(page):
    """Who the page draws a (shown) edge between."""
    graph: dict[str, set[str]] = {}
    for a, b, *_ in tie_edges_shown(page):
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set()).add(a)
    return graph


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
    shown = page.evaluate("graphnet.edges.get().filter(e => e.layer === 'link' && "
                          "e.tie_layer === 'working').map(e => [e.kind, Boolean(e.hidden)])")
    assert all(hidden == (kind == "meeting") for kind, hidden in shown)
    assert any(kind == "meeting" for kind, _ in shown)


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
    # The tie between the two: its tooltip names both, as text.
    page.mouse.move(*_dom_point(page, ("x1", "x2")))
    page.wait_for_function(
        "name => !graphnetTooltip.hidden && graphnetTooltip.textContent.includes(name)",
        arg=small.actor("x2").name)
    assert small.actor("x1").name in page.evaluate("graphnetTooltip.textContent")
    # Nothing from the data became markup: no image, link or script element was made.
    assert page.evaluate("document.querySelectorAll('img, a, #gn-network script').length") == 0
    page.wait_for_timeout(300)
    assert visit.dialogs == []
    assert visit.console_errors == []
    page.screenshot(path=str(artifacts / "map-hostile-names.png"))


def _dom_point(page, actor_id):
    """Where an actor is on the screen; for a pair of actors, the middle of their edge."""
    ids = list(actor_id) if isinstance(actor_id, tuple) else [actor_id]
    return page.evaluate(
        """ids => { const all = graphnet.network.getPositions(ids);
                   const ps = ids.map(id => all[id]);
                   const p = {x: ps.reduce((s, q) => s + q.x, 0) / ps.length,
                              y: ps.reduce((s, q) => s + q.y, 0) / ps.length};
                   const d = graphnet.network.canvasToDOM(p);
                   const r = document.getElementById('gn-network').getBoundingClientRect();
                   return [d.x + r.left, d.y + r.top]; }""", ids)


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
    # The neighbourhood on working ties: ppp only meets sas at the platform.
    assert sorted(n["id"] for n in node_records(page)) == ["ospod", "sas", "zs"]


def test_hiding_the_legend_gives_the_network_the_whole_width(open_page, sample_map):
    page = open_page(sample_map, wait_for=READY).page
    before = page.evaluate("document.getElementById('gn-network').offsetWidth")
    page.click("#gn-legend-toggle")
    assert page.is_hidden("#gn-legend")
    assert page.evaluate("document.getElementById('gn-network').offsetWidth") > before
    assert page.inner_text("#gn-legend-toggle") == "Ukázat legendu"
