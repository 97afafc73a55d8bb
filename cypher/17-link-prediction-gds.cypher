// name: link-prediction-gds
// description:
//   en: Candidate new links across sectors ranked by the Adamic-Adar index of Neo4j Graph Data Science (needs GDS with gds.alpha.linkprediction) - pairs not yet linked that share partners.
//   cs: Kandidáti na nové vazby napříč sektory seřazení podle Adamic-Adarova indexu z Neo4j Graph Data Science (vyžaduje GDS s gds.alpha.linkprediction) - dosud nepropojené dvojice se společnými partnery.
// requires: gds
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
//   limit: {type: integer, example: 20, default: 20, en: how many pairs to list, cs: kolik dvojic vypsat}
MATCH (a:Actor {dataset: $dataset})-[:TIE {layer: 'working'}]-(:Actor)-[:TIE {layer: 'working'}]-(b:Actor)
WHERE a.id < b.id AND a.sector <> b.sector
  AND NOT EXISTS { MATCH (a)-[:TIE {layer: 'working'}]-(b) }
WITH DISTINCT a, b
WITH a, b, gds.alpha.linkprediction.adamicAdar(a, b,
     {relationshipQuery: 'REFERS_TO|INFORMS|MEETS_WITH|COOPERATES_WITH', direction: 'BOTH'}) AS score
RETURN a.id AS source, a.sector AS source_sector, b.id AS target, b.sector AS target_sector, score
ORDER BY score DESC, source, target
LIMIT $limit
