"""The review page: one self-contained HTML page for a batch of reports (no CDN, no network).

An index of the articles (score, label, a column per check; sortable, filtered by label and by
finding code), a colour legend, and per article its text with every finding highlighted in place,
each finding listed with its line, message and quoted text and linked both ways to its highlight,
the other side of a finding (the first copy, the other statement, in story mode the other article)
marked, and the reason for each check's score. Everything from the article is escaped, and control
characters are shown as visible symbols, one for one, so offsets still hold.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from importlib.resources import files

from reliability.models import Finding, Report
from reliability.render.common import LineIndex, ordered_findings, printable, score_reason, snippet

#: Light, mutually distinct background colours (ColorBrewer Set3), one per finding code on the page.
PALETTE = (
    "#8dd3c7",
    "#ffffb3",
    "#bebada",
    "#fb8072",
    "#80b1d3",
    "#fdb462",
    "#b3de69",
    "#fccde5",
    "#d9d9d9",
    "#bc80bd",
    "#ccebc5",
    "#ffed6f",
)
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass
class _Mark:
    """A span to draw in one article's text: a finding's own span, or the other side of one."""

    start: int
    end: int
    finding_id: str
    code: str
    severity: str
    related: bool
    anchor: str


@dataclass
class _Article:
    anchor: str
    report: Report
    text: str
    marks: list[_Mark] = field(default_factory=list)


def render(report: Report, text: str) -> str:
    """A review page for one article."""
    return page([(report, text)])


def page(items: Iterable[tuple[Report, str]], title: str = "Reliability review") -> str:
    """The review page for a batch: `items` are (report, article text) pairs, in the order to show."""
    articles = [_Article(f"a{i}", report, text) for i, (report, text) in enumerate(items, start=1)]
    by_id: dict[str, _Article] = {}
    for article in articles:
        by_id.setdefault(article.report.id, article)
    findings = {a.anchor: ordered_findings(a.report) for a in articles}
    for article in articles:
        for j, f in enumerate(findings[article.anchor]):
            fid = f"{article.anchor}-f{j}"
            article.marks.append(_Mark(f.start, f.end, fid, f.code, f.severity, False, f"{fid}-h"))
            for k, r in enumerate(f.related):
                target = by_id.get(r.article) if r.article and r.article != article.report.id else article
                if target is not None and r.end <= len(target.text):
                    target.marks.append(_Mark(r.start, r.end, fid, f.code, f.severity, True, f"{fid}-r{k}"))
    codes = sorted({f.code for fs in findings.values() for f in fs}, key=lambda c: (c.split(".")[0], c))
    colour = {code: PALETTE[i % len(PALETTE)] for i, code in enumerate(codes)}
    check_names = sorted({c.name for a in articles for c in a.report.checks})
    body = [
        _header(articles, title),
        _controls(findings, codes),
        _index(articles, check_names),
        _legend(codes, colour),
        "<main>",
        *(_article(a, findings[a.anchor], colour, by_id) for a in articles),
        "</main>",
    ]
    css = files("reliability.render").joinpath("assets/review.css").read_text(encoding="utf-8")
    js = files("reliability.render").joinpath("assets/review.js").read_text(encoding="utf-8")
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(title)}: {len(articles)} article{'s' * (len(articles) != 1)}</title>"
        f"<style>{css}</style></head>\n<body>\n" + "\n".join(body) + f"\n<script>{js}</script>\n</body></html>\n"
    )


def _header(articles: list[_Article], title: str) -> str:
    labels = Counter(a.report.label for a in articles)
    mean = sum(a.report.score for a in articles) / len(articles) if articles else 0.0
    failed = sum(1 for a in articles for c in a.report.checks if c.error)
    parts = [
        f"{len(articles)} article{'s' * (len(articles) != 1)}",
        f"mean score {mean:.1f}",
        *(f"{labels[label]} {label}" for label in ("high", "medium", "low") if labels[label]),
    ]
    if failed:
        parts.append(f"{failed} check run{'s' * (failed != 1)} failed")
    return (
        f"<header class='page'><h1>{escape(title)}</h1><p class='summary'>{' · '.join(parts)}. "
        "Click a finding to see its text; click highlighted text to see its finding.</p></header>"
    )


def _controls(findings: dict[str, list[Finding]], codes: list[str]) -> str:
    per_code = Counter(f.code for fs in findings.values() for f in {x.code: x for x in fs}.values())
    options = "".join(
        f"<option value='{escape(c)}'>{escape(c)} ({per_code[c]} article{'s' * (per_code[c] != 1)})</option>"
        for c in codes
    )
    return (
        "<div class='controls' role='search'>"
        "<label>Label <select id='filter-label'><option value=''>all</option><option value='high'>high</option>"
        "<option value='medium'>medium</option><option value='low'>low</option></select></label>"
        f"<label>Finding <select id='filter-code'><option value=''>any</option>{options}</select></label>"
        "<label><input type='checkbox' id='show-info'> show info findings</label>"
        "<span id='shown' aria-live='polite'></span></div>"
    )


def _index(articles: list[_Article], check_names: list[str]) -> str:
    head = (
        "<th>article</th><th>source</th><th class='num'>score</th><th>label</th>"
        + "".join(f"<th class='num'>{escape(n)}</th>" for n in check_names)
        + "<th class='num'>warnings</th>"
    )
    rows = []
    for a in articles:
        r = a.report
        cells = []
        for name in check_names:
            check = r.check(name)
            if check is None:
                cells.append("<td class='num'>–</td>")
            elif check.error:
                cells.append("<td class='num cell-low' title='the check failed'>failed</td>")
            else:
                cells.append(
                    f"<td class='num cell-{_band(check.score)}' data-value='{check.score:.4f}'>{check.score:.2f}</td>"
                )
        warnings = [f for f in r.findings if f.severity != "info"]
        codes = sorted({f.code for f in r.findings})
        shown_codes = ", ".join(f"{c} ×{n}" for c, n in sorted(Counter(f.code for f in warnings).items()))
        rows.append(
            f"<tr data-report='{a.anchor}' data-label='{r.label}' data-codes='{escape(' '.join(codes))}'>"
            f"<td class='title'><a href='#{a.anchor}'>{_visible(r.title or r.id)}</a>"
            f"<div class='codes'>{escape(shown_codes)}</div></td>"
            f"<td>{_visible(r.source or '')}</td>"
            f"<td class='num cell-{r.label}' data-value='{r.score:.2f}'>{r.score:.1f}</td>"
            f"<td><span class='badge {r.label}'>{r.label}</span></td>{''.join(cells)}"
            f"<td class='num' data-value='{len(warnings)}'>{len(warnings)}</td></tr>"
        )
    return (
        f"<section class='index' aria-label='articles'><table id='articles'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _legend(codes: list[str], colour: dict[str, str]) -> str:
    groups: dict[str, list[str]] = defaultdict(list)
    for code in codes:
        groups[code.split(".")[0]].append(code)
    items = "".join(
        f"<li><b>{escape(check)}</b>: "
        + ", ".join(f"<span class='swatch' style='--c:{colour[c]}'></span>{escape(c.split('.', 1)[-1])}" for c in group)
        + "</li>"
        for check, group in groups.items()
    )
    return (
        "<section class='legend' aria-label='legend'><h2>Legend</h2><ul>"
        f"{items or '<li>no findings</li>'}"
        "<li><span class='swatch rel-key'></span>the other side of a finding (first copy, other statement)</li>"
        "<li>underline: thick red error, brown warning, thin grey info</li></ul></section>"
    )


def _article(a: _Article, findings: list[Finding], colour: dict[str, str], by_id: dict[str, _Article]) -> str:
    r = a.report
    meta = [f"id {_visible(r.id)}"]
    if r.source:
        meta.append(f"source {_visible(r.source)}")
    if r.published:
        meta.append(f"published {_visible(r.published)}")
    if r.url:
        meta.append(
            f"<a href='{escape(r.url)}' rel='noreferrer'>{_visible(r.url)}</a>"
            if r.url.startswith(("http://", "https://"))
            else _visible(r.url)
        )
    if r.story:
        meta.append(f"story {_visible(r.story.id)} ({r.story.reports} reports)")
    meta += [f"{_visible(str(k))}: {_visible(str(v))[:200]}" for k, v in r.meta.items()]
    codes = " ".join(sorted({f.code for f in findings}))
    lines = LineIndex(a.text)
    items = "".join(_finding(a, j, f, colour, lines, by_id) for j, f in enumerate(findings))
    if not findings:
        items = "<li class='empty'>No findings.</li>"
    return (
        f"<article class='report' id='{a.anchor}' data-label='{r.label}' data-codes='{escape(codes)}'>"
        f"<header><h2>{_visible(r.title or r.id)}</h2><p class='meta'>{' · '.join(meta)}</p>"
        f"<p class='verdict'>Reliability <b class='cell-{r.label}'>{r.score:.1f}</b> / 100 "
        f"<span class='badge {r.label}'>{r.label}</span></p></header>"
        f"{_checks_table(r)}<div class='review'><div class='text'>{_highlighted(a, colour)}</div>"
        f"<ol class='findings' aria-label='findings'>{items}</ol></div></article>"
    )


def _checks_table(r: Report) -> str:
    rows = []
    for c in r.checks:
        if c.error:
            score, meter = "<td class='num cell-low'>failed</td>", "<td></td>"
        else:
            score = f"<td class='num cell-{_band(c.score)}'>{c.score:.2f}</td>"
            meter = f"<td><meter min='0' max='1' low='0.5' high='0.75' optimum='1' value='{c.score:.3f}'></meter></td>"
        metrics = "".join(f"<dt>{escape(k)}</dt><dd>{v:g}</dd>" for k, v in c.metrics.items())
        more = f"<details class='metrics'><summary>metrics</summary><dl>{metrics}</dl></details>" if metrics else ""
        rows.append(
            f"<tr><td>{escape(c.name)}</td>{score}{meter}<td class='num'>{c.weight:g}</td>"
            f"<td class='why'>{_visible(score_reason(c))}{more}</td></tr>"
        )
    return (
        "<table class='checks'><thead><tr><th>check</th><th>score</th><th></th><th>weight</th>"
        f"<th>why this score</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _finding(
    a: _Article, j: int, f: Finding, colour: dict[str, str], lines: LineIndex, by_id: dict[str, _Article]
) -> str:
    fid = f"{a.anchor}-f{j}"
    line, col = lines.line_col(f.start)
    quote = f"<blockquote>{_visible(snippet(a.text, f, 240))}</blockquote>" if f.end > f.start else ""
    related = []
    for k, r in enumerate(f.related):
        other = by_id.get(r.article) if r.article and r.article != a.report.id else a
        if other is None:
            related.append(
                f"<p class='related'>the other side is in article {_visible(r.article or '')}, not on this page</p>"
            )
            continue
        where = (
            "" if other is a else f" in <a href='#{other.anchor}'>{_visible(other.report.title or other.report.id)}</a>"
        )
        rline, rcol = LineIndex(other.text).line_col(r.start) if other is not a else lines.line_col(r.start)
        related.append(
            f"<p class='related'>other side{where}: <a href='#{fid}-r{k}' data-finding='{fid}'>line {rline}:{rcol}</a> "
            f"<q>{_visible(snippet(other.text, r, 160))}</q></p>"
        )
    confidence = f"<span class='confidence'>confidence {f.confidence:.2f}</span>" if f.confidence < 1 else ""
    return (
        f"<li class='finding sev-{f.severity}' id='{fid}' style='--c:{colour[f.code]}'>"
        f"<div class='head'><a class='jump' href='#{fid}-h' data-finding='{fid}'>line {line}:{col}</a>"
        f"<span class='sev {f.severity}'>{f.severity}</span><code>{escape(f.code)}</code>{confidence}</div>"
        f"<p class='msg'>{_visible(f.message)}</p>{quote}{''.join(related)}</li>"
    )


def _highlighted(a: _Article, colour: dict[str, str]) -> str:
    """The text cut at every mark boundary; each piece drawn for the most severe finding covering it."""
    text, marks = a.text, a.marks
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[_Mark]] = defaultdict(list)
    for m in marks:
        starting[m.start].append(m)
    out = []
    for lo, hi in zip(cuts, cuts[1:] + [None], strict=False):
        for m in starting.get(lo, ()):
            out.append(f"<span class='anchor' id='{m.anchor}'></span>")
            if m.start == m.end and not m.related:
                out.append(
                    f"<a class='hl caret sev-{m.severity}' href='#{m.finding_id}' data-finding='{m.finding_id}' "
                    f"data-f='{m.finding_id}' style='--c:{colour[m.code]}' title='{escape(m.code)}'></a>"
                )
        if hi is None or hi <= lo:
            continue
        piece = _visible(text[lo:hi])
        own = sorted(
            (m for m in marks if not m.related and m.start <= lo and m.end >= hi),
            key=lambda m: (SEVERITY_RANK[m.severity], m.end - m.start),
        )
        other_sides = [m for m in marks if m.related and m.start <= lo and m.end >= hi]
        if not own and not other_sides:
            out.append(piece)
            continue
        rel = " ".join(dict.fromkeys(m.finding_id for m in other_sides))
        rel_attr = f" data-r='{rel}'" if rel else ""
        if own:
            top = own[0]
            ids = " ".join(dict.fromkeys(m.finding_id for m in own))
            out.append(
                f"<a class='hl sev-{top.severity}{' rel' * bool(rel)}' href='#{top.finding_id}' "
                f"data-finding='{top.finding_id}' data-f='{ids}'{rel_attr} title='{escape(top.code)}' "
                f"style='--c:{colour[top.code]}'>{piece}</a>"
            )
        else:
            first = other_sides[0]
            out.append(
                f"<a class='rel' href='#{first.finding_id}' data-finding='{first.finding_id}'{rel_attr} "
                f"title='the other side of {escape(first.code)}'>{piece}</a>"
            )
    return "".join(out)


def _band(score: float | None) -> str:
    return "high" if (score or 0) >= 0.75 else "medium" if (score or 0) >= 0.5 else "low"


def _visible(value: str) -> str:
    return escape(printable(value))
