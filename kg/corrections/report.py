"""Decisions and their outcomes as rows (for ``kg corrections list``)."""
from __future__ import annotations

from kg.corrections.apply import ApplyReport, Outcome

COLUMNS = ("where", "action", "subject", "describe", "who", "when", "why", "status", "detail")


def outcome_row(o: Outcome) -> list:
    d = o.decision
    subject = d.subject + (f" -> {d.into}" if d.into else "") + (f" = {d.value}" if d.value else "")
    return [o.located.where, d.action, subject, d.describe, d.who,
            d.when.isoformat().replace("+00:00", "Z"), d.why, o.status, o.detail]


def report_rows(report: ApplyReport, rejected_only: bool = False) -> list[list]:
    """One row per decision, in file order; ``rejected_only``: the statements kept out of the graph."""
    if rejected_only:
        kept_out = {id(loc) for _k, _d, loc in report.rejected}
        return [outcome_row(o) for o in report.outcomes if id(o.located) in kept_out]
    return [outcome_row(o) for o in report.outcomes]


def missing_lines(report: ApplyReport) -> list[str]:
    """One line per decision whose subject is not in the graph (FILE:LINE: action subject: why)."""
    return [f"{o.located.where}: {o.decision.action} {o.decision.subject}: {o.detail}" for o in report.missing]
