"""Reading and appending corrections files (JSON lines, one :class:`Decision` a line).

Reading validates every line and reports the first bad ones as ``FILE:LINE: problem``
(:class:`kg.errors.ConfigError`). Blank lines and lines starting with ``#`` are skipped, so a
file can be annotated. Appending writes whole lines only: the file is rewritten atomically
with the new lines at the end, never left half-written.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from kg.atomic import write_bytes_atomic
from kg.corrections.model import Decision
from kg.errors import ConfigError

#: the corrections file of a store directory
STORE_FILE = "corrections.jsonl"


@dataclass(frozen=True)
class Located:
    """A decision and where it was read from."""

    decision: Decision
    source: str
    line: int

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


def _problem(exc: ValidationError) -> str:
    errs = []
    for e in exc.errors()[:3]:
        loc = ".".join(str(x) for x in e.get("loc", ()) if x != "__root__")
        msg = str(e.get("msg", "")).removeprefix("Value error, ")
        errs.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(errs)


def read_decisions(path: str | Path, missing_ok: bool = False) -> list[Located]:
    """Every decision of the file, in file order; a missing file is [] when ``missing_ok``."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        if missing_ok:
            return []
        raise ConfigError(f"{p}: no such corrections file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read the corrections file ({exc})") from None
    out: list[Located] = []
    bad: list[str] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise ValueError("a decision is a JSON object")
            out.append(Located(Decision.model_validate(data), str(p), n))
        except ValidationError as exc:
            bad.append(f"{p}:{n}: {_problem(exc)}")
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            bad.append(f"{p}:{n}: not a JSON object ({exc})")
    if bad:
        more = f" (and {len(bad) - 3} more bad lines)" if len(bad) > 3 else ""
        raise ConfigError("; ".join(bad[:3]) + more)
    return out


def append_decisions(path: str | Path, decisions: list[Decision]) -> list[Decision]:
    """Append the decisions not already the latest word on their subject; returns those written.

    Writing the same decision twice (``kg review --accept K`` run twice) adds nothing.
    """
    p = Path(path)
    existing = read_decisions(p, missing_ok=True)
    latest: dict[tuple[str, str], Decision] = {}
    for loc in existing:
        latest[_slot(loc.decision)] = loc.decision
    new = []
    for d in decisions:
        prev = latest.get(_slot(d))
        if prev is not None and _same(prev, d):
            continue
        latest[_slot(d)] = d
        new.append(d)
    if new:
        old = p.read_bytes() if p.exists() else b""
        if old and not old.endswith(b"\n"):
            old += b"\n"
        write_bytes_atomic(p, old + "".join(d.line() + "\n" for d in new).encode("utf-8"),
                           make_parents=True)
    return new


def _slot(d: Decision) -> tuple[str, str]:
    """Decisions in one slot override each other (the later line wins)."""
    family = {"accept": "verdict", "reject": "verdict", "add": "verdict",
              "merge": "merge", "split": "merge"}.get(d.action, d.action)
    return (family, d.subject)


def _same(a: Decision, b: Decision) -> bool:
    keep = ("action", "subject", "value", "into", "event", "sentence", "dispatch")
    return all(getattr(a, k) == getattr(b, k) for k in keep)


def effective(decisions: list[Located]) -> list[Located]:
    """The decisions that hold: the last of each slot, in file order of those."""
    last: dict[tuple[str, str], Located] = {}
    for loc in decisions:
        last[_slot(loc.decision)] = loc
    keep = {id(x) for x in last.values()}
    return [loc for loc in decisions if id(loc) in keep]
