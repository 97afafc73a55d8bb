// name: betweenness-gds
// description:
//   en: Betweenness centrality with Neo4j Graph Data Science (needs GDS 2.x) on the collaboration graph of a dataset (undirected, one edge per linked pair, unweighted; GDS scores are not normalised - divide by (n-1)(n-2)/2 to compare with graphnet's written-back betweenness).
//   cs: Mezilehlost pomocí Neo4j Graph Data Science (vyžaduje GDS 2.x) na grafu spolupráce datové sady (neorientovaný, jedna hrana na propojenou dvojici, bez vah; skóre GDS nejsou normalizována - pro srovnání s mezilehlostí zapsanou graphnetem vydělte (n-1)(n-2)/2).
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
CALL gds.betweenness.stream($graph)
YIELD nodeId, score
WITH gds.util.asNode(nodeId) AS a, score
RETURN a.id AS id, a.name AS name, a.sector AS sector, score AS betweenness
ORDER BY betweenness DESC, id
