// name: communities-louvain-gds
// description:
//   en: Communities by the Louvain method with Neo4j Graph Data Science (needs GDS 2.x) on the collaboration graph of a dataset; compare with graphnet's written-back 'community'.
//   cs: Komunity Louvainovou metodou pomocí Neo4j Graph Data Science (vyžaduje GDS 2.x) na grafu spolupráce datové sady; srovnejte s vlastností 'community' zapsanou graphnetem.
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
CALL gds.louvain.stream($graph)
YIELD nodeId, communityId
WITH gds.util.asNode(nodeId) AS a, communityId
RETURN communityId AS community, count(*) AS actors, collect(a.id) AS members
ORDER BY actors DESC, community
