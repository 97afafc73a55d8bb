// name: cut-points
// description:
//   en: Cut points (articulation points) from the measures written back by 'graphnet neo4j push --with-measures' - actors whose departure splits the network; with their betweenness.
//   cs: Artikulační body z měr zapsaných příkazem 'graphnet neo4j push --with-measures' - aktéři, jejichž odchodem se síť rozpadne; s jejich mezilehlostí.
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
MATCH (a:Actor:CutPoint {dataset: $dataset})
RETURN a.id AS id, a.name AS name, a.sector AS sector, a.betweenness AS betweenness
ORDER BY id
