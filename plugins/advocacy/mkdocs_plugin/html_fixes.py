"""Material's pages carry two HTML errors the Nu checker reports on every page; mend them.

A theme override of ``base.html`` would mean copying all of it (and every Material update
after); the two attributes are simpler to correct in the finished page.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_TOC_LABEL = re.compile(r'(<label\b[^>]*?)\s+for="__toc"')


def fix_material_html(html: str) -> str:
    """Drop ``autocomplete`` from checkboxes; drop ``for="__toc"`` when no such input exists."""
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r"\1", html)
    return html
