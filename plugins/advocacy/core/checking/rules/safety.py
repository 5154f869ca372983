"""Safety of the published page, judged on the page as readers get it.

What the sanitiser removes from the rendered page (see :mod:`advocacy.core.rendering.sanitize`)
is reported here: scripts, event handlers, dangerous addresses and requests to other sites
are errors nobody can lower; what it only tidies (a ``target``, a ``style``, a tag it drops
but whose text it keeps) is a warning. Links are taken from the rendered ``href``s: internal
systems are errors, plain http a warning; links to pages and files that do not exist, or
to files that cannot be published, are errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from advocacy.core.checking.registry import PAGE, POST, check, rule
from advocacy.core.model.addresses import read, visible
from advocacy.core.model.entities import DocPage, Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.posts import ALT
from advocacy.core.reading.references import EXTERNAL, media_finding
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.resolve import Ref

E, W = Severity.ERROR, Severity.WARNING

DANGEROUS = rule(
    "html-dangerous",
    E,
    (
        "Scripts, frames, forms, styles and embedded objects are never published.",
        "Scripts, frames, formularer, styles og indlejrede objekter udgives aldrig.",
    ),
    (
        "The HTML tag <{tag}> is not allowed in a post: it could run code or load another site.",
        "Remove it. Posts are text, photos and video; anything else is added by the "
        "site's maintainers.",
    ),
    (
        "HTML-tagget <{tag}> er ikke tilladt i et indlæg: det kunne køre kode eller hente en "
        "anden side.",
        "Fjern det. Indlæg er tekst, billeder og video; alt andet lægger sitets ansvarlige ind.",
    ),
    adjustable=False,
    variants={
        "html-dangerous-attribute": {
            "en": (
                "The attribute '{attribute}' on <{tag}> is not allowed: it could run code or "
                "load another site.",
                "Remove it.",
            ),
            "da": (
                "Attributten '{attribute}' på <{tag}> er ikke tilladt: den kunne køre kode "
                "eller hente en anden side.",
                "Fjern den.",
            ),
        },
        "html-unexplained": {
            "en": (
                "The HTML here is changed when it is published, in a way the check cannot explain.",
                "Write this part in plain Markdown, without HTML.",
            ),
            "da": (
                "HTML'en her bliver ændret, når den udgives, på en måde tjekket ikke kan forklare.",
                "Skriv denne del i almindelig Markdown, uden HTML.",
            ),
        },
    },
    imported=(
        "Old posts often embed players, forms or trackers: replace the embed with a link to "
        "what it showed.",
        "Gamle indlæg indlejrer ofte afspillere, formularer eller sporing: erstat "
        "indlejringen med et link til det, den viste.",
    ),
)
EVENT_HANDLER = rule(
    "html-event-handler",
    E,
    ("No HTML attribute runs code.", "Ingen HTML-attribut kører kode."),
    (
        "The attribute '{attribute}' on <{tag}> would run code in the reader's browser.",
        "Remove it.",
    ),
    ("Attributten '{attribute}' på <{tag}> ville køre kode i læserens browser.", "Fjern den."),
    adjustable=False,
)
UNSAFE_URL = rule(
    "unsafe-url",
    E,
    (
        "No javascript: or data: addresses in links and images.",
        "Ingen javascript:- eller data:-adresser i links og billeder.",
    ),
    (
        "A link or image uses the address '{value}', which can run code or hide content.",
        "Link to an https:// address, or to a file under media/.",
    ),
    (
        "Et link eller billede bruger adressen '{value}', som kan køre kode eller skjule indhold.",
        "Link til en https://-adresse eller til en fil under media/.",
    ),
    adjustable=False,
    variants={
        "unsafe-url-hidden": {
            "en": (
                "The address '{value}' in '{attribute}' on <{tag}> has control characters or "
                "backslashes that browsers skip or read as '/': it does not go where it seems "
                "to.",
                "Write the address plainly: '/' between its parts and nothing invisible in it.",
            ),
            "da": (
                "Adressen '{value}' i '{attribute}' på <{tag}> har kontroltegn eller "
                "omvendte skråstreger, som browsere springer over eller læser som '/': den "
                "fører ikke derhen, hvor den ser ud til.",
                "Skriv adressen ligeud: '/' mellem dens dele og intet usynligt i den.",
            ),
        },
    },
)
TIDIED = rule(
    "html-tidied",
    W,
    (
        "HTML the site does not use is left out when a post is published.",
        "HTML, som sitet ikke bruger, udelades, når et indlæg udgives.",
    ),
    (
        "The attribute '{attribute}' on <{tag}> is left out when the post is published.",
        "Nothing to do; to keep the post tidy, remove it (the site's own design decides how "
        "things look).",
    ),
    (
        "Attributten '{attribute}' på <{tag}> udelades, når indlægget udgives.",
        "Intet at gøre; vil du holde indlægget pænt, så fjern den (sitets eget design bestemmer, "
        "hvordan tingene ser ud).",
    ),
    variants={
        "html-tidied-tag": {
            "en": (
                "The HTML tag <{tag}> is left out when the post is published (its text stays).",
                "Nothing to do; or use Markdown instead (# for headings, ** for bold, ` for code).",
            ),
            "da": (
                "HTML-tagget <{tag}> udelades, når indlægget udgives (teksten bliver).",
                "Intet at gøre; eller brug Markdown i stedet (# til overskrifter, ** til fed, "
                "` til kode).",
            ),
        }
    },
)
BODY = rule(
    "body-invalid",
    E,
    ("A post's text can be read and shown safely.", "Et indlægs tekst kan læses og vises sikkert."),
    (
        "The text contains an invisible control character ({char}).",
        "Delete the line and type it again (pasted text sometimes carries such characters).",
    ),
    (
        "Teksten indeholder et usynligt kontroltegn ({char}).",
        "Slet linjen og skriv den igen (indsat tekst har nogle gange sådanne tegn med).",
    ),
    adjustable=False,
    variants={
        "body-too-deep": {
            "en": (
                "Lists or quotes are nested more than {limit} levels deep.",
                "Use fewer levels: a story reads best with one or two.",
            ),
            "da": (
                "Lister eller citater er indlejret mere end {limit} niveauer.",
                "Brug færre niveauer: en historie læses bedst med et eller to.",
            ),
        },
        "body-too-long": {
            "en": ("The text is longer than {size} characters.", "Split it into several posts."),
            "da": ("Teksten er længere end {size} tegn.", "Del den op i flere indlæg."),
        },
        "render-failed": {
            "en": (
                "The text could not be turned into a page ({error}).",
                "Look for unusual Markdown near the start of the text; if you cannot find it, "
                "ask a site maintainer.",
            ),
            "da": (
                "Teksten kunne ikke laves om til en side ({error}).",
                "Se efter usædvanlig Markdown i starten af teksten; kan du ikke finde det, så "
                "spørg en ansvarlig for sitet.",
            ),
        },
    },
)
LINK_BROKEN = rule(
    "link-broken",
    E,
    (
        "Links to other pages of the site lead somewhere.",
        "Links til andre sider på sitet fører et sted hen.",
    ),
    (
        "The link '{value}' leads to a page that does not exist.",
        "Check the file name (names are case-sensitive), or link to the page's address.",
    ),
    (
        "Linket '{value}' fører til en side, der ikke findes.",
        "Tjek filnavnet (der skelnes mellem store og små bogstaver), eller link til sidens "
        "adresse.",
    ),
    variants={
        "link-address": {
            "en": (
                "The link '{value}' is an address on the web server, not a page or file in the "
                "repository, so nobody can tell whether it leads anywhere.",
                "Link to the post's Markdown file (like '../2026/2026-11-20-other-post.md'), "
                "or write the page's full address (https://...).",
            ),
            "da": (
                "Linket '{value}' er en adresse på webserveren, ikke en side eller fil i "
                "repositoriet, så ingen kan se, om det fører nogen steder hen.",
                "Link til indlæggets Markdown-fil (som '../2026/2026-11-20-andet-indlaeg.md'), "
                "eller skriv sidens fulde adresse (https://...).",
            ),
        }
    },
    imported=(
        "Old posts link to pages of the old site by their address: link to the imported "
        "post's file, or to the page's full address if the old site stays.",
        "Gamle indlæg linker til sider på det gamle site med deres adresse: link til det "
        "importerede indlægs fil, eller til sidens fulde adresse, hvis det gamle site "
        "bliver.",
    ),
)
FILE_REFUSED = rule(
    "file-refused",
    E,
    (
        "Only photos, videos, captions and approved brand graphics are "
        "published from the media folder.",
        "Kun billeder, video, undertekster og godkendt grafik udgives fra mediemappen.",
    ),
    (
        "'{path}' cannot be published: only photos (JPEG, PNG, WebP), MP4 and WebM videos, "
        "WebVTT captions and SVG graphics HR approves are.",
        "Convert it to one of those, or link to where it is published elsewhere.",
    ),
    (
        "'{path}' kan ikke udgives: kun billeder (JPEG, PNG, WebP), MP4- og WebM-video, "
        "WebVTT-undertekster og SVG-grafik, HR har godkendt, kan.",
        "Konvertér den til en af dem, eller link til, hvor den er udgivet andetsteds.",
    ),
    adjustable=False,
)
INTERNAL = rule(
    "link-internal",
    E,
    (
        "No links to internal systems (intranet, Jira, Confluence).",
        "Ingen links til interne systemer (intranet, Jira, Confluence).",
    ),
    (
        "The link to {host} points inside the company; readers outside cannot open it and it "
        "tells them about our internal systems.",
        "Remove the link, or link to a public page instead.",
    ),
    (
        "Linket til {host} peger ind i virksomheden; læsere udefra kan ikke åbne det, og det "
        "fortæller om vores interne systemer.",
        "Fjern linket, eller link til en offentlig side i stedet.",
    ),
)
INSECURE = rule(
    "link-insecure",
    W,
    ("Links use https://.", "Links bruger https://."),
    ("The link '{url}' uses http:// without encryption.", "Use https:// if the site supports it."),
    (
        "Linket '{url}' bruger http:// uden kryptering.",
        "Brug https://, hvis siden understøtter det.",
    ),
)

DISGUISED = rule(
    "link-disguised",
    E,
    (
        "Links say where they go: no user name before the address.",
        "Links siger, hvor de fører hen: intet brugernavn før adressen.",
    ),
    (
        "The link '{url}' looks like it goes to one site but goes to {host}.",
        "Link to the page's own address, without anything before an '@'.",
    ),
    (
        "Linket '{url}' ligner et link til én side, men fører til {host}.",
        "Link til sidens egen adresse, uden noget før et '@'.",
    ),
)
_USERINFO = re.compile(r"^(?:https?:)?[/\\]{2}[^/\\?#]*@", re.IGNORECASE)
_RULES = {r.id: r for r in (DANGEROUS, EVENT_HANDLER, UNSAFE_URL, EXTERNAL, TIDIED)}
_BODY_KEYS = {
    "body-control": None,
    "body-too-deep": "body-too-deep",
    "body-too-long": "body-too-long",
    "render-failed": "render-failed",
}
_PHOTO_PROBLEMS = ("image-", "not-a-photo")  # judged with the photo itself (rules.media)


def host_of(url: str) -> str:
    """A link's host as browsers read it (WHATWG): controls and a backslash read as browsers
    do, the user name before '@' is not the host; percent-decoded, IDNA, lower case, no
    trailing dot, no port (see :mod:`advocacy.core.model.addresses`)."""
    return read(url).host


def _hidden(url: str) -> bool:
    """An address that hides where it goes (``\\x01//other.host``, ``\\\\other.host``),
    not one that runs code (told as such: ``java\\tscript:``)."""
    address = read(url)
    return bool(address.disguised) and address.scheme in ("", "http", "https", "mailto")


def internal(host: str, hosts: list[str]) -> bool:
    """Whether ``host`` is one of ``hosts`` or below one (both normalised)."""
    return any(host == h or host.endswith("." + h) for h in hosts)


@check(on=(POST, PAGE), cacheable=False)  # pages and files it links to may come and go
def page_safety(repo: Repository, doc: Post | DocPage) -> Iterator[Finding]:
    """What the sanitiser removed, what the page uses, and where it links."""
    rendered, lang, file = doc.rendered, repo.lang, doc.file
    if rendered is None:
        return
    hosts = [host_of("https://" + h) or h for h in repo.policy.internal_hosts]
    for found in rendered.found:
        values = found.values
        if found.rule in _BODY_KEYS:
            yield BODY.finding(lang, file, found.line, _BODY_KEYS[found.rule], **values)
        elif found.rule == "html-dangerous":
            key = (
                "html-unexplained"
                if values.get("tag") == "?"
                else "html-dangerous-attribute"
                if values.get("attribute")
                else None
            )
            yield DANGEROUS.finding(lang, file, found.line, key, **values)
        elif found.rule == "html-tidied":
            key = None if values.get("attribute") else "html-tidied-tag"
            yield TIDIED.finding(lang, file, found.line, key, **values)
        elif found.rule == "unsafe-url" and _hidden(str(values.get("value", ""))):
            shown = {**values, "value": visible(str(values["value"]).strip())}
            yield UNSAFE_URL.finding(lang, file, found.line, "unsafe-url-hidden", **shown)
            host = host_of(str(values["value"]))  # dropped, but it tells where it would go
            if host and internal(host, hosts):
                yield INTERNAL.finding(lang, file, found.line, host=host)
        elif found.rule in _RULES:
            yield _RULES[found.rule].finding(lang, file, found.line, **values)
    for ref, line in rendered.refs:
        if ref.kind == "external" and ref.element == "a":
            host = host_of(ref.written)
            if host and internal(host, hosts):
                yield INTERNAL.finding(lang, file, line, host=host)
            elif _USERINFO.match(read(ref.written).text):
                yield DISGUISED.finding(lang, file, line, url=ref.written, host=host)
            elif read(ref.written).scheme == "http":
                yield INSECURE.finding(lang, file, line, url=ref.written)
        elif ref.kind == "problem" and not ref.problem.startswith(_PHOTO_PROBLEMS):
            if ref.problem == "link-broken":
                yield LINK_BROKEN.finding(lang, file, line, value=ref.written)
            elif ref.problem == "file-refused":
                yield FILE_REFUSED.finding(lang, file, line, path=ref.written)
            elif _page_address(ref):
                yield LINK_BROKEN.finding(lang, file, line, "link-address", value=ref.written)
            else:
                yield media_finding(
                    repo, file, line, ref.written, ref.problem.removeprefix("media-")
                )
        if (
            ref.element == "img"
            and ref.kind in ("picture", "file")
            and not ref.alt.strip()
            and not _decorative(doc, line)
        ):
            yield ALT.finding(lang, file, line, "body-image-alt-missing", path=ref.written)


# A link to one of these is a link to a file (judged as media); to anything else, a page.
_FILE_SUFFIX = re.compile(r"\.(?!html?$)[a-z0-9]{1,5}$", re.IGNORECASE)


def _page_address(ref: Ref) -> bool:
    """A link (not a picture) that cannot be resolved and names a page of a web site, not a
    file: ``/``, ``/about/``, ``../team/``, ``/2015/05/21/post.html``. Its message is about
    links; a photo's message ("put the file under media/") would not help."""
    if ref.element != "a" or ref.problem not in (
        "media-absolute",
        "media-missing",
        "media-outside",
    ):
        return False
    path = urlsplit(ref.written.strip()).path.rstrip("/")
    return not _FILE_SUFFIX.search(path.rsplit("/", 1)[-1])


def _decorative(doc: Post | DocPage, line: int) -> bool:
    """An HTML image written with ``alt=""`` on purpose: decoration, which screen readers
    skip. (Rendered, it looks like a Markdown image without alt text; the source tells.)"""
    lines = doc.body.split("\n")
    index = line - doc.body_line
    return 0 <= index < len(lines) and bool(_EMPTY_ALT.search(lines[index]))


_EMPTY_ALT = re.compile(r"<img\b[^>]*\balt\s*=\s*(?:\"\"|'')", re.IGNORECASE)
