"""Constraints and indexes of graphnet's Neo4j schema (Neo4j 5 syntax), created
idempotently (``IF NOT EXISTS``) before every push. See ``cypher/README.md``."""

from __future__ import annotations

from typing import Any

__all__ = ["SCHEMA_STATEMENTS", "ensure_schema"]

SCHEMA_STATEMENTS: tuple[str, ...] = (
    "CREATE CONSTRAINT graphnet_actor_uid IF NOT EXISTS FOR (a:Actor) REQUIRE a.uid IS UNIQUE",
    "CREATE CONSTRAINT graphnet_sector_code IF NOT EXISTS FOR (s:Sector) REQUIRE s.code IS UNIQUE",
    "CREATE CONSTRAINT graphnet_meeting_uid IF NOT EXISTS FOR (m:Meeting) REQUIRE m.uid IS UNIQUE",
    "CREATE CONSTRAINT graphnet_dataset_id IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE",
    "CREATE INDEX graphnet_actor_dataset IF NOT EXISTS FOR (a:Actor) ON (a.dataset)",
    "CREATE INDEX graphnet_actor_id IF NOT EXISTS FOR (a:Actor) ON (a.id)",
    "CREATE INDEX graphnet_meeting_dataset IF NOT EXISTS FOR (m:Meeting) ON (m.dataset)",
)


def ensure_schema(session: Any) -> None:
    """Create the constraints and indexes that do not exist yet."""
    for statement in SCHEMA_STATEMENTS:
        session.run(statement).consume()
