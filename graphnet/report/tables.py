"""The tables behind the report, as DataFrames with headers and labels in one language.

The same six tables become the CSV files and the sheets of ``report.xlsx``:
actors, sector pairs, findings, suggestions, needs coverage and ties. Codes become
labels (sector, need, level, kind of finding), actor ids stay beside the names so a
row can be traced back to the input. Numbers stay numbers; the writers format
them.

>>> from graphnet.report.tables import TABLES
>>> [name for name, _ in TABLES]
['actors', 'sector_pairs', 'findings', 'suggestions', 'coverage', 'ties']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from graphnet.analysis import Analysis
from graphnet.i18n import t
from graphnet.model import PERSONAL_FIELDS
from graphnet.report.basis import STATUS_KEYS
from graphnet.vocab import LEVELS, LINK_KINDS, NEEDS

__all__ = ["TABLES", "actors_table", "sector_pairs_table", "findings_table",
           "suggestions_table", "coverage_table", "ties_table", "build_tables", "SHEET_KEYS",
           "label", "headers", "yes_no", "significant"]

# Header of each known column (keys spelled out for the catalogue test). A column the
# analysis adds later keeps its own name.
COLUMN_KEYS = {
    "id": "report.col_id",
    "name": "report.col_name",
    "sector": "report.col_sector",
    "degree": "report.col_degree",
    "in_degree": "report.col_in_degree",
    "out_degree": "report.col_out_degree",
    "strength": "report.col_strength",
    "betweenness": "report.col_betweenness",
    "closeness": "report.col_closeness",
    "eigenvector": "report.col_eigenvector",
    "pagerank": "report.col_pagerank",
    "constraint": "report.col_constraint",
    "effective_size": "report.col_effective_size",
    "core_number": "report.col_core_number",
    "community": "report.col_community",
    "brokerage_coordinator": "report.col_brokerage_coordinator",
    "brokerage_itinerant": "report.col_brokerage_itinerant",
    "brokerage_representative": "report.col_brokerage_representative",
    "brokerage_gatekeeper": "report.col_brokerage_gatekeeper",
    "brokerage_liaison": "report.col_brokerage_liaison",
    "brokerage_total": "report.col_brokerage_total",
    "is_isolated": "report.col_is_isolated",
    "is_peripheral": "report.col_is_peripheral",
    "is_sector_closed": "report.col_is_sector_closed",
    "is_cut_point": "report.col_is_cut_point",
    "orp": "report.col_orp",
    "orp_betweenness": "report.col_orp_betweenness",
    "orp_closeness": "report.col_orp_closeness",
    "at_least": "report.col_at_least",
    "min_density": "report.col_min_density",
    "contact": "report.col_contact",
    "sector_a": "report.col_sector_a",
    "sector_b": "report.col_sector_b",
    "linked_pairs": "report.col_linked_pairs",
    "possible_pairs": "report.col_possible_pairs",
    "density": "report.col_density",
    "expected": "report.col_expected",
    "kind": "report.col_kind",
    "severity": "report.col_severity",
    "actors": "report.col_actors",
    "sectors": "report.col_sectors",
    "text": "report.col_text",
    "rank": "report.col_rank",
    "source": "report.col_source",
    "source_name": "report.col_source_name",
    "target": "report.col_target",
    "target_name": "report.col_target_name",
    "score": "report.col_score",
    "reason": "report.col_reason",
    "need": "report.col_need",
    "level": "report.col_level",
    "n_providers": "report.col_n_providers",
    "providers": "report.col_providers",
    "expected_sectors": "report.col_expected_sectors",
    "gap": "report.col_gap",
    "far_from_child_protection": "report.col_far",
    "degree_working": "report.col_degree_working",
    "degree_platform": "report.col_degree_platform",
    "answered": "report.col_answered",
    "is_unknown": "report.col_is_unknown",
    "link_kind": "report.col_link_kind",
    "layer": "report.col_layer",
    "source_reports": "report.col_source_reports",
    "target_reports": "report.col_target_reports",
    "networker_record": "report.col_networker_record",
    "weight": "report.col_weight",
    "status": "report.col_status",
    "combine": "report.col_combine",
}

KIND_KEYS = {
    "isolated": "report.kind_isolated",
    "peripheral": "report.kind_peripheral",
    "sector_closed": "report.kind_sector_closed",
    "missing_sector_link": "report.kind_missing_sector_link",
    "cut_point": "report.kind_cut_point",
    "bridge": "report.kind_bridge",
    "broker": "report.kind_broker",
    "key_players": "report.kind_key_players",
    "one_sided": "report.kind_one_sided",
    "unknown": "report.kind_unknown",
    "platform_without_work": "report.kind_platform_without_work",
    "stopped_attending": "report.kind_stopped_attending",
    "coverage_gap": "report.kind_coverage_gap",
    "provider_far_from_child_protection": "report.kind_provider_far_from_child_protection",
}

SEVERITY_KEYS = {"high": "report.severity_high", "medium": "report.severity_medium",
                 "low": "report.severity_low"}

SHEET_KEYS = {
    "actors": "report.sheet_actors",
    "sector_pairs": "report.sheet_sector_pairs",
    "findings": "report.sheet_findings",
    "suggestions": "report.sheet_suggestions",
    "coverage": "report.sheet_coverage",
    "ties": "report.sheet_ties",
}

_LIST_SEPARATOR = "; "


def label(mapping: Mapping[str, str], code: str, lang: str) -> str:
    """The catalogue text of ``code`` (its key looked up in ``mapping``), the code itself
    when ``mapping`` does not name it.

    >>> label(SEVERITY_KEYS, "high", "cs"), label(SEVERITY_KEYS, "odd", "cs")
    ('vysoká', 'odd')
    """
    key = mapping.get(code)
    return t(key, lang) if key else code


#: Significant digits kept in the spreadsheets (report.json keeps full precision): six
#: are more than a reader needs, and shorter numbers make the files smaller and faster.
SIGNIFICANT = 6


def significant(values: pd.Series, digits: int = SIGNIFICANT) -> pd.Series:
    """``values`` rounded to ``digits`` significant digits (vectorised).

    >>> significant(pd.Series([0.0020760123456, 123456789.0, 1.5e-9, 0.0])).tolist()
    [0.00207601, 123457000.0, 1.5e-09, 0.0]
    """
    x = values.to_numpy(dtype=float, copy=True)
    scalable = np.isfinite(x) & (x != 0)
    magnitude = np.floor(np.log10(np.abs(x[scalable])))
    scale = 10.0 ** np.clip(digits - 1 - magnitude, -300, 300)
    x[scalable] = np.round(x[scalable] * scale) / scale
    return pd.Series(x, index=values.index, name=values.name)


def headers(frame: pd.DataFrame, lang: str,
            keys: Mapping[str, str] = COLUMN_KEYS) -> pd.DataFrame:
    """``frame`` as the spreadsheets show it: floats to :data:`SIGNIFICANT` digits,
    columns named by the catalogue (``keys``: column → catalogue key; others kept).

    >>> headers(pd.DataFrame({"id": ["a"], "density": [1 / 3]}), "cs").to_dict("records")
    [{'ID': 'a', 'Hustota': 0.333333}]
    """
    floats = frame.select_dtypes(include="float").columns
    if len(floats):
        frame = frame.assign(**{c: significant(frame[c]) for c in floats})
    return frame.rename(columns={c: label(keys, c, lang) for c in frame.columns})


def yes_no(lang: str) -> Callable[[Any], Any]:
    """A function turning a flag into the word "ano"/"ne" ("yes"/"no"); missing stays None.

    >>> [yes_no("cs")(v) for v in (True, False, None)]
    ['ano', 'ne', None]
    """
    yes, no = t("report.word_yes", lang), t("report.word_no", lang)

    def word(value: Any) -> Any:
        if value is None or (isinstance(value, float) and pd.isna(value)):
            return None
        return yes if bool(value) else no

    return word


def _name_index(analysis: Analysis) -> dict[str, str]:
    """Actor id → name, looked up once per table (findings and coverage name
    100,000 actors on a national network)."""
    return {actor.id: actor.name for actor in analysis.network.actors}


def _names(names: dict[str, str], ids: Iterable[str]) -> str:
    return _LIST_SEPARATOR.join([names[i] if i in names else str(i) for i in ids])


def actors_table(analysis: Analysis, lang: str, include_personal: bool = False) -> pd.DataFrame:
    """One row per actor: the analysis's columns, sector as a label, flags as yes/no."""
    frame = analysis.actors.reset_index(drop=True).copy()
    sectors = analysis.network.sectors
    if "sector" in frame.columns:
        frame["sector"] = frame["sector"].map(lambda c: sectors.label(c, lang))
    word = yes_no(lang)
    for column in [c for c in frame.columns if c.startswith("is_") or c == "answered"]:
        frame[column] = frame[column].map(word)
    for column in PERSONAL_FIELDS:
        if column in frame.columns and not include_personal:
            frame = frame.drop(columns=[column])
    if include_personal:
        network = analysis.network
        for column in PERSONAL_FIELDS:
            if column not in frame.columns:
                frame[column] = [getattr(network.actor(i), column, None)
                                 if network.has_actor(i) else None for i in frame["id"]]
    return headers(frame, lang)


def sector_pairs_table(analysis: Analysis, lang: str) -> pd.DataFrame:
    """One row per sector pair: linked and possible actor pairs, density, expected."""
    frame = analysis.sector_pairs.reset_index(drop=True).copy()
    sectors = analysis.network.sectors
    for column in ("sector_a", "sector_b"):
        frame[column] = frame[column].map(lambda c: sectors.label(c, lang))
    if "expected" in frame.columns:
        frame["expected"] = frame["expected"].map(yes_no(lang))
    return headers(frame, lang)


def findings_table(analysis: Analysis, lang: str) -> pd.DataFrame:
    """One row per finding, most important first, with its sentence."""
    sectors = analysis.network.sectors
    names = _name_index(analysis)
    rows = [{
        "kind": label(KIND_KEYS, f.kind, lang),
        "severity": label(SEVERITY_KEYS, f.severity, lang),
        "text": f.text.get(lang, ""),
        "actors": _names(names, f.actors),
        "sectors": _LIST_SEPARATOR.join(sectors.label(s, lang) for s in f.sectors),
        "id": _LIST_SEPARATOR.join(f.actors),
    } for f in analysis.findings]
    columns = ["kind", "severity", "text", "actors", "sectors", "id"]
    return headers(pd.DataFrame(rows, columns=columns), lang)


def suggestions_table(analysis: Analysis, lang: str) -> pd.DataFrame:
    """One row per suggested link, best first, with the reason in words."""
    network = analysis.network

    def name(i: str) -> str:
        return network.actor(i).name if network.has_actor(i) else str(i)

    rows = [{"rank": n + 1, "source": s.source, "source_name": name(s.source),
             "target": s.target, "target_name": name(s.target), "score": float(s.score),
             "reason": s.reasons.get(lang, "")} for n, s in enumerate(analysis.suggestions)]
    columns = ["rank", "source", "source_name", "target", "target_name", "score", "reason"]
    return headers(pd.DataFrame(rows, columns=columns), lang)


def coverage_table(analysis: Analysis, lang: str) -> pd.DataFrame:
    """One row per need × support level: providers by name, expected sectors, gap."""
    sectors = analysis.network.sectors
    word = yes_no(lang)
    names = _name_index(analysis)
    rows = []
    for record in analysis.coverage.to_dict("records"):
        rows.append({
            "need": NEEDS.label(record["need"], lang),
            "level": LEVELS.label(record["level"], lang),
            "n_providers": int(record.get("n_providers") or 0),
            "providers": _names(names, record.get("providers") or ()),
            "expected_sectors": _LIST_SEPARATOR.join(
                sectors.label(s, lang) for s in (record.get("expected_sectors") or ())),
            "gap": word(record.get("gap")),
            "far_from_child_protection": _names(
                names, record.get("far_from_child_protection") or ()),
        })
    columns = ["need", "level", "n_providers", "providers", "expected_sectors", "gap",
               "far_from_child_protection"]
    return headers(pd.DataFrame(rows, columns=columns), lang)


_LAYER_KEYS = {"working": "report.layer_label_working", "platform": "report.layer_label_platform"}


def ties_table(analysis: Analysis, lang: str) -> pd.DataFrame:
    """One row per tie of both layers (the tie list): its ends by id and name, kind,
    layer, what each end reported (empty when it reported nothing), the networker's
    own record, the combined weight, the status, and the combine rule.

    Built column by column, labels looked up once (a national network has a few
    hundred thousand ties)."""
    names = _name_index(analysis)
    kinds: dict[str, str] = {}
    layers = {layer: label(_LAYER_KEYS, layer, lang) for layer in _LAYER_KEYS}
    statuses = {status: label(STATUS_KEYS, status, lang) for status in STATUS_KEYS}
    columns: dict[str, list[Any]] = {name: [] for name in (
        "source", "source_name", "target", "target_name", "link_kind", "layer",
        "source_reports", "target_reports", "networker_record", "weight", "status", "combine")}
    for tie in analysis.ties:
        sides = tie.side_weights() if tie.reports else {}
        if tie.kind not in kinds:
            kinds[tie.kind] = LINK_KINDS.label(tie.kind, lang)
        columns["source"].append(tie.source)
        columns["source_name"].append(names.get(tie.source, tie.source))
        columns["target"].append(tie.target)
        columns["target_name"].append(names.get(tie.target, tie.target))
        columns["link_kind"].append(kinds[tie.kind])
        columns["layer"].append(layers.get(tie.layer, tie.layer))
        columns["source_reports"].append(sides.get(tie.source, np.nan))
        columns["target_reports"].append(sides.get(tie.target, np.nan))
        columns["networker_record"].append(sides.get(None, np.nan))
        columns["weight"].append(float(tie.weight))
        columns["status"].append(statuses.get(tie.status, tie.status))
        columns["combine"].append(analysis.combine if tie.layer == "working" else "")
    frame = pd.DataFrame(columns)
    for column in ("source_reports", "target_reports", "networker_record", "weight"):
        frame[column] = frame[column].astype(float)
    return headers(frame, lang)


#: (file stem, builder) in the order the files and sheets are written.
TABLES: tuple[tuple[str, Callable[..., pd.DataFrame]], ...] = (
    ("actors", actors_table),
    ("sector_pairs", sector_pairs_table),
    ("findings", findings_table),
    ("suggestions", suggestions_table),
    ("coverage", coverage_table),
    ("ties", ties_table),
)


def build_tables(analysis: Analysis, lang: str,
                 include_personal: bool = False) -> dict[str, pd.DataFrame]:
    """All six tables, keyed by file stem."""
    tables = {}
    for stem, builder in TABLES:
        if builder is actors_table:
            tables[stem] = builder(analysis, lang, include_personal)
        else:
            tables[stem] = builder(analysis, lang)
    return tables
