"""Video: our own file with captions and a transcript, or YouTube/Vimeo only after a click."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from advocacy.core.media.location import video_location
from advocacy.core.media.video import VttError, parse_vtt
from conftest import FixtureSite, assert_no_warnings

VTT = """WEBVTT

1
00:00:00.000 --> 00:00:02.500
Good morning from the kitchen.

00:00:02.500 --> 00:00:05.000
<v Sofie>We start at half past six.</v>
"""
POST = "site_src/blog/posts/2026-11-20-video.md"


def _video_post(site: FixtureSite, video: str) -> None:
    site.image("media/poster.jpg")
    (site.root / "media/kitchen.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\0" * 100)
    site.write("media/kitchen.vtt", VTT)
    site.simple_post(
        "2026-11-20-video.md",
        "Our kitchen",
        "2026-11-20",
        extra=f"video:\n{video}",
        body="I filmed our morning.\n",
    )


def test_own_video_with_poster_captions_and_transcript(site: FixtureSite) -> None:
    _video_post(
        site,
        "  src: media/kitchen.mp4\n  captions: media/kitchen.vtt\n  poster: media/poster.jpg\n",
    )
    result = site.build()
    assert result.returncode == 0, result.log
    assert_no_warnings(result)
    page = result.html("blog/2026/11/20/video/")
    video = page.select_one("figure.adv-video video")
    assert video["preload"] == "metadata" and video.has_attr("controls")
    base = result.site / "blog/2026/11/20/video"
    assert (base / video["poster"]).resolve().is_file()
    assert video["poster"].endswith("-800.jpg")  # the processed poster, not the original
    source = video.select_one("source")
    assert (source["type"], (base / source["src"]).resolve().is_file()) == ("video/mp4", True)
    track = video.select_one("track")
    assert (track["kind"], track["srclang"]) == ("captions", "en")
    # Published as written again from the parsed cues: timings and plain text, nothing else.
    assert (base / track["src"]).resolve().read_text() == (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nGood morning from the kitchen.\n\n"
        "00:00:02.500 --> 00:00:05.000\nWe start at half past six.\n"
    )
    transcript = page.select_one("details.adv-transcript").get_text(" ", strip=True)
    assert transcript == (
        "Transcript of the video Good morning from the kitchen. We start at half past six."
    )


def test_video_without_captions_does_not_build(site: FixtureSite) -> None:
    _video_post(site, "  src: media/kitchen.mp4\n")
    result = site.build()
    assert result.returncode == 1
    assert f"{POST}:6: error: The video has no captions. [video-captions-missing]" in result.log


def test_broken_captions_do_not_build(site: FixtureSite) -> None:
    _video_post(site, "  src: media/kitchen.mp4\n  captions: media/kitchen.vtt\n")
    site.write("media/kitchen.vtt", "WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nHi\n")
    result = site.build()
    assert result.returncode == 1
    assert (
        f"{POST}:8: error: The captions file 'media/kitchen.vtt' is not valid WebVTT: "
        "expected a timing like 00:00:01.000 --> 00:00:04.000, found '00:00:01.000 -> "
        "00:00:02.000' (its line 3). [video-captions-invalid]"
    ) in result.log


def test_youtube_loads_nothing_before_a_click(site: FixtureSite) -> None:
    _video_post(
        site,
        "  youtube: dQw4w9WgXcQ\n  captions: media/kitchen.vtt\n"
        "  poster: media/poster.jpg\n  title: A morning in the kitchen\n",
    )
    result = site.build()
    assert result.returncode == 0, result.log
    page = result.html("blog/2026/11/20/video/")
    assert page.select("iframe") == []
    loaded = [t.get("src") or t.get("srcset") or "" for t in page.select("[src], [srcset]")]
    assert not any("youtube" in url or "//" in url for url in loaded)
    box = page.select_one(".adv-embed")
    assert box["data-adv-embed"] == (
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0"
    )
    assert box["data-adv-title"] == "A morning in the kitchen"
    button = box.select_one("button.adv-embed__play")
    assert button["aria-label"] == "Play the video “A morning in the kitchen” (loads YouTube)"
    link = box.select_one("a")
    assert (link["href"], link["rel"]) == (
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ["noopener", "noreferrer"],
    )
    script = (result.site / "assets/advocacy/advocacy.js").read_text()
    assert "frame.title" in script and "data-adv-embed" in script


def test_vimeo_uses_do_not_track(site: FixtureSite) -> None:
    _video_post(site, "  vimeo: '76979871'\n  captions: media/kitchen.vtt\n")
    result = site.build()
    assert result.returncode == 0, result.log
    box = result.html("blog/2026/11/20/video/").select_one(".adv-embed")
    assert box["data-adv-embed"] == "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"


def test_bad_video_ids_and_formats(site: FixtureSite) -> None:
    _video_post(site, "  youtube: not-an-id\n  captions: media/kitchen.vtt\n")
    result = site.build()
    assert result.returncode == 1
    assert f"{POST}:7: error: 'not-an-id' is not a YouTube video id. [video-format]" in result.log


@pytest.mark.parametrize(
    ("text", "reason", "line"),
    [
        ("WEBVT\n\n00:01.000 --> 00:02.000\nx\n", "the first line must be WEBVTT", 1),
        ("WEBVTT\n", "the file has no captions", 1),
        ("WEBVTT\n\n00:03.000 --> 00:02.000\nx\n", "a caption ends before it starts", 3),
    ],
)
def test_vtt_errors(text: str, reason: str, line: int) -> None:
    with pytest.raises(VttError) as info:
        parse_vtt(text)
    assert (info.value.reason, info.value.line) == (reason, line)


def test_vtt_cues() -> None:
    cues = parse_vtt(
        "\ufeffWEBVTT - kitchen\r\n\r\nNOTE made by hand\r\n\r\n"
        "01:00:00.000 --> 01:00:01,500 align:start\r\n<b>Hi</b>\r\nthere\r\n"
    )
    assert [(c.start, c.end, c.text) for c in cues] == [(3600.0, 3601.5, "Hi there")]


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def _mp4(*udta: bytes, top: bytes = b"") -> bytes:
    """A small MP4: ftyp, a moov with a track and ``udta`` boxes, then the media data."""
    moov = _box(
        b"moov",
        _box(b"mvhd", b"\0" * 100) + _box(b"trak", _box(b"tkhd", b"\0" * 84)) + b"".join(udta),
    )
    return _box(b"ftyp", b"mp42\0\0\0\0isommp42") + moov + top + _box(b"mdat", b"\xa9xyz" * 50)


XYZ = _box(b"\xa9xyz", struct.pack(">HH", 18, 0x15C7) + b"+56.1629+010.2039/")
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description exif:GPSLatitude="56,9.77N"/>'
    b"</x:xmpmeta>"
)


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (_mp4(_box(b"udta", XYZ)), "©xyz"),
        (_mp4(_box(b"udta", _box(b"meta", b"\0\0\0\0" + _box(b"ilst", XYZ)))), "©xyz"),
        (_mp4(_box(b"udta", _box(b"loci", b"\0" * 30))), "loci"),
        (
            _mp4(_box(b"meta", _box(b"keys", b"\0" * 8 + b"com.apple.quicktime.location.ISO6709"))),
            "com.apple.quicktime.location",
        ),
        (_mp4(top=_box(b"uuid", bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC") + XMP)), "XMP"),
        (_mp4(_box(b"udta", _box(b"XMP_", XMP))), "XMP"),
        (
            b"\x1a\x45\xdf\xa3\x84\x42\x86\x81\x01" + b"\0" * 64 + b"\x45\xa3\x88LOCATION",
            "WebM tag LOCATION",
        ),
        (_mp4(_box(b"udta", _box(b"\xa9nam", b"\0\0kitchen"))), None),  # a title is no place
        (_mp4(), None),  # "©xyz" in the pictures themselves is never read as a box
    ],
)
def test_a_recording_position_is_found(tmp_path: Path, data: bytes, where: str | None) -> None:
    path = tmp_path / "v.mp4"
    path.write_bytes(data)
    assert video_location(path) == where


def test_a_video_with_its_position_is_not_published(site: FixtureSite) -> None:
    _video_post(site, "  src: media/kitchen.mp4\n  captions: media/kitchen.vtt\n")
    (site.root / "media/kitchen.mp4").write_bytes(_mp4(_box(b"udta", XYZ)))
    result = site.build()
    assert result.returncode == 1
    assert (
        f"{POST}:7: error: The video 'media/kitchen.mp4' contains the position where it was "
        "recorded (©xyz). It is already public in this repository's history. [media-gps]"
    ) in result.log
    proc = site.check("--lang", "da")
    assert proc.returncode == 1
    assert "Videoen 'media/kitchen.mp4' indeholder positionen for, hvor den er optaget" in (
        proc.stdout
    )


# -- a video or captions file is published only under a name that says what it is -----------

_WEBM = b"\x1a\x45\xdf\xa3" + b"\0" * 100
_MP4 = b"\x00\x00\x00\x18ftypisom" + b"\0" * 12 + b"<script>alert(1)</script>"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("media/clip.html", _MP4, ".mp4"),  # HTML parsers skip the binary box: a web page
        ("media/clip.mov", _MP4, ".mp4"),  # MP4 content: one name, the type browsers play
        ("media/clip.m4v", _MP4, ".mp4"),
        ("media/clip.mp4", _WEBM, ".webm"),  # the type attribute would lie
        ("media/clip", _MP4, ".mp4"),
    ],
)
def test_a_video_under_another_name_is_refused(
    site: FixtureSite, name: str, content: bytes, expected: str
) -> None:
    (site.root / name).write_bytes(content)
    site.write("media/kitchen.vtt", VTT)
    site.simple_post(
        "2026-11-20-video.md",
        "Our kitchen",
        "2026-11-20",
        extra=f"video:\n  src: {name}\n  captions: media/kitchen.vtt\n",
        body=f"I filmed [our morning](../../../{name}).\n",
    )
    proc = site.check("--lang", "en")
    assert proc.returncode == 1
    kind = {".mp4": "MP4", ".webm": "WebM"}[expected]
    for line, written in ((7, name), (11, f"../../../{name}")):
        assert (
            f"site_src/blog/posts/2026-11-20-video.md:{line}: error: '{written}' is in the {kind} "
            f"format, but its name does not end in {expected}; the site publishes it only under "
            "a name that says what it is (browsers treat a file by its name). [media-misnamed]"
        ) in proc.stdout, proc.stdout
    assert f"Rename the file so that its name ends in {expected}" in proc.stdout
    result = site.build()
    assert result.returncode == 1 and "Traceback" not in result.log
    assert not (result.site / name).exists()


def test_captions_under_another_name_are_refused(site: FixtureSite) -> None:
    (site.root / "media/kitchen.mp4").write_bytes(_MP4)
    site.write("media/kitchen.html", VTT)
    site.simple_post(
        "2026-11-20-video.md",
        "Our kitchen",
        "2026-11-20",
        extra="video:\n  src: media/kitchen.mp4\n  captions: media/kitchen.html\n",
    )
    proc = site.check("--lang", "da")
    assert proc.returncode == 1
    assert (
        "site_src/blog/posts/2026-11-20-video.md:8: fejl: 'media/kitchen.html' er i formatet "
        "WebVTT, men navnet ender ikke på .vtt; sitet udgiver den kun under et navn, der siger, "
        "hvad den er (browsere behandler en fil efter dens navn). [media-misnamed]"
    ) in proc.stdout, proc.stdout
    result = site.build()
    assert result.returncode == 1 and not (result.site / "media/kitchen.html").exists()


def test_the_built_site_holds_only_names_the_site_writes(tmp_path: Path) -> None:
    from advocacy.mkdocs_plugin.media import stray_files

    for name in (
        "index.html",
        "feed.xml",
        "sitemap.xml.gz",
        "search/search_index.json",
        "media/a.1234-800.webp",
        "media/a.1234-800.JPG",
        "media/clip.mp4",
        "media/clip.vtt",
        "media/brand/logo.svg",
        "assets/javascripts/bundle.js",  # the theme's
        ".git/HEAD",  # a deployment's checkout, kept by MkDocs
        "media/x.svg",
        "media/clip.mov",
        "media/page.htm",
        "media/2026/clip.html",  # no pages in the media folder
        "CNAME",
        "assets.js",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    assert stray_files(str(tmp_path), frozenset({"media/brand/logo.svg"})) == [
        "CNAME",
        "assets.js",
        "media/2026/clip.html",
        "media/clip.mov",
        "media/page.htm",
        "media/x.svg",
    ]
