// name: orp-comparison
// description:
//   en: ORP comparison table - per dataset - actors, linked pairs, density (linked pairs / possible pairs), share of isolated actors, share of linked pairs that cross sectors.
//   cs: Srovnání ORP - pro každou datovou sadu - aktéři, propojené dvojice, hustota (propojené / možné dvojice), podíl izolovaných aktérů, podíl propojených dvojic napříč sektory.
// parameters:
//   datasets: {type: list, example: [horni-lhota-2025, horni-lhota-2026], required: false, en: 'dataset ids (leave out for every dataset)', cs: 'id datových sad (vynechte pro všechny)'}
MATCH (d:Dataset)
WHERE $datasets IS NULL OR d.id IN $datasets
CALL {
  WITH d
  MATCH (a:Actor {dataset: d.id})
  RETURN count(a) AS actors,
         sum(CASE WHEN EXISTS { MATCH (a)-[:TIE {layer: 'working'}]-(b:Actor) WHERE b <> a } THEN 0 ELSE 1 END) AS isolated
}
CALL {
  WITH d
  MATCH (a:Actor {dataset: d.id})-[:TIE {layer: 'working'}]-(b:Actor)
  WHERE a.id < b.id
  WITH DISTINCT a, b
  RETURN count(*) AS linked_pairs,
         sum(CASE WHEN a.sector <> b.sector THEN 1 ELSE 0 END) AS cross_sector_pairs
}
RETURN d.id AS dataset, d.orp AS orp, actors, linked_pairs,
       CASE WHEN actors > 1 THEN 2.0 * linked_pairs / (actors * (actors - 1)) ELSE 0.0 END AS density,
       CASE WHEN actors > 0 THEN toFloat(isolated) / actors ELSE 0.0 END AS isolated_share,
       CASE WHEN linked_pairs > 0 THEN toFloat(cross_sector_pairs) / linked_pairs ELSE 0.0 END
         AS cross_sector_share
ORDER BY dataset
