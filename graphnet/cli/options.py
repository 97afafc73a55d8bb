"""Options several commands share: which ties to analyse and how to combine reports."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from graphnet.ties import COMBINE_RULES, LAYERS

__all__ = ["tie_options"]

F = TypeVar("F", bound=Callable[..., Any])


def tie_options(command: F) -> F:
    """``--ties working|platform|all`` and ``--combine max|mean|min``, passed to the
    command as ``ties`` and ``combine`` (what :func:`graphnet.analyse` takes)."""
    command = click.option(
        "--combine", type=click.Choice(list(COMBINE_RULES)), default="max", show_default=True,
        help="How the two ends' reports of one tie make its weight; under min a tie only "
             "one end reports counts only if the networker recorded it.")(command)
    return click.option(
        "--ties", "ties", type=click.Choice([*LAYERS, "all"]), default="working",
        show_default=True,
        help="Which ties to measure: working (reported cooperation of any kind), platform "
             "(co-attendance at meetings) or all.")(command)
