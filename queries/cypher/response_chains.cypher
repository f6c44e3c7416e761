// name: response_chains
// question: Which measures of one country answer (directly or through a chain of responses) measures of another?
// params: from_country (string, e.g. "United States"), to_country (string, e.g. "China")
// shape: anchored on the first country's events, then walked backwards along the responses
MATCH (c1:Country)<-[:ACTOR]-(a:PolicyEvent)
WHERE c1.name = $from_country
MATCH p = (r:PolicyEvent)-[:RESPONDS_TO*1..6]->(a)
WHERE EXISTS { MATCH (r)-[:ACTOR]->(c2:Country) WHERE c2.name = $to_country }
RETURN a.label AS action, a.date AS action_date, r.label AS response, r.date AS response_date, min(length(p)) AS hops
ORDER BY action_date, response_date
