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
    "yaml-alias": {
        "en": ("The {what} uses a YAML anchor or alias ('&' or '*'), which is not allowed.",
               "Write each value out in full where it is used."),
        "da": ("{what} bruger et YAML-anker eller -alias ('&' eller '*'), og det er ikke "
               "tilladt.", "Skriv hver værdi helt ud, der hvor den bruges."),
    },
    "yaml-tag": {
        "en": ("The {what} uses the YAML tag '{tag}', which is not allowed.",
               "Remove the tag (the word starting with '!'); write the value as plain text."),
        "da": ("{what} bruger YAML-tagget '{tag}', og det er ikke tilladt.",
               "Fjern tagget (ordet, der starter med '!'); skriv værdien som almindelig tekst."),
    },
    "yaml-duplicate-key": {
        "en": ("The {what} gives '{field}' twice; only one of them would be used.",
               "Keep one line with '{field}:' and delete the other."),
        "da": ("{what} angiver '{field}' to gange; kun den ene ville blive brugt.",
               "Behold én linje med '{field}:', og slet den anden."),
    },
    "yaml-too-long": {
        "en": ("The {what} is far too long to be read.",
               "Keep the fields short; the story itself goes below the front matter."),
        "da": ("{what} er alt for lang til at blive læst.",
               "Hold felterne korte; selve historien står under front matter."),
    },
    "front-matter-odd": {
        "en": ("The first line looks like '---' but has other characters after the dashes, so "
               "the site would show the front matter as text.",
               "Make the first line exactly three dashes '---' and nothing else."),
        "da": ("Første linje ligner '---', men har andre tegn efter stregerne, så sitet ville "
               "vise front matter som tekst.",
               "Lad første linje være præcis tre bindestreger '---' og intet andet."),
    },
    "text-markup": {
        "en": ("'{field}' contains '{char}', which the site would show as HTML.",
               "Remove it, or write it in words (for example 'and' instead of '&amp;')."),
        "da": ("'{field}' indeholder '{char}', som sitet ville vise som HTML.",
               "Fjern det, eller skriv det med ord (for eksempel 'og' i stedet for '&amp;')."),
    },
    "text-control": {
        "en": ("'{field}' contains an invisible control character ({char}).",
               "Delete the text and type it again (pasted text sometimes carries such "
               "characters)."),
        "da": ("'{field}' indeholder et usynligt kontroltegn ({char}).",
               "Slet teksten og skriv den igen (indsat tekst har nogle gange sådanne tegn med)."),
    },
    "text-line-break": {
        "en": ("'{field}' runs over more than one line.",
               "Write it on one line, in quotes if it contains a colon."),
        "da": ("'{field}' fylder mere end én linje.",
               "Skriv det på én linje, i anførselstegn hvis det indeholder et kolon."),
    },
    "bad-email": {
        "en": ("'{field}' must be an e-mail address, not '{value}'.",
               "Write it like this: '{field}: {example}'."),
        "da": ("'{field}' skal være en e-mailadresse, ikke '{value}'.",
               "Skriv den sådan: '{field}: {example}'."),
    },
    "bad-url-host": {
        "en": ("'{field}' must be an address on {hosts}, not '{value}'.",
               "Copy the address of your profile there, e.g. '{field}: {example}'."),
        "da": ("'{field}' skal være en adresse på {hosts}, ikke '{value}'.",
               "Kopiér adressen på din profil der, f.eks. '{field}: {example}'."),
    },
    "too-many": {
        "en": ("'{field}' lists {count} items; at most {most} are allowed.",
               "Keep the {most} that matter most."),
        "da": ("'{field}' har {count} punkter; højst {most} er tilladt.",
               "Behold de {most}, der betyder mest."),
    },
    "bad-old-address": {
        "en": ("'{value}' in '{field}' is not an address on this site.",
               "Write the old address from the first '/' on, e.g. '/2016/03/04/my-post.html'."),
        "da": ("'{value}' under '{field}' er ikke en adresse på dette site.",
               "Skriv den gamle adresse fra første '/', f.eks. '/2016/03/04/mit-indlaeg.html'."),
    },
    "tag-no-address": {
        "en": ("The tag '{value}' has no letters or digits, so it cannot have a page.",
               "Use a word as the tag."),
        "da": ("Emnet '{value}' har hverken bogstaver eller tal, så det kan ikke få en side.",
               "Brug et ord som emne."),
    },
    "team-no-address": {
        "en": ("The team '{value}' has no letters or digits, so it cannot have a page.",
               "Write the team's name in words."),
        "da": ("Teamet '{value}' har hverken bogstaver eller tal, så det kan ikke få en side.",
               "Skriv teamets navn med ord."),
    },
    "not-in-posts": {
        "en": ("'{field}' is not allowed in a post: every post is shown the site's own way.",
               "Delete the line '{field}: ...'."),
        "da": ("'{field}' er ikke tilladt i et indlæg: alle indlæg vises på sitets egen måde.",
               "Slet linjen '{field}: ...'."),
    },
    "front-matter-multimarkdown": {
        "en": ("The page starts with 'name: value' lines without '---' around them; MkDocs "
               "would read them as settings the check never saw.",
               "Put a line '---' before and after them, or start the page with its text."),
        "da": ("Siden starter med 'navn: værdi'-linjer uden '---' omkring; MkDocs ville læse "
               "dem som indstillinger, tjekket aldrig har set.",
               "Sæt en linje '---' før og efter dem, eller start siden med teksten."),
    },
    "tag-same-address": {
        "en": ("The tags '{value}' and '{other}' would share one page.",
               "Keep one of them."),
        "da": ("Emnerne '{value}' og '{other}' ville dele én side.", "Behold det ene."),
    },
    "bad-template": {
        "en": ("'{value}' is not a template a page may use.",
               "Use one of {choices}, or remove the line."),
        "da": ("'{value}' er ikke en skabelon, en side må bruge.",
               "Brug en af {choices}, eller fjern linjen."),
    },
    "bad-login": {
        "en": ("'{value}' is not a GitHub login.",
               "Write the login as it appears in the address github.com/LOGIN."),
        "da": ("'{value}' er ikke et GitHub-login.",
               "Skriv login'et, som det står i adressen github.com/LOGIN."),
    },
    "listed-twice": {
        "en": ("'{value}' is listed twice under '{field}'.", "Delete one of them."),
        "da": ("'{value}' står to gange under '{field}'.", "Slet den ene."),
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
        "en": ("There is no author '{slug}': the file {authors}/{slug}.yml does not exist, so the "
               "post is not published.",
               "Use the name of an author file without '.yml'{near}, or ask HR to add yours."),
        "da": ("Der findes ingen forfatter '{slug}': filen {authors}/{slug}.yml findes ikke, så "
               "indlægget bliver ikke udgivet.",
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
    "symlink": {
        "en": ("'{path}' is a symbolic link; links are never published or followed, since they "
               "can point at any file.",
               "Replace the link with the file itself, or delete it."),
        "da": ("'{path}' er et symbolsk link; links bliver aldrig udgivet eller fulgt, da de kan "
               "pege på hvilken som helst fil.",
               "Erstat linket med selve filen, eller slet det."),
    },
    "media-symlink": {
        "en": ("The path '{path}' goes through a symbolic link, which is never followed.",
               "Put the file itself under {media}/ and refer to it there."),
        "da": ("Stien '{path}' går gennem et symbolsk link, som aldrig bliver fulgt.",
               "Læg selve filen under {media}/, og henvis til den der."),
    },
    "media-not-media": {
        "en": ("'{path}' is not under {media}/; only files there can be shown on the site.",
               "Put the file under {media}/ and write its path from there, like "
               "'{media}/2026/photo.jpg'."),
        "da": ("'{path}' ligger ikke under {media}/; kun filer der kan vises på sitet.",
               "Læg filen under {media}/, og skriv stien derfra, som '{media}/2026/foto.jpg'."),
    },
    "cache-committed": {
        "en": ("'{path}' is a build cache file committed to the repository; a cache is this "
               "machine's own and is never taken from a branch.",
               "Remove it from the repository (git rm -r --cached .cache) and keep .cache/ in "
               ".gitignore."),
        "da": ("'{path}' er en fil fra byggecachen, der er lagt i repositoriet; en cache er "
               "maskinens egen og hentes aldrig fra en gren.",
               "Fjern den fra repositoriet (git rm -r --cached .cache), og behold .cache/ i "
               ".gitignore."),
    },
    "docs-file-refused": {
        "en": ("'{path}' is not a Markdown page; only pages are published from this folder.",
               "Move photos, videos and captions to media/ and refer to them from a post; "
               "delete other files, or ask a site maintainer."),
        "da": ("'{path}' er ikke en Markdown-side; kun sider bliver udgivet fra denne mappe.",
               "Flyt billeder, video og undertekster til media/, og henvis til dem fra et "
               "indlæg; slet andre filer, eller spørg en ansvarlig for sitet."),
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
