"""Consent rules: authors and people in a post, names in its text, photos of colleagues."""

from __future__ import annotations

from collections.abc import Iterator

from advocacy.core.checking import consent
from advocacy.core.checking.rules.registry import describe, rule
from advocacy.core.i18n.messages import CATALOG
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.repository import Repository

CATALOG.update({
    "consent-missing": {
        "en": ("{name} has not given consent to appear on the site: {author_file} has no current "
               "'profile:' consent.",
               "HR adds the date of {name}'s signed consent under 'consent:' in {author_file} "
               "('profile:' and 'evidence:'); until then the post cannot be published."),
        "da": ("{name} har ikke givet samtykke til at være på sitet: {author_file} har intet "
               "gyldigt 'profile:'-samtykke.",
               "HR tilføjer datoen for {name}s underskrevne samtykke under 'consent:' i "
               "{author_file} ('profile:' og 'evidence:'); indtil da kan indlægget ikke "
               "udgives."),
    },
    "person-consent-missing": {
        "en": ("{name} is in 'people:' without a consent date and evidence.",
               "Ask {name} for written consent, give it to HR, and add 'consent: YYYY-MM-DD' "
               "and 'evidence:' with HR's reference under their entry."),
        "da": ("{name} står under 'people:' uden samtykkedato og dokumentation.",
               "Bed {name} om et skriftligt samtykke, giv det til HR, og tilføj "
               "'consent: ÅÅÅÅ-MM-DD' og 'evidence:' med HR's sagsnummer under personen."),
    },
    "person-evidence-missing": {
        "en": ("{name} is in 'people:' with a consent date but no 'evidence:'.",
               "Add 'evidence:' with HR's reference for the signed consent (never the "
               "document itself)."),
        "da": ("{name} står under 'people:' med en samtykkedato, men uden 'evidence:'.",
               "Tilføj 'evidence:' med HR's sagsnummer for det underskrevne samtykke (aldrig "
               "selve dokumentet)."),
    },
    "held-withdrawn": {
        "en": ("This post is not published: {name} withdrew consent on {date}.",
               "Nothing to fix if that is right: the post stays in the repository but is off "
               "the site, its feeds and search. To publish it again, get new consent or take "
               "{name} out of the post."),
        "da": ("Indlægget er ikke udgivet: {name} trak sit samtykke tilbage {date}.",
               "Intet at rette, hvis det er rigtigt: indlægget bliver i repositoriet, men er "
               "væk fra sitet, feeds og søgning. Vil I udgive det igen, så få et nyt samtykke "
               "eller tag {name} ud af indlægget."),
    },
    "held-expired": {
        "en": ("This post is not published: {name}'s consent expired on {date}.",
               "Nothing to fix if that is right: the post stays in the repository but is off "
               "the site, its feeds and search. To publish it again, get new consent or take "
               "{name} out of the post."),
        "da": ("Indlægget er ikke udgivet: {name}s samtykke udløb {date}.",
               "Intet at rette, hvis det er rigtigt: indlægget bliver i repositoriet, men er "
               "væk fra sitet, feeds og søgning. Vil I udgive det igen, så få et nyt samtykke "
               "eller tag {name} ud af indlægget."),
    },
    "held-mention": {
        "en": ("This post is not published: it names {name}, who has no current consent.",
               "Take {name}'s name out of the text, or ask HR about their consent."),
        "da": ("Indlægget er ikke udgivet: det nævner {name}, som ikke har et gyldigt samtykke.",
               "Fjern {name}s navn fra teksten, eller spørg HR om samtykket."),
    },
    "person-not-listed": {
        "en": ("Is {name} in this post? The name is in the text but not under 'people:'.",
               "Add '- author: {slug}' under 'people:' so their consent is checked, or take "
               "the name out."),
        "da": ("Er {name} med i indlægget? Navnet står i teksten, men ikke under 'people:'.",
               "Tilføj '- author: {slug}' under 'people:', så samtykket bliver tjekket, eller "
               "fjern navnet."),
    },
    "photo-consent-missing": {
        "en": ("{name} has not given consent to be shown in photos, but '{path}' is listed as "
               "showing them.",
               "Take the photo out of the post, or ask HR to record {name}'s photo consent in "
               "authors/{slug}.yml."),
        "da": ("{name} har ikke givet samtykke til at blive vist på billeder, men '{path}' "
               "står som et billede af dem.",
               "Fjern billedet fra indlægget, eller bed HR om at registrere {name}s "
               "fotosamtykke i authors/{slug}.yml."),
    },
})

E, W = Severity.ERROR, Severity.WARNING
describe("consent-missing", E, "Every author has given consent to appear on the site.",
         "Alle forfattere har givet samtykke til at være på sitet.", adjustable=False)
describe("person-consent-missing", E,
         "Everyone named or pictured has given written consent, kept by HR.",
         "Alle, der nævnes eller ses på billeder, har givet skriftligt samtykke, som HR "
         "opbevarer.", adjustable=False)
describe("consent-held", W,
         "A post whose people withdrew consent, or whose consent expired, is taken off the site "
         "at the next build.",
         "Et indlæg, hvor nogen har trukket samtykket tilbage, eller hvor samtykket er udløbet, "
         "fjernes fra sitet ved næste opdatering.", adjustable=False, can_block=False)
describe("person-not-listed", W,
         "A colleague named in the text is listed under people, so their consent is checked.",
         "En kollega, der nævnes i teksten, står under people, så samtykket bliver tjekket.")
describe("photo-consent-missing", E,
         "Photos show colleagues only with their photo consent.",
         "Billeder viser kun kolleger, der har givet fotosamtykke.", adjustable=False)


@rule
def consent_rules(repo: Repository, post: Post) -> Iterator[Finding]:
    """Consent of authors and people, names in the text, and photos of colleagues."""
    today = repo.site.today
    for problem in consent.problems(post, repo, today):
        values = {"name": problem.who, "date": problem.date.isoformat() if problem.date else ""}
        if problem.kind == "mention":
            if problem.state == consent.OK:
                yield repo.finding(post.file, problem.line, "person-not-listed",
                                   "person-not-listed", W, slug=problem.slug, **values)
            else:
                yield repo.finding(post.file, problem.line, "consent-held", "held-mention", W,
                                   **values)
        elif problem.state in (consent.WITHDRAWN, consent.EXPIRED):
            yield repo.finding(post.file, problem.line, "consent-held", f"held-{problem.state}",
                               W, **values)
        elif problem.slug is not None:
            rule_id = "consent-missing" if problem.kind == "author" else "person-consent-missing"
            yield repo.finding(post.file, problem.line, rule_id, "consent-missing", E,
                               author_file=f"{repo.site.authors_dir}/{problem.slug}.yml",
                               **values)
        else:
            key = ("person-evidence-missing" if problem.state == consent.NO_EVIDENCE
                   else "person-consent-missing")
            yield repo.finding(post.file, problem.line, "person-consent-missing", key, E,
                               **values)
    for index, person in enumerate(post.people):
        author = repo.authors.get(person.author or "")
        if author is None or not person.media:
            continue
        if consent.photo_state(author, today)[0] != consent.OK:
            for number, path in enumerate(person.media):
                yield repo.finding(post.file, post.line_of("people", index, "media", number),
                                   "photo-consent-missing", "photo-consent-missing", E,
                                   name=author.name, path=path, slug=author.slug)
