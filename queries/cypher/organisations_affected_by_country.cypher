// name: organisations_affected_by_country
// question: Which organisations are affected by a country's measures?
// params: country (string, e.g. "China")
MATCH (c:Country)<-[:ACTOR]-(e:PolicyEvent)-[:AFFECTS]->(o:Entity)
WHERE c.name = $country AND o.type IN ['Company', 'ResearchOrganization', 'GovernmentBody']
RETURN DISTINCT o.name AS organisation, o.type AS type, e.measure AS measure, e.date AS date
ORDER BY organisation, date
