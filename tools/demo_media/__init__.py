"""Draw the demo images for the Kystlinje A/S example blog.

The package behind ``tools/make_demo_media.py``: :mod:`.draw` holds the shared
helpers, :mod:`.scenes` and :mod:`.interiors` the 1600x900 covers and
:mod:`.portraits` the 600x600 author avatars, :mod:`.brand` the company's logo, hero and
team pictures. Every picture gets its own fixed
random seed, so the output is byte-for-byte reproducible.
"""

from __future__ import annotations

import random
from pathlib import Path

from .brand import write_brand
from .draw import AVATAR, COVER, finish
from .portraits import PORTRAITS, portrait
from .scenes import COVERS

__all__ = ["AVATAR", "COVER", "COVERS", "PORTRAITS", "write_all"]


def write_all(out: Path) -> list[Path]:
    """Draw every cover and avatar into ``out/media/`` and return the written paths.

    Covers go to ``media/2026/``, avatars to ``media/authors/<slug>.jpg``, the brand's logo,
    hero and team pictures to ``media/brand/``. The seeds follow the sorted file names, so
    adding a cover changes those sorted after it (the brand's have seeds of their own).
    """
    written = []
    for i, (name, scene) in enumerate(sorted(COVERS.items())):
        rnd = random.Random(2026 * 1000 + i)
        written.append(finish(scene(rnd), COVER, out / "media" / "2026" / name))
    for i, (slug, spec) in enumerate(sorted(PORTRAITS.items())):
        rnd = random.Random(6000 + i)
        path = out / "media" / "authors" / f"{slug}.jpg"
        written.append(finish(portrait(spec, rnd), AVATAR, path))
    return written + write_brand(out)
