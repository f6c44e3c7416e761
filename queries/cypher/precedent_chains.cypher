// name: precedent_chains
// question: Which precedents does a country's measure rest on, directly or through a chain of precedents?
// params: country (string, e.g. "Netherlands")
MATCH p = (e:PolicyEvent)-[:CITES_PRECEDENT*1..6]->(x)
WHERE EXISTS { MATCH (e)-[:ACTOR]->(c:Country) WHERE c.name = $country }
RETURN e.label AS event, coalesce(x.label, x.name) AS precedent, min(length(p)) AS hops
ORDER BY event, hops, precedent
