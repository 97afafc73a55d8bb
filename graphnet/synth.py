"""Seeded synthetic networks of any number of ORPs, for tests and benchmarks.

The structure imitates what the networkers' analyses describe (see DOMAIN.md):

- each ORP has about :data:`ACTORS_PER_ORP` actors (gamma-distributed, 30–400),
  every one of the twelve sectors, and one or two OSPODs;
- OSPOD is central: its activity (the chance to be an end of a link) is
  :data:`OSPOD_ACTIVITY` times an ordinary actor's;
- ties follow a sector affinity table (:data:`AFFINITY`): schools and social
  services almost never link (0.03 of the usual), schools and school
  counselling, police and justice, OSPOD and foster care often;
- about :data:`LINKS_PER_ACTOR` reported links per actor, most inside an ORP;
  :data:`BETWEEN_ORPS` of them go to an actor of another ORP in the same region
  (kraj; the ORPs are spread over the 14 regions in proportion to the real
  count of ORPs in each);
- some actors (mostly paediatricians) have no link at all;
- all four link kinds, weights (how often per year, with halves), dates in the
  year before the mapping, ``reported_by`` on about half of the links, one or
  two meetings per ORP with attendance lists.

Everything random comes from one ``numpy.random.Generator`` seeded with
``seed``: the same arguments give an identical network, on any machine.
206 ORPs (≈ 30,000 actors, ≈ 200,000 links) take a few seconds.

>>> net = synthesize(orps=2, seed=1)
>>> net == synthesize(orps=2, seed=1)
True
>>> ospod_orps = {a.orp for a in net.actors if a.sector == "child_protection"}
>>> ospod_orps == {a.orp for a in net.actors}
True
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from graphnet.model import Actor, Attendance, Link, Network
from graphnet.vocab import LEVELS, LINK_KINDS, NEEDS, SECTORS

__all__ = [
    "synthesize",
    "REGIONS",
    "ACTORS_PER_ORP",
    "LINKS_PER_ACTOR",
    "BETWEEN_ORPS",
    "OSPOD_ACTIVITY",
    "AFFINITY",
    "MAPPED_ON",
]

#: Mean number of actors per ORP.
ACTORS_PER_ORP = 145
#: Mean number of reported links per actor (meeting links from attendance come on top).
LINKS_PER_ACTOR = 6.6
#: Share of links whose other end is in another ORP of the same region.
BETWEEN_ORPS = 0.03
#: OSPOD's activity relative to an ordinary actor's.
OSPOD_ACTIVITY = 20.0
#: The date every synthetic network is "mapped on"; link dates fall in the year before.
MAPPED_ON = dt.date(2025, 3, 31)

#: The 14 regions (kraje) and their number of ORPs (Prague counted as one): 206 in all.
REGIONS: tuple[tuple[str, int], ...] = (
    ("Hlavní město Praha", 1),
    ("Středočeský kraj", 26),
    ("Jihočeský kraj", 17),
    ("Plzeňský kraj", 15),
    ("Karlovarský kraj", 7),
    ("Ústecký kraj", 16),
    ("Liberecký kraj", 10),
    ("Královéhradecký kraj", 15),
    ("Pardubický kraj", 15),
    ("Kraj Vysočina", 15),
    ("Jihomoravský kraj", 21),
    ("Olomoucký kraj", 13),
    ("Zlínský kraj", 13),
    ("Moravskoslezský kraj", 22),
)

_SECTORS = tuple(SECTORS.codes[:12])
_S = {code: i for i, code in enumerate(_SECTORS)}

# Share of an ORP's actors in each sector (OSPOD apart: one or two per ORP).
_SHARES = {
    "social_services": 0.14, "education": 0.27, "school_counselling": 0.03, "health": 0.16,
    "police": 0.03, "justice": 0.02, "labour_benefits": 0.01, "municipality": 0.07,
    "community": 0.10, "foster_care": 0.03, "ngo_other": 0.14,
}

# How active actors of a sector are (chance to be an end of a link), OSPOD apart.
_ACTIVITY = {
    "child_protection": OSPOD_ACTIVITY, "social_services": 1.6, "education": 0.8,
    "school_counselling": 1.6, "health": 0.4, "police": 1.4, "justice": 1.0,
    "labour_benefits": 1.2, "municipality": 0.8, "community": 0.9, "foster_care": 1.0,
    "ngo_other": 0.6,
}

# Chance that an actor of a sector has no link at all (doctors most often).
_ISOLATED = {"health": 0.15, "education": 0.03, "ngo_other": 0.05, "community": 0.03}


def _affinity() -> np.ndarray:
    table = np.ones((12, 12))
    np.fill_diagonal(table, 1.5)  # a little homophily

    def pair(a: str, b: str, value: float) -> None:
        table[_S[a], _S[b]] = table[_S[b], _S[a]] = value

    pair("education", "social_services", 0.03)
    pair("education", "health", 0.2)
    pair("health", "social_services", 0.4)
    pair("health", "community", 0.3)
    pair("education", "school_counselling", 3.0)
    pair("police", "justice", 2.0)
    pair("child_protection", "foster_care", 3.0)
    pair("child_protection", "justice", 2.0)
    pair("social_services", "community", 1.5)
    pair("labour_benefits", "social_services", 1.5)
    table[_S["child_protection"], _S["child_protection"]] = 0.5
    return table


#: Relative chance of a tie between two sectors (rows/columns in SECTORS order).
AFFINITY = _affinity()

_KINDS = ("referral", "information", "meeting", "cooperation")
_KIND_P = (0.30, 0.35, 0.10, 0.25)
_WEIGHTS = np.array([0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 12.0, 24.0])
_WEIGHT_P = np.array([0.08, 0.22, 0.05, 0.18, 0.12, 0.12, 0.12, 0.08, 0.03])

_PREFIXES = ("", "Horní", "Dolní", "Nová", "Stará", "Velká", "Malá", "Česká", "Moravská")
_STEMS = (
    "Lhota", "Ves", "Bystřice", "Hora", "Lipnice", "Olešná", "Kamenice", "Březnice", "Lhotka",
    "Dubnice", "Vrbice", "Zálesí", "Podhradí", "Radostín", "Jablonec", "Lučany", "Hrádek",
    "Smrčná", "Borová", "Dobrá", "Bukovina", "Studenec", "Rovensko", "Polná", "Kostelec",
    "Sedlec", "Lažany", "Petrovice", "Jeseník", "Rokytnice", "Ústí", "Habry", "Třebová",
)
_WORDS = (
    "Rodina", "Naděje", "Most", "Slunce", "Krok", "Domov", "Duha", "Maják", "Přístav",
    "Kotva", "Cesta", "Klíček", "Pramen", "Jiskra", "Náruč", "Ruka", "Otevřené dveře",
)
_STREETS = ("Komenského", "Masarykova", "Husova", "Palackého", "Nádražní", "Školní", "Lesní",
            "Tyršova", "Zahradní", "Jiráskova")
_FLOWERS = ("Sluníčko", "Kopretina", "Pampeliška", "Beruška", "Sedmikráska", "Zvonek",
            "Motýlek", "Rybička")
_FIRST = ("Alena", "Petr", "Hana", "Tomáš", "Jana", "Jiří", "Eva", "Martin", "Lucie", "Pavel")
_LAST = ("Nováková", "Dvořák", "Svobodová", "Král", "Černá", "Procházka", "Veselá", "Horák",
         "Marešová", "Pokorný")

# Per sector: (name template, type, typical needs, levels). Templates take
# {orp}, {obec}, {word}, {street}, {flower}, {first}, {last}.
_KINDS_OF_ACTOR: dict[str, tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...]] = {
    "child_protection": (
        ("OSPOD MěÚ {orp}", "orgán SPOD", ("safety", "relationships", "behaviour"),
         ("targeted", "specialised")),
    ),
    "social_services": (
        ("SAS {word}", "sociálně aktivizační služba", ("relationships", "material_security"),
         ("targeted",)),
        ("NZDM Klub {word}", "NZDM", ("relationships", "behaviour"), ("universal", "targeted")),
        ("Azylový dům {word}", "azylový dům", ("safety", "material_security"), ("targeted",)),
        ("Raná péče {word}", "raná péče", ("health", "learning"), ("targeted",)),
        ("Terénní programy {obec}", "terénní programy", ("material_security",), ("targeted",)),
        ("Poradna {word}", "odborné sociální poradenství", ("relationships", "material_security"),
         ("targeted", "specialised")),
        ("Krizová pomoc {word}", "krizová pomoc", ("safety",), ("specialised",)),
    ),
    "education": (
        ("ZŠ {street} {obec}", "ZŠ", ("learning",), ("universal",)),
        ("MŠ {flower} {obec}", "MŠ", ("learning", "relationships"), ("universal",)),
        ("ZŠ a MŠ {obec}", "ZŠ", ("learning",), ("universal",)),
        ("Gymnázium {orp}", "SŠ", ("learning",), ("universal",)),
        ("SOŠ a SOU {orp}", "SŠ", ("learning", "behaviour"), ("universal",)),
    ),
    "school_counselling": (
        ("PPP {orp}", "PPP", ("learning", "behaviour"), ("targeted",)),
        ("SPC {orp}", "SPC", ("learning", "health"), ("specialised",)),
        ("SVP {orp}", "SVP", ("behaviour",), ("specialised",)),
    ),
    "health": (
        ("MUDr. {first} {last} – praktický lékař pro děti a dorost", "PLDD", ("health",),
         ("universal",)),
        ("MUDr. {first} {last} – praktický lékař pro děti a dorost", "PLDD", ("health",),
         ("universal",)),
        ("Dětská psychiatrická ambulance {orp}", "dětská psychiatrie", ("health", "behaviour"),
         ("specialised",)),
        ("Klinická psychologie {word}", "klinický psycholog", ("health", "relationships"),
         ("specialised",)),
        ("Logopedie {obec}", "logoped", ("health", "learning"), ("targeted",)),
        ("Nemocnice {orp} – dětské oddělení", "nemocnice", ("health",), ("specialised",)),
    ),
    "police": (
        ("Policie ČR OO {obec}", "obvodní oddělení", ("safety",), ("targeted",)),
        ("Městská policie {obec}", "městská policie", ("safety",), ("universal",)),
    ),
    "justice": (
        ("Okresní soud – opatrovnické oddělení ({orp})", "opatrovnický soud", ("safety",),
         ("specialised",)),
        ("PMS – středisko {orp}", "Probační a mediační služba", ("behaviour",),
         ("specialised",)),
    ),
    "labour_benefits": (
        ("Úřad práce – kontaktní pracoviště {obec}", "hmotná nouze", ("material_security",),
         ("targeted",)),
    ),
    "municipality": (
        ("MěÚ {orp} – odbor sociálních věcí", "komunitní plánování", ("material_security",),
         ("universal",)),
        ("Obecní úřad {obec}", "obec", (), ()),
    ),
    "community": (
        ("Rodinné centrum {word}", "rodinné centrum", ("relationships", "learning"),
         ("universal",)),
        ("Komunitní centrum {word}", "komunitní centrum", ("relationships",), ("universal",)),
        ("DDM {obec}", "DDM", ("learning", "behaviour"), ("universal",)),
        ("Farnost {obec}", "církev", ("relationships",), ("universal",)),
    ),
    "foster_care": (
        ("Doprovázející organizace {word}", "doprovázející organizace",
         ("relationships", "safety"), ("targeted",)),
        ("Klub pěstounských rodin {obec}", "svépomocná skupina", ("relationships",),
         ("universal",)),
    ),
    "ngo_other": (
        ("Spolek {word} {obec}", "spolek", ("relationships", "learning"), ("universal",)),
        ("Nadační fond {word}", "nadace", ("material_security",), ("universal",)),
        ("{word} {obec}, s. r. o.", "zaměstnavatel", ("material_security",), ("universal",)),
    ),
}

assert set(_KINDS_OF_ACTOR) == set(_SECTORS)
assert set(_KINDS) == set(LINK_KINDS.codes)
assert all(n in NEEDS for spec in _KINDS_OF_ACTOR.values() for s in spec for n in s[2])
assert all(lv in LEVELS for spec in _KINDS_OF_ACTOR.values() for s in spec for lv in s[3])


def _regions_of(orps: int) -> list[int]:
    """Region index of each ORP: spread in proportion to the real counts."""
    counts = np.array([n for _, n in REGIONS], dtype=float)
    bounds = np.cumsum(counts) / counts.sum()
    positions = (np.arange(orps) + 0.5) / orps
    return [int(i) for i in np.searchsorted(bounds, positions)]


def _place_names(rng: np.random.Generator, count: int) -> list[str]:
    combos = [f"{p} {s}".strip() for s in _STEMS for p in _PREFIXES]
    order = rng.permutation(len(combos))
    names = [combos[i] for i in order[: min(count, len(combos))]]
    # Beyond the distinct combinations (≈ 300) names repeat with a number.
    while len(names) < count:
        names.append(f"{combos[order[len(names) % len(combos)]]} {len(names) // len(combos) + 1}")
    return names


def _sector_counts(rng: np.random.Generator, size: int, ospods: int) -> np.ndarray:
    """Actors per sector for one ORP: OSPODs, one of every other sector, the rest by share."""
    counts = np.ones(12, dtype=np.int64)
    counts[_S["child_protection"]] = ospods
    others = [s for s in _SECTORS if s != "child_protection"]
    shares = np.array([_SHARES[s] for s in others])
    rest = rng.multinomial(max(size - int(counts.sum()), 0), shares / shares.sum())
    for sector, extra in zip(others, rest, strict=True):
        counts[_S[sector]] += extra
    return counts


def synthesize(
    orps: int,
    seed: int = 0,
    *,
    actors_per_orp: float = ACTORS_PER_ORP,
    links_per_actor: float = LINKS_PER_ACTOR,
    between_orps: float = BETWEEN_ORPS,
) -> Network:
    """A synthetic network of ``orps`` ORPs, the same for the same arguments.

    See the module docstring for the structure. Actor ids are ``O<orp>-<n>``
    (``O001-017``); link kinds, sectors, needs and levels are codes.

    >>> net = synthesize(orps=3, seed=7)
    >>> len({a.orp for a in net.actors}), {a.sector for a in net.actors} == set(SECTORS.codes)
    (3, True)
    >>> synthesize(orps=3, seed=8) == net
    False
    """
    if orps < 1:
        raise ValueError("orps must be at least 1")
    if actors_per_orp <= 0 or links_per_actor < 0 or not 0 <= between_orps <= 1:
        raise ValueError("actors_per_orp > 0, links_per_actor >= 0, 0 <= between_orps <= 1")
    rng = np.random.default_rng(seed)
    regions = _regions_of(orps)
    orp_names = _place_names(rng, orps)
    villages = _place_names(rng, 60)

    # --- actors, contiguous per ORP and, inside an ORP, per sector ---
    sizes = np.clip(np.rint(rng.gamma(6.0, actors_per_orp / 6.0, orps)), 30, 400).astype(int)
    ospods = 1 + (rng.random(orps) < 0.3)
    counts = np.stack([_sector_counts(rng, int(sizes[o]), int(ospods[o])) for o in range(orps)])
    sector_of = np.repeat(np.tile(np.arange(12), orps), counts.ravel())
    orp_of = np.repeat(np.arange(orps), counts.sum(axis=1))
    total = len(sector_of)

    activity = np.array([_ACTIVITY[s] for s in _SECTORS])[sector_of]
    activity = activity * rng.lognormal(0.0, 0.5, total)
    isolated_p = np.array([_ISOLATED.get(s, 0.01) for s in _SECTORS])[sector_of]
    isolated = (rng.random(total) < isolated_p) & (sector_of != _S["child_protection"])
    activity[isolated] = 0.0

    actors = _make_actors(rng, orp_of, sector_of, orp_names, villages, regions)

    source, target, kind = _draw_links(
        rng, counts, sector_of, activity, regions,
        per_orp=rng.poisson(sizes * links_per_actor * 1.11),  # a little over: duplicates go
        between_orps=between_orps,
    )
    n_links = len(source)

    weight = rng.choice(_WEIGHTS, n_links, p=_WEIGHT_P / _WEIGHT_P.sum())
    days_before = rng.integers(0, 365, n_links)
    reporter = rng.random(n_links)
    dates = [MAPPED_ON - dt.timedelta(days=int(d)) for d in range(365)]
    ids = [actor.id for actor in actors]
    links = tuple(
        Link(
            ids[s], ids[t], _KINDS[k], float(w), dates[d],
            ids[s] if r < 0.4 else ids[t] if r < 0.5 else None,
        )
        for s, t, k, w, d, r in zip(
            source.tolist(), target.tolist(), kind.tolist(), weight.tolist(),
            days_before.tolist(), reporter.tolist(), strict=True,
        )
    )

    orp_start = np.concatenate([[0], np.cumsum(counts.sum(axis=1))])
    attendance = _make_meetings(rng, orps, orp_start, sector_of, activity, ids, orp_names)
    return Network(
        actors=actors,
        links=links,
        attendance=attendance,
        name=f"Syntetická síť: {orps} ORP (seed {seed})",
        mapped_on=MAPPED_ON,
        source=f"synth-{orps}-seed-{seed}",  # the dataset id graphnet.save writes
        language="cs",
    )


def _draw_links(
    rng: np.random.Generator,
    counts: np.ndarray,
    sector_of: np.ndarray,
    activity: np.ndarray,
    regions: list[int],
    per_orp: np.ndarray,
    between_orps: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Source, target and kind index of every link (actor indices; no self-loops, no
    duplicates; undirected kinds with the lower index first).

    ``per_orp[o]`` links start in ORP ``o``. The source is drawn by activity inside
    its ORP; the target's ORP is the same one, or with chance ``between_orps``
    another ORP of the same region; the target's sector is drawn by affinity to the
    source's sector times that ORP's total activity in the sector; the target by
    activity inside that (ORP, sector) group. All vectorised: O(links × sectors).
    """
    orps, total = len(counts), len(sector_of)
    cumulative = np.concatenate([[0.0], np.cumsum(activity)])
    group_start = np.concatenate([[0], np.cumsum(counts.ravel())])  # group = (orp, sector)
    orp_start = group_start[::12]
    # Every (orp, sector) group has an actor, so reduceat sees no empty group.
    group_activity = np.add.reduceat(activity, group_start[:-1]).reshape(orps, 12)

    source_orp = np.repeat(np.arange(orps), per_orp)
    n_links = len(source_orp)
    source = _pick(rng, cumulative, orp_start[source_orp], orp_start[source_orp + 1])

    target_orp = source_orp.copy()
    by_region: dict[int, list[int]] = {}
    for o, r in enumerate(regions):
        by_region.setdefault(r, []).append(o)
    away = rng.random(n_links) < between_orps
    for index in np.flatnonzero(away):
        neighbours = by_region[regions[source_orp[index]]]
        if len(neighbours) > 1:  # uniform among the region's other ORPs
            choice = neighbours[int(rng.integers(len(neighbours) - 1))]
            target_orp[index] = choice if choice != source_orp[index] else neighbours[-1]

    chance = AFFINITY[sector_of[source]] * group_activity[target_orp]
    chance_cum = np.cumsum(chance, axis=1)
    draw = rng.random(n_links) * chance_cum[:, -1]
    target_sector = np.minimum((chance_cum < draw[:, None]).sum(axis=1), 11)
    group = target_orp * 12 + target_sector
    target = _pick(rng, cumulative, group_start[group], group_start[group + 1])

    kind = rng.choice(len(_KINDS), n_links, p=_KIND_P)
    undirected = kind >= _KINDS.index("meeting")
    low, high = np.minimum(source, target), np.maximum(source, target)
    source = np.where(undirected, low, source)
    target = np.where(undirected, high, target)
    keep = source != target
    key = (source.astype(np.int64) * total + target) * len(_KINDS) + kind
    _, first = np.unique(np.where(keep, key, -1), return_index=True)
    first = np.sort(first[keep[first]])  # first occurrence of each link, in drawing order
    return source[first], target[first], kind[first]


def _pick(
    rng: np.random.Generator, cumulative: np.ndarray, start: np.ndarray, stop: np.ndarray
) -> np.ndarray:
    """For each (start, stop) range of actors, one actor drawn in proportion to activity.

    ``cumulative`` is the running sum of activity with a leading 0; actors of zero
    activity have a zero-width interval and are never drawn.
    """
    low, high = cumulative[start], cumulative[stop]
    point = low + (1.0 - rng.random(len(start))) * (high - low)  # in (low, high]
    picked = np.searchsorted(cumulative, point, side="left") - 1
    return np.clip(picked, start, stop - 1)


def _make_actors(
    rng: np.random.Generator,
    orp_of: np.ndarray,
    sector_of: np.ndarray,
    orp_names: list[str],
    villages: list[str],
    regions: list[int],
) -> tuple[Actor, ...]:
    total = len(orp_of)
    # Python lists: indexing numpy scalars one by one is ten times slower.
    variant = rng.integers(0, 1 << 30, total).tolist()
    words = rng.integers(0, 1 << 30, (total, 5)).tolist()
    in_seat = (rng.random(total) < 0.6).tolist()
    need_keep = (rng.random((total, 3)) < 0.8).tolist()
    region_names = [REGIONS[r][0] for r in regions]
    actors = []
    number = 0
    previous_orp = -1
    for i, (o, s) in enumerate(zip(orp_of.tolist(), sector_of.tolist(), strict=True)):
        number = number + 1 if o == previous_orp else 1
        previous_orp = o
        sector = _SECTORS[s]
        specs = _KINDS_OF_ACTOR[sector]
        template, kind, needs, levels = specs[variant[i] % len(specs)]
        w = words[i]
        orp = orp_names[o]
        obec = orp if in_seat[i] else villages[(o * 7 + w[0]) % len(villages)]
        name = template.format(
            orp=orp, obec=obec, word=_WORDS[w[1] % len(_WORDS)],
            street=_STREETS[w[2] % len(_STREETS)], flower=_FLOWERS[w[2] % len(_FLOWERS)],
            first=_FIRST[w[3] % len(_FIRST)], last=_LAST[w[4] % len(_LAST)],
        )
        keep = need_keep[i]
        kept = tuple(n for j, n in enumerate(needs) if j == 0 or keep[j])
        actors.append(
            Actor(
                id=f"O{o + 1:03d}-{number:03d}",
                name=name,
                sector=sector,
                type=kind,
                municipality=obec,
                orp=orp,
                region=region_names[o],
                needs=kept,
                levels=levels,
            )
        )
    return tuple(actors)


def _make_meetings(
    rng: np.random.Generator,
    orps: int,
    orp_start: np.ndarray,
    sector_of: np.ndarray,
    activity: np.ndarray,
    ids: list[str],
    orp_names: list[str],
) -> tuple[Attendance, ...]:
    """A platform meeting in every ORP (OSPOD and 6–14 active actors), and in half
    of them a case conference (OSPOD and 2–5 others)."""
    rows = []
    for o in range(orps):
        members = np.arange(orp_start[o], orp_start[o + 1])
        ospod = members[sector_of[members] == _S["child_protection"]]
        others = members[(activity[members] > 0) & (sector_of[members] != _S["child_protection"])]
        p = activity[others] / activity[others].sum()
        plans = [("PLAT", "Síťovací platforma", int(rng.integers(6, 15)), 45)]
        if rng.random() < 0.5:
            plans.append(("PK", "Případová konference", int(rng.integers(2, 6)), 120))
        for code, title, size, days in plans:
            chosen = rng.choice(others, min(size, len(others)), replace=False, p=p)
            when = MAPPED_ON - dt.timedelta(days=days + int(rng.integers(0, 60)))
            meeting = f"{code}-O{o + 1:03d}"
            for member in [*ospod[:1], *sorted(chosen.tolist())]:
                rows.append(Attendance(meeting, ids[member], when, f"{title} {orp_names[o]}"))
    return tuple(rows)
