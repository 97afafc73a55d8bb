"""The bundled sample datasets, loaded the way users load them (graphnet.load)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import graphnet
from graphnet.model import Network


def _read_table(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)


@pytest.fixture(scope="session")
def read_table() -> Callable[[Path], pd.DataFrame]:
    """Reads one sample CSV as raw text cells (empty cells as ''), to check the format."""
    return _read_table


@pytest.fixture(scope="session")
def sample(sample_dir: Path) -> Network:
    """The 2025 mapping of the fictional ORP Horní Lhota."""
    return graphnet.load(sample_dir)


@pytest.fixture(scope="session")
def sample_later(sample_dir_later: Path) -> Network:
    """The 2026 mapping of the same ORP."""
    return graphnet.load(sample_dir_later)
