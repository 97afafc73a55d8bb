"""graphnet's Jinja templates: one environment over one folder, ``graphnet/templates``.

Each output has its subfolder (``report/``, ``map/``, ``compare/``) and a template is
named by its path from there, the same wherever it is used (the comparison includes
``report/report.css``, as the report does). Values are escaped by the template's kind:
HTML templates (``*.html.j2``) autoescape, so every actor name, note or reason is text,
never markup; Markdown templates (``*.md.j2``) pass each value through the ``md``
filter (:func:`escape_markdown`). Names a template does not get fail
(``StrictUndefined``) instead of rendering as nothing.

>>> environment().get_template("report/report.html.j2").environment is environment()
True
>>> environment().from_string("{{ name }}").render(name="<b>")
'&lt;b&gt;'
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2

__all__ = ["environment", "escape_markdown", "template_text"]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~])")


def escape_markdown(value: Any) -> str:
    """``value`` as Markdown text that shows literally (no markup, no HTML, one line).

    >>> escape_markdown("<script>alert(1)</script> | *x*")
    '\\\\<script\\\\>alert(1)\\\\</script\\\\> \\\\| \\\\*x\\\\*'
    """
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja environment of every graphnet template, made once (loading and
    compiling a template takes a noticeable part of a second; the environment caches
    them).

    >>> "md" in environment().filters
    True
    """
    made = jinja2.Environment(
        loader=jinja2.PackageLoader("graphnet", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2", "html"),
                                            disabled_extensions=("md.j2", "md"),
                                            default_for_string=True, default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    made.filters["md"] = escape_markdown
    return made


def template_text(name: str) -> str:
    """The text of a file of ``graphnet/templates`` as it is, not rendered (a stylesheet
    or a script that a page inlines).

    >>> template_text("map/map.css").splitlines()[0]
    '/* graphnet map: readable from the back of a meeting room. */'
    """
    return resources.files("graphnet").joinpath(f"templates/{name}").read_text("utf-8")
