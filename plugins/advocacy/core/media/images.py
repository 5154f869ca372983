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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from advocacy.core.cache.digests import sha256_file
from advocacy.core.cache.store import write_atomic
from advocacy.core.media.parallel import WorkerPool

PIPELINE_VERSION = 4  # bump when the encoding changes: every cached image is redone
# Two sizes: 640 for listings and small phones, 1280 for the story column on phones (2-3x)
# and desktops. A third (1440) cost 40% more build time for a few retina desktops.
WIDTHS = (640, 1280)
# 0-6: Pillow's default 4 takes four times as long as 0; files from 0 are 1-3% larger on
# photos (bench/), up to 60% on flat drawings (the demo's): build time matters more here.
WEBP_METHOD = 0
MAX_PIXELS = 40_000_000  # 40 MP: more is no photo from a phone, but a decompression bomb
MIN_WIDTH = {"cover": 600, "body": 240, "photo": 96}
WEBP_QUALITY, JPEG_QUALITY = 78, 82
# The formats Pillow may decode here: never EPS or PDF (Ghostscript), nor anything exotic.
GPS_IFD = 0x8825  # the EXIF block that holds a photo's position
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "TIFF", "BMP")  # MPO opens as JPEG
RASTER = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff", ".bmp")
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
HEIC_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")


class ImageProblem(Exception):
    """A photo that cannot be published; ``key`` names the message, ``values`` fill it."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Slot:
    """Where the build cache keeps one photo's results: ``storage`` is the entry's keyed name
    (an HMAC, see cache.store), every file of it is named from that, never read from it."""

    folder: Path
    storage: str

    @property
    def record(self) -> Path:
        """The entry's description (sizes and formats)."""
        return self.folder / f"{self.storage}.json"

    def file(self, width: int, fmt: str) -> str:
        """The name of one variant's file inside :attr:`folder`."""
        return f"{self.storage}-{width}.{fmt}"


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


Digest = Callable[[Path], str]  # a file's sha256: the build cache's Digests.of remembers them


def content_key(path: Path, digest: Digest = sha256_file) -> str:
    """The cache key of a file: its bytes and the pipeline's settings."""
    settings = f"{PIPELINE_VERSION}:{WIDTHS}:{WEBP_QUALITY}:{WEBP_METHOD}:{JPEG_QUALITY}"
    return hashlib.sha256(f"{settings}:{digest(path)}".encode()).hexdigest()[:16]


def _is_heic(head: bytes) -> bool:
    return head[4:8] == b"ftyp" and head[8:12] in HEIC_BRANDS


def open_checked(path: Path, use: str | None = "body") -> Image.Image:
    """Open and fully check a photo; raise :class:`ImageProblem` with the reason.

    The image is decoded (at reduced size for JPEG, which is enough to find truncation),
    unless the file ends with its format's end marker: then it was not cut off. (Processing
    decodes it fully anyway, and fails the build on what this let through.)
    """
    with path.open("rb") as handle:
        head = handle.read(16)
        handle.seek(max(0, path.stat().st_size - 16))
        tail = handle.read(16)
    if _is_heic(head):
        raise ImageProblem("image-heic")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path, formats=PHOTO_FORMATS)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ImageProblem("image-bomb", width=width, height=height)
            if getattr(image, "n_frames", 1) > 1:
                raise ImageProblem("image-animated")
            if (
                image.mode in ("CMYK", "YCbCr", "LAB")
                or image.mode.startswith("I;16")
                or (image.mode == "I")
            ):
                raise ImageProblem("image-mode", mode=image.mode)
            if not _ends_whole(image.format, tail):  # else: not cut off, nothing to decode
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
    if use is not None and upright_width < MIN_WIDTH.get(use, 0):
        raise ImageProblem("image-too-small", width=upright_width, minimum=MIN_WIDTH[use])
    return image


def _ends_whole(fmt: str | None, tail: bytes) -> bool:
    """Whether a file's last bytes are its format's end marker (JPEG EOI, PNG IEND)."""
    return (fmt == "JPEG" and tail.endswith(b"\xff\xd9")) or (
        fmt == "PNG" and tail.endswith(b"IEND\xaeB`\x82")
    )


def _size_of(path: Path) -> dict[str, object]:
    """Width and height from the header alone, for the message about a too large image."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path, formats=PHOTO_FORMATS) as image:
                return {"width": image.width, "height": image.height}
    except (Image.DecompressionBombError, OSError, ValueError, SyntaxError):
        return {"width": "?", "height": "?"}


def _rotated(image: Image.Image) -> bool:
    """Whether the EXIF orientation turns the picture by 90 or 270 degrees."""
    try:
        return image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
    except (OSError, ValueError, SyntaxError):
        return False


def _in_srgb(image: Image.Image, icc: bytes | None, mode: str) -> Image.Image:
    """The picture in ``mode``, colours in sRGB; the profile (text can hide in it) is dropped."""
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            image = image if image.mode in ("RGB", "RGBA", "L") else image.convert(mode)
            return ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode) or image
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass
    return image if image.mode == mode else image.convert(mode)


def _encode(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    # No exif= and no icc_profile=: nothing of the original's EXIF, GPS, XMP, thumbnails
    # or colour profile survives (the colours are in sRGB already).
    if fmt == "webp":
        image.save(out, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
    elif fmt == "png":
        image.save(out, "PNG", optimize=True)
    else:
        image.save(out, "JPEG", quality=JPEG_QUALITY)  # the fallback: rarely sent
    return out.getvalue()


def _published_name(source: str, key: str, width: int, fmt: str) -> str:
    stem, _ = os.path.splitext(source)
    return f"{stem}.{key[:8]}-{width}.{'jpg' if fmt == 'jpeg' else fmt}"


def cached(source: str, key: str, slot: Slot) -> Processed | None:
    """The processed photo from the cache, when its entry is whole and what this code makes.

    Only sizes and formats are read back; file names come from the slot, so nothing read can
    point outside the cache.
    """
    try:
        data = json.loads(slot.record.read_bytes())
        width, height = int(data["width"]), int(data["height"])
        variants = tuple(
            Variant(
                v["format"],
                int(v["width"]),
                int(v["height"]),
                slot.file(int(v["width"]), v["format"]),
                _published_name(source, key, int(v["width"]), v["format"]),
            )
            for v in data["variants"]
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    expected = _plan(source, key, slot, width, height, any(v.format == "png" for v in variants))
    if variants != expected.variants or not all((slot.folder / v.file).is_file() for v in variants):
        return None
    return expected


def _widths(width: int) -> list[int]:
    """The variant widths for an upright width, widest first."""
    return sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])}, reverse=True)


def _upright(image: Image.Image) -> tuple[int, int, bool]:
    """Upright width and height from the header, and whether the picture has transparency."""
    width, height = (image.height, image.width) if _rotated(image) else image.size
    alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    return width, height, alpha


def _plan(
    source: str, key: str, slot: Slot | None, width: int, height: int, alpha: bool
) -> Processed:
    fallback = "png" if alpha else "jpeg"
    widths = _widths(width)
    variants = [
        Variant(
            fmt,
            w,
            max(1, round(height * w / width)),
            slot.file(w, fmt) if slot else f"{key}-{w}.{fmt}",
            _published_name(source, key, w, fmt),
        )
        for w in widths
        for fmt in (("webp", fallback) if w == widths[0] else ("webp",))
    ]
    variants.sort(key=lambda v: (v.width, v.format))
    return Processed(source, width, height, tuple(variants))


def plan(root: Path, source: str, key: str, slot: Slot | None = None) -> Processed:
    """What ``process`` will make of a photo, read from its header alone (no decoding)."""
    with Image.open(root / source, formats=PHOTO_FORMATS) as image:
        return _plan(source, key, slot, *_upright(image))


def _decode(path: Path) -> tuple[Image.Image, bytes | None, tuple[int, int, bool]]:
    """The photo decoded, upright and without metadata; its colour profile (to convert
    from); its header's upright size and whether it has transparency."""
    with Image.open(path, formats=PHOTO_FORMATS) as original:
        width, height, alpha = _upright(original)
        if original.format == "JPEG":
            # A 12-megapixel phone photo decodes at half or a quarter of its size when that
            # is still wider than the widest variant: several times faster.
            original.draft(
                original.mode, (WIDTHS[-1], 1) if width == original.width else (1, WIDTHS[-1])
            )
        original.load()
        ImageOps.exif_transpose(original, in_place=True)  # no copy of a big photo
        icc = original.info.get("icc_profile")
        original.info = {}  # EXIF, GPS, XMP: nothing can reach a copy, or be saved with it
        return original, icc, (width, height, alpha)


def process(root: Path, source: str, slot: Slot, key: str | None = None) -> tuple[Processed, bool]:
    """Process one photo (repository-relative ``source``); True when work was done.

    A cached result is returned without opening the image at all. Only what makes a photo
    impossible to process is refused here; how large it must be is the check's business.
    """
    key = key or content_key(root / source)
    found = cached(source, key, slot)
    if found is not None:
        return found, False
    open_checked(root / source, None).close()
    try:
        original, icc, (width, height, alpha) = _decode(root / source)
    except (OSError, ValueError, SyntaxError) as exc:  # damage the quick check let through
        raise ImageProblem("image-unreadable", detail=str(exc) or type(exc).__name__) from None
    sized = _in_srgb(original, icc, "RGBA" if alpha else "RGB")
    processed = _plan(source, key, slot, width, height, alpha)
    slot.folder.mkdir(parents=True, exist_ok=True)
    for variant in sorted(processed.variants, key=lambda v: -v.width):  # widest first
        size = (variant.width, variant.height)
        if sized.size != size:  # each size resized from the one before
            if sized.size == (2 * variant.width, 2 * variant.height):
                sized = sized.reduce(2)  # exactly half: averaging 2x2 is as good, and faster
            else:  # Pillow's bilinear averages over the whole source area when shrinking
                sized = sized.resize(size, Image.Resampling.BILINEAR)
        write_atomic(slot.folder / variant.file, _encode(sized, variant.format))
    write_atomic(
        slot.record,
        json.dumps(
            {
                "width": width,
                "height": height,
                "variants": [
                    {"format": v.format, "width": v.width, "height": v.height}
                    for v in processed.variants
                ],
            }
        ).encode(),
    )
    return processed, True


def _process_one(
    args: tuple[Path, str, Slot, str],
) -> tuple[str, Processed | None, str | None, dict[str, object], bool]:
    root, source, slot, key = args
    try:
        processed, worked = process(root, source, slot, key)
        return source, processed, None, {}, worked
    except ImageProblem as problem:
        return source, None, problem.key, problem.values, False


class Processing:
    """Photos being processed in the background: what pages need is known at once."""

    def __init__(
        self,
        root: Path,
        sources: list[str],
        slot_of: Callable[[str], Slot],
        pool: WorkerPool,
        digest: Digest = sha256_file,
    ) -> None:
        self.done: dict[str, Processed] = {}  # every photo: from the cache, or as planned
        self.problems: dict[str, ImageProblem] = {}
        self.slots: dict[str, Slot] = {}
        jobs = []
        for source in sorted(set(sources)):
            try:
                key = content_key(root / source, digest)
                slot = self.slots[source] = slot_of(key)
                found = cached(source, key, slot)
                if found is None:
                    found = plan(root, source, key, slot)
                    jobs.append((root, source, slot, key))
            except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
                self.problems[source] = ImageProblem("image-unreadable", detail=str(exc))
                continue
            self.done[source] = found
        self._pending = pool.map(_process_one, jobs)

    def finish(self) -> int:
        """Wait for the workers; return how many photos were processed now."""
        worked = 0
        for source, processed, problem, values, did_work in self._pending.results():
            if processed is None and problem is not None:
                self.problems[source] = ImageProblem(problem, **values)
                self.done.pop(source, None)
            elif processed is not None and processed != self.done.get(source):
                # Never expected: the plan comes from the same code. Fail closed, not wrong.
                self.problems[source] = ImageProblem(
                    "image-unreadable", detail="processed differently than planned"
                )
            worked += did_work
        return worked


def folder_slots(cache: Path) -> Callable[[str], Slot]:
    """Slots in a plain folder, named by content key (for tools and tests, not the build)."""
    return lambda key: Slot(cache, key)


def process_all(
    root: Path, sources: list[str], cache: Path, workers: int | None = None
) -> tuple[dict[str, Processed], dict[str, ImageProblem], int]:
    """Process every photo on all cores and wait; returns results, problems, work done."""
    pool = WorkerPool(workers)
    try:
        processing = Processing(root, sources, folder_slots(cache), pool)
        worked = processing.finish()
    finally:
        pool.close()
    return processing.done, processing.problems, worked
