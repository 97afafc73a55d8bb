// name: no-partner-in-sector
// description:
//   en: Actors of sector X (sector) with no partner in sector Y (other) - e.g. schools that work with no social service.
//   cs: Aktéři sektoru X (sector) bez partnera v sektoru Y (other) - např. školy, které nespolupracují s žádnou sociální službou.
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
//   sector: {type: string, example: education, en: sector code of the actors listed, cs: kód sektoru vypsaných aktérů}
//   other: {type: string, example: social_services, en: sector code of the missing partners, cs: kód sektoru chybějících partnerů}
MATCH (a:Actor {dataset: $dataset})
WHERE a.sector = $sector
  AND NOT EXISTS {
    MATCH (a)-[:TIE {layer: 'working'}]-(b:Actor)
    WHERE b <> a AND b.sector = $other
  }
RETURN a.id AS id, a.name AS name, a.sector AS sector
ORDER BY id
