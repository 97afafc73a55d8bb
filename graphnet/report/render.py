"""Rendering the report's content (see :mod:`graphnet.report.content`) as HTML and Markdown.

Both go through graphnet's own Jinja templates in ``graphnet/templates/report``, in the
one environment of :mod:`graphnet.templating`. HTML is rendered with autoescape: every
actor name, note or reason is text, never markup. Markdown has no autoescape, so every
value passes the ``md`` filter, which backslash-escapes the characters Markdown would
act on.

>>> escape_markdown("<script>alert(1)</script> | *x*")
'\\\\<script\\\\>alert(1)\\\\</script\\\\> \\\\| \\\\*x\\\\*'
"""

from __future__ import annotations

from typing import Any

from graphnet.i18n import t
from graphnet.templating import environment, escape_markdown

__all__ = ["render_html", "render_markdown", "escape_markdown"]


def _translator(lang: str) -> Any:
    def translate(key: str, **params: Any) -> str:
        return t(f"report.{key}", lang, **params)

    return translate


def render_html(content: dict[str, Any]) -> str:
    """The report as one self-contained HTML page."""
    template = environment().get_template("report/report.html.j2")
    return template.render(c=content, _=_translator(content["lang"]))


def render_markdown(content: dict[str, Any]) -> str:
    """The report as Markdown (for pasting into documents)."""
    template = environment().get_template("report/report.md.j2")
    return template.render(c=content, _=_translator(content["lang"]))
