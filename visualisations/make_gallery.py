"""Regenerate the gallery: maps and the report's charts for each sample dataset.

    python visualisations/make_gallery.py        (or: make gallery)

For every dataset in ``datasets/`` (and a synthetic 206-ORP network for the
aggregate map) it writes, under ``visualisations/<name>/``:

- ``network.svg``, ``ei.svg``: the report's charts;
- ``map.png``: a screenshot of the interactive map (Czech, suggestions on; its
  lines are the working ties), ``map-platform.png``: the same with the platform
  layer switched on and the working ties off (who only meets at the platform), and
  ``map-search.png``: the same after typing an actor's name in the search box,
  taken in headless Chromium when Playwright and Chromium are installed
  (``pip install -e '.[test]'``; otherwise the screenshots are skipped);

and the interactive maps themselves under ``visualisations/html/`` (not
committed: each is about 1 MB, the 206-ORP one about 5 MB). Then it rewrites
``visualisations/README.md``. Same data, same pictures: layouts are seeded.
"""

from __future__ import annotations

import base64
import io
import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

import graphnet  # noqa: E402
from graphnet.analysis import analyse  # noqa: E402
from graphnet.map import write_map  # noqa: E402
from graphnet.report.charts import ei_chart, network_picture  # noqa: E402
from graphnet.synth import synthesize  # noqa: E402

HTML = HERE / "html"
SYNTHETIC_ORPS = 206


def _svg(data_uri: str) -> bytes:
    return base64.b64decode(data_uri.split(",", 1)[1])


def _small_png(raw: bytes) -> bytes:
    """A screenshot with its colours reduced to a palette: a fraction of the size."""
    from PIL import Image

    image = Image.open(io.BytesIO(raw)).convert("RGB").quantize(colors=128, dither=0)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


class Camera:
    """Headless Chromium, when it is there."""

    def __init__(self) -> None:
        self.browser = None
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            print("Playwright is not installed: screenshots skipped")
            return
        executable = os.environ.get("GRAPHNET_CHROMIUM") or shutil.which("chromium")
        if executable is None:
            print("chromium is not installed: screenshots skipped")
            return
        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(
            executable_path=executable, headless=True, args=["--no-sandbox", "--disable-gpu"])

    def shoot(self, page_path: Path, target: Path, *, actions: str | None = None,
              search: str | None = None) -> bool:
        if self.browser is None:
            return False
        page = self.browser.new_page(viewport={"width": 1600, "height": 900})
        page.goto(page_path.resolve().as_uri())
        page.wait_for_function("window.graphnetReady === true", timeout=60_000)
        if actions:
            page.evaluate(actions)
        if search:
            page.fill("#gn-search", search)
            page.wait_for_timeout(900)  # the focus animation
        page.wait_for_timeout(300)
        target.write_bytes(_small_png(page.screenshot()))
        page.close()
        return True

    def close(self) -> None:
        if self.browser is not None:
            self.browser.close()
            self.playwright.stop()


def dataset_gallery(folder: Path, camera: Camera) -> list[str]:
    network = graphnet.load(folder)
    analysis = analyse(network)
    out = HERE / folder.name
    out.mkdir(exist_ok=True)
    lang = "cs"
    # The report's pictures, drawn as the report draws them.
    (out / "network.svg").write_bytes(_svg(network_picture(
        network, analysis.actors, lang, sector_pairs=analysis.sector_pairs)))
    (out / "sector-heatmap.svg").unlink(missing_ok=True)  # the report no longer has one
    (out / "ei.svg").write_bytes(_svg(ei_chart(analysis.sector_ei, network.sectors, lang)))
    page = write_map(network, HTML / f"{folder.name}.html", analysis, lang=lang, suggestions=10)
    write_map(network, HTML / f"{folder.name}-en.html", analysis, lang="en", suggestions=10)
    working = sum(1 for tie in analysis.ties if tie.layer == "working")
    platform = len(analysis.ties) - working
    lines = [f"## {network.name or folder.name}", "",
             f"{len(network.actors)} actors, {len(network.links)} reports making {working} "
             f"working ties, {platform} pairs meeting at the platform. "
             f"Map: `html/{folder.name}.html` (Czech), `html/{folder.name}-en.html` (English).", ""]
    shot = camera.shoot(page, out / "map.png",
                        actions="document.getElementById('gn-suggestions').click()")
    if shot:
        lines += [f"![The map of {folder.name}: working ties, suggested links on]"
                  f"({folder.name}/map.png)", ""]
    switch = ("(() => { for (const [id, on] of [['gn-layer-platform', true], "
              "['gn-layer-working', false]]) { const box = document.getElementById(id); "
              "if (box && box.checked !== on) { box.click(); } } })()")
    if platform and camera.shoot(page, out / "map-platform.png", actions=switch):
        lines += [f"![The same map with the platform layer on and the working ties off: "
                  f"who meets at the platform's meetings]({folder.name}/map-platform.png)", ""]
    best = max(network.actors, key=lambda a: (analysis.actors.loc[a.id, "betweenness"], a.id))
    if camera.shoot(page, out / "map-search.png", search=best.name):
        lines += [f"![After typing “{best.name}” in the search box]({folder.name}/map-search.png)",
                  ""]
    lines += [
        "| network (report) | E-I index by sector (report) |",
        "|---|---|",
        f"| ![network]({folder.name}/network.svg)"
        f" | ![E-I]({folder.name}/ei.svg) |",
        "",
    ]
    print(f"{folder.name}: charts, maps{' and screenshots' if shot else ''}")
    return lines


def synthetic_gallery(camera: Camera) -> list[str]:
    network = synthesize(orps=SYNTHETIC_ORPS, seed=1)
    name = f"synthetic-{SYNTHETIC_ORPS}-orps"
    out = HERE / name
    out.mkdir(exist_ok=True)
    page = write_map(network, HTML / f"{name}.html", lang="cs")
    lines = [f"## Synthetic network of {SYNTHETIC_ORPS} ORPs (aggregate map)", "",
             f"{len(network.actors):,} actors: above 1,500 the map shows one node per sector "
             f"within each ORP. Map: `html/{name}.html`.", ""]
    if camera.shoot(page, out / "map.png"):
        lines += [f"![Aggregate map]({name}/map.png)", ""]
    zoom = ("(() => { const n = graphnet.nodes.get({filter: x => x.layer === 'label'})[0];"
            " graphnet.network.moveTo({position: graphnet.network.getPositions([n.id])[n.id],"
            " scale: 0.9}); })()")
    if camera.shoot(page, out / "map-zoom.png", actions=zoom):
        lines += [f"![Aggregate map, zoomed in on one ORP]({name}/map-zoom.png)", ""]
    print(f"{name}: aggregate map")
    return lines


def main() -> None:
    HTML.mkdir(exist_ok=True)
    camera = Camera()
    try:
        lines = [
            "# Gallery",
            "",
            "Maps and the report's charts for each sample dataset. Regenerate everything with",
            "",
            "    python visualisations/make_gallery.py     # or: make gallery",
            "",
            "The interactive maps are written to `visualisations/html/` (not committed: open",
            "them in any browser, offline). Screenshots are 1600×900, as on a projector.",
            "",
        ]
        for folder in sorted((REPO / "datasets").iterdir()):
            if (folder / "akteri.csv").exists() or (folder / "actors.csv").exists():
                lines += dataset_gallery(folder, camera)
        lines += synthetic_gallery(camera)
    finally:
        camera.close()
    (HERE / "README.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {HERE / 'README.md'}")


if __name__ == "__main__":
    main()
