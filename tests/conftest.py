"""Tiny fixture sites written into a temporary folder, built with ``mkdocs build --strict``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-28"

MKDOCS_YML = """\
site_name: Test Careers
site_url: https://careers.example.com/
docs_dir: site_src
theme:
  name: material
  language: en
  font: false
nav:
  - Home: index.md
  - Stories: blog/index.md
  - People: blog/authors/index.md
plugins:
  - search
  - advocacy:
      language: en
      categories: [Projects, Everyday]
      per_page: 2
markdown_extensions:
  - attr_list
  - md_in_html
"""


@dataclass
class Result:
    """The outcome of one build."""

    returncode: int
    log: str
    site: Path

    def html(self, url: str) -> BeautifulSoup:
        """The parsed page at ``url`` (relative to the site root)."""
        path = (
            self.site / url.strip("/") / "index.html"
            if not url.endswith(".html")
            else (self.site / url)
        )
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def all_text(self) -> str:
        """Every text file of the built site, joined: to grep for what must not be there."""
        parts = []
        for path in sorted(self.site.rglob("*")):
            if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt", ".js"}:
                parts.append(path.read_text(encoding="utf-8", errors="replace"))
        return "\n".join(parts)

    def search_index(self) -> dict[str, Any]:
        """The search index MkDocs wrote."""
        return json.loads((self.site / "search" / "search_index.json").read_text("utf-8"))


class FixtureSite:
    """A repository in a temporary folder: authors, posts, media, mkdocs.yml."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "site_src" / "blog" / "posts").mkdir(parents=True)
        (root / "authors").mkdir()
        (root / "media").mkdir()
        (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
        self.write("site_src/index.md", "# Welcome\n\nStories from our people.\n")

    def cache_env(self) -> dict[str, str]:
        """The build cache beside the repository, with a secret of the test's own: nothing
        is written into the user's cache or configuration folders."""
        return {
            "ADVOCACY_CACHE_DIR": str(self.root.parent / (self.root.name + "-cache")),
            "ADVOCACY_CACHE_SECRET": "a-secret-for-tests-only",
        }

    def write(self, rel: str, text: str) -> Path:
        """Write a file below the repository."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def image(self, rel: str, size: tuple[int, int] = (800, 450), color: str = "teal") -> Path:
        """A small JPEG or PNG below the repository."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", size, color).save(path)
        return path

    def author(
        self, slug: str, name: str, team: str = "IT", photo: bool = False, **extra: Any
    ) -> Path:
        """An author file with profile consent (and photo consent when ``photo``)."""
        data: dict[str, Any] = {
            "name": name,
            "role": "Developer",
            "team": team,
            "location": "Aarhus",
            "bio": {"en": f"{name} writes code.", "da": f"{name} koder."},
            "consent": {"profile": "2026-01-10", "evidence": "HR-1"},
        }
        if photo:
            self.image(f"media/authors/{slug}.jpg")
            data["photo"] = f"media/authors/{slug}.jpg"
            data["consent"]["photo"] = "2026-01-10"
        data.update(extra)
        return self.write(f"authors/{slug}.yml", yaml.safe_dump(data, allow_unicode=True))

    def post(self, name: str, front: str, body: str = "Some words about our work.\n") -> Path:
        """A post from raw front matter text (kept raw so tests control every line)."""
        text = "---\n" + textwrap.dedent(front).strip() + "\n---\n\n" + textwrap.dedent(body)
        return self.write(f"site_src/blog/posts/{name}", text)

    def simple_post(
        self,
        name: str,
        title: str,
        date: str,
        authors: str = "[mette-hansen]",
        extra: str = "",
        body: str = "Some words about our work.\n",
    ) -> Path:
        """A valid post with a few fields changed."""
        front = (
            f'title: "{title}"\ndate: {date}\nauthors: {authors}\n'
            'description: "A story about what we do at work, told by the people doing it."\n'
            + textwrap.dedent(extra)
        )
        return self.post(name, front, body)

    def build(self, today: str = TODAY, *extra: str) -> Result:
        """``mkdocs build --strict`` into a folder beside the repository."""
        out = self.root.parent / (self.root.name + "-site")
        env = {
            **os.environ,
            **self.cache_env(),
            "ADVOCACY_TODAY": today,
            "NO_MKDOCS_2_WARNING": "1",
        }
        proc = subprocess.run(
            # MkDocs warns about every --dirty build, so such a build cannot be --strict.
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                *([] if "--dirty" in extra else ["--strict"]),
                "-d",
                str(out),
                *extra,
            ],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        return Result(proc.returncode, proc.stdout + proc.stderr, out)

    def run(self, *args: str, today: str = TODAY) -> subprocess.CompletedProcess[str]:
        """``advocacy ARGS`` run in the repository."""
        env = {**os.environ, **self.cache_env(), "ADVOCACY_TODAY": today}
        return subprocess.run(
            [sys.executable, "-m", "advocacy", *args],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    def check(self, *args: str, today: str = TODAY) -> subprocess.CompletedProcess[str]:
        """``advocacy check ARGS`` run in the repository."""
        return self.run("check", *args, today=today)


def site_settings(root: Path, today: str = TODAY) -> Any:
    """The core's site settings for a fixture repository, read from its mkdocs.yml by MkDocs'
    own loader, as ``advocacy check`` and the build read them."""
    import dataclasses
    import datetime as dt

    from advocacy.mkdocs_plugin.site import load_site

    return dataclasses.replace(load_site(root), today=dt.date.fromisoformat(today))


def assert_no_warnings(result: Result) -> None:
    """Fail on any WARNING or ERROR line MkDocs logged."""
    bad = [
        line
        for line in result.log.splitlines()
        if line.startswith(("WARNING", "ERROR")) or "Aborted" in line
    ]
    assert not bad, "\n".join(bad)


@pytest.fixture
def site(tmp_path: Path) -> FixtureSite:
    """An empty fixture repository with one author, Mette Hansen (with photo consent)."""
    repo = FixtureSite(tmp_path / "repo")
    repo.author("mette-hansen", "Mette Hansen", photo=True)
    return repo
