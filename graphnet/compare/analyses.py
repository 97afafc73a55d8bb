"""The two analyses a comparison needs: one after the other, or the new one in a worker.

:func:`analyse_both` is what :func:`graphnet.compare.compare` runs when it is not
given the analyses. By default (``workers=1``) both run in turn in the calling
process: nothing is forked and no process-wide state is touched. ``workers=2`` is
the caller's explicit choice (``graphnet compare --workers 2``): the new mapping
is analysed in one child process while the calling one analyses the old, so the
comparison takes about as long as one analysis when a second core is free (on a
busy machine it gains nothing and costs a copy of the analysis).

>>> from graphnet.model import Actor, Link, Network
>>> net = Network(actors=(Actor("a", "OSPOD", "child_protection"), Actor("b", "ZŠ", "education")),
...               links=(Link("a", "b", "cooperation"),))
>>> old_analysis, new_analysis = analyse_both(net, net)
>>> new_analysis.suggestions, old_analysis.network is net
((), True)
"""

from __future__ import annotations

import multiprocessing
from dataclasses import fields
from multiprocessing.connection import Connection
from typing import Any

from graphnet.analysis import Analysis, analyse
from graphnet.model import Network

__all__ = ["analyse_for_comparison", "analyse_both"]


def analyse_for_comparison(network: Network, model: Any = None, *, ties: str = "working",
                           combine: str = "max") -> Analysis:
    """The analysis a comparison needs: everything but the suggested links, which no
    comparison shows (generating their candidates takes seconds on a large network).
    ``model`` is the optimal model (the shipped one when None); ``ties`` and
    ``combine`` the layer measured and the rule combining reports (as in
    :func:`graphnet.analyse`)."""
    return analyse(network, model=model, top_suggestions=0, ties=ties, combine=combine)


def analyse_both(old: Network, new: Network, model: Any = None, *,
                 workers: int = 1, ties: str = "working",
                 combine: str = "max") -> tuple[Analysis, Analysis]:
    """The analyses of ``old`` and ``new``: in turn when ``workers`` is 1, the new one in
    a child process when it is 2 or more (two analyses use at most two processes).

    Raises ValueError for ``workers`` below 1.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    rules = {"ties": ties, "combine": combine}
    if workers == 1:
        return (analyse_for_comparison(old, model, **rules),
                analyse_for_comparison(new, model, **rules))
    return _analyse_new_in_worker(old, new, model, rules)


def _analyse_new_in_worker(old: Network, new: Network, model: Any,
                           rules: dict[str, str]) -> tuple[Analysis, Analysis]:
    # A forked child inherits the network instead of receiving a pickled copy (30,000
    # actors and their links); where there is no fork, it is pickled for a spawned one.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    receiving, sending = context.Pipe(duplex=False)
    # The stub of BaseContext lacks Process; each real context (fork, spawn) has it.
    worker = context.Process(target=_worker, args=(sending, new, model, rules),  # type: ignore[attr-defined]
                             daemon=True)
    worker.start()
    sending.close()  # the child holds its own end: EOF here if it dies without an answer
    try:
        old_analysis = analyse_for_comparison(old, model, **rules)
        try:
            status, payload = receiving.recv()
        except EOFError:
            worker.join()
            raise RuntimeError("the process analysing the new mapping ended without a result "
                               f"(exit code {worker.exitcode})") from None
    except BaseException:
        worker.terminate()  # its analysis is of no use now; do not wait for it
        raise
    finally:
        receiving.close()
        worker.join()
    if status == "error":
        raise payload
    return old_analysis, Analysis(network=new, **payload)


def _worker(connection: Connection, network: Network, model: Any,
            rules: dict[str, str]) -> None:
    """In the child: the analysis of ``network`` as its fields, the network left out
    (the parent has it; sending 30,000 actors back would cost seconds it spends waiting)."""
    try:
        analysis = analyse_for_comparison(network, model, **rules)
        connection.send(("ok", {f.name: getattr(analysis, f.name) for f in fields(analysis)
                                if f.name != "network"}))
    except Exception as error:  # the caller raises it, as if analysed in its own process
        try:
            connection.send(("error", error))
        except Exception:  # an exception that cannot be pickled: its text then
            connection.send(("error", RuntimeError(f"{type(error).__name__}: {error}")))
    finally:
        connection.close()
