"""The language every command speaks in: one ``--lang`` option, one rule.

The rule is :func:`graphnet.i18n.choose_language`: ``--lang``, else the
``GRAPHNET_LANG`` environment variable, else the language of the data's headers,
else Czech. A command that reads data learns the language while reading
(:func:`load_network`); the chosen language is kept on the click context, so that
the error handler of :class:`graphnet.cli.GraphnetGroup` speaks it too.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from graphnet.errors import Problem, ValidationError
from graphnet.i18n import LANGUAGES, choose_language, t

if TYPE_CHECKING:  # the model pulls in no heavy library, but the CLI starts without it
    from graphnet.model import Network

__all__ = ["lang_option", "use_language", "current_language", "load_network", "problem_line"]

_META_KEY = "graphnet.lang"
F = TypeVar("F", bound=Callable[..., Any])


def lang_option(what: str) -> Callable[[F], F]:
    """The ``--lang`` option of a command; ``what`` says what it sets the language of.

    The value is None when not given: the command then asks :func:`current_language`
    or :func:`load_network`, which apply the rule.
    """
    return click.option(
        "--lang", type=click.Choice(list(LANGUAGES)), default=None, callback=_remember,
        help=f"{what} [default: $GRAPHNET_LANG, else the language of the data's headers, "
             "else cs].")


def _remember(context: click.Context, _param: click.Parameter, value: str | None
              ) -> str | None:
    if value is not None:
        context.meta[_META_KEY] = value
    return value


def use_language(lang: str) -> str:
    """Remember ``lang`` as the language of this run (for the error messages); returns it."""
    context = click.get_current_context(silent=True)
    if context is not None:
        context.meta[_META_KEY] = lang
    return lang


def current_language(explicit: str | None = None, data_language: str | None = None) -> str:
    """The language of this run: the one remembered, else the rule applied to
    ``explicit`` and ``data_language`` (and remembered)."""
    context = click.get_current_context(silent=True)
    if explicit is None and data_language is None and context is not None \
            and context.meta.get(_META_KEY) in LANGUAGES:
        return str(context.meta[_META_KEY])
    return use_language(choose_language(explicit, data_language))


def load_network(path: str | os.PathLike[str], lang: str | None) -> tuple[Network, str]:
    """Read and check the network at ``path`` with messages in the language of the
    rule; returns the network and that language. Raises ValidationError (worded in
    that language, which the error handler then speaks too)."""
    # graphnet.io pulls in pandas: only a command that reads data pays for it.
    from graphnet.io import read_in_language

    network, problems, language = read_in_language(Path(path), lang)
    use_language(language)
    if network is None:
        raise ValidationError(problems)
    return network, language


def problem_line(problem: Problem, lang: str) -> str:
    """One problem as a line, labelled error/warning, in ``lang`` (the English line is
    exactly :meth:`Problem.line`).

    >>> problem_line(Problem("akteri.csv", 3, "sektor", "skola", "neznámý sektor"), "cs")
    'chyba: akteri.csv, řádek 3, sloupec "sektor": neznámý sektor: "skola"'
    """
    label = t("data.label_error" if problem.severity == "error" else "data.label_warning", lang)
    if lang == "en":
        return f"{label}: {problem.line()}"
    where = [problem.file]
    if problem.row is not None:
        where.append(t("data.line_row", lang, row=problem.row))
    if problem.column is not None:
        where.append(t("data.line_column", lang, column=problem.column))
    text = f"{label}: {', '.join(where)}: {problem.message}"
    if problem.value is not None:
        text += f': "{problem.value}"'
    if problem.suggestion is not None:
        text += t("data.line_suggestion", lang, suggestion=problem.suggestion)
    return text
