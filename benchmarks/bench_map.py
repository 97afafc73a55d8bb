"""How long the map takes: building the HTML in Python and drawing it in Chromium.

Run: python benchmarks/bench_map.py [--orps 206] [--seed 1]

Prints one row per case: actors, what the map shows (nodes/edges), size of the
HTML, seconds to build it (graphnet.map.map_data + render_page, from the loaded Network; with
the analysis when the case says so),
and seconds Chromium needs from opening the file to the first drawn frame
(window.graphnetReady), split into page load + vis-network set-up + drawing.
The issue asks: a 206-ORP network's aggregate map in under 10 s, drawn in
Chromium in under 5 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import graphnet  # noqa: E402
import graphnet.io  # noqa: E402
from graphnet.analysis import analyse  # noqa: E402
from graphnet.map import map_data, write_map  # noqa: E402
from graphnet.map.render import render_page  # noqa: E402
from graphnet.synth import synthesize  # noqa: E402


def chromium_seconds(path: Path) -> tuple[float, dict[str, float]] | None:
    """Seconds from goto to window.graphnetReady, and the page's own timings (ms)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    executable = os.environ.get("GRAPHNET_CHROMIUM") or shutil.which("chromium")
    if executable is None:
        return None
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True,
                                     args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        start = time.perf_counter()
        page.goto(path.resolve().as_uri(), wait_until="load", timeout=120_000)
        page.wait_for_function("window.graphnetReady === true", timeout=120_000)
        seconds = time.perf_counter() - start
        timings = page.evaluate("window.graphnetTimings")
        browser.close()
    return seconds, timings


def case(label: str, network: graphnet.model.Network, folder: Path, **options) -> None:
    start = time.perf_counter()
    if options.pop("with_analysis", False):
        options["analysis"] = analyse(network)
    data = map_data(network, **options)
    html = render_page(data, lang=options.get("lang", "cs"))
    build = time.perf_counter() - start
    path = folder / f"{label}.html"
    path.write_text(html, "utf-8")
    shown = chromium_seconds(path)
    if shown is None:
        browser = "no chromium"
    else:
        seconds, marks = shown
        browser = (f"{seconds:6.2f}  (load {marks['start'] / 1000:.2f}, vis set-up "
                   f"{(marks['network'] - marks['parsed']) / 1000:.2f}, first frame "
                   f"{(marks['drawn'] - marks['network']) / 1000:.2f})")
    print(f"{label:<24} {len(network.actors):>7,} {data.view:>9} {len(data.nodes):>6,} "
          f"{len(data.edges):>7,} {len(html) / 1e6:>6.1f} {build:>8.2f}   {browser}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orps", type=int, default=206)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    start = time.perf_counter()
    country = synthesize(orps=args.orps, seed=args.seed)
    synth_seconds = time.perf_counter() - start
    sample = graphnet.load(REPO / "datasets" / "orp-horni-lhota-2025")
    one_orp = synthesize(orps=1, seed=args.seed, actors_per_orp=250)

    print(f"synthetic network of {args.orps} ORPs: {len(country.actors):,} actors, "
          f"{len(country.links):,} links, made in {synth_seconds:.1f} s (not counted below)")
    print(f"{'case':<24} {'actors':>7} {'view':>9} {'nodes':>6} {'edges':>7} {'MB':>6} "
          f"{'build s':>8}   chromium s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        case("sample-actors", sample, folder, with_analysis=True, suggestions=10)
        case("one-synthetic-orp", one_orp, folder, measures=False)
        case(f"{args.orps}-orps-aggregate", country, folder)
        orp = sorted({a.orp for a in country.actors if a.orp})[0]
        case(f"{args.orps}-orps-one-orp", country, folder, orp=orp, measures=False)

        # End to end, as `graphnet map DIR -o map.html` does it: read the CSV files,
        # check them, build the aggregate map, write it.
        data_dir = folder / "country"
        graphnet.io.save(country, data_dir)
        start = time.perf_counter()
        loaded = graphnet.load(data_dir)
        read = time.perf_counter() - start
        write_map(loaded, folder / "cli.html")
        total = time.perf_counter() - start
        print(f"\n{args.orps} ORPs from CSV files to the aggregate map.html: {total:.2f} s "
              f"(reading and checking {read:.2f} s, map {total - read:.2f} s)")


if __name__ == "__main__":
    main()
