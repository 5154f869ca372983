"""Videos in posts: a playable format or a known host, captions for every video (or the
host's own, declared), captions that are valid WebVTT."""

from __future__ import annotations

from collections.abc import Iterator

from advocacy.core.checking.registry import check, rule
from advocacy.core.checking.rules.media import used_file
from advocacy.core.media import catalog as kinds
from advocacy.core.media.video import VIMEO_ID, YOUTUBE_ID, VttError, parse_vtt
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.repository import Repository

E = Severity.ERROR

CAPTIONS_MISSING = rule(
    "video-captions-missing",
    E,
    ("Every video has captions.", "Alle videoer har undertekster."),
    (
        "The video has no captions.",
        "Add a WebVTT file under media/ and name it in 'video: captions:'; readers who cannot "
        "hear need them, and most watch without sound. A video on YouTube or Vimeo with captions "
        "there can say so with 'captions_on_host: true'.",
    ),
    (
        "Videoen har ingen undertekster.",
        "Læg en WebVTT-fil under media/ og angiv den i 'video: captions:'; læsere, der ikke kan "
        "høre, har brug for dem, og de fleste ser uden lyd. En video på YouTube eller Vimeo med "
        "undertekster dér kan sige det med 'captions_on_host: true'.",
    ),
)
CAPTIONS_INVALID = rule(
    "video-captions-invalid",
    E,
    ("Captions are valid WebVTT.", "Undertekster er gyldig WebVTT."),
    (
        "The captions file '{path}' is not valid WebVTT: {reason} (its line {line}).",
        "A captions file starts with the line WEBVTT, then blocks of a timing like "
        "'00:00:01.000 --> 00:00:04.000' and the text. Export it again as .vtt from your video "
        "editor or YouTube Studio.",
    ),
    (
        "Undertekstfilen '{path}' er ikke gyldig WebVTT: {reason} (dens linje {line}).",
        "En undertekstfil starter med linjen WEBVTT og derefter blokke med en tid som "
        "'00:00:01.000 --> 00:00:04.000' og teksten. Eksportér den igen som .vtt fra dit "
        "videoprogram eller YouTube Studio.",
    ),
)
VIDEO = rule(
    "video-format",
    E,
    (
        "Videos are MP4 or WebM, or on YouTube or Vimeo.",
        "Videoer er MP4 eller WebM, eller ligger på YouTube eller Vimeo.",
    ),
    (
        "'{path}' is not an MP4 or WebM video, which is what browsers play.",
        "Export the video as MP4 (H.264), or upload it to YouTube or Vimeo and use 'youtube:' or "
        "'vimeo:'.",
    ),
    (
        "'{path}' er ikke en MP4- eller WebM-video, som er det, browsere kan afspille.",
        "Eksportér videoen som MP4 (H.264), eller upload den til YouTube eller Vimeo og brug "
        "'youtube:' eller 'vimeo:'.",
    ),
    adjustable=False,
    variants={
        "video-id": {
            "en": (
                "'{value}' is not a {service} video id.",
                "Copy the id from the video's address: for YouTube the 11 characters after "
                "'v=', for Vimeo the number after 'vimeo.com/'.",
            ),
            "da": (
                "'{value}' er ikke et {service}-video-id.",
                "Kopiér id'et fra videoens adresse: for YouTube de 11 tegn efter 'v=', for "
                "Vimeo tallet efter 'vimeo.com/'.",
            ),
        }
    },
)


@check(cacheable=False)  # reads the video and captions files
def video_findings(repo: Repository, post: Post) -> Iterator[Finding]:
    """Captions present and valid, a playable format, ids that look like ids."""
    video, site, lang = post.video, repo.site, repo.lang
    if video is None:
        return
    if video.src:
        if repo.media.kind(video.src) != kinds.VIDEO:
            yield VIDEO.finding(lang, post.file, post.line_of("video", "src"), path=video.src)
        else:
            yield from used_file(
                repo, post.file, post.line_of("video", "src"), video.src, video.src, "video"
            )
    hosted = bool(video.youtube or video.vimeo)
    if not video.captions and not (hosted and video.captions_on_host):
        yield CAPTIONS_MISSING.finding(lang, post.file, post.line_of("video"))
    elif video.captions:
        try:
            parse_vtt((site.root / video.captions).read_text(encoding="utf-8"))
        except (VttError, UnicodeDecodeError, OSError) as exc:
            reason, line = (
                (exc.reason, exc.line) if isinstance(exc, VttError) else ("it is not UTF-8 text", 1)
            )
            yield CAPTIONS_INVALID.finding(
                lang,
                post.file,
                post.line_of("video", "captions"),
                path=video.captions,
                reason=reason,
                line=line,
            )
    for service, value, pattern in (
        ("YouTube", video.youtube, YOUTUBE_ID),
        ("Vimeo", video.vimeo, VIMEO_ID),
    ):
        if value and not pattern.match(value):
            yield VIDEO.finding(
                lang,
                post.file,
                post.line_of("video", service.lower()),
                "video-id",
                value=value,
                service=service,
            )
