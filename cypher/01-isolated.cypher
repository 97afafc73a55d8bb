// name: isolated
// description:
//   en: Isolated actors - no working tie (referral, information, casework meeting or cooperation, reported by either end or recorded by the networker) with another actor of the dataset; co-attendance at the platform does not count. An actor that did not answer and whom nobody names is unknown, not isolated (query 'unknown').
//   cs: Izolovaní aktéři - žádný pracovní vztah (doporučení, informace, případové setkání, spolupráce; uvedený kteroukoli stranou nebo zapsaný síťařem) s jiným aktérem datové sady; společná účast na platformě se nepočítá. Aktér, který neodpověděl a kterého nikdo neuvádí, je neznámý, ne izolovaný (dotaz 'unknown').
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
MATCH (a:Actor {dataset: $dataset})
WHERE NOT EXISTS {
  MATCH (a)-[:TIE {layer: 'working'}]-(b:Actor)
  WHERE b <> a
}
  AND coalesce(a.responded, true)
RETURN a.id AS id, a.name AS name, a.sector AS sector
ORDER BY id
