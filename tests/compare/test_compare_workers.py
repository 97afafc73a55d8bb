"""Parallel analyses are opt-in: the default comparison forks nothing, ``workers=2`` gives
the same comparison, and a failure in either analysis reaches the caller with no process
left behind."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphnet.cli import main
from graphnet.compare import Comparison, compare
from graphnet.compare.render import render_json
from graphnet.errors import InputError
from graphnet.model import Network

REPO = Path(__file__).resolve().parents[2]

#: Counts the processes forked while comparing the two samples (os.register_at_fork
#: sees every fork, whoever starts it), in a fresh interpreter so the hook stays there.
COUNT_FORKS = """
import os, sys
import graphnet
from graphnet.compare import compare
old = graphnet.load("datasets/orp-horni-lhota-2025")
new = graphnet.load("datasets/orp-horni-lhota-2026")
forks = []
os.register_at_fork(before=lambda: forks.append(1))
compare(old, new, workers=int(sys.argv[1]))
print(len(forks))
"""


@pytest.mark.parametrize(("workers", "forks"), [(1, 0), (2, 1)])
def test_only_an_explicit_second_worker_forks_a_process(workers: int, forks: int) -> None:
    result = subprocess.run([sys.executable, "-c", COUNT_FORKS, str(workers)], cwd=REPO,
                            capture_output=True, text=True, check=True)
    assert int(result.stdout.strip().splitlines()[-1]) == forks


def test_fewer_than_one_worker_is_refused(sample_network: Network) -> None:
    with pytest.raises(ValueError, match="workers"):
        compare(sample_network, sample_network, workers=0)


def test_a_failed_analysis_reaches_the_caller_and_leaves_no_process(
        sample_network: Network, sample_network_later: Network, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model.yaml"
    with pytest.raises(InputError, match="no-such-model"):
        compare(sample_network, sample_network_later, model=missing, workers=2)
    assert multiprocessing.active_children() == []


def test_cli_workers_two_writes_the_comparison_of_the_library(
        sample_dir: Path, sample_dir_later: Path, sample_comparison: Comparison,
        tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["compare", str(sample_dir), str(sample_dir_later), "-o", str(tmp_path),
               "--lang", "en", "--no-map", "--workers", "2"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "compare.json").read_text("utf-8"))
    expected = json.loads(render_json(sample_comparison, written["generated_at"]))
    assert written == expected


def test_cli_refuses_zero_workers(sample_dir: Path, sample_dir_later: Path,
                                  tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["compare", str(sample_dir), str(sample_dir_later),
                                       "-o", str(tmp_path / "out"), "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.output
    assert not (tmp_path / "out").exists()
