"""A timeline of policy measures by country (or sector), drawn with matplotlib's Agg backend.

News events only by default; records of the precedent base (kg/precedents) only on request, in a
band of their own. One row per country (the countries of each event's actors) or per sector; one
marker per event at its date, coloured by kind of measure. A date known only to the year or month is drawn as a bar
across that year or month, or as a hollow marker when the bar would be too thin to see. Labels
are placed where they touch no other text, or left out (the colour still tells the measure).
Undated events cannot be placed and are listed in a note under the axes.
Labels are untrusted text: mathtext is switched off (``text.parse_math``) so a ``$`` in a name is a
dollar sign, and the SVG backend draws text as paths (no text elements to inject into).
"""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Any, cast
from pathlib import Path

from kg.atomic import emit
from kg.viz.labels import boxes_overlap, one_line
from kg.errors import ConfigError, OutputError
from kg.models import GraphBatch
from kg.viz.network import short_sector, to_networkx

TIMELINE_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
GROUPINGS = ("country", "sector")


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


NO_ROW = "(no actor country)"
PRECEDENT_SOURCE = "precedent-base"  # kg.precedents.base.SOURCE (not imported: kg.viz stays light)


def is_precedent_record(event) -> bool:
    """A record of the precedent base rather than an event reported in the news."""
    if event.reference:
        return True
    return bool(event.evidence) and all(e.source == PRECEDENT_SOURCE for e in event.evidence)


def timeline_rows(batch: GraphBatch, by: str = "country", with_precedents: bool = False):
    """(placed, undated): placed is a list of (row, start, end, measure, label, band), band "news" or
    "precedents" (precedent-base records, only with ``with_precedents``); undated lists labels."""
    if by not in GROUPINGS:
        raise ConfigError(f"--by: {by!r} is not one of {', '.join(GROUPINGS)}")
    g = to_networkx(batch)
    precedent_keys = {e.key for e in batch.events if is_precedent_record(e)}
    placed, undated = [], []
    for n, d in g.nodes(data=True):
        if d.get("kind") != "event":
            continue
        band = "precedents" if n in precedent_keys else "news"
        if band == "precedents" and not with_precedents:
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
        for row in rows or [NO_ROW]:
            placed.append((row, span[0], span[1], d.get("measure", "Other"), text, band))
    return placed, sorted(undated)


def write_timeline(batch: GraphBatch, path: str | Path, by: str = "country", title: str | None = None,
                   max_rows: int = 40, with_precedents: bool = False) -> Path:
    """Draw the timeline to ``path`` (.png, .svg or .pdf): at most ``max_rows`` rows, the busiest.

    News events by default; ``with_precedents`` adds the precedent-base records in a band of their
    own (their own rows and time axis, under the news). Labels are placed beside their marker at the
    first of a few heights where they touch no text already drawn, and left out otherwise (a note
    says how many); undated events are listed under the axes, not drawn as a row.
    """
    path = Path(path)
    fmt = TIMELINE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise OutputError(f"{path}: unknown picture format {path.suffix or '(none)'!r}; "
                          f"use one of {', '.join(sorted(TIMELINE_FORMATS))}")
    if max_rows < 1:
        raise ConfigError("--max-rows: must be 1 or more")
    placed, undated = timeline_rows(batch, by, with_precedents=with_precedents)

    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    def order(rows, counts):
        return sorted(rows, key=lambda r: (r == NO_ROW, r.casefold()))

    bands = []  # (name, rows, items, dropped)
    for band in ("news", "precedents"):
        items = [p for p in placed if p[5] == band]
        if band == "precedents" and not items:
            continue
        counts: dict[str, int] = {}
        for r, *_ in items:
            counts[r] = counts.get(r, 0) + 1
        keep = set(sorted(counts, key=lambda r: (-counts[r], r.casefold()))[:max_rows])
        dropped = (len(counts) - len(keep), sum(n for r, n in counts.items() if r not in keep))
        items = [p for p in items if p[0] in keep]
        bands.append((band, order(keep, counts), items, dropped))
    measures = sorted({p[3] for _, _, items, _ in bands for p in items})
    cmap = matplotlib.colormaps["tab20"]
    colour = {m: cmap(i % 20) for i, m in enumerate(measures)}
    note_lines = min(len(undated), 12) + (1 if undated else 0) + sum(1 for b in bands if b[3][0]) + 1
    heights = [max(1.6, 0.6 * len(b[1]) + 0.9) for b in bands]
    height = sum(heights) + 1.2 + 0.2 * note_lines
    rc: dict[str, Any] = {"text.parse_math": False, "text.usetex": False, "svg.fonttype": "path",
                          "font.family": "DejaVu Sans", "font.size": 9}
    with matplotlib.rc_context(cast(Any, rc)):
        fig, axes = plt.subplots(len(bands), 1, figsize=(11, height), dpi=110, squeeze=False,
                                 gridspec_kw={"height_ratios": heights})
        try:
            axes_list = [a[0] for a in axes]
            drawn = []  # (ax, row y, mid, label, band)
            for ax, (band, rows, items, _dropped) in zip(axes_list, bands):
                y = {r: i for i, r in enumerate(reversed(rows))}
                lo = min((p[1] for p in items), default=dt.date(2000, 1, 1))
                hi = max((p[2] for p in items), default=dt.date(2001, 1, 1))
                total_days = max((hi - lo).days, 1)
                for row, start, end, measure, label, _b in sorted(items, key=lambda p: (p[0], p[1])):
                    yy = y[row]
                    if start != end and (end - start).days >= total_days / 150:
                        ax.plot([start, end], [yy, yy], "-", color=colour[measure], linewidth=7, alpha=0.85,
                                solid_capstyle="butt", zorder=2)
                    else:
                        exact = start == end
                        ax.plot([start + (end - start) / 2], [yy], "o", markersize=8, zorder=3,
                                color=colour[measure], markerfacecolor=colour[measure] if exact else "white",
                                markeredgecolor="black" if exact else colour[measure],
                                markeredgewidth=0.5 if exact else 2)
                    drawn.append((ax, yy, start + (end - start) / 2, one_line(label)))
                ax.set_yticks(list(y.values()), [one_line(r) for r in y])
                ax.set_ylim(-0.8, max(len(rows) - 0.2, 0.8))
                if items:
                    pad = dt.timedelta(days=max(total_days // 25, 15))
                    ax.set_xlim(lo - pad, hi + pad)
                    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=9))
                    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
                else:
                    ax.text(0.5, 0.5, "no dated events", transform=ax.transAxes, ha="center", va="center")
                    ax.set_xticks([])
                ax.grid(axis="x", color="#dddddd")
                ax.set_axisbelow(True)
                for side in ("top", "right"):
                    ax.spines[side].set_visible(False)
                if len(bands) > 1:
                    ax.set_title("News events" if band == "news" else "Precedent base (records, not news)",
                                 loc="left", fontsize=10)
            fig.suptitle(one_line(title or f"Policy measures by {by} over time"), x=0.01, ha="left", fontsize=12)
            handles = [Line2D([], [], marker="o", linestyle="", color=colour[m], markeredgecolor="black",
                              markeredgewidth=0.5, label=one_line(m)) for m in measures]
            if handles:
                axes_list[0].legend(handles=handles, title="measure", loc="upper left", bbox_to_anchor=(1.01, 1.0),
                               frameon=False, fontsize=8)
            notes = []
            for band, rows, items, dropped in bands:
                if dropped[0]:
                    notes.append(f"{dropped[0]} more {by} rows with {dropped[1]} {band} events not shown "
                                 f"(the {len(rows)} busiest are).")
            if undated:
                shown = [one_line(u) for u in undated[:12]]
                if len(undated) > 12:
                    shown.append(f"... and {len(undated) - 12} more")
                notes.append(f"Undated, not placed ({len(undated)}): " + "; ".join(shown))
            note = fig.text(0.01, 0.01, "\n".join(notes), fontsize=7.5, color="#555555", wrap=True, va="bottom")
            bottom = min(0.4, (0.25 + 0.16 * (sum(len(n) // 150 + 1 for n in notes) + 1)) / height)
            fig.tight_layout(rect=(0, bottom, 1, 0.97))
            # labels: beside their marker, at the first height where they touch no text drawn so far
            renderer = cast(Any, fig.canvas).get_renderer()
            taken = [t.get_window_extent(renderer) for ax in axes_list
                     for t in ax.get_yticklabels() + ax.get_xticklabels() + [ax.title] if t.get_text()]
            if axes_list[0].get_legend() is not None:
                taken.append(axes_list[0].get_legend().get_window_extent(renderer))
            taken.append(cast(Any, fig)._suptitle.get_window_extent(renderer))
            if notes:
                taken.append(note.get_window_extent(renderer))
            # (dx, dy) in points and alignment: above, below, then to either side, then further out
            offsets = [(0, 7, "center"), (0, -9, "center"), (7, 7, "left"), (-7, 7, "right"), (7, -9, "left"),
                       (-7, -9, "right"), (0, 17, "center"), (0, -19, "center")]
            left_out = 0
            for ax, yy, mid, label in sorted(drawn, key=lambda d: (d[2], -d[1])):
                axbox = ax.get_window_extent(renderer)
                for dx, off, ha in offsets:
                    t = ax.annotate(label, (mid, yy), xytext=(dx, off), textcoords="offset points", ha=ha,
                                    va="bottom" if off > 0 else "top", fontsize=7, color="#333333",
                                    annotation_clip=False, gid="label")
                    box = t.get_window_extent(renderer)
                    inside = box.x0 >= axbox.x0 - 2 and box.x1 <= axbox.x1 + 40 and box.y0 >= axbox.y0 - 4 \
                        and box.y1 <= axbox.y1 + 4
                    if inside and not any(boxes_overlap(box, o) for o in taken):
                        taken.append(box)
                        break
                    t.remove()
                else:
                    left_out += 1
            if left_out:
                notes.append(f"{left_out} labels left out where they would overlap (the colour gives the measure).")
                note.set_text("\n".join(notes))
            emit(path, lambda fh: fig.savefig(fh, format=fmt))
        finally:
            plt.close(fig)
    return path
