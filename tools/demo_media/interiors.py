"""The indoor 1600x900 covers: canteen, office, whiteboard, warehouse, code review.

Each function takes its own seeded ``random.Random`` and returns the supersampled
canvas; :data:`demo_media.scenes.COVERS` maps the file names to these functions.
"""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw, ImageFilter

from .draw import (
    CORAL,
    COVER,
    GREEN,
    WOOD,
    canvas,
    fronds,
    glow,
    hgradient,
    hills,
    lerp,
    mix,
    shadow,
    vgradient,
)


def canteen(rnd: random.Random) -> Image.Image:
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
        d.polygon(
            [(inset, ty), (W - inset, ty), (W - inset + 40, ty + depth), (inset - 40, ty + depth)],
            fill=mix(WOOD, (230, 190, 140), 0.3),
        )
        d.rectangle([inset - 40, ty + depth, W - inset + 40, ty + depth + 14], fill=(140, 96, 60))
        n = 7 + row * 2
        for k in range(n):
            px = inset + (W - 2 * inset) * (k + 0.5) / n
            pr = 26 + row * 8
            plate_y = ty + depth * 0.2
            d.ellipse([px - pr, plate_y, px + pr, plate_y + pr * 0.9], fill=(252, 252, 250))
            food = rnd.choice([(120, 170, 90), (232, 120, 70), (246, 206, 110), (190, 80, 80)])
            fr = pr * 0.5
            food_y = ty + depth * 0.2 + pr * 0.2
            d.ellipse([px - fr, food_y, px + fr, food_y + fr * 0.9], fill=food)
    # plants
    for px in (int(W * 0.04), int(W * 0.96)):
        d.rectangle([px - 50, H - 260, px + 50, H - 120], fill=(200, 110, 80))
        fronds(d, rnd, (px, H - 260), 16, (1.05, 1.95), (120, 260), 8, (26, 16))
    return img


def office_windows(rnd: random.Random) -> Image.Image:
    """Office interior: tall windows towards the harbour, desks, screens."""
    img = canvas(COVER)
    W, H = img.size
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, H], fill=(232, 228, 220))
    wins = [
        (int(W * 0.06), int(W * 0.30)),
        (int(W * 0.38), int(W * 0.62)),
        (int(W * 0.70), int(W * 0.94)),
    ]
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
            tint = mix((200, 206, 220), (120, 132, 160), rnd.random())
            d.rectangle([x, sea_y - bh, min(x + bw, x1), sea_y], fill=tint)
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
    for cx in (int(W * 0.18), int(W * 0.5), int(W * 0.82)):
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
            d.line(
                [(cx - 116, ly), (cx - 116 + rnd.randint(80, 220), ly)],
                fill=(230, 240, 246),
                width=8,
            )
        d.rectangle([cx - 14, dy - 40, cx + 14, dy], fill=(60, 60, 66))
        mug = rnd.choice([CORAL, (246, 200, 90), (110, 170, 200)])
        d.ellipse([cx + 170, dy - 60, cx + 220, dy], fill=mug)
    # tall plant in a corner
    px = int(W * 0.97)
    d.rectangle([px - 60, H - 300, px + 40, H], fill=(60, 64, 70))
    fronds(d, rnd, (px, H - 300), 24, (1.1, 1.9), (160, 420), 7, (34, 18))
    return img


def whiteboard(rnd: random.Random) -> Image.Image:
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
    blue, orange, green = (58, 110, 180), (230, 120, 80), (80, 160, 110)
    cols = [blue, blue, blue, orange, blue, blue, green]
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
            ty = ny + 40 + k * 32
            scrawl = [(nx + 20, ty), (nx + 20 + rnd.randint(50, 110), ty)]
            d.line(scrawl, fill=(80, 80, 90), width=5)
    # marker tray and markers
    d.rectangle([x0 + 200, y1 + 16, x1 - 200, y1 + 44], fill=(170, 176, 184))
    for i, c in enumerate([(30, 30, 30), (200, 50, 50), (40, 90, 190), (40, 150, 80)]):
        mx = x0 + 400 + i * 140
        d.rounded_rectangle([mx, y1 + 2, mx + 110, y1 + 26], radius=10, fill=c)
    return img


def warehouse(rnd: random.Random) -> Image.Image:
    """Distribution centre: racks in perspective, boxes, skylights."""
    img = canvas(COVER)
    W, H = img.size
    vp = (W * 0.5, H * 0.42)
    vgradient(img, (0, 0, W, H), (208, 214, 220), (160, 158, 150))
    d = ImageDraw.Draw(img)
    # ceiling skylights
    for i in range(-4, 5):
        x = W / 2 + i * 420
        far = vp[0] + i * 40
        d.polygon(
            [(x - 120, 0), (x + 120, 0), (far + 14, vp[1] - 200), (far - 14, vp[1] - 200)],
            fill=(236, 244, 250),
        )
    # floor
    d.polygon(
        [(0, H), (W, H), (vp[0] + 300, vp[1] + 60), (vp[0] - 300, vp[1] + 60)], fill=(150, 150, 146)
    )
    for side in (-1, 1):
        lane = [(W / 2 + side * 320, H), (vp[0] + side * 40, vp[1] + 60)]
        d.line(lane, fill=(240, 200, 60), width=14)
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
                    d.line(
                        [lerp(pa0, pb0, 0.5), ((xa + xb) / 2, (ya1 + yb1) / 2)],
                        fill=mix(fill, (0, 0, 0), 0.2),
                        width=4,
                    )
                beam = max(4, int(16 * (1 - t0)))
                d.line([(xa, ya1), (xb, yb1)], fill=(232, 110, 60), width=beam)
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


def code_review(rnd: random.Random) -> Image.Image:
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
    palette = [
        (120, 180, 250),
        (240, 150, 110),
        (160, 220, 150),
        (220, 200, 130),
        (200, 160, 230),
        (170, 180, 196),
    ]
    y = ey0 + 110
    indent = 0
    line_no = 0
    while y < ey1 - 50:
        line_no += 1
        if line_no in (9, 10, 11):
            mark = (40, 80, 56) if line_no != 9 else (90, 44, 50)
            d.rectangle([ex0 + 4, y - 10, ex1 - 4, y + 28], fill=mark)
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
            d.rounded_rectangle(
                [cx0 + 40, ly, cx0 + 40 + rnd.randint(260, 720), ly + 16],
                radius=8,
                fill=(190, 196, 206),
            )
        if i == 1:
            tick = [(cx0 + 60, by1 - 70), (cx0 + 90, by1 - 40), (cx0 + 150, by1 - 110)]
            d.line(tick, fill=(70, 160, 90), width=16)
    return img
