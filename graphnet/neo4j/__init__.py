"""Neo4j for analysts: push a network, pull it back, write measures back, and run
graphnet's library of Cypher queries (``cypher/``, shipped as ``graphnet.cypher``).

Schema and the query list: ``cypher/README.md``. Connection settings come from
options or ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``.
Nothing here prints: progress goes to a callback the caller supplies.
"""

from __future__ import annotations

from graphnet.neo4j.connection import (
    ConnectionSettings,
    Neo4jConnectionError,
    Neo4jQueryError,
    open_session,
    settings_from_env,
)
from graphnet.neo4j.pull import list_datasets, pull
from graphnet.neo4j.push import DEFAULT_BATCH_SIZE, PushResult, push
from graphnet.neo4j.queries import Query, QueryResult, load_queries, query_by_name, run_query

__all__ = [
    "ConnectionSettings",
    "Neo4jConnectionError",
    "Neo4jQueryError",
    "open_session",
    "settings_from_env",
    "push",
    "PushResult",
    "DEFAULT_BATCH_SIZE",
    "pull",
    "list_datasets",
    "Query",
    "QueryResult",
    "load_queries",
    "query_by_name",
    "run_query",
]
