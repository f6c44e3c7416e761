"""``kg version``: the package version, the spaCy model and the library versions."""
from __future__ import annotations

import typer

from kg.cli.common import guarded, out


def register(app: typer.Typer) -> None:
    @app.command("version")
    def version_cmd() -> None:
        """Print the PolicyKG version, the spaCy model it would load, the learned weights (sha256 and
        training data) and key library versions."""
        with guarded():
            from kg.about import about

            for k, v in about().items():
                out.print(f"{k}: {v}", markup=False)
