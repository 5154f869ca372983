"""Words the site's own templates show, in Danish and English, and localized dates."""

from __future__ import annotations

import datetime as dt

STRINGS: dict[str, dict[str, str]] = {
    "da": {
        "latest": "Seneste historier",
        "stories": "Historier",
        "all_stories": "Alle historier",
        "by": "Af",
        "min_read": "min. læsetid",
        "posts_by": "Historier af {name}",
        "no_posts": "Ingen historier endnu.",
        "meet": "Mød menneskerne bag historierne",
        "meet_intro": "Alle historier her er skrevet af vores egne medarbejdere.",
        "team": "Team",
        "location": "Sted",
        "former": "Tidligere kollega",
        "linkedin": "{name} på LinkedIn",
        "category": "Kategori: {name}",
        "tag": "Emne: {name}",
        "tags": "Emner",
        "categories": "Kategorier",
        "archive": "Arkiv",
        "archive_year": "Arkiv {year}",
        "page_of": "Side {page} af {pages}",
        "newer": "Nyere historier",
        "older": "Ældre historier",
        "pagination": "Sider",
        "language": "Sprog",
        "lang_da": "Dansk",
        "lang_en": "Engelsk",
        "about_author": "Om forfatteren",
        "photo_of": "Foto af {name}",
        "published": "Udgivet",
        "captions": "Dansk",
        "transcript": "Udskrift af videoen",
        "play_video": "Afspil videoen »{title}« (indlæser {service})",
        "embed_note": "Videoen ligger hos {service}. Intet hentes derfra, før du trykker "
                      "afspil.",
        "watch_on": "Se den på {service}",
        "share_title": "Del historien",
        "share_linkedin": "Del på LinkedIn",
        "share_email": "Send som e-mail",
        "share_x": "Del på X",
        "share_facebook": "Del på Facebook",
        "share_bluesky": "Del på Bluesky",
        "share_copy": "Kopiér link",
        "kit_title": "Arbejder du her? Del din historie",
        "kit_intro": "Her er et forslag til et opslag på LinkedIn. Ret gerne i det, så det "
                     "lyder som dig. Linket fortæller os kun, at der blev delt fra LinkedIn.",
        "kit_copy": "Kopiér teksten",
        "kit_compose": "Skriv opslaget på LinkedIn",
        "follow": "Følg med",
        "follow_intro": "Få nye historier i din feedlæser:",
        "feed_all": "Alle historier",
        "feed_of": "Historier: {name}",
    },
    "en": {
        "latest": "Latest stories",
        "stories": "Stories",
        "all_stories": "All stories",
        "by": "By",
        "min_read": "min read",
        "posts_by": "Stories by {name}",
        "no_posts": "No stories yet.",
        "meet": "Meet the people behind the stories",
        "meet_intro": "Every story here is written by one of our own employees.",
        "team": "Team",
        "location": "Location",
        "former": "Former colleague",
        "linkedin": "{name} on LinkedIn",
        "category": "Category: {name}",
        "tag": "Topic: {name}",
        "tags": "Topics",
        "categories": "Categories",
        "archive": "Archive",
        "archive_year": "Archive {year}",
        "page_of": "Page {page} of {pages}",
        "newer": "Newer stories",
        "older": "Older stories",
        "pagination": "Pages",
        "language": "Language",
        "lang_da": "Danish",
        "lang_en": "English",
        "about_author": "About the author",
        "photo_of": "Photo of {name}",
        "published": "Published",
        "captions": "English",
        "transcript": "Transcript of the video",
        "play_video": "Play the video “{title}” (loads {service})",
        "embed_note": "The video is hosted by {service}. Nothing is loaded from there until "
                      "you press play.",
        "watch_on": "Watch it on {service}",
        "share_title": "Share this story",
        "share_linkedin": "Share on LinkedIn",
        "share_email": "Send by e-mail",
        "share_x": "Share on X",
        "share_facebook": "Share on Facebook",
        "share_bluesky": "Share on Bluesky",
        "share_copy": "Copy link",
        "kit_title": "Do you work here? Share your story",
        "kit_intro": "Here is a suggested LinkedIn post. Change it so it sounds like you. The "
                     "link only tells us that it was shared from LinkedIn.",
        "kit_copy": "Copy the text",
        "kit_compose": "Write the post on LinkedIn",
        "follow": "Follow",
        "follow_intro": "Get new stories in your feed reader:",
        "feed_all": "All stories",
        "feed_of": "Stories: {name}",
    },
}

_MONTHS = {
    "da": ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
           "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}


def strings(lang: str) -> dict[str, str]:
    """The UI strings for ``lang`` (English when the site uses another language)."""
    return STRINGS.get(lang, STRINGS["en"])


def format_date(value: dt.date, lang: str) -> str:
    """``20. november 2026`` in Danish, ``20 November 2026`` in English."""
    month = _MONTHS.get(lang, _MONTHS["en"])[value.month - 1]
    return f"{value.day}. {month} {value.year}" if lang == "da" else (
        f"{value.day} {month} {value.year}")
