// name: sector-closed
// description:
//   en: Actors closed in their own sector - they have partners, but every one is in their own sector.
//   cs: Aktéři uzavření ve vlastním sektoru - mají partnery, ale všechny ze svého sektoru.
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
MATCH (a:Actor {dataset: $dataset})-[:TIE {layer: 'working'}]-(b:Actor)
WHERE b <> a
WITH a, collect(DISTINCT b.id) AS partners, collect(DISTINCT b.sector) AS sectors
WHERE size(sectors) = 1 AND sectors[0] = a.sector
RETURN a.id AS id, a.name AS name, a.sector AS sector, size(partners) AS partners
ORDER BY id
