// name: brokers-between-sectors
// description:
//   en: Brokers between two sectors - actors linked to partners in both sectors, with the number of (partner in A, partner in B) pairs that are not linked to each other and meet only through the broker.
//   cs: Zprostředkovatelé mezi dvěma sektory - aktéři s partnery v obou sektorech a počtem dvojic (partner v A, partner v B), které spolu nejsou ve vazbě a propojuje je jen zprostředkovatel.
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
//   sector_a: {type: string, example: education, en: first sector code, cs: kód prvního sektoru}
//   sector_b: {type: string, example: social_services, en: second sector code, cs: kód druhého sektoru}
MATCH (x:Actor {dataset: $dataset})-[:TIE {layer: 'working'}]-(p:Actor)
WHERE p <> x AND p.sector = $sector_a
WITH x, collect(DISTINCT p) AS side_a
MATCH (x)-[:TIE {layer: 'working'}]-(q:Actor)
WHERE q <> x AND q.sector = $sector_b
WITH x, side_a, collect(DISTINCT q) AS side_b
UNWIND side_a AS p
UNWIND side_b AS q
WITH x, size(side_a) AS partners_a, size(side_b) AS partners_b, p, q
WHERE p <> q AND NOT EXISTS { MATCH (p)-[:TIE {layer: 'working'}]-(q) }
WITH x, partners_a, partners_b, count(*) AS brokered_pairs
RETURN x.id AS id, x.name AS name, x.sector AS sector, partners_a, partners_b, brokered_pairs
ORDER BY brokered_pairs DESC, id
