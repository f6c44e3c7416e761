// name: groups_targeted_across_sectors
// question: Which population groups are targeted, in how many sectors and by how many measures?
// params: none
MATCH (e:PolicyEvent)-[:TARGETS]->(g:Group)
MATCH (e)-[:IN_SECTOR]->(s:Sector)
RETURN g.name AS target_group, count(DISTINCT s) AS sectors, count(DISTINCT e) AS events
ORDER BY sectors DESC, target_group
