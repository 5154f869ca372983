"""Random and hostile front matter and bodies: the checker never raises, it only reports."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy.core.checking.run import check_repository
from advocacy.core.model.findings import Severity
from advocacy.core.model.site import Site
from advocacy.core.publishing.edition import decide

HOSTILE = [
    "<script>",
    "<ſcrіpt>",
    "&#106;avascript:",
    "](javascript:x)",
    "<img onerror=x>",
    "\u200b",
    "\x00",
    "---",
    "```",
    "{{ x }}",
    "%",
    "${x}",
    "../../../../etc/passwd",
    "![a](media/none.jpg)",
    "010203-1234",
    "+45 12 34 56 78",
    "a@b.dk",
    "\ufeff",
    "DK50 0040 0440 1162 43",
    "Jonas Berg",
    "<!--",
    "]]>",
    "\r\n",
    "<",
    "&",
]
FIELDS = [
    "title",
    "date",
    "authors",
    "description",
    "language",
    "categories",
    "tags",
    "image",
    "image_alt",
    "people",
    "video",
    "share",
    "draft",
    "expires",
    "slug",
    "autor",
    "é",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(HOSTILE),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)
KEYS = [*FIELDS, "name", "author", "consent", "src"]
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)
    ),
    max_leaves=8,
)
front_matter = st.dictionaries(st.sampled_from(FIELDS), values, max_size=10)
bodies = st.lists(st.one_of(st.text(max_size=40), st.sampled_from(HOSTILE)), max_size=12).map(
    "".join
)


def _write_and_check(front: str, body: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "site_src/blog/posts").mkdir(parents=True)
        (root / "authors").mkdir()
        (root / "authors/jonas-berg.yml").write_text(
            "name: Jonas Berg\nrole: Dev\nteam: IT\nconsent: {profile: 2026-01-01}\n", "utf-8"
        )
        (root / "site_src/blog/posts/p.md").write_text(
            f"---\n{front}\n---\n{body}", "utf-8", errors="surrogatepass"
        )
        site = Site(root=root, today=dt.date(2026, 11, 28))
        repo, report = check_repository(site, lang="en")
        decide(repo)  # publication decisions must not raise either
        for finding in report.findings:
            assert finding.severity in (Severity.ERROR, Severity.WARNING)
            assert finding.message and finding.fix
            assert finding.line is None or finding.line >= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter, bodies)
def test_random_front_matter_never_raises(front: dict, body: str) -> None:
    try:
        text = yaml.safe_dump(front, allow_unicode=True)
    except yaml.YAMLError:
        return
    _write_and_check(text, body)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200), bodies)
def test_raw_garbage_front_matter_never_raises(front: str, body: str) -> None:
    _write_and_check(front.replace("\x00", ""), body)
