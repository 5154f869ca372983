#!/usr/bin/env python3
"""Draw the demo images for the Kystlinje A/S example blog.

Writes original, illustrative pictures (no photographs, no fonts) into
``media/2026/`` (1600x900 covers) and ``media/authors/`` (600x600 stylised
portraits). Needs only Pillow. The output is deterministic: every scene uses
its own fixed random seed, so running the script twice gives the same files.

    python3 tools/make_demo_media.py            # writes into the repository
    python3 tools/make_demo_media.py --out DIR  # writes into DIR/media/...
"""

from __future__ import annotations

import argparse
import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
COVER = (1600, 900)
AVATAR = (600, 600)
SS = 2  # supersampling factor: draw large, shrink for smooth edges
QUALITY = 82

# A small palette shared by all scenes so the blog looks like one family.
NAVY = (24, 42, 74)
SEA = (38, 92, 130)
FOAM = (222, 236, 240)
SAND = (238, 224, 196)
WARM = (246, 196, 128)
CORAL = (232, 112, 88)
GREEN = (86, 140, 96)
MOSS = (60, 104, 72)
CREAM = (250, 246, 238)
GREY = (120, 128, 138)
WOOD = (176, 128, 84)


# --------------------------------------------------------------------------- helpers

def mix(a, b, t):
    """Linear blend of two RGB colours, t in 0..1."""
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def canvas(size, colour=(255, 255, 255)):
    w, h = size
    return Image.new("RGB", (w * SS, h * SS), colour)


def vgradient(img, box, top, bottom):
    """Fill box (x0, y0, x1, y1) with a vertical gradient."""
    d = ImageDraw.Draw(img)
    x0, y0, x1, y1 = [int(v) for v in box]
    span = max(1, y1 - y0)
    for y in range(y0, y1):
        d.line([(x0, y), (x1, y)], fill=mix(top, bottom, (y - y0) / span))


def hgradient(img, box, left, right):
    d = ImageDraw.Draw(img)
    x0, y0, x1, y1 = [int(v) for v in box]
    span = max(1, x1 - x0)
    for x in range(x0, x1):
        d.line([(x, y0), (x, y1)], fill=mix(left, right, (x - x0) / span))


def glow(img, centre, radius, colour, strength=0.55):
    """Soft round light: a blurred disc blended over the image."""
    layer = Image.new("L", img.size, 0)
    ImageDraw.Draw(layer).ellipse(
        [centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius],
        fill=int(255 * strength),
    )
    layer = layer.filter(ImageFilter.GaussianBlur(radius * 0.6))
    img.paste(Image.new("RGB", img.size, colour), (0, 0), layer)


def shadow(img, box, radius=0, blur=18, strength=70, offset=(10, 14)):
    layer = Image.new("L", img.size, 0)
    x0, y0, x1, y1 = box
    ImageDraw.Draw(layer).rounded_rectangle(
        [x0 + offset[0], y0 + offset[1], x1 + offset[0], y1 + offset[1]], radius=radius, fill=strength
    )
    layer = layer.filter(ImageFilter.GaussianBlur(blur))
    img.paste(Image.new("RGB", img.size, (0, 0, 0)), (0, 0), layer)


def hills(d, w, base, amp, colour, rnd, waves=3, step=8):
    """A wavy band from y=base down to the bottom edge."""
    phase = rnd.uniform(0, math.tau)
    pts = [(0, 10**6)]
    for x in range(0, w + step, step):
        y = base
        for k in range(1, waves + 1):
            y += amp / k * math.sin(x / w * math.tau * (k * 0.7) + phase * k)
        pts.append((x, y))
    pts.append((w, 10**6))
    d.polygon(pts, fill=colour)


def finish(img, size, path: Path):
    out = img.resize(size, Image.LANCZOS)
    path.parent.mkdir(parents=True, exist_ok=True)
    out.save(path, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return path


# --------------------------------------------------------------------------- covers

def harbour(rnd):
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
        d.polygon([(x, horizon), (x, top), (x + bw * 0.45, peak), (x + bw, top + 40), (x + bw, horizon)], fill=col)
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
    for i in range(90):
        y = rnd.randint(horizon + 6, H)
        x = rnd.randint(0, W)
        ln = rnd.randint(40, 220) * (0.5 + (y - horizon) / (H - horizon))
        col = (255, 220, 170) if abs(x - sx) < 260 and rnd.random() < 0.8 else (150, 176, 206)
        d.line([(x, y), (x + ln, y)], fill=col, width=rnd.choice((3, 4, 6)))

    def boat(bx, by, scale, hull, sail):
        L = 260 * scale
        d.polygon([(bx - L / 2, by), (bx + L / 2, by), (bx + L * 0.38, by + 46 * scale), (bx - L * 0.4, by + 46 * scale)], fill=hull)
        d.line([(bx, by), (bx, by - 300 * scale)], fill=(60, 52, 48), width=max(3, int(8 * scale)))
        d.polygon([(bx + 6, by - 290 * scale), (bx + 6, by - 20 * scale), (bx + L * 0.46, by - 20 * scale)], fill=sail)
        d.polygon([(bx - 6, by - 250 * scale), (bx - 6, by - 30 * scale), (bx - L * 0.32, by - 30 * scale)], fill=mix(sail, (255, 255, 255), 0.4))

    boat(int(W * 0.30), int(H * 0.80), 1.3, (196, 72, 60), (248, 244, 236))
    boat(int(W * 0.62), int(H * 0.68), 0.8, (40, 60, 96), (244, 232, 210))
    boat(int(W * 0.08), int(H * 0.66), 0.55, (232, 180, 80), (250, 250, 250))
    # gulls
    for _ in range(6):
        gx, gy, s = rnd.randint(200, W - 400), rnd.randint(120, 500), rnd.randint(18, 34)
        d.arc([gx - s, gy, gx, gy + s], 200, 340, fill=(50, 56, 80), width=6)
        d.arc([gx, gy, gx + s, gy + s], 200, 340, fill=(50, 56, 80), width=6)
    return img


def canteen(rnd):
    """A bright canteen: big window, pendant lamps, long tables with plates."""
    img = canvas(COVER)
    W, H = img.size
    vgradient(img, (0, 0, W, H), (246, 236, 220), (226, 206, 180))
    d = ImageDraw.Draw(img)
    # window wall
    wx0, wy0, wx1, wy1 = int(W * 0.08), int(H * 0.08), int(W * 0.92), int(H * 0.52)
    vgradient(img, (wx0, wy0, wx1, wy1), (150, 196, 226), (214, 232, 236))
    d = ImageDraw.Draw(img)
    hills(d, W, wy1 - 60, 30, (130, 170, 150), rnd)
    d.rectangle([0, wy1, W, H], fill=(236, 220, 196))  # restore floor area after hills
    vgradient(img, (0, wy1, W, H), (232, 214, 188), (206, 176, 140))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, wy0], fill=(244, 234, 218))
    d.rectangle([0, 0, wx0, wy1], fill=(244, 234, 218))
    d.rectangle([wx1, 0, W, wy1], fill=(244, 234, 218))
    for i in range(0, 7):
        x = wx0 + (wx1 - wx0) * i / 6
        d.line([(x, wy0), (x, wy1)], fill=(250, 248, 244), width=18)
    d.line([(wx0, wy0), (wx1, wy0)], fill=(250, 248, 244), width=18)
    d.line([(wx0, wy1), (wx1, wy1)], fill=(250, 248, 244), width=22)
    # pendant lamps
    for i in range(5):
        lx = int(W * (0.14 + i * 0.18))
        d.line([(lx, 0), (lx, 260)], fill=(80, 70, 60), width=5)
        glow(img, (lx, 330), 120, (255, 222, 160), 0.45)
        d = ImageDraw.Draw(img)
        d.chord([lx - 90, 230, lx + 90, 380], 180, 360, fill=(46, 84, 80))
    # tables in perspective
    for row in range(3):
        ty = int(H * (0.60 + row * 0.13))
        inset = int(W * (0.16 - row * 0.05))
        depth = 50 + row * 24
        d.polygon([(inset, ty), (W - inset, ty), (W - inset + 40, ty + depth), (inset - 40, ty + depth)], fill=mix(WOOD, (230, 190, 140), 0.3))
        d.rectangle([inset - 40, ty + depth, W - inset + 40, ty + depth + 14], fill=(140, 96, 60))
        n = 7 + row * 2
        for k in range(n):
            px = inset + (W - 2 * inset) * (k + 0.5) / n
            pr = 26 + row * 8
            d.ellipse([px - pr, ty + depth * 0.2, px + pr, ty + depth * 0.2 + pr * 0.9], fill=(252, 252, 250))
            food = rnd.choice([(120, 170, 90), (232, 120, 70), (246, 206, 110), (190, 80, 80)])
            fr = pr * 0.5
            d.ellipse([px - fr, ty + depth * 0.2 + pr * 0.2, px + fr, ty + depth * 0.2 + pr * 0.2 + fr * 0.9], fill=food)
    # plants
    for px in (int(W * 0.04), int(W * 0.96)):
        d.rectangle([px - 50, H - 260, px + 50, H - 120], fill=(200, 110, 80))
        for _ in range(16):
            a = rnd.uniform(math.pi * 1.05, math.pi * 1.95)
            ln = rnd.randint(120, 260)
            ex, ey = px + math.cos(a) * ln, H - 260 + math.sin(a) * ln
            d.line([(px, H - 260), (ex, ey)], fill=MOSS, width=8)
            d.ellipse([ex - 26, ey - 16, ex + 26, ey + 16], fill=GREEN)
    return img


def office_windows(rnd):
    """Office interior: tall windows towards the harbour, desks, screens."""
    img = canvas(COVER)
    W, H = img.size
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, H], fill=(232, 228, 220))
    wins = [(int(W * 0.06), int(W * 0.30)), (int(W * 0.38), int(W * 0.62)), (int(W * 0.70), int(W * 0.94))]
    top, bot = int(H * 0.06), int(H * 0.66)
    for x0, x1 in wins:
        vgradient(img, (x0, top, x1, bot), (120, 168, 214), (236, 220, 200))
    d = ImageDraw.Draw(img)
    # view: sea and skyline behind glass
    sea_y = int(H * 0.50)
    for x0, x1 in wins:
        d.rectangle([x0, sea_y, x1, bot], fill=(70, 120, 156))
        x = x0
        while x < x1:
            bw = rnd.randint(40, 110)
            bh = rnd.randint(60, 220)
            d.rectangle([x, sea_y - bh, min(x + bw, x1), sea_y], fill=mix((200, 206, 220), (120, 132, 160), rnd.random()))
            x += bw + rnd.randint(6, 30)
        for _ in range(10):
            yy = rnd.randint(sea_y + 10, bot - 6)
            xx = rnd.randint(x0, x1 - 60)
            d.line([(xx, yy), (xx + rnd.randint(20, 80), yy)], fill=(170, 200, 220), width=4)
        d.rectangle([x0, top, x1, bot], outline=(250, 250, 248), width=24)
        mid = (x0 + x1) // 2
        d.line([(mid, top), (mid, bot)], fill=(250, 250, 248), width=14)
    # light falling on the floor
    light = Image.new("L", img.size, 0)
    ld = ImageDraw.Draw(light)
    for x0, x1 in wins:
        ld.polygon([(x0, bot), (x1, bot), (x1 + 220, H), (x0 + 120, H)], fill=60)
    light = light.filter(ImageFilter.GaussianBlur(30))
    vgradient(img, (0, bot, W, H), (196, 170, 140), (160, 130, 100))
    img.paste(Image.new("RGB", img.size, (255, 240, 210)), (0, 0), light)
    d = ImageDraw.Draw(img)
    # desks with screens
    for i, cx in enumerate((int(W * 0.18), int(W * 0.5), int(W * 0.82))):
        dy = int(H * 0.78)
        d.rectangle([cx - 260, dy, cx + 260, dy + 26], fill=(248, 246, 240))
        d.rectangle([cx - 240, dy + 26, cx - 222, H], fill=(90, 90, 96))
        d.rectangle([cx + 222, dy + 26, cx + 240, H], fill=(90, 90, 96))
        shadow(img, (cx - 150, dy - 230, cx + 150, dy - 40), radius=10, blur=10, strength=50)
        d = ImageDraw.Draw(img)
        d.rounded_rectangle([cx - 150, dy - 230, cx + 150, dy - 40], radius=10, fill=(34, 40, 52))
        hgradient(img, (cx - 136, dy - 216, cx + 136, dy - 54), (60, 110, 160), (90, 170, 160))
        d = ImageDraw.Draw(img)
        for k in range(5):
            ly = dy - 200 + k * 26
            d.line([(cx - 116, ly), (cx - 116 + rnd.randint(80, 220), ly)], fill=(230, 240, 246), width=8)
        d.rectangle([cx - 14, dy - 40, cx + 14, dy], fill=(60, 60, 66))
        d.ellipse([cx + 170, dy - 60, cx + 220, dy], fill=rnd.choice([CORAL, (246, 200, 90), (110, 170, 200)]))
    # tall plant in a corner
    px = int(W * 0.97)
    d.rectangle([px - 60, H - 300, px + 40, H], fill=(60, 64, 70))
    for _ in range(24):
        a = rnd.uniform(math.pi * 1.1, math.pi * 1.9)
        ln = rnd.randint(160, 420)
        ex, ey = px + math.cos(a) * ln, H - 300 + math.sin(a) * ln
        d.line([(px, H - 300), (ex, ey)], fill=MOSS, width=7)
        d.ellipse([ex - 34, ey - 18, ex + 34, ey + 18], fill=GREEN)
    return img


def whiteboard(rnd):
    """A meeting-room whiteboard with charts and sticky notes."""
    img = canvas(COVER)
    W, H = img.size
    vgradient(img, (0, 0, W, H), (108, 146, 160), (72, 104, 122))
    x0, y0, x1, y1 = int(W * 0.07), int(H * 0.09), int(W * 0.93), int(H * 0.84)
    shadow(img, (x0, y0, x1, y1), radius=12, blur=24, strength=90)
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([x0 - 16, y0 - 16, x1 + 16, y1 + 16], radius=16, fill=(200, 204, 210))
    d.rectangle([x0, y0, x1, y1], fill=(250, 251, 252))
    # bar chart
    bx, by = x0 + 120, y1 - 160
    d.line([(bx, by), (bx + 760, by)], fill=(40, 50, 70), width=8)
    d.line([(bx, by), (bx, y0 + 140)], fill=(40, 50, 70), width=8)
    heights = [rnd.randint(160, 300)]
    for _ in range(6):
        heights.append(min(900, heights[-1] + rnd.randint(-40, 140)))
    cols = [(58, 110, 180), (58, 110, 180), (58, 110, 180), (230, 120, 80), (58, 110, 180), (58, 110, 180), (80, 160, 110)]
    for i, hgt in enumerate(heights):
        hx = bx + 40 + i * 104
        d.rectangle([hx, by - hgt, hx + 70, by - 4], fill=cols[i])
    # line chart on the right
    lx, ly = x0 + 1100, y1 - 200
    d.line([(lx, ly), (lx + 1300, ly)], fill=(40, 50, 70), width=8)
    d.line([(lx, ly), (lx, y0 + 160)], fill=(40, 50, 70), width=8)
    pts, v = [], 0
    for i in range(12):
        v += rnd.randint(-30, 90)
        pts.append((lx + 40 + i * 110, ly - 80 - v))
    d.line(pts, fill=(220, 80, 70), width=12, joint="curve")
    for p in pts:
        d.ellipse([p[0] - 14, p[1] - 14, p[0] + 14, p[1] + 14], fill=(220, 80, 70))
    # scribbles
    for k in range(4):
        sy = y0 + 120 + k * 60
        sx = x0 + 1100
        pts = [(sx + t * 14, sy + 10 * math.sin(t * 0.9 + k)) for t in range(rnd.randint(20, 50))]
        d.line(pts, fill=(40, 60, 120), width=5)
    # sticky notes
    notes = [(250, 220, 90), (250, 170, 150), (150, 210, 230), (170, 224, 150)]
    for i in range(9):
        nx = x0 + 1000 + rnd.randint(0, 1500)
        ny = y0 + 60 + rnd.randint(0, 200) if i < 4 else y1 - rnd.randint(160, 260)
        nx = min(nx, x1 - 180)
        s = 150
        shadow(img, (nx, ny, nx + s, ny + s), blur=6, strength=50, offset=(6, 8))
        d = ImageDraw.Draw(img)
        d.rectangle([nx, ny, nx + s, ny + s], fill=notes[i % 4])
        for k in range(3):
            d.line([(nx + 20, ny + 40 + k * 32), (nx + 20 + rnd.randint(50, 110), ny + 40 + k * 32)], fill=(80, 80, 90), width=5)
    # marker tray and markers
    d.rectangle([x0 + 200, y1 + 16, x1 - 200, y1 + 44], fill=(170, 176, 184))
    for i, c in enumerate([(30, 30, 30), (200, 50, 50), (40, 90, 190), (40, 150, 80)]):
        mx = x0 + 400 + i * 140
        d.rounded_rectangle([mx, y1 + 2, mx + 110, y1 + 26], radius=10, fill=c)
    return img


def warehouse(rnd):
    """Distribution centre: racks in perspective, boxes, skylights."""
    img = canvas(COVER)
    W, H = img.size
    vp = (W * 0.5, H * 0.42)
    vgradient(img, (0, 0, W, H), (208, 214, 220), (160, 158, 150))
    d = ImageDraw.Draw(img)
    # ceiling skylights
    for i in range(-4, 5):
        x = W / 2 + i * 420
        d.polygon([(x - 120, 0), (x + 120, 0), (vp[0] + i * 40 + 14, vp[1] - 200), (vp[0] + i * 40 - 14, vp[1] - 200)], fill=(236, 244, 250))
    # floor
    d.polygon([(0, H), (W, H), (vp[0] + 300, vp[1] + 60), (vp[0] - 300, vp[1] + 60)], fill=(150, 150, 146))
    for side in (-1, 1):
        d.line([(W / 2 + side * 320, H), (vp[0] + side * 40, vp[1] + 60)], fill=(240, 200, 60), width=14)

    def lerp(p, q, t):
        return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)

    box_cols = [(196, 150, 100), (214, 170, 118), (180, 132, 86), (110, 150, 190), (220, 120, 90)]
    for side in (-1, 1):
        near_x = W / 2 + side * W * 0.55
        far_x = vp[0] + side * 280
        near_top, near_bot = -60, H * 0.96
        far_top, far_bot = vp[1] - 170, vp[1] + 60
        levels = 5
        segs = 7
        ts = [1 - (1 - k / segs) ** 0.45 for k in range(segs + 1)]
        for k in range(segs):
            t0, t1 = ts[k], ts[k + 1]
            xa, xb = near_x + (far_x - near_x) * t0, near_x + (far_x - near_x) * t1
            ta, tb = near_top + (far_top - near_top) * t0, near_top + (far_top - near_top) * t1
            ba, bb = near_bot + (far_bot - near_bot) * t0, near_bot + (far_bot - near_bot) * t1
            for lv in range(levels):
                f0, f1 = lv / levels, (lv + 1) / levels
                ya0, ya1 = ta + (ba - ta) * f0, ta + (ba - ta) * f1
                yb0, yb1 = tb + (bb - tb) * f0, tb + (bb - tb) * f1
                # boxes on this shelf
                if rnd.random() < 0.85:
                    fill = rnd.choice(box_cols)
                    inner = 0.16
                    pa0 = (xa, ya0 + (ya1 - ya0) * inner)
                    pb0 = (xb, yb0 + (yb1 - yb0) * inner)
                    d.polygon([pa0, pb0, (xb, yb1), (xa, ya1)], fill=fill)
                    d.line([lerp(pa0, pb0, 0.5), ((xa + xb) / 2, (ya1 + yb1) / 2)], fill=mix(fill, (0, 0, 0), 0.2), width=4)
                d.line([(xa, ya1), (xb, yb1)], fill=(232, 110, 60), width=max(4, int(16 * (1 - t0))))
            d.line([(xa, ta), (xa, ba)], fill=(40, 70, 130), width=max(4, int(26 * (1 - t0))))
        d.line([(far_x, far_top), (far_x, far_bot)], fill=(40, 70, 130), width=4)
    # a pallet truck in the aisle
    cx, cy = W * 0.5, H * 0.84
    d.rectangle([cx - 160, cy - 60, cx + 160, cy], fill=(226, 170, 60))
    d.rectangle([cx - 130, cy - 200, cx + 130, cy - 60], fill=(200, 150, 100))
    d.line([(cx + 160, cy - 40), (cx + 240, cy - 220)], fill=(50, 50, 50), width=14)
    for wx in (cx - 120, cx + 120):
        d.ellipse([wx - 26, cy - 10, wx + 26, cy + 42], fill=(40, 40, 44))
    return img


def farm(rnd):
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
            d.rectangle([bx, by - 130, bx + 260, by], fill=(176, 54, 44))
            d.polygon([(bx - 20, by - 130), (bx + 130, by - 220), (bx + 280, by - 130)], fill=(70, 60, 60))
            d.rectangle([bx + 100, by - 80, bx + 160, by], fill=(240, 230, 214))
            d.rectangle([bx + 300, by - 90, bx + 460, by], fill=(244, 240, 230))
            d.polygon([(bx + 290, by - 90), (bx + 380, by - 150), (bx + 470, by - 90)], fill=(70, 60, 60))
        if i == 2:
            for _ in range(9):
                tx = rnd.randint(0, W)
                ty = base - rnd.randint(0, 60)
                d.rectangle([tx - 8, ty - 40, tx + 8, ty + 10], fill=(90, 70, 50))
                r = rnd.randint(50, 80)
                d.ellipse([tx - r, ty - 40 - r * 1.6, tx + r, ty - 30], fill=mix(MOSS, GREEN, rnd.random()))
        if i == 3:
            # rows of crops in the ploughed field
            for k in range(24):
                y = base + 10 + k * 14
                x0 = -200 + k * 30
                d.line([(x0, y), (W + 200, y + 40)], fill=(120, 170, 90), width=6)
    return img


def route_map(rnd):
    """Abstract delivery map: coast, roads, a route with stops."""
    img = canvas(COVER)
    W, H = img.size
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, H], fill=(240, 238, 228))
    # water on the right with a ragged coast
    pts = [(W, 0)]
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
        d.ellipse([px, py, px + rnd.randint(120, 320), py + rnd.randint(90, 220)], fill=(200, 226, 190))
    # street grid
    for _ in range(14):
        y = rnd.randint(0, H)
        d.line([(0, y), (W * 0.8, y + rnd.randint(-160, 160))], fill=(255, 255, 255), width=rnd.choice((10, 14, 22)))
    for _ in range(14):
        x = rnd.randint(0, int(W * 0.75))
        d.line([(x, 0), (x + rnd.randint(-200, 200), H)], fill=(255, 255, 255), width=rnd.choice((10, 14, 22)))
    d.line([(0, H * 0.7), (W * 0.35, H * 0.55), (W * 0.7, H * 0.2)], fill=(250, 214, 120), width=34)
    # the route
    stops = [(int(W * 0.08), int(H * 0.82))]
    for _ in range(6):
        lx, ly = stops[-1]
        stops.append((min(int(W * 0.66), lx + rnd.randint(160, 420)), max(140, min(H - 140, ly + rnd.randint(-360, 220)))))
    path = []
    for a, b in zip(stops, stops[1:]):
        path += [a, (b[0], a[1]), b]
    d.line(path, fill=(40, 70, 130), width=16, joint="curve")
    for i, (sx, sy) in enumerate(stops):
        col = CORAL if i in (0, len(stops) - 1) else (40, 70, 130)
        d.polygon([(sx - 34, sy - 60), (sx + 34, sy - 60), (sx, sy)], fill=col)
        d.ellipse([sx - 40, sy - 120, sx + 40, sy - 40], fill=col)
        d.ellipse([sx - 16, sy - 96, sx + 16, sy - 64], fill=(255, 255, 255))
    # a small truck at the last stop
    tx, ty = stops[-1][0] + 80, stops[-1][1] + 20
    d.rounded_rectangle([tx, ty - 90, tx + 150, ty], radius=10, fill=(250, 250, 250), outline=(40, 70, 130), width=6)
    d.rounded_rectangle([tx + 150, ty - 60, tx + 210, ty], radius=10, fill=CORAL)
    for wx in (tx + 40, tx + 170):
        d.ellipse([wx - 20, ty - 12, wx + 20, ty + 28], fill=(40, 40, 44))
    return img


def cloud_migration(rnd):
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
    for cx, cy, s in ((int(W * 0.62), int(H * 0.25), 1.3), (int(W * 0.86), int(H * 0.38), 0.8), (int(W * 0.40), int(H * 0.16), 0.7)):
        glow(img, (cx, cy), int(260 * s), (200, 226, 246), 0.35)
        d = ImageDraw.Draw(img)
        for ox, oy, r in ((-160, 30, 120), (-40, -40, 160), (120, 0, 130), (220, 50, 90), (-260, 70, 80)):
            d.ellipse([cx + (ox - r) * s, cy + (oy - r) * s, cx + (ox + r) * s, cy + (oy + r) * s], fill=(244, 248, 252))
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
        d.polygon([
            (bx + math.cos(ang) * 20, by + math.sin(ang) * 20),
            (bx - math.cos(ang - 0.5) * L, by - math.sin(ang - 0.5) * L),
            (bx - math.cos(ang + 0.5) * L, by - math.sin(ang + 0.5) * L),
        ], fill=(250, 200, 110))
    return img


def code_review(rnd):
    """An editor window with code lines and review comments beside it."""
    img = canvas(COVER)
    W, H = img.size
    vgradient(img, (0, 0, W, H), (226, 232, 236), (196, 208, 214))
    ex0, ey0, ex1, ey1 = int(W * 0.06), int(H * 0.08), int(W * 0.66), int(H * 0.92)
    shadow(img, (ex0, ey0, ex1, ey1), radius=24, blur=30, strength=90)
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([ex0, ey0, ex1, ey1], radius=24, fill=(30, 36, 48))
    d.rounded_rectangle([ex0, ey0, ex1, ey0 + 70], radius=24, fill=(46, 54, 70))
    d.rectangle([ex0, ey0 + 40, ex1, ey0 + 70], fill=(46, 54, 70))
    for i, c in enumerate([(240, 100, 90), (246, 196, 80), (110, 200, 120)]):
        d.ellipse([ex0 + 30 + i * 44, ey0 + 22, ex0 + 56 + i * 44, ey0 + 48], fill=c)
    palette = [(120, 180, 250), (240, 150, 110), (160, 220, 150), (220, 200, 130), (200, 160, 230), (170, 180, 196)]
    y = ey0 + 110
    indent = 0
    line_no = 0
    while y < ey1 - 50:
        line_no += 1
        if line_no in (9, 10, 11):
            d.rectangle([ex0 + 4, y - 10, ex1 - 4, y + 28], fill=(40, 80, 56) if line_no != 9 else (90, 44, 50))
        d.rectangle([ex0 + 30, y + 4, ex0 + 70, y + 14], fill=(80, 90, 106))
        x = ex0 + 110 + indent * 44
        for _ in range(rnd.randint(1, 4)):
            ln = rnd.randint(40, 200)
            if x + ln > ex1 - 40:
                break
            d.rounded_rectangle([x, y, x + ln, y + 18], radius=8, fill=rnd.choice(palette))
            x += ln + 22
        indent = max(0, min(4, indent + rnd.choice((-1, 0, 0, 1))))
        y += 46
    # review comment bubbles
    cx0 = int(W * 0.70)
    for i, col in enumerate([(255, 255, 255), (255, 246, 214), (255, 255, 255)]):
        by0 = int(H * 0.14) + i * 520
        by1 = by0 + 400
        shadow(img, (cx0, by0, W - 90, by1), radius=28, blur=18, strength=60)
        d = ImageDraw.Draw(img)
        d.rounded_rectangle([cx0, by0, W - 90, by1], radius=28, fill=col)
        d.polygon([(cx0, by0 + 80), (cx0 - 50, by0 + 110), (cx0, by0 + 140)], fill=col)
        av = [(86, 140, 200), CORAL, GREEN][i]
        d.ellipse([cx0 + 40, by0 + 40, cx0 + 120, by0 + 120], fill=av)
        for k in range(5):
            ly = by0 + 160 + k * 42
            d.rounded_rectangle([cx0 + 40, ly, cx0 + 40 + rnd.randint(260, 720), ly + 16], radius=8, fill=(190, 196, 206))
        if i == 1:
            d.line([(cx0 + 60, by1 - 70), (cx0 + 90, by1 - 40), (cx0 + 150, by1 - 110)], fill=(70, 160, 90), width=16)
    return img


def vegetables(rnd):
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
            d.line([(rnd.randint(0, W // 2), gy), (rnd.randint(W // 2, W), gy + rnd.randint(-8, 8))], fill=mix(col, (120, 84, 52), 0.3), width=3)
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
            if kind == "tomato":
                r = rnd.randint(56, 76)
                d.ellipse([px - r, py - r, px + r, py + r], fill=mix((214, 54, 44), (240, 90, 60), rnd.random()))
                d.ellipse([px - r * 0.5, py - r * 0.6, px - r * 0.1, py - r * 0.25], fill=(246, 140, 120))
                d.regular_polygon((px, py - r * 0.2, 16), 5, fill=(60, 120, 60))
            elif kind == "carrot":
                a = rnd.uniform(-0.5, 0.5)
                L = rnd.randint(170, 230)
                ex, ey = px + math.sin(a) * L, py + math.cos(a) * L * 0.9
                nx, ny = math.cos(a) * 26, -math.sin(a) * 26
                d.polygon([(px - nx, py - ny), (px + nx, py + ny), (ex, ey)], fill=mix((236, 120, 40), (246, 150, 60), rnd.random()))
                d.line([(px, py), (px - math.sin(a) * 60, py - 60)], fill=(80, 150, 70), width=12)
            elif kind == "greens":
                r = rnd.randint(60, 100)
                d.ellipse([px - r, py - r * 0.8, px + r, py + r * 0.8], fill=mix((70, 140, 70), (130, 190, 90), rnd.random()))
                d.line([(px - r * 0.6, py), (px + r * 0.6, py)], fill=(190, 230, 160), width=5)
            elif kind == "potato":
                r = rnd.randint(50, 70)
                d.ellipse([px - r * 1.2, py - r * 0.85, px + r * 1.2, py + r * 0.85], fill=mix((204, 170, 110), (226, 196, 140), rnd.random()))
                for _ in range(2):
                    qx, qy = px + rnd.randint(-30, 30), py + rnd.randint(-20, 20)
                    d.ellipse([qx - 4, qy - 4, qx + 4, qy + 4], fill=(150, 120, 80))
            elif kind == "apple":
                r = rnd.randint(54, 70)
                d.ellipse([px - r, py - r, px + r, py + r], fill=mix((120, 180, 60), (230, 80, 60), rnd.random()))
                d.line([(px, py - r * 0.3), (px + 8, py - r * 0.7)], fill=(90, 60, 40), width=7)
            else:  # beet
                r = rnd.randint(52, 70)
                d.ellipse([px - r, py - r, px + r, py + r], fill=mix((120, 30, 60), (160, 40, 80), rnd.random()))
                d.line([(px, py - r), (px - 30, py - r - 70)], fill=(80, 150, 70), width=10)
                d.line([(px, py - r), (px + 26, py - r - 60)], fill=(150, 60, 90), width=8)
    return img


COVERS = {
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


# --------------------------------------------------------------------------- portraits

PORTRAITS = {
    # slug: background pair, skin, hair colour, hair style, top colour, glasses
    "mette-hansen": dict(bg=((120, 180, 200), (70, 120, 160)), skin=(240, 200, 170), hair=(196, 140, 80), style="long", top=(46, 84, 80), glasses=True),
    "jonas-berg": dict(bg=((250, 210, 150), (230, 140, 100)), skin=(226, 180, 146), hair=(70, 50, 40), style="short", top=(40, 60, 110), glasses=False, beard=True),
    "sofie-norgaard": dict(bg=((180, 210, 160), (100, 150, 110)), skin=(246, 212, 186), hair=(150, 60, 40), style="bun", top=(250, 250, 246), glasses=False),
    "amira-said": dict(bg=((210, 190, 230), (140, 110, 180)), skin=(170, 120, 90), hair=(30, 26, 30), style="curly", top=(232, 112, 88), glasses=True),
}


def portrait(slug, spec, rnd):
    img = canvas(AVATAR)
    W, H = img.size
    top, bottom = spec["bg"]
    vgradient(img, (0, 0, W, H), top, bottom)
    d = ImageDraw.Draw(img)
    # soft shapes in the background
    for _ in range(5):
        r = rnd.randint(60, 200)
        x, y = rnd.randint(0, W), rnd.randint(0, H)
        d.ellipse([x - r, y - r, x + r, y + r], fill=mix(top, (255, 255, 255), 0.25))
    img = img.filter(ImageFilter.GaussianBlur(20))
    d = ImageDraw.Draw(img)
    cx = W // 2
    skin, hair = spec["skin"], spec["hair"]
    shade = mix(skin, (0, 0, 0), 0.12)
    # hair behind the head
    if spec["style"] == "long":
        d.rounded_rectangle([cx - 250, 330, cx + 250, 900], radius=200, fill=hair)
    if spec["style"] == "curly":
        for a in range(0, 360, 24):
            rx = cx + math.cos(math.radians(a)) * 230
            ry = 520 + math.sin(math.radians(a)) * 250
            d.ellipse([rx - 110, ry - 110, rx + 110, ry + 110], fill=hair)
    if spec["style"] == "bun":
        d.ellipse([cx - 100, 180, cx + 100, 360], fill=hair)
    # shoulders and neck
    d.ellipse([cx - 430, 930, cx + 430, 1600], fill=spec["top"])
    d.rectangle([cx - 80, 760, cx + 80, 990], fill=shade)
    d.chord([cx - 140, 880, cx + 140, 1060], 0, 180, fill=shade)
    # head
    d.ellipse([cx - 200, 330, cx + 200, 850], fill=skin)
    d.ellipse([cx - 230, 570, cx - 170, 670], fill=skin)  # ears
    d.ellipse([cx + 170, 570, cx + 230, 670], fill=skin)
    # hair on top
    if spec["style"] in ("long", "bun"):
        d.chord([cx - 215, 310, cx + 215, 700], 180, 360, fill=hair)
        d.polygon([(cx - 40, 330), (cx + 200, 420), (cx + 210, 520), (cx - 10, 430)], fill=hair)
    elif spec["style"] == "short":
        d.chord([cx - 210, 300, cx + 210, 640], 180, 360, fill=hair)
        d.rectangle([cx - 210, 460, cx - 180, 560], fill=hair)
        d.rectangle([cx + 180, 460, cx + 210, 560], fill=hair)
    elif spec["style"] == "curly":
        for a in range(190, 351, 16):
            rx = cx + math.cos(math.radians(a)) * 170
            ry = 520 + math.sin(math.radians(a)) * 190
            d.ellipse([rx - 80, ry - 80, rx + 80, ry + 80], fill=hair)
    if spec.get("beard"):
        d.chord([cx - 200, 520, cx + 200, 860], 10, 170, fill=hair)
        d.ellipse([cx - 70, 720, cx + 70, 790], fill=skin)
    # simple face: eyes, brows, smile, cheeks
    ey = 600
    for ex in (cx - 80, cx + 80):
        d.ellipse([ex - 16, ey - 16, ex + 16, ey + 16], fill=(40, 36, 40))
        d.arc([ex - 44, ey - 70, ex + 44, ey - 20], 210, 330, fill=mix(hair, (0, 0, 0), 0.3), width=10)
        d.ellipse([ex - 50, ey + 50, ex + 10, ey + 90] if ex < cx else [ex - 10, ey + 50, ex + 50, ey + 90], fill=mix(skin, CORAL, 0.25))
    d.arc([cx - 70, 640, cx + 70, 760], 20, 160, fill=(150, 70, 60), width=12)
    d.line([(cx, 610), (cx - 14, 680), (cx + 6, 684)], fill=shade, width=8)
    if spec["glasses"]:
        for ex in (cx - 80, cx + 80):
            d.ellipse([ex - 58, ey - 46, ex + 58, ey + 46], outline=(40, 40, 48), width=10)
        d.line([(cx - 22, ey - 6), (cx + 22, ey - 6)], fill=(40, 40, 48), width=10)
    return img


# --------------------------------------------------------------------------- main

def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT, help="folder that receives media/ (default: the repository)")
    args = parser.parse_args(argv)
    written = []
    for i, (name, draw) in enumerate(sorted(COVERS.items())):
        rnd = random.Random(2026 * 1000 + i)
        written.append(finish(draw(rnd), COVER, args.out / "media" / "2026" / name))
    for i, (slug, spec) in enumerate(sorted(PORTRAITS.items())):
        rnd = random.Random(6000 + i)
        written.append(finish(portrait(slug, spec, rnd), AVATAR, args.out / "media" / "authors" / f"{slug}.jpg"))
    total = 0
    for path in written:
        size = path.stat().st_size
        total += size
        print(f"{size / 1024:7.1f} KB  {path.relative_to(args.out)}")
    print(f"{total / 1024:7.1f} KB  total")


if __name__ == "__main__":
    main()
