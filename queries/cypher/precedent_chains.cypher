// name: precedent_chains
// question: Which precedents does a country's measure rest on, directly or through a chain of precedents?
// params: country (string, e.g. "Netherlands")
// shape: the country's events first, then their chains (not every event first and the country last): 17-26x faster at 115k relationships
MATCH (c:Country)<-[:ACTOR]-(e:PolicyEvent)
WHERE c.name = $country
MATCH p = (e)-[:CITES_PRECEDENT*1..6]->(x)
RETURN e.label AS event, coalesce(x.label, x.name) AS precedent, min(length(p)) AS hops
ORDER BY event, hops, precedent
