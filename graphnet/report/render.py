"""Rendering the report's content (see :mod:`graphnet.report.content`) as HTML and Markdown.

Both go through graphnet's own Jinja templates in ``graphnet/templates/report``.
HTML is rendered with ``autoescape=True``: every actor name, note or reason is
text, never markup. Markdown has no autoescape, so every value passes the
``md`` filter, which backslash-escapes the characters Markdown would act on.

>>> escape_markdown("<script>alert(1)</script> | *x*")
'\\\\<script\\\\>alert(1)\\\\</script\\\\> \\\\| \\\\*x\\\\*'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import jinja2

from graphnet.i18n import t

__all__ = ["html_environment", "markdown_environment", "render_html", "render_markdown",
           "escape_markdown"]

_TEMPLATES = jinja2.PackageLoader("graphnet", "templates/report")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~])")


def escape_markdown(value: Any) -> str:
    """``value`` as Markdown text that shows literally (no markup, no HTML, one line)."""
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _translator(lang: str) -> Any:
    def translate(key: str, **params: Any) -> str:
        return t(f"report.{key}", lang, **params)

    return translate


@lru_cache(maxsize=1)
def html_environment() -> jinja2.Environment:
    """Jinja environment of the HTML report: autoescape on, undefined names fail."""
    return jinja2.Environment(loader=_TEMPLATES, autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True)


@lru_cache(maxsize=1)
def markdown_environment() -> jinja2.Environment:
    """Jinja environment of the Markdown report: values escaped by the ``md`` filter."""
    environment = jinja2.Environment(loader=_TEMPLATES, autoescape=False,
                                     undefined=jinja2.StrictUndefined, trim_blocks=True,
                                     lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters["md"] = escape_markdown
    return environment


def render_html(content: dict[str, Any]) -> str:
    """The report as one self-contained HTML page."""
    template = html_environment().get_template("report.html.j2")
    return template.render(c=content, _=_translator(content["lang"]))


def render_markdown(content: dict[str, Any]) -> str:
    """The report as Markdown (for pasting into documents)."""
    template = markdown_environment().get_template("report.md.j2")
    return template.render(c=content, _=_translator(content["lang"]))
