"""compare.html (and the comparison map) in real headless Chromium: no console error, no
network request, an actor named like a script shows as text and opens no dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphnet.compare import Comparison, write_comparison
from graphnet.compare.render import GAINED_COLOR, LOST_COLOR

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def evil_outputs(evil_comparison: Comparison, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("compare-browser")
    write_comparison(evil_comparison, out, lang="cs")
    return out


def test_compare_page_loads_without_errors_or_requests(open_page, evil_outputs: Path,
                                                        artifacts: Path) -> None:
    visit = open_page(evil_outputs / "compare.html")
    visit.page.screenshot(path=str(artifacts / "compare-first-screen.png"))
    assert visit.console_errors == []
    assert visit.network_requests == []


def test_script_named_actor_shows_as_text_in_the_page(open_page, evil_outputs: Path,
                                                      evil_name: str) -> None:
    visit = open_page(evil_outputs / "compare.html")
    assert visit.dialogs == []
    assert evil_name in visit.page.inner_text("#actors")
    assert visit.page.locator("#actors script").count() == 0


def test_comparison_map_loads_with_the_script_named_actor_as_text(open_page,
                                                                  evil_outputs: Path) -> None:
    visit = open_page(evil_outputs / "compare_map.html", wait_for="window.graphnetReady")
    assert visit.console_errors == []
    assert visit.network_requests == []
    assert visit.dialogs == []


def test_comparison_map_draws_gained_links_green_and_lost_links_red_dashed(
        open_page, evil_outputs: Path, evil_comparison: Comparison) -> None:
    visit = open_page(evil_outputs / "compare_map.html", wait_for="window.graphnetReady")
    extras = visit.page.evaluate(
        """() => window.graphnet.edges.get({filter: e => e.layer === "extra"})
                 .map(e => [e.from, e.to, e.color.color, Boolean(e.dashes)])""")
    present = set(evil_comparison.new.actor_ids)
    gained = {(c.source, c.target) for c in evil_comparison.links.gained}
    lost = {(c.source, c.target) for c in evil_comparison.links.lost
            if c.source in present and c.target in present}
    assert {(a, b) for a, b, color, dashed in extras if color == GAINED_COLOR
            and not dashed} == gained
    assert {(a, b) for a, b, color, dashed in extras if color == LOST_COLOR and dashed} == lost
    assert len(extras) == len(evil_comparison.links.gained) + len(
        [c for c in evil_comparison.links.lost if c.source in present and c.target in present])
