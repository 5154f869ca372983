"""The product's allow-list, applied by a maintained sanitiser (nh3, the binding to ammonia),
and a judgement of everything it removed.

Every page's HTML is published as :func:`judge` returns it in ``clean``: whatever slipped past
a check, no script, event handler, style, dangerous URL or request to another host survives.
The check and the build call the same function on the same rendered HTML, so they cannot
disagree about an input: what the sanitiser removes is reported as an :class:`Issue`,
dangerous (an error) or only tidied (a warning).

How removals are found: the HTML is cleaned twice by the same HTML5 parser, once with the
allow-list and once with a permissive list that keeps every known element and attribute.
When both agree nothing was removed (the common case, one comparison). Otherwise the
permissive result, which is canonical HTML, is walked and each element and attribute is
classified with the very rules the strict pass used. Should a difference remain that the
walk cannot explain, that is reported as dangerous: fail closed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial
from html.parser import HTMLParser

import nh3

from advocacy.core.model.addresses import URL_ATTRIBUTES, read, srcset_urls, urls_of
from advocacy.core.model.textnorm import fold_letters
from advocacy.core.rendering.allowlist import (
    ACTIVE,
    ALL_SCHEMES,
    ALLOWED_TAGS,
    BODY_VIDEO,
    DANGEROUS_TAGS,
    EVENT_HANDLERS,
    FETCHING_CLASSES,
    GLOBAL_ATTRIBUTES,
    HARMLESS_SCHEMES,
    KNOWN_ATTRIBUTES,
    KNOWN_TAGS,
    LINK_SCHEMES,
    LOADED,
    OWN_CLASSES,
    OWN_IDS,
    TAG_ATTRIBUTES,
)


def _is_relative(url: str) -> bool:
    """A path on this site (``media/x.jpg``, ``../x/``, ``/x``, ``#a``), not ``//other.host``,
    judged as the browser reads it (a control character or backslashes before the host)."""
    return read(url).relative


def _srcset_urls(value: str) -> list[str]:
    return srcset_urls(value)


def _scheme(url: str) -> str:
    return read(url).scheme


def _disguised(attribute: str, value: str) -> bool:
    """An address attribute one of whose addresses hides what the browser reads."""
    return attribute in URL_ATTRIBUTES and any(read(u).disguised for u in urls_of(attribute, value))


def keep(tag: str, attribute: str, value: str) -> str | None:
    """The value an allowed attribute keeps, or None when it must go (the strict pass's
    ``attribute_filter``; nh3 has already removed URLs with a scheme not on the list). An
    address that hides what the browser reads (control characters, backslashes) goes."""
    if _disguised(attribute, value):
        return None
    if attribute in LOADED:
        urls = _srcset_urls(value) if attribute == "srcset" else [value]
        return value if urls and all(_is_relative(u) for u in urls) else None
    if attribute == "href" and tag == "a" and read(value).text.startswith("//"):
        return value  # a link to another site without a scheme: https in practice
    if attribute == "class":
        kept = [
            c
            for c in value.split()
            if not OWN_CLASSES.match(c) and c.lower() not in FETCHING_CLASSES
        ]
        return " ".join(kept) or None
    if attribute == "id" and OWN_IDS.match(value):
        return None
    return value


def _strict_attributes() -> dict[str, set[str]]:
    out = {tag: set(attrs) for tag, attrs in TAG_ATTRIBUTES.items()}
    out["*"] = set(GLOBAL_ATTRIBUTES)
    return out


# The product's allow-list (what is published) and a second pass that keeps everything HTML
# knows (so the difference between the two is what the allow-list removed, to be judged).
strict_clean = partial(
    nh3.clean,
    tags=set(ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes=_strict_attributes(),
    url_schemes=set(LINK_SCHEMES),
    strip_comments=True,
    link_rel=None,
    attribute_filter=keep,
)
permissive_clean = partial(
    nh3.clean,
    tags=set(KNOWN_TAGS),
    clean_content_tags=set(),
    attributes={"*": set(KNOWN_ATTRIBUTES)},
    url_schemes=set(ALL_SCHEMES),
    strip_comments=True,
    link_rel=None,
)


def sanitize(html: str) -> str:
    """``html`` as the product publishes it: only the allow-list survives."""
    return strict_clean(html)


# -- the judgement ---------------------------------------------------------------------------

DANGER, TIDY = "danger", "tidy"


@dataclass(frozen=True)
class Issue:
    """Something the sanitiser removed: ``rule`` names it, ``level`` says how much it matters.

    ``before`` is the reader's text just before it, ``needles`` what to look for in the
    source: together they find the nearest source line.
    """

    rule: str  # html-dangerous, html-event-handler, unsafe-url, media-external, html-tidied,
    # body-video (a video's files or captions in the body instead of the front matter)
    level: str  # danger or tidy
    tag: str
    attribute: str = ""
    value: str = ""
    before: str = ""
    needles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Judgement:
    """The published HTML and what was taken out of it."""

    clean: str
    issues: tuple[Issue, ...]

    @property
    def dangerous(self) -> list[Issue]:
        """The removals that are errors."""
        return [i for i in self.issues if i.level == DANGER]


class _Census(HTMLParser):
    """Walks canonical HTML and classifies every element and attribute the strict pass drops."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.issues: list[Issue] = []
        self.text: list[str] = []
        self.raw_depth = 0  # inside script/style: their text is not the reader's
        self.silent = 0  # removals that need no word (md_in_html's markdown attribute)

    def _before(self) -> str:
        return "".join(self.text)[-80:]

    def _add(
        self, rule: str, level: str, tag: str, attribute: str = "", value: str = "", *needles: str
    ) -> None:
        self.issues.append(
            Issue(
                rule,
                level,
                tag,
                attribute,
                value[:200],
                self._before(),
                tuple(n for n in needles if n),
            )
        )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.raw_depth += 1
        allowed_tag = tag in ALLOWED_TAGS
        if tag in BODY_VIDEO:  # a file of the repository (another host's is media-external)
            used = [(n, v or "") for n, v in attrs if n in BODY_VIDEO[tag]]
            if tag == "track" or (used and _is_relative(used[0][1])):
                name, value = used[0] if used else ("", "")
                self._add("body-video", DANGER, tag, name, value, f"<{tag}", value)
                if tag == "track":
                    return
                attrs = [(n, v) for n, v in attrs if n not in BODY_VIDEO[tag]]
        if not allowed_tag:
            level = DANGER if tag in DANGEROUS_TAGS else TIDY
            self._add(
                "html-dangerous" if level == DANGER else "html-tidied",
                level,
                tag,
                "",
                "",
                f"<{tag}",
                tag,
            )
        allowed = GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, frozenset())
        for name, raw in attrs:
            value = raw or ""
            if name == "markdown":
                self.silent += 1  # md_in_html's instruction to the writer's Markdown
                continue
            if name in EVENT_HANDLERS or name.startswith("on"):
                self._add("html-event-handler", DANGER, tag, name, value, name, value)
            elif _disguised(name, value):
                for url in urls_of(name, value):
                    if read(url).disguised:
                        self._add("unsafe-url", DANGER, tag, name, url, url.strip(), name)
            elif name in ACTIVE or (
                name in ("href", "src", "data")
                and not allowed_tag
                and _scheme(value) not in ("", "https", "http", "mailto")
            ):
                self._add(
                    "unsafe-url"
                    if "href" in name
                    or name in ("src", "data", "background", "formaction", "action")
                    else "html-dangerous",
                    DANGER,
                    tag,
                    name,
                    value,
                    value,
                    name,
                )
            elif tag in DANGEROUS_TAGS:
                continue  # the element is reported, and goes with everything on it
            elif name in LOADED and name not in allowed:
                external = not all(_is_relative(u) for u in _srcset_urls(value))
                self._add(
                    "media-external" if external else "html-tidied",
                    DANGER if external else TIDY,
                    tag,
                    name,
                    value,
                    value,
                    name,
                )
            elif not allowed_tag:
                continue  # the element goes, and its harmless attributes with it
            elif name not in allowed:
                self._add("html-tidied", TIDY, tag, name, value, name, value)
            else:
                self._judge_value(tag, name, value)

    handle_startendtag = handle_starttag

    def _judge_value(self, tag: str, name: str, value: str) -> None:
        urls = _srcset_urls(value) if name == "srcset" else [value]
        if name in LOADED or name in ("href", "cite"):
            for url in urls:
                scheme = _scheme(url)
                if scheme and scheme not in LINK_SCHEMES:
                    level = TIDY if scheme in HARMLESS_SCHEMES else DANGER
                    self._add(
                        "unsafe-url" if level == DANGER else "html-tidied",
                        level,
                        tag,
                        name,
                        url,
                        url,
                    )
                elif name in LOADED and not _is_relative(url):
                    self._add("media-external", DANGER, tag, name, url, url)
        if name == "class" and any(c.lower() in FETCHING_CLASSES for c in value.split()):
            self._add("html-dangerous", DANGER, tag, name, value, value)
        elif keep(tag, name, value) != value and name in ("class", "id"):
            self._add("html-tidied", TIDY, tag, name, value, value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.raw_depth:
            self.raw_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.raw_depth:
            self.text.append(data)


# A tag whose name hides a dangerous one (``<scr<script>ipt>``, ``<ſcrіpt>``): a browser reads
# it as an unknown element, which is harmless, but nobody writes it by accident.
_HIDDEN_TAG = re.compile(
    r"<\s*(?!/)[^\s>/]*?("
    + "|".join(
        sorted(
            DANGEROUS_TAGS
            - {
                "title",
                "head",
                "body",
                "html",
                "search",
                "image",
                "map",
                "area",
                "option",
                "slot",
                "param",
                "dialog",
                "canvas",
                "audio",
                "input",
                "button",
                "select",
                "link",
                "meta",
                "base",
            }
        )
    )
    + r")"
)


SHORT = 2048  # headings and titles repeat across pages; a whole page is judged once anyway


def judge(html: str) -> Judgement:
    """Sanitise ``html`` and say what was removed (see the module's docstring)."""
    return _judge_short(html) if len(html) < SHORT else _judge(html)


@lru_cache(maxsize=4096)
def _judge_short(html: str) -> Judgement:
    return _judge(html)


def _judge(html: str) -> Judgement:
    clean = strict_clean(html)
    permissive = permissive_clean(html)
    hidden = _hidden_tags(html, permissive)
    if clean == permissive:
        return Judgement(clean, hidden)
    census = _Census()
    census.feed(permissive)
    census.close()
    issues = list(dict.fromkeys([*census.issues, *hidden]))
    if not issues and not census.silent:
        # Removed, but by no rule we know of: never publish what we cannot explain.
        issues = [Issue("html-dangerous", DANGER, "?", before="")]
    return Judgement(clean, tuple(issues))


def _hidden_tags(html: str, permissive: str) -> tuple[Issue, ...]:
    """Disguised dangerous tags in the rendered HTML that no browser would run but that only
    an attacker writes. Rendered Markdown escapes ``<`` in text and code, so a ``<`` here is
    markup the writer typed."""
    if "<" not in html:
        return ()
    out = []
    for match in _HIDDEN_TAG.finditer(fold_letters(html)):
        name = match.group(1)
        if f"<{name}" in permissive.lower():
            continue  # a real element of that name: the census reports it
        out.append(Issue("html-dangerous", DANGER, name, needles=(match.group(0), name)))
    return tuple(out)
