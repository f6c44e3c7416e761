// name: measures_by_country
// question: Which measures has each country taken, by year?
// params: none
MATCH (e:PolicyEvent)-[:ACTOR]->(c:Country)
RETURN c.name AS country, e.year AS year, e.measure AS measure, count(DISTINCT e) AS events
ORDER BY country, year, measure
