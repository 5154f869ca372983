"""LinkedIn share cards: size, safe margin, Danish letters, word wrapping, cache keys, bad files."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageDraw, ImageFont

from advocacy.core.media import cards
from advocacy.core.media.cards import (
    CARD_SIZE,
    ELLIPSIS,
    FONTS,
    MARGIN,
    MIN_CONTRAST,
    TITLE_MAX,
    TITLE_MIN,
    CardContent,
    CardStyle,
    card_key,
    contrast,
    layout_title,
    render_card,
    write_card,
)

W, H = CARD_SIZE
SAFE = (MARGIN, MARGIN, W - MARGIN, H - MARGIN)
TITLE_BOX = (MARGIN, 152, 900, 427)  # the title box render_card uses beside a photo
TITLE_120 = (
    "Sådan får vi nyuddannede til at føle sig hjemme på første arbejdsdag – "
    "med æbler, ærlige øjeblikke og åbne døre til alle"
)
LONG_TITLE = " ".join(["Hvorfor vores platformteam skriver åbne arkitekturbeslutninger"] * 8)
BG = (0x1F, 0x3A, 0x5F)


def picture(
    path: Path,
    size: tuple[int, int] = (800, 600),
    color: str = "#c0d0e0",
    fmt: str = "JPEG",
    **save: object,
) -> Path:
    """A small test picture with a pattern, so crops and scaling show."""
    im = Image.new("RGB", size, color)
    ImageDraw.Draw(im).ellipse(
        (size[0] // 4, size[1] // 4, size[0] * 3 // 4, size[1] * 3 // 4), fill="#884422"
    )
    im.save(path, fmt, **save)
    return path


def same(a: Image.Image, b: Image.Image) -> bool:
    return ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is None


def whole_words(title: str, lines: tuple[str, ...]) -> None:
    """Each line is a run of whole words of the title; together they are the title, or a
    word-boundary prefix of it followed by "…"."""
    words, i = title.split(" "), 0
    assert lines, "no lines"
    for n, line in enumerate(lines):
        assert line and line == line.strip()
        if line.endswith(ELLIPSIS) and n == len(lines) - 1 and " ".join(lines) != title:
            line = line[: -len(ELLIPSIS)]
        run = line.split(" ")
        assert run == words[i : i + len(run)], f"{line!r} is not whole words of the title"
        i += len(run)
    joined = " ".join(lines)
    assert joined == title or (
        joined.endswith(ELLIPSIS) and (title + " ").startswith(joined[: -len(ELLIPSIS)] + " ")
    )


def inside(inner: tuple[int, int, int, int], outer: tuple[int, int, int, int]) -> bool:
    return (
        inner[0] >= outer[0]
        and inner[1] >= outer[1]
        and inner[2] <= outer[2]
        and inner[3] <= outer[3]
    )


# --- the card as a file ------------------------------------------------------------------------


def test_long_danish_title_makes_a_1200x627_jpeg_under_5_mb(tmp_path: Path) -> None:
    assert len(TITLE_120) == 120 and {"æ", "ø", "å"} <= set(TITLE_120)
    photo = picture(tmp_path / "mette.jpg", (400, 500))
    cover = picture(tmp_path / "cover.jpg", (2400, 1600), "#f0f0f0")
    out = tmp_path / "site" / "cards" / "post.jpg"
    content = CardContent(
        TITLE_120,
        byline="Mette Hansen & Jonas Berg",
        subtitle="Backend-udvikler · Udvikling",
        photo=photo,
        cover=cover,
    )
    assert write_card(content, CardStyle(site_name="Nordlys"), tmp_path / "cache", out) is True
    assert 0 < out.stat().st_size < 5 * 1024 * 1024
    with Image.open(out) as im:
        assert (im.format, im.size, im.mode) == ("JPEG", CARD_SIZE, "RGB")
        assert "exif" not in im.info and not im.getexif()
    assert not list(out.parent.glob("*.tmp")) and not list((tmp_path / "cache").glob(".*"))


def test_render_card_is_rgb_at_card_size() -> None:
    im = render_card(CardContent("Frokost på 5. sal"), CardStyle())
    assert (im.mode, im.size) == ("RGB", CARD_SIZE)


# --- title layout ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Frokost",
        "Frokost på 5. sal",
        TITLE_120,
        LONG_TITLE,
        "Et år som praktikant: hvad jeg lærte om kode, kolleger og kaffe på kontoret i Aarhus",
        "Medarbejderudviklingssamtalerne: sådan gør vi",  # too wide at 68 px: shrink, not split
    ],
)
@pytest.mark.parametrize("max_lines", [1, 2, 4])
def test_layout_stays_in_its_box_and_wraps_at_word_boundaries(title: str, max_lines: int) -> None:
    layout = layout_title(title, TITLE_BOX, max_lines)
    assert TITLE_MIN <= layout.size <= TITLE_MAX
    assert 1 <= len(layout.lines) <= max_lines and len(layout.boxes) == len(layout.lines)
    for box in layout.boxes:
        assert inside(box, TITLE_BOX) and inside(box, SAFE), box
    tops = [box[1] for box in layout.boxes]
    assert tops == sorted(tops)
    whole_words(title, layout.lines)


def test_a_title_that_fits_is_never_cut() -> None:
    for title in ("Frokost på 5. sal", TITLE_120):
        assert " ".join(layout_title(title, TITLE_BOX).lines) == title


def test_too_long_a_title_is_cut_after_a_whole_word_with_an_ellipsis() -> None:
    layout = layout_title(LONG_TITLE, TITLE_BOX)
    assert layout.size == TITLE_MIN and layout.lines[-1].endswith(ELLIPSIS)
    whole_words(LONG_TITLE, layout.lines)


def test_longer_titles_get_smaller_type() -> None:
    words = LONG_TITLE.split(" ")
    sizes = [layout_title(" ".join(words[:n]), TITLE_BOX).size for n in range(1, len(words), 3)]
    assert sizes == sorted(sizes, reverse=True)
    assert layout_title("Frokost", TITLE_BOX).size == TITLE_MAX
    assert (
        layout_title(TITLE_120, TITLE_BOX).size < layout_title("Frokost på 5. sal", TITLE_BOX).size
    )


def test_lines_are_balanced_rather_than_leaving_one_word_behind() -> None:
    lines = layout_title("Tre ting vi har lært af at skrive åbent om løn", TITLE_BOX).lines
    assert len(lines) > 1 and " " in lines[-1], lines


def test_only_a_word_wider_than_the_box_is_broken() -> None:
    word = "Arbejdsmiljøorganisationsrepræsentantsuppleantvalgbestyrelsesformandskab" * 2
    layout = layout_title(f"Om {word} og os", TITLE_BOX)
    assert layout.size == TITLE_MIN and all(inside(box, TITLE_BOX) for box in layout.boxes)
    assert "".join(layout.lines).replace(" ", "").startswith(f"Om{word}"[:60])


def test_a_no_break_space_keeps_words_together() -> None:
    title = "Frokost på 5.\u00a0sal: hvorfor vi spiser sammen hver eneste dag"
    lines = layout_title(title, TITLE_BOX).lines
    assert any("5.\u00a0sal" in line for line in lines) and " ".join(lines) == title


def test_a_box_too_small_for_one_line_gives_no_lines() -> None:
    assert layout_title("Frokost", (48, 48, 400, 60)).lines == ()
    with pytest.raises(ValueError):
        layout_title("Frokost", (100, 100, 50, 200))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopæøåÆØÅ-–:,.?!0123456789", min_size=1, max_size=18),
        min_size=1,
        max_size=40,
    )
)
def test_any_title_wraps_at_word_boundaries_inside_the_box(words: list[str]) -> None:
    title = " ".join(words)
    layout = layout_title(title, TITLE_BOX)
    assert all(inside(box, TITLE_BOX) for box in layout.boxes)
    whole_words(title, layout.lines)


# --- pixels ------------------------------------------------------------------------------------


def margin_band(im: Image.Image) -> list[Image.Image]:
    return [
        im.crop((0, 0, W, MARGIN)),
        im.crop((0, H - MARGIN, W, H)),
        im.crop((0, 0, MARGIN, H)),
        im.crop((W - MARGIN, 0, W, H)),
    ]


def test_nothing_but_background_outside_the_safe_margin(tmp_path: Path) -> None:
    style = CardStyle(background="#1f3a5f", site_name="Nordlys Careers – Karriere i Danmark")
    empty = render_card(CardContent(""), CardStyle(background="#1f3a5f"))
    long_byline = "Mette Hansen & Jonas Berg & Sofie Nørgaard & Anders Kjær & Amira Said"
    for content in (
        CardContent(TITLE_120, byline=long_byline, subtitle="Backend-udvikler · Udvikling " * 5),
        CardContent(
            TITLE_120,
            byline="Jonas Berg",
            subtitle="Åbenhed · Ærlighed · Øl",
            photo=picture(tmp_path / "p.png", (300, 300), fmt="PNG"),
        ),
        CardContent("ÅÅÅ gggg jjjj ÆØÅ Qqqq ÅÅÅ gggg jjjj ÆØÅ Qqqq " * 4, byline="Jyg Åg"),
        CardContent("W" * 300),
    ):
        card = render_card(content, style)
        assert not same(card.crop(SAFE), empty.crop(SAFE)), "nothing drawn: the test is vacuous"
        for drawn, blank in zip(margin_band(card), margin_band(empty), strict=True):
            assert same(drawn, blank), content.title[:30]
        # where the background has no decoration, the band is exactly the brand colour
        for area in ((0, 0, MARGIN, H), (0, 0, 800, MARGIN), (0, H - MARGIN, 800, H)):
            assert same(card.crop(area), Image.new("RGB", card.crop(area).size, BG)), area


def glyph(text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont) -> bytes:
    im = Image.new("L", (120, 120))
    ImageDraw.Draw(im).text((10, 10), text, font=font, fill=255)
    return im.tobytes()


def test_danish_letters_render_as_glyphs_not_boxes() -> None:
    tofu = "\ue000"  # a private-use character no font has: drawn as the "missing" box
    default = ImageFont.load_default(size=60)
    assert glyph("Æ", default) == glyph(tofu, default), "Pillow's own font lacks Æ"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font = ImageFont.truetype(str(FONTS / name), 60)
        shapes = {ch: glyph(ch, font) for ch in "ÆØÅæøå?" + tofu}
        assert len(set(shapes.values())) == len(shapes), f"{name}: some letters look alike"
    title_area = (MARGIN, 140, 900, 260)
    card = {t: render_card(CardContent(t), CardStyle()).crop(title_area) for t in ("Æ", "?", tofu)}
    assert not same(card["Æ"], card["?"]) and not same(card["Æ"], card[tofu])


def test_the_fonts_and_their_licence_ship_with_the_package() -> None:
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE"):
        assert (FONTS / name).stat().st_size > 1000
    assert "Bitstream" in (FONTS / "LICENSE").read_text(encoding="utf-8")


def test_white_text_has_contrast_over_a_white_cover(tmp_path: Path) -> None:
    cover = tmp_path / "white.png"
    Image.new("RGB", (1600, 900), "#ffffff").save(cover)
    for background in ("#1f3a5f", "#ffffff", "#f2a541"):
        card = render_card(CardContent("", cover=cover), CardStyle(background=background))
        for x in (MARGIN, 300, 600, 900):
            for y in (MARGIN, 300, H - MARGIN - 1):
                assert contrast((255, 255, 255), card.getpixel((x, y))) >= MIN_CONTRAST
        assert sum(card.getpixel((W - 5, 300))) > sum(card.getpixel((600, 300)))  # fades


def test_brand_text_colour_too_pale_for_the_background_is_replaced() -> None:
    card = render_card(CardContent("Ærlig snak"), CardStyle(background="#ffffff", text="#eeeeee"))
    darkest = card.crop((MARGIN, 150, 600, 260)).convert("L").getextrema()[0]
    assert contrast((darkest,) * 3, (255, 255, 255)) >= MIN_CONTRAST


def test_cover_is_turned_upright_by_its_exif_orientation(tmp_path: Path) -> None:
    stored = Image.new("RGB", (300, 600), "red")  # top half red, bottom half blue, as stored
    stored.paste("blue", (0, 300, 300, 600))
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display": red ends up on the right
    stored.save(tmp_path / "phone.jpg", exif=exif)
    card = render_card(CardContent("", cover=tmp_path / "phone.jpg"), CardStyle())
    for y in (10, H - 10):
        r, _, b = card.getpixel((W - 10, y))
        assert r > b, (y, r, b)


def test_logo_keeps_transparency_and_replaces_the_site_name(tmp_path: Path) -> None:
    logo = Image.new("RGBA", (240, 120), (0, 0, 0, 0))
    logo.paste((255, 0, 0, 255), (0, 0, 120, 120))
    logo.save(tmp_path / "logo.png")
    style = CardStyle(logo=tmp_path / "logo.png", site_name="Nordlys")
    card = render_card(CardContent("Hej"), style)
    assert card.getpixel((MARGIN + 30, MARGIN + 30)) == (255, 0, 0)  # scaled to 60 px high
    assert card.getpixel((MARGIN + 90, MARGIN + 30)) == BG  # transparent half shows through
    assert card.getpixel((MARGIN + 30, MARGIN + 62)) == BG  # no taller than 60 px
    assert same(
        card.crop((MARGIN + 64, MARGIN, 600, MARGIN + 60)),
        Image.new("RGB", (600 - MARGIN - 64, 60), BG),
    )  # and no site name


def test_photo_only_when_given(tmp_path: Path) -> None:
    photo = picture(tmp_path / "p.jpg", (300, 400), "#22aa44")
    area = (MARGIN, H - MARGIN - 120, MARGIN + 120, H - MARGIN)
    with_photo = render_card(CardContent("Hej", photo=photo), CardStyle()).crop(area)
    without = render_card(CardContent("Hej"), CardStyle()).crop(area)
    assert same(without, Image.new("RGB", without.size, BG))
    assert with_photo.getpixel((60, 20))[1] > 150  # the green photo, inside its accent ring


# --- cache keys and the cache ------------------------------------------------------------------


def test_card_key_changes_with_what_is_shown_and_only_then(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cover = picture(tmp_path / "cover.jpg")
    content, style = CardContent("Frokost", byline="Mette", cover=cover), CardStyle()
    key = card_key(content, style)
    assert re.fullmatch(r"[0-9a-f]{16}", key)
    assert card_key(CardContent("Frokost", byline="Mette", cover=cover), CardStyle()) == key
    copy = tmp_path / "elsewhere" / "same.jpg"
    copy.parent.mkdir()
    copy.write_bytes(cover.read_bytes())
    assert card_key(CardContent("Frokost", byline="Mette", cover=copy), style) == key
    others = [
        card_key(CardContent("Frokost!", byline="Mette", cover=cover), style),
        card_key(CardContent("Frokost", byline="Jonas", cover=cover), style),
        card_key(CardContent("Frokost", byline="Mette", subtitle="HR", cover=cover), style),
        card_key(CardContent("Frokost", byline="Mette"), style),
        card_key(content, CardStyle(background="#000000")),
        card_key(content, CardStyle(text="#eeeeee")),
        card_key(content, CardStyle(accent="#00ff00")),
        card_key(content, CardStyle(site_name="Nordlys")),
        card_key(content, CardStyle(logo=cover)),
        card_key(CardContent("Frokost", byline="Mette", cover=cover, photo=cover), style),
    ]
    assert len({key, *others}) == len(others) + 1
    picture(cover, color="#102030")  # same path, new bytes
    assert card_key(content, style) not in (key, *others)
    changed = card_key(content, style)
    monkeypatch.setattr(cards, "CARD_VERSION", cards.CARD_VERSION + 1)
    assert card_key(content, style) != changed


def test_write_card_renders_once_then_copies_from_the_cache(tmp_path: Path) -> None:
    cache, style = tmp_path / "cache", CardStyle()
    content = CardContent("Frokost på 5. sal", byline="Mette Hansen")
    first, second = tmp_path / "a" / "card.jpg", tmp_path / "b" / "card.jpg"
    assert write_card(content, style, cache, first) is True
    assert (
        write_card(CardContent("Frokost på 5. sal", byline="Mette Hansen"), style, cache, second)
        is False
    )
    key = card_key(content, style)
    assert [p.name for p in cache.iterdir()] == [f"{key}.jpg"]
    assert first.read_bytes() == second.read_bytes() == (cache / f"{key}.jpg").read_bytes()
    assert write_card(content, style, cache, cache / f"{key}.jpg") is False  # out is the cache
    other = CardContent("Frokost på 6. sal", byline="Mette Hansen")
    assert write_card(other, style, cache, second) is True
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        [f"{key}.jpg", f"{card_key(other, style)}.jpg"]
    )
    assert first.read_bytes() != second.read_bytes()


# --- broken pictures ---------------------------------------------------------------------------


@pytest.fixture
def broken(tmp_path: Path) -> dict[str, Path]:
    whole = picture(tmp_path / "whole.jpg", (1600, 1000)).read_bytes()
    truncated = tmp_path / "truncated.jpg"
    truncated.write_bytes(whole[: len(whole) // 3])
    text = tmp_path / "notes.jpg"
    text.write_text("dette er ikke et billede\n", encoding="utf-8")
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    return {
        "truncated": truncated,
        "text": text,
        "empty": empty,
        "missing": tmp_path / "missing.jpg",
        "folder": tmp_path,
    }


@pytest.mark.parametrize("kind", ["truncated", "text", "empty", "missing", "folder"])
def test_broken_pictures_fall_back_instead_of_crashing(
    tmp_path: Path, broken: dict[str, Path], kind: str
) -> None:
    bad = broken[kind]
    plain = render_card(CardContent("Frokost", byline="Mette"), CardStyle(site_name="Nordlys"))
    for content, style in (
        (CardContent("Frokost", byline="Mette", cover=bad), CardStyle(site_name="Nordlys")),
        (CardContent("Frokost", byline="Mette", photo=bad), CardStyle(site_name="Nordlys")),
        (CardContent("Frokost", byline="Mette"), CardStyle(site_name="Nordlys", logo=bad)),
    ):
        assert same(render_card(content, style), plain)
        card_key(content, style)
        assert write_card(content, style, tmp_path / "cache", tmp_path / "out.jpg") is True


def test_a_decompression_bomb_is_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cover = picture(tmp_path / "big.png", (600, 600), fmt="PNG")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100_000)  # over twice that is a "bomb"
    with pytest.raises(Image.DecompressionBombError):
        Image.open(cover)
    card = render_card(CardContent("Frokost", cover=cover), CardStyle())
    assert same(card, render_card(CardContent("Frokost"), CardStyle()))


def test_a_card_is_quick_to_render() -> None:
    import time

    start = time.perf_counter()
    render_card(CardContent(TITLE_120, byline="Mette Hansen"), CardStyle())
    assert time.perf_counter() - start < 2.0
    buffer = io.BytesIO()
    render_card(CardContent(TITLE_120), CardStyle()).save(buffer, "JPEG", quality=85)
    assert buffer.tell() < 5 * 1024 * 1024
