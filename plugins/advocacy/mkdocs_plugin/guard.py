"""What wraps every event of the plugin: no traceback for a writer, the garbage collector
kept out of the way, and which templates escape what they print."""

from __future__ import annotations

import functools
import gc
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from advocacy.core.i18n.catalog import text


def settle() -> None:
    """Collect garbage, then set what is left aside from later collections.

    A build keeps what it has read and made (posts, pages) until its end; Python's collector
    would otherwise go over all of it again and again, which grows faster than the site.
    """
    gc.collect()
    gc.freeze()


def no_traceback(event: Callable[..., Any]) -> Callable[..., Any]:
    """An unexpected fault in an event is a ``PluginError`` naming where it happened, never a
    traceback for someone who only wanted to publish a story. (Faults in one post's check
    are findings on that post already; this is the last net.)"""

    @functools.wraps(event)
    def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return event(self, *args, **kwargs)
        except PluginError:
            raise
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            page = kwargs.get("page")
            lang = self.config.language
            where = (
                text(lang, "build.failed_where", page=page.file.src_uri)
                if (page is not None)
                else ""
            )
            raise PluginError(
                "advocacy: "
                + text(
                    lang,
                    "build.failed",
                    event=event.__name__,
                    where=where,
                    error=f"{type(exc).__name__}: {exc}",
                    place=f"{Path(frame.filename).name}:{frame.lineno}",
                )
            ) from None

    return guarded


def our_template(name: str | None) -> bool:
    """Our templates escape what they print (Material's do not: they print HTML)."""
    return bool(name) and (name.startswith("advocacy/") or name == "main.html")  # type: ignore[union-attr]
