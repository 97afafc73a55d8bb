// name: changes-between-mappings
// description:
//   en: What changed between two mappings (two dataset ids) - actors added, removed or moved to another sector or renamed (matched by id), and linked pairs added or removed per relationship type (undirected types compared without direction).
//   cs: Co se změnilo mezi dvěma mapováními (dvě id datových sad) - přidaní, odebraní aktéři a aktéři s jiným sektorem či názvem (podle id), přidané a zaniklé propojené dvojice podle typu vazby (neorientované typy bez ohledu na směr).
// parameters:
//   before: {type: string, example: horni-lhota-2025, en: dataset id of the earlier mapping, cs: id datové sady dřívějšího mapování}
//   after: {type: string, example: horni-lhota-2026, en: dataset id of the later mapping, cs: id datové sady pozdějšího mapování}
MATCH (n:Actor {dataset: $after})
WHERE NOT EXISTS { MATCH (o:Actor {dataset: $before}) WHERE o.id = n.id }
RETURN 'actor_added' AS change, n.id AS source, null AS target, null AS type, n.sector AS detail
UNION ALL
MATCH (o:Actor {dataset: $before})
WHERE NOT EXISTS { MATCH (n:Actor {dataset: $after}) WHERE n.id = o.id }
RETURN 'actor_removed' AS change, o.id AS source, null AS target, null AS type, o.sector AS detail
UNION ALL
MATCH (o:Actor {dataset: $before})
MATCH (n:Actor {dataset: $after})
WHERE n.id = o.id AND (n.sector <> o.sector OR n.name <> o.name)
RETURN 'actor_changed' AS change, n.id AS source, null AS target, null AS type,
       o.sector + ' -> ' + n.sector AS detail
UNION ALL
MATCH (a:Actor {dataset: $after})-[r:REFERS_TO|INFORMS|MEETS_WITH|COOPERATES_WITH]->(b:Actor)
WITH type(r) AS rel_type, type(r) IN ['MEETS_WITH', 'COOPERATES_WITH'] AND b.id < a.id AS swap, a, b
WITH DISTINCT rel_type, CASE WHEN swap THEN b.id ELSE a.id END AS source,
     CASE WHEN swap THEN a.id ELSE b.id END AS target
WHERE NOT EXISTS {
  MATCH (x:Actor {dataset: $before})-[q]-(y:Actor)
  WHERE x.id = source AND y.id = target AND type(q) = rel_type
    AND (rel_type IN ['MEETS_WITH', 'COOPERATES_WITH'] OR startNode(q) = x)
}
RETURN 'link_added' AS change, source, target, rel_type AS type, null AS detail
UNION ALL
MATCH (a:Actor {dataset: $before})-[r:REFERS_TO|INFORMS|MEETS_WITH|COOPERATES_WITH]->(b:Actor)
WITH type(r) AS rel_type, type(r) IN ['MEETS_WITH', 'COOPERATES_WITH'] AND b.id < a.id AS swap, a, b
WITH DISTINCT rel_type, CASE WHEN swap THEN b.id ELSE a.id END AS source,
     CASE WHEN swap THEN a.id ELSE b.id END AS target
WHERE NOT EXISTS {
  MATCH (x:Actor {dataset: $after})-[q]-(y:Actor)
  WHERE x.id = source AND y.id = target AND type(q) = rel_type
    AND (rel_type IN ['MEETS_WITH', 'COOPERATES_WITH'] OR startNode(q) = x)
}
RETURN 'link_removed' AS change, source, target, rel_type AS type, null AS detail
