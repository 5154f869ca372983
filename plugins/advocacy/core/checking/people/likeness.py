"""Whether a picture is an author photo re-saved: cropped a little, resized, re-encoded or
turned by its EXIF orientation. Compared by a difference hash (128 bits: whether each pixel
of a tiny greyscale thumbnail is brighter than its right and its lower neighbour), which
such edits barely change, while different photos differ in about half the bits.

Each picture is hashed once per run and kept in the build cache by its bytes' digest; a
picture whose shape is far from every author photo's (a 16:9 cover against a square
portrait) is not decoded at all: cropped that much, it would not match anyway.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, ImageOps

from advocacy.core.reading.repository import Repository

_SIDE = 8  # the thumbnail: 9x8 for the horizontal half of the hash, 8x9 for the vertical
BITS = 2 * _SIDE * _SIDE
NEAR = 16  # at most this many of the 128 bits differ: the same photo. Measured on the demo
# site's photos: re-encoded or halved 0-11, a 2-pixel crop 1-5, 5% off every side 11-17;
# different photos 28 or more (1,000 bench covers and the demo's portraits).
_PLAIN = 16  # a photo with fewer bits set (or unset) is too plain to tell apart (one colour)
_SHAPE = 1.3  # aspect ratios further apart than this are not compared
_PICTURES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff"})


def _hash(image: Image.Image) -> int:
    image.draft("L", (4 * _SIDE, 4 * _SIDE))  # JPEG: decoded at 1/8 scale, far faster
    grey = ImageOps.exif_transpose(image).convert("L")
    wide = grey.resize((_SIDE + 1, _SIDE), Image.Resampling.BOX).tobytes()
    tall = grey.resize((_SIDE, _SIDE + 1), Image.Resampling.BOX).tobytes()
    bits = 0
    for y in range(_SIDE):
        for x in range(_SIDE):
            at = y * (_SIDE + 1) + x
            bits = bits << 1 | (wide[at] < wide[at + 1])
    for y in range(_SIDE):
        for x in range(_SIDE):
            at = y * _SIDE + x
            bits = bits << 1 | (tall[at] < tall[at + _SIDE])
    return bits


def shape_and_hash(repo: Repository, path: Path, shapes: list[float]) -> tuple[float, int] | None:
    """A picture's aspect ratio and difference hash; None when it cannot be read, or when
    ``shapes`` is given and the picture's shape is near none of them (then not decoded)."""
    memo: dict[str, tuple[float, int] | None] = repo.cache.get("likeness-hashes", dict)
    name = str(path)
    if name not in memo:
        made = _made(repo, path, shapes)
        if isinstance(made, str):
            return None  # not kept: a call without shapes decodes it
        memo[name] = made
    known = memo[name]
    return known if known is not None and known[1] >= 0 else None


def _made(repo: Repository, path: Path, shapes: list[float]) -> tuple[float, int] | str | None:
    """The shape and hash, from the build cache when the same bytes were hashed before
    (hash -1: not a readable picture); "far" when the shape rules it out."""
    if path.suffix.lower() not in _PICTURES or path.is_symlink() or not path.is_file():
        return None
    store = repo.store
    key = None
    if store is not None:
        try:
            key = store.key("findings", "likeness", str(BITS), store.digests.of(path))
        except OSError:
            key = None
        kept = key and store.read_json("findings", key, _valid)
        if kept:
            return float(kept[0]), int(kept[1])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                ratio = width / height
                if shapes and not any(1 / _SHAPE <= ratio / s <= _SHAPE for s in shapes):
                    return "far"
                value = _hash(image)
    except Exception:  # an untrusted file Pillow cannot read (broken EXIF, a bomb ...):
        ratio, value = 1.0, -1  # not a picture to compare; the media rules report it
    if store is not None and key:
        store.write_json("findings", key, [ratio, value])
    return ratio, value


def _valid(data: object) -> bool:
    return (
        isinstance(data, list)
        and len(data) == 2
        and isinstance(data[0], (int, float))
        and isinstance(data[1], int)
    )


def distinct(value: int) -> bool:
    """Whether a hash says enough to tell one photo from another (a plain-coloured picture
    hashes to nearly all zeros, like every other plain one)."""
    ones = value.bit_count()
    return _PLAIN <= ones <= BITS - _PLAIN


def near(one: int, other: int) -> bool:
    """Whether two hashes are of the same photo."""
    return (one ^ other).bit_count() <= NEAR
