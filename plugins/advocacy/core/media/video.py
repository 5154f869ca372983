"""Video: WebVTT captions checked and read for the transcript; YouTube and Vimeo players
that load only after the reader's click, from their privacy-enhanced addresses."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

_TIME = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d[.,]\d{3}"
_TIMING = re.compile(rf"^({_TIME})\s+-->\s+({_TIME})(?:\s+.*)?$")
_TAG = re.compile(r"<[^>]+>")
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{5,12}$")
VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}


class VttError(ValueError):
    """Captions that do not parse; ``line`` is 1-based."""

    def __init__(self, reason: str, line: int) -> None:
        super().__init__(reason)
        self.reason, self.line = reason, line


@dataclass(frozen=True)
class Cue:
    """One caption: when it shows and what it says (tags removed)."""

    start: float
    end: float
    text: str


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    return sum(float(p) * 60**i for i, p in enumerate(reversed(parts)))


def parse_vtt(text: str) -> list[Cue]:
    """The cues of a WebVTT file; raise :class:`VttError` naming the line of a problem."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        raise VttError("the first line must be WEBVTT", 1)
    cues: list[Cue] = []
    index = 1
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if line.startswith(("NOTE", "STYLE", "REGION")):
            while index < len(lines) and lines[index].strip():
                index += 1
            continue
        if "-->" not in line and index + 1 < len(lines) and "-->" in lines[index + 1]:
            index += 1  # a cue identifier
            line = lines[index]
        match = _TIMING.match(line.strip())
        if not match:
            raise VttError(
                f"expected a timing like 00:00:01.000 --> 00:00:04.000, "
                f"found '{line.strip()[:40]}'",
                index + 1,
            )
        start, end = _seconds(match.group(1)), _seconds(match.group(2))
        if end <= start:
            raise VttError("a caption ends before it starts", index + 1)
        index += 1
        text_lines = []
        while index < len(lines) and lines[index].strip():
            text_lines.append(html.unescape(_TAG.sub("", lines[index])).strip())
            index += 1
        cues.append(Cue(start, end, " ".join(text_lines)))
    if not cues:
        raise VttError("the file has no captions", 1)
    return cues


def _stamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def serialize_vtt(cues: list[Cue]) -> str:
    """Captions as the site publishes them: written again from the parsed cues, so nothing
    but timings and plain text reaches readers (no styles, regions, notes or markup)."""
    blocks = [
        f"{_stamp(c.start)} --> {_stamp(c.end)}\n{html.escape(c.text, quote=False)}"
        for c in cues
        if c.text
    ]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def transcript(path: Path) -> list[str]:
    """The captions as paragraphs of running text, for readers who prefer to read."""
    try:
        cues = parse_vtt(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, VttError):
        return []
    paragraphs, current = [], []
    for cue in cues:
        current.append(cue.text)
        if cue.text.rstrip().endswith((".", "!", "?")) and len(current) >= 4:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def embed_url(youtube: str | None, vimeo: str | None) -> str | None:
    """The privacy-enhanced player address, loaded only after the reader's click."""
    if youtube:
        return f"https://www.youtube-nocookie.com/embed/{quote(youtube)}?autoplay=1&rel=0"
    if vimeo:
        return f"https://player.vimeo.com/video/{quote(vimeo)}?dnt=1&autoplay=1"
    return None


def watch_url(youtube: str | None, vimeo: str | None) -> str | None:
    """The video's own page, for readers without JavaScript."""
    if youtube:
        return f"https://www.youtube.com/watch?v={quote(youtube)}"
    if vimeo:
        return f"https://vimeo.com/{quote(vimeo)}"
    return None
