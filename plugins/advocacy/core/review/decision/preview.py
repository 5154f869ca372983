"""The pull request's preview, made to work from a downloaded folder.

HR downloads the preview artifact, unzips it and opens ``index.html``: the pages are then
``file://`` addresses, where a link to a folder (``blog/``) shows the folder's listing and
the search cannot start. The site is built as it is published (every page is
``<address>/index.html``, so the build, the checks and the cache are the published
site's), and this turns the built folder into one that works from the disk:

- every relative link to a folder is written to that folder's ``index.html`` (only when
  the file is there; the search index's addresses the same way);
- the search index is written as a script too (``search/search_index.js``, the form
  Material reads from a ``file://`` page);
- browsers do not start a Web Worker from a ``file://`` address, so a small script of ours
  runs Material's search worker in a hidden frame instead (Material's search worker knows
  this arrangement by the name ``IFrameWorker``). Nothing is fetched from anywhere else.

It is for previews only: the published site keeps its addresses.

The built pages and pictures may be hard links into the build cache (a warm build links
what it made before instead of copying it). So no file of the site is ever opened for
writing: each changed or new file is written as a new file beside it and renamed over it
(``replace_file``), which leaves the cache's copy as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import posixpath
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

SHIM = "assets/advocacy/preview/file-worker.js"
_HREF = re.compile(r'(<(?:a|link|area)\b[^>]*?\shref=")([^"]*)(")', re.IGNORECASE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_SPLIT = re.compile(r"[?#]")

WORKER_SHIM = """\
/* The preview opened from a folder: browsers start no Web Worker from a file:// address,
   so Material's search worker runs in a hidden frame of this page (by the name its worker
   looks for, IFrameWorker). Only on file:// pages; a served site uses a real worker. */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof window.EventTarget !== "function") return;

  function load(frame, url) {
    return new Promise(function (resolve, reject) {
      var script = frame.document.createElement("script");
      script.src = new URL(url, frame.__base).href;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("cannot load " + url)); };
      frame.document.body.appendChild(script);
    });
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      var self = this;
      this.onmessage = null;
      this.onerror = null;
      this.queue = [];
      this.element = document.createElement("iframe");
      this.element.hidden = true;
      this.element.tabIndex = -1;
      this.element.setAttribute("aria-hidden", "true");
      this.element.title = "search";
      document.body.appendChild(this.element);
      var frame = this.scope = this.element.contentWindow;
      frame.document.open();
      frame.document.write("<!DOCTYPE html><html><head></head><body></body></html>");
      frame.document.close();
      frame.__base = location.href;
      frame.postMessage = function (data) {
        setTimeout(function () { self.emit("message", data); });
      };
      frame.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (done, next) {
          return done.then(function () { return load(frame, next); });
        }, Promise.resolve());
      };
      load(frame, url).then(function () {
        var waiting = self.queue;
        self.queue = null;
        waiting.forEach(function (data) { self.deliver(data); });
      }, function (error) { self.emit("error", error); });
    }
    deliver(data) {
      this.scope.dispatchEvent(new this.scope.MessageEvent("message", { data: data }));
    }
    postMessage(data) {
      if (this.queue) this.queue.push(data); else this.deliver(data);
    }
    emit(type, data) {
      var event = type === "message" ? new MessageEvent("message", { data: data })
        : new ErrorEvent("error", { error: data, message: String(data) });
      var handler = this["on" + type];
      if (typeof handler === "function") handler.call(this, event);
      this.dispatchEvent(event);
    }
    terminate() {
      this.element.remove();
    }
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
"""


@dataclass
class Portable:
    """What was done: pages changed, links rewritten."""

    pages: int = 0
    links: int = 0
    search: bool = False


def folder_link(url: str, here: str, files: set[str]) -> str | None:
    """``url`` (on the page in folder ``here``, relative to the site) pointing at a folder's
    ``index.html`` instead, or None when it is not a relative link to a folder that has one."""
    if not url or url.startswith(("#", "/", "\\")) or _SCHEME.match(url):
        return None
    match = _SPLIT.search(url)
    path, rest = (url[: match.start()], url[match.start() :]) if match else (url, "")
    if not path:
        return None
    last = path.rsplit("/", 1)[-1]
    if not (path.endswith("/") or last in (".", "..")):
        return None
    target = posixpath.normpath(posixpath.join(here, path, "index.html"))
    if target.startswith("../") or target not in files:
        return None
    return path + ("" if path.endswith("/") else "/") + "index.html" + rest


def replace_file(path: Path, text: str) -> None:
    """Give ``path`` the content ``text`` without opening it: a new file in the same folder,
    renamed over it. A hard link to ``path`` (the build cache's copy) keeps its content."""
    try:
        mode = stat.S_IMODE(path.lstat().st_mode)
    except FileNotFoundError:
        mode = 0o644
    fd, temp = tempfile.mkstemp(prefix=".advocacy-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _search(site: Path, files: set[str]) -> bool:
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return False
    data = json.loads(index.read_text("utf-8"))
    for doc in data.get("docs", []):
        location = doc.get("location")
        if isinstance(location, str):
            page = folder_link(location or "./", "", files)
            if page is not None:
                doc["location"] = page[2:] if page.startswith("./") else page
    said = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    replace_file(index, said)
    replace_file(site / "search" / "search_index.js", f"var __index = {said}\n")
    return True


def make_portable(site: Path) -> Portable:
    """Make the built site in ``site`` work when opened from the disk (see the module)."""
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    done = Portable()
    shim = site / SHIM
    shim.parent.mkdir(parents=True, exist_ok=True)
    replace_file(shim, WORKER_SHIM)
    for name in sorted(f for f in files if f.endswith(".html")):
        path = site / name
        here = posixpath.dirname(name)
        source = path.read_text("utf-8")
        count = 0

        def rewrite(match: re.Match[str], here: str = here) -> str:
            nonlocal count
            better = folder_link(match[2], here, files)
            if better is None:
                return match[0]
            count += 1
            return match[1] + better + match[3]

        changed = _HREF.sub(rewrite, source)
        up = os.path.relpath(SHIM, here or ".").replace(os.sep, "/")
        tag = f'<script src="{up}"></script>'
        if "</head>" in changed and tag not in changed:
            changed = changed.replace("</head>", tag + "</head>", 1)
        if changed != source:
            replace_file(path, changed)
            done.pages += 1
            done.links += count
    done.search = _search(site, files)
    return done
