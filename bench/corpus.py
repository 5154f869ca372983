"""Deterministic synthetic careers-blog corpus for build benchmarks.

Usage::

    python bench/corpus.py --posts N --out DIR [--layout advocacy|material] [--rss]

The same arguments always give byte-identical files (fixed seed, no timestamps). Every
post has its own cover photo (``bench/photos.py``: seeded by the post's index, cached on
disk under /tmp). Pillow is imported lazily (only to draw photos), so other scripts can
import the helpers here with the standard library alone.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import photos  # a sibling script: bench/ is not a package

SEED = 20261128
END_DATE = date(2026, 11, 28)
WINDOW_DAYS = 3 * 365
AVATAR_SIZE = (96, 96)
MARKER = ".advocacy-bench-corpus"


def wordlist(text: str) -> tuple[str, ...]:
    """Split a space-separated word list into a tuple."""
    return tuple(text.split())


CATEGORIES = ("Engineering", "Culture", "Careers", "Events", "Learning")
TEAMS = ("Platform", "Data", "Design", "People & Culture", "Sales", "Support")
TAGS = wordlist(
    "onboarding mentoring python kubernetes accessibility diversity graduates remote aarhus "
    "copenhagen hackathon leadership security ux interview wellbeing open-source cloud "
    "testing career-change"
)
ROLES = (
    "Software Engineer",
    "Senior Designer",
    "Data Scientist",
    "Team Lead",
    "Recruiter",
    "Support Specialist",
    "Product Manager",
    "SRE",
)
LOCATIONS = ("København", "Aarhus", "Odense", "Aalborg", "Remote", "Malmö")
FIRST = wordlist(
    "Søren Åse Mette Jørgen Lise Anders Frederikke Bjørn Ida Mads Sofie Rasmus Astrid Kasper "
    "Maja Emil"
)
LAST = wordlist("Holm Kjær Mølgaard Nørgaard Sørensen Lund Bæk Østergaard Dahl Frandsen Skov Bech")
DA_WORDS = wordlist(
    "vi arbejder med kolleger hver dag og lærer noget nyt om kunden produktet "
    "teamet kontoret udvikling design kvalitet ansvar fællesskab frokost møde "
    "sprint opgave løsning idé ærlig glæde børn familie fleksibel hjemme "
    "arbejdsplads mentor første uge måned år kaffe kage fredagsbar tillid "
    "nysgerrig åben tryg skøn rød grøn blå sø ø å bæredygtig fremtid rejse "
    "erfaring kompetence uddannelse praktik elev leder medarbejder kunde "
    "samarbejde værdi mål stolt hurtig rolig sjov svær let god bedre bedst "
    "også men fordi når hvor hvordan derfor sammen altid aldrig måske gerne"
)
EN_WORDS = wordlist(
    "we work with colleagues every day and learn something new about the "
    "customer product team office engineering design quality ownership "
    "community lunch meeting sprint task solution idea honest joy family "
    "flexible home workplace mentor first week month year coffee cake trust "
    "curious open safe lake island river sustainable future journey "
    "experience skill education internship apprentice manager employee "
    "client collaboration value goal proud fast calm fun hard easy good "
    "better best also but because when where how therefore together always "
    "never maybe gladly growth feedback review deploy pipeline"
)
WORDS = {"da": DA_WORDS, "en": EN_WORDS}


@dataclass(frozen=True)
class Author:
    """One synthetic employee profile."""

    slug: str
    name: str
    role: str
    team: str
    location: str
    consent: date
    evidence: str


@dataclass(frozen=True)
class Post:
    """One synthetic blog post: front-matter fields plus Markdown body."""

    index: int
    slug: str
    title: str
    day: date
    language: str
    author: str
    other_author: str
    description: str
    category: str
    tags: tuple[str, ...]
    image_alt: str
    person: str
    person_consent: date
    body: str
    excerpt_end: int


def q(text: str) -> str:
    """Quote a string as a YAML double-quoted scalar (JSON is a subset)."""
    return json.dumps(text, ensure_ascii=False)


def slugify(text: str) -> str:
    """Return an ASCII slug, transliterating Danish letters."""
    text = text.lower()
    for src, dst in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("ö", "oe")):
        text = text.replace(src, dst)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def words(rng: random.Random, lang: str, count: int) -> list[str]:
    """Draw ``count`` words, mostly from ``lang`` with some code-switching."""
    other = "en" if lang == "da" else "da"
    return [rng.choice(WORDS[lang] if rng.random() < 0.9 else WORDS[other]) for _ in range(count)]


def sentence(rng: random.Random, lang: str, count: int) -> str:
    """Build one capitalised sentence of exactly ``count`` words."""
    text = " ".join(words(rng, lang, count))
    return text[0].upper() + text[1:] + "."


def make_authors(rng: random.Random, posts: int) -> list[Author]:
    """Create ``max(2, posts // 20)`` authors spread over the teams."""
    authors: list[Author] = []
    used: set[str] = set()
    for i in range(max(2, posts // 20)):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        first, last = name.split(" ", 1)
        for initial in "ABCDEFGHIJKLMNOPRSTUV":  # two colleagues never share a name
            if name not in used:
                break
            name = f"{first} {initial}. {last}"
        used.add(name)
        consent = date(2023, 1, 2) + timedelta(days=rng.randrange(300))
        authors.append(
            Author(
                slug=f"{slugify(name)}-{i + 1}",
                name=name,
                role=rng.choice(ROLES),
                team=TEAMS[i % len(TEAMS)],
                location=rng.choice(LOCATIONS),
                consent=consent,
                evidence=f"HR-{consent.year}-{i + 1}",
            )
        )
    return authors


def make_body(rng: random.Random, lang: str, index: int) -> tuple[str, int]:
    """Return a Markdown body of 600-900 prose words and its intro length.

    The body has an intro paragraph, 2-4 ``##`` sections, one bulleted list
    and 2-3 inline links.  The second value is the character offset where the
    intro paragraph ends (used for Material's excerpt separator).
    """
    target = rng.randint(600, 900)
    headings = [
        " ".join(words(rng, lang, rng.randint(2, 4))).capitalize() for _ in range(rng.randint(2, 4))
    ]
    items = [sentence(rng, lang, rng.randint(3, 8)) for _ in range(rng.randint(3, 5))]
    remaining = target - sum(len(h.split()) for h in headings)
    remaining -= sum(len(i.split()) for i in items)
    sentences: list[str] = []
    while remaining > 0:
        n = min(remaining, rng.randint(6, 14))
        sentences.append(sentence(rng, lang, n))
        remaining -= n
    linkable = [k for k, s in enumerate(sentences) if s.count(" ") >= 2]
    for k in rng.sample(linkable, rng.randint(2, 3)):
        toks = sentences[k].split(" ")
        url = f"https://example.com/{lang}/{index}/{k}"
        toks[0] = f"[{toks[0]}"
        toks[1] = f"{toks[1]}]({url})"
        sentences[k] = " ".join(toks)
    paragraphs: list[str] = []
    while sentences:
        take = rng.randint(3, 6)
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    intro, rest = paragraphs[0], paragraphs[1:]
    list_at = rng.randrange(len(headings))
    per = max(1, len(rest) // len(headings))
    blocks = [intro]
    for h, heading in enumerate(headings):
        blocks.append(f"## {heading}")
        chunk = rest[:per] if h < len(headings) - 1 else rest
        rest = rest[len(chunk) :]
        blocks.extend(chunk)
        if h == list_at:
            blocks.append("\n".join(f"- {item}" for item in items))
    return "\n\n".join(blocks) + "\n", len(intro)


def make_posts(rng: random.Random, count: int, authors: list[Author]) -> list[Post]:
    """Create ``count`` posts, alternating Danish and English."""
    posts: list[Post] = []
    seen: set[str] = set()
    for i in range(count):
        lang = "da" if i % 2 == 0 else "en"
        title = sentence(rng, lang, rng.randint(4, 7)).rstrip(".")
        slug = slugify(title)[:60].strip("-")
        if slug in seen:
            slug = f"{slug}-{i + 1}"
        seen.add(slug)
        day = END_DATE - timedelta(days=1 + rng.randrange(WINDOW_DAYS))
        author, other = rng.sample(authors, 2)
        desc = sentence(rng, lang, 24)
        desc = desc[:157].rsplit(" ", 1)[0].rstrip(".,") + "."
        body, excerpt_end = make_body(rng, lang, i + 1)
        posts.append(
            Post(
                index=i + 1,
                slug=slug,
                title=title,
                day=day,
                language=lang,
                author=author.slug,
                other_author=other.slug,
                description=desc,
                category=rng.choice(CATEGORIES),
                tags=tuple(rng.sample(TAGS, rng.randint(2, 4))),
                image_alt=sentence(rng, lang, rng.randint(5, 9)),
                person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                person_consent=day - timedelta(days=rng.randint(7, 90)),
                body=body,
                excerpt_end=excerpt_end,
            )
        )
    return posts


def flow(items: tuple[str, ...] | list[str]) -> str:
    """Render a YAML flow sequence of quoted strings."""
    return "[" + ", ".join(q(i) for i in items) + "]"


def advocacy_post(post: Post) -> str:
    """Render a post with the advocacy front-matter contract."""
    people = (
        f"[{{author: {q(post.other_author)}}}, {{name: {q(post.person)}, "
        f"consent: {post.person_consent.isoformat()}, "
        f"evidence: {q(f'HR-{post.person_consent.year}-{post.index}')}}}]"
    )
    return (
        f"---\ntitle: {q(post.title)}\ndate: {post.day.isoformat()}\n"
        f"authors: {flow([post.author])}\ndescription: {q(post.description)}\n"
        f"language: {post.language}\ncategories: {flow([post.category])}\n"
        f"tags: {flow(post.tags)}\nimage: media/bench/{post.index}.jpg\n"
        f"image_alt: {q(post.image_alt)}\npeople: {people}\n---\n\n{post.body}"
    )


def material_post(post: Post) -> str:
    """Render a post with Material blog front matter and an inline cover."""
    intro, rest = post.body[: post.excerpt_end], post.body[post.excerpt_end :]
    cover = f"![{post.image_alt}](../../../media/bench/{post.index}.jpg)"
    return (
        f"---\ntitle: {q(post.title)}\ndate: {post.day.isoformat()}\n"
        f"slug: {post.slug}\nauthors: {flow([post.author])}\n"
        f"categories: {flow([post.category])}\ntags: {flow(post.tags)}\n"
        f"description: {q(post.description)}\n---\n\n"
        f"{cover}\n\n{intro}\n\n<!-- more -->{rest}"
    )


def author_yaml(author: Author, rng: random.Random) -> str:
    """Render one author profile for ``authors/<slug>.yml``."""
    c = author.consent.isoformat()
    return (
        f"name: {q(author.name)}\nrole: {q(author.role)}\nteam: {q(author.team)}\n"
        f"location: {q(author.location)}\nbio:\n"
        f"  da: {q(sentence(rng, 'da', 18))}\n  en: {q(sentence(rng, 'en', 18))}\n"
        f"consent:\n  profile: {c}\n  photo: {c}\n  evidence: {q(author.evidence)}\n"
        f"linkedin: {q('https://www.linkedin.com/in/' + author.slug)}\n"
    )


def material_config(plugins: str = "blog", site_name: str = "Advocacy bench") -> str:
    """Return a Material ``mkdocs.yml``.

    ``plugins`` is one of ``plain`` (search only, auto nav), ``plain-nonav``
    (search only, posts kept out of the nav), ``blog``, ``blog-rss`` or
    ``blog-rss-social`` (plus Material's social plugin: a card for every page, default
    layout and cache folder ``.cache/plugin/social``).
    """
    lines = [
        f"site_name: {q(site_name)}",
        "site_url: https://example.com/",
        "docs_dir: docs",
        "theme:",
        "  name: material",
        "  font: false",
        "markdown_extensions:",
        "  - toc:",
        "      permalink: true",
        "  - admonition",
        "  - attr_list",
        "  - md_in_html",
        "  - tables",
        "  - pymdownx.superfences",
        "  - pymdownx.highlight",
        "  - pymdownx.details",
        "plugins:",
        "  - search",
    ]
    if plugins.startswith("blog"):
        lines.append("  - blog")
    if plugins.startswith("blog-rss"):
        lines += [
            "  - rss:",
            '      match_path: "blog/posts/.*"',
            "      use_git: false",
            "      date_from_meta:",
            "        as_creation: date",
            "        as_update: date",
        ]
    if plugins == "blog-rss-social":
        lines.append("  - social")
    if plugins == "plain-nonav":
        lines += ["nav:", "  - index.md", "  - blog/index.md", "not_in_nav: |", "  blog/posts/**"]
    return "\n".join(lines) + "\n"


def advocacy_config(site_name: str = "Advocacy bench") -> str:
    """Return the ``mkdocs.yml`` of our own product for the same corpus and extensions."""
    common = material_config("plain", site_name).replace("docs_dir: docs", "docs_dir: site_src")
    categories = ", ".join(CATEGORIES)
    return common + (f"  - advocacy:\n      language: da\n      categories: [{categories}]\n")


def prepare_out(out: Path) -> None:
    """Make ``out`` an empty corpus dir; only wipe dirs this tool created."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            sys.exit(f"refusing to overwrite non-corpus directory: {out}")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("generated by bench/corpus.py\n", encoding="utf-8")


def write(path: Path, text: str) -> None:
    """Write UTF-8 text with LF newlines, creating parent directories."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def photo_targets(media: Path, posts: list[Post]) -> dict[Path, int]:
    """Each post's cover path and the seed of its own photo (``SEED`` + its index)."""
    return {media / f"{post.index}.jpg": SEED + post.index for post in posts}


def generate(posts: int, out: Path, layout: str, rss: bool = False) -> None:
    """Generate the whole corpus for ``layout`` into ``out``."""
    rng = random.Random(SEED)
    authors = make_authors(rng, posts)
    items = make_posts(rng, posts, authors)
    prepare_out(out)
    if layout == "advocacy":
        write(out / "mkdocs.yml", advocacy_config())
        write(out / "site_src/index.md", "# Karriere / Careers\n\nVelkommen. Welcome.\n")
        for a in authors:
            write(out / "authors" / f"{a.slug}.yml", author_yaml(a, rng))
        for p in items:
            name = f"{p.day.isoformat()}-{p.slug}.md"
            write(out / "site_src/blog/posts" / str(p.day.year) / name, advocacy_post(p))
        photos.write_photos(photo_targets(out / "media/bench", items))
        return
    write(out / "mkdocs.yml", material_config("blog-rss" if rss else "blog"))
    write(out / "docs/index.md", "# Karriere / Careers\n\nVelkommen. Welcome.\n")
    write(out / "docs/blog/index.md", "# Blog\n")
    lines = ["authors:"]
    for a in authors:
        lines += [
            f"  {a.slug}:",
            f"    name: {q(a.name)}",
            f"    description: {q(a.role + ', ' + a.team)}",
            f"    avatar: media/avatars/{a.slug}.jpg",
        ]
    write(out / "docs/blog/.authors.yml", "\n".join(lines) + "\n")
    avatars = out / "docs/media/avatars"
    avatars.mkdir(parents=True, exist_ok=True)
    for n, a in enumerate(authors):
        (avatars / f"{a.slug}.jpg").write_bytes(photos.draw(SEED - 1 - n, AVATAR_SIZE))
    for p in items:
        name = f"{p.day.isoformat()}-{p.slug}.md"
        write(out / "docs/blog/posts" / str(p.day.year) / name, material_post(p))
    photos.write_photos(photo_targets(out / "docs/media/bench", items))


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and generate the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, required=True, help="number of posts")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--layout", choices=("advocacy", "material"), default="advocacy")
    parser.add_argument("--rss", action="store_true", help="material: add mkdocs-rss-plugin")
    args = parser.parse_args(argv)
    if args.posts < 1:
        parser.error("--posts must be >= 1")
    generate(args.posts, args.out, args.layout, args.rss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
