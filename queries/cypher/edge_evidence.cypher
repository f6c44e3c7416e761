// name: edge_evidence
// question: What is the evidence behind a relation between two entities?
// params: subject (string, e.g. "Huawei"), object (string, e.g. "China")
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.name = $subject AND b.name = $object
RETURN r.predicate AS relation, r.sentence AS sentence, r.dispatch_id AS dispatch, r.rule AS rule, r.confidence AS confidence
ORDER BY relation, sentence
