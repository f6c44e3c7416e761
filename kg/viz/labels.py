"""Text placement shared by the static pictures (timeline, map): what a label says and whether two
rendered labels touch. Labels are untrusted text, drawn as one line."""
from __future__ import annotations

from typing import Any


def one_line(text: str) -> str:
    """The text on one line, runs of white space folded (mathtext is off in the pictures)."""
    return " ".join(str(text).split())


def boxes_overlap(a: Any, b: Any, pad: float = 4.0) -> bool:
    """Whether two matplotlib window extents touch, with ``pad`` pixels across and 1 up and down."""
    return not (a.x1 + pad <= b.x0 or b.x1 + pad <= a.x0 or a.y1 + 1 <= b.y0 or b.y1 + 1 <= a.y0)
