"""Deterministic synthetic cover photos for the benchmark corpus, cached on disk.

Every post gets its own photo, drawn from a seed (the post's index), so a cold build of N
posts has N distinct pictures to process. A photo is a few flat shapes (drawn at half size
and scaled up, so edges are soft like a lens's) under a two-scale grain texture, so it
compresses like a real photo: about 260 KB at 1600x900 and JPEG quality 82 (~1.5 bits per
pixel), where flat drawings would be 20 KB and flatter the picture pipeline.

1600x900 (``IMAGE_SIZE``) is a phone photo resized for the web: 16:9 and 1,600 px wide,
wider than the largest responsive width we make (1,440), so every width is made.

Drawing takes ~30 ms a photo, so photos are kept in a cache folder
(``/tmp/advocacy-bench-photos``, or ``$ADVOCACY_BENCH_PHOTO_CACHE``; ``off`` uses a
throw-away folder) under names made of everything that decides their bytes (drawing
version, Pillow version, seed, size); missing ones are drawn on all cores (one worker
per 16 missing photos, at most one per CPU). The same arguments give the same bytes,
cached or not.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from itertools import repeat
from pathlib import Path

IMAGE_SIZE = (1600, 900)
JPEG_QUALITY = 82
DRAWING_VERSION = 2
CACHE_ENV = "ADVOCACY_BENCH_PHOTO_CACHE"
DEFAULT_CACHE = Path("/tmp/advocacy-bench-photos")
COARSE_GRAIN = 32  # amplitude (out of 128) of the grain at 1/4 scale: texture
FINE_GRAIN = 6  # amplitude of the per-pixel grain: sensor noise


def draw(seed: int, size: tuple[int, int]) -> bytes:
    """Draw one seeded synthetic 'photo' of ``size`` and return it as JPEG bytes."""
    from PIL import Image, ImageChops, ImageDraw

    rng = random.Random(seed)
    w, h = size
    sw, sh = max(1, w // 2), max(1, h // 2)
    scene = Image.new("RGB", (sw, sh), tuple(rng.randrange(40, 220) for _ in range(3)))
    pen = ImageDraw.Draw(scene)
    for _ in range(rng.randint(6, 14)):
        x, y = rng.randrange(sw), rng.randrange(sh)
        r = rng.randrange(max(1, min(sw, sh) // 12), max(2, min(sw, sh) // 2))
        fill = tuple(rng.randrange(256) for _ in range(3))
        shape = pen.ellipse if rng.random() < 0.5 else pen.rectangle
        shape((x - r, y - r, x + r, y + r), fill=fill)
    scene = scene.resize(size, Image.Resampling.BICUBIC)

    def grain(gw: int, gh: int, amplitude: int) -> Image.Image:
        noise = Image.frombytes("L", (gw, gh), rng.randbytes(gw * gh))
        return noise.point(lambda v: 128 + (v - 128) * amplitude // 128)

    coarse = grain(max(1, w // 4), max(1, h // 4), COARSE_GRAIN)
    coarse = coarse.resize(size, Image.Resampling.BICUBIC)
    texture = ImageChops.add(coarse, grain(w, h, FINE_GRAIN), scale=1.0, offset=-128)
    photo = ImageChops.add(scene, Image.merge("RGB", (texture,) * 3), scale=1.0, offset=-128)
    buf = io.BytesIO()
    photo.save(buf, format="JPEG", quality=JPEG_QUALITY)
    return buf.getvalue()


def cache_name(seed: int, size: tuple[int, int]) -> str:
    """The cache file name: everything that decides the photo's bytes."""
    import PIL

    return f"v{DRAWING_VERSION}-pil{PIL.__version__}-{seed}-{size[0]}x{size[1]}.jpg"


def _fill(seed: int, size: tuple[int, int], folder: Path) -> None:
    """Draw one photo into ``folder`` atomically (safe with concurrent generators)."""
    target = folder / cache_name(seed, size)
    if target.is_file():
        return
    partial = folder / f".{target.name}.{os.getpid()}.part"
    partial.write_bytes(draw(seed, size))
    os.replace(partial, target)


@contextmanager
def cache_folder() -> Iterator[Path]:
    """The photo cache folder (a throw-away one when the cache is ``off``)."""
    setting = os.environ.get(CACHE_ENV, str(DEFAULT_CACHE))
    if setting.lower() in ("", "off", "0", "no"):
        with tempfile.TemporaryDirectory(prefix="advocacy-bench-photos-") as tmp:
            yield Path(tmp)
        return
    folder = Path(setting)
    folder.mkdir(parents=True, exist_ok=True)
    yield folder


def write_photos(targets: dict[Path, int], size: tuple[int, int] = IMAGE_SIZE) -> int:
    """Write the photo of each seed to its path; return how many had to be drawn now."""
    with cache_folder() as folder:
        missing = sorted(
            {seed for seed in targets.values() if not (folder / cache_name(seed, size)).is_file()}
        )
        workers = min(os.cpu_count() or 1, len(missing) // 16)
        if workers > 1:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                list(pool.map(_fill, missing, repeat(size), repeat(folder), chunksize=16))
        else:
            for seed in missing:
                _fill(seed, size, folder)
        for path, seed in targets.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / cache_name(seed, size), path)
    return len(missing)
