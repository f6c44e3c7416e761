// name: most_active_actors
// question: Who enacts or proposes the most measures (top 10)?
// params: none
MATCH (e:PolicyEvent)-[:ACTOR]->(a:Entity)
RETURN a.name AS actor, a.type AS type, count(DISTINCT e) AS events, count(DISTINCT e.measure) AS measures
ORDER BY events DESC, actor
LIMIT 10
