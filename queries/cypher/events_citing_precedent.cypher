// name: events_citing_precedent
// question: Which measures cite a given precedent (a law, case or earlier measure), and with what evidence?
// params: precedent (string, e.g. "Export Control Reform Act")
// shape: the precedent is found first (indexes on Entity.name and PolicyEvent.label), then its citing events
CALL {
  MATCH (x:Entity) WHERE x.name = $precedent RETURN x
  UNION
  MATCH (x:PolicyEvent) WHERE x.label = $precedent RETURN x
}
MATCH (e:PolicyEvent)-[r:CITES_PRECEDENT]->(x)
MATCH (e)-[:ACTOR]->(a:Entity)
RETURN e.label AS event, a.name AS actor, e.date AS date, r.sentence AS evidence
ORDER BY date, event
