// name: articulation-points-gds
// description:
//   en: Cut points (articulation points) computed by Neo4j Graph Data Science (needs GDS 2.x with gds.articulationPoints) - no write-back needed.
//   cs: Artikulační body spočtené Neo4j Graph Data Science (vyžaduje GDS 2.x s gds.articulationPoints) - bez zapsaných měr.
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
CALL gds.articulationPoints.stream($graph)
YIELD nodeId
WITH gds.util.asNode(nodeId) AS a
RETURN a.id AS id, a.name AS name, a.sector AS sector
ORDER BY id
