"""How long the report takes next to the analysis it renders.

For synthetic networks of 1, 15 and 206 ORPs (``graphnet.synth.synthesize``) prints
the time of the analysis (``graphnet.analyse``) and of the report on top of it
(pictures, content, tables, the map, every file written), the report's share of
the analysis time, and the size of report.html. The target: the report adds at
most 20 % to the analysis (``report / analysis <= 0.20``).

    python benchmarks/bench_report.py            # 1, 15 and 206 ORPs
    python benchmarks/bench_report.py 1 15       # only these sizes
    python benchmarks/bench_report.py --cli 206  # also the two commands, end to end

With ``--cli`` it also writes the network as a CSV folder (``graphnet synth``) and
times ``graphnet analyse DIR -o analysis.json`` against ``graphnet report DIR -o
OUT``: what a user waits for, reading the data included.
"""

from __future__ import annotations

import subprocess
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


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def measure_cli(orps: int, seed: int = 1) -> dict[str, float]:
    graphnet = [str(Path(sys.executable).with_name("graphnet"))]
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        subprocess.run([*graphnet, "synth", "--orps", str(orps), "--seed", str(seed),
                        "-o", str(data)], check=True, stdout=subprocess.DEVNULL)
        analyse_s = _timed([*graphnet, "analyse", str(data), "-o",
                            str(Path(folder) / "analysis.json")])
        report_s = _timed([*graphnet, "report", str(data), "-o", str(Path(folder) / "out")])
    return {"orps": orps, "analyse_cli_s": analyse_s, "report_cli_s": report_s,
            "ratio": report_s / analyse_s}


def main(argv: list[str]) -> None:
    cli = "--cli" in argv
    argv = [a for a in argv if a != "--cli"]
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
    if cli:
        print()
        header = (f"{'ORPs':>5} {'graphnet analyse -o s':>22} {'graphnet report s':>18} "
                  f"{'report/analyse':>15}")
        print(header)
        print("-" * len(header))
        for orps in sizes:
            row = measure_cli(orps)
            print(f"{row['orps']:>5} {row['analyse_cli_s']:>22.2f} {row['report_cli_s']:>18.2f} "
                  f"{row['ratio']:>14.1%}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
