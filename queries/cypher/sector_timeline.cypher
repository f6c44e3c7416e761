// name: sector_timeline
// question: What happened in a sector, in date order?
// params: sector (string, e.g. "Semiconductors")
// shape: the sector first (WITH ends the pattern, so the planner cannot start from all entities)
MATCH (s:Sector) WHERE s.name = $sector
WITH s
MATCH (s)<-[:IN_SECTOR]-(e:PolicyEvent)-[:ACTOR]->(a:Entity)
RETURN e.date AS date, a.name AS actor, e.measure AS measure, e.status AS status, e.label AS event
ORDER BY date, event, actor
