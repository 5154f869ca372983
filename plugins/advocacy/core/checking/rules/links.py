"""Links: internal hosts (intranet, Jira, Confluence) are errors; plain http is a warning."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from advocacy.core.checking.rules.registry import describe, rule
from advocacy.core.i18n.messages import CATALOG
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.markdown_refs import find_refs

_HTML_HREF = re.compile(r"<a\b[^>]*?\bhref\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>", re.IGNORECASE)

CATALOG.update({
    "link-internal": {
        "en": ("The link to {host} points inside the company; readers outside cannot open it "
               "and it tells them about our internal systems.",
               "Remove the link, or link to a public page instead."),
        "da": ("Linket til {host} peger ind i virksomheden; læsere udefra kan ikke åbne det, og "
               "det fortæller om vores interne systemer.",
               "Fjern linket, eller link til en offentlig side i stedet."),
    },
    "link-insecure": {
        "en": ("The link '{url}' uses http:// without encryption.",
               "Use https:// if the site supports it."),
        "da": ("Linket '{url}' bruger http:// uden kryptering.",
               "Brug https://, hvis siden understøtter det."),
    },
})
describe("link-internal", Severity.ERROR, "No links to internal systems (intranet, Jira, "
         "Confluence).", "Ingen links til interne systemer (intranet, Jira, Confluence).")
describe("link-insecure", Severity.WARNING, "Links use https://.", "Links bruger https://.")


def _internal(host: str, internal: list[str]) -> bool:
    return any(host == h or host.endswith("." + h) for h in internal)


@rule
def links(repo: Repository, post: Post) -> Iterator[Finding]:
    """Every Markdown, autolink and HTML link of the body."""
    targets = [(r.line, r.src) for r in find_refs(post.body, post.body_line)]
    for offset, line in enumerate(post.body.split("\n")):
        if "<" in line:
            number = post.body_line + offset
            targets += [(number, url) for url in _HTML_HREF.findall(line)]
            targets += [(number, url) for url in _AUTOLINK.findall(line)]
    for line, url in targets:
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            continue
        host = (parts.hostname or "").lower()
        if host and _internal(host, repo.policy.internal_hosts):
            yield repo.finding(post.file, line, "link-internal", "link-internal",
                               Severity.ERROR, host=host)
        elif parts.scheme.lower() == "http":
            yield repo.finding(post.file, line, "link-insecure", "link-insecure",
                               Severity.WARNING, url=url)
