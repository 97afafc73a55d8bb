"""The optimal model: which sectors are expected to cooperate and who should cover
each need at each support level.

The networkers' analyses compare the real network with an *optimal model* of it.
graphnet ships one (``graphnet/data/optimal_model.yaml``, readable and commented);
a project passes its own with ``--model FILE``. A model file is validated like
data: every problem at once, each naming the file, the line, the key and the
closest allowed value.

- ``expected_pairs``: sector pairs expected to cooperate, each with ``at_least``
  (linked actor pairs below which the pair is a gap, default 1) and an optional
  ``min_density`` (share of possible actor pairs). ``"*"`` stands for every
  other sector; a pair named explicitly replaces what a ``"*"`` entry says.
- ``expected_coverage``: for each need, the sectors expected to cover it at each
  support level.
- ``child_protection_sector`` and ``reach``: providers are expected to reach a
  child-protection actor in at most ``reach`` steps.

>>> model = default_model()
>>> model.expects("education", "social_services").min_density
0.1
>>> model.expects("police", "child_protection").at_least
1
>>> model.expects("police", "justice") is None
True
>>> model.expected_sectors("health", "universal")
('health',)
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from graphnet.errors import InputError, Problem, ValidationError
from graphnet.i18n import t
from graphnet.vocab import LEVELS, NEEDS, SECTORS, Vocabulary

__all__ = ["with_expectations",
    "MODEL_SCHEMA",
    "WILDCARD",
    "ExpectedPair",
    "ExpectedCoverage",
    "OptimalModel",
    "default_model",
    "load_model",
    "parse_model",
]

MODEL_SCHEMA = "graphnet.optimal_model/1"
WILDCARD = "*"
DEFAULT_FILE = "optimal_model.yaml"

_TOP_KEYS = ("schema", "name", "child_protection_sector", "reach", "expected_pairs",
             "expected_coverage")
_PAIR_KEYS = ("between", "at_least", "min_density", "why")
_COVERAGE_KEYS = ("need", *LEVELS.codes)


@dataclass(frozen=True)
class ExpectedPair:
    """Two sectors expected to cooperate (codes in sorted order)."""

    sector_a: str
    sector_b: str
    at_least: int = 1
    min_density: float | None = None
    why: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"sector_a": self.sector_a, "sector_b": self.sector_b,
                "at_least": self.at_least, "min_density": self.min_density,
                "why": dict(sorted(self.why.items()))}


@dataclass(frozen=True)
class ExpectedCoverage:
    """The sectors expected to cover ``need`` at support ``level``."""

    need: str
    level: str
    sectors: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"need": self.need, "level": self.level, "sectors": list(self.sectors)}


@dataclass(frozen=True)
class OptimalModel:
    """The optimal model held against a real network.

    ``pairs`` are the explicit expected pairs; ``wildcards`` the sectors expected
    to cooperate with every other sector (with the settings of their ``"*"`` entry).
    """

    name: Mapping[str, str]
    pairs: tuple[ExpectedPair, ...]
    wildcards: tuple[ExpectedPair, ...] = ()
    coverage: tuple[ExpectedCoverage, ...] = ()
    child_protection_sector: str = "child_protection"
    reach: int = 2
    source: str | None = None

    def expects(self, sector_a: str, sector_b: str) -> ExpectedPair | None:
        """The expectation for this sector pair (either order), or None.

        An explicit pair wins over a wildcard; a sector is never "expected" to
        cooperate with itself.
        """
        if sector_a == sector_b:
            return None
        a, b = sorted((sector_a, sector_b))
        for pair in self.pairs:
            if (pair.sector_a, pair.sector_b) == (a, b):
                return pair
        for wildcard in self.wildcards:
            if wildcard.sector_a in (a, b):
                return ExpectedPair(a, b, wildcard.at_least, wildcard.min_density, wildcard.why)
        return None

    def expected_pairs(self, sectors: Iterable[str]) -> list[ExpectedPair]:
        """Every expectation among ``sectors`` (wildcards expanded), sorted by codes."""
        codes = sorted(set(sectors))
        found = []
        for i, a in enumerate(codes):
            for b in codes[i + 1:]:
                pair = self.expects(a, b)
                if pair is not None:
                    found.append(pair)
        return found

    def expected_sectors(self, need: str, level: str) -> tuple[str, ...]:
        """The sectors expected to cover ``need`` at ``level`` (empty when none)."""
        for entry in self.coverage:
            if entry.need == need and entry.level == level:
                return entry.sectors
        return ()

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data (as it is written into an analysis)."""
        return {
            "schema": MODEL_SCHEMA,
            "name": dict(sorted(self.name.items())),
            "source": self.source,
            "child_protection_sector": self.child_protection_sector,
            "reach": self.reach,
            "expected_pairs": [p.to_dict() for p in self.pairs],
            "wildcards": [{"sector": w.sector_a, "at_least": w.at_least,
                           "min_density": w.min_density, "why": dict(sorted(w.why.items()))}
                          for w in self.wildcards],
            "expected_coverage": [c.to_dict() for c in self.coverage],
        }


# --- reading with line numbers ------------------------------------------------------

class _Located:
    """YAML values with the line each came from (1-based, as an editor shows it)."""

    def __init__(self, value: Any, line: int):
        self.value = value
        self.line = line


def _locate(node: yaml.Node, loader: yaml.SafeLoader) -> _Located:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return _Located({str(k.value): (_locate(v, loader), k.start_mark.line + 1)
                         for k, v in node.value}, line)
    if isinstance(node, yaml.SequenceNode):
        return _Located([_locate(item, loader) for item in node.value], line)
    return _Located(loader.construct_object(node, deep=True), line)


class _Checker:
    def __init__(self, file: str, sectors: Vocabulary, lang: str = "en"):
        self.file = file
        self.sectors = sectors
        self.lang = lang
        self.problems: list[Problem] = []

    def problem(self, line: int | None, key: str | None, value: Any, message: str,
                suggestion: str | None = None, severity: str = "error") -> None:
        shown = None if value is None else str(value)
        self.problems.append(Problem(self.file, line, key, shown, message, suggestion, severity))

    def unknown_keys(self, mapping: Mapping[str, Any], allowed: Iterable[str], where: str) -> None:
        allowed = list(allowed)
        for key, (_, line) in mapping.items():
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
                self.problem(line, f"{where}{key}", key,
                             t("model.unknown_key", self.lang, allowed=", ".join(allowed)),
                             close[0] if close else None)

    def sector(self, item: _Located, key: str, wildcard: bool = False) -> str | None:
        raw = item.value
        if wildcard and raw == WILDCARD:
            return WILDCARD
        code = self.sectors.lookup(raw) if isinstance(raw, str) else None
        if code is None:
            suggestion = self.sectors.suggest(raw) if raw is not None else None
            self.problem(item.line, key, raw, t("model.unknown_sector", self.lang),
                         self.sectors.label(suggestion, self.lang) if suggestion else None)
        return code

    def vocabulary(self, vocab: Vocabulary, item: _Located, key: str, what: str) -> str | None:
        code = vocab.lookup(item.value) if isinstance(item.value, str) else None
        if code is None:
            suggestion = vocab.suggest(item.value) if item.value is not None else None
            self.problem(item.line, key, item.value, t(f"model.unknown_{what}", self.lang),
                         suggestion)
        return code

    def texts(self, item: _Located | None, key: str) -> dict[str, str]:
        if item is None:
            return {}
        if isinstance(item.value, str):
            return {"cs": item.value, "en": item.value}
        if not isinstance(item.value, dict):
            self.problem(item.line, key, item.value, t("model.not_text", self.lang))
            return {}
        self.unknown_keys(item.value, ("cs", "en"), f"{key}.")
        return {lang: str(v.value) for lang, (v, _) in item.value.items() if lang in ("cs", "en")}


def _get(mapping: Mapping[str, Any], key: str) -> _Located | None:
    entry = mapping.get(key)
    return entry[0] if entry else None


def parse_model(text: str, *, file: str = "model.yaml",
                sectors: Vocabulary = SECTORS, lang: str = "en") -> OptimalModel:
    """Build and validate a model from YAML ``text``; raise
    :class:`~graphnet.errors.ValidationError` with every problem found, worded in
    ``lang`` ("cs" or "en").

    >>> parse_model("expected_pairs:\\n  - between: [skolstvi, policie]\\n").pairs[0].sector_b
    'police'
    >>> try:
    ...     parse_model("expected_pairs:\\n  - between: [education, polise]\\n", file="m.yaml")
    ... except ValidationError as error:
    ...     print(error.problems[0].line())  # doctest: +NORMALIZE_WHITESPACE
    m.yaml, row 2, column "expected_pairs[1].between": unknown sector: "polise"
    (did you mean "police"?)
    """
    check = _Checker(file, sectors, lang)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        check.problem(mark.line + 1 if mark else None, None, None,
                      t("model.not_yaml", lang, reason=getattr(error, "problem", error)))
        raise ValidationError(check.problems) from None
    if node is None:
        check.problem(None, None, None, t("model.empty", lang))
        raise ValidationError(check.problems)
    root = _locate(node, yaml.SafeLoader(""))
    if not isinstance(root.value, dict):
        check.problem(root.line, None, None, t("model.not_mapping", lang))
        raise ValidationError(check.problems)
    top = root.value
    check.unknown_keys(top, _TOP_KEYS, "")

    schema = _get(top, "schema")
    if schema is not None and schema.value != MODEL_SCHEMA:
        check.problem(schema.line, "schema", schema.value, t("model.unknown_schema", lang),
                      MODEL_SCHEMA)

    name = check.texts(_get(top, "name"), "name") or {"cs": file, "en": file}

    cp_item = _get(top, "child_protection_sector")
    child_protection = "child_protection"
    if cp_item is not None:
        child_protection = check.sector(cp_item, "child_protection_sector") or child_protection

    reach = 2
    reach_item = _get(top, "reach")
    if reach_item is not None:
        if isinstance(reach_item.value, bool) or not isinstance(reach_item.value, int) \
                or reach_item.value < 1:
            check.problem(reach_item.line, "reach", reach_item.value,
                          t("model.bad_reach", lang), "2")
        else:
            reach = reach_item.value

    pairs, wildcards = _parse_pairs(check, _get(top, "expected_pairs"))
    coverage = _parse_coverage(check, _get(top, "expected_coverage"))

    if check.problems and any(p.severity == "error" for p in check.problems):
        raise ValidationError(check.problems)
    return OptimalModel(name=name, pairs=tuple(pairs), wildcards=tuple(wildcards),
                        coverage=tuple(coverage), child_protection_sector=child_protection,
                        reach=reach, source=file)


def _parse_pairs(check: _Checker, item: _Located | None
                 ) -> tuple[list[ExpectedPair], list[ExpectedPair]]:
    pairs: dict[tuple[str, str], ExpectedPair] = {}
    wildcards: dict[str, ExpectedPair] = {}
    if item is None:
        return [], []
    if not isinstance(item.value, list):
        check.problem(item.line, "expected_pairs", None, t("model.pairs_not_list", check.lang))
        return [], []
    for number, entry in enumerate(item.value, start=1):
        where = f"expected_pairs[{number}]"
        if not isinstance(entry.value, dict):
            check.problem(entry.line, where, None, t("model.pair_not_mapping", check.lang))
            continue
        check.unknown_keys(entry.value, _PAIR_KEYS, f"{where}.")
        between = _get(entry.value, "between")
        if between is None or not isinstance(between.value, list) or len(between.value) != 2:
            check.problem(between.line if between else entry.line, f"{where}.between",
                          None, t("model.pair_not_two", check.lang))
            continue
        codes = [check.sector(end, f"{where}.between", wildcard=True) for end in between.value]
        at_least = 1
        at_item = _get(entry.value, "at_least")
        if at_item is not None:
            if isinstance(at_item.value, bool) or not isinstance(at_item.value, int) \
                    or at_item.value < 0:
                check.problem(at_item.line, f"{where}.at_least", at_item.value,
                              t("model.bad_at_least", check.lang), "1")
            else:
                at_least = at_item.value
        min_density = None
        density_item = _get(entry.value, "min_density")
        if density_item is not None:
            value = density_item.value
            if isinstance(value, bool) or not isinstance(value, (int, float)) \
                    or not 0 <= value <= 1:
                check.problem(density_item.line, f"{where}.min_density", value,
                              t("model.bad_min_density", check.lang), "0.2")
            else:
                min_density = float(value)
        why = check.texts(_get(entry.value, "why"), f"{where}.why")
        if None in codes:
            continue
        a, b = codes[0], codes[1]
        assert a is not None and b is not None
        if a == b:
            check.problem(between.line, f"{where}.between", a,
                          t("model.same_sector", check.lang))
            continue
        if WILDCARD in (a, b):
            sector = b if a == WILDCARD else a
            if sector == WILDCARD:
                check.problem(between.line, f"{where}.between", WILDCARD,
                              t("model.two_wildcards", check.lang))
                continue
            wildcards[sector] = ExpectedPair(sector, WILDCARD, at_least, min_density, why)
            continue
        key = (min(a, b), max(a, b))
        if key in pairs:
            check.problem(between.line, f"{where}.between", f"{a}, {b}",
                          t("model.pair_twice", check.lang),
                          severity="warning")
        pairs[key] = ExpectedPair(key[0], key[1], at_least, min_density, why)
    return [pairs[k] for k in sorted(pairs)], [wildcards[k] for k in sorted(wildcards)]


def _parse_coverage(check: _Checker, item: _Located | None) -> list[ExpectedCoverage]:
    if item is None:
        return []
    if not isinstance(item.value, list):
        check.problem(item.line, "expected_coverage", None,
                      t("model.coverage_not_list", check.lang))
        return []
    found: dict[tuple[str, str], ExpectedCoverage] = {}
    for number, entry in enumerate(item.value, start=1):
        where = f"expected_coverage[{number}]"
        if not isinstance(entry.value, dict):
            check.problem(entry.line, where, None, t("model.coverage_not_mapping", check.lang))
            continue
        check.unknown_keys(entry.value, _COVERAGE_KEYS, f"{where}.")
        need_item = _get(entry.value, "need")
        if need_item is None:
            check.problem(entry.line, f"{where}.need", None, t("model.missing_need", check.lang),
                          NEEDS.codes[0])
            continue
        need = check.vocabulary(NEEDS, need_item, f"{where}.need", "need")
        for level in LEVELS.codes:
            level_item = _get(entry.value, level)
            if level_item is None:
                continue
            values = level_item.value if isinstance(level_item.value, list) else [level_item]
            codes = []
            for value in values:
                code = check.sector(value, f"{where}.{level}")
                if code is not None and code not in codes:
                    codes.append(code)
            if need is not None:
                found[(need, level)] = ExpectedCoverage(need, level, tuple(codes))
    order = {(n, lv): (i, j) for i, n in enumerate(NEEDS.codes)
             for j, lv in enumerate(LEVELS.codes)}
    return [found[k] for k in sorted(found, key=lambda k: order[k])]


def load_model(path: str | os.PathLike[str] | None = None, *,
               sectors: Vocabulary = SECTORS, lang: str = "en") -> OptimalModel:
    """Read and validate a model file (the shipped default when ``path`` is None);
    problems are worded in ``lang`` ("cs" or "en").

    >>> load_model().child_protection_sector
    'child_protection'
    """
    if path is None:
        text = resources.files("graphnet").joinpath(f"data/{DEFAULT_FILE}").read_text("utf-8")
        return parse_model(text, file=DEFAULT_FILE, sectors=sectors)
    file = Path(path)
    if not file.is_file():
        raise InputError(t("model.no_such_file", lang, file=str(file)))
    try:
        text = file.read_text("utf-8-sig")
    except UnicodeDecodeError:
        text = file.read_text("cp1250")
    return parse_model(text, file=file.name, sectors=sectors, lang=lang)


def default_model() -> OptimalModel:
    """The optimal model shipped with graphnet (``graphnet/data/optimal_model.yaml``)."""
    return _default()


_CACHE: dict[str, OptimalModel] = {}


def _default() -> OptimalModel:
    if "default" not in _CACHE:
        _CACHE["default"] = load_model()
    return _CACHE["default"]


def with_expectations(sector_pairs: pd.DataFrame, model: OptimalModel) -> pd.DataFrame:
    """The sector mixing table with the model's expectation for each pair added:
    ``expected`` (bool), ``at_least`` and ``min_density`` (None when not expected)."""
    table = sector_pairs.copy()
    found = [model.expects(a, b)
             for a, b in zip(table["sector_a"], table["sector_b"], strict=True)]
    table["expected"] = [pair is not None for pair in found]
    table["at_least"] = [pair.at_least if pair else None for pair in found]
    table["min_density"] = [pair.min_density if pair else None for pair in found]
    return table
