"""Session fixtures for the RDF tests; the batch itself is built in rdf_fixtures.py (a uniquely
named module, so test files can import its constants without clashing with other conftest.py)."""
from __future__ import annotations

import pytest

from rdf_fixtures import make_batch
from kg.models import GraphBatch


@pytest.fixture(scope="session")
def batch() -> GraphBatch:
    return make_batch()
