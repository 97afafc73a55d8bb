"""graphnet: the cooperation network around at-risk children and families, measured.

>>> import graphnet
>>> net = graphnet.load("datasets/orp-horni-lhota-2025")  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

# The public entry points (reading, checking, writing networks).
from graphnet.analysis import Analysis, analyse  # noqa: E402
from graphnet.errors import Problem, ValidationError  # noqa: E402
from graphnet.io import load, save, validate  # noqa: E402
from graphnet.model import Actor, Attendance, Link, Network  # noqa: E402

__all__ = ["load", "save", "validate", "Network", "Actor", "Link", "Attendance", "Problem",
           "ValidationError", "__version__", "analyse", "Analysis"]
