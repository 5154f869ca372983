#!/usr/bin/env python3
"""Screenshots of the demo site's main pages, on a desktop and a phone, for design review.

Builds the demo (as of ``ADVOCACY_TODAY``, default the tests' day) into a temporary folder,
serves it on 127.0.0.1, and writes one full-page PNG per page and width into ``screenshots/``
(git-ignored). Chromium comes from Debian (/usr/bin/chromium), as in the browser tests;
every request to another host is refused, so what you see is what a reader gets offline.

    make screenshots                      # or: .venv/bin/python tools/screenshots.py
    .venv/bin/python tools/screenshots.py --site site/ --out /tmp/shots   # an existing build
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
TODAY = "2026-11-28"

# The pages a reviewer looks at (and the browser tests check), by name: site-relative paths.
PAGES: dict[str, str] = {
    "home": "/",
    "home-en": "/en/",
    "listing": "/blog/",
    "listing-en": "/en/blog/",
    "post-da": "/blog/2026/11/19/frokost-til-200-en-dag-i-vores-koekken/",
    "post-en": "/blog/2026/07/02/small-pull-requests-short-reviews/",
    "author": "/blog/author/mette-hansen/",
    "author-en": "/en/blog/author/mette-hansen/",
    "people": "/blog/authors/",
    "team": "/blog/team/udvikling/",
    "team-en": "/en/blog/team/udvikling/",
    "topics": "/blog/tags/",
    "policy": "/some-policy/",
    "policy-en": "/en/some-policy/",
    "hiring": "/how-we-hire/",
    "jobs-en": "/en/jobs/",
    "feeds": "/feeds/",
    "404": "/blog/2026/01/01/withdrawn-story/",
}
# Desktop and phone, as in the browser tests.
VIEWPORTS: dict[str, dict[str, int]] = {
    "desktop": {"width": 1366, "height": 900},
    "phone": {"width": 390, "height": 844},
}


def build(out: Path, today: str = TODAY) -> None:
    """``mkdocs build --strict`` of the repository into ``out`` (cache beside it)."""
    env = {
        **os.environ,
        "ADVOCACY_TODAY": today,
        "NO_MKDOCS_2_WARNING": "1",
        "ADVOCACY_CACHE_DIR": str(out.parent / "cache"),
    }
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


class _Files(http.server.SimpleHTTPRequestHandler):
    """Files only, like GitHub Pages: an unknown address gets the site's 404.html."""

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        """No listings of folders."""
        self.send_error(404)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A 404 is the site's own 404.html."""
        page = Path(self.directory) / "404.html"
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
        """Quiet."""


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free port of 127.0.0.1; yields the base address."""
    handler = functools.partial(_Files, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def shoot(base: str, out: Path, pages: dict[str, str]) -> list[Path]:
    """One full-page screenshot per page and viewport; requests to other hosts refused."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for width, viewport in VIEWPORTS.items():
            context = browser.new_context(
                viewport=viewport, base_url=base, device_scale_factor=1, service_workers="block"
            )
            context.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if urlsplit(route.request.url).hostname == "127.0.0.1"
                    else route.abort()
                ),
            )
            page = context.new_page()
            for name, path in pages.items():
                page.goto(path, wait_until="load")
                # Lazy pictures load once scrolled to: down a screen at a time, then back up.
                page.evaluate("""async () => {
                  for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
                    scrollTo(0, y); await new Promise(r => setTimeout(r, 60)); } }""")
                page.wait_for_timeout(300)
                page.evaluate("window.scrollTo(0, 0)")
                page.wait_for_timeout(200)
                target = out / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
            context.close()
        browser.close()
    return written


def weigh(base: str, pages: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Each page's requests and bytes (uncompressed bodies) at desktop width, lazy
    pictures included (the page is scrolled to its end)."""
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for name, path in pages.items():
            context = browser.new_context(
                viewport=VIEWPORTS["desktop"], base_url=base, service_workers="block"
            )
            context.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if urlsplit(route.request.url).hostname == "127.0.0.1"
                    else route.abort()
                ),
            )
            sizes: list[int] = []
            context.on(
                "requestfinished",
                lambda request, sizes=sizes: sizes.append(request.sizes()["responseBodySize"]),
            )
            page = context.new_page()
            page.goto(path, wait_until="load")
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_timeout(800)
            out[name] = (len(sizes), sum(sizes))
            context.close()
        browser.close()
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Build (unless ``--site``), serve and photograph the demo's pages."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site folder")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--only", nargs="*", help="page names (default: all)")
    parser.add_argument(
        "--weights",
        action="store_true",
        help="print each page's requests and bytes instead of screenshots",
    )
    args = parser.parse_args(argv)
    if not CHROMIUM.is_file():
        print(f"{CHROMIUM} is missing (apt-get install -y chromium)", file=sys.stderr)
        return 2
    pages = {k: v for k, v in PAGES.items() if not args.only or k in args.only}
    with tempfile.TemporaryDirectory(prefix="advocacy-shots-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site, os.environ.get("ADVOCACY_TODAY", TODAY))
        with serve(site) as base:
            if args.weights:
                for name, (count, size) in weigh(base, pages).items():
                    print(f"{name:12} {count:3} requests {size / 1024:8.1f} KB")
                return 0
            written = shoot(base, args.out, pages)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
