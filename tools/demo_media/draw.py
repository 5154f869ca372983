"""Shared drawing helpers: canvas sizes, the palette, gradients, lights and shapes.

Every scene draws on a canvas ``SS`` times larger than the final picture and
:func:`finish` shrinks it, which gives smooth edges without anti-aliasing support
in ``ImageDraw``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

RGB = tuple[int, int, int]
Point = tuple[float, float]
Box = Sequence[float]

COVER = (1600, 900)
AVATAR = (600, 600)
SS = 2  # supersampling factor: draw large, shrink for smooth edges
QUALITY = 82

# A small palette shared by all scenes so the blog looks like one family.
NAVY: RGB = (24, 42, 74)
SEA: RGB = (38, 92, 130)
FOAM: RGB = (222, 236, 240)
SAND: RGB = (238, 224, 196)
WARM: RGB = (246, 196, 128)
CORAL: RGB = (232, 112, 88)
GREEN: RGB = (86, 140, 96)
MOSS: RGB = (60, 104, 72)
CREAM: RGB = (250, 246, 238)
GREY: RGB = (120, 128, 138)
WOOD: RGB = (176, 128, 84)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Linear blend of two RGB colours, t in 0..1."""
    red, green, blue = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
    return red, green, blue


def lerp(p: Point, q: Point, t: float) -> Point:
    """The point a fraction t of the way from p to q."""
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def canvas(size: tuple[int, int], colour: RGB = (255, 255, 255)) -> Image.Image:
    """A blank supersampled RGB canvas for a picture of the given final size."""
    w, h = size
    return Image.new("RGB", (w * SS, h * SS), colour)


def vgradient(img: Image.Image, box: Box, top: RGB, bottom: RGB) -> None:
    """Fill box (x0, y0, x1, y1) with a vertical gradient."""
    d = ImageDraw.Draw(img)
    x0, y0, x1, y1 = (int(v) for v in box)
    span = max(1, y1 - y0)
    for y in range(y0, y1):
        d.line([(x0, y), (x1, y)], fill=mix(top, bottom, (y - y0) / span))


def hgradient(img: Image.Image, box: Box, left: RGB, right: RGB) -> None:
    """Fill box (x0, y0, x1, y1) with a horizontal gradient."""
    d = ImageDraw.Draw(img)
    x0, y0, x1, y1 = (int(v) for v in box)
    span = max(1, x1 - x0)
    for x in range(x0, x1):
        d.line([(x, y0), (x, y1)], fill=mix(left, right, (x - x0) / span))


def glow(
    img: Image.Image, centre: Point, radius: float, colour: RGB, strength: float = 0.55
) -> None:
    """Soft round light: a blurred disc blended over the image."""
    layer = Image.new("L", img.size, 0)
    ImageDraw.Draw(layer).ellipse(
        [centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius],
        fill=int(255 * strength),
    )
    layer = layer.filter(ImageFilter.GaussianBlur(radius * 0.6))
    img.paste(Image.new("RGB", img.size, colour), (0, 0), layer)


def shadow(
    img: Image.Image,
    box: Box,
    radius: float = 0,
    blur: float = 18,
    strength: int = 70,
    offset: Point = (10, 14),
) -> None:
    """Soft drop shadow under the (rounded) rectangle box, shifted by offset."""
    layer = Image.new("L", img.size, 0)
    x0, y0, x1, y1 = box
    ImageDraw.Draw(layer).rounded_rectangle(
        [x0 + offset[0], y0 + offset[1], x1 + offset[0], y1 + offset[1]],
        radius=radius,
        fill=strength,
    )
    layer = layer.filter(ImageFilter.GaussianBlur(blur))
    img.paste(Image.new("RGB", img.size, (0, 0, 0)), (0, 0), layer)


def hills(
    d: ImageDraw.ImageDraw,
    w: int,
    base: float,
    amp: float,
    colour: RGB,
    rnd: random.Random,
    waves: int = 3,
    step: int = 8,
) -> None:
    """A wavy band from y=base down to the bottom edge."""
    phase = rnd.uniform(0, math.tau)
    pts: list[Point] = [(0, 10**6)]
    for x in range(0, w + step, step):
        y = base
        for k in range(1, waves + 1):
            y += amp / k * math.sin(x / w * math.tau * (k * 0.7) + phase * k)
        pts.append((x, y))
    pts.append((w, 10**6))
    d.polygon(pts, fill=colour)


def fronds(
    d: ImageDraw.ImageDraw,
    rnd: random.Random,
    root: Point,
    count: int,
    arc: tuple[float, float],
    reach: tuple[int, int],
    stem: int,
    leaf: tuple[float, float],
) -> None:
    """A potted plant's leaves: count stems fanning upwards from root.

    arc is the angle range in multiples of pi, reach the stem length range, stem
    the stem width and leaf the half width and half height of each leaf.
    """
    px, base = root
    for _ in range(count):
        a = rnd.uniform(math.pi * arc[0], math.pi * arc[1])
        ln = rnd.randint(*reach)
        ex, ey = px + math.cos(a) * ln, base + math.sin(a) * ln
        d.line([(px, base), (ex, ey)], fill=MOSS, width=stem)
        d.ellipse([ex - leaf[0], ey - leaf[1], ex + leaf[0], ey + leaf[1]], fill=GREEN)


def finish(img: Image.Image, size: tuple[int, int], path: Path) -> Path:
    """Shrink the supersampled canvas to size and save it as a JPEG at path."""
    out = img.resize(size, Image.LANCZOS)
    path.parent.mkdir(parents=True, exist_ok=True)
    out.save(path, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return path
