// name: sector_timeline
// question: What happened in a sector, in date order?
// params: sector (string, e.g. "Semiconductors")
MATCH (e:PolicyEvent)-[:IN_SECTOR]->(s:Sector)
WHERE s.name = $sector
MATCH (e)-[:ACTOR]->(a:Entity)
RETURN e.date AS date, a.name AS actor, e.measure AS measure, e.status AS status, e.label AS event
ORDER BY date, event, actor
