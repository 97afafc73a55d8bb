// name: unknown
// description:
//   en: Unknown actors - did not answer and no working tie names them; nothing is known of them (their isolation may be missing data). Empty when the data does not tell who answered.
//   cs: Neznámí aktéři - neodpověděli a žádný pracovní vztah je neuvádí; nic o nich nevíme (jejich izolace může být chybějící údaj). Prázdné, když data neříkají, kdo odpověděl.
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
MATCH (a:Actor {dataset: $dataset})
WHERE a.responded = false
  AND NOT EXISTS {
    MATCH (a)-[:TIE {layer: 'working'}]-(b:Actor)
    WHERE b <> a
  }
RETURN a.id AS id, a.name AS name, a.sector AS sector
ORDER BY id
