// name: bridges-gds
// description:
//   en: Bridges - links whose loss splits the network - computed by Neo4j Graph Data Science (needs GDS 2.x with gds.bridges).
//   cs: Mosty - vazby, jejichž ztrátou se síť rozpadne - spočtené Neo4j Graph Data Science (vyžaduje GDS 2.x s gds.bridges).
// requires: gds
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
//   graph: {type: string, example: graphnet-collaboration, default: graphnet-collaboration, en: name of the in-memory GDS projection (replaced on every run), cs: název projekce GDS v paměti (při každém spuštění nahrazena)}
CALL gds.graph.drop($graph, false) YIELD graphName
RETURN graphName
;
MATCH (a:Actor {dataset: $dataset})
OPTIONAL MATCH (a)-[:TIE {layer: 'working'}]-(b:Actor)
WHERE a.id < b.id
WITH DISTINCT a, b
WITH gds.graph.project($graph, a, b, {}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships
;
CALL gds.bridges.stream($graph)
YIELD from, to
WITH gds.util.asNode(from) AS a, gds.util.asNode(to) AS b
RETURN a.id AS source, a.sector AS source_sector, b.id AS target, b.sector AS target_sector
ORDER BY source, target
