// name: needs-without-provider
// description:
//   en: Needs without a provider, per ORP - each need and support level no actor of the dataset covers (an actor covers every combination of its needs and its levels).
//   cs: Potřeby bez poskytovatele v každé ORP - potřeby a úrovně podpory, které nepokrývá žádný aktér datové sady (aktér pokrývá každou kombinaci svých potřeb a úrovní).
// parameters:
//   dataset: {type: string, example: horni-lhota-2025, required: false, en: 'the dataset id (leave out for every dataset)', cs: 'id datové sady (vynechte pro všechny)'}
//   needs: {type: list, example: [safety, health], default: [relationships, safety, health, learning, behaviour, material_security], en: need codes, cs: kódy potřeb}
//   levels: {type: list, example: [targeted], default: [universal, targeted, specialised], en: support level codes, cs: kódy úrovní podpory}
MATCH (d:Dataset)
WHERE $dataset IS NULL OR d.id = $dataset
UNWIND $needs AS need
UNWIND $levels AS level
WITH d, need, level
WHERE NOT EXISTS {
  MATCH (a:Actor {dataset: d.id})
  WHERE need IN a.needs AND level IN a.levels
}
RETURN d.id AS dataset, d.orp AS orp, need, level
ORDER BY dataset, need, level
