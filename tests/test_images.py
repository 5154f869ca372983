"""Photos at build: upright, stripped of metadata, responsive, cached; bad files refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from conftest import FixtureSite, Result, assert_no_warnings

POST = "site_src/blog/posts/2026-11-20-photo.md"


def _exif_photo(path: Path) -> None:
    """A landscape JPEG, stored sideways (orientation 6), with a GPS position and a comment."""
    image = Image.new("RGB", (900, 600), "white")
    image.paste((200, 30, 30), (0, 0, 900, 100))  # a red band along the stored top edge
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to show upright
    exif[0x010E] = "Taken at home"
    exif.get_ifd(0x8825).update({1: "N", 2: (56.0, 9.0, 0.0), 3: "E", 4: (10.0, 12.0, 0.0)})
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, exif=exif, quality=95)


def _post(site: FixtureSite, image: str) -> None:
    site.simple_post(
        "2026-11-20-photo.md",
        "Photos",
        "2026-11-20",
        extra=f"image: {image}\nimage_alt: A picture\n",
        body="I took this.\n",
    )


def _pictures(result: Result) -> list[Path]:
    page = result.html("blog/2026/11/20/photo/")
    picture = page.select_one("img.adv-cover").parent
    out = []
    for tag in picture.select("img, source"):
        for url in re.split(r",\s*", tag.get("srcset", "")):
            if url:
                out.append((result.site / "blog/2026/11/20/photo" / url.split()[0]).resolve())
    return out


def _encodes(result: Result) -> int:
    match = re.search(r"Pictures: \d+ published, (\d+) processed now", result.log)
    assert match, result.log
    return int(match.group(1))


def test_photo_is_upright_without_exif_or_gps_in_every_size(site: FixtureSite) -> None:
    site.write("policy.yml", "severity: {media-gps: warning}\n")  # HR accepted this one
    _exif_photo(site.root / "media/photo.jpg")
    _post(site, "media/photo.jpg")
    result = site.build()
    assert result.returncode == 0, result.log
    files = _pictures(result)
    assert {f.suffix for f in files} == {".webp", ".jpg"}
    assert len(files) == 2  # 600 wide (its upright width): WebP, and JPEG for old browsers
    for file in files:
        with Image.open(file) as image:
            assert not image.getexif(), file  # no EXIF at all, so no GPS either
            assert "exif" not in image.info and "xmp" not in image.info
            assert image.height > image.width  # turned upright: portrait now
            red, green, _blue = image.convert("RGB").getpixel((image.width - 5, 5))
            assert red > 150 and green < 100  # the red band is on the right after turning
    img = result.html("blog/2026/11/20/photo/").select_one("img.adv-cover")
    assert (img["width"], img["height"]) == ("600", "900")
    assert "loading" not in img.attrs  # the first picture of the page is not lazy
    original = (site.root / "media/photo.jpg").read_bytes()
    assert not any(f.read_bytes() == original for f in result.site.rglob("*.jpg"))


def test_png_transparency_is_kept(site: FixtureSite) -> None:
    image = Image.new("RGBA", (700, 400), (0, 0, 0, 0))
    image.paste((10, 120, 200, 255), (100, 100, 300, 300))
    (site.root / "media").mkdir(exist_ok=True)
    image.save(site.root / "media/logo.png")
    _post(site, "media/logo.png")
    result = site.build()
    assert result.returncode == 0, result.log
    files = _pictures(result)
    assert {f.suffix for f in files} == {".webp", ".png"}
    for file in files:
        with Image.open(file) as out:
            assert out.mode in ("RGBA", "LA", "P") and out.convert("RGBA").getpixel((0, 0))[3] == 0


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda p: Image.new("CMYK", (800, 600)).save(p, "JPEG"),
            "'media/bad.jpg' is a CMYK image (for print); its colours would be wrong on screen.",
        ),
        (
            lambda p: p.write_bytes(_jpeg_bytes()[:3000]),
            "'media/bad.jpg' is not a picture that can be read (the file is incomplete: the upload "
            "may have been cut off).",
        ),
        (
            lambda p: Image.new("1", (10000, 10000)).save(p, "PNG"),
            "'media/bad.jpg' is 10000 x 10000 pixels, too large to process safely.",
        ),
        (
            lambda p: p.write_text("this is not a picture\n"),
            "'media/bad.jpg' is not a picture that can be read (not an image).",
        ),
        (
            lambda p: p.write_bytes(
                b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\0" * 64
            ),
            "'media/bad.jpg' is a HEIC photo (the iPhone's format), which browsers cannot show.",
        ),
        (
            lambda p: Image.new("RGB", (200, 100)).save(p, "JPEG"),
            "'media/bad.jpg' is only 200 pixels wide; it needs at least 600 here.",
        ),
    ],
)
def test_bad_files_are_clear_errors(site: FixtureSite, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = site.root / "media/bad.jpg"
    path.parent.mkdir(exist_ok=True)
    make(path)
    _post(site, "media/bad.jpg")
    check = site.check("--format", "json")
    assert check.returncode == 1
    result = site.build()
    assert result.returncode == 1
    assert f"{POST}:6: error: {message}" in result.log
    assert "Traceback" not in result.log + check.stderr


def test_animated_gif_is_refused(site: FixtureSite) -> None:
    frames = [Image.new("P", (700, 400), color) for color in (1, 2)]
    path = site.root / "media/anim.gif"
    path.parent.mkdir(exist_ok=True)
    frames[0].save(path, save_all=True, append_images=frames[1:])
    _post(site, "media/anim.gif")
    result = site.build()
    assert result.returncode == 1
    assert (
        "'media/anim.gif' is an animated GIF; animations are not published (they are heavy "
        "and distract some readers)."
    ) in result.log


def _jpeg_bytes() -> bytes:
    import io

    out = io.BytesIO()
    Image.radial_gradient("L").resize((800, 600)).convert("RGB").save(out, "JPEG")
    return out.getvalue()


def test_second_build_does_no_image_work_and_one_change_redoes_one(site: FixtureSite) -> None:
    for name, color in (("a", "red"), ("b", "blue"), ("c", "green")):
        site.image(f"media/{name}.jpg", color=color)
    site.simple_post(
        "2026-11-20-photo.md",
        "Photos",
        "2026-11-20",
        extra=("image: media/a.jpg\nimage_alt: A\n"),
        body="![B](media/b.jpg)\n\n![C](media/c.jpg)\n",
    )
    first = site.build()
    assert first.returncode == 0, first.log
    assert_no_warnings(first)
    assert _encodes(first) == 4  # three pictures and the author's photo
    second = site.build()
    assert _encodes(second) == 0
    site.image("media/b.jpg", color="yellow")
    third = site.build()
    assert _encodes(third) == 1


SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    '<rect width="10" height="10"/></svg>'
)


def test_svg_only_for_brand_assets_and_never_inlined(site: FixtureSite) -> None:
    site.write("media/brand/logo.svg", SVG)
    site.write("media/drawing.svg", SVG)
    site.simple_post(
        "2026-11-20-photo.md",
        "Photos",
        "2026-11-20",
        body="![Our logo](media/brand/logo.svg)\n\n![A drawing](media/drawing.svg)\n",
    )
    result = site.build()
    assert result.returncode == 1
    assert (
        f"{POST}:10: error: 'media/drawing.svg' is an SVG drawing; only brand assets HR "
        "lists may be SVG. [image-svg]"
    ) in result.log
    site.write("policy.yml", "brand_assets: [media/brand/logo.svg]\n")
    site.simple_post(
        "2026-11-20-photo.md", "Photos", "2026-11-20", body="![Our logo](media/brand/logo.svg)\n"
    )
    result = site.build()
    assert result.returncode == 0, result.log
    assert_no_warnings(result)
    page = result.html("blog/2026/11/20/photo/")
    assert page.select(".adv-post svg") == []
    img = page.select_one('.adv-post img[alt="Our logo"]')
    assert (result.site / "blog/2026/11/20/photo" / img["src"]).resolve().read_text() == SVG


@pytest.mark.parametrize(
    ("inside", "reason"),
    [
        (
            "<style>rect { fill: url(https://evil.example/p.svg#p) }</style>",
            "it has a <style> element",
        ),
        ('<circle r="5" style="fill: red"/>', "it has a style attribute"),
        (
            '<circle r="5" fill="u\\72l(https://evil.example/e.svg#p)"/>',
            "its fill attribute has an escaped character",
        ),
        (
            '<circle r="5" fill="url(#a) url(https://evil.example/e.svg)"/>',
            "it loads from an address",
        ),
        ('<circle r="5" fill="URL( \'//evil.example/e.svg\')"/>', "it loads from an address"),
    ],
)
def test_a_brand_svg_loads_nothing_from_elsewhere(tmp_path: Path, inside: str, reason: str) -> None:
    """CSS can load from any address and hide it (an escaped url(), a <style> element): a
    brand SVG has no CSS at all, and each url() it has points inside itself."""
    from advocacy.core.media.catalog import svg_problem

    path = tmp_path / "logo.svg"
    path.write_text(SVG.replace("</svg>", inside + "</svg>"), encoding="utf-8")
    assert svg_problem(path) == reason
    path.write_text(SVG.replace("</svg>", '<circle r="5" fill="url( #a)"/></svg>'), "utf-8")
    assert svg_problem(path) is None


def _swapped_profile(note: bytes = b"") -> bytes:
    """A minimal ICC v2 RGB profile whose red and green primaries are sRGB's swapped (what
    the file calls red is green), with ``note`` appended as a blob nobody reads."""
    import struct

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ \0\0\0\0" + b"".join(struct.pack(">i", round(v * 65536)) for v in (x, y, z))

    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(2.2 * 256)) + b"\0\0"
    tags = [
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"gXYZ", xyz(0.4361, 0.2225, 0.0139)),
        (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for sig, body in tags:
        table += sig + struct.pack(">II", offset + len(data), len(body))
        data += body + b"\0" * (-len(body) % 4)
    size = offset + len(data) + len(note)
    header = (
        struct.pack(">I", size)
        + b"lcms"
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + b"\0" * 12
        + b"acsp"
        + b"\0" * 24
        + struct.pack(">I", 0)
        + xyz(0.9642, 1.0, 0.8249)[8:]
        + b"\0" * 48
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data + note


def test_colours_are_converted_to_srgb_and_the_profile_is_not_published(
    site: FixtureSite,
) -> None:
    """A photo's colour profile is an arbitrary blob (text can hide in it): its colours are
    turned into sRGB and the profile itself never reaches the site."""
    secret = b"CPR 010203-1234 salary list"
    icc = _swapped_profile(secret * 20)
    (site.root / "media").mkdir(exist_ok=True)
    Image.new("RGB", (800, 450), (230, 20, 20)).save(site.root / "media/icc.jpg", icc_profile=icc)
    _post(site, "media/icc.jpg")
    result = site.build()
    assert result.returncode == 0, result.log
    pictures = _pictures(result)
    assert pictures
    for file in pictures:
        assert secret not in file.read_bytes(), file
        with Image.open(file) as image:
            assert "icc_profile" not in image.info, file
            red, green, _ = image.convert("RGB").getpixel((400, 225))
            assert green > 150 and red < 120, (file, red, green)  # the profile's "red" is green


def test_an_srgb_photo_keeps_its_colours(site: FixtureSite) -> None:
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    (site.root / "media").mkdir(exist_ok=True)
    Image.new("RGB", (800, 450), (0, 128, 128)).save(site.root / "media/icc.jpg", icc_profile=icc)
    _post(site, "media/icc.jpg")
    result = site.build()
    assert result.returncode == 0, result.log
    for file in _pictures(result):
        with Image.open(file) as image:
            assert "icc_profile" not in image.info, file
            pixel = image.convert("RGB").getpixel((400, 225))
            assert all(abs(a - b) <= 6 for a, b in zip(pixel, (0, 128, 128), strict=True)), pixel


def test_the_plan_pages_use_is_what_processing_makes(tmp_path: Path) -> None:
    """Pages are written from the plan while the workers make the files: they must agree."""
    from advocacy.core.media.images import Slot, content_key, plan, process

    shapes = {
        "big.jpg": ((4032, 3024), "RGB"),
        "odd.jpg": ((1999, 1333), "RGB"),
        "small.jpg": ((700, 500), "RGB"),
        "alpha.png": ((1500, 900), "RGBA"),
    }
    for name, (size, mode) in shapes.items():
        Image.new(mode, size, "teal").save(tmp_path / name)
    _exif_photo(tmp_path / "turned.jpg")
    for name in [*shapes, "turned.jpg"]:
        key = content_key(tmp_path / name)
        slot = Slot(tmp_path / "cache", "f" * 48 + key)
        planned = plan(tmp_path, name, key, slot)
        processed, worked = process(tmp_path, name, slot, key)
        assert worked and processed == planned, name
        assert process(tmp_path, name, slot, key) == (planned, False)  # now from the cache
        for variant in processed.variants:
            with Image.open(tmp_path / "cache" / variant.file) as image:
                assert image.size == (variant.width, variant.height), (name, variant)
    assert [v.format for v in plan(tmp_path, "alpha.png", "k").variants] == ["webp", "png", "webp"]
