"""Source profiles for people and spreadsheets: text, CSV, and one HTML page with inline-SVG plots.

Source names and finding codes come from the input: text output shows them through `render.common.one_line`,
HTML through `printable` and escaped; the page loads nothing from anywhere (no script, no CDN).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from html import escape

from reliability.models import SourceProfile
from reliability.render.common import one_line, printable

CSV_COLUMNS = (
    "source",
    "articles",
    "score",
    "interval_low",
    "interval_high",
    "mean_score",
    "low_share",
    "check_means",
    "top_findings",
    "first_month",
    "last_month",
)


def to_text(profiles: Sequence[SourceProfile]) -> str:
    lines = []
    for p in profiles:
        top = ", ".join(f"{code} ×{n}" for code, n in list(p.findings.items())[:4]) or "no warnings"
        lines.append(
            one_line(
                f"{p.source}: {p.articles} article{'s' * (p.articles != 1)}, score {p.score:.1f} "
                f"[{p.interval[0]:.1f}, {p.interval[1]:.1f}] (mean {p.mean_score:.1f}), low {p.low_share:.0%}; "
                f"most frequent: {top}"
            )
        )
    return "".join(line + "\n" for line in lines)


def to_json(profiles: Sequence[SourceProfile]) -> str:
    from pydantic import TypeAdapter

    return TypeAdapter(list[SourceProfile]).dump_json(list(profiles), indent=1).decode() + "\n"


def to_csv(profiles: Sequence[SourceProfile]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for p in profiles:
        writer.writerow(
            [
                p.source,
                p.articles,
                p.score,
                p.interval[0],
                p.interval[1],
                p.mean_score,
                round(p.low_share, 4),
                ";".join(f"{k}={v}" for k, v in p.check_means.items()),
                ";".join(f"{k}={v}" for k, v in p.findings.items()),
                p.trend[0].month if p.trend else "",
                p.trend[-1].month if p.trend else "",
            ]
        )
    return out.getvalue()


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;color:#222}"
    "td,th{padding:.3rem .6rem;text-align:left;vertical-align:middle;border-bottom:1px solid #eee}"
    "svg{display:block}.num{text-align:right}"
)


def to_html(profiles: Sequence[SourceProfile]) -> str:
    rows = "".join(
        f"<tr><td>{escape(printable(p.source))}</td><td class='num'>{p.articles}</td>"
        f"<td class='num'><b>{p.score:.1f}</b><br><small>{p.interval[0]:.1f}–{p.interval[1]:.1f}</small></td>"
        f"<td class='num'>{p.mean_score:.1f}</td><td class='num'>{p.low_share:.0%}</td>"
        f"<td>{histogram_svg(p.histogram)}</td><td>{trend_svg(p)}</td>"
        f"<td><small>{escape(printable(', '.join(f'{c} ×{n}' for c, n in list(p.findings.items())[:3])))}</small></td></tr>"
        for p in profiles
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Source profiles</title>"
        f"<style>{_STYLE}</style></head><body><h1>Source profiles</h1>"
        f"<p>{len(profiles)} sources, {sum(p.articles for p in profiles)} articles. <i>score</i> is the mean "
        "shrunk toward the mean of all sources when a source has few articles, with its 95% interval.</p>"
        "<table><tr><th>source</th><th>articles</th><th>score</th><th>mean</th><th>low</th>"
        f"<th>score distribution (0–100)</th><th>trend by month</th><th>top findings</th></tr>{rows}</table>"
        "</body></html>\n"
    )


def histogram_svg(counts: Sequence[int], width: int = 160, height: int = 40) -> str:
    """Bars of articles per ten-point band, lowest scores on the left."""
    top = max(counts) or 1
    step = width / len(counts)
    bars = "".join(
        f"<rect x='{i * step + 1:.1f}' y='{height - n / top * height:.1f}' width='{step - 2:.1f}' "
        f"height='{n / top * height:.1f}' fill='{'#c0392b' if i < 5 else '#2e86c1'}'><title>{i * 10}–{i * 10 + 10}: {n}</title></rect>"
        for i, n in enumerate(counts)
    )
    return f"<svg width='{width}' height='{height}' viewBox='0 0 {width} {height}' role='img'>{bars}</svg>"


def trend_svg(profile: SourceProfile, width: int = 200, height: int = 40) -> str:
    """Mean score per month on a 0–100 scale, with a dot per month."""
    points = profile.trend
    if not points:
        return ""
    step = width / max(len(points) - 1, 1)
    xy = [
        (i * step if len(points) > 1 else width / 2, height - p.mean_score / 100 * height) for i, p in enumerate(points)
    ]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
    dots = "".join(
        f"<circle cx='{x:.1f}' cy='{y:.1f}' r='2' fill='#2e86c1'><title>{escape(p.month)}: {p.mean_score:.1f} "
        f"({p.articles})</title></circle>"
        for (x, y), p in zip(xy, points, strict=True)
    )
    return (
        f"<svg width='{width}' height='{height}' viewBox='-3 -3 {width + 6} {height + 6}' role='img'>"
        f"<polyline points='{line}' fill='none' stroke='#2e86c1'/>{dots}</svg>"
    )
