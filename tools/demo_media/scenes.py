"""The 1600x900 covers: the ``COVERS`` registry and the outdoor and table-top scenes.

The indoor scenes live in :mod:`demo_media.interiors`. Each scene function takes
its own seeded ``random.Random`` and returns the supersampled canvas, which
:func:`demo_media.draw.finish` shrinks and saves.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from itertools import pairwise

from PIL import Image, ImageDraw

from .draw import CORAL, COVER, GREEN, MOSS, RGB, canvas, glow, hills, mix, shadow, vgradient
from .interiors import canteen, code_review, office_windows, warehouse, whiteboard


def _boat(d: ImageDraw.ImageDraw, bx: float, by: float, scale: float, hull: RGB, sail: RGB) -> None:
    """A sailing boat with its waterline centred on (bx, by)."""
    L = 260 * scale
    d.polygon(
        [
            (bx - L / 2, by),
            (bx + L / 2, by),
            (bx + L * 0.38, by + 46 * scale),
            (bx - L * 0.4, by + 46 * scale),
        ],
        fill=hull,
    )
    d.line([(bx, by), (bx, by - 300 * scale)], fill=(60, 52, 48), width=max(3, int(8 * scale)))
    d.polygon(
        [(bx + 6, by - 290 * scale), (bx + 6, by - 20 * scale), (bx + L * 0.46, by - 20 * scale)],
        fill=sail,
    )
    d.polygon(
        [(bx - 6, by - 250 * scale), (bx - 6, by - 30 * scale), (bx - L * 0.32, by - 30 * scale)],
        fill=mix(sail, (255, 255, 255), 0.4),
    )


def harbour(rnd: random.Random) -> Image.Image:
    """Evening on the harbour: sky, angular waterfront buildings, boats."""
    img = canvas(COVER)
    W, H = img.size
    horizon = int(H * 0.58)
    vgradient(img, (0, 0, W, horizon), (54, 74, 120), (250, 190, 140))
    glow(img, (int(W * 0.72), int(horizon * 0.78)), 260, (255, 226, 170), 0.7)
    d = ImageDraw.Draw(img)
    sx, sy, r = int(W * 0.72), int(horizon * 0.78), 110
    d.ellipse([sx - r, sy - r, sx + r, sy + r], fill=(255, 236, 196))
    # waterfront: angular white blocks (a nod to Aarhus' harbour front)
    x = int(W * 0.04)
    while x < W * 0.55:
        bw = rnd.randint(120, 240)
        top = horizon - rnd.randint(140, 360)
        peak = top - rnd.randint(20, 120)
        col = mix((236, 238, 244), (150, 160, 190), rnd.random() * 0.6)
        d.polygon(
            [(x, horizon), (x, top), (x + bw * 0.45, peak), (x + bw, top + 40), (x + bw, horizon)],
            fill=col,
        )
        for wy in range(top + 60, horizon - 30, 44):
            for wx in range(x + 22, x + bw - 30, 46):
                if rnd.random() < 0.55:
                    d.rectangle([wx, wy, wx + 20, wy + 14], fill=(255, 214, 150))
        x += bw + rnd.randint(10, 40)
    # cranes on the right
    for cx in (int(W * 0.86), int(W * 0.94)):
        d.line([(cx, horizon), (cx, horizon - 380)], fill=(70, 70, 96), width=14)
        d.line([(cx - 220, horizon - 360), (cx + 90, horizon - 360)], fill=(70, 70, 96), width=12)
        d.line([(cx - 180, horizon - 360), (cx - 180, horizon - 200)], fill=(70, 70, 96), width=4)
    # sea
    vgradient(img, (0, horizon, W, H), (96, 120, 160), (24, 48, 84))
    d = ImageDraw.Draw(img)
    for _ in range(90):
        y = rnd.randint(horizon + 6, H)
        x = rnd.randint(0, W)
        ln = rnd.randint(40, 220) * (0.5 + (y - horizon) / (H - horizon))
        col = (255, 220, 170) if abs(x - sx) < 260 and rnd.random() < 0.8 else (150, 176, 206)
        d.line([(x, y), (x + ln, y)], fill=col, width=rnd.choice((3, 4, 6)))
    _boat(d, int(W * 0.30), int(H * 0.80), 1.3, (196, 72, 60), (248, 244, 236))
    _boat(d, int(W * 0.62), int(H * 0.68), 0.8, (40, 60, 96), (244, 232, 210))
    _boat(d, int(W * 0.08), int(H * 0.66), 0.55, (232, 180, 80), (250, 250, 250))
    # gulls
    for _ in range(6):
        gx, gy, s = rnd.randint(200, W - 400), rnd.randint(120, 500), rnd.randint(18, 34)
        d.arc([gx - s, gy, gx, gy + s], 200, 340, fill=(50, 56, 80), width=6)
        d.arc([gx, gy, gx + s, gy + s], 200, 340, fill=(50, 56, 80), width=6)
    return img


def farm(rnd: random.Random) -> Image.Image:
    """Rolling fields on Djursland with a red barn and rows of crops."""
    img = canvas(COVER)
    W, H = img.size
    vgradient(img, (0, 0, W, int(H * 0.55)), (130, 180, 222), (236, 236, 222))
    d = ImageDraw.Draw(img)
    for _ in range(7):
        cx, cy = rnd.randint(0, W), rnd.randint(60, 460)
        for k in range(5):
            r = rnd.randint(50, 110)
            ox = (k - 2) * 80
            d.ellipse([cx + ox - r, cy - r * 0.7, cx + ox + r, cy + r * 0.5], fill=(250, 250, 248))
    bands = [
        (int(H * 0.48), 40, (150, 176, 120)),
        (int(H * 0.56), 60, (196, 186, 110)),
        (int(H * 0.66), 70, (110, 156, 96)),
        (int(H * 0.78), 70, (170, 120, 80)),
        (int(H * 0.92), 60, (94, 140, 80)),
    ]
    for i, (base, amp, col) in enumerate(bands):
        hills(d, W, base, amp, col, rnd)
        if i == 1:
            # barn on the second ridge
            bx, by = int(W * 0.66), base - 40
            roof = (70, 60, 60)
            d.rectangle([bx, by - 130, bx + 260, by], fill=(176, 54, 44))
            d.polygon([(bx - 20, by - 130), (bx + 130, by - 220), (bx + 280, by - 130)], fill=roof)
            d.rectangle([bx + 100, by - 80, bx + 160, by], fill=(240, 230, 214))
            d.rectangle([bx + 300, by - 90, bx + 460, by], fill=(244, 240, 230))
            d.polygon([(bx + 290, by - 90), (bx + 380, by - 150), (bx + 470, by - 90)], fill=roof)
        if i == 2:
            for _ in range(9):
                tx = rnd.randint(0, W)
                ty = base - rnd.randint(0, 60)
                d.rectangle([tx - 8, ty - 40, tx + 8, ty + 10], fill=(90, 70, 50))
                r = rnd.randint(50, 80)
                crown = mix(MOSS, GREEN, rnd.random())
                d.ellipse([tx - r, ty - 40 - r * 1.6, tx + r, ty - 30], fill=crown)
        if i == 3:
            # rows of crops in the ploughed field
            for k in range(24):
                y = base + 10 + k * 14
                x0 = -200 + k * 30
                d.line([(x0, y), (W + 200, y + 40)], fill=(120, 170, 90), width=6)
    return img


def route_map(rnd: random.Random) -> Image.Image:
    """Abstract delivery map: coast, roads, a route with stops."""
    img = canvas(COVER)
    W, H = img.size
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, H], fill=(240, 238, 228))
    # water on the right with a ragged coast
    pts: list[tuple[float, float]] = [(W, 0)]
    x = W * 0.72
    for y in range(0, H + 40, 40):
        x += rnd.randint(-40, 40)
        x = max(W * 0.62, min(W * 0.84, x))
        pts.append((x, y))
    pts.append((W, H))
    d.polygon(pts, fill=(170, 206, 226))
    # parks
    for _ in range(8):
        px, py = rnd.randint(0, int(W * 0.6)), rnd.randint(0, H)
        park = [px, py, px + rnd.randint(120, 320), py + rnd.randint(90, 220)]
        d.ellipse(park, fill=(200, 226, 190))
    # street grid
    for _ in range(14):
        y = rnd.randint(0, H)
        street = [(0, y), (W * 0.8, y + rnd.randint(-160, 160))]
        d.line(street, fill=(255, 255, 255), width=rnd.choice((10, 14, 22)))
    for _ in range(14):
        x = rnd.randint(0, int(W * 0.75))
        street = [(x, 0), (x + rnd.randint(-200, 200), H)]
        d.line(street, fill=(255, 255, 255), width=rnd.choice((10, 14, 22)))
    d.line([(0, H * 0.7), (W * 0.35, H * 0.55), (W * 0.7, H * 0.2)], fill=(250, 214, 120), width=34)
    # the route
    stops = [(int(W * 0.08), int(H * 0.82))]
    for _ in range(6):
        lx, ly = stops[-1]
        nx = min(int(W * 0.66), lx + rnd.randint(160, 420))
        ny = max(140, min(H - 140, ly + rnd.randint(-360, 220)))
        stops.append((nx, ny))
    path = []
    for a, b in pairwise(stops):
        path += [a, (b[0], a[1]), b]
    d.line(path, fill=(40, 70, 130), width=16, joint="curve")
    for i, (sx, sy) in enumerate(stops):
        col = CORAL if i in (0, len(stops) - 1) else (40, 70, 130)
        d.polygon([(sx - 34, sy - 60), (sx + 34, sy - 60), (sx, sy)], fill=col)
        d.ellipse([sx - 40, sy - 120, sx + 40, sy - 40], fill=col)
        d.ellipse([sx - 16, sy - 96, sx + 16, sy - 64], fill=(255, 255, 255))
    # a small truck at the last stop
    tx, ty = stops[-1][0] + 80, stops[-1][1] + 20
    d.rounded_rectangle(
        [tx, ty - 90, tx + 150, ty], radius=10, fill=(250, 250, 250), outline=(40, 70, 130), width=6
    )
    d.rounded_rectangle([tx + 150, ty - 60, tx + 210, ty], radius=10, fill=CORAL)
    for wx in (tx + 40, tx + 170):
        d.ellipse([wx - 20, ty - 12, wx + 20, ty + 28], fill=(40, 40, 44))
    return img


def cloud_migration(rnd: random.Random) -> Image.Image:
    """Server racks moving up into soft clouds: our platform migration."""
    img = canvas(COVER)
    W, H = img.size
    vgradient(img, (0, 0, W, H), (30, 52, 96), (80, 140, 170))
    d = ImageDraw.Draw(img)
    for _ in range(60):
        x, y = rnd.randint(0, W), rnd.randint(0, int(H * 0.4))
        r = rnd.choice((2, 3, 4))
        d.ellipse([x - r, y - r, x + r, y + r], fill=(220, 230, 250))
    # clouds
    clouds = (
        (int(W * 0.62), int(H * 0.25), 1.3),
        (int(W * 0.86), int(H * 0.38), 0.8),
        (int(W * 0.40), int(H * 0.16), 0.7),
    )
    puffs = ((-160, 30, 120), (-40, -40, 160), (120, 0, 130), (220, 50, 90), (-260, 70, 80))
    for cx, cy, s in clouds:
        glow(img, (cx, cy), int(260 * s), (200, 226, 246), 0.35)
        d = ImageDraw.Draw(img)
        for ox, oy, r in puffs:
            d.ellipse(
                [cx + (ox - r) * s, cy + (oy - r) * s, cx + (ox + r) * s, cy + (oy + r) * s],
                fill=(244, 248, 252),
            )
        d.rectangle([cx - 260 * s, cy + 40 * s, cx + 300 * s, cy + 140 * s], fill=(244, 248, 252))
    # racks
    for i in range(4):
        rx = int(W * 0.08) + i * 250
        ry = int(H * 0.50) + (i % 2) * 30
        shadow(img, (rx, ry, rx + 200, H - 60), radius=12, blur=16, strength=90)
        d = ImageDraw.Draw(img)
        d.rounded_rectangle([rx, ry, rx + 200, H - 60], radius=12, fill=(40, 46, 60))
        for k in range(int((H - 60 - ry - 30) / 54)):
            sy = ry + 24 + k * 54
            d.rounded_rectangle([rx + 16, sy, rx + 184, sy + 40], radius=6, fill=(64, 72, 92))
            for j in range(3):
                c = rnd.choice([(120, 230, 150), (120, 230, 150), (250, 200, 80), (110, 190, 250)])
                d.ellipse([rx + 130 + j * 16, sy + 14, rx + 142 + j * 16, sy + 26], fill=c)
    # arrows from racks up to the cloud
    for k in range(3):
        ax, ay = int(W * 0.40) + k * 140, int(H * 0.70) - k * 40
        bx, by = int(W * 0.56) + k * 90, int(H * 0.40)
        d.line([(ax, ay), (bx, by)], fill=(250, 200, 110), width=14)
        ang = math.atan2(by - ay, bx - ax)
        L = 50
        d.polygon(
            [
                (bx + math.cos(ang) * 20, by + math.sin(ang) * 20),
                (bx - math.cos(ang - 0.5) * L, by - math.sin(ang - 0.5) * L),
                (bx - math.cos(ang + 0.5) * L, by - math.sin(ang + 0.5) * L),
            ],
            fill=(250, 200, 110),
        )
    return img


def _produce(d: ImageDraw.ImageDraw, rnd: random.Random, kind: str, px: int, py: int) -> None:
    """One vegetable or fruit of the given kind, seen from above, at (px, py)."""
    if kind == "tomato":
        r = rnd.randint(56, 76)
        fill = mix((214, 54, 44), (240, 90, 60), rnd.random())
        d.ellipse([px - r, py - r, px + r, py + r], fill=fill)
        d.ellipse([px - r * 0.5, py - r * 0.6, px - r * 0.1, py - r * 0.25], fill=(246, 140, 120))
        d.regular_polygon((px, py - r * 0.2, 16), 5, fill=(60, 120, 60))
    elif kind == "carrot":
        a = rnd.uniform(-0.5, 0.5)
        L = rnd.randint(170, 230)
        ex, ey = px + math.sin(a) * L, py + math.cos(a) * L * 0.9
        nx, ny = math.cos(a) * 26, -math.sin(a) * 26
        fill = mix((236, 120, 40), (246, 150, 60), rnd.random())
        d.polygon([(px - nx, py - ny), (px + nx, py + ny), (ex, ey)], fill=fill)
        d.line([(px, py), (px - math.sin(a) * 60, py - 60)], fill=(80, 150, 70), width=12)
    elif kind == "greens":
        r = rnd.randint(60, 100)
        fill = mix((70, 140, 70), (130, 190, 90), rnd.random())
        d.ellipse([px - r, py - r * 0.8, px + r, py + r * 0.8], fill=fill)
        d.line([(px - r * 0.6, py), (px + r * 0.6, py)], fill=(190, 230, 160), width=5)
    elif kind == "potato":
        r = rnd.randint(50, 70)
        fill = mix((204, 170, 110), (226, 196, 140), rnd.random())
        d.ellipse([px - r * 1.2, py - r * 0.85, px + r * 1.2, py + r * 0.85], fill=fill)
        for _ in range(2):
            qx, qy = px + rnd.randint(-30, 30), py + rnd.randint(-20, 20)
            d.ellipse([qx - 4, qy - 4, qx + 4, qy + 4], fill=(150, 120, 80))
    elif kind == "apple":
        r = rnd.randint(54, 70)
        fill = mix((120, 180, 60), (230, 80, 60), rnd.random())
        d.ellipse([px - r, py - r, px + r, py + r], fill=fill)
        d.line([(px, py - r * 0.3), (px + 8, py - r * 0.7)], fill=(90, 60, 40), width=7)
    else:  # beet
        r = rnd.randint(52, 70)
        fill = mix((120, 30, 60), (160, 40, 80), rnd.random())
        d.ellipse([px - r, py - r, px + r, py + r], fill=fill)
        d.line([(px, py - r), (px - 30, py - r - 70)], fill=(80, 150, 70), width=10)
        d.line([(px, py - r), (px + 26, py - r - 60)], fill=(150, 60, 90), width=8)


def vegetables(rnd: random.Random) -> Image.Image:
    """Top-down view of crates with vegetables, for the kitchen stories."""
    img = canvas(COVER)
    W, H = img.size
    # wooden table
    d = ImageDraw.Draw(img)
    for i in range(0, H, 180):
        col = mix((196, 150, 104), (170, 124, 84), rnd.random())
        d.rectangle([0, i, W, i + 180], fill=col)
        d.line([(0, i), (W, i)], fill=(140, 100, 66), width=6)
        for _ in range(3):
            gy = i + rnd.randint(20, 160)
            x_from, x_to = rnd.randint(0, W // 2), rnd.randint(W // 2, W)
            grain = [(x_from, gy), (x_to, gy + rnd.randint(-8, 8))]
            d.line(grain, fill=mix(col, (120, 84, 52), 0.3), width=3)
    crates = [
        (80, 80, 1060, 840, "tomato"),
        (1140, 80, 2080, 840, "carrot"),
        (2160, 80, 3120, 840, "greens"),
        (80, 940, 1060, 1720, "potato"),
        (1140, 940, 2080, 1720, "apple"),
        (2160, 940, 3120, 1720, "beet"),
    ]
    for x0, y0, x1, y1, kind in crates:
        shadow(img, (x0, y0, x1, y1), radius=10, blur=20, strength=100)
        d = ImageDraw.Draw(img)
        d.rectangle([x0, y0, x1, y1], fill=(226, 196, 150))
        d.rectangle([x0 + 26, y0 + 26, x1 - 26, y1 - 26], fill=(120, 90, 60))
        ix0, iy0, ix1, iy1 = x0 + 40, y0 + 40, x1 - 40, y1 - 40
        items = []
        for _ in range(34):
            items.append((rnd.randint(ix0 + 30, ix1 - 30), rnd.randint(iy0 + 30, iy1 - 30)))
        items.sort(key=lambda p: p[1])
        for px, py in items:
            _produce(d, rnd, kind, px, py)
    return img


# Cover file name -> scene function; the covers are drawn in sorted name order, and
# that order decides each scene's random seed.
COVERS: dict[str, Callable[[random.Random], Image.Image]] = {
    "harbour.jpg": harbour,
    "canteen.jpg": canteen,
    "office-windows.jpg": office_windows,
    "whiteboard.jpg": whiteboard,
    "warehouse.jpg": warehouse,
    "farm.jpg": farm,
    "route-map.jpg": route_map,
    "cloud-migration.jpg": cloud_migration,
    "code-review.jpg": code_review,
    "vegetables.jpg": vegetables,
}
