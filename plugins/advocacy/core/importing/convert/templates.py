"""Template syntax of the old site into Markdown and the kit's fields.

Jekyll's Liquid, Hugo's shortcodes and WordPress's shortcodes and block comments are read
by the old site's engine and mean nothing to MkDocs. What has a plain equivalent becomes
Markdown: pictures, links to other posts (resolved once every post's new address is known),
highlighted code. Videos and third-party posts become :class:`~.common.Embed` tokens: the
writer makes a post's one video its ``video:`` field and everything else a link, since the
kit never embeds third parties. Anything else is left exactly as written and reported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from advocacy.core.importing.common import Embed, SourcePost
from advocacy.core.importing.convert.markup import caption_markdown, image_markdown, md_url

_YOUTUBE = re.compile(
    r"(?:youtube(?:-nocookie)?\.com/(?:watch\?(?:[^#\s]*&)?v=|embed/|shorts/|"
    r"v/|live/)|youtu\.be/)([\w-]{11})"
)
_VIMEO = re.compile(r"vimeo\.com/(?:video/|channels/[\w-]+/|groups/[\w-]+/videos/)?(\d{5,})")
_ARG = re.compile(
    r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+))"""
    r"""|"([^"]*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+)"""
)


def classify(target: str, title: str | None = None, kind: str | None = None) -> Embed:
    """What an embedded address (or a bare id when ``kind`` says the service) stands for."""
    target = target.strip()
    if kind in ("youtube", "vimeo") and not target.startswith(("http", "//")):
        return Embed(kind, target, title)
    if match := _YOUTUBE.search(target):
        return Embed("youtube", match.group(1), title)
    if match := _VIMEO.search(target):
        return Embed("vimeo", match.group(1), title)
    return Embed("link", target, title)


def embed_markdown(embed: Embed) -> str:
    """An embed as a plain link (the kit loads no third-party player or post)."""
    url = {
        "youtube": f"https://www.youtube.com/watch?v={embed.value}",
        "vimeo": f"https://vimeo.com/{embed.value}",
    }.get(embed.kind, embed.value)
    if embed.title:
        return f"[{' '.join(embed.title.split())}]({md_url(url)})"
    return f"<{url}>"


def parse_args(text: str) -> tuple[list[str], dict[str, str]]:
    """Positional and named arguments of a shortcode or include: ``a "b c" d="e"``."""
    positional: list[str] = []
    named: dict[str, str] = {}
    for match in _ARG.finditer(text):
        if match.group(1):
            named[match.group(1).lower()] = next(g for g in match.groups()[1:5] if g is not None)
        else:
            positional.append(next(g for g in match.groups()[5:] if g is not None))
    return positional, named


def _figure(
    src: str,
    alt: str | None,
    caption: str | None,
    link: str | None = None,
    title: str | None = None,
) -> str:
    image = image_markdown(src, alt or "", title)
    if link:
        image = f"[{image}]({md_url(link)})"
    return f"\n\n{image}\n\n{caption_markdown(caption)}\n\n" if caption else image


def _fenced(language: str, code: str) -> str:
    code = code.strip("\n")
    fence = "`" * max(3, max((len(r) for r in re.findall(r"`{3,}", code)), default=0) + 1)
    return f"{fence}{language}\n{code}\n{fence}"


_IFRAME = re.compile(r"<iframe\b([^>]*)>\s*</iframe>", re.I)


def iframes_to_embeds(body: str, post: SourcePost) -> str:
    """YouTube and Vimeo players pasted as ``<iframe>``: the kit's own player (or a link)
    instead of a third-party frame; other frames are left for the report."""

    def embed(match: re.Match[str]) -> str:
        _, named = parse_args(match.group(1))
        found = classify(named.get("src", ""), named.get("title"))
        return match.group() if found.kind == "link" else post.embed(found)

    return _IFRAME.sub(embed, body)


def _left(post: SourcePost, code: str) -> str:
    post.note("template-left", code=" ".join(code.split())[:100])
    return code


# --- Jekyll: Liquid ----------------------------------------------------------------------

_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.S)
_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}(.*?)\{%-?\s*endcomment\s*-?%\}", re.S)
_HIGHLIGHT = re.compile(
    r"\{%-?\s*highlight\s+([\w+#.-]+)[^%]*%\}\n?(.*?)"
    r"\{%-?\s*endhighlight\s*-?%\}",
    re.S,
)
_LIQUID = re.compile(r"\{\{-?(.*?)-?\}\}|\{%-?\s*(\w+)(.*?)-?%\}", re.S)
_ADDRESS_FILTER = re.compile(r"(relative_url|absolute_url|prepend:\s*site\.(baseurl|url))$")
_IMAGE_INCLUDES = ("image", "figure", "img", "picture", "photo", "screenshot")


def liquid_to_markdown(
    body: str, post: SourcePost, page: dict[str, Any], site: dict[str, Any]
) -> str:
    """A Jekyll body with its Liquid turned into Markdown; the rest is left and noted."""
    stash: list[str] = []

    def keep(text: str) -> str:
        stash.append(text)
        return f"@@import:raw:{len(stash) - 1}@@"

    body = _RAW.sub(lambda m: keep(m.group(1)), body)

    def comment(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        if "--" in inner:
            post.note("template-comment-dropped")
            return ""
        return keep(f"<!-- {inner} -->")

    body = _COMMENT.sub(comment, body)
    body = _HIGHLIGHT.sub(lambda m: keep(_fenced(m.group(1), m.group(2))), body)
    body = _LIQUID.sub(lambda m: _liquid(m, post, page, site), body)
    return re.sub(r"@@import:raw:(\d+)@@", lambda m: stash[int(m.group(1))], body)


def _value(expression: str, page: dict[str, Any], site: dict[str, Any]) -> str | None:
    """A Liquid variable (``site.title``, ``page.images[0]``) or string, as text."""
    expression = expression.strip()
    if re.fullmatch(r"\"[^\"]*\"|'[^']*'", expression):
        return expression[1:-1]
    match = re.fullmatch(r"(site|page)\.([\w-]+)(?:\[(\d+)\])?", expression)
    if not match:
        return None
    scope, key, index = match.groups()
    if scope == "site" and key in ("baseurl", "url"):
        return ""  # addresses of the old site become site-relative paths
    value = (site if scope == "site" else page).get(key)
    if index is not None:
        value = value[int(index)] if isinstance(value, list) and int(index) < len(value) else None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _liquid(
    match: re.Match[str], post: SourcePost, page: dict[str, Any], site: dict[str, Any]
) -> str:
    """One Liquid output or tag as Markdown or a token; left as written when unknown."""
    code = match.group()
    if match.group(1) is not None:  # {{ output }}
        parts = [p.strip() for p in match.group(1).split("|")]
        value = _value(parts[0], page, site)
        # Filters that only put the old site's address in front: the path is what counts.
        if value is not None and all(_ADDRESS_FILTER.match(f) for f in parts[1:]):
            return value
        if value is not None and len(parts) == 2 and parts[1].startswith("embed"):
            embed = classify(value, _value(parts[1].partition(":")[2], page, site) or None)
            if embed.kind != "link":
                return post.embed(embed)
        return _left(post, code)
    tag, args = match.group(2), match.group(3).strip()
    positional, named = parse_args(args)
    first = positional[0] if positional else ""
    if tag == "post_url" and first:
        return post.ref("post:" + first.strip("/"), code)
    if tag == "link" and first:
        name = first.split("/")[-1]
        if "_posts/" in first or "_drafts/" in first:
            return post.ref("post:" + re.sub(r"\.(md|markdown|html)$", "", name), code)
        return _left(post, code)
    if tag in ("oembed", "youtube", "vimeo", "tweet", "twitter", "video", "embed") and first:
        service = tag if tag in ("youtube", "vimeo") else None
        return post.embed(classify(first, named.get("title"), service))
    if tag == "include" and first:
        return _include(first, positional[1:], named, post, page, site, code)
    return _left(post, code)


def _include(
    name: str,
    positional: list[str],
    named: dict[str, str],
    post: SourcePost,
    page: dict[str, Any],
    site: dict[str, Any],
    code: str,
) -> str:
    """``{% include %}`` of a video or a picture, by the include's name and arguments."""

    def arg(*keys: str) -> str | None:
        for key in keys:
            if key in named:
                resolved = _value(named[key], page, site)
                return named[key] if resolved is None else resolved
        return None

    lowered = name.lower().rsplit(".", 1)[0]
    service = next((s for s in ("youtube", "vimeo") if s in lowered), None)
    if service is None and "video" in lowered:
        provider = (arg("provider", "service", "host") or "").lower()
        service = provider if provider in ("youtube", "vimeo") else None
    if service:
        target = arg("id", "video_id", "youtube_id", "vimeo_id", "url", "src") or (
            positional[0] if positional else None
        )
        if target:
            return post.embed(classify(target, arg("title", "caption"), service))
    if any(word in lowered.split("/")[-1] for word in _IMAGE_INCLUDES):
        src = arg("url", "src", "image", "image_path", "file", "path", "img")
        if src:
            return _figure(
                src,
                arg("alt", "alt_text", "description", "title"),
                arg("caption", "figcaption"),
                arg("link", "href"),
            )
    return _left(post, code)


# --- Hugo: shortcodes --------------------------------------------------------------------

_SHORTCODE = re.compile(
    r"\{\{([<%])\s*(/?)\s*([\w./-]+)"
    r"((?:[^\"'`>%]|\"[^\"]*\"|'[^']*'|`[^`]*`)*?)\s*/?\s*[>%]\}\}",
    re.S,
)
_ESCAPED = re.compile(r"\{\{([<%])/\*(.*?)\*/([>%])\}\}", re.S)
_PAIRED_HIGHLIGHT = re.compile(
    r"\{\{[<%]\s*highlight\b((?:[^>%]|\"[^\"]*\")*)[>%]\}\}\n?(.*?)"
    r"\{\{[<%]\s*/\s*highlight\s*[>%]\}\}",
    re.S,
)


def shortcodes_to_markdown(body: str, post: SourcePost) -> str:
    """A Hugo body with its shortcodes turned into Markdown; the rest is left and noted."""
    stash: list[str] = []

    def keep(text: str) -> str:
        stash.append(text)
        return f"@@import:raw:{len(stash) - 1}@@"

    # {{</* x */>}} is how Hugo writers show a shortcode literally.
    body = _ESCAPED.sub(lambda m: keep("{{" + m.group(1) + m.group(2) + m.group(3) + "}}"), body)
    body = _PAIRED_HIGHLIGHT.sub(
        lambda m: keep(_fenced((parse_args(m.group(1))[0] or [""])[0], m.group(2))), body
    )
    body = _SHORTCODE.sub(lambda m: _shortcode(m, post), body)
    return re.sub(r"@@import:raw:(\d+)@@", lambda m: stash[int(m.group(1))], body)


def _shortcode(match: re.Match[str], post: SourcePost) -> str:
    """One Hugo shortcode as Markdown or a token; left as written when unknown."""
    code, closing, name = match.group(), match.group(2), match.group(3).lower()
    if closing:
        return _left(post, code)
    positional, named = parse_args(match.group(4))
    first = positional[0] if positional else ""
    if name in ("ref", "relref"):
        target = named.get("path") or first
        if target:
            return post.ref("hugo:" + target, code)
    elif name in ("figure", "img", "image"):
        src = named.get("src") or first
        if src:
            return _figure(
                src, named.get("alt"), named.get("caption"), named.get("link"), named.get("title")
            )
    elif name in ("youtube", "vimeo"):
        target = named.get("id") or first
        if target:
            return post.embed(classify(target, named.get("title"), name))
    elif name in ("tweet", "x", "twitter"):
        user = named.get("user") or (positional[0] if len(positional) > 1 else "")
        tweet = named.get("id") or (positional[-1] if positional else "")
        if tweet.startswith("http"):
            return post.embed(Embed("link", tweet))
        if tweet:
            return post.embed(Embed("link", f"https://x.com/{user or 'i/web'}/status/{tweet}"))
    return _left(post, code)


# --- WordPress: block comments and shortcodes --------------------------------------------

_EMBED_BLOCK = re.compile(
    r"<!--\s*wp:(?:core-)?embed[\w/-]*\s+(\{.*?\})\s*-->.*?"
    r"<!--\s*/wp:(?:core-)?embed[\w/-]*\s*-->",
    re.S,
)
_GALLERY_BLOCK = re.compile(r"<!--\s*wp:gallery\b.*?-->(.*?)<!--\s*/wp:gallery\s*-->", re.S)
_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->\n?", re.S)
_WP_SHORTCODE = re.compile(
    r"\[(caption|wp_caption|embed|gallery|youtube|vimeo)\b([^\]]*)\]"
    r"(?:(.*?)\[/\1\])?",
    re.S,
)
_OTHER_SHORTCODE = re.compile(r"\[/?([a-z][\w-]*)(?:\s+[^\]]*=[^\]]*)?\](?!\()")
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_AUTO_EMBED = re.compile(r"^[ \t]*(?:<p>)?[ \t]*(https?://\S+?)[ \t]*(?:</p>)?[ \t]*$", re.M)


def wordpress_to_html(
    content: str,
    post: SourcePost,
    attachment: Callable[[str], tuple[str, str | None] | None],
    children: list[str],
) -> str:
    """WordPress content with its blocks and shortcodes turned into plain HTML and tokens.

    ``attachment(id)`` gives an attachment's (address, alt text); ``children`` are the ids of
    the attachments of this post, for a ``[gallery]`` without ``ids``.
    """

    def embed_block(match: re.Match[str]) -> str:
        try:
            url = json.loads(match.group(1)).get("url")
        except (ValueError, AttributeError):
            url = None
        return f"\n\n{post.embed(classify(url))}\n\n" if url else match.group()

    content = _EMBED_BLOCK.sub(embed_block, content)
    content = _GALLERY_BLOCK.sub(
        lambda m: "".join(f"\n<p>{tag}</p>\n" for tag in _IMG.findall(m.group(1))), content
    )
    content = _BLOCK_COMMENT.sub("", content)

    def shortcode(match: re.Match[str]) -> str:
        name, args, inner = match.group(1), match.group(2), match.group(3) or ""
        positional, named = parse_args(args)
        if name in ("caption", "wp_caption"):
            image = re.search(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", inner, re.I)
            if image:
                text = (named.get("caption") or inner[image.end() :]).strip()
                caption = f"<figcaption>{text}</figcaption>" if text else ""
                return f"\n\n<figure>{image.group()}{caption}</figure>\n\n"
        elif name == "gallery":
            ids = [
                i.strip()
                for i in named.get("ids", named.get("include", "")).split(",")
                if i.strip()
            ] or children
            images = [a for a in (attachment(i) for i in ids) if a]
            if images:
                return "".join(_img_paragraph(url, alt) for url, alt in images)
        else:
            url = inner.strip() or named.get("url") or (positional[0] if positional else "")
            if url:
                return f"\n\n{post.embed(classify(url.lstrip('='), None))}\n\n"
        return _left(post, match.group())

    content = _WP_SHORTCODE.sub(shortcode, content)
    content = iframes_to_embeds(_AUTO_EMBED.sub(lambda m: _auto_embed(m, post), content), post)
    for match in _OTHER_SHORTCODE.finditer(content):
        name = match.group(1)
        if "=" in match.group() or f"[/{name}]" in content:
            _left(post, match.group())
    return content


def _img_paragraph(url: str, alt: str | None) -> str:
    alt_attr = f' alt="{_attr(alt)}"' if alt is not None else ""
    return f'\n<p><img src="{_attr(url)}"{alt_attr}></p>\n'


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _auto_embed(match: re.Match[str], post: SourcePost) -> str:
    """A web address alone on its line: WordPress embeds it; we link it (videos aside)."""
    embed = classify(match.group(1))
    if embed.kind == "link" and not re.search(r"(twitter|x)\.com/\w+/status/", embed.value):
        return match.group()
    return post.embed(embed)
