"""graphnet: the cooperation network around at-risk children and families, measured.

>>> import graphnet
>>> net = graphnet.load("datasets/orp-horni-lhota-2025")  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"
