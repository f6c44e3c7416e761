"""The fixture graph and the embedded server come from tests/graphdb/graphdb_fixtures.py (shared)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "graphdb"))

from graphdb_fixtures import client, embedded_server  # noqa: E402,F401  (pytest fixtures)
