// name: analogy_chains
// question: Which measures in other countries or sectors parallel a country's measures, directly or through a chain of analogies?
// params: country (string, e.g. "United States")
MATCH (e:PolicyEvent)-[:ANALOGOUS_TO*1..3]-(o:PolicyEvent)
WHERE e <> o AND EXISTS { MATCH (e)-[:ACTOR]->(c:Country) WHERE c.name = $country }
MATCH (o)-[:ACTOR]->(oc:Entity)
UNWIND o.sectors AS analogue_sector
RETURN DISTINCT e.label AS event, o.label AS analogue, oc.name AS analogue_actor, analogue_sector
ORDER BY event, analogue, analogue_sector
