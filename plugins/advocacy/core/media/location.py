"""Where a video was recorded, from its metadata: phones write the position into the file.

Videos are published as they are (re-encoding them is no job for a build), so a position
in one would reach every reader. MP4 and QuickTime files are read box by box, never the
pictures and sound themselves (``mdat``): the position is in ``©xyz`` (iPhone, Android),
``loci`` (3GPP), QuickTime's ``com.apple.quicktime.location.ISO6709`` key, or GPS fields
of XMP (a ``uuid`` or ``XMP_`` box). WebM (Matroska) says it in a tag whose name holds
LOCATION or GPS.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

# Boxes that hold other boxes, where a position can be found; everything else is skipped.
_CONTAINERS = frozenset({b"moov", b"trak", b"mdia", b"minf", b"udta", b"meta", b"ilst", b"edts"})
_XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")
_XMP_GPS = re.compile(rb"GPS(?:Latitude|Longitude|Coordinates|Position)|ISO6709", re.IGNORECASE)
_MAX_META = 64 * 1024 * 1024  # a moov box larger than this is no phone video's
_EBML_TAG_NAME = re.compile(rb"\x45\xa3([\x81-\xff])")
_CHUNK, _OVERLAP = 8 * 1024 * 1024, 256


def video_location(path: Path) -> str | None:
    """What in the video's metadata gives away where it was recorded, or None.

    Unreadable or unknown files are None: whether they are videos at all is judged apart.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
            handle.seek(0)
            if head[4:8] == b"ftyp" or head[4:8] in (b"moov", b"wide", b"free", b"mdat"):
                return _mp4(handle)
            if head.startswith(b"\x1a\x45\xdf\xa3"):
                return _webm(handle)
    except (OSError, struct.error, ValueError):
        return None
    return None


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """The boxes between ``start`` and ``end``: (type, payload start, payload end)."""
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        header = 8
        if size == 1 and pos + 16 <= end:
            size, header = struct.unpack(">Q", data[pos + 8 : pos + 16])[0], 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            return
        yield kind, pos + header, pos + size
        pos += size


def _mp4(handle: BinaryIO) -> str | None:
    """Walk the top-level boxes by their headers; read only the metadata ones."""
    handle.seek(0, 2)
    total = handle.tell()
    pos = 0
    while pos + 8 <= total:
        handle.seek(pos)
        size, kind = struct.unpack(">I4s", handle.read(8))
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", handle.read(8))[0], 16
        elif size == 0:
            size = total - pos
        if size < header:
            return None
        if kind in (b"moov", b"udta", b"meta", b"uuid", b"XMP_") and size <= _MAX_META:
            handle.seek(pos)
            data = handle.read(size)
            found = _in_box(kind, data, header, len(data))
            if found:
                return found
        pos += size
    return None


def _in_box(kind: bytes, data: bytes, start: int, end: int, depth: int = 0) -> str | None:
    if kind == b"\xa9xyz":
        return "©xyz"
    if kind == b"loci":
        return "loci"
    if kind == b"keys" and b"location" in data[start:end].lower():
        return "com.apple.quicktime.location"
    if kind in (b"uuid", b"XMP_"):
        payload = data[start + 16 : end] if kind == b"uuid" else data[start:end]
        if (kind == b"XMP_" or data[start : start + 16] == _XMP_UUID) and _XMP_GPS.search(payload):
            return "XMP"
        return None
    if kind not in _CONTAINERS or depth > 12:
        return None
    if kind == b"meta" and data[start : start + 4] == b"\0\0\0\0":
        start += 4  # ISO's meta box has a version and flags first (QuickTime's has not)
    for child, child_start, child_end in _boxes(data, start, end):
        found = _in_box(child, data, child_start, child_end, depth + 1)
        if found:
            return found
    return None


def _webm(handle: BinaryIO) -> str | None:
    """A Matroska tag named like a position (``LOCATION``, ``GPS``, ``ISO6709``); tags may
    come after the pictures, so the whole file is looked through, a piece at a time."""
    tail = b""
    while True:
        piece = handle.read(_CHUNK)
        if not piece:
            return None
        data = tail + piece
        for match in _EBML_TAG_NAME.finditer(data):
            length = match.group(1)[0] & 0x7F
            name = data[match.end() : match.end() + length].upper()
            if b"LOCATION" in name or b"GPS" in name or b"ISO6709" in name:
                return "WebM tag " + name.decode("ascii", "replace")
        tail = data[-_OVERLAP:]
