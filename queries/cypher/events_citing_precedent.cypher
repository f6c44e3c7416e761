// name: events_citing_precedent
// question: Which measures cite a given precedent (a law, case or earlier measure), and with what evidence?
// params: precedent (string, e.g. "Export Control Reform Act")
MATCH (e:PolicyEvent)-[r:CITES_PRECEDENT]->(x)
WHERE x.name = $precedent OR x.label = $precedent
MATCH (e)-[:ACTOR]->(a:Entity)
RETURN e.label AS event, a.name AS actor, e.date AS date, r.sentence AS evidence
ORDER BY date, event
