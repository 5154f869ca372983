"""A post has a story: text of its own, no template placeholders, a description; the author
hears why a post is not on the site yet; and common slips get a hint before anyone trips
over them (a very short post, no cover picture, curly quotes around a field). Every post
and page has a name of plain text and an address of its own (not one the site generates or
writes files to), no video or captions slipped into its body, and a text that can be
rendered in reasonable time."""

from __future__ import annotations

from collections.abc import Iterator

from advocacy.core.checking.registry import PAGE, POST, check, first_line, rule
from advocacy.core.i18n.catalog import text
from advocacy.core.media.catalog import CAPTIONS
from advocacy.core.model.entities import DocPage, Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.slugs import slugify
from advocacy.core.reading.pages import address_problem
from advocacy.core.reading.posts import DESCRIPTION
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.page import UNRENDERED

MIN_WORDS = 1  # a post straight from the template has prompts only
SHORT_WORDS = 100  # fewer: a hint (the writing guide asks for 250 to 500)
PLACEHOLDERS = ("Din titel", "Your title", "[Navn]", "[Name]")
# The file name the story-idea buttons give a new post, until the writer names it.
PLACEHOLDER_SLUGS = ("din-titel", "your-title")
CURLY = "“”„‟«»‘’‚‛"  # quotes a word processor or a phone's keyboard puts in

EMPTY = rule(
    "post-empty",
    Severity.ERROR,
    ("Every post tells a story of its own.", "Hvert indlæg fortæller sin egen historie."),
    (
        "The post has no story yet: there is no text below the front matter.",
        "Write your story below the front matter; the questions between <!-- and --> are there "
        "to help and are never published.",
    ),
    (
        "Indlægget har ingen historie endnu: der er ingen tekst under front matter.",
        "Skriv din historie under front matter; spørgsmålene mellem <!-- og --> er der for at "
        "hjælpe og bliver aldrig udgivet.",
    ),
    adjustable=False,
    imported=(
        "An old post that only pointed somewhere: write a sentence or two about where the "
        "link leads, or delete the post.",
        "Et gammelt indlæg, der kun pegede et andet sted hen: skriv en sætning eller to om, "
        "hvor linket fører hen, eller slet indlægget.",
    ),
)
PLACEHOLDER = rule(
    "post-placeholder",
    Severity.ERROR,
    (
        "No placeholder from the template is published.",
        "Ingen pladsholder fra skabelonen bliver udgivet.",
    ),
    ("The post still has the template's placeholder '{text}'.", "Write your own {field} here."),
    ("Indlægget har stadig skabelonens pladsholder '{text}'.", "Skriv din egen {field} her."),
    adjustable=False,
    variants={
        "placeholder-filename": {
            "en": (
                "The file name still has the template's placeholder '{text}', so the story "
                "would be published at {url}.",
                "Name the file after your title: '{name}'. In GitHub's editor, click the file "
                "name above the text and change it; the address never changes after that.",
            ),
            "da": (
                "Filnavnet har stadig skabelonens pladsholder '{text}', så historien ville "
                "blive udgivet på {url}.",
                "Giv filen navn efter din titel: '{name}'. I GitHubs editor klikker du på "
                "filnavnet over teksten og retter det; adressen skifter aldrig bagefter.",
            ),
        },
    },
)
SHORT = rule(
    "post-short",
    Severity.WARNING,
    (
        "A very short post is pointed out: a story of a few lines rarely says enough.",
        "Et meget kort indlæg bliver påpeget: en historie på få linjer siger sjældent nok.",
    ),
    (
        "The story is {words} words long; most stories need 250 to 500.",
        "Tell one concrete moment in more detail: what happened, who was there, what you "
        "learned. The questions between <!-- and --> can help.",
    ),
    (
        "Historien er {words} ord lang; de fleste historier skal bruge 250 til 500.",
        "Fortæl mere om ét konkret øjeblik: hvad skete der, hvem var med, hvad lærte du. "
        "Spørgsmålene mellem <!-- og --> kan hjælpe.",
    ),
    can_block=False,
    for_writer=True,
)
NO_COVER = rule(
    "post-no-cover",
    Severity.WARNING,
    (
        "A post without a cover picture is pointed out: the listings and LinkedIn show one.",
        "Et indlæg uden forsidebillede bliver påpeget: oversigterne og LinkedIn viser et.",
    ),
    (
        "The post has no cover picture ('image'), so listings and LinkedIn show a plain card.",
        "Upload a photo to media/ (turn off its location first) and add 'image: "
        "media/{year}/your-photo.jpg' and 'image_alt:' with what it shows.",
    ),
    (
        "Indlægget har intet forsidebillede ('image'), så oversigterne og LinkedIn viser et "
        "tomt kort.",
        "Upload et billede til media/ (slå placeringen fra først), og tilføj 'image: "
        "media/{year}/dit-billede.jpg' og 'image_alt:' med, hvad det viser.",
    ),
    can_block=False,
    for_writer=True,
)
CURLY_QUOTES = rule(
    "post-curly-quotes",
    Severity.WARNING,
    (
        "Curly quotes around a field are pointed out: YAML keeps them as part of the text.",
        "Krumme anførselstegn om et felt bliver påpeget: YAML beholder dem som en del af teksten.",
    ),
    (
        "'{field}' is wrapped in curly quotes ({quotes}), which the site would show as part of it.",
        'Use straight quotes (") or none: {field}: "{value}"',
    ),
    (
        "'{field}' står i krumme anførselstegn ({quotes}), som sitet ville vise som en del af "
        "teksten.",
        'Brug lige anførselstegn (") eller ingen: {field}: "{value}"',
    ),
    can_block=False,
)
NOT_PUBLISHED = rule(
    "post-not-published",
    Severity.WARNING,
    (
        "Drafts and future posts are named, so the author knows why a post is not on the site.",
        "Kladder og fremtidige indlæg bliver nævnt, så forfatteren ved, hvorfor de ikke er på "
        "sitet.",
    ),
    (
        "This post is not published yet: {reason}.",
        "Nothing to fix if that is what you want; {when}.",
    ),
    ("Indlægget er ikke udgivet endnu: {reason}.", "Intet at rette, hvis det er meningen; {when}."),
    can_block=False,
)


@check()
def content(repo: Repository, post: Post) -> Iterator[Finding]:
    """At least a few words of the author's own text; no placeholders; a description."""
    lang = repo.lang
    unrendered = post.rendered is None or any(f.rule in UNRENDERED for f in post.rendered.found)
    if not unrendered and post.words < MIN_WORDS and not post.draft:
        yield EMPTY.finding(lang, post.file, first_line(post))
    # Without a description of its own, the first paragraph stands in for it.
    written = bool(post.meta_lines and ("description",) in post.meta_lines.lines)
    for name, value in (
        ("title", post.title),
        ("description", post.description if written else ""),
    ):
        found = next((p for p in PLACEHOLDERS if p in value), None)
        if found:
            yield PLACEHOLDER.finding(
                lang,
                post.file,
                post.line_of(name),
                text=found,
                field={"en": name, "da": {"title": "titel", "description": "beskrivelse"}[name]},
            )
    if not written:
        yield DESCRIPTION.finding(lang, post.file, post.line_of("title"), "description-missing")
    yield from slips(repo, post)
    if post.draft:
        yield NOT_PUBLISHED.finding(
            lang,
            post.file,
            post.line_of("draft"),
            reason={"en": "it is a draft", "da": "det er en kladde"},
            when={
                "en": "remove 'draft: true' when it is ready",
                "da": "fjern 'draft: true', når det er klar",
            },
        )
    elif post.date.date() > repo.site.today:
        day = post.date.date().isoformat()
        yield NOT_PUBLISHED.finding(
            lang,
            post.file,
            post.line_of("date"),
            reason={"en": f"it is dated {day}", "da": f"det er dateret {day}"},
            when={"en": f"it appears on {day}", "da": f"det kommer på {day}"},
        )


def slips(repo: Repository, post: Post) -> Iterator[Finding]:
    """Hints for what writers often get wrong: the template's file name kept, curly quotes
    around a field, a very short story, no cover picture. (Imported posts are spared the
    last two: they are what the old site had.)"""
    lang = repo.lang
    if post.slug in PLACEHOLDER_SLUGS:
        own = slugify(post.title) if not any(p in post.title for p in PLACEHOLDERS) else ""
        name = f"{post.date:%Y-%m-%d}-{own or text(lang, 'newpost.short_title')}.md"
        yield PLACEHOLDER.finding(
            lang,
            post.file,
            post.line_of("slug")
            if post.meta_lines and ("slug",) in post.meta_lines.lines
            else None,
            "placeholder-filename",
            text=post.slug,
            url=post.url,
            name=name,
        )
    fields = [("title", post.title), ("description", post.description)]
    fields += [("image_alt", post.image_alt or ""), ("share", post.share_text or "")]
    fields += [("tags", tag) for tag in post.tags]
    for name, value in fields:
        value = value.strip()
        if len(value) > 1 and value[0] in CURLY and value[-1] in CURLY:
            yield CURLY_QUOTES.finding(
                lang,
                post.file,
                post.line_of(name),
                field=name,
                quotes=f"{value[0]} {value[-1]}",
                value=value[1:-1].strip(),
            )
    if post.aliases:
        return
    if post.rendered is not None and MIN_WORDS <= post.words < SHORT_WORDS:
        yield SHORT.finding(lang, post.file, first_line(post), words=post.words)
    if not post.image and not post.video:
        yield NO_COVER.finding(lang, post.file, post.line_of("title"), year=f"{post.date:%Y}")


# -- what a page's file name and body may hold besides its story -----------------------------

ADDRESS = rule(
    "page-address",
    Severity.ERROR,
    (
        "A page's file name is plain text, and its address is not one the site uses itself.",
        "En sides filnavn er almindelig tekst, og dens adresse er ikke en, sitet selv bruger.",
    ),
    (
        "The name '{name}' has the character {char}, which a file name here cannot have: the "
        "name becomes the page's address and title and is shown in logs.",
        "Rename it using only letters, digits, spaces, '-' and '_', for example '{suggestion}'.",
    ),
    (
        "Navnet '{name}' har tegnet {char}, som et filnavn her ikke kan have: navnet bliver "
        "sidens adresse og titel og bliver vist i logs.",
        "Giv den et nyt navn med kun bogstaver, tal, mellemrum, '-' og '_', for eksempel "
        "'{suggestion}'.",
    ),
    adjustable=False,
    variants={
        "page-reserved": {
            "en": (
                "This page would be published at {url}, an address where the site publishes a "
                "page or files of its own.",
                "Give the file another name, or put it in another folder.",
            ),
            "da": (
                "Siden ville blive udgivet på {url}, en adresse, hvor sitet selv udgiver en "
                "side eller filer.",
                "Giv filen et andet navn, eller læg den i en anden mappe.",
            ),
        },
    },
)
BODY_VIDEO = rule(
    "body-video",
    Severity.ERROR,
    (
        "A video and its captions are given in the front matter, where they are checked.",
        "En video og dens undertekster angives i front matter, hvor de bliver tjekket.",
    ),
    (
        "Captions are added in the text with <track>, where no rule reads them.",
        "Remove the <track> element and name the captions file in the front matter instead: "
        "'video:' with 'src: media/...mp4' and 'captions: media/...vtt'.",
    ),
    (
        "Undertekster er sat ind i teksten med <track>, hvor ingen regel læser dem.",
        "Fjern <track>-elementet, og angiv undertekstfilen i front matter i stedet: 'video:' "
        "med 'src: media/...mp4' og 'captions: media/...vtt'.",
    ),
    adjustable=False,
    variants={
        "body-video-source": {
            "en": (
                "The video '{value}' is put in the text with <{tag}>, where neither the video nor "
                "its captions are checked.",
                "Remove the <{tag}> element and give the video in the front matter instead: "
                "'video:' with 'src: media/...mp4' and 'captions: media/...vtt'.",
            ),
            "da": (
                "Videoen '{value}' er sat ind i teksten med <{tag}>, hvor hverken videoen eller "
                "dens undertekster bliver tjekket.",
                "Fjern <{tag}>-elementet, og angiv videoen i front matter i stedet: 'video:' med "
                "'src: media/...mp4' og 'captions: media/...vtt'.",
            ),
        },
        "body-captions-link": {
            "en": (
                "The text links to the captions file '{value}', which would be published "
                "without any rule reading it.",
                "Remove the link; captions belong in the front matter: 'video:' with "
                "'captions: media/...vtt'.",
            ),
            "da": (
                "Teksten linker til undertekstfilen '{value}', som ville blive udgivet, uden at "
                "nogen regel læser den.",
                "Fjern linket; undertekster hører til i front matter: 'video:' med "
                "'captions: media/...vtt'.",
            ),
        },
    },
)
BRACKETS = rule(
    "body-brackets",
    Severity.ERROR,
    (
        "A text can be turned into a page in reasonable time.",
        "En tekst kan laves om til en side på rimelig tid.",
    ),
    (
        "The text has too many brackets ('[' or '<') without their closing partner, from this "
        "line on: making a page of it would take far too long, so it is neither checked "
        "further nor published.",
        "Remove the run of brackets, or close each '[' with ']' and each '<' with '>'.",
    ),
    (
        "Teksten har for mange parenteser ('[' eller '<') uden deres lukkende partner, fra "
        "denne linje: det ville tage alt for lang tid at lave en side af den, så den bliver "
        "hverken tjekket videre eller udgivet.",
        "Fjern rækken af parenteser, eller luk hver '[' med ']' og hver '<' med '>'.",
    ),
    adjustable=False,
)


@check(on=(POST, PAGE), cacheable=False)  # the generated addresses depend on mkdocs.yml
def page_form(repo: Repository, doc: Post | DocPage) -> Iterator[Finding]:
    """A name and address of its own, no video or captions in the body, a text that can be
    rendered in reasonable time."""
    lang, file = repo.lang, doc.file
    docs = repo.site.docs_dir.strip("/") + "/"
    problem = address_problem(repo.site, file.removeprefix(docs), isinstance(doc, Post))
    if problem is not None:
        key, values = problem
        yield ADDRESS.finding(lang, file, None, None if key == "page-name" else key, **values)
    if doc.rendered is None:
        return
    for found in doc.rendered.found:
        if found.rule == "body-brackets":
            yield BRACKETS.finding(lang, file, found.line)
        elif found.rule == "body-video":
            values = found.values
            source = None if values.get("tag") == "track" else "body-video-source"
            yield BODY_VIDEO.finding(lang, file, found.line, source, **values)
    for ref, line in doc.rendered.refs:
        if ref.kind == "file" and repo.media is not None and repo.media.kind(ref.path) == CAPTIONS:
            yield BODY_VIDEO.finding(lang, file, line, "body-captions-link", value=ref.written)
