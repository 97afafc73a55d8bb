// name: isolated
// description:
//   en: Isolated actors - no link of any kind (referral, information, meeting, cooperation) with another actor of the dataset.
//   cs: Izolovaní aktéři - žádná vazba (doporučení, informace, setkání, spolupráce) s jiným aktérem datové sady.
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
MATCH (a:Actor {dataset: $dataset})
WHERE NOT EXISTS {
  MATCH (a)-[:REFERS_TO|INFORMS|MEETS_WITH|COOPERATES_WITH]-(b:Actor)
  WHERE b <> a
}
RETURN a.id AS id, a.name AS name, a.sector AS sector
ORDER BY id
