"""The product's allow-list: the elements, attributes and address schemes a published page
may hold, and the ones known to HTML (for the permissive pass that lets the judgement see
what the allow-list removed). Data only; :mod:`.sanitize` applies it.
"""

from __future__ import annotations

import re

# -- what is published --------------------------------------------------------------------------

ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "article",
        "aside",
        "b",
        "bdi",
        "bdo",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "picture",
        "pre",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "section",
        "small",
        "source",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "video",
        "wbr",
    }
)
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "lang", "dir", "title", "role", "translate"})
TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"}),
    # no src: a video's files come from the front matter (``video:``), where they are judged
    "source": frozenset({"srcset", "sizes", "type", "media"}),
    "video": frozenset(
        {"controls", "poster", "preload", "playsinline", "muted", "width", "height"}
    ),
    "td": frozenset({"colspan", "rowspan", "align", "headers"}),
    "th": frozenset({"colspan", "rowspan", "align", "scope", "headers", "abbr"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
}
# Addresses a browser loads by itself, without a click: only this site's own files.
LOADED = frozenset({"src", "srcset", "poster", "data"})
LINK_SCHEMES = frozenset({"https", "http", "mailto"})  # http only in links: a warning elsewhere
# Material's own classes style its chrome; content must not borrow them to imitate it.
OWN_CLASSES = re.compile(r"^(?:md-(?!button(?:--primary)?$)|adv-|__)")
OWN_IDS = re.compile(r"^(?:__|md-|adv-)")
# Classes Material's script acts on by loading a program from another host (``pre.mermaid``
# loads Mermaid from unpkg.com): removed, and their use is an error (compared in lower case).
FETCHING_CLASSES = frozenset({"mermaid"})
# Elements that bring a video's files into a post's body, past the rules that judge a video
# and its captions in the front matter (``video: src:`` and ``video: captions:``).
BODY_VIDEO = {"track": ("src",), "source": ("src",), "video": ("src",)}

# Elements whose removal is a matter of safety, not of tidiness: they run code, load other
# sites, submit data or change how the page itself is read.
DANGEROUS_TAGS = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "option",
        "meta",
        "base",
        "link",
        "svg",
        "math",
        "template",
        "noscript",
        "portal",
        "audio",
        "canvas",
        "dialog",
        "slot",
        "param",
        "area",
        "map",
        "image",
        "xmp",
        "plaintext",
        "noembed",
        "noframes",
        "title",
        "head",
        "body",
        "html",
        "fencedframe",
        "search",
    }
)
# Every other element a browser knows: kept by the permissive pass so its removal is seen.
# (The text of raw-text elements such as iframe or textarea is written unescaped and may be
# read back as markup: more findings, never fewer, and the strict pass publishes none of it.)
KNOWN_TAGS = frozenset(
    ALLOWED_TAGS
    | DANGEROUS_TAGS
    | {
        "acronym",
        "address",
        "big",
        "blink",
        "center",
        "data",
        "datalist",
        "dir",
        "fieldset",
        "font",
        "hgroup",
        "label",
        "legend",
        "main",
        "menu",
        "meter",
        "nav",
        "nobr",
        "optgroup",
        "output",
        "progress",
        "rb",
        "rtc",
        "spacer",
        "strike",
        "tt",
        "track",
        "marquee",
        "foreignobject",
        "animate",
        "set",
        "use",
        "mi",
        "mo",
        "mn",
        "mtext",
        "annotation-xml",
    }
)
EVENT_HANDLERS = frozenset(
    "on" + name
    for name in (
        "abort afterprint animationend animationiteration animationstart auxclick beforecopy "
        "beforecut beforeinput beforematch beforepaste beforeprint beforetoggle beforeunload "
        "begin blur cancel canplay canplaythrough change click close "
        "contentvisibilityautostatechange contextlost contextmenu contextrestored copy "
        "cuechange cut dblclick drag dragend dragenter dragleave dragover dragstart drop "
        "durationchange emptied end ended error focus focusin focusout formdata "
        "fullscreenchange gotpointercapture hashchange input invalid keydown keypress keyup "
        "languagechange load loadeddata loadedmetadata loadstart lostpointercapture message "
        "messageerror mousedown mouseenter mouseleave mousemove mouseout mouseover mouseup "
        "mousewheel offline online pagehide pagereveal pageshow pageswap paste pause play "
        "playing pointercancel pointerdown pointerenter pointerleave pointermove pointerout "
        "pointerover pointerrawupdate pointerup popstate progress ratechange rejectionhandled "
        "repeat reset resize scroll scrollend scrollsnapchange scrollsnapchanging search "
        "securitypolicyviolation seeked seeking select selectionchange selectstart slotchange "
        "stalled storage submit suspend timeupdate toggle touchcancel touchend touchmove "
        "touchstart transitioncancel transitionend transitionrun transitionstart "
        "unhandledrejection unload volumechange waiting webkitanimationend "
        "webkitanimationiteration webkitanimationstart webkittransitionend wheel zoom"
    ).split()
)
KNOWN_ATTRIBUTES = frozenset(
    GLOBAL_ATTRIBUTES
    | {a for attrs in TAG_ATTRIBUTES.values() for a in attrs}
    | EVENT_HANDLERS
    | {
        "style",
        "srcdoc",
        "action",
        "formaction",
        "data",
        "background",
        "xlink:href",
        "href",
        "src",
        "http-equiv",
        "content",
        "target",
        "rel",
        "name",
        "value",
        "type",
        "form",
        "accesskey",
        "tabindex",
        "contenteditable",
        "draggable",
        "hidden",
        "autofocus",
        "nonce",
        "is",
        "slot",
        "part",
        "popover",
        "popovertarget",
        "inert",
        "ping",
        "download",
        "referrerpolicy",
        "crossorigin",
        "integrity",
        "usemap",
        "ismap",
        "longdesc",
        "codebase",
        "classid",
        "archive",
        "dynsrc",
        "lowsrc",
        "manifest",
        "icon",
        "itemprop",
        "itemscope",
        "itemtype",
        "itemid",
        "itemref",
        "color",
        "face",
        "size",
        "bgcolor",
        "border",
        "cellpadding",
        "cellspacing",
        "valign",
        "width",
        "height",
        "nowrap",
        "frameborder",
        "allow",
        "allowfullscreen",
        "sandbox",
        "loading",
        "fetchpriority",
        "attributename",
        "to",
        "from",
        "values",
        "xmlns",
        "xlink",
        "markdown",
    }
    | {
        f"aria-{name}"
        for name in (
            "label labelledby describedby hidden live current expanded controls "
            "haspopup level details owns roledescription"
        ).split()
    }
)
# Schemes that are only not ours to link to (a phone number is personal data anyway).
HARMLESS_SCHEMES = frozenset({"tel", "sms", "ftp", "ws", "wss"})
ALL_SCHEMES = frozenset(
    {
        "https",
        "http",
        "mailto",
        "tel",
        "javascript",
        "vbscript",
        "data",
        "livescript",
        "file",
        "ftp",
        "blob",
        "filesystem",
        "about",
        "sms",
        "ws",
        "wss",
        "intent",
        "view-source",
        "jar",
        "ms-its",
        "mhtml",
    }
)


# Attributes that run, load or send something whatever the element (``ping`` reports a click
# to another site; ``srcdoc`` is a whole page).
ACTIVE = frozenset(
    {"srcdoc", "formaction", "action", "xlink:href", "background", "http-equiv", "ping"}
)
