"""A timeline of policy measures by country (or sector), drawn with matplotlib's Agg backend.

One row per country (the countries of each event's actors) or per sector; one marker per event at
its date, coloured by kind of measure. A date known only to the year or month is drawn as a bar
across that year or month, or as a hollow marker when the bar would be too thin to see. Labels
that would overlap on a row are left out (the colour still tells the measure). Undated events cannot
be placed and are listed in a note under the axes.
Labels are untrusted text: mathtext is switched off (``text.parse_math``) so a ``$`` in a name is a
dollar sign, and the SVG backend draws text as paths (no text elements to inject into).
"""
from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

from kg.atomic import emit
from kg.errors import ConfigError, OutputError
from kg.models import GraphBatch
from kg.viz.network import short_sector, to_networkx

TIMELINE_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
GROUPINGS = ("country", "sector")


def _plain(text: str) -> str:
    """One line (mathtext is off, see write_timeline)."""
    return " ".join(str(text).split())


def date_span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) of an ISO date, year-month or year; None if absent or unreadable."""
    if not value:
        return None
    try:
        parts = [int(p) for p in str(value).split("-")[:3]]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
        d = dt.date(*parts)
        return d, d
    except (ValueError, TypeError):
        return None


def timeline_rows(batch: GraphBatch, by: str = "country"):
    """(placed, undated): placed is a list of (row, start, end, measure, label); undated of labels."""
    if by not in GROUPINGS:
        raise ConfigError(f"--by: {by!r} is not one of {', '.join(GROUPINGS)}")
    g = to_networkx(batch)
    placed, undated = [], []
    for n, d in g.nodes(data=True):
        if d.get("kind") != "event":
            continue
        span = date_span(d.get("date"))
        if span is None:
            undated.append(d["label"])
            continue
        sectors = [short_sector(s) for s in d.get("sectors") or []]
        if by == "country":  # the row says who: the marker says what
            rows = d.get("countries")
            text = " · ".join([d.get("measure", "Other")] + (["/".join(sectors)] if sectors else []))
        else:
            rows, text = sectors, " · ".join(((d.get("countries") or [])[:1]) + [d.get("measure", "Other")])
        for row in rows or ["(unknown)"]:
            placed.append((row, span[0], span[1], d.get("measure", "Other"), text))
    return placed, sorted(undated)


def write_timeline(batch: GraphBatch, path: str | Path, by: str = "country", title: str | None = None,
                   max_rows: int = 40) -> Path:
    """Draw the timeline to ``path`` (.png, .svg or .pdf): at most ``max_rows`` rows, the busiest."""
    path = Path(path)
    fmt = TIMELINE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise OutputError(f"{path}: unknown picture format {path.suffix or '(none)'!r}; "
                          f"use one of {', '.join(sorted(TIMELINE_FORMATS))}")
    placed, undated = timeline_rows(batch, by)

    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    if max_rows < 1:
        raise ConfigError("--max-rows: must be 1 or more")
    counts: dict[str, int] = {}
    for r, *_ in placed:
        counts[r] = counts.get(r, 0) + 1
    keep = set(sorted(counts, key=lambda r: (-counts[r], r.casefold()))[:max_rows])
    dropped = (len(counts) - len(keep), sum(n for r, n in counts.items() if r not in keep))
    placed = [p for p in placed if p[0] in keep]
    rows = sorted(keep, key=str.casefold)
    measures = sorted({m for *_, m, _ in placed})
    cmap = matplotlib.colormaps["tab20"]
    colour = {m: cmap(i % 20) for i, m in enumerate(measures)}
    y = {r: i for i, r in enumerate(reversed(rows))}
    note_lines = min(len(undated), 12) + (1 if undated else 0) + (1 if dropped[0] else 0)
    height = max(2.8, 0.75 * len(rows) + 1.8 + 0.22 * note_lines)
    with matplotlib.rc_context({"text.parse_math": False, "text.usetex": False, "svg.fonttype": "path",
                                "font.family": "DejaVu Sans", "font.size": 9}):
        fig, ax = plt.subplots(figsize=(11, height), dpi=110)
        try:
            lo = min((p[1] for p in placed), default=dt.date(2000, 1, 1))
            hi = max((p[2] for p in placed), default=dt.date(2001, 1, 1))
            total_days = max((hi - lo).days, 1)
            near = max(total_days / 9, 30)  # labels on one row closer than this would overlap
            offsets = (8, -15, 19, -26)
            last: dict[tuple[str, int], dt.date] = {}  # (row, label level) -> date of its last label
            for row, start, end, measure, label in sorted(placed, key=lambda p: (p[0], p[1])):
                yy = y[row]
                if start != end and (end - start).days >= total_days / 150:
                    # known only to the year or month, and wide enough to see: a bar across it
                    ax.plot([start, end], [yy, yy], "-", color=colour[measure], linewidth=7, alpha=0.85,
                            solid_capstyle="butt", zorder=2)
                else:  # an exact date (filled) or a short span too thin to see as a bar (hollow)
                    exact = start == end
                    ax.plot([start + (end - start) / 2], [yy], "o", markersize=8, zorder=3,
                            color=colour[measure], markerfacecolor=colour[measure] if exact else "white",
                            markeredgecolor="black" if exact else colour[measure],
                            markeredgewidth=0.5 if exact else 2)
                mid = start + (end - start) / 2
                level = next((lv for lv in range(len(offsets))
                              if (row, lv) not in last or (mid - last[(row, lv)]).days >= near), None)
                if level is None:  # no room left near this date: the colour and legend say what it is
                    continue
                last[(row, level)] = mid
                offset = offsets[level]
                ax.annotate(_plain(label), (mid, yy), xytext=(0, offset), textcoords="offset points", ha="center",
                            va="bottom" if offset > 0 else "top", fontsize=7, color="#333333",
                            annotation_clip=False)
            ax.set_yticks(list(y.values()), [_plain(r) for r in y])
            ax.set_ylim(-0.8, max(len(rows) - 0.2, 0.8))
            if placed:
                ax.xaxis.set_major_locator(mdates.AutoDateLocator())
                ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
            ax.grid(axis="x", color="#dddddd")
            ax.set_axisbelow(True)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
            ax.set_title(_plain(title or f"Policy measures by {by} over time"), loc="left", fontsize=12)
            if not placed:
                ax.text(0.5, 0.5, "no dated events", transform=ax.transAxes, ha="center", va="center")
                ax.set_xticks([])
            handles = [Line2D([], [], marker="o", linestyle="", color=colour[m], markeredgecolor="black",
                              markeredgewidth=0.5, label=_plain(m)) for m in measures]
            if handles:
                ax.legend(handles=handles, title="measure", loc="upper left", bbox_to_anchor=(1.01, 1.0),
                          frameon=False, fontsize=8)
            notes = []
            if dropped[0]:
                notes.append(f"{dropped[0]} more {by} rows with {dropped[1]} events not shown (the {len(keep)} "
                             "busiest are).")
            if undated:
                shown = [_plain(u) for u in undated[:12]]
                if len(undated) > 12:
                    shown.append(f"... and {len(undated) - 12} more")
                notes.append("Undated (not placed): " + "; ".join(shown))
            if notes:
                fig.text(0.01, 0.01, "\n".join(notes), fontsize=7.5, color="#555555", wrap=True, va="bottom")
            fig.tight_layout(rect=(0, min(0.25, 0.03 + 0.03 * len(notes) * (4 / height)), 1, 1))
            emit(path, lambda fh: fig.savefig(fh, format=fmt))
        finally:
            plt.close(fig)
    return path
