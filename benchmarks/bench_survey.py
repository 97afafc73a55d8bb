"""How long ``survey forms`` and ``survey collect`` take for a 300-actor ORP.

A synthetic network (``graphnet.synth``, seed 1) cut to its first 300 actors is
saved as a CSV folder; ``graphnet.survey.forms`` writes the 300 Czech forms
(each lists the 299 others); every form is then filled in (a random third of
the answer cells get a step of the scale, written into the sheet XML as Excel
would store a typed value — quick, so the filling is not what is timed) and
``graphnet.survey.collect`` reads them all back into the dataset. A second
collect of the same forms shows the cost of the idempotent re-run. Seconds,
"wall clock/CPU time of this process" (the machine may be shared).
The aim (issue 11): both in seconds, not minutes.

    python benchmarks/bench_survey.py [--actors 300] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

from bench_load import timed  # one timing helper for the benchmarks (run from this folder)

import graphnet
from graphnet import survey
from graphnet.synth import synthesize

_BLANK_ANSWER = re.compile(rb'<c r="([D-H])(\d+)" s="(\d+)"/>')
STEPS = ["nikdy", "ročně", "čtvrtletně", "měsíčně", "týdně"]


def orp(actors: int) -> graphnet.Network:
    """A synthetic ORP of exactly ``actors`` actors (and the links among them): the
    first ORPs of a synthetic region, cut to size (ORP sizes vary)."""
    network = synthesize(4, seed=1, actors_per_orp=actors)
    kept = network.actors[:actors]
    ids = {a.id for a in kept}
    assert len(kept) == actors, len(network.actors)
    return replace(network, actors=kept,
                   links=tuple(x for x in network.links if {x.source, x.target} <= ids),
                   attendance=tuple(x for x in network.attendance if x.actor in ids))


def fill(form: Path, target: Path, rng: random.Random) -> None:
    """Put a step into about a third of the answer cells of the actors sheet."""
    def answer(match: re.Match[bytes]) -> bytes:
        if rng.random() > 1 / 3:
            return match.group(0)
        step = rng.choice(STEPS).encode("utf-8")
        return (b'<c r="' + match.group(1) + match.group(2) + b'" s="' + match.group(3)
                + b'" t="inlineStr"><is><t>' + step + b"</t></is></c>")

    with zipfile.ZipFile(form) as source, zipfile.ZipFile(target, "w",
                                                          zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet3.xml":
                content = _BLANK_ANSWER.sub(answer, content)
            out.writestr(item, content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=300, help="actors of the ORP")
    parser.add_argument("--repeat", type=int, default=1, help="runs per step (best is shown)")
    args = parser.parse_args()
    print(f"graphnet {graphnet.__version__}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, "
          f"best of {args.repeat} run(s); seconds, wall/cpu")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        data = root / "data"
        graphnet.save(orp(args.actors), data)
        t_forms, made = timed(args.repeat, lambda: survey.forms(data, root / "forms", lang="cs"))
        returned = root / "returned"
        returned.mkdir()
        rng = random.Random(1)
        for path in made.files:
            fill(path, returned / path.name, rng)
        t_collect, result = timed(1, lambda: survey.collect(returned, data))
        t_again, _ = timed(1, lambda: survey.collect(returned, data))
        size = sum(p.stat().st_size for p in made.files) / len(made.files) / 1e3
        print(f"actors {args.actors}, forms {len(made.files)} ({size:.0f} kB each), "
              f"reports collected {result.reports}")
        print(f"{'survey forms':<28} {t_forms:>11}")
        print(f"{'survey collect':<28} {t_collect:>11}")
        print(f"{'survey collect (same again)':<28} {t_again:>11}")


if __name__ == "__main__":
    main()
