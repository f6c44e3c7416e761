"""One exception hierarchy. The CLI maps each class to a one-line message and an exit code."""
from __future__ import annotations


class KGError(Exception):
    """Base class: every error the library raises on purpose."""

    exit_code = 2


class InputError(KGError):
    """A dispatch cannot be read: missing, empty, binary, undecodable, malformed, too large."""

    def __init__(self, source: str, problem: str):
        self.source, self.problem = source, problem
        super().__init__(f"{source}: {problem}")


class NothingRead(KGError):
    """No input could be read: nothing was written, and an existing output was left as it was."""

    def __init__(self, failures: list, output: object = None):
        self.failures = list(failures)
        what = "; ".join(str(f) for f in self.failures[:3]) or "no dispatches in the inputs"
        if len(self.failures) > 3:
            what += f"; and {len(self.failures) - 3} more"
        kept = f"; nothing written, {output} left unchanged" if output not in (None, "-") else "; nothing written"
        super().__init__(f"no dispatch could be read ({what}){kept}")


class ModelError(KGError):
    """The spaCy model cannot be loaded."""


class OutputError(KGError):
    """An output file cannot be written (read-only, disk full, unknown format)."""


class ValidationFailed(KGError):
    """SHACL validation found violations."""

    exit_code = 1


class DatabaseError(KGError):
    """The graph database is unreachable, refused the credentials, or failed a query."""


class ConfigError(KGError):
    """A bad option value or configuration file."""
