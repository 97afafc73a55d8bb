"""graphnet.plain: the one converter to plain JSON values."""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from graphnet.plain import plain_records, to_plain

# Values of the kinds the measures and the analysis produce, nested.
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**53), 2**53), st.floats(), st.text(max_size=5),
    st.integers(-1000, 1000).map(np.int64), st.floats(width=32).map(np.float32),
    st.booleans().map(np.bool_), st.dates(),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(st.one_of(st.text(max_size=3), st.integers()), inner, max_size=4),
        st.frozensets(st.text(max_size=3), max_size=4),
    ),
    max_leaves=12,
)


@given(_values)
def test_whatever_it_gets_the_standard_library_writes_as_strict_json(value: object) -> None:
    plain = to_plain(value)
    text = json.dumps(plain, allow_nan=False)
    assert json.loads(text) == plain  # nothing but JSON's own kinds, no NaN left
    assert to_plain(plain) == plain  # plain data stays as it is


def test_numpy_and_pandas_values_become_python_ones() -> None:
    plain = to_plain({"n": np.int64(3), "x": np.float64(0.25), "flag": np.bool_(False),
                      "gap": np.float64("nan"), "na": pd.NA, "nat": pd.NaT,
                      "array": np.array([1, 2]), "column": pd.Series([1.5, math.inf])})
    assert plain == {"n": 3, "x": 0.25, "flag": False, "gap": None, "na": None, "nat": None,
                     "array": [1, 2], "column": [1.5, None]}
    assert [type(plain[k]) for k in ("n", "x", "flag")] == [int, float, bool]


def test_sets_are_sorted_dates_iso_and_keys_text() -> None:
    assert to_plain({1: {"b", "a"}, "mixed": {1, "a"}}) == {"1": ["a", "b"],
                                                            "mixed": [1, "a"]}
    assert to_plain([dt.date(2025, 3, 1), dt.datetime(2025, 3, 1, 8, 30)]) == \
        ["2025-03-01", "2025-03-01T08:30:00"]


def test_a_dataclass_becomes_the_dict_of_its_fields() -> None:
    @dataclass
    class Pair:
        a: tuple[str, ...]
        b: float

    assert to_plain(Pair(("x",), float("nan"))) == {"a": ["x"], "b": None}


def test_the_callers_list_is_never_handed_back() -> None:
    names = ["a", "b"]
    assert to_plain(names) == names and to_plain(names) is not names


def test_a_frame_becomes_one_record_per_row() -> None:
    frame = pd.DataFrame({"id": ["a", "b"], "degree": [2, 0], "share": [0.5, np.nan],
                          "needs": [("x",), ()]})
    assert plain_records(frame) == [
        {"id": "a", "degree": 2, "share": 0.5, "needs": ["x"]},
        {"id": "b", "degree": 0, "share": None, "needs": []},
    ]
    assert to_plain(frame) == plain_records(frame)
