// name: shortest-referral-path
// description:
//   en: The shortest referral path from one actor to another (referral links, in their direction, at most 15 steps) - who would pass a family on to reach the target.
//   cs: Nejkratší cesta doporučení od jednoho aktéra k druhému (vazby doporučení ve svém směru, nejvýše 15 kroků) - přes koho by se rodina k cíli dostala.
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
//   from: {type: string, example: ospod, en: id of the actor the path starts at, cs: id aktéra, kde cesta začíná}
//   to: {type: string, example: zs-komenskeho, en: id of the actor the path ends at, cs: id aktéra, kde cesta končí}
MATCH (a:Actor {uid: $dataset + ':' + $from})
MATCH (b:Actor {uid: $dataset + ':' + $to})
MATCH p = shortestPath((a)-[:REFERS_TO*..15]->(b))
RETURN [n IN nodes(p) | n.id] AS path, length(p) AS steps
