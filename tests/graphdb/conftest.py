"""Fixtures for the property-graph tests: see graphdb_fixtures.py (shared with tests/queries)."""
from graphdb_fixtures import client, embedded_server  # noqa: F401  (pytest fixtures)
