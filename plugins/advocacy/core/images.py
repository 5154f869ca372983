"""Photos, made safe and fast: validated, turned upright, stripped of metadata, resized to a
few widths and encoded as WebP plus a JPEG (or PNG) fallback.

Results live in a content-hash cache (``.cache/advocacy/images`` beside ``mkdocs.yml``): the
key is the source file's bytes plus the pipeline's settings, so an unchanged photo is never
processed twice, a changed one is redone alone, and the cache is safe to delete or share.
Originals are only read, never published and never changed.

Animated GIFs are refused (decided: they are heavy, cannot be paused by every reader and
can trigger vestibular problems; a short MP4 with captions does the job). CMYK and 16-bit
images are refused too: converting them without their print profile changes the colours.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from .parallel import parallel_map

PIPELINE_VERSION = 1  # bump when the encoding changes: every cached image is redone
WIDTHS = (480, 960, 1440)
MAX_PIXELS = 40_000_000  # 40 MP: more is no photo from a phone, but a decompression bomb
MIN_WIDTH = {"cover": 600, "body": 240, "photo": 96}
WEBP_QUALITY, JPEG_QUALITY = 78, 82
RASTER = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff", ".bmp")
HEIC_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")


class ImageProblem(Exception):
    """A photo that cannot be published; ``key`` names the message, ``values`` fill it."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Variant:
    """One encoded size: ``file`` is inside the cache, ``name`` is its published name."""

    format: str  # webp, jpeg or png
    width: int
    height: int
    file: str
    name: str


@dataclass(frozen=True)
class Processed:
    """A processed photo: its upright size and every variant, largest last."""

    source: str
    width: int
    height: int
    variants: tuple[Variant, ...]

    def of(self, fmt: str) -> list[Variant]:
        """The variants in one format, narrowest first."""
        return [v for v in self.variants if v.format == fmt]

    @property
    def fallback(self) -> Variant:
        """The widest JPEG or PNG: what a browser without WebP shows."""
        return [v for v in self.variants if v.format != "webp"][-1]


def content_key(path: Path) -> str:
    """The cache key of a file: its bytes and the pipeline's settings."""
    digest = hashlib.sha256(f"{PIPELINE_VERSION}:{WIDTHS}:{WEBP_QUALITY}:{JPEG_QUALITY}".encode())
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def _is_heic(head: bytes) -> bool:
    return head[4:8] == b"ftyp" and head[8:12] in HEIC_BRANDS


def open_checked(path: Path, use: str = "body") -> Image.Image:
    """Open and fully check a photo; raise :class:`ImageProblem` with the reason.

    The image is decoded (at reduced size for JPEG, which is enough to find truncation).
    """
    with path.open("rb") as handle:
        head = handle.read(16)
    if _is_heic(head):
        raise ImageProblem("image-heic")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ImageProblem("image-bomb", width=width, height=height)
            if getattr(image, "n_frames", 1) > 1:
                raise ImageProblem("image-animated")
            if image.mode in ("CMYK", "YCbCr", "LAB") or image.mode.startswith("I;16") or (
                    image.mode == "I"):
                raise ImageProblem("image-mode", mode=image.mode)
            if image.format == "JPEG":
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem("image-bomb", **_size_of(path)) from None
    except UnidentifiedImageError:
        raise ImageProblem("image-unreadable", detail="not an image") from None
    except (OSError, ValueError, SyntaxError) as exc:
        detail = str(exc) or type(exc).__name__
        if "truncated" in detail:
            detail = "the file is incomplete: the upload may have been cut off"
        raise ImageProblem("image-unreadable", detail=detail) from None
    upright_width = height if _rotated(image) else width
    if upright_width < MIN_WIDTH.get(use, 0):
        raise ImageProblem("image-too-small", width=upright_width, minimum=MIN_WIDTH[use])
    return image


def _size_of(path: Path) -> dict[str, object]:
    """Width and height from the header alone, for the message about a too large image."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                return {"width": image.width, "height": image.height}
    except (Image.DecompressionBombError, OSError, ValueError, SyntaxError):
        return {"width": "?", "height": "?"}


def _rotated(image: Image.Image) -> bool:
    """Whether the EXIF orientation turns the picture by 90 or 270 degrees."""
    try:
        return image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
    except (OSError, ValueError, SyntaxError):
        return False


def _encode(image: Image.Image, fmt: str, icc: bytes | None) -> bytes:
    out = io.BytesIO()
    # No exif= argument: nothing of the original's EXIF, GPS, XMP or thumbnails survives.
    options: dict[str, object] = {"icc_profile": icc} if icc else {}
    if fmt == "webp":
        image.save(out, "WEBP", quality=WEBP_QUALITY, method=4, **options)
    elif fmt == "png":
        image.save(out, "PNG", optimize=True, **options)
    else:
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, **options)
    return out.getvalue()


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _published_name(source: str, key: str, width: int, fmt: str) -> str:
    stem, _ = os.path.splitext(source)
    return f"{stem}.{key[:8]}-{width}.{'jpg' if fmt == 'jpeg' else fmt}"


def process(root: Path, source: str, cache: Path) -> tuple[Processed, bool]:
    """Process one photo (repository-relative ``source``); True when work was done.

    A cached result is returned without opening the image at all.
    """
    key = content_key(root / source)
    manifest = cache / f"{key}.json"
    if manifest.is_file():
        data = json.loads(manifest.read_text("utf-8"))
        variants = tuple(Variant(**{**v, "name": _published_name(source, key, v["width"],
                                                                  v["format"])})
                         for v in data["variants"])
        if all((cache / v.file).is_file() for v in variants):
            return Processed(source, data["width"], data["height"], variants), False
    image = open_checked(root / source)
    with Image.open(root / source) as original:
        icc = original.info.get("icc_profile")
        upright = ImageOps.exif_transpose(original)
    alpha = upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and
                                                      "transparency" in upright.info)
    upright = upright.convert("RGBA" if alpha else "RGB")
    fallback = "png" if alpha else "jpeg"
    image.close()
    widths = sorted({w for w in WIDTHS if w < upright.width} | {min(upright.width, WIDTHS[-1])})
    variants = []
    cache.mkdir(parents=True, exist_ok=True)
    for width in widths:
        height = round(upright.height * width / upright.width)
        sized = upright if width == upright.width else upright.resize((width, height),
                                                                       Image.Resampling.LANCZOS)
        for fmt in ("webp", fallback):
            file = f"{key}-{width}.{fmt}"
            _write_atomic(cache / file, _encode(sized, fmt, icc))
            variants.append(Variant(fmt, width, height, file,
                                    _published_name(source, key, width, fmt)))
    processed = Processed(source, upright.width, upright.height, tuple(variants))
    _write_atomic(manifest, json.dumps({"width": upright.width, "height": upright.height,
                                        "variants": [asdict(v) for v in variants]}).encode())
    return processed, True


def _process_one(args: tuple[Path, str, Path]) -> tuple[str, Processed | None, str | None,
                                                       dict[str, object], bool]:
    root, source, cache = args
    try:
        processed, worked = process(root, source, cache)
        return source, processed, None, {}, worked
    except ImageProblem as problem:
        return source, None, problem.key, problem.values, False


def process_all(root: Path, sources: list[str], cache: Path, workers: int | None = None
                ) -> tuple[dict[str, Processed], dict[str, ImageProblem], int]:
    """Process every photo, in parallel on all cores; returns results, problems, work done."""
    done: dict[str, Processed] = {}
    problems: dict[str, ImageProblem] = {}
    jobs = [(root, source, cache) for source in sorted(set(sources))]
    results = parallel_map(_process_one, jobs, workers)
    worked = 0
    for source, processed, key, values, did_work in results:
        if processed is not None:
            done[source] = processed
            worked += did_work
        elif key is not None:
            problems[source] = ImageProblem(key, **values)
    return done, problems, worked
