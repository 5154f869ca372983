"""The company's brand from ``mkdocs.yml``: name, logo, favicon, hero photo, tagline, colours.

The logo, favicon and hero are repository files under the media folder, judged like every
picture (a photo is processed; an SVG must be a brand asset HR lists in ``policy.yml``), so
a brand file can no more run a script or load another site than a post's picture can. The
colours become a small style sheet with shades derived so that text on them stays readable
(WCAG AA), whatever the company picks.
"""

from __future__ import annotations

import colorsys
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from advocacy.core.checking.rules.media import used_file
from advocacy.core.model.findings import Finding
from advocacy.core.reading.references import media_finding
from advocacy.core.reading.repository import Repository
from advocacy.core.reading.schema import MISSING
from advocacy.core.reading.schema.yamlsource import YamlSyntaxError, load_yaml

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE, INK = "#ffffff", "#1b1f24"
# What each brand file is used as, for the picture checks (the smallest width they accept).
USES = {"logo": "photo", "favicon": "photo", "hero": "cover"}


@dataclass
class Brand:
    """What the site shows of the company; paths are repository-relative."""

    name: str
    logo: str | None = None
    favicon: str | None = None
    hero: str | None = None
    hero_alt: Mapping[str, str] = field(default_factory=dict)
    tagline: Mapping[str, str] = field(default_factory=dict)
    primary: str | None = None
    accent: str | None = None

    def files(self) -> list[str]:
        """The brand files the site publishes."""
        return [p for p in (self.logo, self.favicon, self.hero) if p]

    def in_lang(self, values: Mapping[str, str], lang: str, default: str) -> str:
        """A text the brand gives per language, in ``lang`` (else the site's own)."""
        return values.get(lang) or values.get(default) or next(iter(values.values()), "")


def config_lines(text: str) -> Mapping[tuple[str | int, ...], int]:
    """The line of each key of ``mkdocs.yml`` below the advocacy plugin's options, by its
    path from there (``("brand", "logo")``): messages name the line to change."""
    try:
        doc = load_yaml(text, strict=False)
    except YamlSyntaxError:
        return {}
    plugins = doc.data.get("plugins") if isinstance(doc.data, dict) else None
    at: tuple[str | int, ...] = ("plugins",)
    if isinstance(plugins, list):
        index = next(
            (i for i, p in enumerate(plugins) if isinstance(p, dict) and "advocacy" in p), None
        )
        at = ("plugins", index, "advocacy") if index is not None else at
    elif isinstance(plugins, dict):
        at = ("plugins", "advocacy")
    return {path[len(at) :]: line for path, line in doc.lines.items() if path[: len(at)] == at}


def brand_findings(
    brand: Brand,
    repo: Repository,
    lines: Mapping[tuple[str | int, ...], int],
    config_file: str = "mkdocs.yml",
) -> list[Finding]:
    """Problems with the brand's files, said as for a post's pictures, at their lines in
    ``mkdocs.yml``. A file with a problem is taken off the brand (never published)."""
    found: list[Finding] = []
    for name, use in USES.items():
        written = getattr(brand, name)
        if not written:
            continue
        line = lines.get(("brand", name))
        ref = repo.resolve(written, config_file)
        if ref.problem or not ref.path:
            found.append(media_finding(repo, config_file, line, written, ref.problem or ""))
            setattr(brand, name, None)
            continue
        setattr(brand, name, ref.path)
        problems = list(_file_findings(repo, config_file, line, ref.path, written, use))
        found += problems
        if any(f.severity == "error" for f in problems):
            setattr(brand, name, None)
    if brand.hero and not brand.hero_alt:
        found.append(
            MISSING.finding(
                repo.lang,
                config_file,
                lines.get(("brand", "hero")),
                None,
                field="hero_alt",
                example='{da: "...", en: "..."}',
            )
        )
    return found


def _file_findings(
    repo: Repository, file: str, line: int | None, path: str, written: str, use: str
) -> Iterator[Finding]:
    """The checks every picture a post uses gets (size, kind, GPS, SVG safety)."""
    return used_file(repo, file, line, path, written, use)


# -- colours -------------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(a: str, b: str, share: float) -> str:
    """``a`` with ``share`` (0..1) of ``b`` mixed in."""
    return _hex(tuple(x + (y - x) * share for x, y in zip(_rgb(a), _rgb(b), strict=True)))  # type: ignore[arg-type]


def readable(colour: str, background: str = WHITE, ratio: float = 4.5) -> str:
    """``colour`` made darker (or lighter, on a dark background) until text in it reaches
    ``ratio`` against ``background``, keeping its hue and saturation (a brand's orange stays
    orange instead of going muddy)."""
    hue, light, saturation = colorsys.rgb_to_hls(*_rgb(colour))
    step = -0.02 if luminance(background) > 0.5 else 0.02
    while 0.0 <= light <= 1.0:
        shade = _hex(colorsys.hls_to_rgb(hue, light, saturation))
        if contrast(shade, background) >= ratio:
            return shade
        light += step
    return INK if step < 0 else WHITE


def on(colour: str) -> str:
    """The text colour for a surface of ``colour``: white or ink, whichever reads better."""
    return WHITE if contrast(WHITE, colour) >= contrast(INK, colour) else INK


def brand_css(primary: str, accent: str) -> str:
    """The brand's colours as custom properties over Material's palette (loaded after it).

    The selector matches every ``data-md-color-primary`` value, so the brand wins over
    whichever palette name ``mkdocs.yml`` keeps for Material.
    """
    link = readable(primary)
    values = {
        "--md-primary-fg-color": primary,
        "--md-primary-fg-color--light": mix(primary, WHITE, 0.25),
        "--md-primary-fg-color--dark": mix(primary, INK, 0.3),
        "--md-primary-bg-color": on(primary),
        "--md-primary-bg-color--light": on(primary) + "b3",
        "--md-accent-fg-color": mix(link, INK, 0.25),
        "--md-accent-fg-color--transparent": primary + "1a",
        "--md-typeset-a-color": link,
        "--adv-brand": primary,
        "--adv-on-brand": on(primary),
        "--adv-heading": readable(primary, ratio=7),
        "--adv-accent": accent,
        "--adv-on-accent": on(accent),
        "--adv-accent-strong": readable(accent, ratio=5),  # small text, on tints too
        "--adv-tint": mix(primary, WHITE, 0.93),
        "--adv-tint-strong": mix(primary, WHITE, 0.82),
    }
    body = "".join(f"  {name}: {value};\n" for name, value in values.items())
    return (
        "/* The company's colours (generated from mkdocs.yml by advocacy). */\n"
        f":root, body[data-md-color-primary] {{\n{body}}}\n"
    )
