"""graphnet's library of named, parameterised Cypher queries, and their runner.

Each query is one ``.cypher`` file in ``cypher/`` (shipped inside the package as
``graphnet/cypher``). It opens with a header of ``//`` comment lines holding YAML:

.. code-block:: text

    // name: isolated
    // description:
    //   en: Actors with no link of any kind.
    //   cs: Aktéři bez jakékoli vazby.
    // parameters:
    //   dataset: {type: string, example: orp-horni-lhota-2025, en: …, cs: …}
    // requires: gds            (only for the Graph Data Science variants)

and then one or more Cypher statements separated by a line holding only ``;``.
The statements run in order; the rows of the last one are the result.

>>> q = query_by_name("isolated")
>>> q.parameters["dataset"].type
'string'
>>> q.coerce({"dataset": "orp-horni-lhota-2025"})
{'dataset': 'orp-horni-lhota-2025'}
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from graphnet.bundled import cypher_dir
from graphnet.errors import InputError
from graphnet.neo4j.connection import ConnectionSettings, open_session
from graphnet.plain import to_plain

__all__ = ["Parameter", "Query", "QueryResult", "load_queries", "query_by_name", "run_query",
           "parse_query"]

_TYPES = ("string", "integer", "float", "boolean", "list", "date")


@dataclass(frozen=True)
class Parameter:
    """One parameter of a query: its type, an example, a default and what it means."""

    name: str
    type: str
    example: Any
    description: Mapping[str, str]
    default: Any = None
    required: bool = True

    def coerce(self, text: Any) -> Any:
        """The value typed on the command line (text) as this parameter's type."""
        if not isinstance(text, str):
            return text
        try:
            if self.type == "integer":
                return int(text)
            if self.type == "float":
                return float(text.replace(",", "."))
            if self.type == "boolean":
                if text.lower() in ("true", "yes", "1", "ano"):
                    return True
                if text.lower() in ("false", "no", "0", "ne"):
                    return False
                raise ValueError(text)
            if self.type == "list":
                if text.lstrip().startswith("["):
                    value = json.loads(text)
                    if not isinstance(value, list):
                        raise ValueError(text)
                    return value
                return [part.strip() for part in text.split(",") if part.strip()]
        except ValueError:
            raise InputError(
                f'parameter "{self.name}" must be a {self.type}, e.g. '
                f"{json.dumps(self.example, ensure_ascii=False)}; got \"{text}\"") from None
        return text


@dataclass(frozen=True)
class Query:
    """A named query of the library."""

    name: str
    description: Mapping[str, str]
    parameters: Mapping[str, Parameter]
    statements: tuple[str, ...]
    requires: tuple[str, ...] = ()
    path: str = ""

    @property
    def needs_gds(self) -> bool:
        return "gds" in self.requires

    @property
    def text(self) -> str:
        return "\n;\n".join(self.statements)

    def coerce(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """The parameters to send: given ones typed, defaults for the rest; every
        problem (unknown name, missing value, wrong type) reported at once."""
        problems = [f'unknown parameter "{name}" (this query takes: '
                    f'{", ".join(self.parameters) or "none"})'
                    for name in given if name not in self.parameters]
        values: dict[str, Any] = {}
        for name, parameter in self.parameters.items():
            if name in given:
                try:
                    values[name] = parameter.coerce(given[name])
                except InputError as error:
                    problems.append(str(error))
            elif parameter.default is not None or not parameter.required:
                values[name] = parameter.default
            else:
                problems.append(f'parameter "{name}" is needed, e.g. --param {name}='
                                f"{_example_text(parameter.example)}")
        if problems:
            raise InputError(f"query {self.name}: " + "; ".join(problems))
        return values


def _example_text(value: Any) -> str:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


@dataclass(frozen=True)
class QueryResult:
    """What a query returned: column names and rows (plain JSON values, as
    :func:`graphnet.plain.to_plain` gives them: dates as ISO text, nodes as their
    properties)."""

    query: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...] = field(default_factory=tuple)

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by column."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def parse_query(text: str, path: str = "") -> Query:
    """A query from the text of its ``.cypher`` file (InputError naming the file when
    its header is malformed)."""
    header: list[str] = []
    body: list[str] = []
    in_header = True
    for line in text.splitlines():
        if in_header and line.startswith("//"):
            header.append(line[3:] if line.startswith("// ") else line[2:])
        elif in_header and not line.strip() and not header:
            continue
        else:
            in_header = False
            body.append(line)
    try:
        meta = yaml.safe_load("\n".join(header)) or {}
    except yaml.YAMLError as error:
        raise InputError(f"{path}: the header is not valid YAML: {error}") from None
    problems = [f"missing {key}" for key in ("name", "description") if key not in meta]
    description = meta.get("description") or {}
    problems += [f"description has no {lang}" for lang in ("en", "cs")
                 if isinstance(description, Mapping) and not description.get(lang)]
    parameters: dict[str, Parameter] = {}
    for name, spec in (meta.get("parameters") or {}).items():
        spec = spec or {}
        kind = spec.get("type", "string")
        if kind not in _TYPES:
            problems.append(f'parameter "{name}" has type "{kind}"; use one of {_TYPES}')
        if "example" not in spec:
            problems.append(f'parameter "{name}" has no example')
        parameters[name] = Parameter(
            name=name, type=kind, example=spec.get("example"),
            description={lang: spec.get(lang, "") for lang in ("en", "cs")},
            default=spec.get("default"), required=bool(spec.get("required", True)))
    statements = tuple(s.strip() for s in "\n".join(body).split("\n;\n") if s.strip()
                       and s.strip() != ";")
    statements = tuple(s[:-1].rstrip() if s.endswith(";") else s for s in statements)
    if not statements:
        problems.append("no Cypher statement after the header")
    if problems:
        raise InputError(f"{path or 'query'}: " + "; ".join(problems))
    requires = meta.get("requires") or ()
    return Query(name=str(meta["name"]), description=dict(description), parameters=parameters,
                 statements=statements,
                 requires=tuple([requires] if isinstance(requires, str) else requires),
                 path=path)


@lru_cache(maxsize=1)
def load_queries() -> dict[str, Query]:
    """Every query of the library by name, in file-name order."""
    folder = cypher_dir()
    queries: dict[str, Query] = {}
    for path in sorted(folder.glob("*.cypher")):
        query = parse_query(path.read_text("utf-8"), path.name)
        if query.name in queries:
            raise InputError(f"{path.name}: query name {query.name} is used twice")
        queries[query.name] = query
    return queries


def query_by_name(name: str) -> Query:
    """The query called ``name`` (InputError listing the names when there is none)."""
    queries = load_queries()
    if name not in queries:
        raise InputError(f'no query named "{name}"; `graphnet neo4j queries` lists them: '
                         + ", ".join(queries))
    return queries[name]


def run_query(settings: ConnectionSettings, name: str,
              params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run the library query ``name`` with ``params`` (text values are typed by the
    query's header) and return its rows."""
    query = query_by_name(name)
    values = query.coerce(params or {})
    columns: Sequence[str] = ()
    rows: list[tuple[Any, ...]] = []
    with open_session(settings) as session:
        for statement in query.statements:
            result = session.run(statement, values)
            records = list(result)
            columns = result.keys()
            rows = [tuple(to_plain(record[c]) for c in columns) for record in records]
    return QueryResult(query=name, columns=tuple(columns), rows=tuple(rows))
