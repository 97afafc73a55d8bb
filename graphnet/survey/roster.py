"""The roster a survey is made from: the actors of ``graphnet.load(DATA)`` and its settings.

>>> digest = roster_digest([])
>>> len(digest)
16
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import graphnet.io as gio
from graphnet.errors import Problem, ValidationError
from graphnet.model import Actor, Network
from graphnet.settings import SETTINGS_FILES, Settings, read_settings
from graphnet.survey.scale import Scale

__all__ = ["Roster", "read_roster", "roster_digest", "data_folder"]


def roster_digest(actors: Iterable[Actor]) -> str:
    """A short fingerprint of who is on the roster (ids, names, sectors), so a form
    made from another roster is recognised."""
    lines = sorted(f"{a.id}\t{a.name}\t{a.sector}" for a in actors)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]


def data_folder(data: Path) -> Path:
    """The folder a dataset lives in (the folder itself, or the folder of a workbook)."""
    return data if data.is_dir() else data.parent


@dataclass(frozen=True)
class Roster:
    """The network (its actors are the roster), its settings and the survey's scale."""

    network: Network
    settings: Settings
    scale: Scale
    folder: Path

    @property
    def digest(self) -> str:
        return roster_digest(self.network.actors)

    @property
    def language(self) -> str:
        """The language of the dataset's files (Czech unless they are English)."""
        return "en" if self.network.language == "en" else "cs"


def read_roster(data: str | Path, lang: str = "en") -> Roster:
    """Load ``data`` and its ``graphnet.yaml`` scale; ValidationError on any error."""
    data = Path(data)
    network = gio.load(data, lang=lang)
    folder = data_folder(data)
    settings = Settings()
    problems: list[Problem] = []
    for name in SETTINGS_FILES:
        if (folder / name).is_file():
            settings, problems = read_settings(folder / name, lang)
            break
    scale, scale_problems = Scale.from_settings(settings, lang=lang)
    errors = [p for p in problems + scale_problems if p.severity == "error"]
    if errors:
        raise ValidationError(errors)
    return Roster(network, settings, scale, folder)
