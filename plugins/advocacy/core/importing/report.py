"""The import report: counts at the top, then post by post what needs a human (Markdown).

The wording lives in the small table below, in English and Danish, until the team moves
every message into one catalog.
"""

from __future__ import annotations

from collections import Counter

from advocacy.core.importing.common import Note
from advocacy.core.importing.writer import ImportResult

# fmt: off
# key: (English label, English message, Danish label, Danish message); a label names the
# kind in the counts, a message is one line of the report with the note's {values}.
MESSAGES: dict[str, tuple[str, str, str, str]] = {
    "template-left": (
        "template code left", "Template code left as it is: `{code}`",
        "skabelonkode efterladt", "Skabelonkode efterladt, som den er: `{code}`"),
    "template-comment-dropped": (
        "template comments left out", "A template comment containing '--' was left out",
        "skabelonkommentarer udeladt", "En skabelonkommentar med '--' i blev udeladt"),
    "html-kept": (
        "raw HTML kept", "Raw HTML kept as it is: {tags}",
        "rå HTML bevaret", "Rå HTML bevaret, som den er: {tags}"),
    "yaml-repaired": (
        "front matter repaired", "Front matter repaired: {what}",
        "front matter rettet", "Front matter rettet: {what}"),
    "not-utf8": (
        "not UTF-8",
        "The file was not UTF-8 and was read as Windows-1252: check special characters",
        "ikke UTF-8", "Filen var ikke UTF-8 og blev læst som Windows-1252: tjek specialtegn"),
    "date-unreadable": (
        "dates not understood",
        "Date '{value}' not understood: the date from the file name is used",
        "datoer ikke forstået",
        "Datoen '{value}' blev ikke forstået: datoen fra filnavnet er brugt"),
    "date-from-file-time": (
        "dates from file times", "No date: the file's modification time is used",
        "datoer fra filtider", "Ingen dato: filens ændringstidspunkt er brugt"),
    "title-from-file-name": (
        "titles made", "No title: one was made from the file name",
        "titler lavet", "Ingen titel: en blev lavet ud fra filnavnet"),
    "title-missing": (
        "titles missing", "No title: the slug is used; write one",
        "titler mangler", "Ingen titel: slugget er brugt; skriv en"),
    "remote-image": (
        "remote pictures", "Picture on another website, not downloaded: {ref}",
        "billeder på andre sider", "Billede på en anden hjemmeside, ikke hentet: {ref}"),
    "image-missing": (
        "pictures not found", "Picture not found in the source: `{ref}`",
        "billeder ikke fundet", "Billedet findes ikke i kilden: `{ref}`"),
    "site-link": (
        "links to the old site", "Link to a page of the old site left as it is: `{ref}`",
        "links til det gamle site", "Link til en side på det gamle site efterladt: `{ref}`"),
    "link-unresolved": (
        "links to posts not imported", "Link to a post that was not imported: `{code}`",
        "links til indlæg, der ikke er importeret",
        "Link til et indlæg, der ikke blev importeret: `{code}`"),
    "video-field": (
        "videos moved to video:",
        "The {service} video {id} is now the post's `video:` field; it needs captions",
        "videoer flyttet til video:",
        "{service}-videoen {id} er nu indlæggets `video:`-felt; den skal have undertekster"),
    "category-as-tag": (
        "categories kept as tags",
        "Category '{name}' is not one of the site's categories: kept as a tag",
        "kategorier gjort til tags",
        "Kategorien '{name}' er ikke en af sitets kategorier: bevaret som tag"),
    "description-derived": (
        "descriptions from the first paragraph",
        "Description made from the first paragraph: check that it reads well",
        "beskrivelser fra første afsnit",
        "Beskrivelsen er lavet ud fra første afsnit: tjek, at den læser godt"),
    "description-trimmed": (
        "descriptions shortened", "Description shortened to 160 characters at a word",
        "beskrivelser forkortet", "Beskrivelsen er forkortet til 160 tegn ved et ord"),
    "description-missing": (
        "descriptions missing", "No text of 50 to 160 characters for the description: write one",
        "beskrivelser mangler", "Ingen tekst på 50 til 160 tegn til beskrivelsen: skriv en"),
    "slug-renamed": (
        "duplicate slugs renamed", "Another post has the same date and slug: renamed to '{slug}'",
        "dobbelte slugs omdøbt", "Et andet indlæg har samme dato og slug: omdøbt til '{slug}'"),
    "alias-conflict": (
        "old addresses in conflict", "The old address {url} already leads to {other}: not added",
        "gamle adresser i konflikt",
        "Den gamle adresse {url} fører allerede til {other}: ikke tilføjet"),
    "author-missing": (
        "posts without an author", "No author: add one under `authors:`",
        "indlæg uden forfatter", "Ingen forfatter: tilføj en under `authors:`"),
    "language-unknown": (
        "languages not on the site",
        "Language '{value}' is not one of the site's: '{used}' is used",
        "sprog, sitet ikke har", "Sproget '{value}' er ikke et af sitets: '{used}' er brugt"),
    "file-exists": (
        "files left as they were",
        "{path} exists and differs: left as it is (--force overwrites it)",
        "filer ladt som de var",
        "{path} findes og er anderledes: ladt, som den er (--force overskriver den)"),
    "failed": (
        "posts not imported", "Could not be imported: {error}",
        "indlæg ikke importeret", "Kunne ikke importeres: {error}"),
    "wp-status": (
        "private or pending posts", "WordPress status '{status}': imported as a draft",
        "private eller ventende indlæg", "WordPress-status '{status}': importeret som kladde"),
    "wp-password": (
        "password-protected posts", "Password-protected in WordPress: imported as a draft",
        "kodeordsbeskyttede indlæg", "Kodeordsbeskyttet i WordPress: importeret som kladde"),
    "author-no-consent": (
        "authors without consent",
        "Created without consent: nothing under this name is published until HR records it",
        "forfattere uden samtykke",
        "Oprettet uden samtykke: intet under dette navn udgives, før HR har registreret det"),
    "author-no-record": (
        "authors without a record",
        "The source has no record for '{id}': the name is the id; write the real name",
        "forfattere uden oplysninger",
        "Kilden har ingen oplysninger om '{id}': navnet er id'et; skriv det rigtige navn"),
    "author-placeholder": (
        "placeholders written", "`{field}` not in the source: '{value}' written; replace it",
        "pladsholdere skrevet", "`{field}` står ikke i kilden: '{value}' er skrevet; erstat det"),
    "author-has-consent": (
        "authors kept (consent recorded)", "Exists with consent recorded by HR: left as it is",
        "forfattere bevaret (samtykke registreret)",
        "Findes med samtykke registreret af HR: ladt, som den er"),
    "comments-skipped": (
        "comments not imported", "{count} comments were not imported: commenters gave no consent",
        "kommentarer ikke importeret",
        "{count} kommentarer blev ikke importeret: kommentatorerne har ikke givet samtykke"),
    "wp-status-skipped": (
        "items skipped", "'{title}' ({status}) was not imported",
        "elementer sprunget over", "'{title}' ({status}) blev ikke importeret"),
    "author-unreadable": (
        "author records unreadable", "Author record {file} could not be read: {error}",
        "forfatteroplysninger ulæselige",
        "Forfatteroplysningerne {file} kunne ikke læses: {error}"),
    "no-mkdocs": (
        "no mkdocs.yml",
        "No {file} in the target: the kit's default folders and language were used",
        "ingen mkdocs.yml", "Ingen {file} i målet: kittets standardmapper og -sprog blev brugt"),
    # Why the command could not run (exit code 2); the labels are not shown.
    "not-jekyll": (
        "", "{path} is not a Jekyll site: it has no _posts/ folder",
        "", "{path} er ikke et Jekyll-site: der er ingen _posts/-mappe"),
    "not-hugo": (
        "", "{path} is not a Hugo site: it has no hugo.toml or config file",
        "", "{path} er ikke et Hugo-site: der er ingen hugo.toml- eller config-fil"),
    "no-hugo-posts": (
        "", "{path} has no content/posts, content/post or content/blog folder",
        "", "{path} har ingen mappe content/posts, content/post eller content/blog"),
    "not-wxr": (
        "", "{path} is not a WordPress export (WXR) file",
        "", "{path} er ikke en WordPress-eksport (WXR-fil)"),
    "wxr-which": (
        "", "{path}: give the WordPress export file (WXR, .xml) itself",
        "", "{path}: angiv selve WordPress-eksportfilen (WXR, .xml)"),
    "wxr-entities": (
        "", "{path} declares a document type or entities; a WordPress export never does, so "
            "it is not read",
        "", "{path} erklærer en dokumenttype eller entiteter; det gør en WordPress-eksport "
            "aldrig, så den læses ikke"),
    "xml-broken": (
        "", "{path} is not well-formed XML: {error}",
        "", "{path} er ikke gyldig XML: {error}"),
    "source-unreadable": (
        "", "{path} cannot be read: {error}",
        "", "{path} kan ikke læses: {error}"),
    "source-missing": (
        "", "{path} does not exist",
        "", "{path} findes ikke"),
    "timezone-unknown": (
        "", "unknown time zone '{name}' (use a name such as Europe/Copenhagen)",
        "", "ukendt tidszone '{name}' (brug et navn som Europe/Copenhagen)"),
    "into-missing": (
        "", "{path} is not a folder",
        "", "{path} er ikke en mappe"),
}
# fmt: on
TEXT = {
    "en": {
        "title": "Import report",
        "source": "Imported from {kind} `{source}`.",
        "posts": "Posts imported",
        "drafts": "of which drafts",
        "future": "of which scheduled (date to come)",
        "expired": "of which expired",
        "failed": "Posts not imported",
        "authors": "Authors (files in authors/)",
        "media": "Files copied to media/",
        "unchanged": "Files already there and unchanged",
        "kept": "Files left as they were",
        "items": "Items for a human",
        "kinds": "Items by kind",
        "kind": "kind",
        "count": "count",
        "hr": "For HR",
        "general": "About the source",
        "hr_text": "The importer never changes what people wrote. Run `advocacy check`: it "
        "reports what the kit's rules find in the imported posts (e-mail addresses, "
        "phone numbers, people who are not authors, scripts, pictures from other "
        "websites). Nobody appears on the site until you record their consent in "
        "their author file.",
        "authors_heading": "Authors",
        "posts_heading": "Posts",
        "from": "From `{source}`.",
        "none": "Nothing needs a human.",
    },
    "da": {
        "title": "Importrapport",
        "source": "Importeret fra {kind} `{source}`.",
        "posts": "Importerede indlæg",
        "drafts": "heraf kladder",
        "future": "heraf planlagte (dato ikke nået)",
        "expired": "heraf udløbne",
        "failed": "Indlæg, der ikke blev importeret",
        "authors": "Forfattere (filer i authors/)",
        "media": "Filer kopieret til media/",
        "unchanged": "Filer, der allerede fandtes uændret",
        "kept": "Filer ladt, som de var",
        "items": "Punkter til et menneske",
        "kinds": "Punkter efter slags",
        "kind": "slags",
        "count": "antal",
        "hr": "Til HR",
        "general": "Om kilden",
        "hr_text": "Importen ændrer aldrig, hvad folk har skrevet. Kør `advocacy check`: den "
        "viser, hvad kittets regler finder i de importerede indlæg (e-mailadresser, "
        "telefonnumre, personer, der ikke er forfattere, scripts, billeder fra andre "
        "hjemmesider). Ingen vises på sitet, før I har registreret deres samtykke i "
        "deres forfatterfil.",
        "authors_heading": "Forfattere",
        "posts_heading": "Indlæg",
        "from": "Fra `{source}`.",
        "none": "Intet kræver et menneske.",
    },
}


def _entry(key: str, lang: str) -> tuple[str, str]:
    """(label, message) of ``key`` in ``lang`` (English for any other language)."""
    entry = MESSAGES[key]
    return (entry[2], entry[3]) if lang == "da" else (entry[0], entry[1])


def message(note: Note, lang: str) -> str:
    """One note in words."""
    template = _entry(note.key, lang)[1]
    return template.format(**dict(note.values))


def _lines(notes: list[Note], lang: str) -> list[str]:
    """A post's notes as list items; raw HTML kept is one line with counts per tag."""
    tags = Counter(dict(n.values)["tag"] for n in notes if n.key == "html-kept")
    lines = []
    for note in notes:
        if note.key == "html-kept":
            if tags:
                listed = ", ".join(
                    f"<{t}> ({c})" if c > 1 else f"<{t}>" for t, c in sorted(tags.items())
                )
                lines.append(message(Note.of("html-kept", tags=listed), lang))
                tags = Counter()
            continue
        lines.append(message(note, lang))
    return [f"- {line}" for line in dict.fromkeys(lines)]


def items_for_a_human(result: ImportResult) -> list[Note]:
    """Every note the report lists (authors' consent notes included)."""
    notes = [n for p in result.posts for n in p.notes]
    notes += [n for _, author_notes, _ in result.authors for n in author_notes]
    return notes + result.notes


def render(result: ImportResult, lang: str = "en") -> str:
    """The whole report as Markdown."""
    text = TEXT.get(lang, TEXT["en"])
    imported = [p for p in result.posts if p.status != "failed"]
    statuses = Counter(
        [p.status for p in result.posts]
        + [s for _, _, s in result.authors]
        + [m.status for m in result.media]
    )
    notes = items_for_a_human(result)
    rows = [
        (text["posts"], len(imported)),
        (f"– {text['drafts']}", sum(p.draft for p in imported)),
        (f"– {text['future']}", sum(p.future for p in imported)),
        (f"– {text['expired']}", sum(p.expired for p in imported)),
        (text["failed"], len(result.posts) - len(imported)),
        (text["authors"], len(result.authors)),
        (text["media"], len(result.media)),
        (text["unchanged"], statuses["unchanged"]),
        (text["kept"], statuses["kept"]),
        (text["items"], len(notes)),
    ]
    out = [
        f"# {text['title']}",
        "",
        text["source"].format(kind=result.kind, source=result.source),
        "",
        "| | |",
        "| --- | ---: |",
    ]
    out += [f"| {label} | {value} |" for label, value in rows]
    kinds = Counter(n.key for n in notes)
    out += [
        "",
        f"## {text['kinds']}",
        "",
        f"| {text['kind']} | {text['count']} |",
        "| --- | ---: |",
    ]
    out += [
        f"| {_entry(k, lang)[0]} | {c} |"
        for k, c in sorted(kinds.items(), key=lambda kc: (-kc[1], kc[0]))
    ]
    out += ["", f"## {text['hr']}", "", text["hr_text"], ""]
    if result.notes:
        out += [f"## {text['general']}", "", *_lines(result.notes, lang), ""]
    out += [f"## {text['authors_heading']}", ""]
    for rel, author_notes, _ in sorted(result.authors):
        out += [f"### `{rel}`", "", *_lines(author_notes, lang), ""]
    out += [f"## {text['posts_heading']}", ""]
    listed = sorted((p for p in result.posts if p.notes), key=lambda p: p.target or p.source)
    for post in listed:
        out += [
            f"### `{post.target or post.source}`",
            "",
            text["from"].format(source=post.source),
            "",
            *_lines(post.notes, lang),
            "",
        ]
    if not listed:
        out += [text["none"], ""]
    return "\n".join(out).rstrip("\n") + "\n"
