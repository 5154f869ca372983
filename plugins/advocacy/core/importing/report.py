"""The import report: counts at the top, then post by post what needs a human (Markdown).

The wording is in the message catalog: ``import.label.<key>`` names a kind of note in the
counts, ``import.message.<key>`` is one line of the report with the note's values, and
``import.report.*`` are the report's own words.
"""

from __future__ import annotations

from collections import Counter

from advocacy.core.i18n.catalog import text
from advocacy.core.importing.common import Note
from advocacy.core.importing.writer import ImportResult


def message(note: Note, lang: str) -> str:
    """One note in words."""
    return text(lang, f"import.message.{note.key}", **dict(note.values))


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
    imported = [p for p in result.posts if p.status != "failed"]
    statuses = Counter(
        [p.status for p in result.posts]
        + [s for _, _, s in result.authors]
        + [m.status for m in result.media]
    )
    notes = items_for_a_human(result)
    rows = [
        (text(lang, "import.report.posts"), len(imported)),
        (f"– {text(lang, 'import.report.drafts')}", sum(p.draft for p in imported)),
        (f"– {text(lang, 'import.report.future')}", sum(p.future for p in imported)),
        (f"– {text(lang, 'import.report.expired')}", sum(p.expired for p in imported)),
        (text(lang, "import.report.failed"), len(result.posts) - len(imported)),
        (text(lang, "import.report.authors"), len(result.authors)),
        (text(lang, "import.report.media"), len(result.media)),
        (text(lang, "import.report.unchanged"), statuses["unchanged"]),
        (text(lang, "import.report.kept"), statuses["kept"]),
        (text(lang, "import.report.items"), len(notes)),
    ]
    out = [
        f"# {text(lang, 'import.report.title')}",
        "",
        text(lang, "import.report.source", kind=result.kind, source=result.source),
        "",
        "| | |",
        "| --- | ---: |",
    ]
    out += [f"| {label} | {value} |" for label, value in rows]
    kinds = Counter(n.key for n in notes)
    out += [
        "",
        f"## {text(lang, 'import.report.kinds')}",
        "",
        f"| {text(lang, 'import.report.kind')} | {text(lang, 'import.report.count')} |",
        "| --- | ---: |",
    ]
    out += [
        f"| {text(lang, f'import.label.{k}')} | {c} |"
        for k, c in sorted(kinds.items(), key=lambda kc: (-kc[1], kc[0]))
    ]
    out += ["", f"## {text(lang, 'import.report.hr')}", "", text(lang, "import.report.hr_text"), ""]
    if result.notes:
        out += [f"## {text(lang, 'import.report.general')}", "", *_lines(result.notes, lang), ""]
    out += [f"## {text(lang, 'import.report.authors_heading')}", ""]
    for rel, author_notes, _ in sorted(result.authors):
        out += [f"### `{rel}`", "", *_lines(author_notes, lang), ""]
    out += [f"## {text(lang, 'import.report.posts_heading')}", ""]
    listed = sorted((p for p in result.posts if p.notes), key=lambda p: p.target or p.source)
    for post in listed:
        out += [
            f"### `{post.target or post.source}`",
            "",
            text(lang, "import.report.from", source=post.source),
            "",
            *_lines(post.notes, lang),
            "",
        ]
    if not listed:
        out += [text(lang, "import.report.none"), ""]
    return "\n".join(out).rstrip("\n") + "\n"
