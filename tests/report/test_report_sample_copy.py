"""The sample ORP shipped in the package (for graphnet demo outside a checkout) is the
repository's, file for file."""

from __future__ import annotations

from pathlib import Path

from graphnet.report import SAMPLE_NAME, sample_dataset

SHIPPED = Path(__file__).resolve().parents[2] / "graphnet" / "data" / "sample" / SAMPLE_NAME


def test_shipped_sample_equals_the_datasets_folder(sample_dir: Path) -> None:
    names = sorted(p.name for p in sample_dir.iterdir() if p.is_file())
    assert names == sorted(p.name for p in SHIPPED.iterdir() if p.is_file())
    for name in names:
        assert (SHIPPED / name).read_bytes() == (sample_dir / name).read_bytes(), name


def test_sample_dataset_prefers_the_checkout(sample_dir: Path) -> None:
    assert sample_dataset().resolve() == sample_dir.resolve()
