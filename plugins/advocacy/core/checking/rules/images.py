"""Photos a post or author uses: every file checked once, reported where it is used.

The same checks run when the build processes the photos, and a photo the image cache has
already processed is known to be sound, so a second check costs a hash, not a decode.
"""

from __future__ import annotations

from collections.abc import Iterator

from advocacy.core.checking.rules.registry import describe, rule
from advocacy.core.i18n.messages import CATALOG
from advocacy.core.media.images import RASTER, ImageProblem, content_key, open_checked
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.paths import resolve_media
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.markdown_refs import find_refs

CATALOG.update({
    "image-unreadable": {
        "en": ("'{path}' is not a picture that can be read ({detail}).",
               "Open it on your computer, save or export it again as JPEG or PNG, and upload "
               "that file instead."),
        "da": ("'{path}' er ikke et billede, der kan læses ({detail}).",
               "Åbn det på din computer, gem eller eksportér det igen som JPEG eller PNG, og "
               "upload den fil i stedet."),
    },
    "image-heic": {
        "en": ("'{path}' is a HEIC photo (the iPhone's format), which browsers cannot show.",
               "Convert it to JPEG: on the iPhone choose Settings, Camera, Formats, Most "
               "Compatible (new photos), or share the photo by mail, which sends a JPEG; on a "
               "Mac open it in Preview and choose File, Export, JPEG."),
        "da": ("'{path}' er et HEIC-billede (iPhonens format), som browsere ikke kan vise.",
               "Konvertér det til JPEG: på iPhone vælg Indstillinger, Kamera, Formater, Mest "
               "kompatibel (nye billeder), eller send billedet som mail, så bliver det JPEG; "
               "på en Mac åbn det i Eksempel og vælg Arkiv, Eksportér, JPEG."),
    },
    "image-bomb": {
        "en": ("'{path}' is {width} x {height} pixels, too large to process safely.",
               "Export it again at most 6,000 pixels wide."),
        "da": ("'{path}' er {width} x {height} pixels, for stort til at blive behandlet "
               "sikkert.", "Eksportér det igen med højst 6.000 pixels i bredden."),
    },
    "image-animated": {
        "en": ("'{path}' is an animated GIF; animations are not published (they are heavy and "
               "distract some readers).",
               "Use a still picture, or a short MP4 video with captions."),
        "da": ("'{path}' er en animeret GIF; animationer udgives ikke (de er tunge og "
               "forstyrrer nogle læsere).",
               "Brug et stillbillede eller en kort MP4-video med undertekster."),
    },
    "image-mode": {
        "en": ("'{path}' is a {mode} image (for print); its colours would be wrong on screen.",
               "Export it again as an sRGB JPEG or PNG with 8 bits per channel."),
        "da": ("'{path}' er et {mode}-billede (til tryk); farverne ville blive forkerte på "
               "skærmen.", "Eksportér det igen som sRGB JPEG eller PNG med 8 bit pr. kanal."),
    },
    "image-too-small": {
        "en": ("'{path}' is only {width} pixels wide; it needs at least {minimum} here.",
               "Use the original photo from the camera or phone, not a thumbnail."),
        "da": ("'{path}' er kun {width} pixels bred; her skal det være mindst {minimum}.",
               "Brug det originale billede fra kameraet eller telefonen, ikke en miniature."),
    },
    "image-svg": {
        "en": ("'{path}' is an SVG drawing; only brand assets HR lists may be SVG.",
               "Use a PNG or JPEG, or ask HR to list the file under 'brand_assets' in "
               "policy.yml."),
        "da": ("'{path}' er en SVG-tegning; kun logoer og grafik, HR har godkendt, må være "
               "SVG.", "Brug PNG eller JPEG, eller bed HR om at føje filen til 'brand_assets' "
                       "i policy.yml."),
    },
})
for rule_id, en, da in (
    ("image-unreadable", "Every picture can be read.", "Alle billeder kan læses."),
    ("image-format", "Pictures are JPEG, PNG or WebP; HEIC, CMYK, 16-bit and animated images "
     "are converted first.", "Billeder er JPEG, PNG eller WebP; HEIC, CMYK, 16-bit og "
     "animerede billeder konverteres først."),
    ("image-too-small", "Pictures are large enough for where they are used.",
     "Billeder er store nok til, hvor de bruges."),
    ("image-svg", "SVG only for brand assets HR approves.",
     "SVG kun til grafik, HR har godkendt."),
):
    describe(rule_id, Severity.ERROR, en, da, adjustable=rule_id == "image-too-small")

RULE_OF = {"image-heic": "image-format", "image-bomb": "image-unreadable",
           "image-animated": "image-format", "image-mode": "image-format"}


def image_problem(repo: Repository, path: str, use: str) -> ImageProblem | None:
    """What is wrong with one photo, checked once per repository and cached by content."""
    checked: dict[tuple[str, str], ImageProblem | None] = repo.cache.setdefault(
        "images", {})  # type: ignore[assignment]
    if (path, use) in checked:
        return checked[(path, use)]
    full = repo.site.root / path
    problem: ImageProblem | None = None
    if full.suffix.lower() == ".svg":
        brand = {a.lower() for a in repo.policy.brand_assets}
        problem = None if path.lower() in brand else ImageProblem("image-svg")
    elif full.suffix.lower() in RASTER or full.suffix.lower() in (".heic", ".heif"):
        cache = repo.site.cache_path / "images"
        try:
            if not (cache / f"{content_key(full)}.json").is_file():  # processed: known sound
                open_checked(full, use).close()
        except ImageProblem as exc:
            problem = exc
        except OSError as exc:
            problem = ImageProblem("image-unreadable", detail=exc.strerror or str(exc))
    checked[(path, use)] = problem
    return problem


def _finding(repo: Repository, file: str, line: int | None, path: str, ref: str,
             problem: ImageProblem) -> Finding:
    rule_id = RULE_OF.get(problem.key, problem.key)
    return repo.finding(file, line, rule_id, problem.key, Severity.ERROR, path=ref,
                        **problem.values)


def post_images(post: Post) -> list[tuple[int | None, str, str]]:
    """(line, reference, use) of every picture a post shows."""
    refs: list[tuple[int | None, str, str]] = []
    if post.image:
        refs.append((post.line_of("image"), post.image, "cover"))
    if post.video and post.video.poster:
        refs.append((post.line_of("video", "poster"), post.video.poster, "body"))
    refs += [(r.line, r.src, "body") for r in find_refs(post.body, post.body_line)
             if r.kind == "image"]
    return refs


@rule(cacheable=False)  # reads the media files, which have caches of their own
def images(repo: Repository, post: Post) -> Iterator[Finding]:
    """Every picture of the post; author photos are checked with their authors."""
    for line, ref, use in post_images(post):
        resolved = resolve_media(ref, post.file, repo.site.root, repo.site.media_dir)
        if resolved.path and not resolved.problem:
            problem = image_problem(repo, resolved.path, use)
            if problem:
                yield _finding(repo, post.file, line, resolved.path, ref, problem)


def author_image_findings(repo: Repository) -> list[Finding]:
    """Problems of author photos, reported in the author files."""
    out = []
    for author in repo.authors.values():
        if author.photo and (repo.site.root / author.photo).suffix.lower() != ".svg":
            problem = image_problem(repo, author.photo, "photo")
            if problem:
                out.append(_finding(repo, author.file, None, author.photo, author.photo,
                                    problem))
    return out
