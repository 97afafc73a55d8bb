"""How long the report takes next to the analysis it renders.

For synthetic networks of 1, 15 and 206 ORPs (``graphnet.synth.synthesize``) prints
the time of the analysis (``graphnet.analyse``) and of the report on top of it
(pictures, content, tables, the map, every file written), the report's share of
the analysis time, and the size of report.html. The target: the report adds at
most 20 % to the analysis (``report / analysis <= 0.20``).

    python benchmarks/bench_report.py            # 1, 15 and 206 ORPs
    python benchmarks/bench_report.py 1 15       # only these sizes
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from graphnet.analysis import analyse
from graphnet.report import ReportOptions, build_report, write_report
from graphnet.synth import synthesize

SIZES = (1, 15, 206)


def measure(orps: int, seed: int = 1) -> dict[str, float]:
    network = synthesize(orps=orps, seed=seed)
    started = time.perf_counter()
    analysis = analyse(network)
    analysed = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        outdir = Path(folder) / "report"
        report = build_report(analysis, ReportOptions(lang="cs", top=20))
        built = time.perf_counter()
        write_report(report, outdir)
        written = time.perf_counter()
        html_size = (outdir / "report.html").stat().st_size
        files = len(list(outdir.iterdir()))
    return {
        "orps": orps,
        "actors": len(network.actors),
        "links": len(network.links),
        "analysis_s": analysed - started,
        "build_s": built - analysed,
        "write_s": written - built,
        "report_s": written - analysed,
        "share": (written - analysed) / (analysed - started),
        "html_kb": html_size / 1024,
        "files": files,
    }


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or list(SIZES)
    header = (f"{'ORPs':>5} {'actors':>7} {'links':>8} {'analysis s':>11} {'build s':>8} "
              f"{'write s':>8} {'report s':>9} {'report/analysis':>16} {'html KB':>8} {'files':>6}")
    print(header)
    print("-" * len(header))
    for orps in sizes:
        row = measure(orps)
        print(f"{row['orps']:>5} {row['actors']:>7} {row['links']:>8} {row['analysis_s']:>11.2f} "
              f"{row['build_s']:>8.2f} {row['write_s']:>8.2f} {row['report_s']:>9.2f} "
              f"{row['share']:>15.1%} {row['html_kb']:>8.0f} {row['files']:>6}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
