"""graphnet demo's sample ORP is the repository's (the wheel's copy is checked in
tests/test_wheel.py, where it exists)."""

from __future__ import annotations

from pathlib import Path

from graphnet.report import sample_dataset


def test_sample_dataset_is_the_checkouts_in_a_checkout(sample_dir: Path) -> None:
    assert sample_dataset().resolve() == sample_dir.resolve()
