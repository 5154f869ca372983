"""Every user-facing message and fix, in English and Danish.

Messages are looked up by key so that rules stay free of wording, and so that a Danish
company's employees read their errors in Danish.
"""

from __future__ import annotations

LANGUAGES = ("en", "da")

# key -> language -> (message, fix)
CATALOG: dict[str, dict[str, tuple[str, str]]] = {
    "unreadable": {
        "en": ("The file cannot be read: {error}.",
               "Save the file as UTF-8 text (the GitHub web editor does this for you)."),
        "da": ("Filen kan ikke læses: {error}.",
               "Gem filen som UTF-8-tekst (GitHubs web-editor gør det for dig)."),
    },
    "yaml-syntax": {
        "en": ("The {what} is not valid YAML: {problem}.",
               "Check this line for a missing colon, a stray quote or wrong indentation; "
               "text that contains a colon must be in quotes."),
        "da": ("{what} er ikke gyldig YAML: {problem}.",
               "Tjek linjen for et manglende kolon, et løst anførselstegn eller forkert "
               "indrykning; tekst med et kolon skal stå i anførselstegn."),
    },
    "yaml-tab": {
        "en": ("The {what} has a tab character for indentation on this line.",
               "Indent with spaces, not with the Tab key: two spaces per level."),
        "da": ("{what} har et tabulatortegn som indrykning på denne linje.",
               "Ryk ind med mellemrum, ikke med tabulatortasten: to mellemrum pr. niveau."),
    },
    "yaml-curly-quotes": {
        "en": ("The {what} uses curly quotes (“ ”) on this line, which YAML does not read as "
               "quotes.", "Use straight quotes (\") around the text, e.g. when pasting from "
                          "Word."),
        "da": ("{what} bruger krumme anførselstegn (“ ”) på denne linje, som YAML ikke læser "
               "som anførselstegn.", "Brug lige anførselstegn (\") om teksten, f.eks. når du "
                                     "sætter ind fra Word."),
    },
    "front-matter-missing": {
        "en": ("The post has no front matter (the block between two '---' lines at the top).",
               "Start the file with a line '---', then title, date, authors and description, "
               "each on its own line, then another line '---'."),
        "da": ("Indlægget har ingen front matter (blokken mellem to '---'-linjer øverst).",
               "Start filen med en linje '---', derefter title, date, authors og description "
               "på hver sin linje, og så endnu en linje '---'."),
    },
    "front-matter-unclosed": {
        "en": ("The front matter starts with '---' but never ends.",
               "Add a line with only '---' after the last field, before the text."),
        "da": ("Front matter starter med '---' men slutter aldrig.",
               "Tilføj en linje med kun '---' efter det sidste felt, før teksten."),
    },
    "not-a-mapping": {
        "en": ("The {what} must be a list of 'field: value' lines, not {got}.",
               "Write one 'field: value' per line, as in the template."),
        "da": ("{what} skal være linjer med 'felt: værdi', ikke {got}.",
               "Skriv ét 'felt: værdi' pr. linje, som i skabelonen."),
    },
    "missing-field": {
        "en": ("'{field}' is missing.", "Add a line '{field}: {example}'."),
        "da": ("'{field}' mangler.", "Tilføj en linje '{field}: {example}'."),
    },
    "wrong-type": {
        "en": ("'{field}' must be {expected}, not {got}.",
               "Write it like this: '{field}: {example}'."),
        "da": ("'{field}' skal være {expected}, ikke {got}.",
               "Skriv det sådan: '{field}: {example}'."),
    },
    "empty": {
        "en": ("'{field}' is empty.", "Write it like this: '{field}: {example}'."),
        "da": ("'{field}' er tom.", "Skriv det sådan: '{field}: {example}'."),
    },
    "bad-date": {
        "en": ("'{field}' is not a date: '{value}'.",
               "Write the date as YYYY-MM-DD, for example '{field}: 2026-11-20'."),
        "da": ("'{field}' er ikke en dato: '{value}'.",
               "Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel '{field}: 2026-11-20'."),
    },
    "bad-choice": {
        "en": ("'{field}' is '{value}', which is not one of: {choices}.", "Use one of: {choices}."),
        "da": ("'{field}' er '{value}', som ikke er en af: {choices}.", "Brug en af: {choices}."),
    },
    "bad-length": {
        "en": ("'{field}' is {length} characters long; it must be {low} to {high}.",
               "LinkedIn shows this text under the link: write one or two sentences of "
               "{low} to {high} characters."),
        "da": ("'{field}' er {length} tegn lang; den skal være {low} til {high}.",
               "LinkedIn viser teksten under linket: skriv en eller to sætninger på "
               "{low} til {high} tegn."),
    },
    "bad-url": {
        "en": ("'{field}' must be a web address starting with https://, not '{value}'.",
               "Copy the address from your browser's address bar, e.g. '{field}: {example}'."),
        "da": ("'{field}' skal være en webadresse, der starter med https://, ikke '{value}'.",
               "Kopiér adressen fra browserens adresselinje, f.eks. '{field}: {example}'."),
    },
    "bad-slug": {
        "en": ("'{field}' is '{value}'; it may only hold lower-case letters a-z, digits and '-'.",
               "Write it like this: '{field}: {suggestion}'."),
        "da": ("'{field}' er '{value}'; det må kun indeholde små bogstaver a-z, tal og '-'.",
               "Skriv det sådan: '{field}: {suggestion}'."),
    },
    "unknown-field": {
        "en": ("Unknown field '{field}'.",
               "Remove it, or check its spelling against the template; known fields: {known}."),
        "da": ("Ukendt felt '{field}'.",
               "Fjern det, eller tjek stavningen mod skabelonen; kendte felter: {known}."),
    },
    "unknown-field-near": {
        "en": ("Unknown field '{field}': did you mean '{suggestion}'?",
               "Rename '{field}' to '{suggestion}'."),
        "da": ("Ukendt felt '{field}': mente du '{suggestion}'?",
               "Omdøb '{field}' til '{suggestion}'."),
    },
    "unknown-author": {
        "en": ("There is no author '{slug}': the file authors/{slug}.yml does not exist.",
               "Use the name of an author file without '.yml'{near}, or ask HR to add yours."),
        "da": ("Der findes ingen forfatter '{slug}': filen authors/{slug}.yml findes ikke.",
               "Brug navnet på en forfatterfil uden '.yml'{near}, eller bed HR om at "
               "oprette din."),
    },
    "unknown-category": {
        "en": ("The category '{value}' is not one of the site's categories.",
               "Use one of: {choices}."),
        "da": ("Kategorien '{value}' er ikke en af sidens kategorier.", "Brug en af: {choices}."),
    },
    "person-without-name": {
        "en": ("This entry in 'people' has neither 'author' nor 'name'.",
               "Write '- author: <slug>' for a colleague, or '- name: \"Full Name\"' with "
               "'consent:' and 'evidence:' for anyone else."),
        "da": ("Denne linje i 'people' har hverken 'author' eller 'name'.",
               "Skriv '- author: <slug>' for en kollega, eller '- name: \"Fulde Navn\"' med "
               "'consent:' og 'evidence:' for alle andre."),
    },
    "video-source": {
        "en": ("'video' needs exactly one of 'src', 'youtube' or 'vimeo'.",
               "Write 'src: media/...mp4' for a video in the repository, or 'youtube: VIDEO_ID'."),
        "da": ("'video' skal have præcis én af 'src', 'youtube' eller 'vimeo'.",
               "Skriv 'src: media/...mp4' for en video i repositoriet, eller 'youtube: VIDEO_ID'."),
    },
    "image-alt-missing": {
        "en": ("'image' is set but 'image_alt' is missing.",
               "Add 'image_alt:' with a short description of what the picture shows, for "
               "readers who cannot see it."),
        "da": ("'image' er sat, men 'image_alt' mangler.",
               "Tilføj 'image_alt:' med en kort beskrivelse af, hvad billedet viser, til "
               "læsere, der ikke kan se det."),
    },
    "media-missing": {
        "en": ("The file '{path}' does not exist.",
               "Upload it under media/ or correct the path (names are case-sensitive)."),
        "da": ("Filen '{path}' findes ikke.",
               "Upload den under media/ eller ret stien (der skelnes mellem store og små "
               "bogstaver)."),
    },
    "media-outside": {
        "en": ("The path '{path}' leads outside the repository.",
               "Put the file under media/ and write its path from the top of the repository, "
               "like 'media/2026/photo.jpg'."),
        "da": ("Stien '{path}' peger uden for repositoriet.",
               "Læg filen under media/ og skriv stien fra toppen af repositoriet, som "
               "'media/2026/foto.jpg'."),
    },
    "media-absolute": {
        "en": ("The path '{path}' starts with '/', so it points at the web site, not at a file "
               "in the repository.",
               "Write the path from the top of the repository, like 'media/2026/photo.jpg'."),
        "da": ("Stien '{path}' starter med '/', så den peger på hjemmesiden, ikke på en fil i "
               "repositoriet.",
               "Skriv stien fra toppen af repositoriet, som 'media/2026/foto.jpg'."),
    },
    "media-external": {
        "en": ("The image '{path}' is loaded from another website, which tells that website "
               "who reads our page.",
               "Upload the picture to media/ (if we may use it) and link to that file."),
        "da": ("Billedet '{path}' hentes fra en anden hjemmeside, som dermed kan se, hvem der "
               "læser vores side.",
               "Upload billedet til media/ (hvis vi må bruge det) og henvis til den fil."),
    },
    "body-image-alt-missing": {
        "en": ("The image '{path}' has no alt text.",
               "Describe what the picture shows between the brackets: ![Two colleagues at a "
               "whiteboard]({path})."),
        "da": ("Billedet '{path}' har ingen alt-tekst.",
               "Beskriv, hvad billedet viser, mellem de firkantede parenteser: ![To kolleger "
               "ved en tavle]({path})."),
    },
    "terms-file-unreadable": {
        "en": ("The confidential terms file '{terms_file}' cannot be read, so nothing could be "
               "checked against it.",
               "Check the path in 'confidential_terms_file', or remove the line."),
        "da": ("Filen med fortrolige ord '{terms_file}' kan ikke læses, så intet kunne tjekkes "
               "mod den.",
               "Tjek stien i 'confidential_terms_file', eller fjern linjen."),
    },
    "duplicate-address": {
        "en": ("This post has the same address {url} as {other}.",
               "Give one of the two posts another 'slug:'."),
        "da": ("Indlægget har samme adresse {url} som {other}.",
               "Giv et af de to indlæg en anden 'slug:'."),
    },
    "bad-author-file-name": {
        "en": ("The author file name '{name}' is not a valid id.",
               "Rename the file to '{suggestion}.yml' (lower-case a-z, digits and '-')."),
        "da": ("Navnet på forfatterfilen '{name}' er ikke et gyldigt id.",
               "Omdøb filen til '{suggestion}.yml' (små bogstaver a-z, tal og '-')."),
    },
}

Localized = dict[str, str]


def localized(en: str, da: str) -> Localized:
    """A value that differs by language, for use inside a message."""
    return {"en": en, "da": da}


def render(key: str, lang: str, **values: object) -> tuple[str, str]:
    """The message and fix for ``key`` in ``lang`` (English when unknown).

    A value made with :func:`localized` is replaced by its text in ``lang``.
    """
    entry = CATALOG[key]
    lang = lang if lang in entry else "en"
    message, fix = entry[lang]
    plain = {k: (v.get(lang, v.get("en")) if isinstance(v, dict) else v) for k, v in values.items()}
    return message.format(**plain), fix.format(**plain)
