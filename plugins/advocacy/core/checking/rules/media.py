"""The files a post, page or author uses: each judged from its bytes, reported where used.

Photos (any name: ``.jfif``, no extension) are read and fully checked; videos are MP4 or
WebM by their bytes; captions parse as WebVTT; an SVG is an approved brand asset with
nothing active in it. GPS positions and sizes are reported for every file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from advocacy.core.checking.registry import PAGE, POST, check, rule
from advocacy.core.media import catalog as kinds
from advocacy.core.media.images import GPS_IFD, PHOTO_FORMATS, ImageProblem, open_checked
from advocacy.core.media.location import video_location
from advocacy.core.model.entities import DocPage, Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.repository import Repository

MB = 1024 * 1024
WEB_EDITOR_LIMIT = 25 * MB  # GitHub's web editor refuses larger uploads
GITHUB_LIMIT = 100 * MB  # GitHub refuses larger files in a push
E, W = Severity.ERROR, Severity.WARNING

GPS = rule(
    "media-gps",
    E,
    ("Photos carry no GPS position.", "Billeder indeholder ingen GPS-position."),
    (
        "The photo '{path}' contains the GPS position where it was taken. It is already public "
        "in this repository's history.",
        "Export the photo again without location (on iPhone: Share, Options, Location off; on "
        "Android: in the share dialog, remove location), upload it under a new name, change the "
        "post to use it, and ask a site maintainer to remove the old file from the history.",
    ),
    (
        "Billedet '{path}' indeholder GPS-positionen for, hvor det er taget. Den er allerede "
        "offentlig i repositoriets historik.",
        "Eksportér billedet igen uden placering (på iPhone: Del, Indstillinger, Placering fra; på "
        "Android: fjern placering i delingsdialogen), upload det under et nyt navn, brug det i "
        "indlægget, og bed en ansvarlig for sitet om at fjerne den gamle fil fra historikken.",
    ),
    variants={
        "media-gps-video": {
            "en": (
                "The video '{path}' contains the position where it was recorded ({where}). It is "
                "already public in this repository's history.",
                "Turn off location for the camera and record again, or remove the location "
                "without re-encoding (ffmpeg -i in.mp4 -map_metadata -1 -c copy out.mp4); upload "
                "it under a new name, change the post to use it, and ask a site maintainer to "
                "remove the old file from the history.",
            ),
            "da": (
                "Videoen '{path}' indeholder positionen for, hvor den er optaget ({where}). Den er "
                "allerede offentlig i repositoriets historik.",
                "Slå placering fra for kameraet og optag igen, eller fjern placeringen uden at "
                "kode videoen om (ffmpeg -i ind.mp4 -map_metadata -1 -c copy ud.mp4); upload den "
                "under et nyt navn, brug den i indlægget, og bed en ansvarlig for sitet om at "
                "fjerne den gamle fil fra historikken.",
            ),
        },
    },
)
LARGE = rule(
    "media-large",
    W,
    (
        "Media files stay under 25 MB (the web editor's limit).",
        "Mediefiler holdes under 25 MB (web-editorens grænse).",
    ),
    (
        "'{path}' is {size} MB; the GitHub web editor accepts at most 25 MB.",
        "Make it smaller (photos: 2,000 pixels wide is plenty; videos: export at 1080p), or ask "
        "a site maintainer about Git LFS.",
    ),
    (
        "'{path}' fylder {size} MB; GitHubs web-editor tager højst 25 MB.",
        "Gør den mindre (billeder: 2.000 pixels i bredden er rigeligt; video: eksportér i 1080p), "
        "eller spørg en ansvarlig for sitet om Git LFS.",
    ),
)
TOO_LARGE = rule(
    "media-too-large",
    E,
    ("No media file is over 100 MB.", "Ingen mediefil er over 100 MB."),
    (
        "'{path}' is {size} MB; GitHub refuses files over 100 MB.",
        "Make it smaller, put it on Git LFS, or host the video on YouTube or Vimeo and use "
        "'video: youtube: VIDEO_ID'.",
    ),
    (
        "'{path}' fylder {size} MB; GitHub afviser filer over 100 MB.",
        "Gør den mindre, læg den i Git LFS, eller læg videoen på YouTube eller Vimeo og brug "
        "'video: youtube: VIDEO_ID'.",
    ),
    adjustable=False,
)
UNREADABLE = rule(
    "image-unreadable",
    E,
    ("Every picture can be read.", "Alle billeder kan læses."),
    (
        "'{path}' is not a picture that can be read ({detail}).",
        "Open it on your computer, save or export it again as JPEG or PNG, and upload that file "
        "instead.",
    ),
    (
        "'{path}' er ikke et billede, der kan læses ({detail}).",
        "Åbn det på din computer, gem eller eksportér det igen som JPEG eller PNG, og upload den "
        "fil i stedet.",
    ),
    adjustable=False,
    variants={
        "image-bomb": {
            "en": (
                "'{path}' is {width} x {height} pixels, too large to process safely.",
                "Export it again at most 6,000 pixels wide.",
            ),
            "da": (
                "'{path}' er {width} x {height} pixels, for stort til at blive behandlet sikkert.",
                "Eksportér det igen med højst 6.000 pixels i bredden.",
            ),
        },
        "not-a-photo": {
            "en": (
                "'{path}' is shown as a picture but is not one.",
                "Upload the photo as JPEG or PNG and refer to that file.",
            ),
            "da": (
                "'{path}' vises som et billede, men er ikke et.",
                "Upload billedet som JPEG eller PNG, og henvis til den fil.",
            ),
        },
    },
)
FORMAT = rule(
    "image-format",
    E,
    (
        "Pictures are JPEG, PNG or WebP; HEIC, CMYK, 16-bit and animated "
        "images are converted first.",
        "Billeder er JPEG, PNG eller WebP; "
        "HEIC, CMYK, 16-bit og animerede billeder konverteres først.",
    ),
    (
        "'{path}' is a {mode} image (for print); its colours would be wrong on screen.",
        "Export it again as an sRGB JPEG or PNG with 8 bits per channel.",
    ),
    (
        "'{path}' er et {mode}-billede (til tryk); farverne ville blive forkerte på skærmen.",
        "Eksportér det igen som sRGB JPEG eller PNG med 8 bit pr. kanal.",
    ),
    adjustable=False,
    variants={
        "image-heic": {
            "en": (
                "'{path}' is a HEIC photo (the iPhone's format), which browsers cannot show.",
                "Convert it to JPEG: on the iPhone choose Settings, Camera, Formats, Most "
                "Compatible (new photos), or share the photo by mail, which sends a JPEG; on a "
                "Mac open it in Preview and choose File, Export, JPEG.",
            ),
            "da": (
                "'{path}' er et HEIC-billede (iPhonens format), som browsere ikke kan vise.",
                "Konvertér det til JPEG: på iPhone vælg Indstillinger, Kamera, Formater, Mest "
                "kompatibel (nye billeder), eller send billedet som mail, så bliver det JPEG; "
                "på en Mac åbn det i Eksempel og vælg Arkiv, Eksportér, JPEG.",
            ),
        },
        "image-animated": {
            "en": (
                "'{path}' is an animated GIF; animations are not published (they are heavy and "
                "distract some readers).",
                "Use a still picture, or a short MP4 video with captions.",
            ),
            "da": (
                "'{path}' er en animeret GIF; animationer udgives ikke (de er tunge og "
                "forstyrrer nogle læsere).",
                "Brug et stillbillede eller en kort MP4-video med undertekster.",
            ),
        },
    },
)
SMALL = rule(
    "image-too-small",
    E,
    (
        "Pictures are large enough for where they are used.",
        "Billeder er store nok til, hvor de bruges.",
    ),
    (
        "'{path}' is only {width} pixels wide; it needs at least {minimum} here.",
        "Use the original photo from the camera or phone, not a thumbnail.",
    ),
    (
        "'{path}' er kun {width} pixels bred; her skal det være mindst {minimum}.",
        "Brug det originale billede fra kameraet eller telefonen, ikke en miniature.",
    ),
)
SVG = rule(
    "image-svg",
    E,
    (
        "SVG only for brand assets HR approves, with nothing active in them.",
        "SVG kun til grafik, HR har godkendt, uden noget aktivt i.",
    ),
    (
        "'{path}' is an SVG drawing; only brand assets HR lists may be SVG.",
        "Use a PNG or JPEG, or ask HR to list the file under 'brand_assets' in policy.yml.",
    ),
    (
        "'{path}' er en SVG-tegning; kun logoer og grafik, HR har godkendt, må være SVG.",
        "Brug PNG eller JPEG, eller bed HR om at føje filen til 'brand_assets' i policy.yml.",
    ),
    adjustable=False,
    variants={
        "image-svg-active": {
            "en": (
                "The SVG '{path}' cannot be published: {reason}.",
                "Export it again as plain SVG (no scripts, links or embedded pictures from "
                "elsewhere), or use a PNG.",
            ),
            "da": (
                "SVG-filen '{path}' kan ikke udgives: {reason}.",
                "Eksportér den igen som ren SVG (ingen scripts, links eller indlejrede billeder "
                "udefra), eller brug en PNG.",
            ),
        }
    },
)
MISNAMED = rule(
    "media-misnamed",
    E,
    (
        "Videos end in .mp4 or .webm and captions in .vtt, as what they are.",
        "Videoer hedder .mp4 eller .webm og undertekster .vtt, efter hvad de er.",
    ),
    (
        "'{path}' is in the {kind} format, but its name does not end in {expected}; the site "
        "publishes it only under a name that says what it is (browsers treat a file by its "
        "name).",
        "Rename the file so that its name ends in {expected}, and change the post to use the "
        "new name.",
    ),
    (
        "'{path}' er i formatet {kind}, men navnet ender ikke på {expected}; sitet udgiver den "
        "kun under et navn, der siger, hvad den er (browsere behandler en fil efter dens navn).",
        "Omdøb filen, så navnet ender på {expected}, og ret indlægget til at bruge det nye navn.",
    ),
    adjustable=False,
)
_FORMATS = {".mp4": "MP4", ".webm": "WebM", ".vtt": "WebVTT", ".svg": "SVG"}
_IMAGE_RULES = {
    "image-heic": (FORMAT, "image-heic"),
    "image-animated": (FORMAT, "image-animated"),
    "image-mode": (FORMAT, None),
    "image-bomb": (UNREADABLE, "image-bomb"),
    "image-unreadable": (UNREADABLE, None),
    "not-a-photo": (UNREADABLE, "not-a-photo"),
    "image-too-small": (SMALL, None),
}


def has_gps(path: Path) -> bool:
    """Whether an image's EXIF holds a GPS position (unreadable images: no)."""
    try:
        with Image.open(path, formats=PHOTO_FORMATS) as image:
            gps = image.getexif().get_ifd(GPS_IFD)
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError, Image.DecompressionBombError):
        return False  # broken images are reported by the image checks
    return bool(gps) and any(key in gps for key in (1, 2, 3, 4))


def _photo(repo: Repository, path: str, use: str) -> ImageProblem | None:
    """What is wrong with a photo, from its bytes, once per repository and use."""
    memo: dict[tuple[str, str], ImageProblem | None] = repo.cache.get("photos", dict)
    if (path, use) not in memo:
        try:
            open_checked(repo.site.root / path, use).close()
            memo[(path, use)] = None
        except ImageProblem as exc:
            memo[(path, use)] = exc
        except OSError as exc:
            memo[(path, use)] = ImageProblem("image-unreadable", detail=exc.strerror or str(exc))
    return memo[(path, use)]


def used_file(
    repo: Repository, file: str, line: int | None, path: str, written: str, use: str
) -> Iterator[Finding]:
    """Everything about one used file, reported at ``file``:``line``."""
    lang, full = repo.lang, repo.site.root / path
    try:
        size = full.stat().st_size
    except OSError:
        return  # reported as missing where it was resolved
    kind = repo.media.kind(path)
    if size > GITHUB_LIMIT:
        yield TOO_LARGE.finding(lang, file, line, path=written, size=round(size / MB))
        return
    if size > WEB_EDITOR_LIMIT:
        yield LARGE.finding(lang, file, line, path=written, size=round(size / MB))
    if kind in (kinds.PHOTO, kinds.HEIC) or use in ("cover", "photo", "body"):
        if kind == kinds.SVG:
            yield from _svg(repo, file, line, path, written)
            return
        if kind == kinds.PHOTO and has_gps(full):
            yield GPS.finding(lang, file, line, path=written)
        problem = (
            ImageProblem("image-heic")
            if kind == kinds.HEIC
            else (
                _photo(repo, path, use)
                if kind == kinds.PHOTO
                else ImageProblem("image-unreadable", detail="not an image")
                if kind == kinds.OTHER
                else ImageProblem("not-a-photo")
            )
        )
        if problem is not None:
            declared, key = _IMAGE_RULES.get(problem.key, (UNREADABLE, None))
            yield declared.finding(lang, file, line, key, path=written, **problem.values)
    elif expected := repo.media.misnamed(path):
        kind = _FORMATS[expected]
        yield MISNAMED.finding(lang, file, line, path=written, kind=kind, expected=expected)
    elif kind == kinds.SVG:
        yield from _svg(repo, file, line, path, written)
    elif kind == kinds.VIDEO and (where := video_location(full)):
        yield GPS.finding(lang, file, line, "media-gps-video", path=written, where=where)


def _svg(
    repo: Repository, file: str, line: int | None, path: str, written: str
) -> Iterator[Finding]:
    if path.lower() not in {a.lower() for a in repo.policy.brand_assets}:
        yield SVG.finding(repo.lang, file, line, path=written)
        return
    reason = kinds.svg_problem(repo.site.root / path)
    if reason:
        yield SVG.finding(repo.lang, file, line, "image-svg-active", path=written, reason=reason)


@check(on=(POST, PAGE), cacheable=False)  # reads the media files
def media_files(repo: Repository, doc: Post | DocPage) -> Iterator[Finding]:
    """Every file the document uses, from its front matter and its rendered body."""
    if isinstance(doc, Post):
        if doc.image:
            yield from used_file(
                repo, doc.file, doc.line_of("image"), doc.image, doc.image, "cover"
            )
        if doc.video and doc.video.poster:
            yield from used_file(
                repo,
                doc.file,
                doc.line_of("video", "poster"),
                doc.video.poster,
                doc.video.poster,
                "body",
            )
        if doc.video and doc.video.captions and repo.media.misnamed(doc.video.captions):
            captions = doc.video.captions  # the video itself: with its format, in video.py
            line = doc.line_of("video", "captions")
            yield from used_file(repo, doc.file, line, captions, captions, "captions")
    if doc.rendered is None:
        return
    seen: set[tuple[str, int]] = set()
    for ref, line in doc.rendered.refs:
        if (
            not ref.path
            or ref.kind not in ("picture", "file", "problem")
            or (
                ref.kind == "problem"
                and not ref.problem.startswith(("image-", "not-a-photo"))
                # a video or captions file under the wrong name: say so, and how to fix it
                and not (ref.problem == "file-refused" and repo.media.misnamed(ref.path))
            )
        ):
            continue
        if (ref.path, line) in seen:
            continue
        seen.add((ref.path, line))
        use = "body" if ref.element == "img" or ref.kind == "picture" else "link"
        yield from used_file(repo, doc.file, line, ref.path, ref.written, use)


def author_media(repo: Repository) -> Iterator[Finding]:
    """Author photos: under the media folder (see reading), a photo, and sound."""
    for author in repo.authors.values():
        if author.photo:
            yield from used_file(
                repo, author.file, author.line_of("photo"), author.photo, author.photo, "photo"
            )
