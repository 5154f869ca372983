"""Media files a post uses: GPS positions in photos, file sizes, captions for every video."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from advocacy.core.checking.rules.registry import describe, rule
from advocacy.core.i18n.messages import CATALOG
from advocacy.core.media.video import VIDEO_TYPES, VIMEO_ID, YOUTUBE_ID, VttError, parse_vtt
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.paths import resolve_media
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.markdown_refs import find_refs

MB = 1024 * 1024
WEB_EDITOR_LIMIT = 25 * MB  # GitHub's web editor refuses larger uploads
GITHUB_LIMIT = 100 * MB  # GitHub refuses larger files in a push
GPS_IFD = 0x8825

CATALOG.update({
    "media-gps": {
        "en": ("The photo '{path}' contains the GPS position where it was taken. It is already "
               "public in this repository's history.",
               "Export the photo again without location (on iPhone: Share, Options, Location "
               "off), upload it under a new name, change the post to use it, and ask a site "
               "maintainer to remove the old file from the history."),
        "da": ("Billedet '{path}' indeholder GPS-positionen for, hvor det er taget. Den er "
               "allerede offentlig i repositoriets historik.",
               "Eksportér billedet igen uden placering (på iPhone: Del, Indstillinger, "
               "Placering fra), upload det under et nyt navn, brug det i indlægget, og bed en "
               "ansvarlig for sitet om at fjerne den gamle fil fra historikken."),
    },
    "media-large": {
        "en": ("'{path}' is {size} MB; the GitHub web editor accepts at most 25 MB.",
               "Make it smaller (photos: 2,000 pixels wide is plenty; videos: export at "
               "1080p), or ask a site maintainer about Git LFS."),
        "da": ("'{path}' fylder {size} MB; GitHubs web-editor tager højst 25 MB.",
               "Gør den mindre (billeder: 2.000 pixels i bredden er rigeligt; video: eksportér "
               "i 1080p), eller spørg en ansvarlig for sitet om Git LFS."),
    },
    "media-too-large": {
        "en": ("'{path}' is {size} MB; GitHub refuses files over 100 MB.",
               "Make it smaller, put it on Git LFS, or host the video on YouTube or Vimeo and "
               "use 'video: youtube: VIDEO_ID'."),
        "da": ("'{path}' fylder {size} MB; GitHub afviser filer over 100 MB.",
               "Gør den mindre, læg den i Git LFS, eller læg videoen på YouTube eller Vimeo og "
               "brug 'video: youtube: VIDEO_ID'."),
    },
    "video-captions-invalid": {
        "en": ("The captions file '{path}' is not valid WebVTT: {reason} (its line {line}).",
               "A captions file starts with the line WEBVTT, then blocks of a timing like "
               "'00:00:01.000 --> 00:00:04.000' and the text. Export it again as .vtt from "
               "your video editor or YouTube Studio."),
        "da": ("Undertekstfilen '{path}' er ikke gyldig WebVTT: {reason} (dens linje {line}).",
               "En undertekstfil starter med linjen WEBVTT og derefter blokke med en tid som "
               "'00:00:01.000 --> 00:00:04.000' og teksten. Eksportér den igen som .vtt fra "
               "dit videoprogram eller YouTube Studio."),
    },
    "video-format": {
        "en": ("'{path}' is not an MP4 or WebM video, which is what browsers play.",
               "Export the video as MP4 (H.264), or upload it to YouTube or Vimeo and use "
               "'youtube:' or 'vimeo:'."),
        "da": ("'{path}' er ikke en MP4- eller WebM-video, som er det, browsere kan afspille.",
               "Eksportér videoen som MP4 (H.264), eller upload den til YouTube eller Vimeo og "
               "brug 'youtube:' eller 'vimeo:'."),
    },
    "video-id": {
        "en": ("'{value}' is not a {service} video id.",
               "Copy the id from the video's address: for YouTube the 11 characters after "
               "'v=', for Vimeo the number after 'vimeo.com/'."),
        "da": ("'{value}' er ikke et {service}-video-id.",
               "Kopiér id'et fra videoens adresse: for YouTube de 11 tegn efter 'v=', for "
               "Vimeo tallet efter 'vimeo.com/'."),
    },
    "video-captions-missing": {
        "en": ("The video has no captions.",
               "Add a WebVTT file under media/ and name it in 'video: captions:'; readers who "
               "cannot hear need them, and most watch without sound."),
        "da": ("Videoen har ingen undertekster.",
               "Læg en WebVTT-fil under media/ og angiv den i 'video: captions:'; læsere, der "
               "ikke kan høre, har brug for dem, og de fleste ser uden lyd."),
    },
})
describe("media-gps", Severity.ERROR, "Photos carry no GPS position.",
         "Billeder indeholder ingen GPS-position.")
describe("media-large", Severity.WARNING, "Media files stay under 25 MB (the web editor's "
         "limit).", "Mediefiler holdes under 25 MB (web-editorens grænse).")
describe("media-too-large", Severity.ERROR, "No media file is over 100 MB.",
         "Ingen mediefil er over 100 MB.", adjustable=False)
describe("video-captions-missing", Severity.ERROR, "Every video has captions.",
         "Alle videoer har undertekster.")
describe("video-captions-invalid", Severity.ERROR, "Captions are valid WebVTT.",
         "Undertekster er gyldig WebVTT.")
describe("video-format", Severity.ERROR, "Videos are MP4 or WebM, or on YouTube or Vimeo.",
         "Videoer er MP4 eller WebM, eller ligger på YouTube eller Vimeo.", adjustable=False)


def has_gps(path: Path) -> bool:
    """Whether an image's EXIF holds a GPS position (unreadable images: no)."""
    try:
        with Image.open(path) as image:
            gps = image.getexif().get_ifd(GPS_IFD)
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError, Image.DecompressionBombError):
        return False  # broken images are reported by the image checks
    return bool(gps) and any(key in gps for key in (1, 2, 3, 4))


def media_of(post: Post) -> list[tuple[int | None, str]]:
    """(line, reference) of every file the post uses."""
    refs: list[tuple[int | None, str]] = []
    if post.image:
        refs.append((post.line_of("image"), post.image))
    if post.video:
        for name in ("src", "poster", "captions"):
            value = getattr(post.video, name)
            if value:
                refs.append((post.line_of("video", name), value))
    refs += [(r.line, r.src) for r in find_refs(post.body, post.body_line) if r.kind == "image"]
    return refs


def _file_findings(repo: Repository, post: Post, line: int | None, ref: str, path: str
                   ) -> Iterator[Finding]:
    full = repo.site.root / path
    cache = repo.cache.setdefault("media", {})
    assert isinstance(cache, dict)
    if path not in cache:
        size = full.stat().st_size
        gps = size < GITHUB_LIMIT and full.suffix.lower() in (".jpg", ".jpeg", ".tif", ".tiff",
                                                              ".png", ".webp", ".heic")
        cache[path] = (size, gps and has_gps(full))
    size, gps = cache[path]
    if gps:
        yield repo.finding(post.file, line, "media-gps", "media-gps", Severity.ERROR, path=ref)
    if size > GITHUB_LIMIT:
        yield repo.finding(post.file, line, "media-too-large", "media-too-large",
                           Severity.ERROR, path=ref, size=round(size / MB))
    elif size > WEB_EDITOR_LIMIT:
        yield repo.finding(post.file, line, "media-large", "media-large", Severity.WARNING,
                           path=ref, size=round(size / MB))


@rule(cacheable=False)  # reads the media files, which have caches of their own
def media(repo: Repository, post: Post) -> Iterator[Finding]:
    """GPS, size and captions of what the post uses (missing files are reported on reading)."""
    for line, ref in media_of(post):
        resolved = resolve_media(ref, post.file, repo.site.root, repo.site.media_dir)
        if resolved.path and not resolved.problem:
            yield from _file_findings(repo, post, line, ref, resolved.path)
    if post.video:
        yield from _video(repo, post)


def _video(repo: Repository, post: Post) -> Iterator[Finding]:
    """Captions present and valid, a playable format, ids that look like ids."""
    video, site = post.video, repo.site
    assert video is not None
    if not video.captions:
        yield repo.finding(post.file, post.line_of("video"), "video-captions-missing",
                           "video-captions-missing", Severity.ERROR)
    else:
        resolved = resolve_media(video.captions, post.file, site.root, site.media_dir)
        if resolved.path and not resolved.problem:
            try:
                parse_vtt((site.root / resolved.path).read_text(encoding="utf-8"))
            except (VttError, UnicodeDecodeError) as exc:
                reason, line = (exc.reason, exc.line) if isinstance(exc, VttError) else (
                    "it is not UTF-8 text", 1)
                yield repo.finding(post.file, post.line_of("video", "captions"),
                                   "video-captions-invalid", "video-captions-invalid",
                                   Severity.ERROR, path=video.captions, reason=reason,
                                   line=line)
    if video.src and Path(video.src).suffix.lower() not in VIDEO_TYPES:
        yield repo.finding(post.file, post.line_of("video", "src"), "video-format",
                           "video-format", Severity.ERROR, path=video.src)
    for service, value, pattern in (("YouTube", video.youtube, YOUTUBE_ID),
                                    ("Vimeo", video.vimeo, VIMEO_ID)):
        if value and not pattern.match(value):
            yield repo.finding(post.file, post.line_of("video", service.lower()), "video-format",
                               "video-id", Severity.ERROR, value=value, service=service)
