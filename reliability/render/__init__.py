"""Human-readable renderings of a Report: terminal (rich), Markdown and HTML.

Each renderer is `render(report, text) -> str`; `text` is the article text, so findings can be
quoted and located by line and column.
"""

from __future__ import annotations

from collections.abc import Callable

from reliability.models import Report

Renderer = Callable[[Report, str], str]


def renderer(name: str, *, color: bool = False, width: int = 100) -> Renderer:
    """The renderer for a `--format` name: 'text', 'markdown' or 'html'."""
    if name == "text":
        from reliability.render.terminal import render as render_text

        return lambda report, text: render_text(report, text, color=color, width=width)
    if name == "markdown":
        from reliability.render.markdown import render as render_markdown

        return render_markdown
    if name == "html":
        from reliability.render.html import render as render_html

        return render_html
    raise ValueError(f"no renderer named {name!r}")
