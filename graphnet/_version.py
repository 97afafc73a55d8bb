"""The version of graphnet, in one place every module may import.

A constant, not ``importlib.metadata`` (whose import alone is a good part of
``graphnet --version``'s start-up); it is the same in a wheel, an editable install
and a bare checkout. ``pyproject.toml`` carries the same number, and
tests/cli/test_startup.py checks that the installed metadata agrees.
Kept free of any other import so that no module needs the package ``__init__``
for it.

>>> from graphnet._version import __version__
>>> __version__.count(".") >= 1
True
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
