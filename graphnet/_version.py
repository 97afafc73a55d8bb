"""The installed version of graphnet, in one place every module may import.

Read from the installed package's metadata (the wheel's or the editable
install's), so ``pyproject.toml`` stays the one place the number is written.
Kept free of any other graphnet import so that ``graphnet --version`` is fast and
no module needs the package ``__init__`` for it.

>>> from graphnet._version import __version__
>>> __version__.count(".") >= 1
True
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

__all__ = ["__version__"]

try:
    __version__: str = version("graphnet")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
