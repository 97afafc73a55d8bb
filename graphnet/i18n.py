"""Czech and English: the message catalogue and number/date formatting.

Every user-facing string comes from a catalogue file in
``graphnet/data/messages/<area>.yaml``; each key there maps to ``{cs: …, en: …}``
and is addressed as ``"<area>.<key>"``. A test fails when a key lacks either
language. Placeholders use ``str.format`` syntax.

>>> t("common.actors", "cs"), t("common.actors", "en")
('aktéři', 'actors')
>>> format_number(1234.5, "cs"), format_number(1234.5, "en")
('1\\xa0234,5', '1,234.5')
>>> format_percent(0.256, "cs")
'25,6\\xa0%'

Which language a command writes in is decided in one place, :func:`choose_language`:
the language asked for (``--lang``), else the ``GRAPHNET_LANG`` environment
variable, else the language of the data's headers, else Czech.

>>> choose_language(None, "en", environ={}), choose_language("cs", "en", environ={})
('en', 'cs')
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

__all__ = ["LANGUAGES", "DEFAULT_LANGUAGE", "LANGUAGE_ENV", "choose_language", "fixed_language",
           "t", "catalogue", "format_number", "format_percent", "format_date"]

LANGUAGES = ("cs", "en")

#: The language when nothing else decides: graphnet's users are Czech networkers.
DEFAULT_LANGUAGE = "cs"
#: The environment variable that sets the language of every command.
LANGUAGE_ENV = "GRAPHNET_LANG"


def choose_language(explicit: str | None = None, data_language: str | None = None, *,
                    environ: Mapping[str, str] | None = None) -> str:
    """The language to speak in: ``explicit`` (``--lang``), else ``GRAPHNET_LANG``
    (from ``environ``, default the process environment), else ``data_language``
    (that of the input's headers), else Czech. Unknown values are skipped, except
    an unknown ``explicit``, which is a mistake (ValueError).

    >>> choose_language(None, None, environ={"GRAPHNET_LANG": "en"})
    'en'
    >>> choose_language(None, None, environ={})
    'cs'
    """
    if explicit is not None and explicit not in LANGUAGES:
        raise ValueError(f"unknown language {explicit!r}; use one of {', '.join(LANGUAGES)}")
    env = (os.environ if environ is None else environ).get(LANGUAGE_ENV, "").strip().lower()
    for candidate in (explicit, env, data_language):
        if candidate in LANGUAGES:
            return str(candidate)
    return DEFAULT_LANGUAGE


def fixed_language(explicit: str | None = None, *,
                   environ: Mapping[str, str] | None = None) -> str | None:
    """The language when it does not depend on the data (``explicit`` or
    ``GRAPHNET_LANG``), else None: then the data decides (:func:`choose_language`).

    >>> fixed_language(None, environ={}) is None
    True
    """
    env = (os.environ if environ is None else environ).get(LANGUAGE_ENV, "").strip().lower()
    if explicit in LANGUAGES:
        return explicit
    return env if env in LANGUAGES else None


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """Every message of every area, keyed ``area.key`` → {lang: text}."""
    # Deferred: `graphnet --version` and `--help` must start without PyYAML.
    import yaml

    # libyaml's safe loader when PyYAML has it (same result, ~9x faster: the
    # catalogue is read on every run); the pure-Python one otherwise.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    messages: dict[str, dict[str, str]] = {}
    folder = resources.files("graphnet").joinpath("data/messages")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        area = entry.name[: -len(".yaml")]
        loaded = yaml.load(entry.read_text("utf-8"), Loader=loader)
        for key, texts in (loaded or {}).items():
            messages[f"{area}.{key}"] = dict(texts)
    return messages


def t(key: str, lang: str, **params: object) -> str:
    """The message ``key`` in ``lang``, with ``params`` filled in (KeyError if unknown)."""
    text = catalogue()[key][lang]
    return text.format(**params) if params else text


def format_number(value: float | int | None, lang: str, digits: int = 2) -> str:
    """A number as people write it: Czech ``1 234,5``, English ``1,234.5``.

    Integers stay integers; others get at most ``digits`` decimals, trailing zeros cut.
    """
    if value is None:
        return "–"
    if isinstance(value, int) or float(value).is_integer() and digits == 0:
        text = f"{int(value):,}"
    else:
        text = f"{float(value):,.{digits}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    if lang == "cs":
        return text.replace(",", "\xa0").replace(".", ",")
    return text


def format_percent(share: float | None, lang: str, digits: int = 1) -> str:
    """A share (0–1) as a percentage: Czech ``25,6 %``, English ``25.6%``."""
    if share is None:
        return "–"
    number = format_number(round(share * 100, digits), lang, digits)
    return f"{number}\xa0%" if lang == "cs" else f"{number}%"


def format_date(value: dt.date | None, lang: str) -> str:
    """A date: Czech ``1. 3. 2025``, English ``2025-03-01`` (ISO, unambiguous)."""
    if value is None:
        return "–"
    if lang == "cs":
        return f"{value.day}. {value.month}. {value.year}"
    return value.isoformat()
