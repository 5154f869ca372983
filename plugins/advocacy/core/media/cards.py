"""LinkedIn share cards (1200x627 JPEG) drawn with Pillow and cached by what they show."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import lru_cache
from hashlib import sha256
from pathlib import Path
from typing import Any

from PIL import Image, ImageColor, ImageDraw, ImageFont, ImageOps

from advocacy.core.cache.digests import sha256_file
from advocacy.core.cache.store import write_atomic
from advocacy.core.media.images import PHOTO_FORMATS

CARD_SIZE = (1200, 627)
CARD_VERSION = 3  # bump when the design changes: changes every card's file name
MARGIN = 48  # safe margin on every side: LinkedIn crops the edges
FONTS = Path(__file__).with_name("fonts")
TITLE_MAX, TITLE_MIN = 68, 36  # title font sizes in px, tried from large to small
MIN_CONTRAST = 4.5  # WCAG AA: text against the scrim over the brightest possible photo
ELLIPSIS, WHITE = "…", (255, 255, 255)

Box = tuple[int, int, int, int]
RGB = tuple[int, int, int]
Font = ImageFont.FreeTypeFont
LANCZOS = Image.Resampling.LANCZOS
_W, _H = CARD_SIZE
# the text column's right edge, the logo band's height, the photo's size, the title's top
_TEXT_RIGHT, _HEADER, _PHOTO, _TITLE_TOP = 900, 60, 120, 152
_IMAGE_FIELDS = ("photo", "cover", "logo")
_words = re.compile(r"[^ \t\n\r\f\v]+").findall  # words; a no-break space does not split


@dataclass(frozen=True)
class CardStyle:
    """The company's look: colours as hex, an optional logo and the site's name."""

    background: str = "#1f3a5f"
    text: str = "#ffffff"
    accent: str = "#f2a541"
    logo: Path | None = None  # PNG (transparency kept) or JPEG
    site_name: str = ""


@dataclass(frozen=True)
class CardContent:
    """What one card says: a post's title (or an author's name) and who wrote it."""

    title: str
    byline: str | None = None  # "Mette Hansen" or "Mette Hansen & Jonas Berg"
    subtitle: str | None = None  # "Backend-udvikler · Udvikling"
    photo: Path | None = None  # the author's photo: only passed when they consented
    cover: Path | None = None  # background picture; None gives a branded background


@dataclass(frozen=True)
class TitleLayout:
    """A wrapped title: its lines, font size in px and each line's ink box on the card."""

    lines: tuple[str, ...]
    size: int
    boxes: tuple[Box, ...]


@lru_cache(maxsize=64)
def _font(size: int, bold: bool = False) -> Font:
    """DejaVu Sans shipped beside this module (Pillow's own font has no æ, ø or å)."""
    return ImageFont.truetype(str(FONTS / f"DejaVuSans{'-Bold' if bold else ''}.ttf"), size)


def _ink(text: str, font: Font) -> Box:
    left, top, right, bottom = font.getbbox(text, anchor="ls")
    return round(left), round(top), round(right), round(bottom)


def _width(text: str, font: Font) -> int:
    left, _, right, _ = _ink(text, font)
    return right - left


def _wrap(words: list[str], font: Font, width: int, split: bool) -> list[str]:
    """Greedy wrapping at word boundaries; with ``split``, over-wide words are broken (into
    pieces leaving room for a "…")."""
    lines: list[str] = []
    current = ""
    for word in words:
        if _width(trial := f"{current} {word}" if current else word, font) <= width:
            current = trial
            continue
        lines += [current] if current else []
        current = word
        while split and _width(current, font) > width:
            cut = next(
                i
                for i in range(len(current), 0, -1)
                if i == 1 or _width(current[:i] + ELLIPSIS, font) <= width
            )
            lines, current = [*lines, current[:cut]], current[cut:]
    return [*lines, current] if current else lines


def _ellipsize(lines: list[str], font: Font, width: int) -> list[str]:
    """End the last line with "…", dropping whole words (or lines) until it fits."""
    for i in range(len(lines) - 1, -1, -1):
        words = lines[i].split(" ")
        for n in range(len(words), 0, -1):
            if _width(candidate := " ".join(words[:n]) + ELLIPSIS, font) <= width:
                return [*lines[:i], candidate]
    return [ELLIPSIS]


def _boxes(lines: list[str], font: Font, box: Box) -> list[Box]:
    """Each line's ink box: flush left in ``box``, baselines 1.18 em apart from its top."""
    inks = [_ink(line, font) for line in lines]
    first = box[1] + max([font.getmetrics()[0], *(-ink[1] for ink in inks[:1])])
    step = round(font.size * 1.18)
    return [
        (box[0], first + i * step + top, box[0] + right - left, first + i * step + bottom)
        for i, (left, top, right, bottom) in enumerate(inks)
    ]


def layout_title(title: str, box: Box, max_lines: int = 4) -> TitleLayout:
    """Wrap ``title`` at word boundaries into at most ``max_lines`` balanced lines inside
    ``box``, the font shrinking from 68 to 36 px until it fits; else cut after the last whole
    word that fits and end with "…". Spaces, tabs and newlines all count as one space; a
    no-break space never breaks. Only a word that alone is wider than the box at 36 px is ever
    broken mid-word. If not even one line fits, there are no lines."""
    if max_lines < 1 or box[2] <= box[0] or box[3] <= box[1]:
        raise ValueError(f"bad title box {box} or max_lines {max_lines}")

    def inside(boxes: list[Box]) -> bool:
        return all(
            b[0] >= box[0] and b[1] >= box[1] and b[2] <= box[2] and b[3] <= box[3] for b in boxes
        )

    words, width = _words(title), box[2] - box[0]
    for size in range(TITLE_MAX, TITLE_MIN - 1, -2):
        font = _font(size, True)
        lines = _wrap(words, font, width, split=size == TITLE_MIN)
        if len(lines) <= max_lines and inside(boxes := _boxes(lines, font, box)):
            narrow, wide = width * 7 // 10, width  # balance: narrowest width, as many lines
            while narrow < wide:
                mid = (narrow + wide) // 2
                even = _wrap(words, font, mid, split=False)
                ok = len(even) <= len(lines) and all(_width(ln, font) <= mid for ln in even)
                narrow, wide = (narrow, mid) if ok else (mid + 1, wide)
            even = _wrap(words, font, wide, split=size == TITLE_MIN)
            lines, boxes = (even, eb) if inside(eb := _boxes(even, font, box)) else (lines, boxes)
            return TitleLayout(tuple(lines), size, tuple(boxes))
    fit = min(len(lines), max_lines)  # too long even at TITLE_MIN: keep what fits, add "…"
    while fit and not inside(_boxes(lines[:fit], font, box)):
        fit -= 1
    lines = _ellipsize(lines[:fit], font, width) if fit else []
    ok = inside(boxes := _boxes(lines, font, box))  # else not even one line fits the box
    return TitleLayout(tuple(lines) if ok else (), TITLE_MIN, tuple(boxes) if ok else ())


def contrast(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    lum = [
        sum(
            w * (c / 3294.6 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4)
            for w, c in zip((0.2126, 0.7152, 0.0722), rgb, strict=True)
        )
        for rgb in (a, b)
    ]
    return (max(lum) + 0.05) / (min(lum) + 0.05)


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    """``a`` moved a fraction ``t`` towards ``b``, rounded as Pillow's mask paste does."""
    red, green, blue = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
    return red, green, blue


def _open(path: Path | None, side: int, flatten: RGB | None) -> Image.Image | None:
    """An upright RGB(A) copy of a picture, flattened onto ``flatten``; None if unreadable."""
    if path is None:
        return None
    try:
        with Image.open(path, formats=PHOTO_FORMATS) as opened:
            opened.draft("RGB", (side, side))  # JPEG: decode at >= side px, much faster
            opened.load()
            im: Image.Image = ImageOps.exif_transpose(opened, in_place=True) or opened  # no copy
            mode = "RGBA" if "A" in im.getbands() or "transparency" in im.info else "RGB"
            im = im if im.mode == mode else im.convert(mode)
    except Exception:  # Pillow raises OSError, ValueError, SyntaxError, DecompressionBombError…
        return None
    return (
        im
        if flatten is None or im.mode == "RGB"
        else Image.alpha_composite(Image.new("RGBA", im.size, (*flatten, 255)), im).convert("RGB")
    )


def _background(
    cover: Image.Image | None, bg: RGB, accent: RGB, text: RGB
) -> tuple[Image.Image, RGB]:
    """The background and a readable text colour. No cover: the brand colour, a lighter disc
    and an accent ring on the right. A cover: under a dark tint, full over the text column
    (``MIN_CONTRAST`` even on a white photo), fading to the right."""
    if cover is None:
        big = Image.new("RGB", (_W * 3, _H * 3), bg)  # drawn large and shrunk: smooth edges
        draw = ImageDraw.Draw(big)
        draw.ellipse([v * 3 for v in (880, -180, 1380, 320)], fill=_mix(bg, WHITE, 0.06))
        draw.ellipse(
            [v * 3 for v in (870, 410, 1250, 790)], outline=_mix(bg, accent, 0.8), width=36
        )
        card = big.resize(CARD_SIZE, Image.Resampling.BOX)
        if contrast(text, bg) < MIN_CONTRAST:
            text = max((WHITE, (17, 17, 17)), key=lambda c: contrast(c, bg))
        return card, text
    tint = _mix(bg, (0, 0, 0), 0.6)  # at most 102 per channel: white always reaches 5.7:1
    alpha, color = next(
        (a, c)
        for c in (text, WHITE)
        for a in range(256)  # a little above
        if contrast(c, _mix(WHITE, tint, a / 255)) >= MIN_CONTRAST + 0.1
    )
    card = ImageOps.fit(cover, CARD_SIZE, Image.Resampling.BILINEAR)  # under a tint: enough
    card.paste(tint, mask=_tint_mask(alpha))
    return card, color


@lru_cache(maxsize=8)
def _tint_mask(alpha: int) -> Image.Image:
    """How much tint where: full over the text column, fading to the right edge."""
    edge = _TEXT_RIGHT + 40
    row = Image.frombytes(
        "L",
        (_W, 1),
        bytes(
            alpha if x <= edge else round(alpha * (1 - 0.65 * (x - edge) / (_W - edge)))
            for x in range(_W)
        ),
    )
    return row.resize(CARD_SIZE)


def _fit(text: str, font: Font, width: int) -> str:
    """One line of ``text``, cut after a whole word with "…" if wider than ``width``."""
    lines = _wrap(_words(text), font, width, split=True) or [""]
    return _ellipsize(lines[:1], font, width)[0] if len(lines) > 1 else lines[0]


@lru_cache(maxsize=4)
def _disc(side: int) -> Image.Image:
    """A round mask, drawn large and shrunk for smooth edges (the same on every card)."""
    disc = Image.new("L", (side * 4,) * 2)
    ImageDraw.Draw(disc).ellipse((0, 0, side * 4 - 1, side * 4 - 1), fill=255)
    return disc.resize((side, side), LANCZOS)


def _portrait(path: Path, bg: RGB) -> Image.Image | None:
    """The author's photo at its size in the ring (one author is on many cards)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return _portrait_of(str(path), stat.st_size, stat.st_mtime_ns, bg)


@lru_cache(maxsize=64)
def _portrait_of(path: str, _size: int, _mtime: int, bg: RGB) -> Image.Image | None:
    photo = _open(Path(path), 2 * _PHOTO, bg)
    return None if photo is None else ImageOps.fit(photo, (_PHOTO - 10,) * 2, LANCZOS)


def _footer(card: Image.Image, content: CardContent, text: RGB, bg: RGB, accent: RGB) -> int:
    """Photo in an accent ring, byline and subtitle along the bottom; returns the top edge."""
    bottom, x = _H - MARGIN, MARGIN
    top, photo = bottom, _portrait(content.photo, bg) if content.photo else None
    if photo is not None:
        top = bottom - _PHOTO
        card.paste(accent, (x, top, x + _PHOTO, top + _PHOTO), _disc(_PHOTO))  # the ring
        card.paste(photo, (x + 5, top + 5), _disc(photo.width))
        x += _PHOTO + 28
    rows = [
        (font, s, color)
        for font, s, color in (
            (_font(34), content.byline or "", text),
            (_font(24), content.subtitle or "", _mix(text, bg, 0.22)),
        )
        if s.strip()
    ]
    if rows:  # each row as tall as its font's ascent + descent, 10 px apart
        height = sum(sum(font.getmetrics()) + 10 for font, _, _ in rows) - 10
        y = (top + bottom - height) // 2 if photo is not None else bottom - height
        top, draw = min(top, y), ImageDraw.Draw(card)
        for font, string, color in rows:  # ink starts at x, even for a "J" that overhangs
            string = _fit(string, font, _TEXT_RIGHT - x)
            draw.text(
                (x - _ink(string, font)[0], y + font.getmetrics()[0]),
                string,
                font=font,
                fill=color,
                anchor="ls",
            )
            y += sum(font.getmetrics()) + 10
    return top


def render_card(content: CardContent, style: CardStyle) -> Image.Image:
    """Draw the card: an RGB image of ``CARD_SIZE``. Colours are hex (ValueError if not)."""
    bg, accent, text = (
        ImageColor.getrgb(c)[:3] for c in (style.background, style.accent, style.text)
    )
    card, text = _background(_open(content.cover, _W, bg), bg, accent, text)
    draw = ImageDraw.Draw(card)
    logo = _open(style.logo, 720, None)
    if logo is not None:  # at most 60 px high and 360 px wide, top left
        logo = ImageOps.contain(logo, (360, _HEADER), LANCZOS)
        card.paste(
            logo,
            (MARGIN, MARGIN + (_HEADER - logo.height) // 2),
            logo if logo.mode == "RGBA" else None,
        )
    elif name := _fit(style.site_name, font := _font(26, True), 500):
        draw.text(
            (MARGIN - _ink(name, font)[0], MARGIN + _HEADER // 2),
            name,
            font=font,
            fill=text,
            anchor="lm",
        )
    draw.rectangle((MARGIN, _TITLE_TOP - 26, MARGIN + 88, _TITLE_TOP - 20), fill=accent)
    footer_top = _footer(card, content, text, bg, accent)
    box = (MARGIN, _TITLE_TOP, _TEXT_RIGHT, footer_top - (32 if footer_top < _H - MARGIN else 0))
    layout = layout_title(content.title, box)
    font = _font(layout.size, True)
    for line, (x, y, _, _) in zip(layout.lines, layout.boxes, strict=True):
        left, top, _, _ = _ink(line, font)
        draw.text((x - left, y - top), line, font=font, fill=text, anchor="ls")
    return card


def card_key(
    content: CardContent, style: CardStyle, digest: Callable[[Path], str] = sha256_file
) -> str:
    """16 hex chars of sha256 over CARD_VERSION, every field of content and style, and each
    picture's bytes (not its path: an edited photo gets a new key, a moved checkout does not)."""
    payload: dict[str, Any] = {"version": CARD_VERSION}
    for obj in (content, style):
        for f in fields(obj):
            value = getattr(obj, f.name)
            if f.name in _IMAGE_FIELDS and value is not None:
                try:
                    value = digest(Path(value))
                except OSError:
                    value = "unreadable"
            payload[f"{type(obj).__name__}.{f.name}"] = value
    return sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:16]


def write_card(
    content: CardContent, style: CardStyle, cache_dir: Path, out: Path, name: str | None = None
) -> bool:
    """Write the card to ``out`` as JPEG (quality 85, no EXIF), copied from its cache file
    (``cache_dir/<name>``, by default ``<key>.jpg``) if there; True if it was rendered."""
    cached = Path(cache_dir) / (name or f"{card_key(content, style)}.jpg")
    out = Path(out)
    if rendered := not cached.is_file():
        render_card(content, style).save(buffer := io.BytesIO(), "JPEG", quality=85)
        write_atomic(cached, buffer.getvalue())
    if out.resolve() != cached.resolve():
        write_atomic(out, cached.read_bytes())
    return rendered
