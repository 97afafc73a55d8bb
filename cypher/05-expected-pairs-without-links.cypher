// name: expected-pairs-without-links
// description:
//   en: Sector pairs the optimal model expects to cooperate that have at most max_pairs linked pairs of actors. The expected pairs are a parameter (default - the explicit pairs of graphnet's default optimal model), so an analyst can hold every dataset against his own model without pushing again.
//   cs: Dvojice sektorů, které mají podle optimálního modelu spolupracovat, a mají nejvýše max_pairs propojených dvojic aktérů. Očekávané dvojice jsou parametr (výchozí - výslovné dvojice výchozího optimálního modelu graphnetu), takže analytik může porovnat každou datovou sadu se svým modelem bez nového nahrání.
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
//   pairs:
//     type: list
//     example: [[child_protection, social_services], [education, social_services]]
//     default: [[child_protection, social_services], [child_protection, education], [child_protection, health], [education, social_services], [education, school_counselling], [education, health], [health, social_services], [police, social_services], [labour_benefits, social_services], [foster_care, social_services], [community, education], [community, social_services], [school_counselling, social_services], [municipality, social_services]]
//     en: 'expected sector pairs, a list of [sector, sector]; on the command line as JSON'
//     cs: 'očekávané dvojice sektorů, seznam [sektor, sektor]; na příkazové řádce jako JSON'
//   max_pairs: {type: integer, example: 0, default: 0, en: report pairs with at most this many linked actor pairs, cs: vypsat dvojice s nejvýše tolika propojenými dvojicemi aktérů}
UNWIND $pairs AS pair
WITH pair[0] AS sector_a, pair[1] AS sector_b
OPTIONAL MATCH (a:Actor {dataset: $dataset})-[:TIE {layer: 'working'}]-(b:Actor)
WHERE a.sector = sector_a AND b.sector = sector_b AND a <> b
WITH sector_a, sector_b,
     count(DISTINCT CASE WHEN a.id < b.id THEN a.id + '|' + b.id ELSE b.id + '|' + a.id END) AS linked_pairs
WHERE linked_pairs <= $max_pairs
RETURN sector_a, sector_b,
       COUNT { MATCH (x:Actor {dataset: $dataset}) WHERE x.sector = sector_a } AS actors_a,
       COUNT { MATCH (y:Actor {dataset: $dataset}) WHERE y.sector = sector_b } AS actors_b,
       linked_pairs
ORDER BY sector_a, sector_b
