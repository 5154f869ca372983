"""The demo company's brand: its logo and favicon (SVG), the entry page's hero picture and
one picture per team (``media/brand/``). The pictures show places, not people, so the demo's
``teams.yml`` can say ``shows: []``. Seeds are their own, so the covers do not change."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .draw import (
    CORAL,
    COVER,
    CREAM,
    GREEN,
    MOSS,
    RGB,
    WOOD,
    canvas,
    finish,
    fronds,
    glow,
    hills,
    mix,
    shadow,
    vgradient,
)

HERO = (1600, 1000)
BRAND: RGB = (14, 77, 100)  # mkdocs.yml's brand.primary, #0e4d64
ACCENT: RGB = (242, 165, 65)  # brand.accent, #f2a541

# The mark: a deep-sea tile, the sun coming up over a coastline that is also a route.
LOGO_SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
  <title>Kystlinje</title>
  <rect width="64" height="64" rx="14" fill="#0e4d64"/>
  <circle cx="42" cy="24" r="9" fill="#f2a541"/>
  <path d="M6 44 C 16 34, 24 50, 34 40 S 52 32, 58 38" fill="none" stroke="#ffffff"
        stroke-width="5" stroke-linecap="round"/>
  <circle cx="6" cy="44" r="4" fill="#ffffff"/>
  <circle cx="58" cy="38" r="4" fill="#ffffff"/>
</svg>
"""


def _truck(d: ImageDraw.ImageDraw, x: float, y: float, s: float) -> None:
    """A delivery truck in the company's colours, its wheels on the line y."""
    d.rounded_rectangle([x, y - 150 * s, x + 260 * s, y - 30 * s], radius=10 * s, fill=BRAND)
    d.rectangle([x, y - 70 * s, x + 260 * s, y - 56 * s], fill=ACCENT)
    d.rounded_rectangle(
        [x + 262 * s, y - 110 * s, x + 350 * s, y - 30 * s], radius=16 * s, fill=(236, 240, 242)
    )
    d.polygon(
        [
            (x + 290 * s, y - 104 * s),
            (x + 340 * s, y - 104 * s),
            (x + 346 * s, y - 70 * s),
            (x + 290 * s, y - 70 * s),
        ],
        fill=(120, 170, 196),
    )
    for wx in (x + 60 * s, x + 200 * s, x + 300 * s):
        d.ellipse([wx - 26 * s, y - 52 * s, wx + 26 * s, y], fill=(34, 36, 42))
        d.ellipse([wx - 10 * s, y - 36 * s, wx + 10 * s, y - 16 * s], fill=(170, 170, 176))


def _bike(d: ImageDraw.ImageDraw, x: float, y: float, s: float) -> None:
    """A bicycle (no rider: the pictures show places, not people)."""
    r = 34 * s
    for cx in (x, x + 110 * s):
        d.ellipse([cx - r, y - 2 * r, cx + r, y], outline=(40, 44, 52), width=max(3, int(6 * s)))
    frame = [
        (x, y - r),
        (x + 45 * s, y - r - 50 * s),
        (x + 95 * s, y - r - 50 * s),
        (x + 110 * s, y - r),
        (x + 55 * s, y - r),
        (x, y - r),
    ]
    d.line(frame, fill=CORAL, width=max(3, int(7 * s)), joint="curve")
    d.line(
        [(x + 45 * s, y - r - 50 * s), (x + 40 * s, y - r - 66 * s)],
        fill=(40, 44, 52),
        width=max(3, int(6 * s)),
    )
    d.line(
        [(x + 95 * s, y - r - 50 * s), (x + 100 * s, y - r - 70 * s)],
        fill=(40, 44, 52),
        width=max(3, int(6 * s)),
    )


def hero(rnd: random.Random) -> Image.Image:
    """The coast by Aarhus at sunrise: the bay, the harbour's cranes, the coast road with one
    of our trucks, and a bicycle on the path."""
    img = canvas(HERO)
    W, H = img.size
    horizon = int(H * 0.46)
    vgradient(img, (0, 0, W, horizon), (118, 178, 196), (252, 214, 160))
    sx, sy = int(W * 0.70), int(horizon * 0.80)
    glow(img, (sx, sy), 300, (255, 230, 178), 0.75)
    d = ImageDraw.Draw(img)
    d.ellipse([sx - 120, sy - 120, sx + 120, sy + 120], fill=(255, 214, 130))
    for _ in range(5):  # thin clouds
        cx, cy, cw = rnd.randint(0, W), rnd.randint(60, horizon - 200), rnd.randint(180, 420)
        d.rounded_rectangle([cx, cy, cx + cw, cy + 26], radius=13, fill=(255, 242, 226))
    # the far shore: the city and the harbour's cranes
    x = int(W * 0.02)
    while x < W * 0.46:
        bw, bh = rnd.randint(60, 150), rnd.randint(50, 200)
        d.rectangle(
            [x, horizon - bh, x + bw, horizon],
            fill=mix((120, 150, 170), (180, 196, 206), rnd.random() * 0.5),
        )
        x += bw + rnd.randint(4, 20)
    for cx in (int(W * 0.52), int(W * 0.58)):
        d.line([(cx, horizon), (cx, horizon - 260)], fill=(80, 104, 124), width=10)
        d.line([(cx - 150, horizon - 246), (cx + 70, horizon - 246)], fill=(80, 104, 124), width=9)
    # the bay
    vgradient(img, (0, horizon, W, int(H * 0.70)), (110, 164, 186), (34, 96, 124))
    d = ImageDraw.Draw(img)
    for _ in range(80):
        y = rnd.randint(horizon + 6, int(H * 0.69))
        x = rnd.randint(0, W)
        ln = rnd.randint(30, 160)
        col = (255, 224, 170) if abs(x - sx) < 240 and rnd.random() < 0.8 else (178, 212, 224)
        d.line([(x, y), (x + ln, y)], fill=col, width=rnd.choice((3, 4, 5)))
    # the shore: a dune with grass, the coast road, the bike path
    hills(d, W, H * 0.71, 22, (226, 206, 160), rnd, waves=2)
    road = int(H * 0.82)
    d.rectangle([0, road - 50, W, road + 40], fill=(74, 82, 92))
    for x in range(0, W, 180):
        d.rectangle([x, road - 8, x + 90, road + 2], fill=(246, 240, 226))
    d.rectangle([0, road + 40, W, H], fill=(120, 162, 106))
    d.rectangle([0, road + 74, W, road + 120], fill=(196, 92, 74))  # the red bike path
    for _ in range(120):
        gx = rnd.randint(0, W)
        gy = rnd.randint(int(H * 0.73), road - 60)
        d.line(
            [(gx, gy), (gx + rnd.randint(-8, 8), gy - rnd.randint(14, 34))],
            fill=rnd.choice((MOSS, GREEN, (150, 170, 96))),
            width=4,
        )
    _truck(d, W * 0.16, road + 20, 1.9)
    _bike(d, W * 0.70, road + 112, 1.3)
    for _ in range(5):  # gulls
        gx, gy, s = rnd.randint(100, W - 300), rnd.randint(80, 400), rnd.randint(16, 28)
        d.arc([gx - s, gy, gx, gy + s], 200, 340, fill=(60, 70, 90), width=5)
        d.arc([gx, gy, gx + s, gy + s], 200, 340, fill=(60, 70, 90), width=5)
    return img


def _room(img: Image.Image, wall: RGB, floor: RGB, at: float = 0.7) -> ImageDraw.ImageDraw:
    W, H = img.size
    vgradient(img, (0, 0, W, int(H * at)), mix(wall, (255, 255, 255), 0.3), wall)
    vgradient(img, (0, int(H * at), W, H), floor, mix(floor, (0, 0, 0), 0.25))
    return ImageDraw.Draw(img)


def development(rnd: random.Random) -> Image.Image:
    """The development team's corner: two screens with a route map and code, a plant."""
    img = canvas(COVER)
    W, H = img.size
    d = _room(img, (214, 226, 230), (168, 132, 98))
    desk = int(H * 0.72)
    d.rectangle([int(W * 0.08), desk, int(W * 0.92), desk + 30], fill=(246, 244, 238))
    for i, x0 in enumerate((int(W * 0.18), int(W * 0.52))):
        x1, top = x0 + int(W * 0.30), int(H * 0.22)
        shadow(img, (x0, top, x1, desk - 80), radius=14, blur=12, strength=60)
        d = ImageDraw.Draw(img)
        d.rounded_rectangle([x0, top, x1, desk - 80], radius=14, fill=(30, 36, 46))
        if i == 0:
            d.rectangle([x0 + 18, top + 18, x1 - 18, desk - 98], fill=(232, 238, 232))
            pts = [(x0 + 60 + k * 70, top + 80 + rnd.randint(0, 200)) for k in range(6)]
            d.line(pts, fill=BRAND, width=10, joint="curve")
            for px, py in pts:
                d.ellipse([px - 14, py - 14, px + 14, py + 14], fill=ACCENT)
        else:
            for k in range(11):
                ly = top + 40 + k * 30
                indent = rnd.choice((0, 0, 40, 80))
                col = rnd.choice(
                    ((126, 200, 170), (240, 190, 110), (150, 180, 236), (220, 226, 232))
                )
                d.line(
                    [(x0 + 40 + indent, ly), (x0 + 40 + indent + rnd.randint(80, 300), ly)],
                    fill=col,
                    width=10,
                )
        d.rectangle([(x0 + x1) // 2 - 16, desk - 80, (x0 + x1) // 2 + 16, desk], fill=(70, 72, 80))
    d.ellipse([int(W * 0.86), desk - 70, int(W * 0.90), desk], fill=ACCENT)  # a mug
    d.rectangle([int(W * 0.03), H - 330, int(W * 0.08), H], fill=(64, 68, 74))
    fronds(d, rnd, (int(W * 0.055), H - 330), 20, (1.1, 1.9), (140, 360), 7, (30, 16))
    return img


def customer_success(rnd: random.Random) -> Image.Image:
    """A meeting table by the window: a laptop with a dashboard, coffee, the city outside."""
    img = canvas(COVER)
    W, H = img.size
    d = _room(img, (230, 222, 210), (150, 120, 96), 0.64)
    wx0, wx1, wy0, wy1 = int(W * 0.08), int(W * 0.92), int(H * 0.08), int(H * 0.56)
    vgradient(img, (wx0, wy0, wx1, wy1), (150, 196, 222), (230, 236, 236))
    d = ImageDraw.Draw(img)
    x = wx0
    while x < wx1:
        bw, bh = rnd.randint(50, 130), rnd.randint(60, 200)
        d.rectangle(
            [x, wy1 - bh, min(x + bw, wx1), wy1],
            fill=mix((170, 180, 196), (120, 132, 150), rnd.random()),
        )
        x += bw + rnd.randint(6, 26)
    d.rectangle([wx0, wy0, wx1, wy1], outline=(250, 250, 248), width=22)
    for k in (1, 2, 3):
        mx = wx0 + (wx1 - wx0) * k // 4
        d.line([(mx, wy0), (mx, wy1)], fill=(250, 250, 248), width=12)
    table = int(H * 0.70)
    d.ellipse([int(W * 0.14), table - 60, int(W * 0.86), table + 150], fill=WOOD)
    lx = int(W * 0.40)
    d.polygon(
        [(lx, table + 30), (lx + 420, table + 30), (lx + 380, table - 10), (lx + 40, table - 10)],
        fill=(200, 204, 210),
    )
    d.rounded_rectangle([lx + 30, table - 250, lx + 390, table - 14], radius=10, fill=(36, 40, 50))
    d.rectangle([lx + 46, table - 234, lx + 374, table - 30], fill=(244, 246, 248))
    for k, hgt in enumerate((80, 130, 100, 160, 190)):
        bx = lx + 80 + k * 56
        d.rectangle([bx, table - 50 - hgt, bx + 34, table - 50], fill=BRAND if k % 2 else ACCENT)
    for cx in (int(W * 0.26), int(W * 0.74)):
        d.ellipse([cx - 40, table - 20, cx + 40, table + 20], fill=CREAM)
        d.rounded_rectangle([cx - 24, table - 70, cx + 24, table], radius=8, fill=CORAL)
    return img


def kitchen(rnd: random.Random) -> Image.Image:
    """The kitchen in Aarhus: pots on the stove, shelves with vegetables, tiles."""
    img = canvas(COVER)
    W, H = img.size
    d = _room(img, (236, 240, 236), (120, 126, 132), 0.66)
    for ty in range(int(H * 0.30), int(H * 0.66), 56):  # tiles
        for tx in range(0, W, 84):
            d.rectangle([tx + 3, ty + 3, tx + 81, ty + 53], outline=(212, 220, 216), width=3)
    for shelf in (int(H * 0.14), int(H * 0.26)):
        d.rectangle([int(W * 0.05), shelf, int(W * 0.95), shelf + 16], fill=WOOD)
        x = int(W * 0.07)
        while x < W * 0.92:
            kind = rnd.choice(("jar", "veg", "veg", "bowl"))
            if kind == "jar":
                d.rounded_rectangle(
                    [x, shelf - 90, x + 60, shelf],
                    radius=10,
                    fill=mix((250, 230, 190), (220, 170, 110), rnd.random()),
                )
            elif kind == "veg":
                col = rnd.choice(((232, 120, 60), (96, 150, 70), (170, 60, 90), (240, 200, 80)))
                for k in range(3):
                    d.ellipse([x + k * 26, shelf - 52, x + k * 26 + 44, shelf], fill=col)
            else:
                d.chord([x, shelf - 70, x + 110, shelf + 30], 0, 180, fill=(230, 236, 240))
            x += rnd.randint(100, 170)
    counter = int(H * 0.66)
    d.rectangle([0, counter, W, counter + 40], fill=(190, 196, 200))
    d.rectangle([0, counter + 40, W, H], fill=(150, 156, 162))
    for k, px in enumerate((int(W * 0.22), int(W * 0.48), int(W * 0.74))):
        w = 250 - k * 30
        d.rounded_rectangle(
            [px - w // 2, counter - 200, px + w // 2, counter], radius=18, fill=(176, 184, 192)
        )
        d.rectangle(
            [px - w // 2 - 20, counter - 200, px + w // 2 + 20, counter - 180], fill=(140, 148, 156)
        )
        glow(img, (px, counter - 280), 90, (255, 255, 255), 0.5)  # steam
        d = ImageDraw.Draw(img)
    return img


def sales(rnd: random.Random) -> Image.Image:
    """The Copenhagen office's street: gabled houses along a canal, a bicycle."""
    img = canvas(COVER)
    W, H = img.size
    vgradient(img, (0, 0, W, H), (170, 206, 226), (236, 230, 214))
    d = ImageDraw.Draw(img)
    street = int(H * 0.70)
    x = -20
    colours = [
        (232, 160, 80),
        (200, 90, 70),
        (240, 210, 120),
        (120, 160, 170),
        (196, 120, 100),
        (150, 180, 120),
        (236, 190, 150),
    ]
    while x < W:
        bw = rnd.randint(160, 230)
        top = street - rnd.randint(360, 520)
        col = rnd.choice(colours)
        d.rectangle([x, top, x + bw, street], fill=col)
        d.polygon(
            [(x, top), (x + bw / 2, top - rnd.randint(60, 120)), (x + bw, top)],
            fill=mix(col, (60, 40, 40), 0.3),
        )
        for wy in range(top + 40, street - 80, 90):
            for wx in range(x + 24, x + bw - 40, 60):
                d.rectangle([wx, wy, wx + 34, wy + 50], fill=(246, 242, 230))
                d.line([(wx + 17, wy), (wx + 17, wy + 50)], fill=mix(col, (0, 0, 0), 0.3), width=3)
        x += bw
    d.rectangle([0, street, W, street + 40], fill=(150, 140, 130))
    vgradient(img, (0, street + 40, W, H), (70, 120, 150), (30, 70, 100))
    d = ImageDraw.Draw(img)
    for _ in range(40):
        y, x = rnd.randint(street + 50, H), rnd.randint(0, W)
        d.line([(x, y), (x + rnd.randint(30, 120), y)], fill=(140, 186, 206), width=4)
    _bike(d, W * 0.62, street + 10, 1.1)
    return img


FONT = Path(__file__).resolve().parents[2] / "plugins/advocacy/core/media/fonts/DejaVuSans-Bold.ttf"


def card_logo() -> Image.Image:
    """The mark and the name in white on transparency, for the LinkedIn share cards (which
    take a PNG): 720x120, drawn twice as large and shrunk."""
    s = 2
    img = Image.new("RGBA", (720 * s, 120 * s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([0, 0, 120 * s, 120 * s], radius=26 * s, fill=(255, 255, 255, 255))
    d.ellipse([66 * s, 28 * s, 98 * s, 60 * s], fill=(*ACCENT, 255))
    wave = [(16 + x, 80 + 11 * math.sin(x / 88 * 2 * math.pi)) for x in range(0, 89, 2)]
    d.line([(x * s, y * s) for x, y in wave], fill=(*BRAND, 255), width=9 * s, joint="curve")
    font = ImageFont.truetype(str(FONT), 78 * s)
    d.text((150 * s, 60 * s), "Kystlinje", font=font, fill=(255, 255, 255, 255), anchor="lm")
    return img.resize((720, 120), Image.LANCZOS)


TEAMS: dict[str, Callable[[random.Random], Image.Image]] = {
    "udvikling.jpg": development,
    "kundesucces.jpg": customer_success,
    "koekken.jpg": kitchen,
    "salg.jpg": sales,
}


def write_brand(out: Path) -> list[Path]:
    """The logo, favicon, hero and team pictures into ``out/media/brand/``."""
    folder = out / "media" / "brand"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in ("logo.svg", "favicon.svg"):
        (folder / name).write_text(LOGO_SVG, encoding="utf-8")
        written.append(folder / name)
    written.append(finish(hero(random.Random(7100)), HERO, folder / "hero.jpg"))
    card_logo().save(folder / "logo-card.png", optimize=True)
    written.append(folder / "logo-card.png")
    for i, (name, scene) in enumerate(sorted(TEAMS.items())):
        written.append(finish(scene(random.Random(7200 + i)), COVER, folder / "teams" / name))
    return written
