"""``kg validate``: check RDF files against the project's SHACL shapes."""
from __future__ import annotations

import typer

from kg.cli.common import EXIT_ERROR, EXIT_OK, EXIT_PROBLEM, error_line, guarded, out


def register(app: typer.Typer) -> None:
    @app.command("validate")
    def validate_cmd(
        files: list[str] = typer.Argument(..., metavar="FILE",
                                          help="RDF files (.ttl .trig .nt .nq .jsonld .json, by suffix)."),
    ) -> None:
        """Validate RDF files against ontology/shapes.ttl (SHACL, with the ontology mixed in).

        Prints "OK: N triples conform" for each valid file, or one line per violation
        ("focus node, path, message"). Exit 0 if all conform, 1 if any has violations,
        2 if a file is missing or not valid RDF.
        """
        from kg.errors import InputError
        from kg.rdf.validate import validate

        code = EXIT_OK
        with guarded():
            for f in files:
                try:
                    report = validate(f)
                except InputError as exc:
                    error_line(str(exc))
                    code = EXIT_ERROR
                    continue
                prefix = f"{f}: " if len(files) > 1 else ""
                out.print(prefix + str(report), markup=False)
                if not report.conforms and code == EXIT_OK:
                    code = EXIT_PROBLEM
        raise typer.Exit(code)
