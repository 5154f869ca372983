"""Consent rules: authors and people in a post, names in its text, photos of colleagues."""

from __future__ import annotations

from collections.abc import Iterator

from advocacy.core.checking import consent
from advocacy.core.checking.consent import translates
from advocacy.core.checking.names import (
    FoundName,
    KnownNames,
    find_full_names,
    is_known,
    known_names,
)
from advocacy.core.checking.registry import check, first_line, rule
from advocacy.core.checking.texts import post_segments
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.textnorm import fold, visible
from advocacy.core.reading.repository import Repository

E, W = Severity.ERROR, Severity.WARNING
_HELD_FIX = {
    "en": "Nothing to fix if that is right: the post stays in the repository but is off the "
    "site, its feeds and search. To publish it again, get new consent or take {name} out "
    "of the post.",
    "da": "Intet at rette, hvis det er rigtigt: indlægget bliver i repositoriet, men er væk fra "
    "sitet, feeds og søgning. Vil I udgive det igen, så få et nyt samtykke eller tag "
    "{name} ud af indlægget.",
}
MISSING = rule(
    "consent-missing",
    E,
    (
        "Every author has given consent to appear on the site.",
        "Alle forfattere har givet samtykke til at være på sitet.",
    ),
    (
        "{name} has not given consent to appear on the site: {author_file} has no current "
        "'profile:' consent.",
        "HR adds the date of {name}'s signed consent under 'consent:' in {author_file} "
        "('profile:' and 'evidence:'); until then the post cannot be published.",
    ),
    (
        "{name} har ikke givet samtykke til at være på sitet: {author_file} har intet gyldigt "
        "'profile:'-samtykke.",
        "HR tilføjer datoen for {name}s underskrevne samtykke under 'consent:' i {author_file} "
        "('profile:' og 'evidence:'); indtil da kan indlægget ikke udgives.",
    ),
    adjustable=False,
)
PERSON = rule(
    "person-consent-missing",
    E,
    (
        "Everyone named or pictured has given written consent, kept by HR.",
        "Alle, der nævnes eller ses på billeder, har givet skriftligt samtykke, som HR opbevarer.",
    ),
    (
        "{name} is in 'people:' without a consent date and evidence.",
        "Ask {name} for written consent, give it to HR, and add 'consent: YYYY-MM-DD' and "
        "'evidence:' with HR's reference under their entry.",
    ),
    (
        "{name} står under 'people:' uden samtykkedato og dokumentation.",
        "Bed {name} om et skriftligt samtykke, giv det til HR, og tilføj 'consent: ÅÅÅÅ-MM-DD' og "
        "'evidence:' med HR's sagsnummer under personen.",
    ),
    adjustable=False,
    variants={
        "person-evidence-missing": {
            "en": (
                "{name} is in 'people:' with a consent date but no 'evidence:'.",
                "Add 'evidence:' with HR's reference for the signed consent (never the document "
                "itself).",
            ),
            "da": (
                "{name} står under 'people:' med en samtykkedato, men uden 'evidence:'.",
                "Tilføj 'evidence:' med HR's sagsnummer for det underskrevne samtykke (aldrig "
                "selve dokumentet).",
            ),
        },
        "person-colleague-consent-missing": {
            "en": (
                "{name} is in 'people:', but {author_file} has no current 'profile:' consent.",
                "HR adds the date of {name}'s signed consent under 'consent:' in {author_file} "
                "('profile:' and 'evidence:'); until then the post cannot be published.",
            ),
            "da": (
                "{name} står under 'people:', men {author_file} har intet gyldigt "
                "'profile:'-samtykke.",
                "HR tilføjer datoen for {name}s underskrevne samtykke under 'consent:' i "
                "{author_file} ('profile:' og 'evidence:'); indtil da kan indlægget ikke "
                "udgives.",
            ),
        },
    },
)
HELD = rule(
    "consent-held",
    W,
    (
        "A post whose people withdrew consent, or whose consent expired or cannot be read, is "
        "taken off the site at the next build.",
        "Et indlæg, hvor nogen har trukket samtykket tilbage, eller hvor samtykket er udløbet "
        "eller ikke kan læses, fjernes fra sitet ved næste opdatering.",
    ),
    ("This post is not published: {name} withdrew consent on {date}.", _HELD_FIX["en"]),
    ("Indlægget er ikke udgivet: {name} trak sit samtykke tilbage {date}.", _HELD_FIX["da"]),
    adjustable=False,
    can_block=False,
    variants={
        "held-expired": {
            "en": (
                "This post is not published: {name}'s consent expired on {date}.",
                _HELD_FIX["en"],
            ),
            "da": ("Indlægget er ikke udgivet: {name}s samtykke udløb {date}.", _HELD_FIX["da"]),
        },
        "held-unreadable": {
            "en": (
                "This post is not published: the consent in {author_file} cannot be read "
                "(see the warnings there).",
                "Correct the author file; until then nothing of {name} is on the site.",
            ),
            "da": (
                "Indlægget er ikke udgivet: samtykket i {author_file} kan ikke læses (se "
                "advarslerne der).",
                "Ret forfatterfilen; indtil da er intet af {name} på sitet.",
            ),
        },
        "held-broken": {
            "en": (
                "This post is not published while {author_file} has errors.",
                "Correct the author file (see its errors); then the post is published again.",
            ),
            "da": (
                "Indlægget bliver ikke udgivet, så længe {author_file} har fejl.",
                "Ret forfatterfilen (se dens fejl); så bliver indlægget udgivet igen.",
            ),
        },
        "held-unknown": {
            "en": (
                "This post is not published: {author_file} does not exist.",
                "If {name} left and their file was removed, this is right. Otherwise "
                "restore the file or correct the name.",
            ),
            "da": (
                "Indlægget er ikke udgivet: {author_file} findes ikke.",
                "Er {name} stoppet, og er filen fjernet, er det rigtigt. Ellers så gendan "
                "filen, eller ret navnet.",
            ),
        },
        "held-mention": {
            "en": (
                "This post is not published: it names {name}, who has no current consent.",
                "Take {name}'s name out of the text, or ask HR about their consent.",
            ),
            "da": (
                "Indlægget er ikke udgivet: det nævner {name}, som ikke har et gyldigt samtykke.",
                "Fjern {name}s navn fra teksten, eller spørg HR om samtykket.",
            ),
        },
    },
)
NOT_LISTED = rule(
    "person-not-listed",
    W,
    (
        "A colleague named in the text is listed under people, so their consent is checked.",
        "En kollega, der nævnes i teksten, står under people, så samtykket bliver tjekket.",
    ),
    (
        "Is {name} in this post? The name is in the text but not under 'people:'.",
        "Add '- author: {slug}' under 'people:' so their consent is checked, or take the name out.",
    ),
    (
        "Er {name} med i indlægget? Navnet står i teksten, men ikke under 'people:'.",
        "Tilføj '- author: {slug}' under 'people:', så samtykket bliver tjekket, eller fjern "
        "navnet.",
    ),
)
PHOTO = rule(
    "photo-consent-missing",
    E,
    (
        "Photos show colleagues only with their photo consent.",
        "Billeder viser kun kolleger, der har givet fotosamtykke.",
    ),
    (
        "{name} has not given consent to be shown in photos, but '{path}' is listed as showing "
        "them.",
        "Take the photo out of the post, or ask HR to record {name}'s photo consent in "
        "{author_file}.",
    ),
    (
        "{name} har ikke givet samtykke til at blive vist på billeder, men '{path}' står som et "
        "billede af dem.",
        "Fjern billedet fra indlægget, eller bed HR om at registrere {name}s fotosamtykke i "
        "{author_file}.",
    ),
    adjustable=False,
    variants={
        "photo-author": {
            "en": (
                "'{path}' is {name}'s author photo, and {name} has not given consent to be "
                "shown in photos.",
                "Use another picture, or ask HR to record {name}'s photo consent in {author_file}.",
            ),
            "da": (
                "'{path}' er {name}s forfatterfoto, og {name} har ikke givet samtykke til at "
                "blive vist på billeder.",
                "Brug et andet billede, eller bed HR om at registrere {name}s fotosamtykke i "
                "{author_file}.",
            ),
        },
        "photo-likeness": {
            "en": (
                "'{path}' is {name}'s author photo, re-saved, resized or cropped, and {name} "
                "has not given consent to be shown in photos.",
                "Use another picture, or ask HR to record {name}'s photo consent in {author_file}.",
            ),
            "da": (
                "'{path}' er {name}s forfatterfoto, gemt igen, skaleret eller beskåret, og "
                "{name} har ikke givet samtykke til at blive vist på billeder.",
                "Brug et andet billede, eller bed HR om at registrere {name}s fotosamtykke i "
                "{author_file}.",
            ),
        },
    },
)


@check()
def consent_rules(repo: Repository, post: Post) -> Iterator[Finding]:
    """Consent of authors and people, names in the text, and photos of colleagues."""
    today, lang = repo.site.today, repo.lang
    for problem in consent.problems(post, repo, today):
        values = {
            "name": problem.who,
            "date": problem.date.isoformat() if problem.date else "",
            "author_file": f"{repo.site.authors_dir}/{problem.slug}.yml",
        }
        if problem.kind == "photo" and problem.state not in consent.ENDED:
            variant = "photo-likeness" if problem.like else "photo-author"
            yield PHOTO.finding(lang, post.file, problem.line, variant, path=problem.path, **values)
        elif problem.kind == "mention":
            if problem.state == consent.OK:
                yield NOT_LISTED.finding(lang, post.file, problem.line, slug=problem.slug, **values)
            else:
                yield HELD.finding(lang, post.file, problem.line, "held-mention", **values)
        elif problem.state == consent.UNKNOWN:
            continue  # reading reports an author without a file (author-unknown)
        elif problem.state in consent.ENDED:
            key = None if problem.state == consent.WITHDRAWN else f"held-{problem.state}"
            if problem.state == consent.UNREADABLE and problem.slug in repo.broken_authors:
                key = "held-broken"
            yield HELD.finding(lang, post.file, problem.line, key, **values)
        elif problem.slug is not None and problem.kind == "author":
            yield MISSING.finding(lang, post.file, problem.line, **values)
        elif problem.slug is not None:
            yield PERSON.finding(
                lang, post.file, problem.line, "person-colleague-consent-missing", **values
            )
        else:
            key = "person-evidence-missing" if problem.state == consent.NO_EVIDENCE else None
            yield PERSON.finding(lang, post.file, problem.line, key, **values)
    for index, person in enumerate(post.people):
        author = repo.authors.get(person.author or "")
        if author is None or not person.media:
            continue
        if consent.photo_state(author, today)[0] != consent.OK:
            for number, path in enumerate(person.media):
                yield PHOTO.finding(
                    lang,
                    post.file,
                    post.line_of("people", index, "media", number),
                    name=author.name,
                    path=path,
                    author_file=f"{repo.site.authors_dir}/{author.slug}.yml",
                )


UNLISTED = rule(
    "person-unlisted",
    W,
    (
        "Everyone named in full in a post is an author or listed under 'people:', so HR knows "
        "they agreed to be named.",
        "Alle, der nævnes med fulde navn i et indlæg, er forfattere eller står under 'people:', "
        "så HR ved, at de har sagt ja til at blive nævnt.",
    ),
    (
        "{name} is named on line {line}, but is neither an author of the post nor listed under "
        "'people:'; HR must know that {name} agreed to be named, or the name must go.",
        "Add {name} under 'people:' with 'name:', 'consent:' (the date they agreed in writing) "
        "and 'evidence:' (HR's reference), or take the name out of the post.",
    ),
    (
        "{name} nævnes i linje {line}, men er hverken forfatter til indlægget eller står under "
        "'people:'; HR skal vide, at {name} har sagt ja til at blive nævnt, ellers skal navnet "
        "ud.",
        "Tilføj {name} under 'people:' med 'name:', 'consent:' (datoen for det skriftlige ja) og "
        "'evidence:' (HR's sagsnummer), eller fjern navnet fra indlægget.",
    ),
    imported=(
        "An old post may name people who never agreed to be on this site: ask them, "
        "or take the names out.",
        "Et gammelt indlæg kan nævne folk, der aldrig har sagt ja til at være på dette "
        "site: spørg dem, eller fjern navnene.",
    ),
)
# Published texts that are written as sentences; tags, categories and the slug are not.
_PROSE = frozenset(
    {"body", "alt", "title", "description", "image_alt", "share.text", "video.title", "captions"}
)


def _known_everywhere(repo: Repository) -> KnownNames:
    """Every author's name: their consent is judged by the other rules."""
    return repo.cache.get(
        "unlisted-known", lambda: known_names(a.name for a in repo.authors.values())
    )


def _organisations(repo: Repository) -> list[str]:
    """The policy's organisations and the company, folded: "Arne Jacobsen Design" is a
    company even when its name begins like a person's."""
    policy = repo.policy
    return repo.cache.get(
        "unlisted-organisations",
        lambda: (
            [fold(name) for org in [*policy.approved, *policy.restricted] for name in org.names]
            + [fold(n) for n in (policy.company, repo.site.site_name) if n]
        ),
    )


@check()
def unlisted_people(repo: Repository, post: Post) -> Iterator[Finding]:
    """Full names in the text of people who are neither authors nor under 'people:'."""
    everyone = _known_everywhere(repo)
    listed = known_names(
        name
        for person in post.people
        for name in (person.name, getattr(repo.authors.get(person.author or ""), "name", None))
        if name
    )
    organisations = _organisations(repo)
    reported: set[tuple[str, ...]] = set()
    for segment in post_segments(post, repo.site.root):
        if segment.code or segment.field not in _PROSE:
            continue
        text = visible(segment.text)
        for found in find_full_names(text):
            if (
                found.words in reported
                or is_known(found, everyone)
                or is_known(found, listed)
                or _organisation(found, organisations)
            ):
                continue
            reported.add(found.words)
            if segment.file == post.file:
                line = segment.line_of(found.text, text[: found.start])
            else:  # in the captions: HR reviews the post, so the post's video line says it
                line = post.line_of("video", "captions")
            line = line or first_line(post)
            yield UNLISTED.finding(repo.lang, post.file, line, name=found.text, line=line)


def _organisation(found: FoundName, organisations: list[str]) -> bool:
    name = fold(found.text)
    return any(name in org for org in organisations)


TRANSLATION = rule(
    "translation-other-author",
    E,
    (
        "A post is a translation only of a post it shares an author with.",
        "Et indlæg er kun en oversættelse af et indlæg, det har en forfatter til fælles med.",
    ),
    (
        "'translation_of: {slug}' names {other}, which none of this post's authors wrote; a "
        "translation speaks for the original's authors, so it must be theirs too.",
        "Add one of the original's authors to 'authors:' (they agree to the translation), or "
        "take out 'translation_of:' and publish the post as a story of its own.",
    ),
    (
        "'translation_of: {slug}' peger på {other}, som ingen af dette indlægs forfattere har "
        "skrevet; en oversættelse taler for originalens forfattere, så den skal også være "
        "deres.",
        "Tilføj en af originalens forfattere under 'authors:' (de siger god for "
        "oversættelsen), eller fjern 'translation_of:' og udgiv indlægget som en historie for "
        "sig.",
    ),
    adjustable=False,
)


@check(cacheable=False)
def translation_authors(repo: Repository, post: Post) -> Iterator[Finding]:
    """A translation shares an author with the post it translates (see edition.translates)."""
    if not post.translation_of:
        return
    others = [p for p in repo.posts if p.slug == post.translation_of and p is not post]
    for other in others:
        if not translates(post, other):
            yield TRANSLATION.finding(
                repo.lang,
                post.file,
                post.line_of("translation_of"),
                slug=post.translation_of,
                other=other.file,
            )
            return
