"""Run one piece of writing in a forked child process while the parent writes the rest.

Writing the tables of a national network (30,000 actors as CSV and XLSX) takes as
long as everything else the report writes; on a machine with two cores they can
overlap. The child inherits the data by ``fork`` (nothing is copied or pickled),
does its work and exits; the parent waits for it and raises
:class:`~graphnet.errors.OutputError` with the child's message when it failed.
Where ``fork`` does not exist (Windows) the work simply runs in the parent.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> wait = in_background(lambda: target.write_text("done"))
>>> wait()
>>> target.read_text()
'done'
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable

from graphnet.errors import OutputError

__all__ = ["in_background"]


def in_background(work: Callable[[], object]) -> Callable[..., None]:
    """Start ``work`` in a forked child; return ``wait()``, which blocks until it is done
    and raises :class:`OutputError` if it failed. ``wait(kill=True)`` ends it early."""
    if not hasattr(os, "fork"):
        work()

        def done(kill: bool = False) -> None:
            return None

        return done
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: do the work, report a failure through the pipe, never return
        os.close(read_end)
        code = 0
        try:
            work()
        except BaseException as error:  # everything goes back to the parent
            os.write(write_end, f"{type(error).__name__}: {error}".encode()[:4000])
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)

    def wait(kill: bool = False) -> None:
        if kill:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as pipe:
            message = pipe.read().decode("utf-8", "replace")
        if not kill and status != 0:
            raise OutputError(message or f"a background writer failed (status {status})")

    return wait
