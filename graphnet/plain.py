"""Values as plain JSON data: the one converter every JSON writer and the Neo4j code use.

:func:`to_plain` turns what the measures, the analysis and the Neo4j driver hand
over into ``None``, ``bool``, ``int``, ``float``, ``str``, lists and dicts with
text keys:

- numpy scalars become Python ones, numpy arrays and pandas Series lists;
- NaN, infinity, ``pandas.NA`` and ``NaT`` become ``None``;
- tuples become lists, sets and frozensets sorted lists (by value, by text when the
  values do not compare);
- dates, datetimes and times become ISO 8601 text;
- mappings become dicts with text keys, dataclass instances dicts of their fields,
  data frames lists of records (one dict per row);
- Neo4j driver values: temporal types as their Python value (then as above), nodes
  and relationships as the dict of their properties;
- anything else becomes its text (``str``).

:func:`plain_column` and :func:`plain_records` convert pandas columns as a whole:
the analysis of a national network holds hundreds of thousands of values.

>>> import datetime as dt
>>> to_plain({"a": (1, float("nan")), 2: {"y", "x"}, "on": dt.date(2025, 3, 1)})
{'a': [1, None], '2': ['x', 'y'], 'on': '2025-03-01'}
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import sys
from collections.abc import Mapping
from itertools import chain
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["to_plain", "plain_values", "plain_column", "plain_records", "plain_rows"]


def to_plain(value: Any) -> Any:
    """``value`` as plain JSON data (see the module doc).

    >>> import numpy as np
    >>> to_plain([np.int64(3), np.float64("inf"), np.bool_(True), frozenset({2, 10})])
    [3, None, True, [2, 10]]
    """
    # Exact-type fast paths first: the analysis of a national network calls this for
    # hundreds of thousands of values, nearly all of them str, int, float or lists.
    kind = type(value)
    if kind is str or kind is int or value is None:
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if kind is list or kind is tuple:
        return plain_values(list(value))  # a copy: never the caller's own list
    return _plain_other(value)


def _plain_other(value: Any) -> Any:
    if isinstance(value, (bool, str)):
        return value
    # numpy and pandas are not imported here (the Neo4j commands need neither): a value
    # can only be one of theirs when the caller has loaded them.
    np = sys.modules.get("numpy")
    pandas = sys.modules.get("pandas")
    if np is not None and isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if pandas is not None and (value is pandas.NA or value is pandas.NaT):
        return None
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        items = [to_plain(v) for v in value]
        try:
            return sorted(items)
        except TypeError:  # values of kinds that do not compare (1 and "a")
            return sorted(items, key=str)
    if pandas is not None and isinstance(value, pandas.DataFrame):
        return plain_records(value)
    if pandas is not None and isinstance(value, pandas.Series):
        return plain_column(value)
    if np is not None and isinstance(value, np.ndarray):
        return [to_plain(v) for v in value.tolist()]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "to_native"):  # a Neo4j temporal or spatial value
        return to_plain(value.to_native())
    if hasattr(value, "element_id") and hasattr(value, "items"):  # a Neo4j node or link
        return {str(k): to_plain(v) for k, v in value.items()}
    return str(value)


def plain_values(items: list[Any]) -> list[Any]:
    """``[to_plain(v) for v in items]``, with the common lists checked once as a whole:
    text without gaps, and lists of text (an actor's needs, levels).

    >>> plain_values([("a", "b"), ["c"]])
    [['a', 'b'], ['c']]
    """
    kinds = set(map(type, items))  # map/chain: the checks run in C
    if kinds <= {str}:
        return items
    if kinds <= {tuple, list} and set(map(type, chain.from_iterable(items))) <= {str}:
        return [list(v) for v in items]
    return [to_plain(v) for v in items]


def plain_column(values: pd.Series) -> list[Any]:
    """A pandas column as plain values, converted once per column.

    >>> import pandas as pd
    >>> plain_column(pd.Series([1.5, float("nan")]))
    [1.5, None]
    """
    if values.dtype.kind in "biu":
        return values.tolist()
    if values.dtype.kind == "f":
        return [None if not math.isfinite(v) else v for v in values.tolist()]
    return plain_values(values.tolist())


def plain_rows(columns: list[str], converted: list[list[Any]],
               n_rows: int) -> list[dict[str, Any]]:
    """Records from columns already converted (``converted[k]`` holds ``columns[k]``);
    ``n_rows`` empty records when there are no columns.

    >>> plain_rows(["a", "b"], [[1, 2], ["x", "y"]], 2)
    [{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}]
    """
    return [dict(zip(columns, row, strict=True)) for row in zip(*converted, strict=True)] \
        if columns else [{} for _ in range(n_rows)]


def plain_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A data frame as one plain dict per row (column names as text, the index left out).

    >>> import pandas as pd
    >>> plain_records(pd.DataFrame({"n": [1, 2], "x": [0.5, None]}))
    [{'n': 1, 'x': 0.5}, {'n': 2, 'x': None}]
    """
    columns = [str(c) for c in frame.columns]
    converted = [plain_column(frame.iloc[:, k]) for k in range(len(columns))]
    return plain_rows(columns, converted, len(frame))
