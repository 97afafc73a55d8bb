// name: platform-without-work
// description:
//   en: Pairs of actors of different sectors that meet at the platform (attend the same meetings) but have no working tie with each other.
//   cs: Dvojice aktérů různých sektorů, které se potkávají na platformě (chodí na stejná setkání), ale nemají spolu žádný pracovní vztah.
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
MATCH (a:Actor {dataset: $dataset})-[p:TIE {layer: 'platform'}]->(b:Actor)
WHERE a.sector <> b.sector
  AND NOT EXISTS { MATCH (a)-[:TIE {layer: 'working'}]-(b) }
RETURN a.id AS source, a.sector AS source_sector, b.id AS target, b.sector AS target_sector,
       p.weight AS meetings_together
ORDER BY source, target
