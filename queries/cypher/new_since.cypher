// name: new_since
// question: Which measures are dated on or after a date (ISO: YYYY, YYYY-MM or YYYY-MM-DD)?
// params: since (string, e.g. "2024-06")
MATCH (e:PolicyEvent)
WHERE e.date >= $since
MATCH (e)-[:ACTOR]->(a:Entity)
RETURN e.date AS date, e.label AS event, a.name AS actor, e.measure AS measure
ORDER BY date, event, actor
