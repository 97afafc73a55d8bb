"""What the report rests on: who answered, how the ties were reported, the platform.

Plain data in one language for the report's sections "What the data rests on" and
"The networking platform" (issue 11 §2). Every figure comes from the analysis
(:attr:`~graphnet.analysis.Analysis.respondents`, :attr:`~graphnet.analysis.Analysis.ties`,
:attr:`~graphnet.analysis.Analysis.platform`); nothing here measures. Names are
never declined: each list follows a label and a colon.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

from graphnet.analysis import Analysis
from graphnet.i18n import format_date, format_number, format_percent, t
from graphnet.ties import STATUSES

__all__ = ["NON_RESPONDENTS_SHOWN", "STATUS_KEYS", "SOURCE_KEYS", "LAYER_KEYS",
           "COMBINE_KEYS", "status_counts", "data_basis", "platform_section"]

#: Non-respondents the page names at least (``--top`` when larger); the rest are in actors.csv.
NON_RESPONDENTS_SHOWN = 100

# Catalogue keys spelled out so the catalogue test sees every one.
STATUS_KEYS = {
    "confirmed": "report.status_confirmed",
    "one_sided": "report.status_one_sided",
    "unanswered": "report.status_unanswered",
    "recorded": "report.status_recorded",
    "derived": "report.status_derived",
}
SOURCE_KEYS = {
    "table": "report.basis_source_table",
    "reported_by": "report.basis_source_reported_by",
    "none": "report.basis_source_none",
}
LAYER_KEYS = {
    "working": "report.layer_working",
    "platform": "report.layer_platform",
    "all": "report.layer_all",
}
COMBINE_KEYS = {
    "max": "report.combine_max",
    "mean": "report.combine_mean",
    "min": "report.combine_min",
}


def status_counts(analysis: Analysis) -> dict[str, int]:
    """Ties by status (every status of :data:`graphnet.ties.STATUSES`, 0 when none)."""
    counts = Counter(tie.status for tie in analysis.ties)
    return {status: int(counts.get(status, 0)) for status in STATUSES}


def data_basis(analysis: Analysis, namer: Any, cut: Callable[..., dict[str, Any]],
               top: int, lang: str) -> dict[str, Any]:
    """The section on the data: response rate overall and per sector and where it
    comes from, ties by status, the non-respondents and the unknown actors by name,
    the layer measured and the combine rule in words."""
    network = analysis.network
    summary = analysis.respondents
    source = summary.source if summary is not None else "none"
    missing = set(summary.non_respondents) if summary is not None else set()
    per_sector: dict[str, list[int]] = {}
    for actor in network.actors:
        counts = per_sector.setdefault(actor.sector, [0, 0])
        counts[1] += 1
        counts[0] += source != "none" and actor.id not in missing
    order = {c: i for i, c in enumerate(namer.sectors.codes)}
    by_sector = [{"sector": namer.sector(code), "answered": format_number(n, lang),
                  "actors": format_number(of, lang),
                  "rate": format_percent(n / of if of else 0.0, lang)}
                 for code, (n, of) in sorted(per_sector.items(),
                                             key=lambda kv: (order.get(kv[0], 99), kv[0]))]
    tie_counts = status_counts(analysis)
    statuses = [{"status": status, "label": t(STATUS_KEYS[status], lang),
                 "n": format_number(tie_counts[status], lang),
                 "text": t(f"{STATUS_KEYS[status]}_text", lang)} for status in STATUSES]
    non_respondents = [namer.actor(a) for a in (summary.non_respondents if summary else ())]
    unknown_ids = []
    if "is_unknown" in analysis.actors.columns:
        unknown_ids = [str(i) for i, flag in analysis.actors["is_unknown"].items() if flag]
    answered = summary.answered if summary is not None else 0
    actors = summary.actors if summary is not None else len(network.actors)
    return {
        "source": source,
        "rate": format_percent(summary.response_rate if summary else 0.0, lang),
        "rate_text": t("report.basis_rate", lang,
                       rate=format_percent(summary.response_rate if summary else 0.0, lang),
                       answered=format_number(answered, lang), actors=format_number(actors, lang)),
        "source_text": t(SOURCE_KEYS[source], lang),
        "by_sector": by_sector if source != "none" else [],
        "statuses": statuses,
        # The networker chases every one of them: named in full up to a hundred.
        "non_respondents": cut(non_respondents, max(top, NON_RESPONDENTS_SHOWN),
                               "actors.csv", lang),
        "unknown": [namer.actor(a) for a in unknown_ids],
        "layer": analysis.layer,
        "combine": analysis.combine,
        "layer_text": t(LAYER_KEYS.get(analysis.layer, "report.layer_working"), lang),
        "combine_text": t(COMBINE_KEYS.get(analysis.combine, "report.combine_max"), lang),
    }


def platform_section(analysis: Analysis, namer: Any, lang: str) -> dict[str, Any]:
    """The platform on its own: attendance per meeting and sector, who stopped
    attending, and the pairs that meet but do not work together (the sentences of
    the ``stopped_attending`` and ``platform_without_work`` findings)."""
    platform = analysis.platform
    if platform is None or not len(platform.meetings):
        return {"meetings": [], "stopped": [], "met_not_working": [], "pairs": 0}
    by_meeting: dict[str, list[tuple[str, int]]] = {}
    attendance = platform.sector_attendance
    for meeting, sector, present in zip(attendance["meeting"], attendance["sector"],
                                        attendance["attendees"], strict=True):
        by_meeting.setdefault(str(meeting), []).append((str(sector), int(present)))
    order = {c: i for i, c in enumerate(namer.sectors.codes)}
    meetings = []
    row: dict[Any, Any]
    for row in platform.meetings.to_dict("records"):
        sectors = sorted(by_meeting.get(str(row["meeting"]), []),
                         key=lambda s: (order.get(s[0], 99), s[0]))
        meetings.append({
            "meeting": str(row["meeting"]),
            "date": _date(row.get("date"), lang),
            "title": row.get("title") or "",
            "attendees": format_number(int(row["attendees"]), lang),
            "sectors": "; ".join(f"{namer.sector(code)['label']}: {format_number(n, lang)}"
                                 for code, n in sectors),
        })
    stopped = [f.text.get(lang, "") for f in analysis.findings if f.kind == "stopped_attending"]
    met = [f.text.get(lang, "") for f in analysis.findings if f.kind == "platform_without_work"]
    return {"meetings": meetings, "stopped": stopped, "met_not_working": met,
            "pairs": len(platform.met_not_working)}


def _date(value: Any, lang: str) -> str:
    if not value:
        return "–"
    try:
        return format_date(dt.date.fromisoformat(str(value)), lang)
    except ValueError:
        return str(value)
