"""Where the files that ship beside the code are: the Cypher library and the sample ORP.

In the repository they live at the top level (``cypher/`` and ``datasets/``), where
analysts and networkers look for them; the wheel carries them inside the package
(``graphnet/cypher`` and ``graphnet/data/sample/<name>``, mapped by the build backend,
see ``pyproject.toml``). Each function answers the installed copy when there is one,
else the checkout's folder, so an editable install and a wheel behave alike.

>>> (cypher_dir() / "README.md").is_file()
True
>>> sample_dir().name
'orp-horni-lhota-2025'
"""

from __future__ import annotations

from pathlib import Path

from graphnet.errors import InputError

__all__ = ["SAMPLE_NAME", "cypher_dir", "sample_dir"]

#: The sample ORP (fictional Horní Lhota) shipped in the wheel for ``graphnet demo``.
SAMPLE_NAME = "orp-horni-lhota-2025"

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _first_folder(what: str, *candidates: Path) -> Path:
    for folder in candidates:
        if folder.is_dir():
            return folder
    tried = ", ".join(str(folder) for folder in candidates)
    raise InputError(f"graphnet's {what} is missing (looked in {tried}); "
                     "reinstall graphnet, or run it from a full checkout")


def cypher_dir() -> Path:
    """The folder of graphnet's Cypher queries (``*.cypher``, ``README.md``).

    >>> sorted(cypher_dir().glob("*.cypher"))[0].name
    '01-isolated.cypher'
    """
    return _first_folder("Cypher library", _PACKAGE / "cypher", _CHECKOUT / "cypher")


def sample_dir() -> Path:
    """The folder of the sample ORP (``akteri.csv``, ``vazby.csv``, ``setkani.csv`` …).

    >>> (sample_dir() / "akteri.csv").is_file()
    True
    """
    return _first_folder("sample ORP", _PACKAGE / "data" / "sample" / SAMPLE_NAME,
                         _CHECKOUT / "datasets" / SAMPLE_NAME)
