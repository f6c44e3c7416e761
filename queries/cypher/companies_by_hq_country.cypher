// name: companies_by_hq_country
// question: Which companies are headquartered in a country, and which measures target or affect them?
// params: country (string, e.g. "United States")
MATCH (co:Company)-[:HEADQUARTERED_IN]->(k:Country)
WHERE k.name = $country
OPTIONAL MATCH (e:PolicyEvent)-[:AFFECTS|TARGETS]->(co)
OPTIONAL MATCH (e)-[:ACTOR]->(a:Entity)
RETURN DISTINCT co.name AS company, e.measure AS measure, a.name AS actor, e.date AS date
ORDER BY company, date, measure
