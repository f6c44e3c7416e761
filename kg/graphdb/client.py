"""One way to talk to a graph database: the official ``neo4j`` driver over Bolt.

The same code serves Neo4j (self-hosted, cluster, Aura: ``neo4j://``, ``neo4j+s://``, ``bolt://``)
and the embedded ArcadeDB server. Every statement runs in a managed transaction
(``driver.execute_query``), retried with exponential backoff on transient failures; every failure
the user can fix (credentials, address, TLS) becomes one :class:`kg.errors.DatabaseError` line.
The password is never logged and never part of an error message.
"""
from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator

from kg.errors import ConfigError, DatabaseError

log = logging.getLogger(__name__)

DEFAULT_USER = "neo4j"
SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


@dataclass(frozen=True)
class Target:
    """Where to connect. ``password`` is excluded from repr so it cannot reach a log."""

    uri: str
    user: str = DEFAULT_USER
    password: str | None = field(default=None, repr=False)
    database: str | None = None


def _explain(exc: BaseException, target: Target) -> str:
    from neo4j import exceptions as nx

    where = target.uri
    text = " ".join(str(getattr(exc, "message", None) or exc).split())
    if isinstance(exc, nx.AuthError):
        return f"{where}: authentication failed for user {target.user!r} (check the password)"
    cause: BaseException | None = exc
    while cause is not None:
        name = type(cause).__name__
        if "SSL" in name or "Certificate" in name:
            return f"{where}: TLS handshake failed ({' '.join(str(cause).split())[:200]})"
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, (nx.ServiceUnavailable, nx.SessionExpired)):
        hint = "; the URI asks for TLS: does the server accept it?" if "+s" in where.split("://")[0] else ""
        return f"{where}: database unreachable ({text[:200]}){hint}"
    if isinstance(exc, nx.ConfigurationError):
        return f"{where}: bad connection settings ({text[:200]})"
    if isinstance(exc, nx.Neo4jError):
        return f"{where}: query failed: {text[:300]}"
    return f"{where}: {type(exc).__name__}: {text[:200]}"


def _is_retryable(exc: BaseException) -> bool:
    from neo4j import exceptions as nx

    if isinstance(exc, (nx.ServiceUnavailable, nx.SessionExpired, nx.TransientError)):
        return True
    return isinstance(exc, nx.Neo4jError) and bool(getattr(exc, "is_retryable", lambda: False)())


class Client:
    """A connected driver plus retrying helpers. Use as a context manager."""

    def __init__(self, target: Target, retries: int = 4, backoff: float = 0.5, timeout: float = 120.0):
        from neo4j import GraphDatabase
        from neo4j import exceptions as nx

        scheme = target.uri.split("://", 1)[0].lower() if target.uri and "://" in target.uri else ""
        if scheme not in SCHEMES:
            raise ConfigError(f"{target.uri!r}: not a Bolt URI (expected {', '.join(s + '://' for s in SCHEMES)})")
        if not log.isEnabledFor(logging.DEBUG):  # the driver logs its own errors; ours is the one line
            logging.getLogger("neo4j").setLevel(logging.CRITICAL)
        self.target, self.retries, self.backoff, self.timeout = target, retries, backoff, timeout
        try:
            self.driver = GraphDatabase.driver(
                target.uri, auth=(target.user, target.password or ""), connection_timeout=10.0,
                max_transaction_retry_time=2.0, connection_acquisition_timeout=30.0)
        except (nx.ConfigurationError, ValueError) as exc:
            raise ConfigError(f"{target.uri}: bad connection settings ({' '.join(str(exc).split())[:200]})") from None
        try:
            self.driver.verify_connectivity()
        except Exception as exc:  # noqa: BLE001 - mapped to one line
            self.driver.close()
            raise DatabaseError(_explain(exc, target)) from None

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, query: str, params: dict[str, Any] | None = None, write: bool = True) -> Any:
        """Run one statement in a managed transaction; retry transient failures with backoff.

        Returns the driver's EagerResult (records, summary, keys).
        """
        from neo4j import Query, RoutingControl

        q = Query(query, timeout=self.timeout)
        delay = self.backoff
        for attempt in range(self.retries + 1):
            try:
                return self.driver.execute_query(
                    q, params or {}, database_=self.target.database,
                    routing_=RoutingControl.WRITE if write else RoutingControl.READ)
            except Exception as exc:  # noqa: BLE001 - mapped below
                if attempt < self.retries and _is_retryable(exc):
                    log.warning("%s: transient failure (%s); retry %d/%d in %.1f s", self.target.uri,
                                type(exc).__name__, attempt + 1, self.retries, delay)
                    time.sleep(delay)
                    delay *= 2
                    continue
                msg = _explain(exc, self.target)
                if attempt:
                    msg += f" (gave up after {attempt + 1} attempts)"
                raise DatabaseError(msg) from None
        raise AssertionError("unreachable")


@contextmanager
def connect(uri: str | None = None, user: str | None = None, password: str | None = None,
            database: str | None = None, data_dir: str | None = None, **kw: Any) -> Iterator[Client]:
    """A client for ``uri``; without one, the embedded server of ``data_dir`` (started if needed)."""
    if uri:
        with Client(Target(uri, user or DEFAULT_USER, password, database), **kw) as c:
            yield c
        return
    from kg.graphdb import embedded

    with embedded.running(data_dir) as (info, pw):
        with Client(Target(info.uri, embedded.USER, pw, database or info.database), **kw) as c:
            yield c
