"""Material's pages carry HTML errors the Nu checker reports on every page; mend them.

A theme override of ``base.html`` would mean copying all of it (and every Material update
after); the two attributes are simpler to correct in the finished page.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_TOC_LABEL = re.compile(r'(<label\b[^>]*?)\s+for="__toc"')
_AUTOCORRECT = re.compile(r'(<input\b[^>]*?)\s+autocorrect="off"')  # not an HTML attribute
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')


def fix_material_html(html: str) -> str:
    """Drop ``autocomplete`` from checkboxes, ``autocorrect`` (Safari's, not HTML's), empty
    ``tabindex`` on labels, and ``for="__toc"`` when no such input exists."""
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = _AUTOCORRECT.sub(r"\1", html)
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r"\1", html)
    return html
