"""Analysts' corrections: attributed, replayable decisions applied after every extraction.

* :mod:`kg.corrections.keys`   — stable keys of events, entities, role values, relations, analogies
* :mod:`kg.corrections.model`  — :class:`Decision`, one line of a corrections file (validated)
* :mod:`kg.corrections.io`     — reading (``FILE:LINE`` errors) and appending decision lines
* :mod:`kg.corrections.apply`  — decisions applied to a GraphBatch, with a report per decision

``kg build`` applies the store's ``corrections.jsonl``; ``kg extract`` and ``kg load`` apply
``--corrections FILE``. See docs/review.md.
"""
from __future__ import annotations

from pathlib import Path

from kg.corrections.apply import ApplyReport, Outcome, apply_corrections, decision_evidence
from kg.corrections.io import STORE_FILE, Located, append_decisions, read_decisions
from kg.corrections.model import Decision, NewEvent
from kg.models import GraphBatch

__all__ = ["ApplyReport", "Decision", "Located", "NewEvent", "Outcome", "STORE_FILE", "append_decisions",
           "apply_corrections", "apply_file", "decision_evidence", "read_decisions", "store_file"]


def store_file(store_dir: str | Path) -> Path:
    """The corrections file of a store directory."""
    return Path(store_dir) / STORE_FILE


def apply_file(batch: GraphBatch, path: str | Path | None,
               missing_ok: bool = False) -> tuple[GraphBatch, ApplyReport]:
    """``batch`` with the decisions of ``path`` applied (unchanged when ``path`` is None)."""
    if path is None:
        return batch, ApplyReport()
    return apply_corrections(batch, read_decisions(path, missing_ok=missing_ok))
