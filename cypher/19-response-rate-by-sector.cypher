// name: response-rate-by-sector
// description:
//   en: Response rate per sector - actors that answered (from the respondents table, else from who reported links) out of all actors of the sector. Null rates when the data does not tell who answered.
//   cs: Míra odpovědí podle sektoru - aktéři, kteří odpověděli (podle tabulky respondentů, jinak podle toho, kdo vazby uvedl), ze všech aktérů sektoru. Bez hodnot, když data neříkají, kdo odpověděl.
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, en: the dataset id, cs: id datové sady}
MATCH (a:Actor {dataset: $dataset})
WITH a.sector AS sector, count(a) AS actors,
     sum(CASE WHEN a.responded THEN 1 ELSE 0 END) AS answered,
     count(a.responded) AS known
RETURN sector, actors, answered,
       CASE WHEN known = 0 THEN null ELSE toFloat(answered) / actors END AS response_rate
ORDER BY sector
