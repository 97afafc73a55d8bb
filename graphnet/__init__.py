"""graphnet: the cooperation network around at-risk children and families, measured.

>>> import graphnet
>>> net = graphnet.load("datasets/orp-horni-lhota-2025")  # doctest: +SKIP

The names below are loaded on first use (PEP 562), so that ``import graphnet``
(and with it every ``graphnet ...`` command, ``--version`` too) does not pay for
pandas, networkx and igraph before it needs them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from graphnet._version import __version__

if TYPE_CHECKING:  # what the lazy names are, for mypy and editors
    from graphnet.analysis import Analysis, analyse
    from graphnet.errors import Problem, ValidationError
    from graphnet.io import load, save, validate
    from graphnet.model import Actor, Attendance, Link, Network

__all__ = ["load", "save", "validate", "Network", "Actor", "Link", "Attendance", "Problem",
           "ValidationError", "__version__", "analyse", "Analysis"]

# The public entry points (reading, checking, writing networks): name → module holding it.
_LAZY = {
    "load": "graphnet.io",
    "save": "graphnet.io",
    "validate": "graphnet.io",
    "analyse": "graphnet.analysis",
    "Analysis": "graphnet.analysis",
    "Problem": "graphnet.errors",
    "ValidationError": "graphnet.errors",
    "Actor": "graphnet.model",
    "Attendance": "graphnet.model",
    "Link": "graphnet.model",
    "Network": "graphnet.model",
}


def __getattr__(name: str) -> Any:
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'graphnet' has no attribute {name!r}") from None
    value = getattr(import_module(module), name)
    globals()[name] = value  # the next look-up is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
