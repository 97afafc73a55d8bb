// name: peripheral
// description:
//   en: Peripheral actors - linked to exactly one other actor (links of every kind, any direction).
//   cs: Okrajoví aktéři - ve vazbě s právě jedním dalším aktérem (vazby všech druhů, oběma směry).
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
MATCH (a:Actor {dataset: $dataset})-[:TIE {layer: 'working'}]-(b:Actor)
WHERE b <> a
WITH a, collect(DISTINCT b.id) AS partners
WHERE size(partners) = 1
RETURN a.id AS id, a.name AS name, a.sector AS sector, partners[0] AS partner
ORDER BY id
