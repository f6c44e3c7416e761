// name: who_targets_group
// question: Who takes measures aimed at a population group (e.g. AI researchers), and which?
// params: group (string, e.g. "AI researchers")
MATCH (e:PolicyEvent)-[:TARGETS]->(g:Group)
WHERE g.name = $group OR $group IN g.aliases
MATCH (e)-[:ACTOR]->(a:Entity)
RETURN DISTINCT a.name AS actor, e.measure AS measure, e.date AS date, e.status AS status
ORDER BY date, actor
