"""``<picture>`` markup for a processed photo: WebP first, JPEG/PNG fallback, no layout shift."""

from __future__ import annotations

import html
from collections.abc import Callable

from advocacy.core.media.images import Processed

DEFAULT_SIZES = "(max-width: 48rem) 100vw, 48rem"


def picture_html(
    processed: Processed,
    alt: str,
    url_of: Callable[[str], str],
    eager: bool = False,
    sizes: str = DEFAULT_SIZES,
    css_class: str = "",
    title: str | None = None,
) -> str:
    """The picture element; ``url_of`` turns a published file name into a page-relative URL.

    The first image of a page loads eagerly; every other one lazily and decoded off the main
    thread. ``width``/``height`` give the browser the aspect ratio before the file arrives.
    """
    fallback = [v for v in processed.variants if v.format != "webp"]
    webp = processed.of("webp")

    def srcset(variants: list) -> str:
        return ", ".join(f"{html.escape(url_of(v.name))} {v.width}w" for v in variants)

    largest = fallback[-1]
    attrs = [
        f'src="{html.escape(url_of(largest.name))}"',
        f'srcset="{srcset(fallback)}"',
        f'sizes="{sizes}"',
        f'width="{largest.width}"',
        f'height="{largest.height}"',
        f'alt="{html.escape(alt)}"',
    ]
    if title:
        attrs.append(f'title="{html.escape(title)}"')
    if css_class:
        attrs.append(f'class="{html.escape(css_class)}"')
    if not eager:
        attrs += ['loading="lazy"', 'decoding="async"']
    return (
        f'<picture><source type="image/webp" srcset="{srcset(webp)}" sizes="{sizes}">'
        f"<img {' '.join(attrs)}></picture>"
    )
