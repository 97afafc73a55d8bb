"""Where the Neo4j server is and how to log in, and one session to it.

Settings come from options, else the usual environment variables
(``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``). The
password is held in a field left out of ``repr`` and is never put into any
message: every error the driver raises is turned into one line that names the
server, the user and the database, never the password.

>>> s = ConnectionSettings("bolt://localhost:7687", "neo4j", "s3cret", "neo4j")
>>> "s3cret" in repr(s)
False
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

from graphnet.errors import GraphnetError
from graphnet.i18n import t

__all__ = [
    "ConnectionSettings",
    "Neo4jConnectionError",
    "Neo4jQueryError",
    "settings_from_env",
    "open_session",
    "DEFAULT_URI",
    "DEFAULT_USERNAME",
]

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USERNAME = "neo4j"


class Neo4jConnectionError(GraphnetError):
    """The server cannot be reached, refuses the login, or has no such database."""


class Neo4jQueryError(GraphnetError):
    """The server rejected a query (syntax, unknown procedure, constraint …)."""


@dataclass(frozen=True)
class ConnectionSettings:
    """How to reach one database. ``database`` None means the server's default;
    ``lang`` is the language of the messages about it."""

    uri: str = DEFAULT_URI
    username: str = DEFAULT_USERNAME
    password: str | None = field(default=None, repr=False)
    database: str | None = None
    lang: str = "en"

    def describe(self) -> str:
        """Where this points, for messages (never the password)."""
        if self.database:
            return t("neo4j.where_database", self.lang, uri=self.uri, username=self.username,
                     database=self.database)
        return t("neo4j.where", self.lang, uri=self.uri, username=self.username)


def settings_from_env(
    uri: str | None = None,
    username: str | None = None,
    password: str | None = None,
    database: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> ConnectionSettings:
    """Settings from the given values, each falling back to its ``NEO4J_*`` variable.

    >>> settings_from_env(environ={"NEO4J_URI": "bolt://db:7687"}).uri
    'bolt://db:7687'
    >>> settings_from_env(uri="neo4j://x", environ={"NEO4J_URI": "bolt://db:7687"}).uri
    'neo4j://x'
    """
    env = os.environ if environ is None else environ
    return ConnectionSettings(
        uri=uri or env.get("NEO4J_URI") or DEFAULT_URI,
        username=username or env.get("NEO4J_USERNAME") or DEFAULT_USERNAME,
        password=password if password is not None else env.get("NEO4J_PASSWORD"),
        database=database or env.get("NEO4J_DATABASE") or None,
    )


def _first_line(text: object) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return lines[0] if lines else ""


def _scrub(text: str, settings: ConnectionSettings) -> str:
    """The text with the password cut out, should a server ever echo it."""
    if settings.password:
        text = text.replace(settings.password, "***")
    return text


def translate_error(error: Exception, settings: ConnectionSettings) -> GraphnetError:
    """One clear line for an error the driver raised (the password never in it)."""
    # deferred here and below: only talking to a server needs the driver, not
    # `graphnet neo4j queries` or `--help`
    from neo4j import exceptions as ne

    where = settings.describe()
    code = getattr(error, "code", None) or ""
    if isinstance(error, ne.AuthError) or "Unauthorized" in code or "Security" in code:
        message = t("neo4j.error_auth", settings.lang, where=where)
        return Neo4jConnectionError(_scrub(message, settings))
    if "DatabaseNotFound" in code:
        message = t("neo4j.error_no_database", settings.lang, database=settings.database,
                    uri=settings.uri)
        return Neo4jConnectionError(_scrub(message, settings))
    if isinstance(error, (ne.ServiceUnavailable, ne.SessionExpired, OSError)):
        message = t("neo4j.error_unreachable", settings.lang, uri=settings.uri)
        return Neo4jConnectionError(message)
    if isinstance(error, (ne.ConfigurationError, ValueError)):
        message = t("neo4j.error_config", settings.lang, uri=settings.uri,
                    detail=_first_line(error))
        return Neo4jConnectionError(_scrub(message, settings))
    detail = _first_line(getattr(error, "message", None) or error)
    message = t("neo4j.error_query", settings.lang, where=where, detail=detail)
    return Neo4jQueryError(_scrub(message, settings))


@contextmanager
def open_session(settings: ConnectionSettings, *, timeout: float = 10.0) -> Iterator[Any]:
    """A driver session to ``settings.database``; driver errors become graphnet errors.

    The connection is checked on entry (so a wrong password or a missing database
    is reported before any work starts).
    """
    import neo4j  # deferred, see translate_error
    from neo4j import exceptions as ne

    driver = None
    try:
        try:
            auth = (settings.username, settings.password or "")
            driver = neo4j.GraphDatabase.driver(
                settings.uri, auth=auth, connection_timeout=timeout,
                max_transaction_retry_time=timeout, notifications_min_severity="OFF",
            )
            driver.verify_connectivity()
            session = driver.session(database=settings.database)
            # A first round trip to the database itself: verify_connectivity does not
            # notice a database that does not exist.
            session.run("RETURN 1 AS ok").consume()
        except (ne.Neo4jError, ne.DriverError, OSError, ValueError) as error:
            raise translate_error(error, settings) from None
        try:
            yield session
        except (ne.Neo4jError, ne.DriverError) as error:
            raise translate_error(error, settings) from None
        finally:
            # Closing after a lost connection may fail too: the real error is already raised.
            with suppress(ne.Neo4jError, ne.DriverError, OSError):
                session.close()
    finally:
        if driver is not None:
            driver.close()
