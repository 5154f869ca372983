"""Convert the 18F blog corpus (Jekyll) into a repository in the advocacy layout.

Test data for ``advocacy check`` and ``mkdocs build``: real posts nobody on the team wrote.
The corpus has ``_posts/*.md`` (Jekyll front matter) and ``_authors/*.md`` (YAML front
matter). The result has ``mkdocs.yml``, ``site_src/index.md``,
``site_src/blog/posts/YYYY/<original file name>.md`` and ``authors/<slug>.yml``.

Usage::

    python tools/import_18f.py --corpus /work/shared/corpus/18f --out DIR [--limit N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import re
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
PROTECTED = (REPO, REPO.parent / "shared")
TEAMS = ["Engineering", "Design", "Product", "Acquisition", "Outreach"]
FALLBACK_AUTHOR = "18f"
CONSENT_DATE = dt.date(2014, 1, 1)
DESC_MIN, DESC_MAX = 50, 160
PAD_SENTENCE = "A post from the 18F blog, imported as test data."

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE)
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TAG = re.compile(r"<[^>]*>")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKUP = re.compile(r"[*_`#>]+")

MKDOCS_YML = """\
site_name: 18F blog (imported corpus)
site_description: Public-domain posts from the 18F blog, converted to the advocacy layout.
site_url: https://corpus.example.com/
docs_dir: site_src
use_directory_urls: true
strict: true
theme:
  name: material
  language: en
  font: false
  palette:
    primary: indigo
    accent: indigo
  features:
    - navigation.tabs
    - navigation.top
    - search.suggest
nav:
  - Home: index.md
plugins:
  - search:
      lang: [en]
  - advocacy:
      language: en
      per_page: 6
markdown_extensions:
  - toc:
      permalink: true
  - admonition
  - attr_list
  - md_in_html
  - tables
  - pymdownx.details
  - pymdownx.superfences
validation:
  omitted_files: info
  absolute_links: warn
  unrecognized_links: warn
"""

INDEX_MD = """\
---
title: 18F blog (imported corpus)
---

# 18F blog (imported corpus)

Public-domain posts from the 18F blog, converted by `tools/import_18f.py` to test the kit.
"""


def slugify(text: str) -> str:
    """A lower-case ASCII author slug: ``18F`` -> ``18f``, ``a_b`` -> ``a-b``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The front matter as a mapping and the body exactly as written after it.

    A front matter that YAML rejects only because of trailing tabs (the corpus has one) is
    read again with trailing whitespace removed from each line.
    """
    match = _FRONT.match(text)
    if not match:
        return {}, text
    raw = match.group(1)
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError:
        data = yaml.safe_load("\n".join(line.rstrip() for line in raw.splitlines()))
    return (data if isinstance(data, dict) else {}), text[match.end():]


def parse_date(value: Any, file_name: str) -> dt.date:
    """The date part of a Jekyll date (date, datetime or text), else from the file name."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    for source in (str(value) if value is not None else "", file_name):
        match = _DATE.match(source.strip())
        if match:
            year, month, day = (int(g) for g in match.groups())
            return dt.date(year, month, day)
    raise ValueError(f"{file_name}: no date in the front matter or the file name")


def plain_text(text: str) -> str:
    """Markdown or HTML reduced to one line of plain text."""
    text = _MD_LINK.sub(r"\1", _TAG.sub(" ", text))
    text = _MD_MARKUP.sub("", html.unescape(text))
    return " ".join(text.split())


def first_paragraph(body: str) -> str:
    """The first paragraph of the body that has some text after markup is removed."""
    for block in re.split(r"\n\s*\n", body):
        text = plain_text(block)
        if len(text) >= 20:
            return text
    return ""


def trim(text: str, limit: int = DESC_MAX) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, ending in '…'."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"


def make_description(front: dict[str, Any], title: str, body: str) -> str:
    """A 50-160 character description from ``description``, ``excerpt`` or the body."""
    text = ""
    for key in ("description", "excerpt"):
        if isinstance(front.get(key), str) and plain_text(front[key]):
            text = plain_text(front[key])
            break
    if not text:
        text = first_paragraph(body)
    for padding in (title, first_paragraph(body), PAD_SENTENCE):
        if len(text) >= DESC_MIN:
            break
        if padding and padding not in text:
            text = f"{text.rstrip()} {padding}".strip() if text else padding
    if len(text) < DESC_MIN:
        text = f"{text} {PAD_SENTENCE}".strip()
    return trim(text)


def unique_lower(items: Any) -> list[str]:
    """Tags as lower-case strings, without duplicates, in their order."""
    if items is None:
        return []
    out: list[str] = []
    for item in items if isinstance(items, list) else [items]:
        tag = str(item).strip().lower()
        if tag and tag not in out:
            out.append(tag)
    return out


def team_for(slug: str) -> str:
    """A team chosen by a stable hash of the slug (the same on every run and machine)."""
    digest = hashlib.sha256(slug.encode("utf-8")).digest()
    return TEAMS[int.from_bytes(digest[:4], "big") % len(TEAMS)]


def convert_author(slug: str, front: dict[str, Any]) -> dict[str, Any]:
    """An author record in our schema: name, role, team, consent and nothing else."""
    full = str(front.get("full_name") or "").strip()
    parts = [str(front.get(k) or "").strip() for k in ("first_name", "last_name")]
    name = full or " ".join(p for p in parts if p) or slug
    return {"name": name, "role": "Staff", "team": team_for(slug),
            "consent": {"profile": CONSENT_DATE, "evidence": "corpus"}}


def convert_post(path: Path, out: Path, known: set[str]) -> tuple[dict[str, Any], str]:
    """One post's new front matter and its unchanged body."""
    front, body = split_front_matter(path.read_text(encoding="utf-8"))
    title = str(front.get("title") or path.stem).strip()
    authors: list[str] = []
    for ref in unique_lower(front.get("authors")):
        slug = slugify(ref)
        if slug in known and slug not in authors:
            authors.append(slug)
    new: dict[str, Any] = {
        "title": title,
        "date": parse_date(front.get("date"), path.name),
        "authors": authors or [FALLBACK_AUTHOR],
        "description": make_description(front, title, body),
        "language": "en",
    }
    tags = unique_lower(front.get("tags"))
    if tags:
        new["tags"] = tags
    image = front.get("image")
    if isinstance(image, str) and image.strip() and (out / image.strip().lstrip("/")).is_file():
        new["image"] = image.strip().lstrip("/")
        if front.get("image_alt"):
            new["image_alt"] = str(front["image_alt"])
    if front.get("published") is False:
        new["draft"] = True  # Jekyll's "not published" is our draft
    return new, body


def dump_front_matter(data: dict[str, Any], body: str) -> str:
    """A Markdown file: YAML front matter between ``---`` lines, then the body."""
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body


def check_out_dir(out: Path) -> Path:
    """``out`` resolved; refuse a non-empty folder or one inside a protected tree."""
    resolved = out.resolve()
    for protected in PROTECTED:
        if resolved == protected or protected in resolved.parents:
            raise SystemExit(f"refusing to write inside {protected}: {resolved}")
    if resolved.exists() and (not resolved.is_dir() or any(resolved.iterdir())):
        raise SystemExit(f"--out must not exist or be empty: {resolved}")
    return resolved


def convert(corpus: Path, out: Path, limit: int | None = None) -> dict[str, int]:
    """Convert ``corpus`` into ``out``; returns how many posts and authors were written."""
    out = check_out_dir(out)
    posts_dir = out / "site_src" / "blog" / "posts"
    authors_dir = out / "authors"
    posts_dir.mkdir(parents=True, exist_ok=True)
    authors_dir.mkdir(exist_ok=True)
    (out / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (out / "site_src" / "index.md").write_text(INDEX_MD, encoding="utf-8")
    authors: dict[str, dict[str, Any]] = {}
    for path in sorted((corpus / "_authors").glob("*.md")):
        slug = slugify(path.stem)
        if slug and slug not in authors:
            front, _ = split_front_matter(path.read_text(encoding="utf-8"))
            authors[slug] = convert_author(slug, front)
    post_files = sorted((corpus / "_posts").glob("*.md"))
    if limit is not None:
        post_files = post_files[:limit]
    converted = []
    for path in post_files:
        front, body = convert_post(path, out, set(authors))
        converted.append((path.name, front, body))
    if FALLBACK_AUTHOR not in authors and any(
            FALLBACK_AUTHOR in f["authors"] for _, f, _ in converted):
        authors[FALLBACK_AUTHOR] = convert_author(FALLBACK_AUTHOR, {"full_name": "18F"})
    for slug, data in authors.items():
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (authors_dir / f"{slug}.yml").write_text(text, encoding="utf-8")
    for name, front, body in converted:
        target = posts_dir / f"{front['date'].year:04d}" / name
        target.parent.mkdir(exist_ok=True)
        target.write_text(dump_front_matter(front, body), encoding="utf-8")
    return {"posts": len(converted), "authors": len(authors)}


def main(argv: list[str] | None = None) -> int:
    """The command line: ``--corpus DIR --out DIR [--limit N]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="the 18F corpus folder")
    parser.add_argument("--out", type=Path, required=True, help="an empty or new folder")
    parser.add_argument("--limit", type=int, default=None, help="convert the first N posts")
    args = parser.parse_args(argv)
    if not (args.corpus / "_posts").is_dir() or not (args.corpus / "_authors").is_dir():
        parser.error(f"{args.corpus} has no _posts/ and _authors/ folders")
    if args.limit is not None and args.limit < 0:
        parser.error("--limit must be 0 or more")
    counts = convert(args.corpus, args.out, args.limit)
    print(f"wrote {counts['posts']} posts and {counts['authors']} authors to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
