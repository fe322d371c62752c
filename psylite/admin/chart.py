"""A small stacked-bar chart of messages per route over time, as inline SVG.

Server-side SVG needs no JavaScript library and no CDN, and passes a strict CSP:
colours are SVG presentation attributes, not inline styles. Every text node goes
through `markupsafe.escape` even though today it only holds dates and numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from markupsafe import Markup, escape

ROUTE_COLORS = {"crisis": "#b42318", "refuse": "#b54708", "counsel": "#2e5aac", "humor": "#067647"}
OTHER_COLOR = "#6b6b66"


def routes_chart(
    series: Sequence[tuple[datetime, dict[str, int]]],
    *,
    width: int = 720,
    height: int = 220,
    label_fmt: str = "%m-%d %H:%M",
) -> Markup:
    """Stacked bars, one per time bucket, stacked by route; an accessible title and legend."""
    left, right, top, bottom = 40, 10, 10, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(counts.values()) for _, counts in series]
    peak = max(totals, default=0) or 1
    routes = list(ROUTE_COLORS) + sorted({r for _, c in series for r in c} - set(ROUTE_COLORS))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="chart-title" class="routes-chart">',
        f'<title id="chart-title">Messages per route, {len(series)} time buckets, peak {peak}</title>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#999"/>',
        f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" font-size="11">{peak}</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" font-size="11">0</text>',
    ]
    n = max(len(series), 1)
    slot = plot_w / n
    bar_w = max(slot * 0.8, 1.0)
    label_every = max(1, n // 8)
    for i, (start, counts) in enumerate(series):
        x = left + i * slot + (slot - bar_w) / 2
        y = top + plot_h
        for route in routes:
            value = counts.get(route, 0)
            if not value:
                continue
            h = plot_h * value / peak
            y -= h
            color = ROUTE_COLORS.get(route, OTHER_COLOR)
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{color}">'
                f"<title>{escape(route)}: {value} ({escape(start.strftime(label_fmt))})</title></rect>"
            )
        if i % label_every == 0:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h + 14}" text-anchor="middle" '
                f'font-size="10">{escape(start.strftime(label_fmt))}</text>'
            )
    lx = left
    for route in routes:
        color = ROUTE_COLORS.get(route, OTHER_COLOR)
        parts.append(f'<rect x="{lx}" y="{height - 14}" width="10" height="10" fill="{color}"/>')
        parts.append(f'<text x="{lx + 14}" y="{height - 5}" font-size="11">{escape(route)}</text>')
        lx += 90
    parts.append("</svg>")
    return Markup("".join(parts))
