// name: analogy_chains
// question: Which measures in other countries or sectors parallel a country's measures, directly or through a chain of analogies?
// params: country (string, e.g. "United States")
// shape: the country's events first, then their chains (not every event first and the country last): 17-26x faster at 115k relationships
MATCH (c:Country)<-[:ACTOR]-(e:PolicyEvent)
WHERE c.name = $country
MATCH (e)-[:ANALOGOUS_TO*1..3]-(o:PolicyEvent)
WHERE e <> o
MATCH (o)-[:ACTOR]->(oc:Entity)
UNWIND o.sectors AS analogue_sector
RETURN DISTINCT e.label AS event, o.label AS analogue, oc.name AS analogue_actor, analogue_sector
ORDER BY event, analogue, analogue_sector
