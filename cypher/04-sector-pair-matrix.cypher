// name: sector-pair-matrix
// description:
//   en: The sector-pair link matrix - for each unordered pair of sectors (and each sector with itself), how many pairs of actors are linked (any kind, any direction; several links between two actors count once).
//   cs: Matice vazeb mezi sektory - pro každou dvojici sektorů (i sektor sám se sebou) počet propojených dvojic aktérů (vazby všech druhů a směrů; více vazeb mezi dvěma aktéry se počítá jednou).
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
MATCH (a:Actor {dataset: $dataset})-[:TIE {layer: 'working'}]-(b:Actor)
WHERE a.id < b.id
WITH DISTINCT a, b
WITH CASE WHEN a.sector <= b.sector THEN a.sector ELSE b.sector END AS sector_a,
     CASE WHEN a.sector <= b.sector THEN b.sector ELSE a.sector END AS sector_b
RETURN sector_a, sector_b, count(*) AS linked_pairs
ORDER BY sector_a, sector_b
