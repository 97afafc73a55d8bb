"""Findings that rest on how the ties were reported, and on the platform layer.

Each is a :class:`~graphnet.findings.Finding` like the others, ordered with them
by :func:`graphnet.findings.order_findings`:

- ``unknown`` (medium): actors that did not answer and that no working tie
  names, one finding per sector. Nothing is known of them, so they are not
  called isolated: the finding says their isolation may be missing data.
- ``one_sided`` (low): a pair one end reports working with while the other
  end answered and names no working tie with it (every tie of the pair has
  status ``one_sided``); at most :data:`MAX_ONE_SIDED`, then one finding for
  the rest.
- ``platform_without_work``: pairs that meet at the platform but have no
  working tie, one finding per sector pair the model expects to cooperate;
  medium where the two sectors have a missing-link finding, else low.
- ``stopped_attending`` (low): actors that stopped coming to a series of
  meetings, one finding per series and last meeting attended.

>>> from graphnet.model import Actor, Network, Respondent
>>> net = Network(actors=(Actor("a", "ZŠ Lhota", "education"),
...                       Actor("b", "MUDr. Nová", "health")),
...               respondents=(Respondent("a", True),))
>>> print(unknown_findings(net, ["b"])[0].text["en"])  # doctest: +NORMALIZE_WHITESPACE
Did not answer and nobody names them (health care): MUDr. Nová. Whether they are
isolated is not known: this may be missing data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from graphnet.attendance import Platform
from graphnet.findings import Finding
from graphnet.i18n import LANGUAGES, format_date, format_number, t
from graphnet.model import Network
from graphnet.ties import Tie
from graphnet.vocab import LINK_KINDS
from graphnet.wording import Words

__all__ = ["MAX_ONE_SIDED", "CONVENTIONS", "tie_findings", "unknown_findings",
           "one_sided_findings", "platform_findings", "stopped_findings"]

#: At most this many one-sided ties become findings of their own.
MAX_ONE_SIDED = 20

CONVENTIONS = {
    "unknown": (
        "Unknown: an actor that did not answer (respondents table, else: reported no link) "
        "and that no working tie names; not counted as isolated. Without a respondents table "
        "and without any reported_by, every link is the networker's record and nobody is "
        "unknown."
    ),
    "one_sided": (
        "One-sided (tie status): a working tie one end reports while the other end answered "
        "without naming it. A one_sided finding (low): a pair one end reports working with "
        "while the other answered and names no working tie with it of any kind."
    ),
}


def unknown_findings(network: Network, unknown: Sequence[str]) -> list[Finding]:
    """One ``unknown`` finding per sector of the ``unknown`` actors."""
    words = Words(network)
    by_sector: dict[str, list[str]] = {}
    for actor_id in unknown:
        by_sector.setdefault(network.actor(actor_id).sector, []).append(actor_id)
    found = []
    for sector, ids in by_sector.items():
        ids = words.by_name(ids)
        text = {lang: t("findings.unknown", lang, sector=words.sector_short(sector, lang),
                        names=words.names(ids, lang)) for lang in LANGUAGES}
        found.append(Finding("unknown", "medium", tuple(ids), (sector,),
                             {"count": len(ids)}, text))
    return found


def one_sided_findings(network: Network, ties: Iterable[Tie]) -> list[Finding]:
    """Pairs one end reports working with while the other end answered and names no
    working tie with it at all (every tie of the pair ``one_sided``), reporter first.

    A pair whose ends each report some tie (say a referral one way and information
    the other) is not a finding, though its single ties may be one-sided: they
    work together and disagree only on how (the tie list shows each status).
    """
    words = Words(network)
    working = [tie for tie in ties if tie.layer == "working"]
    # A pair with any tie of another status (confirmed, recorded, …) is no finding.
    settled = {(min(tie.ends), max(tie.ends)) for tie in working if tie.status != "one_sided"}
    pairs: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    for tie in working:
        key = (min(tie.ends), max(tie.ends))
        if tie.status != "one_sided" or key in settled:
            continue
        reporters, kinds_of = pairs.setdefault(key, (set(), set()))
        kinds_of.add(tie.kind)
        reporters.update(r.reported_by for r in tie.reports if r.reported_by)
    claims = []
    for ends, (reporters, kinds_of) in pairs.items():
        if len(reporters) != 1:
            continue
        reporter = next(iter(reporters))
        other = ends[1] if reporter == ends[0] else ends[0]
        claims.append((reporter, other, sorted(kinds_of)))
    folded = {actor.id: actor.name.casefold() for actor in network.actors}
    claims.sort(key=lambda c: (folded.get(c[0], c[0]), folded.get(c[1], c[1]), c[0], c[1]))
    found = []
    for reporter, other, kinds in claims[:MAX_ONE_SIDED]:
        text = {lang: t("findings.one_sided", lang, a=words.name(reporter),
                        b=words.name(other),
                        kind=", ".join(LINK_KINDS.label(kind, lang) for kind in kinds))
                for lang in LANGUAGES}
        sectors = tuple(sorted({network.actor(reporter).sector, network.actor(other).sector}))
        found.append(Finding("one_sided", "low", (reporter, other), sectors,
                             {"reported_by": reporter, "not_reported_by": other,
                              "kinds": kinds, "total_one_sided": len(claims)}, text))
    if len(claims) > MAX_ONE_SIDED:
        rest = claims[MAX_ONE_SIDED:]
        text = {lang: t("findings.one_sided_more", lang, n=format_number(len(rest), lang))
                for lang in LANGUAGES}
        found.append(Finding("one_sided", "low", tuple(sorted({x for c in rest for x in c[:2]})),
                             (), {"pairs": [[c[0], c[1]] for c in rest],
                                  "total_one_sided": len(claims)}, text))
    return found


def platform_findings(network: Network, platform: Platform,
                      gaps: Iterable[Finding] = ()) -> list[Finding]:
    """One ``platform_without_work`` finding per expected sector pair: medium when
    ``gaps`` has a ``missing_sector_link`` finding for that pair (the sectors do
    not work together, yet their actors meet), low otherwise."""
    open_gaps = {tuple(sorted(f.sectors)) for f in gaps if f.kind == "missing_sector_link"}
    words = Words(network)
    by_pair: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for row in platform.met_not_working.itertuples(index=False):
        a, b = sorted((str(row.sector_a), str(row.sector_b)))
        ends = (str(row.source), str(row.target))
        if network.actor(ends[0]).sector != a:
            ends = (ends[1], ends[0])
        by_pair.setdefault((a, b), []).append(ends)
    found = []
    for (a, b), pairs in sorted(by_pair.items()):
        pairs.sort(key=lambda p: (words.name(p[0]).casefold(), words.name(p[1]).casefold()))
        text = {lang: t("findings.platform_without_work", lang,
                        a=words.sector_short(a, lang), b=words.sector_short(b, lang),
                        pairs=", ".join(f"{words.name(x)} – {words.name(y)}" for x, y in pairs))
                for lang in LANGUAGES}
        actors = tuple(dict.fromkeys(x for pair in pairs for x in pair))
        severity = "medium" if (a, b) in open_gaps else "low"
        found.append(Finding("platform_without_work", severity, actors, (a, b),
                             {"count": len(pairs), "pairs": [list(p) for p in pairs]}, text))
    return found


def stopped_findings(network: Network, platform: Platform) -> list[Finding]:
    """One ``stopped_attending`` finding per series and last meeting attended."""
    words = Words(network)
    dates = dict(zip(platform.meetings["meeting"], platform.meetings["date"], strict=True))
    groups: dict[tuple[str, str], list[str]] = {}
    for row in platform.stopped.itertuples(index=False):
        groups.setdefault((str(row.series), str(row.last_meeting)), []).append(str(row.actor))
    found = []
    for (series, meeting), ids in groups.items():
        ids = words.by_name(ids)
        date = dates.get(meeting)
        text = {lang: t("findings.stopped_attending" if series else
                        "findings.stopped_attending_untitled", lang, series=series,
                        names=words.names(ids, lang),
                        last=format_date(dt.date.fromisoformat(date), lang) if date
                        else meeting) for lang in LANGUAGES}
        sectors = tuple(sorted({network.actor(a).sector for a in ids}))
        found.append(Finding("stopped_attending", "low", tuple(ids), sectors,
                             {"count": len(ids), "series": series, "last_meeting": meeting},
                             text))
    return found


def tie_findings(network: Network, ties: Sequence[Tie], unknown: Sequence[str],
                 platform: Platform, gaps: Iterable[Finding] = ()) -> list[Finding]:
    """Every finding of this module (unordered: the analysis orders them with the
    rest); ``gaps`` are the other findings, for :func:`platform_findings`."""
    return [*unknown_findings(network, unknown), *one_sided_findings(network, ties),
            *platform_findings(network, platform, gaps), *stopped_findings(network, platform)]
