"""The loader against a real Bolt server (embedded ArcadeDB) through the official neo4j driver."""
from __future__ import annotations

import pytest

from graphdb_fixtures import CHINA, D1, INJECTION_NAMES, ev, fixture_batch, injection_batch

from kg import ids
from kg.errors import DatabaseError
from kg.graphdb.client import Client, Target
from kg.graphdb.load import ensure_schema, load_graph, schema_statements
from kg.graphdb.model import to_property_graph
from kg.models import Entity, Event, GraphBatch

pytestmark = pytest.mark.slow


def dump(client) -> tuple[list, list]:
    """Everything in the database: nodes (labels, properties) and relationships, sorted."""
    nodes = client.run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p").records
    rels = client.run("MATCH (a)-[r]->(b) RETURN a.iri AS a, type(r) AS t, b.iri AS b, properties(r) AS p").records
    norm = lambda d: sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in d.items())  # noqa: E731
    return (sorted((tuple(sorted(r["l"])), norm(r["p"])) for r in nodes),
            sorted((r["a"], r["t"], r["b"], norm(r["p"])) for r in rels))


@pytest.fixture()
def empty(client):
    client.run("MATCH (n) DETACH DELETE n")
    return client


def test_load_constraints_are_idempotent(empty):
    ensure_schema(empty)
    first = sorted(r["name"] for r in empty.run("SHOW CONSTRAINTS").records)
    ensure_schema(empty)
    assert sorted(r["name"] for r in empty.run("SHOW CONSTRAINTS").records) == first
    assert sum(1 for q in schema_statements() if "CONSTRAINT" in q) == 6
    assert {f"policykg_{x}_iri" for x in ("entity", "policyevent", "dispatch")} <= set(first)


def test_load_counts_and_twice_changes_nothing(empty):
    pg = to_property_graph(fixture_batch())
    s1 = load_graph(empty, pg, batch_size=7)
    assert s1.nodes_created == pg.node_count and s1.relationships_created == pg.rel_count
    before = dump(empty)
    s2 = load_graph(empty, pg)
    assert (s2.nodes_created, s2.relationships_created) == (0, 0)
    assert s2.nodes_matched == pg.node_count and dump(empty) == before


def test_load_second_graph_merges_on_shared_entities(empty):
    load_graph(empty, to_property_graph(fixture_batch()))
    n0 = empty.run("MATCH (n) RETURN count(n) AS c").records[0]["c"]
    china2 = Entity(key=CHINA.key, type="Country", name="China", aliases=("People's Republic of China",),
                    wikidata="Q148")
    trade = Entity(key=ids.entity_key("GovernmentBody", "Trade Office"), type="GovernmentBody", name="Trade Office")
    event = Event(key=ids.event_key("Subsidy", [CHINA.key], [], ["Energy"], "2026"), measure="Subsidy",
                  actors=(CHINA.key,), sectors=("Energy",), date="2026", evidence=(ev("China subsidises.", D1),))
    s = load_graph(empty, to_property_graph(GraphBatch(entities=(china2, trade), events=(event,))))
    assert s.nodes_created == 4  # Trade Office, the event, Subsidy, Energy; no second China
    assert s.dangling == 0  # the event's dispatch is not in this batch but is in the database
    assert empty.run("MATCH (n) RETURN count(n) AS c").records[0]["c"] == n0 + 4
    china = empty.run("MATCH (c:Country) WHERE c.iri = $iri RETURN c.aliases AS a", {"iri": str(ids.iri(CHINA.key))}).records
    assert len(china) == 1 and set(china[0]["a"]) == {"PRC", "People's Republic of China"}
    acts = empty.run("MATCH (e:PolicyEvent)-[:ACTOR]->(c:Country) WHERE c.name = 'China' RETURN count(e) AS n").records
    assert acts[0]["n"] == 5
    assert empty.run("MATCH (e:PolicyEvent)-[:MENTIONED_IN]->(d:Dispatch) WHERE e.measure = 'Subsidy' "
                     "RETURN d.id AS d").records[0]["d"] == D1


def test_load_second_graph_unites_relationship_evidence(empty):
    from graphdb_fixtures import D2, HUAWEI
    from kg.models import Relation

    def batch(dispatch, conf):
        r = Relation(subject=HUAWEI.key, predicate="headquarteredIn", object=CHINA.key, confidence=conf,
                     evidence=(ev(f"Said in {dispatch}.", dispatch, conf=conf),))
        return GraphBatch(entities=(HUAWEI, CHINA), relations=(r,))

    load_graph(empty, to_property_graph(batch(D1, 0.6)))
    s = load_graph(empty, to_property_graph(batch(D2, 0.9)))
    assert (s.relationships_created, s.relationships_matched) == (0, 1)
    r = empty.run("MATCH (:Company)-[r:HEADQUARTERED_IN]->(:Country) RETURN properties(r) AS p").records
    assert len(r) == 1
    p = r[0]["p"]
    assert set(p["dispatch_ids"]) == {D1, D2} and p["confidence"] == 0.9
    assert set(p["sentences"]) == {f"Said in {D1}.", f"Said in {D2}."}
    load_graph(empty, to_property_graph(batch(D1, 0.6)))  # an old, weaker statement does not lower it
    p = empty.run("MATCH (:Company)-[r:HEADQUARTERED_IN]->(:Country) RETURN properties(r) AS p").records[0]["p"]
    assert p["confidence"] == 0.9 and set(p["dispatch_ids"]) == {D1, D2}


def test_load_injection_names_are_data_and_nothing_else_changes(empty):
    load_graph(empty, to_property_graph(fixture_batch()))
    before = dump(empty)
    load_graph(empty, to_property_graph(injection_batch()))
    after = dump(empty)
    names = {r["n"] for r in empty.run("MATCH (c:Company) RETURN c.name AS n").records}
    assert set(INJECTION_NAMES) <= names
    added_nodes = [n for n in after[0] if n not in before[0]]
    assert len(added_nodes) == len(INJECTION_NAMES)  # only the new companies; nothing deleted
    assert all(n in after[0] for n in before[0]) and all(r in after[1] for r in before[1])
    assert len(after[1]) == len(before[1]) + len(INJECTION_NAMES)


def test_load_wrong_password_is_one_clear_error(embedded_server):
    info, _pw = embedded_server
    with pytest.raises(DatabaseError) as e:
        Client(Target(info.uri, "root", "not-the-password", info.database))
    assert "authentication failed" in str(e.value) and "\n" not in str(e.value)
    assert "not-the-password" not in str(e.value)


def test_load_cypher_compatibility(client):
    """The Cypher features the named queries and the loader rely on, checked on this server."""
    client.run("MATCH (n) DETACH DELETE n")
    client.run("UNWIND range(1, 4) AS i CREATE (:PolicyEvent {iri: 'c' + toString(i), year: 2020 + i, "
               "sectors: ['A', 'B'], date: '202' + toString(i) + '-01'})")
    client.run("MATCH (a:PolicyEvent), (b:PolicyEvent) WHERE a.year = b.year + 1 MERGE (a)-[:RESPONDS_TO]->(b)")
    checks = {
        "MATCH p = (a:PolicyEvent {iri: 'c4'})-[:RESPONDS_TO*1..6]->(b) RETURN b.iri AS x, min(length(p)) AS h "
        "ORDER BY h": [("c3", 1), ("c2", 2), ("c1", 3)],
        "MATCH (a:PolicyEvent {iri: 'c2'})-[:RESPONDS_TO|ANALOGOUS_TO*1..2]-(b) RETURN DISTINCT b.iri AS x, 0 AS h "
        "ORDER BY x": [("c1", 0), ("c3", 0), ("c4", 0)],
        "MATCH (e:PolicyEvent) WHERE EXISTS { MATCH (e)-[:RESPONDS_TO]->(x) WHERE x.year > 2022 } "
        "RETURN e.iri AS x, e.year AS h ORDER BY x": [("c4", 2024)],
        "MATCH (e:PolicyEvent {iri: 'c1'}) UNWIND e.sectors AS x RETURN x, count(*) AS h ORDER BY x": [("A", 1), ("B", 1)],
        "MATCH (e:PolicyEvent) WHERE e.date >= '2023' OPTIONAL MATCH (e)-[:ANALOGOUS_TO]->(o) "
        "RETURN e.iri AS x, coalesce(o.iri, 'none') AS h ORDER BY x DESC LIMIT 1": [("c4", "none")],
        "MATCH (e:PolicyEvent) WHERE e.iri IN ['c1', 'c2'] RETURN count(DISTINCT e.year) AS x, "
        "[y IN collect(e.year) WHERE y > 2021] AS h": [(2, [2022])],
        "RETURN CASE WHEN 0.5 > 0.7 THEN 'a' ELSE 'b' END AS x, size(['a', 'b'] + [z IN ['a', 'c'] WHERE NOT z IN ['a', 'b']]) AS h": [("b", 3)],
    }
    for q, rows in checks.items():
        got = [tuple(r.values()) for r in client.run(q).records]
        assert got == rows, q


def test_load_unknown_label_cannot_be_built():
    from kg.graphdb.load import checked_name

    with pytest.raises(ValueError):
        checked_name("Country) DETACH DELETE n //", ("Country",))


def _plan(client, query: str, params: dict) -> str:
    res = client.run("PROFILE " + query, params)
    p = res.summary.profile or res.summary.plan or {}
    return str(p.get("args", {}).get("string-representation", p))


def test_load_node_statements_seek_the_key_index(empty):
    """Each node statement finds its nodes through the iri index of the key label (ArcadeDB's PROFILE).

    A multi-label MERGE (n:Entity:Company {iri}) was not planned as an index seek and made entity
    loads slow down as the graph grew; the statements must keep looking nodes up by Entity alone.
    """
    from kg.graphdb.load import node_rows, node_statements, write_nodes

    pg = to_property_graph(fixture_batch())
    load_graph(empty, pg)
    companies = next(g for g in pg.nodes if g.extra_label == "Company")
    create, update = node_statements(companies)
    assert "MERGE" not in create and "(n:Entity {iri: row.iri})" in create and "CREATE (m:Entity:Company)" in create
    rows = node_rows(companies)
    for q in (create, update):
        assert "index: Entity[iri]" in _plan(empty, q, {"rows": rows}), q
    assert write_nodes(empty, (create, update), rows)[:2] == (0, len(rows))  # all exist: none created


def test_load_entities_get_both_labels_once(empty):
    from kg.graphdb.load import node_rows

    pg = to_property_graph(fixture_batch())
    load_graph(empty, pg)
    got = empty.run("MATCH (n:Entity) RETURN labels(n) AS l, n.type AS t").records
    assert len(got) == len(fixture_batch().entities)
    assert all(set(r["l"]) == {"Entity", r["t"]} for r in got)
    assert empty.run("MATCH (n:Entity:Company) RETURN count(n) AS c").records[0]["c"] == 3
    # one IRI twice in a group: one row, aliases united (two CREATEs would break the constraint)
    g = next(g for g in pg.nodes if g.extra_label == "Country")
    doubled = type(g)(g.key_label, g.extra_label, [dict(g.rows[0], aliases=["X1"]), dict(g.rows[0], aliases=["X2"])])
    rows = node_rows(doubled)
    assert len(rows) == 1 and rows[0]["aliases"] == ["X1", "X2"]


# --------------------------------------------------------------------------- bulk path

def _answers(client) -> dict:
    """Every named query's rows, with its example parameters."""
    from kg.graphdb.queries import query_files, read_query, run_cypher

    out = {}
    for path in query_files("cypher"):
        q = read_query(path)
        out[q.name] = run_cypher(client, q, q.example_params()).rows
    return out


def _index_names(client) -> set:
    return {r["name"] for r in client.run("SHOW INDEXES").records} | {
        r["name"] for r in client.run("SHOW CONSTRAINTS").records}


def test_bulk_load_gives_the_incremental_graph_and_a_second_load_changes_nothing(empty):
    """Same counts, labels, properties, relationships, indexes and query answers; then a no-op."""
    from kg.graphdb.load import bulk_load_graph

    pg = to_property_graph(fixture_batch())
    inc = load_graph(empty, pg, batch_size=7)
    want, want_answers, want_indexes = dump(empty), _answers(empty), _index_names(empty)
    empty.run("MATCH (n) DETACH DELETE n")
    bulk = bulk_load_graph(empty, pg, batch_size=7)
    assert bulk.bulk and not inc.bulk
    assert (bulk.nodes_created, bulk.relationships_created) == (inc.nodes_created, inc.relationships_created)
    assert (bulk.nodes_created, bulk.relationships_created) == (pg.node_count, pg.rel_count)
    assert dump(empty) == want
    assert _answers(empty) == want_answers
    assert want_indexes <= _index_names(empty)
    again = bulk_load_graph(empty, pg)  # not empty any more: merges, creates nothing
    assert not again.bulk and (again.nodes_created, again.relationships_created) == (0, 0)
    assert again.nodes_matched == pg.node_count and dump(empty) == want


def test_bulk_load_joins_repeated_rows_like_merge(empty):
    """A node or relationship repeated in the batch is written once, with MERGE's joined properties."""
    from kg.graphdb.load import bulk_load_graph
    from kg.graphdb.model import PropertyGraph, RelGroup

    pg = to_property_graph(fixture_batch())
    g = next(g for g in pg.rels if g.type == "HEADQUARTERED_IN")
    r0 = g.rows[0]
    twin = dict(r0, props=dict(r0["props"], sentence="Later sentence.", sentences=["Later sentence."],
                               dispatch_ids=["ffffffffffffffff"], confidence=0.3))
    doubled = PropertyGraph(nodes=pg.nodes + [pg.nodes[0]],
                            rels=[RelGroup(x.type, x.src_label, x.dst_label, x.rows + ([twin] if x is g else []))
                                  for x in pg.rels])
    load_graph(empty, doubled)
    want = dump(empty)
    empty.run("MATCH (n) DETACH DELETE n")
    s = bulk_load_graph(empty, doubled)
    assert s.bulk and dump(empty) == want
    assert s.relationships_created == pg.rel_count and s.relationships_matched == 1


def test_bulk_load_into_a_non_empty_database_merges(empty):
    from kg.graphdb.load import bulk_load_graph

    load_graph(empty, to_property_graph(injection_batch()))
    s = bulk_load_graph(empty, to_property_graph(fixture_batch()))
    assert not s.bulk and s.nodes_matched == 1  # China was there already: no duplicate
    assert empty.run("MATCH (n:Entity) WHERE n.name = 'China' RETURN count(n) AS c").records[0]["c"] == 1
