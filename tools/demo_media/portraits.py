"""The 600x600 author avatars: stylised, friendly portraits of invented people.

Each author in :data:`PORTRAITS` is described by a :class:`PortraitSpec`;
:func:`portrait` draws it on a supersampled canvas.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

from .draw import AVATAR, CORAL, RGB, canvas, mix, vgradient


@dataclass(frozen=True)
class PortraitSpec:
    """How one author looks: background gradient, skin, hair, clothes, accessories."""

    bg: tuple[RGB, RGB]  # top and bottom of the background gradient
    skin: RGB
    hair: RGB
    style: str  # "long", "short", "bun" or "curly"
    top: RGB  # colour of the shirt or jumper
    glasses: bool = False
    beard: bool = False


PORTRAITS: dict[str, PortraitSpec] = {
    "mette-hansen": PortraitSpec(
        bg=((120, 180, 200), (70, 120, 160)),
        skin=(240, 200, 170),
        hair=(196, 140, 80),
        style="long",
        top=(46, 84, 80),
        glasses=True,
    ),
    "jonas-berg": PortraitSpec(
        bg=((250, 210, 150), (230, 140, 100)),
        skin=(226, 180, 146),
        hair=(70, 50, 40),
        style="short",
        top=(40, 60, 110),
        glasses=False,
        beard=True,
    ),
    "sofie-norgaard": PortraitSpec(
        bg=((180, 210, 160), (100, 150, 110)),
        skin=(246, 212, 186),
        hair=(150, 60, 40),
        style="bun",
        top=(250, 250, 246),
        glasses=False,
    ),
    "amira-said": PortraitSpec(
        bg=((210, 190, 230), (140, 110, 180)),
        skin=(170, 120, 90),
        hair=(30, 26, 30),
        style="curly",
        top=(232, 112, 88),
        glasses=True,
    ),
}


def _background(spec: PortraitSpec, rnd: random.Random) -> Image.Image:
    """The gradient backdrop with a few blurred light blobs."""
    img = canvas(AVATAR)
    W, H = img.size
    top, bottom = spec.bg
    vgradient(img, (0, 0, W, H), top, bottom)
    d = ImageDraw.Draw(img)
    for _ in range(5):
        r = rnd.randint(60, 200)
        x, y = rnd.randint(0, W), rnd.randint(0, H)
        d.ellipse([x - r, y - r, x + r, y + r], fill=mix(top, (255, 255, 255), 0.25))
    return img.filter(ImageFilter.GaussianBlur(20))


def _hair_behind(d: ImageDraw.ImageDraw, cx: int, spec: PortraitSpec) -> None:
    """The part of the hair that the head covers: long hair, curls, a bun."""
    hair = spec.hair
    if spec.style == "long":
        d.rounded_rectangle([cx - 250, 330, cx + 250, 900], radius=200, fill=hair)
    if spec.style == "curly":
        for a in range(0, 360, 24):
            rx = cx + math.cos(math.radians(a)) * 230
            ry = 520 + math.sin(math.radians(a)) * 250
            d.ellipse([rx - 110, ry - 110, rx + 110, ry + 110], fill=hair)
    if spec.style == "bun":
        d.ellipse([cx - 100, 180, cx + 100, 360], fill=hair)


def _hair_on_top(d: ImageDraw.ImageDraw, cx: int, spec: PortraitSpec) -> None:
    """The hair drawn over the head: fringe, parting, curls, and the beard."""
    hair, skin = spec.hair, spec.skin
    if spec.style in ("long", "bun"):
        d.chord([cx - 215, 310, cx + 215, 700], 180, 360, fill=hair)
        d.polygon([(cx - 40, 330), (cx + 200, 420), (cx + 210, 520), (cx - 10, 430)], fill=hair)
    elif spec.style == "short":
        d.chord([cx - 210, 300, cx + 210, 640], 180, 360, fill=hair)
        d.rectangle([cx - 210, 460, cx - 180, 560], fill=hair)
        d.rectangle([cx + 180, 460, cx + 210, 560], fill=hair)
    elif spec.style == "curly":
        for a in range(190, 351, 16):
            rx = cx + math.cos(math.radians(a)) * 170
            ry = 520 + math.sin(math.radians(a)) * 190
            d.ellipse([rx - 80, ry - 80, rx + 80, ry + 80], fill=hair)
    if spec.beard:
        d.chord([cx - 200, 520, cx + 200, 860], 10, 170, fill=hair)
        d.ellipse([cx - 70, 720, cx + 70, 790], fill=skin)


def _face(d: ImageDraw.ImageDraw, cx: int, spec: PortraitSpec, shade: RGB) -> None:
    """A simple face: eyes, brows, cheeks, smile, nose and optional glasses."""
    ey = 600
    for ex in (cx - 80, cx + 80):
        d.ellipse([ex - 16, ey - 16, ex + 16, ey + 16], fill=(40, 36, 40))
        brow = mix(spec.hair, (0, 0, 0), 0.3)
        d.arc([ex - 44, ey - 70, ex + 44, ey - 20], 210, 330, fill=brow, width=10)
        if ex < cx:
            cheek = [ex - 50, ey + 50, ex + 10, ey + 90]
        else:
            cheek = [ex - 10, ey + 50, ex + 50, ey + 90]
        d.ellipse(cheek, fill=mix(spec.skin, CORAL, 0.25))
    d.arc([cx - 70, 640, cx + 70, 760], 20, 160, fill=(150, 70, 60), width=12)
    d.line([(cx, 610), (cx - 14, 680), (cx + 6, 684)], fill=shade, width=8)
    if spec.glasses:
        for ex in (cx - 80, cx + 80):
            d.ellipse([ex - 58, ey - 46, ex + 58, ey + 46], outline=(40, 40, 48), width=10)
        d.line([(cx - 22, ey - 6), (cx + 22, ey - 6)], fill=(40, 40, 48), width=10)


def portrait(spec: PortraitSpec, rnd: random.Random) -> Image.Image:
    """Draw one author's avatar on a supersampled canvas (shrink it with finish())."""
    img = _background(spec, rnd)
    d = ImageDraw.Draw(img)
    cx = img.size[0] // 2
    skin = spec.skin
    shade = mix(skin, (0, 0, 0), 0.12)
    _hair_behind(d, cx, spec)
    # shoulders and neck
    d.ellipse([cx - 430, 930, cx + 430, 1600], fill=spec.top)
    d.rectangle([cx - 80, 760, cx + 80, 990], fill=shade)
    d.chord([cx - 140, 880, cx + 140, 1060], 0, 180, fill=shade)
    # head
    d.ellipse([cx - 200, 330, cx + 200, 850], fill=skin)
    d.ellipse([cx - 230, 570, cx - 170, 670], fill=skin)  # ears
    d.ellipse([cx + 170, 570, cx + 230, 670], fill=skin)
    _hair_on_top(d, cx, spec)
    _face(d, cx, spec, shade)
    return img
