"""Web addresses as browsers read them (the WHATWG URL standard), not as they are written.

A browser strips control characters and spaces around an address, removes tabs and line
breaks inside it, reads a backslash as a slash in web addresses (and in addresses relative to
this https site), and percent-decodes and IDNA-maps the host. Python's ``urlsplit`` does only
part of this, so every address a page holds is judged in the form :func:`read` returns: what
the browser will open. An address whose written form hides what the browser reads (control
characters, backslashes) is ``disguised``: nobody writes one by accident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

_C0_SPACE = "".join(chr(i) for i in range(0x21))
_HTML_SPACE = " \t\n\f\r"
_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
SPECIAL = frozenset({"http", "https", "ftp", "ws", "wss", "file"})
# Attributes whose value is an address (or, for srcset and ping, several).
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "srcset",
        "poster",
        "data",
        "action",
        "formaction",
        "cite",
        "background",
        "xlink:href",
        "ping",
        "longdesc",
        "codebase",
        "dynsrc",
        "lowsrc",
        "manifest",
        "icon",
        "usemap",
        "itemtype",
        "itemid",
        "profile",
        "classid",
        "archive",
    }
)


@dataclass(frozen=True)
class Address:
    """One address: as written, as the browser reads it, and what that means here."""

    written: str
    text: str  # as the browser reads it (controls removed, backslashes as slashes)
    scheme: str  # lower case; "" for an address relative to the page
    host: str  # percent-decoded, IDNA, lower case, no trailing dot or port; "" when none
    disguised: str  # "control" or "backslash" when the written form hides the address

    @property
    def relative(self) -> bool:
        """A path on this site (``media/x.jpg``, ``../x/``, ``/x``, ``#a``), not
        ``//other.host`` (nor ``\\\\other.host``, nor one with control characters before)."""
        return not self.scheme and not self.text.startswith("//")


def _split_rest(text: str) -> tuple[str, str]:
    cut = min((i for i in (text.find("?"), text.find("#")) if i >= 0), default=len(text))
    return text[:cut], text[cut:]


def normal_host(host: str) -> str:
    """``host`` as browsers compare it: percent-decoded, IDNA (full-width dots and letters
    mapped), lower case, no trailing dot."""
    value = unquote(host, errors="replace").strip(_C0_SPACE).rstrip(".").lower()
    try:
        return value.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return value


def read(url: str) -> Address:
    """``url`` as a browser on this (https) site reads it."""
    inner = url.strip(_HTML_SPACE)
    disguised = "control" if _CONTROL.search(inner) else ""
    text = _TAB_NEWLINE.sub("", url.strip(_C0_SPACE))
    match = _SCHEME.match(text)
    scheme = match.group(1).lower() if match else ""
    host = ""
    if not scheme or scheme in SPECIAL:
        head, rest = _split_rest(text)
        if "\\" in head:
            disguised = disguised or "backslash"
            text = head.replace("\\", "/") + rest
        after = text[match.end() :] if match else text
        if match or after.startswith("//"):
            authority = after.lstrip("/")
            authority = re.split(r"[/?#]", authority, maxsplit=1)[0]
            authority = authority.rsplit("@", 1)[-1]
            if authority.startswith("["):
                host = authority.split("]", 1)[0] + "]"
            else:
                host = normal_host(authority.split(":", 1)[0])
    return Address(url, text, scheme, host, disguised)


def srcset_urls(value: str) -> list[str]:
    """The addresses of a ``srcset``, candidate by candidate, split as browsers split it
    (on ASCII whitespace and commas, descriptors in parentheses skipped)."""
    urls: list[str] = []
    position, size = 0, len(value)
    while position < size:
        while position < size and (value[position] in _HTML_SPACE or value[position] == ","):
            position += 1
        if position >= size:
            break
        start = position
        while position < size and value[position] not in _HTML_SPACE:
            position += 1
        url = value[start:position]
        if url.endswith(","):
            urls.append(url.rstrip(","))
            continue
        urls.append(url)
        depth = 0
        while position < size and (depth or value[position] != ","):
            depth += {"(": 1, ")": -1 if depth else 0}.get(value[position], 0)
            position += 1
    return [u for u in urls if u]


def urls_of(attribute: str, value: str) -> list[str]:
    """The addresses an attribute's value holds (several in ``srcset`` and ``ping``)."""
    if attribute == "srcset":
        return srcset_urls(value)
    if attribute in ("ping", "archive"):
        return value.split()
    return [value]


def visible(value: str) -> str:
    """``value`` with its control characters shown (``\\x01``), for a message."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", value)
